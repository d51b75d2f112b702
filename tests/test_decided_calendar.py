"""The calendar as decided: national decisions shipped as data over the ``holidays`` package,
days the package lists with no decision in force (unconfirmed until the center rules), the
check of stored due dates after a change, and every name in the reader's language."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.conftest import Cli
from tthc.core.deadlines import compute_due
from tthc.core.decisions import DECIDED_BY_DAY, package_name
from tthc.core.timelimit import TimeLimit
from tthc.core.workcalendar import WorkCalendar
from tthc.storage.migrations import LATEST

#: (the real day, the date, working?, why) — 2025 and 2026 as decided.
DAYS = [
    ("New Year's Day 2026, a Thursday", date(2026, 1, 1), False, "holiday"),
    (
        "Friday after New Year 2026, off by the Government's agreement of 25/12/2025",
        date(2026, 1, 2),
        False,
        "holiday",
    ),
    ("Saturday 10 January 2026, worked to make up for Friday 2 January", date(2026, 1, 10), True, "makeup"),
    ("Saturday 3 January 2026, an ordinary weekend", date(2026, 1, 3), False, "weekend"),
    ("Friday 2 May 2025, swapped with Saturday 26 April", date(2025, 5, 2), False, "holiday"),
    ("Saturday 26 April 2025, the make-up day", date(2025, 4, 26), True, "makeup"),
    ("Monday 1 September 2025, National Day with 2 September", date(2025, 9, 1), False, "holiday"),
    ("Monday 16 February 2026, 29 Tết Bính Ngọ", date(2026, 2, 16), False, "holiday"),
    ("Friday 20 February 2026, the fourth day of Tết", date(2026, 2, 20), False, "holiday"),
    ("Monday 23 February 2026, back at work after Tết", date(2026, 2, 23), True, "workday"),
    ("Monday 27 April 2026, Hùng Kings' day in lieu of the Sunday", date(2026, 4, 27), False, "holiday"),
    ("Monday 31 August 2026, swapped with Saturday 22 August", date(2026, 8, 31), False, "holiday"),
    ("Vietnam Culture Day 2026, no decision in force", date(2026, 11, 24), False, "holiday"),
]


@pytest.mark.parametrize(("name", "day", "working", "kind"), DAYS, ids=[d[0] for d in DAYS])
def test_the_days_of_2025_and_2026_as_decided(
    cal: WorkCalendar, name: str, day: date, working: bool, kind: str
) -> None:
    info = cal.day_info(day)
    assert (info.working, info.kind) == (working, kind), name
    assert info.unconfirmed == (day == date(2026, 11, 24))


def test_the_decided_days_name_their_decision(cal: WorkCalendar) -> None:
    friday = cal.day_info(date(2026, 1, 2))
    assert friday.decided is not None and friday.decided.decision.number == "12729/VPCP-KGVX"
    assert friday.decided.decision.issued == date(2025, 12, 25)
    assert {d.kind for d in DECIDED_BY_DAY.values()} == {"off", "work"}


def test_a_3_day_dossier_received_on_new_years_eve_2025() -> None:
    # Wed 31/12 not counted; Thu 1/1 and Fri 2/1 off; Sat 3, Sun 4; Mon 5 (1), Tue 6 (2), Wed 7 (3)
    due = compute_due(WorkCalendar(), TimeLimit("wd", 3), datetime(2025, 12, 31, 9, 0)).due
    assert due.due_date == date(2026, 1, 7)


def test_a_5_day_window_crossing_saturday_10_january_2026_counts_it() -> None:
    # Wed 7/1 not counted; Thu 8 (1), Fri 9 (2), Sat 10 make-up (3), Sun 11 off, Mon 12 (4), Tue 13 (5)
    due = compute_due(WorkCalendar(), TimeLimit("wd", 5), datetime(2026, 1, 7, 9, 0)).due
    assert due.due_date == date(2026, 1, 13)


def test_the_centers_own_days_win_over_a_decision() -> None:
    cal = WorkCalendar(center_work={date(2026, 1, 2): "trực"}, center_off={date(2026, 1, 10): "lễ hội"})
    assert cal.is_working(date(2026, 1, 2)) and not cal.is_working(date(2026, 1, 10))


def test_culture_day_2026_follows_the_centers_verdict() -> None:
    assert WorkCalendar(rulings={date(2026, 11, 24): False}).is_working(date(2026, 11, 24))
    kept = WorkCalendar(rulings={date(2026, 11, 24): True}).day_info(date(2026, 11, 24))
    assert not kept.working and not kept.unconfirmed


def test_the_packages_labels_in_our_words() -> None:
    label = "Day off (substituted from 08/22/2026)"
    assert (
        package_name(label, "Ngày nghỉ (thay cho ngày 22/08/2026)", "en")
        == "Day off, worked instead on 22/08/2026"
    )
    assert (
        package_name(label, "Ngày nghỉ (thay cho ngày 22/08/2026)", "vi")
        == "Ngày nghỉ hoán đổi, làm bù ngày 22/08/2026"
    )
    assert package_name("National Day (observed)", "", "vi") == "Quốc khánh (nghỉ bù)"
    assert (
        package_name("Some New Day 01/02/2030", "Some New Day 01/02/2030", "en") == "Some New Day 02/01/2030"
    )
    assert package_name("Some New Day", "Some New Day", "vi") == "Ngày nghỉ lễ"


# -- the counter -------------------------------------------------------------------------------------
def test_due_on_new_years_eve_2025_explains_the_decided_friday(cli: Cli) -> None:
    out = cli.ok("due", "3wd", "--at", "31/12/2025 09:00", "--explain").stdout
    assert "Appointment: Wed 07/01/2026 17:00" in out
    assert "Fri 02/01/2026  New Year 2026 day off, swapped with Sat 10/01/2026, skipped" in out
    out = cli.ok("due", "5wd", "--at", "07/01/2026 09:00", "--explain", lang="vi").stdout
    assert "Thứ Bảy 10/01/2026   thứ Bảy làm bù, tính là ngày làm việc thứ 3" in out
    assert "Hẹn trả: Thứ Ba 13/01/2026 17:00" in out


def test_a_window_holding_culture_day_2026_says_it_is_unconfirmed(center: Cli) -> None:
    at = ("--at", "23/11/2026 09:00")
    out = center.ok("due", "3wd", *at, "--explain", lang="vi", now="2026-11-23 10:00").stdout
    assert "! chưa xác nhận: Thứ Ba 24/11/2026" in out
    assert "Ngày Văn hóa Việt Nam (chưa xác nhận), không tính" in out
    data = json.loads(center.ok("due", "3wd", *at, "--json", now="2026-11-23 10:00").stdout)
    assert data["unconfirmed_days"] == ["2026-11-24"] and data["due_date"] == "2026-11-27"
    out = center.ok("receive", "ks", "--applicant", "A", "--limit", "3wd", *at, now="2026-11-23 10:00").stdout
    assert "! unconfirmed: Tue 24/11/2026" in out
    code = out.split()[1]
    assert "! unconfirmed: Tue 24/11/2026" in center.ok("show", code, now="2026-11-23 10:00").stdout
    # a window that does not hold it says nothing
    assert (
        "unconfirmed"
        not in center.ok("due", "3wd", "--at", "25/11/2026 09:00", now="2026-11-23 10:00").stdout
    )


# -- the center's verdict ---------------------------------------------------------------------------
NOV = "2026-11-30 08:00"


def _receive(cli: Cli, name: str, at: str, now: str = NOV) -> str:
    out = cli.ok("receive", "ks", "--applicant", name, "--limit", "3wd", "--at", at, "--json", now=now).stdout
    return str(json.loads(out)["code"])


def test_rejecting_culture_day_2026_lays_open_dossiers_again_with_an_audit(center: Cli) -> None:
    code = _receive(center, "Mở", "23/11/2026 09:00")
    out = center.ok("calendar", "reject", "24/11/2026", "--reason", "chưa có luật", now=NOV).stdout
    assert "Tue 24/11/2026: rejected, a working day" in out and "1 open dossier(s)" in out
    shown = json.loads(center.ok("show", code, "--json", now=NOV).stdout)
    assert shown["due_date"] == "2026-11-26"
    steps = [e["step"] for e in json.loads(center.ok("history", code, "--json", now=NOV).stdout)]
    assert steps[-1] == "due.recompute"
    assert "unconfirmed" not in center.ok("show", code, now=NOV).stdout
    rows = json.loads(center.ok("calendar", "show", "--year", "2026", "--json", now=NOV).stdout)["days"]
    assert {
        "day": "2026-11-24",
        "kind": "off",
        "name": "Vietnam Culture Day",
        "source": "package",
        "status": "rejected",
    } in rows
    # confirmed after all: off again, and the dossier's due date follows
    center.ok("calendar", "confirm", "2026-11-24", now=NOV)
    assert json.loads(center.ok("show", code, "--json", now=NOV).stdout)["due_date"] == "2026-11-27"
    events = sqlite3.connect(center.db).execute(
        "SELECT step, json_extract(details, '$.day') FROM events WHERE step LIKE 'calendar.%' ORDER BY id"
    )
    assert list(events) == [("calendar.reject", "2026-11-24"), ("calendar.confirm", "2026-11-24")]


@pytest.mark.parametrize(
    ("day", "why"),
    [
        ("24/13/2026", "no such day"),
        ("next tuesday", "bad date"),
        ("25/11/2026", "not an unconfirmed day off"),  # an ordinary Wednesday
        ("01/01/2026", "not an unconfirmed day off"),  # New Year's Day: in force by law
        ("02/01/2026", "not an unconfirmed day off"),  # decided
        ("24/11/2025", "not an unconfirmed day off"),  # before Culture Day was listed
    ],
)
def test_confirm_and_reject_refuse_what_is_not_an_unconfirmed_day(center: Cli, day: str, why: str) -> None:
    for verb in ("confirm", "reject"):
        assert why in center.fails("calendar", verb, day, now=NOV)


def test_the_same_verdict_twice_is_refused(center: Cli) -> None:
    center.ok("calendar", "confirm", "24/11/2026", now=NOV)
    assert "already confirmed" in center.fails("calendar", "confirm", "24/11/2026", now=NOV)


# -- check, then fix -----------------------------------------------------------------------------------
def test_check_after_rejecting_culture_day_lists_a_closed_dossier_for_a_correction(center: Cli) -> None:
    code = _receive(center, "Đóng", "23/11/2026 09:00")
    center.ok("resolve", code, "--at", "27/11/2026 16:00", now=NOV)  # on time by the unconfirmed day
    assert (
        "Every stored due date is the one today's calendar gives."
        in center.ok("calendar", "check", now=NOV).stdout
    )
    assert json.loads(center.ok("calendar", "check", "--json", now=NOV).stdout) == {"dossiers": []}
    center.ok("calendar", "reject", "24/11/2026", now=NOV)
    [item] = json.loads(center.ok("calendar", "check", "--json", now=NOV).stdout)["dossiers"]
    assert item == {
        "code": code,
        "status": "resolved",
        "stored_due_at": "2026-11-27T17:00:00",
        "calendar_due_at": "2026-11-26T17:00:00",
        "timeliness_before": "on_time",
        "timeliness_after": "late",
        "timeliness_changes": True,
        "action": "correction",
        "correction_recorded": False,
    }
    out = center.ok("calendar", "check", now=NOV, lang="vi").stdout
    assert "đúng hạn → quá hạn (thay đổi)" in out and "đã kết thúc: ghi nhận đính chính" in out
    assert "reason" in center.fails("calendar", "check", "--apply", now=NOV)
    out = center.ok("calendar", "check", "--apply", "--reason", "Ngày Văn hóa chưa được nghỉ", now=NOV).stdout
    assert "0 open dossier(s) laid again, 1 closed dossier(s) noted for a correction" in out
    shown = json.loads(center.ok("show", code, "--json", now=NOV).stdout)
    assert (shown["due_date"], shown["timeliness"]) == ("2026-11-27", "on_time")  # never moved silently
    [fix] = json.loads(center.ok("corrections", "--month", "2026-11", "--json", now=NOV).stdout)
    assert (fix["code"], fix["kind"], fix["step"]) == (code, "calendar", "due.correction")
    assert fix["moment"] == "2026-11-27T16:00:00" and fix["reason"] == "Ngày Văn hóa chưa được nghỉ"
    # a second --apply notes nothing again
    out = center.ok("calendar", "check", "--apply", "--reason", "lại", now=NOV).stdout
    assert "0 closed dossier(s) noted" in out and "correction recorded" in out
    assert len(json.loads(center.ok("corrections", "--month", "2026-11", "--json", now=NOV).stdout)) == 1


def test_a_database_from_before_the_new_year_2026_decision_is_checked_and_laid_again(
    center: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dossiers received under the release that did not know the decision keep Tue 06/01/2026;
    the check finds them, ``--apply`` lays the open one again and notes the resolved one."""
    before = "2026-01-06 18:00"
    with monkeypatch.context() as m:  # the release before: the package alone
        for day in (date(2026, 1, 2), date(2026, 1, 10)):
            m.delitem(DECIDED_BY_DAY, day)
        still_open = _receive(center, "Mở", "31/12/2025 09:00", now=before)
        resolved = _receive(center, "Xong", "31/12/2025 09:00", now=before)
        center.ok("resolve", resolved, "--at", "06/01/2026 16:00", now=before)
        assert (
            json.loads(center.ok("show", still_open, "--json", now=before).stdout)["due_date"] == "2026-01-06"
        )
    now = "2026-01-07 08:00"
    found = json.loads(center.ok("calendar", "check", "--json", now=now).stdout)["dossiers"]
    assert [(f["code"], f["action"], f["timeliness_before"], f["timeliness_after"]) for f in found] == [
        (still_open, "relay", "overdue", "not_due"),
        (resolved, "correction", "on_time", "early"),
    ]
    assert "reason" in center.fails("calendar", "check", "--apply", "--reason", "  ", now=now)
    out = center.ok("calendar", "check", "--apply", "--reason", "Công văn 12729/VPCP-KGVX", now=now).stdout
    assert "1 open dossier(s) laid again, 1 closed dossier(s) noted" in out
    assert json.loads(center.ok("show", still_open, "--json", now=now).stdout)["due_date"] == "2026-01-07"
    history = json.loads(center.ok("history", still_open, "--json", now=now).stdout)
    assert history[-1]["step"] == "due.recompute"
    assert history[-1]["details"]["reason"] == "Công văn 12729/VPCP-KGVX"
    assert json.loads(center.ok("show", resolved, "--json", now=now).stdout)["due_date"] == "2026-01-06"
    remaining = json.loads(center.ok("calendar", "check", "--json", now=now).stdout)["dossiers"]
    assert [(f["code"], f["correction_recorded"]) for f in remaining] == [(resolved, True)]


# -- names in the reader's language ---------------------------------------------------------------------
ENGLISH = ("Day off", "substituted", "observed", "Lunar New Year", "National Day", "Cultural", "Labor")


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_calendar_show_is_vietnamese_throughout_and_day_first(cli: Cli, year: int) -> None:
    out = cli.ok("calendar", "show", "--year", str(year), lang="vi", env={"COLUMNS": "200"}).stdout
    assert not [word for word in ENGLISH if word in out]
    assert "08/22/2026" not in out
    if year == 2026:
        assert "Ngày nghỉ hoán đổi, làm bù ngày 22/08/2026" in out


def test_calendar_show_in_english_is_day_first_too(cli: Cli) -> None:
    out = cli.ok("calendar", "show", "--year", "2026", env={"COLUMNS": "200"}).stdout
    assert "08/22/2026" not in out and "Day off, worked instead on 22/08/2026" in out
    assert "12729/VPCP-KGVX, 25/12/2025 (Government Office)" in out


# -- an older database --------------------------------------------------------------------------------
def test_a_database_from_before_the_rulings_upgrades_with_nothing_lost(center: Cli) -> None:
    """A file without the rulings' migration, with dossiers and a holiday cache built before decisions
    were shipped: it upgrades, keeps every row, and the cache does not hide the decisions."""
    for i in range(3):
        _receive(center, f"Cũ {i}", "31/12/2025 09:00", now="2026-01-05 08:00")
    conn = sqlite3.connect(center.db)
    conn.executescript(
        "DROP TABLE calendar_rulings; DELETE FROM _sqlite_migrations WHERE name = 'm010_calendar_rulings';"
        f" PRAGMA user_version = {LATEST - 1};"
    )
    counts = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("dossiers", "events", "holiday_cache")
    }
    assert counts["holiday_cache"] >= 3  # 2025–2027, as the package gave them
    conn.close()
    out = center.ok("due", "3wd", "--at", "31/12/2025 09:00", now="2026-01-05 08:00").stdout
    assert "Appointment: Wed 07/01/2026 17:00" in out
    conn = sqlite3.connect(center.db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in counts} == counts
    assert conn.execute("SELECT count(*) FROM calendar_rulings").fetchone()[0] == 0


def test_the_decisions_apply_on_the_clerks_path_without_the_holidays_package(tmp_path: Path) -> None:
    from tests.test_startup import HEAVY, loaded_after

    env = {"TTHC_DB": str(tmp_path / "c.db"), "TTHC_NOW": "2025-12-31 09:00", "TTHC_USER": "t"}
    run = "from tthc.cli.main import app\ntry:\n    app({args})\nexcept SystemExit as e:\n    assert e.code == 0, e.code"
    loaded_after(run.format(args=["init"]), env)  # caches 2024–2026 as the package gives them
    probe = run.format(args=["due", "3wd", "--json", "--at", "2025-12-31 09:00"])
    probe += f"\nimport sys, json\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env={**os.environ, **env}
    )
    *answer, loaded = out.stdout.strip().splitlines()
    assert json.loads(loaded) == []
    assert json.loads("\n".join(answer))["due_date"] == "2026-01-07"


def test_the_correction_note_reads_in_vietnamese_in_the_history(center: Cli) -> None:
    code = _receive(center, "Đóng", "23/11/2026 09:00")
    center.ok("resolve", code, "--at", "27/11/2026 16:00", now=NOV)
    center.ok("calendar", "reject", "24/11/2026", now=NOV)
    center.ok("calendar", "check", "--apply", "--reason", "bác bỏ ngày 24/11", now=NOV)
    out = center.ok("history", code, lang="vi", now=NOV, env={"COLUMNS": "250"}).stdout
    assert "giữ hẹn 27/11/2026 17:00; lịch hiện hành cho 26/11/2026 17:00 (đúng hạn → quá hạn)" in out
    assert "calendar_due_at" not in out and "stored" not in out


# -- two points ---------------------------------------------------------------------------------------
def test_a_verdict_on_culture_day_given_at_the_other_point_comes_with_the_merge(
    center: Cli, center_template: Path, tmp_path: Path
) -> None:
    import shutil

    other = Cli(tmp_path / "other.db", now=NOV)
    shutil.copyfile(center_template, other.db)
    code = _receive(center, "Ở đây", "23/11/2026 09:00")
    other.ok("calendar", "reject", "24/11/2026", "--reason", "họp giao ban", now=NOV)
    out = center.ok("merge", str(other.db), now=NOV).stdout
    assert "verdicts on unconfirmed days: 1 added" in out and "1 open dossier(s) got a new due date" in out
    assert json.loads(center.ok("show", code, "--json", now=NOV).stdout)["due_date"] == "2026-11-26"
    # the two points disagree: refused, nothing written
    third = Cli(tmp_path / "third.db", now=NOV)
    shutil.copyfile(center_template, third.db)
    third.ok("calendar", "confirm", "24/11/2026", now=NOV)
    assert "24/11/2026: rejected here, confirmed there" in center.fails("merge", str(third.db), now=NOV)
