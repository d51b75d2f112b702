"""A step's ``--reason`` is the clerk's word on why, and it is kept with the step whether or
not the time was corrected: ``history`` and ``show`` say it, and the refusal slip (form 03)
prints it, or the resolve's note when no reason was given."""

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli


def receive(center: Cli, *args: str, at: str) -> str:
    code: str = json.loads(center.ok("receive", *args, "--at", at, "--json").stdout)["code"]
    return code


def events(center: Cli, code: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(center.ok("history", code, "--json").stdout)
    return found


def test_every_step_of_a_marriage_registration_keeps_its_reason(center: Cli) -> None:
    """Marriage registration needing verification (5 working days), received Monday 8/9/2025:
    each step is typed with a reason, none with --correct-time."""
    code = receive(
        center,
        "kh",
        "--applicant",
        "Lê Thị Bình",
        "--limit",
        "5wd",
        "--officer",
        "Lan",
        "--reason",
        "cần xác minh tình trạng hôn nhân",
        at="2025-09-08 09:00",
    )
    for argv in (
        ["handover", code, "--to", "Đức", "--at", "2025-09-08 10:00", "--reason", "Lan nghỉ phép"],
        ["supplement", code, "--at", "2025-09-08 10:30", "--reason", "thiếu giấy xác nhận"],
        ["resume", code, "--at", "2025-09-09 08:00", "--reason", "đã nộp bản chính"],
        ["resolve", code, "--at", "2025-09-09 15:00", "--reason", "đủ điều kiện"],
        ["return", code, "--at", "2025-09-10 09:00", "--reason", "người nộp ủy quyền cho mẹ"],
        ["edit", code, "--phone", "0912 345 678", "--reason", "người nộp đổi số"],
    ):
        center.ok(*argv)
    said = {e["step"]: e["details"].get("reason") for e in events(center, code)}
    assert said == {
        "receive": "cần xác minh tình trạng hôn nhân",
        "handover": "Lan nghỉ phép",
        "supplement": "thiếu giấy xác nhận",
        "resume": "đã nộp bản chính",
        "resolve": "đủ điều kiện",
        "return": "người nộp ủy quyền cho mẹ",
        "edit": "người nộp đổi số",
    }
    history = center.ok("history", code).stdout
    shown = center.ok("show", code).stdout
    for reason in said.values():
        assert f"reason: {reason}" in history
        assert f"reason: {reason}" in shown
    assert "lý do: Lan nghỉ phép" in center.ok("history", code, lang="vi").stdout


def test_a_withdrawal_and_an_apology_keep_theirs(center: Cli) -> None:
    withdrawn = receive(center, "ks", "--applicant", "A", at="2025-09-08 09:00")
    center.ok("withdraw", withdrawn, "--at", "2025-09-08 10:00", "--reason", "nộp nhầm thủ tục")
    apologized = receive(center, "ctck", "--applicant", "B", "--limit", "2wd", at="2025-09-08 09:00")
    center.ok(
        "apologize", apologized, "--new-date", "15/09/2025", "--reason", "quá tải", "--at", "2025-09-08 11:00"
    )
    assert "reason: nộp nhầm thủ tục" in center.ok("history", withdrawn).stdout
    assert "reason: quá tải" in center.ok("history", apologized).stdout


def test_a_step_without_a_reason_stores_none(center: Cli) -> None:
    code = receive(center, "ks", "--applicant", "A", at="2025-09-08 09:00")
    center.ok("resolve", code, "--at", "2025-09-08 11:00")
    assert all("reason" not in e["details"] for e in events(center, code))
    assert "reason:" not in center.ok("history", code).stdout


def test_a_corrected_step_keeps_its_reason_too(center: Cli) -> None:
    """The resolve of Tuesday 9/9 is undone and typed again for Monday 8/9: the reason both
    explains the correction and stays the step's own."""
    code = receive(center, "ks", "--applicant", "A", at="2025-09-08 09:00")
    center.ok("resolve", code, "--at", "2025-09-09 09:00")
    center.ok("undo", code, "--reason", "gõ nhầm ngày", "--yes")
    center.ok(
        "resolve", code, "--at", "2025-09-08 16:00", "--correct-time", "--reason", "giải quyết ngày 8/9"
    )
    last = events(center, code)[-1]
    assert last["details"]["reason"] == "giải quyết ngày 8/9"
    assert last["details"]["correction"]["reason"] == "giải quyết ngày 8/9"
    assert "reason: giải quyết ngày 8/9" in center.ok("history", code).stdout


@pytest.mark.parametrize(
    ("given", "printed"),
    [
        (["--reason", "người mẹ cư trú ngoài xã"], "người mẹ cư trú ngoài xã"),
        (["--note", "thiếu giấy chứng sinh"], "thiếu giấy chứng sinh"),
        (["--note", "ghi chú nội bộ", "--reason", "người mẹ cư trú ngoài xã"], "người mẹ cư trú ngoài xã"),
    ],
    ids=["reason", "note when no reason", "reason over note"],
)
def test_the_refusal_slip_prints_the_reason_else_the_note(
    center: Cli, tmp_path: Path, given: list[str], printed: str
) -> None:
    """A birth registration refused on Thursday 4/9/2025, the reason typed one way or another."""
    code = receive(center, "ks", "--applicant", "Phạm Thị Dung", at="2025-09-04 10:00")
    center.ok("resolve", code, "--at", "2025-09-04 14:00", "--outcome", "rejected", *given)
    slip = center.ok("slip", code, "03", lang="vi").stdout
    assert printed in slip
    assert "ghi chú nội bộ" not in slip
    sheet = tmp_path / "05.html"
    center.ok("slip", code, "05", "--html", str(sheet), lang="vi")
    assert printed in sheet.read_text(encoding="utf-8")  # the control sheet's note column


def test_a_refusal_without_reason_or_note_leaves_the_line_to_fill_in(center: Cli) -> None:
    code = receive(center, "ks", "--applicant", "Phạm Thị Dung", at="2025-09-04 10:00")
    center.ok("resolve", code, "--at", "2025-09-04 14:00", "--outcome", "rejected")
    assert "……………………" in center.ok("slip", code, "03").stdout
