"""Vietnamese everywhere a manager reads: the files of ``officers --out`` and ``late --out``
headed and worded in Vietnamese with real date cells, a re-dated step called what
``corrections`` calls it, and the fixed choices of the command line typed in Vietnamese,
with or without diacritics."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import Cli

LATER = "2025-10-01 08:00"
LATE = "000.00.20.H56-250903-0001"  # same-day, received Wed 3/9, resolved Fri 5/9: 2 days late
REDATED = "000.00.20.H56-250904-0001"  # received after the reports up to 5/9 were closed


@pytest.fixture()
def september(center: Cli) -> Cli:
    late = "--late-entry"  # September entered on 1 October
    center.ok(
        "receive", "ks", "--applicant", "A", "--officer", "Lan", "--at", "2025-09-03 09:00", late, now=LATER
    )
    center.ok("resolve", LATE, "--at", "2025-09-05 10:00", late, now=LATER)
    center.ok("config", "set", "reports_closed_through", "2025-09-05", now=LATER)
    center.ok(
        "receive", "ks", "--applicant", "B", "--at", "2025-09-04 09:00", "--correct-time", "--reason", "ghi sót",
        late, now=LATER,
    )  # fmt: skip
    return center


def test_the_late_lists_call_a_re_dated_step_as_corrections_does(september: Cli, tmp_path: Path) -> None:
    said = september.ok("late", "--month", "2025-09", now=LATER, lang="vi").stdout
    assert "sửa thời điểm" in said and "correction" not in said
    assert "sửa thời điểm" in september.ok("corrections", "--month", "2025-09", now=LATER, lang="vi").stdout
    report = tmp_path / "bieu.xlsx"
    september.ok("report", "--month", "2025-09", "--out", str(report), now=LATER, lang="vi")
    cells = [c for row in openpyxl.load_workbook(report)["Quá hạn"].iter_rows(values_only=True) for c in row]
    assert "sửa thời điểm" in cells and "correction" not in cells


def test_late_out_in_vietnamese_has_vietnamese_headers_words_and_date_cells(
    september: Cli, tmp_path: Path
) -> None:
    out = tmp_path / "tre-han.xlsx"
    september.ok("late", "--month", "2025-09", "--out", str(out), now=LATER, lang="vi")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Trễ hạn"]
    rows = list(book["Trễ hạn"].iter_rows(values_only=True))
    assert rows[0][:5] == ("Danh sách", "Mã hồ sơ", "Mã TTHC", "Cán bộ", "Hạn giải quyết")
    by_list = {(r[0], r[1]): dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    late = by_list[("Giải quyết quá hạn", LATE)]
    assert late["Hạn giải quyết"] == datetime(2025, 9, 3)
    assert late["Ngày giải quyết"] == datetime(2025, 9, 5, 10, 0)
    fixed = by_list[("Quá trình xử lý được điều chỉnh", REDATED)]
    assert (fixed["Điều chỉnh"], fixed["Bước"]) == ("sửa thời điểm", "tiếp nhận")
    assert fixed["Bước đã ghi lúc"] == datetime(2025, 9, 4, 9, 0)
    words = {str(c) for r in rows for c in r if c is not None}
    assert not words & {"resolved_late", "open_overdue", "corrections", "correction", "undo", "receive"}


def test_late_out_in_english_keeps_the_json_names_with_date_cells(september: Cli, tmp_path: Path) -> None:
    out = tmp_path / "late.xlsx"
    september.ok("late", "--month", "2025-09", "--out", str(out), now=LATER)
    rows = list(openpyxl.load_workbook(out)["late"].iter_rows(values_only=True))
    first = dict(zip(rows[0], rows[1], strict=True))
    assert (first["list"], first["code"]) == ("resolved_late", LATE)
    assert first["due_date"] == datetime(2025, 9, 3) and first["resolved_at"] == datetime(2025, 9, 5, 10)
    fixed = dict(zip(rows[0], rows[-1], strict=True))
    assert (fixed["list"], fixed["kind"], fixed["step"]) == ("corrections", "correction", "receive")


def test_officers_out_in_vietnamese(september: Cli, tmp_path: Path) -> None:
    out = tmp_path / "can-bo.csv"
    september.ok("officers", "--month", "2025-09", "--out", str(out), now=LATER, lang="vi")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:4] == ["Cán bộ", "Tiếp nhận", "Nhận chuyển giao", "Đã giải quyết"]
    assert rows[0][-2:] == ["Khối lượng", "Tỷ trọng (%)"]
    assert rows[-1][0] == "Tổng"
    xlsx = tmp_path / "can-bo.xlsx"
    september.ok(
        "officers", "--month", "2025-09", "--by", "điểm tiếp nhận", "--out", str(xlsx), now=LATER, lang="vi"
    )
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Cán bộ"] and book.active["A1"].value == "Điểm tiếp nhận"  # type: ignore[index]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("trực tiếp", "direct"), ("truc tiep", "direct"), ("TRỰC TUYẾN", "online"), ("bưu  chính", "postal"),
     ("buu chinh", "postal"), ("online", "online")],
)  # fmt: skip
def test_a_channel_typed_in_vietnamese_with_or_without_diacritics(
    center: Cli, typed: str, stored: str
) -> None:
    got = center.ok(
        "receive", "ks", "--applicant", "A", "--channel", typed, "--at", "2025-09-10 09:00", "--json"
    )
    assert json.loads(got.stdout)["channel"] == stored
    listed = json.loads(center.ok("list", "--channel", typed, "--status", "dang giai quyet", "--json").stdout)
    assert [d["channel"] for d in listed] == [stored]


def test_every_fixed_choice_takes_its_vietnamese_words(center: Cli) -> None:
    code = json.loads(
        center.ok("receive", "ks", "--applicant", "A", "--at", "2025-09-10 09:00", "--json").stdout
    )
    center.ok("resolve", code["code"], "--outcome", "tu choi", "--at", "2025-09-10 10:00")
    assert json.loads(center.ok("show", code["code"], "--json").stdout)["outcome"] == "rejected"
    assert center.ok("list", "--status", "đã giải quyết", "--json").stdout.count(code["code"]) == 1
    by_field = json.loads(center.ok("summary", "--month", "2025-09", "--by", "linh vuc", "--json").stdout)
    assert by_field["by"] == "field"
    by_month = json.loads(center.ok("summary", "--year", "2025", "--by", "tháng", "--json").stdout)
    assert by_month["by"] == "month"
    assert (
        json.loads(center.ok("officers", "--month", "2025-09", "--by", "diem tiep nhan", "--json").stdout)[
            "by"
        ]
        == "point"
    )


def test_an_unknown_choice_is_still_a_usage_error_naming_the_words(center: Cli) -> None:
    err = center.fails("receive", "ks", "--applicant", "A", "--channel", "fax", code=2)
    assert "'fax' is not one of 'direct', 'online', 'postal'." in err
    err = center.fails("list", "--status", "xong", code=2, lang="vi")
    assert "'xong' không thuộc 'đang giải quyết', 'chờ bổ sung', 'đã giải quyết'" in err


def test_the_help_page_lists_the_words_of_its_language(center: Cli) -> None:
    vi = center.ok("receive", "--help", lang="vi").stdout
    assert "<trực tiếp|trực tuyến|bưu chính>" in vi and "[mặc định: trực tiếp]" in vi
    assert "<chấp thuận|từ chối>" in center.ok("resolve", "--help", lang="vi").stdout
    assert "<direct|online|postal>" in center.ok("receive", "--help").stdout
