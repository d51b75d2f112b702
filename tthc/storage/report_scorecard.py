"""The province's scorecard (Decision 766) read from the database: the counts of the
indicators counted over a period's dossiers, the dossiers indicators 2.1 and 2.2 judge one by
one, and the ratings given.
"""

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from tthc.storage.conditions import channel_sql
from tthc.storage.connection import Connection
from tthc.storage.reports import _SEEN, EVERYTHING, GROUP_COLUMNS, Scope, _norm, open_at_rows

if TYPE_CHECKING:
    from tthc.storage.counts import ScorecardCounts

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


class ScorecardReads(Connection):
    """The scorecard's and the ratings' reads."""

    def scorecard_counts(
        self, by: str | None, start: date, seen_before: datetime, scope: Scope = EVERYTHING
    ) -> "list[ScorecardCounts]":
        """Per group, counted by SQL: received from ``start`` to before ``seen_before``, online;
        with a fee to pay (not exempt), paid online; results issued, electronically; digitised at
        receipt with every result issued by then electronic; data already held reused. (The
        dossiers received before ``:s`` and either received in the period or resolved in or
        after it: two disjoint halves, each read through its own index.)"""
        column = GROUP_COLUMNS[by] if by else None
        rows = self.conn.execute(
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
            FROM (  -- received in the period, or before it and resolved in or after it: each by its index
              SELECT * FROM dossiers d WHERE received_at >= :a AND received_at < :s AND {_SEEN}{scope.sql("d")}
              UNION ALL
              SELECT * FROM dossiers d WHERE coalesce(resolved_at, withdrawn_at) >= :a AND resolved_at >= :a
                AND received_at < :a AND {_SEEN}{scope.sql("d")}
            )
            GROUP BY k
            """,
            {"a": start.isoformat(), "s": seen_before.isoformat(timespec="seconds"), **scope.params()},
        )
        from tthc.storage.counts import ScorecardCounts  # a report's: not built for a clerk's command

        return [ScorecardCounts(_norm(r[0]), *(int(v or 0) for v in tuple(r)[1:])) for r in rows]

    def handled_in_period(
        self,
        by: str | None,
        start: date,
        seen_before: datetime,
        scope: Scope = EVERYTHING,
        *,
        counted_before: datetime | None = None,
    ) -> list[tuple[Any, ...]]:
        """Indicator 2.1's dossiers: every one received before ``seen_before`` whose handling had
        not ended before ``start`` — finished in the period or not: those open at ``start``
        and those received in the period. Per dossier, the facts its
        judgement needs: (group, code, limit, the receipt's appointment, how and when it ended
        before the snapshot, supplement requests before it, the open request's moment, minutes
        the papers took in rounds closed by then, the II.06a timeliness if resolved in the period
        before ``counted_before`` (the II.06a's own bound, by default ``seen_before``), rated
        unsatisfied by then)."""
        column = GROUP_COLUMNS[by] if by else None
        key = f"d.{column}" if column else "NULL"
        return self.conn.execute(
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
              CASE WHEN d.resolved_at >= :a AND d.resolved_at < :c THEN d.timeliness END,
              r.dossier_code IS NOT NULL
            FROM (  -- open at the period's start, or received in the period: each half by its index
              {open_at_rows("d.*", ":a", scope)}
              UNION ALL
              SELECT d.* FROM dossiers d WHERE d.received_at >= :a AND d.received_at < :s AND {_SEEN}{scope.sql("d")}
            ) d
            LEFT JOIN p ON p.dossier_code = d.code
            LEFT JOIN ratings r ON r.dossier_code = d.code AND r.rating = 'unsatisfied' AND r.rated_at < :s
            """,
            {
                "a": start.isoformat(),
                "s": seen_before.isoformat(timespec="seconds"),
                "c": (counted_before or seen_before).isoformat(timespec="seconds"),
                **scope.params(),
            },
        ).fetchall()

    def completed_received_in(
        self, by: str | None, start: date, seen_before: datetime, scope: Scope = EVERYTHING
    ) -> list[tuple[Any, ...]]:
        """Indicator 2.2's dossiers: received in the period and resolved before ``seen_before``
        (the resolution may fall after the period). Per dossier: (group, procedure, the
        procedure's statutory limit in the catalog, the effective receipt, the resolution, minutes
        the papers took)."""
        column = GROUP_COLUMNS[by] if by else None
        key = f"d.{column}" if column else "NULL"
        return self.conn.execute(
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
        self, by: str, start: date, seen_before: datetime
    ) -> dict[str | None, dict[str, int]]:
        """Ratings given from ``start`` to before ``seen_before``, per officer in charge (or point)
        of the dossier rated, per rating."""
        column = GROUP_COLUMNS[by]
        rows = self.conn.execute(
            f"SELECT d.{column}, r.rating, count(*) FROM ratings r JOIN dossiers d ON d.code = r.dossier_code"
            " WHERE r.rated_at >= :a AND r.rated_at < :s GROUP BY 1, 2",
            {"a": start.isoformat(), "s": seen_before.isoformat(timespec="seconds")},
        )
        out: dict[str | None, dict[str, int]] = {}
        for key, rating, n in rows:
            out.setdefault(_norm(key), {})[str(rating)] = int(n)
        return out

    def ratings_in(self, start: date, seen_before: datetime) -> dict[str, int]:
        """How many of each rating were given from ``start`` to before ``seen_before``."""
        rows = self.conn.execute(
            "SELECT rating, count(*) FROM ratings WHERE rated_at >= :a AND rated_at < :s GROUP BY 1",
            {"a": start.isoformat(), "s": seen_before.isoformat(timespec="seconds")},
        )
        return {str(r): int(n) for r, n in rows}
