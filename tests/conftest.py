"""Shared fixtures: the real Vietnam calendar, and a CLI runner bound to a temporary database."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tthc.cli import app
from tthc.workcalendar import WorkCalendar


@pytest.fixture(scope="session")
def cal() -> WorkCalendar:
    """Vietnam's calendar from the real ``holidays`` package, default office hours."""
    return WorkCalendar()


class Cli:
    """Runs ``tthc`` commands against one database file with a pinned clock."""

    def __init__(self, db: Path, now: str) -> None:
        self.db = db
        self.now = now
        self.runner = CliRunner()

    def __call__(
        self, *args: str, now: str | None = None, lang: str | None = None, user: str = "clerk"
    ) -> Any:
        env = {"TTHC_NOW": now or self.now, "TTHC_LANG": lang or "", "TTHC_USER": user, "TTHC_DB": None}
        return self.runner.invoke(app, ["--db", str(self.db), *args], env=env)

    def ok(self, *args: str, **kw: Any) -> Any:
        result = self(*args, **kw)
        assert result.exit_code == 0, (result.stdout, result.stderr)
        return result

    def fails(self, *args: str, code: int = 1, **kw: Any) -> str:
        """Run a command that must be refused; prove it printed one Error line and wrote nothing."""
        before = self.fingerprint()
        result = self(*args, **kw)
        assert result.exit_code == code, (result.stdout, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout
        if code == 1:
            assert result.stderr.startswith("Error: "), result.stderr
        assert self.fingerprint() == before, "a refused command changed the database"
        return str(result.stderr)

    def fingerprint(self) -> str:
        """Bytes of the database and its WAL: equal means nothing was written."""
        digest = hashlib.sha256()
        for suffix in ("", "-wal"):
            path = Path(str(self.db) + suffix)
            digest.update(path.read_bytes() if path.exists() else b"-")
        return digest.hexdigest()


@pytest.fixture()
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "center.db", now="2025-09-10 16:00")


@pytest.fixture()
def center(cli: Cli) -> Cli:
    """An initialised center with two points and three officers."""
    cli.ok("init", "--center", "Trung tâm PVHCC xã Thử", "--prefix", "000.00.20.H56", "--point", "Điểm 1")
    cli.ok("point", "add", "Điểm 2")
    for name in ("Lan", "Đức", "Minh"):
        cli.ok("officer", "add", name)
    return cli
