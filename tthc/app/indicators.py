"""The scorecard for a period (``tthc indicators``): the storage layer's counts, scored by the
pure rules of :mod:`tthc.core.scorecard`, per group of the center (field, procedure) and in total,
with the II.06a on-time rate beside indicator 2.1's and the dossiers behind their difference.
"""

from collections import Counter
from datetime import datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from tthc.app.context import Context
from tthc.app.summary import events_before, reached, snapshot_of
from tthc.core import scorecard
from tthc.core.errors import TthcError

# moved to the core, where the screens read them; named here as before
from tthc.core.indicators import Card as Card
from tthc.core.indicators import Line as Line
from tthc.core.indicators import OnTime as OnTime
from tthc.core.indicators import Scorecard as Scorecard
from tthc.core.periods import Period
from tthc.core.timelimit import TimeLimit, parse_limit
from tthc.storage.counts import ScorecardCounts
from tthc.storage.reports import EVERYTHING, Scope

BY_KEYS = ("field", "procedure")


def _blank() -> Card:
    return Card({i.id: Line(i.id) for i in scorecard.INDICATORS}, OnTime())


def build(
    ctx: Context, period: Period, by: str | None = None, scope: Scope = EVERYTHING
) -> Scorecard:
    """Every indicator the center's records can give, for the period, by group and in total."""
    if by is not None and by not in BY_KEYS:
        raise TthcError("bad --by {by!r}: expected one of {choices}", by=by, choices=", ".join(BY_KEYS))
    now = ctx.now
    if period.start > now.date():
        raise TthcError("the period starts {day:%d/%m/%Y}, after today", day=period.start)
    store = ctx.store()
    snapshot, seen = snapshot_of(period, now), events_before(period, now)
    # The II.06a side counts the results of the days reached, as the summary does: a result a
    # point recorded later today than this PC's clock says is counted by both, the same.
    counted = datetime.combine(reached(period, now).end + timedelta(1), time(0))
    cards: dict[str | None, Card] = {}
    total = _blank()

    def card(key: str | None) -> Card:
        return cards.setdefault(key, _blank())

    for c in store.scorecard_counts(by, period.start, seen, scope):
        for target in (card(c.key), total):
            _add_counts(target, c)
    judged: Counter[tuple[Any, ...]] = Counter(
        (row[0], *_judge(row, snapshot))
        for row in store.handled_in_period(by, period.start, seen, scope, counted_before=counted)
    )
    for (key, *verdict), n in judged.items():
        for target in (card(key), total):
            _add_judged(target.on_time, n, *verdict)
    _handling_times(ctx, period, seen, by, scope, card, total)
    for target in (total, *cards.values()):
        _finish(target)
    ordered = sorted(cards.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
    return Scorecard(period, snapshot, by, total, ordered if by else [])


def _count(line: Line, numerator: int, denominator: int) -> None:
    line.numerator = (line.numerator or 0) + numerator
    line.denominator = (line.denominator or 0) + denominator


def _add_counts(card: Card, c: ScorecardCounts) -> None:
    lines = card.lines
    _count(lines["3.3"], c.online, c.received)
    _count(lines["3.6"], c.paid_online, c.fee_due)
    _count(lines["4.1"], c.e_results, c.results)
    _count(lines["4.2"], c.digitised, c.received)
    _count(lines["4.3"], c.reused, c.received)


@lru_cache(maxsize=256)
def _limit(text: str) -> TimeLimit:
    return parse_limit(text)


def _judge(row: Any, snapshot: datetime) -> tuple[bool, bool, str | None, str]:
    """One dossier of 2.1: (in time, rated unsatisfied, its II.06a timeliness, the reason
    the two differ) — few distinct answers, so the period's dossiers are counted by answer."""
    _, _code, limit, due_at, ended_by, ended_at, requests, waiting, minutes, ii06a, unsatisfied = row
    h = scorecard.Handled(
        _limit(limit),
        datetime.fromisoformat(due_at),
        ended_by,
        datetime.fromisoformat(ended_at) if ended_at else None,
        int(requests),
        datetime.fromisoformat(waiting) if waiting else None,
        int(minutes or 0),
        ii06a,
    )
    in_time = scorecard.on_time_766(h, snapshot)
    return in_time, bool(unsatisfied), ii06a, scorecard.difference(h, in_time)


def _add_judged(t: OnTime, n: int, in_time: bool, unsatisfied: bool, ii06a: str | None, reason: str) -> None:
    t.handled += n
    t.handled_in_time += n * in_time
    t.late += n * (not in_time)
    t.unsatisfied += n * unsatisfied
    if ii06a is not None:
        t.resolved += n
        t.resolved_in_time += n * (ii06a != "late")
    if reason != "same":
        t.reasons[reason] += n


def _handling_times(
    ctx: Context, period: Period, seen: datetime, by: str | None, scope: Scope, card: Any, total: Card
) -> None:
    """2.2: per procedure, the average handling time of its dossiers against its limit."""
    cal = ctx.calendar()
    sums: dict[tuple[str | None, str], list[Any]] = {}
    for key, proc, limit_text, start, end, minutes in ctx.store().completed_received_in(
        by, period.start, seen, scope
    ):
        limit = _limit(limit_text)
        took = scorecard.handling_time(
            cal, limit, datetime.fromisoformat(start), datetime.fromisoformat(end), int(minutes or 0)
        )
        entry = sums.setdefault((key, proc), [limit, Decimal(0), 0])
        entry[1] += took
        entry[2] += 1
    for (key, proc), (limit, took_all, n) in sums.items():
        average = (took_all / n).quantize(Decimal("0.01"))
        within = average <= scorecard.limit_amount(limit)
        item = {
            "procedure": proc,
            "dossiers": n,
            "average": float(average),
            "limit": str(limit),
            "within": within,
        }
        for target in (card(key), total):
            line = target.lines["2.2"]
            _count(line, int(within), 1)
            line.detail.append(item)


def _finish(card: Card) -> None:
    """2.1 and 5.4 from the judged dossiers."""
    t = card.on_time
    if t.handled:
        _count(card.lines["2.1"], t.handled_in_time, t.handled)
        card.lines["5.4"].numerator = max(t.handled - t.late - t.unsatisfied, 0)
        card.lines["5.4"].denominator = t.handled
