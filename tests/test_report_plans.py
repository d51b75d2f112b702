"""The manager's figures read what they count, not the whole history: every query the page of
the last twelve months and the month's scorecard make on the dossiers goes through an index
bounded on both sides, or one that holds only open or partial sets (checked on SQLite's own
plan of each query, so the test does not depend on the size of the file or the PC)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from tests.conftest import Cli


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
