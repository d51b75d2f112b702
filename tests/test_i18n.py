"""One table of translations: every message the code names exists in both languages with the
same blanks, and refusals read in the clerk's language."""

from __future__ import annotations

import string
from pathlib import Path

from tests.conftest import Cli, catalog_messages

MESSAGES = catalog_messages()

SOURCE = Path(__file__).resolve().parent.parent / "tthc"


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_fill_the_same_blanks() -> None:
    for key, (en, vi) in MESSAGES.items():
        assert fields(en) == fields(vi), key
        assert en.strip() and vi.strip(), key


def test_refusals_in_vietnamese(center: Cli, tmp_path: Path) -> None:
    assert center.fails("resolve", "KHONG-CO", lang="vi") == "Lỗi: không có hồ sơ mã 'KHONG-CO'\n"
    assert "'5 tuần' không phải thời hạn, mã thủ tục, tên viết tắt hay tên thủ tục" in center.fails(
        "due", "5 tuần", lang="vi"
    )
    assert "thời hạn không hợp lệ '5 tuần'" in Cli(tmp_path / "none.db", now="2025-09-10 16:00").fails(
        "due", "5 tuần", lang="vi"
    )
    code = center.ok("receive", "ks", "--applicant", "A", "--at", "2025-09-08 09:00").stdout.split()[1]
    err = center.fails("resume", code, lang="vi")
    assert "“nhận đủ hồ sơ bổ sung”" in err and "“đang giải quyết”" in err and "chờ bổ sung" in err
    f = tmp_path / "x.csv"
    f.write_text("procedure,received_at,applicant\nks,2025-02-30,A\n", encoding="utf-8")
    err = center.fails("import", str(f), lang="vi")
    assert err.startswith(
        f"Lỗi: 1 dòng lỗi trong {f}\ndòng 2: Ngày tiếp nhận: ngày không hợp lệ '2025-02-30'"
    )


def test_the_centers_language_setting_applies_to_refusals(center: Cli) -> None:
    center.ok("config", "set", "lang", "vi")
    assert "không có hồ sơ mã" in center.fails("show", "KHONG-CO")
    assert "unknown dossier code" in center.fails("show", "KHONG-CO", lang="en")


def test_a_sunday_typed_the_day_before_is_one_day_ago_not_one_days() -> None:
    from datetime import date

    from tthc.locale.i18n import DayAgo

    assert DayAgo(date(2025, 9, 14), date(2025, 9, 15)).render("en") == "Sun 14/09/2025, 1 day ago"
    assert DayAgo(date(2025, 9, 13), date(2025, 9, 15)).render("en") == "Sat 13/09/2025, 2 days ago"
    assert DayAgo(date(2025, 3, 9), date(2025, 9, 3)).render("vi") == "Chủ nhật 09/03/2025, 6 tháng trước"
