"""The duties of Decree 118/2025 a commune center can break, worked on real days of September
2025: the one supplement request and its 3 working days (Art. 11.2.c, 19.5), the close of a
dossier whose papers never came (Art. 19.5), the apology's day (Art. 19.6), the online
acceptance within 8 working hours (Art. 17.2.c), the paper dossier sent on within a working
day (Art. 20.1.a), the citizens to tell (Art. 19.6, 22.5), and a date typed month first."""

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import openpyxl

from tests.conftest import Cli
from tthc.storage.store import Store


def receive(cli: Cli, *args: str, at: str, now: str | None = None) -> dict[str, Any]:
    out = cli.ok("receive", "2.000884", "--applicant", "Lê Văn Cường", *args, "--at", at, "--json", now=now)
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def show(cli: Cli, code: str, now: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(cli.ok("show", code, "--json", now=now).stdout)
    return data


def breaches(cli: Cli, now: str, month: str = "2025-09") -> list[tuple[str, str]]:
    got = json.loads(cli.ok("late", "--month", month, "--json", now=now).stdout)["breaches"]
    return [(b["code"], b["kind"]) for b in got]


def sections(cli: Cli, now: str) -> str:
    return str(cli.ok("list", now=now).stdout)


# -- 1. restart is the law ------------------------------------------------------------------------
def test_restart_is_the_default_and_freeze_warns_naming_article_19_5(center: Cli) -> None:
    shown = json.loads(center.ok("config", "show", "--json").stdout)
    assert "restart" in json.dumps(shown)
    result = center("config", "set", "supplement_policy", "freeze")
    assert result.exit_code == 0 and "Art. 19.5" in result.stderr and "before it" in result.stderr
    vi = center("config", "set", "supplement_policy", "freeze", lang="vi")
    assert "Điều 19.5" in vi.stderr and "tính lại từ đầu" in vi.stderr
    assert "Art. 19.5" not in center("config", "set", "supplement_policy", "restart").stderr


# -- 2. one supplement request ---------------------------------------------------------------------
def test_a_second_request_is_refused_naming_article_11_2_c_and_recorded_with_again(center: Cli) -> None:
    """Received Mon 8/9/2025, papers asked Tue 9/9, brought Wed 10/9 morning, asked again that
    afternoon: refused, then recorded with --again, and listed as a breach."""
    code = receive(center, "--limit", "5wd", at="2025-09-08 09:00")["code"]
    center.ok("supplement", code, "--at", "2025-09-09 10:00", "--reason", "bản sao CCCD")
    center.ok("resume", code, "--at", "2025-09-10 08:00")
    again = ["supplement", code, "--at", "2025-09-10 14:00", "--reason", "giấy xác nhận cư trú"]
    err = center.fails(*again)
    assert "Art. 11.2.c" in err and "--again" in err and "09/09/2025 10:00" in err
    assert "Điều 11.2.c" in center.fails(*again, lang="vi")
    center.ok(*again, "--again")
    assert len(show(center, code)["supplements"]) == 2
    assert "yêu cầu lần thứ hai (Nghị định 118 Điều 11.2.c" in center.ok("history", code, lang="vi").stdout
    assert (code, "second_supplement") in breaches(center, "2025-09-10 16:00")


def test_again_on_a_dossier_never_asked_is_refused(center: Cli) -> None:
    code = receive(center, "--limit", "5wd", at="2025-09-08 09:00")["code"]
    err = center.fails("supplement", code, "--at", "2025-09-09 10:00", "--reason", "CCCD", "--again")
    assert "has no request yet" in err


# -- 3. within 3 working days ----------------------------------------------------------------------
def test_a_supplement_asked_on_the_fourth_working_day_is_a_breach(center: Cli) -> None:
    """Received Mon 8/9/2025: Tue, Wed and Thu 11/9 are its 3 working days; asked Fri 12/9."""
    late = receive(center, "--limit", "10wd", at="2025-09-08 09:00", now="2025-09-08 09:00")["code"]
    center.ok("supplement", late, "--at", "2025-09-12 09:00", "--reason", "CCCD", now="2025-09-12 09:00")
    in_time = receive(center, "--limit", "10wd", at="2025-09-08 09:30", now="2025-09-08 09:30")["code"]
    center.ok("supplement", in_time, "--at", "2025-09-11 16:30", "--reason", "CCCD", now="2025-09-11 16:30")
    got = json.loads(center.ok("late", "--month", "2025-09", "--json", now="2025-09-12 10:00").stdout)
    assert [(b["code"], b["kind"], b["article"]) for b in got["breaches"]] == [
        (late, "supplement_late", "19.5")
    ]
    assert got["breaches"][0]["due"] == "2025-09-11T17:00:00"


def test_a_dossier_received_friday_after_cutoff_counts_its_three_days_from_monday(center: Cli) -> None:
    """Received Fri 5/9/2025 at 17:30 (after hours): effective Mon 8/9; asked Thu 11/9: in time."""
    code = receive(center, "--channel", "postal", "--limit", "10wd", at="2025-09-05 17:30")["code"]
    center.ok("supplement", code, "--at", "2025-09-11 10:00", "--reason", "CCCD", now="2025-09-11 10:00")
    assert breaches(center, "2025-09-12 10:00") == []


# -- 4. papers that never come --------------------------------------------------------------------
def test_papers_asked_tuesday_9_september_never_came_the_dossier_closes_on_wednesday_24(
    center: Cli,
) -> None:
    code = receive(center, "--limit", "5wd", at="2025-09-08 09:00", now="2025-09-08 09:00")["code"]
    other = receive(center, "--limit", "5wd", at="2025-09-08 10:00", now="2025-09-08 10:00")["code"]
    center.ok("resolve", other, "--at", "2025-09-09 09:00", now="2025-09-09 09:00")
    center.ok("supplement", code, "--at", "2025-09-09 10:00", "--reason", "CCCD", now="2025-09-09 10:00")
    before = sections(center, "2025-09-23 09:00")
    assert "to close" not in before and "Waiting for papers (1)" in before
    due = sections(center, "2025-09-24 09:00")
    assert "Papers not brought in 15 days: to close (1)" in due and "24/09/2025" in due
    assert (
        "Quá 15 ngày không bổ sung: cần đóng hồ sơ (1)"
        in center.ok("list", now="2025-09-24 09:00", lang="vi").stdout
    )
    center.fails("close", other, now="2025-09-24 09:00")  # resolved: only a waiting dossier closes
    early = center.fails("close", code, now="2025-09-23 16:00")  # the applicant still has a day
    assert "may be closed from 24/09/2025 on" in early and "Art. 19.5" in early
    center.ok("close", code, "--reason", "không bổ sung", now="2025-09-24 10:00")
    closed = show(center, code, now="2025-09-24 10:00")
    assert closed["status"] == "closed" and closed["closed_at"] == "2025-09-24T10:00:00"
    assert closed["timeliness"] is None and closed["due_date"] is None
    summary = json.loads(center.ok("summary", "--month", "2025-09", "--json", now="2025-09-30 16:00").stdout)
    assert (summary["received"], summary["resolved"], summary["closed"], summary["pending"]) == (2, 1, 1, 0)
    assert summary["on_time_rate"] == 100.0  # a close is outside the rate, as a withdrawal is
    assert "to close" not in sections(center, "2025-09-25 09:00")
    assert breaches(center, "2025-09-30 16:00") == []
    center.ok("undo", code, "--reason", "công dân đã bổ sung", "--yes", now="2025-09-24 11:00")
    back = show(center, code, now="2025-09-24 11:00")
    assert back["status"] == "paused" and back["closed_at"] is None
    again = json.loads(center.ok("summary", "--month", "2025-09", "--json", now="2025-09-24 11:00").stdout)
    assert (again["closed"], again["pending"], again["paused"]) == (0, 1, 1)


def test_a_dossier_left_waiting_past_its_close_day_is_close_overdue(center: Cli) -> None:
    code = receive(center, "--limit", "5wd", at="2025-09-08 09:00", now="2025-09-08 09:00")["code"]
    center.ok("supplement", code, "--at", "2025-09-09 10:00", "--reason", "CCCD", now="2025-09-09 10:00")
    assert breaches(center, "2025-09-24 16:00") == []
    got = json.loads(center.ok("late", "--month", "2025-09", "--json", now="2025-09-25 08:00").stdout)
    assert [(b["code"], b["kind"], b["done_at"]) for b in got["breaches"]] == [(code, "close_overdue", None)]
    center.ok("close", code, now="2025-09-26 09:00")
    closed_late = json.loads(center.ok("late", "--month", "2025-09", "--json", now="2025-09-26 10:00").stdout)
    assert closed_late["breaches"][0]["done_at"] == "2025-09-26T09:00:00"


def test_the_ii06a_notes_the_closed_dossier_so_its_row_balances(center: Cli, tmp_path: Path) -> None:
    code = receive(center, "--limit", "5wd", at="2025-09-08 09:00", now="2025-09-08 09:00")["code"]
    center.ok("supplement", code, "--at", "2025-09-09 10:00", "--reason", "CCCD", now="2025-09-09 10:00")
    center.ok("close", code, now="2025-09-24 10:00")
    path = tmp_path / "ii06a.xlsx"
    center.ok("report", "--month", "2025-09", "--out", str(path), now="2025-09-30 16:00", lang="vi")
    ws = openpyxl.load_workbook(path)["II.06a"]
    notes = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert any("Đóng 1 hồ sơ (không bổ sung)" in n for n in notes)


# -- 5. the apology's day ---------------------------------------------------------------------------
def test_an_apology_written_on_the_due_date_itself_is_a_breach(center: Cli) -> None:
    """2 working days from Mon 8/9/2025: due Wed 10/9; the apology is written that morning."""
    code = receive(center, "--limit", "2wd", at="2025-09-08 09:00")["code"]
    center.ok(
        "apologize", code, "--new-date", "15/09/2025", "--reason", "chờ xác minh", "--at", "2025-09-10 08:00"
    )
    assert breaches(center, "2025-09-10 16:00") == [(code, "apology_late")]


# -- 6. online dossiers ----------------------------------------------------------------------------
def test_an_online_dossier_accepted_the_next_afternoon_is_a_breach(center: Cli) -> None:
    """Submitted Mon 8/9/2025 09:00: 6 working hours that day, 2 more by Tue 9/9 09:30.
    Accepted Tue 14:00, the clock starts then: 5 working days to Tue 16/9."""
    d = receive(
        center,
        "--channel",
        "online",
        "--submitted-at",
        "08/09/2025 09:00",
        "--limit",
        "5wd",
        at="2025-09-09 14:00",
    )
    assert d["submitted_at"] == "2025-09-08T09:00:00" and d["received_at"] == "2025-09-09T14:00:00"
    assert d["due_date"] == "2025-09-16"
    ok = receive(center, "--channel", "online", "--submitted-at", "08/09/2025 09:00", at="2025-09-09 09:30")
    got = json.loads(center.ok("late", "--month", "2025-09", "--json").stdout)["breaches"]
    assert [(b["code"], b["kind"], b["due"]) for b in got] == [
        (d["code"], "acceptance_late", "2025-09-09T09:30:00")
    ]
    assert ok["code"] not in {b["code"] for b in got}


def test_submitted_at_belongs_to_online_dossiers_and_comes_before_the_acceptance(center: Cli) -> None:
    base = ["receive", "ks", "--applicant", "A", "--at", "2025-09-09 09:00"]
    assert "online dossiers only" in center.fails(*base, "--submitted-at", "2025-09-08 09:00")
    err = center.fails(*base, "--channel", "online", "--submitted-at", "2025-09-09 10:00")
    assert "cannot be after the acceptance" in err
    assert "'31/02/2025'" in center.fails(*base, "--channel", "online", "--submitted-at", "31/02/2025")


# -- 7. a dossier for another authority --------------------------------------------------------------
def test_a_dossier_for_another_authority_is_sent_on_by_the_next_working_day(center: Cli) -> None:
    """Received Mon 8/9/2025 for the land office of another ward: send the papers by Tue 9/9."""
    authority = "Chi nhánh VP đăng ký đất đai phường Tân Lập"
    on_time = receive(center, "--for", authority, at="2025-09-08 10:00", now="2025-09-08 10:00")["code"]
    late = receive(center, "--for", authority, at="2025-09-08 10:30", now="2025-09-08 10:30")["code"]
    never = receive(center, "--for", authority, at="2025-09-08 11:00", now="2025-09-08 11:00")["code"]
    assert show(center, on_time, now="2025-09-08 11:00")["for_authority"] == authority
    assert "send on" not in sections(center, "2025-09-08 16:00")
    tuesday = sections(center, "2025-09-09 08:00")
    assert "Paper dossiers to send on to another authority (3)" in tuesday and "09/09/2025" in tuesday
    center.ok("forward", on_time, "--at", "2025-09-09 16:00", now="2025-09-09 16:00")
    assert show(center, on_time, now="2025-09-09 16:00")["forwarded_at"] == "2025-09-09T16:00:00"
    assert "(2)" in sections(center, "2025-09-09 16:30").split("\n\n")[1]
    center.ok("forward", late, now="2025-09-10 09:00")
    assert "already forwarded" in center.fails("forward", late, now="2025-09-10 09:30")
    got = json.loads(center.ok("late", "--month", "2025-09", "--json", now="2025-09-11 09:00").stdout)
    assert sorted((b["code"], b["kind"], b["done_at"]) for b in got["breaches"]) == sorted(
        [(late, "forward_late", "2025-09-10T09:00:00"), (never, "forward_late", None)]
    )


def test_forward_needs_a_dossier_received_for_another_authority(center: Cli) -> None:
    code = receive(center, at="2025-09-09 09:00")["code"]
    assert "not for another authority" in center.fails("forward", code)
    assert "authority must not be empty" in center.fails("receive", "ks", "--applicant", "A", "--for", "  ")


# -- 8. the breaches where the manager looks ----------------------------------------------------------
def test_the_ii06a_late_sheet_lists_the_breaches(center: Cli, tmp_path: Path) -> None:
    code = receive(center, "--limit", "2wd", at="2025-09-08 09:00")["code"]
    center.ok("apologize", code, "--new-date", "15/09/2025", "--reason", "chờ", "--at", "2025-09-10 08:00")
    path = tmp_path / "ii06a.xlsx"
    center.ok("report", "--month", "2025-09", "--out", str(path), lang="vi")
    book = openpyxl.load_workbook(path)
    sheet = book[book.sheetnames[1]]
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "Vi phạm quy định của Nghị định 118 (1)" in cells
    assert "xin lỗi muộn hơn 01 ngày trước hạn" in cells and "19.6" in cells and code in cells
    csv = tmp_path / "late.csv"
    center.ok("late", "--month", "2025-09", "--out", str(csv))
    assert "breaches," + code in csv.read_text(encoding="utf-8-sig")


# -- 9. the citizens to tell ------------------------------------------------------------------------
def test_citizens_to_tell_a_result_ready_early_and_an_apologys_new_date(center: Cli) -> None:
    ready = receive(center, "--phone", "0912 345 678", "--limit", "5wd", at="2025-09-08 09:00")["code"]
    sorry = receive(center, "--phone", "0987654321", "--limit", "2wd", at="2025-09-08 09:30")["code"]
    receive(center, "--limit", "5wd", at="2025-09-08 10:00")  # no phone: nobody to call
    no_phone = receive(center, "--limit", "5wd", at="2025-09-08 10:30")["code"]
    center.ok("resolve", ready, "--at", "2025-09-09 15:00")
    center.ok("resolve", no_phone, "--at", "2025-09-09 15:00")
    center.ok("apologize", sorry, "--new-date", "12/09/2025", "--reason", "chờ", "--at", "2025-09-09 09:00")
    got = json.loads(center.ok("list", "--to-notify", "--json").stdout)
    assert [(g["code"], g["phone"], g["tell"], g["date"]) for g in got] == [
        (ready, "0912345678", "result_ready", "2025-09-15"),
        (sorry, "0987654321", "new_date", "2025-09-12"),
    ]
    vi = center.ok("list", "--to-notify", lang="vi").stdout
    assert "kết quả có trước ngày hẹn 15/09/2025" in vi and "thư xin lỗi: hẹn lại ngày 12/09/2025" in vi
    center.ok("notify", sorry, "--at", "2025-09-10 10:00")
    assert [g["code"] for g in json.loads(center.ok("list", "--to-notify", "--json").stdout)] == [ready]
    center.ok("return", ready, "--at", "2025-09-10 11:00")  # collected: nothing left to tell
    assert json.loads(center.ok("list", "--to-notify", "--json").stdout) == []
    center.ok("undo", sorry, "--reason", "chưa gọi được", "--yes")
    assert [g["code"] for g in json.loads(center.ok("list", "--to-notify", "--json").stdout)] == [sorry]


# -- issue: a date typed month first ----------------------------------------------------------------
def test_a_date_typed_month_first_on_3_september_2025_is_refused(center: Cli) -> None:
    """Typed on Wed 3/9/2025, "09/03/2025 08:00" is Sunday 9 March 2025: months back."""
    argv = ["receive", "ks", "--applicant", "A", "--at", "09/03/2025 08:00"]
    now = "2025-09-03 08:05"
    err = center.fails(*argv, now=now, lang="vi")
    assert "Chủ nhật 09/03/2025, 6 tháng trước" in err and "--late-entry" in err
    assert "Sun 09/03/2025, 6 months ago" in center.fails(*argv, now=now, lang="en")
    assert center.ok(*argv, "--late-entry", "--channel", "online", now=now).stdout.startswith("Received")


def test_five_working_days_back_is_taken_six_is_a_late_entry(center: Cli) -> None:
    """On Wed 10/9/2025: Wed 3/9 lies 5 working days back; Tue 2/9 is National Day and
    Fri 29/8 six working days back."""
    ok = receive(center, at="2025-09-03 09:00")["code"]
    err = center.fails("receive", "ks", "--applicant", "A", "--at", "29/08/2025 09:00")
    assert "Fri 29/08/2025, 12 days ago" in err
    assert "add --late-entry" in center.fails("resolve", ok, "--at", "2025-08-29 10:00")


def test_a_counter_receipt_on_a_day_off_is_refused_an_online_one_is_not(center: Cli) -> None:
    """Saturday 6/9/2025: the counter is closed; the portal is not."""
    err = center.fails("receive", "ks", "--applicant", "A", "--at", "06/09/2025 09:00")
    assert "Sat 06/09/2025, 4 days ago is a day the center is closed (Saturday)" in err
    assert "ngày trung tâm nghỉ (thứ Bảy)" in center.fails(
        "receive", "ks", "--applicant", "A", "--at", "06/09/2025 09:00", lang="vi"
    )
    receive(center, "--channel", "online", at="2025-09-06 09:00")
    receive(center, "--channel", "postal", at="2025-09-06 21:00")
    receive(center, "--late-entry", at="2025-09-06 09:00")  # the clerk confirms it


# -- the upgrade ----------------------------------------------------------------------------------
def test_an_older_database_keeps_every_dossier_and_can_close_one(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store.open(path, create=True, upto=8).close()
    conn = sqlite3.connect(path)
    now = "2025-09-10T16:00:00"
    conn.execute(
        "INSERT INTO procedures (code, name, field, time_limit, created_at, updated_at)"
        " VALUES ('1.004873', 'XN', 'Hộ tịch', '3wd', ?, ?)",
        (now, now),
    )
    conn.execute(
        "INSERT INTO dossiers (code, procedure_code, field, applicant, search_text, channel, time_limit,"
        " received_at, effective_receipt, receipt_due_at, status, paused_at, created_at, updated_at)"
        " VALUES ('X1', '1.004873', 'Hộ tịch', 'A', 'a', 'direct', '3wd', '2025-09-01T09:00:00',"
        " '2025-09-03T07:30:00', '2025-09-08T17:00:00', 'paused', '2025-09-04T09:00:00', ?, ?)",
        (now, now),
    )
    conn.execute(
        "INSERT INTO pauses (dossier_code, paused_at, policy) VALUES ('X1', '2025-09-04T09:00:00', 'restart')"
    )
    conn.commit()
    before = conn.execute("SELECT * FROM daily_counts").fetchall()
    conn.close()
    store = Store.open(path)
    row = store.conn.execute("SELECT status, received_at, closed_at, submitted_at FROM dossiers").fetchone()
    assert tuple(row) == ("paused", "2025-09-01T09:00:00", None, None)
    assert [tuple(r)[:11] for r in store.conn.execute("SELECT * FROM daily_counts")] == [
        tuple(r) for r in before
    ]
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.conn.execute("UPDATE dossiers SET status = 'closed', closed_at = '2025-09-20T10:00:00'")
    assert store.conn.execute("SELECT sum(closed) FROM daily_counts").fetchone()[0] == 1
    store.close()


def test_a_citizen_looking_up_a_closed_dossier_is_told_why(center: Cli) -> None:
    """The web look-up says the dossier was closed because the papers did not come."""
    from datetime import datetime

    from starlette.testclient import TestClient

    from tthc.web.app import create_app

    code = receive(center, "--phone", "0912345678", at="2025-09-08 09:00", now="2025-09-08 09:00")["code"]
    center.ok("supplement", code, "--at", "2025-09-09 10:00", "--reason", "CCCD", now="2025-09-09 10:00")
    center.ok("close", code, now="2025-09-24 10:00")
    app = create_app(center.db, clock=lambda: datetime(2025, 9, 24, 11, 0))
    r = TestClient(app, client=("127.0.0.1", 50000)).post("/tra-cuu", data={"ma": code, "so4": "5678"})
    assert r.status_code == 200 and "Đã đóng hồ sơ: không bổ sung giấy tờ theo yêu cầu" in r.text


def test_the_evening_merge_brings_a_closed_dossier_and_its_count(tmp_path: Path) -> None:
    """Point 1 closes a dossier on Wed 24/9/2025; point 2 merges its copy that evening."""
    one = Cli(tmp_path / "diem1.db", now="2025-09-08 08:00", home=tmp_path / "diem1-home")
    one.ok("init", "--prefix", "000.00.20.H56", "--point", "Điểm 1", "--officer", "Nguyễn Thị Lan")
    two = Cli(tmp_path / "diem2.db", now="2025-09-08 08:00", home=tmp_path / "diem2-home")
    two.ok("init", "--prefix", "000.00.20.H56", "--point", "Điểm 2", "--officer", "Nguyễn Thị Lan")
    with closing(sqlite3.connect(one.db)) as conn:  # the second PC joins the first one's center
        center_id = str(conn.execute("SELECT value FROM settings WHERE key = 'center_id'").fetchone()[0])
    two.ok("config", "set", "center_id", center_id)
    code = receive(one, "--limit", "5wd", at="2025-09-08 09:00", now="2025-09-08 09:00")["code"]
    one.ok("supplement", code, "--at", "2025-09-09 10:00", "--reason", "CCCD", now="2025-09-09 10:00")
    one.ok("close", code, "--reason", "không bổ sung", now="2025-09-24 10:00")
    sent = receive(
        one,
        "--for",
        "UBND phường Tân Lập",
        "--phone",
        "0912345678",
        at="2025-09-22 09:00",
        now="2025-09-22 09:00",
    )["code"]
    one.ok("forward", sent, now="2025-09-22 15:00")
    one.ok("supplement", sent, "--at", "2025-09-22 16:00", "--reason", "CCCD", now="2025-09-22 16:00")
    one.ok("resume", sent, now="2025-09-23 09:00")
    one.ok("supplement", sent, "--reason", "ảnh", "--again", now="2025-09-23 10:00")
    one.ok("resume", sent, now="2025-09-23 11:00")
    one.ok("resolve", sent, now="2025-09-23 15:00")
    one.ok("notify", sent, now="2025-09-23 16:00")
    copy = tmp_path / "diem1-evening.db"
    one.ok("backup", str(copy), now="2025-09-24 17:00")
    two.ok("merge", str(copy), now="2025-09-24 17:30")
    assert show(two, code, now="2025-09-24 17:30")["closed_at"] == "2025-09-24T10:00:00"
    there = show(two, sent, now="2025-09-24 17:30")
    assert (there["forwarded_at"], there["notified_at"], len(there["supplements"])) == (
        "2025-09-22T15:00:00",
        "2025-09-23T16:00:00",
        2,
    )
    got = json.loads(two.ok("summary", "--month", "2025-09", "--json", now="2025-09-30 16:00").stdout)
    assert (got["received"], got["closed"], got["resolved"], got["pending"]) == (2, 1, 1, 0)


def test_an_export_of_a_closed_dossier_imports_closed(center: Cli, tmp_path: Path) -> None:
    code = receive(center, "--limit", "5wd", at="2025-09-08 09:00", now="2025-09-08 09:00")["code"]
    center.ok("supplement", code, "--at", "2025-09-09 10:00", "--reason", "CCCD", now="2025-09-09 10:00")
    center.ok("close", code, now="2025-09-24 10:00")
    for lang in ("en", "vi"):
        out = tmp_path / f"all-{lang}.csv"
        center.ok("export", str(out), now="2025-09-24 11:00", lang=lang)
        other = Cli(tmp_path / f"other-{lang}.db", now="2025-09-24 11:00")
        other.ok("init", "--prefix", "000.00.20.H99")
        other.ok("import", str(out))
        moved = show(other, code)
        assert (moved["status"], moved["closed_at"]) == ("closed", "2025-09-24T10:00:00")
