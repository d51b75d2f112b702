"""The dossier log book (form 07 of Circular 03/2025, 06 of 01/2018): every dossier received in
a period, one row each, in the official columns, with moments kept as moments."""

from datetime import date
from typing import TYPE_CHECKING

from tthc.app.context import Context
from tthc.app.papers.forms import form_set
from tthc.core.models import Dossier, Event
from tthc.core.papers import LOG_COLUMNS, LogBook, LogRow
from tthc.locale.i18n import label, t
from tthc.storage.query import DossierQuery

if TYPE_CHECKING:
    from tthc.core.periods import Period


# -- the log book (form 07 of 2025, 06 of 2018) -----------------------------------------------------
def _log_note(lang: str, d: Dossier) -> str:
    """What the columns cannot say: channel, supplements, apology, outcome, withdrawal."""
    parts = []
    if d.channel != "direct":
        parts.append(label(lang, d.channel))
    if d.rounds:
        parts.append(t(lang, "{n} supplement request(s)", n=len(d.rounds)))
    if d.status == "paused":
        parts.append(label(lang, "paused"))
    if d.apology is not None:
        parts.append(t(lang, "apology, new date {day}", day=d.apology.new_date.strftime("%d/%m/%Y")))
    if d.outcome == "rejected":
        parts.append(label(lang, "rejected"))
    if d.timeliness:
        parts.append(label(lang, d.timeliness))
    if d.withdrawn_at is not None:
        parts.append(t(lang, "withdrawn {day}", day=d.withdrawn_at.strftime("%d/%m/%Y")))
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
        title=t(lang, "DOSSIER LOG BOOK"),
        period_line=t(
            lang, "Dossiers received from {start} to {end}", start=_dmy(period.start), end=_dmy(period.end)
        ),
        dates_label=t(lang, "Date and time"),
        headers=tuple(t(lang, key) for key in LOG_COLUMNS),
        rows=rows,
    )


def _dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")
