"""The steps after receipt, one transaction each: load the dossier's life, apply one step of
``tthc.core.transitions``, save it and its audit event (hand over, supplement and resume,
resolve, return, withdraw, close, forward, notify, apologize); and the countings of open
dossiers laid again after a change of the calendar. The due date in force is always what
``tthc.core.deadlines.due_in_force`` reads from the stored decisions."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from tthc.app.catalog import registered
from tthc.app.context import Context
from tthc.app.corrections import Correction, guard
from tthc.app.dossiers.receiving import rating_of, reason_fact
from tthc.app.inputs import clean, load, when
from tthc.core import lifecycle, transitions
from tthc.core.clock import parse_day
from tthc.core.errors import TthcError
from tthc.core.lifecycle import Life
from tthc.core.models import Dossier, Rating
from tthc.storage.store import Store


def _life_to_step(store: Store, dossier: Dossier) -> Life:
    """The dossier's life with its latest step, handovers included, known."""
    last = store.last_step_at(dossier.code)
    life = dossier.life
    return life if last is None or last <= life.last_at else replace(life, last_at=last)


# -- life-cycle steps ----------------------------------------------------------------------------
StepMaker = Callable[[Store, Life, datetime], tuple[transitions.Step, dict[str, Any]]]


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
        after = transitions.apply(ctx.calendar(), life, step)
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

    def make(store: Store, life: Life, at: datetime) -> tuple[transitions.Step, dict[str, Any]]:
        officer = registered(store, "officer", to)
        assert officer is not None
        if officer.name == life.officer:
            raise TthcError(
                "dossier {code} is already in the charge of {officer}", code=life.code, officer=officer.name
            )
        return transitions.Handover(at, officer.name), {
            "from": life.officer,
            "to": officer.name,
            "note": noted,
        }

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

    def make(store: Store, life: Life, at: datetime) -> tuple[transitions.Step, dict[str, Any]]:
        if again and not life.rounds:
            raise TthcError(
                "--again is for a second request, but dossier {code} has no request yet", code=life.code
            )
        policy = ctx.settings().supplement_policy
        facts: dict[str, Any] = {"policy": policy, **({"again": True} if again else {})}
        return transitions.Supplement(at, policy, why, again), facts

    return _step(ctx, code, at, make, correction, why)


def resume(
    ctx: Context,
    code: str,
    at: str | None = None,
    *,
    reason: str | None = None,
    correction: Correction | None = None,
) -> Dossier:
    return _step(ctx, code, at, lambda store, life, at: (transitions.Resume(at), {}), correction, reason)


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
        lambda store, life, at: (transitions.Resolve(at, result), facts),
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

    return _step(
        ctx, code, at, lambda store, life, at: (transitions.Return(at), {}), correction, reason, rated
    )


def withdraw(
    ctx: Context,
    code: str,
    at: str | None = None,
    reason: str | None = None,
    *,
    correction: Correction | None = None,
) -> Dossier:
    return _step(ctx, code, at, lambda store, life, at: (transitions.Withdraw(at), {}), correction, reason)


def close(
    ctx: Context,
    code: str,
    at: str | None = None,
    reason: str | None = None,
    *,
    correction: Correction | None = None,
) -> Dossier:
    """Papers never came (Decree 118 Art. 19.5): the waiting dossier ends without a result."""
    return _step(ctx, code, at, lambda store, life, at: (transitions.Close(at), {}), correction, reason)


def forward(
    ctx: Context,
    code: str,
    at: str | None = None,
    *,
    reason: str | None = None,
    correction: Correction | None = None,
) -> Dossier:
    """The paper dossier of a dossier received for another authority sent on (Art. 20.1.a)."""

    def make(store: Store, life: Life, at: datetime) -> tuple[transitions.Step, dict[str, Any]]:
        return transitions.Forward(at), {"for": life.for_authority}

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

    def make(store: Store, life: Life, at: datetime) -> tuple[transitions.Step, dict[str, Any]]:
        before = life.notified_at.isoformat() if life.notified_at else None
        return transitions.Notify(at), {"before": before}

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
        lambda store, life, at: (transitions.Apologize(at, promised, why), facts),
        correction,
        why,
    )


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
        after = transitions.relay(cal, life, days)
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
