"""Everything one screen needs, gathered in one call: the commands whose result is more than
one service's answer (a calendar and whether its year is confirmed; a summary and the
center's name; the report's form data and its late dossiers; a worklist asked with
filters; an export to one of three targets) and the reports over a period as the command
line asks for it (:class:`PeriodAsked`).

The command line parses its options, calls one function here or in the other services, and
renders what comes back; it reads no setting and applies no rule itself.
"""

from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.app import service
from tthc.app.context import Context
from tthc.app.dossiers import ListFilter
from tthc.core.errors import TthcError

if TYPE_CHECKING:
    from tthc.app.calendar_check import Applied, Mismatch
    from tthc.app.corrections import Changed
    from tthc.app.indicators import Scorecard
    from tthc.app.papers import LogBook
    from tthc.app.service import CalendarRow
    from tthc.app.summary import Summary
    from tthc.app.transfer import FullExport
    from tthc.app.worklist import Worklist
    from tthc.app.workload import Compliance, Workload
    from tthc.core.periods import Period
    from tthc.core.settings import Settings

__all__ = ["ListFilter", "PeriodAsked"]


@dataclass(frozen=True)
class PeriodAsked:
    """A period as typed: ``--from/--to``, ``--month``, ``--quarter`` or ``--year``."""

    from_: str | None = None
    to: str | None = None
    month: str | None = None
    quarter: str | None = None
    year: str | None = None


def period(ctx: Context, asked: PeriodAsked) -> "Period":
    """The center's reporting period the options name."""
    return service.period(ctx, **asdict(asked))


# -- calendar ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CalendarView:
    """A year's days off and make-up days, and whether the year's days are confirmed yet."""

    rows: "list[CalendarRow]"
    year: int
    provisional: bool


def calendar(ctx: Context, year: int | None) -> CalendarView:
    """The calendar of ``year`` (this year by default) as the center works by it."""
    from tthc.core.workcalendar import is_provisional

    y = year or ctx.now.year
    rows = service.calendar_rows(ctx, y)
    return CalendarView(rows, y, is_provisional(y, ctx.settings().calendar_confirmed_through))


@dataclass(frozen=True)
class CalendarCheck:
    """The dossiers whose dates a calendar change moved, and, when applied, what was done."""

    items: "list[Mismatch]"
    applied: "Applied | None"


def calendar_check(ctx: Context, apply: bool, reason: str | None) -> CalendarCheck:
    """The dossiers whose due dates the calendar as it is now would move; with ``apply``,
    moved (or noted) in one transaction."""
    from tthc.app import calendar_check as check

    items = check.check(ctx)
    return CalendarCheck(items, check.apply(ctx, reason) if apply else None)


# -- reports ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class SummaryView:
    """A period's figures, and the center's name over them."""

    summary: "Summary"
    center_name: str


def summary(
    ctx: Context,
    asked: PeriodAsked,
    by: str | None,
    *,
    field: str | None = None,
    procedure: str | None = None,
) -> SummaryView:
    """The period's figures, for the whole center or one field or procedure."""
    result = service.summary(ctx, period(ctx, asked), by, field=field, procedure=procedure)
    return SummaryView(result, ctx.settings().center_name)


def indicators(ctx: Context, asked: PeriodAsked, by: str | None) -> "Scorecard":
    """The period's scorecard (Decision 766 indicators)."""
    from tthc.app.indicators import build

    return build(ctx, period(ctx, asked), by)


@dataclass(frozen=True)
class ReportData:
    """What the periodic report's form is made of: the figures by field, the center's
    settings, the day it is made, the period's late dossiers (for the file's second sheet)
    and, when the report closed the period, the day reports are closed through."""

    summary: "Summary"
    settings: "Settings"
    today: date
    late: "Compliance | None"
    closed_through: date | None


def report(ctx: Context, asked: PeriodAsked, *, with_late: bool, close: bool) -> ReportData:
    """The report's data; with ``close``, the period marked as reported."""
    from tthc.app.workload import late

    p = period(ctx, asked)
    by_field = service.summary(ctx, p, "field")
    late_ones = late(ctx, p) if with_late else None
    closed = service.close_reports(ctx, p) if close else None
    return ReportData(by_field, ctx.settings(), ctx.now.date(), late_ones, closed)


def officers(ctx: Context, asked: PeriodAsked, by: str) -> "Workload":
    """Each officer's (or point's) dossiers in the period."""
    from tthc.app.workload import officers as workload

    return workload(ctx, period(ctx, asked), by)


def late(ctx: Context, asked: PeriodAsked) -> "Compliance":
    """The period's late dossiers, apologies and corrections."""
    from tthc.app.workload import late as compliance

    return compliance(ctx, period(ctx, asked))


@dataclass(frozen=True)
class CorrectionsView:
    """The corrections made in a period, and the period."""

    items: "list[Changed]"
    period: "Period"


def corrections(ctx: Context, asked: PeriodAsked) -> CorrectionsView:
    """Every correction (an undone step, a corrected moment) made in the period."""
    from tthc.app.corrections import corrections as made

    p = period(ctx, asked)
    return CorrectionsView(made(ctx, p), p)


def log_book(ctx: Context, asked: PeriodAsked) -> "LogBook":
    """The receipt log book (form 06) of the period."""
    from tthc.app.papers import log_book as book

    return book(ctx, period(ctx, asked))


def rollup(ctx: Context, paths: list[Path], asked: PeriodAsked, by: str, *, detail: bool) -> Any:
    """Several centers' figures over calendar months (a province's roll-up)."""
    p = service.province_period(ctx, **asdict(asked))
    return service.rollup(ctx, paths, p, by, detail=detail)


# -- the worklist and exports -----------------------------------------------------------------
def worklist(ctx: Context, filters: ListFilter, *, to_notify: bool, limit: int) -> "Worklist":
    """The dossiers the filters ask for, grouped as the clerk's worklist shows them."""
    from dataclasses import replace

    from tthc.app.worklist import build

    return build(ctx, replace(filters, to_notify=to_notify, limit=limit))


@dataclass(frozen=True)
class Exported:
    """What an export wrote: ``count`` dossiers to a table, a full export, or Parquet files."""

    path: Path
    count: int = 0
    full: "FullExport | None" = None
    parquet: Any = None


def export(
    ctx: Context,
    file: Path | None,
    parquet: Path | None,
    filters: ListFilter,
    *,
    full: bool,
    excel_vn: bool,
) -> Exported:
    """The dossiers the filters ask for to a table file (or, ``full``, everything a merge
    needs), or the whole database to Parquet files for the province: one target only."""
    if (file is None) == (parquet is None):
        raise TthcError("give either a FILE to export to or --parquet DIR, not both")
    if parquet is not None:
        return Exported(parquet, parquet=service.export_parquet(ctx, parquet))
    assert file is not None
    from dataclasses import replace

    f = replace(filters, limit=None)
    if full:
        from tthc.app.transfer import export_full

        return Exported(file, full=export_full(ctx, file, f))
    from tthc.app.interchange import export as export_dossiers

    return Exported(file, count=export_dossiers(ctx, file, f, excel_vn=excel_vn))


# -- the demonstration ------------------------------------------------------------------------
@dataclass(frozen=True)
class DemoBuilt:
    """A demonstration database: where, its figures over its days, and the period to type."""

    path: Path
    view: SummaryView
    start: date
    end: date


def demo(ctx: Context, db: Path | None) -> DemoBuilt:
    """Build the demonstration center in ``db`` (or the default file) and sum it up."""
    from tthc.app import demo as demo_module

    ctx.use_database(db or demo_module.default_path())
    demo_module.build(ctx)
    start, end = demo_module.START, demo_module.END
    return DemoBuilt(
        ctx.db_path, summary(ctx, PeriodAsked(start.isoformat(), end.isoformat()), "field"), start, end
    )


def settings(ctx: Context) -> list[tuple[str, str]]:
    """The center's settings as they may be shown, from a database that must exist."""
    ctx.store()
    return service.show_settings(ctx)
