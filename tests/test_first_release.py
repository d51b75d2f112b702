"""A database made by the first release upgrades to today's schema with nothing lost, and
today's tthc reads from it the figures the first release printed for the same periods.

``fixtures/first-release.db`` was built by the first release's own commands
(``fixtures/first-release.sh``): nine dossiers in July–September 2025 with a same-day
receipt after the cut-off, supplement rounds under ``restart`` and under ``freeze``, a
center holiday, a withdrawal, a refusal, an apology and a handover. ``first-release.json``
holds what that release printed (``summary --json``) and stored (due dates, status,
timeliness). A few of its figures are worked out by hand below, so the fixture is not
taken on faith either.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import Cli

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = json.loads((FIXTURES / "first-release.json").read_text(encoding="utf-8"))


@pytest.fixture()
def upgraded(tmp_path: Path) -> Cli:
    db = tmp_path / "first-release.db"
    shutil.copyfile(FIXTURES / "first-release.db", db)
    return Cli(db, now="2025-09-15 09:00")


def test_the_fixture_is_a_first_release_file() -> None:
    conn = sqlite3.connect(f"{(FIXTURES / 'first-release.db').as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4  # m001–m004 only
    conn.close()


@pytest.mark.parametrize("case", EXPECTED["summaries"], ids=lambda c: f"{c['now']} {' '.join(c['args'])}")
def test_upgraded_summaries_equal_what_the_first_release_printed(upgraded: Cli, case: dict) -> None:
    result = upgraded.ok("summary", *case["args"], "--json", now=case["now"])
    assert _as_first_printed(json.loads(result.stdout)) == case["json"]


def _as_first_printed(summary: dict) -> dict:
    """A summary in the first release's shape: the ``closed`` count came later (a dossier
    closed because its papers never came); a file from before has none in any group."""
    for figures in [summary, summary.get("total", {}), *summary.get("groups", [])]:
        if "received" in figures:  # a set of figures (not the head of a grouped summary)
            assert figures.pop("closed") == 0
    return summary


def test_upgraded_dossiers_keep_their_due_dates_and_judgements(upgraded: Cli) -> None:
    for code, was in EXPECTED["dossiers"].items():
        now = json.loads(upgraded.ok("show", code, "--json").stdout)
        assert (now["due_at"], now["status"], now["timeliness"]) == (
            was["due_at"],
            was["status"],
            was["timeliness"],
        )
    conn = sqlite3.connect(upgraded.db)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] >= EXPECTED["events"]
    conn.close()


def test_worked_by_hand_a_freeze_round_across_the_center_holiday_of_25_july_2025(upgraded: Cli) -> None:
    """5wd from Mon 21/7: due Tue 29/7 (Fri 25/7 is the center's day off). Asked Tue 22/7 under
    freeze: 4 whole working days left (23, 24, 28, 29). Resumed Thu 24/7: 28, 29, 30, 31 → due
    Thu 31/7. Resolved Tue 5/8, after an apology: late all the same."""
    d = json.loads(upgraded.ok("show", "000.00.20.H56-250721-0001", "--json").stdout)
    assert (d["due_date"], d["timeliness"]) == ("2025-07-31", "late")


def test_worked_by_hand_a_restart_round_and_a_receipt_after_the_cut_off(upgraded: Cli) -> None:
    """5wd asked Wed 2/7, papers complete Mon 7/7 under restart: 8, 9, 10, 11, 14 → Mon 14/7.
    A same-day dossier received Tue 1/7 at 16:10, after the 15:00 cut-off: due Wed 2/7."""
    restart = json.loads(upgraded.ok("show", "000.00.20.H56-250702-0001", "--json").stdout)
    late_in_day = json.loads(upgraded.ok("show", "000.00.20.H56-250701-0002", "--json").stdout)
    assert restart["due_date"] == "2025-07-14"
    assert late_in_day["due_date"] == "2025-07-02"
