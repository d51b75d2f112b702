"""A long import does not block the counter: the rows are built outside the write lock, and
a clerk's receipt waits only for the import's short last step."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import Cli, sandbox_env

ROWS = 200_000


def write_csv(path: Path, n: int, *, month: int = 2) -> None:
    """A provincial file of ``n`` birth registrations of ``month`` 2025, each resolved the day
    it came, the days cycling through the month (so not in order of receipt)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("code,procedure,received_at,resolved_at,applicant\n")
        for i in range(n):
            day = f"2025-{month:02d}-{1 + i % 28:02d}"
            fh.write(f"B-{i:07d},1.001193,{day} 08:00,{day} 10:00,Nguyễn Văn {i}\n")


@pytest.mark.slow
def test_a_clerk_receives_within_5_seconds_during_an_import_of_200000_dossiers(
    center: Cli, tmp_path: Path
) -> None:
    from tthc.app import dossiers
    from tthc.app.context import Context

    data = tmp_path / "provincial.csv"
    write_csv(data, ROWS)
    importer = subprocess.Popen(
        [sys.executable, "-m", "tthc", "--db", str(center.db), "import", str(data)],
        env=sandbox_env(TTHC_NOW=center.now, TTHC_USER="manager", PATH="/usr/bin:/bin"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    waits: list[float] = []
    while importer.poll() is None:
        clerk = Context(db_path=center.db, actor="clerk", now=datetime.fromisoformat(center.now))
        started = time.monotonic()
        try:
            dossiers.receive(clerk, "ks", applicant=f"Công dân {len(waits)}", at="2025-09-10 09:00")
        finally:
            clerk.close()
        waits.append(time.monotonic() - started)
        time.sleep(0.05)
    assert importer.returncode == 0, importer.stderr.read() if importer.stderr else ""
    assert len(waits) >= 5, "the import ended before the clerk could work beside it"
    assert max(waits) <= 5, f"a receipt waited {max(waits):.1f} s"
    summary = json.loads(center.ok("summary", "--year", "2025", "--json").stdout)
    assert summary["received"] == ROWS + len(waits)


def test_a_code_a_clerk_took_while_the_rows_were_read_is_not_given_twice(
    center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import made up 0001 for its row while a clerk, at the counter, was given 0001 too
    before the import's last step: the import's row takes the next number instead."""
    from tthc.app import dossiers, interchange
    from tthc.app.context import Context
    from tthc.app.interchange import importing

    data = tmp_path / "today.csv"
    data.write_text(
        "procedure,received_at,applicant\n1.001193,2025-09-10 08:00,Phạm Thị Dung\n", encoding="utf-8"
    )
    ctx = center.context()
    real_finish = importing.Stage.finish

    def a_clerk_receives_meanwhile(stage: importing.Stage) -> None:
        real_finish(stage)
        clerk = Context(db_path=center.db, actor="clerk", now=datetime.fromisoformat(center.now))
        dossiers.receive(clerk, "ks", applicant="Nguyễn Văn An", at="2025-09-10 09:00")
        clerk.close()

    monkeypatch.setattr(importing.Stage, "finish", a_clerk_receives_meanwhile)
    try:
        interchange.import_file(ctx, data)
    finally:
        ctx.close()
    rows = json.loads(center.ok("list", "--json").stdout)
    by_name = {r["applicant"]: r["code"] for r in rows}
    assert by_name == {
        "Nguyễn Văn An": "000.00.20.H56-250910-0001",
        "Phạm Thị Dung": "000.00.20.H56-250910-0002",
    }


@pytest.mark.parametrize(
    ("rows", "named", "order"),
    [
        (["X-250910-0001,1.001193,2025-09-10 08:00,Phạm Thị Dung"], "row 2", ["Phạm Thị Dung"]),
        # typed as they came to hand, not as they came in: the copy takes them in order of
        # receipt, and the 08:00 dossier is still the file's row 3
        (
            [
                "X-250910-0003,1.001193,2025-09-10 10:00,Lê Văn Cường",
                "X-250910-0001,1.001193,2025-09-10 08:00,Phạm Thị Dung",
                "X-250910-0002,1.001193,2025-09-10 09:00,Trần Thị Bình",
            ],
            "row 3",
            ["Phạm Thị Dung", "Trần Thị Bình", "Lê Văn Cường"],
        ),
    ],
)
def test_a_code_given_in_the_file_and_taken_meanwhile_refuses_the_import_naming_its_row(
    center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: list[str], named: str, order: list[str]
) -> None:
    """The code of the 08:00 dossier is typed at the counter while the file is read."""
    from tthc.app import dossiers, interchange
    from tthc.app.context import Context
    from tthc.app.interchange import importing
    from tthc.core.errors import TthcError

    data = tmp_path / "today.csv"
    data.write_text("code,procedure,received_at,applicant\n" + "\n".join(rows) + "\n", encoding="utf-8")
    ctx = center.context()
    real_finish = importing.Stage.finish
    copied: list[str] = []

    def the_same_code_typed_meanwhile(stage: importing.Stage) -> None:
        real_finish(stage)
        copied.extend(
            r[0]
            for r in stage.conn.execute(
                "SELECT d.applicant FROM places AS p JOIN dossiers AS d ON d.rowid = p.staged ORDER BY p.place"
            )
        )
        clerk = Context(db_path=center.db, actor="clerk", now=datetime.fromisoformat(center.now))
        dossiers.receive(clerk, "ks", applicant="Nguyễn Văn An", at="2025-09-10 09:00", code="x-250910-0001")
        clerk.close()

    monkeypatch.setattr(importing.Stage, "finish", the_same_code_typed_meanwhile)
    try:
        with pytest.raises(TthcError) as refused:
            interchange.import_file(ctx, data)
    finally:
        ctx.close()
    assert copied == order  # the order the copy would have taken
    assert named in refused.value.message and "x-250910-0001" in refused.value.message
    assert ("row 2" in refused.value.message) == (named == "row 2")
    assert [r["applicant"] for r in json.loads(center.ok("list", "--json").stdout)] == ["Nguyễn Văn An"]


def test_a_receipt_at_the_counter_gets_in_between_two_steps_of_an_import_s_copy(
    center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Monday morning's provincial file is copied in three steps of 100 rows. A clerk's
    receipt that comes while the first step holds the lock goes in before the second step
    (the copy lets it in); the import then appears whole. (Not timed: the receipt is seen by
    the second step, inside its transaction.)"""
    import threading

    from tthc.app import dossiers, interchange
    from tthc.app.context import Context
    from tthc.app.interchange import importing
    from tthc.storage import hidden

    data = tmp_path / "provincial.csv"
    write_csv(data, 300)
    monkeypatch.setattr(hidden, "STEP_ROWS", 100)
    monkeypatch.setattr(hidden, "MAX_STEP_ROWS", 100)
    real_copy_step = importing.Stage.copy_step
    way = center.db.with_name(center.db.name + "-give-way")
    seen_by_step: list[int] = []
    receipt: dict[str, object] = {}

    def clerk_receives() -> None:
        clerk = Context(db_path=center.db, actor="clerk", now=datetime.fromisoformat(center.now))
        try:
            made = dossiers.receive(clerk, "ks", applicant="Nguyễn Văn An", at="2025-09-10 09:00")
            receipt["code"] = made.dossier.code
        finally:
            clerk.close()

    clerk = threading.Thread(target=clerk_receives, daemon=True)

    def a_step_with_a_clerk_waiting(stage: importing.Stage, lo: int, first: int, last: int, by: int) -> None:
        real_copy_step(stage, lo, first, last, by)
        clerks = stage.store.conn.execute("SELECT count(*) FROM dossiers WHERE applicant = 'Nguyễn Văn An'")
        seen_by_step.append(int(clerks.fetchone()[0]))
        if len(seen_by_step) == 1:  # the first step holds the lock: the clerk comes and waits
            clerk.start()
            deadline = time.monotonic() + 30
            while not way.exists():
                assert time.monotonic() < deadline, "the clerk never asked to be let in"
                time.sleep(0.01)

    monkeypatch.setattr(importing.Stage, "copy_step", a_step_with_a_clerk_waiting)
    ctx = center.context()
    try:
        interchange.import_file(ctx, data)
    finally:
        ctx.close()
    clerk.join(30)
    assert seen_by_step == [0, 1, 1]  # in after the first step, before the second
    assert json.loads(center.ok("show", str(receipt["code"]), "--json").stdout)["applicant"] == "Nguyễn Văn An"
    summary = json.loads(center.ok("summary", "--year", "2025", "--json").stdout)
    assert summary["received"] == 300 + 1
    assert not way.exists()


def test_a_file_out_of_receipt_order_comes_in_whole_each_row_as_the_file_gave_it(
    center: Cli, tmp_path: Path
) -> None:
    """Rows given in any order, some with a code and a supplement round, some without a code:
    after the import each dossier is the row the file gave (its code, name, times and round),
    and the table holds them in order of receipt."""
    data = tmp_path / "typed.csv"
    data.write_text(
        "code,procedure,received_at,paused_at,resumed_at,resolved_at,applicant\n"
        "X-250909-0002,1.000894,2025-09-09 08:00,2025-09-09 09:00,2025-09-10 08:00,,Lê Văn Cường\n"
        ",1.001193,2025-09-10 10:00,,,2025-09-10 11:00,Phạm Thị Dung\n"
        "X-250908-0001,1.001193,2025-09-08 08:30,,,,Trần Thị Bình\n"
        ",1.001193,2025-09-09 07:45,,,,Đỗ Văn Em\n",
        encoding="utf-8",
    )
    center.ok("import", str(data))
    rows = {r["applicant"]: r for r in json.loads(center.ok("list", "--received-from", "2025-09-01", "--json").stdout)}
    assert rows["Lê Văn Cường"]["code"] == "X-250909-0002"
    assert rows["Trần Thị Bình"]["code"] == "X-250908-0001"
    assert {n: rows[n]["received_at"] for n in rows} == {
        "Lê Văn Cường": "2025-09-09T08:00:00",
        "Phạm Thị Dung": "2025-09-10T10:00:00",
        "Trần Thị Bình": "2025-09-08T08:30:00",
        "Đỗ Văn Em": "2025-09-09T07:45:00",
    }
    assert rows["Phạm Thị Dung"]["resolved_at"] == "2025-09-10T11:00:00"
    rounds = json.loads(center.ok("show", "X-250909-0002", "--json").stdout)
    assert [(r["requested_at"], r["resumed_at"]) for r in rounds["supplements"]] == [
        ("2025-09-09T09:00:00", "2025-09-10T08:00:00")
    ]
    import sqlite3

    by_rowid = [r[0] for r in sqlite3.connect(center.db).execute("SELECT applicant FROM dossiers ORDER BY rowid")]
    assert by_rowid == ["Trần Thị Bình", "Đỗ Văn Em", "Lê Văn Cường", "Phạm Thị Dung"]


def test_a_file_typed_backwards_copied_two_rows_a_step_keeps_each_round_and_search_row_with_its_dossier(
    center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Six dossiers of the week of 4/8/2025, typed latest first, each with papers asked for and
    brought; the copy takes two rows a step, earliest receipt lowest. After every step, what is
    in the table is whole: each copied dossier has its one round and its search words, and no
    round of a dossier not copied yet is there (a killed import removes the rows' range and
    their rounds, and would leave such a round behind)."""
    import sqlite3
    from typing import Any

    from tthc.storage import hidden
    from tthc.storage.migrations import SEARCH_INDEX

    data = tmp_path / "backwards.csv"
    names = ["Khánh", "Bình", "Cường", "Dung", "Giang", "Lực"]
    lines = ["code,procedure,received_at,paused_at,resumed_at,applicant"]
    for i in reversed(range(6)):
        day = 4 + i
        lines.append(
            f"R-{i}-0001,1.000894,2025-08-{day:02d} 08:00,2025-08-{day:02d} 09:00,"
            f"2025-08-{day + 1:02d} 08:0{i},Trần Văn {names[i]}"
        )
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(hidden, "STEP_ROWS", 2)
    monkeypatch.setattr(hidden, "MAX_STEP_ROWS", 2)
    real_copy_step = hidden.copy_step
    seen: list[list[str]] = []

    def looked_at_after_each_step(conn: sqlite3.Connection, *args: Any) -> None:
        real_copy_step(conn, *args)
        copied = [r[0] for r in conn.execute("SELECT code FROM main.dossiers WHERE code LIKE 'R-%' ORDER BY rowid")]
        seen.append(copied)
        rounds = [
            (r[0], r[1])
            for r in conn.execute(
                "SELECT dossier_code, count(*) FROM main.pauses WHERE dossier_code LIKE 'R-%' GROUP BY 1 ORDER BY 1"
            )
        ]
        assert rounds == [(code, 1) for code in sorted(copied)]
        conn.execute(f"INSERT INTO main.{SEARCH_INDEX} ({SEARCH_INDEX}) VALUES ('integrity-check')")

    monkeypatch.setattr(hidden, "copy_step", looked_at_after_each_step)
    center.ok("import", str(data))
    assert seen == [["R-4-0001", "R-5-0001"], [f"R-{i}-0001" for i in range(2, 6)], [f"R-{i}-0001" for i in range(6)]]
    for i in range(6):
        shown = json.loads(center.ok("show", f"R-{i}-0001", "--json").stdout)
        assert shown["applicant"] == f"Trần Văn {names[i]}"
        assert [r["resumed_at"] for r in shown["supplements"]] == [f"2025-08-{5 + i:02d}T08:0{i}:00"]
        found = json.loads(center.ok("list", "--search", names[i], "--json").stdout)
        assert [r["code"] for r in found] == [f"R-{i}-0001"]
