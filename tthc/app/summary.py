"""Period summaries, the manager's report, as plain data: carried over, received by channel,
resolved early / on time / late, withdrawn, pending (not due / overdue / paused) and the
on-time rate rounded half up. The counting is SQL over per-day counts; only the dossiers
open at the snapshot that had supplement rounds are judged in Python, each by the due date
in force at the snapshot as ``due_in_force`` reads it from their stored rounds.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tthc.core import deadlines
from tthc.core.errors import TthcError
from tthc.core.lifecycle import Life
from tthc.core.models import CHANNELS
from tthc.core.periods import Period, months_in
from tthc.storage import queries
from tthc.storage.queries import EVERYTHING, Scope
from tthc.storage.store import Store

BY_KEYS = tuple(queries.GROUP_COLUMNS)
#: Every figure of a summary, in the order tables and files show them: one vocabulary for
#: the JSON, the CSV/Excel columns and the terminal table.
FIGURES = (
    "carried_over",
    "received",
    "received_direct",
    "received_online",
    "received_postal",
    "resolved",
    "early",
    "on_time",
    "late",
    "withdrawn",
    "closed",
    "pending",
    "pending_not_due",
    "pending_overdue",
    "paused",
    "on_time_rate",
)


def percent(part: int, whole: int) -> Decimal | None:
    """``100 × part / whole`` rounded half up to 2 decimals; None when ``whole`` is 0. Every
    percentage tthc reports is rounded here: the on-time rate, an officer's share of the load."""
    if whole == 0:
        return None
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def on_time_rate(early: int, on_time: int, resolved: int) -> Decimal | None:
    """``100 × (early + on_time) / resolved`` rounded half up to 2 decimals; None if nothing resolved."""
    return percent(early + on_time, resolved)


@dataclass
class Figures:
    """The summary figures of one group (or the total) for one period."""

    carried_over: int = 0
    received_by_channel: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHANNELS, 0))
    early: int = 0
    on_time: int = 0
    late: int = 0
    withdrawn: int = 0
    pending_overdue: int = 0
    paused: int = 0
    closed: int = 0  # papers never came (Decree 118 Art. 19.5): ended without a result

    @property
    def received(self) -> int:
        return sum(self.received_by_channel.values())

    @property
    def resolved(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def pending(self) -> int:
        return self.carried_over + self.received - self.resolved - self.withdrawn - self.closed

    @property
    def pending_not_due(self) -> int:
        return self.pending - self.pending_overdue

    @property
    def rate(self) -> Decimal | None:
        return on_time_rate(self.early, self.on_time, self.resolved)

    def value(self, name: str) -> int | Decimal | None:
        """One figure by its name in :data:`FIGURES`."""
        if name.startswith("received_"):
            return self.received_by_channel[name.removeprefix("received_")]
        if name == "on_time_rate":
            return self.rate
        value: int = getattr(self, name)
        return value

    def add(self, other: "Figures") -> None:
        self.carried_over += other.carried_over
        for ch in CHANNELS:
            self.received_by_channel[ch] += other.received_by_channel[ch]
        self.early += other.early
        self.on_time += other.on_time
        self.late += other.late
        self.withdrawn += other.withdrawn
        self.pending_overdue += other.pending_overdue
        self.paused += other.paused
        self.closed += other.closed

    def is_empty(self) -> bool:
        return not (
            self.carried_over
            or self.received
            or self.resolved
            or self.withdrawn
            or self.closed
            or self.pending
        )

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in FIGURES:
            if name.startswith("received_"):
                out.setdefault("received_by_channel", {})[name.removeprefix("received_")] = self.value(name)
            elif name == "on_time_rate":
                out[name] = None if self.rate is None else float(self.rate)
            else:
                out[name] = self.value(name)
        return out


@dataclass
class Summary:
    period: Period
    by: str | None
    groups: list[tuple[str | None, Figures]]
    total: Figures
    snapshot: datetime
    corrections: int = 0  # changed timelines of steps in the period (see ``tthc corrections``)
    #: Names of the groups' keys where a key is a code (``--by procedure``), for people.
    names: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        if self.by is None:
            return {"period": self.period.as_json(), **self.total.as_json()}
        return {
            "period": self.period.as_json(),
            "by": self.by,
            "groups": [{"key": key, **fig.as_json()} for key, fig in self.groups],
            "total": self.total.as_json(),
        }


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
    for c in queries.period_counts(store.conn, by, period.start, reached(period, now).end, scope):
        groups[c.key] = Figures(
            c.carried_over,
            {"direct": c.direct, "online": c.online, "postal": c.postal},
            c.early,
            c.on_time,
            c.late,
            c.withdrawn,
            closed=c.closed,
        )
    for key, n in queries.overdue_without_rounds(store.conn, by, seen, snapshot, scope).items():
        groups.setdefault(key, Figures()).pending_overdue += n
    open_rounds = queries.open_with_rounds(store.conn, by, seen, scope)
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
        raise TthcError("e_by", by=by, choices=", ".join(BY_KEYS))
    if period.start > now.date():
        raise TthcError("e_period_future", day=period.start)
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
