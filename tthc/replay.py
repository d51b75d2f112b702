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

from tthc import deadlines, lifecycle
from tthc.lifecycle import Life
from tthc.models import Event
from tthc.workcalendar import WorkCalendar

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
    return {m.undoes for m in moves if m.step == "undo" and m.undoes is not None}


def standing_steps(moves: Sequence[Move]) -> list[Move]:
    """The steps after receipt that stand (none undone), in the order they happened."""
    gone = undone(moves)
    steps = [m for m in moves if m.step in lifecycle.ALLOWED and m.uid not in gone]
    return sorted(steps, key=lambda m: m.order)


def receipt_stands(moves: Sequence[Move]) -> bool:
    gone = undone(moves)
    return any(m.step == "receive" and m.uid not in gone for m in moves)


def replay(cal: WorkCalendar, stored: Life, steps: Sequence[Move]) -> Life:
    """The life the ``steps`` give, applied from the receipt again: the receipt's counting as
    decided (its anchor, unit and amount) laid over ``cal``, every later counting, due date
    and judgement worked out by the life cycle. Refuses as a clerk's step would be refused."""
    life = replace(  # the receipt as the row has it; everything a later step sets, cleared
        stored,
        receipt=deadlines.relay(cal, stored.limit, stored.receipt),
        last_at=stored.received_at,
        status="processing",
        rounds=(),
        resolved_at=None,
        outcome=None,
        timeliness=None,
        returned_at=None,
        withdrawn_at=None,
        apology=None,
    )
    for m in steps:
        life = lifecycle.apply(cal, life, lifecycle.step_of(m.step, m.happened_at, m.details))
    return life


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
