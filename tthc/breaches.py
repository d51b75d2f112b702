"""The duties of Decree 118/2025 a center can break, one rule each, as pure functions over a
dossier's life: ``tthc late``, the II.06a report's sheet of late dossiers and the clerk's
worklist all read them here.

- ``second_supplement``: papers asked for a second time (Art. 11.2.c, 16.3: once only);
- ``supplement_late``: the (first) request later than 3 working days after the receipt day
  (Art. 19.5);
- ``apology_late``: the apology later than one working day before the due date (Art. 19.6),
  as the apology stored it when it was issued;
- ``acceptance_late``: an online dossier accepted more than 8 working hours after the
  provincial system received it (Art. 17.2.c);
- ``forward_late``: the paper dossier of a dossier received for another authority sent on
  later than 1 working day after receipt, or not yet sent when that day is over (Art. 20.1.a);
- ``close_overdue``: a dossier still waiting for papers after the 15 days of Art. 19.5, or
  closed only after them.

A breach is dated when it happened: the late step's moment, or, for a step not taken, the
deadline it was due by. Everything is judged as of a moment (``now``): steps after it have not
happened yet.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from tthc import deadlines
from tthc.lifecycle import Life
from tthc.timelimit import TimeLimit, parse_limit
from tthc.workcalendar import WorkCalendar

Kind = Literal[
    "second_supplement", "supplement_late", "apology_late", "acceptance_late", "forward_late", "close_overdue"
]
KINDS: tuple[Kind, ...] = (
    "second_supplement",
    "supplement_late",
    "apology_late",
    "acceptance_late",
    "forward_late",
    "close_overdue",
)
#: The article of Decree 118/2025 each duty comes from.
ARTICLES: dict[Kind, str] = {
    "second_supplement": "11.2.c",
    "supplement_late": "19.5",
    "apology_late": "19.6",
    "acceptance_late": "17.2.c",
    "forward_late": "20.1.a",
    "close_overdue": "19.5",
}
#: Papers are asked for within this many working days after the receipt day (Art. 19.5).
SUPPLEMENT_WITHIN = 3
#: An online dossier is accepted within this many working hours of its submission (Art. 17.2.c).
ACCEPTANCE_WITHIN: TimeLimit = parse_limit("8h")
#: A dossier for another authority is sent on within this many working days (Art. 20.1.a).
FORWARD_WITHIN: TimeLimit = parse_limit("1wd")
#: A dossier whose papers never came is closed this many days after the request (Art. 19.5:
#: "15 ngày", calendar days; a due day off moves to the next working day, as a day limit does).
CLOSE_AFTER: TimeLimit = parse_limit("15d")


@dataclass(frozen=True)
class Breach:
    """One broken duty: which dossier, what kind, when it happened, by when the duty was due
    (None for a second request, which has no deadline) and the step's moment if it was taken."""

    code: str
    kind: Kind
    at: datetime
    due: datetime | None
    done_at: datetime | None

    @property
    def article(self) -> str:
        return ARTICLES[self.kind]


def supplement_deadline(cal: WorkCalendar, life: Life) -> datetime:
    """The end of the last day papers may be asked for: the 3rd working day after the
    effective receipt day."""
    day = cal.nth_working_day_after(life.receipt.anchor.date(), SUPPLEMENT_WITHIN)
    return deadlines.end_of_day(day)


def acceptance_deadline(cal: WorkCalendar, submitted_at: datetime) -> datetime:
    """8 working hours from the submission (from the next opening if it came outside them)."""
    return deadlines.fresh_counting(cal, ACCEPTANCE_WITHIN, submitted_at).due.deadline


def forward_due(cal: WorkCalendar, life: Life) -> deadlines.Due:
    """By when the paper dossier must be sent on: the working day after the receipt day."""
    return deadlines.fresh_counting(cal, FORWARD_WITHIN, life.received_at).due


def close_due(cal: WorkCalendar, paused_at: datetime) -> deadlines.Due:
    """By when a dossier waiting for papers since ``paused_at`` is to be closed."""
    return deadlines.fresh_counting(cal, CLOSE_AFTER, paused_at).due


def close_due_on(cal: WorkCalendar, life: Life) -> date | None:
    """The day the worklist shows a waiting dossier as due to close (None if not waiting)."""
    paused = life.paused_at
    return None if paused is None or life.status != "paused" else close_due(cal, paused).due_date


def forward_due_on(cal: WorkCalendar, life: Life) -> date | None:
    """The day a dossier for another authority is to be sent on (None if sent, or not such)."""
    if life.for_authority is None or life.forwarded_at is not None:
        return None
    return forward_due(cal, life).due_date


def _by(moment: datetime | None, now: datetime) -> datetime | None:
    """A step's moment if it had happened by ``now``."""
    return moment if moment is not None and moment <= now else None


def of_life(cal: WorkCalendar, life: Life, now: datetime) -> list[Breach]:
    """Every duty of Decree 118 the dossier had broken by ``now``, oldest first."""
    code = life.code
    out: list[Breach] = []
    rounds = [r for r in life.rounds if r.paused_at <= now]
    for r in rounds[1:]:
        out.append(Breach(code, "second_supplement", r.paused_at, None, r.paused_at))
    if rounds:
        limit = supplement_deadline(cal, life)
        if rounds[0].paused_at > limit:
            out.append(Breach(code, "supplement_late", rounds[0].paused_at, limit, rounds[0].paused_at))
    apology = life.apology
    if apology is not None and apology.issued_at <= now and not apology.in_time:
        out.append(Breach(code, "apology_late", apology.issued_at, None, apology.issued_at))
    if life.submitted_at is not None and life.received_at <= now:
        limit = acceptance_deadline(cal, life.submitted_at)
        if life.received_at > limit:
            out.append(Breach(code, "acceptance_late", life.received_at, limit, life.received_at))
    if life.for_authority is not None and life.received_at <= now:
        limit = forward_due(cal, life).deadline
        sent = _by(life.forwarded_at, now)
        ended = _by(life.withdrawn_at or life.closed_at, now)
        if sent is not None and sent > limit:
            out.append(Breach(code, "forward_late", sent, limit, sent))
        elif sent is None and limit < now and not (ended is not None and ended <= limit):
            out.append(Breach(code, "forward_late", limit, limit, None))
    for i, r in enumerate(rounds):
        limit = close_due(cal, r.paused_at).deadline
        resumed = _by(r.resumed_at, now)
        closed = _by(life.closed_at, now) if i == len(life.rounds) - 1 else None
        ended = _by(life.withdrawn_at, now) if i == len(life.rounds) - 1 else None
        if closed is not None and closed > limit:
            out.append(Breach(code, "close_overdue", closed, limit, closed))
        elif resumed is None and closed is None and limit < now and not (ended and ended <= limit):
            out.append(Breach(code, "close_overdue", limit, limit, None))
    out.sort(key=lambda b: (b.at, KINDS.index(b.kind)))
    return out
