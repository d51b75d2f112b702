"""The dossier log book (form 07, or 06 of the 2018 set) as an Excel file: the center and the
title above, one header row with numbered columns below it, then one row per dossier with
real date cells; A4 landscape, the header frozen on screen and repeated on every printed page.

The file names citizens and their phone numbers, so it is written readable by its owner only.
"""

from pathlib import Path
from typing import Any

from tthc.core.errors import TthcError
from tthc.core.papers import LOG_COLUMNS, LOG_DATES, LogBook
from tthc.present.xlsx_layout import a4_landscape, column_widths, merged, thin_box
from tthc.storage.sheets import put, workbook

#: Column widths in characters, (1) to (14).
WIDTHS = (5, 27, 30, 8, 22, 26, 16, 15, 15, 15, 15, 15, 12, 24)
#: The first row of the header; the numbers (1)…(14) are on the row below it.
HEADER_ROW = 5
DATE_FORMAT = "dd/mm/yyyy hh:mm"


def write_log_book(book: LogBook, path: Path) -> None:
    """The log book as .xlsx, written whole or not at all, owner-only."""
    if path.suffix.lower() != ".xlsx":
        raise TthcError("{path}: the log book is written as .xlsx", path=path)
    wb = workbook()
    ws = wb.active
    assert ws is not None
    ws.title = book.form
    _heading(ws, book)
    _table(ws, book)
    _page(ws, book)
    from tthc.storage.files import save_workbook

    save_workbook(wb, path, private=True)


def _heading(ws: Any, book: LogBook) -> None:
    last = len(LOG_COLUMNS)
    merged(ws, 1, 1, 6, book.center.upper(), bold=True, align="left", wrap=False)
    merged(ws, 1, 10, last, book.form_label, italic=True, align="right", size=9, wrap=False)
    merged(ws, 2, 1, last, book.title, bold=True, size=14, wrap=False)
    merged(ws, 3, 1, last, book.period_line, italic=True, wrap=False)
    # the dates' common heading sits above their own headings, as on the printed form
    first_date, last_date = LOG_DATES
    merged(ws, HEADER_ROW - 1, first_date, last_date, book.dates_label, bold=True, wrap=False)


def _table(ws: Any, book: LogBook) -> None:
    from openpyxl.styles import Alignment, Font

    box = thin_box()
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, header in enumerate(book.headers, start=1):
        cell = put(ws, HEADER_ROW, col, header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        number = put(ws, HEADER_ROW + 1, col, f"({col})")
        number.font = Font(italic=True)
        number.alignment = Alignment(horizontal="center")
    first_date, last_date = LOG_DATES
    for c in range(first_date, last_date + 1):
        ws.cell(row=HEADER_ROW - 1, column=c).border = box
    for offset, row in enumerate(book.rows, start=HEADER_ROW + 2):
        for col, value in enumerate(row.cells(), start=1):
            cell = put(ws, offset, col, value)
            cell.alignment = wrap
            if first_date <= col <= last_date:
                cell.number_format = DATE_FORMAT
    for r in range(HEADER_ROW, HEADER_ROW + 2 + len(book.rows)):
        for c in range(1, len(LOG_COLUMNS) + 1):
            ws.cell(row=r, column=c).border = box
    ws.row_dimensions[HEADER_ROW].height = 45


def _page(ws: Any, book: LogBook) -> None:
    column_widths(ws, dict(enumerate(WIDTHS, start=1)))
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 2, column=1)  # header and numbers stay in view
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    a4_landscape(ws, book.lang, pages_high=0)  # as many pages down as the period needs
