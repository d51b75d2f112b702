"""A dossier's columns worked out again from its history, for a merge that takes nothing on
faith: the steps its audit events record are applied once more through the life cycle, over
the receipt's counting (the one decision of its moment a row keeps), and what comes out is
what the row must say — status, moments, due date in force, countings, timeliness.

Pure: events in, a life out. Two databases' events of one dossier are compared here too, by
``uid``: which steps stand (not undone on either side), and which detail fields an edit set.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from tthc.core import deadlines, lifecycle, transitions
from tthc.core.lifecycle import Life
from tthc.core.models import Event
from tthc.core.workcalendar import WorkCalendar

#: The details a clerk corrects with ``edit``: merged field by field.
DETAIL_FIELDS = ("applicant", "id_number", "phone", "address", "note", "point", "officer")


@dataclass(frozen=True)
class Move:
    """An event as two databases compare it: everything it says, the event it undoes by uid."""

    uid: str
    code: str | None
    step: str
    happened_at: datetime
    recorded_at: datetime
    details: dict[str, Any]
    undoes: str | None

    def says(self) -> tuple[Any, ...]:
        """What must be the same wherever the event is kept (its local number apart)."""
        return (self.code, self.step, self.happened_at, self.details, self.undoes)

    @property
    def order(self) -> tuple[datetime, datetime, str]:
        """The order two points' steps are applied in: when they happened, then were recorded."""
        return (self.happened_at, self.recorded_at, self.uid)


def moves_of(events: Iterable[Event]) -> list[Move]:
    """A database's events as moves; ``undoes`` read as the uid of the event undone."""
    listed = list(events)
    uid_of = {e.id: e.uid for e in listed}
    return [
        Move(
            e.uid,
            e.dossier_code,
            e.step,
            e.happened_at,
            e.recorded_at,
            e.details,
            None if e.undoes is None else uid_of.get(e.undoes, f"#{e.undoes}"),
        )
        for e in listed
    ]


def undone(moves: Iterable[Move]) -> set[str]:
    """The uids of the events an undo takes back (``lifecycle.undone``)."""
    return lifecycle.undone(moves)


def standing_steps(moves: Sequence[Move]) -> list[Move]:
    """The steps after receipt that stand (none undone), in the order they happened."""
    gone = undone(moves)
    steps = [m for m in moves if m.step in lifecycle.ALLOWED and m.uid not in gone]
    return sorted(steps, key=lambda m: m.order)


def receipt_stands(moves: Sequence[Move]) -> bool:
    gone = undone(moves)
    return any(m.step == "receive" and m.uid not in gone for m in moves)


def replay(cal: WorkCalendar, stored: Life, steps: Sequence[Move], other: Life | None = None) -> Life:
    """The life the ``steps`` give, applied from the receipt again through the life cycle:
    status, moments, rounds, due date in force and judgement. The countings are decisions of
    their moment (the settings and calendar then): the receipt's, and a round's that the row
    already holds for the same request and resume, are kept as the row has them; a round new
    to the row (or to ``other``, the other point's row of it) is decided now. Refuses as a
    clerk's step would be refused."""
    life = replace(  # the receipt as the row has it; everything a later step sets, cleared
        stored,
        last_at=stored.received_at,
        status="processing",
        rounds=(),
        resolved_at=None,
        outcome=None,
        timeliness=None,
        returned_at=None,
        withdrawn_at=None,
        apology=None,
        closed_at=None,
        forwarded_at=None,
        notified_at=None,
    )
    decided = {(r.paused_at, r.resumed_at): r for r in (*(other.rounds if other else ()), *stored.rounds)}
    for m in steps:
        life = transitions.apply(cal, life, transitions.step_of(m.step, m.happened_at, m.details))
        if m.step in ("supplement", "resume"):
            last = life.rounds[-1]
            kept = decided.get((last.paused_at, last.resumed_at))
            if kept is not None and kept.policy == last.policy:
                life = replace(
                    life, rounds=(*life.rounds[:-1], replace(last, left=kept.left, counting=kept.counting))
                )
    return life


def countings_as_laid(cal: WorkCalendar, life: Life) -> bool:
    """Whether every counting of a life gives the due date it states over ``cal``: true of
    a row whose countings were laid over the calendar and settings it still has."""
    return all(deadlines.relay(cal, life.limit, c) == c for c in life.countings())


def judged_again(stored: Life) -> Life:
    """A dossier with no receipt event (an import brought it): its stored moments taken as
    its history, the due date in force and the judgement worked out from them again."""
    if stored.resolved_at is None:
        return replace(stored, timeliness=None)
    due = deadlines.due_in_force(stored.receipt, stored.rounds, stored.resolved_at)
    if due is None:
        return stored
    judged = deadlines.timeliness(stored.limit, due.due_date, due.due_at, stored.resolved_at)
    return replace(stored, timeliness=judged)


def receipt_as_decided(cal: WorkCalendar, stored: Life) -> bool:
    """Whether a row's receipt counting is one the rules could have decided: from the
    receipt or later, counting what its time limit counts (same-day: 0 or 1 working day, by
    the cut-off of its moment)."""
    counting = stored.receipt
    if counting.anchor < stored.received_at.replace(second=0, microsecond=0):
        return False
    if counting.unit is None:
        return True
    if stored.limit.unit == "same-day":
        return counting.unit == "wd" and counting.amount in (0, 1)
    return (counting.unit, counting.amount) == deadlines.count_of_limit(cal, stored.limit, counting.anchor)


def edits_by_field(moves: Sequence[Move]) -> dict[str, list[Move]]:
    """The edits that stand, by the field they set: none settled by a later decision."""
    settled = {uid for m in moves for uid in m.details.get("settles", ()) if m.step == "edit"}
    gone = undone(moves)
    out: dict[str, list[Move]] = {}
    for m in sorted(moves, key=lambda m: m.order):
        if m.step != "edit" or m.uid in settled or m.uid in gone:
            continue
        for name in m.details.get("after", {}):
            out.setdefault(name, []).append(m)
    return out


def officer_after(moves: Sequence[Move], officer: str | None) -> str | None:
    """The officer in charge after every handover and edit that stands, the latest last."""
    gone = undone(moves)
    for m in sorted(moves, key=lambda m: m.order):
        if m.uid in gone:
            continue
        if m.step == "handover" and "to" in m.details:
            officer = m.details["to"]
        elif m.step == "edit" and "officer" in m.details.get("after", {}):
            officer = m.details["after"]["officer"]
    return officer


def facts_of_steps(moves: Sequence[Move]) -> dict[str, Any]:
    """The dossier columns a step sets besides its life (the scorecard's ``e_result``, set
    by the resolution), as the steps that stand leave them: the latest standing step's
    value, else — its steps undone — the value from before the first of them."""
    gone = undone(moves)
    resolves = sorted(
        (m for m in moves if m.step == "resolve" and "e_result" in m.details), key=lambda m: m.order
    )
    standing = [m for m in resolves if m.uid not in gone]
    if standing:
        return {"e_result": int(bool(standing[-1].details["e_result"]))}
    if resolves:
        before = resolves[0].details.get("e_result_before")
        return {"e_result": None if before is None else int(bool(before))}
    return {}
