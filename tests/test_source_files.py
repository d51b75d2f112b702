"""Files tthc only reads are left as they were, and every message names the right file: a
backup or another point's database on a read-only USB stick reads as well as on a disk and
gets nothing written beside it; a backup onto a full disk names the disk's file and leaves
nothing there."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import BUG_EXIT, Cli, sandbox_env


def wal_file_copy(center: Cli, dest: Path) -> Path:
    """A database copied as a file (not with ``tthc backup``): its header still says WAL."""
    conn = sqlite3.connect(center.db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(center.db, dest)
    with dest.open("rb") as fh:
        assert fh.read(20)[18:20] == b"\x02\x02"  # WAL mode, as a live database is
    return dest


@pytest.fixture()
def usb_stick(tmp_path: Path) -> Iterator[Path]:
    """A folder nothing can be written to, as a write-protected stick. Root writes through
    file modes, so as root it is a small tmpfs mounted read-only (skipped where mounting is
    not allowed)."""
    folder = tmp_path / "stick"
    staging = tmp_path / "to-stick"
    folder.mkdir()
    staging.mkdir()
    yield staging  # the test puts the files here; they go on the stick when it is "plugged in"


def plug_in(staging: Path) -> Path:
    stick = staging.with_name("stick")
    if os.geteuid() != 0:
        for f in staging.iterdir():
            shutil.copy(f, stick / f.name)
            os.chmod(stick / f.name, 0o444)
        os.chmod(stick, 0o555)
        return stick
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tthc-stick", str(stick)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a read-only folder here")
    for f in staging.iterdir():
        shutil.copy(f, stick / f.name)
    subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
    return stick


@pytest.fixture(autouse=True)
def _unplug(tmp_path: Path) -> Iterator[None]:
    yield
    stick = tmp_path / "stick"
    if stick.is_mount():
        subprocess.run(["umount", "-l", str(stick)], check=True)
    elif stick.exists():
        os.chmod(stick, 0o755)


def test_restore_from_a_write_protected_stick(center: Cli, usb_stick: Path) -> None:
    center.ok("receive", "ks", "--applicant", "Nguyễn Văn An", "--at", "2025-09-10 09:00")
    wal_file_copy(center, usb_stick / "diem1.db")
    center.ok("receive", "ks", "--applicant", "Trần Thị Bình", "--at", "2025-09-10 10:00")
    stick = plug_in(usb_stick)
    # was: "cannot use …/center.db: SQLite cannot open the file" — the local database blamed
    center.ok("restore", str(stick / "diem1.db"))
    assert sorted(p.name for p in stick.iterdir()) == ["diem1.db"]
    shown = center.ok("list", "--json").stdout
    assert "Nguyễn Văn An" in shown and "Trần Thị Bình" not in shown


def test_merge_from_a_write_protected_stick(center: Cli, tmp_path: Path, usb_stick: Path) -> None:
    other = Cli(tmp_path / "diem2.db", now=center.now)
    shutil.copyfile(center.db, other.db)
    other.ok("receive", "ks", "--applicant", "Lê Văn Cường", "--at", "2025-09-10 09:00", "--point", "Điểm 2")
    wal_file_copy(other, usb_stick / "diem2.db")
    stick = plug_in(usb_stick)
    assert "Merged" in center.ok("merge", str(stick / "diem2.db")).stdout
    assert "Lê Văn Cường" in center.ok("list", "--json").stdout


def test_a_broken_file_on_the_stick_is_named_not_the_local_database(center: Cli, usb_stick: Path) -> None:
    copy = wal_file_copy(center, usb_stick / "diem1.db")
    data = copy.read_bytes()
    copy.write_bytes(data[:4096] + b"\xff" * (len(data) - 4096))  # the stick went bad
    stick = plug_in(usb_stick)
    for command in ("restore", "merge"):
        err = center.fails(command, str(stick / "diem1.db"))
        assert str(stick / "diem1.db") in err and str(center.db) not in err, err


def test_merge_and_restore_leave_nothing_beside_the_file_they_read(center: Cli, tmp_path: Path) -> None:
    other = Cli(tmp_path / "other" / "diem2.db", now=center.now)
    other.db.parent.mkdir()
    shutil.copyfile(center.db, other.db)
    other.ok("receive", "ks", "--applicant", "Lê Văn Cường", "--at", "2025-09-10 09:00")
    source = wal_file_copy(other, tmp_path / "exchange" / "diem2.db")
    center.ok("merge", str(source))
    center.ok("restore", str(source))
    assert sorted(p.name for p in source.parent.iterdir()) == ["diem2.db"]  # no -wal, no -shm


FULL_DISK = """
import resource, sys
from tthc.cli.main import app
resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))  # a disk with 64 KiB left
app(sys.argv[1:])
"""


def test_a_backup_onto_a_full_disk_names_the_backup_and_leaves_nothing_there(
    center: Cli, tmp_path: Path
) -> None:
    for n in range(80):  # a database bigger than what is left on the disk
        center.ok("receive", "ks", "--applicant", f"Công dân số {n} " + "x" * 150, "--at", "2025-09-10 09:00")
    conn = sqlite3.connect(center.db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert center.db.stat().st_size > 64 * 1024
    dest = tmp_path / "usb" / "backup.db"
    dest.parent.mkdir()
    run = subprocess.run(
        [sys.executable, "-c", FULL_DISK, "--db", str(center.db), "backup", str(dest)],
        env=sandbox_env(
            TTHC_NOW=center.now, TTHC_USER="t", PATH="/usr/bin:/bin", PYTHONDONTWRITEBYTECODE="1"
        ),
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1 and run.returncode != BUG_EXIT, run.stderr
    assert run.stderr.startswith(f"Error: cannot write {dest}:"), run.stderr
    assert run.stderr.count("\n") == 1
    assert list(dest.parent.iterdir()) == []  # no partial file, no -journal
