"""The database: the whole schema, upgrades from the first migration, and concurrent clerks."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tthc.core.errors import TthcError
from tthc.storage.migrations import LATEST
from tthc.storage.store import Store

SCHEMA = {
    "settings": ["key", "value"],
    "calendar_days": ["day", "kind", "name", "added_at"],
    "events": [
        "id",
        "dossier_code",
        "step",
        "happened_at",
        "recorded_at",
        "actor",
        "details",
        "undoes",
        "uid",
    ],
    "procedures": [
        "code",
        "name",
        "field",
        "time_limit",
        "alias",
        "fee",
        "created_at",
        "updated_at",
        "e_result",
    ],
    "officers": ["id", "name", "name_key", "added_at"],
    "points": ["id", "name", "name_key", "code_prefix", "added_at"],
    "dossiers": [
        "code",
        "procedure_code",
        "field",
        "applicant",
        "search_text",
        "id_number",
        "phone",
        "address",
        "note",
        "channel",
        "point",
        "officer",
        "time_limit",
        "limit_overridden",
        "received_at",
        "effective_receipt",
        "due_date",
        "due_at",
        "deadline",
        "due_source",
        "imported_due_at",
        "status",
        "paused_at",
        "resolved_at",
        "outcome",
        "timeliness",
        "returned_at",
        "withdrawn_at",
        "apology_at",
        "apology_date",
        "apology_reason",
        "created_at",
        "updated_at",
        "receipt_unit",
        "receipt_amount",
        "receipt_due_at",
        "apology_in_time",
        "imported_by",
        "fee",
        "payment",
        "digitised",
        "data_reused",
        "e_result",
        "submitted_at",
        "for_authority",
        "forwarded_at",
        "closed_at",
        "notified_at",
    ],
    "pauses": [
        "id",
        "dossier_code",
        "paused_at",
        "resumed_at",
        "policy",
        "reason",
        "time_left",
        "resume_anchor",
        "resume_unit",
        "resume_amount",
        "resume_due_at",
    ],
    "code_sequences": ["prefix", "day", "block", "last"],
    "merge_conflicts": ["code", "source", "conflicts", "found_at"],
    "holiday_cache": ["year", "stamp", "days"],
    "calendar_rulings": ["day", "verdict", "reason", "decided_at"],
    "daily_counts": [
        "day",
        "procedure_code",
        "field",
        "channel",
        "point",
        "officer",
        "received",
        "early",
        "on_time",
        "late",
        "withdrawn",
        "closed",
    ],
    "monthly_counts": [
        "month",
        "procedure_code",
        "field",
        "channel",
        "point",
        "officer",
        "received",
        "early",
        "on_time",
        "late",
        "withdrawn",
        "closed",
    ],
    # the rowids set aside for an import still being copied in, unseen (m017)
    "hidden_batch": ["lo", "hi", "event_id", "folder"],
    # the trigram index of the search text, and the tables SQLite keeps it in
    "dossiers_search": ["search_text"],
    "dossiers_search_config": ["k", "v"],
    "dossiers_search_data": ["id", "block"],
    "dossiers_search_idx": ["segid", "term", "pgno"],
    "_sqlite_migrations": ["id", "migration_set", "name", "applied_at"],
    "ratings": ["dossier_code", "rating", "comment", "rated_at", "via"],
}


def schema(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: [c[1] for c in conn.execute(f"PRAGMA table_info({t})")] for t in tables}


def ddl(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    return conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").fetchall()


def test_a_fresh_database_has_the_whole_schema(tmp_path: Path) -> None:
    Store.open(tmp_path / "fresh.db", create=True).close()
    assert schema(tmp_path / "fresh.db") == SCHEMA
    conn = sqlite3.connect(tmp_path / "fresh.db")
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert triggers == {
        "events_no_update",
        "events_no_delete",
        "events_need_uid",
        "dossiers_count_insert",
        "dossiers_count_delete",
        "dossiers_count_update",
        "dossiers_close_insert",
        "dossiers_close_delete",
        "dossiers_close_update",
        "dossiers_search_insert",
        "dossiers_search_delete",
        "dossiers_search_update",
        "daily_counts_month_insert",
        "daily_counts_month_delete",
        "daily_counts_month_update",
    }
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x54544843


def test_a_database_from_the_first_migration_upgrades_without_loss(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    store = Store.open(old, create=True, upto=1)
    with store.write():
        store.put_setting("center_name", "Xã Cũ")
    store.close()
    assert set(schema(old)) == {"settings", "calendar_days", "events", "_sqlite_migrations"}
    Store.open(old).close()
    Store.open(tmp_path / "fresh.db", create=True).close()
    assert ddl(old) == ddl(tmp_path / "fresh.db")
    assert sqlite3.connect(old).execute("SELECT value FROM settings").fetchone()[0] == "Xã Cũ"


def test_each_migration_is_one_module_named_as_the_file_records_it_in_order(tmp_path: Path) -> None:
    """A new migration is one new module ``mNNN_….py`` in ``tthc/storage/migrations/``: the
    runner finds it by its number. A file records each migration by that module's name, so the
    names a shipped file holds (the first release's, here) stay the first ones, in order."""
    import importlib

    from tthc.storage.migrations import MIGRATION_NAMES

    fixture = Path(__file__).parent / "fixtures" / "first-release.db"
    query = "SELECT name FROM _sqlite_migrations ORDER BY id"
    shipped = [r[0] for r in sqlite3.connect(fixture).execute(query)]
    assert shipped[0] == "m001_calendar_settings_events" and shipped[-1] == "m004_daily_counts"
    assert list(MIGRATION_NAMES[: len(shipped)]) == shipped
    numbers = [int(name[1:4]) for name in MIGRATION_NAMES]
    assert numbers == sorted(set(numbers)) and len(MIGRATION_NAMES) == LATEST
    assert numbers[:14] == list(range(1, 15)) and numbers[14] == 16  # 15 never shipped
    for name in MIGRATION_NAMES:
        why = importlib.import_module(f"tthc.storage.migrations.{name}").apply.__doc__
        assert why and len(why.split()) >= 10, f"{name} does not say why it exists"
    Store.open(tmp_path / "fresh.db", create=True).close()
    recorded = sqlite3.connect(tmp_path / "fresh.db").execute(query)
    assert tuple(r[0] for r in recorded) == MIGRATION_NAMES


WORKER = textwrap.dedent(
    """
    import sys, time
    from datetime import datetime
    from pathlib import Path
    from tthc.app.context import Context
    from tthc.app import dossiers

    db, start = Path(sys.argv[1]), float(sys.argv[2])
    ctx = Context(db_path=db, actor=f"clerk{sys.argv[3]}", now=datetime(2025, 9, 10, 16, 0))
    ctx.calendar()
    while time.time() < start:
        time.sleep(0.001)
    for i in range(100):
        r = dossiers.receive(ctx, "ks", applicant=f"A {sys.argv[3]}-{i}", at="2025-09-10 09:00")
        print(r.dossier.code)
    """
)


@pytest.mark.slow
def test_four_clerks_receiving_at_once_get_400_distinct_codes(tmp_path: Path) -> None:
    import time

    db = tmp_path / "busy.db"
    from datetime import datetime

    from tthc.app.context import Context
    from tthc.app.service import init

    init(Context(db_path=db, actor="t", now=datetime(2025, 9, 10, 16)), center=None, prefix=None, lang=None)
    start = str(time.time() + 2)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db), start, str(n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outputs]
    codes = [line for out, _ in outputs for line in out.split()]
    assert len(codes) == 400 and len(set(codes)) == 400
    assert sorted(codes) == [f"TTHC-250910-{n:04d}" for n in range(1, 401)]
    assert sqlite3.connect(db).execute("SELECT count(*) FROM dossiers").fetchone()[0] == 400


def test_backup_and_restore(tmp_path: Path) -> None:
    from tests.conftest import Cli

    cli = Cli(tmp_path / "center.db", now="2025-09-10 16:00")
    cli.ok("init")
    cli.ok("receive", "ks", "--applicant", "Trước sao lưu", "--at", "2025-09-10 09:00")
    backup = tmp_path / "saved" / "copy.db"
    # the stick not plugged in: refused, and no folder made on this PC's disk instead
    assert "is the drive plugged in?" in cli.fails("backup", str(backup))
    assert not backup.parent.exists()
    backup.parent.mkdir()
    assert "Backup written" in cli.ok("backup", str(backup)).stdout
    assert "already exists" in cli.fails("backup", str(backup))
    cli.ok("receive", "ks", "--applicant", "Sau sao lưu", "--at", "2025-09-10 10:00")
    out = cli.ok("restore", str(backup)).stdout
    names = [d["applicant"] for d in json.loads(cli.ok("list", "--status", "processing", "--json").stdout)]
    assert names == ["Trước sao lưu"]
    kept = Path(out.strip().split("kept as ")[1])
    other = Cli(kept, now="2025-09-10 16:00")
    assert len(json.loads(other.ok("list", "--status", "processing", "--json").stdout)) == 2
    junk = tmp_path / "junk.db"
    junk.write_text("not a database", encoding="utf-8")
    assert "not a tthc database" in cli.fails("restore", str(junk))


def test_a_read_only_opening_refuses_what_it_cannot_read_and_never_writes(tmp_path: Path) -> None:
    from tests.conftest import Cli

    missing = tmp_path / "missing.db"
    with pytest.raises(TthcError, match="no tthc database"):
        Store.open_readonly(missing)
    assert not missing.exists()
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(TthcError, match="is empty"):
        Store.open_readonly(empty)
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)")
    with pytest.raises(TthcError, match="not a tthc database"):
        Store.open_readonly(foreign)
    old = tmp_path / "old.db"
    Store.open(old, create=True, upto=1).close()
    before = old.read_bytes()
    with pytest.raises(TthcError, match="older schema"):
        Store.open_readonly(old)  # upgrading would write: a clerk's command does that
    assert old.read_bytes() == before

    cli = Cli(tmp_path / "center.db", now="2025-09-10 16:00")
    cli.ok("init")
    cli.ok("receive", "ks", "--applicant", "A", "--phone", "0912345678", "--code", "H56-X1", "--at", "today")
    store = Store.open_readonly(cli.db)
    assert store.conn.execute("PRAGMA query_only").fetchone()[0] == 1
    store.conn.execute("PRAGMA query_only = OFF")  # with that guard lifted, mode=ro still refuses
    with pytest.raises(sqlite3.OperationalError, match="readonly database"):
        store.conn.execute("DELETE FROM settings")
    keys = store.dossier_keys("h56-x1")  # any case, still by the primary key
    assert keys is not None and (keys.code, keys.phone, keys.id_number) == ("H56-X1", "0912345678", None)
    assert store.dossier_keys("H56-X2") is None


def test_an_older_file_keeps_its_numbers_and_its_events_get_the_same_uid_in_every_copy(
    tmp_path: Path,
) -> None:
    """Upgrading to two points: the last numbers of a day stay (block 1, from 0001); events
    recorded before they had a uid get one made from what they say, so two copies of one old
    file, upgraded apart, still agree on every event."""
    import shutil
    from datetime import datetime

    import pytest

    old = tmp_path / "old.db"
    store = Store.open(old, create=True, upto=6)
    with store.write() as conn:
        for step in ("init", "point.add"):
            conn.execute(
                "INSERT INTO events (step, happened_at, recorded_at, actor) VALUES (?, ?, ?, 't')",
                (step, "2025-09-01T08:00:00", "2025-09-01T08:00:00"),
            )
        conn.execute("INSERT INTO code_sequences (prefix, day, last) VALUES ('X', '250908', 7)")
    store.close()
    shutil.copyfile(old, tmp_path / "copy.db")
    uids = []
    for path in (old, tmp_path / "copy.db"):
        upgraded = Store.open(path)
        uids.append([e.uid for e in upgraded.copy_events()])
        with upgraded.write():
            code = upgraded.minter().next("X", datetime(2025, 9, 8, 9, 0))
            new = upgraded.add_event(
                step="x", happened_at=datetime(2025, 9, 8), recorded_at=datetime(2025, 9, 8), actor="t"
            )
        assert code == "X-250908-0008"
        uids[-1].append(next(e.uid for e in upgraded.copy_events() if e.id == new))
        with pytest.raises(sqlite3.IntegrityError, match="needs a uid"), upgraded.write() as conn:
            conn.execute(
                "INSERT INTO events (step, happened_at, recorded_at, actor) VALUES ('y', 'a', 'b', 't')"
            )
        upgraded.close()
    assert uids[0][:2] == uids[1][:2] and len(set(uids[0][:2])) == 2
    assert uids[0][2] != uids[1][2] and len(uids[0][2]) == 32  # a new event: a uid of its own
