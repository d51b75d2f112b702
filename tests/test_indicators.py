"""The province's scorecard (Decision 766) on a small center whose every figure is worked out
by hand below: October 2025, nine dossiers handled, one of every kind the indicators treat
differently from the II.06a."""

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Cli
from tests.test_summary import NOW, blank_db, histories
from tthc.core.scorecard import BY_ID, GROUPS, INDICATORS, points

__all__ = ["blank_db"]  # the summary tests' blank center, shared
AFTER = "2025-11-03 10:00"  # the period is over: the snapshot is the end of 31/10/2025


def test_the_groups_carry_one_hundred_points_and_each_indicator_its_share() -> None:
    assert sum(GROUPS.values()) == 100
    for group, most in GROUPS.items():
        assert sum(i.max_points for i in INDICATORS if i.group == group) == most
    # full points at the threshold, in proportion below it, half up
    assert points(BY_ID["5.4"], Decimal("95")) == Decimal("4.5")
    assert points(BY_ID["5.4"], Decimal("44.44")) == Decimal("2.22")  # 2.2220
    assert points(BY_ID["3.3"], Decimal("11.11")) == Decimal("0.89")  # 0.8888
    assert points(BY_ID["3.3"], None) is None


@pytest.fixture()
def october(center: Cli) -> Cli:
    """October 2025 (no holiday in it). Chứng thực chữ ký (2.000884) costs 10,000 đồng and
    issues its result electronically; khai sinh (ks) is free and on paper."""
    c = center
    c.ok("procedure", "edit", "2.000884", "--fee", "10.000", "--e-result")

    def rx(applicant: str, at: str, *extra: str) -> str:
        out = c.ok(
            "receive", *extra, "--applicant", applicant, "--at", at, "--late-entry", "--json", now=AFTER
        ).stdout
        return str(json.loads(out)["code"])

    def step(*args: str) -> None:
        c.ok(*args, "--late-entry", now=AFTER)  # October entered after it

    j = rx("J", "2025-09-29 09:00", "ks")  # September's: resolved before the period, in nothing
    step("resolve", j, "--at", "2025-09-29 10:00")
    a = rx("A", "2025-10-01 09:00", "ks")  # on time; the citizen is not satisfied
    step("resolve", a, "--at", "2025-10-01 15:00")
    step("return", a, "--at", "2025-10-01 16:00", "--rating", "không hài lòng", "--comment", "phải chờ lâu")
    b = rx("B", "2025-10-02 09:00", "ks")  # papers asked twice: on time for the II.06a, late for 2.1
    step("supplement", b, "--at", "2025-10-02 10:00", "--reason", "thiếu tờ khai")
    step("resume", b, "--at", "2025-10-06 09:00")
    step("supplement", b, "--at", "2025-10-06 10:00", "--reason", "thiếu bản sao", "--again")
    step("resume", b, "--at", "2025-10-07 09:00")
    step("resolve", b, "--at", "2025-10-07 10:00")
    cc = rx("C", "2025-10-06 09:00", "2.000884", "--limit", "5wd", "--digitised")  # due 13/10
    step("supplement", cc, "--at", "2025-10-07 09:00", "--reason", "thiếu giấy ủy quyền")  # still waiting
    d = rx("D", "2025-10-08 09:00", "ks")  # withdrawn the same day
    step("withdraw", d, "--at", "2025-10-08 10:00")
    e = rx("E", "2025-10-09 09:00", "2.000884", "--limit", "3wd", "--channel", "online", "--paid", "online")
    step("resolve", e, "--at", "2025-10-10 09:00")  # early, result electronic (the catalog's)
    f = rx("F", "2025-10-13 09:00", "ks", "--channel", "postal", "--data-reused")
    step("resolve", f, "--at", "2025-10-14 09:00")  # late: due 13/10
    rx("G", "2025-10-30 09:00", "2.000884", "--limit", "2wd")  # open, due Mon 3/11
    rx("H", "2025-10-28 09:00", "2.000884", "--limit", "1wd")  # open, due 29/10: overdue
    i = rx("I", "2025-10-20 09:00", "2.000884", "--limit", "2wd")  # due 22/10 at receipt
    step("supplement", i, "--at", "2025-10-21 09:00", "--reason", "thiếu chữ ký")
    step("resume", i, "--at", "2025-10-24 09:00")  # counted again: due Tue 28/10
    step(
        "resolve", i, "--at", "2025-10-27 16:00"
    )  # early for the II.06a; 24/10 16:00 less papers' time: late for 2.1
    return c


def _lines(got: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in got["indicators"]}


def test_october_checked_indicator_by_indicator(october: Cli) -> None:
    got = json.loads(october.ok("indicators", "--month", "10/2025", "--json", now=AFTER).stdout)
    assert got["period"] == {"from": "2025-10-01", "to": "2025-10-31"}
    lines = _lines(got)
    figures = {
        k: (v["numerator"], v["denominator"], v["rate"], v["points"])
        for k, v in lines.items()
        if v["computable"]
    }
    assert figures == {
        # handled: A B C D E F G H I (J ended in September). In time: A; C (asked for papers on
        # 7/10, due 13/10); D (withdrawn on its due day); E; G (not due at the end). Late: B (two
        # requests), F, H (overdue), I (27/10 16:00 less 3 days of papers = 24/10 > 22/10).
        "2.1": (5, 9, 55.56, 5.56),
        # ks: A 0, B 0 (its papers' time taken off), F 1 working day → 0.33 ≤ 1 (same-day); 2.000884
        # (same-day in the catalog): E 1, I 4 → 2.5 > 1
        "2.2": (1, 2, 50.0, 5.0),
        "3.3": (1, 9, 11.11, 0.89),  # E online of nine received
        "3.6": (1, 5, 20.0, 1.0),  # C E G H I owe 10,000 đồng; E paid online
        "4.1": (2, 5, 40.0, 1.76),  # results A B E F I; electronic E I
        "4.2": (2, 9, 22.22, 1.22),  # C scanned (no result yet), E online with an e-result
        "4.3": (1, 9, 11.11, 0.61),  # F
        "5.4": (4, 9, 44.44, 2.22),  # 9 − 4 late − 1 unsatisfied (A)
    }
    assert lines["2.1"]["threshold"] == 100.0 and lines["2.1"]["max_points"] == 10.0
    assert lines["5.4"]["threshold"] == 90.0 and lines["5.4"]["threshold_transcribed"] is True
    outside = {k for k, v in lines.items() if not v["computable"]}
    assert outside == {"1.1", "1.2", "1.3", "1.4", "3.1", "3.2", "3.5", "4.4", "4.5", "5.1", "5.2", "5.3"}
    assert all(lines[k]["formula"] == "not from this center's records" for k in outside)
    assert got["points"] == 18.26
    procedures = {p["procedure"]: p for p in lines["2.2"]["procedures"]}
    assert procedures["1.001193"]["average"] == 0.33 and procedures["1.001193"]["within"] is True
    assert procedures["2.000884"]["average"] == 2.5 and procedures["2.000884"]["within"] is False


def test_the_two_on_time_rates_side_by_side_and_the_dossiers_behind_the_gap(october: Cli) -> None:
    got = json.loads(october.ok("indicators", "--month", "2025-10", "--json", now=AFTER).stdout)
    summary = json.loads(october.ok("summary", "--month", "2025-10", "--json", now=AFTER).stdout)
    on_time = got["on_time"]
    # the II.06a's is the summary's: A B E F I resolved, F late
    assert on_time["ii06a"] == {"numerator": 4, "denominator": 5, "rate": 80.0}
    assert summary["resolved"] == 5 and summary["on_time_rate"] == 80.0
    assert on_time["766"] == {"numerator": 5, "denominator": 9, "rate": 55.56}
    assert on_time["difference"] == -24.44
    assert on_time["reasons"] == [
        {"reason": "open", "dossiers": 2},  # G H
        {"reason": "waiting", "dossiers": 1},  # C
        {"reason": "ended_otherwise", "dossiers": 1},  # D
        {"reason": "requests", "dossiers": 1},  # B
        {"reason": "supplement_time", "dossiers": 1},  # I
    ]
    shown = october.ok("indicators", "--month", "10/2025", now=AFTER, lang="vi").stdout
    assert "Biểu II.06a 80,00% (4/5" in shown and "chỉ số 2.1 55,56% (5/9" in shown
    assert "không có trong sổ của trung tâm" in shown


def test_the_indicators_are_the_sum_of_their_parts_by_field(october: Cli) -> None:
    whole = json.loads(october.ok("indicators", "--month", "10/2025", "--json", now=AFTER).stdout)
    split = json.loads(
        october.ok("indicators", "--month", "10/2025", "--by", "field", "--json", now=AFTER).stdout
    )
    assert [g["key"] for g in split["groups"]] == ["Chứng thực", "Hộ tịch"]
    total = _lines(whole)
    for ind, line in total.items():
        if not line["computable"]:
            continue
        parts = [_lines(g)[ind] for g in split["groups"]]
        assert sum(p["numerator"] or 0 for p in parts) == line["numerator"], ind
        assert sum(p["denominator"] or 0 for p in parts) == line["denominator"], ind
    for side in ("ii06a", "766"):
        for figure in ("numerator", "denominator"):
            assert sum(g["on_time"][side][figure] for g in split["groups"]) == whole["on_time"][side][figure]


def test_october_by_field_names_each_group_in_the_readers_language(october: Cli) -> None:
    """Each group's heading says what the group is in the reader's words: "Lĩnh vực: Hộ tịch"
    in Vietnamese, not the option's English value ("field: Hộ tịch")."""
    vi = october.ok("indicators", "--month", "10/2025", "--by", "field", now=AFTER, lang="vi").stdout
    assert "Lĩnh vực: Chứng thực" in vi and "Lĩnh vực: Hộ tịch" in vi
    assert "field:" not in vi
    by_procedure = october.ok("indicators", "--month", "10/2025", "--by", "procedure", now=AFTER, lang="vi")
    assert "Mã TTHC: 2.000884" in by_procedure.stdout and "procedure:" not in by_procedure.stdout
    en = october.ok("indicators", "--month", "10/2025", "--by", "field", now=AFTER, lang="en").stdout
    assert "field: Hộ tịch" in en


def test_the_scorecard_in_a_workbook(october: Cli, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "diem-766.xlsx"
    october.ok("indicators", "--month", "10/2025", "--out", str(out), now=AFTER, lang="vi")
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Nhóm", "Số", "Chỉ số")
    first = {r[1]: r for r in rows[1:] if r[0] is None or r[0] == ""}
    assert first["2.1"][3:5] == (5, 9) and first["2.1"][7] == 5.56
    assert first["1.1"][-1] == "không có trong sổ của trung tâm"


def test_a_rating_is_given_once_in_either_language(october: Cli) -> None:
    c = october
    code = json.loads(c.ok("list", "--search", "E", "--status", "resolved", "--json", now=AFTER).stdout)[0][
        "code"
    ]
    assert "bad rating 'tốt'" in c.fails("return", code, "--rating", "tốt", now=AFTER)
    c.ok("return", code, "--at", "2025-11-03 09:00", "--rating", "hai long", now=AFTER)
    got = json.loads(c.ok("show", code, "--json", now=AFTER).stdout)
    assert got["rating"] == {
        "rating": "satisfied",
        "comment": None,
        "rated_at": "2025-11-03T09:00:00",
        "via": "counter",
    }
    assert got["fee"] == 10000 and got["payment"] == "online" and got["digitised"] is True
    assert got["e_result"] is True and got["data_reused"] is False
    # an undone return takes its rating back with it; the next return may be rated again
    c.ok("undo", code, "--reason", "trả nhầm", "--yes", now=AFTER)
    assert json.loads(c.ok("show", code, "--json", now=AFTER).stdout)["rating"] is None
    c.ok("return", code, "--at", "2025-11-03 09:30", "--rating", "Bình thường", "--comment", "ổn", now=AFTER)
    assert json.loads(c.ok("show", code, "--json", now=AFTER).stdout)["rating"]["rating"] == "acceptable"


def test_officers_show_the_ratings_of_the_dossiers_in_their_charge(october: Cli) -> None:
    got = json.loads(october.ok("officers", "--month", "10/2025", "--json", now=AFTER).stdout)
    rated = {g["key"]: g["ratings"] for g in got["groups"] if any(g["ratings"].values())}
    assert rated == {None: {"satisfied": 0, "acceptable": 0, "unsatisfied": 1}}  # A, received with no officer
    assert got["total"]["ratings"]["unsatisfied"] == 1
    shown = october.ok("officers", "--month", "10/2025", now=AFTER, lang="vi").stdout
    assert "không hài lòng 1" in shown


def _code(cli: Cli, *args: str) -> str:
    return str(json.loads(cli.ok("receive", *args, "--json").stdout)["code"])


def test_the_facts_and_the_rating_travel_by_merge_and_full_export(
    center: Cli, center_template: Path, tmp_path: Path
) -> None:
    import shutil

    two = Cli(tmp_path / "diem2.db", now=center.now)
    shutil.copyfile(center_template, two.db)
    code = _code(
        two,
        "ks",
        "--applicant",
        "X",
        "--at",
        "2025-09-09 09:00",
        "--fee",
        "8000",
        "--paid",
        "exempt",
        "--digitised",
        "--data-reused",
    )
    two.ok("resolve", code, "--at", "2025-09-09 10:00", "--e-result")
    two.ok("return", code, "--at", "2025-09-09 11:00", "--rating", "hài lòng", "--comment", "nhanh")
    theirs = json.loads(two.ok("show", code, "--json").stdout)
    assert (
        theirs["fee"],
        theirs["payment"],
        theirs["digitised"],
        theirs["data_reused"],
        theirs["e_result"],
    ) == (
        8000,
        "exempt",
        True,
        True,
        True,
    )
    center.ok("merge", str(two.db))
    assert json.loads(center.ok("show", code, "--json").stdout) == theirs
    out = tmp_path / "diem2.jsonl"
    two.ok("export", str(out), "--full")
    fresh = Cli(tmp_path / "new" / "copy.db", now=center.now)
    fresh.ok("import", str(out))
    assert json.loads(fresh.ok("show", code, "--json").stdout) == theirs


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_facts_go_out_in_a_workbook_and_come_back_in(center: Cli, tmp_path: Path, lang: str) -> None:
    center.ok("procedure", "edit", "2.000884", "--fee", "10000", "--e-result")
    paid = _code(center, "2.000884", "--applicant", "Y", "--at", "2025-09-09 09:00", "--paid", "online")
    center.ok("resolve", paid, "--at", "2025-09-09 10:00")
    free = _code(center, "ks", "--applicant", "Z", "--at", "2025-09-09 09:00", "--data-reused")
    out = tmp_path / "hoso.xlsx"
    center.ok("export", str(out), lang=lang)
    fresh = Cli(tmp_path / "fresh.db", now=center.now)
    fresh.ok("init", "--prefix", "000.00.20.H56")
    fresh.ok("procedure", "edit", "2.000884", "--fee", "10000", "--e-result")
    fresh.ok("import", str(out))
    for code in (paid, free):
        want = json.loads(center.ok("show", code, "--json").stdout)
        got = json.loads(fresh.ok("show", code, "--json").stdout)
        keys = ("fee", "payment", "digitised", "data_reused", "e_result")
        assert {k: got[k] for k in keys} == {k: want[k] for k in keys}
    assert json.loads(fresh.ok("show", paid, "--json").stdout)["payment"] == "online"
    assert json.loads(fresh.ok("show", free, "--json").stdout)["e_result"] is None  # no result yet


def test_a_file_row_with_a_bad_yes_or_no_is_named(center: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "procedure,received_at,applicant,digitised\nks,2025-09-09 09:00,A,maybe\n", encoding="utf-8"
    )
    assert "expected yes or no, not 'maybe'" in center.fails("import", str(bad))


def test_a_clerk_corrects_the_facts_later_and_the_trail_keeps_what_they_were(center: Cli) -> None:
    code = _code(center, "ks", "--applicant", "Q", "--at", "2025-09-09 09:00")
    assert "a comment goes with a rating" in center.fails("return", code, "--comment", "tốt")
    assert "bad fee" in center.fails("edit", code, "--fee", "năm nghìn")
    center.ok("edit", code, "--fee", "5.000", "--paid", "online", "--digitised", "--reason", "nộp qua cổng")
    got = json.loads(center.ok("show", code, "--json").stdout)
    assert (got["fee"], got["payment"], got["digitised"], got["data_reused"]) == (5000, "online", True, False)
    edit = json.loads(center.ok("history", code, "--json").stdout)[-1]
    assert edit["details"]["before"] == {"fee": None, "payment": None, "digitised": False}
    assert edit["details"]["after"] == {"fee": 5000, "payment": "online", "digitised": True}


@pytest.mark.parametrize(
    ("typed", "rating"),
    [
        ("satisfied", "satisfied"),
        ("Hài lòng", "satisfied"),
        ("hai  long", "satisfied"),
        ("bình thường", "acceptable"),
        ("BINH THUONG", "acceptable"),
        ("không hài lòng", "unsatisfied"),
        ("Khong hai long", "unsatisfied"),
        ("unsatisfied", "unsatisfied"),
    ],
)
def test_a_rating_is_read_in_either_language_with_or_without_marks(typed: str, rating: str) -> None:
    from tthc.app.dossiers import rating_of

    assert rating_of(typed) == rating


# -- for any history and any period -------------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    history=histories,
    start=st.integers(0, 150),
    length=st.integers(0, 120),
    facts=st.lists(st.booleans(), min_size=3, max_size=3),
)
def test_any_period_the_parts_sum_to_the_whole_and_21_counts_what_the_ii06a_rows_balance(
    blank_db: Path, tmp_path: Path, history: list[tuple[Any, ...]], start: int, length: int, facts: list[bool]
) -> None:
    import shutil
    import tempfile
    from datetime import date, datetime, timedelta

    from tthc.app import dossiers, indicators
    from tthc.app.context import Context
    from tthc.app.dossiers import ServiceGiven
    from tthc.app.summary import summarize
    from tthc.core.periods import Period

    db = Path(tempfile.mkdtemp(dir=tmp_path)) / "center.db"
    shutil.copy(blank_db, db)
    ctx = Context(db_path=db, actor="t", now=NOW)
    ctx.late_entry = True  # a history entered at the end of it
    for n, (day, minute, channel, proc, fate, wait) in enumerate(history):
        received = datetime(2025, 9, 1, 7, 30) + timedelta(days=day, minutes=minute)
        given = ServiceGiven("2000" if facts[0] else None, "online" if facts[1] and n % 2 else None, facts[2])
        code = dossiers.receive(
            ctx, proc, applicant=f"P{n}", channel=channel, at=received.isoformat(), service=given
        ).dossier.code
        step = received + timedelta(days=wait, minutes=5)
        if fate == "resolved":
            dossiers.resolve(ctx, code, at=step.isoformat(), e_result=bool(n % 3))
        elif fate == "withdrawn":
            dossiers.withdraw(ctx, code, at=step.isoformat())
        elif fate in ("paused", "resumed"):
            dossiers.supplement(ctx, code, at=step.isoformat(), reason="thiếu giấy tờ")
            if fate == "resumed":
                dossiers.resume(ctx, code, at=(step + timedelta(days=2)).isoformat())
    period = Period(date(2025, 9, 1) + timedelta(start), date(2025, 9, 1) + timedelta(start + length))
    whole = indicators.build(ctx, period).as_json()
    split = indicators.build(ctx, period, "field").as_json()
    summary = summarize(ctx.store(), period, None, NOW).total
    ctx.close()
    on_time = whole["on_time"]
    assert on_time["766"]["denominator"] == summary.carried_over + summary.received
    assert on_time["ii06a"]["denominator"] == summary.resolved
    assert on_time["ii06a"]["numerator"] == summary.early + summary.on_time
    assert on_time["ii06a"]["rate"] == (None if summary.rate is None else float(summary.rate))
    assert sum(r["dossiers"] for r in on_time["reasons"]) <= on_time["766"]["denominator"]
    lines = _lines(whole)
    for ind, line in lines.items():
        if line["computable"]:
            parts = [_lines(g)[ind] for g in split["groups"]]
            assert sum(p["numerator"] or 0 for p in parts) == (line["numerator"] or 0), ind
            assert sum(p["denominator"] or 0 for p in parts) == (line["denominator"] or 0), ind
            assert line["points"] is None or 0 <= line["points"] <= line["max_points"]


def test_the_catalogs_electronic_result_goes_out_and_back_and_two_points_must_agree_on_it(
    center: Cli, center_template: Path, tmp_path: Path
) -> None:
    import shutil

    two = Cli(tmp_path / "diem2.db", now=center.now)
    shutil.copyfile(center_template, two.db)
    center.ok("procedure", "edit", "2.000884", "--e-result")
    out = tmp_path / "danh-muc.csv"
    center.ok("procedure", "export", str(out))
    assert "2.000884,Chứng thực chữ ký,Chứng thực,same-day,ctck,,yes" in out.read_text(encoding="utf-8-sig")
    two.ok("procedure", "import", str(out))
    assert json.loads(two.ok("procedure", "show", "2.000884", "--json").stdout)["e_result"] is True
    # a file without the column leaves the catalog's answer as it was
    bare = tmp_path / "bare.csv"
    bare.write_text(
        "code,name,field,limit\n2.000884,Chứng thực chữ ký,Chứng thực,same-day\n", encoding="utf-8"
    )
    two.ok("procedure", "import", str(bare))
    assert json.loads(two.ok("procedure", "show", "2.000884", "--json").stdout)["e_result"] is True
    two.ok("procedure", "edit", "2.000884", "--paper-result")
    assert "electronic result" in center.fails("merge", str(two.db))


def test_a_fee_paid_in_cash_is_typed_as_a_vietnamese_clerk_says_it(center: Cli) -> None:
    center.ok("procedure", "edit", "2.000884", "--fee", "10000")
    code = _code(center, "2.000884", "--applicant", "Y", "--at", "2025-09-09 09:00", "--paid", "tiền mặt")
    assert json.loads(center.ok("show", code, "--json").stdout)["payment"] == "cash"
    online = _code(center, "2.000884", "--applicant", "Z", "--at", "2025-09-09 09:30", "--paid", "Truc tuyen")
    assert json.loads(center.ok("show", online, "--json").stdout)["payment"] == "online"
    assert "'tiền mặt', 'trực tuyến', 'miễn'" in center.fails(
        "receive", "2.000884", "--applicant", "X", "--paid", "séc", code=2, lang="vi"
    )


def test_a_result_recorded_later_today_than_this_pcs_clock_counts_alike_in_both_rates(center: Cli) -> None:
    """Wednesday 10/09/2025: the other point's PC, its clock ahead, recorded a birth
    registration's result at 15:00; this PC says 10:00. The summary counts the result (its
    day has come); the scorecard's II.06a side says the same (it said 0 of 0), and 2.1
    finds the dossier in time."""
    made = json.loads(
        center.ok("receive", "ks", "--applicant", "Lê Văn Tám", "--at", "2025-09-10 08:00", "--json",
                  now="2025-09-10 16:00").stdout
    )
    center.ok("resolve", made["code"], "--at", "2025-09-10 15:00", now="2025-09-10 16:00")
    summary = json.loads(center.ok("summary", "--month", "9/2025", "--json", now="2025-09-10 10:00").stdout)
    got = json.loads(center.ok("indicators", "--month", "9/2025", "--json", now="2025-09-10 10:00").stdout)
    assert (summary["resolved"], summary["on_time_rate"]) == (1, 100.0)
    assert got["on_time"]["ii06a"] == {"numerator": 1, "denominator": 1, "rate": 100.0}
    assert got["on_time"]["766"] == {"numerator": 1, "denominator": 1, "rate": 100.0}
    assert got["on_time"]["reasons"] == []  # nothing behind a difference: there is none
