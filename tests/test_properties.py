"""Invariants that must hold for any input (hypothesis): undo of any step gives back the
dossier as it was, reporting windows split a year with no gap and no overlap, and the
points' blocks of numbers never share a code."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tthc.core import lifecycle, transitions
from tthc.core.errors import TthcError
from tthc.core.models import CodeBlock
from tthc.core.periods import month_window, months_in, quarter_window, year_window
from tthc.core.timelimit import parse_limit
from tthc.core.workcalendar import WorkCalendar

CAL = WorkCalendar()
LIMITS = ["same-day", "3wd", "5wd", "15d", "8h"]
FIRST = datetime(2025, 6, 20, 7, 0)


def _step(kind: str, at: datetime, pick: int, life: lifecycle.Life) -> tuple[Any, dict[str, Any]]:
    """A step of ``kind`` at ``at`` and the details its event would carry (what undo reads)."""
    if kind == "handover":
        to = ("Lan", "Đức", "Minh")[pick % 3]
        return transitions.Handover(at, to), {"from": life.officer, "to": to}
    if kind == "supplement":
        return transitions.Supplement(at, ("restart", "freeze")[pick % 2]), {}
    if kind == "resume":
        return transitions.Resume(at), {}
    if kind == "resolve":
        return transitions.Resolve(at, ("approved", "rejected")[pick % 2]), {}
    if kind == "return":
        return transitions.Return(at), {}
    if kind == "withdraw":
        return transitions.Withdraw(at), {}
    if kind == "again":  # a second request, knowingly (a breach of Decree 118 Art. 11.2.c)
        return transitions.Supplement(at, "restart", again=True), {}
    if kind == "close":
        return transitions.Close(at), {}
    if kind == "forward":
        return transitions.Forward(at), {}
    if kind == "notify":
        return transitions.Notify(at), {"before": life.notified_at.isoformat() if life.notified_at else None}
    new_date = CAL.nth_working_day_after(at.date(), 3 + pick % 5)
    return transitions.Apologize(at, new_date, "chờ xác minh"), {}


KINDS = [
    "handover",
    "supplement",
    "resume",
    "resolve",
    "return",
    "withdraw",
    "apologize",
    "again",
    "close",
    "forward",
    "notify",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    limit=st.sampled_from(LIMITS),
    start=st.integers(0, 400 * 24 * 60),
    walk=st.lists(
        st.tuples(st.sampled_from(KINDS), st.integers(0, 6 * 24 * 60), st.integers(0, 9)), max_size=12
    ),
)
def test_undoing_any_step_gives_back_the_dossier_as_it_was(
    limit: str, start: int, walk: list[tuple[str, int, int]]
) -> None:
    """From a receipt anywhere in mid-2025 to 2026, a random walk of steps: each step that is
    allowed, reverted with the details its event keeps, gives back the state before it —
    every fact equal, and the latest moment too unless the step before it was a handover
    (known from the audit trail, which the caller adds)."""
    received = (FIRST + timedelta(minutes=start)).replace(second=0)
    authority = "UBND phường Tân Lập" if start % 2 else None  # received for another authority
    life = transitions.receive(
        CAL, "X-1", parse_limit(limit), received, officer="Lan", for_authority=authority
    )
    for kind, gap, pick in walk:
        at = life.last_at + timedelta(minutes=gap)
        step, details = _step(kind, at, pick, life)
        try:
            after = transitions.apply(CAL, life, step)
        except TthcError:
            continue  # a refusal changes nothing: that is checked by the CLI's refusal tests
        before = transitions.revert(after, step.name, details)
        assert replace(before, last_at=life.last_at) == life
        if life.last_at == lifecycle.facts_last_at(life):
            assert before.last_at == life.last_at
        life = after


@given(year=st.integers(1990, 2100), start_day=st.integers(1, 28))
def test_the_months_and_quarters_of_a_year_split_it_with_no_gap_and_no_overlap(
    year: int, start_day: int
) -> None:
    whole = year_window(year, start_day)
    months = [month_window(year, m, start_day) for m in range(1, 13)]
    quarters = [quarter_window(year, q, start_day) for q in range(1, 5)]
    for parts in (months, quarters):
        assert parts[0].start == whole.start and parts[-1].end == whole.end
        for a, b in itertools.pairwise(parts):
            assert b.start == a.end + timedelta(1)
    assert sum((m.end - m.start).days + 1 for m in months) == (whole.end - whole.start).days + 1
    assert [w for _, w in months_in(whole, start_day)] == months


@given(
    first=st.dates(date(1990, 1, 1), date(2100, 12, 1)),
    length=st.integers(0, 800),
    start_day=st.integers(1, 28),
)
def test_the_reporting_months_of_any_period_split_it(first: date, length: int, start_day: int) -> None:
    from tthc.core.periods import Period

    period = Period(first, first + timedelta(length))
    windows = [w for _, w in months_in(period, start_day)]
    assert windows[0].start == period.start and windows[-1].end == period.end
    for a, b in itertools.pairwise(windows):
        assert b.start == a.end + timedelta(1)


@given(count=st.integers(1, 9))
def test_the_blocks_of_a_day_never_share_a_number_and_leave_only_their_boundaries(count: int) -> None:
    """Blocks 1..count of 0001–9999: in order, disjoint, and with the boundary numbers between
    them (never given, so each block reads as its own range) they cover the whole day."""
    blocks = [CodeBlock(i, count) for i in range(1, count + 1)]
    numbers = [set(range(b.first, b.last + 1)) for b in blocks]
    boundaries = {i * 10_000 // count for i in range(1, count)}
    assert blocks[0].first == 1 and blocks[-1].last == 9999
    assert sum(len(n) for n in numbers) + len(boundaries) == 9999
    assert set().union(*numbers) | boundaries == set(range(1, 10_000))
    for a, b in itertools.pairwise(blocks):
        assert a.last < b.first


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    limit=st.sampled_from(LIMITS),
    start=st.integers(0, 400 * 24 * 60),
    walk=st.lists(
        st.tuples(st.sampled_from(["supplement", "resume"]), st.integers(0, 4 * 24 * 60), st.integers(0, 9)),
        max_size=8,
    ),
    probes=st.lists(st.integers(-2 * 24 * 60, 40 * 24 * 60), min_size=1, max_size=20),
)
def test_the_spans_of_a_dossier_give_the_due_date_in_force_at_every_moment(
    limit: str, start: int, walk: list[tuple[str, int, int]], probes: list[int]
) -> None:
    """What a province's roll-up reads from an exported file (spans) is what ``due_in_force``
    says at any moment: before, between and after supplement rounds, and at their edges."""
    from tthc.core.deadlines import due_in_force, due_spans

    received = (FIRST + timedelta(minutes=start)).replace(second=0)
    life = transitions.receive(CAL, "X-1", parse_limit(limit), received)
    for kind, gap, pick in walk:
        step, _ = _step(kind, life.last_at + timedelta(minutes=gap), pick, life)
        try:
            life = transitions.apply(CAL, life, step)
        except TthcError:
            continue
    spans = due_spans(life.receipt, life.rounds)
    edges = [m for r in life.rounds for m in (r.paused_at, r.resumed_at) if m is not None]
    for moment in [received + timedelta(minutes=p) for p in probes] + edges:
        holding = [
            s
            for s in spans
            if (s.after is None or s.after < moment) and (s.until is None or moment <= s.until)
        ]
        assert len(holding) == 1
        assert holding[0].due == due_in_force(life.receipt, life.rounds, upto=moment)
