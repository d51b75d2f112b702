"""What tthc prints, opened in a real browser: the summary's SVG and HTML keep every
Vietnamese letter whole, and the receipt prints on one A5 sheet, the same page from a file
and from the web side.

Headless Chromium through Selenium, like ``tests/test_browser.py`` (marker ``browser``, not in
the default run: ``python -m pytest -m browser``). The PDFs are kept in ``test-artifacts/``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.test_browser import ARTIFACTS, browser, center_db, served  # noqa: F401 - fixtures

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
