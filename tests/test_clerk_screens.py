"""What a new clerk read on a first day and stumbled over: dates day first in every message,
a closed dossier told as closed, lines that fit an 80-column screen, an English workbook in
English, and the month-first hint only where a date could be read month first."""

from pathlib import Path

import openpyxl

from tests.conftest import Cli


# -- dates people read are day first in both languages ------------------------------------------
def test_a_moment_in_the_future_on_monday_6_october_2025_is_told_day_first(center: Cli) -> None:
    argv = ["receive", "ks", "--applicant", "A", "--at", "07/10/2025 08:00"]
    now = "2025-10-06 09:00"
    assert "(now is 06/10/2025 09:00)" in center.fails(*argv, now=now, lang="en")
    assert "(bây giờ là 06/10/2025 09:00)" in center.fails(*argv, now=now, lang="vi")


# -- the month-first hint only where the date could be read month first -------------------------
def test_14_march_typed_in_september_is_a_late_entry_but_not_a_month_typed_first(center: Cli) -> None:
    """14/03 cannot be 3 of a fourteenth month: only the late entry is asked about."""
    argv = ["receive", "ks", "--applicant", "A", "--at", "14/03/2025 09:00"]
    now = "2025-09-10 09:00"
    en = center.fails(*argv, now=now, lang="en")
    assert "Fri 14/03/2025" in en and "--late-entry" in en and "month first" not in en
    vi = center.fails(*argv, now=now, lang="vi")
    assert "--late-entry" in vi and "tháng trước, ngày sau" not in vi and "kiểu tháng trước" not in vi


def test_09_march_typed_in_september_still_asks_about_a_month_typed_first(center: Cli) -> None:
    argv = ["receive", "ks", "--applicant", "A", "--at", "09/03/2025 09:00"]
    assert "month first" in center.fails(*argv, now="2025-09-10 09:00", lang="en")


# -- the English II.06a workbook is English throughout -----------------------------------------
def test_the_english_ii06a_workbook_signs_under_english_headings(center: Cli, tmp_path: Path) -> None:
    out = tmp_path / "ii06a.xlsx"
    center.ok("report", "--month", "2025-09", "--out", str(out), now="2025-10-01 08:00", lang="en")
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    text = [str(c) for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert "PREPARED BY" in text and "HEAD OF UNIT" in text
    assert "THỦ TRƯỞNG ĐƠN VỊ" not in text
    vi = tmp_path / "ii06a-vi.xlsx"
    center.ok("report", "--month", "2025-09", "--out", str(vi), now="2025-10-01 08:00", lang="vi")
    ws = openpyxl.load_workbook(vi).active
    assert ws is not None
    assert "THỦ TRƯỞNG ĐƠN VỊ" in [str(c) for row in ws.iter_rows(values_only=True) for c in row]
