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
from tthc.core.settings import Settings
from tthc.locale.i18n import WEEKDAYS, fmt_limit, label, step_label, t


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

    def t(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    @property
    def center(self) -> str:
        return self.settings.center_name

    def moment(self, at: datetime) -> str:
        """``16 giờ 00 phút, Thứ Sáu ngày 29/08/2025`` / ``Fri 29/08/2025, 16:00``."""
        return self.t(
            "p_moment",
            time=self.t("p_time", h=at.hour, m=at.minute),
            weekday=WEEKDAYS[self.lang][at.weekday()],
            day=at.strftime("%d/%m/%Y"),
        )

    def short_moment(self, at: datetime) -> str:
        """``16 giờ 00, 29/08/2025`` / ``29/08/2025 16:00``: for a table's narrow column."""
        return self.t("p_moment_short", h=at.hour, m=at.minute, day=at.strftime("%d/%m/%Y"))

    def day(self, day: date) -> str:
        """``Thứ Hai ngày 15/09/2025`` / ``Mon 15/09/2025``."""
        return self.t("p_day", weekday=WEEKDAYS[self.lang][day.weekday()], day=day.strftime("%d/%m/%Y"))

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
            Line(self.t("p_address"), d.address or DOTS),
            Line(self.t("p_phone"), d.phone or DOTS),
            Line(self.t("p_request"), f"{d.procedure_name} ({d.procedure})"),
        ]

    def due_text(self, due: deadlines.Due | None) -> str:
        return self.moment(due.due_at) if due is not None else self.t("p_due_paused")

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
            nation=(self.t("p_nation"), self.t("p_motto")),
            place_date=self.t(
                "f06_place_date",
                place=raw["place_name"] or DOTS,
                d=issued.day,
                m=issued.month,
                y=issued.year,
            ),
            title=self.t(title),
            subtitle=self.t("p_code", code=self.d.code),
            body=tuple(body),
            signatures=tuple(signatures),
            qr_data=lookup_target(public_url, self.d.code),
            qr_caption=self.t("p_qr_lookup" if public_url else "p_qr_code", code=self.d.code),
        )


# -- the five slips --------------------------------------------------------------------------------
def _form01(p: _Paper, papers: Sequence[str]) -> Slip:
    """The receipt and appointment slip, with the appointment in force."""
    d = p.d
    listed: list[Block] = [Text(f"- {x}", 1) for x in papers]
    public_url = p.settings.raw["public_url"]
    lookup = (
        p.t("p01_lookup_url", url=public_url + LOOKUP_PATH, code=d.code)
        if public_url
        else p.t("p01_lookup_code", code=d.code)
    )
    body: list[Block] = [
        Line(p.t("p_received_from"), d.applicant),
        *p.who(),
        Line(p.t("p01_papers"), ""),
        *(listed or [Text(DOTS_LINE, 1)]),
        Line(p.t("p01_count"), p.t("p01_one_set")),
        Line(p.t("p01_limit"), p.limit_words()),
        Line(p.t("p01_received"), p.moment(d.received_at)),
        *(Line(p.t("p01_resumed"), p.moment(r.resumed_at)) for r in d.rounds if r.resumed_at),
        Line(p.t("p01_due"), p.due_text(d.life.due)),
        Line(p.t("p01_collect"), d.point or p.center),
        Line(p.t("p01_lookup"), lookup),
    ]
    signatures = [
        Signature(p.t("p_sign_applicant"), p.t("p_sign_name"), d.applicant),
        Signature(p.t("p_sign_receiver"), p.t("p_sign_name"), p.officer_at(d.received_at)),
    ]
    return p.slip("receipt", d.received_at, "p01_title", body, signatures)


def _form02(p: _Paper, papers: Sequence[str]) -> Slip:
    """The request for missing papers: the latest supplement round, and what it led to."""
    d = p.d
    if not d.rounds:
        raise TthcError("e_form02", code=d.code)
    r = d.rounds[-1]
    requested = p.moment(r.paused_at)
    if len(d.rounds) > 1:
        requested += f" ({p.t('p02_round', k=len(d.rounds))})"
    officer = p.officer_at(r.paused_at)
    body: list[Block] = [
        Line(p.t("p02_dossier_of"), d.applicant),
        *p.who(),
        Line(p.t("p_received"), p.moment(d.received_at)),
        Line(p.t("p02_requested"), requested),
        Line(p.t("p02_what"), ""),
        Text(r.reason or DOTS_LINE, 1),
        Text(p.t(f"p02_clock_{r.policy}")),
    ]
    if r.resumed_at is not None:
        body += [
            Line(p.t("p02_completed"), p.moment(r.resumed_at)),
            Line(p.t("p02_new_due"), p.due_text(d.life.due)),
        ]
    body.append(Text(p.t("p02_contact", officer=officer or DOTS, center=p.center)))
    signatures = [Signature(p.t("p_sign_guide"), p.t("p_sign_name"), officer)]
    return p.slip("supplement", r.paused_at, "p02_title", body, signatures)


def _form03(p: _Paper, papers: Sequence[str]) -> Slip:
    """The refusal of a dossier resolved with the outcome ``rejected``, with its reason."""
    d = p.d
    if d.outcome != "rejected" or d.resolved_at is None:
        raise TthcError("e_form03", code=d.code)
    body: list[Block] = [
        Line(p.t("p_received_from"), d.applicant),
        *p.who(),
        Line(p.t("p_received"), p.moment(d.received_at)),
        Line(p.t("p03_decided"), p.moment(d.resolved_at)),
        Text(p.t("p03_reason_intro", center=p.center)),
        Text(p.step_reason("resolve") or DOTS_LINE, 1),
        Text(p.t("p03_notice")),
    ]
    signatures = [Signature(p.t("p_sign_receiver"), p.t("p_sign_name"), p.officer_at(d.received_at))]
    return p.slip("refusal", d.resolved_at, "p03_title", body, signatures)


def _form04(p: _Paper, papers: Sequence[str]) -> Slip:
    """The apology: the appointment in force when it was written, the reason, the new date."""
    d = p.d
    a = d.apology
    if a is None:
        raise TthcError("e_form04", code=d.code)
    due = deadlines.due_in_force(d.life.receipt, d.rounds, upto=a.issued_at)
    body: list[Block] = [
        Line(p.t("p04_to"), d.applicant),
        *p.who()[:2],
        Text(
            p.t("p04_intro", day=d.received_at.strftime("%d/%m/%Y"), center=p.center, applicant=d.applicant)
        ),
        p.who()[2],
        Line(p.t("p04_due"), p.due_text(due)),
        Text(p.t("p04_late", center=p.center, reason=a.reason)),
        Text(p.t("p04_sorry", center=p.center, new_date=p.day(a.new_date))),
        Text(p.t("p04_thanks")),
    ]
    raw = p.settings.raw
    signatures = [Signature(raw["head_title"].upper(), p.t("p_sign_seal"), raw["head_name"])]
    title = "p04_title" if p.forms is FORMS_2018 else "p04_title_2025"
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
        new_date = p.t("new_date", date=d.apology.new_date.strftime("%d/%m/%Y"))
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
    headers = tuple(p.t(k) for k in ("p05_step", "p05_when", "p05_from", "p05_to", "p05_result", "p05_note"))
    body: list[Block] = [
        Line(p.t("p05_attached"), d.applicant),
        p.who()[2],
        Line(p.t("p_received"), p.moment(d.received_at)),
        Line(p.t("p_due"), p.due_text(d.life.due)),
        Grid(headers, rows),
    ]
    return p.slip("control", d.received_at, "p05_title", body, [])


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
        raise TthcError("e_form05_stop", code=d.code)
    how, at, reason = stopped
    body: list[Block] = [
        Line(p.t("p04_to"), d.applicant),
        *p.who(),
        Line(p.t("p_received"), p.moment(d.received_at)),
    ]
    if how == "withdraw":
        body.append(Text(p.t("p05s_withdrawn", when=p.moment(at))))
    else:
        asked = d.rounds[-1] if d.rounds else None
        if asked is not None:
            body += [
                Text(p.t("p05s_asked", when=p.moment(asked.paused_at), center=p.center)),
                Text(asked.reason or DOTS_LINE, 1),
            ]
        body.append(Text(p.t("p05s_not_completed")))
    if reason:
        body.append(Line(p.t("p05s_reason"), reason))
    body += [
        Text(p.t("p05s_stopped", center=p.center, when=p.moment(at))),
        Text(p.t("p05s_return")),
        Text(p.t("p05s_notice")),
    ]
    raw = p.settings.raw
    signatures = [Signature(raw["head_title"].upper(), p.t("p_sign_seal"), raw["head_name"])]
    return p.slip("stop", at, "p05s_title", body, signatures)


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
        raise TthcError("e_paper_form01")
    store = ctx.store()
    d = load(store, code)
    paper = _Paper(ctx.lang, ctx.settings(), d, tuple(store.active_steps(d.code)))
    return _BUILDERS[slip_paper(paper.forms, number, d.code)](paper, listed)
