"""The citizen's papers as records, every word already translated: a slip (a receipt, a
request for papers, a refusal, an apology, a stop, a control sheet) made of lines,
paragraphs and grids, and the log book's rows.

``tthc.app.papers`` fills them from a dossier; ``tthc.present`` prints them as text, lays
them out for A5 printing and writes the log book.
"""

from dataclasses import dataclass
from datetime import datetime

from tthc.locale.marks import N_, P_


# -- what a slip is made of ------------------------------------------------------------------------
@dataclass(frozen=True)
class Line:
    """``label: value``; an empty value leaves the label alone, to head what follows."""

    label: str
    value: str


@dataclass(frozen=True)
class Text:
    """A paragraph, indented by ``indent`` steps."""

    text: str
    indent: int = 0


@dataclass(frozen=True)
class Grid:
    """A table on the paper: form 05's handovers."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Line | Text | Grid


@dataclass(frozen=True)
class Signature:
    """A signature block: who signs, how (the hint in brackets), and the printed name."""

    title: str
    hint: str
    name: str


@dataclass(frozen=True)
class Slip:
    """One paper in one language, every word already translated."""

    form: str  # its number in its set: 01 … 06
    paper: str  # receipt, supplement, refusal, apology, stop, control
    circular: str  # the circular whose form it is: 03/2025/TT-VPCP, 01/2018/TT-VPCP
    lang: str
    code: str
    form_label: str
    issuer: tuple[str, ...]  # the center's name and address, top left
    nation: tuple[str, str]  # the national motto, top right
    place_date: str
    title: str
    subtitle: str  # the dossier code
    body: tuple[Block, ...]
    signatures: tuple[Signature, ...]
    qr_data: str  # what the QR code holds
    qr_caption: str


# -- the log book (form 07 of 2025, 06 of 2018) -----------------------------------------------------
#: The log book's columns, (1) to (14), by their headings; those under "date" are moments.
LOG_COLUMNS = (
    N_("No."),
    N_("Dossier code"),
    P_("log book column", "Procedure"),
    N_("Dossiers (sets)"),
    N_("Individual or organisation"),
    N_("Address, phone"),
    N_("Handled by"),
    P_("log book column", "Received"),
    N_("Result due"),
    N_("Passed on for handling"),
    N_("Result ready"),
    N_("Result returned"),
    N_("Received by (signature)"),
    N_("Note"),
)
#: The columns grouped under "Ngày, tháng, năm" (1-based, first and last).
LOG_DATES = (8, 12)


@dataclass(frozen=True)
class LogRow:
    """One dossier in the book; moments stay moments so the sheet holds real dates."""

    number: int
    code: str
    procedure: str
    sets: int
    applicant: str
    contact: str
    handler: str
    received_at: datetime
    due_at: datetime | None
    sent_at: datetime | None
    resolved_at: datetime | None
    returned_at: datetime | None
    note: str

    def cells(self) -> tuple[object, ...]:
        return (
            self.number,
            self.code,
            self.procedure,
            self.sets,
            self.applicant,
            self.contact,
            self.handler,
            self.received_at,
            self.due_at,
            self.sent_at,
            self.resolved_at,
            self.returned_at,
            "",  # signed by hand when the result is collected
            self.note,
        )


@dataclass(frozen=True)
class LogBook:
    """The dossiers received in a period, one row each, with the book's headings."""

    lang: str
    center: str
    form: str  # 07 (Circular 03/2025) or 06 (Circular 01/2018)
    form_label: str
    title: str
    period_line: str
    dates_label: str
    headers: tuple[str, ...]
    rows: tuple[LogRow, ...]
