"""Honest corrections: a changed timeline is always deliberate, explained and listed.

- ``undo`` needs a reason, shows what it will revert, and reverts exactly that step.
- A step re-done after an undo cannot be dated before the step it replaces, and nothing may
  touch a period already reported (the setting ``reports_closed_through``, set by the
  manager or by ``report --close``), unless the clerk says ``--correct-time`` with a reason.
- ``tthc corrections`` lists every changed timeline; the summary's footnote counts them.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from tthc.app.context import Context
from tthc.app.inputs import clean, load
from tthc.core import lifecycle, transitions
from tthc.core.errors import Msg, TthcError
from tthc.core.models import Dossier, Event
from tthc.locale.words import STEP_WORDS
from tthc.storage.store import Store

if TYPE_CHECKING:
    from tthc.core.periods import Period


@dataclass(frozen=True)
class Correction:
    """The clerk's ``--correct-time --reason``: a timeline changed on purpose."""

    reason: str

    @classmethod
    def of(cls, flag: bool, reason: str | None) -> "Correction | None":
        if not flag:
            return None
        why = clean(reason, "reason", required=True)
        return cls(why or "")


def closed_through(ctx: Context) -> date | None:
    """The last day of the periods already reported, if the manager closed any."""
    text = ctx.settings().raw["reports_closed_through"]
    return date.fromisoformat(text) if text else None


def guard(
    ctx: Context, store: Store, code: str, step: str, at: datetime, correction: Correction | None
) -> dict[str, Any]:
    """Refuse a step that would silently change a timeline; with a correction, say what it
    replaces. Returns what the step's audit event keeps about the correction."""
    closed = closed_through(ctx)
    replaced = _undone(store, code, step)
    earlier = replaced is not None and at < replaced.happened_at
    in_closed = closed is not None and at.date() <= closed
    if correction is None:
        if in_closed:
            raise TthcError("{at:%d/%m/%Y %H:%M} lies in a period already reported (up to {closed:%d/%m/%Y}); change it only with --correct-time --reason", at=at, closed=closed)
        if replaced is not None and earlier:
            raise TthcError(
                "{step} at {at:%d/%m/%Y %H:%M} is earlier than the one undone ({undone:%d/%m/%Y %H:%M}); to re-date a step, add --correct-time --reason", step=Msg(STEP_WORDS[step]), at=at, undone=replaced.happened_at
            )
        return {}
    return {
        "correction": {
            "reason": correction.reason,
            "replaces": replaced.happened_at.isoformat() if replaced else None,
            "closed_period": in_closed,
        }
    }


def _undone(store: Store, code: str, step: str) -> Event | None:
    """The latest undone ``step`` of the dossier since its last step that still stands: the
    one a new ``step`` replaces."""
    events = store.events(code)
    undone_ids = lifecycle.undone(events)
    standing = [e for e in events if e.step in lifecycle.STEPS and e.id not in undone_ids]
    last = standing[-1].id if standing else 0
    undone = [e for e in events if e.id in undone_ids and e.step == step and e.id > last]
    return undone[-1] if undone else None


# -- undo ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class UndoPlan:
    """What ``undo`` is about to revert, shown before it does."""

    code: str
    event_id: int
    step: str
    happened_at: datetime
    actor: str


def undo_plan(ctx: Context, code: str, correction: Correction | None) -> UndoPlan:
    store = ctx.store()
    d = load(store, code)
    last = _last_step(store, d)
    closed = closed_through(ctx)
    if closed is not None and last.happened_at.date() <= closed and correction is None:
        raise TthcError("{at:%d/%m/%Y %H:%M} lies in a period already reported (up to {closed:%d/%m/%Y}); change it only with --correct-time --reason", at=last.happened_at, closed=closed)
    return UndoPlan(d.code, last.id, last.step, last.happened_at, last.actor)


def _last_step(store: Store, d: Dossier) -> Event:
    steps = store.active_steps(d.code)
    if not steps:
        raise TthcError("dossier {code} has nothing to undo", code=d.code)
    return steps[-1]


def undo(
    ctx: Context, code: str, reason: str | None, correction: Correction | None, expected: int | None = None
) -> tuple[str, Dossier | None]:
    """Revert the latest life-cycle step to exactly the state before it (a receipt undone
    removes the dossier; its code stays used). The step and the undo stay in the audit trail."""
    why = clean(reason, "reason", required=True)
    store = ctx.store()
    with store.write():
        plan = undo_plan(ctx, code, correction)
        if expected is not None and plan.event_id != expected:
            raise TthcError("dossier {code} changed meanwhile; run undo again to see what it would revert", code=plan.code)
        d = load(store, plan.code)
        last = _last_step(store, d)
        if last.step == "receive":
            store.delete_dossier(d.code)
        else:
            before = transitions.revert(d.life, last.step, last.details)
            if before.status in lifecycle.OPEN and d.status not in lifecycle.OPEN:
                # reopened: calendar changes made while it was closed reach it now
                changed = store.calendar_changes_since(last.id)
                if changed:
                    before = transitions.relay(ctx.calendar(), before, changed)
            store.save_life(before, ctx.now)
            store.take_back_facts(d.code, last.step, last.details)
        details: dict[str, Any] = {
            "step": last.step,
            "happened_at": last.happened_at.isoformat(),
            "reason": why,
        }
        if correction is not None:
            closed = closed_through(ctx)
            in_closed = closed is not None and last.happened_at.date() <= closed
            details["correction"] = {"reason": correction.reason, "closed_period": in_closed}
        store.add_event(
            step="undo",
            dossier_code=d.code,
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details=details,
            undoes=last.id,
        )
        return last.step, store.dossier(d.code)


# -- the list of changed timelines --------------------------------------------------------------------
@dataclass(frozen=True)
class Changed:
    """One changed timeline: an undo, or a step dated with ``--correct-time``."""

    code: str
    kind: str  # undo | correction | calendar (a due date the calendar's check found wrong) | kept (a merge's --keep)
    step: str
    moment: datetime  # when the step it concerns happened (the earlier one, for a re-dating)
    replaced: datetime | None
    recorded_at: datetime
    actor: str
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "kind": self.kind,
            "step": self.step,
            "moment": self.moment.isoformat(),
            "replaced": self.replaced.isoformat() if self.replaced else None,
            "recorded_at": self.recorded_at.isoformat(),
            "actor": self.actor,
            "reason": self.reason,
        }


def changed(events: list[Event]) -> list[Changed]:
    """Undo events and corrected steps as changed timelines (the one reading of the trail)."""
    out: list[Changed] = []
    for e in events:
        if e.step == "undo":
            moment = datetime.fromisoformat(e.details["happened_at"])
            kept = bool(e.details.get("correction", {}).get("kept"))  # a merge's --keep
            out.append(
                Changed(
                    e.dossier_code or "",
                    "kept" if kept else "undo",
                    e.details["step"],
                    moment,
                    None,
                    e.recorded_at,
                    e.actor,
                    e.details.get("reason", ""),
                )
            )
        elif "correction" in e.details:
            fix = e.details["correction"]
            replaced = datetime.fromisoformat(fix["replaces"]) if fix.get("replaces") else None
            moment = min(e.happened_at, replaced) if replaced else e.happened_at
            kind = "kept" if fix.get("kept") else "correction"
            if fix.get("concerns"):  # a note on a step it does not change (the calendar's check)
                moment, kind = datetime.fromisoformat(fix["concerns"]), "calendar"
            out.append(
                Changed(
                    e.dossier_code or "",
                    kind,
                    e.step,
                    moment,
                    replaced,
                    e.recorded_at,
                    e.actor,
                    fix["reason"],
                )
            )
    return out


def corrections(ctx: Context, period: "Period") -> list[Changed]:
    """Every changed timeline whose step lies in ``period``, oldest first."""
    events = ctx.store().timeline_changes()
    return [c for c in changed(events) if period.start <= c.moment.date() <= period.end]
