"""What a new clerk read on a first day and stumbled over: dates day first in every message,
a closed dossier told as closed, lines that fit an 80-column screen, an English workbook in
English, and the month-first hint only where a date could be read month first."""

import json
from pathlib import Path

import openpyxl
import pytest

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


# -- a closed dossier says it was closed ------------------------------------------------------
def closed_on_24_september(center: Cli) -> str:
    """Received Mon 8/9/2025, papers asked Tue 9/9, never came: closed Wed 24/9 at 10:00."""
    code: str = json.loads(
        center.ok(
            "receive", "ks", "--applicant", "Lê Thị Bình", "--limit", "5wd",
            "--at", "2025-09-08 09:00", "--json", now="2025-09-08 09:00",
        ).stdout
    )["code"]  # fmt: skip
    center.ok("supplement", code, "--at", "2025-09-09 10:00", "--reason", "CCCD", now="2025-09-09 10:00")
    center.ok("close", code, "--reason", "không bổ sung", now="2025-09-24 10:00")
    return code


def test_a_dossier_closed_on_24_september_2025_is_not_waiting_for_papers(center: Cli) -> None:
    code = closed_on_24_september(center)
    now = "2025-09-25 09:00"
    shown = center.ok("show", code, now=now, env=NARROW).stdout
    assert "closed Wed 24/09/2025 10:00" in shown and "waiting for papers" not in shown
    listed = center.ok("list", "--status", "closed", now=now, env=NARROW).stdout
    assert "closed 24/09/2025 10:00" in listed and "waiting for papers" not in listed
    vi = center.ok("show", code, now=now, lang="vi", env=NARROW).stdout
    assert "đã đóng Thứ Tư 24/09/2025 10:00" in vi and "chờ bổ sung" not in vi.split("Trạng thái")[0]
    vi_list = center.ok("list", "--status", "closed", now=now, lang="vi", env=NARROW).stdout
    assert "đã đóng 24/09/2025 10:00" in vi_list and "chờ bổ sung" not in vi_list


# -- no line wider than an 80-column screen ------------------------------------------------------
NARROW = {"COLUMNS": "80", "NO_COLOR": "1"}


def too_wide(text: str) -> list[str]:
    """Lines wider than 80 columns, but for one word too long for any line (a test's path)."""
    return [line for line in text.splitlines() if len(line) > 80 and len(line.split()) > 1]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_clerks_first_morning_fits_80_columns(cli: Cli, lang: str) -> None:
    """Init on a PC of its own, a receipt, an apology in show, an undo, and a help page: each
    wraps between words at 80 columns."""
    said: dict[str, str] = {}
    said["init"] = cli.ok(
        "init", "--center", "Trung tâm PVHCC xã Thử", "--prefix", "000.00.20.H56",
        "--point", "Điểm 1 - Trụ sở xã", lang=lang, env=NARROW,
    ).stdout  # fmt: skip
    assert "station.json" in said["init"]
    argv = ["receive", "ctck", "--applicant", "Nguyễn Thị Phương Thảo", "--limit", "2wd"]
    said["receive"] = cli.ok(
        *argv, "--at", "2025-09-08 09:00", now="2025-09-08 09:00", lang=lang, env=NARROW
    ).stdout
    code = "000.00.20.H56-250908-0001"
    assert "10/09/2025 17:00" in said["receive"] and code in said["receive"]
    reason = "chờ xác minh thông tin thửa đất với Văn phòng đăng ký đất đai chi nhánh huyện"
    cli.ok("apologize", code, "--new-date", "16/09/2025", "--reason", reason, "--at", "2025-09-09 10:00")
    said["show"] = cli.ok("show", code, now="2025-09-09 11:00", lang=lang, env=NARROW).stdout
    assert "16/09/2025" in said["show"] and "Văn phòng" in said["show"]
    cli.ok(*argv, "--at", "2025-09-09 09:30", now="2025-09-09 09:30")
    said["undo"] = cli.ok(
        "undo", "000.00.20.H56-250909-0001", "--reason", "nhầm", "--yes",
        now="2025-09-09 11:00", lang=lang, env=NARROW,
    ).stdout  # fmt: skip
    assert "09/09/2025" in said["undo"]
    said["help"] = cli.ok("export", "-h", lang=lang, env=NARROW).stdout
    assert ("đã đóng" if lang == "vi" else "closed") in said["help"]
    wide = {name: too_wide(text) for name, text in said.items() if too_wide(text)}
    assert not wide, wide
