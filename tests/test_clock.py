"""Strict date parsing: ISO and Vietnamese day-first only, never a guess."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from tthc.core.clock import RECEIPT_DEFAULT_TIME, STEP_DEFAULT_TIME, iso, parse_day, parse_when
from tthc.core.errors import TthcError

NOW = datetime(2025, 9, 10, 16, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-07-01", datetime(2025, 7, 1, 7, 30)),
        ("2025-07-01 09:30", datetime(2025, 7, 1, 9, 30)),
        ("2025-07-01T09:30", datetime(2025, 7, 1, 9, 30)),
        ("2025-07-01T09:30:45", datetime(2025, 7, 1, 9, 30)),
        ("1/7/2025", datetime(2025, 7, 1, 7, 30)),
        ("01/09/2025 09:00", datetime(2025, 9, 1, 9, 0)),
        ("01/07/2025 09:30:00", datetime(2025, 7, 1, 9, 30)),
        ("now", NOW),
        ("today", NOW),  # today is the current minute, for a receipt as for any step
        ("10/9/2025", NOW),  # today's date alone is the current minute, as "today" is
    ],
)
def test_receipt_moments(text: str, expected: datetime) -> None:
    assert parse_when(text, now=NOW, default_time=RECEIPT_DEFAULT_TIME) == expected


def test_a_bare_date_for_a_later_step_means_the_close_of_day() -> None:
    assert parse_when("2025-09-03", now=NOW, default_time=STEP_DEFAULT_TIME) == datetime(2025, 9, 3, 17, 0)


def test_resolving_with_todays_date_at_ten_in_the_morning_is_not_in_the_future() -> None:
    """A clerk types today's date, 10/9/2025, at 10:00: the step happened now, not at 17:00."""
    morning = datetime(2025, 9, 10, 10, 0)
    assert parse_when("10/09/2025", now=morning, default_time=STEP_DEFAULT_TIME) == morning
    assert parse_when("today", now=morning, default_time=STEP_DEFAULT_TIME) == morning
    assert parse_when("today", now=morning, default_time=RECEIPT_DEFAULT_TIME) == morning


@pytest.mark.parametrize(
    "text",
    [
        "07/13/2025",
        "2025-02-29",
        "31/04/2025",
        "2025-07-01 24:00",
        "2025-07-01 09:61",
        "July 1 2025",
        "20250701",
        "1-7-2025",
        "",
    ],
)
def test_no_guessing(text: str) -> None:
    with pytest.raises(TthcError) as info:
        parse_when(text, now=NOW, default_time=RECEIPT_DEFAULT_TIME)
    assert repr(text) in info.value.message


def test_a_day_refuses_a_time() -> None:
    assert parse_day("2/9/2025", today=NOW.date()) == date(2025, 9, 2)
    with pytest.raises(TthcError):
        parse_day("2025-09-02 10:00", today=NOW.date())


def test_iso_output_has_seconds_and_no_zone() -> None:
    assert iso(datetime.combine(date(2025, 9, 9), time(17))) == "2025-09-09T17:00:00"
