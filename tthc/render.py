"""Everything a person reads: lines, tables and JSON, in the chosen language, laid out for the
screen they are read on.

Output to a terminal is laid out for its width (``COLUMNS`` when set); output to a pipe or a
file has no width limit, so nothing is ever wrapped or cut there. A table that does not fit
changes shape (it wraps names, drops a column that can be spared, or becomes blocks): a
number or a code is never cut. rich is imported here and only when something is drawn; the
worklist and the audit trail are laid out without it, for speed. The summaries and the chart
live in :mod:`tthc.render_reports`, the worklist in :mod:`tthc.render_worklist`.
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from tthc.i18n import MESSAGES, fmt_day, fmt_limit, fmt_money, label, step_label, t
from tthc.models import mask_id

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tthc.dossiers import DossierView
    from tthc.interchange import ImportReport
    from tthc.models import Dossier, Event, Procedure, Registered
    from tthc.service import CalendarRow, InitResult, Quote


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def echo(text: str) -> None:
    sys.stdout.write(text + "\n")


def print_json(data: Any) -> None:
    echo(json.dumps(data, ensure_ascii=False, indent=2))


def fmt_moment(lang: str, moment: datetime) -> str:
    return f"{fmt_day(lang, moment.date())} {moment.strftime('%H:%M')}"


def fmt_short(moment: datetime) -> str:
    """``08/09/2025 17:00``: a moment where a column has no room for the weekday."""
    return moment.strftime("%d/%m/%Y %H:%M")


# -- the width of the screen ----------------------------------------------------------------
#: rich needs a width: output with no limit is laid out as if lines had no end.
NO_LIMIT = 10_000


def output_width() -> int | None:
    """How many columns output may take: ``COLUMNS`` when set, else the terminal's width; None
    (no limit) when the output goes to a pipe or a file."""
    given = os.environ.get("COLUMNS", "").strip()
    if given.isdigit() and int(given) > 0:
        return int(given)
    if sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size().columns
    return None


def colour_wanted() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@dataclass
class Screen:
    """Where output goes, and how many columns it may take (``limit``; None: no limit)."""

    console: Console
    limit: int | None

    def print(self, *objects: Any) -> None:
        self.console.print(*objects)

    def line(self, text: str, style: str = "") -> None:
        """A line of words, wrapped between words at the screen's width."""
        from rich.text import Text

        self.console.print(Text(text, style=style))


def screen(limit: int | Literal["auto"] | None = "auto") -> Screen:
    """The screen to draw on: standard output at its width, colour only on a terminal."""
    from rich.console import Console

    width = output_width() if limit == "auto" else limit
    colour = colour_wanted()
    out = Console(
        width=width or NO_LIMIT,
        highlight=False,
        soft_wrap=False,
        markup=False,
        emoji=False,
        no_color=not colour,
        color_system="auto" if colour else None,
    )
    return Screen(out, width)


def text_width(text: str) -> int:
    """Columns a text takes: its letters, not the combining marks of decomposed Vietnamese."""
    return sum(0 if unicodedata.combining(c) else 1 for c in text)


# -- tables that fit -------------------------------------------------------------------------
@dataclass(frozen=True)
class Col:
    """A column of a fitted table. Only a ``wrap`` column's cells wrap, between words (names,
    notes); other cells are never wrapped: a header may wrap, a number never."""

    header: str
    justify: Literal["left", "right"] = "left"
    wrap: bool = False


def _plain(cell: str | Text) -> str:
    return cell if isinstance(cell, str) else cell.plain


def _bounds(col: Col, cells: list[str], show_header: bool, wrap_headers: bool) -> tuple[int, int]:
    """The narrowest a column may be and its natural width."""
    head = [col.header] if show_header else []
    texts = [*head, *cells]
    longest_word = max((text_width(w) for text in texts for w in text.split()), default=1)
    longest_line = max((text_width(line) for text in texts for line in text.splitlines()), default=1)
    longest_cell = max((text_width(line) for text in cells for line in text.splitlines()), default=0)
    narrowest = longest_word if col.wrap else max(longest_word, longest_cell)
    if not wrap_headers:
        narrowest = max([narrowest, *(text_width(line) for text in head for line in text.splitlines())])
    return max(narrowest, 1), max(longest_line, narrowest, 1)


def share(widths: list[int], targets: list[int], among: list[int], spare: int) -> int:
    """Give ``spare`` columns out to the columns ``among``, narrowest first, none beyond its
    target, so that wrapped columns end up alike; returns what is left."""
    while spare > 0:
        hungry = [i for i in among if widths[i] < targets[i]]
        if not hungry:
            break
        narrowest = min(hungry, key=lambda i: widths[i])
        widths[narrowest] += 1
        spare -= 1
    return spare


def fit_table(
    limit: int | None,
    cols: Sequence[Col],
    rows: Sequence[Sequence[str | Text]],
    *,
    boxed: bool = True,
    show_header: bool = True,
    wrap_headers: bool = True,
    styles: Sequence[str | None] = (),
    ends: Sequence[bool] = (),
) -> Table | None:
    """A rich table whose columns are sized here, not by rich, so that it fits ``limit``
    columns without cutting a cell; None when it cannot fit (the caller changes shape)."""
    from rich import box

    plain = [[_plain(c) for c in row] for row in rows]
    bounds = [_bounds(col, [r[i] for r in plain], show_header, wrap_headers) for i, col in enumerate(cols)]
    lowest = [lo for lo, _ in bounds]

    def build(widths: list[int]) -> Table:
        from rich.table import Table

        table = Table(
            box=box.SQUARE if boxed else None,
            show_edge=boxed,
            pad_edge=boxed,
            padding=(0, 1),
            show_header=show_header,
            header_style="bold",
        )
        for col, width in zip(cols, widths, strict=True):
            table.add_column(col.header, justify=col.justify, width=width, overflow="fold")
        for i, row in enumerate(rows):
            table.add_row(
                *row,
                style=styles[i] if i < len(styles) else None,
                end_section=ends[i] if i < len(ends) else False,
            )
        return table

    natural = [hi for _, hi in bounds]
    if limit is None:
        return build(natural)
    spare = limit - table_width(build(lowest))
    if spare < 0:
        return None
    widths = list(lowest)
    spare = share(widths, natural, [i for i, c in enumerate(cols) if c.wrap], spare)
    share(widths, natural, [i for i, c in enumerate(cols) if not c.wrap], spare)
    return build(widths)


def label_grid(limit: int | None, clusters: Sequence[Sequence[tuple[str, str]]]) -> Table | Text:
    """Clusters of ``label value`` pairs side by side, three to a band, or two, or one: as many
    as fit with every label on one line (else one, labels wrapped). A cluster is never split."""
    from rich.text import Text

    for across, wrap in ((3, False), (2, False), (1, False), (1, True)):
        cells: list[list[str]] = []
        for band in range(0, len(clusters), across):
            group = clusters[band : band + across]
            for i in range(max(len(c) for c in group)):
                line = [x for c in group for x in (c[i] if i < len(c) else ("", ""))]
                cells.append(line + [""] * (2 * across - len(line)))
        cols = [Col("", wrap=wrap), Col("", justify="right")] * across
        grid = fit_table(limit, cols, cells, boxed=False, show_header=False)
        if grid is not None:
            return grid
    return Text("\n".join(f"{what} {value}" for cluster in clusters for what, value in cluster))


def table_width(table: Table) -> int:
    from rich.console import Console
    from rich.measure import Measurement

    probe = Console(width=NO_LIMIT, file=_NOWHERE)
    return Measurement.get(probe, probe.options, table).maximum


class _Nowhere:
    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


_NOWHERE: Any = _Nowhere()


# -- plain tables (lists that must print at once) ---------------------------------------------
@dataclass
class Column:
    """A column of a plain table: ``wrap`` cells wrap between words; an ``optional`` column
    is left out when the screen is too narrow for it."""

    header: str
    cells: list[str]
    wrap: bool = False
    optional: bool = False
    right: bool = False


@dataclass
class PlainRow:
    style: str = ""
    notes: list[str] = field(default_factory=list)  # lines under the row, e.g. an apology


GAP = "  "
#: A spare column is shown only this wide at least (or as wide as it needs), to be read.
READABLE = 18


def wrap_words(text: str, width: int) -> list[str]:
    """Greedy word wrap; a word longer than ``width`` stays whole (it overflows)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and text_width(current) + 1 + text_width(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [*lines, current] if current or not lines else lines


def _plain_bounds(col: Column) -> tuple[int, int]:
    texts = [col.header, *col.cells]
    longest_word = max((text_width(w) for text in texts for w in text.split()), default=0)
    longest_cell = max((text_width(c) for c in col.cells), default=0)
    natural = max(text_width(col.header), longest_cell)
    narrowest = longest_word if col.wrap else max(longest_word, longest_cell)
    if col.optional:  # a spare column is worth showing only if it can be read
        narrowest = max(narrowest, min(natural, READABLE))
    return narrowest, natural


def _two_lines(text: str) -> int:
    """The width at which ``text`` wraps into at most two lines."""
    width = max((text_width(w) for w in text.split()), default=0)
    while len(wrap_words(text, width)) > 2:
        width += 1
    return width


def plain_widths(columns: list[Column], limit: int | None) -> tuple[list[Column], list[int]]:
    """The columns kept and their widths. Headers take at most two lines where they can.
    Spare columns (empty ones first) go when space is short, or when keeping them would make
    a main column wrap. What is left widens the main wrapped columns, then the spare ones,
    narrowest first, then lets headers stand on one line."""
    kept = [c for c in columns if not c.optional or any(c.cells)]
    while True:
        bounds = [_plain_bounds(c) for c in kept]
        if limit is None:
            return kept, [hi for _, hi in bounds]
        base = [
            lo if c.wrap else max(lo, _two_lines(c.header)) for (lo, _), c in zip(bounds, kept, strict=True)
        ]
        spare = limit - sum(base) - len(GAP) * (len(kept) - 1)
        main = [i for i, c in enumerate(kept) if c.wrap and not c.optional]
        optional = [i for i, c in enumerate(kept) if c.optional]
        if spare >= sum(bounds[i][1] - base[i] for i in main) or not optional:
            break
        del kept[optional[-1]]
    if spare < 0:  # too narrow for two-line headers: let them take more lines
        base = [lo for lo, _ in bounds]
        spare = limit - sum(base) - len(GAP) * (len(kept) - 1)
    natural = [hi for _, hi in bounds]
    widths = list(base)
    spare = share(widths, natural, main, spare)
    spare = share(widths, natural, [i for i in optional if kept[i].wrap], spare)
    share(widths, natural, [i for i, c in enumerate(kept) if not c.wrap], spare)
    return kept, widths


def plain_lines(columns: list[Column], rows: list[PlainRow], limit: int | None) -> list[str]:
    """A light table: aligned columns, wrapped where allowed, coloured by row on a terminal.

    rich's Table lays out every cell (≈2 ms a row); a clerk's list should print at once."""
    kept, widths = plain_widths(columns, limit)
    colour = colour_wanted()
    if colour:
        from rich.style import Style

    def paint(text: str, style: str) -> str:
        return Style.parse(style).render(text) if colour and style else text

    def block(cells: list[str], wrap: list[bool], right: list[bool]) -> list[str]:
        split = [
            wrap_words(c, w) if (wr or text_width(c) > w) else [c]
            for c, w, wr in zip(cells, widths, wrap, strict=True)
        ]
        height = max(len(s) for s in split)
        lines = []
        for n in range(height):
            parts = []
            for s, w, r in zip(split, widths, right, strict=True):
                text = s[n] if n < len(s) else ""
                pad = " " * max(0, w - text_width(text))
                parts.append(pad + text if r else text + pad)
            lines.append(GAP.join(parts).rstrip())
        return lines

    right = [c.right for c in kept]
    out = [paint(line, "bold") for line in block([c.header for c in kept], [True] * len(kept), right)]
    out.append(GAP.join("─" * w for w in widths))
    indent = widths[0] + len(GAP) if len(kept) > 1 else 0
    for i, row in enumerate(rows):
        cells = [c.cells[i] for c in kept]
        out.extend(paint(line, row.style) for line in block(cells, [c.wrap for c in kept], right))
        for note in row.notes:
            room = None if limit is None else max(limit - indent - 2, 10)
            for n, line in enumerate(wrap_words(note, room) if room else [note]):
                out.append(paint(" " * indent + ("↳ " if n == 0 else "  ") + line, row.style))
    return out


# -- setting up -------------------------------------------------------------------------------
def print_init(result: InitResult, lang: str) -> None:
    if result.created:
        echo(t(lang, "initialised", path=result.path))
        return
    echo(t(lang, "already_initialised", path=result.path))
    for key, old, new in result.changes:
        echo(
            "  "
            + t(lang, "init_changed" if result.updated else "init_would_change", key=key, old=old, new=new)
        )
    if result.changes and not result.updated:
        echo(t(lang, "init_use_update"))


def print_quote(q: Quote, lang: str, *, explain: bool) -> None:
    due = q.due
    lines = [
        f"{t(lang, 'limit')}: {fmt_limit(lang, due.limit)}"
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
        echo("")
        echo("\n".join(day_lines(lang, q.steps)))


def day_lines(lang: str, steps: Sequence[Any]) -> list[str]:
    """The day-by-day reasoning, the days padded to one width (``Chủ nhật`` is the longest)."""
    rows = [(fmt_day(lang, s.day) if s.day else "", t(lang, s.what, **s.args)) for s in steps]
    width = max((text_width(day) for day, _ in rows), default=0)
    return [f"  {day}{' ' * (width - text_width(day))}  {what}" for day, what in rows]


def print_settings(rows: Sequence[tuple[str, str, str]], lang: str) -> None:
    """Every setting: its key whole (it is typed in ``config set``), its value, what it means."""
    out = screen()
    cols = [Col(t(lang, "setting")), Col(t(lang, "value"), wrap=True), Col("", wrap=True)]
    cells = [
        [key, value, t(lang, f"cfg_{key}") if f"cfg_{key}" in MESSAGES else help_text]
        for key, value, help_text in rows
    ]
    table = fit_table(out.limit, cols, cells) or fit_table(out.limit, cols, cells, boxed=False)
    if table is not None:
        out.print(table)
        return
    for key, value, help_text in cells:  # too narrow even for that: one block per setting
        out.line(f"{key} = {value}", "bold")
        out.line(f"  {help_text}")


def print_calendar(rows: Sequence[CalendarRow], year: int, provisional: bool, lang: str) -> None:
    out = screen()
    title = t(lang, "calendar_title", year=year)
    if provisional:
        title += f" — {t(lang, 'provisional', year=year)}"
    cells = []
    for row in rows:
        name = row.name
        if row.kind == "work" and row.source == "package" and row.name:
            name = "→ " + fmt_day(lang, date.fromisoformat(row.name))
        cells.append(
            [
                fmt_day(lang, row.day),
                t(lang, "kind_off" if row.kind == "off" else "kind_work"),
                name,
                t(lang, "source_package" if row.source == "package" else "source_center"),
            ]
        )
    heads = (t(lang, "day"), t(lang, "kind"), t(lang, "name"), t(lang, "source"))
    cols = [Col(heads[0]), Col(heads[1], wrap=True), Col(heads[2], wrap=True), Col(heads[3], wrap=True)]
    out.line(title, "bold")
    table = fit_table(out.limit, cols, cells) or fit_table(out.limit, cols, cells, boxed=False)
    if table is not None:
        out.print(table)
        return
    for day, kind, name, source in cells:
        out.line(f"{day}  {kind} · {name} · {source}")


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
        limit, catalog = fmt_limit(lang, d.limit), fmt_limit(lang, catalog_limit)
        echo("  " + t(lang, "limit_overridden", limit=limit, catalog=catalog))
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
        (t(lang, "limit"), fmt_limit(lang, d.limit)),
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
    width = max(text_width(key) for key, _ in shown)
    lines = [f"{key}{' ' * (width - text_width(key))}  {value}" for key, value in shown]
    if view.steps:
        lines.append("")
        lines.extend(day_lines(lang, view.steps))
    echo("\n".join([*lines, ""]))
    print_history(view.events, lang, title=t(lang, "timeline"))


#: Below this many columns the details of a step go on a line of their own under it.
DETAILS_ROOM = 30


def print_history(events: list[Event], lang: str, *, title: str | None = None) -> None:
    """The audit trail as aligned lines, each step said in words; an undone step is marked ✗.
    On a narrow screen each step's details go under it, as wide as the screen allows."""
    from tthc.render_history import event_text

    undone = {e.undoes for e in events if e.undoes is not None}
    details = [event_text(lang, e) for e in events]
    columns = [
        Column("#", [str(e.id) for e in events], right=True),
        Column(
            t(lang, "step"),
            [step_label(lang, e.step) + (" ✗" if e.id in undone else "") for e in events],
            wrap=True,
        ),
        Column(t(lang, "when"), [fmt_short(e.happened_at) for e in events]),
        Column(t(lang, "recorded"), [fmt_short(e.recorded_at) for e in events]),
        Column(t(lang, "actor"), [e.actor for e in events], wrap=True),
        Column(t(lang, "details"), details, wrap=True),
    ]
    limit = output_width()
    kept, widths = plain_widths(columns, limit)
    below = limit is not None and (kept[-1] is not columns[-1] or widths[-1] < DETAILS_ROOM)
    rows = [
        PlainRow("dim" if e.id in undone else "", [text] if below and text else [])
        for e, text in zip(events, details, strict=True)
    ]
    lines = plain_lines(columns[:-1] if below else columns, rows, limit)
    echo("\n".join([title, *lines] if title else lines))


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


def print_procedures(procs: list[Procedure], lang: str) -> None:
    """The catalog: the national code and the limit whole, names wrapped, fees in đồng."""
    out = screen()
    cols = [
        Col(t(lang, "proc_code")),
        Col(t(lang, "procedure"), wrap=True),
        Col(t(lang, "field"), wrap=True),
        Col(t(lang, "limit"), wrap=True),
        Col(t(lang, "alias")),
        Col(t(lang, "fee"), justify="right"),
    ]
    cells = [
        [
            p.code,
            p.name,
            p.field,
            fmt_limit(lang, p.limit),
            p.alias or "",
            "" if p.fee is None else fmt_money(lang, p.fee),
        ]
        for p in procs
    ]
    table = fit_table(out.limit, cols, cells) or fit_table(out.limit, cols, cells, boxed=False)
    if table is not None:
        out.print(table)
        return
    for code, name, fld, limit, alias, fee in cells:  # a block per procedure
        out.line(f"{code}  {name}", "bold")
        out.line("  " + " · ".join(x for x in (fld, limit, alias, fee) if x))


def print_names(rows: list[Registered], lang: str) -> None:
    for row in rows:
        extra = f" ({row.code_prefix})" if row.code_prefix else ""
        echo(f"{row.name}{extra}")


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


def print_import(report: ImportReport, lang: str) -> None:
    key = "dry_run" if report.dry_run else "imported"
    echo(t(lang, key, n=report.dossiers, path=report.file))
    if report.new_officers:
        echo("  " + t(lang, "new_officers", names=", ".join(report.new_officers)))
    if report.new_points:
        echo("  " + t(lang, "new_points", names=", ".join(report.new_points)))
    if report.unknown_columns:
        sys.stderr.write(t(lang, "unknown_columns", cols=", ".join(report.unknown_columns)) + "\n")
