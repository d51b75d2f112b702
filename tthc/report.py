"""The official form Biểu II.06a (Circular 01/2020/TT-VPCP): results of handling
administrative procedures at the commune, by field — in the terminal and as an A4
landscape Excel sheet with the form's merged two-level header and numbered columns.

Withdrawn dossiers have no column of their own on the form; they go in the note column so
that every row balances: (3) = (7) + (11) + withdrawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.errors import TthcError

if TYPE_CHECKING:
    from tthc.summary import Figures, Summary

TITLE = {
    "vi": "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CẤP XÃ",
    "en": "HANDLING OF ADMINISTRATIVE PROCEDURES AT THE COMMUNE",
}
FORM = "Biểu II.06a (Thông tư 01/2020/TT-VPCP)"
GROUPS = {  # level-one headers: (first column, last column, vi, en)
    "received": (3, 6, "Số hồ sơ nhận giải quyết", "Dossiers to handle"),
    "resolved": (7, 10, "Số hồ sơ đã giải quyết", "Dossiers resolved"),
    "pending": (11, 13, "Số hồ sơ đang giải quyết", "Dossiers in progress"),
}
# (column number, vi, en) of the level-two headers
COLUMNS = (
    (1, "STT", "No."),
    (2, "Lĩnh vực giải quyết", "Field"),
    (3, "Tổng số", "Total"),
    (4, "Trực tuyến", "Online"),
    (5, "Trực tiếp và dịch vụ bưu chính", "Direct and postal"),
    (6, "Kỳ trước chuyển qua", "Carried over"),
    (7, "Tổng số", "Total"),
    (8, "Trước hạn", "Early"),
    (9, "Đúng hạn", "On time"),
    (10, "Quá hạn", "Late"),
    (11, "Tổng số", "Total"),
    (12, "Trong hạn", "Within deadline"),
    (13, "Quá hạn", "Overdue"),
)
NOTE = ("Ghi chú", "Note")


@dataclass(frozen=True)
class FormRow:
    number: str
    field: str
    cells: tuple[int, ...]  # columns 3..13
    withdrawn: int

    def note(self, lang: str) -> str:
        if not self.withdrawn:
            return ""
        return f"Rút {self.withdrawn} hồ sơ" if lang == "vi" else f"{self.withdrawn} withdrawn"


def _cells(fig: Figures) -> tuple[int, ...]:
    direct_postal = fig.received_by_channel["direct"] + fig.received_by_channel["postal"]
    online = fig.received_by_channel["online"]
    total = fig.carried_over + online + direct_postal
    return (
        total,
        online,
        direct_postal,
        fig.carried_over,
        fig.resolved,
        fig.early,
        fig.on_time,
        fig.late,
        fig.pending,
        fig.pending_not_due,
        fig.pending_overdue,
    )


def form_rows(summary: Summary, lang: str) -> list[FormRow]:
    """One row per field, then the total; each balances (3) = (7) + (11) + withdrawn."""
    rows = [
        FormRow(str(i), key or "—", _cells(fig), fig.withdrawn)
        for i, (key, fig) in enumerate(summary.groups, start=1)
    ]
    rows.append(
        FormRow("", "Tổng cộng" if lang == "vi" else "Total", _cells(summary.total), summary.total.withdrawn)
    )
    for row in rows:
        assert row.cells[0] == row.cells[4] + row.cells[8] + row.withdrawn, row
    return rows


def period_line(summary: Summary, lang: str) -> str:
    a, b = summary.period.start.strftime("%d/%m/%Y"), summary.period.end.strftime("%d/%m/%Y")
    return f"Kỳ báo cáo: từ ngày {a} đến ngày {b}" if lang == "vi" else f"Reporting period: {a} to {b}"


def print_form(summary: Summary, lang: str, center: str) -> None:
    from rich.table import Table

    from tthc.render import console

    i = 1 if lang == "en" else 0
    table = Table(title=f"{FORM}\n{TITLE[lang]}\n{center}\n{period_line(summary, lang)}")
    for number, *names in COLUMNS:
        group = next((g[2 + i] for g in GROUPS.values() if g[0] == number), "")
        header = f"{group}\n{names[i]}\n({number})"
        table.add_column(header, justify="left" if number == 2 else "right")
    table.add_column(f"\n{NOTE[i]}")
    rows = form_rows(summary, lang)
    for row in rows:
        table.add_row(
            row.number,
            row.field,
            *map(str, row.cells),
            row.note(lang),
            style="bold" if row is rows[-1] else None,
        )
    width = console().width if console().is_terminal else 190
    from rich.console import Console

    Console(highlight=False, width=width).print(table)


def write_form(summary: Summary, lang: str, center: str, path: Path) -> None:
    """The form as .xlsx: A4 landscape, merged two-level header, numbered columns, borders."""
    if path.suffix.lower() != ".xlsx":
        raise TthcError("e_form_xlsx", path=path)
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    i = 1 if lang == "en" else 0
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "II.06a"
    last = 14  # the note column
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def title(row: int, text: str, *, bold: bool = False, size: int = 11) -> None:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        cell = ws.cell(row=row, column=1, value=text)
        cell.font = Font(bold=bold, size=size)
        cell.alignment = Alignment(horizontal="center")

    title(1, FORM, size=10)
    title(2, TITLE[lang], bold=True, size=13)
    title(3, center, bold=True)
    title(4, period_line(summary, lang))
    h1, h2, nums = 6, 7, 8
    for col in (1, 2, last):  # STT, field and note span both header rows
        ws.merge_cells(start_row=h1, start_column=col, end_row=h2, end_column=col)
    ws.cell(row=h1, column=1, value=COLUMNS[0][1 + i])
    ws.cell(row=h1, column=2, value=COLUMNS[1][1 + i])
    ws.cell(row=h1, column=last, value=NOTE[i])
    for first, end, vi, en in GROUPS.values():
        ws.merge_cells(start_row=h1, start_column=first, end_row=h1, end_column=end)
        ws.cell(row=h1, column=first, value=en if i else vi)
    for number, vi, en in COLUMNS[2:]:
        ws.cell(row=h2, column=number, value=en if i else vi)
    for number, *_ in COLUMNS:
        ws.cell(row=nums, column=number, value=f"({number})")
    ws.cell(row=nums, column=last, value="")
    rows = form_rows(summary, lang)
    for offset, row in enumerate(rows, start=nums + 1):
        values: list[Any] = [int(row.number) if row.number else "", row.field, *row.cells, row.note(lang)]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=offset, column=col, value=value)
            if row is rows[-1]:
                cell.font = Font(bold=True)
    for r in range(h1, nums + len(rows) + 1):
        for c in range(1, last + 1):
            cell = ws.cell(row=r, column=c)
            cell.border = box
            if r <= nums:
                cell.alignment = centre
                cell.font = Font(bold=r < nums, italic=r == nums)
    widths = {1: 5, 2: 26, last: 16}
    for c in range(1, last + 1):
        ws.column_dimensions[get_column_letter(c)].width = widths.get(c, 10)
    ws.row_dimensions[h2].height = 45
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{h1}:{nums}"
    try:
        book.save(path)
    except OSError as exc:
        raise TthcError("e_write", path=path, reason=exc.strerror) from None
