"""One table model for every list tthc shows or writes, and the plain backend that prints it.

A command fills a :class:`Table`: its columns (:class:`Field`: a heading, a name in JSON, an
alignment, whether its cells may wrap between words, whether it may go under its row), rows
of typed cells (text, whole numbers, dates and moments, a :class:`tthc.present.backends.Bar`),
a title, a footer and totals. How it is drawn is chosen once, by
:func:`tthc.present.backends.backend`, as todoman's formatters are: ``plain`` (light aligned
columns that print at once, :class:`Plain`, here), or one of the others
(:mod:`tthc.present.backends`): ``rich`` (a boxed table, or the first of a screen's shapes
that fits), ``ledger`` (figures at a fixed width, with share bars), ``paper`` (a grid at a
slip's width), ``json``, or a file, ``csv`` or ``xlsx``. Whatever the backend, no number,
code or date is ever cut: on a screen too narrow for the columns a column goes under its row
or the table changes shape, one record per row, its leading cells (a code, a name) heading
each block; in a ledger, a name the figures leave no room for goes on under its row, whole.

The plain backend is here, the others apart: a clerk's look-up, printed plain, builds none of
them.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, Protocol

from tthc.present.layout import (
    Column,
    PlainRow,
    cell_text,
    plain_lines,
    plain_widths,
    record_lines,
    table_fits,
)
from tthc.present.terminal import echo, output_width, wrap_words

#: One block of a table re-shaped for a narrow screen: its lines, each with its style.
Block = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Field:
    """A column: its ``heading`` for people, its ``key`` in JSON (the heading when empty), its
    alignment, and whether its cells may ``wrap`` between words (names, notes, reasons); a
    code, a date or a number never wraps. A ``spare`` column may be left out of a narrow
    screen's table (it stays in the records, in JSON and in files). An ``under`` column (a
    formula, a step's details) goes on the lines under its row when the table does not fit,
    or when it would be narrower than ``under`` columns."""

    heading: str
    key: str = ""
    align: Literal["left", "right"] = "left"
    wrap: bool = False
    spare: bool = False
    under: int = 0  # > 0: may go on the lines under its row (see Plain)
    least: int = 0  # wrapped at this width at least; a longer word stands out rather than widen it

    @property
    def name(self) -> str:
        return self.key or self.heading


@dataclass(frozen=True)
class Table:
    """What a list holds, whatever draws it. ``lead`` cells head each record when the table is
    re-shaped; ``blocks``, when given, says how a row reads as a block instead (a table whose
    rows read better another way, as a setting's ``key = value``)."""

    fields: Sequence[Field]
    rows: Sequence[Sequence[Any]]
    title: str | None = None
    footer: Sequence[str] = ()
    styles: Sequence[str] = ()
    notes: Sequence[Sequence[str]] = ()  # lines under a row (an apology's new date), by row
    lead: int = 1
    blocks: Callable[[Sequence[str]], Block] | None = None
    totals: int = 0  # the last rows are totals, under a rule of their own (a ledger's)

    @classmethod
    def of(cls, headings: Sequence[str], rows: Sequence[Sequence[Any]], **options: Any) -> Table:
        """A table of plain headings: the first column and columns of numbers keep their width,
        every other column wraps between words."""
        texts = [[cell_text(v) for v in row] for row in rows]
        fields = [
            Field(h, wrap=i > 0 and not all(r[i].replace(",", "").isdigit() for r in texts))
            for i, h in enumerate(headings)
        ]
        return cls(fields, rows, **options)

    @property
    def headings(self) -> list[str]:
        return [f.heading for f in self.fields]

    def texts(self) -> list[list[str]]:
        """Every cell as a person reads it: dd/mm/yyyy [HH:MM], nothing for nothing."""
        return [[cell_text(v) for v in row] for row in self.rows]

    def style(self, i: int) -> str:
        return self.styles[i] if i < len(self.styles) else ""

    def notes_of(self, i: int) -> list[str]:
        return list(self.notes[i]) if i < len(self.notes) else []

    def records(self) -> list[dict[str, Any]]:
        """The rows as JSON objects, by each column's key: ISO dates, numbers as numbers."""
        from decimal import Decimal  # here: a table on screen does not load it

        def json_value(value: Any) -> Any:
            if isinstance(value, datetime | date):
                return value.isoformat()
            if isinstance(value, Decimal):
                return float(value)
            return value

        return [{f.name: json_value(v) for f, v in zip(self.fields, row, strict=True)} for row in self.rows]


# -- the backends --------------------------------------------------------------------------------------
class Backend(Protocol):
    def show(self, table: Table) -> None: ...


@dataclass(eq=False)  # a way of drawing, not a value: never compared
class Plain:
    """Light aligned columns, coloured by row on a terminal, for lists that must print at once:
    rows under their headings when they fit with every heading on two lines at most, else one
    record per row, ``header: value`` pairs under the leading cells. With ``reshape`` off the
    columns stay, spare ones left out and text wrapped (the worklist, read down its codes).
    A table whose headings are all empty is a list of label and value: no heading, no rule."""

    limit: int | Literal["auto"] | None = "auto"
    reshape: bool = True

    def lines(self, table: Table) -> list[str]:
        limit = output_width() if self.limit == "auto" else self.limit
        texts = table.texts()
        styles = [table.style(i) for i in range(len(texts))]
        columns = [
            Column(
                f.heading,
                [r[i] for r in texts],
                wrap=f.wrap,
                optional=f.spare,
                right=f.align == "right",
                least=f.least,
            )
            for i, f in enumerate(table.fields)
        ]
        rows = [PlainRow(s, table.notes_of(i)) for i, s in enumerate(styles)]
        lines = plain_lines(columns, rows, limit)
        if limit is not None and self._goes_under(table, columns, lines, limit):
            below = [i for i, f in enumerate(table.fields) if f.under]
            columns = [c for i, c in enumerate(columns) if i not in below]
            for n, row in enumerate(rows):
                row.notes = [*row.notes, *(texts[n][i] for i in below if texts[n][i])]
            lines = plain_lines(columns, rows, limit)
        if self.reshape and limit is not None and not table_fits(lines, limit):
            lines = record_lines(table.headings, texts, styles, limit, lead=table.lead)
        title = table.title
        heading = wrap_words(title, limit) if title and limit else [title] if title else []
        foot = [x for line in table.footer for x in (wrap_words(line, limit) if limit else [line])]
        return [*heading, *lines, *foot]

    @staticmethod
    def _goes_under(table: Table, columns: list[Column], lines: list[str], limit: int) -> bool:
        """Whether the ``under`` columns go under their rows: the table does not fit, or one
        of them is left out or narrower than it asks."""
        if not any(f.under for f in table.fields):
            return False
        if not table_fits(lines, limit):
            return True
        kept, widths = plain_widths(columns, limit)
        for f, column in zip(table.fields, columns, strict=True):
            at = next((j for j, k in enumerate(kept) if k is column), None)
            if f.under and (at is None or widths[at] < f.under):
                return True
        return False

    def show(self, table: Table) -> None:
        echo("\n".join(self.lines(table)))
