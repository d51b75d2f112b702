"""The evening exchange that never blocks for good: a week of two reception points whose
clerks step on each other's dossiers, the conflicts held aside while everything else merges,
an undo or the manager's ``--keep`` settling them, and both databases identical at the end."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from tests.test_merge import PointPC


def dump(db: Path) -> dict[str, Any]:
    """What both points must hold alike: every dossier row and round, every dossier's event
    (by uid, with the uid of what it undoes), and the registers. Local event numbers apart."""
    with closing(sqlite3.connect(db)) as conn:
        uid = dict(conn.execute("SELECT id, uid FROM events"))
        events = sorted(
            (u, code, step, at, rec, actor, details, uid.get(undoes))
            for u, code, step, at, rec, actor, details, undoes in conn.execute(
                "SELECT uid, dossier_code, step, happened_at, recorded_at, actor, details, undoes"
                " FROM events WHERE dossier_code IS NOT NULL"
            )
        )
        cols = [r[1] for r in conn.execute("PRAGMA table_info(dossiers)") if r[1] != "imported_by"]
        rows = conn.execute(f"SELECT {', '.join(cols)} FROM dossiers ORDER BY code").fetchall()
        pauses = conn.execute(
            "SELECT dossier_code, paused_at, policy, reason, time_left, resumed_at, resume_due_at"
            " FROM pauses ORDER BY dossier_code, paused_at"
        ).fetchall()
        registers = {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("procedures", "calendar_days", "code_sequences")
        }
        names = {
            t: conn.execute(f"SELECT name FROM {t} ORDER BY 1").fetchall() for t in ("officers", "points")
        }
        held = conn.execute("SELECT code FROM merge_conflicts").fetchall()
    return {"events": events, "dossiers": rows, "pauses": pauses, **registers, **names, "held": held}


def exchange(folder: Path, one: PointPC, two: PointPC, now: str, n: int) -> tuple[Any, Any]:
    """Each point copies its database for the other, then merges the copy it was given."""
    for pc in (one, two):
        pc.db.now = now
    sent = (one.send(folder, n), two.send(folder, n))
    return one.db("merge", str(sent[1])), two.db("merge", str(sent[0]))


def show(pc: PointPC, code: str) -> dict[str, Any]:
    return dict(json.loads(pc.do("show", code, "--json")))


def test_a_week_of_two_points_ends_with_one_center_and_every_conflict_settled_by_a_decision(
    tmp_path: Path,
) -> None:
    one = PointPC(tmp_path, "diem1", "Điểm 1", "Nguyễn Thị Lan", "2025-09-08 07:30")
    two = PointPC(tmp_path, "diem2", "Điểm 2", "Trần Văn Đức", "2025-09-08 07:30", center=one)
    # Monday 8/9/2025: receipts at both points
    a1 = one.receive("ks", "Phạm Văn Bình", "2025-09-08 08:00", "--limit", "5wd")
    a2 = one.receive("kh", "Hồ Thị Cúc", "2025-09-08 09:00", "--limit", "5wd")
    b1 = two.receive("ks", "Đỗ Thị Em", "2025-09-08 08:30", "--limit", "5wd")
    b2 = two.receive("kt", "Ngô Thị Giang", "2025-09-08 10:00", "--limit", "5wd", "--phone", "0900000000")
    for result in exchange(tmp_path, one, two, "2025-09-08 17:30", 1):
        assert result.exit_code == 0, result.stderr

    # Tuesday: each point goes on with dossiers the other also holds
    one.do("resolve", a2, "--at", "2025-09-09 10:00", now="2025-09-09 10:00")
    two.do("withdraw", a2, "--at", "2025-09-09 10:30", "--reason", "công dân rút", now="2025-09-09 10:30")
    one.do("edit", b2, "--phone", "0911111111", now="2025-09-09 11:00")
    two.do("edit", b2, "--phone", "0922222222", now="2025-09-09 11:05")
    one.do("edit", a1, "--address", "Thôn Đông", now="2025-09-09 14:00")  # an edit against …
    two.do("resolve", a1, "--at", "2025-09-09 14:30", now="2025-09-09 14:30")  # … a step: no conflict
    one.do("handover", b1, "--to", "Nguyễn Thị Lan", "--at", "2025-09-09 15:00", now="2025-09-09 15:00")
    two.do("edit", b1, "--note", "gọi trước khi trả", now="2025-09-09 15:10")
    for result in exchange(tmp_path, one, two, "2025-09-09 17:30", 2):
        assert result.exit_code == 1  # like git merge: what merged is written, the rest listed
        assert "2 dossier(s) held aside" in result.stderr
        assert f"dossier {a2}: steps that cannot both stand" in result.stderr
        assert f"dossier {b2}: Phone edited to '0911111111' here and '0922222222' there" in result.stderr or (
            f"dossier {b2}: Phone edited to '0922222222' here and '0911111111' there" in result.stderr
        )
    for pc in (one, two):
        merged = show(pc, a1)
        assert (merged["status"], merged["address"]) == ("resolved", "Thôn Đông")
        assert (show(pc, b1)["officer"], show(pc, b1)["note"]) == ("Nguyễn Thị Lan", "gọi trước khi trả")
    assert show(one, a2)["status"] == "resolved" and show(two, a2)["status"] == "withdrawn"

    # Wednesday: point 2 undoes its withdrawal (the documented remedy); the evening settles a2
    two.do("undo", a2, "--reason", "rút nhầm hồ sơ", "--yes", now="2025-09-10 08:00")
    b3 = two.receive("ks", "Lý Thị Hà", "2025-09-10 09:00", "--limit", "5wd")
    results = exchange(tmp_path, one, two, "2025-09-10 17:30", 3)
    for result in results:
        assert f"dossier {a2}" not in result.stderr and f"dossier {b2}" in result.stderr
    assert show(one, a2)["status"] == show(two, a2)["status"] == "resolved"
    # the manager at point 1 decides the phone: the number point 1 was given stands
    sent = two.send(tmp_path, 31)
    out = one.db("merge", str(sent), "--keep", "here", b2, "--reason", "số đã gọi xác nhận")
    assert out.exit_code == 0, out.stderr
    assert show(one, b2)["phone"] == "0911111111"

    # Thursday: both points resolve b3; point 2's manager keeps point 1's resolution; the two
    # points edit different fields of b1, which is no conflict
    one.do("edit", b1, "--phone", "0933333333", now="2025-09-11 08:00")
    two.do("edit", b1, "--address", "Thôn Tây", now="2025-09-11 08:05")
    one.do("resolve", b3, "--at", "2025-09-11 09:00", now="2025-09-11 09:00")
    two.do("resolve", b3, "--at", "2025-09-11 10:00", "--outcome", "rejected", now="2025-09-11 10:00")
    results = exchange(tmp_path, one, two, "2025-09-11 17:30", 4)
    assert all(f"dossier {b3}: steps that cannot both stand" in r.stderr for r in results)
    assert all(f"dossier {b1}" not in r.stderr for r in results)
    for pc in (one, two):
        assert (show(pc, b1)["phone"], show(pc, b1)["address"]) == ("0933333333", "Thôn Tây")
    sent = one.send(tmp_path, 41)
    out = two.db("merge", str(sent), "--keep", "there", b3, "--reason", "điểm 1 đã trả kết quả")
    assert out.exit_code == 0, out.stderr
    assert show(two, b3)["outcome"] == "approved"

    # Friday: the evening exchange, in both directions, twice, and nothing is held any more
    for n in (5, 6):
        for result in exchange(tmp_path, one, two, "2025-09-12 17:30", n):
            assert result.exit_code == 0, result.stderr
    assert dump(one.db.db) == dump(two.db.db)
    assert dump(one.db.db)["held"] == []
    for pc in (one, two):
        assert show(pc, b2)["phone"] == "0911111111"
        assert show(pc, b3)["outcome"] == "approved"
        changed = json.loads(pc.do("corrections", "--from", "2025-09-08", "--to", "2025-09-30", "--json"))
        reasons = {(c["code"], c["kind"], c["reason"]) for c in changed}
        assert {
            (b2, "kept", "số đã gọi xác nhận"),
            (b3, "kept", "điểm 1 đã trả kết quả"),
            (a2, "undo", "rút nhầm hồ sơ"),
        } <= reasons


# -- a file that is not what it says ----------------------------------------------------------------
def _tampered(path: Path, *statements: str) -> None:
    """Change a point's file behind tthc's back, as a database tool would."""
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("DROP TRIGGER IF EXISTS events_no_update")
        for statement in statements:
            conn.execute(statement)


def _two(tmp_path: Path) -> tuple[PointPC, PointPC]:
    one = PointPC(tmp_path, "diem1", "Điểm 1", "Nguyễn Thị Lan", "2025-09-08 07:30")
    two = PointPC(tmp_path, "diem2", "Điểm 2", "Trần Văn Đức", "2025-09-08 07:30", center=one)
    return one, two


def test_a_late_resolution_made_early_in_the_file_is_refused_naming_the_dossier(tmp_path: Path) -> None:
    one, two = _two(tmp_path)
    late = two.receive("ks", "Đỗ Thị Em", "2025-09-08 08:00", "--limit", "1wd")  # due Tue 9/9
    two.do("resolve", late, "--at", "2025-09-11 10:00", now="2025-09-11 10:00")  # two days late
    sent = two.send(tmp_path, 1)
    _tampered(sent, "UPDATE dossiers SET timeliness = 'early'")
    err = one.db.fails("merge", str(sent))
    assert f"dossier {late}: timeliness: early in its row, late by its own history" in err
    assert "hồ sơ " + late in one.db.fails("merge", str(sent), lang="vi")


def test_a_resolution_moved_before_its_receipt_is_refused(tmp_path: Path) -> None:
    one, two = _two(tmp_path)
    code = two.receive("ks", "Đỗ Thị Em", "2025-09-09 08:00")
    two.do("resolve", code, "--at", "2025-09-09 10:00", now="2025-09-09 10:00")
    sent = two.send(tmp_path, 1)
    _tampered(sent, "UPDATE events SET happened_at = '2025-09-08T10:00:00' WHERE step = 'resolve'")
    err = one.db.fails("merge", str(sent))
    assert f"dossier {code}: its history: resolve" in err


def test_an_event_rewritten_under_its_known_uid_is_a_conflict_held_aside(tmp_path: Path) -> None:
    one, two = _two(tmp_path)
    code = two.receive("ks", "Đỗ Thị Em", "2025-09-09 08:00")
    two.do("resolve", code, "--at", "2025-09-09 10:00", now="2025-09-09 10:00")
    one.do("merge", str(two.send(tmp_path, 1)))
    two.do("return", code, "--at", "2025-09-09 11:00", now="2025-09-09 11:00")
    sent = two.send(tmp_path, 2)
    _tampered(  # the row agrees with the rewritten event: the file is consistent, but not the past
        sent,
        "UPDATE events SET details = '{\"outcome\": \"rejected\"}' WHERE step = 'resolve'",
        "UPDATE dossiers SET outcome = 'rejected'",
    )
    trial = one.db("merge", str(sent), "--dry-run")
    assert trial.exit_code == 1 and "would be held aside for a decision (nothing was written)" in trial.stderr
    assert "the rest merged" not in trial.stderr
    result = one.db("merge", str(sent))
    assert result.exit_code == 1
    assert (
        f"dossier {code}: its resolve at 09/09/2025 10:00 is recorded differently here and there"
        in result.stderr
    )
    assert "held aside for a decision (the rest merged)" in result.stderr
    assert show(one, code)["status"] == "resolved"  # held: the return did not come either


def test_an_event_under_one_of_this_databases_uids_is_refused(tmp_path: Path) -> None:
    """Today's attack left a dossier with an empty history: a new dossier whose receipt
    carries the uid of a receipt this database already holds for another dossier."""
    one, two = _two(tmp_path)
    mine = one.receive("ks", "Phạm Văn Bình", "2025-09-09 08:00")
    theirs = two.receive("ks", "Đỗ Thị Em", "2025-09-09 08:30")
    with closing(sqlite3.connect(one.db.db)) as conn:
        uid = conn.execute("SELECT uid FROM events WHERE dossier_code = ?", (mine,)).fetchone()[0]
    sent = two.send(tmp_path, 1)
    _tampered(sent, f"UPDATE events SET uid = '{uid}' WHERE dossier_code = '{theirs}'")
    err = one.db.fails("merge", str(sent))
    assert f"that uid is an event of {mine} in this database" in err


def test_another_centers_database_is_refused_unless_the_manager_says_so(tmp_path: Path) -> None:
    one, _ = _two(tmp_path)
    demo = PointPC(tmp_path, "demo", "Điểm 1", "Nguyễn Thị Lan", "2025-09-08 07:30")
    demo.db.ok("config", "set", "code_prefix", "DEMO.XA")
    demo.receive("ks", "Người Thử", "2025-09-09 08:00")
    err = one.db.fails("merge", str(demo.db.db))
    assert "is another center's file" in err and "(DEMO.XA) there" in err and "--other-center" in err
    twin = PointPC(tmp_path, "twin", "Điểm 2", "Trần Văn Đức", "2025-09-08 07:30")  # same code, own init
    assert "is another center's file" in one.db.fails("merge", str(twin.db.db))
    assert "Merged" in one.do("merge", str(demo.db.db), "--other-center")


def test_a_cut_short_or_random_file_is_refused_by_name_not_as_a_bug(tmp_path: Path) -> None:
    one, two = _two(tmp_path)
    for i in range(40):
        two.receive("ks", f"Người {i}", "2025-09-09 08:00")
    whole = two.send(tmp_path, 1).read_bytes()
    cut = tmp_path / "cut.db"
    cut.write_bytes(whole[: len(whole) // 3])
    noise = tmp_path / "noise.db"
    noise.write_bytes(whole[:100] + bytes((i * 7919) % 251 for i in range(40_000)))
    for bad in (cut, noise):
        err = one.db.fails("merge", str(bad))  # a refusal naming the file, not a bug
        assert str(bad) in err and "damaged" in err, err


def test_a_receipt_undone_at_one_point_while_the_other_went_on_is_held_until_the_undo_is_kept(
    tmp_path: Path,
) -> None:
    one, two = _two(tmp_path)
    code = one.receive("ks", "Phạm Văn Bình", "2025-09-08 08:00", "--limit", "5wd")
    for result in exchange(tmp_path, one, two, "2025-09-08 17:30", 1):
        assert result.exit_code == 0, result.stderr
    one.do("handover", code, "--to", "Trần Văn Đức", "--at", "2025-09-09 09:00", now="2025-09-09 09:00")
    two.do("undo", code, "--reason", "nhập trùng", "--yes", now="2025-09-09 09:30")
    results = exchange(tmp_path, one, two, "2025-09-09 17:30", 2)
    for result in results:
        assert (
            result.exit_code == 1 and f"dossier {code}: its receipt was undone at one point" in result.stderr
        )
    sent = two.send(tmp_path, 21)
    assert "only --keep there settles it" in one.db.fails(
        "merge", str(sent), "--keep", "here", code, "--reason", "x"
    )
    assert one.db("merge", str(sent), "--keep", "there", code, "--reason", "nhập trùng").exit_code == 0
    for n in (3, 4):
        for result in exchange(tmp_path, one, two, "2025-09-10 17:30", n):
            assert result.exit_code == 0, result.stderr
    assert dump(one.db.db) == dump(two.db.db)
    assert "unknown dossier code" in one.db.fails("show", code)


def test_a_file_whose_center_changed_its_office_hours_midweek_still_merges(tmp_path: Path) -> None:
    """Decisions of their moment are not recomputed: a dossier counted under the old hours
    keeps its due date, and the file is not refused for it."""
    one, two = _two(tmp_path)
    before = two.receive("ks", "Đỗ Thị Em", "2025-09-08 08:00", "--limit", "2wd")
    two.do("supplement", before, "--at", "2025-09-08 09:00", "--reason", "thiếu giấy", now="2025-09-08 09:00")
    two.do("resume", before, "--at", "2025-09-08 10:00", now="2025-09-08 10:00")
    two.do("config", "set", "office_hours", "07:00-11:00,13:00-16:30", now="2025-09-08 12:00")
    two.do("resolve", before, "--at", "2025-09-09 09:00", now="2025-09-09 09:00")
    assert "Merged" in one.do("merge", str(two.send(tmp_path, 1)))
    assert show(one, before)["due_at"] == show(two, before)["due_at"] == "2025-09-10T17:00:00"


def test_a_due_date_moved_in_the_file_with_its_judgement_is_refused(tmp_path: Path) -> None:
    one, two = _two(tmp_path)
    late = two.receive("ks", "Đỗ Thị Em", "2025-09-08 08:00", "--limit", "1wd")  # due Tue 9/9
    two.do("resolve", late, "--at", "2025-09-11 10:00", now="2025-09-11 10:00")
    sent = two.send(tmp_path, 1)
    _tampered(
        sent,
        "UPDATE dossiers SET receipt_due_at = '2025-09-12T17:00:00', due_date = '2025-09-12',"
        " due_at = '2025-09-12T17:00:00', deadline = '2025-09-13T00:00:00', timeliness = 'early'",
    )
    err = one.db.fails("merge", str(sent))
    assert f"dossier {late}: receipt_due_at: the receipt's counting is not one its time limit gives" in err


def test_another_centers_full_export_is_refused_by_import_unless_the_manager_says_so(tmp_path: Path) -> None:
    one, _ = _two(tmp_path)
    demo = PointPC(tmp_path, "demo", "Điểm 1", "Nguyễn Thị Lan", "2025-09-08 07:30")
    demo.db.ok("config", "set", "code_prefix", "DEMO.XA")
    demo.receive("ks", "Người Thử", "2025-09-09 08:00")
    out = tmp_path / "demo.jsonl"
    demo.do("export", str(out), "--full")
    assert "is another center's file" in one.db.fails("import", str(out))
    assert "Merged" in one.do("import", str(out), "--other-center")


def test_keep_for_a_dossier_that_is_not_held_is_refused(tmp_path: Path) -> None:
    one, two = _two(tmp_path)
    code = two.receive("ks", "Đỗ Thị Em", "2025-09-09 08:00")
    sent = two.send(tmp_path, 1)
    err = one.db.fails("merge", str(sent), "--keep", "there", code, "--reason", "thử")
    assert f"no conflict held between this database and {sent} for {code}" in err


def test_the_manager_keeps_a_dossier_by_the_short_number_on_its_slip(tmp_path: Path) -> None:
    """Wednesday 10/9/2025: both points change the phone of point 2's first dossier; the
    manager reads 250910-5001 off the slip and settles it by that, as every command takes it."""
    one, two = _two(tmp_path)
    code = two.receive("ks", "Đỗ Thị Em", "2025-09-10 08:00", "--limit", "5wd")
    assert code == "000.00.20.H56-250910-5001"
    for result in exchange(tmp_path, one, two, "2025-09-10 09:00", 1):
        assert result.exit_code == 0, result.stderr
    one.do("edit", code, "--phone", "0911111111", now="2025-09-10 10:00")
    two.do("edit", code, "--phone", "0922222222", now="2025-09-10 10:05")
    for result in exchange(tmp_path, one, two, "2025-09-10 17:30", 2):
        assert result.exit_code == 1 and f"dossier {code}" in result.stderr
    sent = two.send(tmp_path, 21)
    out = one.db("merge", str(sent), "--keep", "here", "250910-5001", "--reason", "số đã gọi xác nhận")
    assert out.exit_code == 0, out.stderr
    assert f"settled by decision: {code}" in out.stdout
    assert show(one, code)["phone"] == "0911111111"
    assert two.db("merge", str(one.send(tmp_path, 31))).exit_code == 0  # the decision travels
    assert show(two, code)["phone"] == "0911111111"
    err = one.db.fails("merge", str(two.send(tmp_path, 41)), "--keep", "here", "250910-5002", "--reason", "x")
    assert "no conflict held" in err and "for 250910-5002" in err


def _readme_two_points() -> list[str]:
    """The commands of the README's two-point set-up, as written there."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two reception points, one center", 1)[1]
    block = section.split("```bash", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in block.strip().splitlines()]


def test_the_readmes_two_point_set_up_merges_both_ways_on_the_first_evening(tmp_path: Path) -> None:
    """Wednesday 10/9/2025, a center opens its second reception point: each PC is set up
    exactly as the README says, each receives, and each merges the other's evening copy."""
    import shlex

    from tests.conftest import Cli

    first, second, evening = _readme_two_points()
    one = Cli(tmp_path / "diem1.db", now="2025-09-10 07:30", home=tmp_path / "pc1")
    two = Cli(tmp_path / "diem2.db", now="2025-09-10 07:30", home=tmp_path / "pc2")
    said = one.ok(*shlex.split(first)[1:]).stdout
    identity = said.split("Center identity: ", 1)[1].split()[0]
    assert "--center-id ID" in second
    two.ok(*shlex.split(second.replace("--center-id ID", f"--center-id {identity}"))[1:])
    for pc, who in ((one, "Phạm Văn Bình"), (two, "Đỗ Thị Em")):
        pc.ok("receive", "ks", "--applicant", who, "--at", "2025-09-10 09:00", now="2025-09-10 09:00")
    steps = [shlex.split(part)[1:] for part in evening.split(";")]
    at_two = [
        [a.replace("diem1", "x").replace("diem2", "diem1").replace("x", "diem2") for a in s] for s in steps
    ]
    in_folder = [[str(tmp_path / a) if a.endswith(".db") else a for a in s] for s in (*steps, *at_two)]
    backup_one, merge_one, backup_two, merge_two = in_folder
    one.ok(*backup_one, now="2025-09-10 17:30")
    two.ok(*backup_two, now="2025-09-10 17:30")
    assert "Merged" in one.ok(*merge_one, now="2025-09-10 17:35").stdout
    assert "Merged" in two.ok(*merge_two, now="2025-09-10 17:35").stdout
    for pc in (one, two):
        listed = json.loads(pc.ok("list", "--json").stdout)
        assert len(listed) == 2


def test_two_points_set_up_apart_are_told_what_differs_and_what_to_do(tmp_path: Path) -> None:
    """Point 2 was set up with its own init, without the first point's identity: the two look
    alike (same name, same unit code), so the refusal names the two identities and the remedy,
    and the remedy it names makes the merge work."""
    one = PointPC(tmp_path, "diem1", "Điểm 1", "Nguyễn Thị Lan", "2025-09-10 07:30")
    two = PointPC(tmp_path, "diem2", "Điểm 2", "Trần Văn Đức", "2025-09-10 07:30")
    two.receive("ks", "Đỗ Thị Em", "2025-09-10 09:00")
    sent = two.send(tmp_path, 1)
    err = one.db.fails("merge", str(sent))
    ours, theirs = one.center_id(), two.center_id()
    assert f"center identity {theirs} there and {ours} here" in err
    assert f"tthc config set center_id {theirs} here" in err and "--other-center" in err
    viet = one.db.fails("merge", str(sent), lang="vi")
    assert f"tthc config set center_id {theirs} ở đây" in viet
    one.db.ok("config", "set", "center_id", theirs)
    assert "Merged" in one.do("merge", str(sent))


def test_init_refuses_a_center_identity_that_is_not_one(tmp_path: Path) -> None:
    from tests.conftest import Cli

    pc = Cli(tmp_path / "diem2.db", now="2025-09-10 07:30")
    for bad in ("", "12345", "0123456789abcdef0123456789abcdeZ"):
        err = pc.fails("init", "--prefix", "000.00.20.H56", "--point", "Điểm 2", "--center-id", bad)
        assert "bad center identity" in err
    assert not pc.db.exists()
