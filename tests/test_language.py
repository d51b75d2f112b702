"""Vietnamese throughout: help pages (their placeholders and brackets too), Click's own usage
errors, the undo question, the machine's refusals, the error prefix, setting descriptions —
and English stays complete."""

import errno
import os
import re
import socket
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.main

from tests.conftest import Cli, catalog_messages
from tthc.cli.help import confirm, localize
from tthc.cli.main import app
from tthc.core.errors import os_reason
from tthc.core.settings import SETTING_WORDS, SETTINGS

MESSAGES = catalog_messages()


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
    english = {en for en, _ in MESSAGES.values()}
    untranslated = [text for text in help_texts("en") if text not in english]
    assert not untranslated, untranslated
    still_english = [text for text in help_texts("vi") if text in english and text not in {"Print JSON."}]
    assert not still_english, still_english


def test_the_receive_help_page_in_vietnamese(cli: Cli) -> None:
    out = cli.ok("--lang", "vi", "receive", "--help").stdout
    for words in (
        "Cách dùng: tthc receive",
        "Tùy chọn:",
        "Đối số:",
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
    assert (
        "Lỗi: Giá trị không hợp lệ cho '--channel': 'fax' không thuộc 'trực tiếp', 'trực tuyến', 'bưu chính'."
        in err
    )


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
    assert set(SETTING_WORDS) == set(SETTINGS)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "Đã thêm 1.004873 Xác nhận tình trạng hôn nhân (3 ngày làm việc)"),
        ("en", "Added 1.004873 Xác nhận tình trạng hôn nhân (3 working days)"),
    ],
)
def test_a_procedure_added_says_its_time_limit_in_words(center: Cli, lang: str, said: str) -> None:
    add = ["procedure", "add", "1.004873", "--name", "Xác nhận tình trạng hôn nhân", "--field", "Hộ tịch"]
    assert center.ok(*add, "--limit", "3wd", lang=lang).stdout == said + "\n"


# -- every help page, Click's own words and the machine's refusals ------------------------------
#: What Click and Typer write in English on a help page: placeholders, brackets, headings.
ENGLISH_ON_A_HELP_PAGE = (
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Show this message",
    "[OPTIONS]",
    "COMMAND",
    "[ARGS]",
    "required]",
    "default:",
    "env var",
    "<str>",
    "<int",
    "<path>",
    "<boolean>",
    "TEXT",
    "INTEGER",
    "PATH",
    "x<=",
)


def command_paths() -> list[tuple[list[str], list[str]]]:
    """Every command of the tree the suite reuses, with the English placeholders of its
    arguments (``CODE``, ``FILE`` …)."""
    import typer.testing

    root = typer.testing._get_command(app)  # type: ignore[attr-defined]
    localize(root, "en")
    found: list[tuple[list[str], list[str]]] = []

    def walk(cmd: Any, path: list[str]) -> None:
        args = [p.metavar or p.name.upper() for p in cmd.params if p.param_type_name == "argument"]
        found.append((path, args))
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, [*path, name])

    walk(root, [])
    return found


def test_every_help_page_in_vietnamese_has_no_english_of_click(cli: Cli) -> None:
    paths = command_paths()
    assert len(paths) > 40
    for path, args in paths:
        out = cli.ok("--lang", "vi", *path, "--help").stdout
        assert out.startswith(f"Cách dùng: {' '.join(['tthc', *path])} [TÙY CHỌN]"), out
        leaks = [marker for marker in ENGLISH_ON_A_HELP_PAGE if marker in out]
        leaks += [arg for arg in args if re.search(rf"(?<![\w|]){re.escape(arg)}(?![\w|])", out)]
        leaks += [line for line in out.splitlines()[1:] if line.endswith("...")]  # a help cut short
        assert not leaks, (path, leaks, out)
        if args:
            assert "Đối số:" in out, path
    english = cli.ok("receive", "--help").stdout  # the tree put back in English after all that
    assert "Usage: tthc receive [OPTIONS] {PROCEDURE|ALIAS}" in english and "[required]" in english
    assert "TÙY CHỌN" not in english and "bắt buộc" not in english


def test_click_brackets_and_placeholders_in_vietnamese(cli: Cli) -> None:
    serve = cli.ok("--lang", "vi", "serve", "--help").stdout
    assert "--port <số>" in serve and "[mặc định: 8080; từ 1 đến 65535]" in " ".join(serve.split())
    top = cli.ok("--lang", "vi", "--help").stdout
    assert "Cách dùng: tthc [TÙY CHỌN] LỆNH [ĐỐI SỐ]..." in top and "--db <tệp>" in top
    assert "--user <văn bản>" in top
    receive = " ".join(cli.ok("--lang", "vi", "receive", "--help").stdout.split())
    assert "{THỦ_TỤC|TÊN_TẮT}" in receive and "[bắt buộc]" in receive and "[mặc định: trực tiếp]" in receive
    init = " ".join(cli.ok("--lang", "vi", "init", "--help").stdout.split())
    assert "[mặc định: --catalog]" in init
    # a group lists each command's first paragraph whole
    assert "sẽ thay đổi gì." in " ".join(top.split())


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (["list", "--limit", "abc"], "'abc' không phải số nguyên.", "'abc' is not a valid int"),
        (
            ["calendar", "show", "--year", "3000"],
            "3000 nằm ngoài khoảng từ 1990 đến 2100.",
            "not in the range",
        ),
        (["serve", "--port", "0"], "0 nằm ngoài khoảng từ 1 đến 65535.", "not in the range"),
        (["show", "A", "B"], "Lỗi: Thừa đối số (B)", "Got unexpected extra argument(s) (B)"),
        (["show"], "Lỗi: Thiếu đối số 'MÃ'.", "Missing argument 'CODE'."),
        (["config", "set", "lang"], "Lỗi: Thiếu đối số 'GIÁ_TRỊ'.", "Missing argument 'VALUE'."),
        (["import"], "Lỗi: Thiếu đối số 'TỆP'.", "Missing argument 'FILE'."),
        (["list", "--overdue=1"], "Tùy chọn '--overdue' không nhận giá trị.", "does not take a value"),
    ],
)
def test_usage_errors_in_vietnamese(center: Cli, args: list[str], vi: str, en: str) -> None:
    err = center.fails(*args, code=2, lang="vi")
    assert vi in err, err
    for english in ("Usage", "Try ", "Error", "Got ", "is not", "Missing", "Invalid", "does not", "x<="):
        assert english not in err, (english, err)
    assert en in center.fails(*args, code=2, lang="en")


def test_a_missing_argument_is_not_called_an_option(center: Cli) -> None:
    assert "Thiếu đối số 'MÃ'." in center.fails("history", code=2, lang="vi")
    assert "Thiếu tùy chọn '--reason'." in center.fails("undo", "X", code=2, lang="vi")


# -- the yes/no question ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("answer", "yes"),
    [("c", True), ("có", True), ("Có", True), ("co\u0301", True), ("y", True), ("yes", True),
     ("k", False), ("không", False), ("KHÔNG", False), ("n", False), ("no", False), ("", False)],
)  # fmt: skip
def test_the_question_takes_vietnamese_and_english_answers(answer: str, yes: bool) -> None:
    asked: list[str] = []
    assert confirm("vi", "Hoàn tác bước này?", ask=lambda q: asked.append(q) or answer) is yes
    assert asked == ["Hoàn tác bước này? [c/K]: "]


def test_the_question_asks_again_in_words_then_cancels_at_the_end_of_input(
    capsys: pytest.CaptureFixture[str],
) -> None:
    answers = iter(["ok", "có"])
    assert confirm("vi", "Hoàn tác bước này?", ask=lambda q: next(answers)) is True
    assert capsys.readouterr().err == "Hãy trả lời c (có) hoặc k (không).\n"
    asked: list[str] = []
    assert confirm("en", "Revert it?", ask=lambda q: asked.append(q) or "n") is False
    assert asked == ["Revert it? [y/N]: "]

    def end(question: str) -> str:
        raise EOFError

    with pytest.raises(typer.Abort):
        confirm("vi", "Hoàn tác bước này?", ask=end)


def test_undo_asks_in_vietnamese_at_a_terminal(center: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tthc.cli.group.can_ask", lambda: True)
    center.ok("receive", "ks", "--applicant", "A", "--at", "2025-09-08 09:00")
    code = "000.00.20.H56-250908-0001"
    center.ok("resolve", code, "--at", "2025-09-08 11:00")
    before = center.fingerprint()
    no = center("undo", code, "--reason", "thử", lang="vi", input="k\n")
    assert no.exit_code == 1 and "Đã hủy!" in no.stderr and "Hoàn tác bước này? [c/K]:" in no.stdout
    assert "[y/N]" not in no.stdout and center.fingerprint() == before
    yes = center("undo", code, "--reason", "thử", lang="vi", input="có\n")
    assert yes.exit_code == 0, yes.stderr
    assert f"{code}: đã hoàn tác" in yes.stdout
    assert center.fingerprint() != before


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
