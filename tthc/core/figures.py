"""The figures of the manager's reports as records: a period summary (carried over, received
by channel, resolved early / on time / late, withdrawn, pending, the on-time rate) and an
officer's or point's workload, with the one rounding rule every percentage follows.

``tthc.app.summary`` and ``tthc.app.workload`` count them from the store; the screens, the
workbooks and the JSON read them from here.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tthc.core.clock import iso
from tthc.core.models import CHANNELS, RATINGS
from tthc.core.periods import Period

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


#: Every figure of a workload row, in the order the JSON, the files and the terminal show them.
WORKLOAD_FIGURES = (
    "received",
    "handed_over",
    "resolved",
    "early",
    "on_time",
    "late",
    "pending",
    "overdue",
    "on_time_rate",
    "load",
    "share",
)


@dataclass
class Load:
    """One officer's (or point's) figures for a period; ``key`` None is "(none)"."""

    key: str | None
    received: int = 0
    handed_over: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    pending: int = 0
    overdue: int = 0
    #: The citizens' ratings of the dossiers in the officer's (point's) charge, given in the period.
    ratings: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RATINGS, 0))

    @property
    def resolved(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def load(self) -> int:
        """What the officer carried in the period: what they resolved plus what they hold."""
        return self.resolved + self.pending

    @property
    def rate(self) -> Decimal | None:
        return on_time_rate(self.early, self.on_time, self.resolved)

    def value(self, name: str, center_load: int) -> int | Decimal | None:
        """One figure by its name in :data:`WORKLOAD_FIGURES`."""
        if name == "on_time_rate":
            return self.rate
        if name == "share":  # of the center's load, rounded as the on-time rate is
            return percent(self.load, center_load)
        figure: int = getattr(self, name)
        return figure

    def add(self, other: "Load") -> None:
        for name in ("received", "handed_over", "early", "on_time", "late", "pending", "overdue"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for rating, n in other.ratings.items():
            self.ratings[rating] += n

    def is_empty(self) -> bool:
        return not (self.received or self.handed_over or self.load or any(self.ratings.values()))

    def as_json(self, center_load: int) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key}
        for name in WORKLOAD_FIGURES:
            value = self.value(name, center_load)
            out[name] = float(value) if isinstance(value, Decimal) else value
        out["ratings"] = dict(self.ratings)
        return out


@dataclass
class Workload:
    period: Period
    by: str
    snapshot: datetime
    groups: list[Load]  # heaviest load first; "(none)" last
    total: Load

    def as_json(self) -> dict[str, Any]:
        load = self.total.load
        return {
            "period": self.period.as_json(),
            "by": self.by,
            "snapshot": iso(self.snapshot),
            "groups": [g.as_json(load) for g in self.groups],
            "total": {k: v for k, v in self.total.as_json(load).items() if k != "key"},
        }
