"""One table model, several backends: the same late dossiers drawn as light columns, as
records on a narrow screen, as JSON, as CSV and as an Excel sheet, with no number, code or
date cut in any of them; the catalog re-shaped on a phone-wide terminal; the printed
workbooks laid out alike."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import Cli
from tthc.present.backends import Json, Rich, Sheet, backend, show
from tthc.present.table import Field, Plain, Table

LATER = "2025-10-01 08:00"
LATE = "000.00.20.H56-250903-0001"  # received Wed 3/9, resolved Fri 5/9: 2 working days late

#: Two dossiers resolved late after National Day 2025, as ``tthc late`` lists them.
AFTER_NATIONAL_DAY = Table.of(
    ["Code", "Procedure", "Officer", "Due", "Resolved", "Working days late"],
    [
        ["000.00.20.H56-250829-0001", "1.004873", "Đức", date(2025, 9, 4), datetime(2025, 9, 8, 9, 30), 2],
        ["000.00.20.H56-250901-0002", "1.001193", "Lan Nguyễn Thị", date(2025, 9, 5), None, 11],
    ],
    title="Resolved late: 2",
    lead=3,
)


def test_late_dossiers_after_national_day_fit_as_columns_on_a_wide_screen() -> None:
    lines = Plain(limit=120).lines(AFTER_NATIONAL_DAY)
    assert lines[0] == "Resolved late: 2"
    assert lines[1].split() == ["Code", "Procedure", "Officer", "Due", "Resolved", "Working", "days", "late"]
    assert lines[3].split() == [
        "000.00.20.H56-250829-0001",
        "1.004873",
        "Đức",
        "04/09/2025",
        "08/09/2025",
        "09:30",
        "2",
    ]
    assert all(len(line) <= 120 for line in lines)


def test_on_forty_columns_each_dossier_is_a_record_and_nothing_is_cut() -> None:
    lines = Plain(limit=40).lines(AFTER_NATIONAL_DAY)
    assert lines == [
        "Resolved late: 2",
        "000.00.20.H56-250829-0001  1.004873  Đức",
        "  Due: 04/09/2025",
        "  Resolved: 08/09/2025 09:30",
        "  Working days late: 2",
        "000.00.20.H56-250901-0002  1.001193",
        "Lan Nguyễn Thị",
        "  Due: 05/09/2025",
        "  Working days late: 11",
    ]


def test_a_pipe_gets_the_whole_table_however_long_its_lines() -> None:
    lines = Plain(limit=None).lines(AFTER_NATIONAL_DAY)
    assert "Lan Nguyễn Thị" in lines[4] and lines[4].rstrip().endswith("11")


def test_json_names_each_cell_by_its_key_with_iso_dates_and_numbers_as_numbers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    table = Table(
        [
            Field("Mã hồ sơ", key="code"),
            Field("Hạn", key="due_date"),
            Field("Tỉ lệ", key="rate", align="right"),
        ],
        [["000.00.20.H56-250829-0001", date(2025, 9, 4), Decimal("66.67")]],
    )
    show(table, "json")
    assert json.loads(capsys.readouterr().out) == [
        {"code": "000.00.20.H56-250829-0001", "due_date": "2025-09-04", "rate": 66.67}
    ]


def test_the_same_table_as_an_excel_sheet_keeps_real_dates_and_as_csv_the_same_rows(tmp_path: Path) -> None:
    book, sheet = tmp_path / "late.xlsx", tmp_path / "late.csv"
    show(AFTER_NATIONAL_DAY, "xlsx", path=book, sheet="Late")
    show(AFTER_NATIONAL_DAY, "csv", path=sheet)
    ws = openpyxl.load_workbook(book)["Late"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == tuple(AFTER_NATIONAL_DAY.headings)
    assert (
        rows[1][3] == datetime(2025, 9, 4) and rows[1][4] == datetime(2025, 9, 8, 9, 30) and rows[1][5] == 2
    )
    with sheet.open(encoding="utf-8-sig", newline="") as fh:
        read = list(csv.reader(fh))
    assert read[0] == AFTER_NATIONAL_DAY.headings
    assert [r[0] for r in read[1:]] == ["000.00.20.H56-250829-0001", "000.00.20.H56-250901-0002"]


def test_the_backend_is_chosen_once_by_its_name(tmp_path: Path) -> None:
    assert isinstance(backend("plain"), Plain) and isinstance(backend("rich"), Rich)
    assert isinstance(backend("json"), Json)
    assert isinstance(backend("xlsx", path=tmp_path / "x.xlsx"), Sheet)
    with pytest.raises(KeyError):
        backend("pdf")


def test_the_catalog_on_a_phone_wide_terminal_is_a_block_per_procedure(center: Cli) -> None:
    center.ok(
        "procedure", "add", "1.004873", "--name", "Cấp Giấy xác nhận tình trạng hôn nhân",
        "--field", "Hộ tịch", "--limit", "3 working days", "--fee", "150000",
    )  # fmt: skip
    wide = center.ok("procedure", "list", env={"COLUMNS": "120"}).stdout
    assert "┌" in wide and "150,000 VND" in wide
    narrow = center.ok("procedure", "list", env={"COLUMNS": "24"}).stdout
    assert "┌" not in narrow
    words = " ".join(narrow.split())
    assert "1.004873 Cấp Giấy xác nhận tình trạng hôn nhân Hộ tịch · 3 working days · 150,000 VND" in words
    assert "150,000 VND" in narrow  # the fee whole, never cut
    assert all(len(line) <= 24 for line in narrow.splitlines())


@pytest.fixture()
def september(center: Cli) -> Cli:
    late = "--late-entry"
    center.ok(
        "receive", "ks", "--applicant", "A", "--officer", "Lan", "--at", "2025-09-03 09:00", late, now=LATER
    )
    center.ok("resolve", LATE, "--at", "2025-09-05 10:00", late, now=LATER)
    return center


def test_late_out_is_the_late_table_written_by_the_sheet_backend(september: Cli, tmp_path: Path) -> None:
    from tthc.app.workload import late
    from tthc.core.periods import Period
    from tthc.present.compliance import late_table

    by_cli, by_backend = tmp_path / "cli.xlsx", tmp_path / "backend.xlsx"
    september.ok("late", "--month", "2025-09", "--out", str(by_cli), now=LATER)
    result = late(september.context(LATER), Period(date(2025, 9, 1), date(2025, 9, 30)))
    show(late_table(result, "en"), "xlsx", path=by_backend, sheet="late")

    def cells(path: Path) -> list[tuple[object, ...]]:
        wb = openpyxl.load_workbook(path)
        return list(wb[wb.sheetnames[0]].iter_rows(values_only=True))

    assert cells(by_cli) == cells(by_backend)
    assert cells(by_cli)[1][:2] == ("resolved_late", LATE)


def test_the_report_form_and_the_log_book_print_alike_on_a4_landscape(september: Cli, tmp_path: Path) -> None:
    form, book = tmp_path / "bieu.xlsx", tmp_path / "so.xlsx"
    september.ok("report", "--month", "2025-09", "--out", str(form), now=LATER)
    september.ok("logbook", "--month", "2025-09", "--out", str(book), now=LATER)
    for path in (form, book):
        ws = openpyxl.load_workbook(path).worksheets[0]
        assert ws.page_setup.orientation == "landscape", path
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.page_setup.fitToWidth == 1 and ws.oddFooter.center.text
        assert ws.merged_cells.ranges, path  # the headings merged across the columns


def test_a_morning_list_keeps_its_columns_drops_the_spare_one_and_puts_the_apology_under_its_row() -> None:
    table = Table(
        [Field("Code"), Field("Applicant", wrap=True), Field("Procedure", wrap=True, spare=True)],
        [["000.00.20.H56-250908-0001", "Nguyễn Văn An", "Đăng ký khai sinh"]],
        notes=[["Apology sent: new date 15/09/2025"]],
    )
    wide = Plain(limit=80, reshape=False).lines(table)
    assert wide[0].split() == ["Code", "Applicant", "Procedure"]
    assert wide[3] == " " * 27 + "↳ Apology sent: new date 15/09/2025"
    narrow = Plain(limit=40, reshape=False).lines(table)
    assert narrow[0].split() == ["Code", "Applicant"]  # the spare column went, the code stays whole
    assert narrow[2] == "000.00.20.H56-250908-0001  Nguyễn Văn An"
    assert " ".join(x.strip(" ↳") for x in narrow[3:]) == "Apology sent: new date 15/09/2025"
    assert Plain(limit=30).lines(table)[0] == "000.00.20.H56-250908-0001"  # reshaped: a record
    assert Plain(limit=30, reshape=False).lines(table)[2].startswith("000.00.20.H56-250908-0001  Nguyễn")
