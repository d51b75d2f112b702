"""A dossier's life as the clerk records it: receive, hand over, supplement and resume,
resolve, return, withdraw, apologize; detail corrections; looking up and the worklist.

Each command is one transaction: load the dossier's life, apply one step of
``tthc.core.lifecycle``, save it and its audit event. The due date in force is always what
``tthc.core.deadlines.due_in_force`` reads from the stored decisions. Undo and deliberate
corrections of a timeline live in ``tthc.app.corrections``.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from tthc.app.catalog import find_procedure, registered
from tthc.app.context import Context
from tthc.app.corrections import Correction, guard
from tthc.app.inputs import (
    check_id_number,
    check_phone,
    clean,
    dossier_code,
    given_code,
    load,
    phone_number,
    when,
)
from tthc.core import deadlines, lifecycle
from tthc.core.clock import parse_day
from tthc.core.errors import TthcError
from tthc.core.lifecycle import Life
from tthc.core.models import (
    CHANNELS,
    PAYMENTS,
    Dossier,
    Event,
    Procedure,
    Rating,
    Registered,
    Service,
    fold,
    search_text,
)
from tthc.core.timelimit import TimeLimit, parse_limit
from tthc.core.workcalendar import Doubts, WorkCalendar, doubts
from tthc.storage.store import Details, DossierQuery, Store


def _life_to_step(store: Store, dossier: Dossier) -> Life:
    """The dossier's life with its latest step, handovers included, known."""
    last = store.last_step_at(dossier.code)
    life = dossier.life
    return life if last is None or last <= life.last_at else replace(life, last_at=last)


def reason_fact(why: str | None) -> dict[str, str]:
    """The clerk's ``--reason`` as a step's audit event keeps it, with or without
    ``--correct-time`` (read back by :attr:`tthc.core.models.Event.reason`)."""
    return {"reason": why} if why else {}


# -- the scorecard's facts -----------------------------------------------------------------------
@dataclass(frozen=True)
class ServiceGiven:
    """The scorecard's facts as a clerk types them at receipt; None takes the default."""

    fee: str | None = None
    payment: str | None = None
    digitised: bool | None = None
    data_reused: bool | None = None


def service_at_receipt(proc: Procedure, channel: str, given: ServiceGiven) -> Service:
    """The defaults: the catalog's fee, paid in cash where there is one; an online dossier
    arrives digitised, a paper one is not unless the clerk says it was scanned; no data
    reused unless the clerk says so. A fee of nothing needs no payment unless exempt."""
    from tthc.app.catalog import parse_fee

    fee = parse_fee(given.fee) if given.fee is not None else proc.fee
    payment = given.payment
    if payment is not None and payment not in PAYMENTS:
        raise TthcError("bad payment {value!r}: expected cash, online or exempt", value=payment)
    if payment is None and fee:
        payment = "cash"
    return Service(
        fee,
        payment,  # type: ignore[arg-type]
        channel == "online" if given.digitised is None else given.digitised,
        bool(given.data_reused),
        None,
    )


def rating_of(text: str) -> str:
    """``satisfied``/``acceptable``/``unsatisfied`` as typed in English or Vietnamese, with or
    without diacritics (``hài lòng``, ``bình thường``, ``không hài lòng``)."""
    words = {
        "satisfied": "satisfied",
        "acceptable": "acceptable",
        "unsatisfied": "unsatisfied",
        "hai long": "satisfied",
        "binh thuong": "acceptable",
        "chap nhan duoc": "acceptable",
        "khong hai long": "unsatisfied",
    }
    found = words.get(" ".join(fold(text).split()))
    if found is None:
        raise TthcError("bad rating {value!r}: expected satisfied, acceptable or unsatisfied (hài lòng, bình thường, không hài lòng)", value=text)
    return found


# -- receiving -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Receipt:
    dossier: Dossier
    catalog_limit: str
    doubts: Doubts


def receive(
    ctx: Context,
    procedure: str,
    *,
    applicant: str,
    channel: str = "direct",
    at: str | None = None,
    code: str | None = None,
    point: str | None = None,
    officer: str | None = None,
    limit: str | None = None,
    id_number: str | None = None,
    phone: str | None = None,
    address: str | None = None,
    note: str | None = None,
    service: ServiceGiven = ServiceGiven(),
    reason: str | None = None,
    correction: Correction | None = None,
    submitted_at: str | None = None,
    for_authority: str | None = None,
) -> Receipt:
    """Record a new dossier and its appointment; the code is generated under the write lock.
    Online, ``at`` is the acceptance and ``submitted_at`` the submission (see :func:`_submission`)."""
    name = clean(applicant, "applicant", required=True) or ""
    if channel not in CHANNELS:
        raise TthcError("bad channel {value!r}: expected direct, online or postal", value=channel)
    received = when(ctx, at, receipt=True, counter=channel == "direct")
    submitted, authority = _submission(ctx, channel, submitted_at, for_authority)
    id_clean, phone_clean = check_id_number(id_number), check_phone(phone)
    address_clean, note_clean = clean(address, "address"), clean(note, "note")
    why = clean(reason, "reason")
    override = parse_limit(limit) if limit is not None else None
    store = ctx.store()
    station = ctx.station()  # this PC's point and officer, unless the clerk names others
    with store.write():
        proc = find_procedure(store, procedure)
        point_reg = registered(store, "point", point if point is not None else station.point)
        officer_reg = registered(store, "officer", officer if officer is not None else station.officer)
        time_limit = override or parse_limit(proc.limit)
        overridden = override is not None and str(override) != proc.limit
        the_code = _new_code(ctx, store, code, point_reg, received)
        fix = guard(ctx, store, the_code, "receive", received, correction)
        life = _receipt_life(ctx, the_code, time_limit, received, officer_reg, submitted, authority)
        details = Details(
            proc.code,
            proc.field,
            name,
            channel,
            _name(point_reg),
            id_clean,
            phone_clean,
            address_clean,
            note_clean,
            overridden,
            service_at_receipt(proc, channel, service),
        )
        store.insert_dossier(the_code, details, life, ctx.now)
        facts: dict[str, Any] = {"procedure": proc.code, "limit": str(time_limit), "channel": channel}
        facts.update({k: v for k, v in details.service.as_json().items() if k != "e_result"})
        if overridden:
            facts["limit_override"] = {"catalog": proc.limit, "given": str(time_limit)}
        facts.update({"submitted_at": submitted.isoformat()} if submitted else {})
        facts.update({"for": authority} if authority else {})
        facts.update(reason_fact(why))
        facts.update(fix)
        store.add_event(
            step="receive",
            dossier_code=the_code,
            happened_at=received,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details=facts,
        )
        stored = load(store, the_code)
        return Receipt(stored, proc.limit, doubts_of(ctx, stored))


def _receipt_life(
    ctx: Context,
    code: str,
    limit: TimeLimit,
    received: datetime,
    officer: Registered | None,
    submitted: datetime | None,
    authority: str | None,
) -> Life:
    """The new dossier's life: its receipt counted now, once."""
    return lifecycle.receive(
        ctx.calendar(),
        code,
        limit,
        received,
        officer=_name(officer),
        submitted_at=submitted,
        for_authority=authority,
    )


def _submission(
    ctx: Context, channel: str, submitted_at: str | None, for_authority: str | None
) -> tuple[datetime | None, str | None]:
    """When the provincial system received an online dossier (its ``at`` is the acceptance,
    where the clock starts: Decree 118 Art. 17.2.c, 17.3), and the authority a dossier is
    received for (Art. 20.1: sent on within a working day); ``--submitted-at`` is online only."""
    if submitted_at is not None and channel != "online":
        raise TthcError("--submitted-at is for online dossiers only (--channel online)")
    submitted = None if submitted_at is None else when(ctx, submitted_at, receipt=True)
    return submitted, clean(for_authority, "authority", required=for_authority is not None)


def _name(registered_name: Registered | None) -> str | None:
    return registered_name.name if registered_name else None


def _new_code(
    ctx: Context, store: Store, given: str | None, point: Registered | None, received: datetime
) -> str:
    if given is not None:
        return given_code(store, given, received)
    minter = store.minter(ctx.station().block)
    prefix = (point.code_prefix if point else None) or ctx.settings().code_prefix
    the_code = minter.next(prefix, received)
    minter.save()
    return the_code


# -- life-cycle steps ----------------------------------------------------------------------------
StepMaker = Callable[[Store, Life, datetime], tuple[lifecycle.Step, dict[str, Any]]]


def _step(
    ctx: Context,
    code: str,
    at_text: str | None,
    make: StepMaker,
    correction: Correction | None,
    reason: str | None = None,
    also: Callable[[Store, Life, datetime], dict[str, Any]] | None = None,
) -> Dossier:
    """Apply one step in one transaction: load, guard the timeline, apply (or refuse), save,
    audit. ``make`` builds the step for the loaded life and the details its event keeps; the
    clerk's ``reason`` is kept with them, with or without a correction. ``also`` records what
    the step brings besides the timeline (an electronic result, a rating) in the same
    transaction, and returns the facts its event keeps."""
    at, reason = when(ctx, at_text), clean(reason, "reason")
    store = ctx.store()
    with store.write():
        life = _life_to_step(store, load(store, code))
        step, facts = make(store, life, at)
        fix = guard(ctx, store, life.code, step.name, at, correction)
        after = lifecycle.apply(ctx.calendar(), life, step)
        store.save_life(after, ctx.now)
        if also is not None:
            facts = {**facts, **also(store, after, at)}
        due = after.due
        store.add_event(
            step=step.name,
            dossier_code=life.code,
            happened_at=at,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={
                **facts,
                **reason_fact(reason),
                **fix,
                "due_at": due.due_at.isoformat() if due else None,
            },
        )
        return load(store, life.code)


def handover(
    ctx: Context,
    code: str,
    to: str,
    at: str | None = None,
    note: str | None = None,
    *,
    reason: str | None = None,
    correction: Correction | None = None,
) -> Dossier:
    noted = clean(note, "note")

    def make(store: Store, life: Life, at: datetime) -> tuple[lifecycle.Step, dict[str, Any]]:
        officer = registered(store, "officer", to)
        assert officer is not None
        if officer.name == life.officer:
            raise TthcError("dossier {code} is already in the charge of {officer}", code=life.code, officer=officer.name)
        return lifecycle.Handover(at, officer.name), {"from": life.officer, "to": officer.name, "note": noted}

    return _step(ctx, code, at, make, correction, reason)


def supplement(
    ctx: Context,
    code: str,
    at: str | None = None,
    reason: str | None = None,
    *,
    again: bool = False,
    correction: Correction | None = None,
) -> Dossier:
    """Ask for more papers; the reason (the papers asked for) goes on the supplement request.
    Papers are asked for once (Decree 118 Art. 11.2.c): a second request needs ``again``."""
    why = clean(reason, "reason", required=True)

    def make(store: Store, life: Life, at: datetime) -> tuple[lifecycle.Step, dict[str, Any]]:
        if again and not life.rounds:
            raise TthcError("--again is for a second request, but dossier {code} has no request yet", code=life.code)
        policy = ctx.settings().supplement_policy
        facts: dict[str, Any] = {"policy": policy, **({"again": True} if again else {})}
        return lifecycle.Supplement(at, policy, why, again), facts

    return _step(ctx, code, at, make, correction, why)


def resume(
    ctx: Context,
    code: str,
    at: str | None = None,
    *,
    reason: str | None = None,
    correction: Correction | None = None,
) -> Dossier:
    return _step(ctx, code, at, lambda store, life, at: (lifecycle.Resume(at), {}), correction, reason)


def resolve(
    ctx: Context,
    code: str,
    at: str | None = None,
    outcome: str = "approved",
    note: str | None = None,
    *,
    reason: str | None = None,
    correction: Correction | None = None,
    e_result: bool | None = None,
) -> Dossier:
    """Processing finished; a refusal's reason (``reason``, else ``note``) goes on form 03.
    Whether the result is issued electronically defaults to the procedure's catalog entry."""
    if outcome not in lifecycle.OUTCOMES:
        raise TthcError("bad outcome {value!r}: expected approved or rejected", value=outcome)
    result: lifecycle.Outcome = "rejected" if outcome == "rejected" else "approved"
    facts = {"outcome": result, "note": clean(note, "note")}

    def electronic(store: Store, life: Life, at: datetime) -> dict[str, Any]:
        d = load(store, life.code)
        proc = store.procedure(d.procedure)
        value = e_result if e_result is not None else bool(proc and proc.e_result)
        store.update_details(life.code, {"e_result": int(value)}, ctx.now)
        return {"e_result": value, "e_result_before": d.service.e_result}

    return _step(
        ctx,
        code,
        at,
        lambda store, life, at: (lifecycle.Resolve(at, result), facts),
        correction,
        reason,
        electronic,
    )


def return_result(
    ctx: Context,
    code: str,
    at: str | None = None,
    *,
    reason: str | None = None,
    correction: Correction | None = None,
    rating: str | None = None,
    comment: str | None = None,
) -> Dossier:
    """The result handed over; the citizen may rate the service there (Decree 118 Art. 31)."""
    value = rating_of(rating) if rating is not None else None
    said = clean(comment, "comment")
    if said is not None and value is None:
        raise TthcError("a comment goes with a rating: give --rating too")

    def rated(store: Store, life: Life, at: datetime) -> dict[str, Any]:
        if value is None:
            return {}
        if store.rating(life.code) is not None:
            raise TthcError("dossier {code} has been rated already: a citizen rates once", code=life.code)
        store.put_rating(life.code, Rating(value, said, at, "counter"))  # type: ignore[arg-type]
        return {"rating": value, **({"comment": said} if said else {})}

    return _step(ctx, code, at, lambda store, life, at: (lifecycle.Return(at), {}), correction, reason, rated)


def withdraw(
    ctx: Context,
    code: str,
    at: str | None = None,
    reason: str | None = None,
    *,
    correction: Correction | None = None,
) -> Dossier:
    return _step(ctx, code, at, lambda store, life, at: (lifecycle.Withdraw(at), {}), correction, reason)


def close(
    ctx: Context,
    code: str,
    at: str | None = None,
    reason: str | None = None,
    *,
    correction: Correction | None = None,
) -> Dossier:
    """Papers never came (Decree 118 Art. 19.5): the waiting dossier ends without a result."""
    return _step(ctx, code, at, lambda store, life, at: (lifecycle.Close(at), {}), correction, reason)


def forward(
    ctx: Context,
    code: str,
    at: str | None = None,
    *,
    reason: str | None = None,
    correction: Correction | None = None,
) -> Dossier:
    """The paper dossier of a dossier received for another authority sent on (Art. 20.1.a)."""

    def make(store: Store, life: Life, at: datetime) -> tuple[lifecycle.Step, dict[str, Any]]:
        return lifecycle.Forward(at), {"for": life.for_authority}

    return _step(ctx, code, at, make, correction, reason)


def notify(
    ctx: Context,
    code: str,
    at: str | None = None,
    *,
    reason: str | None = None,
    correction: Correction | None = None,
) -> Dossier:
    """The citizen was told, by phone, SMS or e-mail: of a result ready before its date
    (Art. 22.5) or of an apology's new date (Art. 19.6). ``list --to-notify`` drops them."""

    def make(store: Store, life: Life, at: datetime) -> tuple[lifecycle.Step, dict[str, Any]]:
        before = life.notified_at.isoformat() if life.notified_at else None
        return lifecycle.Notify(at), {"before": before}

    return _step(ctx, code, at, make, correction, reason)


def apologize(
    ctx: Context,
    code: str,
    new_date: str,
    reason: str,
    at: str | None = None,
    *,
    correction: Correction | None = None,
) -> Dossier:
    """Form 04: once per dossier; the new date is promised to the citizen, never judged by."""
    why = clean(reason, "reason", required=True) or ""
    promised = parse_day(new_date, today=ctx.now.date())
    facts = {"new_date": promised.isoformat()}
    return _step(
        ctx,
        code,
        at,
        lambda store, life, at: (lifecycle.Apologize(at, promised, why), facts),
        correction,
        why,
    )


# -- corrections of details -------------------------------------------------------------------------
def edit(
    ctx: Context,
    code: str,
    changes: dict[str, Any],
    *,
    reason: str | None = None,
    correction: Correction | None = None,
) -> Dossier:
    """Correct details (not the timeline); recorded in the audit trail with the old values
    and the clerk's reason. Moving a dossier of a period already reported to another point or
    officer changes that report, so it needs a correction."""
    given = {k: v for k, v in changes.items() if v is not None}
    if not given:
        raise TthcError("nothing to change: give --applicant, --phone, --address, --point, --officer, --note or --id-number")
    why = clean(reason, "reason")
    store = ctx.store()
    with store.write():
        d = load(store, code)
        values = _edited_values(store, given)
        fix = (
            guard(ctx, store, d.code, "edit", d.received_at, correction)
            if {"point", "officer"} & set(values)
            else {}
        )
        held = d.service.as_json()
        before = {k: held[k] if k in held else getattr(d, k) for k in values}
        now = {**before, **values}
        text = search_text(
            now.get("applicant", d.applicant),
            d.code,
            now.get("phone", d.phone),
            now.get("id_number", d.id_number),
        )
        store.update_details(d.code, {**values, "search_text": text}, ctx.now)
        store.add_event(
            step="edit",
            dossier_code=d.code,
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={"before": before, "after": values, **reason_fact(why), **fix},
        )
        return load(store, d.code)


def _edited_values(store: Store, given: dict[str, Any]) -> dict[str, Any]:
    from tthc.app.catalog import parse_fee

    values: dict[str, Any] = {}
    for key, value in given.items():
        if key in ("digitised", "data_reused", "e_result"):
            values[key] = bool(value)
        elif key == "fee":
            values[key] = parse_fee(value)
        elif key == "payment":
            if value not in PAYMENTS:
                raise TthcError("bad payment {value!r}: expected cash, online or exempt", value=value)
            values[key] = value
        elif key == "applicant":
            values[key] = clean(value, "applicant", required=True)
        elif key == "phone":
            values[key] = check_phone(value)
        elif key == "id_number":
            values[key] = check_id_number(value)
        elif key in ("point", "officer"):
            reg = (
                registered(store, "point" if key == "point" else "officer", value) if value.strip() else None
            )
            values[key] = _name(reg)
        else:
            values[key] = clean(value, key)
    return values


def relay_open(ctx: Context, days: set[date] | None, reason: str, codes: set[str] | None = None) -> int:
    """After a change of the calendar: lay again the countings of open dossiers (all, or
    those of ``codes``) whose window holds a changed day (any window, for None); audit each
    dossier whose due date moved. Inside the caller's transaction; returns how many moved."""
    store = ctx.store()
    cal = ctx.calendar()
    moved = 0
    for life in list(store.open_lives()):
        if codes is not None and life.code not in codes:
            continue
        after = lifecycle.relay(cal, life, days)
        if after == life:
            continue
        store.save_life(after, ctx.now)
        if after.due != life.due:
            moved += 1
            store.add_event(
                step="due.recompute",
                dossier_code=life.code,
                happened_at=ctx.now,
                recorded_at=ctx.now,
                actor=ctx.actor,
                details={
                    "reason": reason,
                    "before": life.due.due_at.isoformat() if life.due else None,
                    "after": after.due.due_at.isoformat() if after.due else None,
                },
            )
    return moved


# -- looking things up ----------------------------------------------------------------------------
@dataclass(frozen=True)
class DossierView:
    dossier: Dossier
    events: list[Event]
    steps: list[deadlines.Step]
    doubts: Doubts


def doubts_of(ctx: Context, d: Dossier) -> Doubts:
    """Why the dossier's due date may still change: its window, from receipt to the due
    date in force, reaches a provisional year or holds an unconfirmed day off."""
    if d.due_date is None:
        return Doubts()
    return doubts(ctx.calendar(), d.received_at.date(), d.due_date, ctx.settings().calendar_confirmed_through)


def show(ctx: Context, code: str) -> DossierView:
    store = ctx.store()
    d = load(store, code)
    steps = deadlines.explain(ctx.calendar(), d.received_at, d.life.receipt, cutoff_known=False)
    steps += deadlines.explain_rounds(d.rounds)
    return DossierView(d, store.events(d.code), steps, doubts_of(ctx, d))


def history(ctx: Context, code: str) -> list[Event]:
    """The audit trail, also of a dossier whose receipt was undone."""
    store = ctx.store()
    return store.events(dossier_code(store, code))


#: The widest worklist questions a clerk may ask: a year of working days, a million rows.
MAX_DUE_WITHIN = 365
#: "Due soon" on the clerk's worklist and the manager's web dashboard: due by this many
#: working days after today.
SOON_WORKING_DAYS = 2
#: The morning grouping of the dossiers due (what :func:`urgency` calls them, in this order):
#: the worklist's middle sections and the web dashboard's three columns.
from tthc.core.worklist import DUE_GROUPS as DUE_GROUPS  # noqa: E402  (the core's, named here as before)

MAX_LIST = 1_000_000


@dataclass
class ListFilter:
    """What a clerk asks the worklist or an export for, as typed on the command line."""

    status: str | None = None
    field: str | None = None
    procedure: str | None = None
    point: str | None = None
    officer: str | None = None
    channel: str | None = None
    received_from: str | None = None
    received_to: str | None = None
    due_from: str | None = None
    due_to: str | None = None
    overdue: bool = False
    due_within: int | None = None
    search: str | None = None
    to_notify: bool = False
    limit: int | None = 50

    def is_morning_view(self) -> bool:
        """No filter at all: the clerk's morning view."""
        return all(
            getattr(self, k) is None or getattr(self, k) is False
            for k in self.__dataclass_fields__
            if k != "limit"
        )


def query_of(ctx: Context, f: ListFilter) -> DossierQuery:
    """The stored terms of a filter: names resolved, dates parsed; unknown values refused."""
    store = ctx.store()
    today = ctx.now.date()
    if f.channel is not None and f.channel not in CHANNELS:
        raise TthcError("bad channel {value!r}: expected direct, online or postal", value=f.channel)
    if f.due_within is not None and not 0 <= f.due_within <= MAX_DUE_WITHIN:
        raise TthcError("bad --due-within {n}: expected 0 to {most} working days", n=f.due_within, most=MAX_DUE_WITHIN)
    if f.limit is not None and not 0 < f.limit <= MAX_LIST:
        raise TthcError("bad --limit {n}: expected 1 to {most}", n=f.limit, most=MAX_LIST)
    proc = known_procedure(store, f.procedure)
    field = known_field(store, f.field)
    point, officer = registered(store, "point", f.point), registered(store, "officer", f.officer)

    def day(text: str | None) -> date | None:
        return None if not text else parse_day(text, today=today)

    due_by = None if f.due_within is None else due_by_day(ctx.calendar(), today, f.due_within)
    return DossierQuery(
        status=f.status,
        field=field,
        procedure=proc,
        point=point.name if point else None,
        officer=officer.name if officer else None,
        channel=f.channel,
        received_from=day(f.received_from),
        received_to=day(f.received_to),
        due_from=day(f.due_from),
        due_to=day(f.due_to),
        overdue_at=ctx.now if f.overdue else None,
        due_by=due_by,
        words=search_words(f.search),
        to_notify=f.to_notify,
        limit=f.limit,
    )


def known_procedure(store: Store, text: str | None) -> str | None:
    """The catalog code of a procedure named by code, alias or name; unknown ones are refused."""
    if not text:
        return None
    return find_procedure(store, text).code


def known_field(store: Store, text: str | None) -> str | None:
    """A field as the catalog spells it (any case, diacritics ignored); unknown ones are
    refused with the known fields."""
    if not text:
        return None
    fields = store.fields()
    match = [f for f in fields if fold(f) == fold(text.strip())]
    if not match:
        raise TthcError("unknown field {field!r}; known: {known}", field=text, known=", ".join(fields))
    return match[0]


def search_words(text: str | None) -> tuple[str, ...]:
    """What ``--search`` looks for: a phone number in its stored form however it was typed,
    else the folded words."""
    if text is None:
        return ()
    number = phone_number(text)
    words = (number,) if number else tuple(w for w in fold(text).split() if any(c.isalnum() for c in w))
    if not words:  # nothing left to look for (only marks, dashes or other scripts): say so
        raise TthcError("nothing to search for in {text!r}: type letters or digits of a name, code, phone or ID", text=text)
    return words


def due_by_day(cal: WorkCalendar, today: date, working_days: int) -> date:
    """The last due date of "due within ``working_days`` working days": the that-many-th
    working day after today, or today itself for 0."""
    return cal.nth_working_day_after(today, working_days) if working_days else today


def soon_until(cal: WorkCalendar, today: date) -> date:
    """The last due date the worklist and the dashboard call "soon"."""
    return due_by_day(cal, today, SOON_WORKING_DAYS)


def morning_filter(limit: int | None) -> ListFilter:
    """The clerk's morning view: overdue, due today, and due soon."""
    return ListFilter(due_within=SOON_WORKING_DAYS, limit=limit)


def list_dossiers(ctx: Context, f: ListFilter) -> list[Dossier]:
    """The worklist, soonest deadline first. With no filter: overdue, due today, and due
    within :data:`SOON_WORKING_DAYS` working days — the clerk's morning view."""
    if f.is_morning_view():
        f = morning_filter(f.limit)
    return ctx.store().find(query_of(ctx, f))


def urgency(d: Dossier, now: datetime, soon: date) -> str:
    """overdue · today · soon · paused · open · done — what colour a worklist row gets."""
    if d.status not in lifecycle.OPEN:
        return "done"
    if d.status == "paused":
        return "paused"
    if deadlines.is_overdue(d.deadline, now):
        return "overdue"
    if d.due_date == now.date():
        return "today"
    if d.due_date is not None and d.due_date <= soon:
        return "soon"
    return "open"
