"""Vietnamese throughout: help pages, Click's own usage errors, the machine's refusals, the
error prefix, setting descriptions — and English stays complete."""

import errno
import os
import socket
from pathlib import Path
from typing import Any

import pytest
import typer.main

from tests.conftest import Cli
from tthc.cli import app
from tthc.cli_help import localize
from tthc.errors import os_reason
from tthc.i18n import MESSAGES
from tthc.settings import SETTINGS


def help_texts(lang: str) -> list[str]:
    """Every help text of the command tree after it was put in ``lang``."""
    root = typer.main.get_command(app)
    localize(root, lang)
    texts: list[str] = []

    def walk(cmd: object) -> None:
        texts.extend(x for x in (getattr(cmd, "help", None),) if x)
        texts.extend(p.help for p in getattr(cmd, "params", ()) if getattr(p, "help", None))
        for sub in getattr(cmd, "commands", {}).values():
            walk(sub)

    walk(root)
    return texts


def test_every_help_text_has_its_vietnamese() -> None:
    english = {en for key, (en, _) in MESSAGES.items() if key.startswith("help.")}
    untranslated = [text for text in help_texts("en") if text not in english]
    assert not untranslated, untranslated
    still_english = [text for text in help_texts("vi") if text in english and text not in {"Print JSON."}]
    assert not still_english, still_english


def test_the_receive_help_page_in_vietnamese(cli: Cli) -> None:
    out = cli.ok("--lang", "vi", "receive", "--help").stdout
    for words in (
        "Cách dùng: tthc receive",
        "Tùy chọn:",
        "Tham số:",
        "Họ tên người nộp",
        "Hiện hướng dẫn này rồi thoát",
    ):
        assert words in out, words
    assert "Options:" not in out and "Show this message" not in out


def test_english_help_is_complete(cli: Cli) -> None:
    out = cli.ok("receive", "--help").stdout
    assert "Usage: tthc receive" in out and "Applicant's full name" in out and "Options:" in out


@pytest.mark.parametrize("spelling", ["vi", "vn", "VN"])
def test_lang_vn_is_vietnamese(center: Cli, spelling: str) -> None:
    assert "Lỗi: không có hồ sơ mã 'KHONG-CO'" in center("--lang", spelling, "show", "KHONG-CO").stderr
    assert "Lỗi:" in center("show", "KHONG-CO", lang=spelling.lower()).stderr


def test_a_missing_option_in_vietnamese(center: Cli) -> None:
    err = center.fails("receive", "ks", code=2, lang="vi")
    assert "Cách dùng: tthc receive" in err and "Lỗi: Thiếu tùy chọn '--applicant'." in err


def test_a_value_outside_the_choices_in_vietnamese(center: Cli) -> None:
    err = center.fails("receive", "ks", "--applicant", "A", "--channel", "fax", code=2, lang="vi")
    assert "Lỗi: Giá trị không hợp lệ cho '--channel': 'fax' không thuộc 'direct', 'online', 'postal'." in err


def test_a_mistyped_command_in_vietnamese(center: Cli) -> None:
    err = center.fails("recieve", code=2, lang="vi")
    assert "Không có lệnh 'recieve'. Có phải ý bạn là 'receive'?" in err


def test_the_centers_language_applies_to_help_and_usage_errors(center: Cli) -> None:
    center.ok("config", "set", "lang", "vi")
    assert "Cách dùng:" in center("receive", "--help").stdout
    assert "Thiếu tùy chọn" in center("receive", "ks").stderr


def test_a_group_without_its_command_shows_its_help_in_vietnamese(center: Cli) -> None:
    out = center("config", lang="vi").stdout
    assert "Xem hoặc thay đổi thiết lập" in out and "Lệnh:" in out


def test_config_show_describes_every_setting_in_vietnamese(center: Cli) -> None:
    out = center.ok("config", "show", lang="vi").stdout
    assert "giờ chốt" in out and "same_day_cutoff" in out
    for key in SETTINGS:
        assert f"setting.{key}" in MESSAGES, key


# -- the machine's refusals ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("number", "en", "vi"),
    [
        (errno.ENOENT, "no such file or folder", "không có tệp hoặc thư mục này"),
        (errno.EISDIR, "it is a folder, not a file", "đây là thư mục, không phải tệp"),
        (errno.EACCES, "permission denied", "không có quyền truy cập"),
        (errno.EPERM, "permission denied", "không có quyền truy cập"),
        (errno.ENOSPC, "the disk is full", "ổ đĩa đã đầy"),
        (errno.EADDRINUSE, "the port is already in use", "cổng này đang được dùng"),
    ],
)
def test_the_machines_reasons_in_words(number: int, en: str, vi: str) -> None:
    exc = OSError(number, os.strerror(number), "x.csv")
    assert os_reason(exc).render("en").startswith(en)
    said = os_reason(exc).render("vi")
    assert said.startswith(vi) and os.strerror(number) not in said


def test_a_reason_without_words_of_its_own_is_named() -> None:
    exc = OSError(errno.ENOTEMPTY, os.strerror(errno.ENOTEMPTY))
    assert os_reason(exc).render("vi") == f"lỗi hệ thống ENOTEMPTY ({os.strerror(errno.ENOTEMPTY)})"
    assert os_reason(socket.gaierror(socket.EAI_NONAME, "Name or service not known")).render("vi") == (
        "không tìm thấy tên máy này"
    )


def test_files_refused_by_the_machine_in_vietnamese(
    center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "hs.csv"
    folder.mkdir()
    err = center.fails("import", str(folder), lang="vi")
    assert err == f"Lỗi: không dùng được {folder}: đây là thư mục, không phải tệp\n"
    err = center.fails("export", str(tmp_path / "chua-co" / "hs.csv"), lang="vi")
    assert err.endswith(": không có tệp hoặc thư mục này\n"), err
    import tempfile

    def refused(*args: Any, **kw: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    err = center.fails("export", str(tmp_path / "hs.csv"), lang="vi")
    assert err == f"Lỗi: không ghi được {tmp_path / 'hs.csv'}: không có quyền truy cập\n"
    assert "permission denied" in center.fails("export", str(tmp_path / "hs.csv"), lang="en")


def test_a_full_disk_in_vietnamese(center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: Any, **kw: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    err = center.fails("export", str(tmp_path / "hs.csv"), lang="vi")
    assert err.endswith(": ổ đĩa đã đầy\n") and "No space" not in err


def test_config_show_heads_every_column_in_the_readers_language(center: Cli) -> None:
    vi = center.ok("config", "show", lang="vi", env={"COLUMNS": "100"}).stdout
    assert "Thiết lập" in vi and "Giá trị" in vi and "Ý nghĩa" in vi and "Meaning" not in vi
    assert "Meaning" in center.ok("config", "show", env={"COLUMNS": "100"}).stdout
