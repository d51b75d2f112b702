"""Period summaries (DESIGN §4) as aggregate SQL over the per-day counts, returned as plain
data: carried over, received by channel, resolved early / on time / late, withdrawn,
pending (not due / overdue / paused) and the on-time rate rounded half up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, cast

from tthc import deadlines
from tthc.clock import from_iso
from tthc.errors import TthcError
from tthc.periods import Period, months_in
from tthc.timelimit import parse_limit

if TYPE_CHECKING:
    import sqlite3

    from tthc.workcalendar import WorkCalendar

#: --by KEY → the column it groups on.
BY_COLUMNS = {
    "field": "field",
    "procedure": "procedure_code",
    "channel": "channel",
    "point": "point",
    "officer": "officer",
    "month": None,
}
CHANNELS = ("direct", "online", "postal")


def on_time_rate(early: int, on_time: int, resolved: int) -> Decimal | None:
    """``100 × (early + on_time) / resolved`` rounded half up to 2 decimals; None if nothing resolved."""
    if resolved == 0:
        return None
    return (Decimal(100 * (early + on_time)) / Decimal(resolved)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


@dataclass
class Figures:
    """The summary keys of one group (or the total) for one period."""

    carried_over: int = 0
    received_by_channel: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHANNELS, 0))
    early: int = 0
    on_time: int = 0
    late: int = 0
    withdrawn: int = 0
    pending_overdue: int = 0
    paused: int = 0

    @property
    def received(self) -> int:
        return sum(self.received_by_channel.values())

    @property
    def resolved(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def pending(self) -> int:
        return self.carried_over + self.received - self.resolved - self.withdrawn

    @property
    def pending_not_due(self) -> int:
        return self.pending - self.pending_overdue

    @property
    def rate(self) -> Decimal | None:
        return on_time_rate(self.early, self.on_time, self.resolved)

    def add(self, other: Figures) -> None:
        self.carried_over += other.carried_over
        for ch in CHANNELS:
            self.received_by_channel[ch] += other.received_by_channel[ch]
        self.early += other.early
        self.on_time += other.on_time
        self.late += other.late
        self.withdrawn += other.withdrawn
        self.pending_overdue += other.pending_overdue
        self.paused += other.paused

    def is_empty(self) -> bool:
        return not (self.carried_over or self.received or self.resolved or self.withdrawn or self.pending)

    def as_json(self) -> dict[str, Any]:
        rate = self.rate
        return {
            "carried_over": self.carried_over,
            "received": self.received,
            "received_by_channel": dict(self.received_by_channel),
            "resolved": self.resolved,
            "early": self.early,
            "on_time": self.on_time,
            "late": self.late,
            "withdrawn": self.withdrawn,
            "pending": self.pending,
            "pending_not_due": self.pending_not_due,
            "pending_overdue": self.pending_overdue,
            "paused": self.paused,
            "on_time_rate": None if rate is None else float(rate),
        }


@dataclass
class Summary:
    period: Period
    by: str | None
    groups: list[tuple[str | None, Figures]]
    total: Figures
    snapshot: datetime

    def as_json(self) -> dict[str, Any]:
        if self.by is None:
            return {"period": self.period.as_json(), **self.total.as_json()}
        return {
            "period": self.period.as_json(),
            "by": self.by,
            "groups": [{"key": key, **fig.as_json()} for key, fig in self.groups],
            "total": self.total.as_json(),
        }


def snapshot_of(period: Period, now: datetime) -> datetime:
    """End of the period's last day, or now if that is earlier."""
    return min(datetime.combine(period.end + timedelta(1), time(0)), now)


def _counts(conn: sqlite3.Connection, column: str | None, period: Period) -> dict[str | None, Figures]:
    key = f"{column}" if column else "NULL"
    start, end = period.start.isoformat(), period.end.isoformat()
    rows = conn.execute(
        f"""
        SELECT {key} AS k,
               sum(CASE WHEN day < :start THEN received - early - on_time - late - withdrawn END) AS carried,
               sum(CASE WHEN day >= :start AND channel = 'direct' THEN received END) AS direct,
               sum(CASE WHEN day >= :start AND channel = 'online' THEN received END) AS online,
               sum(CASE WHEN day >= :start AND channel = 'postal' THEN received END) AS postal,
               sum(CASE WHEN day >= :start THEN early END) AS early,
               sum(CASE WHEN day >= :start THEN on_time END) AS on_time,
               sum(CASE WHEN day >= :start THEN late END) AS late,
               sum(CASE WHEN day >= :start THEN withdrawn END) AS withdrawn
        FROM daily_counts WHERE day <= :end GROUP BY k
        """,
        {"start": start, "end": end},
    )
    out: dict[str | None, Figures] = {}
    for r in rows:
        fig = Figures(
            carried_over=r["carried"] or 0,
            received_by_channel={
                "direct": r["direct"] or 0,
                "online": r["online"] or 0,
                "postal": r["postal"] or 0,
            },
            early=r["early"] or 0,
            on_time=r["on_time"] or 0,
            late=r["late"] or 0,
            withdrawn=r["withdrawn"] or 0,
        )
        out[_norm(r["k"])] = fig
    return out


def _norm(key: Any) -> str | None:
    return None if key in (None, "") else str(key)


def _open_at(
    conn: sqlite3.Connection, column: str | None, snapshot: datetime
) -> tuple[dict[str | None, int], list[sqlite3.Row]]:
    """Dossiers received before ``snapshot`` and neither resolved nor withdrawn by then.

    Those never paused are judged in SQL by their stored deadline (overdue counts per group);
    those with supplement rounds come back as rows, to replay the rounds up to the snapshot.
    """
    key = f"d.{column}" if column else "NULL"
    open_rows = (
        f"SELECT d.code, {key} AS k, d.deadline"
        " FROM dossiers d INDEXED BY dossiers_open"  # open dossiers only, and it covers this query
        " WHERE d.status IN ('processing', 'paused') AND d.received_at < :s"
        f" UNION ALL SELECT d.code, {key} AS k, d.deadline"
        " FROM dossiers d WHERE coalesce(d.resolved_at, d.withdrawn_at) >= :s AND d.received_at < :s"
    )
    params = {"s": snapshot.isoformat(timespec="seconds")}
    overdue = {
        _norm(r["k"]): int(r["overdue"] or 0)
        for r in conn.execute(
            f"SELECT k, sum(deadline < :s) AS overdue FROM ({open_rows})"
            " WHERE code NOT IN (SELECT dossier_code FROM pauses) GROUP BY k",
            params,
        )
    }
    with_pauses = conn.execute(
        f"SELECT d.code, {key} AS k, d.deadline, d.time_limit, d.received_at, d.due_source"
        " FROM (SELECT DISTINCT dossier_code FROM pauses) p JOIN dossiers d ON d.code = p.dossier_code"
        " WHERE d.received_at < :s AND (d.status IN ('processing', 'paused')"
        " OR coalesce(d.resolved_at, d.withdrawn_at) >= :s)",
        params,
    ).fetchall()
    return overdue, with_pauses


def _state_at(conn: sqlite3.Connection, cal: WorkCalendar, row: sqlite3.Row, snapshot: datetime) -> str:
    """'paused', 'overdue' or 'not_due' at ``snapshot``, judged by the due date then in force."""
    pauses = conn.execute(
        "SELECT paused_at, resumed_at, policy FROM pauses WHERE dossier_code = ? ORDER BY id", (row["code"],)
    ).fetchall()
    rounds = []
    for p in pauses:
        paused_at = cast(datetime, from_iso(p["paused_at"]))
        if paused_at >= snapshot:
            break
        resumed_at = from_iso(p["resumed_at"])
        if resumed_at is None or resumed_at >= snapshot:
            return "paused"
        rounds.append((paused_at, resumed_at, p["policy"]))
    if row["due_source"] == "imported":  # a migrated due date is the one in force
        return (
            "overdue" if row["deadline"] is not None and row["deadline"] < snapshot.isoformat() else "not_due"
        )
    received = cast(datetime, from_iso(row["received_at"]))
    due = deadlines.due_with_pauses(
        cal, deadlines.compute_due(cal, parse_limit(row["time_limit"]), received), rounds
    )
    assert due is not None
    return "overdue" if due.deadline < snapshot else "not_due"


def figures(
    conn: sqlite3.Connection, cal: WorkCalendar, column: str | None, period: Period, now: datetime
) -> dict[str | None, Figures]:
    """Every group's figures for one period (one aggregate query plus the dossiers open at its end)."""
    snapshot = snapshot_of(period, now)
    groups = _counts(conn, column, period)
    overdue, with_pauses = _open_at(conn, column, snapshot)
    for key, n in overdue.items():
        groups.setdefault(key, Figures()).pending_overdue += n
    for row in with_pauses:
        state = _state_at(conn, cal, row, snapshot)
        fig = groups.setdefault(_norm(row["k"]), Figures())
        if state == "overdue":
            fig.pending_overdue += 1
        elif state == "paused":
            fig.paused += 1
    return {k: v for k, v in groups.items() if not v.is_empty()}


def summarize(
    conn: sqlite3.Connection,
    cal: WorkCalendar,
    period: Period,
    by: str | None,
    now: datetime,
    start_day: int = 1,
) -> Summary:
    if by is not None and by not in BY_COLUMNS:
        raise TthcError("e_by", by=by, choices=", ".join(BY_COLUMNS))
    if period.start > now.date():
        raise TthcError("e_period_future", day=period.start)
    snapshot = snapshot_of(period, now)
    if by == "month":
        groups: list[tuple[str | None, Figures]] = []
        for label, window in months_in(period, start_day):
            if window.start > now.date():
                break
            groups.append((label, figures(conn, cal, None, window, now).get(None, Figures())))
        total = figures(conn, cal, None, period, now).get(None, Figures())
        return Summary(period, by, groups, total, snapshot)
    column = BY_COLUMNS[by] if by else None
    per_group = figures(conn, cal, column, period, now)
    total = Figures()
    for fig in per_group.values():
        total.add(fig)
    ordered = sorted(per_group.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
    return Summary(period, by, ordered, total, snapshot)


def raw_figures(conn: sqlite3.Connection, period: Period, now: datetime) -> dict[str, int]:
    """The same keys counted straight from the dossier rows — the check on ``daily_counts``."""
    s = snapshot_of(period, now).isoformat(timespec="seconds")
    a = period.start.isoformat()
    r = conn.execute(
        """
        SELECT
          sum(received_at < :a AND coalesce(resolved_at, withdrawn_at, '9999') >= :a) AS carried_over,
          sum(received_at >= :a AND received_at < :s) AS received,
          sum(resolved_at >= :a AND resolved_at < :s AND timeliness = 'early') AS early,
          sum(resolved_at >= :a AND resolved_at < :s AND timeliness = 'on_time') AS on_time,
          sum(resolved_at >= :a AND resolved_at < :s AND timeliness = 'late') AS late,
          sum(withdrawn_at >= :a AND withdrawn_at < :s) AS withdrawn,
          sum(received_at < :s AND coalesce(resolved_at, withdrawn_at, '9999') >= :s) AS pending
        FROM dossiers
        """,
        {"a": a, "s": s},
    ).fetchone()
    return {k: r[k] or 0 for k in r.keys()}  # noqa: SIM118 - sqlite3.Row has no items()
