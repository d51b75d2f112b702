"""Files for managers who filter in Excel: real date cells, Vietnamese headers with
``--lang vi``, widths, a frozen header row and an autofilter; CSV for an Excel set to
Vietnamese (``;`` between cells, ``,`` in decimals); and every file reads back in."""

import csv
import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import Cli
from tests.test_interchange import GOOD, LATER, write


@pytest.fixture()
def september(center: Cli, tmp_path: Path) -> Cli:
    """Five dossiers of September 2025: returned, open, late (migrated), withdrawn, resumed."""
    center.ok("import", str(write(tmp_path / "in.csv", *GOOD)), now=LATER)
    return center


def sheet_rows(path: Path) -> list[tuple[object, ...]]:
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    return list(ws.iter_rows(values_only=True))


def test_the_xlsx_export_is_ready_for_filtering(september: Cli, tmp_path: Path) -> None:
    out = tmp_path / "hs.xlsx"
    september.ok("export", str(out), now=LATER, lang="vi")
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    header = [c.value for c in ws[1]]
    for name in ("Mã hồ sơ", "Lĩnh vực", "Trạng thái", "Kết quả đúng hạn", "Ngày tiếp nhận", "Người nộp"):
        assert name in header, name
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(row=1, column=len(header)).column_letter}{ws.max_row}"
    assert all(ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width for i in (1, 2, 3))
    rows = [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]
    late = next(r for r in rows if r["Mã hồ sơ"] == "HS-MIGRATED-1")
    assert late["Kết quả đúng hạn"] == "quá hạn" and late["Lĩnh vực"] == "Chứng thực"
    assert late["Trạng thái"] == "đã giải quyết" and late["Hình thức"] == "bưu chính"
    received = ws.cell(row=2, column=header.index("Ngày tiếp nhận") + 1)
    assert isinstance(received.value, datetime) and received.number_format.startswith("dd/mm/yyyy")


def test_the_english_export_keeps_the_json_names(september: Cli, tmp_path: Path) -> None:
    out = tmp_path / "hs.xlsx"
    september.ok("export", str(out), now=LATER)
    header = sheet_rows(out)[0]
    assert header[:3] == ("code", "procedure", "received_at")
    assert {"field", "status", "timeliness"} <= set(header)  # type: ignore[operator]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_every_export_reads_back_in_without_a_warning(
    september: Cli, tmp_path: Path, lang: str, suffix: str
) -> None:
    summary = september.ok("summary", "--month", "2025-09", "--by", "field", "--json", now=LATER).stdout
    out = tmp_path / f"out.{suffix}"
    september.ok("export", str(out), now=LATER, lang=lang)
    header = (
        sheet_rows(out)[0] if suffix == "xlsx" else next(csv.reader(out.read_text("utf-8-sig").splitlines()))
    )
    assert ("Trạng thái" in header) == (lang == "vi") and ("status" in header) == (lang == "en")
    other = Cli(tmp_path / "other.db", now=LATER)
    other.ok("init", "--prefix", "000.00.20.H56")
    result = other.ok("import", str(out), lang=lang)
    assert result.stderr == "", result.stderr
    assert other.ok("summary", "--month", "2025-09", "--by", "field", "--json").stdout == summary


def test_csv_for_an_excel_set_to_vietnamese(september: Cli, tmp_path: Path) -> None:
    out = tmp_path / "hs.csv"
    september.ok("export", str(out), "--excel-vn", now=LATER, lang="vi")
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert rows[0][0] == "Mã hồ sơ" and len(rows) == 6
    header = rows[0]
    first = dict(zip(header, rows[1], strict=True))
    assert first["Ngày tiếp nhận"] == "01/09/2025 09:00"  # a date Excel set to Vietnamese reads
    summary = tmp_path / "s.csv"
    september.ok("summary", "--month", "2025-09", "--out", str(summary), "--excel-vn", now=LATER, lang="vi")
    srows = list(csv.reader(summary.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    total = dict(zip(srows[0], srows[-1], strict=True))
    rate = next(v for k, v in total.items() if k.startswith("Tỷ lệ"))
    assert rate == "50,00"  # 1 on time of 2 resolved, with a decimal comma


def test_summary_file_headers_in_vietnamese(september: Cli, tmp_path: Path) -> None:
    out = tmp_path / "s.xlsx"
    september.ok("summary", "--month", "2025-09", "--by", "month", "--out", str(out), now=LATER, lang="vi")
    rows = sheet_rows(out)
    assert rows[0][:3] == ("Tháng", "Kỳ trước chuyển qua", "Tiếp nhận")
    assert rows[1][0] == "tháng 9/2025" and rows[-1][0] == "Tổng"
    en = tmp_path / "s.csv"
    september.ok("summary", "--month", "2025-09", "--by", "month", "--out", str(en), now=LATER)
    assert en.read_text(encoding="utf-8-sig").startswith("key,carried_over,received,")
    assert json.loads(september.ok("summary", "--month", "2025-09", "--json", now=LATER).stdout)[
        "on_time_rate"
    ] == pytest.approx(50.0)
