"""Due dates worked out by hand over Vietnam's real calendar, 2025–2026 (see docs/rules.md)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tthc.core import lifecycle, transitions
from tthc.core.deadlines import compute_due, due_in_force, effective_receipt, timeliness
from tthc.core.timelimit import parse_limit
from tthc.core.workcalendar import WorkCalendar

D = datetime

CASES = [
    # (name, limit, received, due_at)
    (
        "Friday before Tết 2025: 29 Tết to the fourth day are off",
        "1wd",
        D(2025, 1, 24, 10),
        D(2025, 2, 3, 17),
    ),
    ("Friday before Tết 2026: 16–20/2 are off", "1wd", D(2026, 2, 13, 10), D(2026, 2, 23, 17)),
    (
        "Thursday 24/4/2025: Saturday 26/4 is a make-up working day",
        "3wd",
        D(2025, 4, 24, 9),
        D(2025, 4, 28, 17),
    ),
    (
        "Friday 25/4/2025: the make-up Saturday is the first working day",
        "1wd",
        D(2025, 4, 25, 9),
        D(2025, 4, 26, 17),
    ),
    ("Tuesday 29/4/2025: 30/4, 1/5 and the swapped 2/5 are off", "2wd", D(2025, 4, 29, 9), D(2025, 5, 6, 17)),
    ("Friday before National Day 2025: 5 working days", "5wd", D(2025, 8, 29, 10), D(2025, 9, 9, 17)),
    ("Friday 21/8/2026: Saturday 22/8/2026 is worked", "1wd", D(2026, 8, 21, 10), D(2026, 8, 22, 17)),
    (
        "Friday before National Day 2026: 31/8 swapped, 1–2/9 off",
        "1wd",
        D(2026, 8, 28, 10),
        D(2026, 9, 3, 17),
    ),
    (
        "Friday before Hùng Kings 2026 (Sunday 26/4, observed Monday)",
        "1wd",
        D(2026, 4, 24, 9),
        D(2026, 4, 28, 17),
    ),
    ("Same-day at 14:59 on Friday 29/8/2025", "same-day", D(2025, 8, 29, 14, 59), D(2025, 8, 29, 17)),
    ("Same-day at 15:00 sharp is still today", "same-day", D(2025, 8, 29, 15, 0), D(2025, 8, 29, 17)),
    ("Same-day at 15:01 waits past National Day 2025", "same-day", D(2025, 8, 29, 15, 1), D(2025, 9, 3, 17)),
    (
        "Online on Saturday 6/9/2025: deemed received Monday 07:30",
        "same-day",
        D(2025, 9, 6, 10),
        D(2025, 9, 8, 17),
    ),
    (
        "Day-first input 01/09/2025 09:00 is National Day: counted from 3/9",
        "same-day",
        D(2025, 9, 1, 9),
        D(2025, 9, 3, 17),
    ),
    ("Evening receipt counts from the next morning", "1wd", D(2025, 7, 1, 19, 0), D(2025, 7, 3, 17)),
    ("4 hours from 07:30 end at 11:30 exactly", "4h", D(2025, 7, 1, 7, 30), D(2025, 7, 1, 11, 30)),
    (
        "Lunch-break receipt: 4 hours are 13:30–17:00 plus half an hour next morning",
        "4h",
        D(2025, 7, 1, 12, 0),
        D(2025, 7, 2, 8, 0),
    ),
    (
        "Lunch-break receipt: 8 hours skip the night and the next lunch",
        "8h",
        D(2025, 7, 1, 12, 0),
        D(2025, 7, 2, 14, 0),
    ),
    (
        "Lunch-break receipt: 3 hours end at 16:30 the same day",
        "3h",
        D(2025, 7, 1, 12, 0),
        D(2025, 7, 1, 16, 30),
    ),
    (
        "16 hours from Friday 29/8/2025 09:00 skip the weekend and National Day",
        "16h",
        D(2025, 8, 29, 9),
        D(2025, 9, 4, 10, 0),
    ),
    (
        "10 calendar days from 20/1/2025 land on Tết: the next working day",
        "10d",
        D(2025, 1, 20, 9),
        D(2025, 2, 3, 17),
    ),
    (
        "15 calendar days from 20/1/2025 land on a working Tuesday",
        "15d",
        D(2025, 1, 20, 9),
        D(2025, 2, 4, 17),
    ),
]


@pytest.mark.parametrize(("name", "limit", "received", "due_at"), CASES, ids=[c[0] for c in CASES])
def test_worked_examples(
    cal: WorkCalendar, name: str, limit: str, received: datetime, due_at: datetime
) -> None:
    due = compute_due(cal, parse_limit(limit), received).due
    assert due.due_at == due_at
    assert due.due_date == due_at.date()


def test_effective_receipt_of_an_after_hours_dossier(cal: WorkCalendar) -> None:
    assert effective_receipt(cal, D(2025, 8, 29, 17, 0)) == D(2025, 9, 3, 7, 30)
    assert effective_receipt(cal, D(2025, 8, 29, 11, 30)) == D(2025, 8, 29, 13, 30)
    assert effective_receipt(cal, D(2025, 8, 29, 6, 0)) == D(2025, 8, 29, 7, 30)


class TestSupplementAcrossNationalDay2025:
    """5wd received Mon 25/8/2025 (due Wed 3/9); papers asked Wed 27/8, back Thu 4/9."""

    limit = parse_limit("5wd")

    def due(self, cal: WorkCalendar, policy: lifecycle.Policy) -> date:
        life = transitions.receive(cal, "X", self.limit, D(2025, 8, 25, 9))
        assert life.due is not None and life.due.due_date == date(2025, 9, 3)
        life = transitions.apply(cal, life, transitions.Supplement(D(2025, 8, 27, 10), policy))
        assert life.due is None  # no due date while waiting for papers
        life = transitions.apply(cal, life, transitions.Resume(D(2025, 9, 4, 9)))
        assert life.due is not None
        return life.due.due_date

    def test_restart_counts_the_whole_limit_again(self, cal: WorkCalendar) -> None:
        assert self.due(cal, "restart") == date(2025, 9, 11)

    def test_freeze_counts_the_three_days_left(self, cal: WorkCalendar) -> None:
        # left at the request: 28/8, 29/8, 3/9 → from Thu 4/9: 5/9, 8/9, 9/9
        assert self.due(cal, "freeze") == date(2025, 9, 9)


def test_freeze_for_hours_keeps_the_minutes_left(cal: WorkCalendar) -> None:
    life = transitions.receive(cal, "X", parse_limit("8h"), D(2025, 7, 1, 7, 30))
    assert life.due is not None and life.due.due_at == D(
        2025, 7, 2, 8, 0
    )  # 4h + 3.5h on 1/7, half an hour on 2/7
    life = transitions.apply(cal, life, transitions.Supplement(D(2025, 7, 1, 15, 0), "freeze"))
    assert life.rounds[0].left == 150  # 5.5 hours used by 15:00: 2.5 left, fixed at the request
    life = transitions.apply(cal, life, transitions.Resume(D(2025, 7, 2, 8, 0)))
    assert life.due is not None and life.due.due_at == D(2025, 7, 2, 10, 30)


def test_freeze_request_before_the_effective_receipt_leaves_the_whole_limit(cal: WorkCalendar) -> None:
    # Online on Saturday 6/9/2025 (counted from Monday 8/9 07:30), papers asked the same Saturday
    limit = parse_limit("3wd")
    life = transitions.receive(cal, "X", limit, D(2025, 9, 6, 10, 0))
    life = transitions.apply(cal, life, transitions.Supplement(D(2025, 9, 6, 11, 0), "freeze"))
    assert life.rounds[0].left is None  # not the 4 working days from Saturday to Thursday 11/9
    life = transitions.apply(cal, life, transitions.Resume(D(2025, 9, 9, 9, 0)))
    assert life.due is not None and life.due.due_date == date(2025, 9, 12)  # 3 working days after Tue 9/9


def test_the_due_date_in_force_at_a_moment_reads_the_stored_rounds(cal: WorkCalendar) -> None:
    """3wd received Mon 8/9/2025 (due Thu 11/9); papers asked Tue 9/9, back Wed 10/9 (due Mon 15/9)."""
    life = transitions.receive(cal, "X", parse_limit("3wd"), D(2025, 9, 8, 9))
    life = transitions.apply(cal, life, transitions.Supplement(D(2025, 9, 9, 9), "restart"))
    life = transitions.apply(cal, life, transitions.Resume(D(2025, 9, 10, 9)))

    def due_at(moment: datetime) -> date | None:
        due = due_in_force(life.receipt, life.rounds, upto=moment)
        return None if due is None else due.due_date

    assert due_at(D(2025, 9, 9, 0)) == date(2025, 9, 11)  # before the request: the receipt's
    assert due_at(D(2025, 9, 10, 0)) is None  # waiting for papers
    assert due_at(D(2025, 9, 11, 0)) == date(2025, 9, 15)  # after the resume: the round's
    assert due_at(D(2025, 9, 30, 0)) == date(2025, 9, 15)


@pytest.mark.parametrize(
    ("resolved", "expected"),
    [
        (D(2025, 9, 8, 16, 0), "early"),
        (D(2025, 9, 9, 8, 0), "on_time"),
        (D(2025, 9, 9, 23, 59), "on_time"),
        (D(2025, 9, 10, 0, 0), "late"),  # a later date, even at midnight
        (D(2025, 9, 10, 0, 1), "late"),
    ],
)
def test_timeliness_of_a_day_limit_due_9_9_2025(resolved: datetime, expected: str) -> None:
    assert timeliness(parse_limit("5wd"), date(2025, 9, 9), D(2025, 9, 9, 17), resolved) == expected


def test_timeliness_of_an_hour_limit_is_judged_at_the_minute() -> None:
    limit = parse_limit("4h")
    assert timeliness(limit, date(2025, 7, 1), D(2025, 7, 1, 11, 30), D(2025, 7, 1, 11, 30)) == "on_time"
    assert timeliness(limit, date(2025, 7, 1), D(2025, 7, 1, 11, 30), D(2025, 7, 1, 11, 31)) == "late"
    assert timeliness(limit, date(2025, 7, 1), D(2025, 7, 1, 11, 30), D(2025, 6, 30, 16, 0)) == "early"
