"""How a table is laid out, never by cutting a number or a code, and the one place where
columns are: a light table for lists that must print at once (:func:`plain_lines`), one
record per row when it does not fit (:func:`record_lines`), and a paper's grid and centred
blocks (:func:`grid_lines`, :func:`side_by_side`). Tables drawn to fit by rich and ledgers of
figures are laid out in :mod:`tthc.present.fitted`; the one table model that commands fill is
:mod:`tthc.present.table`'s, its other backends :mod:`tthc.present.backends`'."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from tthc.present.terminal import (
    colour_wanted,
    text_width,
    wrap_words,
)


# -- widths shared out -------------------------------------------------------------------------
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


# -- plain tables (lists that must print at once) ---------------------------------------------
@dataclass(eq=False)  # a layout's working column, never compared
class Column:
    """A column of a plain table: ``wrap`` cells wrap between words; an ``optional`` column
    is left out when the screen is too narrow for it."""

    header: str
    cells: list[str]
    wrap: bool = False
    optional: bool = False
    right: bool = False
    least: int = 0  # a wrapped column this wide at least (or its longest cell), a long word standing out


@dataclass(eq=False)  # a layout's working row, never compared
class PlainRow:
    """A row of a plain table beyond its cells: its colour, and the lines under it."""

    style: str = ""
    notes: list[str] = field(default_factory=list)  # lines under the row, e.g. an apology


GAP = "  "
#: A spare column is shown only this wide at least (or as wide as it needs), to be read.
READABLE = 18


def _plain_bounds(col: Column) -> tuple[int, int]:
    texts = [col.header, *col.cells]
    longest_word = max((text_width(w) for text in texts for w in text.split()), default=0)
    longest_cell = max((text_width(c) for c in col.cells), default=0)
    natural = max(text_width(col.header), longest_cell)
    narrowest = longest_word if col.wrap else max(longest_word, longest_cell)
    if col.optional:  # a spare column is worth showing only if it can be read
        narrowest = max(narrowest, min(natural, READABLE))
    if col.least and col.wrap:  # a word longer than that stands out rather than widen it
        narrowest = min(natural, col.least)
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
    out: list[str] = []
    if any(c.header for c in kept):  # a list of label and value has no headings
        out += [paint(line, "bold") for line in block([c.header for c in kept], [True] * len(kept), right)]
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


def cell_text(value: Any) -> str:
    """A typed cell as a person reads it: dd/mm/yyyy [HH:MM]."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


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


# -- paper: a fixed width, whatever the screen ------------------------------------------------
def grid_lines(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[str]:
    """A grid that fits a paper ``width`` columns wide: the widest columns give way first (to
    8 columns at least), and a cell too long for its column wraps onto more lines."""
    import textwrap

    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    while sum(widths) + 2 * (len(widths) - 1) > width and max(widths) > 8:
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


def centred(lines: Sequence[str], width: int) -> list[str]:
    """Lines of words centred in ``width`` columns, wrapped first if they must."""
    import textwrap

    out: list[str] = []
    for line in lines:
        out.extend(part.center(width) for part in (textwrap.wrap(line, width) or [""]))
    return out


def side_by_side(left: Sequence[str], right: Sequence[str], split: int, width: int) -> list[str]:
    """Two centred blocks side by side, the first ``split`` columns wide, as the blocks at the
    head and the foot of a form."""
    a = centred(left, split)
    b = centred(right, width - split)
    rows = max(len(a), len(b))
    a += [" " * split] * (rows - len(a))
    b += [""] * (rows - len(b))
    return [(x + y).rstrip() for x, y in zip(a, b, strict=True)]


def flush_right(text: str, width: int) -> str:
    """A line set against the right edge of ``width`` columns."""
    return text.rjust(width)
