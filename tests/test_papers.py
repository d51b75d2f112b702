"""The citizen's papers, printed for real dossiers of a real fortnight: a dossier received on
the Friday before National Day 2025 and handed from Lan to Đức, one asked for a missing ID
copy, one that got an apology, one refused. Each slip is compared, in both languages, with
golden text reviewed by eye; the HTML is parsed; the log book is opened with openpyxl.

Regenerate the golden files after a deliberate change of wording or layout with
``TTHC_WRITE_GOLDEN=1 python -m pytest tests/test_papers.py`` and read the diff.
"""

import os
import shutil
import stat
import sys
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import NOW, Cli
from tthc.app import catalog, dossiers, service
from tthc.app.papers import lookup_target

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="module")
def fortnight(center_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Cli, dict[str, str]]:
    """Four dossiers built through the services, on the days they happened."""
    cli = Cli(tmp_path_factory.mktemp("papers") / "center.db", now=NOW)
    shutil.copyfile(center_template, cli.db)
    ctx = cli.context()
    ctx.late_entry = True  # the fortnight is entered afterwards, at once: a late entry
    for key, value in (
        ("center_name", "Trung tâm PVHCC xã Hòa An"),
        ("center_address", "Thôn Phú Thứ, xã Hòa An, tỉnh Đắk Lắk"),
        ("place_name", "Hòa An"),
        ("head_title", "Giám đốc"),
        ("head_name", "Phạm Văn Hùng"),
    ):
        service.set_setting(ctx, key, value)
    catalog.add_procedure(
        ctx, "1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", "3wd", "xnhn", None
    )
    codes = {}
    # Friday before National Day: 3 working days skip the weekend and 1–2/9, due Friday 5/9
    codes["national_day"] = dossiers.receive(
        ctx,
        "xnhn",
        applicant="Nguyễn Văn An",
        at="2025-08-29 16:00",
        officer="lan",
        point="Điểm 1",
        phone="0912 345 678",
        address="Thôn 2, xã Hòa An",
        id_number="001085012345",
    ).dossier.code
    dossiers.handover(ctx, codes["national_day"], "Đức", at="2025-09-03 08:00", note="thẩm định hồ sơ")
    dossiers.resolve(ctx, codes["national_day"], at="2025-09-04 15:00")
    dossiers.return_result(ctx, codes["national_day"], at="2025-09-05 09:00")
    # a missing ID copy: asked Tuesday, brought Wednesday morning, 3 working days again
    codes["supplement"] = dossiers.receive(
        ctx, "xnhn", applicant="Trần Thị Bình", at="2025-09-08 09:00", officer="lan", phone="0987654321"
    ).dossier.code
    dossiers.supplement(
        ctx, codes["supplement"], at="2025-09-09 10:00", reason="bản sao CCCD của người yêu cầu"
    )
    dossiers.resume(ctx, codes["supplement"], at="2025-09-10 08:00")
    # due Thursday 11/9; the verification elsewhere takes longer: an apology for Monday 15/9
    codes["apology"] = dossiers.receive(
        ctx, "xnhn", applicant="Lê Văn Cường", at="2025-09-08 09:30", officer="minh", channel="online"
    ).dossier.code
    dossiers.apologize(
        ctx, codes["apology"], "15/09/2025", "chờ xác minh tại nơi cư trú trước đây", at="2025-09-10 14:00"
    )
    # a birth registration the commune may not handle: refused the same day
    codes["rejected"] = dossiers.receive(
        ctx, "ks", applicant="Phạm Thị Dung", at="2025-09-04 10:00", officer="lan"
    ).dossier.code
    dossiers.resolve(
        ctx,
        codes["rejected"],
        at="2025-09-04 14:00",
        outcome="rejected",
        note="nơi cư trú của người mẹ không thuộc xã Hòa An",
    )
    ctx.close()
    return cli, codes


GOLDEN_CASES = [
    ("receipt_national_day", "national_day", "01"),
    ("receipt_after_supplement", "supplement", "01"),
    ("supplement_request", "supplement", "02"),
    ("refusal", "rejected", "03"),
    ("apology", "apology", "04"),
    ("control_sheet_lan_to_duc", "national_day", "05"),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("name", "dossier", "form"), GOLDEN_CASES, ids=[c[0] for c in GOLDEN_CASES])
def test_slips_for_real_dossiers_match_the_reviewed_text(
    fortnight: tuple[Cli, dict[str, str]], name: str, dossier: str, form: str, lang: str
) -> None:
    cli, codes = fortnight
    text = cli.ok("slip", codes[dossier], form, lang=lang).stdout
    golden = GOLDEN / f"{name}.{lang}.txt"
    if os.environ.get("TTHC_WRITE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert text == golden.read_text(encoding="utf-8")


def test_receipt_is_form_01(fortnight: tuple[Cli, dict[str, str]]) -> None:
    cli, codes = fortnight
    code = codes["national_day"]
    assert cli.ok("receipt", code, lang="vi").stdout == cli.ok("slip", code, "1", lang="vi").stdout


def test_the_receipt_shows_the_appointment_and_the_papers_handed_in(
    fortnight: tuple[Cli, dict[str, str]],
) -> None:
    cli, codes = fortnight
    out = cli.ok(
        "receipt", codes["national_day"], "--paper", "Tờ khai", "--paper", "Bản sao CCCD", lang="vi"
    ).stdout
    assert "    - Tờ khai\n    - Bản sao CCCD\n" in out
    assert "17 giờ 00 phút, Thứ Sáu ngày\n    05/09/2025" in out  # Friday 5/9, past National Day
    assert "001085012345" not in out  # the ID number is not printed on a slip


class _Page(HTMLParser):
    """The text and the tags of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_the_html_receipt_carries_the_code_the_dates_and_a_qr_code(
    fortnight: tuple[Cli, dict[str, str]], tmp_path: Path
) -> None:
    cli, codes = fortnight
    out = tmp_path / "giay-hen.html"
    cli.ok("receipt", codes["national_day"], "--html", str(out), lang="vi")
    page = _page(out)
    text = " ".join(page.text)
    assert codes["national_day"] in text
    assert "16 giờ 00 phút, Thứ Sáu ngày 29/08/2025" in text
    assert "17 giờ 00 phút, Thứ Sáu ngày 05/09/2025" in text
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "svg" in page.tags and "path" in page.tags
    html = out.read_text(encoding="utf-8")
    assert "@page { size: A5;" in html
    assert "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing fetched
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("dossier", "form", "dates"),
    [
        ("supplement", "02", ["09/09/2025", "10/09/2025", "15/09/2025"]),
        ("rejected", "03", ["04/09/2025"]),
        ("apology", "04", ["11/09/2025", "15/09/2025"]),
        ("national_day", "05", ["29/08/2025", "03/09/2025", "04/09/2025", "05/09/2025"]),
    ],
)
def test_every_form_prints_as_html(
    fortnight: tuple[Cli, dict[str, str]], tmp_path: Path, dossier: str, form: str, dates: list[str]
) -> None:
    cli, codes = fortnight
    out = tmp_path / f"mau-{form}.html"
    cli.ok("slip", codes[dossier], form, "--html", str(out), lang="en")
    page = _page(out)
    text = " ".join(page.text)
    assert codes[dossier] in text and "svg" in page.tags
    for day in dates:
        assert day in text, day


def test_html_escapes_what_the_clerk_typed(center: Cli, tmp_path: Path) -> None:
    center.ok("receive", "ks", "--applicant", "<b>Lò</b> & Con", "--at", "2025-09-10 09:00")
    out = tmp_path / "slip.html"
    center.ok("receipt", "000.00.20.H56-250910-0001", "--html", str(out))
    html = out.read_text(encoding="utf-8")
    assert "<b>Lò</b>" not in html and "&lt;b&gt;Lò&lt;/b&gt; &amp; Con" in html


def test_the_qr_code_opens_the_lookup_page_once_the_center_has_an_address(center: Cli) -> None:
    assert lookup_target("", "000.00.20.H56-250910-0001") == "000.00.20.H56-250910-0001"
    assert lookup_target("https://hoaan.gov.vn", "A/1") == "https://hoaan.gov.vn/tra-cuu?ma=A%2F1"
    assert "https://" in center.fails("config", "set", "public_url", "hoaan.gov.vn")
    center.ok("config", "set", "public_url", "https://dichvu.hoaan.gov.vn/")
    center.ok("receive", "ks", "--applicant", "An", "--at", "2025-09-10 09:00")
    out = center.ok("receipt", "000.00.20.H56-250910-0001").stdout
    assert "https://dichvu.hoaan.gov.vn/tra-cuu" in out


def test_a_terminal_gets_the_qr_code_a_pipe_does_not(
    fortnight: tuple[Cli, dict[str, str]], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tthc.app import papers
    from tthc.present import render

    cli, codes = fortnight
    ctx = cli.context()
    slip = papers.slip(ctx, codes["national_day"], "01")
    ctx.close()
    render.print_slip(slip)
    piped = capsys.readouterr().out
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    render.print_slip(slip)
    shown = capsys.readouterr().out
    assert shown.startswith(piped) and "█" in shown[len(piped) :] and "▀" not in piped


@pytest.mark.parametrize(
    ("dossier", "args", "needle"),
    [
        ("national_day", ["02"], "no supplement request"),
        ("national_day", ["03"], "was not rejected"),
        ("national_day", ["04"], "has no apology"),
        ("national_day", ["06"], "form 06 of Circular 01/2018/TT-VPCP is the log book"),
        ("national_day", ["07"], "which has no form 07: choose 01, 02, 03, 04, 05"),
        ("national_day", ["08"], "unknown form '08'"),
        ("supplement", ["02", "--paper", "Tờ khai"], "form 01 only"),
        ("supplement", ["02", "--html", "phieu.pdf"], "written as .html"),
    ],
)
def test_a_form_that_does_not_apply_is_refused(
    fortnight: tuple[Cli, dict[str, str]], dossier: str, args: list[str], needle: str
) -> None:
    cli, codes = fortnight
    assert needle in cli.fails("slip", codes[dossier], *args)


def test_the_refusal_reads_in_vietnamese(fortnight: tuple[Cli, dict[str, str]]) -> None:
    cli, codes = fortnight
    err = cli.fails("slip", codes["national_day"], "03", lang="vi")
    assert (
        err
        == f"Lỗi: hồ sơ {codes['national_day']} không bị từ chối: mẫu 03 chỉ lập cho hồ sơ có kết quả từ chối giải quyết\n"
    )


# -- the log book -----------------------------------------------------------------------------------
HEADERS_VI = [
    "STT",
    "Mã hồ sơ",
    "Tên TTHC",
    "Số lượng hồ sơ (bộ)",
    "Tên cá nhân, tổ chức",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Nhận hồ sơ",
    "Hẹn trả kết quả",
    "Chuyển hồ sơ đến cơ quan giải quyết",
    "Ngày có kết quả",
    "Trả kết quả",
    "Ký nhận",
    "Ghi chú",
]


def _rows(path: Path) -> tuple[list[object], list[list[object]], openpyxl.worksheet.worksheet.Worksheet]:
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    # the center, the title and the period, the dates' heading, then the header row
    assert rows[5] == [f"({n})" for n in range(1, 15)]
    return rows[4], rows[6:], ws


def test_the_log_book_has_the_official_columns_and_one_row_per_dossier(
    fortnight: tuple[Cli, dict[str, str]], tmp_path: Path
) -> None:
    cli, codes = fortnight
    out = tmp_path / "so-theo-doi.xlsx"
    said = cli.ok(
        "logbook", "--from", "2025-08-29", "--to", "2025-09-10", "--out", str(out), lang="vi"
    ).stdout
    assert said == f"Sổ theo dõi hồ sơ: đã ghi 4 hồ sơ vào {out}\n"
    header, rows, ws = _rows(out)
    assert header == HEADERS_VI
    assert [r[1] for r in rows] == [codes[k] for k in ("national_day", "rejected", "supplement", "apology")]
    assert [r[0] for r in rows] == [1, 2, 3, 4]
    first = rows[0]
    assert first[2:7] == [
        "Cấp Giấy xác nhận tình trạng hôn nhân (1.004873)",
        1,
        "Nguyễn Văn An",
        "Thôn 2, xã Hòa An, 0912345678",
        "Đức",
    ]
    assert first[7:12] == [
        datetime(2025, 8, 29, 16, 0),
        datetime(2025, 9, 5, 17, 0),
        datetime(2025, 9, 3, 8, 0),
        datetime(2025, 9, 4, 15, 0),
        datetime(2025, 9, 5, 9, 0),
    ]
    assert first[13] == "trước hạn"
    assert rows[1][13] == "từ chối; đúng hạn"
    assert rows[2][8] == datetime(2025, 9, 15, 17, 0) and rows[2][13] == "yêu cầu bổ sung 1 lần"
    assert rows[3][13] == "trực tuyến; xin lỗi, hẹn lại ngày 15/09/2025"
    assert ws.freeze_panes == "A7"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_the_log_book_takes_the_periods_of_the_summary(
    fortnight: tuple[Cli, dict[str, str]], tmp_path: Path
) -> None:
    cli, codes = fortnight
    out = tmp_path / "book.xlsx"
    cli.ok("logbook", "--month", "2025-08", "--out", str(out))
    _, rows, _ = _rows(out)
    assert [r[1] for r in rows] == [codes["national_day"]]
    cli.ok("logbook", "--month", "2025-07", "--out", str(out), lang="en")
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    assert values[4][:3] == ["No.", "Dossier code", "Procedure"] and len(values) == 6  # none in July


def test_an_undone_handover_is_not_in_the_log_book(center: Cli, tmp_path: Path) -> None:
    code = "000.00.20.H56-250910-0001"
    center.ok("receive", "ks", "--applicant", "An", "--officer", "lan", "--at", "2025-09-10 09:00")
    center.ok("handover", code, "--to", "Đức", "--at", "2025-09-10 10:00")
    center.ok("undo", code, "--reason", "chuyển nhầm")
    out = tmp_path / "book.xlsx"
    center.ok("logbook", "--from", "2025-09-10", "--to", "2025-09-10", "--out", str(out))
    _, rows, _ = _rows(out)
    assert rows[0][6] == "Lan" and rows[0][9] is None


def test_while_the_papers_are_awaited_the_receipt_promises_no_date(center: Cli) -> None:
    code = "000.00.20.H56-250910-0001"
    center.ok("receive", "ks", "--applicant", "An", "--officer", "lan", "--at", "2025-09-10 09:00")
    center.ok("supplement", code, "--at", "2025-09-10 10:00", "--reason", "giấy chứng sinh")
    receipt = center.ok("receipt", code).stdout
    assert "5. Result due: none while the papers are awaited (the time limit is stopped)" in receipt
    request = center.ok("slip", code, "02").stdout
    assert "    giấy chứng sinh\n" in request and "New appointment" not in request
    out = center.db.parent / "book.xlsx"
    center.ok("logbook", "--from", "2025-09-10", "--to", "2025-09-10", "--out", str(out))
    _, rows, _ = _rows(out)
    assert rows[0][8] is None and rows[0][13] == "1 supplement request(s); waiting for papers"
