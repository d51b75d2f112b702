"""Everything a person reads: lines, tables and JSON, in the chosen language, laid out for the
screen they are read on.

Output to a terminal is laid out for its width (``COLUMNS`` when set); output to a pipe or a
file has no width limit, so nothing is ever wrapped or cut there. A table that does not fit
changes shape (it wraps names, drops a column that can be spared, or becomes blocks): a
number or a code is never cut. rich is imported here and only when something is drawn; the
worklist and the audit trail are laid out without it, for speed. The summaries and the chart
live in :mod:`tthc.present.render_reports`, the worklist in :mod:`tthc.present.render_worklist`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from tthc.core.models import mask_id, name_twins
from tthc.core.workcalendar import Doubts
from tthc.locale.i18n import fmt_day, fmt_limit, fmt_money, label, step_label, t

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tthc.app.calendar_check import Mismatch
    from tthc.app.corrections import Changed, UndoPlan
    from tthc.app.dossiers import DossierView
    from tthc.app.interchange import ImportReport
    from tthc.app.merge import MergeReport
    from tthc.app.papers import Slip
    from tthc.app.service import CalendarRow, InitResult, Quote
    from tthc.app.transfer import FullExport
    from tthc.app.workload import Compliance, LateDossier, Load, Workload
    from tthc.core.models import Dossier, Event, Procedure, Registered
    from tthc.core.periods import Period
    from tthc.storage.station import Station


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def echo(text: str) -> None:
    sys.stdout.write(text + "\n")


def say(text: str, *, indent: str = "") -> None:
    """A line of words for a person, wrapped between words at the screen's width (a code, a
    date or a path is never cut); as it is to a pipe or a file."""
    echo("\n".join(wrap_line(text, output_width(), indent=indent)))


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


def plain_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    styles: Sequence[str],
    *,
    title: str | None = None,
    lead: int = 1,
) -> None:
    """Rows under their headers when they fit the screen with every header on two lines at
    most (text wraps between words; the first column and numbers keep their width); else one
    record per row (:func:`record_lines`). Nothing is cut in either shape."""
    limit = output_width()
    columns = [
        Column(
            h,
            [r[i] for r in rows],
            wrap=i > 0 and not all(c.replace(",", "").isdigit() for c in (r[i] for r in rows)),
        )
        for i, h in enumerate(headers)
    ]
    lines = plain_lines(columns, [PlainRow(style) for style in styles], limit)
    if limit is not None and not table_fits(lines, limit):
        lines = record_lines(headers, rows, styles, limit, lead=lead)
    heading = wrap_words(title, limit) if title and limit else [title] if title else []
    echo("\n".join([*heading, *lines]))


def table_fits(lines: Sequence[str], limit: int) -> bool:
    """No line wider than ``limit`` and a header of at most two lines (above its rule)."""
    header = next((i for i, line in enumerate(lines) if line.startswith("─")), len(lines))
    return header <= 2 and all(text_width(_unpainted(line)) <= limit for line in lines)


def _unpainted(line: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", line)


def record_lines(
    headers: Sequence[str], rows: Sequence[Sequence[str]], styles: Sequence[str], limit: int, *, lead: int = 1
) -> list[str]:
    """One record per row, for a screen too narrow for the table: the first ``lead`` cells
    on a line (a code, a name: they need no label), then every other cell that has a value
    as ``header: value``, the pairs separated by `` · `` and wrapped between pairs. A pair
    too long for a line of its own wraps between words; no value is ever cut."""
    colour = colour_wanted()
    if colour:
        from rich.style import Style

    def paint(text: str, style: str) -> str:
        return Style.parse(style).render(text) if colour and style else text

    out: list[str] = []
    for row, style in zip(rows, styles, strict=True):
        head = _fill([c for c in row[:lead] if c], limit, "", sep="  ")
        out.extend(paint(line, f"bold {style}".strip()) for line in head)
        pairs = [f"{h}: {c}" for h, c in zip(headers[lead:], row[lead:], strict=True) if c]
        out.extend(paint(line, style) for line in _fill(pairs, limit, "  ", sep=" · "))
    return out


def wrap_line(text: str, limit: int | None, *, indent: str = "") -> list[str]:
    """A line of words as lines of at most ``limit`` columns (None: as it is), the first
    starting with ``indent``, the others two columns further in; a word is never cut."""
    if limit is None:
        return [indent + text]
    room = max(limit - text_width(indent), 10)
    first, *rest = wrap_words(text, room)
    hang = " " * (text_width(indent) + 2)
    return [indent + first, *(hang + line for line in (wrap_words(" ".join(rest), room - 2) if rest else []))]


def _fill(pieces: Sequence[str], limit: int, indent: str, *, sep: str) -> list[str]:
    """``pieces`` joined by ``sep`` on lines of at most ``limit`` columns, each line starting
    with ``indent``; a line breaks only between pieces, unless one piece alone is too long."""
    lines: list[str] = []
    current = ""
    room = max(limit - len(indent), 10)
    for piece in pieces:
        joined = f"{current}{sep}{piece}" if current else piece
        if text_width(joined) <= room:
            current = joined
            continue
        if current:
            lines.append(indent + current)
        if text_width(piece) <= room:
            current = piece
        else:  # a long reason or name: between its words, the rest of it indented
            parts = wrap_words(piece, room)
            lines.append(indent + parts[0])
            if parts[1:]:
                lines.extend(indent + "  " + line for line in wrap_words(" ".join(parts[1:]), room - 2))
            current = ""
    if current:
        lines.append(indent + current)
    return lines


# -- setting up -------------------------------------------------------------------------------
def print_init(result: InitResult, lang: str) -> None:
    if result.created:
        say(t(lang, "initialised", path=result.path))
    else:
        say(t(lang, "already_initialised", path=result.path))
        for key, old, new in result.changes:
            changed = "init_changed" if result.updated else "init_would_change"
            say(t(lang, changed, key=key, old=old, new=new), indent="  ")
        if result.changes and not result.updated:
            say(t(lang, "init_use_update"))
    if result.station is not None and result.station_path is not None:
        print_station(result.station, result.station_path, lang)
        if result.created and result.station.point and result.center_id:  # the other points join it
            say(t(lang, "init_center_id", id=result.center_id))


def print_station(station: Station, path: Path, lang: str) -> None:
    """This PC's point, default officer and block of daily numbers."""
    block = station.block
    say(
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
        f"{t(lang, 'limit')}: {fmt_limit(lang, due.limit)}"
        + (f" ({q.procedure.code} {q.procedure.name})" if q.procedure else ""),
        f"{t(lang, 'received_at')}: {fmt_moment(lang, q.received_at)}",
    ]
    if q.counting.anchor != q.received_at:
        lines.append(f"{t(lang, 'effective_receipt')}: {fmt_moment(lang, q.counting.anchor)}")
    lines.append(f"{t(lang, 'due_at')}: {fmt_moment(lang, due.due_at)}")
    for line in lines:
        echo(line)
    for line in doubt_lines(lang, q.doubts):
        echo("! " + line)
    if explain:
        echo("")
        echo("\n".join(day_lines(lang, q.steps)))


def doubt_lines(lang: str, doubts: Doubts) -> list[str]:
    """Why a due date may still change, one line per provisional year or unconfirmed day:
    every screen that shows a due date says it the same way."""
    lines = [t(lang, "provisional", year=year) for year in doubts.years]
    lines += [t(lang, "unconfirmed_day", day=fmt_day(lang, day)) for day in doubts.days]
    return lines


def day_lines(lang: str, steps: Sequence[Any]) -> list[str]:
    """The day-by-day reasoning, the days padded to one width (``Chủ nhật`` is the longest)."""
    rows = [(fmt_day(lang, s.day) if s.day else "", t(lang, s.what, **s.args)) for s in steps]
    width = max((text_width(day) for day, _ in rows), default=0)
    return [f"  {day}{' ' * (width - text_width(day))}  {what}" for day, what in rows]


def setting_value(lang: str, value: str) -> str:
    """A setting's value for people: a secret's "(set)" in their language."""
    from tthc.core.settings import SECRET_NOT_SET, SECRET_SET

    words = {SECRET_SET: "secret_set", SECRET_NOT_SET: "secret_not_set"}
    return t(lang, words[value]) if value in words else value


def print_settings(rows: Sequence[tuple[str, str]], lang: str) -> None:
    """Every setting: its key whole (it is typed in ``config set``), its value, what it means."""
    out = screen()
    cols = [Col(t(lang, "setting")), Col(t(lang, "value"), wrap=True), Col(t(lang, "meaning"), wrap=True)]
    cells = [[key, setting_value(lang, value), t(lang, f"setting.{key}")] for key, value in rows]
    table = fit_table(out.limit, cols, cells) or fit_table(out.limit, cols, cells, boxed=False)
    if table is not None:
        out.print(table)
        return
    for key, value, meaning in cells:  # too narrow even for that: one block per setting
        out.line(f"{key} = {value}", "bold")
        out.line(f"  {meaning}")


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
        if row.status:
            awaits = f": {t(lang, row.awaits)}" if row.awaits else ""
            name += f" ({t(lang, f'cal_status_{row.status}')}{awaits})"
        source = t(lang, f"source_{row.source}")
        if row.decision:
            source += f": {row.decision}"
        kind = t(lang, "kind_off" if row.kind == "off" else "kind_work")
        cells.append([fmt_day(lang, row.day), kind, name, source])
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
            {
                "day": r.day.isoformat(),
                "kind": r.kind,
                "name": r.name,
                "source": r.source,
                **({"decision": r.decision} if r.decision else {}),
                **({"status": r.status} if r.status else {}),
            }
            for r in rows
        ],
    }


def print_calendar_check(items: Sequence[Mismatch], lang: str) -> None:
    """Each dossier whose stored due date differs from today's calendar: old and new dates,
    whether its judgement changes, and what ``--apply`` does with it."""
    if not items:
        echo(t(lang, "cal_check_none"))
        return
    out = screen()

    def judged(value: str | None) -> str:
        return label(lang, value) if value else "—"

    cells = []
    for m in items:
        change = t(lang, "cal_check_changes") if m.judgement_changes else ""
        action = t(lang, "cal_check_relay" if m.open else "cal_check_correction")
        if m.noted:
            action = t(lang, "cal_check_noted")
        cells.append(
            [
                m.code,
                label(lang, m.status),
                fmt_moment(lang, m.stored.due_at),
                fmt_moment(lang, m.calendar.due_at),
                f"{judged(m.judged_before)} → {judged(m.judged_after)}" + (f" ({change})" if change else ""),
                action,
            ]
        )
    keys = ("code", "status", "cal_check_stored", "cal_check_calendar", "timeliness", "cal_check_action")
    cols = [Col(t(lang, k), wrap=i > 0) for i, k in enumerate(keys)]
    out.line(t(lang, "cal_check_title", n=len(items)), "bold")
    table = fit_table(out.limit, cols, cells) or fit_table(out.limit, cols, cells, boxed=False)
    if table is not None:
        out.print(table)
        return
    for cell in cells:
        out.line(" · ".join(cell))


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

    from tthc.app.papers import Grid, Line

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


def appointment(lang: str, d: Dossier, fmt: Callable[[datetime], str]) -> str:
    """The appointment as a person reads it: its moment; while papers are awaited, that; once
    closed without them, when it was closed (as a withdrawn dossier shows its end)."""
    if d.due_at is not None:
        return fmt(d.due_at)
    if d.status == "closed" and d.closed_at is not None:
        return t(lang, "due_closed", at=fmt(d.closed_at))
    return label(lang, "paused")


def due_text(lang: str, d: Dossier) -> str:
    return appointment(lang, d, lambda moment: fmt_moment(lang, moment))


def print_received(d: Dossier, lang: str, catalog_limit: str, doubts: Doubts) -> None:
    say(
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
        say(t(lang, "limit_overridden", limit=limit, catalog=catalog), indent="  ")
    for line in doubt_lines(lang, doubts):
        say(line, indent="  ! ")


def print_step(d: Dossier, step: str, lang: str) -> None:
    status = label(lang, d.status)
    if d.status == "resolved" and d.timeliness:
        status += f" ({label(lang, d.timeliness)})"
    say(t(lang, "step_ok", code=d.code, step=step_label(lang, step), status=status))
    if step == "resume" and d.due_at is not None:
        say(t(lang, "due_now", due=due_text(lang, d)), indent="  ")


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
        (t(lang, "closed_at"), fmt_opt(lang, d.closed_at)),
        (t(lang, "submitted_at"), fmt_opt(lang, d.life.submitted_at)),
        (t(lang, "for_authority"), d.life.for_authority or ""),
        (t(lang, "forwarded_at"), fmt_opt(lang, d.life.forwarded_at)),
        (t(lang, "notified_at"), fmt_opt(lang, d.life.notified_at)),
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
    rows += service_rows(d, lang)
    shown = [(key, value) for key, value in rows if value]
    width = max(text_width(key) for key, _ in shown)
    limit = output_width()
    room = None if limit is None else max(limit - width - 2, READABLE)
    lines = []
    for key, value in shown:  # a long value (an apology, a note) wraps under itself
        parts = wrap_words(value, room) if room else [value]
        lines.append(f"{key}{' ' * (width - text_width(key))}  {parts[0]}")
        lines += [" " * (width + 2) + part for part in parts[1:]]
    lines += [x for line in doubt_lines(lang, view.doubts) for x in wrap_line(line, limit, indent="! ")]
    if view.steps:
        lines.append("")
        lines.extend(day_lines(lang, view.steps))
    echo("\n".join([*lines, ""]))
    print_history(view.events, lang, title=t(lang, "timeline"))


def service_rows(d: Dossier, lang: str) -> list[tuple[str, str]]:
    """What the province's scorecard counts about the dossier, and the citizen's rating."""
    svc = d.service
    fee = "" if svc.fee is None else f"{svc.fee:,}".replace(",", ".") + " đ"
    if svc.payment:
        fee = f"{fee} · {label(lang, svc.payment)}".lstrip(" ·")
    facts = [
        t(lang, f"fh_{name}")
        for name, on in (
            ("digitised", svc.digitised),
            ("data_reused", svc.data_reused),
            ("e_result", bool(svc.e_result)),
        )
        if on
    ]
    rows = [(t(lang, "fh_fee"), fee), (t(lang, "show_facts"), ", ".join(facts))]
    if d.rating is not None:
        said = f" · {d.rating.comment}" if d.rating.comment else ""
        rows.append(
            (
                t(lang, "show_rating"),
                f"{label(lang, d.rating.rating)} · {fmt_moment(lang, d.rating.rated_at)}{said}",
            )
        )
    return rows


#: Below this many columns the details of a step go on a line of their own under it.
DETAILS_ROOM = 30


def print_history(events: list[Event], lang: str, *, title: str | None = None) -> None:
    """The audit trail as aligned lines, each step said in words; an undone step is marked ✗.
    On a narrow screen each step's details go under it, as wide as the screen allows."""
    from tthc.present.render_history import event_text

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


def print_undo_plan(plan: UndoPlan, lang: str) -> None:
    say(
        t(
            lang,
            "undo_plan",
            code=plan.code,
            step=step_label(lang, plan.step),
            at=fmt_moment(lang, plan.happened_at),
            actor=plan.actor,
        )
    )


def print_corrections(items: list[Changed], period: Period, lang: str) -> None:
    """Every changed timeline of the period, under a title naming the period."""
    start, end = period.start.strftime("%d/%m/%Y"), period.end.strftime("%d/%m/%Y")
    if not items:
        echo(t(lang, "corrections_none", start=start, end=end))
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
    title = t(lang, "corrections_title", start=start, end=end, n=len(items))
    plain_table(headers, rows, [""] * len(rows), title=title, lead=3)


def event_json(e: Event) -> dict[str, Any]:
    from tthc.core.clock import iso

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
    """The registered names, then a note on any that are one name written apart."""
    for row in rows:
        extra = f" ({row.code_prefix})" if row.code_prefix else ""
        echo(f"{row.name}{extra}")
    for group in name_twins(r.name for r in rows):
        echo(t(lang, "w_name_twins", names=", ".join(repr(n) for n in group)))


def names_json(rows: list[Registered], kind: str) -> list[dict[str, Any]]:
    """The registered names as JSON; a name written apart from another one (a twin from
    before names were compared without diacritics) lists the others as ``same_name_as``."""
    twins = {name: group for group in name_twins(r.name for r in rows) for name in group}
    return [
        {
            "name": r.name,
            **({"code_prefix": r.code_prefix} if kind == "point" else {}),
            **({"same_name_as": [n for n in twins[r.name] if n != r.name]} if r.name in twins else {}),
        }
        for r in rows
    ]


# -- workload and compliance --------------------------------------------------------------------------
#: The columns of the workload table; share and the bar are drawn below it, so the numbers fit
#: 80 columns whole.
WORKLOAD_COLUMNS = ("received", "handed_over", "resolved", "on_time_rate", "pending", "overdue", "load")


def _cut(text: str, width: int) -> str:
    """Names may be shortened to fit; numbers never are."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _workload_cells(lang: str, g: Load) -> list[str]:
    from tthc.locale.i18n import fmt_rate

    return [fmt_rate(lang, g.rate) if c == "on_time_rate" else str(getattr(g, c)) for c in WORKLOAD_COLUMNS]


def workload_lines(w: Workload, lang: str, width: int = 80) -> list[str]:
    """The workload table, then each group's share of the center's load as a bar, in
    ``width`` columns: names are shortened to fit, numbers are always whole."""
    import textwrap

    from tthc.locale.i18n import fmt_rate

    heads = [t(lang, f"wl_h_{c}").split("\n") for c in WORKLOAD_COLUMNS]
    heads = [["", *h] if len(h) == 1 else h for h in heads]
    names = [t(lang, "none_key") if g.key is None else g.key for g in w.groups]
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
    rated = [(n, g) for n, g in zip(names, w.groups, strict=True) if any(g.ratings.values())]
    if rated:
        out.append("")
    for name, g in rated:
        counts = ", ".join(f"{t(lang, r)} {n}" for r, n in g.ratings.items())
        out += textwrap.wrap(t(lang, "officers_ratings", officer=name, counts=counts), width)
    return out


def print_workload(w: Workload, lang: str) -> None:
    width = console().width if sys.stdout.isatty() else 80
    echo("\n".join(line.rstrip() for line in workload_lines(w, lang, max(width, 40))))


def workload_records(w: Workload, lang: str) -> tuple[list[str], list[list[Any]]]:
    """Flat rows (one per group and a total) for CSV and Excel: in English named as in the
    JSON, in Vietnamese with Vietnamese headers, as ``summary --out`` does."""
    from tthc.app.workload import WORKLOAD_FIGURES

    load = w.total.load
    rows: list[list[Any]] = []
    for key, g in [*((g.key or "", g) for g in w.groups), (t(lang, "fh_total"), w.total)]:
        values = [g.value(name, load) for name in WORKLOAD_FIGURES]
        rows.append([key, *(float(v) if isinstance(v, Decimal) else v for v in values)])
    return [t(lang, f"fh_{name}") for name in (w.by, *WORKLOAD_FIGURES)], rows


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
    """The five lists of ``tthc late``, titled and translated."""
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
                    t(lang, f"kind_{c.kind}"),
                    step_label(lang, c.step),
                    c.step_at,
                    c.corrected_at,
                    c.actor,
                ]
                for c in late.corrections
            ],
        ),
        (
            t(lang, "lt_breaches", n=len(late.breaches)),
            [t(lang, h) for h in ("code", "procedure", "officer", "lt_h_breach", "lt_h_article")]
            + [t(lang, h) for h in ("lt_h_breach_at", "lt_h_breach_due")],
            [
                [
                    b.code,
                    b.procedure,
                    b.officer or "",
                    t(lang, f"bk_{b.kind}"),
                    b.article,
                    b.at,
                    b.due or "",
                ]
                for b in late.breaches
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
    """The four lists, each a table where the screen allows, else a record per dossier."""
    period = late.period
    limit = output_width()

    def words(text: str) -> str:
        return "\n".join(wrap_words(text, limit) if limit else [text])

    echo(
        words(
            t(lang, "lt_title", start=period.start.strftime("%d/%m/%Y"), end=period.end.strftime("%d/%m/%Y"))
        )
    )
    for title, heads, rows in late_sections(late, lang):
        echo("")
        if not rows:
            echo(f"{words(title)}\n{t(lang, 'lt_nothing')}")
            continue
        plain_table(heads, [[cell_text(v) for v in r] for r in rows], [""] * len(rows), title=title, lead=3)
    missing = [d.code for d in late.without_apology_in_time()]
    codes = " — " + ", ".join(missing) if missing else ""
    echo("")
    echo(words(t(lang, "lt_no_apology", n=len(missing), codes=codes)))


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
    "article",
    "at",
    "due",
    "done_at",
)


def late_records(late: Compliance, lang: str) -> tuple[list[str], list[list[Any]]]:
    """The four lists as one flat table for CSV and Excel: real date cells; in English named
    as in the JSON, in Vietnamese with Vietnamese headers and words."""
    vi = lang == "vi"

    def word(value: str | None, key: str) -> str | None:
        return t(lang, key) if vi and value is not None else value

    rows: list[list[Any]] = []
    for listed, items in (("resolved_late", late.resolved_late), ("open_overdue", late.open_overdue)):
        for d in items:
            a = d.apology
            cells: dict[str, Any] = {"code": d.code, "procedure": d.procedure, "officer": d.officer}
            cells.update(
                due_date=d.due_date, resolved_at=d.resolved_at, working_days_late=d.working_days_late
            )
            if a is not None:
                in_time = t(lang, "w_yes" if a.in_time else "w_no") if vi else a.in_time
                cells.update(apology_issued_at=a.issued_at, apology_in_time=in_time, new_date=a.new_date)
                cells.update(promise=word(a.promise, f"lt_promise_{a.promise}"))
            rows.append([word(listed, f"lv_{listed}"), *(cells.get(c) for c in LATE_COLUMNS[1:])])
    for r in late.late_requests:
        cells = {"code": r.code, "procedure": r.procedure, "officer": r.officer, "due_date": r.due_date}
        cells.update(requested_at=r.requested_at, working_days_late=r.working_days_late, reason=r.reason)
        rows.append([word("late_requests", "lv_late_requests"), *(cells.get(c) for c in LATE_COLUMNS[1:])])
    for c in late.corrections:
        cells = {"code": c.code, "procedure": c.procedure, "officer": c.officer, "actor": c.actor}
        cells.update(kind=word(c.kind, f"kind_{c.kind}"), step=step_label(lang, c.step) if vi else c.step)
        cells.update(step_at=c.step_at, corrected_at=c.corrected_at)
        rows.append([word("corrections", "lv_corrections"), *(cells.get(k) for k in LATE_COLUMNS[1:])])
    for b in late.breaches:
        cells = {"code": b.code, "procedure": b.procedure, "officer": b.officer, "article": b.article}
        cells.update(kind=word(b.kind, f"bk_{b.kind}"), at=b.at, due=b.due, done_at=b.done_at)
        rows.append([word("breaches", "lv_breaches"), *(cells.get(k) for k in LATE_COLUMNS[1:])])
    return [t(lang, f"fh_{c}") for c in LATE_COLUMNS], rows


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
    from tthc.app.merge import MergeReport

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
        if not report.held:
            echo(t(lang, "merge_nothing", path=report.source))
    else:
        _print_merged(report, lang)
    if report.held:
        lines = [
            f"{t(lang, 'error_prefix')}: {t(lang, 'merge_held', n=len(report.held), path=report.source)}"
        ]
        lines += [m.render(lang) for msgs in report.held.values() for m in msgs]
        with contextlib.suppress(BrokenPipeError):
            sys.stderr.write("\n".join(lines) + "\n")


def _print_merged(report: MergeReport, lang: str) -> None:
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
    for table in ("events", "procedures", "officers", "points", "calendar_days", "calendar_rulings"):
        n = report.added.get(table, 0)
        if n:
            echo("  " + t(lang, "merge_table", table=t(lang, f"t_{table}"), n=n))
    if report.relaid:
        echo("  " + t(lang, "merge_relaid", n=report.relaid))
    if report.whole:
        echo("  " + t(lang, "merge_whole"))
    if report.settled:
        echo("  " + t(lang, "merge_settled", codes=", ".join(report.settled)))


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
