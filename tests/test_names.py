"""One person, one officer: names equal in any case, with or without diacritics, however
spaced, are one registered name, for officers and reception points alike, at ``officer add``,
``point add`` and import; a file from before that already holds such twins still opens, and
``officer list`` names them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import Cli
from tests.test_interchange import HEADER, LATER, write
from tthc.core.models import name_key, name_twins, same_name


def test_names_written_with_or_without_diacritics_are_one_name() -> None:
    assert same_name("Nguyễn Thị Lan", "Nguyen Thi Lan")
    assert same_name("Nguyễn Thị Lan", "NGUYỄN  THỊ   LAN")
    assert same_name("Trần Văn Đức", "tran van duc")
    assert not same_name("Nguyễn Thị Lan", "Nguyễn Thị Lành")
    assert name_key("  Điểm   Chợ ") == "diem cho"
    assert not same_name("李", "王")  # letters without Latin base letters stay themselves
    assert name_twins(["Lan", "Nguyễn Thị Lan", "Nguyen Thi Lan", "Đức"]) == [
        ["Nguyễn Thị Lan", "Nguyen Thi Lan"]
    ]


def test_lan_typed_on_a_keyboard_without_vietnamese_is_not_a_second_officer(center: Cli) -> None:
    center.ok("officer", "add", "Nguyễn Thị Lan")
    for twin in ("Nguyen Thi Lan", "NGUYỄN THỊ LAN", "nguyen  thi lan"):
        assert "Nguyễn Thị Lan" in center.fails("officer", "add", twin)
    received = json.loads(
        center.ok(
            "receive",
            "ks",
            "--applicant",
            "X",
            "--officer",
            "Nguyen Thi Lan",
            "--at",
            "2025-09-10 09:00",
            "--json",
        ).stdout
    )
    assert received["officer"] == "Nguyễn Thị Lan"
    officers = [o["name"] for o in json.loads(center.ok("officer", "list", "--json").stdout)]
    assert officers.count("Nguyễn Thị Lan") == 1 and "Nguyen Thi Lan" not in officers


def test_a_point_spelled_without_diacritics_is_the_same_point(center: Cli) -> None:
    center.ok("point", "add", "Điểm Chợ Mới")
    assert "Điểm Chợ Mới" in center.fails("point", "add", "Diem Cho Moi")


def test_an_import_in_plain_letters_counts_the_work_of_the_registered_officer(
    center: Cli, tmp_path: Path
) -> None:
    center.ok("officer", "add", "Nguyễn Thị Lan")
    rows = ",ks,2025-09-08 09:00,direct,,,,,,,,Diem 2,Nguyen Thi Lan,Phạm D"
    out = center.ok("import", str(write(tmp_path / "in.csv", rows, header=HEADER)), now=LATER).stdout
    assert "new officers" not in out and "new points" not in out
    listed = json.loads(center.ok("list", "--json", now=LATER).stdout)
    assert [(d["officer"], d["point"]) for d in listed] == [("Nguyễn Thị Lan", "Điểm 2")]


def _a_file_from_before_with_twins(center: Cli) -> None:
    """The center's file as it was before names were compared without diacritics, when
    "Nguyễn Thị Lan" and then "Nguyen Thi Lan" could both be registered."""
    conn = sqlite3.connect(center.db)
    with conn:
        conn.execute("UPDATE officers SET name_key = lower(name)")
        conn.execute("UPDATE points SET name_key = lower(name)")
        for name in ("Nguyễn Thị Lan", "Nguyen Thi Lan"):
            conn.execute(
                "INSERT INTO officers (name, name_key, added_at) VALUES (?, ?, '2025-09-01T08:00:00')",
                (name, name.lower()),
            )
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm009_names_without_diacritics'")
    conn.execute("PRAGMA user_version = 8")
    conn.close()


def test_a_file_from_before_with_two_lans_opens_and_names_them(center: Cli) -> None:
    _a_file_from_before_with_twins(center)
    listed = center.ok("officer", "list").stdout
    assert "Note: 'Nguyen Thi Lan', 'Nguyễn Thị Lan' are one name" in listed
    assert "một tên viết theo nhiều cách" in center.ok("officer", "list", lang="vi").stdout
    officers = {o["name"]: o for o in json.loads(center.ok("officer", "list", "--json").stdout)}
    assert officers["Nguyễn Thị Lan"]["same_name_as"] == ["Nguyen Thi Lan"]
    assert "same_name_as" not in officers["Đức"]
    # each is chosen by its own spelling; a third spelling is refused
    for spelled in ("Nguyễn Thị Lan", "Nguyen Thi Lan"):
        got = json.loads(
            center.ok(
                "receive",
                "ks",
                "--applicant",
                "X",
                "--officer",
                spelled,
                "--at",
                "2025-09-10 09:00",
                "--json",
            ).stdout
        )
        assert got["officer"] == spelled
    assert "Nguyen Thi Lan, Nguyễn Thị Lan" in center.fails(
        "receive", "ks", "--applicant", "X", "--officer", "Nguyễn Thi Lan", "--at", "2025-09-10 09:00"
    )
    center.fails("officer", "add", "NGUYEN THI LAN")
    # the names without twins now compare without diacritics too
    assert "Đức" in center.fails("officer", "add", "duc")
    conn = sqlite3.connect(center.db)
    keys = dict(conn.execute("SELECT name, name_key FROM officers").fetchall())
    assert keys["Đức"] == "duc" and keys["Nguyen Thi Lan"] == "nguyen thi lan"
    assert keys["Nguyễn Thị Lan"] == "nguyễn thị lan"  # kept: nothing of the twin is lost
