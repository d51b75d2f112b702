"""CLI: the clerk's day — catalog, registers, receiving, the life cycle, look-ups, the
worklist, corrections — with every refusal proved to write nothing."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli

KEYS = {
    "code",
    "procedure",
    "field",
    "applicant",
    "channel",
    "point",
    "officer",
    "status",
    "received_at",
    "due_date",
    "due_at",
    "resolved_at",
    "outcome",
    "returned_at",
    "withdrawn_at",
    "timeliness",
    "limit",
}


def receive(cli: Cli, *args: str, at: str = "2025-09-08 09:00", late: bool = False) -> dict[str, Any]:
    """Received at ``at``; ``late``: entered later than the decree's clerk would (--late-entry)."""
    out = cli.ok("receive", *args, "--at", at, *(["--late-entry"] if late else []), "--json").stdout
    data: dict[str, Any] = json.loads(out)
    return data


def show(cli: Cli, code: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(cli.ok("show", code, "--json").stdout)
    return data


# -- the catalog -------------------------------------------------------------------------------------
def test_init_installs_the_starter_catalog(center: Cli) -> None:
    codes = {p["code"]: p for p in json.loads(center.ok("procedure", "list", "--json").stdout)}
    assert set(codes) == {"1.001193", "1.000894", "1.000656", "2.000815", "2.000884"}
    assert codes["1.001193"]["name"] == "Đăng ký khai sinh" and codes["1.001193"]["limit"] == "same-day"


def test_init_without_catalog(cli: Cli) -> None:
    cli.ok("init", "--no-catalog")
    assert json.loads(cli.ok("procedure", "list", "--json").stdout) == []


def test_procedure_add_show_edit_and_alias(center: Cli) -> None:
    center.ok(
        "procedure",
        "add",
        "1.004873",
        "--name",
        "Cấp giấy xác nhận tình trạng hôn nhân",
        "--field",
        "Hộ tịch",
        "--limit",
        "3 ngày làm việc",
        "--alias",
        "xnhn",
        "--fee",
        "15.000",
    )
    shown = json.loads(center.ok("procedure", "show", "XNHN", "--json").stdout)
    assert shown == {
        "code": "1.004873",
        "name": "Cấp giấy xác nhận tình trạng hôn nhân",
        "field": "Hộ tịch",
        "limit": "3wd",
        "alias": "xnhn",
        "fee": 15000,
        "e_result": False,
    }
    d = receive(center, "xnhn", "--applicant", "Lê Văn C")
    center.ok("procedure", "edit", "1.004873", "--limit", "5wd")
    assert json.loads(center.ok("procedure", "show", "1.004873", "--json").stdout)["limit"] == "5wd"
    assert show(center, d["code"])["due_date"] == d["due_date"] == "2025-09-11"  # issued dates never move


NEW_PROC = ["procedure", "add", "9.000001", "--name", "X", "--field", "Y", "--limit", "1wd"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["procedure", "add", "1.001193", "--name", "X", "--field", "Y", "--limit", "1wd"], "already exists"),
        ([*NEW_PROC[:-1], "1 tuần"], "'1 tuần'"),
        (
            ["procedure", "add", "9.000001", "--name", " ", "--field", "Y", "--limit", "1wd"],
            "name must not be empty",
        ),
        ([*NEW_PROC, "--alias", "ks"], "'ks'"),
        ([*NEW_PROC, "--fee", "free"], "'free'"),
        (["procedure", "add", "bad code", *NEW_PROC[3:]], "'bad code'"),
        (["procedure", "show", "9.999999"], "'9.999999'"),
        (["procedure", "edit", "1.001193"], "nothing to change"),
        (["procedure", "edit", "1.001193", "--limit", "0h"], "'0h'"),
    ],
)
def test_procedure_refusals(center: Cli, args: list[str], needle: str) -> None:
    assert needle in center.fails(*args)


def test_procedure_import_csv_semicolon_with_vietnamese_headers(center: Cli, tmp_path: Path) -> None:
    f = tmp_path / "catalog.csv"
    f.write_text(
        "Mã TTHC;Tên thủ tục;Lĩnh vực;Thời hạn;Viết tắt;Ghi chú\n"
        "1.004227;Cấp phép xây dựng;Xây dựng;15 ngày;xd;x\n"
        "1.001193;Đăng ký khai sinh;Hộ tịch;same-day;ks;\n",
        encoding="utf-8-sig",
    )
    result = center.ok("procedure", "import", str(f))
    assert "1 added, 1 updated" in result.stdout
    assert "Ghi chú" in result.stderr  # unknown column warned about
    assert json.loads(center.ok("procedure", "show", "xd", "--json").stdout)["limit"] == "15d"


def test_procedure_import_xlsx_with_a_bad_row_writes_nothing(center: Cli, tmp_path: Path) -> None:
    import openpyxl

    f = tmp_path / "catalog.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["code", "name", "field", "limit"],
        ["1.004227", "Cấp phép xây dựng", "Xây dựng", "15d"],
        ["1.000001", "Thủ tục lỗi", "Đất đai", "15 weeks"],
        ["1.004227", "Lặp", "Xây dựng", "1wd"],
    ):
        sheet.append(row)
    book.save(f)
    err = center.fails("procedure", "import", str(f))
    assert err.startswith(f"Error: 2 bad rows in {f}")
    assert "row 3: bad time limit '15 weeks'" in err
    assert "row 4: code 1.004227 repeats row 2" in err


# -- officers and points --------------------------------------------------------------------------
def test_names_match_without_regard_to_case(center: Cli) -> None:
    assert "already registered" in center.fails("officer", "add", "LAN")
    assert "already registered" in center.fails("officer", "add", "đức")
    d = receive(center, "ks", "--applicant", "A", "--officer", "lan", "--point", "điểm 2")
    assert (d["officer"], d["point"]) == ("Lan", "Điểm 2")
    # listed as a Vietnamese reader looks for them: Đức among the D's
    assert [o["name"] for o in json.loads(center.ok("officer", "list", "--json").stdout)] == [
        "Đức",
        "Lan",
        "Minh",
    ]


def test_unknown_officer_lists_the_known_ones(center: Cli) -> None:
    err = center.fails("receive", "ks", "--applicant", "A", "--officer", "Hùng", "--at", "2025-09-08 09:00")
    assert "'Hùng'" in err and "Lan" in err and "Minh" in err


# -- receiving -----------------------------------------------------------------------------------------
def test_generated_codes_follow_the_circular_and_never_repeat(center: Cli) -> None:
    a = receive(center, "ks", "--applicant", "Nguyễn Văn An")
    b = receive(center, "kt", "--applicant", "Trần Thị Bình")
    c = receive(center, "ks", "--applicant", "C", at="2025-09-05 10:00")  # back-dated: that day's next number
    assert (a["code"], b["code"], c["code"]) == (
        "000.00.20.H56-250908-0001",
        "000.00.20.H56-250908-0002",
        "000.00.20.H56-250905-0001",
    )
    center.ok("undo", b["code"], "--reason", "ghi nhầm")
    d = receive(center, "ks", "--applicant", "D")
    assert d["code"] == "000.00.20.H56-250908-0003"
    assert "already used" in center.fails(
        "receive", "ks", "--applicant", "E", "--code", b["code"], "--at", "2025-09-08 10:00"
    )


def test_a_point_with_its_own_unit_code_numbers_alone(center: Cli) -> None:
    center.ok("point", "add", "Điểm Bưu điện", "--prefix", "000.00.21.H56")
    d = receive(center, "ks", "--applicant", "A", "--point", "điểm bưu điện")
    assert d["code"] == "000.00.21.H56-250908-0001"


def test_receive_json_has_the_contract_keys(center: Cli) -> None:
    d = receive(
        center,
        "ks",
        "--applicant",
        "Nguyễn Văn An",
        "--channel",
        "online",
        "--id-number",
        "001085012345",
        "--phone",
        "0912 345 678",
        "--officer",
        "Lan",
        "--point",
        "Điểm 1",
    )
    assert set(d) >= KEYS
    assert d["status"] == "processing" and d["channel"] == "online"
    assert d["due_at"] == "2025-09-08T17:00:00" and d["id_number"] == "••••••••2345"
    assert (
        json.loads(center.ok("show", d["code"], "--json", "--show-id").stdout)["id_number"] == "001085012345"
    )


def test_receive_prints_one_compact_confirmation(center: Cli) -> None:
    out = center.ok("receive", "ks", "--applicant", "A", "--at", "2025-09-08 15:30").stdout
    assert (
        out.strip()
        == "Received 000.00.20.H56-250908-0001 · 1.001193 Đăng ký khai sinh · due Tue 09/09/2025 17:00"
    )
    out = center.ok("receive", "ks", "--applicant", "B", "--at", "2025-09-08 15:30", lang="vi").stdout
    assert "Đã tiếp nhận" in out and "hẹn trả Thứ Ba 09/09/2025 17:00" in out


def test_limit_override_is_audited(center: Cli) -> None:
    out = center.ok(
        "receive", "kh", "--applicant", "A", "--limit", "5wd", "--at", "2025-08-29 10:00", "--late-entry"
    ).stdout
    assert "5 working days instead of the catalog's same day" in out
    code = out.split()[1]
    assert show(center, code)["due_date"] == "2025-09-09"
    details = json.loads(
        sqlite3.connect(center.db)
        .execute("SELECT details FROM events WHERE dossier_code = ? AND step = 'receive'", (code,))
        .fetchone()[0]
    )
    assert details["limit_override"] == {"catalog": "same-day", "given": "5wd"}


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["receive", "9.999999", "--applicant", "A"], "'9.999999'"),
        (["receive", "ks", "--applicant", "   "], "applicant's name must not be empty"),
        (["receive", "ks", "--applicant", "A", "--at", "2025-09-10 16:05"], "in the future"),
        (["receive", "ks", "--applicant", "A", "--at", "13/13/2025"], "'13/13/2025'"),
        (["receive", "ks", "--applicant", "A", "--id-number", "12345"], "'12345'"),
        (["receive", "ks", "--applicant", "A", "--phone", "abc"], "'abc'"),
        (["receive", "ks", "--applicant", "A", "--limit", "-1wd"], "'-1wd'"),
        (["receive", "ks", "--applicant", "A", "--point", "Điểm 9"], "'Điểm 9'"),
        (["receive", "ks", "--applicant", "A", "--code", "x y"], "'x y'"),
    ],
)
def test_receive_refusals(center: Cli, args: list[str], needle: str) -> None:
    assert needle in center.fails(*args)


def test_bad_channel_is_a_usage_error(center: Cli) -> None:
    center.fails("receive", "ks", "--applicant", "A", "--channel", "fax", code=2)


def test_receive_needs_an_initialised_database(cli: Cli) -> None:
    assert "tthc init" in cli.fails("receive", "ks", "--applicant", "A")


# -- the life cycle --------------------------------------------------------------------------------
def test_a_full_day_of_one_dossier(center: Cli) -> None:
    d = receive(
        center,
        "2.000884",
        "--applicant",
        "Trần Thị B",
        "--limit",
        "5wd",
        "--officer",
        "Lan",
        at="2025-08-25 09:00",
        late=True,
    )
    code = d["code"]
    assert d["due_date"] == "2025-09-03"
    center.ok(
        "handover", code, "--to", "đức", "--at", "2025-08-25 10:00", "--note", "xác minh", "--late-entry"
    )
    assert show(center, code)["officer"] == "Đức"
    center.ok("supplement", code, "--at", "2025-08-27 10:00", "--reason", "thiếu CCCD", "--late-entry")
    paused = show(center, code)
    assert paused["status"] == "paused" and paused["due_date"] is None
    out = center.ok("resume", code, "--at", "2025-09-04 09:00").stdout
    assert "due Thu 11/09/2025 17:00" in out  # restart: the whole 5wd again
    center.ok(
        "apologize", code, "--new-date", "2025-09-15", "--reason", "chờ xác minh", "--at", "2025-09-09 10:00"
    )
    center.ok("resolve", code, "--at", "2025-09-10 10:00")
    center.ok("return", code, "--at", "2025-09-10 15:00")
    final = show(center, code)
    assert final["status"] == "returned" and final["timeliness"] == "early" and final["outcome"] == "approved"
    assert final["due_date"] == "2025-09-11"  # the apology never moves the judged due date
    assert final["apology"]["new_date"] == "2025-09-15"
    events = json.loads(center.ok("history", code, "--json").stdout)
    assert [e["step"] for e in events] == [
        "receive",
        "handover",
        "supplement",
        "resume",
        "apologize",
        "resolve",
        "return",
    ]
    assert events[1]["details"]["to"] == "Đức" and events[1]["actor"] == "clerk"
    assert (
        events[0]["happened_at"] == "2025-08-25T09:00:00"
        and events[0]["recorded_at"] == "2025-09-10T16:00:00"
    )
    assert "handover" in center.ok("history", code).stdout
    explained = center.ok("show", code).stdout
    assert "papers requested at 10:00: the clock stops" in explained
    assert "papers complete at 09:00: the whole time limit counts again" in explained
    assert "Thu 11/09/2025  due at 17:00" in explained


def test_freeze_policy_counts_the_days_left(center: Cli) -> None:
    center.ok("config", "set", "supplement_policy", "freeze")
    code = receive(
        center, "2.000884", "--applicant", "B", "--limit", "5wd", at="2025-08-25 09:00", late=True
    )["code"]
    center.ok("supplement", code, "--at", "2025-08-27 10:00", "--reason", "thiếu giấy tờ", "--late-entry")
    center.ok("resume", code, "--at", "2025-09-04 09:00")
    assert show(center, code)["due_date"] == "2025-09-09"


def test_late_and_rejected(center: Cli) -> None:
    code = receive(center, "ks", "--applicant", "A", at="2025-09-08 09:00")["code"]
    out = json.loads(
        center.ok("resolve", code, "--at", "2025-09-09 08:00", "--outcome", "rejected", "--json").stdout
    )
    assert out["timeliness"] == "late" and out["outcome"] == "rejected"


def test_withdraw_while_paused(center: Cli) -> None:
    code = receive(center, "ks", "--applicant", "A")["code"]
    center.ok("supplement", code, "--at", "2025-09-08 10:00", "--reason", "thiếu giấy tờ")
    center.ok("withdraw", code, "--at", "2025-09-09 10:00", "--reason", "không bổ sung")
    d = show(center, code)
    assert (
        d["status"] == "withdrawn" and d["timeliness"] is None and d["withdrawn_at"] == "2025-09-09T10:00:00"
    )


def test_apology_warns_when_issued_on_the_due_date(center: Cli) -> None:
    code = receive(center, "2.000884", "--applicant", "A", "--limit", "2wd", at="2025-09-08 09:00")["code"]
    result = center.ok(
        "apologize", code, "--new-date", "12/09/2025", "--reason", "quá tải", "--at", "2025-09-10 09:00"
    )
    assert "at least one working day before" in result.stderr
    assert "already has an apology" in center.fails(
        "apologize", code, "--new-date", "2025-09-15", "--reason", "x"
    )


@pytest.mark.parametrize(
    ("steps", "args", "needle"),
    [
        ([], ["resume", "{code}"], "it is processing"),
        ([], ["return", "{code}"], "it is processing"),
        (
            [],
            ["supplement", "{code}", "--at", "2025-09-08 08:00", "--reason", "CCCD"],
            "before the dossier's previous step",
        ),
        ([], ["resolve", "{code}", "--at", "2025-09-11 09:00"], "in the future"),
        ([], ["resolve", "{code}", "--outcome", "maybe"], ""),
        ([["resolve", "{code}", "--at", "2025-09-08 10:00"]], ["withdraw", "{code}"], "it is resolved"),
        ([["resolve", "{code}", "--at", "2025-09-08 10:00"]], ["resolve", "{code}"], "it is resolved"),
        (
            [["supplement", "{code}", "--at", "2025-09-08 10:00", "--reason", "CCCD"]],
            ["resolve", "{code}"],
            "it is waiting for papers",
        ),
        ([["withdraw", "{code}", "--at", "2025-09-08 10:00"]], ["resume", "{code}"], "it is withdrawn"),
        ([], ["handover", "{code}", "--to", "Ghost"], "'Ghost'"),
        (
            [],
            ["apologize", "{code}", "--new-date", "2025-09-08", "--reason", "x"],
            "must be after the due date",
        ),
        (
            [],
            ["apologize", "{code}", "--new-date", "2025-09-12", "--reason", " "],
            "reason must not be empty",
        ),
        ([], ["resolve", "NO-SUCH-CODE"], "'NO-SUCH-CODE'"),
        ([], ["edit", "{code}"], "nothing to change"),
        ([], ["edit", "{code}", "--phone", "12"], "'12'"),
    ],
)
def test_life_cycle_refusals(center: Cli, steps: list[list[str]], args: list[str], needle: str) -> None:
    code = receive(center, "ks", "--applicant", "A")["code"]
    for step in steps:
        center.ok(*[a.format(code=code) for a in step])
    usage = "--outcome" in args
    err = center.fails(*[a.format(code=code) for a in args], code=2 if usage else 1)
    assert needle in err


# -- look-ups and the worklist --------------------------------------------------------------------
@pytest.fixture()
def worklist(center: Cli) -> Cli:
    """Wed 10/9/2025 16:00: one overdue, one due today, one due Friday, one due later, one paused."""
    receive(
        center, "ks", "--applicant", "Nguyễn Văn An", "--phone", "0912345678", at="2025-09-08 09:00"
    )  # overdue
    receive(center, "ks", "--applicant", "Đặng Thị Đào", at="2025-09-10 09:00")  # due today
    receive(
        center,
        "2.000884",
        "--applicant",
        "Lê Minh",
        "--limit",
        "2wd",
        "--officer",
        "Minh",
        at="2025-09-10 09:00",
    )
    receive(
        center,
        "2.000884",
        "--applicant",
        "Phạm Hùng",
        "--limit",
        "10wd",
        "--channel",
        "online",
        at="2025-09-10 09:00",
    )
    paused = receive(center, "ks", "--applicant", "Võ Văn Tư", at="2025-09-10 09:30")["code"]
    center.ok("supplement", paused, "--at", "2025-09-10 10:00", "--reason", "thiếu giấy tờ")
    return center


def names(cli: Cli, *args: str) -> list[str]:
    return [d["applicant"] for d in json.loads(cli.ok("list", *args, "--json").stdout)]


def test_the_morning_view(worklist: Cli) -> None:
    assert names(worklist) == ["Nguyễn Văn An", "Đặng Thị Đào", "Lê Minh", "Võ Văn Tư"]
    out = worklist.ok("list").stdout
    assert "Overdue (1)" in out and "Due today (1)" in out and "Waiting for papers (1)" in out


def test_list_filters(worklist: Cli) -> None:
    assert names(worklist, "--overdue") == ["Nguyễn Văn An"]
    assert names(worklist, "--status", "paused") == ["Võ Văn Tư"]
    assert names(worklist, "--channel", "online") == ["Phạm Hùng"]
    assert names(worklist, "--officer", "MINH") == ["Lê Minh"]
    assert names(worklist, "--due-within", "0") == ["Nguyễn Văn An", "Đặng Thị Đào"]
    assert names(worklist, "--procedure", "2.000884") == ["Lê Minh", "Phạm Hùng"]
    assert names(worklist, "--received-from", "2025-09-10", "--limit", "2") == ["Đặng Thị Đào", "Lê Minh"]
    assert names(worklist, "--due-from", "2025-09-11", "--due-to", "30/9/2025") == ["Lê Minh", "Phạm Hùng"]
    assert names(worklist, "--field", "chứng thực") == ["Lê Minh", "Phạm Hùng"]


def test_search_ignores_diacritics_and_case(worklist: Cli) -> None:
    assert names(worklist, "--search", "nguyen van an") == ["Nguyễn Văn An"]
    assert names(worklist, "--search", "DANG THI DAO") == ["Đặng Thị Đào"]
    assert names(worklist, "--search", "0912345") == ["Nguyễn Văn An"]
    assert names(worklist, "--search", "250910") == ["Đặng Thị Đào", "Lê Minh", "Phạm Hùng", "Võ Văn Tư"]


@pytest.mark.parametrize(
    ("args", "needle", "code"),
    [
        (["--officer", "Ghost"], "'Ghost'", 1),
        (["--due-from", "2025-02-30"], "'2025-02-30'", 1),
        (["--limit", "0"], "--limit", 1),
        (["--status", "lost"], "", 2),
        (["--procedure", "zz"], "'zz'", 1),
    ],
)
def test_list_refusals(worklist: Cli, args: list[str], needle: str, code: int) -> None:
    assert needle in worklist.fails("list", *args, code=code)


def test_show_explains_and_lists_the_timeline(worklist: Cli) -> None:
    out = worklist.ok("show", "000.00.20.H56-250908-0001").stdout
    assert "Nguyễn Văn An" in out and "received before the cut-off" in out and "Timeline" in out
    out = worklist.ok("show", "000.00.20.H56-250908-0001", lang="vi").stdout
    assert "Người nộp" in out and "đang giải quyết" in out


# -- corrections and the audit trail --------------------------------------------------------------------
def test_edit_and_undo_are_audited(center: Cli) -> None:
    code = receive(center, "ks", "--applicant", "Nguyen Van A")["code"]
    center.ok(
        "edit",
        code,
        "--applicant",
        "Nguyễn Văn Á",
        "--officer",
        "lan",
        "--id-number",
        "001085012345",
        user="lan",
    )
    assert names_of(center, "nguyen van a") == [code]
    center.ok("resolve", code, "--at", "2025-09-08 10:00")
    center.ok("return", code, "--at", "2025-09-08 11:00")
    assert "return undone" in center.ok("undo", code, "--reason", "ghi nhầm").stdout
    assert "resolve undone" in center.ok("undo", code, "--reason", "ghi nhầm").stdout
    d = show(center, code)
    assert d["status"] == "processing" and d["resolved_at"] is None and d["timeliness"] is None
    assert d["applicant"] == "Nguyễn Văn Á"
    with closing(sqlite3.connect(center.db)) as conn:  # closed now, not when collected mid-command
        rows = conn.execute(
            "SELECT step, actor, undoes FROM events WHERE dossier_code = ? ORDER BY id", (code,)
        ).fetchall()
    assert [r[0] for r in rows] == ["receive", "edit", "resolve", "return", "undo", "undo"]
    assert rows[1][1] == "lan" and rows[0][1] == "clerk"
    history = center.ok("history", code).stdout
    assert "return ✗" in history and "resolve ✗" in history and "edit ✗" not in history
    center.ok("undo", code, "--reason", "ghi nhầm")
    assert "'" + code + "'" in center.fails("show", code)
    assert "nothing" in center.fails("undo", code, "--reason", "ghi nhầm") or "unknown" in center.fails(
        "undo", code, "--reason", "ghi nhầm"
    )


def names_of(cli: Cli, query: str) -> list[str]:
    return [d["code"] for d in json.loads(cli.ok("list", "--search", query, "--json").stdout)]


def test_undo_of_a_resume_pauses_again(center: Cli) -> None:
    code = receive(center, "ks", "--applicant", "A")["code"]
    center.ok("supplement", code, "--at", "2025-09-08 10:00", "--reason", "thiếu giấy tờ")
    center.ok("resume", code, "--at", "2025-09-09 10:00")
    center.ok("undo", code, "--reason", "ghi nhầm")
    assert show(center, code)["status"] == "paused"
    center.ok("undo", code, "--reason", "ghi nhầm")
    d = show(center, code)
    assert d["status"] == "processing" and d["due_date"] == "2025-09-08"


def test_events_are_append_only_in_the_database(center: Cli) -> None:
    conn = sqlite3.connect(center.db)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE events SET actor = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM events")


def test_a_calendar_change_recomputes_open_dossiers_with_an_audit_entry(center: Cli) -> None:
    open_code = receive(center, "2.000884", "--applicant", "A", "--limit", "3wd", at="2025-09-03 09:00")[
        "code"
    ]
    done_code = receive(center, "2.000884", "--applicant", "B", "--limit", "3wd", at="2025-09-03 09:00")[
        "code"
    ]
    center.ok("resolve", done_code, "--at", "2025-09-04 09:00")
    assert show(center, open_code)["due_date"] == "2025-09-08"
    out = center.ok("calendar", "add-holiday", "2025-09-05", "--name", "Lễ hội xã").stdout
    assert "1 open dossier(s) got a new due date" in out
    assert show(center, open_code)["due_date"] == "2025-09-09"
    assert show(center, done_code)["due_date"] == "2025-09-08"
    row = (
        sqlite3.connect(center.db)
        .execute("SELECT details FROM events WHERE dossier_code = ? AND step = 'due.recompute'", (open_code,))
        .fetchone()
    )
    assert json.loads(row[0])["before"] == "2025-09-08T17:00:00"
    assert json.loads(row[0])["after"] == "2025-09-09T17:00:00"


def test_worklist_rows_are_coloured_by_urgency(cal: Any) -> None:
    from dataclasses import replace
    from datetime import date, datetime

    from tthc.app.dossiers import urgency
    from tthc.core import transitions
    from tthc.core.models import Dossier
    from tthc.core.timelimit import parse_limit
    from tthc.present.render import URGENCY_STYLE

    now = datetime(2025, 9, 10, 16, 0)
    soon = date(2025, 9, 12)

    def d(received: datetime, *steps: transitions.Step) -> Dossier:
        life = transitions.receive(cal, "X", parse_limit("1wd"), received)
        for step in steps:
            life = transitions.apply(cal, life, step)
        return Dossier(
            "X", "1.001193", "", "Hộ tịch", "A", None, None, None, None, "direct", None, False, life
        )

    cases = {
        "overdue": d(datetime(2025, 9, 8, 9)),  # due Tue 9/9
        "today": d(datetime(2025, 9, 9, 9)),  # due Wed 10/9
        "soon": d(datetime(2025, 9, 11, 9)),  # due Fri 12/9
        "open": d(
            datetime(2025, 9, 10, 9),
            transitions.Supplement(datetime(2025, 9, 10, 10), "restart"),
            transitions.Resume(datetime(2025, 9, 10, 11)),
        ),
        "paused": d(datetime(2025, 9, 8, 9), transitions.Supplement(datetime(2025, 9, 8, 10), "restart")),
        "done": d(datetime(2025, 9, 8, 9), transitions.Resolve(datetime(2025, 9, 10, 9))),
    }
    cases["open"] = replace(
        cases["open"], life=transitions.receive(cal, "X", parse_limit("10wd"), datetime(2025, 9, 10, 9))
    )
    for expected, dossier in cases.items():
        assert urgency(dossier, now, soon) == expected, expected
        assert expected in URGENCY_STYLE
    assert URGENCY_STYLE["overdue"] != URGENCY_STYLE["today"] != URGENCY_STYLE["soon"]


def test_a_receipt_due_in_an_unconfirmed_year_says_so(center: Cli) -> None:
    out = center.ok(
        "receive",
        "2.000884",
        "--applicant",
        "A",
        "--limit",
        "10wd",
        "--at",
        "2026-12-28 09:00",
        now="2026-12-28 10:00",
    ).stdout
    assert "provisional: holidays of 2027" in out


def test_more_than_9999_receipts_in_a_day_is_refused(center: Cli) -> None:
    import sqlite3

    with sqlite3.connect(center.db) as conn:
        conn.execute(
            "INSERT INTO code_sequences (prefix, day, last) VALUES ('000.00.20.H56', '250908', 9999)"
        )
    err = center.fails("receive", "ks", "--applicant", "A", "--at", "2025-09-08 09:00")
    assert "more than 9999 dossiers on 08/09/2025" in err
    assert (
        "000.00.20.H56-250908-X1"
        in center.ok(
            "receive",
            "ks",
            "--applicant",
            "A",
            "--at",
            "2025-09-08 09:00",
            "--code",
            "000.00.20.H56-250908-X1",
        ).stdout
    )


def test_a_unit_code_is_for_points_only(center: Cli) -> None:
    center.fails("officer", "add", "Hà", "--prefix", "000.1", code=2)  # not offered, not taken
    assert "'bad prefix'" in center.fails("point", "add", "Điểm 3", "--prefix", "bad prefix")
