"""The one writer of spreadsheet cells: every .csv and .xlsx tthc writes has its cells put here.

A text a spreadsheet would run as a formula (one that begins with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return: an officer named ``=cmd|' /C calc'!A0``) is written as text, never
as a formula. In a workbook the cell is typed as a string (openpyxl makes any text that begins
with ``=`` a formula unless told otherwise); in a CSV file, which has no types, the text gets a
leading apostrophe, as OWASP advises. Numbers (negative ones too) and dates stay typed cells.

:func:`unquote` is the reader's half: it takes off exactly the apostrophe :func:`csv_cell`
put on, so an import reads back what an export wrote. A text that itself begins with
apostrophes before such a character gets one more, so the two stay each other's inverse.

openpyxl is imported where a workbook is written, never at the top (start-up time).
"""

import csv
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any

from tthc.core.errors import TthcError
from tthc.storage import files

#: What a spreadsheet reads as the start of a formula (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "dd/mm/yyyy"
MOMENT_FORMAT = "dd/mm/yyyy hh:mm"


#: The first characters of a text :func:`csv_cell` may have to guard (the common case, a
#: name or a word, is told apart by its first character alone).
_GUARDED_FIRST = frozenset("'" + "".join(FORMULA_START))


def _guarded(text: str) -> bool:
    """Would a spreadsheet run this text, or would :func:`unquote` take an apostrophe off it?"""
    return text[:1] in _GUARDED_FIRST and text.lstrip("'").startswith(FORMULA_START)


def csv_cell(value: Any) -> Any:
    """A text for a CSV file: an apostrophe before one a spreadsheet would run."""
    if isinstance(value, str) and _guarded(value):
        return "'" + value
    return value


def unquote(value: Any) -> Any:
    """A text read from a CSV file without the apostrophe :func:`csv_cell` put on it."""
    if isinstance(value, str) and value[:1] == "'" and _guarded(value[1:]):
        return value[1:]
    return value


# -- workbooks ------------------------------------------------------------------------------------
def workbook(*, write_only: bool = False) -> Any:
    """A new openpyxl workbook; its cells are written with :func:`put` or :func:`stream_cell`."""
    import openpyxl

    return openpyxl.Workbook(write_only=write_only)


def _typed(cell: Any, value: Any) -> Any:
    if isinstance(value, str):
        cell.data_type = "s"  # "=…" stays text: openpyxl would have made it a formula
    elif isinstance(value, date):  # a real date cell, shown day first
        cell.number_format = MOMENT_FORMAT if isinstance(value, datetime) else DATE_FORMAT
    return cell


def put(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write ``value`` into a cell of a worksheet and return the cell (to style it)."""
    cell = ws.cell(row=row, column=column)
    cell.value = value
    return _typed(cell, value)


def stream_cell(ws: Any, value: Any) -> Any:
    """A cell for a row appended to a write-only worksheet."""
    from openpyxl.cell import WriteOnlyCell

    return _typed(WriteOnlyCell(ws, value=value), value)


def stream_row(ws: Any, values: Iterable[Any]) -> None:
    """Append a row of values to a write-only worksheet."""
    ws.append([stream_cell(ws, v) for v in values])


# -- CSV ------------------------------------------------------------------------------------------------
class CsvWriter:
    """``csv.writer`` with every text cell passed through :func:`csv_cell`; numbers and dates
    are written as numbers and dates (``excel_vn``: ``-1,5`` and ``02/09/2025``), never quoted."""

    def __init__(self, fh: IO[str], *, excel_vn: bool = False) -> None:
        self._writer = csv.writer(fh, delimiter=";" if excel_vn else ",")
        self._excel_vn = excel_vn

    def writerow(self, values: Iterable[Any]) -> None:
        self._writer.writerow(
            [csv_cell(v) if isinstance(v, str) else _cell_text(v, self._excel_vn) for v in values]
        )


def data_writer(fh: IO[str]) -> Any:
    """A CSV writer for a file only a program reads, never a person's spreadsheet (the rows
    DuckDB loads into Parquet, in a temporary folder): cells go as they are, no apostrophe,
    so the program reads exactly the values."""
    return csv.writer(fh)


# -- a table: a header row and rows --------------------------------------------------------------
def write_table(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    sheet: str = "tthc",
    private: bool = False,
    excel_vn: bool = False,
) -> None:
    """Write rows as .csv (UTF-8 with a BOM, so Excel shows Vietnamese) or .xlsx, whole or
    not at all; ``private`` files (with citizens' details) are readable by the owner only.

    ``excel_vn`` writes the CSV an Excel set to Vietnamese opens in columns: ``;`` between
    cells, ``,`` in decimals, dates as dd/mm/yyyy. An .xlsx needs no such care: it has real
    number and date cells, a bold frozen header row with a filter, and sized columns."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with files.opened(path, private=private, encoding="utf-8-sig", newline="") as fh:
            writer = CsvWriter(fh, excel_vn=excel_vn)
            writer.writerow(headers)
            for row in rows:
                writer.writerow(row)
    elif suffix == ".xlsx":
        _write_xlsx(path, headers, rows, sheet, private)
    else:
        raise TthcError("{path}: expected a .csv or .xlsx file", path=path)


#: How many rows are read ahead to size the columns of a sheet (the rest stream after them).
_SIZING_ROWS = 500


def _write_xlsx(
    path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], sheet: str, private: bool
) -> None:
    write_workbook(path, [(sheet, headers, rows)], private=private)


def write_workbook(
    path: Path, sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]], *, private: bool = False
) -> None:
    """Several tables in one .xlsx, a sheet each (named as given), whole or not at all."""
    if path.suffix.lower() != ".xlsx":  # several sheets: a workbook, never a .csv
        raise TthcError("{path}: expected an .xlsx file (a workbook of several sheets)", path=path)
    book = workbook(write_only=True)
    for name, headers, rows in sheets:
        _fill_sheet(book.create_sheet(name), headers, rows)
    files.save_workbook(book, path, private=private)


def _fill_sheet(ws: Any, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A bold frozen header row with a filter, columns sized to the first rows, then the rows."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    stream = iter(rows)
    ahead = list(islice(stream, _SIZING_ROWS))
    widths = [len(str(h)) for h in headers]
    for row in ahead:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], len(str(_cell_text(value, excel_vn=True))))
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 50)
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = [stream_cell(ws, h) for h in headers]
    for head in header:
        head.font = bold
    ws.append(header)
    count = 1
    for row in chain(ahead, stream):
        stream_row(ws, row)
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count}"


def _cell_text(value: Any, excel_vn: bool = False) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M") if excel_vn else value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y") if excel_vn else value.isoformat()
    if isinstance(value, float | Decimal) and excel_vn:
        return str(value).replace(".", ",")
    return "" if value is None else value
