"""Dossier codes given by hand (``receive --code``) or by a file: one code in any letter case,
never given twice, and a code of the system's own shape ``<unit code>-YYMMDD-NNNN`` carries
the day the dossier was received."""

import json
import sqlite3
from pathlib import Path

from tests.conftest import Cli
from tthc.storage.migrations import LATEST
from tthc.storage.store import Store


def receive(center: Cli, *args: str, at: str) -> str:
    code: str = json.loads(
        center.ok("receive", "ks", "--applicant", "A", *args, "--at", at, "--json").stdout
    )["code"]
    return code


def test_a_code_in_lower_case_beside_the_stored_one_is_refused(center: Cli) -> None:
    """Monday 8/9/2025: the provincial code of an online dossier is typed in capitals, then
    typed again in small letters for another dossier."""
    receive(center, "--code", "000.00.20.H56-250908-0001", at="2025-09-08 09:00")
    err = center.fails(
        "receive", "ks", "--applicant", "B", "--code", "000.00.20.h56-250908-0001", "--at", "2025-09-08 10:00"
    )
    assert err == (
        "Error: dossier code '000.00.20.h56-250908-0001' is already used as '000.00.20.H56-250908-0001': "
        "codes that differ only in letter case are one code\n"
    )
    err = center.fails(
        "receive", "ks", "--applicant", "B", "--code", "000.00.20.H56-250908-0001", "--at", "2025-09-08 10:00"
    )
    assert err == "Error: dossier code '000.00.20.H56-250908-0001' is already used\n"


def test_an_undone_receipts_code_stays_used_in_any_case(center: Cli) -> None:
    receive(center, "--code", "HS-TAY-001", at="2025-09-08 09:00")
    center.ok("undo", "HS-TAY-001", "--reason", "nhận nhầm", "--yes")
    err = center.fails(
        "receive", "ks", "--applicant", "B", "--code", "hs-tay-001", "--at", "2025-09-08 10:00"
    )
    assert "already used as 'HS-TAY-001'" in err


def test_the_next_generated_number_skips_a_code_typed_in_small_letters(center: Cli) -> None:
    """Tuesday 9/9/2025: a clerk types 000.00.20.h56-250909-0001 by hand; the next dossier of
    the day gets 0002, not a second 0001 in capitals."""
    receive(center, "--code", "000.00.20.h56-250909-0001", at="2025-09-09 08:00")
    assert receive(center, at="2025-09-09 09:00") == "000.00.20.H56-250909-0002"


def test_a_code_of_the_systems_shape_carries_the_day_of_receipt(center: Cli) -> None:
    """Received Monday 8/9/2025 with a code dated Sunday 7/9: refused, in both languages."""
    argv = [
        "receive",
        "ks",
        "--applicant",
        "B",
        "--code",
        "000.00.20.H56-250907-0003",
        "--at",
        "08/09/2025 09:00",
    ]
    assert center.fails(*argv) == (
        "Error: dossier code '000.00.20.H56-250907-0003' carries the day 250907, but the dossier is "
        "received on 08/09/2025: a code <unit code>-YYMMDD-NNNN carries its day of receipt (250908)\n"
    )
    assert "phải mang ngày tiếp nhận (250908)" in center.fails(*argv, lang="vi")
    assert "carries the day 251399" in center.fails(
        "receive", "ks", "--applicant", "B", "--code", "X-251399-0001", "--at", "08/09/2025 09:00"
    )
    assert receive(center, "--code", "000.00.20.H56-250908-0003", at="2025-09-08 09:00").endswith("-0003")


def test_a_saturday_online_dossier_keeps_the_day_it_was_sent(center: Cli) -> None:
    """Sent online Saturday 6/9/2025: it counts from Monday, but its code carries 250906."""
    code = receive(center, "--code", "H56.DVC-250906-0042", "--channel", "online", at="2025-09-06 10:00")
    assert code == "H56.DVC-250906-0042"
    assert "carries the day 250908" in center.fails(
        "receive",
        "ks",
        "--applicant",
        "B",
        "--code",
        "H56.DVC-250908-0042",
        "--channel",
        "online",
        "--at",
        "2025-09-06 10:00",
    )


def test_codes_of_other_shapes_carry_no_day(center: Cli) -> None:
    assert receive(center, "--code", "HS/2025/123", at="2025-09-08 09:00") == "HS/2025/123"
    assert receive(center, "--code", "MC-250101-12", at="2025-09-08 09:00") == "MC-250101-12"


def test_an_import_refuses_codes_that_differ_only_in_case(center: Cli, tmp_path: Path) -> None:
    receive(center, "--code", "HS-MIGRATED-1", at="2025-09-08 09:00")
    f = tmp_path / "in.csv"
    f.write_text(
        "code,procedure,received_at,applicant\n"
        "hs-migrated-1,ks,2025-09-08 09:00,B\n"
        "HS-NEW-2,ks,2025-09-08 09:00,C\n"
        "hs-new-2,ks,2025-09-08 10:00,D\n",
        encoding="utf-8",
    )
    err = center.fails("import", str(f))
    assert err.splitlines()[1:] == [
        "row 2: dossier code 'hs-migrated-1' is already used as 'HS-MIGRATED-1': codes that differ"
        " only in letter case are one code",
        "row 4: duplicate code hs-new-2 (already in the database or earlier in the file)",
    ]


def test_an_import_numbers_around_a_code_given_earlier_in_the_file(center: Cli, tmp_path: Path) -> None:
    """A file whose first row carries 000.00.20.h56-250909-0001 and whose second row has no
    code: the second gets 0002."""
    f = tmp_path / "in.csv"
    f.write_text(
        "code,procedure,received_at,applicant\n000.00.20.h56-250909-0001,ks,2025-09-09 08:00,B\n,ks,2025-09-09 09:00,C\n",
        encoding="utf-8",
    )
    center.ok("import", str(f))
    codes = {
        d["applicant"]: d["code"]
        for d in json.loads(center.ok("list", "--status", "processing", "--json").stdout)
    }
    assert codes == {"B": "000.00.20.h56-250909-0001", "C": "000.00.20.H56-250909-0002"}


def test_codes_are_looked_up_in_any_case_by_an_index(tmp_path: Path) -> None:
    Store.open(tmp_path / "fresh.db", create=True).close()
    conn = sqlite3.connect(tmp_path / "fresh.db")
    plans = [
        conn.execute(
            f"EXPLAIN QUERY PLAN SELECT 1 FROM {table} WHERE {column} = 'x' COLLATE NOCASE"
        ).fetchall()
        for table, column in (("dossiers", "code"), ("events", "dossier_code"))
    ]
    assert "dossiers_by_code_nocase" in str(plans[0]) and "events_by_code_nocase" in str(plans[1])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_a_file_from_before_with_two_such_codes_still_opens(center: Cli) -> None:
    """Before, ``HS-1`` and ``hs-1`` could both be stored: the upgrade keeps both and opens."""
    receive(center, "--code", "HS-1", at="2025-09-08 09:00")
    conn = sqlite3.connect(center.db)
    with conn:  # the file as it was before the indexes that compare in any case
        conn.execute("DROP INDEX dossiers_by_code_nocase")
        conn.execute("DROP INDEX events_by_code_nocase")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm008_codes_in_any_case'")
        conn.execute("CREATE TEMP TABLE copy AS SELECT * FROM dossiers")
        conn.execute("UPDATE copy SET code = 'hs-1'")
        conn.execute("INSERT INTO dossiers SELECT * FROM copy")
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    store = Store.open(center.db)
    assert store.used_codes(["Hs-1"]) and sorted(store.dossier_codes()) == ["HS-1", "hs-1"]
    # each spelling given is named as itself, not as its twin
    assert store.used_codes(["HS-1", "hs-1"]) == {"HS-1": "HS-1", "hs-1": "hs-1"}
    minter = store.minter()
    minter.read_all()
    assert minter.used(["HS-1", "hs-1", "Hs-1"])["HS-1"] == "HS-1" and minter.used(["hs-1"]) == {
        "hs-1": "hs-1"
    }
    store.close()
    assert "HS-1, hs-1" in center.fails("show", "Hs-1")
