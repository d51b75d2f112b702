"""The pinned clock (``TTHC_NOW``) is now for every command: the demo writes no step later
than it, and a summary whose period runs past today counts nothing on the days not reached,
even on a database that holds steps dated there."""

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli

SEPTEMBER = ("--from", "2025-09-01", "--to", "2025-09-30")
REPORT = ("--from", "2025-07-01", "--to", "2025-09-12")


@pytest.fixture(scope="module")
def later_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo built on Saturday 1/11/2025, after its whole history."""
    db = tmp_path_factory.mktemp("later") / "demo.db"
    Cli(db, now="2025-11-01 08:00").ok("demo", "--db", str(db))
    return db


def summary(db: Path, now: str, *period: str) -> dict[str, Any]:
    got: dict[str, Any] = json.loads(Cli(db, now=now).ok("summary", *period, "--json").stdout)
    return got


def latest_moments(db: Path) -> tuple[str, str, str]:
    """The latest step of any dossier, and the latest moment any event happened or was recorded."""
    conn = sqlite3.connect(db)
    steps = conn.execute(
        "SELECT max(max(received_at, coalesce(paused_at, ''), coalesce(resolved_at, ''),"
        " coalesce(returned_at, ''), coalesce(withdrawn_at, ''))) FROM dossiers"
    ).fetchone()[0]
    resumed = conn.execute("SELECT coalesce(max(resumed_at), '') FROM pauses").fetchone()[0]
    happened, recorded = conn.execute("SELECT max(happened_at), max(recorded_at) FROM events").fetchone()
    return max(steps, resumed), happened, recorded


def test_the_demo_replayed_on_wednesday_10_september_2025_writes_nothing_later(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    out = Cli(db, now="2025-09-10 16:00").ok("demo", "--db", str(db)).stdout
    assert all(moment <= "2025-09-10T16:00:00" for moment in latest_moments(db))
    got = summary(db, "2025-09-10 16:00", *REPORT)
    assert 1800 < got["received"] < 1964  # two days of the real period are still to come
    assert got["carried_over"] + got["received"] == got["resolved"] + got["withdrawn"] + got["pending"]
    assert f"{got['received']}" in out


def test_the_demo_on_the_evening_of_the_report_already_has_its_figures(tmp_path: Path) -> None:
    """Friday 12/9/2025 at 17:00, when the offices close on the last day of the report."""
    db = tmp_path / "demo.db"
    Cli(db, now="2025-09-12 17:00").ok("demo", "--db", str(db))
    assert all(moment <= "2025-09-12T17:00:00" for moment in latest_moments(db))
    got = summary(db, "2025-09-12 17:00", *REPORT)
    assert (got["received"], got["resolved"], got["late"], got["pending_overdue"], got["on_time_rate"]) == (
        1964,
        1920,
        33,
        3,
        98.28,
    )


def test_a_september_replayed_on_the_evening_of_10_september_counts_no_later_day(
    later_demo: Path, tmp_path: Path
) -> None:
    """The demo built in November holds September's whole history. Its September summary at
    Wednesday 10/9/2025 23:59 counts only what had happened by then: the same figures as the
    demo built that evening, which holds nothing later."""
    evening = "2025-09-10 23:59"
    as_it_stood = tmp_path / "demo.db"
    Cli(as_it_stood, now=evening).ok("demo", "--db", str(as_it_stood))
    replayed = summary(later_demo, evening, *SEPTEMBER)
    assert replayed == summary(as_it_stood, evening, *SEPTEMBER)
    whole_month = summary(later_demo, "2025-11-01 08:00", *SEPTEMBER)
    assert replayed["late"] < whole_month["late"] and replayed["received"] < whole_month["received"]


def test_late_and_officers_stop_at_today_too(later_demo: Path) -> None:
    evening = "2025-09-10 23:59"
    cli = Cli(later_demo, now=evening)
    late = json.loads(cli.ok("late", *SEPTEMBER, "--json").stdout)
    assert all(r["resolved_at"] <= "2025-09-10T23:59:00" for r in late["resolved_late"])
    assert len(late["resolved_late"]) == summary(later_demo, evening, *SEPTEMBER)["late"]
    officers = json.loads(cli.ok("officers", *SEPTEMBER, "--json").stdout)
    assert officers["total"]["received"] == summary(later_demo, evening, *SEPTEMBER)["received"]


def test_a_clock_before_the_demo_center_opened_is_refused(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    err = cli.fails("demo", "--db", str(db), now="2025-06-30 09:00")
    assert err == (
        "Error: the demo center opens on 01/07/2025, and the clock says 30/06/2025 09:00 (TTHC_NOW): "
        "the demo writes no step later than now\n"
    )
    assert not db.exists()
