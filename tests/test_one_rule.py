"""The due date in force has one home: every view agrees with it, undo restores it, settings
changed later never move it, and a past summary never moves when later steps happen.

The first tests are what clerks did when views disagreed; the last replays random histories
with settings changed in between and checks the same promises every time.
"""

import contextlib
import json
import shutil
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Cli
from tthc.app import corrections, dossiers, service
from tthc.app.context import Context
from tthc.app.summary import summarize
from tthc.core.periods import Period


def show(cli: Cli, code: str, now: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(cli.ok("show", code, "--json", now=now).stdout)
    return data


def test_office_hours_changed_after_an_8_hour_dossier_resumed(center: Cli) -> None:
    """Received Mon 8/9/2025 07:30, papers asked at 08:00 and brought at 14:00: 8 working hours
    from 14:00 end Tue 9/9 at 14:30. Then the afternoon session moves to 12:00. At 14:20 on
    Tuesday, show, the overdue list and the summary all say: not due yet."""
    center.ok("procedure", "add", "DEMO.H8", "--name", "Tám giờ", "--field", "Thử", "--limit", "8h")
    at = "2025-09-09 14:20"
    code = json.loads(
        center.ok(
            "receive", "DEMO.H8", "--applicant", "A", "--at", "2025-09-08 07:30", "--json", now=at
        ).stdout
    )["code"]
    center.ok("supplement", code, "--at", "2025-09-08 08:00", "--reason", "thiếu giấy tờ", now=at)
    center.ok("resume", code, "--at", "2025-09-08 14:00", now=at)
    center.ok("config", "set", "office_hours", "07:30-11:30,12:00-17:00", now=at)
    assert show(center, code, now=at)["due_at"] == "2025-09-09T14:30:00"
    assert json.loads(center.ok("list", "--overdue", "--json", now=at).stdout) == []
    summary = json.loads(center.ok("summary", "--month", "2025-09", "--json", now=at).stdout)
    assert (summary["pending_overdue"], summary["pending_not_due"]) == (0, 1)


def test_undo_twice_after_a_round_on_an_imported_dossier(center: Cli, tmp_path: Path) -> None:
    """A dossier migrated with its due date 20/9/2025 and one finished supplement round gets a
    new round, and both steps are undone: the migrated due date is back, never recomputed."""
    f = tmp_path / "in.csv"
    f.write_text(
        "code,procedure,received_at,due_at,paused_at,resumed_at,applicant\n"
        "HS-1,2.000884,2025-09-01 09:00,2025-09-20,2025-09-02 09:00,2025-09-04 09:00,A\n",
        encoding="utf-8",
    )
    now = "2025-09-12 16:00"
    center.ok("import", str(f), now=now)
    assert show(center, "HS-1", now=now)["due_at"] == "2025-09-20T17:00:00"
    center.ok(
        "supplement", "HS-1", "--at", "2025-09-10 09:00", "--reason", "thiếu giấy tờ", "--again", now=now
    )
    center.ok("resume", "HS-1", "--at", "2025-09-11 09:00", now=now)
    center.ok("undo", "HS-1", "--reason", "ghi nhầm", now=now)
    assert show(center, "HS-1", now=now)["status"] == "paused"
    center.ok("undo", "HS-1", "--reason", "ghi nhầm", now=now)
    back = show(center, "HS-1", now=now)
    assert (back["status"], back["due_at"], back["due_source"]) == (
        "processing",
        "2025-09-20T17:00:00",
        "imported",
    )


def test_an_import_numbers_around_a_code_typed_by_hand(center: Cli, tmp_path: Path) -> None:
    """A clerk typed 000.00.20.H56-250909-0002 by hand; a file with two dossiers of 9/9/2025
    and blank codes takes 0001 and 0003, as receive would."""
    center.ok(
        "receive", "ks", "--applicant", "A", "--at", "2025-09-09 08:00", "--code", "000.00.20.H56-250909-0002"
    )
    f = tmp_path / "in.csv"
    f.write_text(
        "code,procedure,received_at,applicant\n,ks,2025-09-09 09:00,B\n,ks,2025-09-09 10:00,C\n",
        encoding="utf-8",
    )
    center.ok("import", str(f))
    codes = {
        d["applicant"]: d["code"]
        for d in json.loads(center.ok("list", "--status", "processing", "--json").stdout)
    }
    assert codes == {
        "A": "000.00.20.H56-250909-0002",
        "B": "000.00.20.H56-250909-0001",
        "C": "000.00.20.H56-250909-0003",
    }
    assert json.loads(
        center.ok("receive", "ks", "--applicant", "D", "--at", "2025-09-09 11:00", "--json").stdout
    )["code"].endswith("-250909-0004")


def test_editing_a_procedure_with_nothing_to_change_is_a_refusal(center: Cli) -> None:
    err = center.fails("procedure", "edit", "ks")
    assert err == "Error: nothing to change: give --name, --field, --limit, --alias or --fee\n"


def test_a_cut_off_changed_after_a_receipt_never_reclassifies_it(center: Cli) -> None:
    """Received Tue 9/9/2025 at 14:30, before the 15:00 cut-off: due the same day. The cut-off
    then moves to 14:00 and the dossier waits for papers a moment; undone, it is due 9/9 still."""
    now = "2025-09-09 16:00"
    code = json.loads(
        center.ok("receive", "ks", "--applicant", "A", "--at", "2025-09-09 14:30", "--json", now=now).stdout
    )["code"]
    center.ok("config", "set", "same_day_cutoff", "14:00", now=now)
    assert show(center, code, now=now)["due_date"] == "2025-09-09"
    center.ok("supplement", code, "--at", "2025-09-09 15:00", "--reason", "thiếu giấy tờ", now=now)
    center.ok("undo", code, "--reason", "ghi nhầm", now=now)
    assert show(center, code, now=now)["due_date"] == "2025-09-09"


def test_a_dossier_reopened_by_undo_gets_the_calendar_changed_while_it_was_closed(center: Cli) -> None:
    """3 working days from Wed 3/9/2025 end Mon 8/9. It is resolved; then the center closes on
    Fri 5/9; the resolution is undone: the reopened dossier is due Tue 9/9."""
    now = "2025-09-04 16:00"
    code = json.loads(
        center.ok(
            "receive",
            "2.000884",
            "--limit",
            "3wd",
            "--applicant",
            "A",
            "--at",
            "2025-09-03 09:00",
            "--json",
            now=now,
        ).stdout
    )["code"]
    center.ok("resolve", code, "--at", "2025-09-04 09:00", now=now)
    center.ok("calendar", "add-holiday", "2025-09-05", now=now)
    assert show(center, code, now=now)["due_date"] == "2025-09-08"  # a closed dossier keeps its own
    center.ok("undo", code, "--reason", "ghi nhầm", now=now)
    assert show(center, code, now=now)["due_date"] == "2025-09-09"


# -- random histories with settings changed in between ----------------------------------------------
START = datetime(2025, 9, 1, 7, 30)
OPS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "supplement",
                "resume",
                "resolve",
                "withdraw",
                "return",
                "undo",
                "hours",
                "cutoff",
                "policy",
                "holiday",
            ]
        ),
        st.integers(1, 600),  # minutes later than the previous step
    ),
    min_size=1,
    max_size=14,
)
HOURS = ("07:30-11:30,13:30-17:00", "07:30-11:30,12:00-17:00", "08:00-12:00,13:00-16:30")


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rule") / "blank.db"
    ctx = Context(db_path=path, actor="t", now=datetime(2025, 9, 1, 7, 0))
    service.init(ctx, center=None, prefix=None, lang=None)
    ctx.close()
    return path


def _state(ctx: Context, code: str) -> dict[str, Any] | None:
    d = ctx.store().dossier(code)
    return None if d is None else d.as_json()


def _pending(ctx: Context, last_day: date, now: datetime | None = None) -> dict[str, int]:
    """The summary from 1/9/2025 to ``last_day`` as seen at its end (or at ``now``)."""
    end = datetime.combine(last_day + timedelta(1), datetime.min.time())
    t = summarize(ctx.store(), Period(date(2025, 9, 1), last_day), None, now or end).total
    return {"overdue": t.pending_overdue, "paused": t.paused, "pending": t.pending, "late": t.late}


def _apply(ctx: Context, code: str, op: str, k: int) -> None:
    """One operation of a history; refusals (wrong status) are part of life and skipped."""
    from tthc.core.errors import TthcError

    at = ctx.now.isoformat(sep=" ", timespec="minutes")
    actions = {
        "supplement": lambda: dossiers.supplement(ctx, code, at=at, reason="thiếu giấy"),
        "resume": lambda: dossiers.resume(ctx, code, at=at),
        "resolve": lambda: dossiers.resolve(ctx, code, at=at),
        "withdraw": lambda: dossiers.withdraw(ctx, code, at=at),
        "return": lambda: dossiers.return_result(ctx, code, at=at),
        "undo": lambda: corrections.undo(ctx, code, "ghi nhầm", None),
        "hours": lambda: service.set_setting(ctx, "office_hours", HOURS[k % 3]),
        "cutoff": lambda: service.set_setting(ctx, "same_day_cutoff", ("15:00", "11:00", "16:30")[k % 3]),
        "policy": lambda: service.set_setting(ctx, "supplement_policy", ("restart", "freeze")[k % 2]),
        "holiday": lambda: service.calendar_change(
            ctx, "add-holiday", (START.date() + timedelta(k % 20)).isoformat(), None
        ),
    }
    with contextlib.suppress(TthcError):
        actions[op]()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(limit=st.sampled_from(["same-day", "3wd", "8h", "10d"]), received=st.integers(0, 4000), ops=OPS)
def test_every_view_reads_the_due_date_in_force(
    blank: Path, tmp_path: Path, limit: str, received: int, ops: list[tuple[str, int]]
) -> None:
    db = Path(tempfile.mkdtemp(dir=tmp_path)) / "center.db"  # a fresh folder: no stale WAL
    shutil.copy(blank, db)
    ctx = Context(db_path=db, actor="t", now=START + timedelta(minutes=received))
    code = dossiers.receive(ctx, "2.000884", applicant="A", limit=limit, at="now").dossier.code
    past: dict[date, dict[str, int]] = {}  # reports of whole days already over
    for op, minutes in ops:
        before = _state(ctx, code)
        ctx.now += timedelta(minutes=minutes)
        if op in ("holiday", "undo"):
            past.clear()  # a calendar change re-lays past counts; an undo takes back a past step
        _apply(ctx, code, op, minutes)
        after = _state(ctx, code)
        if op in ("hours", "cutoff", "policy"):
            assert after == before, "a settings change moved a due date already decided"
        if after is None:
            break  # the receipt itself was undone
        # show and the list agree with the summary's judgement at this moment
        listed = {d.code for d in dossiers.list_dossiers(ctx, dossiers.ListFilter(overdue=True))}
        assert (code in listed) == (_pending(ctx, ctx.now.date(), ctx.now)["overdue"] == 1)
        # an undo right after a step gives back exactly the state before it
        if op in ("supplement", "resume", "resolve", "withdraw", "return") and before != after:
            corrections.undo(ctx, code, "ghi nhầm", None)
            assert _state(ctx, code) == before
            _apply(ctx, code, op, minutes)
        # what was pending at an earlier moment never moves
        for last_day, then in past.items():
            assert _pending(ctx, last_day) == then, (last_day, op)
        for day in range((ctx.now.date() - date(2025, 9, 1)).days):  # days over before the next step
            last_day = date(2025, 9, 1) + timedelta(day)
            past.setdefault(last_day, _pending(ctx, last_day))
    ctx.close()
