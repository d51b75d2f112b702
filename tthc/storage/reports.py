"""The reports' reads: per-period counts from ``daily_counts``, the dossiers open at a report's
snapshot, the workload's handovers, the compliance lists (late, overdue, requests after the
appointment, breach candidates) and the province's roll-up rows. Aggregates stay in SQL over
indexed columns; rows come back as typed records or plain tuples of counts and keys.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from tthc.storage.conditions import channel_sql, open_at_sql, open_sql, overdue_sql, standing_sql, visible_sql
from tthc.storage.connection import Connection

if TYPE_CHECKING:
    from tthc.storage.counts import PeriodCounts

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


def _norm(key: Any) -> str | None:
    return None if key in (None, "") else str(key)


#: The columns ``daily_counts`` and ``monthly_counts`` share after their day or month.
_ROLLUP = "procedure_code, field, channel, point, officer, received, early, on_time, late, withdrawn, closed"


def _open_at_sql(column: str | None, scope: Scope) -> str:
    """(code, group ``k``, deadline) of the dossiers open at ``:s`` (:func:`open_at_rows`)."""
    key = f"d.{column}" if column else "NULL"
    return open_at_rows(f"d.code, {key} AS k, d.deadline", ":s", scope)


def open_at_rows(picked: str, moment: str, scope: Scope) -> str:
    """SQL: ``picked`` (over the alias ``d``) of the dossiers received before ``moment`` (a
    parameter) and neither resolved, withdrawn nor closed before it (``conditions.open_at_sql``),
    in three disjoint halves each read through its own index: open now, ended at or after the
    moment (the index by end holds the receipt too), closed at or after it. (A closed dossier
    has neither a resolution nor a withdrawal: its own index finds it.)"""
    return (
        f"SELECT {picked}"
        " FROM dossiers d INDEXED BY dossiers_open"  # open dossiers only
        f" WHERE {open_sql('d')} AND d.received_at < {moment} AND {_SEEN}{scope.sql('d')}"
        f" UNION ALL SELECT {picked}"
        f" FROM dossiers d WHERE coalesce(d.resolved_at, d.withdrawn_at) >= {moment} AND d.received_at < {moment}"
        f" AND {_SEEN}{scope.sql('d')}"
        f" UNION ALL SELECT {picked}"
        f" FROM dossiers d INDEXED BY dossiers_closed WHERE d.closed_at >= {moment} AND d.received_at < {moment}"
        f" AND {_SEEN}{scope.sql('d')}"
    )


#: A handover (or any step) still standing: no undo event points at it.
_STANDING = standing_sql("e")


def _merged_counts(rows: Iterable[Any]) -> dict[str | None, int]:
    """Counts per group, with '' and NULL merged into one "(none)" group."""
    out: dict[str | None, int] = {}
    for k, n in rows:
        out[_norm(k)] = out.get(_norm(k), 0) + int(n)
    return out


class Reports(Connection):
    """The reports' reads."""

    def rollup_rows(self) -> Iterator[tuple[Any, ...]]:
        """Every dossier as a province's roll-up reads it: its keys, its moments, what was
        decided (timeliness, the deadline stored now) and whether it had supplement rounds
        (whose due dates in force are read from its life, not from ``deadline``)."""
        yield from self.conn.execute(
            "SELECT d.code, d.procedure_code, d.field, d.channel, d.point, d.officer, d.status,"
            " d.received_at, d.resolved_at, d.outcome, d.timeliness, d.returned_at, d.withdrawn_at,"
            " d.due_date, d.deadline, EXISTS (SELECT 1 FROM pauses p WHERE p.dossier_code = d.code),"
            f" d.closed_at FROM dossiers d WHERE {visible_sql('d')}"
        )

    def codes_with_rounds(self) -> list[str]:
        """The dossiers that ever waited for papers."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT dossier_code FROM pauses")]

    # -- the summary -----------------------------------------------------------------------
    def period_counts(
        self, by: str | None, start: date, end: date, scope: Scope = EVERYTHING
    ) -> "list[PeriodCounts]":
        """Carried over into ``start``, and what happened from ``start`` to ``end``, per group:
        the months before ``start``'s month from ``monthly_counts``, the days from there on from
        ``daily_counts`` (the same counts, so the history costs a row per month and key)."""
        column = GROUP_COLUMNS[by] if by else None
        ended = "received - early - on_time - late - withdrawn - closed"
        rows = self.conn.execute(
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
        from tthc.storage.counts import PeriodCounts  # a report's: not built for a clerk's command

        return [PeriodCounts(_norm(r[0]), *(int(v or 0) for v in tuple(r)[1:])) for r in rows]

    def overdue_without_rounds(
        self,
        by: str | None,
        seen_before: datetime,
        snapshot: datetime,
        scope: Scope = EVERYTHING,
    ) -> dict[str | None, int]:
        """Per group, the dossiers open after the steps before ``seen_before`` that never waited
        for papers and whose deadline had passed at ``snapshot`` (``deadlines.is_overdue``, said in
        SQL): their due date in force is the receipt's, the one stored."""
        column = GROUP_COLUMNS[by] if by else None
        rows = self.conn.execute(
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
        self, by: str | None, seen_before: datetime, scope: Scope = EVERYTHING
    ) -> list[tuple[str, str | None]]:
        """(code, group) of the dossiers open after the steps before ``seen_before`` that have
        supplement rounds: their due date in force is read from their rounds."""
        column = GROUP_COLUMNS[by] if by else None
        key = f"d.{column}" if column else "NULL"
        rows = self.conn.execute(
            f"SELECT d.code, {key} FROM (SELECT DISTINCT dossier_code FROM pauses) p"
            " JOIN dossiers d ON d.code = p.dossier_code"
            f" WHERE {open_at_sql('d', ':s')} AND {_SEEN}"
            f"{scope.sql('d')}",
            {"s": seen_before.isoformat(timespec="seconds"), **scope.params()},
        )
        return [(r[0], _norm(r[1])) for r in rows]

    def raw_figures(self, start: date, seen_before: datetime) -> dict[str, int]:
        """The summary's counts straight from the dossier rows — the check on ``daily_counts``."""
        r = self.conn.execute(
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

    # -- workload and compliance ---------------------------------------------------------------
    def handed_over_since_receipt(
        self, start: date, end: date
    ) -> list[tuple[str | None, str | None, int]]:
        """For the dossiers received from ``start`` to ``end`` that were handed over: (officer in
        charge now, officer at receipt — the ``from`` of the first standing handover, how many).
        Only handover events on or after ``start`` can belong to these dossiers."""
        rows = self.conn.execute(
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

    def handover_counts(self, by: str, start: date, seen_before: datetime) -> dict[str | None, int]:
        """Standing handovers from ``start`` to before ``seen_before``: per officer they went to
        (``by`` officer), or per point of the dossier handed over (``by`` point)."""
        key, join = (
            ("json_extract(e.details, '$.to')", "")
            if by == "officer"
            else ("d.point", " JOIN dossiers d ON d.code = e.dossier_code")
        )
        rows = self.conn.execute(
            f"SELECT {key} AS k, count(*) FROM events e{join}"
            f" WHERE e.step = 'handover' AND e.happened_at >= :a AND e.happened_at < :s AND {_STANDING}"
            " GROUP BY k",
            {"a": start.isoformat(), "s": seen_before.isoformat(timespec="seconds")},
        )
        return _merged_counts(rows)

    def resolved_late(self, start: date, end: date) -> list[str]:
        """Codes of the dossiers resolved late from ``start`` to ``end``, in order of resolution
        (the days ``daily_counts`` counts them on; by the small index of late dossiers)."""
        rows = self.conn.execute(
            "SELECT code FROM dossiers d INDEXED BY dossiers_late"
            f" WHERE timeliness = 'late' AND resolved_at >= :a AND resolved_at < :b AND {_SEEN}"
            " ORDER BY resolved_at, code",
            {"a": start.isoformat(), "b": (end + timedelta(1)).isoformat()},
        )
        return [r[0] for r in rows]

    def overdue_codes_without_rounds(
        self, seen_before: datetime, snapshot: datetime
    ) -> list[str]:
        """The dossiers :meth:`overdue_without_rounds` counts, by code."""
        rows = self.conn.execute(
            f"SELECT code FROM ({_open_at_sql(None, EVERYTHING)})"
            f" WHERE {overdue_sql('deadline', ':j')} AND code NOT IN (SELECT dossier_code FROM pauses)",
            {"s": seen_before.isoformat(timespec="seconds"), "j": snapshot.isoformat(timespec="seconds")},
        )
        return [r[0] for r in rows]

    def requested_after_appointment(self, start: date, seen_before: datetime) -> list[str]:
        """Codes of the dossiers with a supplement request from ``start`` to before ``seen_before``
        made after the appointment in force just before it (the previous round's, else the
        receipt's). Only those can have been late: a deadline is never before its appointment.
        Whether each one was is judged from the dossier's rounds, not here."""
        rows = self.conn.execute(
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

    def breach_candidates(self, start: date, seen_before: datetime) -> list[str]:
        """Codes of the dossiers that may have broken a duty of Decree 118 from ``start`` to before
        ``seen_before``; ``tthc.core.breaches`` judges each. Every condition here is one a breach cannot
        do without (a working day is at least a calendar day, 8 working hours at least 8 hours), so
        only the few that might have broken one are read: a second request, or a first one 4
        days or more after the effective receipt, in the period; a wait for papers 16 days old, or
        closed 16 days or more after its request, in the period; an apology stored as late; an
        online dossier accepted 8 hours or more after its submission; a dossier for another
        authority received by then and not sent on before the period."""
        rows = self.conn.execute(
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
