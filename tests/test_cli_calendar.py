"""CLI: init, config, calendar upkeep and the counter calculator `tthc due` — including
every refusal (exit 1, one Error line, nothing written)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from tests.conftest import Cli
from tthc.core.settings import check_password


def test_due_json_shape_for_the_friday_before_national_day(cli: Cli) -> None:
    out = cli.ok("due", "5wd", "--at", "2025-08-29 10:00", "--json").stdout
    assert json.loads(out) == {
        "limit": "5wd",
        "received_at": "2025-08-29T10:00:00",
        "effective_receipt": "2025-08-29T10:00:00",
        "due_date": "2025-09-09",
        "due_at": "2025-09-09T17:00:00",
        "provisional_years": [],
        "unconfirmed_days": [],
    }


def test_due_works_without_a_database_and_creates_none(cli: Cli) -> None:
    cli.ok("due", "same-day", "--at", "01/09/2025 09:00")
    assert not cli.db.exists()


def test_due_explains_in_english(cli: Cli) -> None:
    out = cli.ok("due", "5 ngày làm việc", "--at", "29/08/2025 10:00", "--explain").stdout
    assert "Appointment: Tue 09/09/2025 17:00" in out
    assert "Mon 01/09/2025  National Day, skipped" in out
    assert "Sat 30/08/2025  Saturday, skipped" in out
    assert "Tue 09/09/2025  working day 5" in out


def test_due_explains_in_vietnamese_with_the_make_up_saturday(cli: Cli) -> None:
    out = cli.ok("due", "3wd", "--at", "2025-04-24 09:00", "--explain", lang="vi").stdout
    assert "Hẹn trả: Thứ Hai 28/04/2025 17:00" in out
    assert "thứ Bảy làm bù, tính là ngày làm việc thứ 2" in out


def test_due_explains_the_cut_off(cli: Cli) -> None:
    out = cli.ok("due", "same-day", "--at", "2025-08-29 15:01", "--explain").stdout
    assert "after the 15:00 cut-off" in out
    assert "Appointment: Wed 03/09/2025 17:00" in out


def test_due_marks_provisional_years(cli: Cli) -> None:
    out = cli.ok("due", "5wd", "--at", "2027-01-04", now="2027-01-04 08:00").stdout
    assert "provisional" in out and "2027" in out


def test_due_uses_the_center_calendar_and_the_procedure_limit(cli: Cli) -> None:
    cli.ok("init")
    cli.ok("calendar", "add-holiday", "2025-09-05", "--name", "Lễ hội xã")
    out = json.loads(cli.ok("due", "3wd", "--at", "2025-09-03 09:00", "--json").stdout)
    assert out["due_date"] == "2025-09-09"  # 4/9, (5/9 off), 8/9, 9/9
    out = json.loads(cli.ok("due", "ks", "--at", "2025-09-03 16:00", "--json").stdout)
    assert out["limit"] == "same-day" and out["due_date"] == "2025-09-04"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["due", "5 weeks"], "'5 weeks'"),
        (["due", "0d"], "'0d'"),
        (["due", "366wd"], "'366wd'"),
        (["due", "5wd", "--at", "07/13/2025"], "'07/13/2025'"),
        (["due", "5wd", "--at", "2025-02-29"], "'2025-02-29'"),
    ],
)
def test_due_refusals(cli: Cli, args: list[str], needle: str) -> None:
    assert needle in cli.fails(*args)


def test_init_is_safe_twice_and_private(cli: Cli) -> None:
    assert "Database ready" in cli.ok("init", "--center", "Xã Thử", "--prefix", "000.00.20.H56").stdout
    assert "already" in cli.ok("init").stdout
    conn = sqlite3.connect(cli.db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    settings = dict(conn.execute("SELECT key, value FROM settings"))
    center_id = settings.pop("center_id")  # which center this is, drawn once
    assert settings == {"center_name": "Xã Thử", "code_prefix": "000.00.20.H56"}
    assert len(center_id) == 32 and int(center_id, 16) >= 0
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(cli.db).st_mode) == 0o600


def test_init_refuses_a_file_that_is_not_a_tthc_database(cli: Cli, tmp_path: Path) -> None:
    cli.db.write_text("name,age\nAn,30\n", encoding="utf-8")
    assert "not a tthc database" in cli.fails("init")
    assert cli.db.read_text(encoding="utf-8") == "name,age\nAn,30\n"
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    before = other.read_bytes()
    result = cli.runner.invoke(
        __import__("tthc.cli.main").cli.main.app, ["--db", str(other), "config", "show"]
    )
    assert result.exit_code == 1 and "not a tthc database" in result.stderr
    assert other.read_bytes() == before


def test_commands_other_than_init_need_a_database(cli: Cli) -> None:
    assert "tthc init" in cli.fails("config", "show")
    assert not cli.db.exists()


def test_config_set_validates_and_show_reflects(cli: Cli) -> None:
    cli.ok("init")
    cli.ok("config", "set", "same_day_cutoff", "14:30")
    cli.ok("config", "set", "office_hours", "7:00-11:00, 13:00-16:30")
    cli.ok("config", "set", "supplement_policy", "FREEZE")
    shown = json.loads(cli.ok("config", "show", "--json").stdout)
    assert shown["same_day_cutoff"] == "14:30"
    assert shown["office_hours"] == "07:00-11:00,13:00-16:30"
    assert shown["supplement_policy"] == "freeze"
    out = json.loads(cli.ok("due", "same-day", "--at", "2025-09-03 14:45", "--json").stdout)
    assert out["due_date"] == "2025-09-04" and out["due_at"] == "2025-09-04T16:30:00"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("colour", "blue"),
        ("same_day_cutoff", "25:00"),
        ("office_hours", "13:30-17:00,07:30-11:30"),
        ("office_hours", "07:30-07:00"),
        ("supplement_policy", "pause"),
        ("period_start_day", "31"),
        ("calendar_confirmed_through", "soon"),
        ("lang", "fr"),
        ("center_name", "  "),
        ("code_prefix", "bad prefix!"),
    ],
)
def test_config_refusals(cli: Cli, key: str, value: str) -> None:
    cli.ok("init")
    assert repr(value) in cli.fails("config", "set", key, value) or repr(key) in cli.fails(
        "config", "set", key, value
    )


def test_the_manager_password_is_stored_hashed_and_never_shown(cli: Cli) -> None:
    cli.ok("init")
    password = "đúng-mật-khẩu-2025"
    assert cli.ok("config", "set", "manager_password", password).stdout == "manager_password = (set)\n"
    conn = sqlite3.connect(cli.db)
    stored = conn.execute("SELECT value FROM settings WHERE key = 'manager_password'").fetchone()[0]
    assert stored.startswith("scrypt$") and password not in stored
    assert check_password(password, stored) and not check_password("sai-mật-khẩu", stored)
    assert json.loads(cli.ok("config", "show", "--json").stdout)["manager_password"] == "(set)"
    assert stored not in cli.ok("config", "show").stdout
    audit = conn.execute("SELECT group_concat(details) FROM events").fetchone()[0]
    assert password not in audit and stored not in audit and '"new": "(set)"' in audit
    assert "at least 8 characters" in cli.fails("config", "set", "manager_password", "ngắn")
    cli.ok("config", "set", "manager_password", "")  # empty: unset, the dashboard is local again
    assert json.loads(cli.ok("config", "show", "--json").stdout)["manager_password"] == "(not set)"


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("http://192.168.1.10:8080/", "http://192.168.1.10:8080"),
        ("https://tthc.hoaan.vn", "https://tthc.hoaan.vn"),
    ],
)
def test_public_url_is_kept_without_its_trailing_slash(cli: Cli, given: str, kept: str) -> None:
    cli.ok("init")
    cli.ok("config", "set", "public_url", given)
    assert json.loads(cli.ok("config", "show", "--json").stdout)["public_url"] == kept


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "http://x y", "192.168.1.10:8080", "http://h/?a=1"])
def test_public_url_refusals(cli: Cli, bad: str) -> None:
    cli.ok("init")
    assert "bad public_url" in cli.fails("config", "set", "public_url", bad)


def test_language_from_setting_env_and_option(cli: Cli) -> None:
    cli.ok("init", "--lang", "vi")
    assert "Hẹn trả" in cli.ok("due", "5wd", "--at", "2025-08-29 10:00").stdout
    assert "Appointment" in cli.ok("due", "5wd", "--at", "2025-08-29 10:00", lang="en").stdout
    assert "Appointment" in cli.ok("--lang", "en", "due", "5wd", "--at", "2025-08-29 10:00").stdout


def test_bad_lang_option_is_a_usage_error(cli: Cli) -> None:
    cli.fails("--lang", "fr", "due", "5wd", code=2)


def test_calendar_show_lists_sources_and_provisional_years(cli: Cli) -> None:
    cli.ok("init")
    cli.ok("calendar", "add-workday", "2025-09-06", "--name", "Làm bù lễ hội")
    data = json.loads(cli.ok("calendar", "show", "--year", "2025", "--json").stdout)
    days = {d["day"]: d for d in data["days"]}
    assert days["2025-04-26"] == {
        "day": "2025-04-26",
        "kind": "work",
        "name": "2025-05-02",
        "source": "package",
    }
    assert days["2025-09-06"]["source"] == "center"
    assert days["2025-09-02"]["kind"] == "off"
    assert data["provisional"] is False
    assert json.loads(cli.ok("calendar", "show", "--year", "2027", "--json").stdout)["provisional"] is True
    assert "provisional" in cli.ok("calendar", "show", "--year", "2027").stdout


def test_calendar_changes_are_audited_and_removable(cli: Cli) -> None:
    cli.ok("init")
    cli.ok("calendar", "add-holiday", "5/9/2025", "--name", "Lễ hội xã")
    assert (
        json.loads(cli.ok("due", "1wd", "--at", "2025-09-04 09:00", "--json").stdout)["due_date"]
        == "2025-09-08"
    )
    cli.ok("calendar", "remove", "2025-09-05")
    assert (
        json.loads(cli.ok("due", "1wd", "--at", "2025-09-04 09:00", "--json").stdout)["due_date"]
        == "2025-09-05"
    )
    steps = [
        r[0] for r in sqlite3.connect(cli.db).execute("SELECT step FROM events WHERE dossier_code IS NULL")
    ]
    assert steps == ["init", "calendar.add-holiday", "calendar.remove"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["calendar", "remove", "2025-09-05"], "no center override"),
        (["calendar", "add-holiday", "2025-09-06"], "already a day off"),
        (["calendar", "add-workday", "2025-09-05"], "already a working day"),
        (["calendar", "add-holiday", "31/9/2025"], "'31/9/2025'"),
    ],
)
def test_calendar_refusals(cli: Cli, args: list[str], needle: str) -> None:
    cli.ok("init")
    assert needle in cli.fails(*args)


def test_calendar_show_bad_year_is_a_usage_error(cli: Cli) -> None:
    cli.ok("init")
    cli.fails("calendar", "show", "--year", "abc", code=2)


def test_bad_tthc_lang_is_refused(cli: Cli) -> None:
    cli.ok("init")
    before = cli.fingerprint()
    result = cli.runner.invoke(
        __import__("tthc.cli.main").cli.main.app,
        ["--db", str(cli.db), "config", "show"],
        env={"TTHC_LANG": "fr", "TTHC_DB": None},
    )
    assert result.exit_code == 1 and result.stderr == "Error: bad TTHC_LANG 'fr': expected vi (or vn) or en\n"
    assert cli.fingerprint() == before
