"""A province on one screen: centers export their dossiers as Parquet, and ``tthc rollup``
reads them all with DuckDB. Every figure must equal the sum of what each center's own
``tthc summary`` says for the same period — checked here on six small centers with different
data (open, paused, resumed, withdrawn, early and late dossiers, three channels), for
several periods and snapshots, per center, by field and by month."""

from __future__ import annotations

import json
import random
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import Cli

pytest.importorskip("duckdb", reason="the province extra: pip install 'tthc[province]'")

PROCEDURES = ["1.001193", "1.000894", "1.000656", "2.000815", "2.000884"]
HEADER = "code,procedure,received_at,channel,resolved_at,outcome,withdrawn_at,paused_at,resumed_at,point,officer,applicant"
#: (TTHC_NOW, period options): a closed quarter, a month, a window across months, a period still running.
CASES = [
    ("2025-12-01 09:00", ["--quarter", "Q3/2025"]),
    ("2025-12-01 09:00", ["--month", "8/2025"]),
    ("2025-12-01 09:00", ["--from", "2025-07-15", "--to", "2025-08-20"]),
    ("2025-09-10 16:00", ["--from", "2025-07-01", "--to", "2025-09-30"]),
]


def _rows(rng: random.Random, n: int) -> list[str]:
    """Dossiers received from June to mid-September 2025, with every ending, by chance."""
    out = []
    for i in range(n):
        received = datetime(2025, 6, 2, 7, 30) + timedelta(minutes=rng.randrange(0, 95 * 24 * 60))
        received = received.replace(second=0)
        proc = rng.choice(PROCEDURES)
        channel = rng.choice(["direct", "direct", "online", "postal"])
        fate = rng.random()
        resolved = withdrawn = paused = resumed = ""
        later = received + timedelta(minutes=rng.randrange(30, 20 * 24 * 60))
        if fate < 0.25:
            paused = (received + timedelta(minutes=rng.randrange(10, 3 * 24 * 60))).isoformat(sep=" ")
            if rng.random() < 0.6:
                back = datetime.fromisoformat(paused) + timedelta(minutes=rng.randrange(60, 6 * 24 * 60))
                resumed = back.isoformat(sep=" ")
                if rng.random() < 0.6:
                    resolved = (back + timedelta(minutes=rng.randrange(30, 12 * 24 * 60))).isoformat(sep=" ")
        elif fate < 0.35:
            withdrawn = later.isoformat(sep=" ")
        elif fate < 0.85:
            resolved = later.isoformat(sep=" ")
        cut = "2025-09-10 15:00"  # nothing after the clock the centers are built at
        if paused > cut:
            paused = resumed = resolved = ""
        if resumed > cut:
            resumed = resolved = ""
        resolved, withdrawn = ("" if resolved > cut else resolved), ("" if withdrawn > cut else withdrawn)
        outcome = ("rejected" if rng.random() < 0.1 else "approved") if resolved else ""
        point = rng.choice(["Điểm 1", "Điểm 2"])
        officer = rng.choice(["Lan", "Đức", "Minh", ""])
        when = received.isoformat(sep=" ")
        out.append(
            f",{proc},{when},{channel},{resolved},{outcome},{withdrawn},{paused},{resumed},{point},{officer},Người {i}"
        )
    return out


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory, center_template: Path) -> list[Cli]:
    """Six centers, each with its own name, unit code and dossiers."""
    base = tmp_path_factory.mktemp("province")
    centers = []
    for i in range(6):
        db = base / f"center-{i}.db"
        shutil.copyfile(center_template, db)
        cli = Cli(db, now="2025-09-10 16:00")
        cli.ok("config", "set", "center_name", f"Trung tâm xã Số {i + 1}")
        cli.ok("config", "set", "code_prefix", f"000.00.2{i}.H56")
        data = base / f"center-{i}.csv"
        rng = random.Random(2025 + i)
        data.write_text("\n".join([HEADER, *_rows(rng, 30 + 12 * i)]) + "\n", encoding="utf-8")
        cli.ok("import", str(data))
        _close_the_long_waits(cli)
        centers.append(cli)
    return centers


def _close_the_long_waits(cli: Cli) -> None:
    """Every other dossier whose papers did not come in 15 days is closed (Decree 118 Art.
    19.5) on its 15th day, entered afterwards."""
    waiting = json.loads(cli.ok("list", "--status", "paused", "--limit", "1000", "--json").stdout)
    for d in waiting[::2]:
        day = datetime.fromisoformat(d["paused_at"]) + timedelta(days=15)
        if day < datetime(2025, 9, 10, 15, 0):
            cli.ok("close", d["code"], "--at", day.isoformat(sep=" "), "--late-entry")


@pytest.fixture(scope="module")
def exports(province: list[Cli], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    for i, cli in enumerate(province):
        cli.ok("export", "--parquet", str(folder / f"center-{i}"))
    return folder


def _rollup(cli: Cli, *args: str, now: str) -> dict:
    return json.loads(cli.ok("rollup", *args, "--json", now=now).stdout)


def _summary(cli: Cli, *args: str, now: str) -> dict:
    return json.loads(cli.ok("summary", *args, "--json", now=now).stdout)


def _add(total: dict, part: dict) -> None:
    for k, v in part.items():
        if k == "received_by_channel":
            for ch, n in v.items():
                total.setdefault(k, {}).setdefault(ch, 0)
                total[k][ch] += n
        elif k not in ("on_time_rate", "key", "center", "unit_code", "period"):
            total[k] = total.get(k, 0) + v


@pytest.mark.parametrize(("now", "period"), CASES, ids=[" ".join(p) for _, p in CASES])
def test_each_center_and_the_province_equal_the_centers_own_summaries(
    province: list[Cli], exports: Path, now: str, period: list[str]
) -> None:
    rolled = _rollup(province[0], str(exports), *period, now=now)
    assert len(rolled["centers"]) == 6
    by_unit = {c["unit_code"]: c for c in rolled["centers"]}
    total: dict = {}
    for i, cli in enumerate(province):
        own = _summary(cli, *period, now=now)
        mine = by_unit[f"000.00.2{i}.H56"]
        assert mine["center"] == f"Trung tâm xã Số {i + 1}"
        assert {k: v for k, v in mine.items() if k not in ("center", "unit_code")} == {
            k: v for k, v in own.items() if k != "period"
        }
        _add(total, own)
    assert {k: v for k, v in rolled["total"].items() if k != "on_time_rate"} == total
    assert sum(c["paused"] for c in rolled["centers"]) > 0 or now.startswith("2025-12")
    assert rolled["total"]["closed"] > 0, "papers that never came: closed dossiers counted too"
    rates = [c["on_time_rate"] for c in rolled["centers"] if c["on_time_rate"] is not None]
    assert rates == sorted(rates, reverse=True), "centers are ranked by their on-time rate"


@pytest.mark.parametrize("by", ["field", "procedure", "month"])
def test_groups_across_the_province_equal_the_sum_of_the_centers_groups(
    province: list[Cli], exports: Path, by: str
) -> None:
    now, period = "2025-12-01 09:00", ["--year", "2025"]
    rolled = _rollup(province[0], str(exports), *period, "--by", by, now=now)
    expected: dict[str, dict] = {}
    for cli in province:
        for group in _summary(cli, *period, "--by", by, now=now)["groups"]:
            _add(expected.setdefault(group["key"], {}), group)
    got = {
        g["key"]: {k: v for k, v in g.items() if k not in ("key", "on_time_rate")} for g in rolled["groups"]
    }
    assert got == expected


def test_database_files_read_directly_give_the_same_figures(province: list[Cli], exports: Path) -> None:
    now, period = "2025-12-01 09:00", ["--quarter", "Q3/2025"]
    from_files = _rollup(province[0], *(str(c.db) for c in province), *period, now=now)
    assert from_files == _rollup(province[0], str(exports), *period, now=now)


def test_a_re_export_replaces_the_last_and_a_half_written_one_is_never_read(
    center: Cli, tmp_path: Path
) -> None:
    dest = tmp_path / "export"
    center.ok("receive", "ks", "--applicant", "Nguyễn Văn An", "--at", "08/09/2025 09:00")
    center.ok("export", "--parquet", str(dest))
    first = json.loads(center.ok("rollup", str(dest), "--month", "9/2025", "--json").stdout)
    assert first["total"]["received"] == 1
    (dest / ".v-half-written").mkdir()  # an export cut short: no pointer names it
    center.ok("receive", "ks", "--applicant", "Lê Thị Bình", "--at", "09/09/2025 09:00")
    center.ok("export", "--parquet", str(dest))
    center.ok("export", "--parquet", str(dest))
    again = json.loads(center.ok("rollup", str(dest), "--month", "9/2025", "--json").stdout)
    assert again["total"]["received"] == 2
    assert len(list(dest.glob("v-*"))) == 2, "the export in use and the one before it"


def test_the_province_workbook_has_a_sheet_per_center_and_the_total(
    province: list[Cli], exports: Path, tmp_path: Path
) -> None:
    import openpyxl

    out = tmp_path / "tinh.xlsx"
    province[0].ok("rollup", str(exports), "--quarter", "Q3/2025", "--out", str(out), lang="vi")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Toàn tỉnh"
    assert len(book.sheetnames) == 7
    units = sorted(name.split(" ")[0] for name in book.sheetnames[1:])
    assert len(set(units)) == 6 and all(u.startswith("000.00.") for u in units)  # each center by its code
    assert all(" Trung tâm xã Số" in name or len(name) == 31 for name in book.sheetnames[1:])


def test_refusals_name_the_offending_path(province: list[Cli], exports: Path, tmp_path: Path) -> None:
    cli = province[0]
    assert str(tmp_path / "none") in cli.fails("rollup", str(tmp_path / "none"))
    twice = cli.fails("rollup", str(exports / "center-0"), str(province[0].db), "--year", "2025")
    assert "000.00.20.H56" in twice
    said = cli.fails("rollup", str(exports), "--out", str(tmp_path / "tinh.csv"))
    assert "expected an .xlsx file" in said and ".csv or" not in said  # one sheet per center: a workbook
    cli.fails("export", str(tmp_path / "x.csv"), "--parquet", str(tmp_path / "p"))
    cli.fails("export")


def test_a_center_database_given_twice_is_named_as_the_clerk_typed_it(province: list[Cli]) -> None:
    """The province officer types one center's file twice by mistake: the refusal names that
    file, not the scratch copy the roll-up exported it to."""
    db = str(province[1].db)
    err = province[0].fails("rollup", db, db, "--year", "2025")
    assert err.startswith(f"Error: {db}: the center with unit code 000.00.21.H56 is given twice")
    assert "tthc-rollup-" not in err
