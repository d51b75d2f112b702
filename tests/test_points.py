"""Two reception points of one center, each on its own PC under the center's one unit code:
the PC knows which point it is (its station file), fills it in on receipt, and gives only
the dossier numbers of its own block."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.conftest import Cli
from tthc.core.models import CodeBlock
from tthc.storage.station import block_of_point, load, parse_block

PREFIX = "000.00.20.H56"
DAY = "2025-09-08"


def point_pc(tmp_path: Path, name: str, *init: str) -> Cli:
    pc = Cli(tmp_path / f"{name}.db", now="2025-09-08 17:00")
    pc.ok("init", "--prefix", PREFIX, *init)
    return pc


def received(pc: Cli, *args: str, env: dict[str, str] | None = None) -> dict[str, object]:
    out = pc.ok(
        "receive", "ks", "--applicant", "Nguyễn Văn An", "--at", f"{DAY} 09:00", "--json", *args, env=env
    )
    data: dict[str, object] = json.loads(out.stdout)
    return data


def test_a_point_pc_set_up_once_fills_in_its_point_and_officer(tmp_path: Path) -> None:
    pc = point_pc(tmp_path, "diem2", "--point", "Điểm 2", "--officer", "Trần Văn Đức")
    station = json.loads((pc.home / "station.json").read_text(encoding="utf-8"))
    database = station.pop("database")
    assert station == {"point": "Điểm 2", "officer": "Trần Văn Đức", "block": "2/2"}
    assert len(database) == 32  # the uid of the database's first event: its init
    d = received(pc)
    assert (d["code"], d["point"], d["officer"]) == (f"{PREFIX}-250908-5001", "Điểm 2", "Trần Văn Đức")
    # the clerk may name another point: the number still comes from this PC's block
    pc.ok("point", "add", "Điểm 1")
    d = received(pc, "--point", "Điểm 1")
    assert (d["code"], d["point"]) == (f"{PREFIX}-250908-5002", "Điểm 1")
    pc.ok("officer", "add", "Lê Minh")
    d = received(pc, env={"TTHC_OFFICER": "Lê Minh"})
    assert d["officer"] == "Lê Minh" and d["point"] == "Điểm 2"


def test_the_point_may_come_from_the_environment_with_the_block_its_number_gives(tmp_path: Path) -> None:
    pc = point_pc(tmp_path, "laptop", "--point", "Điểm 1")
    pc.ok("point", "add", "Điểm 2")
    d = received(pc, env={"TTHC_POINT": "Điểm 2"})
    assert (d["code"], d["point"]) == (f"{PREFIX}-250908-5001", "Điểm 2")
    assert received(pc)["code"] == f"{PREFIX}-250908-0001"


def test_a_pc_without_a_point_numbers_the_whole_day(tmp_path: Path) -> None:
    pc = point_pc(tmp_path, "one")
    assert not (pc.home / "station.json").exists()
    d = received(pc)
    assert d["code"] == f"{PREFIX}-250908-0001" and d["point"] is None


def write_rows(path: Path, n: int) -> Path:
    lines = ["procedure,received_at,applicant"]
    lines += [f"ks,{DAY} 08:{i % 60:02d},Người nộp {i}" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def codes_of(pc: Cli) -> set[str]:
    import sqlite3

    with sqlite3.connect(pc.db) as conn:
        return {r[0] for r in conn.execute("SELECT code FROM dossiers")}


def test_two_point_pcs_set_up_apart_never_give_the_same_code_even_at_5000_receipts(tmp_path: Path) -> None:
    """Receipt and import number through one minter: 4,999 receipts fill a point's half of
    the day, the 5,000th is refused, and not one code of the two points is the same."""
    one = point_pc(tmp_path, "diem1", "--point", "Điểm 1")
    two = point_pc(tmp_path, "diem2", "--point", "Điểm 2")
    for pc in (one, two):
        pc.ok("import", str(write_rows(tmp_path / f"{pc.db.stem}.csv", 4998)))
        received(pc)  # the 4,999th, from the counter
        err = pc.fails("receive", "ks", "--applicant", "A", "--at", f"{DAY} 16:00")
        assert "in this PC's block" in err
    ones, twos = codes_of(one), codes_of(two)
    assert len(ones) == len(twos) == 4999 and not ones & twos
    assert max(ones) == f"{PREFIX}-250908-4999" and min(twos) == f"{PREFIX}-250908-5001"
    assert max(twos) == f"{PREFIX}-250908-9999"


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [("1/1", 1, 9999), ("1/2", 1, 4999), ("2/2", 5001, 9999), ("3/3", 6667, 9999), ("2/3", 3334, 6665)],
)
def test_blocks_split_the_day_into_equal_parts(text: str, first: int, last: int) -> None:
    block = parse_block(text)
    assert (block.first, block.last) == (first, last)


def test_blocks_of_one_center_never_overlap() -> None:
    for count in range(1, 10):
        numbers = [
            set(range(CodeBlock(i, count).first, CodeBlock(i, count).last + 1)) for i in range(1, count + 1)
        ]
        assert sum(len(n) for n in numbers) == len(set().union(*numbers))


def test_a_third_point_or_a_point_without_a_number_is_given_its_block(tmp_path: Path) -> None:
    assert block_of_point("Điểm 2 - Nhà văn hóa") == CodeBlock(2, 2)
    cli = Cli(tmp_path / "c.db", now="2025-09-08 17:00")
    assert "give --block N/M" in cli.fails("init", "--point", "Điểm 3")
    assert not cli.db.exists()
    assert "give --block N/M" in cli.fails("init", "--point", "Trụ sở xã")
    assert "bad --block '4/3'" in cli.fails("init", "--point", "Trụ sở xã", "--block", "4/3")
    assert "--block needs a point" in cli.fails("init", "--block", "1/2")
    out = cli.ok("init", "--prefix", PREFIX, "--point", "Trụ sở xã", "--block", "3/3").stdout
    assert "dossier numbers 6667–9999 each day" in out
    assert received(cli)["code"] == f"{PREFIX}-250908-6667"


def test_init_on_a_working_database_says_what_the_station_would_become(center: Cli) -> None:
    out = center.ok("init", "--point", "Điểm 2", "--officer", "Lan").stdout
    assert (
        "station.point: '' would become 'Điểm 2'" in out and "station.block: '1/1' would become '2/2'" in out
    )
    assert not (center.home / "station.json").exists()
    center.ok("init", "--point", "Điểm 2", "--officer", "Lan", "--update")
    assert load(center.home).block == CodeBlock(2, 2)
    # only the officer changes: the point and its block stay
    center.ok("init", "--officer", "Minh", "--update")
    assert (load(center.home).point, load(center.home).officer) == ("Điểm 2", "Minh")
    mode = stat.S_IMODE((center.home / "station.json").stat().st_mode)
    assert mode & 0o022 == 0


def test_a_broken_station_file_is_a_refusal(center: Cli) -> None:
    center.home.mkdir()
    (center.home / "station.json").write_text("{not json", encoding="utf-8")
    assert "cannot read this PC's station file" in center.fails("receive", "ks", "--applicant", "A")
