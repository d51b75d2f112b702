"""Vietnam local time (UTC+7, whatever the machine's zone) and strict date parsing.

Accepted spellings: ISO ``2025-07-01``, ``2025-07-01 09:30``,
``2025-07-01T09:30[:00]``; Vietnamese day-first ``1/7/2025``, ``01/07/2025 09:30[:00]``;
and the words ``now`` and ``today``. Nothing is guessed: ``07/13/2025`` is an error.
Times are kept at minute precision.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime, time, timedelta, timezone

from tthc.core.errors import TthcError

VN_TZ = timezone(timedelta(hours=7))
RECEIPT_DEFAULT_TIME = time(7, 30)
STEP_DEFAULT_TIME = time(17, 0)

# ASCII digits only: ``\d`` would also take Arabic-Indic and other digits.
_ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?$")
_DMY = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?$")
#: The years a date may fall in: a dossier of 1025 or 9999 is a typing mistake, and beyond
#: them the calendar and the arithmetic of due dates have nothing to stand on.
YEARS = (1990, 2100)


def now_vn() -> datetime:
    """The current Vietnam wall-clock time, naive, to the minute.

    ``TTHC_NOW`` (any accepted spelling) pins the clock, for replaying a day or testing.
    """
    pinned = os.environ.get("TTHC_NOW")
    if pinned and pinned not in ("now", "today"):
        return parse_when(pinned, now=datetime(2000, 1, 1), default_time=RECEIPT_DEFAULT_TIME)
    current = datetime.now(VN_TZ).replace(tzinfo=None)
    return current.replace(second=0, microsecond=0)


def check_year(day: date, text: object) -> None:
    """Refuse a day (or moment) outside :data:`YEARS`; ``text`` is how it was given."""
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise TthcError("bad date {text!r}: the year must lie between {lo} and {hi}", text=str(text), lo=YEARS[0], hi=YEARS[1])


def _build(text: str, y: str, mo: str, d: str, hh: str | None, mm: str | None) -> tuple[date, time | None]:
    try:
        day = date(int(y), int(mo), int(d))
    except ValueError:
        raise TthcError("bad date {text!r}: no such day", text=text) from None
    check_year(day, text)
    if hh is None:
        return day, None
    try:
        return day, time(int(hh), int(mm or 0))
    except ValueError:
        raise TthcError("bad date {text!r}: no such time of day", text=text) from None


def _split(text: str) -> tuple[date, time | None]:
    s = text.strip()
    m = _ISO.match(s)
    if m:
        y, mo, d, hh, mm, ss = m.groups()
        if ss is not None and int(ss) > 59:
            raise TthcError("bad date {text!r}: no such time of day", text=text)
        return _build(text, y, mo, d, hh, mm)
    m = _DMY.match(s)
    if m:
        d, mo, y, hh, mm, ss = m.groups()
        if ss is not None and int(ss) > 59:
            raise TthcError("bad date {text!r}: no such time of day", text=text)
        return _build(text, y, mo, d, hh, mm)
    raise TthcError("bad date {text!r}: use YYYY-MM-DD[ HH:MM] or DD/MM/YYYY[ HH:MM], 'now' or 'today'", text=text)


def parse_when(text: str, *, now: datetime, default_time: time) -> datetime:
    """Parse a moment. ``now``, ``today`` and today's date alone are the current minute (a
    clerk who types today's date means "now"); another bare date takes ``default_time``
    (07:30 receipts, 17:00 later steps)."""
    word = text.strip().lower()
    current = now.replace(second=0, microsecond=0)
    if word in ("now", "today"):
        return current
    day, clock = _split(text)
    if clock is not None:
        return datetime.combine(day, clock)
    return current if day == now.date() else datetime.combine(day, default_time)


def parse_day(text: str, *, today: date) -> date:
    """Parse a calendar day (a time, if given, is refused)."""
    word = text.strip().lower()
    if word in ("today", "now"):
        return today
    day, clock = _split(text)
    if clock is not None:
        raise TthcError("bad date {text!r}: expected a day without a time", text=text)
    return day


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with seconds and no zone, as every JSON output and the database use."""
    return None if moment is None else moment.strftime("%Y-%m-%dT%H:%M:%S")
