"""The due-date rules as they stood when migration m005 shipped, frozen with it.

m005 fills in the countings of files made before it by replaying their supplement rounds.
What it did then must not change when today's rules change, so it carries its own copy of
the rules it needs: the working calendar (weekends, the package's days as the file itself
cached them, the center's own days), office sessions and the same-day cut-off from the
file's settings, effective receipt, the count each limit gives, laying a count, the time
left under ``freeze``, and a resume. Never edit this module, and never import today's rules
into it: a later rule belongs to a later migration.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

DEFAULT_SESSIONS = "07:30-11:30,13:30-17:00"
DEFAULT_CUTOFF = "15:00"


@dataclass(frozen=True)
class Limit:
    unit: str  # same-day, wd, d, h
    n: int


def parse_limit(text: str) -> Limit:
    """A stored limit, always in its canonical short form then: same-day, 5wd, 30d, 8h."""
    if text == "same-day":
        return Limit("same-day", 0)
    match = re.fullmatch(r"(\d+)(wd|d|h)", text)
    if match is None:
        raise ValueError(f"not a stored time limit: {text!r}")
    return Limit(match[2], int(match[1]))


def _hm(text: str) -> int:
    hours, minutes = text.strip().split(":")
    return int(hours) * 60 + int(minutes)


@dataclass(frozen=True)
class Counting:
    anchor: datetime
    unit: str | None  # wd, d, min; None for a given due date
    amount: int
    due_at: datetime


class Calendar:
    """Working days and office sessions of one file, as m005 read them."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        settings = dict(conn.execute("SELECT key, value FROM settings").fetchall())
        self.sessions = sorted(
            (_hm(a), _hm(b))
            for a, b in (s.split("-") for s in settings.get("office_hours", DEFAULT_SESSIONS).split(","))
        )
        self.cutoff = _hm(settings.get("same_day_cutoff", DEFAULT_CUTOFF))
        self.closing = time(self.sessions[-1][1] // 60, self.sessions[-1][1] % 60)
        self.center = {
            date.fromisoformat(d): kind == "work"
            for d, kind in conn.execute("SELECT day, kind FROM calendar_days")
        }
        self.cached = {
            y: json.loads(days) for y, days in conn.execute("SELECT year, days FROM holiday_cache")
        }
        self._years: dict[int, tuple[set[date], set[date]]] = {}

    def _package(self, year: int) -> tuple[set[date], set[date]]:
        if year not in self._years:
            data = self.cached.get(year)
            if data is not None:
                off = {date.fromisoformat(d) for d in data["off"]}
                makeup = {date.fromisoformat(d) for d in data["makeup"]}
            else:  # a year the file never cached: the package as installed, read as m003 did
                import holidays

                days = holidays.country_holidays("VN", years=year)
                off = {d for d in days if d.year == year}
                makeup = {d for d in getattr(days, "weekend_workdays", ()) if d.year == year}
            self._years[year] = (off, makeup)
        return self._years[year]

    def working(self, day: date) -> bool:
        if day in self.center:
            return bool(self.center[day])
        off, makeup = self._package(day.year)
        if day in makeup:
            return True
        return day not in off and day.weekday() < 5

    def nth_after(self, day: date, n: int) -> date:
        while n > 0:
            day += timedelta(1)
            n -= self.working(day)
        return day

    def on_or_after(self, day: date) -> date:
        while not self.working(day):
            day += timedelta(1)
        return day

    def days_between(self, after: date, upto: date) -> int:
        return sum(self.working(after + timedelta(i)) for i in range(1, (upto - after).days + 1))

    def opening(self, moment: datetime) -> datetime:
        day, m = moment.date(), moment.hour * 60 + moment.minute
        if self.working(day):
            for start, end in self.sessions:
                if m < end:
                    return _at(day, max(m, start))
        return _at(self.nth_after(day, 1), self.sessions[0][0])

    def add_minutes(self, start: datetime, minutes: int) -> datetime:
        moment = self.opening(start)
        day, m = moment.date(), moment.hour * 60 + moment.minute
        while True:
            for s, e in self.sessions:
                if m < e:
                    begin = max(m, s)
                    if minutes <= e - begin:
                        return _at(day, begin + minutes)
                    minutes -= e - begin
            day, m = self.nth_after(day, 1), 0

    def minutes_between(self, a: datetime, b: datetime) -> int:
        total, moment = 0, a
        while moment.date() <= b.date():
            if self.working(moment.date()):
                lo = moment.hour * 60 + moment.minute
                hi = b.hour * 60 + b.minute if moment.date() == b.date() else 24 * 60
                total += sum(max(0, min(e, hi) - max(s, lo)) for s, e in self.sessions)
            moment = datetime.combine(moment.date() + timedelta(1), time(0))
        return total

    # -- counting -------------------------------------------------------------------------
    def count_of(self, limit: Limit, anchor: datetime) -> tuple[str, int]:
        if limit.unit == "same-day":
            return "wd", 0 if anchor.hour * 60 + anchor.minute <= self.cutoff else 1
        if limit.unit == "h":
            return "min", limit.n * 60
        return limit.unit, limit.n

    def lay(self, anchor: datetime, unit: str, amount: int) -> datetime:
        if unit == "min":
            return self.add_minutes(anchor, amount)
        if unit == "wd":
            day = anchor.date() if amount == 0 else self.nth_after(anchor.date(), amount)
        else:
            day = self.on_or_after(anchor.date() + timedelta(amount))
        return datetime.combine(day, self.closing)

    def fresh(self, limit: Limit, at: datetime) -> Counting:
        anchor = self.opening(at.replace(second=0, microsecond=0))
        unit, amount = self.count_of(limit, anchor)
        return Counting(anchor, unit, amount, self.lay(anchor, unit, amount))


def _at(day: date, minutes: int) -> datetime:
    if minutes >= 24 * 60:
        return datetime.combine(day, time(23, 59))
    return datetime.combine(day, time(minutes // 60, minutes % 60))


@dataclass
class Round:
    paused_at: datetime
    policy: str
    left: int | None = None
    counting: Counting | None = None


def replay(
    cal: Calendar,
    limit: Limit,
    receipt: Counting,
    pauses: list[tuple[datetime, datetime | None, str]],
    given: datetime | None,
) -> list[Round]:
    """Each supplement round of a dossier, as m005 replayed it: the time left fixed at a
    ``freeze`` request (whole working days after the request day, or working minutes for
    hour limits; what the previous round left when asked before its anchor), and the
    counting each resume produced (the whole limit again under ``restart``)."""
    rounds: list[Round] = []
    in_force, carried = receipt, None
    for paused_at, resumed_at, policy in pauses:
        left = None
        if policy == "freeze":
            if paused_at < in_force.anchor:
                left = carried
            elif limit.unit == "h":
                left = cal.minutes_between(paused_at, in_force.due_at)
            else:
                left = cal.days_between(paused_at.date(), in_force.due_at.date())
        r = Round(paused_at, policy, left)
        rounds.append(r)
        if resumed_at is None:
            break
        if given is not None:
            r.counting = Counting(cal.opening(resumed_at.replace(second=0, microsecond=0)), None, 0, given)
        elif policy == "restart" or left is None:
            r.counting = cal.fresh(limit, resumed_at)
        else:
            anchor = cal.opening(resumed_at.replace(second=0, microsecond=0))
            unit = "min" if limit.unit == "h" else "wd"
            r.counting = Counting(anchor, unit, left, cal.lay(anchor, unit, left))
        in_force, carried = r.counting, (left if policy == "freeze" else None)
    return rounds
