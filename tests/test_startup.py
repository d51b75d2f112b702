"""Start-up is a feature: what a clerk's command may import, checked in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# the web side's libraries load only for `tthc serve`
HEAVY = (
    "rich",
    "sqlite_utils",
    "holidays",
    "openpyxl",
    "dateutil",
    "pydantic",
    "starlette",
    "jinja2",
    "uvicorn",
    "segno",
    "duckdb",
)


def loaded_after(code: str, env: dict[str, str] | None = None) -> list[str]:
    probe = code + f"\nimport sys, json\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    )
    return list(json.loads(out.stdout.strip().splitlines()[-1]))


def test_importing_the_cli_loads_nothing_heavy() -> None:
    assert loaded_after("import tthc.cli.main") == []


def test_a_receipt_on_an_initialised_database_skips_the_holidays_package(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    env = {"TTHC_DB": str(db), "TTHC_NOW": "2025-09-10 16:00", "TTHC_USER": "t"}
    run = "from tthc.cli.main import app\ntry:\n    app({args})\nexcept SystemExit as e:\n    assert e.code == 0, e.code"
    loaded_after(run.format(args=["init"]), env)
    after_receive = loaded_after(
        run.format(args=["receive", "ks", "--applicant", "A", "--at", "2025-09-10 09:00"]), env
    )
    assert "holidays" not in after_receive and "sqlite_utils" not in after_receive
    assert loaded_after(run.format(args=["due", "5wd", "--json", "--at", "2025-09-10 09:00"]), env) == []


def test_no_command_reads_its_signature_from_strings() -> None:
    """Typer reads every command's signature on each run; string annotations (from
    ``from __future__ import annotations``) made it evaluate them all, about 30 ms a command."""
    import inspect

    import typer.main

    from tthc.cli.main import app

    callbacks = [info.callback for info in app.registered_commands]
    for group in app.registered_groups:
        assert group.typer_instance is not None
        callbacks += [info.callback for info in group.typer_instance.registered_commands]
    assert len(callbacks) > 30
    for callback in callbacks:
        assert callback is not None
        for name, param in inspect.signature(callback).parameters.items():
            assert not isinstance(param.annotation, str), (
                f"{callback.__name__}({name}) is a string annotation"
            )
    typer.main.get_command(app)  # and the tree still builds


def test_the_command_tree_builds_in_a_few_milliseconds() -> None:
    """Measured at about 6 ms on a 2-core machine (35 ms with string annotations, which the
    test above rules out by their shape). The fastest of 7 builds is what the code costs; a
    busy CI machine slows the others. The bound, 8 times the measure, catches a command tree
    grown several times over without failing on a loaded 2-core runner."""
    probe = (
        "import time, typer.main\nfrom tthc.cli.main import app\ntyper.main.get_command(app)\n"
        "runs = []\nfor _ in range(7):\n    t = time.perf_counter(); typer.main.get_command(app)\n"
        "    runs.append(time.perf_counter() - t)\nprint(min(runs))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert float(out.stdout) < 0.050
