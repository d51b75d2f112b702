"""Reporting periods: a date range, a month, a quarter or a year, with reporting months that
may start on another day than the 1st (setting ``period_start_day``).

With ``period_start_day = 15`` a reporting month runs from the 15th of the month before to
the 14th of the month itself (the reporting window of Decree 09/2019/NĐ-CP Art. 12): the
July 2025 report covers 15/6/2025–14/7/2025; the third quarter 15/6–14/9; the year 2025
15/12/2024–14/12/2025.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from tthc.core.clock import parse_day
from tthc.core.errors import TthcError


@dataclass(frozen=True)
class Period:
    """Whole days ``start``..``end``, both included."""

    start: date
    end: date

    def as_json(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def month_window(year: int, month: int, start_day: int = 1) -> Period:
    first = date(year, month, 1)
    if start_day == 1:
        return Period(first, first + relativedelta(months=1) - timedelta(1))
    return Period(
        (first - relativedelta(months=1)).replace(day=start_day), first.replace(day=start_day) - timedelta(1)
    )


def month_of(day: date, start_day: int = 1) -> tuple[int, int]:
    """The reporting month (year, month) that ``day`` falls in."""
    if start_day > 1 and day.day >= start_day:
        nxt = day.replace(day=1) + relativedelta(months=1)
        return nxt.year, nxt.month
    return day.year, day.month


def quarter_window(year: int, quarter: int, start_day: int = 1) -> Period:
    return Period(
        month_window(year, 3 * quarter - 2, start_day).start, month_window(year, 3 * quarter, start_day).end
    )


def year_window(year: int, start_day: int = 1) -> Period:
    return Period(month_window(year, 1, start_day).start, month_window(year, 12, start_day).end)


_MONTH_ISO = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_VN = re.compile(r"^(\d{1,2})/(\d{4})$")
_QUARTER_ISO = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_QUARTER_VN = re.compile(r"^[Qq]?([1-4])/(\d{4})$")


def _month(text: str) -> tuple[int, int]:
    """``2025-09``, ``9/2025`` or ``09/2025`` → (2025, 9)."""
    value = text.strip()
    iso, vn = _MONTH_ISO.match(value), _MONTH_VN.match(value)
    year, month = (
        (int(iso.group(1)), int(iso.group(2)))
        if iso
        else (int(vn.group(2)), int(vn.group(1)))
        if vn
        else (0, 0)
    )
    if not 1 <= month <= 12 or not 1990 <= year <= 2100:
        raise TthcError("bad month {text!r}: expected e.g. 2025-07, 7/2025 or 07/2025", text=text)
    return year, month


def _quarter(text: str) -> tuple[int, int]:
    """``2025-Q3``, ``2025Q3``, ``Q3/2025`` or ``3/2025`` → (2025, 3)."""
    value = text.strip()
    iso, vn = _QUARTER_ISO.match(value), _QUARTER_VN.match(value)
    if iso:
        return int(iso.group(1)), int(iso.group(2))
    if vn:
        return int(vn.group(2)), int(vn.group(1))
    raise TthcError("bad quarter {text!r}: expected e.g. 2025-Q3, Q3/2025 or 3/2025", text=text)


def parse_period(
    *,
    today: date,
    start_day: int = 1,
    from_: str | None = None,
    to: str | None = None,
    month: str | None = None,
    quarter: str | None = None,
    year: str | None = None,
) -> Period:
    """One period from the command line; by default this reporting month up to today."""
    given = [
        name
        for name, v in (
            ("--from/--to", from_ or to),
            ("--month", month),
            ("--quarter", quarter),
            ("--year", year),
        )
        if v
    ]
    if len(given) > 1:
        raise TthcError("choose one period: {given}", given=" / ".join(given))
    if month:
        return month_window(*_month(month), start_day)
    if quarter:
        return quarter_window(*_quarter(quarter), start_day)
    if year:
        if not year.strip().isdigit() or not 1990 <= int(year) <= 2100:
            raise TthcError("bad year {text!r}: expected e.g. 2025", text=year)
        return year_window(int(year), start_day)
    if from_ or to:
        if not (from_ and to):
            raise TthcError("give both --from and --to")
        start, end = parse_day(from_, today=today), parse_day(to, today=today)
        if end < start:
            raise TthcError("--to {end!r} is before --from {start!r}", end=to, start=from_)
        return Period(start, end)
    this = month_window(*month_of(today, start_day), start_day)
    return Period(this.start, today)


def months_in(period: Period, start_day: int = 1) -> list[tuple[str, Period]]:
    """The reporting months a period spans, each clipped to the period, labelled YYYY-MM."""
    out: list[tuple[str, Period]] = []
    y, m = month_of(period.start, start_day)
    while True:
        window = month_window(y, m, start_day)
        if window.start > period.end:
            return out
        clipped = Period(max(window.start, period.start), min(window.end, period.end))
        out.append((f"{y:04d}-{m:02d}", clipped))
        nxt = date(y, m, 1) + relativedelta(months=1)
        y, m = nxt.year, nxt.month


def period_words(text: str) -> dict[str, str]:
    """One period as a person writes it in one word — ``9/2025`` or ``2025-09`` (a month),
    ``Q3/2025`` or ``2025-Q3`` (a quarter), ``2025`` (a year) — as the options of
    :func:`parse_period` that say it, so it is parsed exactly as the command line's are."""
    value = text.strip()
    if not any(ch.isdigit() for ch in value):  # not a try at any of the three: say all three
        raise TthcError(
            "bad period {text!r}: expected a month (9/2025), a quarter (Q3/2025) or a year (2025)", text=value
        )
    if "q" in value.lower():
        return {"quarter": value}
    if value.isdigit():
        return {"year": value}
    return {"month": value}
