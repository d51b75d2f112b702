"""Period summaries: a month worked out by hand, the invariant for random histories, the
counts kept by triggers against the raw rows, the rounding tie, and the JSON contract."""

import contextlib
import json
import sqlite3
import tempfile
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Cli
from tthc.app.context import Context
from tthc.app.service import init
from tthc.app.summary import events_before, on_time_rate, summarize
from tthc.core.periods import Period
from tthc.locale.i18n import fmt_rate
from tthc.storage.store import Store


def test_the_half_up_tie() -> None:
    assert on_time_rate(700, 85, 800) == Decimal("98.13")  # 98.125 exactly
    assert on_time_rate(1700, 187, 1920) == Decimal("98.28")
    assert on_time_rate(1, 0, 3) == Decimal("33.33")
    assert on_time_rate(0, 0, 0) is None
    assert fmt_rate("en", Decimal("98.13")) == "98.13%"
    assert fmt_rate("vi", Decimal("98.13")) == "98,13%"


def run(cli: Cli, *args: str, now: str | None = None) -> None:
    """A step of the month, entered at its end (a late entry)."""
    cli.ok(*args, "--late-entry", now=now or "2025-09-30 16:00")


@pytest.fixture()
def september(center: Cli) -> Cli:
    """September 2025 at a center, every kind of dossier (worked out by hand below)."""
    c = center

    def rx(applicant: str, at: str, *extra: str, now: str = "2025-09-30 16:00") -> str:
        out = c.ok(
            "receive", *extra, "--applicant", applicant, "--at", at, "--late-entry", "--json", now=now
        ).stdout
        return str(json.loads(out)["code"])

    # carried over from August: A resolved in September early, B still open (overdue), C resolved in August
    a = rx("A", "2025-08-28 09:00", "2.000884", "--limit", "5wd")  # due 5/9
    rx("B", "2025-08-28 09:00", "2.000884", "--limit", "5wd")  # due 5/9, never resolved
    cc = rx("C", "2025-08-28 09:00", "ks")
    run(c, "resolve", cc, "--at", "2025-08-28 10:00")
    run(c, "resolve", a, "--at", "2025-09-04 10:00")  # early
    # received in September
    d = rx("D", "2025-09-03 09:00", "ks", "--channel", "online")  # on time, rejected
    run(c, "resolve", d, "--at", "2025-09-03 16:00", "--outcome", "rejected")
    e = rx("E", "2025-09-03 09:00", "ks", "--channel", "postal")  # late
    run(c, "resolve", e, "--at", "2025-09-05 09:00")
    f = rx("F", "2025-09-10 09:00", "ks")  # withdrawn
    run(c, "withdraw", f, "--at", "2025-09-10 10:00")
    g = rx("G", "2025-09-25 09:00", "2.000884", "--limit", "10wd")  # paused at month end
    run(c, "supplement", g, "--at", "2025-09-26 09:00", "--reason", "thiếu giấy tờ")
    rx("H", "2025-09-29 09:00", "2.000884", "--limit", "3wd")  # open, not due (due 2/10)
    rx("I", "2025-09-29 09:00", "ks", "--channel", "online")  # open, overdue (due 29/9)
    rx("J", "2025-10-01 09:00", "ks", now="2025-10-01 10:00")  # after the period
    return c


def test_a_month_checked_key_by_key(september: Cli) -> None:
    got = json.loads(september.ok("summary", "--month", "2025-09", "--json", now="2025-10-01 10:00").stdout)
    assert got == {
        "period": {"from": "2025-09-01", "to": "2025-09-30"},
        "carried_over": 2,  # A and B
        "received": 6,  # D E F G H I
        "received_by_channel": {"direct": 3, "online": 2, "postal": 1},
        "resolved": 3,  # A early, D on time (rejected), E late
        "early": 1,
        "on_time": 1,
        "late": 1,
        "withdrawn": 1,  # F
        "closed": 0,
        "pending": 4,  # B G H I
        "pending_not_due": 2,  # G (paused) and H
        "pending_overdue": 2,  # B and I
        "paused": 1,  # G
        "on_time_rate": 66.67,
    }


def aug_sep(cli: Cli, by: str) -> dict[str, Any]:
    """The August–September summary broken down ``by``, as JSON, seen on 1/10/2025."""
    out = cli.ok(
        "summary", "--from", "2025-08-01", "--to", "2025-09-30", "--by", by, "--json", now="2025-10-01 10:00"
    )
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def test_breakdowns_balance_and_add_up(september: Cli) -> None:
    for by in ("field", "procedure", "channel", "point", "officer", "month"):
        got = aug_sep(september, by)
        assert got["by"] == by
        for g in [*got["groups"], got["total"]]:
            balance = g["resolved"] + g["withdrawn"] + g["closed"] + g["pending"]
            assert g["carried_over"] + g["received"] == balance, (by, g)
        if by != "month":
            for key in (
                "received",
                "resolved",
                "pending",
                "pending_overdue",
                "paused",
                "withdrawn",
                "closed",
            ):
                assert sum(g[key] for g in got["groups"]) == got["total"][key]
    months = aug_sep(september, "month")
    aug, sep = months["groups"]
    assert aug["key"] == "2025-08" and aug["received"] == 3 and aug["pending"] == 2
    assert sep["carried_over"] == aug["pending"]


def test_summary_outputs(september: Cli, tmp_path: Path) -> None:
    out = september.ok("summary", "--month", "2025-09", "--by", "channel", now="2025-10-01 10:00").stdout
    assert "66.67% (2/3)" in out and "online" in out
    vi = september.ok("summary", "--month", "2025-09", now="2025-10-01 10:00", lang="vi").stdout
    assert "66,67%" in vi
    csv_file = tmp_path / "s.csv"
    september.ok(
        "summary", "--month", "2025-09", "--by", "field", "--out", str(csv_file), now="2025-10-01 10:00"
    )
    text = csv_file.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("key,carried_over,received")
    assert "TOTAL,2,6" in text
    xlsx = tmp_path / "s.xlsx"
    september.ok("summary", "--month", "2025-09", "--out", str(xlsx), now="2025-10-01 10:00")
    import openpyxl

    rows = list(openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[-1][:3] == ("TOTAL", 2, 6)
    svg, html = tmp_path / "s.svg", tmp_path / "s.html"
    chart = september.ok(
        "summary",
        "--from",
        "2025-08-01",
        "--to",
        "2025-09-30",
        "--by",
        "month",
        "--chart",
        "--svg",
        str(svg),
        "--html",
        str(html),
        now="2025-10-01 10:00",
    ).stdout
    assert "█" in chart and "September 2025" in chart
    assert svg.read_text(encoding="utf-8").startswith("<svg") and "<html" in html.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "needle", "code"),
    [
        (["--month", "2025-9x"], "'2025-9x'", 1),
        (["--from", "2025-09-01"], "both", 1),
        (["--by", "colour"], "", 2),
        (["--month", "2025-09", "--out", "x.pdf"], "x.pdf", 1),
        (["--year", "2031"], "after today", 1),
    ],
)
def test_summary_refusals(september: Cli, args: list[str], needle: str, code: int) -> None:
    assert needle in september.fails("summary", *args, code=code, now="2025-10-01 10:00")


def test_period_start_day_15(september: Cli) -> None:
    september.ok("config", "set", "period_start_day", "15")
    got = json.loads(september.ok("summary", "--month", "2025-09", "--json", now="2025-10-01 10:00").stdout)
    assert got["period"] == {"from": "2025-08-15", "to": "2025-09-14"}


# -- the counts kept by triggers agree with the rows, for any history and any period ---------------
NOW = datetime(2026, 6, 30, 12, 0)
histories = st.lists(
    st.tuples(
        st.integers(0, 200),  # receipt: days after 1/9/2025
        st.integers(0, 600),  # minutes after 07:30
        st.sampled_from(["direct", "online", "postal"]),
        st.sampled_from(["1.001193", "2.000884"]),
        st.sampled_from(["open", "resolved", "withdrawn", "paused", "resumed", "closed"]),
        st.integers(0, 40),  # days until the step
    ),
    min_size=1,
    max_size=25,
)


def enter_history(ctx: Context, history: list[tuple]) -> None:
    """A drawn history entered at the end of it: receipts, results, withdrawals, waits for
    papers, resumes and closes, some undone."""
    from tthc.app import corrections, dossiers

    ctx.late_entry = True
    for n, (day, minute, channel, proc, fate, wait) in enumerate(history):
        received = datetime(2025, 9, 1, 7, 30) + timedelta(days=day, minutes=minute)
        code = dossiers.receive(
            ctx, proc, applicant=f"P{n}", channel=channel, at=received.isoformat()
        ).dossier.code
        step = received + timedelta(days=wait, minutes=5)
        if fate == "resolved":
            dossiers.resolve(ctx, code, at=step.isoformat())
        elif fate == "withdrawn":
            dossiers.withdraw(ctx, code, at=step.isoformat())
        elif fate in ("paused", "resumed", "closed"):
            dossiers.supplement(ctx, code, at=step.isoformat(), reason="thiếu giấy tờ")
            if fate == "closed":  # papers never came; every other close is undone again
                dossiers.close(ctx, code, at=(step + timedelta(days=15)).isoformat())
                if wait % 3 == 0:
                    corrections.undo(ctx, code, "ghi nhầm", None)
            if fate == "resumed":
                dossiers.resume(ctx, code, at=(step + timedelta(days=2)).isoformat())
                if wait % 2:
                    corrections.undo(ctx, code, "ghi nhầm", None)  # the counts follow an undo too


@pytest.fixture(scope="module")
def blank_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("prop") / "blank.db"
    ctx = Context(db_path=path, actor="t", now=NOW)
    init(ctx, center=None, prefix=None, lang=None)
    ctx.close()  # the last connection to close checkpoints the WAL into the file we copy
    return path


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=histories, start=st.integers(0, 150), length=st.integers(0, 120))
def test_invariant_and_counts_match_raw_rows(
    blank_db: Path, tmp_path: Path, history: list[tuple], start: int, length: int
) -> None:
    import shutil

    db = Path(tempfile.mkdtemp(dir=tmp_path)) / "center.db"  # a fresh folder: no stale WAL
    shutil.copy(blank_db, db)
    ctx = Context(db_path=db, actor="t", now=NOW)
    enter_history(ctx, history)
    period = Period(date(2025, 9, 1) + timedelta(start), date(2025, 9, 1) + timedelta(start + length))
    store = ctx.store()
    summary = summarize(store, period, None, NOW)
    t = summary.total
    assert t.carried_over + t.received == t.resolved + t.withdrawn + t.closed + t.pending
    raw = store.raw_figures(period.start, events_before(period, NOW))
    assert (t.carried_over, t.received, t.early, t.on_time, t.late, t.withdrawn, t.closed, t.pending) == (
        raw["carried_over"],
        raw["received"],
        raw["early"],
        raw["on_time"],
        raw["late"],
        raw["withdrawn"],
        raw["closed"],
        raw["pending"],
    )
    assert 0 <= t.pending_overdue + t.paused <= t.pending
    for by in ("field", "channel", "month"):
        s = summarize(store, period, by, NOW)
        for _, g in s.groups:
            assert g.carried_over + g.received == g.resolved + g.withdrawn + g.closed + g.pending
    ctx.close()


def test_counts_survive_a_migration_backfill(tmp_path: Path) -> None:
    """A database filled before the per-day counts and the stored countings were added gets
    both from its rows: the counts by aggregate, the countings by replaying the rounds."""
    path = tmp_path / "old.db"
    Store.open(path, create=True, upto=3).close()
    conn = sqlite3.connect(path)
    now = "2025-09-10T16:00:00"
    conn.execute(
        "INSERT INTO procedures (code, name, field, time_limit, created_at, updated_at)"
        " VALUES ('1.004873', 'XN', 'Hộ tịch', '3wd', ?, ?)",
        (now, now),
    )
    rows = [  # code, received, due, status, resolved, timeliness
        ("X0", "2025-09-01T09:00:00", "2025-09-05", "resolved", "2025-09-03T10:00:00", "early"),
        ("X1", "2025-09-02T09:00:00", "2025-09-05", "processing", None, None),
        ("X2", "2025-09-08T09:00:00", "2025-09-15", "processing", None, None),  # a round: 9/9 → 10/9
    ]
    for code, received, due, status, resolved, judged in rows:
        conn.execute(
            "INSERT INTO dossiers (code, procedure_code, field, applicant, search_text, channel, time_limit,"
            " received_at, effective_receipt, due_date, due_at, deadline, status, resolved_at, timeliness,"
            " created_at, updated_at) VALUES (?, '1.004873', 'Hộ tịch', 'A', 'a', 'direct', '3wd', ?, ?, ?, ?, ?,"
            " ?, ?, ?, ?, ?)",
            (
                code,
                received,
                received,
                due,
                due + "T17:00:00",
                due + "T23:59:59",
                status,
                resolved,
                judged,
                now,
                now,
            ),
        )
    conn.execute(
        "INSERT INTO pauses (dossier_code, paused_at, resumed_at, policy)"
        " VALUES ('X2', '2025-09-09T09:00:00', '2025-09-10T09:00:00', 'restart')"
    )
    conn.commit()
    conn.close()
    store = Store.open(path)
    s = summarize(store, Period(date(2025, 9, 1), date(2025, 9, 30)), None, datetime(2025, 10, 1))
    assert (s.total.received, s.total.early, s.total.pending, s.total.pending_overdue) == (3, 1, 2, 2)
    # receipts on 1/9, 2/9 and 8/9, a resolution on 3/9
    assert sqlite3.connect(path).execute("SELECT count(*) FROM daily_counts").fetchone()[0] == 4
    x2 = store.dossier("X2")
    assert x2 is not None and x2.life.receipt.due.due_date == date(2025, 9, 11)  # replayed: the receipt's
    assert x2.due_date == date(2025, 9, 15) and x2.rounds[0].counting is not None
    x1 = store.dossier("X1")
    assert x1 is not None and x1.life.receipt.unit == "wd" and x1.life.receipt.amount == 3


def test_the_demo_reproduces_the_real_centers_figures(cli: Cli, tmp_path: Path) -> None:
    """With its default clock (none pinned: today is long after its history)."""
    demo_db = tmp_path / "demo.db"
    out = cli.ok("demo", "--db", str(demo_db), env={"TTHC_NOW": ""}).stdout
    assert "98.28%" in out and "1964" in out and "made-up data" in out
    assert not cli.db.exists()  # the user's database was not touched
    later = "2025-11-01 08:00"
    got = json.loads(
        cli.ok(
            "--db", str(demo_db), "summary", "--from", "2025-07-01", "--to", "2025-09-12", "--json", now=later
        ).stdout
    )
    assert got == {
        "period": {"from": "2025-07-01", "to": "2025-09-12"},
        "carried_over": 0,
        "received": 1964,
        "received_by_channel": {"direct": 1433, "online": 487, "postal": 44},
        "resolved": 1920,
        "early": 1700,
        "on_time": 187,
        "late": 33,
        "withdrawn": 6,
        "closed": 0,
        "pending": 38,
        "pending_not_due": 35,
        "pending_overdue": 3,
        "paused": 0,
        "on_time_rate": 98.28,
    }
    by_field = json.loads(
        cli.ok(
            "--db",
            str(demo_db),
            "summary",
            "--from",
            "2025-07-01",
            "--to",
            "2025-09-12",
            "--by",
            "point",
            "--json",
            now=later,
        ).stdout
    )
    assert len(by_field["groups"]) == 2
    # running it again rebuilds the same demo; a real database is refused
    cli.ok("demo", "--db", str(demo_db), now=later)
    cli.ok("init")
    assert "not a demo" in cli.fails("demo", "--db", str(cli.db))


def test_a_center_name_typed_with_combining_marks_prints_composed(center: Cli, tmp_path: Path) -> None:
    """A keyboard set to "Unicode tổ hợp" types "Hồ" as H, o, ̂ , ̀: the printed summary
    carries the composed letters, which the printing font draws whole."""
    import unicodedata

    typed = unicodedata.normalize("NFD", "Trung tâm xã Hồ Tùng Mậu")
    center.ok("config", "set", "center_name", typed)
    svg, html = tmp_path / "s.svg", tmp_path / "s.html"
    center.ok("summary", "--month", "2025-09", "--svg", str(svg), "--html", str(html), lang="vi")
    for page in (svg.read_text(encoding="utf-8"), html.read_text(encoding="utf-8")):
        assert page == unicodedata.normalize("NFC", page)
        assert "Hồ&#160;Tùng&#160;Mậu" in page or "Hồ Tùng Mậu" in page
        assert "TTHC Mono" in page and "U+1EA0-1EF9" in page  # the letters' own font face


# -- a summary that adds up months gives the figures the dossier rows give ---------------------------
long_histories = st.lists(
    st.tuples(
        st.integers(0, 400),  # receipt: days after 2/6/2025, over a new year
        st.integers(0, 600),  # minutes after 07:30
        st.sampled_from(["direct", "online", "postal"]),
        st.sampled_from(["1.001193", "2.000884"]),
        st.sampled_from(["open", "resolved", "corrected", "withdrawn", "paused", "resumed", "closed"]),
        st.integers(0, 70),  # days until the step
    ),
    min_size=1,
    max_size=20,
)
LATER = datetime(2026, 9, 30, 12, 0)


def _rows_by(conn: sqlite3.Connection, column: str | None, start: date, seen_before: datetime) -> dict:
    """Per group, the summary's counts straight from the dossier rows (no rollup read)."""
    key = column or "NULL"
    rows = conn.execute(
        f"""
        SELECT coalesce(nullif({key}, ''), NULL),
          sum(received_at < :a AND coalesce(resolved_at, withdrawn_at, closed_at, '9999') >= :a),
          sum(received_at >= :a AND received_at < :s AND channel = 'direct'),
          sum(received_at >= :a AND received_at < :s AND channel = 'online'),
          sum(received_at >= :a AND received_at < :s AND channel = 'postal'),
          sum(resolved_at >= :a AND resolved_at < :s AND timeliness = 'early'),
          sum(resolved_at >= :a AND resolved_at < :s AND timeliness = 'on_time'),
          sum(resolved_at >= :a AND resolved_at < :s AND timeliness = 'late'),
          sum(withdrawn_at >= :a AND withdrawn_at < :s),
          sum(closed_at >= :a AND closed_at < :s)
        FROM dossiers GROUP BY 1
        """,
        {"a": start.isoformat(), "s": seen_before.isoformat(timespec="seconds")},
    )
    out = {r[0]: tuple(int(v or 0) for v in tuple(r)[1:]) for r in rows}
    return {k: v for k, v in out.items() if any(v)}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=long_histories, start=st.integers(0, 480), length=st.integers(0, 200))
def test_a_summary_from_months_and_days_equals_one_from_the_rows_across_a_new_year(
    blank_db: Path, tmp_path: Path, history: list[tuple], start: int, length: int
) -> None:
    """Dossiers from June 2025 to July 2026, each received, resolved (some undone and resolved
    again on another day, as a correction), withdrawn, waiting for papers, resumed (some
    undone), closed (some undone): for any period, every group's carried over, receipts by
    channel, results and withdrawals and closes equal the rows', and the months hold exactly
    the sum of their days."""
    import shutil

    from tthc.app import corrections, dossiers
    from tthc.app.corrections import Correction
    from tthc.core.errors import TthcError

    db = Path(tempfile.mkdtemp(dir=tmp_path)) / "center.db"
    shutil.copy(blank_db, db)
    ctx = Context(db_path=db, actor="t", now=LATER)
    ctx.late_entry = True
    for n, (day, minute, channel, proc, fate, wait) in enumerate(history):
        received = datetime(2025, 6, 2, 7, 30) + timedelta(days=day, minutes=minute)
        code = dossiers.receive(
            ctx, proc, applicant=f"P{n}", channel=channel, at=received.isoformat()
        ).dossier.code
        step = received + timedelta(days=wait, minutes=5)
        if fate in ("resolved", "corrected"):
            dossiers.resolve(ctx, code, at=step.isoformat())
            if fate == "corrected":
                corrections.undo(ctx, code, "ghi nhầm ngày", None)
                with contextlib.suppress(TthcError):  # a time the rules refuse: it stays open
                    again = step + timedelta(days=wait % 5 + 1)
                    dossiers.resolve(ctx, code, at=again.isoformat(), correction=Correction("sửa ngày"))
        elif fate == "withdrawn":
            dossiers.withdraw(ctx, code, at=step.isoformat())
        elif fate in ("paused", "resumed", "closed"):
            dossiers.supplement(ctx, code, at=step.isoformat(), reason="thiếu giấy tờ")
            if fate == "closed":
                dossiers.close(ctx, code, at=(step + timedelta(days=15)).isoformat())
                if wait % 3 == 0:
                    corrections.undo(ctx, code, "ghi nhầm", None)
            if fate == "resumed":
                dossiers.resume(ctx, code, at=(step + timedelta(days=2)).isoformat())
                if wait % 2:
                    corrections.undo(ctx, code, "ghi nhầm", None)
    store = ctx.store()
    conn = store.conn
    by_month = (
        "SELECT substr(day, 1, 7), procedure_code, field, channel, point, officer, sum(received), sum(early),"
    )
    by_month += (
        " sum(on_time), sum(late), sum(withdrawn), sum(closed) FROM daily_counts GROUP BY 1, 2, 3, 4, 5, 6"
    )
    months = "SELECT * FROM monthly_counts WHERE received OR early OR on_time OR late OR withdrawn OR closed"
    assert sorted(tuple(r) for r in conn.execute(months)) == sorted(
        tuple(r) for r in conn.execute(by_month) if any(tuple(r)[6:])
    )
    period = Period(date(2025, 6, 1) + timedelta(start), date(2025, 6, 1) + timedelta(start + length))
    period = Period(period.start, min(period.end, LATER.date()))
    seen = events_before(period, LATER)
    for by, column in (
        (None, None),
        ("field", "field"),
        ("channel", "channel"),
        ("procedure", "procedure_code"),
    ):
        s = summarize(store, period, by, LATER)
        got = {
            key: (
                g.carried_over,
                *(g.received_by_channel[ch] for ch in ("direct", "online", "postal")),
                g.early,
                g.on_time,
                g.late,
                g.withdrawn,
                g.closed,
            )
            for key, g in (s.groups if by else [(None, s.total)])
        }
        assert {k: v for k, v in got.items() if any(v)} == _rows_by(conn, column, period.start, seen)
    ctx.close()
