"""The citizen's rating on the counter's tablet, in a real browser (headless Chromium against
``tthc serve`` as its own process): the form as sent by the site's own page, written once."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import web_center
from tests.test_browser import DESKTOP, browser, device, fits_the_width, problems, serving, shot, submit

pytestmark = pytest.mark.browser
__all__ = ["browser"]  # the browser tests' Chromium, shared
TABLET = {"width": 800, "height": 1280, "deviceScaleFactor": 2, "mobile": True}


@pytest.fixture(scope="module")
def rating_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, dict[str, str]]]:
    db = tmp_path_factory.mktemp("browser-rating") / "center.db"
    codes = web_center.build(db)
    with serving(db, db.with_name("serve.log")) as base:
        yield base, db, codes


def stored(db: Path) -> list[tuple[str, str, str | None, str]]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.execute("SELECT dossier_code, rating, comment, via FROM ratings"))
    finally:
        conn.close()


def test_a_citizen_rates_the_service_on_the_counters_tablet_once(
    browser: object, rating_site: tuple[str, Path, dict[str, str]]
) -> None:
    from selenium.webdriver.common.by import By

    base, db, codes = rating_site
    device(browser, TABLET)
    browser.get(f"{base}/danh-gia?ma={codes['returned']}")  # type: ignore[attr-defined]
    assert browser.find_element(By.ID, "ma").get_attribute("value") == codes["returned"]  # type: ignore[attr-defined]
    assert fits_the_width(browser)
    shot(browser, "rating-tablet-form")
    browser.find_element(By.ID, "so4").send_keys("0222")  # type: ignore[attr-defined]
    browser.find_element(By.ID, "muc-unsatisfied").click()  # type: ignore[attr-defined]
    browser.find_element(By.ID, "y_kien").send_keys("Phải chờ lâu ở quầy")  # type: ignore[attr-defined]
    assert "Cảm ơn" in submit(browser, "message").text  # type: ignore[attr-defined]
    assert stored(db) == [(codes["returned"], "unsatisfied", "Phải chờ lâu ở quầy", "tablet")]
    shot(browser, "rating-tablet-thanks")
    assert problems(browser) == []
    # the next citizen's form, the same dossier again: refused, still one rating
    browser.find_element(By.ID, "again").click()  # type: ignore[attr-defined]
    browser.find_element(By.ID, "ma").send_keys(codes["returned"])  # type: ignore[attr-defined]
    browser.find_element(By.ID, "so4").send_keys("0222")  # type: ignore[attr-defined]
    browser.find_element(By.ID, "muc-satisfied").click()  # type: ignore[attr-defined]
    assert "đã được đánh giá" in submit(browser, "message").text  # type: ignore[attr-defined]
    assert len(stored(db)) == 1
    seen: list[str] = []
    deadline = time.monotonic() + 10
    while not any("409" in m for m in seen) and time.monotonic() < deadline:
        seen += problems(browser)
        time.sleep(0.1)
    assert [m for m in seen if "409" not in m] == []


def test_the_dashboard_for_the_third_quarter_shows_the_scorecard(
    browser: object, rating_site: tuple[str, Path, dict[str, str]]
) -> None:
    from selenium.webdriver.common.by import By

    base, _, _ = rating_site
    device(browser, DESKTOP)
    browser.get(base + "/quan-ly?ky=Q3/2025")  # type: ignore[attr-defined]
    assert "01/07/2025" in browser.find_element(By.ID, "period").text  # type: ignore[attr-defined]
    assert browser.find_element(By.ID, "rate-ii06a").text.endswith("%")  # type: ignore[attr-defined]
    assert browser.find_element(By.ID, "rate-766").text.endswith("%")  # type: ignore[attr-defined]
    row = browser.find_element(By.ID, "ind-2.1").text  # type: ignore[attr-defined]
    assert row.startswith("2.1")
    shot(browser, "dashboard-q3-scorecard")
    assert problems(browser) == []
