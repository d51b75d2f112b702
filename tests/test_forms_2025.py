"""The forms of Circular 03/2025/TT-VPCP (Appendix I) for dossiers received from its first day,
30/10/2025 (our reading: the circular of 15/9/2025, 45 days on), and the forms of Circular
01/2018/TT-VPCP before it: the number a paper takes, the circular its header names, the new
form 05 for a withdrawal, and the log book's number."""

import json
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import Cli
from tthc.app.papers import FORMS_2018, FORMS_2025, FORMS_2025_FROM, form_set

CIRCULAR_2018 = "Mẫu số {n} (Thông tư 01/2018/TT-VPCP)"
CIRCULAR_2025 = "Mẫu số {n} (Thông tư 03/2025/TT-VPCP)"


def receive(cli: Cli, at: str, applicant: str = "Nguyễn Văn An") -> str:
    args = ("receive", "ks", "--applicant", applicant, "--phone", "0912345678", "--at", at, "--json")
    return str(json.loads(cli.ok(*args, now=at).stdout)["code"])


def test_the_2025_forms_start_on_the_forty_fifth_day_after_signing() -> None:
    from datetime import date

    assert date(2025, 10, 30) == FORMS_2025_FROM
    assert form_set(date(2025, 9, 14)) is FORMS_2018  # the Sunday before the circular was signed
    assert form_set(date(2025, 10, 29)) is FORMS_2018
    assert form_set(date(2025, 10, 30)) is FORMS_2025
    assert [FORMS_2025.paper(f"0{n}") for n in range(1, 8)] == [
        "receipt",
        "supplement",
        "refusal",
        "apology",
        "stop",
        "control",
        "logbook",
    ]


@pytest.mark.parametrize(
    ("received", "control", "header"),
    [
        ("2025-09-12 09:00", "05", CIRCULAR_2018),  # Friday before the circular was signed
        ("2025-10-29 09:00", "05", CIRCULAR_2018),  # Wednesday, the last day of the 2018 forms
        ("2025-10-30 09:00", "06", CIRCULAR_2025),  # Thursday, the first day of the 2025 forms
        ("2025-11-03 09:00", "06", CIRCULAR_2025),
    ],
)
def test_each_paper_takes_its_number_in_the_set_of_its_receipt(
    center: Cli, received: str, control: str, header: str
) -> None:
    code = receive(center, received)
    receipt = center.ok("receipt", code, lang="vi", now="2025-12-01 10:00").stdout
    assert header.format(n="01") in receipt and "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in receipt
    sheet = center.ok("slip", code, control, lang="vi", now="2025-12-01 10:00").stdout
    assert header.format(n=control) in sheet and "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in sheet
    english = center.ok("slip", code, control, lang="en", now="2025-12-01 10:00").stdout
    assert f"Form {control} (Circular {header.split('Thông tư ')[1]}" in english


def test_form_05_of_2025_is_not_the_control_sheet_of_an_open_dossier(center: Cli) -> None:
    code = receive(center, "2025-11-03 09:00")
    err = center.fails("slip", code, "05", lang="vi", now="2025-11-04 10:00")
    assert "chưa dừng giải quyết: mẫu 05 chỉ lập khi hồ sơ được rút hoặc bị đóng" in err
    err = center.fails("slip", code, "07", now="2025-11-04 10:00")
    assert "form 07 of Circular 03/2025/TT-VPCP is the log book" in err


def test_a_dossier_withdrawn_in_november_2025_gets_the_stop_notice(center: Cli, tmp_path: Path) -> None:
    center.ok("config", "set", "head_title", "Giám đốc", now="2025-11-03 08:00")
    center.ok("config", "set", "head_name", "Phạm Văn Hùng", now="2025-11-03 08:00")
    code = receive(center, "2025-11-03 09:00")
    center.ok(
        "withdraw",
        code,
        "--at",
        "2025-11-04 14:30",
        "--reason",
        "người yêu cầu đi công tác dài ngày",
        now="2025-11-04 15:00",
    )
    notice = center.ok("slip", code, "05", lang="vi", now="2025-11-05 10:00").stdout
    assert CIRCULAR_2025.format(n="05") in notice
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in notice
    flat = " ".join(notice.split())
    assert "đã đề nghị dừng giải quyết hồ sơ nêu trên" in flat
    assert "14 giờ 30 phút, Thứ Ba ngày 04/11/2025" in flat  # when it stopped
    assert "Lý do: người yêu cầu đi công tác dài ngày" in flat
    assert "ngày 04 tháng 11 năm 2025" in flat  # dated by the withdrawal
    assert "GIÁM ĐỐC" in flat and "Phạm Văn Hùng" in flat
    # the control sheet is form 06 now, and it shows the withdrawal
    sheet = " ".join(center.ok("slip", code, "06", lang="vi", now="2025-11-05 10:00").stdout.split())
    assert CIRCULAR_2025.format(n="06") in sheet and "rút hồ sơ 14 giờ 30" in sheet
    page = tmp_path / "dung.html"
    center.ok("slip", code, "05", "--html", str(page), lang="vi", now="2025-11-05 10:00")
    html = page.read_text(encoding="utf-8")
    assert '<p class="form-no">Mẫu số 05 (Thông tư 03/2025/TT-VPCP)</p>' in html
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in html


def test_a_dossier_withdrawn_in_september_2025_has_no_stop_notice(center: Cli) -> None:
    """The 2018 set has no such notice: its 05 is the control sheet, with the withdrawal."""
    code = receive(center, "2025-09-12 09:00")
    center.ok(
        "withdraw", code, "--at", "2025-09-15 10:00", "--reason", "nộp nhầm thủ tục", now="2025-09-15 11:00"
    )
    sheet = center.ok("slip", code, "05", lang="vi", now="2025-09-16 10:00").stdout
    assert CIRCULAR_2018.format(n="05") in sheet and "PHIẾU KIỂM SOÁT" in sheet
    assert "rút hồ sơ 10 giờ 00" in " ".join(sheet.split())


def test_the_2025_apology_is_the_letter_asking_for_more_time(center: Cli) -> None:
    code = receive(center, "2025-11-03 09:00")
    center.ok(
        "apologize", code, "--new-date", "05/11/2025", "--reason", "chờ xác minh", now="2025-11-03 10:00"
    )
    letter = center.ok("slip", code, "04", lang="vi", now="2025-11-05 10:00").stdout
    assert CIRCULAR_2025.format(n="04") in letter
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in " ".join(letter.split())
    assert "THỦ TRƯỞNG ĐƠN VỊ" in letter
    english = center.ok("slip", code, "04", lang="en", now="2025-11-05 10:00").stdout
    assert "HEAD OF UNIT" in english and "THỦ TRƯỞNG" not in english  # the default title, translated
    center.ok("config", "set", "head_title", "Giám đốc")
    assert "GIÁM ĐỐC" in center.ok("slip", code, "04", lang="en", now="2025-11-05 10:00").stdout  # its own words


@pytest.mark.parametrize(
    ("month", "sheet", "header"),
    [("2025-09", "06", CIRCULAR_2018), ("2025-11", "07", CIRCULAR_2025), ("2025-10", "07", CIRCULAR_2025)],
)
def test_the_log_book_is_form_07_from_the_2025_forms(
    center: Cli, tmp_path: Path, month: str, sheet: str, header: str
) -> None:
    receive(
        center, {"2025-09": "2025-09-15", "2025-10": "2025-10-15", "2025-11": "2025-11-14"}[month] + " 09:00"
    )
    out = tmp_path / "so.xlsx"
    center.ok("logbook", "--month", month, "--out", str(out), lang="vi", now="2025-12-01 10:00")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [sheet]
    texts = [c for row in book[sheet].iter_rows(max_row=3, values_only=True) for c in row if c]
    assert header.format(n=sheet) in texts and "SỔ THEO DÕI HỒ SƠ" in texts


def test_a_dossier_closed_when_the_papers_never_came_gets_the_stop_notice(center: Cli) -> None:
    """Decree 118, Art. 19.5: papers asked for on Tuesday 4/11/2025 and still missing 15 days
    later, the dossier is closed on Thursday 20/11/2025. The status ``closed`` and its step
    ``close`` are laid here as the life cycle records them; form 05 reads them by their names."""
    from dataclasses import replace
    from datetime import datetime

    from tthc.app.inputs import load
    from tthc.app.papers import slips
    from tthc.core.models import Event

    code = receive(center, "2025-11-03 09:00")
    center.ok(
        "supplement",
        code,
        "--reason",
        "bản sao giấy khai sinh",
        "--at",
        "2025-11-04 10:00",
        now="2025-11-04 10:05",
    )
    ctx = center.context("2025-11-20 09:00")
    store = ctx.store()
    d = load(store, code)
    closed = replace(d, life=replace(d.life, status=slips.CLOSED))
    close = Event(
        0, code, "close", datetime(2025, 11, 20, 8, 30), datetime(2025, 11, 20, 8, 30), "clerk", {}, None
    )
    steps = (*store.active_steps(code), close)
    paper = slips._Paper("vi", ctx.settings(), closed, steps)
    slip = slips._stop(paper, ())
    ctx.close()
    words = " ".join(str(getattr(b, "text", "")) + " " + str(getattr(b, "value", "")) for b in slip.body)
    assert slip.form_label == "Mẫu số 05 (Thông tư 03/2025/TT-VPCP)" and slip.form == "05"
    assert "bản sao giấy khai sinh" in words
    assert "Đã quá 15 ngày kể từ ngày thông báo, hồ sơ chưa được bổ sung, hoàn thiện." in words
    assert "dừng giải quyết hồ sơ kể từ 08 giờ 30 phút, Thứ Năm ngày 20/11/2025" in words
    assert slip.place_date.endswith("ngày 20 tháng 11 năm 2025")  # dated by the close
