"""The command line's shape: the options several commands share are defined once and taken
as one record; the choices it offers are the domain's own; a command writes in one
transaction, the holiday days it had to compute included."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any, get_args

import typer.main
from conftest import Cli

from tthc.app import dossiers
from tthc.app.context import Context
from tthc.cli.help import H
from tthc.cli.main import app
from tthc.cli.options import CHANNEL, FILTERS, OUTCOME, PERIOD, STATUS
from tthc.core.lifecycle import Outcome, Status
from tthc.core.models import CHANNELS


def _commands() -> dict[str, Any]:
    """Every command's callback by its name on the command line (``procedure list``)."""
    tree: Any = typer.main.get_command(app)
    found: dict[str, Any] = {}
    for name, cmd in tree.commands.items():
        subs = getattr(cmd, "commands", None)
        for sub_name, sub in (subs or {name: cmd}).items():
            found[f"{name} {sub_name}" if subs else name] = sub
    return found


def _taking(option: str) -> set[str]:
    return {name for name, cmd in _commands().items() if any(option in p.opts for p in cmd.params)}


def test_the_eight_commands_over_a_period_take_the_one_period_group() -> None:
    """``--from`` … ``--year`` are written once (``options.PERIOD``), and every command asking
    for a month asks for all five, in the same words."""
    over_a_period = _taking("--month")
    assert over_a_period == {
        "corrections",
        "summary",
        "indicators",
        "report",
        "rollup",
        "logbook",
        "officers",
        "late",
    }
    period_opts = {"--from", "--to", "--month", "--quarter", "--year"}
    for name in over_a_period:
        params = {opt: p for p in _commands()[name].params for opt in p.opts}
        assert period_opts <= set(params), name
        assert params["--month"].help == H("A reporting month: 2025-09, 9/2025 or 09/2025."), name
    assert len(PERIOD.options) == 5


def test_list_and_export_take_the_thirteen_filters_from_one_group() -> None:
    filters = {p.name for p in FILTERS.options}
    assert len(filters) == 13
    for name in ("list", "export"):
        taken = {p.name for p in _commands()[name].params}
        assert filters <= taken, name


def test_the_choices_offered_are_the_life_cycles_statuses_channels_and_outcomes() -> None:
    assert STATUS.choices == get_args(Status)
    assert CHANNEL.choices == CHANNELS
    assert OUTCOME.choices == get_args(Outcome)
    params = {p.name: p for p in _commands()["list"].params}
    assert params["status"].type is STATUS and params["channel"].type is CHANNEL


def test_list_by_status_and_a_month_of_corrections_reach_their_records(center: Cli) -> None:
    center.ok("receive", "ks", "--applicant", "Nguyễn Văn An", "--at", "08/09/2025 09:00")

    def listed(*args: str) -> Any:
        return json.loads(center.ok(*args, "--json").stdout)

    assert len(listed("list", "--status", "processing")) == 1
    assert len(listed("list", "--status", "Đang giải quyết")) == 1  # as people say it
    assert listed("list", "--status", "resolved") == []
    assert listed("corrections", "--month", "2025-09") == []


def test_a_receipt_in_march_2027_keeps_that_years_holidays_in_its_own_one_transaction(center: Cli) -> None:
    """The center was set up in 2025 (its cache holds 2024–2026); the first dossier of 2027
    makes the package compute 2027, and the receipt's transaction keeps it: no second
    transaction after the command (as a cache write once was)."""
    ctx = Context(db_path=center.db, actor="t", now=datetime(2027, 3, 2, 9, 0))
    dossiers.receive(ctx, "ks", applicant="Nguyễn Văn An", at="02/03/2027 09:00")
    ctx.save_holiday_cache()  # what the command line does after every command
    assert ctx.writes() == (1, 0)
    ctx.close()
    with sqlite3.connect(center.db) as conn:
        years = {y for (y,) in conn.execute("SELECT year FROM holiday_cache")}
    assert 2027 in years


def test_a_summary_that_computes_a_year_writes_only_that_cache(center: Cli) -> None:
    """A command that writes nothing keeps the computed years in the one transaction it makes."""
    ctx = Context(db_path=center.db, actor="t", now=datetime(2028, 1, 10, 9, 0))
    ctx.calendar().package_days(2028)
    ctx.save_holiday_cache()
    assert ctx.writes() == (1, 0)
    ctx.close()
    with sqlite3.connect(center.db) as conn:
        assert 2028 in {y for (y,) in conn.execute("SELECT year FROM holiday_cache")}


def test_no_command_asks_for_json_itself() -> None:
    """The output is chosen in one place (``tthc.cli.output.show``): no command of the CLI
    tests ``--json`` (``as_json``) in an ``if`` of its own, as twenty once did."""
    import ast
    from pathlib import Path

    import tthc.cli

    asking = []
    for path in sorted(Path(tthc.cli.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            tested = node.test if isinstance(node, ast.If | ast.IfExp) else None
            if tested is not None and "as_json" in {getattr(n, "id", None) for n in ast.walk(tested)}:
                asking.append(f"{path.name}:{node.lineno}")
    assert not asking, asking
