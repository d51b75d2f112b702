"""The dossier log book (form 07 of Circular 03/2025, 06 of 01/2018): every dossier received in
a period, one row each, in the official columns, with moments kept as moments."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from tthc.app.context import Context
from tthc.core.models import Dossier, Event
from tthc.locale.i18n import label, t
from tthc.storage.store import DossierQuery

if TYPE_CHECKING:
    from tthc.core.periods import Period

from tthc.app.papers.forms import form_set

# -- the log book (form 07 of 2025, 06 of 2018) -----------------------------------------------------
#: The log book's columns, (1) to (14), by their label keys; those under "date" are moments.
LOG_COLUMNS = (
    "p06_no",
    "p06_code",
    "p06_procedure",
    "p06_sets",
    "p06_applicant",
    "p06_contact",
    "p06_handler",
    "p06_received",
    "p06_due",
    "p06_sent",
    "p06_resolved",
    "p06_returned",
    "p06_signed",
    "p06_note",
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


def _log_note(lang: str, d: Dossier) -> str:
    """What the columns cannot say: channel, supplements, apology, outcome, withdrawal."""
    parts = []
    if d.channel != "direct":
        parts.append(label(lang, d.channel))
    if d.rounds:
        parts.append(t(lang, "p06_n_rounds", n=len(d.rounds)))
    if d.status == "paused":
        parts.append(label(lang, "paused"))
    if d.apology is not None:
        parts.append(t(lang, "p06_n_apology", day=d.apology.new_date.strftime("%d/%m/%Y")))
    if d.outcome == "rejected":
        parts.append(label(lang, "rejected"))
    if d.timeliness:
        parts.append(label(lang, d.timeliness))
    if d.withdrawn_at is not None:
        parts.append(t(lang, "p06_n_withdrawn", day=d.withdrawn_at.strftime("%d/%m/%Y")))
    return "; ".join(parts)


def _log_row(lang: str, number: int, d: Dossier, handovers: list[Event]) -> LogRow:
    return LogRow(
        number=number,
        code=d.code,
        procedure=f"{d.procedure_name} ({d.procedure})",
        sets=1,
        applicant=d.applicant,
        contact=", ".join(x for x in (d.address, d.phone) if x),
        handler=d.officer or "",
        received_at=d.received_at,
        due_at=d.due_at,
        sent_at=handovers[0].happened_at if handovers else None,
        resolved_at=d.resolved_at,
        returned_at=d.returned_at,
        note=_log_note(lang, d),
    )


def log_book(ctx: Context, period: "Period") -> LogBook:
    """The log book: every dossier received in ``period``, oldest first, in the official
    columns. A period that reaches the first day of Circular 03/2025's forms is its form 07,
    an earlier one form 06 of Circular 01/2018."""
    store = ctx.store()
    lang = ctx.lang
    dossiers = list(store.stream(DossierQuery(received_from=period.start, received_to=period.end)))
    handovers = store.handovers([d.code for d in dossiers])
    rows = tuple(_log_row(lang, i, d, handovers.get(d.code, [])) for i, d in enumerate(dossiers, start=1))
    forms = form_set(period.end)
    return LogBook(
        lang=lang,
        center=ctx.settings().center_name,
        form=forms.number("logbook"),
        form_label=forms.label(lang, "logbook"),
        title=t(lang, "p06_title"),
        period_line=t(lang, "p06_period", start=_dmy(period.start), end=_dmy(period.end)),
        dates_label=t(lang, "p06_dates"),
        headers=tuple(t(lang, key) for key in LOG_COLUMNS),
        rows=rows,
    )


def _dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")
