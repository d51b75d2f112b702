"""Who carries the load, and what was late: September 2025 at a center with Lan, Đức and Minh,
worked out by hand — every figure of `tthc officers`, every row of `tthc late`, the second
sheet of the II.06a workbook, and a manager's 80-column terminal."""

import json
import re
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

import openpyxl
import pytest

from tests.conftest import Cli
from tthc.app import corrections, dossiers
from tthc.app.workload import Load, Workload
from tthc.core.periods import Period
from tthc.present.render import text_width, workload_lines

#: The manager looks at September on the morning of 1 October: the snapshot is 1/10 00:00.
SEEN = "2025-10-01 10:00"


class Month(NamedTuple):
    cli: Cli
    code: dict[str, str]  # D1 … D8 → the dossier code tthc gave


@pytest.fixture(scope="module")
def september(center_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Month:
    """September 2025 (1 and 2/9 are National Day; the working days are 3–5, 8–12, 15–19,
    22–26, 29–30):

    D7  Đức, Điểm 1, 3wd, received 27/8 → due 3/9; resolved 3/9 16:00: on time (carried over)
    D1  Lan, Điểm 1, 5wd, received 3/9 → due 10/9; resolved 12/9: late by 2 working days, no apology
    D2  Đức, Điểm 1, 3wd, received 4/9 → due 9/9; apology 5/9 (in time) for 12/9;
        resolved 11/9: late by 2, the new date kept
    D3  Minh, Điểm 2, 3wd, received 3/9 → due 8/9; papers asked 10/9 (2 working days after
        the due date), brought 11/9 → due 16/9 (restart); resolved 15/9: early
    D8  Minh, received 17/9 09:00; the receipt undone at 09:30
    D4  Lan, Điểm 1, 5wd, received 15/9 → due 22/9; handed to Đức 16/9; apology 22/9 (too
        late) for 26/9; still open at the end of the month: 6 working days late, promise broken
    D5  Minh, Điểm 2, 5wd, received 24/9 → due 1/10; handed to Lan 25/9 09:00, undone 10:00
    D6  no officer, Điểm 2, same-day, received 29/9 09:00; resolved 14:00: on time
    """
    db = tmp_path_factory.mktemp("workload") / "center.db"
    shutil.copyfile(center_template, db)
    cli = Cli(db, now=SEEN)
    ctx = cli.context("2025-09-30 16:00")
    ctx.late_entry = True  # the month is entered at its end
    code: dict[str, str] = {}

    def rx(name: str, at: str, limit: str, officer: str | None, point: str, proc: str = "2.000884") -> str:
        d = dossiers.receive(ctx, proc, applicant=name, at=at, limit=limit, officer=officer, point=point)
        code[name] = d.dossier.code
        return code[name]

    d7 = rx("D7", "2025-08-27 09:00", "3wd", "Đức", "Điểm 1")
    dossiers.resolve(ctx, d7, at="2025-09-03 16:00")
    d1 = rx("D1", "2025-09-03 09:00", "5wd", "Lan", "Điểm 1")
    d3 = rx("D3", "2025-09-03 09:00", "3wd", "Minh", "Điểm 2")
    d2 = rx("D2", "2025-09-04 09:00", "3wd", "Đức", "Điểm 1")
    dossiers.apologize(ctx, d2, "2025-09-12", "chờ xác minh", at="2025-09-05 10:00")
    dossiers.supplement(ctx, d3, at="2025-09-10 09:00", reason="thiếu CCCD")
    dossiers.resume(ctx, d3, at="2025-09-11 09:00")
    dossiers.resolve(ctx, d2, at="2025-09-11 15:00")
    dossiers.resolve(ctx, d1, at="2025-09-12 10:00")
    dossiers.resolve(ctx, d3, at="2025-09-15 10:00")
    d4 = rx("D4", "2025-09-15 09:00", "5wd", "Lan", "Điểm 1")
    dossiers.handover(ctx, d4, "Đức", at="2025-09-16 09:00")
    d8 = rx("D8", "2025-09-17 09:00", "same-day", "Minh", "Điểm 1", proc="1.001193")
    undo_ctx = cli.context("2025-09-17 09:30")
    corrections.undo(undo_ctx, d8, "nhầm thủ tục", None)
    dossiers.apologize(ctx, d4, "2025-09-26", "chờ ý kiến phòng", at="2025-09-22 09:00")
    d5 = rx("D5", "2025-09-24 09:00", "5wd", "Minh", "Điểm 2")
    dossiers.handover(ctx, d5, "Lan", at="2025-09-25 09:00")
    undo_later = cli.context("2025-09-25 10:00")
    corrections.undo(undo_later, d5, "chuyển nhầm", None)
    d6 = rx("D6", "2025-09-29 09:00", "same-day", None, "Điểm 2", proc="1.001193")
    dossiers.resolve(ctx, d6, at="2025-09-29 14:00")
    for c in (ctx, undo_ctx, undo_later):
        c.close()
    return Month(cli, code)


def as_json(cli: Cli, *args: str, now: str = SEEN) -> Any:
    return json.loads(cli.ok(*args, "--json", now=now).stdout)


def test_the_officers_of_september_by_hand(september: Month) -> None:
    """Đức carries the most: D2 and D7 resolved, D4 handed over to him and overdue. Lan
    received D1 and D4 but holds neither now; Minh's handover of D5 was undone."""
    got = as_json(september.cli, "officers", "--month", "2025-09")
    zero = {"early": 0, "on_time": 0, "late": 0}
    assert got == {
        "period": {"from": "2025-09-01", "to": "2025-09-30"},
        "by": "officer",
        "snapshot": "2025-10-01T00:00:00",
        "groups": [
            {
                "key": "Đức",
                "received": 1,  # D2 (D7 came in August; D4 came to him by handover)
                "handed_over": 1,  # D4
                "resolved": 2,  # D2 late, D7 on time
                **zero,
                "on_time": 1,
                "late": 1,
                "pending": 1,  # D4
                "overdue": 1,
                "on_time_rate": 50.0,
                "load": 3,
                "share": 42.86,  # 3 of 7
                "ratings": {"satisfied": 0, "acceptable": 0, "unsatisfied": 0},
            },
            {
                "key": "Minh",
                "received": 2,  # D3, D5 (D8's receipt was undone)
                "handed_over": 0,
                "resolved": 1,
                **zero,
                "early": 1,  # D3, thanks to the restart
                "pending": 1,  # D5, due 1/10
                "overdue": 0,
                "on_time_rate": 100.0,
                "load": 2,
                "share": 28.57,
                "ratings": {"satisfied": 0, "acceptable": 0, "unsatisfied": 0},
            },
            {
                "key": "Lan",
                "received": 2,  # D1, and D4 before she handed it over
                "handed_over": 0,  # D5's handover to her was undone
                "resolved": 1,
                **zero,
                "late": 1,  # D1
                "pending": 0,
                "overdue": 0,
                "on_time_rate": 0.0,
                "load": 1,
                "share": 14.29,
                "ratings": {"satisfied": 0, "acceptable": 0, "unsatisfied": 0},
            },
            {
                "key": None,
                "received": 1,  # D6
                "handed_over": 0,
                "resolved": 1,
                **zero,
                "on_time": 1,
                "pending": 0,
                "overdue": 0,
                "on_time_rate": 100.0,
                "load": 1,
                "share": 14.29,
                "ratings": {"satisfied": 0, "acceptable": 0, "unsatisfied": 0},
            },
        ],
        "total": {
            "received": 6,
            "handed_over": 1,
            "resolved": 5,
            "early": 1,
            "on_time": 2,
            "late": 2,
            "pending": 2,
            "overdue": 1,
            "on_time_rate": 60.0,
            "load": 7,
            "share": 100.0,
            "ratings": {"satisfied": 0, "acceptable": 0, "unsatisfied": 0},
        },
    }


def test_the_points_of_september_by_hand(september: Month) -> None:
    got = as_json(september.cli, "officers", "--month", "2025-09", "--by", "point")
    rows = {g["key"]: g for g in got["groups"]}
    assert [g["key"] for g in got["groups"]] == ["Điểm 1", "Điểm 2"]  # no dossier without a point
    one = {k: rows["Điểm 1"][k] for k in ("received", "handed_over", "resolved", "pending", "overdue")}
    assert one == {"received": 3, "handed_over": 1, "resolved": 3, "pending": 1, "overdue": 1}  # D1 D2 D4, D7
    assert (rows["Điểm 1"]["on_time_rate"], rows["Điểm 1"]["load"], rows["Điểm 1"]["share"]) == (
        33.33,
        4,
        57.14,
    )
    two = {k: rows["Điểm 2"][k] for k in ("received", "handed_over", "resolved", "pending", "overdue")}
    assert two == {"received": 3, "handed_over": 0, "resolved": 2, "pending": 1, "overdue": 0}  # D3 D5 D6
    assert (rows["Điểm 2"]["on_time_rate"], rows["Điểm 2"]["load"], rows["Điểm 2"]["share"]) == (
        100.0,
        3,
        42.86,
    )


def test_the_late_of_september_by_hand(september: Month) -> None:
    c = september.code
    got = as_json(september.cli, "late", "--month", "2025-09")
    assert got == {
        "period": {"from": "2025-09-01", "to": "2025-09-30"},
        "snapshot": "2025-10-01T00:00:00",
        "resolved_late": [
            {
                "code": c["D2"],
                "procedure": "2.000884",
                "officer": "Đức",
                "due_date": "2025-09-09",
                "resolved_at": "2025-09-11T15:00:00",
                "working_days_late": 2,  # 10/9 and 11/9
                "apology": {
                    "issued_at": "2025-09-05T10:00:00",
                    "in_time": True,  # 8/9 and 9/9 lay between it and the due date
                    "new_date": "2025-09-12",
                    "promise": "kept",
                },
            },
            {
                "code": c["D1"],
                "procedure": "2.000884",
                "officer": "Lan",
                "due_date": "2025-09-10",
                "resolved_at": "2025-09-12T10:00:00",
                "working_days_late": 2,
                "apology": None,
            },
        ],
        "open_overdue": [
            {
                "code": c["D4"],
                "procedure": "2.000884",
                "officer": "Đức",
                "due_date": "2025-09-22",
                "resolved_at": None,
                "working_days_late": 6,  # 23–26, 29 and 30/9
                "apology": {
                    "issued_at": "2025-09-22T09:00:00",
                    "in_time": False,  # on the due date itself
                    "new_date": "2025-09-26",
                    "promise": "broken",
                },
            }
        ],
        "late_requests": [
            {
                "code": c["D3"],
                "procedure": "2.000884",
                "officer": "Minh",
                "due_date": "2025-09-08",
                "requested_at": "2025-09-10T09:00:00",
                "working_days_late": 2,
                "reason": "thiếu CCCD",
            }
        ],
        "corrections": [
            {
                "code": c["D8"],
                "procedure": "1.001193",  # read from the receipt that was undone
                "officer": None,
                "kind": "undo",
                "step": "receive",
                "step_at": "2025-09-17T09:00:00",
                "corrected_at": "2025-09-17T09:30:00",
                "actor": "clerk",
            },
            {
                "code": c["D5"],
                "procedure": "2.000884",
                "officer": "Minh",
                "kind": "undo",
                "step": "handover",
                "step_at": "2025-09-25T09:00:00",
                "corrected_at": "2025-09-25T10:00:00",
                "actor": "clerk",
            },
        ],
        "breaches": [
            {  # received Wed 3/9: papers were to be asked by Mon 8/9 (Thu, Fri, Mon)
                "code": c["D3"],
                "procedure": "2.000884",
                "officer": "Minh",
                "kind": "supplement_late",
                "article": "19.5",
                "at": "2025-09-10T09:00:00",
                "due": "2025-09-08T17:00:00",
                "done_at": "2025-09-10T09:00:00",
            },
            {  # the apology on the due date itself
                "code": c["D4"],
                "procedure": "2.000884",
                "officer": "Đức",
                "kind": "apology_late",
                "article": "19.6",
                "at": "2025-09-22T09:00:00",
                "due": None,
                "done_at": "2025-09-22T09:00:00",
            },
        ],
    }


def test_a_promise_not_yet_due_when_the_period_ends_on_24_september(september: Month) -> None:
    """Seen at the end of 24/9, D4 is two working days late and its new date, 26/9, is still
    ahead; D5's undo of 25/9 is not in the period."""
    got = as_json(september.cli, "late", "--from", "2025-09-01", "--to", "2025-09-24")
    (d4,) = got["open_overdue"]
    assert (d4["working_days_late"], d4["apology"]["promise"]) == (2, "not_yet")
    assert [r["code"] for r in got["corrections"]] == [september.code["D8"]]
    assert [r["code"] for r in got["resolved_late"]] == [september.code["D2"], september.code["D1"]]


def test_the_lists_hold_what_the_summary_counts(september: Month) -> None:
    for args in (["--month", "2025-09"], ["--from", "2025-09-01", "--to", "2025-09-24"], ["--year", "2025"]):
        summary = as_json(september.cli, "summary", *args)
        late = as_json(september.cli, "late", *args)
        assert len(late["resolved_late"]) == summary["late"], args
        assert len(late["open_overdue"]) == summary["pending_overdue"], args
        load = as_json(september.cli, "officers", *args)["total"]
        for key in ("received", "resolved", "pending"):
            assert load[key] == summary[key], (args, key)
        assert load["overdue"] == summary["pending_overdue"], args


def test_the_manager_names_the_overloaded_officer_at_80_columns(september: Month) -> None:
    out = september.cli.ok("officers", "--month", "2025-09", now=SEEN).stdout
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    duc = next(line for line in lines if line.startswith("Đức"))
    assert duc.split() == ["Đức", "1", "1", "2", "50.00%", "1", "1", "3"]
    bars = [line for line in lines if "█" in line]
    assert bars[0].startswith("Đức") and bars[0].endswith("42.86%  3")
    assert bars[0].count("█") > bars[1].count("█") > bars[2].count("█")
    vi = september.cli.ok("officers", "--month", "2025-09", now=SEEN, lang="vi").stdout
    assert "Cán bộ" in vi and "42,86%" in vi and "(không có)" in vi and "Tổng" in vi


def test_long_names_and_big_numbers_keep_every_digit() -> None:
    """A center's year: four-digit figures and a full Vietnamese name still fit 80 columns;
    the name goes on under its row, whole, and no number is cut."""
    big = Load("Nguyễn Thị Hồng Nhung Phương Thảo", 12345, 678, 9000, 900, 345, 23456, 1234)
    small = Load("Lê Văn Tám", 3, 0, 1, 0, 0, 2, 0)
    total = Load(None)
    for g in (big, small):
        total.add(g)
    w = Workload(
        Period(date(2025, 1, 1), date(2025, 12, 31)), "officer", datetime(2026, 1, 1), [big, small], total
    )
    for lang in ("en", "vi"):
        lines = workload_lines(w, lang, 80)
        assert max(len(line) for line in lines) <= 80, lang
        at = next(i for i, line in enumerate(lines) if line.startswith("Nguyễn"))
        row = lines[at]
        for number in ("12345", "678", "10245", "23456", "1234", "33701"):
            assert f" {number}" in row, (lang, number)
        assert "…" not in "\n".join(lines), lang
        name = " ".join(lines[at].split("  ")[0].split() + lines[at + 1].split())
        assert name.startswith("Nguyễn Thị Hồng") and "Phương Thảo" in " ".join(lines[at : at + 3]), lang


def test_late_in_the_terminal_names_the_dossiers_without_an_apology_in_time(september: Month) -> None:
    c = september.code
    out = september.cli.ok("late", "--month", "2025-09", now=SEEN).stdout
    assert "Resolved late (2)" in out and "Open and overdue at Wed 01/10/2025 00:00 (1)" in out
    flat = " ".join(out.split())  # the closing line wraps at 80 columns
    assert f"Late without an apology in time: 2 — {c['D1']}, {c['D4']}" in flat
    d2 = next(line for line in out.splitlines() if line.startswith(c["D2"]))
    assert "09/09/2025" in d2 and "11/09/2025 15:00" in d2 and "in time" in d2 and "kept" in d2
    vi = september.cli.ok("late", "--month", "2025-09", now=SEEN, lang="vi").stdout
    assert "Giải quyết quá hạn (2)" in vi and "lỡ hẹn" in vi and "hoàn tác" in vi and "chưa xong" in vi


def narrow(cli: Cli, width: int | None, lang: str, *args: str) -> str:
    """What ``tthc`` prints on a screen ``width`` columns wide (None: a pipe), without colour."""
    env = {"COLUMNS": "" if width is None else str(width), "NO_COLOR": "1"}
    out = str(cli.ok(*args, now=SEEN, lang=lang, env=env).stdout)
    assert "…" not in out
    if width is not None:
        wide = [line for line in out.splitlines() if text_width(line) > width]
        assert not wide, (width, wide)
    return out


LATE_WORDS = {
    "en": {"late": "Working days late", "apology": "Apology", "new": "New date", "kept": "New date kept?"},
    "vi": {
        "late": "Số ngày làm việc trễ",
        "apology": "Thư xin lỗi",
        "new": "Ngày hẹn lại",
        "kept": "Đúng hẹn lại?",
    },
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", [80, 60])
def test_late_changes_shape_to_fit_a_narrow_screen(september: Month, width: int, lang: str) -> None:
    """Too narrow for the table: a record per dossier, every figure and date whole."""
    c, w = september.code, LATE_WORDS[lang]
    out = narrow(september.cli, width, lang, "late", "--month", "2025-09")
    got = as_json(september.cli, "late", "--month", "2025-09")
    for item in [*got["resolved_late"], *got["open_overdue"], *got["late_requests"]]:
        assert f"{w['late']}: {item['working_days_late']}" in out, (item["code"], out)
    for item in [*got["resolved_late"], *got["open_overdue"], *got["late_requests"], *got["corrections"]]:
        assert re.search(rf"^{re.escape(item['code'])}\b", out, re.M), item["code"]
    flat = " ".join(out.split())
    assert f"{w['new']}: 12/09/2025" in flat and f"{w['new']}: 26/09/2025" in flat  # D2's and D4's
    assert ("in time" if lang == "en" else "kịp thời") in flat
    assert ("thiếu CCCD") in flat and "10/09/2025 09:00" in flat  # D3's late request, whole
    assert c["D1"] in flat.split("—")[-1]  # the closing line still names who had no apology


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_late_is_a_table_where_there_is_room(september: Month, lang: str) -> None:
    out = narrow(september.cli, None, lang, "late", "--month", "2025-09")
    assert f"{LATE_WORDS[lang]['late']}:" not in out and "───" in out


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", [80, 60, None])
def test_corrections_name_their_period_and_fit_the_screen(
    september: Month, width: int | None, lang: str
) -> None:
    out = narrow(september.cli, width, lang, "corrections", "--month", "2025-09")
    period = "01/09/2025 to 30/09/2025" if lang == "en" else "từ 01/09/2025 đến 30/09/2025"
    flat = " ".join(out.split())
    assert period in flat
    for item in as_json(september.cli, "corrections", "--month", "2025-09"):
        assert re.search(rf"^{re.escape(item['code'])}\b", out, re.M), item["code"]
        assert item["reason"] in flat
        moment = datetime.fromisoformat(item["moment"]).strftime("%d/%m/%Y %H:%M")
        assert moment in flat
    if width is not None:
        assert ("Reason: chuyển nhầm" if lang == "en" else "Lý do: chuyển nhầm") in flat
    empty = september.cli.ok("corrections", "--month", "2025-08", now=SEEN, lang=lang).stdout
    assert "01/08/2025" in empty and "31/08/2025" in empty, empty


def test_the_report_gains_a_sheet_of_the_late_lists(september: Month, tmp_path: Path) -> None:
    c = september.code
    path = tmp_path / "bieu.xlsx"
    september.cli.ok("report", "--month", "2025-09", "--out", str(path), now=SEEN, lang="vi")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["II.06a", "Quá hạn"]
    form = [r for r in book["II.06a"].iter_rows(values_only=True) if r[1] == "Tổng cộng"]
    assert form[0][2:13] == (7, 0, 6, 1, 5, 1, 2, 2, 2, 1, 1)  # the first sheet as it was
    rows = list(book["Quá hạn"].iter_rows(values_only=True))
    titles = [r[0] for r in rows if r[0] and str(r[0]).endswith(")")]
    assert titles == [
        "Giải quyết quá hạn (2)",
        "Đang giải quyết, quá hạn tại Thứ Tư 01/10/2025 00:00 (1)",
        "Yêu cầu bổ sung khi đã quá hạn (1)",
        "Quá trình xử lý được điều chỉnh (2)",
        "Vi phạm quy định của Nghị định 118 (2)",
    ]
    by_code: dict[object, tuple[object, ...]] = {}
    for r in rows:  # each dossier's first row: the lists before the breaches
        if r[0] in c.values():
            by_code.setdefault(r[0], r)
    breached = [r[:5] for r in rows[rows.index(next(r for r in rows if r[0] == titles[-1])) + 2 :]]
    assert breached == [
        (c["D3"], "2.000884", "Minh", "yêu cầu bổ sung quá 03 ngày làm việc kể từ ngày tiếp nhận", "19.5"),
        (c["D4"], "2.000884", "Đức", "xin lỗi muộn hơn 01 ngày trước hạn", "19.6"),
    ]
    assert by_code[c["D1"]][3:7] == (datetime(2025, 9, 10), datetime(2025, 9, 12, 10), 2, "không có")
    assert by_code[c["D4"]][4:9] == ("chưa xong", 6, "muộn", datetime(2025, 9, 26), "lỡ hẹn")
    assert by_code[c["D3"]][3:7] == (datetime(2025, 9, 8), datetime(2025, 9, 10, 9), 2, "thiếu CCCD")
    assert by_code[c["D5"]][3:6] == ("hoàn tác", "chuyển xử lý", datetime(2025, 9, 25, 9))
    assert book["Quá hạn"].page_setup.orientation == "landscape"


def test_both_lists_to_csv_and_excel(september: Month, tmp_path: Path) -> None:
    officers_csv = tmp_path / "officers.csv"
    september.cli.ok("officers", "--month", "2025-09", "--out", str(officers_csv), now=SEEN)
    lines = officers_csv.read_text(encoding="utf-8-sig").splitlines()
    assert (
        lines[0]
        == "officer,received,handed_over,resolved,early,on_time,late,pending,overdue,on_time_rate,load,share"
    )
    assert lines[1] == "Đức,1,1,2,0,1,1,1,1,50.00,3,42.86"  # rates written as the summary writes them
    assert lines[-1] == "TOTAL,6,1,5,1,2,2,2,1,60.00,7,100.00"
    late_xlsx = tmp_path / "late.xlsx"
    september.cli.ok("late", "--month", "2025-09", "--out", str(late_xlsx), now=SEEN)
    rows = list(openpyxl.load_workbook(late_xlsx)["late"].iter_rows(values_only=True))
    assert rows[0][:3] == ("list", "code", "procedure")
    assert [r[0] for r in rows[1:]] == [
        "resolved_late",
        "resolved_late",
        "open_overdue",
        "late_requests",
        "corrections",
        "corrections",
        "breaches",
        "breaches",
    ]
    d4 = dict(zip(rows[0], rows[3], strict=True))
    assert (d4["code"], d4["apology_in_time"], d4["promise"]) == (september.code["D4"], False, "broken")


def test_an_idle_officer_is_listed_with_nothing(center: Cli) -> None:
    got = as_json(center, "officers", "--month", "2025-09", now="2025-09-10 16:00")
    assert [g["key"] for g in got["groups"]] == ["Đức", "Lan", "Minh"]
    assert all(g["load"] == 0 and g["share"] is None for g in got["groups"])
    assert got["total"]["on_time_rate"] is None
    assert "none" in center.ok("late", now="2025-09-10 16:00").stdout


def test_papers_asked_after_the_appointment_but_on_the_due_date_are_not_late(center: Cli) -> None:
    """Due Mon 8/9; papers asked at 17:30 that day: still within the due date. Brought on 9/9,
    the whole limit runs again to Fri 12/9; papers asked again on Mon 15/9: one working day
    after the due date in force then."""
    now = "2025-09-16 10:00"
    ctx = center.context(now)
    ctx.late_entry = True  # the fortnight is entered afterwards
    code = dossiers.receive(ctx, "2.000884", applicant="X", at="2025-09-03 09:00", limit="3wd").dossier.code
    dossiers.supplement(ctx, code, at="2025-09-08 17:30", reason="thiếu ảnh")
    dossiers.resume(ctx, code, at="2025-09-09 09:00")
    dossiers.supplement(ctx, code, at="2025-09-15 09:00", reason="thiếu chữ ký", again=True)
    ctx.close()
    got = as_json(center, "late", "--month", "2025-09", now=now)["late_requests"]
    assert got == [
        {
            "code": code,
            "procedure": "2.000884",
            "officer": None,
            "due_date": "2025-09-12",
            "requested_at": "2025-09-15T09:00:00",
            "working_days_late": 1,
            "reason": "thiếu chữ ký",
        }
    ]


def test_the_officers_of_september_fit_a_narrow_window_as_every_screen_does(september: Month) -> None:
    """``COLUMNS`` narrows the workload table and its bars as it narrows every other screen;
    into a file with no ``COLUMNS`` it is 80 wide."""
    narrow = september.cli.ok("officers", "--month", "2025-09", now=SEEN, env={"COLUMNS": "60"}).stdout
    wide = september.cli.ok("officers", "--month", "2025-09", now=SEEN, env={"COLUMNS": "100"}).stdout
    bars = [line for line in narrow.splitlines() if "█" in line]
    assert bars and max(len(line) for line in bars) <= 60
    assert max(len(line) for line in wide.splitlines() if "█" in line) > 80
