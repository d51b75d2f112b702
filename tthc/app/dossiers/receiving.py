"""Receiving a dossier: the code given under the write lock, the receipt counted once, the
scorecard's facts as the clerk types them (fee, payment, digitised, data reused), and the
first audit event. What the clerk's ``--reason`` and a citizen's rating are kept as, for every
later step too."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tthc.app.catalog import find_procedure, registered
from tthc.app.context import Context
from tthc.app.corrections import Correction, guard
from tthc.app.dossiers.showing import doubts_of
from tthc.app.inputs import check_id_number, check_phone, clean, given_code, load, when
from tthc.core import transitions
from tthc.core.errors import TthcError
from tthc.core.lifecycle import Life
from tthc.core.models import CHANNELS, PAYMENTS, Dossier, Service, fold
from tthc.core.registry import Procedure, Registered
from tthc.core.timelimit import TimeLimit, parse_limit
from tthc.core.workcalendar import Doubts
from tthc.storage.details import Details
from tthc.storage.store import Store


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
        raise TthcError(
            "bad rating {value!r}: expected satisfied, acceptable or unsatisfied (hài lòng, bình thường, không hài lòng)",
            value=text,
        )
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
    return transitions.receive(
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
