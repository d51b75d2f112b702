"""Vietnam's working calendar: weekdays minus public holidays, plus make-up Saturdays,
the national decisions the package lacks over them, the center's own overrides on top, and
the office sessions of a working day.

Working days are held as a sorted array of ordinals over the years in use, so "the N-th
working day after D" is one binary search and one index, never a day-by-day walk. Years
are loaded lazily from the ``holidays`` package (country ``VN``) when a date needs them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from tthc.core.decisions import DECIDED_BY_DAY, DecidedDay, package_name, unconfirmed_rule

DayKind = Literal["workday", "weekend", "holiday", "makeup", "center_off", "center_work"]

#: Given a year and a language, the package's days off and make-up working days with names.
HolidaySource = Callable[[int, str], tuple[dict[date, str], dict[date, str]]]

Session = tuple[int, int]  # minutes after midnight, half-open [start, end)


def is_provisional(year: int, confirmed_through: int) -> bool:
    """Are ``year``'s days off still provisional: after the last year the government has fixed
    (the setting ``calendar_confirmed_through``)? Whatever shows such a year says so."""
    return year > confirmed_through


def provisional_years(first: date, last: date, confirmed_through: int) -> list[int]:
    """The provisional years from ``first`` to ``last``, in order."""
    return [y for y in range(first.year, last.year + 1) if is_provisional(y, confirmed_through)]


@dataclass(frozen=True)
class Doubts:
    """Why a due date may still change: its window reaches a provisional year, or holds a
    day off no decision has put in force yet. Whatever shows a due date says so."""

    years: tuple[int, ...] = ()
    days: tuple[date, ...] = ()


def doubts(cal: WorkCalendar, first: date, last: date, confirmed_through: int) -> Doubts:
    """The doubts over a counting window from ``first`` to ``last`` (the one rule)."""
    days = [d for d in cal.unconfirmed_days(first.year, last.year) if first <= d <= last]
    return Doubts(tuple(provisional_years(first, last, confirmed_through)), tuple(days))


def package_stamp() -> str:
    """Identifies the installed ``holidays`` release without importing it (one stat)."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("holidays")
    if spec is None or not spec.submodule_search_locations:
        return "missing"
    path = os.path.join(next(iter(spec.submodule_search_locations)), "countries", "vietnam.py")
    try:
        st = os.stat(path)
    except OSError:
        return "missing"
    return f"{st.st_size}:{st.st_mtime_ns}"


def vietnam_year(year: int) -> dict[str, dict[str, object]]:
    """Days off (with English and Vietnamese names) and make-up working days of ``year``,
    from the ``holidays`` package (country VN). Each make-up day names, in ISO form, the
    day off it pays for."""
    import holidays  # heavy (≈100 ms with the first year): callers cache the result

    english = holidays.country_holidays("VN", years=year, language="en_US")
    vietnamese = holidays.country_holidays("VN", years=year, language="vi")
    off = {
        d.isoformat(): [str(english[d]), str(vietnamese.get(d, english[d]))]
        for d in sorted(english)
        if d.year == year
    }
    makeup: dict[str, object] = {}
    for sat in sorted(getattr(english, "weekend_workdays", ())):
        if sat.year != year:
            continue
        pays_for = next(
            (
                d
                for d, (name, _) in off.items()
                if sat.strftime("%m/%d/%Y") in name or sat.strftime("%d/%m/%Y") in name
            ),
            "",
        )
        makeup[sat.isoformat()] = pays_for
    return {"off": dict(off), "makeup": makeup}


def days_of(data: dict[str, dict[str, object]], lang: str) -> tuple[dict[date, str], dict[date, str]]:
    """What :func:`vietnam_year` computed, as (days off, make-up days) named in ``lang``."""
    off = {
        date.fromisoformat(d): package_name(str(names[0]), str(names[1]), lang)  # type: ignore[index]
        for d, names in data["off"].items()
    }
    makeup = {date.fromisoformat(d): str(pays_for) for d, pays_for in data["makeup"].items()}
    return off, makeup


def vietnam_holidays(year: int, lang: str) -> tuple[dict[date, str], dict[date, str]]:
    """Days off and make-up working Saturdays of ``year`` straight from the package."""
    return days_of(vietnam_year(year), lang)


@dataclass(frozen=True)
class DayInfo:
    """What a calendar day is, and why."""

    day: date
    working: bool
    kind: DayKind
    name: str = ""
    decided: DecidedDay | None = None  # the national decision that made the day so
    unconfirmed: bool = False  # a package day off no decision (nor the center) confirmed yet


class WorkCalendar:
    """Working days and office hours for one center."""

    def __init__(
        self,
        *,
        sessions: tuple[Session, ...] = ((450, 690), (810, 1020)),
        cutoff: int = 900,
        center_off: Mapping[date, str] | None = None,
        center_work: Mapping[date, str] | None = None,
        source: HolidaySource = vietnam_holidays,
        lang: str = "en",
        decided: Mapping[date, DecidedDay] = DECIDED_BY_DAY,
        rulings: Mapping[date, bool] | None = None,
    ) -> None:
        if not sessions:
            raise ValueError("a working day needs at least one office session")
        self.sessions = tuple(sorted(sessions))
        self.cutoff = cutoff
        self.center_off = dict(center_off or {})
        self.center_work = dict(center_work or {})
        self.lang = lang
        self.decided = decided
        self.rulings = dict(rulings or {})  # the center's verdict on unconfirmed days: True kept
        self._source = source
        self._years: dict[int, tuple[dict[date, str], dict[date, str]]] = {}
        self._lo = 0
        self._hi = -1
        self._ords: list[int] = []
        self._working: set[int] = set()
        self.opening = minutes_to_time(self.sessions[0][0])
        self.closing = minutes_to_time(self.sessions[-1][1])

    # -- what a day is -------------------------------------------------------------------
    def package_days(self, year: int) -> tuple[dict[date, str], dict[date, str]]:
        """The package's (days off, make-up days) of a year, loaded once."""
        if year not in self._years:
            self._years[year] = self._source(year, self.lang)
        return self._years[year]

    def day_info(self, day: date) -> DayInfo:
        if day in self.center_off:
            return DayInfo(day, False, "center_off", self.center_off[day])
        if day in self.center_work:
            return DayInfo(day, True, "center_work", self.center_work[day])
        decided = self.decided.get(day)
        if decided is not None:
            kind: DayKind = "makeup" if decided.working else "holiday"
            return DayInfo(day, decided.working, kind, decided.name(self.lang), decided)
        days_off, makeup = self.package_days(day.year)
        if day in makeup:
            return DayInfo(day, True, "makeup", makeup[day])
        if day in days_off:
            ruling = self.rulings.get(day) if unconfirmed_rule(day) else True
            if ruling is None:
                return DayInfo(day, False, "holiday", days_off[day], unconfirmed=True)
            if ruling:
                return DayInfo(day, False, "holiday", days_off[day])
        if day.weekday() >= 5:
            return DayInfo(day, False, "weekend")
        return DayInfo(day, True, "workday")

    def unconfirmed_days(self, first_year: int, last_year: int) -> list[date]:
        """The package's days off in those years that are still unconfirmed (no decision in
        force, no verdict of the center), in order."""
        found: list[date] = []
        for year in range(first_year, last_year + 1):
            days_off, _ = self.package_days(year)
            found += [d for d in sorted(days_off) if unconfirmed_rule(d) and self.day_info(d).unconfirmed]
        return found

    def is_working(self, day: date) -> bool:
        if not self._lo <= day.year <= self._hi:
            self._cover(day.year, day.year)
        return day.toordinal() in self._working

    # -- the index -----------------------------------------------------------------------
    def _cover(self, lo: int, hi: int) -> None:
        if self._lo <= lo and hi <= self._hi:
            return
        new_lo = lo if self._hi < self._lo else min(lo, self._lo)
        new_hi = hi if self._hi < self._lo else max(hi, self._hi)
        start = date(new_lo, 1, 1)
        days = (date(new_hi, 12, 31) - start).days + 1
        self._ords = [
            d.toordinal() for d in (start + timedelta(i) for i in range(days)) if self.day_info(d).working
        ]
        self._working = set(self._ords)
        self._lo, self._hi = new_lo, new_hi

    def nth_working_day_after(self, day: date, n: int) -> date:
        """The ``n``-th working day strictly after ``day`` (``n`` ≥ 1); O(log days)."""
        if not self._lo <= day.year <= self._hi:
            self._cover(day.year, day.year)
        i = bisect_right(self._ords, day.toordinal()) + n - 1
        while i >= len(self._ords):
            self._cover(self._lo, self._hi + 1 + (n // 250))
            i = bisect_right(self._ords, day.toordinal()) + n - 1
        return date.fromordinal(self._ords[i])

    def working_day_on_or_after(self, day: date) -> date:
        self._cover(day.year, day.year)
        i = bisect_left(self._ords, day.toordinal())
        while i >= len(self._ords):
            self._cover(self._lo, self._hi + 1)
            i = bisect_left(self._ords, day.toordinal())
        return date.fromordinal(self._ords[i])

    def working_days_between(self, after: date, upto: date) -> int:
        """How many working days lie in ``(after, upto]`` (negative never: 0 if reversed)."""
        if upto <= after:
            return 0
        self._cover(after.year, upto.year)
        return bisect_right(self._ords, upto.toordinal()) - bisect_right(self._ords, after.toordinal())

    # -- office sessions -----------------------------------------------------------------
    @property
    def day_minutes(self) -> int:
        return sum(end - start for start, end in self.sessions)

    def in_session(self, moment: datetime) -> bool:
        m = moment.hour * 60 + moment.minute
        return self.is_working(moment.date()) and any(s <= m < e for s, e in self.sessions)

    def next_opening(self, moment: datetime) -> datetime:
        """``moment`` itself if inside a session, else the start of the next session."""
        day = moment.date()
        if self.is_working(day):
            m = moment.hour * 60 + moment.minute
            for start, end in self.sessions:
                if m < end:
                    return at_minutes(day, max(m, start))
        return at_minutes(self.nth_working_day_after(day, 1), self.sessions[0][0])

    def add_working_minutes(self, start: datetime, minutes: int) -> datetime:
        """Count ``minutes`` inside sessions from ``start`` (an in-session moment).

        A count that ends exactly at a session's end is due at that end.
        """
        start = self.next_opening(start)
        if minutes <= 0:
            return start
        day = start.date()
        m = start.hour * 60 + start.minute
        remaining = minutes
        for s, e in self.sessions:
            if m < e:
                begin = max(m, s)
                if remaining <= e - begin:
                    return at_minutes(day, begin + remaining)
                remaining -= e - begin
        per_day = self.day_minutes
        whole_days = (remaining - 1) // per_day
        remaining -= whole_days * per_day
        day = self.nth_working_day_after(day, whole_days + 1)
        for s, e in self.sessions:
            if remaining <= e - s:
                return at_minutes(day, s + remaining)
            remaining -= e - s
        raise AssertionError("unreachable: remaining fits in one working day")

    def working_minutes_between(self, a: datetime, b: datetime) -> int:
        """Working minutes inside sessions in ``[a, b)`` (0 when ``b`` is not after ``a``)."""
        if b <= a:
            return 0
        total = 0
        if a.date() == b.date():
            if self.is_working(a.date()):
                total += _overlap(self.sessions, _mins(a), _mins(b))
            return total
        if self.is_working(a.date()):
            total += _overlap(self.sessions, _mins(a), 24 * 60)
        total += self.working_days_between(a.date(), b.date() - timedelta(1)) * self.day_minutes
        if self.is_working(b.date()):
            total += _overlap(self.sessions, 0, _mins(b))
        return total


def _mins(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def _overlap(sessions: tuple[Session, ...], lo: int, hi: int) -> int:
    return sum(max(0, min(e, hi) - max(s, lo)) for s, e in sessions)


def minutes_to_time(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def at_minutes(day: date, minutes: int) -> datetime:
    if minutes >= 24 * 60:
        return datetime.combine(day, time(23, 59))
    return datetime.combine(day, minutes_to_time(minutes))
