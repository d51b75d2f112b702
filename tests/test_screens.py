"""What a manager and a clerk read on a screen of 80, 100 or 120 columns, or through a pipe:
every figure whole, no line wider than the screen, Vietnamese throughout; and the chart and
SVG made for printing."""

import functools
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import Cli
from tthc.cli.main import app
from tthc.locale.i18n import fmt_rate

WIDTHS = (80, 100, 120, None)  # None: a pipe or a file, no limit
LANGS = ("en", "vi")
LATER = "2025-11-01 08:00"
DEMO_PERIOD = ("--from", "2025-07-01", "--to", "2025-09-12")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?%?")


def screen(db: Path, *args: str, width: int | None, lang: str = "en", now: str = LATER) -> str:
    """What ``tthc`` prints to a screen ``width`` columns wide (None: to a pipe)."""
    env = {
        "TTHC_NOW": now,
        "TTHC_LANG": lang,
        "TTHC_USER": "t",
        "TTHC_DB": None,
        "COLUMNS": None if width is None else str(width),
        "NO_COLOR": "1",
    }
    result = CliRunner().invoke(app, ["--db", str(db), *args], env=env)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return str(result.stdout)


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The demo center, built once for the module (read only here), and what it printed."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    return path, screen(path, "demo", "--db", str(path), width=None)


@pytest.fixture(scope="module")
def demo_db(demo_run: tuple[Path, str]) -> Path:
    return demo_run[0]


@functools.cache
def summary_json(db: Path, by: str) -> dict[str, Any]:
    """The demo's summary as JSON (asked once per breakdown)."""
    got: dict[str, Any] = json.loads(screen(db, "summary", *DEMO_PERIOD, "--by", by, "--json", width=None))
    return got


def figures_of(group: dict[str, Any], lang: str) -> list[str]:
    """A group's figures as the screen writes them."""
    out = [str(group[k]) for k, v in group.items() if isinstance(v, int)]
    out += [str(v) for v in group["received_by_channel"].values()]
    if group["on_time_rate"] is not None:
        out.append(fmt_rate(lang, group["on_time_rate"]))
    return out


def assert_whole(out: str, expected: list[str], width: int | None) -> None:
    """Every figure appears as a whole number (as many times as expected), nothing is cut
    short with an ellipsis, and no line is wider than the screen."""
    assert "…" not in out, out
    missing = Counter(expected) - Counter(_NUMBER.findall(out))
    assert not missing, (missing, out)
    if width is not None:
        wide = [line for line in out.splitlines() if len(line) > width]
        assert not wide, (width, wide)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("by", ["field", "month", "procedure"])
@pytest.mark.parametrize("width", WIDTHS, ids=[str(w) for w in WIDTHS])
def test_summary_never_cuts_a_figure(demo_db: Path, by: str, width: int | None, lang: str) -> None:
    got = summary_json(demo_db, by)
    expected = [f for g in [*got["groups"], got["total"]] for f in figures_of(g, lang)]
    out = screen(demo_db, "summary", *DEMO_PERIOD, "--by", by, width=width, lang=lang)
    assert_whole(out, expected, width)


def test_the_summary_changes_shape_to_fit_never_the_numbers(demo_db: Path) -> None:
    """Full headers when there is room; short headers and a legend at 120; the channel split
    folded away at 100; one block per field at 80."""
    full = screen(demo_db, "summary", *DEMO_PERIOD, "--by", "field", width=None, lang="vi")
    assert "Trực tuyến" in full.replace("\n", " ") or "Trực" in full
    assert "Tỷ lệ (đúng hạn/đã GQ)" in full.replace("│", "")
    shapes = {
        w: screen(demo_db, "summary", *DEMO_PERIOD, "--by", "field", width=w, lang="vi")
        for w in (80, 100, 120)
    }
    assert len(set(shapes.values())) == 3
    assert "Bảo trợ xã hội" in shapes[80]  # a block is headed by its field, whole
    for out in shapes.values():
        assert "98,28%" in out and "1887/1920" in out


def test_a_pipe_is_not_limited_in_width(demo_db: Path) -> None:
    """Through a pipe the Vietnamese table is laid out whole, one line per field."""
    out = screen(demo_db, "summary", *DEMO_PERIOD, "--by", "field", width=None, lang="vi")
    line = next(line for line in out.splitlines() if "Hộ tịch" in line)
    assert "383" in line and "98,67% (371/376)" in line


def test_by_procedure_names_the_procedures(demo_db: Path) -> None:
    out = screen(demo_db, "summary", *DEMO_PERIOD, "--by", "procedure", width=None, lang="vi")
    assert "1.001193 Đăng ký khai sinh" in out


def test_by_month_says_the_month_in_words(demo_db: Path) -> None:
    vi = screen(demo_db, "summary", *DEMO_PERIOD, "--by", "month", "--chart", width=None, lang="vi")
    assert vi.count("tháng 7/2025") == 2 and "2025-07" not in vi  # the table and the chart
    en = screen(demo_db, "summary", *DEMO_PERIOD, "--by", "month", "--chart", width=None)
    assert en.count("July 2025") == 2 and "2025-07" not in en


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS, ids=[str(w) for w in WIDTHS])
def test_the_form_ii06a_never_cuts_a_figure(demo_db: Path, width: int | None, lang: str) -> None:
    from tthc.present.report import COLUMNS, DOTS

    got = summary_json(demo_db, "field")
    expected: list[str] = []
    for g in [*got["groups"], got["total"]]:
        ch = g["received_by_channel"]
        direct_postal = ch["direct"] + ch["postal"]
        expected += [str(n) for n in (g["carried_over"] + g["received"], ch["online"], direct_postal)]
        expected += [str(g[k]) for k in ("carried_over", "resolved", "early", "on_time", "late")]
        expected += [str(g[k]) for k in ("pending", "pending_not_due", "pending_overdue")]
    out = screen(demo_db, "report", *DEMO_PERIOD, width=width, lang=lang)
    assert_whole(out.replace(DOTS, ""), expected, width)  # the form's blanks to fill in by hand
    assert all(f"({n})" in out for n, _ in COLUMNS)
    if lang == "vi":
        assert "Đơn vị báo cáo: Trung tâm Phục vụ hành chính công xã Hòa An" in " ".join(out.split())
        assert re.search(r"Rút\s+3\b", out)  # the withdrawn, in the note (a note may wrap)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS, ids=[str(w) for w in WIDTHS])
def test_the_scorecard_of_q3_2025_never_cuts_a_figure(demo_db: Path, width: int | None, lang: str) -> None:
    """Every count of the JSON, and every number the unlimited screen shows, whole on a
    screen of 80, 100 or 120 columns: the table changes shape, never the numbers."""
    got = json.loads(screen(demo_db, "indicators", "--quarter", "Q3/2025", "--json", width=None))
    counts = [str(i[k]) for i in got["indicators"] for k in ("numerator", "denominator") if i[k] is not None]
    unlimited = screen(demo_db, "indicators", "--quarter", "Q3/2025", width=None, lang=lang)
    assert counts and not Counter(counts) - Counter(_NUMBER.findall(unlimited))
    out = screen(demo_db, "indicators", "--quarter", "Q3/2025", width=width, lang=lang)
    assert_whole(out, _NUMBER.findall(unlimited), width)
    assert ("không có trong sổ" if lang == "vi" else "not from this center's records") in out


def test_the_chart_prints_in_black_and_white_with_labels_beside_the_bars(demo_db: Path) -> None:
    out = screen(demo_db, "summary", *DEMO_PERIOD, "--by", "month", "--chart", width=80)
    bars = [line for line in out.splitlines() if re.search(r"█+ \d", line)]
    assert len(bars) == 3
    for line in bars:
        assert re.search(r"█ \d+\b", line), line  # the count right of its bar, after a space
        assert re.search(r"[▒░]+ \d+\.\d\d%", line), line  # the rate bar: another pattern
        assert len(line) <= 80


@pytest.mark.parametrize("lang", LANGS)
def test_the_svg_is_for_printing(demo_db: Path, tmp_path: Path, lang: str) -> None:
    svg, html = tmp_path / "q.svg", tmp_path / "q.html"
    narrow = screen(
        demo_db, "summary", *DEMO_PERIOD, "--by", "month", "--chart", "--svg", str(svg), "--html", str(html),
        width=80, lang=lang,
    )  # fmt: skip
    page = html.read_text(encoding="utf-8")
    assert "https:" not in page and "background-color: #ffffff" in page
    assert not re.search(r"url\(", page), "fonts of the machine only: local(), never url()"
    text = svg.read_text(encoding="utf-8")
    assert "https:" not in text and "src: local(" in text
    assert not re.search(r"url\((?!#)", text), "only references inside the file"
    assert re.search(r'fill="#(?:fff|ffffff)"', text, re.I), "a white background"
    wide = tmp_path / "wide.svg"
    screen(demo_db, "summary", *DEMO_PERIOD, "--by", "month", "--chart", "--svg", str(wide), width=200)
    if lang == "en":  # the SVG does not depend on the terminal it was asked from
        assert re.sub(r"terminal-\d+", "", wide.read_text(encoding="utf-8")) == re.sub(
            r"terminal-\d+", "", text
        )
    words = " ".join(re.sub(r"<[^>]+>", " ", text).replace("&#160;", " ").split())
    assert ("98,28%" if lang == "vi" else "98.28%") in words and "1964" in words
    assert narrow  # the screen got its own rendering


# -- the catalog, the settings, the calendar ----------------------------------------------------
@pytest.mark.parametrize("width", WIDTHS, ids=[str(w) for w in WIDTHS])
def test_procedure_list_in_vietnamese(demo_db: Path, width: int | None) -> None:
    out = screen(demo_db, "procedure", "list", width=width, lang="vi")
    assert "Mã TTHC" in out and "Mã hồ sơ" not in out
    words = " ".join(out.replace("│", " ").split())
    assert "3 ngày làm việc" in words and "trong ngày" in words and "15 ngày" in words
    assert "3wd" not in out and "same-day" not in out
    assert_whole(out, ["1.001193", "2.000815"], width)


def test_fees_and_limits_in_both_languages(center: Cli) -> None:
    center.ok(
        "procedure", "add", "9.000001", "--name", "Cấp bản sao", "--field", "Chứng thực",
        "--limit", "8h", "--fee", "75000",
    )  # fmt: skip
    vi = " ".join(center.ok("procedure", "show", "9.000001", lang="vi").stdout.replace("│", " ").split())
    assert "75.000 đ" in vi and "8 giờ làm việc" in vi
    en = " ".join(center.ok("procedure", "show", "9.000001").stdout.replace("│", " ").split())
    assert "75,000 VND" in en and "8 working hours" in en


def test_limits_read_as_words_wherever_a_person_sees_one(center: Cli) -> None:
    assert (
        "Thời hạn: 3 ngày làm việc" in center.ok("due", "3wd", "--at", "2025-09-08 09:00", lang="vi").stdout
    )
    assert "Time limit: same day" in center.ok("due", "ks", "--at", "2025-09-08 09:00").stdout
    out = center.ok(
        "receive", "ks", "--applicant", "An", "--limit", "5wd", "--at", "2025-09-08 09:00", lang="vi"
    ).stdout
    assert "5 ngày làm việc" in out and "trong ngày" in out and "5wd" not in out
    show = center.ok("show", "000.00.20.H56-250908-0001", lang="vi").stdout
    assert "5 ngày làm việc" in show and "5wd" not in show
    assert "5 working days" in center.ok("show", "000.00.20.H56-250908-0001").stdout


@pytest.mark.parametrize("width", (80, 100))
def test_config_show_never_cuts_a_key(center: Cli, width: int) -> None:
    from tthc.core.settings import SETTINGS

    out = screen(center.db, "config", "show", width=width, lang="vi", now="2025-09-10 16:00")
    for key in SETTINGS:
        assert re.search(rf"(^|\W){key}(\W|$)", out, re.M), key
    assert_whole(out, [], width)
    assert "tên trung tâm" in " ".join(out.replace("│", " ").split())  # the help in Vietnamese


@pytest.mark.parametrize("width", (80, None))
def test_calendar_show_fits(center: Cli, width: int | None) -> None:
    out = screen(
        center.db, "calendar", "show", "--year", "2025", width=width, lang="vi", now="2025-09-10 16:00"
    )
    assert_whole(out, [], width)
    assert "Thứ Ba 02/09/2025" in out and "Thứ Hai 01/09/2025" in out


# -- a dossier's screen ---------------------------------------------------------------------------
def test_show_lines_up_the_days_on_a_sunday(center: Cli) -> None:
    """A dossier received on Friday 5/9/2025 under 3wd: Saturday and Sunday are skipped."""
    center.ok("receive", "ks", "--applicant", "An", "--limit", "3wd", "--at", "2025-09-05 09:00")
    out = center.ok("show", "000.00.20.H56-250905-0001", lang="vi").stdout
    days = [line for line in out.splitlines() if re.match(r"\s+(Thứ|Chủ nhật)", line)]
    assert any("Chủ nhật" in line for line in days)
    starts = {len(re.match(r"\s+(?:Thứ \w+|Chủ nhật) \d\d/\d\d/\d{4}\s+", line)[0]) for line in days}  # type: ignore[index]
    assert len(starts) == 1, days


def test_history_reads_as_sentences_in_vietnamese(center: Cli) -> None:
    code = "000.00.20.H56-250908-0001"
    center.ok("receive", "ks", "--applicant", "Nguyễn Văn An", "--at", "2025-09-08 09:00")
    center.ok("edit", code, "--applicant", "Nguyễn Văn Ân", "--id-number", "001085012345")
    center.ok("handover", code, "--to", "Đức", "--at", "2025-09-08 10:00")
    center.ok("supplement", code, "--at", "2025-09-08 11:00", "--reason", "thiếu CCCD")
    center.ok("resume", code, "--at", "2025-09-09 09:00")
    center.ok(
        "apologize", code, "--new-date", "2025-09-15", "--reason", "chờ xác minh", "--at", "2025-09-09 10:00"
    )
    out = screen(center.db, "history", code, width=None, lang="vi", now="2025-09-10 16:00")
    for raw in ("channel=", "limit=", "after=", "{'", "2025-09", "same-day", "direct", "restart"):
        assert raw not in out, (raw, out)
    assert "15/09/2025" in out and "thiếu CCCD" in out and "trong ngày" in out and "trực tiếp" in out
    assert "Nguyễn Văn An → Nguyễn Văn Ân" in out
    assert "001085012345" not in out  # an ID number in the trail is masked like everywhere else
    en = screen(center.db, "history", code, width=80, now="2025-09-10 16:00")
    assert "same day" in " ".join(en.split()) and "…" not in en
    assert all(len(line) <= 80 for line in en.splitlines())


def test_the_demo_points_its_hints_at_its_own_period(demo_run: tuple[Path, str]) -> None:
    hints = demo_run[1].splitlines()[-1]
    assert "--from 2025-07-01 --to 2025-09-12" in hints and "report" in hints
