"""Everything a person reads: rich tables and lines, JSON, in the chosen language.

rich is imported here and only when something is drawn.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.i18n import fmt_day, label, step_label, t
from tthc.models import mask_id

if TYPE_CHECKING:
    from rich.console import Console

    from tthc.dossiers import DossierView
    from tthc.interchange import ImportReport
    from tthc.merge import MergeReport
    from tthc.models import Dossier, Event, Procedure, Registered
    from tthc.service import CalendarRow, InitResult, Quote
    from tthc.station import Station
    from tthc.summary import Figures, Summary
    from tthc.transfer import FullExport


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def echo(text: str) -> None:
    sys.stdout.write(text + "\n")


def print_json(data: Any) -> None:
    echo(json.dumps(data, ensure_ascii=False, indent=2))


def fmt_moment(lang: str, moment: datetime) -> str:
    return f"{fmt_day(lang, moment.date())} {moment.strftime('%H:%M')}"


def print_init(result: InitResult, lang: str) -> None:
    if result.created:
        echo(t(lang, "initialised", path=result.path))
    else:
        echo(t(lang, "already_initialised", path=result.path))
        for key, old, new in result.changes:
            echo(
                "  "
                + t(
                    lang, "init_changed" if result.updated else "init_would_change", key=key, old=old, new=new
                )
            )
        if result.changes and not result.updated:
            echo(t(lang, "init_use_update"))
    if result.station is not None and result.station_path is not None:
        print_station(result.station, result.station_path, lang)


def print_station(station: Station, path: Path, lang: str) -> None:
    """This PC's point, default officer and block of daily numbers."""
    block = station.block
    echo(
        t(
            lang,
            "station_line",
            point=station.point or t(lang, "w_no_point"),
            officer=station.officer or t(lang, "w_no_officer"),
            first=block.first,
            last=block.last,
            path=path,
        )
    )


def print_quote(q: Quote, lang: str, *, explain: bool) -> None:
    due = q.due
    lines = [
        f"{t(lang, 'limit')}: {due.limit}"
        + (f" ({q.procedure.code} {q.procedure.name})" if q.procedure else ""),
        f"{t(lang, 'received_at')}: {fmt_moment(lang, q.received_at)}",
    ]
    if q.counting.anchor != q.received_at:
        lines.append(f"{t(lang, 'effective_receipt')}: {fmt_moment(lang, q.counting.anchor)}")
    lines.append(f"{t(lang, 'due_at')}: {fmt_moment(lang, due.due_at)}")
    for line in lines:
        echo(line)
    for year in q.provisional_years:
        echo("! " + t(lang, "provisional", year=year))
    if explain:
        rows = [(fmt_day(lang, s.day) if s.day else "", t(lang, s.what, **s.args)) for s in q.steps]
        width = max(len(r[0]) for r in rows)
        echo("")
        for day_text, what in rows:
            echo(f"  {day_text.ljust(width)}  {what}")


def print_settings(rows: Sequence[tuple[str, str, str]], lang: str) -> None:
    from rich.table import Table

    table = Table(t(lang, "setting"), t(lang, "value"), "")
    for key, value, help_text in rows:
        table.add_row(key, value, help_text)
    console().print(table)


def print_calendar(rows: Sequence[CalendarRow], year: int, provisional: bool, lang: str) -> None:
    from rich.table import Table

    title = t(lang, "calendar_title", year=year)
    if provisional:
        title += f" — {t(lang, 'provisional', year=year)}"
    table = Table(t(lang, "day"), t(lang, "kind"), t(lang, "name"), t(lang, "source"), title=title)
    for row in rows:
        name = row.name
        if row.kind == "work" and row.source == "package" and row.name:
            name = "→ " + fmt_day(lang, date.fromisoformat(row.name))
        table.add_row(
            fmt_day(lang, row.day),
            t(lang, "kind_off" if row.kind == "off" else "kind_work"),
            name,
            t(lang, "source_package" if row.source == "package" else "source_center"),
        )
    console().print(table)


def calendar_json(rows: Sequence[CalendarRow], year: int, provisional: bool) -> dict[str, Any]:
    return {
        "year": year,
        "provisional": provisional,
        "days": [
            {"day": r.day.isoformat(), "kind": r.kind, "name": r.name, "source": r.source} for r in rows
        ],
    }


# -- dossiers -----------------------------------------------------------------------------------
URGENCY_STYLE = {
    "overdue": "bold red",
    "today": "yellow",
    "soon": "cyan",
    "paused": "dim",
    "open": "",
    "done": "green",
}


def fmt_opt(lang: str, moment: datetime | None) -> str:
    return "" if moment is None else fmt_moment(lang, moment)


def due_text(lang: str, d: Dossier) -> str:
    if d.due_at is None:
        return label(lang, "paused")
    return fmt_moment(lang, d.due_at)


def print_received(d: Dossier, lang: str, catalog_limit: str, confirmed_through: int) -> None:
    echo(
        t(
            lang,
            "received_ok",
            code=d.code,
            procedure=f"{d.procedure} {d.procedure_name}",
            due=due_text(lang, d),
        )
    )
    if d.limit_overridden:
        echo("  " + t(lang, "limit_overridden", limit=d.limit, catalog=catalog_limit))
    if d.due_date is not None and d.due_date.year > confirmed_through:
        echo("  ! " + t(lang, "provisional", year=d.due_date.year))


def print_step(d: Dossier, step: str, lang: str) -> None:
    status = label(lang, d.status)
    if d.status == "resolved" and d.timeliness:
        status += f" ({label(lang, d.timeliness)})"
    echo(t(lang, "step_ok", code=d.code, step=step_label(lang, step), status=status))
    if step == "resume" and d.due_at is not None:
        echo("  " + t(lang, "due_now", due=due_text(lang, d)))


def print_dossier(view: DossierView, lang: str, *, show_id: bool) -> None:
    d = view.dossier
    rows: list[tuple[str, str]] = [
        (t(lang, "code"), d.code),
        (t(lang, "procedure"), f"{d.procedure} {d.procedure_name}"),
        (t(lang, "field"), d.field),
        (t(lang, "applicant"), d.applicant),
        (t(lang, "id_number"), (d.id_number if show_id else mask_id(d.id_number)) or ""),
        (t(lang, "phone"), d.phone or ""),
        (t(lang, "address"), d.address or ""),
        (t(lang, "channel"), label(lang, d.channel)),
        (t(lang, "point"), d.point or ""),
        (t(lang, "officer"), d.officer or ""),
        (t(lang, "limit"), d.limit),
        (t(lang, "received_at"), fmt_moment(lang, d.received_at)),
        (t(lang, "due_at"), due_text(lang, d)),
        (t(lang, "status"), label(lang, d.status)),
        (t(lang, "paused_since"), fmt_opt(lang, d.paused_at)),
        (
            t(lang, "resolved_at"),
            fmt_opt(lang, d.resolved_at) + (f" · {label(lang, d.outcome)}" if d.outcome else ""),
        ),
        (t(lang, "timeliness"), label(lang, d.timeliness)),
        (t(lang, "returned_at"), fmt_opt(lang, d.returned_at)),
        (t(lang, "withdrawn_at"), fmt_opt(lang, d.withdrawn_at)),
        (t(lang, "note"), d.note or ""),
    ]
    if d.apology is not None:
        rows.append(
            (
                t(lang, "apology"),
                f"{fmt_moment(lang, d.apology.issued_at)} · "
                + t(lang, "new_date", date=fmt_day(lang, d.apology.new_date))
                + f" · {d.apology.reason}",
            )
        )
    shown = [(key, value) for key, value in rows if value]
    width = max(len(key) for key, _ in shown)
    lines = [f"{key.ljust(width)}  {value}" for key, value in shown]
    if view.steps:
        lines.append("")
        lines.extend(
            f"  {fmt_day(lang, s.day) if s.day else ''}  {t(lang, s.what, **s.args)}" for s in view.steps
        )
    echo("\n".join([*lines, ""]))
    print_history(view.events, lang, title=t(lang, "timeline"))


def print_history(events: list[Event], lang: str, *, title: str | None = None) -> None:
    """The audit trail as aligned lines; an undone step is marked ✗ with the undo that undid it."""
    undone = {e.undoes for e in events if e.undoes is not None}
    rows = []
    for e in events:
        info = {
            k: v
            for k, v in e.details.items()
            if k not in ("before", "pause_id", "due_before") and v not in (None, "")
        }
        text = ", ".join(f"{k}={v}" for k, v in info.items())
        if e.undoes is not None:
            text = f"#{e.undoes} {text}"
        name = step_label(lang, e.step) + (" ✗" if e.id in undone else "")
        rows.append(
            [str(e.id), name, fmt_moment(lang, e.happened_at), fmt_moment(lang, e.recorded_at), e.actor, text]
        )
    headers = [
        "#",
        t(lang, "step"),
        t(lang, "when"),
        t(lang, "recorded"),
        t(lang, "actor"),
        t(lang, "details"),
    ]
    plain_table(headers, rows, ["dim" if r[1].endswith("✗") else "" for r in rows], title=title, max_width=80)


def event_json(e: Event) -> dict[str, Any]:
    from tthc.clock import iso

    return {
        "id": e.id,
        "step": e.step,
        "happened_at": iso(e.happened_at),
        "recorded_at": iso(e.recorded_at),
        "actor": e.actor,
        "details": e.details,
        "undoes": e.undoes,
    }


def plain_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    styles: Sequence[str],
    *,
    title: str | None = None,
    max_width: int = 36,
) -> None:
    """A light table for long worklists: aligned columns, one line per row, coloured by row.

    rich's Table lays out every cell (≈2 ms a row); a clerk's list should print at once.
    Colour is used only on a terminal.
    """

    def cut(text: str) -> str:
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cut(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    if colour:
        from rich.style import Style

    def paint(text: str, style: str) -> str:
        return Style.parse(style).render(text) if colour and style else text

    out = [title] if title else []
    out.append(paint(line(headers), "bold"))
    out.append("  ".join("─" * w for w in widths))
    out.extend(paint(line(row), style) for row, style in zip(cells, styles, strict=True))
    echo("\n".join(out))


def print_worklist(items: list[Dossier], lang: str, urgencies: list[str], title: str | None) -> None:
    if not items:
        echo(t(lang, "none_found"))
        return
    headers = [t(lang, h) for h in ("code", "applicant", "procedure", "due_at", "status", "officer")]
    rows = []
    for d in items:
        status = label(lang, d.status) + (f" · {label(lang, d.timeliness)}" if d.timeliness else "")
        rows.append(
            [d.code, d.applicant, d.procedure_name or d.procedure, due_text(lang, d), status, d.officer or ""]
        )
    plain_table(headers, rows, [URGENCY_STYLE[u] for u in urgencies], title=title)


def print_procedures(procs: list[Procedure], lang: str) -> None:
    from rich.table import Table

    table = Table(
        t(lang, "code"),
        t(lang, "procedure"),
        t(lang, "field"),
        t(lang, "limit"),
        t(lang, "alias"),
        t(lang, "fee"),
    )
    for p in procs:
        table.add_row(p.code, p.name, p.field, p.limit, p.alias or "", "" if p.fee is None else f"{p.fee:,}")
    console().print(table)


def print_names(rows: list[Registered], lang: str) -> None:
    for row in rows:
        extra = f" ({row.code_prefix})" if row.code_prefix else ""
        echo(f"{row.name}{extra}")


# -- summaries ---------------------------------------------------------------------------------------
def _figure_cells(fig: Figures) -> list[int]:
    from tthc.summary import FIGURES

    return [int(fig.value(name) or 0) for name in FIGURES if name != "on_time_rate"]


def group_label(lang: str, by: str | None, key: str | None) -> str:
    if key is None:
        return t(lang, "none_key")
    return label(lang, key) if by == "channel" else key


def summary_table(summary: Summary, lang: str, center: str) -> Any:
    from rich.table import Table

    title = t(
        lang,
        "summary_title",
        center=center,
        start=summary.period.start.strftime("%d/%m/%Y"),
        end=summary.period.end.strftime("%d/%m/%Y"),
    )
    first = t(lang, "col_month" if summary.by == "month" else "col_key")
    table = Table(
        title=title,
        show_footer=False,
        caption=t(lang, "snapshot_note", at=fmt_moment(lang, summary.snapshot)),
    )
    table.add_column(first, min_width=12, max_width=30)
    from tthc.summary import FIGURES

    for col in FIGURES[:-1]:
        table.add_column(t(lang, f"h_{col}"), justify="right")
    table.add_column(t(lang, "h_rate"), justify="right", min_width=18)
    rows = summary.groups if summary.by else []
    for key, fig in rows:
        table.add_row(
            group_label(lang, summary.by, key), *map(str, _figure_cells(fig)), _rate_cell(lang, fig)
        )
    table.add_row(
        t(lang, "total"),
        *map(str, _figure_cells(summary.total)),
        _rate_cell(lang, summary.total),
        style="bold",
        end_section=True,
    )
    return table


def _rate_cell(lang: str, fig: Figures) -> str:
    from tthc.i18n import fmt_rate

    return f"{fmt_rate(lang, fig.rate)} ({fig.early + fig.on_time}/{fig.resolved})"


def print_summary(
    summary: Summary, lang: str, center: str, *, chart: bool, svg: Path | None, html: Path | None
) -> None:
    from rich.console import Console

    from tthc.i18n import fmt_rate

    width = console().width if sys.stdout.isatty() else 170
    out = Console(highlight=False, record=bool(svg or html), width=width)
    out.print(summary_table(summary, lang, center))
    total = summary.total
    out.print(
        t(
            lang,
            "rate_line",
            rate=fmt_rate(lang, total.rate),
            good=total.early + total.on_time,
            resolved=total.resolved,
        )
    )
    if chart:
        out.print("")
        out.print(month_chart(summary, lang))
    if svg:
        out.save_svg(str(svg), title="tthc summary")
        echo(t(lang, "written", path=svg))
    if html:
        out.save_html(str(html))
        echo(t(lang, "written", path=html))


def month_chart(summary: Summary, lang: str) -> Any:
    """Bars of volume (received) and on-time rate per group (usually per month)."""
    from rich.table import Table
    from rich.text import Text

    from tthc.i18n import fmt_rate

    groups = summary.groups or [(t(lang, "total"), summary.total)]
    most = max((fig.received for _, fig in groups), default=0) or 1
    table = Table(title=t(lang, "chart_title"), box=None, show_header=True)
    table.add_column(t(lang, "col_month"))
    table.add_column(t(lang, "received"))
    table.add_column(t(lang, "on_time_rate"))
    for key, fig in groups:
        volume = Text("█" * round(30 * fig.received / most), style="cyan")
        volume.append(f" {fig.received}")
        rate = fig.rate
        bar = Text(
            "█" * (0 if rate is None else round(float(rate) / 5)),
            style="green" if (rate or 0) >= 95 else "yellow",
        )
        bar.append(f" {fmt_rate(lang, rate)}")
        table.add_row(str(key), volume, bar)
    return table


def summary_records(summary: Summary) -> tuple[list[str], list[list[Any]]]:
    """Flat rows (one per group and a total) for CSV and Excel, named as in the JSON."""
    from tthc.summary import FIGURES

    headers = ["key", *FIGURES]
    rows: list[list[Any]] = []
    for key, fig in [*summary.groups, ("TOTAL", summary.total)]:
        rate = fig.rate
        rows.append([key or "", *_figure_cells(fig), None if rate is None else float(rate)])
    return headers, rows


# -- import -------------------------------------------------------------------------------------------
@contextmanager
def import_progress() -> Iterator[Callable[[int], None] | None]:
    """A progress line on stderr for long imports when stderr is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.completed:,} rows"),
        TimeElapsedColumn(),
        console=console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("import", total=None)

        def advance(done: int) -> None:
            bar.update(task, completed=done)

        yield advance


def print_import(report: ImportReport | MergeReport, lang: str) -> None:
    from tthc.merge import MergeReport

    if isinstance(report, MergeReport):  # a full export, merged
        print_merge(report, lang)
        return
    key = "dry_run" if report.dry_run else "imported"
    echo(t(lang, key, n=report.dossiers, path=report.file))
    if report.new_officers:
        echo("  " + t(lang, "new_officers", names=", ".join(report.new_officers)))
    if report.new_points:
        echo("  " + t(lang, "new_points", names=", ".join(report.new_points)))
    if report.unknown_columns:
        sys.stderr.write(t(lang, "unknown_columns", cols=", ".join(report.unknown_columns)) + "\n")


# -- two points: merge and the full export ---------------------------------------------------------
def print_merge(report: MergeReport, lang: str) -> None:
    """What a merge brought (or would bring), table by table."""
    if not report.changed:
        echo(t(lang, "merge_nothing", path=report.source))
        return
    echo(t(lang, "merge_dry" if report.dry_run else "merged", path=report.source))
    echo(
        "  "
        + t(
            lang,
            "merge_dossiers",
            added=report.added.get("dossiers", 0),
            updated=report.updated,
            removed=report.removed,
        )
    )
    for table in ("events", "procedures", "officers", "points", "calendar_days"):
        n = report.added.get(table, 0)
        if n:
            echo("  " + t(lang, "merge_table", table=t(lang, f"t_{table}"), n=n))
    if report.relaid:
        echo("  " + t(lang, "merge_relaid", n=report.relaid))
    if report.whole:
        echo("  " + t(lang, "merge_whole"))


def print_full_export(result: FullExport, lang: str) -> None:
    rows = result.rows
    echo(
        t(
            lang,
            "exported_full",
            path=result.path,
            dossiers=rows["dossiers"],
            rounds=rows["pauses"],
            events=rows["events"],
            procedures=rows["procedures"],
        )
    )
