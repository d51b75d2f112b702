"""The web side in a real browser: headless Chromium (Debian's ``chromium`` and
``chromium-driver``) driven by Selenium against ``tthc serve`` running as its own process.

Not in the default run (marker ``browser``): ``python -m pytest -m browser``. Screenshots and
the printed PDFs are kept in ``test-artifacts/`` (or ``$TTHC_TEST_ARTIFACTS``).
"""

from __future__ import annotations

import base64
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests import web_center

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("TTHC_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("TTHC_CHROMEDRIVER", "/usr/bin/chromedriver"))
ARTIFACTS = Path(
    os.environ.get("TTHC_TEST_ARTIFACTS", Path(__file__).resolve().parent.parent / "test-artifacts")
)
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
DESKTOP = {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False}
TV = {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: Path, log: Path) -> Iterator[str]:
    """``tthc serve`` over ``db`` as its own process on a free local port, the clock pinned."""
    port = _free_port()
    env = {**os.environ, "TTHC_NOW": web_center.NOW}
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tthc", "--db", str(db), "serve", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=2).close()
                break
            except OSError:
                assert proc.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)
    assert "Traceback" not in log.read_text(), log.read_text()


@pytest.fixture(scope="module")
def center_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    db = tmp_path_factory.mktemp("browser") / "center.db"
    return db, web_center.build(db)


@pytest.fixture(scope="module")
def served(center_db: tuple[Path, dict[str, str]]) -> Iterator[tuple[str, dict[str, str]]]:
    db, codes = center_db
    with serving(db, db.with_name("serve.log")) as base:
        yield base, codes


@pytest.fixture(scope="module")
def full_board(center_db: tuple[Path, dict[str, str]]) -> Iterator[str]:
    """The same center with thirty more results waiting: the board at its smallest type."""
    full = center_db[0].with_name("full.db")
    source, target = sqlite3.connect(center_db[0]), sqlite3.connect(full)
    source.backup(target)
    source.close()
    target.close()
    web_center.add_ready(full, 30)
    with serving(full, full.with_name("full.log")) as base:
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail(f"{CHROMIUM} or {CHROMEDRIVER} missing: apt-get install chromium chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
        "--window-size=1366,768",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def device(driver: object, metrics: dict[str, object]) -> None:
    """Emulate a screen: a phone gets a mobile viewport (the page's viewport meta then counts)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)  # type: ignore[attr-defined]


def shot(driver: object, name: str) -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    png = driver.execute_cdp_cmd("Page.captureScreenshot", {"captureBeyondViewport": False})  # type: ignore[attr-defined]
    path.write_bytes(base64.b64decode(png["data"]))
    assert path.stat().st_size > 5000, "an empty screenshot"
    return path


def fits_the_width(driver: object) -> bool:
    return bool(driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"))  # type: ignore[attr-defined]


def submit(driver: object, wait_for: str) -> object:
    """Press the form's button and wait for the next page's element ``wait_for`` (an id)."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")  # type: ignore[attr-defined]
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()  # type: ignore[attr-defined]

    def gone(_: object) -> bool:
        # Mid-navigation chromedriver may answer "node does not belong to the document"
        # rather than "stale": either way the old page is gone.
        try:
            old.is_enabled()  # type: ignore[attr-defined]
        except WebDriverException:
            return True
        return False

    WebDriverWait(driver, 15).until(gone)  # type: ignore[arg-type]
    return WebDriverWait(driver, 15).until(ec.presence_of_element_located((By.ID, wait_for)))  # type: ignore[arg-type]


def problems(driver: object) -> list[str]:
    """Console errors (a blocked style would be one: the CSP is checked by the browser itself)."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]  # type: ignore[attr-defined]


def test_a_citizen_finds_the_status_on_a_phone(browser: object, served: tuple[str, dict[str, str]]) -> None:
    from selenium.webdriver.common.by import By

    base, codes = served
    device(browser, PHONE)
    browser.get(base + "/")  # type: ignore[attr-defined]
    assert fits_the_width(browser)
    size = browser.execute_script(  # type: ignore[attr-defined]
        "return parseFloat(getComputedStyle(document.getElementById('ma')).fontSize)"
    )
    assert size >= 16, "inputs smaller than 16px are hard to use on a phone"
    shot(browser, "lookup-phone-form")
    browser.find_element(By.ID, "ma").send_keys(codes["processing"].lower())  # type: ignore[attr-defined]
    browser.find_element(By.ID, "so4").send_keys("5678")  # type: ignore[attr-defined]
    status = submit(browser, "status")
    assert status.text == "Đang giải quyết"  # type: ignore[attr-defined]
    assert browser.find_element(By.ID, "due").text == "17:00, Thứ Tư 17/09/2025"  # type: ignore[attr-defined]
    page = browser.find_element(By.TAG_NAME, "main").text  # type: ignore[attr-defined]
    assert "N. V. A." in page and "Nguyễn Văn An" not in page
    assert fits_the_width(browser)
    shot(browser, "lookup-phone-result")
    assert problems(browser) == []


def test_the_qr_link_then_english_on_the_office_screen(
    browser: object, served: tuple[str, dict[str, str]]
) -> None:
    from selenium.webdriver.common.by import By

    base, codes = served
    device(browser, DESKTOP)
    browser.get(f"{base}/tra-cuu?ma={codes['paused']}&lang=en")  # type: ignore[attr-defined]
    assert browser.find_element(By.ID, "ma").get_attribute("value") == codes["paused"]  # type: ignore[attr-defined]
    browser.find_element(By.ID, "so4").send_keys("4321")  # type: ignore[attr-defined]
    assert submit(browser, "status").text == "Waiting for more papers from you"  # type: ignore[attr-defined]
    # the clerk's reason, with its markup, is shown as text: no image, no handler ran
    assert browser.find_element(By.ID, "papers").text == web_center.XSS_REASON  # type: ignore[attr-defined]
    assert browser.find_elements(By.CSS_SELECTOR, "main img") == []  # type: ignore[attr-defined]
    shot(browser, "lookup-desktop-paused-en")


def test_wrong_digits_on_a_phone_get_the_plain_refusal(
    browser: object, served: tuple[str, dict[str, str]]
) -> None:
    from selenium.webdriver.common.by import By

    base, codes = served
    device(browser, PHONE)
    browser.get(base + "/tra-cuu")  # type: ignore[attr-defined]
    browser.find_element(By.ID, "ma").send_keys(codes["resolved"])  # type: ignore[attr-defined]
    browser.find_element(By.ID, "so4").send_keys("9999")  # type: ignore[attr-defined]
    assert "Không tìm thấy hồ sơ" in submit(browser, "message").text  # type: ignore[attr-defined]
    # the code stays in its field, to correct a digit rather than type it all again
    assert browser.find_element(By.ID, "ma").get_attribute("value") == codes["resolved"]  # type: ignore[attr-defined]
    shot(browser, "lookup-phone-not-found")
    # the refusal is a 404, which the browser's console notes, sometimes a moment later: wait
    # for that note here, so it is not left for the next page's check; nothing else may be there
    seen: list[str] = []
    deadline = time.monotonic() + 10
    while not any("404 (Not Found)" in m for m in seen) and time.monotonic() < deadline:
        seen += problems(browser)
        time.sleep(0.1)
    assert any("404 (Not Found)" in m for m in seen), seen
    assert [m for m in seen if "404 (Not Found)" not in m] == []


def _wait_for_the_404_note(driver: object) -> None:
    """The refusal is a 404, which the console notes, sometimes a moment later: wait for it
    here, so it is not left for the next page's check."""
    deadline = time.monotonic() + 10
    seen: list[str] = []
    while not any("404 (Not Found)" in m for m in seen) and time.monotonic() < deadline:
        seen += problems(driver)
        time.sleep(0.1)
    assert [m for m in seen if "404 (Not Found)" not in m] == []


def test_a_scanned_code_stays_after_wrong_digits_on_a_phone(
    browser: object, served: tuple[str, dict[str, str]]
) -> None:
    from selenium.webdriver.common.by import By

    base, codes = served
    device(browser, PHONE)
    browser.get(f"{base}/tra-cuu?ma={codes['paused']}")  # type: ignore[attr-defined]  # the slip's QR code
    browser.find_element(By.ID, "so4").send_keys("1111")  # type: ignore[attr-defined]
    assert "Không tìm thấy hồ sơ" in submit(browser, "message").text  # type: ignore[attr-defined]
    assert browser.find_element(By.ID, "ma").get_attribute("value") == codes["paused"]  # type: ignore[attr-defined]
    _wait_for_the_404_note(browser)
    browser.find_element(By.ID, "so4").send_keys("4321")  # type: ignore[attr-defined]  # only the digits again
    assert submit(browser, "status").text == "Chờ bổ sung hồ sơ"  # type: ignore[attr-defined]


def test_the_short_code_from_the_slip_on_a_phone(browser: object, served: tuple[str, dict[str, str]]) -> None:
    from selenium.webdriver.common.by import By

    base, codes = served
    device(browser, PHONE)
    browser.get(base + "/")  # type: ignore[attr-defined]
    browser.find_element(By.ID, "ma").send_keys("250910-0001")  # type: ignore[attr-defined]
    browser.find_element(By.ID, "so4").send_keys("5678")  # type: ignore[attr-defined]
    assert submit(browser, "status").text == "Đang giải quyết"  # type: ignore[attr-defined]
    assert codes["processing"] in browser.find_element(By.ID, "result").text  # type: ignore[attr-defined]
    shot(browser, "lookup-phone-short-code")
    assert problems(browser) == []


def test_a_whole_phone_number_in_the_four_digit_box(
    browser: object, served: tuple[str, dict[str, str]]
) -> None:
    """Typed whole, it is neither cut to its first four by the box nor refused by its pattern."""
    from selenium.webdriver.common.by import By

    base, codes = served
    device(browser, PHONE)
    browser.get(base + "/")  # type: ignore[attr-defined]
    browser.find_element(By.ID, "ma").send_keys(codes["processing"])  # type: ignore[attr-defined]
    box = browser.find_element(By.ID, "so4")  # type: ignore[attr-defined]
    box.send_keys("0912 345 678")
    assert box.get_attribute("value") == "0912 345 678"
    assert browser.execute_script("return arguments[0].checkValidity()", box)  # type: ignore[attr-defined]
    assert fits_the_width(browser)
    shot(browser, "lookup-phone-whole-number")
    assert submit(browser, "status").text == "Đang giải quyết"  # type: ignore[attr-defined]
    assert problems(browser) == []


def test_an_apology_on_a_phone_shows_the_new_date_large_and_the_old_one_struck(
    browser: object, served: tuple[str, dict[str, str]]
) -> None:
    from selenium.webdriver.common.by import By

    base, codes = served
    device(browser, PHONE)
    browser.get(base + "/")  # type: ignore[attr-defined]
    browser.find_element(By.ID, "ma").send_keys(codes["apology"])  # type: ignore[attr-defined]
    browser.find_element(By.ID, "so4").send_keys("0444")  # type: ignore[attr-defined]
    new = submit(browser, "new-date")
    old = browser.find_element(By.ID, "due")  # type: ignore[attr-defined]
    assert new.text == "Thứ Sáu 19/09/2025"  # type: ignore[attr-defined]
    assert old.text == "17:00, Thứ Tư 10/09/2025"
    style = "const s = getComputedStyle(arguments[0]); return [parseFloat(s.fontSize), s.textDecorationLine]"
    new_px, _ = browser.execute_script(style, new)  # type: ignore[attr-defined]
    old_px, old_line = browser.execute_script(style, old)  # type: ignore[attr-defined]
    assert new_px >= 1.5 * old_px, (new_px, old_px)
    assert "line-through" in old_line
    page = browser.find_element(By.TAG_NAME, "main").text  # type: ignore[attr-defined]
    assert "Ngày hẹn cũ (đã thay bằng ngày hẹn mới)" in page
    assert new.location["y"] < old.location["y"]  # type: ignore[attr-defined]  # the date to come on, first
    assert fits_the_width(browser)
    shot(browser, "lookup-phone-apology")
    assert problems(browser) == []


@pytest.mark.parametrize(("name", "metrics"), [("desktop", DESKTOP), ("tv", TV)])
def test_the_board_reads_from_across_the_room(
    browser: object, served: tuple[str, dict[str, str]], name: str, metrics: dict[str, object]
) -> None:
    from selenium.webdriver.common.by import By

    base, codes = served
    device(browser, metrics)
    browser.get(base + "/bang")  # type: ignore[attr-defined]
    tail = browser.find_element(By.CSS_SELECTOR, "ol.ready .tail")  # type: ignore[attr-defined]
    assert tail.text == codes["resolved"].split("H56-")[1]
    px = browser.execute_script("return parseFloat(getComputedStyle(arguments[0]).fontSize)", tail)  # type: ignore[attr-defined]
    assert px >= 0.05 * int(metrics["width"])  # type: ignore[call-overload]
    refresh = browser.find_element(By.CSS_SELECTOR, 'meta[http-equiv="refresh"]')  # type: ignore[attr-defined]
    assert refresh.get_attribute("content") == "30"
    assert browser.find_element(By.CSS_SELECTOR, "ol.ready .who").text == "P. M. C."  # type: ignore[attr-defined]
    assert fits_the_width(browser)
    shot(browser, f"board-{name}")
    assert problems(browser) == []


@pytest.mark.parametrize(("name", "metrics"), [("desktop", DESKTOP), ("tv", TV)])
def test_a_full_board_fits_the_screen_without_scrolling(
    browser: object, full_board: str, name: str, metrics: dict[str, object]
) -> None:
    from selenium.webdriver.common.by import By

    device(browser, metrics)
    browser.get(full_board + "/bang")  # type: ignore[attr-defined]
    tails = browser.find_elements(By.CSS_SELECTOR, "ol.ready .tail")  # type: ignore[attr-defined]
    assert len(tails) == 24
    assert browser.execute_script(  # type: ignore[attr-defined]
        "return document.documentElement.scrollHeight <= window.innerHeight"
    ), "the board scrolls: the last results are off the screen"
    assert fits_the_width(browser)
    last = tails[-1].rect  # the last one listed is on the screen, not cut off
    assert last["x"] + last["width"] <= int(metrics["width"]) and last["y"] + last["height"] <= int(
        metrics["height"]
    )  # type: ignore[call-overload]
    shot(browser, f"board-full-{name}")
    assert problems(browser) == []


@pytest.mark.parametrize(("name", "metrics"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_the_dashboard_shows_today_and_renders_names_as_text(
    browser: object, served: tuple[str, dict[str, str]], name: str, metrics: dict[str, object]
) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    base, codes = served
    device(browser, metrics)
    browser.get(base + "/quan-ly")  # type: ignore[attr-defined]
    overdue = browser.find_element(By.ID, "group-overdue")  # type: ignore[attr-defined]
    assert codes["xss"] in overdue.text
    assert web_center.XSS_NAME in overdue.text  # the markup is the name's text, not a script
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # type: ignore[attr-defined]  # noqa: B018
    assert browser.find_element(By.ID, "rate").text == "100,00%"  # type: ignore[attr-defined]
    chart = browser.find_element(By.ID, "chart")  # type: ignore[attr-defined]
    assert chart.size["width"] > 300 and len(chart.find_elements(By.TAG_NAME, "rect")) >= 1
    if name == "desktop":
        assert fits_the_width(browser)  # on a phone the worklist table scrolls inside its box
    shot(browser, f"dashboard-{name}")
    assert problems(browser) == []


@pytest.mark.parametrize(("size", "points"), [("a5", (419, 595)), ("a4", (595, 841))])
def test_the_slip_prints_on_its_paper(
    browser: object, served: tuple[str, dict[str, str]], size: str, points: tuple[int, int]
) -> None:
    base, codes = served
    device(browser, DESKTOP)
    browser.get(f"{base}/in/phieu-hen/{codes['processing']}" + ("?kho=a4" if size == "a4" else ""))  # type: ignore[attr-defined]
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})  # type: ignore[attr-defined]
    data = base64.b64decode(pdf["data"])
    (ARTIFACTS / "print").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "print" / f"slip-{size}.pdf").write_bytes(data)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert boxes, "no page size in the PDF"
    for w, h in boxes:  # every page the slip's paper, to a point or two of rounding
        assert abs(float(w) - points[0]) <= 2 and abs(float(h) - points[1]) <= 2, (w, h)


def test_nothing_is_fetched_from_anywhere_else(browser: object, served: tuple[str, dict[str, str]]) -> None:
    base, codes = served
    device(browser, DESKTOP)
    for path in ("/", "/bang", "/quan-ly", f"/in/phieu-hen/{codes['processing']}"):
        browser.get(base + path)  # type: ignore[attr-defined]
        fetched = browser.execute_script(  # type: ignore[attr-defined]
            "return performance.getEntriesByType('resource').map(e => e.name)"
        )
        assert [u for u in fetched if not u.startswith(base)] == []
    assert problems(browser) == []
