"""Period summaries, the manager's report, as plain data: carried over, received by channel,
resolved early / on time / late, withdrawn, pending (not due / overdue / paused) and the
on-time rate rounded half up. The counting is SQL over per-day counts; only the dossiers
open at the snapshot that had supplement rounds are judged in Python, each by the due date
in force at the snapshot as ``due_in_force`` reads it from their stored rounds.
"""

from datetime import datetime, time, timedelta

from tthc.core import deadlines
from tthc.core.errors import TthcError

# moved to the core, where the screens read them; named here as before
from tthc.core.figures import FIGURES as FIGURES
from tthc.core.figures import Figures as Figures
from tthc.core.figures import Summary as Summary
from tthc.core.figures import on_time_rate as on_time_rate
from tthc.core.figures import percent as percent
from tthc.core.lifecycle import Life
from tthc.core.periods import Period, months_in
from tthc.storage import queries
from tthc.storage.queries import EVERYTHING, Scope
from tthc.storage.store import Store

BY_KEYS = tuple(queries.GROUP_COLUMNS)


def reached(period: Period, now: datetime) -> Period:
    """The days of ``period`` that have come: its end is today at most. A period that runs
    into the future counts nothing on the days not reached, whatever is dated there."""
    return Period(period.start, min(period.end, now.date()))


def snapshot_of(period: Period, now: datetime) -> datetime:
    """End of the period's last day, or now if that is earlier."""
    return min(datetime.combine(period.end + timedelta(1), time(0)), now)


def events_before(period: Period, now: datetime) -> datetime:
    """What the snapshot has seen: the steps before the period's end — or, when the snapshot
    is now, every step up to now included (times are kept to the minute)."""
    end = datetime.combine(period.end + timedelta(1), time(0))
    return end if end <= now else now + timedelta(minutes=1)


def state_at(life: Life, seen_before: datetime, snapshot: datetime) -> str:
    """'paused', 'overdue' or 'not_due' at ``snapshot``, judged by the due date in force after
    the steps before ``seen_before``."""
    due = deadlines.due_in_force(life.receipt, life.rounds, upto=seen_before)
    if due is None:
        return "paused"
    return "overdue" if deadlines.is_overdue(due.deadline, snapshot) else "not_due"


def figures(
    store: Store, by: str | None, period: Period, now: datetime, scope: Scope = EVERYTHING
) -> dict[str | None, Figures]:
    """Every group's figures for one period (one aggregate query plus the dossiers open at its end)."""
    snapshot, seen = snapshot_of(period, now), events_before(period, now)
    groups: dict[str | None, Figures] = {}
    for c in store.ask(queries.period_counts, by, period.start, reached(period, now).end, scope):
        groups[c.key] = Figures(
            c.carried_over,
            {"direct": c.direct, "online": c.online, "postal": c.postal},
            c.early,
            c.on_time,
            c.late,
            c.withdrawn,
            closed=c.closed,
        )
    for key, n in store.ask(queries.overdue_without_rounds, by, seen, snapshot, scope).items():
        groups.setdefault(key, Figures()).pending_overdue += n
    open_rounds = store.ask(queries.open_with_rounds, by, seen, scope)
    lives = store.lives([code for code, _ in open_rounds])
    for code, key in open_rounds:
        state = state_at(lives[code], seen, snapshot)
        fig = groups.setdefault(key, Figures())
        if state == "overdue":
            fig.pending_overdue += 1
        elif state == "paused":
            fig.paused += 1
    return {k: v for k, v in groups.items() if not v.is_empty()}


def summarize(
    store: Store, period: Period, by: str | None, now: datetime, start_day: int = 1, scope: Scope = EVERYTHING
) -> Summary:
    if by is not None and by not in BY_KEYS:
        raise TthcError("bad --by {by!r}: expected one of {choices}", by=by, choices=", ".join(BY_KEYS))
    if period.start > now.date():
        raise TthcError("the period starts {day:%d/%m/%Y}, after today", day=period.start)
    snapshot = snapshot_of(period, now)
    changed = corrections_in(store, reached(period, now))
    if by == "month":
        groups: list[tuple[str | None, Figures]] = []
        for label, window in months_in(period, start_day):
            if window.start > now.date():
                break
            groups.append((label, figures(store, None, window, now, scope).get(None, Figures())))
        total = figures(store, None, period, now, scope).get(None, Figures())
        return Summary(period, by, groups, total, snapshot, changed)
    per_group = figures(store, by, period, now, scope)
    total = Figures()
    for fig in per_group.values():
        total.add(fig)
    ordered = sorted(per_group.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
    names = {p.code: p.name for p in store.procedures()} if by == "procedure" else {}
    return Summary(period, by, ordered, total, snapshot, changed, names)


def corrections_in(store: Store, period: Period) -> int:
    """How many changed timelines concern steps of the period (the summary's footnote)."""
    from tthc.app.corrections import changed

    return sum(period.start <= c.moment.date() <= period.end for c in changed(store.timeline_changes()))
