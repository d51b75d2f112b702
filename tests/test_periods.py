"""Reporting periods, including provinces whose reporting month runs from the 15th to the 14th."""

from __future__ import annotations

from datetime import date

import pytest

from tthc.core.errors import TthcError
from tthc.core.periods import Period, months_in, parse_period

TODAY = date(2025, 9, 12)


@pytest.mark.parametrize(
    ("kwargs", "start_day", "expected"),
    [
        ({"month": "2025-07"}, 1, Period(date(2025, 7, 1), date(2025, 7, 31))),
        ({"month": "2024-02"}, 1, Period(date(2024, 2, 1), date(2024, 2, 29))),
        ({"quarter": "2025-Q3"}, 1, Period(date(2025, 7, 1), date(2025, 9, 30))),
        ({"month": "9/2025"}, 1, Period(date(2025, 9, 1), date(2025, 9, 30))),  # as Vietnamese write it
        ({"month": "09/2025"}, 1, Period(date(2025, 9, 1), date(2025, 9, 30))),
        ({"quarter": "Q3/2025"}, 1, Period(date(2025, 7, 1), date(2025, 9, 30))),
        ({"quarter": "3/2025"}, 1, Period(date(2025, 7, 1), date(2025, 9, 30))),
        ({"year": "2025"}, 1, Period(date(2025, 1, 1), date(2025, 12, 31))),
        ({"month": "2025-07"}, 15, Period(date(2025, 6, 15), date(2025, 7, 14))),
        ({"quarter": "2025-Q1"}, 15, Period(date(2024, 12, 15), date(2025, 3, 14))),
        ({"year": "2025"}, 15, Period(date(2024, 12, 15), date(2025, 12, 14))),
        ({"from_": "1/7/2025", "to": "2025-09-12"}, 1, Period(date(2025, 7, 1), date(2025, 9, 12))),
        ({}, 1, Period(date(2025, 9, 1), TODAY)),
        ({}, 15, Period(date(2025, 8, 15), TODAY)),
    ],
)
def test_windows(kwargs: dict[str, str], start_day: int, expected: Period) -> None:
    assert parse_period(today=TODAY, start_day=start_day, **kwargs) == expected


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"month": "2025-13"}, "'2025-13'"),
        ({"month": "13/2025"}, "'13/2025'"),
        ({"month": "7-2025"}, "'7-2025'"),
        ({"quarter": "5/2025"}, "'5/2025'"),
        ({"quarter": "2025-Q5"}, "'2025-Q5'"),
        ({"year": "twenty"}, "'twenty'"),
        ({"from_": "2025-09-12", "to": "2025-07-01"}, "before"),
        ({"from_": "2025-07-01"}, "both"),
        ({"month": "2025-07", "year": "2025"}, "choose one"),
        ({"from_": "2025-07-32", "to": "2025-08-01"}, "'2025-07-32'"),
    ],
)
def test_bad_periods(kwargs: dict[str, str], needle: str) -> None:
    with pytest.raises(TthcError) as info:
        parse_period(today=TODAY, **kwargs)
    assert needle in info.value.message


def test_months_of_the_real_centers_period() -> None:
    months = months_in(Period(date(2025, 7, 1), date(2025, 9, 12)))
    assert months == [
        ("2025-07", Period(date(2025, 7, 1), date(2025, 7, 31))),
        ("2025-08", Period(date(2025, 8, 1), date(2025, 8, 31))),
        ("2025-09", Period(date(2025, 9, 1), date(2025, 9, 12))),
    ]
    assert [m for m, _ in months_in(Period(date(2025, 7, 1), date(2025, 9, 12)), 15)] == [
        "2025-07",
        "2025-08",
        "2025-09",
    ]
