"""The reporting queries beside the store: per-period counts from ``daily_counts`` and the
dossiers open at a report's snapshot. Aggregates stay in SQL over indexed columns; rows come
back as plain tuples of counts and keys.
"""

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tthc.storage.conditions import channel_sql, open_at_sql, open_sql, overdue_sql, standing_sql, visible_sql

#: Not part of an import still being copied in: every read of the dossiers' rows asks it.
_SEEN = visible_sql("d")

#: --by KEY → the dossier column it groups on (``month`` splits the period instead).
GROUP_COLUMNS: dict[str, str | None] = {
    "field": "field",
    "procedure": "procedure_code",
    "channel": "channel",
    "point": "point",
    "officer": "officer",
    "month": None,
}


@dataclass(frozen=True)
class Scope:
    """The part of the center a report covers: one field, one procedure, or everything."""

    field: str | None = None
    procedure: str | None = None

    def sql(self, alias: str = "") -> str:
        """Conditions (with ``:field`` and ``:procedure``) on a table with these columns."""
        prefix = f"{alias}." if alias else ""
        return "".join(
            f" AND {prefix}{column} = :{name}"
            for column, name, value in (
                ("field", "field", self.field),
                ("procedure_code", "procedure", self.procedure),
            )
            if value is not None
        )

    def params(self) -> dict[str, str | None]:
        return {"field": self.field, "procedure": self.procedure}


EVERYTHING = Scope()


@dataclass(frozen=True)
class PeriodCounts:
    """One group's counts for a period, as ``daily_counts`` holds them."""

    key: str | None
    carried_over: int
    direct: int
    online: int
    postal: int
    early: int
    on_time: int
    late: int
    withdrawn: int
    closed: int


def _norm(key: Any) -> str | None:
    return None if key in (None, "") else str(key)


#: The columns ``daily_counts`` and ``monthly_counts`` share after their day or month.
_ROLLUP = "procedure_code, field, channel, point, officer, received, early, on_time, late, withdrawn, closed"


def period_counts(
    conn: sqlite3.Connection, by: str | None, start: date, end: date, scope: Scope = EVERYTHING
) -> list[PeriodCounts]:
    """Carried over into ``start``, and what happened from ``start`` to ``end``, per group:
    the months before ``start``'s month from ``monthly_counts``, the days from there on from
    ``daily_counts`` (the same counts, so the history costs a row per month and key)."""
    column = GROUP_COLUMNS[by] if by else None
    ended = "received - early - on_time - late - withdrawn - closed"
    rows = conn.execute(
        f"""
        SELECT {column or "NULL"} AS k,
               sum(CASE WHEN day < :start THEN {ended} END),
               sum(CASE WHEN day >= :start AND {channel_sql("", "direct")} THEN received END),
               sum(CASE WHEN day >= :start AND {channel_sql("", "online")} THEN received END),
               sum(CASE WHEN day >= :start AND {channel_sql("", "postal")} THEN received END),
               sum(CASE WHEN day >= :start THEN early END),
               sum(CASE WHEN day >= :start THEN on_time END),
               sum(CASE WHEN day >= :start THEN late END),
               sum(CASE WHEN day >= :start THEN withdrawn END),
               sum(CASE WHEN day >= :start THEN closed END)
        FROM (
            SELECT month AS day, {_ROLLUP} FROM monthly_counts WHERE month < :month{scope.sql()}
            UNION ALL
            SELECT day, {_ROLLUP} FROM daily_counts WHERE day >= :month AND day <= :end{scope.sql()}
        ) GROUP BY k
        """,
        {
            "start": start.isoformat(),
            "month": start.isoformat()[:7],
            "end": end.isoformat(),
            **scope.params(),
        },
    )
    return [PeriodCounts(_norm(r[0]), *(int(v or 0) for v in tuple(r)[1:])) for r in rows]


def _open_at_sql(column: str | None, scope: Scope) -> str:
    """Dossiers received before ``:s`` and neither resolved, withdrawn nor closed before it.
    (A closed dossier has neither a resolution nor a withdrawal: its own index finds it.)"""
    key = f"d.{column}" if column else "NULL"
    return (
        f"SELECT d.code, {key} AS k, d.deadline"
        " FROM dossiers d INDEXED BY dossiers_open"  # open dossiers only, and it covers this query
        f" WHERE {open_sql('d')} AND d.received_at < :s AND {_SEEN}{scope.sql('d')}"
        f" UNION ALL SELECT d.code, {key} AS k, d.deadline"
        " FROM dossiers d WHERE coalesce(d.resolved_at, d.withdrawn_at) >= :s AND d.received_at < :s"
        f" AND {_SEEN}{scope.sql('d')}"
        f" UNION ALL SELECT d.code, {key} AS k, d.deadline"
        " FROM dossiers d INDEXED BY dossiers_closed WHERE d.closed_at >= :s AND d.received_at < :s"
        f" AND {_SEEN}{scope.sql('d')}"
    )


def overdue_without_rounds(
    conn: sqlite3.Connection,
    by: str | None,
    seen_before: datetime,
    snapshot: datetime,
    scope: Scope = EVERYTHING,
) -> dict[str | None, int]:
    """Per group, the dossiers open after the steps before ``seen_before`` that never waited
    for papers and whose deadline had passed at ``snapshot`` (``deadlines.is_overdue``, said in
    SQL): their due date in force is the receipt's, the one stored."""
    column = GROUP_COLUMNS[by] if by else None
    rows = conn.execute(
        f"SELECT k, sum({overdue_sql('deadline', ':j')}) FROM ({_open_at_sql(column, scope)})"
        " WHERE code NOT IN (SELECT dossier_code FROM pauses) GROUP BY k",
        {
            "s": seen_before.isoformat(timespec="seconds"),
            "j": snapshot.isoformat(timespec="seconds"),
            **scope.params(),
        },
    )
    return {_norm(r[0]): int(r[1] or 0) for r in rows}


def open_with_rounds(
    conn: sqlite3.Connection, by: str | None, seen_before: datetime, scope: Scope = EVERYTHING
) -> list[tuple[str, str | None]]:
    """(code, group) of the dossiers open after the steps before ``seen_before`` that have
    supplement rounds: their due date in force is read from their rounds."""
    column = GROUP_COLUMNS[by] if by else None
    key = f"d.{column}" if column else "NULL"
    rows = conn.execute(
        f"SELECT d.code, {key} FROM (SELECT DISTINCT dossier_code FROM pauses) p"
        " JOIN dossiers d ON d.code = p.dossier_code"
        f" WHERE {open_at_sql('d', ':s')} AND {_SEEN}"
        f"{scope.sql('d')}",
        {"s": seen_before.isoformat(timespec="seconds"), **scope.params()},
    )
    return [(r[0], _norm(r[1])) for r in rows]


def raw_figures(conn: sqlite3.Connection, start: date, seen_before: datetime) -> dict[str, int]:
    """The summary's counts straight from the dossier rows — the check on ``daily_counts``."""
    r = conn.execute(
        f"""
        SELECT
          sum(received_at < :a AND coalesce(resolved_at, withdrawn_at, closed_at, '9999') >= :a),
          sum(received_at >= :a AND received_at < :s),
          sum(resolved_at >= :a AND resolved_at < :s AND timeliness = 'early'),
          sum(resolved_at >= :a AND resolved_at < :s AND timeliness = 'on_time'),
          sum(resolved_at >= :a AND resolved_at < :s AND timeliness = 'late'),
          sum(withdrawn_at >= :a AND withdrawn_at < :s),
          sum(closed_at >= :a AND closed_at < :s),
          sum(received_at < :s AND coalesce(resolved_at, withdrawn_at, closed_at, '9999') >= :s)
        FROM dossiers d WHERE {_SEEN}
        """,
        {"a": start.isoformat(), "s": seen_before.isoformat(timespec="seconds")},
    ).fetchone()
    keys = ("carried_over", "received", "early", "on_time", "late", "withdrawn", "closed", "pending")
    return {k: int(v or 0) for k, v in zip(keys, tuple(r), strict=True)}


# -- workload and compliance ---------------------------------------------------------------------
#: A handover (or any step) still standing: no undo event points at it.
_STANDING = standing_sql("e")


def handed_over_since_receipt(
    conn: sqlite3.Connection, start: date, end: date
) -> list[tuple[str | None, str | None, int]]:
    """For the dossiers received from ``start`` to ``end`` that were handed over: (officer in
    charge now, officer at receipt — the ``from`` of the first standing handover, how many).
    Only handover events on or after ``start`` can belong to these dossiers."""
    rows = conn.execute(
        f"""
        WITH first AS (
            SELECT e.dossier_code AS code, min(e.id) AS id FROM events e
            WHERE e.step = 'handover' AND e.happened_at >= :a AND {_STANDING}
            GROUP BY e.dossier_code
        )
        SELECT d.officer, json_extract(h.details, '$.from'), count(*)
        FROM first f JOIN dossiers d ON d.code = f.code JOIN events h ON h.id = f.id
        WHERE d.received_at >= :a AND d.received_at < :b AND {_SEEN}
        GROUP BY 1, 2
        """,
        {"a": start.isoformat(), "b": (end + timedelta(1)).isoformat()},
    )
    return [(_norm(r[0]), _norm(r[1]), int(r[2])) for r in rows]


def handovers(conn: sqlite3.Connection, by: str, start: date, seen_before: datetime) -> dict[str | None, int]:
    """Standing handovers from ``start`` to before ``seen_before``: per officer they went to
    (``by`` officer), or per point of the dossier handed over (``by`` point)."""
    key, join = (
        ("json_extract(e.details, '$.to')", "")
        if by == "officer"
        else ("d.point", " JOIN dossiers d ON d.code = e.dossier_code")
    )
    rows = conn.execute(
        f"SELECT {key} AS k, count(*) FROM events e{join}"
        f" WHERE e.step = 'handover' AND e.happened_at >= :a AND e.happened_at < :s AND {_STANDING}"
        " GROUP BY k",
        {"a": start.isoformat(), "s": seen_before.isoformat(timespec="seconds")},
    )
    return _merged_counts(rows)


def _merged_counts(rows: Iterable[Any]) -> dict[str | None, int]:
    """Counts per group, with '' and NULL merged into one "(none)" group."""
    out: dict[str | None, int] = {}
    for k, n in rows:
        out[_norm(k)] = out.get(_norm(k), 0) + int(n)
    return out


def resolved_late(conn: sqlite3.Connection, start: date, end: date) -> list[str]:
    """Codes of the dossiers resolved late from ``start`` to ``end``, in order of resolution
    (the days ``daily_counts`` counts them on; by the small index of late dossiers)."""
    rows = conn.execute(
        "SELECT code FROM dossiers d INDEXED BY dossiers_late"
        f" WHERE timeliness = 'late' AND resolved_at >= :a AND resolved_at < :b AND {_SEEN}"
        " ORDER BY resolved_at, code",
        {"a": start.isoformat(), "b": (end + timedelta(1)).isoformat()},
    )
    return [r[0] for r in rows]


def overdue_codes_without_rounds(
    conn: sqlite3.Connection, seen_before: datetime, snapshot: datetime
) -> list[str]:
    """The dossiers :func:`overdue_without_rounds` counts, by code."""
    rows = conn.execute(
        f"SELECT code FROM ({_open_at_sql(None, EVERYTHING)})"
        f" WHERE {overdue_sql('deadline', ':j')} AND code NOT IN (SELECT dossier_code FROM pauses)",
        {"s": seen_before.isoformat(timespec="seconds"), "j": snapshot.isoformat(timespec="seconds")},
    )
    return [r[0] for r in rows]


def requested_after_appointment(conn: sqlite3.Connection, start: date, seen_before: datetime) -> list[str]:
    """Codes of the dossiers with a supplement request from ``start`` to before ``seen_before``
    made after the appointment in force just before it (the previous round's, else the
    receipt's). Only those can have been late: a deadline is never before its appointment.
    Whether each one was is judged from the dossier's rounds, not here."""
    rows = conn.execute(
        f"""
        SELECT DISTINCT code FROM (
            SELECT p.dossier_code AS code, p.paused_at,
                   coalesce(lag(p.resume_due_at) OVER (PARTITION BY p.dossier_code ORDER BY p.id),
                            d.receipt_due_at) AS due_before
            FROM pauses p JOIN dossiers d ON d.code = p.dossier_code WHERE {_SEEN}
        )
        WHERE paused_at >= :a AND paused_at < :s AND paused_at > due_before
        """,
        {"a": start.isoformat(), "s": seen_before.isoformat(timespec="seconds")},
    )
    return [r[0] for r in rows]


def breach_candidates(conn: sqlite3.Connection, start: date, seen_before: datetime) -> list[str]:
    """Codes of the dossiers that may have broken a duty of Decree 118 from ``start`` to before
    ``seen_before``; ``tthc.core.breaches`` judges each. Every condition here is one a breach cannot
    do without (a working day is at least a calendar day, 8 working hours at least 8 hours), so
    only the few that might have broken one are read: a second request, or a first one 4
    days or more after the effective receipt, in the period; a wait for papers 16 days old, or
    closed 16 days or more after its request, in the period; an apology stored as late; an
    online dossier accepted 8 hours or more after its submission; a dossier for another
    authority received by then and not sent on before the period."""
    rows = conn.execute(
        f"""
        SELECT p.dossier_code FROM pauses p JOIN dossiers d ON d.code = p.dossier_code
            WHERE p.paused_at >= :a AND p.paused_at < :s AND {_SEEN}
            AND (p.paused_at >= date(d.effective_receipt, '+4 days')
                 OR EXISTS (SELECT 1 FROM pauses q WHERE q.dossier_code = p.dossier_code AND q.id < p.id))
        UNION SELECT p.dossier_code FROM pauses p JOIN dossiers d ON d.code = p.dossier_code
            WHERE p.resumed_at IS NULL AND p.paused_at < date(:s, '-15 days') AND {_SEEN}
            AND (d.closed_at IS NULL OR (d.closed_at >= :a AND d.closed_at >= date(p.paused_at, '+16 days')))
        UNION SELECT code FROM dossiers d WHERE apology_in_time = 0 AND apology_at >= :a AND apology_at < :s
            AND {_SEEN}
        UNION SELECT code FROM dossiers d WHERE submitted_at IS NOT NULL AND received_at >= :a AND received_at < :s
            AND received_at >= datetime(submitted_at, '+8 hours') AND {_SEEN}
        UNION SELECT code FROM dossiers d WHERE for_authority IS NOT NULL AND received_at < :s
            AND (forwarded_at IS NULL OR forwarded_at >= :a) AND {_SEEN}
        """,
        {"a": start.isoformat(), "s": seen_before.isoformat(timespec="seconds")},
    )
    return sorted(r[0] for r in rows)


# -- the province's scorecard (Decision 766) -------------------------------------------------------
#: How a dossier's handling ends, and the column that says when: a resolution (approval or
#: refusal), a withdrawal. Indicator 2.1 treats every one of them as the end of the dossier;
#: a new way to end one (closing a dossier whose papers never came) is added here, once.
END_STATES: tuple[tuple[str, str], ...] = (
    ("resolved", "resolved_at"),
    ("withdrawn", "withdrawn_at"),
    ("closed", "closed_at"),  # papers never came (Decree 118 Art. 19.5)
)


def _ended_at(alias: str = "d") -> str:
    """SQL: when the dossier's handling ended, NULL while it goes on."""
    return "coalesce(" + ", ".join(f"{alias}.{column}" for _, column in END_STATES) + ")"


def _ended_by(alias: str = "d") -> str:
    """SQL: how it ended before ``:s`` (the snapshot's edge), NULL if not by then."""
    return (
        "CASE" + "".join(f" WHEN {alias}.{column} < :s THEN '{kind}'" for kind, column in END_STATES) + " END"
    )


@dataclass(frozen=True)
class ScorecardCounts:
    """One group's counts for the indicators counted over the dossiers received in a period
    (3.3, 3.6, 4.2, 4.3) and the results issued in it (4.1)."""

    key: str | None
    received: int
    online: int
    fee_due: int
    paid_online: int
    results: int
    e_results: int
    digitised: int
    reused: int


def scorecard_counts(
    conn: sqlite3.Connection, by: str | None, start: date, seen_before: datetime, scope: Scope = EVERYTHING
) -> list[ScorecardCounts]:
    """Per group, counted by SQL: received from ``start`` to before ``seen_before``, online;
    with a fee to pay (not exempt), paid online; results issued, electronically; digitised at
    receipt with every result issued by then electronic; data already held reused."""
    column = GROUP_COLUMNS[by] if by else None
    rows = conn.execute(
        f"""
        SELECT {column or "NULL"} AS k,
          sum(received_at >= :a),
          sum(received_at >= :a AND {channel_sql("", "online")}),
          sum(received_at >= :a AND fee > 0 AND coalesce(payment, 'cash') != 'exempt'),
          sum(received_at >= :a AND fee > 0 AND payment = 'online'),
          sum(resolved_at >= :a AND resolved_at < :s),
          sum(resolved_at >= :a AND resolved_at < :s AND e_result = 1),
          sum(received_at >= :a AND digitised = 1
              AND NOT (resolved_at IS NOT NULL AND resolved_at < :s AND coalesce(e_result, 0) = 0)),
          sum(received_at >= :a AND data_reused = 1)
        FROM dossiers d
        WHERE received_at < :s AND (received_at >= :a OR resolved_at >= :a) AND {_SEEN}{scope.sql()}
        GROUP BY k
        """,
        {"a": start.isoformat(), "s": seen_before.isoformat(timespec="seconds"), **scope.params()},
    )
    return [ScorecardCounts(_norm(r[0]), *(int(v or 0) for v in tuple(r)[1:])) for r in rows]


def handled_in_period(
    conn: sqlite3.Connection, by: str | None, start: date, seen_before: datetime, scope: Scope = EVERYTHING
) -> list[tuple[Any, ...]]:
    """Indicator 2.1's dossiers: every one received before ``seen_before`` whose handling had
    not ended before ``start`` — finished in the period or not. Per dossier, the facts its
    judgement needs: (group, code, limit, the receipt's appointment, how and when it ended
    before the snapshot, supplement requests before it, the open request's moment, minutes
    the papers took in rounds closed by then, the II.06a timeliness if resolved in the period,
    rated unsatisfied by then)."""
    column = GROUP_COLUMNS[by] if by else None
    key = f"d.{column}" if column else "NULL"
    return conn.execute(
        f"""
        WITH p AS (
          SELECT dossier_code, count(*) AS requests,
            max(CASE WHEN resumed_at IS NULL OR resumed_at >= :s THEN paused_at END) AS waiting,
            round(sum(CASE WHEN resumed_at < :s THEN (julianday(resumed_at) - julianday(paused_at)) * 1440 END))
              AS minutes
          FROM pauses WHERE paused_at < :s GROUP BY dossier_code
        )
        SELECT {key}, d.code, d.time_limit, d.receipt_due_at, {_ended_by()},
          CASE WHEN {_ended_at()} < :s THEN {_ended_at()} END,
          coalesce(p.requests, 0), p.waiting, p.minutes,
          CASE WHEN d.resolved_at >= :a AND d.resolved_at < :s THEN d.timeliness END,
          r.dossier_code IS NOT NULL
        FROM dossiers d NOT INDEXED  -- "received before the snapshot" is nearly every row: a scan
        LEFT JOIN p ON p.dossier_code = d.code
        LEFT JOIN ratings r ON r.dossier_code = d.code AND r.rating = 'unsatisfied' AND r.rated_at < :s
        WHERE d.received_at < :s AND coalesce({_ended_at()}, '9999') >= :a AND {_SEEN}{scope.sql("d")}
        """,
        {"a": start.isoformat(), "s": seen_before.isoformat(timespec="seconds"), **scope.params()},
    ).fetchall()


def completed_received_in(
    conn: sqlite3.Connection, by: str | None, start: date, seen_before: datetime, scope: Scope = EVERYTHING
) -> list[tuple[Any, ...]]:
    """Indicator 2.2's dossiers: received in the period and resolved before ``seen_before``
    (the resolution may fall after the period). Per dossier: (group, procedure, the
    procedure's statutory limit in the catalog, the effective receipt, the resolution, minutes
    the papers took)."""
    column = GROUP_COLUMNS[by] if by else None
    key = f"d.{column}" if column else "NULL"
    return conn.execute(
        f"""
        WITH p AS (
          SELECT dossier_code,
            round(sum((julianday(resumed_at) - julianday(paused_at)) * 1440)) AS minutes
          FROM pauses WHERE resumed_at IS NOT NULL GROUP BY dossier_code
        )
        SELECT {key}, d.procedure_code, coalesce(c.time_limit, d.time_limit), d.effective_receipt, d.resolved_at,
          p.minutes
        FROM dossiers d LEFT JOIN procedures c ON c.code = d.procedure_code
        LEFT JOIN p ON p.dossier_code = d.code
        WHERE d.received_at >= :a AND d.received_at < :s AND d.resolved_at < :s AND {_SEEN}{scope.sql("d")}
        ORDER BY d.procedure_code, d.code
        """,
        {"a": start.isoformat(), "s": seen_before.isoformat(timespec="seconds"), **scope.params()},
    ).fetchall()


def ratings_by(
    conn: sqlite3.Connection, by: str, start: date, seen_before: datetime
) -> dict[str | None, dict[str, int]]:
    """Ratings given from ``start`` to before ``seen_before``, per officer in charge (or point)
    of the dossier rated, per rating."""
    column = GROUP_COLUMNS[by]
    rows = conn.execute(
        f"SELECT d.{column}, r.rating, count(*) FROM ratings r JOIN dossiers d ON d.code = r.dossier_code"
        " WHERE r.rated_at >= :a AND r.rated_at < :s GROUP BY 1, 2",
        {"a": start.isoformat(), "s": seen_before.isoformat(timespec="seconds")},
    )
    out: dict[str | None, dict[str, int]] = {}
    for key, rating, n in rows:
        out.setdefault(_norm(key), {})[str(rating)] = int(n)
    return out


def ratings_in(conn: sqlite3.Connection, start: date, seen_before: datetime) -> dict[str, int]:
    """How many of each rating were given from ``start`` to before ``seen_before``."""
    rows = conn.execute(
        "SELECT rating, count(*) FROM ratings WHERE rated_at >= :a AND rated_at < :s GROUP BY 1",
        {"a": start.isoformat(), "s": seen_before.isoformat(timespec="seconds")},
    )
    return {str(r): int(n) for r, n in rows}
