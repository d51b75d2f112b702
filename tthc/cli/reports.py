"""The manager's figures and the center's papers: ``summary``, ``indicators``, ``report``,
``rollup`` (a province's), ``officers``, ``late``, the ``logbook``, a ``receipt`` and the
other forms (``slip``). Every period is asked with the same options (``--from`` …
``--year``)."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from tthc.cli.group import app, context
from tthc.cli.help import BY_WORDS, H, Words
from tthc.cli.options import PERIOD, CodeArg, ExcelVnOpt, FieldF, JsonOpt, ProcedureF, takes
from tthc.cli.output import Output, Table, View, as_json, show
from tthc.locale.marks import N_, P_


class ByOpt(StrEnum):
    field = "field"
    procedure = "procedure"
    channel = "channel"
    point = "point"
    officer = "officer"
    month = "month"


class IndicatorsByOpt(StrEnum):
    field = "field"
    procedure = "procedure"


class RollupBy(StrEnum):
    center_ = "center"  # (the name `center` is str.center's)
    field = "field"
    procedure = "procedure"
    month = "month"


class WorkloadByOpt(StrEnum):
    officer = "officer"
    point = "point"


TableOutOpt = Annotated[Path | None, typer.Option("--out", help=H("Write the rows to FILE.csv or FILE.xlsx."))]


# -- views: how each result looks ---------------------------------------------------------------
def _sheet(key: str, records: Any) -> Any:
    """A table view's rows: the sheet named by ``key`` in the reader's language, and the
    headers and rows ``records`` gives."""

    def table(result: Any, lang: str) -> Table:
        from tthc.locale.i18n import t

        headers, rows = records(result, lang)
        return t(lang, key), headers, rows

    return table


def _summary_records(v: Any, lang: str) -> Any:
    from tthc.present import render_reports

    return render_reports.summary_records(v.summary, lang)


def _print_summary(v: Any, lang: str, **screen: Any) -> None:
    from tthc.present import render_reports

    render_reports.print_summary(v.summary, lang, v.center_name, **screen)


def _indicator_records(s: Any, lang: str) -> Any:
    from tthc.present import render_indicators

    return render_indicators.file_records(s, lang)


def _print_indicators(s: Any, lang: str) -> None:
    from tthc.present import render, render_indicators

    render.echo(render_indicators.text(s, lang, render.output_width()))


def _form(data: Any, lang: str) -> Any:
    from tthc.present.report import build_form

    return build_form(data.summary, lang, data.settings, data.today)


def _print_form(data: Any, lang: str) -> None:
    from tthc.present.report import print_form

    print_form(_form(data, lang))


def _write_form(data: Any, lang: str, out: Path) -> None:
    from tthc.present.report import write_form

    write_form(_form(data, lang), out, data.late)


def _closed(data: Any, lang: str) -> None:
    if data.closed_through is not None:
        from tthc.locale.i18n import t
        from tthc.present import render

        render.echo(t(lang, "Periods up to {day:%d/%m/%Y} are marked as reported", day=data.closed_through))


def _print_rollup(result: Any, lang: str) -> None:
    from tthc.present import render_reports

    render_reports.print_rollup(result, lang)


def _write_rollup(result: Any, lang: str, out: Path) -> None:
    from tthc.app.basics import write_workbook
    from tthc.present import render_reports

    write_workbook(out, render_reports.rollup_sheets(result, lang))


def _workload_records(w: Any, lang: str) -> Any:
    from tthc.present import render

    return render.workload_records(w, lang)


def _print_workload(w: Any, lang: str) -> None:
    from tthc.present import render

    render.print_workload(w, lang)


def _late_records(late: Any, lang: str) -> Any:
    from tthc.present import render

    return render.late_records(late, lang)


def _print_late(late: Any, lang: str) -> None:
    from tthc.present import render

    render.print_late(late, lang)


def _log_book_written(book: Any, lang: str, *, out: Path) -> None:
    from tthc.locale.i18n import t
    from tthc.present import render
    from tthc.present.paper_xlsx import write_log_book

    write_log_book(book, out)
    render.echo(t(lang, "Log book: {n} dossier(s) written to {path}", n=len(book.rows), path=out))


def _print_slip(s: Any, lang: str) -> None:
    from tthc.present import render

    render.print_slip(s)


def _write_slip(s: Any, lang: str, out: Path) -> None:
    from tthc.present.paper_html import write_slip

    write_slip(s, out)


SUMMARY = View(
    _print_summary, json=lambda v, lang: v.summary.as_json(), table=_sheet(N_("summary"), _summary_records)
)
INDICATORS = View(
    _print_indicators,
    json=lambda s, lang: s.as_json(lang),
    table=_sheet(N_("indicators"), _indicator_records),
)
REPORT = View(_print_form, file=_write_form, after=_closed)
ROLLUP = View(_print_rollup, json=as_json, file=_write_rollup)
WORKLOAD = View(_print_workload, json=as_json, table=_sheet(P_("sheet name", "officers"), _workload_records))
LATE = View(_print_late, json=as_json, table=_sheet(P_("sheet name", "late"), _late_records))
LOG_BOOK = View(_log_book_written)
SLIP = View(_print_slip, file=_write_slip)


# -- the manager's reports ------------------------------------------------------------------------
@app.command(help=H("Period summary: received, carried over, resolved early/on time/late, pending, on-time rate."))
@takes(PERIOD)
def summary(
    ctx: typer.Context,
    period: Any,
    by: Annotated[
        ByOpt | None, typer.Option(help=H("Break the figures down by this key."), click_type=Words(ByOpt, BY_WORDS))
    ] = None,
    field: FieldF = None,
    procedure: ProcedureF = None,
    as_json: JsonOpt = False,
    out: Annotated[Path | None, typer.Option("--out", help=H("Write the figures to FILE.csv or FILE.xlsx."))] = None,
    chart: Annotated[bool, typer.Option("--chart", help=H("Draw volume and on-time rate as bars."))] = False,
    svg: Annotated[Path | None, typer.Option("--svg", help=H("Also save it as SVG for printing (light, 120 columns)."))] = None,
    html: Annotated[Path | None, typer.Option("--html", help=H("Also save it as HTML for printing (light, 120 columns)."))] = None,
    excel_vn: ExcelVnOpt = False,
) -> None:
    from tthc.app import screens

    c = context(ctx)
    result = screens.summary(c, period, by.value if by else None, field=field, procedure=procedure)
    output = Output(json=as_json, out=out, excel_vn=excel_vn)
    show(c.lang, result, SUMMARY, output, chart=chart, svg=svg, html=html)


@app.command(help=H("The province's scorecard (Decision 766): each indicator the center's records can give, with its rate, threshold and points, and the II.06a on-time rate beside indicator 2.1's."))
@takes(PERIOD)
def indicators(
    ctx: typer.Context,
    period: Any,
    by: Annotated[IndicatorsByOpt | None, typer.Option(help=H("Split by field or procedure."))] = None,
    as_json: JsonOpt = False,
    out: Annotated[Path | None, typer.Option("--out", help=H("Write the scorecard to an .xlsx or .csv file."))] = None,
) -> None:
    from tthc.app import screens

    c = context(ctx)
    show(c.lang, screens.indicators(c, period, by.value if by else None), INDICATORS, Output(as_json, out))


@app.command(help=H("The official form Biểu II.06a (Circular 01/2020/TT-VPCP), by field."))
@takes(PERIOD)
def report(
    ctx: typer.Context,
    period: Any,
    out: Annotated[Path | None, typer.Option("--out", help=H("Write the form to FILE.xlsx (one A4 landscape page), the late lists on a second sheet."))] = None,
    close: Annotated[bool, typer.Option("--close", help=H("Mark the period as reported: its dossiers' timelines change only with --correct-time."))] = False,
) -> None:
    from tthc.app import screens

    c = context(ctx)
    show(c.lang, screens.report(c, period, with_late=out is not None, close=close), REPORT, Output(out=out))


@app.command(help=H("A province on one screen: the II.06a of many centers, per center and in total, from their Parquet exports or .db files."))
@takes(PERIOD)
def rollup(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help=H("A center's export folder, a folder of exports, or a center's .db file."))],
    period: Any,
    by: Annotated[RollupBy, typer.Option(help=H("Group by center (ranked by on-time rate), field, procedure or month."))] = RollupBy.center_,
    as_json: JsonOpt = False,
    out: Annotated[Path | None, typer.Option("--out", help=H("Write the province's workbook (.xlsx): the total sheet, then one sheet per center."))] = None,
) -> None:
    from tthc.app import screens

    c = context(ctx)
    result = screens.rollup(c, paths, period, by.value, detail=out is not None)
    show(c.lang, result, ROLLUP, Output(as_json, out))


@app.command(help=H("Workload per officer: received, handed over, resolved, pending, overdue, on-time rate, share."))
@takes(PERIOD)
def officers(
    ctx: typer.Context,
    period: Any,
    by: Annotated[
        WorkloadByOpt, typer.Option(help=H("One row per officer or per reception point."), click_type=Words(WorkloadByOpt, BY_WORDS))
    ] = WorkloadByOpt.officer,
    as_json: JsonOpt = False,
    out: TableOutOpt = None,
) -> None:
    from tthc.app import screens

    c = context(ctx)
    show(c.lang, screens.officers(c, period, by.value), WORKLOAD, Output(as_json, out))


@app.command(help=H("Late and overdue dossiers with their officer and apology; late supplement requests; corrections; the duties of Decree 118 broken."))
@takes(PERIOD)
def late(ctx: typer.Context, period: Any, as_json: JsonOpt = False, out: TableOutOpt = None) -> None:
    from tthc.app import screens

    c = context(ctx)
    show(c.lang, screens.late(c, period), LATE, Output(as_json, out))


# -- papers ---------------------------------------------------------------------------------------
HtmlOpt = Annotated[Path | None, typer.Option("--html", help=H("Write the slip to FILE.html, laid out for A5 printing."))]
PaperOpt = Annotated[list[str] | None, typer.Option("--paper", help=H("A paper handed in, printed on form 01 (repeat for each)."))]


def _slip(ctx: typer.Context, code: str, form: str, html: Path | None, paper: list[str] | None) -> None:
    from tthc.app import papers

    c = context(ctx)
    show(c.lang, papers.slip(c, code, form, paper or ()), SLIP, Output(out=html))


@app.command(help=H("Form 01: the receipt and appointment slip, with a QR code of the dossier."))
def receipt(ctx: typer.Context, code: CodeArg, html: HtmlOpt = None, paper: PaperOpt = None) -> None:
    _slip(ctx, code, "01", html, paper)


@app.command(help=H("Print a form for a dossier: Circular 03/2025/TT-VPCP's if received from 30/10/2025, else Circular 01/2018/TT-VPCP's; a form that does not apply is refused."))
def slip(
    ctx: typer.Context,
    code: CodeArg,
    form: Annotated[str, typer.Argument(metavar="FORM", help=H("01 receipt, 02 supplement request, 03 refusal, 04 apology; 2025 set: 05 notice that handling stops, 06 process control sheet; 2018 set: 05 process control sheet."))],
    html: HtmlOpt = None,
    paper: PaperOpt = None,
) -> None:
    _slip(ctx, code, form, html, paper)


@app.command(help=H("The dossier log book (form 07 of 2025, 06 of 2018): one row per dossier received in the period."))
@takes(PERIOD)
def logbook(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", help=H("The log book, FILE.xlsx (A4 landscape)."))],
    period: Any,
) -> None:
    from tthc.app import screens

    c = context(ctx)
    show(c.lang, screens.log_book(c, period), LOG_BOOK, out=out)
