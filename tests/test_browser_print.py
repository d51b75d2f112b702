"""What tthc prints, opened in a real browser: the summary's SVG and HTML keep every
Vietnamese letter whole, and the receipt prints on one A5 sheet, the same page from a file
and from the web side.

Headless Chromium through Selenium, like ``tests/test_browser.py`` (marker ``browser``, not in
the default run: ``python -m pytest -m browser``). The PDFs are kept in ``test-artifacts/``.
"""

from __future__ import annotations

import base64
import re
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.test_browser import ARTIFACTS, browser, serving  # noqa: F401 - the browser fixture

pytestmark = pytest.mark.browser


# -- Vietnamese letters, one glyph each --------------------------------------------------------
def glyphs_per_text(driver: object, selector: str) -> list[tuple[str, int]]:
    """Each element's text beside the number of glyphs Chromium drew for it, as its DevTools
    report them (``CSS.getPlatformFontsForNode``): a letter drawn as a base and a separate
    mark counts two."""
    cdp = driver.execute_cdp_cmd  # type: ignore[attr-defined]
    cdp("DOM.enable", {})
    cdp("CSS.enable", {})
    root = cdp("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    found = []
    for node in cdp("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
        fonts = cdp("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        html = cdp("DOM.getOuterHTML", {"nodeId": node})["outerHTML"]
        text = re.sub(r"<[^>]*>", "", html)
        text = text.replace("\xa0", " ").replace("&#160;", " ").replace("&amp;", "&")
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("\n", "")
        if text.strip():
            found.append((text, sum(f["glyphCount"] for f in fonts)))
    return found


@pytest.mark.parametrize("kind", ["svg", "html"])
def test_the_september_summary_prints_tre_and_ho_so_whole(
    browser: object,  # noqa: F811
    center: Cli,
    tmp_path: Path,
    kind: str,
) -> None:
    center.ok("receive", "kt", "--applicant", "Trần Thị Bảo", now="2025-09-15 09:00")
    out = tmp_path / f"tong-hop.{kind}"
    period = ("--from", "2025-08-01", "--to", "2025-09-30", "--by", "month", "--chart")
    center.ok("summary", *period, f"--{kind}", str(out), lang="vi", now="2025-10-01 10:00")
    browser.get(out.as_uri())  # type: ignore[attr-defined]
    drawn = glyphs_per_text(browser, "text" if kind == "svg" else "pre span")
    words = " ".join(text for text, _ in drawn)
    assert "hồ sơ" in words and "tiếp nhận" in words  # ồ and ế: two marks on one letter
    split = [(text, n) for text, n in drawn if n != len(unicodedata.normalize("NFC", text))]
    assert split == [], "letters drawn as a base and a separate mark"


# -- the receipt on one A5 sheet ---------------------------------------------------------------
LONG_NAME = (
    "Cấp Giấy xác nhận tình trạng hôn nhân cho công dân Việt Nam cư trú ở trong nước"
    " để sử dụng vào mục đích kết hôn hoặc mục đích khác"
)
THREE_PAPERS = (
    "Tờ khai đăng ký xác nhận tình trạng hôn nhân (theo mẫu)",
    "Bản sao Căn cước của người yêu cầu",
    "Giấy tờ chứng minh tình trạng hôn nhân trước đây (bản án ly hôn đã có hiệu lực pháp luật)",
)
A5_POINTS = (419.5, 595.3)


def pdf_pages(driver: object, url: str, name: str) -> list[tuple[float, float]]:
    """The page at ``url`` printed by Chromium (``Page.printToPDF``, the page's own paper
    size): the size of each printed page, in points. The PDF is kept among the artifacts."""
    driver.get(url)  # type: ignore[attr-defined]
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})  # type: ignore[attr-defined]
    data = base64.b64decode(pdf["data"])
    (ARTIFACTS / "print").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "print" / f"{name}.pdf").write_bytes(data)
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert len(boxes) == pages, (boxes, pages)
    return [(float(w), float(h)) for w, h in boxes]


@pytest.fixture()
def wedding_certificate(center: Cli) -> tuple[Cli, str]:
    """A dossier received on Monday 3/11/2025 (the 2025 forms) with a long procedure name and
    a long address, at a center with a public address: the QR code holds the look-up link."""
    for key, value in (
        ("center_name", "Trung tâm Phục vụ hành chính công xã Hòa An"),
        ("center_address", "Thôn Phú Thứ, xã Hòa An, tỉnh Đắk Lắk"),
        ("place_name", "Hòa An"),
        ("public_url", "https://dichvucong.hoaan.gov.vn"),
    ):
        center.ok("config", "set", key, value)
    center.ok("procedure", "add", "1.004873", "--name", LONG_NAME, "--field", "Hộ tịch", "--limit", "3wd")
    received = center.ok(
        "receive",
        "1.004873",
        "--applicant",
        "Nguyễn Thị Phương Thảo",
        "--address",
        "Số 12, đường Nguyễn Tất Thành, thôn Phú Thứ, xã Hòa An, tỉnh Đắk Lắk",
        "--phone",
        "0912 345 678",
        "--officer",
        "Lan",
        "--at",
        "2025-11-03 09:00",
        "--json",
        now="2025-11-03 09:00",
    )
    import json

    return center, str(json.loads(received.stdout)["code"])


def test_the_receipt_of_3_november_2025_prints_on_one_a5_sheet_with_its_qr_code(
    browser: object,  # noqa: F811
    wedding_certificate: tuple[Cli, str],
    tmp_path: Path,
) -> None:
    cli, code = wedding_certificate
    page = tmp_path / "giay-hen.html"
    papers = [arg for paper in THREE_PAPERS for arg in ("--paper", paper)]
    cli.ok("receipt", code, *papers, "--html", str(page), lang="vi", now="2025-11-03 09:05")
    html = page.read_text(encoding="utf-8")
    assert LONG_NAME in html and "Thông tư 03/2025/TT-VPCP" in html and 'class="segno"' in html
    printed = pdf_pages(browser, page.as_uri(), "receipt-a5-file")
    assert len(printed) == 1, f"{len(printed)} pages"
    (w, h) = printed[0]
    assert abs(w - A5_POINTS[0]) <= 2 and abs(h - A5_POINTS[1]) <= 2, printed


def test_the_web_receipt_prints_on_one_a5_sheet_too(
    browser: object,  # noqa: F811
    wedding_certificate: tuple[Cli, str],
) -> None:
    """``/in/phieu-hen/CODE`` serves the same page (compared byte for byte in the web tests)."""
    cli, code = wedding_certificate
    with serving(cli.db, cli.db.with_name("serve.log")) as base:
        printed = pdf_pages(browser, f"{base}/in/phieu-hen/{code}", "receipt-a5-web")
    assert len(printed) == 1, f"{len(printed)} pages"
