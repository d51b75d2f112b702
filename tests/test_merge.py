"""Two reception points on two PCs exchange their databases every evening and merge them:
the center-wide report is the sum of the two points' reports, merging again changes nothing,
a dossier that moved on at the other point takes the new steps, and any conflict is listed
with nothing written."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tthc.app import service
from tthc.app.summary import BY_KEYS, events_before, on_time_rate

PREFIX = "000.00.20.H56"
BYS: tuple[str | None, ...] = (None, *BY_KEYS)
PERIOD = ("2025-09-09", "2025-09-30")


class PointPC:
    """One reception point's PC and its database, set up with ``init --point``."""

    def __init__(
        self, tmp_path: Path, name: str, point: str, officer: str, day: str, center: PointPC | None = None
    ) -> None:
        self.db = Cli(tmp_path / f"{name}.db", now=day, home=tmp_path / f"{name}-home")
        self.db.ok("init", "--prefix", PREFIX, "--point", point, "--officer", officer)
        if center is not None:  # the second PC joins the first one's center
            self.db.ok("config", "set", "center_id", center.center_id())
        for other in ("Nguyễn Thị Lan", "Trần Văn Đức"):
            if other != officer:
                self.db.ok("officer", "add", other)

    def center_id(self) -> str:
        with closing(sqlite3.connect(self.db.db)) as conn:  # closed: no reader left holding the WAL
            return str(conn.execute("SELECT value FROM settings WHERE key = 'center_id'").fetchone()[0])

    def do(self, *args: str, now: str | None = None) -> str:
        return str(self.db.ok(*args, now=now).stdout)

    def receive(self, proc: str, applicant: str, at: str, *extra: str) -> str:
        out = self.do("receive", proc, "--applicant", applicant, "--at", at, "--json", *extra, now=at)
        return str(json.loads(out)["code"])

    def send(self, folder: Path, evening: int) -> Path:
        """The evening copy this point hands to the other one."""
        copy = folder / f"{self.db.db.stem}-evening-{evening}.db"
        self.db.ok("backup", str(copy))
        return copy


def figures(db: Path, by: str | None, now: str) -> dict[str, Any]:
    ctx = Cli(db, now=now).context()
    period = service.period(ctx, from_=PERIOD[0], to=PERIOD[1], month=None, quarter=None, year=None)
    result = service.summary(ctx, period, by).as_json()
    ctx.close()
    return result


def _add(a: dict[str, Any], b: dict[str, Any], sign: int) -> dict[str, Any]:
    out = {k: v + sign * b[k] for k, v in a.items() if isinstance(v, int)}
    out["received_by_channel"] = {
        ch: n + sign * b["received_by_channel"][ch] for ch, n in a["received_by_channel"].items()
    }
    rate = on_time_rate(out["early"], out["on_time"], out["resolved"])
    out["on_time_rate"] = None if rate is None else float(rate)
    return out


def combined(reports: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """Reports added (sign 1) or taken away (sign -1), group by group, the rate worked out
    again; groups left with nothing in them are dropped, as a report drops them."""
    first = reports[0][1]
    if "groups" not in first:
        total = first
        for sign, r in reports[1:]:
            total = _add(total, r, sign)
        return {"period": first["period"], **{k: v for k, v in total.items() if k != "period"}}
    groups: dict[Any, dict[str, Any]] = {}
    total = first["total"]
    for sign, r in reports[1:]:
        total = _add(total, r["total"], sign)
    for sign, r in reports:
        for g in r["groups"]:
            fig = {k: v for k, v in g.items() if k != "key"}
            key = g["key"]
            groups[key] = _add(groups[key], fig, sign) if key in groups else _add(_zero(fig), fig, sign)
    keep = [
        k
        for k, g in groups.items()
        if first["by"] == "month"
        or any(g[f] for f in ("carried_over", "received", "resolved", "withdrawn", "pending"))
    ]
    keep.sort(key=lambda k: (k is None, k or ""))
    return {
        "period": first["period"],
        "by": first["by"],
        "groups": [{"key": k, **groups[k]} for k in keep],
        "total": total,
    }


def _zero(fig: dict[str, Any]) -> dict[str, Any]:
    return _add(fig, fig, -1)


def assert_counts_exact(db: Path, now: str) -> None:
    """The per-day counts the triggers keep agree with the dossier rows themselves."""
    total = figures(db, None, now)
    ctx = Cli(db, now=now).context()
    period = service.period(ctx, from_=PERIOD[0], to=PERIOD[1], month=None, quarter=None, year=None)
    seen = events_before(period, datetime.fromisoformat(now))
    raw = ctx.store().raw_figures(date.fromisoformat(PERIOD[0]), seen)
    ctx.close()
    assert raw == {k: total[k] for k in raw}


def test_two_points_end_each_evening_with_one_report_that_is_the_sum_of_both(tmp_path: Path) -> None:
    one = PointPC(tmp_path, "diem1", "Điểm 1", "Nguyễn Thị Lan", "2025-09-08 17:00")
    # Monday at point 1
    a1 = one.receive("ks", "Phạm Văn Bình", "2025-09-08 08:00")
    a2 = one.receive("kh", "Hồ Thị Cúc", "2025-09-08 09:30", "--limit", "5wd", "--channel", "online")
    a3 = one.receive("ctbs", "Vũ Đình Dũng", "2025-09-08 15:30")
    one.do("supplement", a2, "--at", "2025-09-08 10:00", "--reason", "thiếu CCCD", now="2025-09-08 10:00")
    one.do("handover", a3, "--to", "Trần Văn Đức", "--at", "2025-09-08 16:00", now="2025-09-08 16:00")
    one.do("resolve", a1, "--at", "2025-09-08 11:00", now="2025-09-08 11:00")
    # Tuesday: point 2's PC is set up and starts work; point 1 goes on
    two = PointPC(tmp_path, "diem2", "Điểm 2", "Trần Văn Đức", "2025-09-09 07:30", center=one)
    b1 = two.receive("ks", "Đỗ Thị Em", "2025-09-09 08:00")
    b2 = two.receive("2.000884", "Bùi Văn Phúc", "2025-09-09 08:30", "--channel", "postal")
    b3 = two.receive("kt", "Ngô Thị Giang", "2025-09-09 14:00")
    two.do("resolve", b1, "--at", "2025-09-09 09:00", "--outcome", "rejected", now="2025-09-09 09:00")
    two.do("apologize", b3, "--new-date", "2025-09-12", "--reason", "chờ xác minh", now="2025-09-09 15:00")
    one.do("resolve", a3, "--at", "2025-09-09 10:00", now="2025-09-09 10:00")  # a day late
    one.do("resume", a2, "--at", "2025-09-09 11:00", now="2025-09-09 11:00")

    last_night = evening(tmp_path, one, two, "2025-09-09 17:30", 1, ())

    # Wednesday: each point goes on with its own dossiers
    one.do("resolve", a2, "--at", "2025-09-10 09:00", now="2025-09-10 09:00")
    one.do("return", a1, "--at", "2025-09-10 09:30", now="2025-09-10 09:30")
    one.receive("ks", "Lý Thị Hà", "2025-09-10 10:00")
    two.do("withdraw", b2, "--at", "2025-09-10 08:00", "--reason", "rút", now="2025-09-10 08:00")
    two.do("edit", b3, "--phone", "0912345678", now="2025-09-10 08:10")
    two.do("resolve", b3, "--at", "2025-09-10 08:15", now="2025-09-10 08:15")
    two.do("undo", b3, "--reason", "ghi nhầm", now="2025-09-10 08:20")
    b4 = two.receive("ks", "Mai Văn Khoa", "2025-09-10 09:00")
    two.do(
        "undo", b4, "--reason", "ghi nhầm", now="2025-09-10 09:05"
    )  # a receipt undone: its code stays used

    evening(tmp_path, one, two, "2025-09-10 17:30", 2, last_night)
    center = figures(one.db.db, None, "2025-09-10 17:30")
    # resolved in the period: b1, a3 and a2 (b3 was resolved, then undone)
    assert (center["carried_over"], center["received"], center["resolved"], center["withdrawn"]) == (
        2,
        4,
        3,
        1,
    )
    for pc in (one, two):
        assert "unknown dossier code" in pc.db.fails("show", b4)
        shown = json.loads(pc.db.ok("show", b3, "--json").stdout)
        assert (shown["phone"], shown["status"], shown["apology"]["new_date"]) == (
            "0912345678",
            "processing",
            "2025-09-12",
        )


def evening(
    folder: Path, one: PointPC, two: PointPC, now: str, n: int, last_night: tuple[Path, ...]
) -> tuple[Path, Path]:
    """Both points send their copy and merge the other's. Each database then holds the
    center, and its report, by every --by, is the sum of what the two points reported before
    the exchange — less, after the first evening, the copy of the other point each took in
    the night before (tonight's copy brings those dossiers again, moved on)."""
    for pc in (one, two):
        pc.db.now = now
    sent = (one.send(folder, n), two.send(folder, n))
    expected = {
        by: combined(
            [(1, figures(f, by, now)) for f in sent] + [(-1, figures(f, by, now)) for f in last_night]
        )
        for by in BYS
    }
    assert "Merged" in one.db.ok("merge", str(sent[1])).stdout
    assert "Merged" in two.db.ok("merge", str(sent[0])).stdout
    for by in BYS:
        assert figures(one.db.db, by, now) == expected[by], by
        assert figures(two.db.db, by, now) == expected[by], by
    for pc, theirs in ((one, sent[1]), (two, sent[0])):
        assert_counts_exact(pc.db.db, now)
        before = pc.db.fingerprint()
        assert "Nothing to merge" in pc.db.ok("merge", str(theirs)).stdout
        assert pc.db.fingerprint() == before
    return sent


# -- one dossier, two points ----------------------------------------------------------------------
def pair(center: Cli, template: Path, tmp_path: Path) -> tuple[Cli, Cli]:
    """Two PCs that started from one copy of the center's database (no points set up)."""
    other = Cli(tmp_path / "other.db", now=center.now)
    shutil.copyfile(template, other.db)
    return center, other


def steps_of(cli: Cli, code: str) -> list[tuple[str, str, str]]:
    events = json.loads(cli.ok("history", code, "--json").stdout)
    return [(e["step"], e["happened_at"], e["actor"]) for e in events]


def test_a_dossier_that_moved_on_at_the_other_point_takes_the_new_steps(
    center: Cli, center_template: Path, tmp_path: Path
) -> None:
    one, two = pair(center, center_template, tmp_path)
    x = json.loads(two.ok("receive", "ks", "--applicant", "X", "--at", "2025-09-09 09:00", "--json").stdout)[
        "code"
    ]
    y = json.loads(two.ok("receive", "ks", "--applicant", "Y", "--at", "2025-09-09 10:00", "--json").stdout)[
        "code"
    ]
    one.ok("merge", str(two.db))
    one.ok("supplement", x, "--at", "2025-09-09 11:00", "--reason", "thiếu giấy")  # point 1 goes on with x …
    one.ok("resume", x, "--at", "2025-09-10 08:00")
    one.ok("resolve", x, "--at", "2025-09-10 09:00", user="lan")
    two.ok("undo", y, "--reason", "ghi nhầm")  # … while point 2 undoes y's receipt
    out = two.ok("merge", str(one.db)).stdout
    assert "1 moved on at the other point" in out
    assert "1 moved on at the other point" not in one.ok("merge", str(two.db)).stdout
    for cli in (one, two):
        shown = json.loads(cli.ok("show", x, "--json").stdout)
        assert shown["status"] == "resolved" and len(shown["supplements"]) == 1
        assert "unknown dossier code" in cli.fails("show", y)
    assert steps_of(one, x) == steps_of(two, x)
    assert [s[0] for s in steps_of(two, y)] == ["receive", "undo"]


def test_a_merge_that_would_change_nothing_is_not_written_and_a_dry_run_writes_nothing(
    center: Cli, center_template: Path, tmp_path: Path
) -> None:
    one, two = pair(center, center_template, tmp_path)
    assert "Nothing to merge" in one.ok("merge", str(two.db)).stdout  # one copy of one database
    two.ok("receive", "ks", "--applicant", "X", "--at", "2025-09-09 09:00")
    before = one.fingerprint()
    out = one.ok("merge", str(two.db), "--dry-run").stdout
    assert "Dry run" in out and "dossiers: 1 added" in out and one.fingerprint() == before


def test_a_calendar_day_from_the_other_point_moves_due_dates_here(
    center: Cli, center_template: Path, tmp_path: Path
) -> None:
    one, two = pair(center, center_template, tmp_path)
    code = json.loads(
        one.ok(
            "receive", "ks", "--applicant", "X", "--limit", "3wd", "--at", "2025-09-09 09:00", "--json"
        ).stdout
    )["code"]
    two.ok("calendar", "add-holiday", "2025-09-11", "--name", "Lễ hội làng")
    out = one.ok("merge", str(two.db)).stdout
    assert "calendar days: 1 added" in out and "1 open dossier(s) got a new due date" in out
    assert json.loads(one.ok("show", code, "--json").stdout)["due_date"] == "2025-09-15"
    assert "due.recompute" in [s[0] for s in steps_of(one, code)]


# -- conflicts ------------------------------------------------------------------------------------
def _receipts(one: Cli, two: Cli) -> str:
    for cli, who in ((one, "An"), (two, "Bình")):
        cli.ok("receive", "ks", "--applicant", who, "--at", "2025-09-09 09:00")
    return f"dossier {PREFIX}-250909-0001: two different receipts under one code"


def _diverged(one: Cli, two: Cli) -> str:
    two.ok("receive", "ks", "--applicant", "An", "--at", "2025-09-08 09:00")
    one.ok("merge", str(two.db))
    one.ok("resolve", f"{PREFIX}-250908-0001", "--at", "2025-09-08 10:00")
    two.ok("withdraw", f"{PREFIX}-250908-0001", "--at", "2025-09-08 10:30")
    return (
        f"dossier {PREFIX}-250908-0001: the two points recorded different steps after 1 in common:"
        " here resolve at 08/09/2025 10:00; there withdraw at 08/09/2025 10:30"
    )


def _procedure(one: Cli, two: Cli) -> str:
    for cli, limit in ((one, "5wd"), (two, "7wd")):
        cli.ok(
            "procedure",
            "add",
            "1.004873",
            "--name",
            "Xác nhận hôn nhân",
            "--field",
            "Hộ tịch",
            "--limit",
            limit,
        )
    return "procedure 1.004873: Time limit is '5 working days' here and '7 working days' there"


def _calendar(one: Cli, two: Cli) -> str:
    one.ok("calendar", "add-workday", "2025-09-13")
    two.ok("calendar", "add-workday", "2025-09-13")
    two.ok("calendar", "add-holiday", "2025-09-13")
    return "13/09/2025: a make-up working day here, a day off there"


def _point_code(one: Cli, two: Cli) -> str:
    one.ok("point", "add", "Điểm 3", "--prefix", "000.00.20.H57")
    two.ok("point", "add", "Điểm 3")
    return "point Điểm 3: unit code '000.00.20.H57' here and '' there"


def _case_twin(one: Cli, two: Cli) -> str:
    one.ok("receive", "ks", "--applicant", "An", "--code", "HS-2025-77", "--at", "2025-09-09 09:00")
    two.ok("receive", "ks", "--applicant", "Bình", "--code", "hs-2025-77", "--at", "2025-09-09 10:00")
    return "dossier hs-2025-77: this database gave that code as 'HS-2025-77'"


CONFLICTS = {
    "receipts": _receipts,
    "procedure": _procedure,
    "calendar": _calendar,
    "point": _point_code,
    "case twin": _case_twin,
}


@pytest.mark.parametrize("kind", list(CONFLICTS))
def test_each_kind_of_conflict_is_refused_with_nothing_written(
    center: Cli, center_template: Path, tmp_path: Path, kind: str
) -> None:
    one, two = pair(center, center_template, tmp_path)
    expected = CONFLICTS[kind](one, two)
    err = one.fails("merge", str(two.db))
    assert "1 conflict(s) between this database and" in err and expected in err
    assert "xung đột" in one.fails("merge", str(two.db), lang="vi")


def test_a_time_limit_in_a_conflict_is_said_in_words_in_the_readers_language(
    center: Cli, center_template: Path, tmp_path: Path
) -> None:
    one, two = pair(center, center_template, tmp_path)
    _procedure(one, two)
    err = one.fails("merge", str(two.db), lang="vi")
    assert "thủ tục 1.004873: Thời hạn ở đây là '5 ngày làm việc', bên kia là '7 ngày làm việc'" in err
    assert "5wd" not in err


def test_every_conflict_is_listed_at_once(center: Cli, center_template: Path, tmp_path: Path) -> None:
    one, two = pair(center, center_template, tmp_path)
    expected = [make(one, two) for make in CONFLICTS.values()]
    err = one.fails("merge", str(two.db))
    assert err.startswith(f"Error: {len(expected)} conflict(s)")
    assert all(e in err for e in expected), err


def test_a_dossier_the_other_file_holds_with_steps_before_its_receipt_is_refused(
    center: Cli, center_template: Path, tmp_path: Path
) -> None:
    """A point's file changed outside tthc: the merge names every bad moment and writes nothing."""
    one, two = pair(center, center_template, tmp_path)
    code = two.ok("receive", "ks", "--applicant", "X", "--at", "2025-09-09 09:00").stdout.split()[1]
    two.ok("resolve", code, "--at", "2025-09-09 10:00")
    with sqlite3.connect(two.db) as conn:
        conn.execute(
            "UPDATE dossiers SET resolved_at = '2025-09-08T10:00:00', returned_at = '1900-01-01T00:00:00'"
        )
    err = one.fails("merge", str(two.db))
    assert err == (
        f"Error: 2 value(s) in {two.db} that this database cannot hold; nothing was written\n"
        f"dossier {code}: resolved_at: 08/09/2025 10:00 is before the receipt (09/09/2025 09:00)\n"
        f"dossier {code}: returned_at: bad date '1900-01-01T00:00:00': the year must lie between 1990 and 2100\n"
    )
    assert "hồ sơ " + code in one.fails("merge", str(two.db), lang="vi")


# -- files that are not another point's database ----------------------------------------------------
def test_a_file_that_is_not_a_tthc_database_or_is_newer_is_refused(center: Cli, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("hello", encoding="utf-8")
    assert "is not a tthc database" in center.fails("merge", str(junk))
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.commit()
    assert "is not a tthc database" in center.fails("merge", str(plain))
    newer = tmp_path / "newer.db"
    shutil.copyfile(center.db, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 99")
    assert "written by a newer tthc (schema 99)" in center.fails("merge", str(newer))
    assert "is this database itself" in center.fails("merge", str(center.db))
    assert "no such file" in center.fails("merge", str(tmp_path / "none.db"))


def test_an_older_point_file_is_read_through_an_upgraded_copy_and_left_as_it_was(
    center: Cli, tmp_path: Path
) -> None:
    from tthc.storage.store import Store

    old = tmp_path / "old.db"
    store = Store.open(old, create=True, upto=6)
    with store.write() as conn:
        conn.execute(
            "INSERT INTO points (name, name_key, added_at) VALUES ('Điểm Cũ', 'điểm cũ', '2025-09-01')"
        )
        conn.execute(
            "INSERT INTO events (dossier_code, step, happened_at, recorded_at, actor, details)"
            " VALUES (NULL, 'point.add', '2025-09-01T08:00:00', '2025-09-01T08:00:00', 'x', '{}')"
        )
    store.close()
    before = old.read_bytes()
    assert "reception points: 1 added" in center.ok("merge", str(old)).stdout
    assert old.read_bytes() == before
    assert "Nothing to merge" in center.ok("merge", str(old)).stdout


@pytest.mark.slow
def test_a_merge_killed_midway_leaves_the_database_as_it_was(center: Cli, tmp_path: Path) -> None:
    """SIGKILL while the merge holds its write transaction: SQLite keeps all of it or none."""
    import os
    import signal
    import subprocess
    import sys
    import time

    other = Cli(tmp_path / "big.db", now="2025-09-10 16:00")
    shutil.copyfile(center.db, other.db)
    rows = ["procedure,received_at,applicant,resolved_at"]
    rows += [f"ks,2025-0{7 + i % 2}-{1 + i % 28:02d} 08:00,Người {i},2025-09-01 10:00" for i in range(50_000)]
    (tmp_path / "big.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    other.ok("import", str(tmp_path / "big.csv"))
    center.ok("receive", "ks", "--applicant", "Ở đây", "--at", "2025-09-10 09:00")

    def state() -> tuple[Any, ...]:
        with sqlite3.connect(center.db) as conn:
            return tuple(
                conn.execute(q).fetchall()
                for q in (
                    "SELECT count(*) FROM dossiers",
                    "SELECT count(*) FROM events",
                    "SELECT * FROM daily_counts ORDER BY 1, 2, 3, 4, 5, 6",
                )
            )

    before = state()
    env = {**os.environ, "TTHC_DB": str(center.db), "TTHC_NOW": "2025-09-10 16:00", "TTHC_USER": "t"}
    merge = subprocess.Popen(
        [sys.executable, "-m", "tthc", "merge", str(other.db)], env=env, stderr=subprocess.PIPE
    )
    probe = sqlite3.connect(center.db, timeout=0)
    wal = Path(f"{center.db}-wal")

    def wait_for(condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + 60
        while not condition():
            assert merge.poll() is None, f"the merge ended before {what}"
            assert time.monotonic() < deadline, f"no {what} within 60 s"
            time.sleep(0.005)

    def holds_the_lock() -> bool:
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
        except sqlite3.OperationalError:
            return True
        return False

    wait_for(holds_the_lock, "the merge held the write lock")
    # Then until part of its transaction is on disk: SQLite spills the pages it wrote to the
    # WAL, uncommitted, once they outgrow its cache. A kill now is a kill in mid-write.
    at_lock = wal.stat().st_size if wal.exists() else 0
    wait_for(lambda: wal.exists() and wal.stat().st_size > at_lock, "any page of the merge was written")
    assert holds_the_lock(), "the merge committed before it could be killed"
    os.kill(merge.pid, signal.SIGKILL)
    merge.wait()
    probe.close()
    assert state() == before
    out = center.ok("merge", str(other.db)).stdout
    assert "dossiers: 50000 added" in out and state()[0] == [(50_001,)]
    assert_counts_exact(center.db, "2025-09-10 16:00")
