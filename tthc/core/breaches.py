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
moment it was due by (the close of the due day's last session, as a slip shows it; lateness
is judged, as everywhere, by the end of that day). Everything is judged as of a moment
(``now``): steps after it have not happened yet.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from tthc.core import deadlines, lifecycle
from tthc.core.lifecycle import Life
from tthc.core.timelimit import TimeLimit, parse_limit
from tthc.core.workcalendar import WorkCalendar

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
#: Papers are asked for within 3 working days after the receipt day (Art. 19.5).
SUPPLEMENT_WITHIN: TimeLimit = parse_limit("3wd")
#: An online dossier is accepted within this many working hours of its submission (Art. 17.2.c).
ACCEPTANCE_WITHIN: TimeLimit = parse_limit("8h")
#: A dossier for another authority is sent on within this many working days (Art. 20.1.a).
FORWARD_WITHIN: TimeLimit = parse_limit("1wd")
#: A dossier whose papers never came is closed this many days after the request (Art. 19.5:
#: "15 ngày", calendar days; a due day off moves to the next working day, as a day limit does).
CLOSE_AFTER: TimeLimit = lifecycle.CLOSE_AFTER


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


def supplement_due(cal: WorkCalendar, life: Life) -> deadlines.Due:
    """The last day papers may be asked for: the 3rd working day after the effective receipt
    day (counted from the receipt's stored effective moment, as its due date was)."""
    return deadlines.fresh_counting(cal, SUPPLEMENT_WITHIN, life.receipt.anchor).due


def acceptance_due(cal: WorkCalendar, submitted_at: datetime) -> deadlines.Due:
    """8 working hours from the submission (from the next opening if it came outside them)."""
    return deadlines.fresh_counting(cal, ACCEPTANCE_WITHIN, submitted_at).due


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


def _missed(
    code: str, kind: Kind, due: deadlines.Due, done: datetime | None, ended: datetime | None, now: datetime
) -> list[Breach]:
    """A step due by ``due``: taken late, or not taken once its day is over (unless the
    dossier ended first)."""
    if done is not None:
        return [Breach(code, kind, done, due.due_at, done)] if done > due.deadline else []
    if deadlines.is_overdue(due.deadline, now) and not (ended is not None and ended <= due.deadline):
        return [Breach(code, kind, due.due_at, due.due_at, None)]
    return []


def of_life(cal: WorkCalendar, life: Life, now: datetime) -> list[Breach]:
    """Every duty of Decree 118 the dossier had broken by ``now``, oldest first."""
    code = life.code
    out: list[Breach] = []
    rounds = [r for r in life.rounds if r.paused_at <= now]
    for r in rounds[1:]:
        out.append(Breach(code, "second_supplement", r.paused_at, None, r.paused_at))
    if rounds:
        due = supplement_due(cal, life)
        if rounds[0].paused_at > due.deadline:
            out.append(Breach(code, "supplement_late", rounds[0].paused_at, due.due_at, rounds[0].paused_at))
    apology = life.apology
    if apology is not None and apology.issued_at <= now and not apology.in_time:
        out.append(Breach(code, "apology_late", apology.issued_at, None, apology.issued_at))
    if life.submitted_at is not None and life.received_at <= now:
        due = acceptance_due(cal, life.submitted_at)
        if life.received_at > due.deadline:
            out.append(Breach(code, "acceptance_late", life.received_at, due.due_at, life.received_at))
    if life.for_authority is not None and life.received_at <= now:
        ended = _by(life.withdrawn_at or life.closed_at, now)
        out += _missed(code, "forward_late", forward_due(cal, life), _by(life.forwarded_at, now), ended, now)
    for i, r in enumerate(rounds):
        last = i == len(life.rounds) - 1
        closed = _by(life.closed_at, now) if last else None
        if _by(r.resumed_at, now) is None:  # papers that came, even late, were taken in
            ended = _by(life.withdrawn_at, now) if last else None
            out += _missed(code, "close_overdue", close_due(cal, r.paused_at), closed, ended, now)
    out.sort(key=lambda b: (b.at, KINDS.index(b.kind)))
    return out


Tell = Literal["result_ready", "new_date"]


def to_tell(life: Life) -> Tell | None:
    """What the citizen is still to be told, if anything: a result ready before its date and
    not collected (Art. 22.5), or an apology's new date (Art. 19.6) while the dossier is open.
    Told means a ``notify`` step after the fact (``notified_at``)."""
    told = life.notified_at
    if life.status == "resolved" and life.timeliness == "early" and life.resolved_at is not None:
        return "result_ready" if told is None or told < life.resolved_at else None
    apology = life.apology
    if apology is not None and lifecycle.is_open(life.status):
        return "new_date" if told is None or told < apology.issued_at else None
    return None
