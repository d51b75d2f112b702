"""The slips of one dossier, each a plain ``Slip`` in one language: 01 receipt and appointment,
02 supplement request, 03 refusal, 04 apology, the notice that handling stops, and the process
control sheet; dated by the fact each records, never by the day it is printed."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from tthc.app.context import Context
from tthc.app.inputs import load
from tthc.app.papers.forms import (
    DOTS,
    DOTS_LINE,
    FORMS_2018,
    LOOKUP_PATH,
    FormSet,
    form_number,
    form_set,
    lookup_target,
    slip_paper,
)
from tthc.core import deadlines
from tthc.core.errors import TthcError
from tthc.core.models import Dossier, Event
from tthc.core.papers import Block, Grid, Line, Signature, Slip, Text
from tthc.core.settings import Settings, head_title
from tthc.locale.i18n import WEEKDAYS, fmt_limit, label, step_label, t
from tthc.locale.marks import N_, P_


# -- reading one dossier ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Paper:
    """One dossier, its standing steps and the center's settings, with the wording helpers
    every form shares."""

    lang: str
    settings: Settings
    d: Dossier
    steps: tuple[Event, ...]

    @property
    def forms(self) -> FormSet:
        return form_set(self.d.received_at.date())

    def phrase(self, msgid: str, **values: object) -> str:
        return t(self.lang, msgid, **values)

    @property
    def center(self) -> str:
        return self.settings.center_name

    def moment(self, at: datetime) -> str:
        """``16 giờ 00 phút, Thứ Sáu ngày 29/08/2025`` / ``Fri 29/08/2025, 16:00``."""
        return self.phrase(
            "{weekday} {day}, {time}",
            time=self.phrase("{h:02d}:{m:02d}", h=at.hour, m=at.minute),
            weekday=WEEKDAYS[self.lang][at.weekday()],
            day=at.strftime("%d/%m/%Y"),
        )

    def short_moment(self, at: datetime) -> str:
        """``16 giờ 00, 29/08/2025`` / ``29/08/2025 16:00``: for a table's narrow column."""
        return self.phrase("{day} {h:02d}:{m:02d}", h=at.hour, m=at.minute, day=at.strftime("%d/%m/%Y"))

    def day(self, day: date) -> str:
        """``Thứ Hai ngày 15/09/2025`` / ``Mon 15/09/2025``."""
        return self.phrase(
            "{weekday} {day}", weekday=WEEKDAYS[self.lang][day.weekday()], day=day.strftime("%d/%m/%Y")
        )

    def officer_at(self, at: datetime) -> str:
        """Who had the dossier at ``at``, from the handovers still standing; with none, the
        officer in charge now (a corrected officer counts from the receipt)."""
        handovers = [e for e in self.steps if e.step == "handover"]
        if not handovers:
            return self.d.officer or ""
        officer = handovers[0].details.get("from")
        for e in handovers:
            if e.happened_at <= at:
                officer = e.details.get("to")
        return str(officer or "")

    def step_reason(self, step: str) -> str:
        """The reason of the latest standing ``step`` (a refusal's, say), as every view reads it."""
        found = [e for e in self.steps if e.step == step]
        return found[-1].reason if found else ""

    def limit_words(self) -> str:
        return fmt_limit(self.lang, self.d.life.limit)

    def who(self) -> list[Block]:
        """The applicant, where to reach them, and what they asked for."""
        d = self.d
        return [
            Line(self.phrase("Address"), d.address or DOTS),
            Line(self.phrase(P_("paper", "Phone")), d.phone or DOTS),
            Line(self.phrase("Request"), f"{d.procedure_name} ({d.procedure})"),
        ]

    def due_text(self, due: deadlines.Due | None) -> str:
        return (
            self.moment(due.due_at)
            if due is not None
            else self.phrase("none while the papers are awaited (the time limit is stopped)")
        )

    def slip(
        self, paper: str, issued: datetime, title: str, body: list[Block], signatures: list[Signature]
    ) -> Slip:
        raw = self.settings.raw
        public_url = raw["public_url"]
        forms = self.forms
        return Slip(
            form=forms.number(paper),
            paper=paper,
            circular=forms.circular,
            lang=self.lang,
            code=self.d.code,
            form_label=forms.label(self.lang, paper),
            issuer=tuple(x for x in (self.center.upper(), raw["center_address"]) if x),
            nation=(self.phrase("SOCIALIST REPUBLIC OF VIETNAM"), self.phrase("Independence - Freedom - Happiness")),
            place_date=self.phrase(
                "{place}, {d:02d}/{m:02d}/{y}",
                place=raw["place_name"] or DOTS,
                d=issued.day,
                m=issued.month,
                y=issued.year,
            ),
            title=self.phrase(title),
            subtitle=self.phrase("Dossier code: {code}", code=self.d.code),
            body=tuple(body),
            signatures=tuple(signatures),
            qr_data=lookup_target(public_url, self.d.code),
            qr_caption=self.phrase(
                N_("Scan to look up dossier {code}") if public_url else N_("Dossier code {code}"), code=self.d.code
            ),
        )


# -- the five slips --------------------------------------------------------------------------------
def _form01(p: _Paper, papers: Sequence[str]) -> Slip:
    """The receipt and appointment slip, with the appointment in force."""
    d = p.d
    listed: list[Block] = [Text(f"- {x}", 1) for x in papers]
    public_url = p.settings.raw["public_url"]
    lookup = (
        p.phrase("at {url} with the code {code}, or scan the QR code", url=public_url + LOOKUP_PATH, code=d.code)
        if public_url
        else p.phrase("give the code {code} at the counter or by phone; the QR code holds it", code=d.code)
    )
    body: list[Block] = [
        Line(p.phrase("Dossier received from"), d.applicant),
        *p.who(),
        Line(p.phrase("1. Papers handed in"), ""),
        *(listed or [Text(DOTS_LINE, 1)]),
        Line(p.phrase("2. Number of dossiers"), p.phrase("1 set")),
        Line(p.phrase("3. Time limit set by law"), p.limit_words()),
        Line(p.phrase("4. Received"), p.moment(d.received_at)),
        *(Line(p.phrase("   Missing papers completed"), p.moment(r.resumed_at)) for r in d.rounds if r.resumed_at),
        Line(p.phrase("5. Result due"), p.due_text(d.life.due)),
        Line(p.phrase("6. Collect the result at"), d.point or p.center),
        Line(p.phrase("Look the dossier up"), lookup),
    ]
    signatures = [
        Signature(p.phrase("APPLICANT"), p.phrase("(signature and full name)"), d.applicant),
        Signature(p.phrase("RECEIVING OFFICER"), p.phrase("(signature and full name)"), p.officer_at(d.received_at)),
    ]
    return p.slip("receipt", d.received_at, N_("RECEIPT AND APPOINTMENT SLIP"), body, signatures)


#: What a supplement request does to the time limit, by the round's policy.
_CLOCK_WORDS = {
    "restart": N_("The time limit stops at this request; once the papers are complete, the whole time limit counts again."),
    "freeze": N_("The time limit stops at this request; once the papers are complete, the time left counts on."),
}


def _form02(p: _Paper, papers: Sequence[str]) -> Slip:
    """The request for missing papers: the latest supplement round, and what it led to."""
    d = p.d
    if not d.rounds:
        raise TthcError("dossier {code} has no supplement request: form 02 is written for one", code=d.code)
    r = d.rounds[-1]
    requested = p.moment(r.paused_at)
    if len(d.rounds) > 1:
        requested += " (" + p.phrase("request no. {k}", k=len(d.rounds)) + ")"
    officer = p.officer_at(r.paused_at)
    body: list[Block] = [
        Line(p.phrase("Dossier of"), d.applicant),
        *p.who(),
        Line(p.phrase(P_("paper", "Received")), p.moment(d.received_at)),
        Line(p.phrase("Papers requested"), requested),
        Line(p.phrase("Please complete the dossier with"), ""),
        Text(r.reason or DOTS_LINE, 1),
        Text(p.phrase(_CLOCK_WORDS[r.policy])),
    ]
    if r.resumed_at is not None:
        body += [
            Line(p.phrase("Papers completed"), p.moment(r.resumed_at)),
            Line(p.phrase("New appointment"), p.due_text(d.life.due)),
        ]
    body.append(
        Text(
            p.phrase(
                "If anything is unclear while completing the dossier, please contact {officer} at {center}.",
                officer=officer or DOTS,
                center=p.center,
            )
        )
    )
    signatures = [Signature(p.phrase("GUIDING OFFICER"), p.phrase("(signature and full name)"), officer)]
    return p.slip("supplement", r.paused_at, N_("REQUEST TO SUPPLEMENT AND COMPLETE THE DOSSIER"), body, signatures)


def _form03(p: _Paper, papers: Sequence[str]) -> Slip:
    """The refusal of a dossier resolved with the outcome ``rejected``, with its reason."""
    d = p.d
    if d.outcome != "rejected" or d.resolved_at is None:
        raise TthcError(
            "dossier {code} was not rejected: form 03 is for a dossier resolved with outcome rejected",
            code=d.code,
        )
    body: list[Block] = [
        Line(p.phrase("Dossier received from"), d.applicant),
        *p.who(),
        Line(p.phrase(P_("paper", "Received")), p.moment(d.received_at)),
        Line(p.phrase("Refused"), p.moment(d.resolved_at)),
        Text(
            p.phrase(
                "Having examined the dossier against the regulations, {center} refuses to handle it for the following reason:",
                center=p.center,
            )
        ),
        Text(p.step_reason("resolve") or DOTS_LINE, 1),
        Text(p.phrase("We inform you accordingly./.")),
    ]
    signatures = [
        Signature(p.phrase("RECEIVING OFFICER"), p.phrase("(signature and full name)"), p.officer_at(d.received_at))
    ]
    return p.slip("refusal", d.resolved_at, N_("REFUSAL TO HANDLE THE DOSSIER"), body, signatures)


def _form04(p: _Paper, papers: Sequence[str]) -> Slip:
    """The apology: the appointment in force when it was written, the reason, the new date."""
    d = p.d
    a = d.apology
    if a is None:
        raise TthcError("dossier {code} has no apology: record one with `tthc apologize` first", code=d.code)
    due = deadlines.due_in_force(d.life.receipt, d.rounds, upto=a.issued_at)
    body: list[Block] = [
        Line(p.phrase("To"), d.applicant),
        *p.who()[:2],
        Text(
            p.phrase(
                "On {day}, {center} received for handling the dossier of {applicant}.",
                day=d.received_at.strftime("%d/%m/%Y"),
                center=p.center,
                applicant=d.applicant,
            )
        ),
        p.who()[2],
        Line(p.phrase(P_("apology letter", "Result due")), p.due_text(due)),
        Text(
            p.phrase(
                "So far, {center} has not returned the result. Reason: {reason}.",
                center=p.center,
                reason=a.reason,
            )
        ),
        Text(
            p.phrase(
                "We apologise for the trouble this delay causes you. {center} will return the result on {new_date}.",
                center=p.center,
                new_date=p.day(a.new_date),
            )
        ),
        Text(p.phrase("Thank you./.")),
    ]
    raw = p.settings.raw
    signatures = [
        Signature(head_title(p.lang, raw["head_title"]).upper(), p.phrase("(signature, full name and seal)"), raw["head_name"])
    ]
    title = N_("APOLOGY AND NEW APPOINTMENT") if p.forms is FORMS_2018 else N_("LETTER OF APOLOGY AND REQUEST FOR MORE TIME")
    return p.slip("apology", a.issued_at, title, body, signatures)


def _control_rows(p: _Paper) -> list[tuple[datetime, tuple[str, ...]]]:
    """Every handover of the dossier, from the citizen's hands to the result, with its time."""
    d = p.d
    lang = p.lang
    rows: list[tuple[datetime, tuple[str, ...]]] = [
        (d.received_at, ("receive", d.applicant, p.officer_at(d.received_at) or p.center, "", d.point or ""))
    ]
    for e in p.steps:
        if e.step == "handover":
            rows.append(
                (
                    e.happened_at,
                    (
                        "handover",
                        str(e.details.get("from") or ""),
                        str(e.details.get("to") or ""),
                        "",
                        e.reason,
                    ),
                )
            )
    for r in d.rounds:
        rows.append((r.paused_at, ("supplement", p.officer_at(r.paused_at), d.applicant, "", r.reason or "")))
        if r.resumed_at is not None:
            rows.append((r.resumed_at, ("resume", d.applicant, p.officer_at(r.resumed_at), "", "")))
    if d.apology is not None:
        new_date = p.phrase("new date {date}", date=d.apology.new_date.strftime("%d/%m/%Y"))
        rows.append((d.apology.issued_at, ("apologize", "", "", "", f"{new_date}: {d.apology.reason}")))
    if d.resolved_at is not None:
        result = " · ".join(x for x in (label(lang, d.timeliness), label(lang, d.outcome)) if x)
        officer = p.officer_at(d.resolved_at)
        rows.append((d.resolved_at, ("resolve", officer, "", result, p.step_reason("resolve"))))
    if d.returned_at is not None:
        rows.append((d.returned_at, ("return", p.officer_at(d.returned_at), d.applicant, "", "")))
    if d.withdrawn_at is not None:
        rows.append((d.withdrawn_at, ("withdraw", "", d.applicant, "", p.step_reason("withdraw"))))
    for e in p.steps:
        if e.step == "close":  # papers that never came: the counter closes the dossier
            rows.append((e.happened_at, ("close", p.officer_at(e.happened_at), d.applicant, "", e.reason)))
    return rows


def _control(p: _Paper, papers: Sequence[str]) -> Slip:
    """The process control sheet: each handover with its time, who gave, who took, the result."""
    d = p.d
    ordered = sorted(enumerate(_control_rows(p)), key=lambda item: (item[1][0], item[0]))
    rows = tuple((step_label(p.lang, cells[0]), p.short_moment(at), *cells[1:]) for _, (at, cells) in ordered)
    headers = tuple(p.phrase(k) for k in (N_("Step"), N_("Handed over at"), N_("Handed over by"), N_("Taken by"), N_("Result (early/on time/late)"), N_("Note")))
    body: list[Block] = [
        Line(p.phrase("Attached to the dossier of"), d.applicant),
        p.who()[2],
        Line(p.phrase(P_("paper", "Received")), p.moment(d.received_at)),
        Line(p.phrase("Result due"), p.due_text(d.life.due)),
        Grid(headers, rows),
    ]
    return p.slip("control", d.received_at, N_("PROCESS CONTROL SHEET"), body, [])


#: The status of a dossier closed because the papers asked for never came (Decree 118,
#: Art. 19.5), and the step that closes it.
CLOSED = "closed"


def _stopped(p: _Paper) -> tuple[str, datetime, str] | None:
    """How handling stopped, when, and the reason given: the applicant's withdrawal (Art. 21)
    or the close after papers that never came (Art. 19.5); None while it has not stopped."""
    d = p.d
    if d.withdrawn_at is not None:
        return "withdraw", d.withdrawn_at, p.step_reason("withdraw")
    if d.status == CLOSED:
        closes = [e for e in p.steps if e.step == "close"]
        if closes:
            return "close", closes[-1].happened_at, closes[-1].reason
        return "close", d.life.last_at, ""
    return None


def _stop(p: _Paper, papers: Sequence[str]) -> Slip:
    """Form 05 of Circular 03/2025: the notice that handling of the dossier stops, for a
    withdrawal or a close, with what follows for the papers and the fees."""
    d = p.d
    stopped = _stopped(p)
    if stopped is None:
        raise TthcError(
            "dossier {code} has not stopped: form 05 is written when a dossier is withdrawn or closed",
            code=d.code,
        )
    how, at, reason = stopped
    body: list[Block] = [
        Line(p.phrase("To"), d.applicant),
        *p.who(),
        Line(p.phrase(P_("paper", "Received")), p.moment(d.received_at)),
    ]
    if how == "withdraw":
        body.append(
            Text(p.phrase("On {when}, you asked that the handling of this dossier stop.", when=p.moment(at)))
        )
    else:
        asked = d.rounds[-1] if d.rounds else None
        if asked is not None:
            body += [
                Text(
                    p.phrase(
                        "On {when}, {center} asked you to supplement and complete the dossier with:",
                        when=p.moment(asked.paused_at),
                        center=p.center,
                    )
                ),
                Text(asked.reason or DOTS_LINE, 1),
            ]
        body.append(Text(p.phrase("More than 15 days after that request, the dossier has not been completed.")))
    if reason:
        body.append(Line(p.phrase("Reason"), reason))
    body += [
        Text(p.phrase("{center} stops handling the dossier as of {when}.", center=p.center, when=p.moment(at))),
        Text(p.phrase("The paper dossier and any fees paid are returned as the law of the field provides.")),
        Text(p.phrase(P_("closing notice", "We inform you accordingly./."))),
    ]
    raw = p.settings.raw
    signatures = [
        Signature(head_title(p.lang, raw["head_title"]).upper(), p.phrase("(signature, full name and seal)"), raw["head_name"])
    ]
    return p.slip("stop", at, N_("NOTICE THAT HANDLING OF THE DOSSIER STOPS"), body, signatures)


_BUILDERS: dict[str, Callable[[_Paper, Sequence[str]], Slip]] = {
    "receipt": _form01,
    "supplement": _form02,
    "refusal": _form03,
    "apology": _form04,
    "stop": _stop,
    "control": _control,
}


def slip(ctx: Context, code: str, form: str = "01", papers: Sequence[str] = ()) -> Slip:
    """Form ``form`` of dossier ``code`` in the context's language, numbered as in the set of
    the circular in force at its receipt (:func:`form_set`); a form that does not apply to
    the dossier is refused. ``papers`` lists the papers handed in (form 01)."""
    number = form_number(form)
    listed = [text for text in (" ".join(x.split()) for x in papers) if text]
    if listed and number != "01":
        raise TthcError("--paper lists the papers on form 01 only")
    store = ctx.store()
    d = load(store, code)
    paper = _Paper(ctx.lang, ctx.settings(), d, tuple(store.active_steps(d.code)))
    return _BUILDERS[slip_paper(paper.forms, number, d.code)](paper, listed)
