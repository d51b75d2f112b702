"""The web side through Starlette's test client, on a real database built by the CLI: every page
in both languages, every status, the masking, the equal answer for a wrong code and a wrong
check number, the slow-down, the manager's door, escaping, bad input and read-only opening."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import string
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests import web_center
from tests.conftest import Cli
from tthc.core.errors import TthcError
from tthc.core.lifecycle import STATUSES
from tthc.locale.i18n import in_catalog, tr
from tthc.web.app import CSP, TEMPLATES, create_app
from tthc.web.guard import Attempt, Throttle, basic_password, is_loopback
from tthc.web.views import Reader, initials
from tthc.web.words import ERROR_PAGE_WORDS, GROUP_WORDS, STATUS_PAGE_WORDS

NOW = datetime(2025, 9, 10, 16, 0)
REMOTE = "203.0.113.7"  # an address on the network, not this machine
PASSWORD = "đúng-mật-khẩu-2025"


def _now() -> datetime:
    return NOW


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The center, built once for the module; tests that change settings work on a copy."""
    db = tmp_path_factory.mktemp("web") / "center.db"
    return db, web_center.build(db)


@pytest.fixture()
def db(built: tuple[Path, dict[str, str]]) -> Path:
    return built[0]


@pytest.fixture()
def codes(built: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return built[1]


@pytest.fixture()
def own_db(db: Path, tmp_path: Path) -> Path:
    """A private copy, for tests that change settings or must prove nothing changed."""
    copy = tmp_path / "center.db"
    source = sqlite3.connect(db)
    target = sqlite3.connect(copy)
    source.backup(target)  # one consistent file, WAL folded in
    source.close()
    target.close()
    return copy


def client(db: Path, host: str = "127.0.0.1", **kw: Any) -> TestClient:
    return TestClient(create_app(db, clock=_now, **kw), client=(host, 50000))


def look_up(c: TestClient, code: str, digits: str, lang: str = "vi") -> Any:
    return c.post("/tra-cuu" + ("?lang=en" if lang == "en" else ""), data={"ma": code, "so4": digits})


def assert_plain_page(r: Any) -> None:
    """Every answer, errors included: our HTML page with the security headers, no traceback."""
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "Traceback" not in r.text and 'File "' not in r.text
    assert "<script" not in r.text.lower()  # the web side has no script at all: any is an injection


# -- every page, both languages ------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/", ("Look up your dossier", "Tra cứu hồ sơ")),
        ("/tra-cuu", ("Look up your dossier", "Tra cứu hồ sơ")),
        ("/bang", ("Results ready for collection", "Hồ sơ đã có kết quả — mời nhận")),
        ("/quan-ly", ("Today at the center", "Tình hình hôm nay")),
        (
            "/in/phieu-hen/{resolved}",
            ("RECEIPT AND APPOINTMENT SLIP", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
        ),
    ],
)
def test_every_page_in_both_languages(
    db: Path, codes: dict[str, str], path: str, title: tuple[str, str], lang: str
) -> None:
    r = client(db).get(path.format(**codes) + ("?lang=en" if lang == "en" else ""))
    assert r.status_code == 200
    assert_plain_page(r)
    assert f'<html lang="{lang}">' in r.text
    assert title[0 if lang == "en" else 1] in r.text
    assert "Trung tâm PVHCC xã Thử" in r.text or "TRUNG TÂM PVHCC XÃ THỬ" in r.text  # a slip's head
    other = title[1 if lang == "en" else 0]
    assert other not in r.text
    head = client(db).head(path.format(**codes))
    assert head.status_code == 200 and head.content == b""


def test_the_language_link_keeps_the_page(db: Path, codes: dict[str, str]) -> None:
    c = client(db)
    assert 'href="/bang?lang=en"' in c.get("/bang").text
    assert 'href="/bang"' in c.get("/bang?lang=en").text
    slip = c.get(f"/in/phieu-hen/{codes['resolved']}?kho=a4&lang=en").text  # a paper: no links on it
    assert '<html lang="en">' in slip and "Form 01 (Circular 01/2018/TT-VPCP)" in slip
    unknown = c.get("/tra-cuu?lang=fr").text  # an unknown language is Vietnamese, not an error
    assert '<html lang="vi">' in unknown and 'action="/tra-cuu"' in unknown


# -- the citizen's look-up -----------------------------------------------------------------------
STATUS_TEXT = {
    "processing": ("Being processed", "Đang giải quyết"),
    "paused": ("Waiting for more papers from you", "Chờ bổ sung hồ sơ"),
    "resolved": ("Result ready — please come and collect it", "Đã có kết quả — mời đến nhận"),
    "returned": ("Result handed over", "Đã trả kết quả"),
    "withdrawn": ("Dossier withdrawn", "Đã rút hồ sơ"),
}
DUE_TEXT = {
    "processing": ("Wed 17/09/2025 at 17:00", "17:00, Thứ Tư 17/09/2025"),
    "paused": (
        "A new appointment is set when the papers are complete.",
        "Ngày hẹn mới được tính khi nhận đủ hồ sơ bổ sung.",
    ),
    "resolved": ("Wed 10/09/2025 at 17:00", "17:00, Thứ Tư 10/09/2025"),
    "returned": ("Tue 09/09/2025 at 17:00", "17:00, Thứ Ba 09/09/2025"),
    "withdrawn": ("Tue 16/09/2025 at 17:00", "17:00, Thứ Ba 16/09/2025"),
}
DIGITS = {"processing": "5678", "paused": "4321", "resolved": "0111", "returned": "0222", "withdrawn": "0333"}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("status", list(STATUS_TEXT))
def test_look_up_shows_every_status_and_the_appointment(
    db: Path, codes: dict[str, str], status: str, lang: str
) -> None:
    r = look_up(client(db, REMOTE), codes[status], DIGITS[status], lang)
    assert r.status_code == 200
    assert_plain_page(r)
    i = 0 if lang == "en" else 1
    assert re.search(r'id="status">([^<]*)<', r.text).group(1) == STATUS_TEXT[status][i]  # type: ignore[union-attr]
    assert re.search(r'id="due">([^<]*)<', r.text).group(1) == DUE_TEXT[status][i]  # type: ignore[union-attr]
    assert "Đăng ký khai sinh" in r.text and codes[status] in r.text


def test_waiting_for_papers_names_them_as_text(db: Path, codes: dict[str, str]) -> None:
    r = look_up(client(db), codes["paused"], "4321")
    papers = re.search(r'id="papers">([^<]*)<', r.text)
    assert papers is not None
    assert papers.group(1) == "Bản sao CCCD &lt;img src=x onerror=&#34;alert(1)&#34;&gt;"
    assert "<img" not in r.text


def test_an_apology_shows_its_new_date_large_and_the_old_one_replaced(
    db: Path, codes: dict[str, str]
) -> None:
    r = look_up(client(db), codes["apology"], "0444")
    assert '<dd class="appointment" id="new-date">Thứ Sáu 19/09/2025<' in r.text
    assert '<del id="due">17:00, Thứ Tư 10/09/2025</del>' in r.text
    assert "Ngày hẹn cũ (đã thay bằng ngày hẹn mới)" in r.text
    assert r.text.index('id="new-date"') < r.text.index('id="due"')  # the date to come on, first
    assert "chờ xác minh" not in r.text  # the apology's reason is for the file, not the page


def test_the_short_code_on_the_slip_finds_the_dossier(db: Path, codes: dict[str, str]) -> None:
    """``250910-0001``, as a clerk types it in the CLI: this center's code of that day and number."""
    short = codes["processing"].split("H56-")[1]
    assert short == "250910-0001"
    for typed in (short, "250910-1", " 250910 - 0001 "):
        r = look_up(client(db), typed, "5678")
        assert r.status_code == 200 and 'id="status">Đang giải quyết<' in r.text, typed
        assert codes["processing"] in r.text
    wrong = look_up(client(db), "250910-0099", "5678")
    assert wrong.status_code == 404 and 'value="250910-0099"' in wrong.text


@pytest.mark.parametrize(
    "typed", ["0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "001085012345"]
)
def test_a_whole_phone_or_id_number_counts_by_its_last_four_digits(
    db: Path, codes: dict[str, str], typed: str
) -> None:
    r = look_up(client(db), codes["processing"], typed)
    assert r.status_code == 200 and 'id="status">Đang giải quyết<' in r.text


@pytest.mark.parametrize("typed", ["123", "12a4", "0912-345-67x", "5" * 25])
def test_the_digits_box_refuses_what_is_not_a_number(db: Path, codes: dict[str, str], typed: str) -> None:
    r = look_up(client(db), codes["processing"], typed)
    assert r.status_code == 400 and f'value="{codes["processing"]}"' in r.text


def test_after_a_wrong_try_the_code_stays_in_its_field(db: Path, codes: dict[str, str]) -> None:
    r = look_up(client(db), codes["resolved"], "9999")
    assert r.status_code == 404 and f'value="{codes["resolved"]}"' in r.text


@pytest.mark.parametrize("digits", ["5678", "2345"])  # the phone's last four, or the ID's
def test_look_up_shows_initials_and_nothing_personal(db: Path, codes: dict[str, str], digits: str) -> None:
    text = look_up(client(db), codes["processing"], digits).text
    assert "<dd>N. V. A.</dd>" in text
    for secret in ("Nguyễn Văn An", "Văn An", "001085012345", "0912", "345 678", "Nguyễn Thị Lan", "Điểm 1"):
        assert secret not in text


@pytest.mark.parametrize("typed", ["{code}", "{lower}", " {lower} ", "{spaced}"])
def test_the_code_in_any_case_and_with_stray_spaces(db: Path, codes: dict[str, str], typed: str) -> None:
    code = codes["processing"]
    text = typed.format(code=code, lower=code.lower(), spaced=code.replace("-", " - "))
    r = look_up(client(db), text, "5678")
    assert r.status_code == 200 and 'id="status">Đang giải quyết<' in r.text


def test_a_wrong_code_and_a_wrong_check_number_read_the_same(db: Path, codes: dict[str, str]) -> None:
    """The same page but for the code typed, which goes back into its field as typed: never
    the spelling a dossier has, which would tell that it exists."""
    c = client(db, REMOTE)
    tries = [
        ("000.00.20.H56-250910-0099", "5678"),  # no such dossier
        (codes["processing"], "0000"),  # right code, wrong digits
        (codes["processing"].lower(), "1234"),
        (codes["anonymous"], "0000"),  # gave neither phone nor ID: never found
    ]
    answers = [look_up(c, code, digits) for code, digits in tries]
    assert {r.status_code for r in answers} == {404}
    pages = [r.content.replace(code.encode(), b"CODE") for r, (code, _) in zip(answers, tries, strict=True)]
    assert len(set(pages)) == 1, "the answers differ"
    assert (
        len({tuple(sorted((k, v) for k, v in r.headers.items() if k != "content-length")) for r in answers})
        == 1
    )
    assert "Không tìm thấy hồ sơ khớp với mã và bốn số đã nhập" in answers[0].text
    assert f'value="{codes["processing"].lower()}"' in answers[2].text
    assert codes["processing"] not in answers[2].text  # the stored spelling is not shown
    assert_plain_page(answers[0])


def test_a_qr_link_fills_in_the_code(db: Path, codes: dict[str, str]) -> None:
    r = client(db).get(f"/tra-cuu?ma={codes['processing']}")
    assert f'value="{codes["processing"]}"' in r.text


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _wait(attempt: Attempt | None) -> float | None:
    return None if attempt is None else attempt.wait


def _fail(throttle: Throttle, address: str) -> None:
    attempt = throttle.admit(address)
    assert attempt is not None
    attempt.failed()


def test_throttle_lets_five_failures_pass_then_doubles_and_caps() -> None:
    clock = FakeClock()
    throttle = Throttle(free=5, window=600, base=1, cap=8, max_wait=100, clock=clock)
    waits = []
    for _ in range(11):
        clock.now += 60  # one attempt a minute: no queueing, only the growing delay
        attempt = throttle.admit("a")
        assert attempt is not None
        waits.append(attempt.wait)
        attempt.failed()
    assert waits == [0, 0, 0, 0, 0, 1, 2, 4, 8, 8, 8]
    assert _wait(throttle.admit("b")) == 0  # another address is not concerned


def test_throttle_queues_parallel_attempts_and_refuses_past_max_wait() -> None:
    clock = FakeClock()
    throttle = Throttle(free=1, base=2, cap=2, max_wait=5, clock=clock)
    _fail(throttle, "a")
    assert [_wait(throttle.admit("a")) for _ in range(3)] == [2, 4, None]  # each waits behind the one before
    clock.now += 4
    assert _wait(throttle.admit("a")) == 2


def test_throttle_forgets_after_the_window_and_bounds_its_memory() -> None:
    clock = FakeClock()
    throttle = Throttle(free=1, window=600, base=1, clock=clock, max_addresses=3)
    _fail(throttle, "a")
    attempt = throttle.admit("a")
    assert attempt is not None and attempt.wait == 1
    attempt.done()  # a success: it leaves without being counted, nor wiping the failure
    clock.now += 601
    assert _wait(throttle.admit("a")) == 0
    for address in "bcde":
        _fail(throttle, address)
    assert len(throttle._seen) <= 3


def test_repeated_failures_from_one_address_are_slowed_down(db: Path, codes: dict[str, str]) -> None:
    clock = FakeClock()
    waits: list[float] = []

    async def sleep(seconds: float) -> None:  # record instead of sleeping
        waits.append(seconds)

    throttle = Throttle(free=5, base=1, cap=4, max_wait=10, clock=clock)
    attacker = client(db, REMOTE, lookups=throttle, sleep=sleep)
    for digits in ("0001", "0002", "0003", "0004", "0005"):
        assert look_up(attacker, codes["processing"], digits).status_code == 404
    assert waits == []
    assert look_up(attacker, codes["processing"], "0006").status_code == 404
    assert waits == [1]
    # the right digits now wait their turn too, then are answered
    assert look_up(attacker, codes["processing"], "5678").status_code == 200
    assert waits == [1, 3]
    neighbour = client(db, "203.0.113.8", lookups=throttle, sleep=sleep)
    assert look_up(neighbour, codes["processing"], "5678").status_code == 200
    assert waits == [1, 3]
    # queued up past max_wait: refused at once, with the plain page
    for _ in range(3):
        look_up(attacker, codes["processing"], "0007")
    r = look_up(attacker, codes["processing"], "0008")
    assert r.status_code == 429 and "Thử quá nhiều lần" in r.text
    assert_plain_page(r)
    clock.now += 601
    waits.clear()
    assert look_up(attacker, codes["processing"], "5678").status_code == 200 and waits == []


def test_initials() -> None:
    assert initials("Nguyễn Văn An") == "N. V. A."
    assert initials("  đặng   thị  ") == "Đ. T."
    assert initials(web_center.XSS_NAME) == "S. T. B."
    assert initials("") == ""


# -- the waiting-room board ------------------------------------------------------------------
def test_the_board_lists_results_ready_and_refreshes_itself(db: Path, codes: dict[str, str]) -> None:
    r = client(db, REMOTE).get("/bang")
    assert r.status_code == 200
    assert '<meta http-equiv="refresh" content="30">' in r.text
    assert 'class="board size-xl"' in r.text
    tail = codes["resolved"].split("H56-")[1]
    assert f'<span class="prefix">000.00.20.H56-</span><span class="tail">{tail}</span>' in r.text
    assert '<span class="who">P. M. C.</span>' in r.text
    assert "Phạm Minh Châu" not in r.text
    for other in ("processing", "paused", "returned", "withdrawn", "xss"):
        assert codes[other].split("H56-")[1] not in r.text


@pytest.mark.parametrize(("extra", "size", "listed"), [(3, "l", 4), (30, "m", 24)])
def test_a_fuller_board_lists_the_latest_first_in_smaller_type(
    own_db: Path, codes: dict[str, str], extra: int, size: str, listed: int
) -> None:
    added = web_center.add_ready(own_db, extra)
    text = client(own_db).get("/bang").text
    assert f'class="board size-{size}"' in text
    tails = re.findall(r'<span class="tail">([^<]+)</span>', text)
    assert len(tails) == listed
    expected = [c.split("H56-")[1] for c in [*added[::-1], codes["resolved"]]][:listed]
    assert tails == expected  # the result resolved last is on top
    assert ("… và các hồ sơ khác: xin hỏi tại quầy" in text) == (extra + 1 > listed)


def test_the_board_follows_the_clerks_while_serving(own_db: Path, codes: dict[str, str]) -> None:
    c = client(own_db, REMOTE)
    assert codes["processing"].split("H56-")[1] not in c.get("/bang").text
    Cli(own_db, now=web_center.NOW).ok("resolve", codes["processing"], "--at", "2025-09-10 15:00")
    board = c.get("/bang").text
    assert codes["processing"].split("H56-")[1] in board and "N. V. A." in board


# -- the manager's dashboard and printouts ------------------------------------------------------
def test_dashboard_shows_todays_worklist_the_month_and_the_chart(db: Path, codes: dict[str, str]) -> None:
    r = client(db).get("/quan-ly")
    assert r.status_code == 200
    assert_plain_page(r)
    groups = {
        key: re.findall(r"phieu-hen/([^\"?]+)", section)
        for key, section in re.findall(r'id="group-(\w+)">(.*?)</section>', r.text, re.S)
    }
    assert groups == {"overdue": [codes["xss"]], "today": [codes["apology"]], "soon": [codes["anonymous"]]}
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Trần Bình" in r.text
    assert 'id="rate">100,00%<' in r.text  # two resolved this month, both on time
    assert '<svg class="chart"' in r.text and r.text.count('<rect x="') >= 1
    assert "09/25" in r.text  # September's bar


@pytest.mark.parametrize("path", ["/quan-ly", "/in/phieu-hen/{resolved}"])
def test_without_a_password_the_manager_pages_answer_this_machine_only(
    db: Path, codes: dict[str, str], path: str
) -> None:
    url = path.format(**codes)
    for host in ("127.0.0.1", "::1"):
        assert client(db, host).get(url).status_code == 200
    r = client(db, REMOTE).get(url)
    assert r.status_code == 403 and "Nguyễn" not in r.text
    assert_plain_page(r)


def _auth(password: str) -> dict[str, str]:
    import base64

    return {"Authorization": "Basic " + base64.b64encode(f"quanly:{password}".encode()).decode()}


def test_with_a_password_the_manager_pages_require_it(own_db: Path, codes: dict[str, str]) -> None:
    Cli(own_db, now=web_center.NOW).ok("config", "set", "manager_password", PASSWORD)
    slip = f"/in/phieu-hen/{codes['resolved']}"
    for host in ("127.0.0.1", REMOTE):  # this machine too: a password, once set, is always asked
        c = client(own_db, host)
        for url in ("/quan-ly", slip):
            r = c.get(url)
            assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Basic ")
            assert_plain_page(r)
            assert c.get(url, headers=_auth(PASSWORD)).status_code == 200
        assert c.get("/quan-ly", headers=_auth("sai-mật-khẩu")).status_code == 401
        assert c.get("/quan-ly", headers={"Authorization": "Basic !!!"}).status_code == 401


def test_failed_passwords_are_slowed_down(own_db: Path) -> None:
    Cli(own_db, now=web_center.NOW).ok("config", "set", "manager_password", PASSWORD)
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    c = client(own_db, REMOTE, logins=Throttle(free=2, base=1, clock=FakeClock()), sleep=sleep)
    for _ in range(3):
        assert c.get("/quan-ly", headers=_auth("sai-mật-khẩu")).status_code == 401
    assert waits == [1]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_web_slip_is_the_receipt_file_byte_for_byte(
    own_db: Path, codes: dict[str, str], tmp_path: Path, lang: str
) -> None:
    cli = Cli(own_db, now=web_center.NOW)
    cli.ok("config", "set", "public_url", "https://dichvucong.hoaan.gov.vn")
    page = tmp_path / "giay-hen.html"
    cli.ok("receipt", codes["xss"], "--html", str(page), lang=lang)
    served = client(own_db).get(f"/in/phieu-hen/{codes['xss']}" + ("?lang=en" if lang == "en" else ""))
    assert served.status_code == 200
    assert served.text == page.read_text(encoding="utf-8")


def test_the_slip_is_laid_out_for_a5_or_a4_with_a_qr_code_to_the_look_up(
    own_db: Path, codes: dict[str, str]
) -> None:
    c = client(own_db)
    url = f"/in/phieu-hen/{codes['xss']}"
    a5 = c.get(url)
    assert "<style>@page { size: A5;" in a5.text and "Mẫu số 01 (Thông tư 01/2018/TT-VPCP)" in a5.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Trần Bình" in a5.text
    assert "0911000555" in a5.text  # the slip is the applicant's own paper
    assert 'class="segno"' in a5.text and "Mã hồ sơ " + codes["xss"] in a5.text  # the QR holds the code
    a4 = c.get(url + "?kho=a4").text
    assert "<style>@page { size: A4;" in a4 and a4.replace("A4", "A5") != a4
    Cli(own_db, now=web_center.NOW).ok("config", "set", "public_url", "http://192.168.1.10:8080/")
    qr = c.get(url).text
    assert 'class="segno"' in qr and "Quét mã để tra cứu hồ sơ " + codes["xss"] in qr
    assert "tại http://192.168.1.10:8080/tra-cuu bằng mã hồ sơ" in qr
    assert c.get(url + "?kho=a3").status_code == 400
    assert c.get("/in/phieu-hen/000.00.20.H56-250910-0099").status_code == 404


# -- bad input, missing databases, read-only ---------------------------------------------------
@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("GET", "/tra-cuu?ma=" + "A" * 10_000, None, 400),
        ("POST", "/tra-cuu", "ma=" + "A" * 10_000 + "&so4=1234", 413),
        ("POST", "/tra-cuu", "ma=" + "A" * 100 + "&so4=1234", 400),
        ("POST", "/tra-cuu", "ma=%FF%FE&so4=1234", 400),
        ("POST", "/tra-cuu", "ma=A%00B&so4=1234", 400),
        ("POST", "/tra-cuu", "ma=../../etc/passwd&so4=1234", 400),
        ("POST", "/tra-cuu", "ma=000.00.20.H56-250910-0001&so4=12a4", 400),
        ("POST", "/tra-cuu", "ma=000.00.20.H56-250910-0001&so4=%D9%A1%D9%A2%D9%A3%D9%A4", 400),
        ("POST", "/tra-cuu", b"\xff\xfe\x00", 400),
        ("GET", "/tra-cuu?ma=%C0%AF", None, 400),
        ("GET", "/in/phieu-hen/..%2F..%2Fetc%2Fpasswd", None, 400),
        ("GET", "/in/phieu-hen/%00", None, 400),
        ("GET", "/../../etc/passwd", None, 404),
        ("GET", "/bang/", None, 404),
        ("GET", "/static/site.css", None, 404),
        ("DELETE", "/tra-cuu", None, 405),
        ("PUT", "/bang", None, 405),
    ],
)
def test_bad_input_gets_a_plain_page_and_a_4xx(
    db: Path, method: str, path: str, body: Any, status: int
) -> None:
    c = TestClient(create_app(db, clock=_now), client=("127.0.0.1", 1), raise_server_exceptions=False)
    headers = {"content-type": "application/x-www-form-urlencoded"}
    r = c.request(method, path, content=body, headers=headers if body is not None else None)
    assert r.status_code == status, r.text[-300:]
    assert_plain_page(r)


def test_a_large_body_is_refused_while_it_streams_in(db: Path) -> None:
    def chunks() -> Iterator[bytes]:  # no content-length: the size is only known by reading
        yield b"ma=" + b"A" * 1500
        yield b"A" * 1500 + b"&so4=1234"

    r = client(db).post(
        "/tra-cuu", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert r.status_code == 413
    assert_plain_page(r)


def test_a_form_that_is_not_a_form_is_refused(db: Path) -> None:
    r = client(db).post("/tra-cuu", json={"ma": "x", "so4": "1234"})
    assert r.status_code == 400
    assert_plain_page(r)


@pytest.mark.parametrize("kind", ["missing", "empty", "foreign"])
def test_a_database_that_cannot_be_read_is_a_plain_503(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "center.db"
    if kind == "empty":
        path.touch()
    elif kind == "foreign":
        sqlite3.connect(path).execute("CREATE TABLE t (x)")
    before = path.read_bytes() if path.exists() else None
    c = TestClient(create_app(path, clock=_now), client=("127.0.0.1", 1), raise_server_exceptions=False)
    for url in ("/", "/bang", "/quan-ly"):
        r = c.get(url)
        assert r.status_code == 503 and "Hiện không đọc được dữ liệu" in r.text
        assert_plain_page(r)
    assert (path.read_bytes() if path.exists() else None) == before


def test_a_database_broken_inside_is_a_plain_503_too(own_db: Path) -> None:
    """Its first page (the header, the list of tables) intact, the rest overwritten: SQLite
    opens it and fails on the first query; the page is the same 503, and the store's
    refusal is what reaches the web side, not SQLite's error."""
    data = bytearray(own_db.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)
    own_db.write_bytes(bytes(data))
    c = TestClient(create_app(own_db, clock=_now), client=("127.0.0.1", 1), raise_server_exceptions=False)
    for url in ("/", "/bang", "/quan-ly"):
        r = c.get(url)
        assert r.status_code == 503 and "Hiện không đọc được dữ liệu" in r.text
        assert_plain_page(r)
    with pytest.raises(TthcError) as refused, Reader(own_db, NOW, "en") as reader:
        reader.settings()
    assert refused.value.msg.key == "cannot read the database {path}: {reason}"


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_request_changes_the_database(own_db: Path, codes: dict[str, str]) -> None:
    before = _fingerprint(own_db)
    dump = list(sqlite3.connect(own_db).iterdump())
    c = client(own_db)
    for code, digits in [(codes["processing"], "5678"), (codes["paused"], "4321"), ("X-1", "0000")]:
        look_up(c, code, digits)
        look_up(c, code, digits, "en")
    for url in ("/", "/bang", "/quan-ly", "/quan-ly?lang=en", f"/in/phieu-hen/{codes['apology']}", "/nope"):
        c.get(url)
    assert _fingerprint(own_db) == before
    wal = Path(f"{own_db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # not a single frame written
    assert list(sqlite3.connect(own_db).iterdump()) == dump


def test_the_web_sides_connection_refuses_to_write(own_db: Path) -> None:
    with Reader(own_db, NOW, "vi") as reader:
        conn = reader.ctx.store().conn
        assert conn.execute("PRAGMA query_only").fetchone()[0] == 1
        conn.execute("PRAGMA query_only = OFF")  # with that guard lifted, mode=ro still refuses
        with pytest.raises(sqlite3.OperationalError, match="readonly database"):
            conn.execute("UPDATE settings SET value = 'x'")


# -- the pieces ---------------------------------------------------------------------------------
def test_every_message_a_template_names_exists_in_both_languages() -> None:
    """The templates' own words, and those the pages hand them from tables (a status, a
    group), are in the catalog with the same blanks in both languages."""
    used: set[str] = set()
    for template in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r'\b_\("([^"]+)"\s*[,)]', template.read_text(encoding="utf-8")))
    used |= set(STATUS_PAGE_WORDS.values()) | set(GROUP_WORDS.values())
    assert set(STATUS_PAGE_WORDS) == set(STATUSES) >= set(STATUS_TEXT) and set(GROUP_WORDS) == {
        "overdue",
        "today",
        "soon",
    }
    assert "Look up your dossier" in used
    assert sorted(u for u in used if not in_catalog(u)) == []
    for key in used:
        en, vi = tr("en", key), tr("vi", key)
        assert {f for _, f, _, _ in string.Formatter().parse(en) if f} == {
            f for _, f, _, _ in string.Formatter().parse(vi) if f
        }


def test_every_error_page_has_its_words() -> None:
    """Each error page the server shows says why in both languages."""
    assert set(ERROR_PAGE_WORDS) == {400, 401, 403, 404, 405, 413, 429, 500, 503}
    assert all(in_catalog(m) and tr("vi", m) != m for m in ERROR_PAGE_WORDS.values())


def test_who_is_this_machine_and_what_a_basic_header_holds() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("::ffff:127.0.0.1")
    assert not is_loopback("192.168.1.10") and not is_loopback("testclient") and not is_loopback("")
    assert basic_password("Basic " + "dTpwOnc=") == "p:w"  # u:p:w — a colon may be in the password
    assert basic_password("Bearer abc") is None and basic_password("Basic @@@") is None
    assert basic_password("Basic " + "A" * 2000) is None


@pytest.fixture()
def no_db(tmp_path: Path) -> Iterator[Cli]:
    yield Cli(tmp_path / "none.db", now=web_center.NOW)


@pytest.fixture()
def taken_port() -> Iterator[str]:
    """A port already in use: should serve ever get as far as listening, it fails, not hangs."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield str(s.getsockname()[1])


def test_serve_refuses_a_missing_database_before_listening(no_db: Cli, taken_port: str) -> None:
    assert "tthc init" in no_db.fails("serve", "--port", taken_port)
    assert not no_db.db.exists()


def test_serve_on_the_network_warns_what_is_exposed(db: Path, tmp_path: Path) -> None:
    """A real ``tthc serve`` process, bound to every address: it warns, then answers."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "serve.log"
    env = {**os.environ, "TTHC_NOW": web_center.NOW, "TTHC_LANG": "en"}
    with log.open("w") as err:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tthc",
                "--db",
                str(db),
                "serve",
                "--host",
                "0.0.0.0",
                "--port",
                str(port),
            ],
            stderr=err,
            stdout=subprocess.DEVNULL,
            env=env,
        )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/bang") as r:
                    assert r.status == 200 and b"000.00.20.H56-" in r.read()
                break
            except OSError:
                assert proc.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.1)
    finally:
        proc.terminate()
        proc.wait(10)
    text = log.read_text()
    assert "warning: listening on 0.0.0.0" in text and "waiting-room board (/bang" in text
    assert "the dashboard (/quan-ly) and printouts answer this machine only" in text
    assert "Traceback" not in text


def test_serve_on_a_taken_port_or_an_unknown_host_is_one_error_line(db: Path, taken_port: str) -> None:
    cli = Cli(db, now=web_center.NOW)
    taken = cli("serve", "--port", taken_port, lang="en")
    assert taken.exit_code == 1 and taken.stdout == ""
    assert taken.stderr.startswith(f"Error: cannot listen on 127.0.0.1:{taken_port}: ")
    assert taken.stderr.count("\n") == 1
    unknown = cli("serve", "--host", "no-such-host.invalid", lang="en")
    assert unknown.exit_code == 1 and "Error: cannot listen on no-such-host.invalid:8080" in unknown.stderr


def test_serve_says_why_it_cannot_listen_in_vietnamese(db: Path, taken_port: str) -> None:
    """The machine's reason in words, from the error number: never the system's English."""
    cli = Cli(db, now=web_center.NOW)
    taken = cli("serve", "--port", taken_port, lang="vi")
    assert taken.exit_code == 1 and taken.stderr.count("\n") == 1
    assert f"Lỗi: không mở được 127.0.0.1:{taken_port}: cổng này đang được dùng" in taken.stderr
    unknown = cli("serve", "--host", "no-such-host.invalid", lang="vi").stderr
    assert "không mở được no-such-host.invalid:8080: không tìm thấy tên máy này" in unknown
    for english in ("in use", "Address", "attempting", "Name or service", "Errno"):
        assert english not in taken.stderr + unknown, english


def test_serve_never_upgrades_an_older_database(tmp_path: Path, taken_port: str) -> None:
    """Not even to learn the center's language for its refusal: serve opens nothing read-write."""
    from tthc.storage.store import Store

    old = Cli(tmp_path / "old.db", now=web_center.NOW)
    Store.open(old.db, create=True, upto=1).close()
    before = old.db.read_bytes()
    result = old("serve", "--port", taken_port)
    assert result.exit_code == 1 and "older schema" in result.stderr, result.stderr
    assert old.db.read_bytes() == before
    wal = Path(f"{old.db}-wal")  # a reader may leave an empty WAL beside the file, never a frame
    assert not wal.exists() or wal.stat().st_size == 0


def test_the_dashboards_scorecard_speaks_vietnamese_numbers(db: Path) -> None:
    """Points with a decimal comma in Vietnamese, as the command line prints them; a point in English."""
    vi = client(db).get("/quan-ly").text
    en = client(db).get("/quan-ly?lang=en").text
    rows_vi = re.search(r'id="scorecard">(.*?)</table>', vi, re.S)
    rows_en = re.search(r'id="scorecard">(.*?)</table>', en, re.S)
    assert rows_vi and rows_en
    total = re.search(r'id="points">\(([^)]*)\)', vi)
    assert total and "." not in total.group(1)

    def points(rows: str) -> list[str]:  # the last two cells of each row: points, most
        return [
            c
            for row in re.findall(r"<tr id=\"ind-.*?</tr>", rows)
            for c in re.findall(r"<td[^>]*>([^<]*)</td>", row)[-2:]
        ]

    vi_points, en_points = points(rows_vi.group(1)), points(rows_en.group(1))
    fractions = [c for c in vi_points if re.fullmatch(r"\d+[.,]\d+", c)]
    assert fractions and all("," in c for c in fractions)
    numbers = [c for c in en_points if re.fullmatch(r"\d+([.,]\d+)?", c)]
    assert [c.replace(",", ".") for c in vi_points if re.fullmatch(r"\d+([.,]\d+)?", c)] == numbers


def test_the_slip_page_takes_the_short_number_printed_on_the_slip(db: Path, codes: dict[str, str]) -> None:
    c = client(db)
    code = codes["resolved"]
    short = code.split("H56-")[1]  # YYMMDD-NNNN, as the clerk reads it off the slip
    whole, by_short = c.get(f"/in/phieu-hen/{code}"), c.get(f"/in/phieu-hen/{short}")
    assert whole.status_code == 200 and by_short.status_code == 200
    assert by_short.text == whole.text
    assert c.get("/in/phieu-hen/250101-9999").status_code == 404
