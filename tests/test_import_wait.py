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


def write_csv(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("code,procedure,received_at,resolved_at,applicant\n")
        for i in range(n):
            day = 1 + i % 28
            fh.write(f"B-{i:07d},1.001193,2025-02-{day:02d} 08:00,2025-02-{day:02d} 10:00,Nguyễn Văn {i}\n")


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


def test_a_code_given_in_the_file_and_taken_meanwhile_refuses_the_import(
    center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tthc.app import dossiers, interchange
    from tthc.app.context import Context
    from tthc.app.interchange import importing
    from tthc.core.errors import TthcError

    data = tmp_path / "today.csv"
    data.write_text(
        "code,procedure,received_at,applicant\nX-250910-0001,1.001193,2025-09-10 08:00,Phạm Thị Dung\n",
        encoding="utf-8",
    )
    ctx = center.context()
    real_finish = importing.Stage.finish

    def the_same_code_typed_meanwhile(stage: importing.Stage) -> None:
        real_finish(stage)
        clerk = Context(db_path=center.db, actor="clerk", now=datetime.fromisoformat(center.now))
        dossiers.receive(clerk, "ks", applicant="Nguyễn Văn An", at="2025-09-10 09:00", code="x-250910-0001")
        clerk.close()

    monkeypatch.setattr(importing.Stage, "finish", the_same_code_typed_meanwhile)
    try:
        with pytest.raises(TthcError) as refused:
            interchange.import_file(ctx, data)
    finally:
        ctx.close()
    assert "row 2" in refused.value.message and "x-250910-0001" in refused.value.message
    assert [r["applicant"] for r in json.loads(center.ok("list", "--json").stdout)] == ["Nguyễn Văn An"]


def test_a_receipt_at_the_counter_gets_in_while_an_import_copies_its_rows(
    center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import's copy into the live table takes the write lock; a clerk's receipt waiting
    for it makes the copy give way (rolled back whole, nothing of it seen), goes in, and the
    copy runs again after it. Here the first copy would never end: a receipt that waited for
    it would fail after 30 s."""
    import threading

    from tthc.app import dossiers, interchange
    from tthc.app.context import Context
    from tthc.app.interchange import importing

    data = tmp_path / "provincial.csv"
    write_csv(data, 300)
    real_copy_in = importing.Stage.copy_in
    copies: list[int] = []
    copying = threading.Event()

    def a_copy_that_would_go_on_for_ever(stage: importing.Stage, imported_by: int) -> None:
        real_copy_in(stage, imported_by)
        copies.append(imported_by)
        if len(copies) == 1:
            copying.set()
            stage.store.conn.execute(
                "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)"
                " SELECT count(*) FROM (SELECT x FROM n LIMIT 1000000000000)"
            ).fetchone()

    monkeypatch.setattr(importing.Stage, "copy_in", a_copy_that_would_go_on_for_ever)
    outcome: dict[str, object] = {}

    def manager_imports() -> None:
        ctx = center.context()
        try:
            outcome["report"] = interchange.import_file(ctx, data)
        except BaseException as exc:  # shown by the assertion below
            outcome["error"] = exc
        finally:
            ctx.close()

    manager = threading.Thread(target=manager_imports, daemon=True)
    manager.start()
    assert copying.wait(60), outcome
    clerk = Context(db_path=center.db, actor="clerk", now=datetime.fromisoformat(center.now))
    try:
        receipt = dossiers.receive(clerk, "ks", applicant="Nguyễn Văn An", at="2025-09-10 09:00")
    finally:
        clerk.close()
    manager.join(60)
    assert not manager.is_alive() and "error" not in outcome, outcome
    assert len(copies) == 2  # the copy gave way once, then ran again whole
    shown = json.loads(center.ok("show", receipt.dossier.code, "--json").stdout)
    assert shown["applicant"] == "Nguyễn Văn An"
    summary = json.loads(center.ok("summary", "--year", "2025", "--json").stdout)
    assert summary["received"] == 300 + 1
    assert not center.db.with_name(center.db.name + "-give-way").exists()
