"""The working calendar: the package's days, the center's overrides, and properties that
must hold for any receipt (hypothesis), checked against a plain day-by-day count and numpy."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.core.deadlines import compute_due
from tthc.core.decisions import DECIDED_BY_DAY
from tthc.core.timelimit import TimeLimit
from tthc.core.workcalendar import WorkCalendar, vietnam_holidays


def test_the_package_knows_2025_and_2026_swaps(cal: WorkCalendar) -> None:
    assert cal.day_info(date(2025, 4, 26)).kind == "makeup"
    assert not cal.is_working(date(2025, 5, 2))
    assert cal.day_info(date(2026, 8, 22)).kind == "makeup"
    assert not cal.is_working(date(2026, 8, 31))
    assert not cal.is_working(date(2026, 4, 27))  # Hùng Kings 2026 observed on Monday


def test_the_make_up_saturday_names_the_day_it_pays_for() -> None:
    _, makeup = vietnam_holidays(2025, "en")
    assert makeup == {date(2025, 4, 26): "2025-05-02"}


def test_holiday_names_follow_the_language() -> None:
    off_vi, _ = vietnam_holidays(2025, "vi")
    off_en, _ = vietnam_holidays(2025, "en")
    assert off_en[date(2025, 9, 2)] == "National Day"
    assert off_vi[date(2025, 9, 2)] == "Quốc khánh"


def test_center_overrides_win_over_the_package() -> None:
    cal = WorkCalendar(
        center_off={date(2025, 9, 5): "Lễ hội xã"},
        center_work={date(2025, 9, 2): "trực Quốc khánh", date(2025, 4, 26): ""},
    )
    assert not cal.is_working(date(2025, 9, 5))
    assert cal.is_working(date(2025, 9, 2))
    assert cal.day_info(date(2025, 9, 5)).kind == "center_off"
    # Fri 29/8 + 1wd: Mon 1/9 is still off, Tue 2/9 is worked by this center
    assert cal.nth_working_day_after(date(2025, 8, 29), 1) == date(2025, 9, 2)


def test_index_extends_lazily_to_other_years(cal: WorkCalendar) -> None:
    assert cal.nth_working_day_after(date(2030, 12, 31), 1).year == 2031
    assert cal.nth_working_day_after(date(2024, 12, 27), 365) > date(2026, 5, 1)


# -- properties -----------------------------------------------------------------------------------
START = datetime(2024, 12, 1)
moments = st.integers(min_value=0, max_value=2 * 365 * 24 * 60).map(lambda m: START + timedelta(minutes=m))
day_limits = st.one_of(
    st.just(TimeLimit("same-day")),
    st.integers(1, 365).map(lambda n: TimeLimit("wd", n)),
    st.integers(1, 730).map(lambda n: TimeLimit("d", n)),
)
hour_limits = st.integers(1, 2000).map(lambda n: TimeLimit("h", n))


@settings(max_examples=300, deadline=None)
@given(limit=st.one_of(day_limits, hour_limits), received=moments)
def test_the_due_date_is_always_a_working_day(
    cal: WorkCalendar, limit: TimeLimit, received: datetime
) -> None:
    due = compute_due(cal, limit, received).due
    assert cal.is_working(due.due_date)
    assert due.due_at >= received.replace(second=0)
    if limit.is_hours:
        minute = due.due_at.hour * 60 + due.due_at.minute
        assert any(s < minute <= e for s, e in cal.sessions)


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 364), received=moments, extra=st.integers(0, 3000))
def test_never_earlier_when_n_or_the_receipt_time_grows(
    cal: WorkCalendar, n: int, received: datetime, extra: int
) -> None:
    for unit in ("wd", "d", "h"):
        base = compute_due(cal, TimeLimit(unit, n), received).due.due_at  # type: ignore[arg-type]
        assert compute_due(cal, TimeLimit(unit, n + 1), received).due.due_at >= base  # type: ignore[arg-type]
        later = received + timedelta(minutes=extra)
        assert compute_due(cal, TimeLimit(unit, n), later).due.due_at >= base  # type: ignore[arg-type]


def _plain_count(cal: WorkCalendar, limit: TimeLimit, received: datetime) -> datetime:
    """The counting rules walked one day (or one minute) at a time."""

    def working(d: date) -> bool:
        return cal.day_info(d).working

    def in_session(m: datetime) -> bool:
        minute = m.hour * 60 + m.minute
        return working(m.date()) and any(s <= minute < e for s, e in cal.sessions)

    eff = received.replace(second=0)
    while not in_session(eff):
        eff += timedelta(minutes=1)
    close = time(cal.sessions[-1][1] // 60, cal.sessions[-1][1] % 60)
    if limit.unit == "h":
        moment, left = eff, limit.n * 60
        while left:
            if in_session(moment):
                left -= 1
            moment += timedelta(minutes=1)
        return moment
    day = eff.date()
    if limit.unit == "same-day":
        if eff.hour * 60 + eff.minute > cal.cutoff:
            day += timedelta(1)
            while not working(day):
                day += timedelta(1)
    elif limit.unit == "wd":
        left = limit.n
        while left:
            day += timedelta(1)
            left -= working(day)
    else:
        day += timedelta(limit.n)
        while not working(day):
            day += timedelta(1)
    return datetime.combine(day, close)


@settings(max_examples=150, deadline=None)
@given(
    limit=st.one_of(
        st.just(TimeLimit("same-day")),
        st.integers(1, 40).map(lambda n: TimeLimit("wd", n)),
        st.integers(1, 60).map(lambda n: TimeLimit("d", n)),
        st.integers(1, 30).map(lambda n: TimeLimit("h", n)),
    ),
    received=moments,
)
def test_equals_a_plain_day_by_day_count(cal: WorkCalendar, limit: TimeLimit, received: datetime) -> None:
    assert compute_due(cal, limit, received).due.due_at == _plain_count(cal, limit, received)


@settings(max_examples=100, deadline=None)
@given(received=moments, n=st.integers(1, 60), off=st.integers(0, 90), work=st.integers(0, 90))
def test_overrides_beat_the_package_in_every_count(received: datetime, n: int, off: int, work: int) -> None:
    day_off = received.date() + timedelta(off)
    day_on = received.date() + timedelta(work)
    if day_off == day_on:
        return
    cal = WorkCalendar(center_off={day_off: "x"}, center_work={day_on: "y"})
    assert not cal.is_working(day_off) and cal.is_working(day_on)
    limit = TimeLimit("wd", n)
    assert compute_due(cal, limit, received).due.due_at == _plain_count(cal, limit, received)


# -- differential: numpy's business-day arithmetic on the same days off ----------------------------
def _no_makeup(year: int, lang: str) -> tuple[dict[date, str], dict[date, str]]:
    off, _ = vietnam_holidays(year, lang)
    return off, {}


def test_agrees_with_numpy_busday_offset() -> None:
    decided_off = {d: x for d, x in DECIDED_BY_DAY.items() if not x.working}  # numpy knows no make-up days
    cal = WorkCalendar(source=_no_makeup, decided=decided_off)
    off: list[date] = list(decided_off)
    for year in range(2024, 2029):
        off.extend(cal.package_days(year)[0])
    rng = np.random.default_rng(2025)
    starts = [date(2025, 1, 1) + timedelta(int(i)) for i in rng.integers(0, 2 * 365, 2000)]
    ns = rng.integers(1, 250, 2000)
    expected = np.busday_offset(np.array(starts, dtype="datetime64[D]"), ns, roll="backward", holidays=off)
    for start, n, want in zip(starts, ns, expected, strict=True):
        assert cal.nth_working_day_after(start, int(n)) == want.astype(date)
