"""The due-date rules as pure functions: effective receipt, the count each limit gives, laying
a count over the working calendar, the clock stopped by a supplement request, the due date in
force at any moment, timeliness, and the day-by-day explanation.

A *counting* is a stored decision: from an anchor moment (the effective receipt, or the
effective resume after a supplement), so many working days, calendar days or working minutes,
decided under the settings of that moment. Its due date is that count laid over the working
calendar. Later changes of office hours, cut-off or policy never touch a counting already made;
a change of the center's calendar lays the count again (:func:`relay`). Every view reads the
due date in force from the stored countings with :func:`due_in_force` and never recomputes
the past. Nothing here reads a clock, a database or the terminal.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Literal, NamedTuple

from tthc.core.timelimit import TimeLimit
from tthc.core.workcalendar import DayInfo, WorkCalendar, minutes_to_time
from tthc.locale.marks import N_

Policy = Literal["restart", "freeze"]
Timeliness = Literal["early", "on_time", "late"]
POLICIES: tuple[Policy, ...] = ("restart", "freeze")
#: What a count is counted in: working days, calendar days, working minutes.
CountUnit = Literal["wd", "d", "min"]


class Due(NamedTuple):
    """An appointment: ``due_at`` is what the slip shows, ``deadline`` what lateness is judged by."""

    limit: TimeLimit
    due_date: date
    due_at: datetime

    @property
    def deadline(self) -> datetime:
        return deadline_of(self.limit, self.due_date, self.due_at)


@dataclass(frozen=True, slots=True)
class Counting:
    """One decided count and the due date it gives. ``unit`` is None for a due date that was
    given (migrated from another system): such a counting is never laid again."""

    anchor: datetime
    unit: CountUnit | None
    amount: int
    due: Due

    def contains(self, day: date) -> bool:
        """Does ``day`` lie in the counting window, from the anchor's day to the due day?"""
        return self.anchor.date() <= day <= self.due.due_date


@dataclass(frozen=True, slots=True)
class Round:
    """One supplement round: the request (under its policy, with the time left fixed then for
    ``freeze``; None means the whole limit) and, once the papers are complete, the resume and
    the counting it produced."""

    paused_at: datetime
    policy: Policy
    left: int | None = None
    reason: str | None = None
    resumed_at: datetime | None = None
    counting: Counting | None = None


@dataclass(frozen=True)
class Step:
    """One line of an explanation: a day (or moment) and what the rules made of it."""

    what: str  # a msgid, marked where the step is made
    day: date | None = None
    args: dict[str, str] = field(default_factory=dict)


def deadline_of(limit: TimeLimit, due_date: date, due_at: datetime) -> datetime:
    """End (24:00) of the due date for day limits; ``due_at`` itself for hour limits."""
    if limit.is_hours:
        return due_at
    return end_of_day(due_date)


_ONE_DAY = timedelta(days=1)
_MIDNIGHT = time(0, 0)


def end_of_day(day: date) -> datetime:
    """24:00 of ``day``: the deadline of a date promised under a day limit."""
    return datetime.combine(day + _ONE_DAY, _MIDNIGHT)


def is_overdue(deadline: datetime | None, at: datetime) -> bool:
    """Is a dossier whose deadline is ``deadline`` overdue at ``at``?

    Only once the deadline lies behind ``at``: at the deadline itself (24:00 of the due date,
    or the appointment of an hour limit) not yet. None — no due date in force, the papers
    awaited — never is. The one home of this rule: the worklist, the web dashboard, the period
    summary and the late list ask it; ``tthc.storage.conditions.overdue_sql`` says the same in
    SQL, over the stored deadline, where a query must.
    """
    return deadline is not None and deadline < at


def effective_receipt(cal: WorkCalendar, received_at: datetime) -> datetime:
    """Outside office sessions or on a day off → the opening of the next working session."""
    if received_at.second or received_at.microsecond:
        received_at = received_at.replace(second=0, microsecond=0)
    return cal.next_opening(received_at)


# -- deciding a count and laying it over the calendar --------------------------------------------
def count_of_limit(cal: WorkCalendar, limit: TimeLimit, anchor: datetime) -> tuple[CountUnit, int]:
    """What ``limit`` counts from ``anchor``: same-day is 0 working days up to the cut-off
    (15:00 itself included) and 1 after it."""
    if limit.unit == "same-day":
        return "wd", 0 if anchor.hour * 60 + anchor.minute <= cal.cutoff else 1
    if limit.unit == "wd":
        return "wd", limit.n
    if limit.unit == "d":
        return "d", limit.n
    return "min", limit.n * 60


def lay(cal: WorkCalendar, limit: TimeLimit, anchor: datetime, unit: CountUnit, amount: int) -> Due:
    """The due date of a count over the calendar. Working days: the anchor's day is not
    counted, 0 means that day itself. Calendar days: anchor's date + N, rolled to a working
    day. Minutes: counted inside the office sessions."""
    if unit == "min":
        moment = cal.add_working_minutes(anchor, amount)
        return Due(limit, moment.date(), moment)
    if unit == "wd":
        day = anchor.date() if amount == 0 else cal.nth_working_day_after(anchor.date(), amount)
    else:
        day = cal.working_day_on_or_after(anchor.date() + timedelta(amount))
    return Due(limit, day, datetime.combine(day, cal.closing))


def fresh_counting(cal: WorkCalendar, limit: TimeLimit, at: datetime) -> Counting:
    """The whole limit counted from the effective moment of ``at`` (a receipt, or a restart)."""
    anchor = effective_receipt(cal, at)
    unit, amount = count_of_limit(cal, limit, anchor)
    return Counting(anchor, unit, amount, lay(cal, limit, anchor, unit, amount))


def given_counting(cal: WorkCalendar, limit: TimeLimit, at: datetime, due_at: datetime) -> Counting:
    """A due date given by a migrated record: kept as it is, never laid again."""
    return Counting(effective_receipt(cal, at), None, 0, Due(limit, due_at.date(), due_at))


def relay(cal: WorkCalendar, limit: TimeLimit, counting: Counting) -> Counting:
    """The same count laid over the calendar as it is now (after a change of the center's days)."""
    if counting.unit is None:
        return counting
    return replace(counting, due=lay(cal, limit, counting.anchor, counting.unit, counting.amount))


def compute_due(cal: WorkCalendar, limit: TimeLimit, received_at: datetime) -> Counting:
    """The appointment for a dossier received at ``received_at`` under ``limit``."""
    return fresh_counting(cal, limit, received_at)


# -- supplements ---------------------------------------------------------------------------------
def time_left(
    cal: WorkCalendar, in_force: Counting, carried: int | None, requested_at: datetime
) -> int | None:
    """The working time left at a supplement request under ``freeze``, fixed at the request.

    Whole working days after the request day up to the due date for day limits (same-day and
    calendar-day limits too), working minutes up to the appointment for hour limits. A request
    before the counting's anchor leaves what was available at the anchor: ``carried`` — the
    previous freeze round's time left, or None for the whole limit. So the time left never
    exceeds the limit.
    """
    if requested_at < in_force.anchor:
        return carried
    due = in_force.due
    if due.limit.is_hours:
        return cal.working_minutes_between(requested_at, due.due_at)
    return cal.working_days_between(requested_at.date(), due.due_date)


def resume_counting(cal: WorkCalendar, limit: TimeLimit, round_: Round, resumed_at: datetime) -> Counting:
    """The counting a resume produces: the whole limit again under ``restart`` (or when the
    request left the whole limit), else the time left from the effective resume."""
    if round_.policy == "restart" or round_.left is None:
        return fresh_counting(cal, limit, resumed_at)
    anchor = effective_receipt(cal, resumed_at)
    unit: CountUnit = "min" if limit.is_hours else "wd"
    return Counting(anchor, unit, round_.left, lay(cal, limit, anchor, unit, round_.left))


def counting_in_force(receipt: Counting, rounds: Sequence[Round]) -> tuple[Counting, int | None] | None:
    """The counting in force now and the time it left (for a later freeze request); None while
    a round is open."""
    counting, left = receipt, None
    for r in rounds:
        if r.counting is None:
            return None
        counting = r.counting
        left = r.left if r.policy == "freeze" else None
    return counting, left


def due_in_force(receipt: Counting, rounds: Sequence[Round], upto: datetime | None = None) -> Due | None:
    """The due date in force at ``upto`` (now when None), read from the stored decisions.

    The due date of the last round resumed before ``upto``, else the one given at receipt;
    None while a round opened before ``upto`` is still open at it. The one home of this rule:
    every step, view, summary and import reads it.
    """
    due = receipt.due
    for r in rounds:
        if upto is not None and r.paused_at >= upto:
            break
        if r.counting is None or r.resumed_at is None or (upto is not None and r.resumed_at >= upto):
            return None
        due = r.counting.due
    return due


class Span(NamedTuple):
    """While a moment ``upto`` lies in ``(after, until]`` (None: unbounded), the due date in
    force at it is ``due`` (None: the papers are awaited)."""

    after: datetime | None
    until: datetime | None
    due: Due | None


def due_spans(receipt: Counting, rounds: Sequence[Round]) -> list[Span]:
    """:func:`due_in_force` for every moment at once, as consecutive spans: the receipt's due
    date up to the first request, none while each round waits, the round's due date from its
    resume to the next request. For a reader that cannot call Python (a province's roll-up
    over exported files): ``due_in_force(receipt, rounds, upto=m)`` is the ``due`` of the span
    holding ``m``."""
    spans: list[Span] = []
    after, due = None, receipt.due
    for r in rounds:
        spans.append(Span(after, r.paused_at, due))
        if r.counting is None or r.resumed_at is None:
            return [*spans, Span(r.paused_at, None, None)]
        spans.append(Span(r.paused_at, r.resumed_at, None))
        after, due = r.resumed_at, r.counting.due
    return [*spans, Span(after, None, due)]


# -- judging -------------------------------------------------------------------------------------
def timeliness(limit: TimeLimit, due_date: date, due_at: datetime, resolved_at: datetime) -> Timeliness:
    """Judged by date: late on any date after the due date (00:00 included) — for hour limits,
    any moment after ``due_at``; early on a calendar day before the due date; else on time."""
    if (resolved_at > due_at) if limit.is_hours else (resolved_at.date() > due_date):
        return "late"
    if resolved_at.date() < due_date:
        return "early"
    return "on_time"


def apology_in_time(cal: WorkCalendar, issued_at: datetime, due_date: date) -> bool:
    """An apology is due no later than one working day before the due date (Decree 61/2018
    Art. 19.9): at least one working day must lie after its day, up to the due date."""
    return cal.working_days_between(issued_at.date(), due_date) >= 1


# -- explaining ----------------------------------------------------------------------------------
def explain(
    cal: WorkCalendar, received_at: datetime, counting: Counting, *, cutoff_known: bool = True
) -> list[Step]:
    """The day-by-day reasoning behind a receipt's counting, to read out to a citizen.

    ``cutoff_known`` is false for a stored counting, whose cut-off may since have changed: the
    explanation then says which side of the cut-off it fell on without naming the time.
    """
    eff = counting.anchor
    due = counting.due
    steps: list[Step] = [Step(N_("received at {at}"), received_at.date(), {"at": _hm(received_at)})]
    if counting.unit is None:
        steps.append(
            Step(N_("due date given by the imported record: {at}"), due.due_date, {"at": _hm(due.due_at)})
        )
        return steps
    if eff != received_at.replace(second=0, microsecond=0):
        steps.extend(_to_effective(cal, received_at, eff))
    if due.limit.unit == "same-day":
        cut = minutes_to_time(cal.cutoff).strftime("%H:%M")
        same_day = counting.amount == 0
        if cutoff_known:
            what = (
                N_("received by the {cutoff} cut-off: due the same day")
                if same_day
                else N_("received after the {cutoff} cut-off: due the next working day")
            )
        else:
            what = (
                N_("received before the cut-off: due the same day")
                if same_day
                else N_("received after the cut-off: due the next working day")
            )
        steps.append(Step(what, eff.date(), {"cutoff": cut}))
        if due.due_date != eff.date():
            steps.extend(_walk(cal, eff.date(), due.due_date, count=False))
    elif counting.unit == "wd":
        steps.append(Step(N_("day of receipt, not counted"), eff.date()))
        steps.extend(_walk(cal, eff.date(), due.due_date, count=True))
    elif counting.unit == "d":
        target = eff.date() + timedelta(counting.amount)
        steps.append(
            Step(
                N_("{n} calendar days from {from}"),
                target,
                {"n": str(counting.amount), "from": eff.date().strftime("%d/%m/%Y")},
            )
        )
        if target != due.due_date:
            steps.extend(_walk(cal, target - timedelta(1), due.due_date, count=False))
    else:
        steps.extend(_walk_hours(cal, eff, due.due_at))
    steps.append(Step(N_("due at {at}"), due.due_date, {"at": _hm(due.due_at)}))
    return steps


#: What a round's end does to the time limit, by its policy.
RESUME_WORDS = {
    "restart": N_("papers complete at {at}: the whole time limit counts again"),
    "freeze": N_("papers complete at {at}: the time left counts again"),
}


def explain_rounds(rounds: Sequence[Round]) -> list[Step]:
    """What each supplement round did to the due date, from the stored rounds."""
    steps: list[Step] = []
    for r in rounds:
        steps.append(
            Step(
                N_("papers requested at {at}: the clock stops"), r.paused_at.date(), {"at": _hm(r.paused_at)}
            )
        )
        if r.resumed_at is None or r.counting is None:
            break
        c = r.counting
        what = (
            N_("papers complete at {at}: due date given by the imported record")
            if c.unit is None
            else RESUME_WORDS[r.policy if r.left is not None else "restart"]
        )
        steps.append(Step(what, r.resumed_at.date(), {"at": _hm(r.resumed_at)}))
        steps.append(Step(N_("due at {at}"), c.due.due_date, {"at": _hm(c.due.due_at)}))
    return steps


def _to_effective(cal: WorkCalendar, received_at: datetime, eff: datetime) -> list[Step]:
    steps: list[Step] = []
    if received_at.date() != eff.date():
        for day in _days(received_at.date(), eff.date()):
            info = cal.day_info(day)
            if not info.working:
                steps.append(_skip_step(info))
            elif day == received_at.date():
                steps.append(Step(N_("after closing time ({closing})"), day, {"closing": _hm(cal.closing)}))
    else:
        steps.append(Step(N_("received at {at}, outside office hours"), eff.date(), {"at": _hm(received_at)}))
    steps.append(Step(N_("deemed received at {at} (next working session)"), eff.date(), {"at": _hm(eff)}))
    return steps


def _hm(moment: datetime | time) -> str:
    return moment.strftime("%H:%M")


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(i) for i in range((last - first).days + 1)]


def _skip_step(info: DayInfo) -> Step:
    if info.kind == "weekend":
        return Step(N_("Saturday, skipped") if info.day.weekday() == 5 else N_("Sunday, skipped"), info.day)
    if info.kind == "center_off":
        return Step(N_("center's day off ({name}), skipped"), info.day, {"name": info.name})
    if info.unconfirmed:
        return Step(N_("{name} (unconfirmed), skipped"), info.day, {"name": info.name})
    return Step(N_("{name}, skipped"), info.day, {"name": info.name})


def _walk(cal: WorkCalendar, after: date, upto: date, *, count: bool) -> list[Step]:
    steps: list[Step] = []
    k = 0
    for day in _days(after + timedelta(1), upto):
        info = cal.day_info(day)
        if not info.working:
            steps.append(_skip_step(info))
            continue
        k += 1
        args = {"k": str(k)} if count else {}
        if info.kind == "makeup":
            steps.append(
                Step(
                    N_("make-up working Saturday, counted as working day {k}"),
                    day,
                    {**args, "for": info.name},
                )
            )
        elif info.kind == "center_work":
            steps.append(
                Step(
                    N_("center's extra working day ({name}), working day {k}"),
                    day,
                    {**args, "name": info.name},
                )
            )
        else:
            steps.append(Step(N_("working day {k}") if count else N_("next working day"), day, args))
    return steps


def _walk_hours(cal: WorkCalendar, eff: datetime, due_at: datetime) -> list[Step]:
    steps: list[Step] = []
    for day in _days(eff.date(), due_at.date()):
        info = cal.day_info(day)
        if not info.working:
            steps.append(_skip_step(info))
            continue
        lo = datetime.combine(day, time(0)) if day != eff.date() else eff
        hi = datetime.combine(day + timedelta(1), time(0)) if day != due_at.date() else due_at
        minutes = cal.working_minutes_between(lo, hi)
        steps.append(Step(N_("{h} working hours counted"), day, {"h": f"{minutes // 60}:{minutes % 60:02d}"}))
    return steps
