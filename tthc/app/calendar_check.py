"""After the calendar changed (a decision shipped with a new release, a day confirmed or
rejected): which stored due dates differ from what today's calendar gives, and fixing them.

An open dossier is laid again (the count itself never changes), with an audit event each. A
closed one (resolved, returned, withdrawn, closed) is never moved: its due date judged its
timeliness and went into reports. ``--apply`` records a correction note on it instead, which
``tthc corrections`` and the summary's footnote count like every other changed timeline.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tthc.app.context import Context
from tthc.app.corrections import closed_through
from tthc.app.dossiers import relay_open
from tthc.app.inputs import clean
from tthc.core import deadlines, lifecycle, transitions
from tthc.core.deadlines import Due
from tthc.core.errors import TthcError
from tthc.core.lifecycle import Life

#: The step of the note a closed dossier gets from ``calendar check --apply``.
CORRECTION_STEP = "due.correction"


@dataclass(frozen=True)
class Mismatch:
    """A dossier whose stored due date is not the one today's calendar gives."""

    code: str
    status: str
    stored: Due
    calendar: Due
    judged_before: str | None  # early/on_time/late once resolved; overdue/not_due while open
    judged_after: str | None
    concerns: datetime | None  # the step its due date judged (resolution, withdrawal …)
    noted: bool = False  # a closed one whose correction note is already recorded

    @property
    def open(self) -> bool:
        return self.status in lifecycle.OPEN

    @property
    def judgement_changes(self) -> bool:
        return self.judged_before != self.judged_after

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "status": self.status,
            "stored_due_at": self.stored.due_at.isoformat(),
            "calendar_due_at": self.calendar.due_at.isoformat(),
            "timeliness_before": self.judged_before,
            "timeliness_after": self.judged_after,
            "timeliness_changes": self.judgement_changes,
            "action": "relay" if self.open else "correction",
            "correction_recorded": self.noted,
        }


def _judged(life: Life, due: Due, now: datetime) -> str | None:
    if life.resolved_at is not None:
        return deadlines.timeliness(life.limit, due.due_date, due.due_at, life.resolved_at)
    if life.status in lifecycle.OPEN:
        return "overdue" if deadlines.is_overdue(due.deadline, now) else "not_due"
    return None  # withdrawn or closed: neither early nor late


def _concerns(life: Life) -> datetime | None:
    return life.resolved_at or life.withdrawn_at


def check(ctx: Context) -> list[Mismatch]:
    """Every dossier, open or closed, whose stored due date differs from today's calendar."""
    store = ctx.store()
    cal = ctx.calendar()
    found: list[Mismatch] = []
    for life in store.open_lives(closed_too=True):
        stored = life.due
        now = transitions.relay(cal, life, None).due
        if stored is None or now is None or stored == now:
            continue
        noted = life.status not in lifecycle.OPEN and any(
            e.step == CORRECTION_STEP and e.details.get("calendar_due_at") == now.due_at.isoformat()
            for e in store.events(life.code)
        )
        found.append(
            Mismatch(
                life.code,
                life.status,
                stored,
                now,
                _judged(life, stored, ctx.now),
                _judged(life, now, ctx.now),
                _concerns(life),
                noted,
            )
        )
    return found


@dataclass(frozen=True)
class Applied:
    relaid: int  # open dossiers laid again
    noted: int  # closed dossiers given a correction note


def apply(ctx: Context, reason: str | None) -> Applied:
    """Lay the open mismatches again and note the closed ones for a correction, in one
    transaction; a reason is required (it goes into every audit event)."""
    why = clean(reason, "reason")
    if why is None:
        raise TthcError("--apply needs --reason TEXT: say why the due dates are laid again")
    store = ctx.store()
    closed = closed_through(ctx)
    with store.write():
        found = check(ctx)
        codes = {m.code for m in found if m.open}
        relaid = relay_open(ctx, None, reason=why, codes=codes) if codes else 0
        noted = 0
        for m in found:
            if m.open or m.noted:
                continue
            noted += 1
            store.add_event(
                step=CORRECTION_STEP,
                dossier_code=m.code,
                happened_at=ctx.now,
                recorded_at=ctx.now,
                actor=ctx.actor,
                details={
                    "reason": why,
                    "stored_due_at": m.stored.due_at.isoformat(),
                    "calendar_due_at": m.calendar.due_at.isoformat(),
                    "timeliness": m.judged_before,
                    "timeliness_by_calendar": m.judged_after,
                    "correction": {
                        "reason": why,
                        "replaces": None,
                        "concerns": m.concerns.isoformat() if m.concerns else None,
                        "closed_period": bool(closed and m.concerns and m.concerns.date() <= closed),
                    },
                },
            )
    return Applied(relaid, noted)
