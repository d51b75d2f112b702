"""An import whose copy stopped half-way (its last step failed, or the process died) is
seen by no command: its rows sit in the live table under rowids set aside for it, and every
query over the dossiers leaves them out until the last step shows them all at once."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli

ROWS = 300


def write_csv(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("code,procedure,received_at,resolved_at,applicant,officer\n")
        for i in range(ROWS):
            day = 1 + i % 28
            fh.write(
                f"H-{i:05d},1.001193,2025-08-{day:02d} 08:00,2025-08-{day:02d} 10:00,"
                f"Đặng Thu Hà {i},Trần Văn Mới\n"
            )


#: What a clerk, a manager and an exchange see: each command's output is compared whole.
COMMANDS = (
    ("list", "--received-from", "2025-01-01", "--limit", "5000", "--json"),
    ("list", "--search", "Dang Thu Ha", "--json"),
    ("list", "--search", "H-0029", "--json"),
    ("summary", "--year", "2025", "--json"),
    ("officers", "--year", "2025"),
    ("indicators", "--year", "2025"),
    ("report", "--year", "2025"),
    ("corrections",),
)


def outputs(center: Cli, tmp_path: Path, tag: str) -> dict[str, str]:
    out = {" ".join(c): center.ok(*c).stdout for c in COMMANDS}
    exported = tmp_path / f"all-{tag}.json"
    center.ok("export", str(exported), "--received-from", "2025-01-01")
    out["export"] = exported.read_text(encoding="utf-8")
    return out


def test_an_august_import_stopped_after_two_of_its_three_steps_shows_nothing_of_itself(
    center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tthc.app import interchange
    from tthc.app.interchange import importing
    from tthc.storage import hidden

    center.ok("receive", "ks", "--applicant", "Lê Thị Hoa", "--at", "2025-09-10 08:30")
    before = outputs(center, tmp_path, "before")
    data = tmp_path / "provincial-august-2025.csv"
    write_csv(data)
    monkeypatch.setattr(hidden, "STEP_ROWS", 100)
    monkeypatch.setattr(hidden, "MAX_STEP_ROWS", 100)
    monkeypatch.setattr(hidden, "remove", lambda *args: None)  # as if killed there

    def the_last_step_fails(stage: importing.Stage, lo: int) -> None:
        raise RuntimeError("the power went out")

    monkeypatch.setattr(importing.Stage, "show", the_last_step_fails)
    ctx = center.context()
    try:
        with pytest.raises(RuntimeError):
            interchange.import_file(ctx, data)
    finally:
        ctx.close()
    monkeypatch.undo()
    hidden_rows = center.context().store().conn.execute("SELECT count(*) FROM dossiers WHERE code LIKE 'H-%'")
    assert hidden_rows.fetchone()[0] == 200  # two steps went in, unseen
    assert outputs(center, tmp_path, "during") == before
    center.fails("show", "H-00299")
    center.fails("history", "H-00299")
    # the next import removes them and loads the file whole
    center.ok("import", str(data))
    after = json.loads(center.ok("summary", "--year", "2025", "--json").stdout)
    assert after["received"] == json.loads(before["summary --year 2025 --json"])["received"] + ROWS
    found = json.loads(center.ok("list", "--search", "Dang Thu Ha 299", "--json").stdout)
    assert [r["code"] for r in found] == ["H-00299"]


def test_a_second_import_waits_for_the_first_one_s_copy_and_hides_no_receipt_between(
    center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two managers import on the same morning. While the first one's rows are being copied
    in (its batch set aside, its scratch folder held), the second waits to set its own
    aside: a clerk's receipt between the two ranges would otherwise be hidden with them."""
    import sqlite3
    import threading
    import time

    from tthc.app import interchange
    from tthc.storage import hidden
    from tthc.storage.files import scratch_folder

    data = tmp_path / "provincial-august-2025.csv"
    write_csv(data)
    outcome: dict[str, object] = {}
    refused = threading.Event()
    real_set_aside = hidden.set_aside

    def set_aside_noting_a_refusal(*args: Any) -> tuple[int, int] | None:
        got = real_set_aside(*args)
        if got is None:
            refused.set()
        return got

    monkeypatch.setattr(hidden, "set_aside", set_aside_noting_a_refusal)
    with scratch_folder(center.db.parent, ".tthc-import-") as running:
        conn = sqlite3.connect(center.db)
        conn.execute(
            "INSERT INTO hidden_batch (lo, hi, event_id, folder) VALUES (1000000, 1000099, 999999, ?)",
            (str(running),),
        )
        conn.commit()

        def second_manager_imports() -> None:
            ctx = center.context()
            try:
                outcome["report"] = interchange.import_file(ctx, data)
            except BaseException as exc:  # shown by the assertions below
                outcome["error"] = exc
            finally:
                ctx.close()

        second = threading.Thread(target=second_manager_imports, daemon=True)
        second.start()
        assert refused.wait(30), outcome  # its rows read, it asked to set them aside: not yet
        time.sleep(0.6)  # and it asks again (every half second) and is refused again
        assert second.is_alive() and not outcome, outcome  # waiting for its turn
        center.ok("receive", "ks", "--applicant", "Lê Thị Hoa", "--at", "2025-09-10 08:30")
        conn.execute("DELETE FROM hidden_batch")  # the first import's last step
        conn.commit()
        conn.close()
        second.join(60)
    assert "error" not in outcome and "report" in outcome, outcome
    found = json.loads(center.ok("list", "--search", "Le Thi Hoa", "--json").stdout)
    assert [r["applicant"] for r in found] == ["Lê Thị Hoa"]
    summary = json.loads(center.ok("summary", "--year", "2025", "--json").stdout)
    assert summary["received"] == ROWS + 1


def copied_in(rows: int, pace: float) -> list[int]:
    """The sizes of the steps a copy of ``rows`` takes on a machine that copies ``pace``
    rows a second, checked to cover every staged row once, the last rows first."""
    from tthc.storage import hidden

    steps = hidden.Steps(rows)
    seen: list[tuple[int, int]] = []
    for first, last in steps:
        seen.append((first, last))
        steps.took(last - first + 1, (last - first + 1) / pace)
    assert seen[0][1] == rows and seen[-1][0] == 1
    assert all(later[1] == earlier[0] - 1 for earlier, later in pairwise(seen))
    return [last - first + 1 for first, last in seen]


def test_a_million_row_provincial_file_is_copied_in_steps_of_what_a_second_holds() -> None:
    """At 50,000 rows a second the steps grow from 10,000 rows, at most doubling, to what one
    second of the lock holds; a clerk's receipt waits for one of them at most."""
    sizes = copied_in(1_000_000, pace=50_000)
    assert sizes[:4] == [10_000, 20_000, 40_000, 50_000]
    assert max(sizes) == 50_000
    assert sum(sizes) == 1_000_000


def test_on_a_fast_machine_no_step_holds_more_than_two_hundred_thousand_rows() -> None:
    sizes = copied_in(1_000_000, pace=5_000_000)
    assert sizes == [10_000, 20_000, 40_000, 80_000, 160_000, 200_000, 200_000, 200_000, 90_000]


def test_a_slow_step_never_makes_the_next_smaller_than_the_first() -> None:
    assert set(copied_in(30_000, pace=1_000)) == {10_000}
