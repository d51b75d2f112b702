"""The README's examples run as written: every command of its clerk's day and manager's
questions, in a fresh folder with the clock pinned as the README says."""

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tthc.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"
NOW = "2025-09-15 09:00"


def blocks(section: str) -> list[list[str]]:
    """The commands of the ```bash blocks under the heading ``section``, one argv each."""
    text = README.read_text(encoding="utf-8")
    part = text.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    commands: list[list[str]] = []
    for block in re.findall(r"```bash\n(.*?)```", part, re.S):
        for line in block.splitlines():
            for piece in re.split(r";\s+(?=tthc\b)", line):
                argv = shlex.split(piece, comments=True)
                if argv:
                    assert argv[0] == "tthc", piece
                    commands.append(argv[1:])
    return commands


@pytest.mark.parametrize("section", ["A clerk's day", "A manager's questions"])
def test_the_readme_runs_as_written(section: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    env = {"TTHC_NOW": NOW, "TTHC_DB": str(tmp_path / "tthc.db"), "TTHC_USER": "clerk", "TTHC_LANG": ""}
    commands = blocks(section)
    assert len(commands) > 5
    outputs = []
    for argv in commands:
        result = CliRunner().invoke(app, argv, env=env, prog_name="tthc")
        assert result.exit_code == 0, (argv, result.stdout, result.stderr)
        outputs.append(result.stdout)
    if section == "A clerk's day":
        text = "\n".join(outputs)
        assert "000.00.20.H56-250908-0002" in text and "Lê Thị Bình" in text
    else:
        assert (tmp_path / "bieu-II06a.xlsx").exists() and (tmp_path / "q.svg").exists()
