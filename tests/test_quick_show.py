"""The clerk's ``tthc show CODE`` at the counter: answered without building the command tree,
saying exactly what the full command line says, and handing every other command line to it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Cli, sandbox_env
from tthc.cli.home import app_dir
from tthc.cli.quick import _parse


def run(cli: Cli, *args: str, lang: str = "", python: str = "") -> subprocess.CompletedProcess[str]:
    """The console script's entry point in a fresh interpreter, as a clerk's shell runs it."""
    env = sandbox_env(TTHC_NOW=cli.now, TTHC_USER="clerk", TTHC_LANG=lang, TTHC_HOME=str(cli.home))
    env["PATH"] = os.environ.get("PATH", "")
    code = python or "from tthc.cli.quick import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, "--db", str(cli.db), *args], capture_output=True, text=True, env=env
    )


def received(center: Cli) -> str:
    out = center.ok(
        "receive",
        "ks",
        "--applicant",
        "Nguyễn Thị Lan",
        "--phone",
        "0912345678",
        "--at",
        "2025-09-08 15:30",
        "--json",
    ).stdout
    return str(json.loads(out)["code"])


def test_a_birth_registration_received_on_monday_shows_as_the_full_command_shows_it(center: Cli) -> None:
    code = received(center)
    for lang in ("en", "vi"):
        for extra in ((), ("--json",), ("--json", "--show-id")):
            quick = run(center, "show", code, *extra, lang=lang)
            assert quick.returncode == 0, quick.stderr
            assert quick.stdout == center.ok("show", code, *extra, lang=lang).stdout


#: What a look-up does not need: the command-line library, the other steps of a dossier's
#: life and what each does to it, undo, the worklist and the catalog, the station file, the
#: records only lists, writes, merges, reports and the web side build, the screens of other
#: commands, and the standard library's file copying, decimals and format parser. Each was
#: once loaded by ``show`` and cost its share of the counter's wait.
NOT_FOR_SHOW = (
    "typer",
    "click",
    "tthc.cli.main",
    "tthc.app.dossiers.steps",
    "tthc.app.dossiers.receiving",
    "tthc.app.dossiers.lookup",
    "tthc.app.corrections",
    "tthc.app.catalog",
    "tthc.core.transitions",
    "tthc.core.worklist",
    "tthc.core.breaches",
    "tthc.core.registry",
    "tthc.storage.station",
    "tthc.storage.query",
    "tthc.storage.details",
    "tthc.storage.keys",
    "tthc.storage.counts",
    "tthc.storage.stored",
    "tthc.present.render",
    "tthc.present.backends",
    "tthc.present.fitted",
    "tempfile",
    "shutil",
    "decimal",
    "string",
)


def test_the_quick_show_loads_only_what_a_look_up_needs(center: Cli) -> None:
    code = received(center)
    probe = (
        "import sys\nfrom tthc.cli.quick import main\nmain()\n"
        f"print('LOADED', sorted(m for m in {NOT_FOR_SHOW!r} if m in sys.modules))"
    )
    done = run(center, "show", code, python=probe)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "LOADED []"


def test_an_unknown_code_is_refused_by_the_full_command_line_in_vietnamese(center: Cli) -> None:
    done = run(center, "show", "TTHC-250908-9999", lang="vi")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("Lỗi: ") and done.stderr.count("\n") == 1
    assert done.stderr == center.fails("show", "TTHC-250908-9999", lang="vi")


def test_a_bad_language_in_the_environment_is_said_by_the_full_command_line(center: Cli) -> None:
    code = received(center)
    done = run(center, "show", code, lang="fr")
    assert done.returncode == 1 and done.stdout == ""
    assert "TTHC_LANG" in done.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "--help"],
        ["show"],
        ["--version"],
        ["list"],
        ["show", "A", "B"],
        ["show", "A", "--json", "--json"],
        ["--db", "x.db", "--db", "y.db", "show", "A"],
        ["--unknown", "x", "show", "A"],
        ["show", "-x"],
        ["--db"],
    ],
)
def test_anything_but_a_plain_show_goes_to_the_full_command_line(argv: list[str]) -> None:
    assert _parse(argv) is None


def test_a_plain_show_with_the_options_before_it_is_answered_here() -> None:
    assert _parse(["--db=c.db", "--lang", "vi", "show", "TTHC-1", "--json"]) == {
        "--db": "c.db",
        "--lang": "vi",
        "--json": "",
        "code": "TTHC-1",
    }


def test_the_app_folder_is_where_click_puts_it() -> None:
    import typer

    assert app_dir() == Path(typer.get_app_dir("tthc"))


def test_the_dossiers_package_names_each_function_where_it_lives() -> None:
    """The lazily loaded names (``_WHERE``) and the imports the type checker reads are one list."""
    import ast

    import tthc.app.dossiers as package

    tree = ast.parse(Path(package.__file__).read_text(encoding="utf-8"))
    typed = {
        alias.name: node.module.rsplit(".", 1)[1]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tthc.app.dossiers.")
        for alias in node.names
    }
    assert typed == package._WHERE
    for name in package._WHERE:
        assert getattr(package, name) is not None
    with pytest.raises(AttributeError):
        package.nothing_of_that_name  # noqa: B018
