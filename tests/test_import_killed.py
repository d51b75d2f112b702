"""An import killed in the middle of its copy into the live database (a power cut, a task
manager's "end process"): nothing of it is visible afterwards, the database is sound, the
counter goes on, and the same file loads whole on the next try."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import Cli, sandbox_env

#: Runs ``tthc import`` in a real process whose copy into the live database, its first step
#: done and committed (1,000 rows, unseen), waits inside its second step's transaction
#: (uncommitted: its rows in, the insert triggers dropped) for the kill, and says so in a
#: marker file.
KILLED_IN_THE_COPY = """
import contextlib, runpy, sys, time
from pathlib import Path
from tthc.storage import hidden, store

hidden.STEP_ROWS = hidden.MAX_STEP_ROWS = 1000
real_copy_step = store.Stage.copy_step
real_triggers_aside = hidden.triggers_aside
marker = Path(sys.argv[1])
done = []

@contextlib.contextmanager
def triggers_aside_then_wait(conn):
    with real_triggers_aside(conn):
        yield
        if done:
            marker.write_text("copied", encoding="utf-8")
            time.sleep(120)

def copy_step(self, *args):
    real_copy_step(self, *args)
    done.append(args)

hidden.triggers_aside = triggers_aside_then_wait
store.Stage.copy_step = copy_step
sys.argv = ["tthc", "--db", *sys.argv[2:]]
runpy.run_module("tthc", run_name="__main__")
"""
ROWS = 3_000


def write_csv(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("code,procedure,received_at,resolved_at,applicant,officer\n")
        for i in range(ROWS):
            day = 1 + i % 28
            fh.write(
                f"P-{i:05d},1.001193,2025-02-{day:02d} 08:00,2025-02-{day:02d} 10:00,"
                f"Nguyễn Văn {i},Trần Văn Mới\n"
            )


def schema_of(db: Path) -> list[tuple[str, str, str | None]]:
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=str)
    finally:
        conn.close()


def test_an_import_killed_during_its_copy_on_a_february_morning_leaves_nothing_of_itself(
    center: Cli, tmp_path: Path
) -> None:
    data = tmp_path / "provincial-february-2025.csv"
    write_csv(data)
    center.ok("receive", "ks", "--applicant", "Lê Thị Hoa", "--at", "2025-09-10 08:30")
    before = json.loads(center.ok("summary", "--year", "2025", "--json").stdout)
    schema = schema_of(center.db)
    marker = tmp_path / "copied"
    importer = subprocess.Popen(
        [sys.executable, "-c", KILLED_IN_THE_COPY, str(marker), str(center.db), "import", str(data)],
        env=sandbox_env(TTHC_NOW=center.now, TTHC_USER="manager", PATH="/usr/bin:/bin"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert importer.poll() is None, importer.stderr.read() if importer.stderr else ""
            assert time.monotonic() < deadline, "the import never reached its copy"
            time.sleep(0.05)
    finally:
        os.kill(importer.pid, signal.SIGKILL)
        importer.wait()
    assert importer.returncode == -signal.SIGKILL

    conn = sqlite3.connect(center.db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # its first step's thousand rows and its audit entry are there, set aside and unseen
        (lo, hi, event_id), = conn.execute("SELECT lo, hi, event_id FROM hidden_batch").fetchall()
        assert conn.execute(
            "SELECT count(*), min(rowid) >= ?, max(rowid) <= ? FROM dossiers WHERE code LIKE 'P-%'", (lo, hi)
        ).fetchone() == (1000, 1, 1)
        assert conn.execute("SELECT id FROM events WHERE step = 'import'").fetchall() == [(event_id,)]
        assert conn.execute("SELECT count(*) FROM officers WHERE name = 'Trần Văn Mới'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM settings WHERE key LIKE '\\_%' ESCAPE '\\'").fetchone() == (
            0,
        )
    finally:
        conn.close()
    assert schema_of(center.db) == schema  # the triggers and indexes a bulk load set aside are back
    assert json.loads(center.ok("summary", "--year", "2025", "--json").stdout) == before
    center.fails("show", "P-02999")  # copied in the first step: the last rows go first
    assert "P-0" not in center.ok("list", "--search", "Nguyen Van 2999").stdout
    assert "P-0" not in center.ok("list", "--received-from", "2025-01-01", "--limit", "5000").stdout
    # the counter goes on, and the same file loads whole on the next try
    center.ok("receive", "ks", "--applicant", "Phạm Văn Nam", "--at", "2025-09-10 09:00")
    center.ok("import", str(data))
    after = json.loads(center.ok("summary", "--year", "2025", "--json").stdout)
    assert after["received"] == before["received"] + 1 + ROWS
    assert "P-02999" in center.ok("list", "--search", "Nguyen Van 2999").stdout
    # the killed import's rows and entry were removed before the new one went in
    conn = sqlite3.connect(center.db)
    try:
        assert conn.execute("SELECT count(*) FROM dossiers WHERE code LIKE 'P-%'").fetchone() == (ROWS,)
        assert conn.execute("SELECT count(*) FROM events WHERE step = 'import'").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM hidden_batch").fetchone() == (0,)
    finally:
        conn.close()
    # and the killed import's scratch folder, left behind by the kill, is gone with it
    assert [p.name for p in center.db.parent.glob(".tthc-import-*")] == []


def test_an_import_running_beside_keeps_its_scratch_folder(tmp_path: Path) -> None:
    """Two managers import at once: the second one's start removes only what a killed import
    left behind, never the stage of the one still running."""
    from tthc.storage.files import scratch_folder

    left_over = tmp_path / ".tthc-import-killed"
    left_over.mkdir()
    (left_over / "in-use.lock").touch()  # its job died: nobody holds the lock
    (left_over / "stage.db").write_bytes(b"\0" * 1024)
    with scratch_folder(tmp_path, ".tthc-import-") as running:
        (running / "stage.db").write_bytes(b"\0" * 1024)
        with scratch_folder(tmp_path, ".tthc-import-") as second:
            assert running.exists() and (running / "stage.db").exists()
            assert not left_over.exists()
            assert second != running
        assert not second.exists()
    assert not running.exists()
