"""The manager's figures read what they count, not the whole history: every query the page of
the last twelve months and the month's scorecard make on the dossiers goes through an index
bounded on both sides, or one that holds only open or partial sets (checked on SQLite's own
plan of each query, so the test does not depend on the size of the file or the PC)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Cli
from tests.test_summary import NOW, blank_db, enter_history, histories

__all__ = ["blank_db"]  # the summary tests' blank center, shared


def _plans(conn: sqlite3.Connection, asked: list[str]) -> list[tuple[str, list[str]]]:
    """Each read of the dossiers asked, with the lines of its plan that read them."""
    out = []
    for sql in asked:
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")) or "FROM dossiers" not in sql:
            continue
        plan = [str(r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql)]
        out.append((sql, [p for p in plan if p.startswith(("SCAN d", "SEARCH d", "SCAN dossiers", "SEARCH dossiers"))]))
    return out


def test_the_end_index_holds_the_receipt_after_the_end(center: Cli) -> None:
    """"Ended after one moment and received before another" is answered by the index alone;
    only the dossiers that answer are read from the table."""
    conn = sqlite3.connect(center.db)
    keys = [r[2] for r in conn.execute("PRAGMA index_xinfo(dossiers_by_end)") if r[5]]
    assert keys == [None, "received_at"]  # coalesce(resolved_at, withdrawn_at), then the receipt


def test_a_december_day_s_twelve_months_and_scorecard_read_no_open_range_of_receipts(center: Cli) -> None:
    """20 December 2025, the manager's page: the twelve monthly summaries (each counts the
    dossiers open at its month's end) and December's scorecard (received in December, or
    before it and resolved since; indicator 2.1's dossiers open on 1 December or received
    since). None reads every dossier received before a moment — at a
    center with years behind it, that is the whole history, once per month."""
    from tthc.app import dashboard, indicators, service
    from tthc.core.periods import Period

    for day, hour in (("2025-01-06", "08:00"), ("2025-06-02", "09:00"), ("2025-12-01", "10:00")):
        center.ok("receive", "ks", "--applicant", f"Công dân {day}", "--at", f"{day} {hour}", now=f"{day} {hour}")
    ctx = center.context()
    ctx.now = datetime(2025, 12, 20, 10)
    conn = ctx.store().conn
    small = {
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'")
    }
    asked: list[str] = []
    conn.set_trace_callback(asked.append)
    try:
        service.summary(ctx, dashboard.last_months(ctx, ctx.now.date(), 12), "month")
        indicators.build(ctx, Period(date(2025, 12, 1), date(2025, 12, 31)))
    finally:
        conn.set_trace_callback(None)
    plans = _plans(conn, asked)
    assert len(plans) >= 13 + 3  # a month's open dossiers, twelve times and the total; the scorecard's reads
    for sql, lines in plans:
        for line in lines:
            assert "(received_at<?)" not in line, (sql, lines)  # every receipt before a moment
            if line.startswith(("SCAN d", "SCAN dossiers")):
                assert line.split(" INDEX ")[-1] in small, (sql, lines)
    ctx.close()


# -- the halves read through the indexes are the whole, for any history and any moments --------------


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=histories, start=st.integers(0, 200), length=st.integers(0, 120), minute=st.integers(0, 1439))
def test_the_halves_read_through_the_indexes_are_the_whole_for_any_history(
    blank_db: Path, tmp_path: Path, history: list[tuple], start: int, length: int, minute: int
) -> None:
    """Any history (results, withdrawals, closes, waits for papers, some undone) and any period:
    the dossiers open at a moment read in three halves are those ``conditions.open_at_sql``
    names, each once; indicator 2.1's dossiers, read as "open at the start" and "received in
    the period", are those received before the snapshot and not ended before the start; and
    the scorecard's counts, read in two halves, are those of its condition read whole — for the
    whole center and one procedure, in total and by procedure, with an import's rows set aside
    and without."""
    import shutil
    import tempfile

    from tthc.app.context import Context
    from tthc.storage.conditions import open_at_sql, visible_sql
    from tthc.storage.reports import EVERYTHING, Scope, open_at_rows

    db = Path(tempfile.mkdtemp(dir=tmp_path)) / "center.db"
    shutil.copy(blank_db, db)
    ctx = Context(db_path=db, actor="t", now=NOW)
    enter_history(ctx, history)
    store = ctx.store()
    conn = store.conn
    first = date(2025, 9, 1) + timedelta(start)
    seen = datetime.combine(first + timedelta(length), datetime.min.time()) + timedelta(minutes=minute)
    moments = {"a": first.isoformat(), "s": seen.isoformat(timespec="seconds")}

    def rows(sql: str, **params: Any) -> Counter[tuple[Any, ...]]:
        return Counter(tuple(r) for r in conn.execute(sql, params))

    top = int(conn.execute("SELECT max(rowid) FROM dossiers").fetchone()[0])
    for hidden in (None, (top // 3 + 1, 2 * top // 3)):  # and with an import's rows set aside
        if hidden is not None:
            conn.execute("INSERT INTO hidden_batch (lo, hi, event_id, folder) VALUES (?, ?, 0, '-')", hidden)
        for scope in (EVERYTHING, Scope(procedure="2.000884")):
            for by in (None, "procedure"):
                key = "procedure_code" if by else "NULL"
                params = {**moments, **scope.params()}
                where = f"{visible_sql('d')}{scope.sql('d')}"
                for moment in (moments["a"], moments["s"]):
                    assert rows(f"SELECT code FROM ({open_at_rows('d.code AS code', ':m', scope)})", m=moment, **params) == rows(
                        f"SELECT code FROM dossiers d WHERE {open_at_sql('d', ':m')} AND {where}", m=moment, **params
                    )
                handled = Counter((r[0], r[1]) for r in store.handled_in_period(by, first, seen, scope))
                assert handled == rows(
                    f"SELECT {key}, code FROM dossiers d WHERE received_at < :s"
                    f" AND coalesce(resolved_at, withdrawn_at, closed_at, '9999') >= :a AND {where}",
                    **params,
                )
                whole = {
                    r[0]: tuple(int(v or 0) for v in tuple(r)[1:])
                    for r in conn.execute(
                        f"""SELECT {key}, sum(received_at >= :a), sum(received_at >= :a AND channel = 'online'),
                             sum(resolved_at >= :a AND resolved_at < :s), sum(received_at >= :a AND digitised = 1
                                 AND NOT (resolved_at IS NOT NULL AND resolved_at < :s AND coalesce(e_result, 0) = 0))
                           FROM dossiers d WHERE received_at < :s AND (received_at >= :a OR resolved_at >= :a)
                           AND {where} GROUP BY 1""",
                        params,
                    )
                }
                counted = {
                    c.key: (c.received, c.online, c.results, c.digitised)
                    for c in store.scorecard_counts(by, first, seen, scope)
                }
                assert counted == whole
    ctx.close()

