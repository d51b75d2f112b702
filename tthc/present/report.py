"""The official form Biểu II.06a (Circular 01/2020/TT-VPCP): results of handling
administrative procedures at the commune, by field — in the terminal and as one A4
landscape Excel page, with the blocks every periodic report form carries: the form number
and the circular that issued it, the reporting and receiving units, the period, the unit of
measure, the merged two-level header with numbered columns, and at the foot the place and
date with the signature blocks.

Withdrawn and closed dossiers (papers never came, Decree 118 Art. 19.5) have no column of
their own on the form; they go in the note column so that every row balances:
(3) = (7) + (11) + withdrawn + closed.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.core.errors import TthcError
from tthc.core.settings import head_title as settings_head_title
from tthc.locale.i18n import t
from tthc.locale.marks import N_, P_
from tthc.present.xlsx_layout import a4_landscape, column_widths, merged, thin_box
from tthc.storage.sheets import put, workbook

if TYPE_CHECKING:
    from tthc.app.workload import Compliance
    from tthc.core.figures import Figures, Summary
    from tthc.core.settings import Settings

#: Level-one headers: (first column, last column, heading).
GROUPS = ((3, 6, N_("Dossiers to handle")), (7, 10, N_("Dossiers resolved")), (11, 13, N_("Dossiers in progress")))
#: The numbered columns (1)–(13) and their headings; the note column comes last.
COLUMNS = (
    (1, N_("No.")),
    (2, P_("report form column", "Field")),
    (3, P_("report form column", "Total")),
    (4, N_("Online")),
    (5, N_("Direct and postal")),
    (6, N_("Carried over")),
    (7, P_("report form column", "Total")),
    (8, N_("Early")),
    (9, N_("On time")),
    (10, N_("Late")),
    (11, P_("report form column", "Total")),
    (12, N_("Within deadline")),
    (13, N_("Overdue")),
)
DOTS = "…………………"


@dataclass(frozen=True)
class FormRow:
    number: str
    field: str
    cells: tuple[int, ...]  # columns 3..13
    withdrawn: int
    closed: int = 0

    @property
    def noted(self) -> int:
        """The dossiers the note column accounts for: withdrawn and closed."""
        return self.withdrawn + self.closed

    def note(self, lang: str) -> str:
        parts = [t(lang, "{n} withdrawn", n=self.withdrawn)] if self.withdrawn else []
        if self.closed:
            parts.append(t(lang, "{n} closed (papers never came)", n=self.closed))
        return "; ".join(parts)


@dataclass(frozen=True)
class Form:
    """Everything printed on the form, in one language."""

    lang: str
    heading: list[tuple[str, str]]  # (left, right) lines above the title
    title: list[str]  # title, period, unit of measure
    rows: list[FormRow]
    foot: list[tuple[str, str]]  # (left, right) lines below the table


def _cells(fig: "Figures") -> tuple[int, ...]:
    direct_postal = fig.received_by_channel["direct"] + fig.received_by_channel["postal"]
    online = fig.received_by_channel["online"]
    return (
        fig.carried_over + online + direct_postal,
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


def form_rows(summary: "Summary", lang: str) -> list[FormRow]:
    """One row per field, then the total; each balances (3) = (7) + (11) + withdrawn + closed."""
    rows = [
        FormRow(str(i), key or "—", _cells(fig), fig.withdrawn, fig.closed)
        for i, (key, fig) in enumerate(summary.groups, start=1)
    ]
    total = summary.total
    rows.append(
        FormRow("", t(lang, P_("report form total row", "Total")), _cells(total), total.withdrawn, total.closed)
    )
    for row in rows:
        assert row.cells[0] == row.cells[4] + row.cells[8] + row.noted, row
    return rows




def build_form(summary: "Summary", lang: str, settings: "Settings", today: date) -> Form:
    """The form's text from the summary by field and the center's settings."""
    s = settings.raw
    period = t(
        lang,
        "Reporting period: {start} to {end}",
        start=summary.period.start.strftime("%d/%m/%Y"),
        end=summary.period.end.strftime("%d/%m/%Y"),
    )
    place = s["place_name"] or DOTS
    heading = [
        (t(lang, "Form II.06a/VPCP/KSTT"), t(lang, "Reporting unit: {unit}", unit=settings.center_name)),
        (
            t(lang, "Issued with Circular 01/2020/TT-VPCP of 21/10/2020"),
            t(lang, "Receiving unit: {unit}", unit=s["report_to"] or DOTS),
        ),
    ]
    foot = [
        ("", t(lang, "{place}, {d:02d}/{m:02d}/{y}", place=place, d=today.day, m=today.month, y=today.year)),
        (t(lang, "PREPARED BY"), settings_head_title(lang, s["head_title"]).upper()),
        (t(lang, P_("report form signature", "(signature and full name)")), t(lang, "(signature and seal)")),
        ("", ""),
        ("", ""),
        (s["preparer_name"], s["head_name"]),
    ]
    return Form(
        lang,
        heading,
        [
            t(lang, "HANDLING OF ADMINISTRATIVE PROCEDURES AT THE COMMUNE"),
            period,
            t(lang, "Unit: number of dossiers"),
        ],
        form_rows(summary, lang),
        foot,
    )


def print_form(form: Form) -> None:
    """The form on screen, in the first shape that fits: every column headed in words; the
    columns headed by their numbers with a legend; the notes under the table; one block of
    ``(n) label value`` lines per field. The figures are never cut in any of them."""
    from rich.text import Text

    from tthc.present.fitted import table_width
    from tthc.present.terminal import screen

    out = screen()
    _pairs(out, form.heading)
    body = _form_table(form, out.limit)
    across = table_width(body[0]) if body else (out.limit or 100)  # the title is centred over it
    out.print("")
    for line in form.title:
        out.console.print(Text(line, style="bold"), justify="center", width=across)
    for part in body or _form_blocks(form, out.limit):
        out.print(part)
    out.print("")
    _pairs(out, form.foot)


def _pairs(out: Any, lines: list[tuple[str, str]]) -> None:
    """Left and right blocks side by side (heading, signatures), wrapped to the screen."""
    from tthc.present.backends import Rich
    from tthc.present.table import Field, Table

    blocks = Table([Field("", wrap=True), Field("", wrap=True)], [list(pair) for pair in lines])
    grid = Rich(out.limit).fit(blocks, boxed=False)
    if grid is not None:
        out.print(grid)
        return
    for left, right in lines:
        out.line(left)
        out.line(right)


def _form_cells(form: Form, note: bool) -> list[list[str]]:
    return [
        [row.number, row.field, *map(str, row.cells), *([row.note(form.lang)] if note else [])]
        for row in form.rows
    ]


def _form_table(form: Form, limit: int | None) -> list[Any]:
    """The table with its legend lines, or [] when no table shape fits."""
    from rich.text import Text

    from tthc.present.backends import Rich
    from tthc.present.table import Field, Table

    lang = form.lang
    styles = [""] * (len(form.rows) - 1) + ["bold"]
    groups = [t(lang, "({first})–({last}) {name}", first=first, last=last, name=t(lang, key)) for first, last, key in GROUPS]
    spans = t(lang, "Columns: {items}", items=" · ".join(groups))
    words = [
        Field(f"{t(lang, key)}\n({n})", align="left" if n == 2 else "right", wrap=n == 2)
        for n, key in COLUMNS
    ]
    numbers = [Field(f"({n})", align="left" if n == 2 else "right", wrap=n == 2) for n, _ in COLUMNS]
    legend = t(lang, "Columns: {items}", items=" · ".join(f"({n}) {t(lang, key)}" for n, key in COLUMNS))
    note = Field(t(lang, "Note"), wrap=True)
    shapes = [  # columns, with the note column, legend lines, headers may wrap, boxed
        ([*words, note], True, [spans], False, True),
        ([*numbers, note], True, [spans, legend], True, True),
        (numbers, False, [spans, legend], True, True),
        (numbers, False, [spans, legend], True, False),
    ]
    for fields, with_note, legends, wrap_headings, boxed in shapes:
        shape = Table(fields, _form_cells(form, with_note), styles=styles)
        table = Rich(limit).fit(shape, wrap_headings=wrap_headings, boxed=boxed)
        if table is None:
            continue
        notes = [f"{row.field}: {row.note(lang)}" for row in form.rows if row.noted]
        tail = [] if with_note or not notes else [t(lang, "Notes: {items}", items="; ".join(notes))]
        return [table, *(Text(line) for line in [*legends, *tail])]
    return []


def _form_blocks(form: Form, limit: int | None) -> list[Any]:
    """One block per field: ``(n) label value`` in as many columns as fit."""
    from rich.text import Text

    from tthc.present.backends import Rich

    out: list[Any] = []
    for row in form.rows:
        pairs = [
            (f"({n}) {t(form.lang, key)}", str(v)) for (n, key), v in zip(COLUMNS[2:], row.cells, strict=True)
        ]
        out.append(Text(f"{row.number}. {row.field}" if row.number else row.field, style="bold"))
        clusters = [pairs[first - 3 : last - 2] for first, last, _ in GROUPS]
        out.append(Rich(limit).pairs(clusters))
        if row.noted:
            out.append(Text(f"{t(form.lang, 'Note')}: {row.note(form.lang)}"))
    return out


def write_form(form: Form, path: Path, late: "Compliance | None" = None) -> None:
    """The form as .xlsx: one A4 landscape page, merged header, numbered columns, borders,
    the blocks above and below the table, and page numbers in the footer; with ``late``, a
    second sheet lists the period's late dossiers, as ``tthc late`` does."""
    if path.suffix.lower() != ".xlsx":
        raise TthcError("{path}: the official form is written as .xlsx", path=path)
    book = workbook()
    ws = book.active
    assert ws is not None
    ws.title = "II.06a"
    row = _sheet_heading(ws, form)
    row = _sheet_table(ws, form, row + 1)
    _sheet_foot(ws, form, row + 1)
    _sheet_page(ws, form)
    if late is not None:
        _late_sheet(book, form, late)
    from tthc.storage.files import save_workbook

    save_workbook(book, path)


LAST = 14  # the note column


def _sheet_heading(ws: Any, form: Form) -> int:
    row = 1
    for left, right in form.heading:
        merged(ws, row, 1, 5, left, align="left", size=10)
        merged(ws, row, 9, LAST, right, align="right", size=10)
        row += 1
    row += 1
    for i, line in enumerate(form.title):
        merged(ws, row, 1, LAST, line, bold=i == 0, size=13 if i == 0 else 11, italic=i == 2)
        row += 1
    return row


def _sheet_table(ws: Any, form: Form, h1: int) -> int:
    from openpyxl.styles import Alignment, Font

    box = thin_box()
    h2, nums = h1 + 1, h1 + 2
    for col in (1, 2, LAST):  # STT, field and note span both header rows
        ws.merge_cells(start_row=h1, start_column=col, end_row=h2, end_column=col)
    put(ws, h1, 1, t(form.lang, "No."))
    put(ws, h1, 2, t(form.lang, P_("report form column", "Field")))
    put(ws, h1, LAST, t(form.lang, "Note"))
    for first, end, key in GROUPS:
        ws.merge_cells(start_row=h1, start_column=first, end_row=h1, end_column=end)
        put(ws, h1, first, t(form.lang, key))
    for number, key in COLUMNS[2:]:
        put(ws, h2, number, t(form.lang, key))
    for number, _ in COLUMNS:
        put(ws, nums, number, f"({number})")
    for offset, form_row in enumerate(form.rows, start=nums + 1):
        note = form_row.note(form.lang)
        values: list[Any] = [
            int(form_row.number) if form_row.number else "",
            form_row.field,
            *form_row.cells,
            note,
        ]
        for col, value in enumerate(values, start=1):
            cell = put(ws, offset, col, value)
            if form_row is form.rows[-1]:
                cell.font = Font(bold=True)
    last_row = nums + len(form.rows)
    for r in range(h1, last_row + 1):
        for c in range(1, LAST + 1):
            cell = ws.cell(row=r, column=c)
            cell.border = box
            if r <= nums:
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
                cell.font = Font(bold=r < nums, italic=r == nums)
    ws.row_dimensions[h2].height = 45
    ws.print_title_rows = f"{h1}:{nums}"
    return last_row


def _sheet_foot(ws: Any, form: Form, row: int) -> None:
    for i, (left, right) in enumerate(form.foot):
        bold = i == 1
        merged(ws, row + 1 + i, 1, 5, left, bold=bold, italic=i == 2)
        merged(ws, row + 1 + i, 9, LAST, right, bold=bold, italic=i in (0, 2))


def _sheet_page(ws: Any, form: Form) -> None:

    widths = {1: 5, 2: 26, LAST: 16}
    column_widths(ws, {c: widths.get(c, 9) for c in range(1, LAST + 1)})
    a4_landscape(ws, form.lang, pages_high=1)


# -- the second sheet: the late lists ----------------------------------------------------------------
def _late_sheet(book: Any, form: Form, late: "Compliance") -> None:
    """The four lists of ``tthc late`` for the form's period, one under the other, each with
    its title, its column headers and its rows (or "none"); real dates, shown dd/mm/yyyy."""
    from openpyxl.styles import Alignment, Font

    from tthc.present.compliance import late_sections

    ws = book.create_sheet(t(form.lang, "Late"))
    box = thin_box()
    sections = late_sections(late, form.lang)
    span = max(len(heads) for _, heads, _ in sections)
    merged(ws, 1, 1, span, t(form.lang, "LATE AND OVERDUE DOSSIERS"), bold=True, size=13)
    merged(ws, 2, 1, span, form.title[1])
    row = 3
    for title, heads, rows in sections:
        row += 1
        put(ws, row, 1, title).font = Font(bold=True)
        row += 1
        for col, head in enumerate(heads, start=1):
            cell = put(ws, row, col, head)
            cell.font = Font(bold=True)
            cell.border = box
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if not rows:
            row += 1
            put(ws, row, 1, t(form.lang, "  none").strip()).font = Font(italic=True)
        for values in rows:
            row += 1
            for col, value in enumerate(values, start=1):
                put(ws, row, col, value).border = box  # dates as dates, shown dd/mm/yyyy
        row += 1
    widths = {1: 27, 2: 11, 3: 18}
    column_widths(ws, {c: widths.get(c, 16) for c in range(1, span + 1)})
    a4_landscape(ws, form.lang, pages_high=0)
