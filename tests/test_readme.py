"""The README's examples run as written: every command of its clerk's day and manager's
questions, in a fresh folder with the clock pinned as the README says."""

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tthc.cli.main import app

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


#: The options of ``tthc`` itself, and the commands that have an option of the same name.
GLOBAL_OPTIONS = {"--db": {"demo"}, "--lang": {"init"}, "--user": set()}


def misplaced_global_options(text: str) -> list[str]:
    """Every ``tthc COMMAND … --db`` (or ``--lang``, ``--user``) in ``text``: global options go
    before the command, except where the command has an option of that name itself."""
    found = []
    for m in re.finditer(r"\btthc((?:[ \t]+[^\s`#;|]+)+)", text):
        try:
            tokens = shlex.split(m.group(1))
        except ValueError:
            continue
        i = 0
        while i < len(tokens) and tokens[i].split("=")[0] in GLOBAL_OPTIONS:
            i += 1 if "=" in tokens[i] else 2
        if i >= len(tokens):
            continue
        command = tokens[i]
        for token in tokens[i + 1 :]:
            name = token.split("=")[0]
            if name in GLOBAL_OPTIONS and command not in GLOBAL_OPTIONS[name]:
                found.append(m.group(0).strip())
    return found


def test_global_options_go_before_the_command() -> None:
    """The README says ``tthc --db PATH COMMAND``, and no example anywhere puts ``--db`` after
    the command (``tthc demo --db`` is the demo's own option)."""
    text = README.read_text(encoding="utf-8")
    assert "`tthc --db PATH COMMAND`" in text
    docs = [README, *sorted((README.parent / "docs").glob("*.md"))]
    found = [f"{doc.name}: {cmd}" for doc in docs for cmd in misplaced_global_options(doc.read_text("utf-8"))]
    assert not found, found
    assert misplaced_global_options("run `tthc list --db x.db` then") == ["tthc list --db x.db"]
    assert misplaced_global_options("`tthc --db x.db list` · `tthc demo --db d.db`") == []


def test_a_global_option_after_the_command_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["list", "--db", str(tmp_path / "x.db")], env={"TTHC_LANG": "vi"})
    assert result.exit_code == 2 and "Không có tùy chọn --db." in result.stderr
