"""The worklist a clerk starts the day with, Wednesday 10 September 2025 at 16:00: what is
late and by how many working days, what falls due today and within two working days, who
owes papers and why, which results wait to be collected — readable on paper, at 80 columns."""

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.test_screens import screen

NOW = "2025-09-10 16:00"
LONG_NAME = "Nguyễn Thị Phương Thảo Hoàng Anh Tuấn"


def receive(cli: Cli, *args: str, at: str) -> str:
    out = cli.ok("receive", *args, "--at", at, "--json", now=NOW).stdout
    return str(json.loads(out)["code"])


@pytest.fixture(scope="module")
def morning(center_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Cli:
    """Every kind of row of the morning view, and some that are not in it (built once: the
    tests only read it)."""
    center = Cli(tmp_path_factory.mktemp("morning") / "center.db", now=NOW)
    shutil.copyfile(center_template, center.db)
    receive(center, "ks", "--applicant", "Nguyễn Văn An", at="2025-09-08 09:00")  # due Mon 8/9: 2 wd late
    late = receive(center, "ks", "--applicant", LONG_NAME, at="2025-09-03 09:00")  # due 3/9: 5 wd late
    center.ok(
        "apologize", late, "--new-date", "15/09/2025", "--reason", "chờ xác minh", "--at", "2025-09-03 10:00"
    )
    receive(center, "ks", "--applicant", "Đặng Thị Đào", at="2025-09-10 09:00")  # due today
    receive(center, "2.000884", "--applicant", "Lê Minh", "--limit", "2wd", at="2025-09-10 09:00")  # Fri 12/9
    receive(center, "2.000884", "--applicant", "Phạm Hùng", "--limit", "10wd", at="2025-09-10 09:00")  # later
    paused = receive(center, "ks", "--applicant", "Võ Văn Tư", at="2025-09-10 09:30")
    center.ok("supplement", paused, "--at", "2025-09-10 10:00", "--reason", "thiếu bản sao CCCD")
    done = receive(center, "ks", "--applicant", "Bùi Thị Cúc", at="2025-09-09 09:00")
    center.ok("resolve", done, "--at", "2025-09-09 10:00")  # waits to be collected
    gone = receive(center, "ks", "--applicant", "Hồ Văn Đã Nhận", at="2025-09-09 09:00")
    center.ok("resolve", gone, "--at", "2025-09-09 10:00")
    center.ok("return", gone, "--at", "2025-09-09 11:00")
    return center


def sections(out: str, headings: list[str]) -> dict[str, str]:
    """The text under each heading, in the order the headings must come."""
    at = [out.index(h) for h in headings]
    assert at == sorted(at), "sections out of order"
    ends = [*at[1:], len(out)]
    return {h: out[a:b] for h, a, b in zip(headings, at, ends, strict=True)}


EN = ["Overdue", "Due today", "Due within 2 working days", "Waiting for papers", "Results to collect"]
VI = ["Quá hạn", "Đến hạn hôm nay", "Đến hạn trong 2 ngày làm việc", "Chờ bổ sung", "Kết quả chờ trả"]


def row(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if name in line)


@pytest.mark.parametrize("width", [80, 100, 120, None], ids=["80", "100", "120", "pipe"])
def test_the_morning_view_in_sections(morning: Cli, width: int | None) -> None:
    out = screen(morning.db, "list", width=width, now=NOW)
    part = sections(out, EN)
    overdue = part["Overdue"]
    assert "overdue" in row(overdue, "Nguyễn Văn An")  # in words, not only in red
    assert re.search(r"\b2\b", row(overdue, "Nguyễn Văn An").split("08/09/2025 17:00")[1])
    assert re.search(r"\b5\b", row(overdue, "03/09/2025 17:00").split("03/09/2025 17:00")[1])
    assert "15/09/2025" in overdue  # the apology's promised date
    assert "Đặng Thị Đào" in part["Due today"] and "Lê Minh" in part["Due within 2 working days"]
    papers = part["Waiting for papers"]
    assert "Võ Văn Tư" in papers and "10/09/2025 10:00" in papers
    assert "thiếu bản sao CCCD" in " ".join(papers.split())
    assert "Bùi Thị Cúc" in part["Results to collect"] and "09/09/2025 10:00" in part["Results to collect"]
    assert "Phạm Hùng" not in out and "Hồ Văn Đã Nhận" not in out
    for code in ("000.00.20.H56-250908-0001", "000.00.20.H56-250903-0001", "000.00.20.H56-250910-0004"):
        assert code in out  # never cut
    if width is not None:
        assert all(len(line) <= width for line in out.splitlines()), out
    if width == 80:
        assert LONG_NAME not in out  # the applicant wraps …
        assert "Nguyễn Thị" in out and "Tuấn" in out  # … whole words on two lines
    assert "…" not in out


def test_the_morning_view_in_vietnamese(morning: Cli) -> None:
    out = screen(morning.db, "list", width=80, now=NOW, lang="vi")
    part = sections(out, VI)
    assert "quá hạn" in row(part["Quá hạn"], "Nguyễn Văn An")
    assert "hẹn lại ngày 15/09/2025" in part["Quá hạn"]
    assert "thiếu bản sao CCCD" in " ".join(part["Chờ bổ sung"].split())
    assert "processing" not in out and "overdue" not in out
    wide = screen(morning.db, "list", width=None, now=NOW, lang="vi")
    assert "Thời hạn" in wide and "trong ngày" in wide and "same-day" not in wide  # the limit in words


def test_the_json_keeps_its_shape(morning: Cli) -> None:
    got: list[dict[str, Any]] = json.loads(morning.ok("list", "--json", now=NOW).stdout)
    assert [d["applicant"] for d in got] == [
        LONG_NAME,
        "Nguyễn Văn An",
        "Đặng Thị Đào",
        "Lê Minh",
        "Võ Văn Tư",
        "Bùi Thị Cúc",
    ]
    assert all(set(d) >= {"code", "status", "due_at", "apology"} for d in got)


def test_it_says_when_more_rows_exist_than_shown(morning: Cli) -> None:
    out = screen(morning.db, "list", "--limit", "3", width=80, now=NOW)
    assert "3 of 6; use --limit to see more" in out
    assert "Lê Minh" not in out
    vi = screen(morning.db, "list", "--status", "processing", "--limit", "2", width=80, now=NOW, lang="vi")
    assert "2/5" in vi and "--limit" in vi
    every = screen(morning.db, "list", "--limit", "6", width=80, now=NOW)
    assert "use --limit" not in every


def test_a_filtered_list_says_overdue_in_words(morning: Cli) -> None:
    out = screen(morning.db, "list", "--status", "processing", width=80, now=NOW)
    assert "overdue" in row(out, "Nguyễn Văn An") and "overdue" not in row(out, "Phạm Hùng")
    assert all(len(line) <= 80 for line in out.splitlines())


def test_the_morning_view_reads_its_sections_not_the_history(morning: Cli) -> None:
    """Wednesday morning at a center with years of returned results behind it: every query the
    morning view (and its footer's count) and the list of citizens to tell make on the dossiers
    goes through an index that holds only open, paused, uncollected or not-yet-forwarded
    dossiers; none reads the whole table, however long it is."""
    from tthc.app import worklist
    from tthc.app.dossiers import ListFilter

    ctx = morning.context()
    conn = ctx.store().conn
    small = {  # the partial indexes: a scan of one reads only the rows it holds
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'")
    }
    for asking, least in ((ListFilter(limit=3), 5), (ListFilter(to_notify=True), 1)):
        asked: list[str] = []
        conn.set_trace_callback(asked.append)
        try:
            view = worklist.build(ctx, asking)
        finally:
            conn.set_trace_callback(None)
        if asking.limit == 3:  # the footer's "3 of 6": the returned one is history
            assert (view.shown, view.total) == (3, 6)
        reads = [sql for sql in asked if sql.lstrip().upper().startswith("SELECT") and "FROM dossiers" in sql]
        assert len(reads) >= least  # forwards due; the sections found until three rows show, each counted
        for sql in reads:
            plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
            scans = [p for p in plan if p.startswith(("SCAN d", "SCAN dossiers"))]
            assert all(p.split(" INDEX ")[-1] in small for p in scans), (sql, plan)
    ctx.close()
