"""What an import's copy and a bulk load leave behind on the store's connection and in the
schema, whether they finish or fail half-way: the insert triggers they set aside made again,
the tables' CHECKs held again, the page cache as it was, the scratch database detached; and
the copy's steps sized by their own time under the lock, not by a clerk's write before them."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.test_import_wait import write_csv


def connection_state(conn: sqlite3.Connection) -> dict[str, Any]:
    """What the copy and the bulk load change for a while and must give back."""
    return {
        "triggers": conn.execute(
            "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall(),
        "ignore_check_constraints": conn.execute("PRAGMA ignore_check_constraints").fetchone()[0],
        "cache_size": conn.execute("PRAGMA main.cache_size").fetchone()[0],
        "attached": [r[1] for r in conn.execute("PRAGMA database_list")],
    }


def test_an_august_file_whose_second_step_fails_leaves_the_triggers_checks_and_cache_as_they_were(
    center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second of three steps fails after its rows went in with the triggers dropped: the
    step's transaction takes the drop back, the first step's rows are removed, and the
    store's connection is as it was. A receipt after it is counted and found as ever."""
    from tthc.app import interchange
    from tthc.storage import hidden
    from tthc.storage.migrations import SEARCH_INDEX

    data = tmp_path / "provincial-august-2025.csv"
    write_csv(data, 300, month=8)
    monkeypatch.setattr(hidden, "STEP_ROWS", 100)
    monkeypatch.setattr(hidden, "MAX_STEP_ROWS", 100)
    real_copy_step = hidden.copy_step
    steps: list[int] = []

    def the_second_step_breaks(conn: sqlite3.Connection, *args: Any) -> None:
        steps.append(len(steps) + 1)
        # its search words go to a table that is not there: after its rows, triggers aside
        monkeypatch.setattr(hidden, "SEARCH_INDEX", "search_gone" if len(steps) == 2 else SEARCH_INDEX)
        real_copy_step(conn, *args)

    monkeypatch.setattr(hidden, "copy_step", the_second_step_breaks)
    ctx = center.context()
    try:
        conn = ctx.store().conn
        before = connection_state(conn)
        with pytest.raises(sqlite3.OperationalError, match="search_gone"):
            interchange.import_file(ctx, data)
        assert steps == [1, 2]
        assert connection_state(conn) == before
        assert conn.execute("SELECT count(*) FROM dossiers WHERE code LIKE 'T-%'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM hidden_batch").fetchone()[0] == 0
    finally:
        ctx.close()
    monkeypatch.undo()
    summary = json.loads(center.ok("summary", "--year", "2025", "--json").stdout)
    center.ok("receive", "ks", "--applicant", "Lê Thị Hoa", "--at", "2025-09-10 08:30")
    after = json.loads(center.ok("summary", "--year", "2025", "--json").stdout)
    assert after["received"] == summary["received"] + 1
    found = json.loads(center.ok("list", "--search", "Le Thi Hoa", "--json").stdout)
    assert [r["applicant"] for r in found] == ["Lê Thị Hoa"]


def test_a_whole_import_gives_the_store_s_connection_back_as_it_was(center: Cli, tmp_path: Path) -> None:
    from tthc.app import interchange

    data = tmp_path / "provincial-august-2025.csv"
    write_csv(data, 50, month=8)
    ctx = center.context()
    try:
        conn = ctx.store().conn
        before = connection_state(conn)
        interchange.import_file(ctx, data)
        assert connection_state(conn) == before
    finally:
        ctx.close()


def _bulk_load(ctx: Any, codes: list[str]) -> None:
    from tthc.core import transitions
    from tthc.core.timelimit import parse_limit
    from tthc.storage.details import Details
    from tthc.storage.store import new_dossier_values, round_values

    store = ctx.store()
    with store.bulk_load(len(codes)) as loader:
        for i, code in enumerate(codes, start=1):
            life = transitions.receive(ctx.calendar(), code, parse_limit("5wd"), datetime(2025, 9, 8, 9))
            details = Details("1.001193", "Hộ tịch", f"Phạm Văn Bảy {i}", "direct")
            loader.add(
                i,
                new_dossier_values(code, details, life, ctx.now.isoformat()),
                [round_values(code, r) for r in life.rounds],
            )
        loader.flush()


def test_a_merge_s_bulk_load_gives_the_page_cache_back(center: Cli) -> None:
    """A merge loads the other point's new dossiers in bulk with a big page cache; the store
    it runs on keeps its own cache size afterwards."""
    ctx = center.context()
    try:
        store = ctx.store()
        before = connection_state(store.conn)
        with store.write():
            _bulk_load(ctx, ["000.00.20.H56-250908-0901", "000.00.20.H56-250908-0902"])
        assert connection_state(store.conn) == before
        with pytest.raises(RuntimeError), store.write():
            _bulk_load(ctx, ["000.00.20.H56-250908-0903"])
            raise RuntimeError("the merge found a conflict after its load")
        assert connection_state(store.conn) == before
    finally:
        ctx.close()
    assert json.loads(center.ok("show", "000.00.20.H56-250908-0902", "--json").stdout)["applicant"] == (
        "Phạm Văn Bảy 2"
    )
    center.fails("show", "000.00.20.H56-250908-0903")


def test_a_clerk_s_write_before_a_step_is_not_counted_as_the_step_s_time(
    center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between two steps of a Monday morning's import a clerk is let in, and holds the write
    lock for a second. The step after waits for it; what sizes the next step is the time the
    step itself held the lock, not the clerk's second: else every clerk let in would shrink
    the copy's steps back towards the first one's size."""
    from tthc.app import interchange
    from tthc.storage import hidden
    from tthc.storage.store import Store

    data = tmp_path / "provincial.csv"
    write_csv(data, 300, month=8)
    monkeypatch.setattr(hidden, "STEP_ROWS", 100)
    monkeypatch.setattr(hidden, "MAX_STEP_ROWS", 100)
    took: list[float] = []
    real_took = hidden.Steps.took

    def noted(self: hidden.Steps, rows: int, seconds: float) -> None:
        took.append(seconds)
        real_took(self, rows, seconds)

    monkeypatch.setattr(hidden.Steps, "took", noted)
    holding = threading.Event()

    def a_clerk_holds_the_lock_a_second() -> None:
        clerk = sqlite3.connect(center.db, isolation_level=None, timeout=30)
        try:
            clerk.execute("BEGIN IMMEDIATE")
            holding.set()
            threading.Event().wait(1.0)
            clerk.execute("COMMIT")
        finally:
            clerk.close()

    def let_one_clerk_in(self: Store, limit: float = 2.0) -> bool:
        if holding.is_set():
            return False
        threading.Thread(target=a_clerk_holds_the_lock_a_second, daemon=True).start()
        assert holding.wait(30)
        return True

    monkeypatch.setattr(Store, "let_waiting_in", let_one_clerk_in)
    ctx = center.context()
    try:
        interchange.import_file(ctx, data)
    finally:
        ctx.close()
    assert len(took) == 3
    assert took[1] < 0.8, took  # 100 rows: well under the second the clerk held the lock
