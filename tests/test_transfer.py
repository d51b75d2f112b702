"""Moving between systems without loss: the catalog out and back in, and the full export —
every field, every round, handover and apology — read back into a new database giving the
same ``show``, ``history`` and summaries."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import Cli
from tthc.app import dossiers, service
from tthc.app.summary import BY_KEYS
from tthc.core.errors import TthcError
from tthc.present import render

LATER = "2025-10-31 17:00"


def test_the_catalog_goes_out_in_the_columns_its_import_reads(center: Cli, tmp_path: Path) -> None:
    center.ok(
        "procedure",
        "add",
        "1.004873",
        "--name",
        "Xác nhận tình trạng hôn nhân",
        "--field",
        "Hộ tịch",
        "--limit",
        "3wd",
        "--alias",
        "xnhn",
        "--fee",
        "15.000",
    )
    catalog = json.loads(center.ok("procedure", "list", "--json").stdout)
    for suffix in ("csv", "xlsx"):
        out = tmp_path / f"catalog.{suffix}"
        assert "Exported 6 procedure(s)" in center.ok("procedure", "export", str(out)).stdout
        other = Cli(tmp_path / f"other-{suffix}.db", now=center.now)
        other.ok("init", "--no-catalog")
        assert "Procedures: 6 added" in other.ok("procedure", "import", str(out)).stdout
        assert json.loads(other.ok("procedure", "list", "--json").stdout) == catalog


def views(cli: Cli, codes: list[str]) -> dict[str, Any]:
    """What ``show --json --show-id`` and ``history --json`` print, for each code."""
    ctx = cli.context(LATER)
    out: dict[str, Any] = {}
    for code in codes:
        try:
            shown: Any = dossiers.show(ctx, code).dossier.as_json(show_id=True)
        except TthcError:  # a receipt undone: only the history is left
            shown = None
        out[code] = (shown, [render.event_json(e) for e in dossiers.history(ctx, code)])
    ctx.close()
    return out


def summaries(cli: Cli) -> list[dict[str, Any]]:
    ctx = cli.context(LATER)
    period = service.period(ctx, from_="2025-07-01", to="2025-10-31", month=None, quarter=None, year=None)
    out = [service.summary(ctx, period, by).as_json() for by in (None, *BY_KEYS)]
    ctx.close()
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Cli, list[str]]:
    """The demo center, with a few dossiers taken through every kind of step by hand."""
    cli = Cli(tmp_path_factory.mktemp("demo") / "demo.db", now=LATER)
    cli.ok("demo", "--db", str(cli.db))
    open_ = [
        d["code"]
        for d in json.loads(cli.ok("list", "--status", "processing", "--limit", "4", "--json").stdout)
    ]
    a, b, c, d = open_
    cli.ok("handover", a, "--to", "Trần Văn Đức", "--note", "chuyển phòng Tư pháp")
    cli.ok("supplement", b, "--reason", "thiếu giấy")
    cli.ok("resume", b)
    cli.ok("supplement", b, "--reason", "lại thiếu", "--again")
    cli.ok("apologize", c, "--new-date", "2025-11-28", "--reason", "chờ xác minh")
    cli.ok("edit", d, "--phone", "0912345678", "--id-number", "001085012345", "--note", "=1+1")
    cli.ok("resolve", d)
    cli.ok("undo", d, "--reason", "ghi nhầm")
    new = json.loads(
        cli.ok(
            "receive", "ks", "--applicant", "Nguyễn Văn An", "--id-number", "001090000001", "--json"
        ).stdout
    )["code"]
    cli.ok("undo", new, "--reason", "ghi nhầm")  # a receipt undone: only its history is left
    listed = [
        d["code"] for d in json.loads(cli.ok("list", "--status", "returned", "--limit", "6", "--json").stdout)
    ]
    return cli, [a, b, c, d, new, *listed]


def test_a_full_export_read_into_a_new_database_gives_back_every_dossier(
    demo: tuple[Cli, list[str]], tmp_path: Path
) -> None:
    cli, codes = demo
    out = tmp_path / "center.jsonl"
    said = cli.ok("export", str(out), "--full").stdout
    assert "Wrote a full export" in said and "1964 dossier(s)" in said
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # citizens' ID numbers and phones
    meta = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert meta["tthc_full_export"] == 1
    copy = Cli(tmp_path / "new" / "copy.db", now=LATER)
    assert "settings and event numbers copied" in copy.ok("import", str(out)).stdout
    assert views(copy, codes) == views(cli, codes)
    assert summaries(copy) == summaries(cli)
    assert copy.ok("history", codes[1]).stdout == cli.ok("history", codes[1]).stdout
    assert "Nothing to merge" in copy.ok("import", str(out)).stdout  # again: nothing changes


def test_a_full_export_into_a_working_database_is_a_merge(center: Cli, tmp_path: Path) -> None:
    src = Cli(tmp_path / "src.db", now=center.now)
    src.ok("init", "--prefix", "000.00.20.H56", "--point", "Điểm 2")
    src.ok(
        "config", "set", "center_id", json.loads(center.ok("config", "show", "--json").stdout)["center_id"]
    )
    code = json.loads(
        src.ok("receive", "ks", "--applicant", "B", "--at", "2025-09-09 09:00", "--json").stdout
    )["code"]
    src.ok("supplement", code, "--at", "2025-09-09 10:00", "--reason", "thiếu giấy")
    out = tmp_path / "diem2.jsonl"
    src.ok("export", str(out), "--full")
    said = center.ok("import", str(out), "--dry-run").stdout
    assert "Dry run" in said and "dossiers: 1 added" in said
    assert "dossiers: 1 added" in center.ok("import", str(out)).stdout
    assert json.loads(center.ok("show", code, "--json").stdout) == json.loads(
        src.ok("show", code, "--json").stdout
    )
    steps = [(e["step"], e["happened_at"]) for e in json.loads(center.ok("history", code, "--json").stdout)]
    assert steps == [
        (e["step"], e["happened_at"]) for e in json.loads(src.ok("history", code, "--json").stdout)
    ]


def test_a_full_export_as_a_workbook_keeps_every_value(center: Cli, tmp_path: Path) -> None:
    code = json.loads(
        center.ok(
            "receive",
            "ks",
            "--applicant",
            '=HYPERLINK("x")',
            "--note",
            "-1",
            "--at",
            "2025-09-09 09:00",
            "--json",
        ).stdout
    )["code"]
    center.ok("calendar", "add-holiday", "2025-09-12")  # a day without a name: an empty text
    center.ok("supplement", code, "--at", "2025-09-09 10:00", "--reason", "@thiếu")
    out = tmp_path / "center.xlsx"
    center.ok("export", str(out), "--full")
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames[:2] == ["meta", "settings"] and "events" in book.sheetnames
    copy = Cli(tmp_path / "copy.db", now=center.now)
    copy.ok("import", str(out))
    assert views(copy, [code]) == views(center, [code])
    assert copy.ok("calendar", "show", "--json").stdout == center.ok("calendar", "show", "--json").stdout


def test_a_broken_full_export_is_refused_and_leaves_no_database(center: Cli, tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    center.ok("export", str(out), "--full")
    lines = out.read_text(encoding="utf-8").splitlines()
    broken = tmp_path / "broken.jsonl"
    broken.write_text(
        "\n".join([*lines, '{"table": "dossiers", "row": {"code": "X"}}']) + "\n", encoding="utf-8"
    )
    fresh = Cli(tmp_path / "fresh.db", now=center.now)
    assert "no column 'procedure_code'" in fresh.fails("import", str(broken))
    assert not fresh.db.exists()
    (tmp_path / "plain.jsonl").write_text('{"hello": 1}\n', encoding="utf-8")
    assert "is not a tthc full export" in center.fails("import", str(tmp_path / "plain.jsonl"))
    assert "takes no filters" in center.fails("export", str(out), "--full", "--status", "paused")
    assert "a .jsonl or .xlsx file" in center.fails("export", str(tmp_path / "x.csv"), "--full")


# -- what a copy brings is checked before anything is written ---------------------------------------
def edited(src: Path, dest: Path, table: str, change: dict[str, Any], code: str | None = None) -> Path:
    """A copy of a full export with one row of ``table`` changed (the dossier ``code``'s, or
    the setting named in ``change``)."""
    out = []
    for line in src.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        row = item.get("row") if item.get("table") == table else None
        wanted = row is not None and (row.get("code") == code if code else row.get("key") == change["key"])
        if wanted:
            row.update(change)
        out.append(json.dumps(item, ensure_ascii=False))
    dest.write_text("\n".join(out) + "\n", encoding="utf-8")
    return dest


@pytest.fixture()
def exported(center: Cli, tmp_path: Path) -> tuple[Path, str]:
    """A full export of a center that received one dossier at 09:00 and resolved it at 10:00."""
    code = json.loads(
        center.ok("receive", "ks", "--applicant", "A", "--at", "2025-09-09 09:00", "--json").stdout
    )["code"]
    center.ok("resolve", code, "--at", "2025-09-09 10:00")
    center.ok("config", "set", "office_hours", "07:00-11:00,13:00-16:30")
    out = tmp_path / "center.jsonl"
    center.ok("export", str(out), "--full")
    return out, code


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (
            {"value": "13:00-16:30,07:00-11:00"},
            "bad value '13:00-16:30,07:00-11:00' for office_hours: sessions overlap or are out of order",
        ),
        ({"value": "25:00-26:00"}, "bad value '25:00' for office_hours: expected HH:MM"),
    ],
)
def test_a_setting_a_whole_copy_would_take_is_checked_as_config_set_checks_it(
    exported: tuple[Path, str], tmp_path: Path, change: dict[str, str], needle: str
) -> None:
    out, _ = exported
    broken = edited(out, tmp_path / "broken.jsonl", "settings", {"key": "office_hours", **change})
    fresh = Cli(tmp_path / "fresh.db", now=LATER)
    err = fresh.fails("import", str(broken))
    assert err.startswith(
        f"Error: 1 value(s) in {broken} that this database cannot hold; nothing was written"
    )
    assert f"\nsetting: {needle}" in err, err
    assert not fresh.db.exists()


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"received_at": "1985-09-09T09:00:00"}, "received_at: bad date '1985-09-09T09:00:00': the year"),
        ({"resolved_at": "2300-09-09T10:00:00"}, "resolved_at: bad date '2300-09-09T10:00:00': the year"),
        ({"resolved_at": "2025-09-09T08:00:00"}, "resolved_at: 09/09/2025 08:00 is before the receipt"),
        ({"resolved_at": "hôm qua"}, "resolved_at: 'hôm qua' is not a moment"),
    ],
    ids=["received in 1985", "resolved in 2300", "resolved before its receipt", "not a moment"],
)
def test_a_copied_dossier_whose_dates_a_clerk_could_not_enter_is_refused(
    exported: tuple[Path, str], center: Cli, tmp_path: Path, change: dict[str, str], needle: str
) -> None:
    out, code = exported
    broken = edited(out, tmp_path / "broken.jsonl", "dossiers", change, code=code)
    fresh = Cli(tmp_path / "fresh.db", now=LATER)
    for cli in (fresh, Cli(tmp_path / "working.db", now=LATER)):
        if cli is not fresh:
            shutil.copyfile(center.db, cli.db)
            cli.ok("undo", code, "--reason", "ghi nhầm")  # a working database that is no copy of it
        err = cli.fails("import", str(broken))
        assert err.startswith(f"Error: 1 value(s) in {broken}"), err
        assert f"\ndossier {code}: {needle}" in err, err
    assert not fresh.db.exists()


def test_an_audit_event_of_a_copy_outside_the_years_is_refused(
    exported: tuple[Path, str], tmp_path: Path
) -> None:
    out, _ = exported
    lines = out.read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines]
    resolve = next(i for i in items if i.get("table") == "events" and i["row"]["step"] == "resolve")
    resolve["row"]["happened_at"] = "1900-09-09T10:00:00"
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")
    fresh = Cli(tmp_path / "fresh.db", now=LATER)
    err = fresh.fails("import", str(broken))
    number = resolve["row"]["id"]
    assert (
        f"\naudit event #{number}: happened_at: bad date '1900-09-09 10:00:00': the year must lie" in err
    ), err
    assert not fresh.db.exists()
