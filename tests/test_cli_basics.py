"""What people expect of any command line: --version, -h, and completion with the Tab key
(commands, dossier codes from the database, procedure codes and aliases)."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from conftest import Cli


def test_version_comes_from_the_package_metadata(cli: Cli) -> None:
    result = cli.ok("--version")
    assert result.stdout.strip() == f"tthc {version('tthc')}"
    assert not cli.db.exists(), "asking the version opens no database"


def test_dash_h_is_help_for_the_tool_and_every_command(center: Cli) -> None:
    for args in ([], ["receive"], ["calendar", "show"], ["officer", "add"]):
        assert center.ok(*args, "-h").stdout == center.ok(*args, "--help").stdout
    assert center.ok("-h", lang="vi").stdout.startswith("Cách dùng: tthc")


def test_an_officer_has_no_unit_code_and_its_help_offers_none(center: Cli) -> None:
    assert "--prefix" not in center.ok("officer", "add", "--help").stdout
    center.fails("officer", "add", "Hoa", "--prefix", "X.1", code=2)
    assert "--prefix" in center.ok("point", "add", "--help").stdout
    center.ok("point", "add", "Điểm 3", "--prefix", "000.00.20.H57")


def _complete(db: Path, words: str, home: Path) -> list[str]:
    """What bash would be offered for the last word of ``words``, through the installed tool."""
    env = {
        **os.environ,
        "_TTHC_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        "TTHC_HOME": str(home),
    }
    env.pop("TTHC_DB", None)
    out = subprocess.run(
        [sys.executable, "-m", "tthc"], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return out.stdout.split()


def test_tab_completes_the_dossiers_received_on_monday_8_september_2025(center: Cli, tmp_path: Path) -> None:
    for name in ("Nguyễn Văn An", "Lê Thị Bình"):
        center.ok("receive", "ks", "--applicant", name, "--at", "08/09/2025 09:00")
    center.ok("receive", "ks", "--applicant", "Trần Cúc", "--at", "09/09/2025 09:00")
    db = f"--db {center.db}"
    assert _complete(center.db, f"tthc {db} show 250908", tmp_path) == ["250908-0002", "250908-0001"]
    assert _complete(center.db, f"tthc {db} resolve 000.00.20.H56-25090", tmp_path) == [
        "000.00.20.H56-250909-0001",
        "000.00.20.H56-250908-0002",
        "000.00.20.H56-250908-0001",
    ]
    assert "1.001193" in _complete(center.db, f"tthc {db} receive 1.0", tmp_path)
    assert _complete(center.db, f"tthc {db} receive k", tmp_path) == ["kh", "ks", "kt"]  # the aliases
    assert "summary" in _complete(center.db, "tthc su", tmp_path)
    # a database that cannot be read completes nothing, and says nothing in the middle of a line
    assert _complete(tmp_path / "none.db", f"tthc --db {tmp_path / 'none.db'} show 25", tmp_path) == []


def test_the_completion_script_for_each_shell_in_either_spelling(tmp_path: Path) -> None:
    for var, marker in (
        ("bash_source", "_tthc_completion"),
        ("source_bash", "_tthc_completion"),
        ("zsh_source", "#compdef tthc"),
        ("source_powershell", "Register-ArgumentCompleter"),
    ):
        env = {**os.environ, "_TTHC_COMPLETE": var, "TTHC_HOME": str(tmp_path)}
        out = subprocess.run(
            [sys.executable, "-m", "tthc"], env=env, capture_output=True, text=True, check=True
        )
        assert marker in out.stdout, (var, out.stderr)
