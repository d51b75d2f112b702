"""A dossier's life: the state its steps change (:class:`Life`), the statuses it goes
through, the one home of open, paused and not undone, and which step may start from which
status. How each step changes the state — the pure state machine that receives, applies a
step, reverts the latest and lays the countings again — is in :mod:`tthc.core.transitions`;
a clerk's look-up of one dossier reads this module alone.

The due date in force is never kept beside the facts: it is read from the receipt's counting
and the supplement rounds by :func:`tthc.core.deadlines.due_in_force`.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, Protocol, TypeVar, get_args

from tthc.core import deadlines
from tthc.core.deadlines import Counting, Due, Round, Timeliness
from tthc.core.timelimit import TimeLimit, parse_limit

Status = Literal["processing", "paused", "resolved", "returned", "withdrawn", "closed"]
Outcome = Literal["approved", "rejected"]
#: Every status a dossier can be in, in the order of its life (the CLI's ``--status``
#: choices, the database's CHECK and the SQL in ``tthc.storage.conditions`` come from here).
STATUSES: tuple[Status, ...] = get_args(Status)
#: Still in the center's hands: being processed, or waiting for papers.
OPEN: tuple[Status, ...] = ("processing", "paused")
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
#: The step that takes another back: its event points at the one it undoes.
UNDO = "undo"


def is_open(status: str) -> bool:
    """Is a dossier in this status still in the center's hands (processing or paused)? The
    one home of "open": ``tthc.storage.conditions.open_sql`` says the same in SQL."""
    return status in OPEN


def open_at(life: "Life", moment: datetime) -> bool:
    """Was the dossier in the center's hands just before ``moment``: received before it, and
    neither resolved, withdrawn nor closed before it? (Its status now tells only for one still
    open.) ``tthc.storage.conditions.open_at_sql`` says the same in SQL."""
    if life.received_at >= moment:
        return False
    ended = life.resolved_at or life.withdrawn_at or life.closed_at
    return is_open(life.status) or ended is None or ended >= moment


def papers_awaited(life: "Life") -> str | None:
    """What papers the dossier waits for (the reason of the open supplement request), while it
    is paused; None otherwise, or when the request gave no reason. The worklist's row and the
    citizen's look-up page say the same."""
    return life.rounds[-1].reason if life.status == "paused" and life.rounds else None


#: Papers asked for and never brought: the dossier is closed this many days after the request
#: (Decree 118 Art. 19.5, "15 ngày", calendar days), not before; by then at the latest, a day
#: off moving that to the next working day (``breaches.close_due``).
CLOSE_AFTER: TimeLimit = parse_limit("15d")


@dataclass(frozen=True, slots=True)
class Apology:
    """Form 04: a written apology with one new appointment date (never judged by)."""

    issued_at: datetime
    new_date: date
    reason: str
    in_time: bool  # issued no later than one working day before the due date


@dataclass(frozen=True)
class Life:
    """Everything about a dossier that its steps change."""

    code: str
    limit: TimeLimit
    received_at: datetime
    receipt: Counting
    last_at: datetime  # the latest step: no step may be dated before it
    status: Status = "processing"
    rounds: tuple[Round, ...] = ()
    officer: str | None = None
    resolved_at: datetime | None = None
    outcome: Outcome | None = None
    timeliness: Timeliness | None = None
    returned_at: datetime | None = None
    withdrawn_at: datetime | None = None
    apology: Apology | None = None
    submitted_at: datetime | None = None  # an online dossier: when the provincial system got it
    for_authority: str | None = None  # received here for another authority (Art. 20.1)
    forwarded_at: datetime | None = None  # its paper dossier sent on
    closed_at: datetime | None = None  # papers never came: closed without a result (Art. 19.5)
    notified_at: datetime | None = None  # the citizen last told of a result or a new date

    @property
    def due(self) -> Due | None:
        """The due date in force now (None while waiting for papers)."""
        return deadlines.due_in_force(self.receipt, self.rounds)

    @property
    def paused_at(self) -> datetime | None:
        if self.rounds and self.rounds[-1].resumed_at is None:
            return self.rounds[-1].paused_at
        return None

    def countings(self) -> list[Counting]:
        """The receipt's counting and every round's, oldest first."""
        return [self.receipt, *(r.counting for r in self.rounds if r.counting is not None)]


#: The statuses each step may start from.
ALLOWED: dict[str, tuple[Status, ...]] = {
    "handover": OPEN,
    "supplement": ("processing",),
    "resume": ("paused",),
    "resolve": ("processing",),
    "return": ("resolved",),
    "withdraw": OPEN,
    "apologize": OPEN,
    "close": ("paused",),
    "forward": (*OPEN, "resolved"),
    "notify": (*OPEN, "resolved"),
}
#: Steps of a dossier's life (receipt included): what ``undo`` can revert.
STEPS: tuple[str, ...] = ("receive", *ALLOWED)

_Id = TypeVar("_Id", covariant=True)


class Recorded(Protocol[_Id]):
    """An audit event as the undo rule reads it: its step and the event it undoes, if any."""

    @property
    def step(self) -> str: ...

    @property
    def undoes(self) -> _Id | None: ...


def undone(events: Iterable[Recorded[_Id]]) -> set[_Id]:
    """The events taken back, given one dossier's trail: those an ``undo`` event of the trail
    points at. Only an undo undoes (an ``undoes`` on any other event means nothing), and only
    its own dossier's steps (an undo is recorded on the dossier whose step it takes back). The
    one home of "a step not undone": ``tthc.storage.conditions.standing_sql`` says the same
    in SQL."""
    return {e.undoes for e in events if e.step == UNDO and e.undoes is not None}


def facts_last_at(life: Life) -> datetime:
    """The latest moment among the dossier's own facts (handovers are known from events only)."""
    moments = [
        life.received_at,
        life.resolved_at,
        life.returned_at,
        life.withdrawn_at,
        life.closed_at,
        life.forwarded_at,
        life.notified_at,
    ]
    for r in life.rounds:
        moments += [r.paused_at, r.resumed_at]
    if life.apology is not None:
        moments.append(life.apology.issued_at)
    return max(m for m in moments if m is not None)
