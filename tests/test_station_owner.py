"""The station belongs to its database: a PC set up as "Điểm 1" on its center's database
still receives at the counter of any other database it opens (a new center, a colleague's
copy of another center), which reads nothing of that station."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Cli

PREFIX = "000.00.20.H56"


def pc_db(home: Path, name: str) -> Cli:
    """A database on the PC whose application folder is ``home``."""
    return Cli(home.parent / f"{name}.db", now="2025-09-08 17:00", home=home)


def receive(db: Cli) -> dict[str, object]:
    out = db.ok("receive", "ks", "--applicant", "Nguyễn Văn An", "--at", "2025-09-08 09:00", "--json")
    data: dict[str, object] = json.loads(out.stdout)
    return data


def test_a_new_center_on_a_pc_set_up_as_point_1_receives_with_its_whole_day(tmp_path: Path) -> None:
    home = tmp_path / "app-folder"
    point1 = pc_db(home, "diem1")
    point1.ok("init", "--prefix", PREFIX, "--point", "Điểm 1", "--officer", "Lan")
    other = pc_db(home, "xa-moi")
    other.ok("init", "--prefix", "000.00.21.H56")
    d = receive(other)  # was: "unknown reception point 'Điểm 1'; registered: none yet"
    assert (d["code"], d["point"], d["officer"]) == ("000.00.21.H56-250908-0001", None, None)
    # the database it was set up on keeps its point, officer and block
    d = receive(point1)
    assert (d["code"], d["point"], d["officer"]) == (f"{PREFIX}-250908-0001", "Điểm 1", "Lan")


def test_a_copy_of_the_database_is_the_same_database_and_keeps_the_station(tmp_path: Path) -> None:
    home = tmp_path / "app-folder"
    point2 = pc_db(home, "diem2")
    point2.ok("init", "--prefix", PREFIX, "--point", "Điểm 2")
    copy = tmp_path / "copy.db"
    point2.ok("backup", str(copy))
    d = receive(Cli(copy, now="2025-09-08 17:00", home=home))
    assert (d["code"], d["point"]) == (f"{PREFIX}-250908-5001", "Điểm 2")


def test_init_with_a_point_on_another_database_moves_the_station_there(tmp_path: Path) -> None:
    home = tmp_path / "app-folder"
    first = pc_db(home, "first")
    first.ok("init", "--prefix", PREFIX, "--point", "Điểm 1")
    second = pc_db(home, "second")
    second.ok("init", "--prefix", PREFIX)
    out = second.ok("init", "--point", "Điểm 2").stdout
    assert "station.database" in out and "--update" in out
    second.ok("init", "--point", "Điểm 2", "--update")
    assert receive(second)["point"] == "Điểm 2"
    assert receive(first)["point"] is None  # the station now belongs to the second one


def test_a_station_file_of_an_older_tthc_applies_where_its_point_is_registered(tmp_path: Path) -> None:
    home = tmp_path / "app-folder"
    home.mkdir()
    (home / "station.json").write_text(
        json.dumps({"point": "Điểm 1", "officer": None, "block": "1/2"}), encoding="utf-8"
    )
    registered = pc_db(home, "registered")
    registered.ok("init", "--prefix", PREFIX)
    registered.ok("point", "add", "Điểm 1")
    assert receive(registered)["point"] == "Điểm 1"
    demo_like = pc_db(home, "unrelated")
    demo_like.ok("init", "--prefix", PREFIX)
    assert receive(demo_like)["point"] is None
