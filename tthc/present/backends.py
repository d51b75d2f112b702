"""The table model's backends beyond the plain one (:class:`tthc.present.table.Plain`), and the
choice of one by its name: ``rich`` (a boxed table, or the first of a screen's shapes that
fits), ``ledger`` (figures at a fixed width, a :class:`Bar` in the room the others leave),
``paper`` (a grid at a slip's width), ``json``, and a file, ``csv`` or ``xlsx``.

Apart from the model and its plain backend, so that a clerk's look-up, printed plain, builds
none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from tthc.present.fitted import Col, LedgerColumn, fit_table, label_grid, ledger_lead, ledger_lines
from tthc.present.layout import cell_text, grid_lines
from tthc.present.table import Backend, Block, Plain, Table
from tthc.present.terminal import echo, output_width, print_json, screen

if TYPE_CHECKING:
    from rich.table import Table as RichTable
    from rich.text import Text as RichText


@dataclass(frozen=True)
class Bar:
    """A cell drawn as a bar: ``value`` of the column's ``most``, as long as the room the
    other columns leave allows; a value above nought is never drawn as nothing."""

    value: float
    most: float

    def __str__(self) -> str:
        return ""


@dataclass(eq=False)  # a way of drawing, not a value: never compared
class Rich:
    """A rich table whose columns are sized to the screen: boxed when it fits, unboxed when
    only that fits, else a block per row (the table's own ``blocks``, or its leading cells on a
    bold line and the others joined by `` · `` under them)."""

    limit: int | Literal["auto"] | None = "auto"

    def fit(self, table: Table, *, boxed: bool = True, wrap_headings: bool = True) -> RichTable | None:
        """The table as rich draws it, its columns sized to fit the limit without cutting a
        cell, the totals bold under a line; None when it cannot fit (the screen tries
        another shape). A table whose headings are all empty is drawn without them; a cell
        may be rich text already (a chart's coloured bar)."""
        limit = output_width() if self.limit == "auto" else self.limit
        cols = [Col(f.heading, justify=f.align, wrap=f.wrap) for f in table.fields]
        cells = [[v if hasattr(v, "plain") else cell_text(v) for v in row] for row in table.rows]
        first_total = len(cells) - table.totals
        return fit_table(
            limit,
            cols,
            cells,
            boxed=boxed,
            show_header=any(f.heading for f in table.fields),
            wrap_headers=wrap_headings,
            styles=[
                table.style(i) or ("bold" if table.totals and i >= first_total else None)
                for i in range(len(cells))
            ],
            ends=[bool(table.totals) and i == first_total - 1 for i in range(len(cells))],
        )

    def pairs(self, clusters: Sequence[Sequence[tuple[str, str]]]) -> RichTable | RichText:
        """Clusters of ``label value`` pairs side by side, as many as fit (a summary's block
        for one group on a narrow screen)."""
        limit = output_width() if self.limit == "auto" else self.limit
        return label_grid(limit, clusters)

    def show(self, table: Table) -> None:
        out = screen(self.limit)
        if table.title:
            out.line(table.title, "bold")
        cols = [Col(f.heading, justify=f.align, wrap=f.wrap) for f in table.fields]
        cells = table.texts()
        drawn = fit_table(out.limit, cols, cells) or fit_table(out.limit, cols, cells, boxed=False)
        if drawn is not None:
            out.print(drawn)
        else:
            for row in cells:
                for text, style in (table.blocks or lead_block(table.lead))(row):
                    out.line(text, style)
        for line in table.footer:
            out.line(line)


@dataclass(eq=False)  # a way of drawing, not a value: never compared
class Ledger:
    """Figures at a fixed ``width`` (80 columns, or the terminal's): headings of several lines
    (``\\n`` in a heading) set on their last line, figures right-aligned and whole, the first
    column's names going on under their row when the figures leave no room, the totals under a
    rule, a :class:`Bar` cell drawn in the room the others leave. Tables drawn together share
    the first table's first column width, so their names line up."""

    width: int

    def drawn(self, *tables: Table) -> list[list[str]]:
        columns = [self.columns(table) for table in tables]
        lead = ledger_lead(columns[0], self.width)
        return [
            ledger_lines(c, self.width, lead=lead, totals=table.totals)
            for c, table in zip(columns, tables, strict=True)
        ]

    @staticmethod
    def columns(table: Table) -> list[LedgerColumn]:
        texts = table.texts()
        out = []
        for i, f in enumerate(table.fields):
            bars = [(float(r[i].value), float(r[i].most)) for r in table.rows if isinstance(r[i], Bar)]
            heading = f.heading.split("\n") if f.heading else []
            out.append(LedgerColumn(heading, [r[i] for r in texts], right=f.align == "right", bar=bars))
        return out

    def show(self, table: Table) -> None:
        echo("\n".join(line.rstrip() for line in self.drawn(table)[0]))


@dataclass(eq=False)  # a way of drawing, not a value: never compared
class Paper:
    """A grid printed on paper ``width`` columns wide, whatever the screen: the widest columns
    give way first and a cell too long for its column wraps onto more lines."""

    width: int

    def lines(self, table: Table) -> list[str]:
        return grid_lines(table.headings, table.texts(), self.width)

    def show(self, table: Table) -> None:
        echo("\n".join(self.lines(table)))


def lead_block(lead: int) -> Callable[[Sequence[str]], Block]:
    """A row as a block: its first ``lead`` cells on a bold line, the others that have a value
    joined by `` · `` on an indented line under them."""

    def block(row: Sequence[str]) -> Block:
        rest = [c for c in row[lead:] if c]
        head = ("  ".join(c for c in row[:lead] if c), "bold")
        return [head, ("  " + " · ".join(rest), "")] if rest else [head]

    return block


@dataclass(eq=False)  # a way of drawing, not a value: never compared
class Json:
    """The rows as a JSON list of objects keyed by each column's ``key``."""

    def show(self, table: Table) -> None:
        print_json(table.records())


@dataclass(eq=False)  # a way of drawing, not a value: never compared
class Sheet:
    """The table as a file: .csv (UTF-8 with a BOM; ``excel_vn`` for an Excel set to
    Vietnamese) or .xlsx (real number and date cells), written whole through the one
    spreadsheet writer; the headings are the first row."""

    path: Path
    sheet: str = "tthc"
    excel_vn: bool = False
    private: bool = False

    def show(self, table: Table) -> None:
        from tthc.storage.sheets import write_table

        write_table(
            self.path,
            table.headings,
            table.rows,
            sheet=self.sheet,
            excel_vn=self.excel_vn,
            private=self.private,
        )


BACKENDS: dict[str, Callable[..., Backend]] = {
    "plain": Plain,
    "rich": Rich,
    "ledger": Ledger,
    "paper": Paper,
    "json": Json,
    "csv": Sheet,
    "xlsx": Sheet,
}


def backend(kind: str, **options: Any) -> Backend:
    """The backend chosen once for a run: ``plain``, ``rich``, ``json``, ``csv`` or ``xlsx``
    (the last two given ``path=``)."""
    return BACKENDS[kind](**options)


def show(table: Table, kind: str = "plain", **options: Any) -> None:
    backend(kind, **options).show(table)
