"""Shared fixtures: the real Vietnam calendar, a CLI runner bound to a temporary database, and
an initialised center copied per test from a template built once."""

import hashlib
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tthc.app.context import Context
from tthc.cli.main import BUG_EXIT, app
from tthc.core.workcalendar import WorkCalendar

NOW = "2025-09-10 16:00"


def _built_once() -> None:
    """Typer builds the whole command tree for every invocation (about 10 ms); a process runs
    one command, but the suite runs thousands: build the tree once and reuse it."""
    import typer.main
    import typer.testing

    tree = typer.main.get_command(app)
    typer.testing._get_command = lambda given: tree if given is app else typer.main.get_command(given)  # type: ignore[attr-defined]


_built_once()
PREFIXES = {"en": "Error: ", "vi": "Lỗi: "}


@pytest.fixture(scope="session")
def cal() -> WorkCalendar:
    """Vietnam's calendar from the real ``holidays`` package, default office hours."""
    return WorkCalendar()


@pytest.fixture(autouse=True)
def _no_real_home(tmp_path: Path) -> Iterator[None]:
    """No test reads or writes this PC's real station file, nor takes its point from the shell:
    the home and application folders a process finds without TTHC_HOME are temporary too, and
    subprocesses inherit them (``sandbox_env``). Its own patch, apart from the test's
    ``monkeypatch``: a test that undoes its patches half-way (``monkeypatch.undo()``) does
    not bring the real home back for the rest of it."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TTHC_HOME", str(tmp_path / "tthc-home"))
        user_home = tmp_path / "user-home"
        for name, folder in (
            ("HOME", user_home),
            ("USERPROFILE", user_home),
            ("APPDATA", user_home / "AppData" / "Roaming"),
            ("LOCALAPPDATA", user_home / "AppData" / "Local"),
            ("XDG_CONFIG_HOME", user_home / ".config"),
            ("XDG_DATA_HOME", user_home / ".local" / "share"),
        ):
            env.setenv(name, str(folder))
        env.delenv("TTHC_POINT", raising=False)
        env.delenv("TTHC_OFFICER", raising=False)
        # nor the shell's terminal width: a screen is drawn as wide as a test asks (COLUMNS),
        # or as a file or pipe is, the same in every terminal the suite is run from
        env.delenv("COLUMNS", raising=False)
        env.delenv("LINES", raising=False)
        yield


#: What a subprocess of a test keeps of the environment besides what the test gives it: the
#: temporary home and application folders of :func:`_no_real_home`.
SANDBOX_KEYS = (
    "HOME",
    "USERPROFILE",
    "APPDATA",
    "LOCALAPPDATA",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "TTHC_HOME",
)


def sandbox_env(**env: str) -> dict[str, str]:
    """A small environment for a subprocess, with this test's temporary folders for home."""
    import os

    return {**{k: os.environ[k] for k in SANDBOX_KEYS if k in os.environ}, **env}


class Cli:
    """Runs ``tthc`` commands against one database file with a pinned clock, on a PC of its
    own: its station file lives in ``home`` (by default a folder beside the database)."""

    def __init__(self, db: Path, now: str, home: Path | None = None) -> None:
        self.db = db
        self.now = now
        self.home = home or db.with_name(db.stem + "-home")
        self.runner = CliRunner()

    def __call__(
        self,
        *args: str,
        now: str | None = None,
        lang: str | None = None,
        user: str = "clerk",
        env: dict[str, str] | None = None,
        input: str | None = None,
    ) -> Any:
        base = {"TTHC_NOW": now or self.now, "TTHC_LANG": lang or "", "TTHC_USER": user, "TTHC_DB": None}
        base["TTHC_HOME"] = str(self.home)
        args_ = ["--db", str(self.db), *args]
        return self.runner.invoke(app, args_, env={**base, **(env or {})}, prog_name="tthc", input=input)

    def ok(self, *args: str, **kw: Any) -> Any:
        result = self(*args, **kw)
        assert result.exit_code == 0, (result.stdout, result.stderr)
        return result

    def fails(self, *args: str, code: int = 1, **kw: Any) -> str:
        """Run a command that must be refused; prove it was a refusal (not a bug), printed one
        ``Error:`` line in the user's language, and wrote nothing."""
        before = self.fingerprint()
        result = self(*args, **kw)
        assert result.exit_code != BUG_EXIT, f"a bug, not a refusal: {result.stderr}"
        assert result.exit_code == code, (result.stdout, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout
        assert "internal error" not in result.stderr and "lỗi nội bộ" not in result.stderr
        if code == 1:
            prefixes = [PREFIXES[kw["lang"]]] if kw.get("lang") else list(PREFIXES.values())
            assert any(result.stderr.startswith(p) for p in prefixes), result.stderr
        assert self.fingerprint() == before, "a refused command changed the database"
        return str(result.stderr)

    def fingerprint(self) -> str:
        """Bytes of the database and its WAL: equal means nothing was written. (Reading a
        database in WAL mode may create an empty WAL file: no data, so the same print.)"""
        digest = hashlib.sha256()
        for suffix in ("", "-wal"):
            path = Path(str(self.db) + suffix)
            digest.update(path.read_bytes() if path.exists() else b"")
        digest.update(b"db" if self.db.exists() else b"-")
        return digest.hexdigest()

    def context(self, now: str | None = None) -> Context:
        """The services' context on this database, for building state without the CLI."""
        return Context(
            db_path=self.db, actor="clerk", now=datetime.fromisoformat(now or self.now), home=self.home
        )


def _copy_database(src: Path, dest: Path) -> None:
    """A copy of a checkpointed database: one file, no WAL to carry along."""
    shutil.copyfile(src, dest)


@pytest.fixture(scope="session")
def center_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An initialised center with two points and three officers, built once."""
    cli = Cli(tmp_path_factory.mktemp("template") / "center.db", now=NOW)
    cli.ok("init", "--center", "Trung tâm PVHCC xã Thử", "--prefix", "000.00.20.H56", "--point", "Điểm 1")
    cli.ok("point", "add", "Điểm 2")
    for name in ("Lan", "Đức", "Minh"):
        cli.ok("officer", "add", name)
    conn = sqlite3.connect(cli.db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return cli.db


@pytest.fixture()
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "center.db", now=NOW)


@pytest.fixture()
def center(cli: Cli, center_template: Path) -> Cli:
    """An initialised center with two points and three officers (a copy of the template)."""
    _copy_database(center_template, cli.db)
    return cli


def catalog_messages() -> dict[str, tuple[str, str]]:
    """Each message of the catalog, by its msgid (with its context): (English, Vietnamese), unfilled."""
    from tthc.locale.i18n import catalog, tr
    from tthc.locale.marks import PLURAL

    held = getattr(catalog("vi"), "_catalog", {})
    ids = {key if isinstance(key, str) else f"{key[0]}{PLURAL}" for key in held if key}
    return {msgid: (tr("en", msgid), tr("vi", msgid)) for msgid in ids}
