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
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.i18n import fmt_day, label, step_label, t
from tthc.models import mask_id

if TYPE_CHECKING:
    from rich.console import Console

    from tthc.corrections import Changed, UndoPlan
    from tthc.dossiers import DossierView
    from tthc.interchange import ImportReport
    from tthc.merge import MergeReport
    from tthc.models import Dossier, Event, Procedure, Registered
    from tthc.papers import Slip
    from tthc.service import CalendarRow, InitResult, Quote
    from tthc.station import Station
    from tthc.summary import Figures, Summary
    from tthc.transfer import FullExport
    from tthc.workload import Compliance, LateDossier, Load, Workload


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


def setting_value(lang: str, value: str) -> str:
    """A setting's value for people: a secret's "(set)" in their language."""
    from tthc.settings import SECRET_NOT_SET, SECRET_SET

    words = {SECRET_SET: "secret_set", SECRET_NOT_SET: "secret_not_set"}
    return t(lang, words[value]) if value in words else value


def print_settings(rows: Sequence[tuple[str, str]], lang: str) -> None:
    from rich.table import Table

    table = Table(t(lang, "setting"), t(lang, "value"), "")
    for key, value in rows:
        table.add_row(key, setting_value(lang, value), t(lang, f"setting.{key}"))
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


# -- the citizen's papers -----------------------------------------------------------------------
#: A slip in the terminal is as wide as a classic terminal, whatever the terminal is.
PAPER_WIDTH = 78
_PAPER_LEFT = 40


def _centred(lines: Sequence[str], width: int) -> list[str]:
    import textwrap

    out: list[str] = []
    for line in lines:
        out.extend(part.center(width) for part in (textwrap.wrap(line, width) or [""]))
    return out


def _side_by_side(left: Sequence[str], right: Sequence[str], split: int) -> list[str]:
    """Two centred columns, as the two blocks at the head and the foot of a form."""
    a = _centred(left, split)
    b = _centred(right, PAPER_WIDTH - split)
    rows = max(len(a), len(b))
    a += [" " * split] * (rows - len(a))
    b += [""] * (rows - len(b))
    return [(x + y).rstrip() for x, y in zip(a, b, strict=True)]


def _grid_lines(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A table that fits the paper's width: the widest columns give way first, and a cell
    too long for its column wraps onto more lines."""
    import textwrap

    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    while sum(widths) + 2 * (len(widths) - 1) > PAPER_WIDTH and max(widths) > 8:
        widths[widths.index(max(widths))] -= 1

    def lines(cells: Sequence[str]) -> list[str]:
        wrapped = [textwrap.wrap(c, w) or [""] for c, w in zip(cells, widths, strict=True)]
        height = max(len(w) for w in wrapped)
        return [
            "  ".join(
                (w[k] if k < len(w) else "").ljust(n) for w, n in zip(wrapped, widths, strict=True)
            ).rstrip()
            for k in range(height)
        ]

    out = [*lines(headers), "  ".join("─" * w for w in widths)]
    for row in rows:
        out += lines(row)
    return out


def _paper_block(block: Any) -> list[str]:
    import textwrap

    from tthc.papers import Grid, Line

    if isinstance(block, Grid):
        return _grid_lines(block.headers, block.rows)
    if isinstance(block, Line):
        text = f"{block.label}: {block.value}" if block.value else f"{block.label}:"
        return textwrap.wrap(text, PAPER_WIDTH, subsequent_indent="    ")
    indent = "    " * block.indent
    return textwrap.wrap(block.text, PAPER_WIDTH, initial_indent=indent, subsequent_indent=indent)


def slip_text(slip: Slip) -> str:
    """A slip as plain text, 78 columns wide: the same words as the printed paper."""
    lines = [slip.form_label.rjust(PAPER_WIDTH)]
    lines += _side_by_side(slip.issuer, slip.nation, _PAPER_LEFT)
    lines += ["", _centred([slip.place_date], PAPER_WIDTH - _PAPER_LEFT)[0].rstrip().rjust(PAPER_WIDTH), ""]
    lines += [x.rstrip() for x in _centred([slip.title, slip.subtitle], PAPER_WIDTH)]
    lines.append("")
    for block in slip.body:
        lines += _paper_block(block)
    signatures = [[s.title, s.hint, "", "", "", s.name] for s in slip.signatures]
    if signatures:
        lines.append("")
        left, right = signatures if len(signatures) == 2 else ([], signatures[0])
        lines += _side_by_side(left, right, PAPER_WIDTH // 2)
    return "\n".join(line.rstrip() for line in lines).rstrip() + "\n"


def print_slip(slip: Slip) -> None:
    """The slip, then its QR code as a block of characters when a person is looking (a
    terminal); a pipe or a file gets the text alone."""
    sys.stdout.write(slip_text(slip))
    if sys.stdout.isatty():
        import segno

        echo("")
        segno.make(slip.qr_data, error="m").terminal(compact=True)
        echo(slip.qr_caption)


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


def print_undo_plan(plan: UndoPlan, lang: str) -> None:
    echo(
        t(
            lang,
            "undo_plan",
            code=plan.code,
            step=step_label(lang, plan.step),
            at=fmt_moment(lang, plan.happened_at),
            actor=plan.actor,
        )
    )


def print_corrections(items: list[Changed], lang: str) -> None:
    if not items:
        echo(t(lang, "corrections_none"))
        return
    headers = [
        t(lang, h)
        for h in ("code", "h_kind", "step", "h_moment", "h_replaced", "recorded", "actor", "h_reason")
    ]
    rows = [
        [
            c.code,
            t(lang, f"kind_{c.kind}"),
            step_label(lang, c.step),
            fmt_moment(lang, c.moment),
            fmt_opt(lang, c.replaced),
            fmt_moment(lang, c.recorded_at),
            c.actor,
            c.reason,
        ]
        for c in items
    ]
    plain_table(headers, rows, [""] * len(rows), title=t(lang, "corrections_title"), max_width=60)


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
    if summary.corrections:
        start, end = summary.period.start.isoformat(), summary.period.end.isoformat()
        out.print(t(lang, "corrections_note", n=summary.corrections, start=start, end=end))
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


# -- workload and compliance --------------------------------------------------------------------------
#: The columns of the workload table; share and the bar are drawn below it, so the numbers fit
#: 80 columns whole.
WORKLOAD_COLUMNS = ("received", "handed_over", "resolved", "on_time_rate", "pending", "overdue", "load")


def _cut(text: str, width: int) -> str:
    """Names may be shortened to fit; numbers never are."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _workload_cells(lang: str, g: Load) -> list[str]:
    from tthc.i18n import fmt_rate

    return [fmt_rate(lang, g.rate) if c == "on_time_rate" else str(getattr(g, c)) for c in WORKLOAD_COLUMNS]


def workload_lines(w: Workload, lang: str, width: int = 80) -> list[str]:
    """The workload table, then each group's share of the center's load as a bar, in
    ``width`` columns: names are shortened to fit, numbers are always whole."""
    import textwrap

    from tthc.i18n import fmt_rate

    heads = [t(lang, f"wl_h_{c}").split("\n") for c in WORKLOAD_COLUMNS]
    heads = [["", *h] if len(h) == 1 else h for h in heads]
    names = [group_label(lang, w.by, g.key) for g in w.groups]
    body = [_workload_cells(lang, g) for g in w.groups]
    total = _workload_cells(lang, w.total)
    widths = [max(len(h[0]), len(h[1]), *(len(r[i]) for r in [*body, total])) for i, h in enumerate(heads)]
    first = t(lang, w.by)
    fixed = sum(widths) + 2 * len(widths)
    name_w = min(max(len(first), len(t(lang, "total")), *(len(n) for n in names)), max(width - fixed, 8))

    def line(name: str, cells: Sequence[str]) -> str:
        return _cut(name, name_w).ljust(name_w) + "".join(
            f"  {c:>{n}}" for c, n in zip(cells, widths, strict=True)
        )

    period = w.period
    out = [
        t(
            lang,
            f"wl_title_{w.by}",
            start=period.start.strftime("%d/%m/%Y"),
            end=period.end.strftime("%d/%m/%Y"),
        ),
        t(lang, "snapshot_note", at=fmt_moment(lang, w.snapshot)),
        "",
        line("", [h[0] for h in heads]),
        line(first, [h[1] for h in heads]),
        "─" * (name_w + fixed),
        *(line(n, r) for n, r in zip(names, body, strict=True)),
        "─" * (name_w + fixed),
        line(t(lang, "total"), total),
    ]
    load = w.total.load
    shares = [f"{fmt_rate(lang, g.value('share', load))}  {g.load}" for g in w.groups]
    tail = max((len(s) for s in shares), default=0)
    bar_w = max(width - name_w - tail - 4, 10)
    most = max((g.load for g in w.groups), default=0) or 1
    out += ["", *textwrap.wrap(t(lang, "wl_chart_title"), width)]
    for name, g, text in zip(names, w.groups, shares, strict=True):
        bar = "█" * (round(bar_w * g.load / most) or (1 if g.load else 0))
        out.append(f"{_cut(name, name_w).ljust(name_w)}  {bar.ljust(bar_w)}  {text:>{tail}}")
    out += ["", *textwrap.wrap(t(lang, f"wl_legend_{w.by}"), width)]
    return out


def print_workload(w: Workload, lang: str) -> None:
    width = console().width if sys.stdout.isatty() else 80
    echo("\n".join(line.rstrip() for line in workload_lines(w, lang, max(width, 40))))


def workload_records(w: Workload) -> tuple[list[str], list[list[Any]]]:
    """Flat rows (one per group and a total) for CSV and Excel, named as in the JSON."""
    from tthc.workload import WORKLOAD_FIGURES

    load = w.total.load
    rows: list[list[Any]] = []
    for key, g in [*((g.key or "", g) for g in w.groups), ("TOTAL", w.total)]:
        values = [g.value(name, load) for name in WORKLOAD_FIGURES]
        rows.append([key, *(float(v) if isinstance(v, Decimal) else v for v in values)])
    return [w.by, *WORKLOAD_FIGURES], rows


#: A list of ``tthc late`` as every output shows it: a title, column headers, and rows of
#: typed cells (text, whole numbers, dates and moments), formatted by each output.
Section = tuple[str, list[str], list[list[Any]]]
_DOSSIER_HEADS = ("code", "procedure", "officer", "lt_h_due", "lt_h_resolved", "lt_h_days_late")
_APOLOGY_HEADS = ("lt_h_apology", "lt_h_new_date", "lt_h_promise")


def _late_row(lang: str, d: LateDossier) -> list[Any]:
    a = d.apology
    apology = "lt_apology_none" if a is None else "lt_apology_in_time" if a.in_time else "lt_apology_late"
    return [
        d.code,
        d.procedure,
        d.officer or "",
        d.due_date,
        d.resolved_at or t(lang, "lt_open"),
        d.working_days_late,
        t(lang, apology),
        None if a is None else a.new_date,
        "" if a is None else t(lang, f"lt_promise_{a.promise}"),
    ]


def late_sections(late: Compliance, lang: str) -> list[Section]:
    """The four lists of ``tthc late``, titled and translated."""
    heads = [t(lang, h) for h in (*_DOSSIER_HEADS, *_APOLOGY_HEADS)]
    requests = [t(lang, h) for h in (*_DOSSIER_HEADS[:4], "lt_h_requested", "lt_h_days_late", "lt_h_reason")]
    fixes = [t(lang, h) for h in ("code", "procedure", "officer", "lt_h_kind", "lt_h_step", "lt_h_step_at")]
    fixes += [t(lang, "lt_h_corrected_at"), t(lang, "actor")]
    at = fmt_moment(lang, late.snapshot)
    return [
        (
            t(lang, "lt_resolved_late", n=len(late.resolved_late)),
            heads,
            [_late_row(lang, d) for d in late.resolved_late],
        ),
        (
            t(lang, "lt_open_overdue", at=at, n=len(late.open_overdue)),
            heads,
            [_late_row(lang, d) for d in late.open_overdue],
        ),
        (
            t(lang, "lt_late_requests", n=len(late.late_requests)),
            requests,
            [
                [
                    r.code,
                    r.procedure,
                    r.officer or "",
                    r.due_date,
                    r.requested_at,
                    r.working_days_late,
                    r.reason or "",
                ]
                for r in late.late_requests
            ],
        ),
        (
            t(lang, "lt_corrections", n=len(late.corrections)),
            fixes,
            [
                [
                    c.code,
                    c.procedure or "",
                    c.officer or "",
                    step_label(lang, c.kind),
                    step_label(lang, c.step),
                    c.step_at,
                    c.corrected_at,
                    c.actor,
                ]
                for c in late.corrections
            ],
        ),
    ]


def cell_text(value: Any) -> str:
    """A typed cell as a person reads it: dd/mm/yyyy [HH:MM]."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def print_late(late: Compliance, lang: str) -> None:
    period = late.period
    echo(t(lang, "lt_title", start=period.start.strftime("%d/%m/%Y"), end=period.end.strftime("%d/%m/%Y")))
    for title, heads, rows in late_sections(late, lang):
        echo("")
        if not rows:
            echo(f"{title}\n{t(lang, 'lt_nothing')}")
            continue
        plain_table(heads, [[cell_text(v) for v in r] for r in rows], [""] * len(rows), title=title)
    import textwrap

    missing = [d.code for d in late.without_apology_in_time()]
    codes = " — " + ", ".join(missing) if missing else ""
    width = console().width if sys.stdout.isatty() else 80
    echo("")
    echo("\n".join(textwrap.wrap(t(lang, "lt_no_apology", n=len(missing), codes=codes), max(width, 40))))


#: The columns of ``tthc late --out``: the four lists in one table, told apart by ``list``.
LATE_COLUMNS = (
    "list",
    "code",
    "procedure",
    "officer",
    "due_date",
    "resolved_at",
    "working_days_late",
    "apology_issued_at",
    "apology_in_time",
    "new_date",
    "promise",
    "requested_at",
    "reason",
    "kind",
    "step",
    "step_at",
    "corrected_at",
    "actor",
)


def late_records(late: Compliance) -> tuple[list[str], list[list[Any]]]:
    """The four lists as one flat table for CSV and Excel, named as in the JSON."""
    rows: list[list[Any]] = []
    for name, items in (
        ("resolved_late", late.resolved_late),
        ("open_overdue", late.open_overdue),
        ("late_requests", late.late_requests),
        ("corrections", late.corrections),
    ):
        for item in items:
            data = item.as_json()
            apology = data.pop("apology", None) or {}
            data.update({f"apology_{k}": v for k, v in apology.items() if k in ("issued_at", "in_time")})
            data.update({k: v for k, v in apology.items() if k in ("new_date", "promise")})
            rows.append([name, *(data.get(c) for c in LATE_COLUMNS[1:])])
    return list(LATE_COLUMNS), rows


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
