"""Restoring a backup while clerks keep working: every receipt a clerk was told is saved is
in the live database or in the copy the restore kept, and no code is ever given twice."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import Cli, sandbox_env

PREFIX = "000.00.20.H56"


def receive(center: Cli, applicant: str) -> str:
    out = center.ok("receive", "ks", "--applicant", applicant, "--at", "2025-09-10 09:00", "--json")
    return str(json.loads(out.stdout)["code"])


def codes_in(db: Path) -> set[str]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT code FROM dossiers")}
    finally:
        conn.close()


def kept_copies(center: Cli) -> list[Path]:
    return sorted(center.db.parent.glob(center.db.name + ".before-restore-*"))


def test_two_restores_in_the_same_minute_keep_two_copies(center: Cli, tmp_path: Path) -> None:
    first = receive(center, "Nguyễn Văn An")
    snap = tmp_path / "snap.db"
    center.ok("backup", str(snap))
    second = receive(center, "Trần Thị Bình")
    center.ok("restore", str(snap))  # the clock is pinned: the same minute, the same second
    third = receive(center, "Lê Văn Cường")
    center.ok("restore", str(snap))  # was: "… already exists; choose a new file name"
    kept = kept_copies(center)
    assert [p.name for p in kept] == [
        "center.db.before-restore-20250910-160000",
        "center.db.before-restore-20250910-160000-2",
    ]
    assert codes_in(kept[0]) == {first, second}
    assert codes_in(kept[1]) == {first, third}
    assert codes_in(center.db) == {first}


def test_a_code_given_after_the_backup_is_not_given_again_after_the_restore(
    center: Cli, tmp_path: Path
) -> None:
    assert receive(center, "Nguyễn Văn An") == f"{PREFIX}-250910-0001"
    snap = tmp_path / "snap.db"
    center.ok("backup", str(snap))
    assert receive(center, "Trần Thị Bình") == f"{PREFIX}-250910-0002"
    center.ok("restore", str(snap))
    # 0002 is in the kept copy, handed to Bình: the next receipt takes 0003
    assert receive(center, "Lê Văn Cường") == f"{PREFIX}-250910-0003"


def test_restore_leaves_no_file_beside_the_database_but_the_kept_copy(center: Cli, tmp_path: Path) -> None:
    receive(center, "Nguyễn Văn An")
    snap = tmp_path / "saved" / "snap.db"
    snap.parent.mkdir()
    center.ok("backup", str(snap))
    assert sorted(p.name for p in snap.parent.iterdir()) == ["snap.db"]
    center.ok("restore", str(snap))
    assert sorted(p.name for p in snap.parent.iterdir()) == ["snap.db"]  # no -wal, no -shm
    leftovers = [p.name for p in center.db.parent.iterdir() if ".restoring" in p.name or ".part" in p.name]
    assert leftovers == []


def test_a_backup_restored_on_a_new_pc_whose_tthc_folder_is_not_made_yet(center: Cli, tmp_path: Path) -> None:
    """The old PC died; the new one has never run tthc, so its folder for the database does
    not exist yet. The restore makes it, as ``init`` would: it is the database's own folder,
    not a backup's destination on a stick that may be out."""
    code = receive(center, "Nguyễn Văn An")
    snap = tmp_path / "stick" / "snap.db"
    snap.parent.mkdir()
    center.ok("backup", str(snap))
    new_pc = Cli(tmp_path / "new-pc" / "tthc" / "tthc.db", center.now, home=tmp_path / "new-pc-home")
    new_pc.ok("restore", str(snap))
    assert codes_in(new_pc.db) == {code}


@pytest.mark.slow
def test_clerks_receiving_while_a_manager_restores_six_times_lose_nothing(
    center: Cli, tmp_path: Path
) -> None:
    receive(center, "Nguyễn Văn An")
    snap = tmp_path / "snap.db"
    center.ok("backup", str(snap))
    stop = tmp_path / "stop"
    logs = [tmp_path / f"clerk{i}.log" for i in range(3)]
    clerks = [
        subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).with_name("clerk_loop.py")),
                str(center.db),
                str(log),
                str(stop),
                f"clerk{i}",
            ],
            env=sandbox_env(PATH="/usr/bin:/bin", PYTHONPATH=str(Path(__file__).parents[1])),
        )
        for i, log in enumerate(logs)
    ]
    try:
        time.sleep(1.5)
        for minute in range(6):  # a minute apart on the clock: the kept copies' names never clash
            center.ok("restore", str(snap), now=f"2025-09-10 16:0{minute}")
            time.sleep(0.4)
    finally:
        stop.touch()
        for clerk in clerks:
            clerk.wait(timeout=60)
    confirmed = [line.split()[0] for log in logs for line in log.read_text().splitlines()]
    assert len(confirmed) > 30, "the clerks hardly worked: the test proves nothing"
    twice = len(confirmed) - len(set(confirmed))
    assert twice == 0, f"{twice} of {len(confirmed)} codes given twice"
    assert not any(log.with_name(log.name + ".errors").read_text() for log in logs)
    kept = kept_copies(center)
    assert len(kept) == 6
    everywhere = codes_in(center.db).union(*(codes_in(p) for p in kept))
    lost = sorted(set(confirmed) - everywhere)
    assert lost == [], f"{len(lost)} of {len(confirmed)} confirmed receipts lost"
    print(f"{len(confirmed)} receipts confirmed during 6 restores, none lost, none given twice")


def test_a_clerk_whose_step_waits_for_a_restore_is_told_and_the_step_is_saved(center: Cli) -> None:
    import threading

    manager = sqlite3.connect(center.db, isolation_level=None, check_same_thread=False)
    manager.execute("BEGIN IMMEDIATE")  # as a restore holds the lock while it copies
    threading.Timer(1.6, lambda: manager.execute("COMMIT")).start()
    result = center("receive", "ks", "--applicant", "Nguyễn Văn An", "--at", "2025-09-10 09:00")
    manager.close()
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("Waiting: another command is writing to the database"), result.stderr
    assert "000.00.20.H56-250910-0001" in result.stdout


def test_restoring_the_database_onto_itself_is_refused(center: Cli) -> None:
    receive(center, "Nguyễn Văn An")  # still in the write-ahead log, which a copy would miss
    assert "is this database itself" in center.fails("restore", str(center.db))


def _settings(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT key, value FROM settings"))
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("code_prefix", "DEMO.XA", "(DEMO.XA) there"),  # the demo center's backup
        ("center_id", "0123456789abcdef0123456789abcdef", "center identity 0123456789abcdef"),
    ],
)
def test_the_demo_backup_restored_over_the_real_center_is_refused_unless_meant(
    center: Cli, center_template: Path, tmp_path: Path, key: str, value: str, said: str
) -> None:
    """Wednesday 10/9/2025: the manager types the demo's backup (or another center's with the
    same unit code) where the center's own was meant. Nothing is replaced and no copy kept;
    ``--other-center`` puts it in place when that is what is meant."""
    code = receive(center, "Nguyễn Văn An")
    other = Cli(tmp_path / "other" / "demo.db", now="2025-09-10 16:00")
    other.db.parent.mkdir()
    shutil.copyfile(center_template, other.db)
    other.ok("config", "set", key, value)
    before = _settings(center.db)
    err = center.fails("restore", str(other.db))
    assert f"{other.db} is another center's database" in err and said in err and "--other-center" in err
    assert codes_in(center.db) == {code} and _settings(center.db) == before
    assert kept_copies(center) == []
    center.ok("restore", str(other.db), "--other-center")
    assert codes_in(center.db) == set() and _settings(center.db)[key] == value
    assert len(kept_copies(center)) == 1


def test_a_restore_while_an_import_is_being_copied_in_is_refused_and_changes_nothing(
    center: Cli, tmp_path: Path
) -> None:
    """An import's later steps would go on in the restored file: the restore waits its turn."""
    from tthc.storage.files import scratch_folder

    first = receive(center, "Nguyễn Văn An")
    snap = tmp_path / "snap.db"
    center.ok("backup", str(snap))
    second = receive(center, "Trần Thị Bình")
    with scratch_folder(tmp_path, ".tthc-import-") as folder:  # a running import holds it
        conn = sqlite3.connect(center.db)
        with conn:
            conn.execute(
                "INSERT INTO hidden_batch (lo, hi, event_id, folder) VALUES (1000, 2000, 0, ?)", (str(folder),)
            )
        conn.close()
        before = center.db.read_bytes()
        said = center.fails("restore", str(snap))
        assert "an import is being copied into" in said and "restore it when the import has finished" in said
        assert center.db.read_bytes() == before and kept_copies(center) == []
        vi = center.fails("restore", str(snap), lang="vi")
        assert "đang nhập một tệp vào" in vi
    # the import ended (or was killed): its folder's lock is free, and the restore goes ahead
    center.ok("restore", str(snap))
    assert codes_in(center.db) == {first} and codes_in(kept_copies(center)[0]) == {first, second}
