"""The due-date rules of DESIGN §3 as pure functions: effective receipt, the appointment
date for each kind of limit, the clock stopped by a supplement request, and timeliness.

Nothing here reads a clock, a database or the terminal: moments come in as arguments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Literal, NamedTuple

from tthc.timelimit import TimeLimit
from tthc.workcalendar import WorkCalendar, minutes_to_time

Policy = Literal["restart", "freeze"]
Timeliness = Literal["early", "on_time", "late"]
POLICIES: tuple[Policy, ...] = ("restart", "freeze")


class Due(NamedTuple):
    """An appointment: ``due_at`` is what the slip shows, ``deadline`` what lateness is judged by."""

    limit: TimeLimit
    received_at: datetime
    effective_receipt: datetime
    due_date: date
    due_at: datetime

    @property
    def deadline(self) -> datetime:
        return deadline_of(self.limit, self.due_date, self.due_at)


@dataclass(frozen=True)
class Step:
    """One line of an explanation: a day (or moment) and what the rules made of it."""

    what: str  # a message key in tthc.i18n
    day: date | None = None
    args: dict[str, str] = field(default_factory=dict)


def deadline_of(limit: TimeLimit, due_date: date, due_at: datetime) -> datetime:
    """End (24:00) of the due date for day limits; ``due_at`` itself for hour limits."""
    if limit.is_hours:
        return due_at
    return datetime.combine(due_date + timedelta(1), time(0, 0))


def effective_receipt(cal: WorkCalendar, received_at: datetime) -> datetime:
    """Outside office sessions or on a day off → the opening of the next working session."""
    if received_at.second or received_at.microsecond:
        received_at = received_at.replace(second=0, microsecond=0)
    return cal.next_opening(received_at)


def _due_from_effective(cal: WorkCalendar, limit: TimeLimit, eff: datetime) -> tuple[date, datetime]:
    closing = cal.closing
    if limit.unit == "same-day":
        day = (
            eff.date()
            if eff.hour * 60 + eff.minute <= cal.cutoff
            else cal.nth_working_day_after(eff.date(), 1)
        )
        return day, datetime.combine(day, closing)
    if limit.unit == "wd":
        day = cal.nth_working_day_after(eff.date(), limit.n)
        return day, datetime.combine(day, closing)
    if limit.unit == "d":
        day = cal.working_day_on_or_after(eff.date() + timedelta(limit.n))
        return day, datetime.combine(day, closing)
    moment = cal.add_working_minutes(eff, limit.n * 60)
    return moment.date(), moment


def compute_due(cal: WorkCalendar, limit: TimeLimit, received_at: datetime) -> Due:
    """The appointment for a dossier received at ``received_at`` under ``limit``."""
    eff = effective_receipt(cal, received_at)
    due_date, due_at = _due_from_effective(cal, limit, eff)
    return Due(limit, received_at, eff, due_date, due_at)


def resume_due(
    cal: WorkCalendar,
    before: Due,
    paused_at: datetime,
    resumed_at: datetime,
    policy: Policy,
) -> Due:
    """The due date after a supplement request at ``paused_at`` answered at ``resumed_at``.

    ``restart``: the resume is a new effective receipt and the whole limit counts again.
    ``freeze``: the working time left at the request counts again from the resume — whole
    working days after the request day for day limits, working minutes for hour limits.
    A request made on or after the due date leaves nothing, so the dossier is due on the
    resume's effective day (or moment, for hour limits).
    """
    limit = before.limit
    eff = effective_receipt(cal, resumed_at)
    if policy == "restart":
        due_date, due_at = _due_from_effective(cal, limit, eff)
    elif limit.is_hours:
        left = cal.working_minutes_between(effective_receipt(cal, paused_at), before.due_at)
        due_at = cal.add_working_minutes(eff, left)
        due_date = due_at.date()
    else:
        left_days = cal.working_days_between(paused_at.date(), before.due_date)
        due_date = eff.date() if left_days == 0 else cal.nth_working_day_after(eff.date(), left_days)
        due_at = datetime.combine(due_date, cal.closing)
    return Due(limit, before.received_at, before.effective_receipt, due_date, due_at)


def due_with_pauses(
    cal: WorkCalendar,
    base: Due,
    pauses: Sequence[tuple[datetime, datetime | None, Policy]],
) -> Due | None:
    """The due date in force after every supplement round (each under the policy it was
    paused under); ``None`` while still paused."""
    due = base
    for paused_at, resumed_at, policy in pauses:
        if resumed_at is None:
            return None
        due = resume_due(cal, due, paused_at, resumed_at, policy)
    return due


def timeliness(limit: TimeLimit, due_date: date, due_at: datetime, resolved_at: datetime) -> Timeliness:
    """late after the deadline; early on a calendar day before the due date; else on time."""
    if resolved_at > deadline_of(limit, due_date, due_at):
        return "late"
    if resolved_at.date() < due_date:
        return "early"
    return "on_time"


def explain(cal: WorkCalendar, limit: TimeLimit, received_at: datetime) -> tuple[Due, list[Step]]:
    """The due date with the day-by-day reasoning a clerk can read out to a citizen."""
    due = compute_due(cal, limit, received_at)
    eff = due.effective_receipt
    steps: list[Step] = [Step("x_received", received_at.date(), {"at": _hm(received_at)})]
    if eff != received_at.replace(second=0, microsecond=0):
        if received_at.date() != eff.date():
            for day in _days(received_at.date(), eff.date()):
                info = cal.day_info(day)
                if not info.working:
                    steps.append(_skip_step(info))
                elif day == received_at.date():
                    steps.append(Step("x_after_hours", day, {"closing": _hm(cal.closing)}))
        else:
            steps.append(Step("x_between_sessions", eff.date(), {"at": _hm(received_at)}))
        steps.append(Step("x_effective", eff.date(), {"at": _hm(eff)}))
    if limit.unit == "same-day":
        cut = minutes_to_time(cal.cutoff)
        key = "x_before_cutoff" if eff.time() <= cut else "x_after_cutoff"
        steps.append(Step(key, eff.date(), {"cutoff": cut.strftime("%H:%M"), "at": _hm(eff)}))
        if due.due_date != eff.date():
            steps.extend(_walk(cal, eff.date(), due.due_date, count=False))
    elif limit.unit == "wd":
        steps.append(Step("x_not_counted", eff.date()))
        steps.extend(_walk(cal, eff.date(), due.due_date, count=True))
    elif limit.unit == "d":
        target = eff.date() + timedelta(limit.n)
        steps.append(
            Step("x_calendar_days", target, {"n": str(limit.n), "from": eff.date().strftime("%d/%m/%Y")})
        )
        if target != due.due_date:
            steps.extend(_walk(cal, target - timedelta(1), due.due_date, count=False))
    else:
        steps.extend(_walk_hours(cal, eff, due.due_at))
    steps.append(Step("x_due", due.due_date, {"at": _hm(due.due_at)}))
    return due, steps


def _hm(moment: datetime | time) -> str:
    return moment.strftime("%H:%M")


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(i) for i in range((last - first).days + 1)]


def _skip_step(info: object) -> Step:
    from tthc.workcalendar import DayInfo

    assert isinstance(info, DayInfo)
    if info.kind == "weekend":
        return Step("x_saturday" if info.day.weekday() == 5 else "x_sunday", info.day)
    if info.kind == "center_off":
        return Step("x_center_off", info.day, {"name": info.name})
    return Step("x_holiday", info.day, {"name": info.name})


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
            steps.append(Step("x_makeup", day, {**args, "for": info.name}))
        elif info.kind == "center_work":
            steps.append(Step("x_center_work", day, {**args, "name": info.name}))
        else:
            steps.append(Step("x_counted" if count else "x_next_working", day, args))
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
        steps.append(Step("x_hours", day, {"h": f"{minutes // 60}:{minutes % 60:02d}"}))
    return steps
