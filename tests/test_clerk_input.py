"""Input as clerks type it, honest corrections, and the machine's own failures as refusals."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli

AT = "2025-09-08 09:00"


def receive(cli: Cli, *args: str, at: str = AT, now: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(cli.ok("receive", *args, "--at", at, "--json", now=now).stdout)
    return data


def show(cli: Cli, code: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(cli.ok("show", code, "--json").stdout)
    return data


# -- dossier codes ------------------------------------------------------------------------------------
def test_a_code_in_any_case_and_in_its_short_form(center: Cli) -> None:
    code = receive(center, "ks", "--applicant", "Nguyễn Văn An")["code"]  # 000.00.20.H56-250908-0001
    assert show(center, code.lower())["code"] == code
    assert show(center, "250908-0001")["code"] == code
    assert show(center, "250908-1")["code"] == code
    center.ok("resolve", "250908-0001", "--at", "2025-09-08 10:00")
    assert show(center, code)["status"] == "resolved"


def test_a_short_code_shared_by_two_unit_codes_is_refused_with_both(center: Cli) -> None:
    center.ok("point", "add", "Điểm 3", "--prefix", "000.00.20.H99")
    a = receive(center, "ks", "--applicant", "A")["code"]
    b = receive(center, "ks", "--applicant", "B", "--point", "Điểm 3")["code"]
    err = center.fails("show", "250908-0001")
    assert a in err and b in err


# -- phone numbers -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "typed", ["0987 654 321", "0987.654.321", "+84 987 654 321", "84987654321", "0987-654-321"]
)
def test_a_phone_number_is_one_number_however_typed(center: Cli, typed: str) -> None:
    code = receive(center, "ks", "--applicant", "A", "--phone", typed)["code"]
    assert show(center, code)["phone"] == "0987654321"
    for search in ("0987654321", "+84 987 654 321", "0987.654.321"):
        found = json.loads(center.ok("list", "--search", search, "--json").stdout)
        assert [d["code"] for d in found] == [code], search


@pytest.mark.parametrize("typed", ["12345", "0987 654 32a", "+1 555 0100 200"])
def test_a_phone_number_that_is_not_one_is_refused(center: Cli, typed: str) -> None:
    assert "bad phone number" in center.fails("receive", "ks", "--applicant", "A", "--phone", typed)


# -- names, lengths and steps that make no sense ------------------------------------------------------
def test_officers_match_as_a_clerk_types_them(center: Cli) -> None:
    center.ok("officer", "add", "Nguyễn Thị Hồng")
    code = receive(center, "ks", "--applicant", "A", "--officer", "nguyen thi hong")["code"]
    assert show(center, code)["officer"] == "Nguyễn Thị Hồng"
    center.ok("handover", code, "--to", "LAN")
    assert show(center, code)["officer"] == "Lan"


def test_an_ambiguous_given_name_is_refused_with_the_candidates(center: Cli) -> None:
    center.ok("officer", "add", "Nguyễn Thị Hoa")
    center.ok("officer", "add", "Lê Thị Hoa")
    err = center.fails("receive", "ks", "--applicant", "A", "--officer", "hoa")
    assert "Nguyễn Thị Hoa" in err and "Lê Thị Hoa" in err


def test_handing_over_to_the_officer_already_in_charge_is_refused(center: Cli) -> None:
    code = receive(center, "ks", "--applicant", "A", "--officer", "Lan")["code"]
    assert "already in the charge of Lan" in center.fails("handover", code, "--to", "lan")


@pytest.mark.parametrize(
    ("option", "length", "most"), [("--applicant", 201, 200), ("--address", 301, 300), ("--note", 1001, 1000)]
)
def test_text_longer_than_its_field_is_refused(center: Cli, option: str, length: int, most: int) -> None:
    args = ["receive", "ks", "--applicant", "A", option, "x" * length]
    if option == "--applicant":
        args = ["receive", "ks", option, "x" * length]
    assert f"{length} characters, at most {most}" in center.fails(*args)


def test_a_supplement_request_names_the_papers_asked_for(center: Cli) -> None:
    code = receive(center, "1.000894", "--applicant", "A", "--limit", "5wd")["code"]
    assert "Missing option '--reason'" in center.fails("supplement", code, code=2)
    assert "the reason must not be empty" in center.fails("supplement", code, "--reason", "  ")


# -- filters that name nothing ---------------------------------------------------------------------
@pytest.mark.parametrize("command", [["list"], ["export", "out.csv"], ["summary", "--month", "2025-09"]])
def test_an_unknown_field_is_refused_with_the_known_ones(
    center: Cli, command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    err = center.fails(*command, "--field", "Đất đai")
    assert "unknown field 'Đất đai'" in err and "Hộ tịch" in err and "Chứng thực" in err
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("command", [["list"], ["export", "out.csv"], ["summary", "--month", "2025-09"]])
def test_an_unknown_procedure_is_refused(center: Cli, command: list[str], tmp_path: Path) -> None:
    assert "unknown procedure '9.999999'" in center.fails(*command, "--procedure", "9.999999")


def test_a_procedure_is_typed_by_code_alias_or_full_name_wherever_one_is_asked(center: Cli) -> None:
    """One matcher for receive, due and list (and import): the code or alias first, then the
    full name in any case, with or without diacritics."""
    for typed in ("1.001193", "KS", "dang ky khai sinh"):
        assert receive(center, typed, "--applicant", "A")["procedure"] == "1.001193"
    quote = json.loads(center.ok("due", "Đăng ký khai sinh", "--at", AT, "--json").stdout)
    assert quote["limit"] == "same-day"
    listed = json.loads(center.ok("list", "--procedure", "ĐĂNG KÝ KHAI SINH", "--json").stdout)
    assert [d["procedure"] for d in listed] == ["1.001193"] * 3
    assert "unknown procedure 'dang ky'" in center.fails("receive", "dang ky", "--applicant", "A", "--at", AT)
    assert "neither a time limit nor a procedure's code, alias or name" in center.fails("due", "dang ky")


def test_a_field_matches_in_any_case_and_without_diacritics(center: Cli) -> None:
    receive(center, "ks", "--applicant", "A")
    assert len(json.loads(center.ok("list", "--field", "ho tich", "--json").stdout)) == 1
    one_field = json.loads(center.ok("summary", "--month", "2025-09", "--field", "HỘ TỊCH", "--json").stdout)
    assert one_field["received"] == 1


# -- init run twice ------------------------------------------------------------------------------------
def test_running_init_again_changes_nothing_unless_asked(center: Cli) -> None:
    before = center.fingerprint()
    out = center.ok("init", "--center", "Trung tâm khác", "--prefix", "000.00.20.H99").stdout
    assert "would become '000.00.20.H99'" in out and "--update" in out
    assert center.fingerprint() == before
    center.ok("init", "--prefix", "000.00.20.H99", "--update")
    assert json.loads(center.ok("config", "show", "--json").stdout)["code_prefix"] == "000.00.20.H99"


# -- honest corrections ----------------------------------------------------------------------------------
def test_undo_says_what_it_reverts_and_needs_a_reason(center: Cli) -> None:
    code = receive(center, "ks", "--applicant", "A")["code"]
    center.ok("resolve", code, "--at", "2025-09-09 11:00")
    assert "Missing option '--reason'" in center.fails("undo", code, code=2)
    out = center.ok("undo", code, "--reason", "bấm nhầm").stdout
    assert "will revert resolve of Tue 09/09/2025 11:00 (recorded by clerk)" in out
    undo = json.loads(center.ok("history", code, "--json").stdout)[-1]
    assert undo["step"] == "undo" and undo["details"]["reason"] == "bấm nhầm"


def test_a_late_result_cannot_be_made_on_time_by_undo_and_an_earlier_time(center: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """Resolved late on Tue 9/9 at 11:00 (same-day, due Mon 8/9); undone; re-dated to Mon 8/9."""
    code = receive(center, "ks", "--applicant", "A")["code"]
    center.ok("resolve", code, "--at", "2025-09-09 11:00")
    center.ok("undo", code, "--reason", "ghi nhầm giờ")
    err = center.fails("resolve", code, "--at", "2025-09-08 10:00")
    assert "earlier than the one undone (09/09/2025 11:00)" in err
    center.ok("resolve", code, "--at", "2025-09-09 11:30")  # later than the undone one: fine
    center.ok("undo", code, "--reason", "ghi nhầm giờ")
    center.ok("resolve", code, "--at", "2025-09-08 10:00", "--correct-time", "--reason", "giờ thật theo sổ")
    assert show(center, code)["timeliness"] == "on_time"
    listed = json.loads(center.ok("corrections", "--month", "2025-09", "--json").stdout)
    assert [(c["kind"], c["step"]) for c in listed] == [
        ("undo", "resolve"),
        ("undo", "resolve"),
        ("correction", "resolve"),
    ]
    assert listed[-1]["reason"] == "giờ thật theo sổ" and listed[-1]["replaced"] == "2025-09-09T11:30:00"
    summary = center.ok("summary", "--month", "2025-09").stdout
    assert "3 changed timeline(s) in this period" in summary
    # at 80 columns in Vietnamese the command to type stays whole on its own line
    monkeypatch.setenv("COLUMNS", "80")
    lines = center.ok("--lang", "vi", "summary", "--month", "2025-09").stdout.splitlines()
    assert "  tthc corrections --from 2025-09-01 --to 2025-09-30" in lines
    assert "3 lần sửa quá trình xử lý trong kỳ; xem bằng lệnh:" in lines


def test_a_reported_month_is_not_rewritten_by_undo(center: Cli, tmp_path: Path) -> None:
    """A dossier returned in August; the August report is closed; undo three times."""
    code = receive(center, "ks", "--applicant", "A", at="2025-08-20 09:00", now="2025-08-20 09:00")["code"]
    center.ok("resolve", code, "--at", "2025-08-20 10:00", now="2025-08-20 10:00")
    center.ok("return", code, "--at", "2025-08-21 10:00", now="2025-08-21 10:00")
    out = center.ok("report", "--month", "2025-08", "--close").stdout
    assert "Periods up to 31/08/2025 are marked as reported" in out
    assert "already reported" in center.fails("undo", code, "--reason", "thử")
    assert "already reported" in center.fails(
        "receive", "ks", "--applicant", "B", "--at", "2025-08-29 09:00", "--late-entry"
    )
    assert "already reported" in center.fails("edit", code, "--officer", "Lan")
    center.ok("undo", code, "--reason", "trả nhầm người", "--correct-time")
    assert show(center, code)["status"] == "resolved"
    assert len(json.loads(center.ok("corrections", "--month", "2025-08", "--json").stdout)) == 1


def test_undo_asks_on_a_terminal(center: Cli, tmp_path: Path) -> None:
    """In a real terminal undo asks; answering no changes nothing, --yes skips the question."""
    code = receive(center, "ks", "--applicant", "A")["code"]
    center.ok("resolve", code, "--at", "2025-09-08 10:00")
    script = (
        "import pty, sys, os\n"
        "pid, fd = pty.fork()\n"
        "if pid == 0:\n"
        f"    os.execv(sys.executable, [sys.executable, '-m', 'tthc', '--db', {str(center.db)!r}, 'undo', {code!r},"
        " '--reason', 'x'])\n"
        "out = b''\n"
        "while b'Revert it?' not in out:\n"
        "    out += os.read(fd, 1024)\n"
        "os.write(fd, b'n\\n')\n"
        "try:\n"
        "    while True:\n"
        "        chunk = os.read(fd, 1024)\n"
        "        if not chunk: break\n"
        "        out += chunk\n"
        "except OSError:\n"
        "    pass\n"
        "print(os.waitpid(pid, 0)[1] >> 8, out.decode())\n"
    )
    before = center.fingerprint()
    env = {**os.environ, "TTHC_NOW": "2025-09-10 16:00", "TTHC_USER": "clerk"}
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert run.stdout.startswith("1 ") and "Aborted!" in run.stdout, run
    assert center.fingerprint() == before
    center.ok("undo", code, "--reason", "x", "--yes")
    assert show(center, code)["status"] == "processing"


# -- the history of dossiers that came in by file, or were taken back ---------------------------------
def test_history_of_an_undone_receipt_and_of_an_imported_dossier(center: Cli, tmp_path: Path) -> None:
    code = receive(center, "ks", "--applicant", "A")["code"]
    center.ok("undo", code, "--reason", "nhầm thủ tục")
    steps = [e["step"] for e in json.loads(center.ok("history", code, "--json").stdout)]
    assert steps == ["receive", "undo"]
    f = tmp_path / "in.csv"
    f.write_text("code,procedure,received_at,applicant\nHS-9,ks,2025-09-05 09:00,B\n", encoding="utf-8")
    center.ok("import", str(f))
    first = json.loads(center.ok("history", "HS-9", "--json").stdout)[0]
    assert first["step"] == "import" and first["details"]["file"] == str(f)


# -- the machine's own failures ------------------------------------------------------------------------
def run_tthc(*args: str, db: Path, limit_bytes: int | None = None) -> subprocess.CompletedProcess[str]:
    """tthc as a real process; ``limit_bytes`` caps the size of files it may write (a full disk)."""
    env = {**os.environ, "TTHC_NOW": "2025-09-10 16:00", "TTHC_USER": "t", "TTHC_LANG": ""}

    def cap() -> None:
        if limit_bytes is not None:
            import resource

            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run(
        [sys.executable, "-m", "tthc", "--db", str(db), *args],
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=cap,
    )


def test_a_full_disk_during_init_leaves_no_half_database(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run = run_tthc("init", db=db, limit_bytes=40_000)
    assert run.returncode == 1 and run.stderr.startswith(f"Error: cannot use {db}:"), run.stderr
    assert "Traceback" not in run.stderr and list(tmp_path.iterdir()) == []


def test_a_database_in_a_folder_that_cannot_exist_is_a_refusal(tmp_path: Path) -> None:
    run = run_tthc("init", db=Path("/proc/tthc/c.db"))
    assert run.returncode == 1 and run.stderr.startswith("Error: cannot use /proc/tthc"), run.stderr
    assert "Traceback" not in run.stderr


def test_an_export_to_an_unwritable_place_is_a_refusal(center: Cli) -> None:
    run = run_tthc("export", "/proc/dossiers.csv", db=center.db)
    assert run.returncode == 1 and run.stderr.startswith("Error: cannot write /proc/dossiers.csv"), run.stderr


def test_a_read_only_database_is_a_refusal(center: Cli) -> None:
    """The database file cannot be written (made immutable, which binds root too)."""
    made = subprocess.run(["chattr", "+i", str(center.db)], capture_output=True)
    try:
        if made.returncode == 0:
            run = run_tthc("receive", "ks", "--applicant", "A", db=center.db)
        else:  # no immutable files here: a size cap refuses every write the same way
            run = run_tthc("receive", "ks", "--applicant", "A", db=center.db, limit_bytes=0)
    finally:
        subprocess.run(["chattr", "-i", str(center.db)], capture_output=True)
    assert run.returncode == 1 and run.stderr.startswith(f"Error: cannot use {center.db}:"), run.stderr
    assert "Traceback" not in run.stderr


# -- input that only looks like input ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "needle"),
    [
        ("1/7/1025", "between 1990 and 2100"),  # a slipped key, not a dossier of the Lý dynasty
        ("31/12/9999", "between 1990 and 2100"),
        ("١/٧/٢٠٢٥", "bad date"),  # Arabic-Indic digits look like digits to Python, not to a clerk
    ],
)
def test_a_date_out_of_any_dossiers_reach_is_refused(center: Cli, typed: str, needle: str) -> None:
    err = center.fails("receive", "ks", "--applicant", "Nguyễn Văn An", "--at", typed)
    assert needle in err, err


def test_a_name_with_control_characters_is_refused(center: Cli) -> None:
    err = center.fails("receive", "ks", "--applicant", "Nguyễn\x1b[2JVăn An", "--at", AT)
    assert "control characters" in err


def test_an_empty_receipt_moment_is_a_bad_date(center: Cli) -> None:
    assert "bad date" in center.fails("receive", "ks", "--applicant", "Nguyễn Văn An", "--at", "")


def test_a_search_of_only_punctuation_is_refused_rather_than_listing_everything(center: Cli) -> None:
    receive(center, "ks", "--applicant", "Nguyễn Văn An")
    assert "nothing to search for" in center.fails("list", "--search", "--- ")


@pytest.mark.parametrize(
    ("option", "value", "needle"),
    [("--due-within", "100000", "0 to 365"), ("--limit", "99999999999", "1 to 1000000")],
)
def test_a_list_bound_beyond_reason_is_refused_with_the_range(
    center: Cli, option: str, value: str, needle: str
) -> None:
    assert needle in center.fails("list", option, value)


def test_a_time_limit_of_a_million_days_is_refused(center: Cli) -> None:
    err = center.fails("procedure", "add", "9.000001", "--name", "X", "--field", "Y", "--limit", "9999999wd")
    assert "9999999wd" in err


def test_a_fee_too_long_to_be_money_is_refused(center: Cli) -> None:
    err = center.fails(
        "procedure", "add", "9.000001", "--name", "X", "--field", "Y", "--limit", "3wd", "--fee", "1" * 20
    )
    assert "fee" in err.lower(), err


def test_a_csv_row_the_reader_cannot_take_is_one_line(center: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "dossiers.csv"
    bad.write_text("code,procedure,applicant,received_at\n" + "x," * 3 + '"' + "a" * 200_000 + '"\n')
    err = center.fails("import", str(bad))
    assert "row" in err and err.count("\n") == 1, err


def test_a_file_claiming_to_be_tthc_without_its_tables_is_refused(center: Cli, tmp_path: Path) -> None:
    import sqlite3

    fake = tmp_path / "fake.db"
    real = sqlite3.connect(center.db)
    app_id, version = (
        real.execute("PRAGMA application_id").fetchone()[0],
        real.execute("PRAGMA user_version").fetchone()[0],
    )
    real.close()
    conn = sqlite3.connect(fake)
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    before = fake.read_bytes()
    result = center("--db", str(fake), "list")
    assert result.exit_code == 1 and "is not a tthc database" in result.stderr, result.stderr
    assert fake.read_bytes() == before


@pytest.mark.parametrize("url", ["http://tthc.example:99999/", "http://[::1/"])
def test_a_public_address_that_is_not_one_is_refused(center: Cli, url: str) -> None:
    assert url in center.fails("config", "set", "public_url", url)


def test_the_language_setting_takes_the_words_a_clerk_uses(center: Cli) -> None:
    center.ok("config", "set", "lang", "vn")
    assert "vi" in center.ok("config", "show").stdout


@pytest.mark.parametrize(
    ("key", "value", "needle"),
    [
        ("period_start_day", "abc", "bad value 'abc' for period_start_day: expected a whole number"),
        (
            "supplement_policy",
            "pause",
            "bad value 'pause' for supplement_policy: expected one of restart, freeze",
        ),
        (
            "office_hours",
            "7:30-11:30;13:30-17:00",
            "bad value '7:30-11:30;13:30-17:00' for office_hours: expected HH:MM-HH:MM[,HH:MM-HH:MM…]",
        ),
        ("manager_password", "hunter22", "manager_password is not stored hashed"),
    ],
)
def test_a_setting_broken_outside_tthc_is_a_refusal_naming_it_that_config_set_mends(
    center: Cli, key: str, value: str, needle: str
) -> None:
    """Someone edited the settings table with a database tool: every command says which
    setting is bad and how to set it again, instead of crashing; ``config set`` still works."""
    import sqlite3

    from tthc.core.settings import SETTINGS

    conn = sqlite3.connect(center.db)
    with conn:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
    conn.close()
    err = center.fails("receive", "ks", "--applicant", "A", "--at", AT)
    assert (
        err
        == f"Error: the database holds a bad setting: {needle}; set it again with `tthc config set {key} …`\n"
    )
    assert "hunter22" not in err
    shown = center.ok("config", "show").stdout  # the broken value as held, a secret only as set
    assert (value in shown) != (key == "manager_password"), shown
    center.ok("config", "set", key, SETTINGS[key].default)
    assert receive(center, "ks", "--applicant", "A")["code"].endswith("-0001")
