"""How tthc's printed workbooks are laid out, in one place for all of them (the report form,
the log book, the late lists): a heading merged across columns, a thin box around a cell, the
columns' widths, and an A4 landscape page one page wide with its number at the foot.

The cells' values go through :mod:`tthc.storage.sheets` (no text is ever a formula); openpyxl
is imported here only when a workbook is laid out.
"""

from collections.abc import Mapping
from typing import Any, Literal

from tthc.locale.i18n import t
from tthc.storage.sheets import put


def merged(
    ws: Any,
    row: int,
    first: int,
    last: int,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int = 11,
    align: Literal["left", "center", "right"] = "center",
    wrap: bool = True,
) -> Any:
    """``text`` in one cell merged across columns ``first`` to ``last`` of ``row``."""
    from openpyxl.styles import Alignment, Font

    ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    cell = put(ws, row, first, text)
    cell.font = Font(bold=bold, italic=italic, size=size)
    cell.alignment = Alignment(horizontal=align, wrap_text=True) if wrap else Alignment(horizontal=align)
    return cell


def thin_box() -> Any:
    """A thin line on the four sides of a cell, as the forms draw their tables."""
    from openpyxl.styles import Border, Side

    thin = Side(style="thin")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def column_widths(ws: Any, widths: Mapping[int, float]) -> None:
    """Each column's width in characters, by its number (1-based)."""
    from openpyxl.utils import get_column_letter

    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width


def a4_landscape(ws: Any, lang: str, *, pages_high: int) -> None:
    """A sheet printed on A4 landscape, one page wide and ``pages_high`` high (0: as many as
    it takes), with the page number at the foot."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = pages_high
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = t(lang, "Page &P of &N")
