"""A refusal is never confused with a crash: every command refuses bad input with one line,
exit status 1 and nothing written; a bug exits 70 and says it is one."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from tests.conftest import Cli, sandbox_env
from tthc.cli.main import BUG_EXIT, app
from tthc.core.errors import Msg, TthcError

CODE = "000.00.20.H56-250908-0001"

#: One refusal per command: (command, arguments, what the message names).
REFUSALS = [
    ("init", ["init", "--prefix", "bad prefix!"], "bad unit code"),
    ("due", ["due", "5 tuần"], "5 tuần"),
    ("receive", ["receive", "ks", "--applicant", "A", "--at", "07/13/2025"], "'07/13/2025'"),
    ("handover", ["handover", CODE, "--to", "Nobody"], "unknown officer 'Nobody'"),
    ("supplement", ["supplement", "NO-SUCH-CODE", "--reason", "CCCD"], "unknown dossier code"),
    ("resume", ["resume", CODE], "cannot record resume"),
    ("resolve", ["resolve", CODE, "--at", "2025-09-08 08:00"], "before the dossier's previous step"),
    ("close", ["close", CODE], "cannot record close"),
    ("forward", ["forward", CODE], "not for another authority"),
    ("notify", ["notify", CODE, "--at", "2025-09-01 08:00"], "add --late-entry"),
    ("return", ["return", CODE], "cannot record return"),
    ("withdraw", ["withdraw", CODE, "--at", "2099-01-01"], "in the future"),
    ("apologize", ["apologize", CODE, "--new-date", "2025-09-01", "--reason", "chờ"], "must be after"),
    ("show", ["show", "NO-SUCH-CODE"], "unknown dossier code"),
    ("history", ["history", "NO-SUCH-CODE"], "unknown dossier code"),
    ("list", ["list", "--due-within", "-1"], "--due-within -1"),
    ("edit", ["edit", CODE], "nothing to change"),
    ("undo", ["undo", "NO-SUCH-CODE", "--reason", "ghi nhầm"], "unknown dossier code"),
    ("corrections", ["corrections", "--quarter", "Q5/2025"], "'Q5/2025'"),
    ("summary", ["summary", "--month", "2025-13"], "'2025-13'"),
    ("report", ["report", "--out", "form.pdf"], "written as .xlsx"),
    ("import", ["import", "missing.csv"], "no such file"),
    ("export", ["export", "dossiers.txt"], "expected a .csv, .xlsx or .json"),
    ("rollup", ["rollup", "no-such-export"], "neither a center's export"),
    ("backup", ["backup", "{db}"], "already exists"),
    ("restore", ["restore", "missing.db"], "no such file"),
    ("demo", ["demo", "--db", "{db}"], "not a demo"),
    ("config show", ["--db", "missing.db", "config", "show"], "no tthc database"),
    ("config set", ["config", "set", "same_day_cutoff", "25:00"], "'25:00'"),
    ("calendar show", ["--db", "{folder}", "calendar", "show"], "cannot use"),
    ("calendar add-holiday", ["calendar", "add-holiday", "2025-09-06"], "already a day off"),
    ("calendar add-workday", ["calendar", "add-workday", "2025-09-08"], "already a working day"),
    ("calendar remove", ["calendar", "remove", "2025-09-08"], "no center override"),
    ("calendar confirm", ["calendar", "confirm", "2025-11-24"], "not an unconfirmed day off"),
    ("calendar reject", ["calendar", "reject", "31/02/2026"], "no such day"),
    ("calendar check", ["calendar", "check", "--apply"], "--apply needs --reason"),
    (
        "procedure add",
        ["procedure", "add", "1.001193", "--name", "X", "--field", "Y", "--limit", "1wd"],
        "already exists",
    ),
    ("procedure list", ["--db", "missing.db", "procedure", "list"], "no tthc database"),
    ("procedure show", ["procedure", "show", "9.999"], "unknown procedure"),
    ("procedure edit", ["procedure", "edit", "ks", "--limit", "0d"], "must be positive"),
    ("procedure import", ["procedure", "import", "procedures.csv"], "no such file"),
    ("officer add", ["officer", "add", "lan"], "already registered"),
    ("officer list", ["--db", "missing.db", "officer", "list"], "no tthc database"),
    ("point add", ["point", "add", "Điểm 3", "--prefix", "bad prefix!"], "bad unit code"),
    ("point list", ["--db", "missing.db", "point", "list"], "no tthc database"),
    ("serve", ["--db", "missing.db", "serve"], "no tthc database"),
    ("receipt", ["receipt", "NO-SUCH-CODE", "--html", "slip.html"], "unknown dossier code"),
    ("slip", ["slip", CODE, "02"], "has no supplement request"),
    ("logbook", ["logbook", "--month", "2025-09", "--out", "book.csv"], "written as .xlsx"),
    ("officers", ["officers", "--month", "2025-13"], "'2025-13'"),
    ("late", ["late", "--out", "late.pdf"], "expected a .csv or .xlsx file"),
    ("merge", ["merge", "other.db"], "no such file"),
    ("rollup", ["rollup", "nothing-here"], "neither a center's export"),
    ("procedure export", ["procedure", "export", "procedures.txt"], "expected a .csv or .xlsx"),
    ("indicators", ["indicators", "--quarter", "2025-Q5"], "'2025-Q5'"),
]


def commands() -> set[str]:
    root = typer.main.get_command(app)
    out: set[str] = set()

    def walk(cmd: object, ctx: object, prefix: tuple[str, ...]) -> None:
        if hasattr(cmd, "list_commands"):
            for name in cmd.list_commands(ctx):
                walk(cmd.get_command(ctx, name), ctx, (*prefix, name))
        else:
            out.add(" ".join(prefix))

    walk(root, None, ())
    return out


def test_every_command_has_a_refusal_below() -> None:
    assert commands() == {name for name, _, _ in REFUSALS}


@pytest.fixture()
def received(center: Cli) -> Cli:
    center.ok("receive", "ks", "--applicant", "Nguyễn Văn An", "--at", "2025-09-08 09:00")
    return center


@pytest.mark.parametrize(("name", "args", "needle"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_a_refusal_is_one_line_exit_1_and_writes_nothing(
    received: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, args: list[str], needle: str
) -> None:
    monkeypatch.chdir(tmp_path)
    filled = [a.format(db=received.db, folder=tmp_path) for a in args]
    err = received.fails(*filled)
    assert needle in err, err
    assert err.count("\n") == 1, err


def test_a_bug_exits_70_says_so_and_writes_nothing(received: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from tthc.core import transitions

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(transitions, "apply", broken)
    before = received.fingerprint()
    result = received("resolve", CODE)
    assert result.exit_code == BUG_EXIT
    assert result.stderr == (
        "Error: internal error (a bug in tthc, not your input): ZeroDivisionError: division by zero."
        " The change it was writing was rolled back."
        " Please report it; TTHC_DEBUG=1 shows the details\n"
    )
    assert "Traceback" not in result.stderr and received.fingerprint() == before
    vi = received("resolve", CODE, lang="vi")
    assert vi.exit_code == BUG_EXIT and vi.stderr.startswith("Lỗi: lỗi nội bộ")
    assert "Thay đổi đang ghi dở đã được huỷ bỏ." in vi.stderr


def test_a_bug_after_the_dossier_was_saved_does_not_claim_nothing_was_written(
    center: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The receipt is committed, then printing it fails: the message says it stays saved."""
    from tthc.present import render

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(render, "print_received", broken)
    result = center("receive", "ks", "--applicant", "A", "--at", "2025-09-08 09:00")
    assert result.exit_code == BUG_EXIT
    assert "What it had saved before stays saved." in result.stderr
    assert "rolled back" not in result.stderr and "Nothing was written" not in result.stderr
    monkeypatch.undo()
    assert center.ok("show", CODE, "--json").stdout  # it was saved, as the message said


def test_ctrl_c_in_the_middle_of_a_step_rolls_it_back_and_says_so(
    received: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tthc.core import transitions

    def pressed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(transitions, "apply", pressed)
    err = received.fails("resolve", CODE)
    assert err == "Error: interrupted. The change it was writing was rolled back.\n"


def test_a_bug_before_any_write_claims_nothing_about_writes(
    received: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tthc.app import dossiers

    monkeypatch.setattr(dossiers, "show", lambda *a, **k: 1 / 0)
    result = received("show", CODE)
    assert result.exit_code == BUG_EXIT
    assert result.stderr == (
        "Error: internal error (a bug in tthc, not your input): ZeroDivisionError: division by zero."
        " Please report it; TTHC_DEBUG=1 shows the details\n"
    )


def test_the_refusal_helper_does_not_accept_a_bug(received: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from tthc.core import transitions

    monkeypatch.setattr(transitions, "apply", lambda *a: 1 / 0)
    with pytest.raises(AssertionError, match="a bug, not a refusal"):
        received.fails("resolve", CODE)


def test_with_tthc_debug_a_bug_shows_its_traceback(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    env = sandbox_env(TTHC_DB=str(db), TTHC_NOW="2025-09-10 16:00", PATH="/usr/bin:/bin")
    script = (
        "import sys; from tthc.core import transitions; from tthc.cli.main import app\n"
        "def broken(*a): raise ZeroDivisionError('boom')\n"
        "transitions.apply = broken\n"
        "app(sys.argv[1:])\n"
    )
    run = [sys.executable, "-c", script]
    subprocess.run([*run, "init"], env=env, check=True, capture_output=True)
    subprocess.run(
        [*run, "receive", "ks", "--applicant", "A", "--at", "2025-09-10 09:00"], env=env, check=True
    )
    quiet = subprocess.run([*run, "resolve", "TTHC-250910-0001"], env=env, capture_output=True, text=True)
    assert quiet.returncode == BUG_EXIT and "Traceback" not in quiet.stderr
    loud = subprocess.run(
        [*run, "resolve", "TTHC-250910-0001"], env={**env, "TTHC_DEBUG": "1"}, capture_output=True, text=True
    )
    assert "Traceback" in loud.stderr and "ZeroDivisionError: boom" in loud.stderr


def test_a_message_key_that_does_not_exist_is_a_bug_when_the_refusal_is_built() -> None:
    with pytest.raises(KeyError, match="no message"):
        TthcError("nothing to change: give --name")
    with pytest.raises(KeyError, match="needs"):
        Msg("unknown dossier code {code!r}")  # its {code} is missing
    assert "KHONG" in TthcError("unknown dossier code {code!r}", code="KHONG").message


def test_a_closed_pipe_is_not_a_crash(received: Cli) -> None:
    """``tthc history CODE | head -1``: the reader goes away; tthc ends quietly, never a traceback."""
    env = sandbox_env(
        TTHC_DB=str(received.db), TTHC_NOW="2025-09-10 16:00", TTHC_USER="t", PATH="/usr/bin:/bin"
    )
    # show: the quick path, without the command tree; `true` is gone before anything is written
    for command, reader in (("history", "head -c 10"), ("show", "true")):
        cmd = f"'{sys.executable}' -m tthc {command} {CODE} | {reader}; exit ${{PIPESTATUS[0]}}"
        for _ in range(3):  # the race between the writer and head's exit is not always won
            run = subprocess.run(["bash", "-c", cmd], env=env, capture_output=True, text=True)
            assert "Traceback" not in run.stderr, run.stderr
            assert run.returncode in (0, 1), run
            assert run.returncode == 0 or "the output was closed before everything was written" in run.stderr


@pytest.mark.parametrize(
    "command",
    [
        "summary --month 9/2025",  # drawn by rich, whose own closed-pipe exit said nothing
        "report --month 9/2025",
        "calendar show --year 2025",
    ],
)
def test_a_september_summary_piped_to_a_reader_already_gone_says_why_it_stopped(
    received: Cli, command: str
) -> None:
    """``tthc summary | head -1`` with the reader gone before the first line: one refusal
    line and exit 1, as the plain commands give, not a silent exit 1 that reads as a failure."""
    env = sandbox_env(
        TTHC_DB=str(received.db), TTHC_NOW="2025-09-10 16:00", TTHC_USER="t", PATH="/usr/bin:/bin"
    )
    gone, pipe = os.pipe()
    os.close(gone)  # the reader has gone before the command starts: no race to win
    try:
        run = subprocess.run(
            [sys.executable, "-m", "tthc", *command.split()], env=env, stdout=pipe, stderr=subprocess.PIPE, text=True
        )
    finally:
        os.close(pipe)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 1, run
    assert run.stderr == "Error: the output was closed before everything was written\n", run
