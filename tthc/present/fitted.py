"""Tables drawn to fit, never by cutting a number or a code: a rich table whose columns are
sized here (:func:`fit_table`), clusters of labels and values side by side
(:func:`label_grid`), and a ledger of figures at a fixed width (:func:`ledger_lines`). The
plain layout that lists print at once is :mod:`tthc.present.layout`'s; the backends that draw
with these are :mod:`tthc.present.backends`'.

Apart from the plain layout, so that a clerk's look-up, printed plain, does not build them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from tthc.present.layout import share
from tthc.present.terminal import NO_LIMIT, text_width, wrap_words

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text


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


# -- ledgers: figures at a fixed width, with bars ---------------------------------------------
def name_lines(text: str, width: int) -> list[str]:
    """A name on as many lines of ``width`` as it needs, broken between words (a word longer
    than the column is broken inside it): a name is never cut, and a number never wraps."""
    lines: list[str] = []
    for line in wrap_words(text, width):
        while text_width(line) > width:
            lines.append(line[:width])
            line = line[width:]
        lines.append(line)
    return lines or [""]


@dataclass(frozen=True)
class LedgerColumn:
    """A column of a ledger: its heading's lines, its cells as text (``None`` for a bar),
    whether it is right-aligned. A bar column takes the width the other columns leave."""

    heading: Sequence[str]
    cells: Sequence[str | None]
    right: bool = False
    bar: Sequence[tuple[float, float]] = ()  # (value, most) per row, for a bar column


#: A bar is this wide at least, however narrow the ledger.
BAR_LEAST = 10
#: The first column keeps this many characters at least; a longer name goes on under its row.
NAME_LEAST = 8


def ledger_lead(columns: Sequence[LedgerColumn], width: int) -> int:
    """The first column's width: its longest name, or what the figures leave of ``width``
    (a longer name then takes more lines), never narrower than its heading."""
    first, *rest = columns
    widths = [_ledger_width(c) for c in rest if not c.bar]
    fixed = sum(widths) + 2 * len(widths)
    longest = max((len(x) for x in [*first.heading, *(c or "" for c in first.cells)]), default=0)
    heading = max((len(x) for x in first.heading), default=0)
    return max(min(longest, max(width - fixed, NAME_LEAST)), heading)


def _ledger_width(column: LedgerColumn) -> int:
    return max((len(x) for x in [*column.heading, *(c or "" for c in column.cells)]), default=0)


def ledger_lines(
    columns: Sequence[LedgerColumn], width: int, *, lead: int | None = None, totals: int = 0
) -> list[str]:
    """A ledger ``width`` columns wide: headings set on their last line, a rule, the rows and,
    under a second rule, the last ``totals`` rows; the first column (names) left-aligned, a
    name too long for it going on under its row, the figures whole; a bar drawn ``█`` in the
    room left."""
    first, *rest = columns
    lead = ledger_lead(columns, width) if lead is None else lead
    widths = [_ledger_width(c) for c in rest]
    fixed = sum(w for w, c in zip(widths, rest, strict=True) if not c.bar) + 2 * len(rest)
    widths = [max(width - lead - fixed, BAR_LEAST) if c.bar else w for w, c in zip(widths, rest, strict=True)]

    def cell(column: LedgerColumn, w: int, i: int) -> str:
        if column.bar:
            value, most = column.bar[i]
            return ("█" * (round(w * value / most) or (1 if value else 0))).ljust(w)
        text = column.cells[i] or ""
        return text.rjust(w) if column.right else text.ljust(w)

    def line(i: int) -> list[str]:
        name, *more = name_lines(first.cells[i] or "", lead)
        figures = "".join(f"  {cell(c, w, i)}" for c, w in zip(rest, widths, strict=True))
        return [name.ljust(lead) + figures, *more]

    height = max((len(c.heading) for c in columns), default=0)
    heads = [[""] * (height - len(c.heading)) + list(c.heading) for c in columns]
    out = [
        heads[0][k].ljust(lead)
        + "".join(
            f"  {h[k].rjust(w) if c.right else h[k].ljust(w)}"
            for h, c, w in zip(heads[1:], rest, widths, strict=True)
        )
        for k in range(height)
    ]
    rule = "─" * (lead + sum(widths) + 2 * len(rest))
    rows = len(first.cells)
    body = [text for i in range(rows - totals) for text in line(i)]
    if height:
        out.append(rule)
    out += body
    if totals:
        out += [rule, *(text for i in range(rows - totals, rows) for text in line(i))]
    return out
