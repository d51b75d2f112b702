"""Each condition of the domain has one home in Python and one in SQL, and the two agree:
"open" (``lifecycle.is_open`` / ``conditions.open_sql``), "overdue" (``deadlines.is_overdue``
/ ``conditions.overdue_sql``), "a step not undone" (``lifecycle.undone`` /
``conditions.standing_sql``), the statuses and channels by name (the domain's lists, the
database's CHECKs, the command line's choices). The SQL is run by real SQLite, on real
databases where a story needs one; the last tests check that nobody writes a status or an
overdue comparison anywhere else.
"""

import ast
import json
import re
import sqlite3
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Cli
from tthc.app import choosing, dossiers
from tthc.app.basics import choices
from tthc.app.context import Context
from tthc.cli.help import early_lang
from tthc.core import deadlines, lifecycle
from tthc.core.lifecycle import OPEN, OUTCOMES, STATUSES, is_open
from tthc.core.models import CHANNELS
from tthc.storage import conditions
from tthc.storage.conditions import check_sql, open_at_sql, open_sql, overdue_sql, standing_sql, status_sql
from tthc.storage.query import DossierQuery
from tthc.storage.store import Store

PACKAGE = Path(__file__).resolve().parent.parent / "tthc"


def _sql_says(conn: sqlite3.Connection, condition: str, **columns: object) -> bool:
    """What SQLite makes of ``condition`` over one row ``d`` holding ``columns``."""
    names = ", ".join(f":{k} AS {k}" for k in columns)
    row = conn.execute(f"SELECT coalesce(({condition}), 0) FROM (SELECT {names}) d", columns).fetchone()
    return bool(row[0])


# -- statuses and channels: one list each -----------------------------------------------------------
def test_every_status_is_open_in_sql_exactly_when_it_is_in_python() -> None:
    conn = sqlite3.connect(":memory:")
    for status in STATUSES:
        assert _sql_says(conn, open_sql("d"), status=status) is is_open(status), status
    assert [s for s in STATUSES if is_open(s)] == list(OPEN) == ["processing", "paused"]


def test_a_status_by_name_is_that_status_and_no_other() -> None:
    conn = sqlite3.connect(":memory:")
    for named in STATUSES:
        for status in STATUSES:
            assert _sql_says(conn, status_sql("d", named), status=status) is (status == named)


def test_the_database_allows_exactly_the_domains_statuses_and_channels(tmp_path: Path) -> None:
    """The shipped migrations wrote their CHECKs by hand; today's schema must still say the
    domain's lists, no more, no less, or a status the life cycle gains could not be saved."""
    store = Store.open(tmp_path / "center.db", create=True)
    (table,) = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'dossiers'").fetchone()
    store.close()

    def allowed(column: str) -> list[str]:
        found = re.search(rf"CHECK \({column} IN \(([^)]*)\)\)", table)
        assert found, column
        return re.findall(r"'(\w+)'", found.group(1))

    assert allowed("status") == list(STATUSES)
    assert allowed("channel") == list(CHANNELS)
    assert allowed("outcome") == list(OUTCOMES)


def test_a_new_migrations_check_takes_each_status_and_refuses_any_other() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE TABLE t (status TEXT NOT NULL {check_sql('status', STATUSES)})")
    for status in STATUSES:
        conn.execute("INSERT INTO t VALUES (?)", (status,))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO t VALUES ('lost')")


def test_the_command_lines_choices_are_the_domains_lists() -> None:
    assert choices("status") == STATUSES
    assert choices("channel") == CHANNELS
    assert choices("outcome") == OUTCOMES


def test_list_takes_every_status_of_the_life_cycle_and_refuses_a_made_up_one(center: Cli) -> None:
    """A clerk asking ``list --status closed`` on Wed 10/9/2025 gets an answer for each status
    the life cycle knows, and a refusal for one it does not."""
    for status in STATUSES:
        assert json.loads(center.ok("list", "--status", status, "--json").stdout) == []
    center.fails("list", "--status", "lost", code=2)


# -- overdue -------------------------------------------------------------------------------------
MINUTES = st.integers(0, 60 * 24 * 40).map(lambda m: datetime(2025, 9, 1) + timedelta(minutes=m))


@settings(max_examples=300, deadline=None)
@given(deadline=st.one_of(st.none(), MINUTES), at=MINUTES, near=st.sampled_from([None, -1, 0, 1]))
def test_overdue_in_sql_is_overdue_in_python_at_every_minute(
    deadline: datetime | None, at: datetime, near: int | None
) -> None:
    """The stored deadline (``isoformat()``) against the moment as the list binds it
    (``isoformat()``) and as the summary does (``timespec="seconds"``): at 24:00 of a due date
    itself not yet, a minute later overdue, papers awaited (no deadline) never."""
    if near is not None and deadline is not None:
        at = deadline + timedelta(minutes=near)
    conn = sqlite3.connect(":memory:")
    stored = None if deadline is None else deadline.isoformat()
    python = deadlines.is_overdue(deadline, at)
    for bound in (at.isoformat(), at.isoformat(timespec="seconds")):
        assert _sql_says(conn, overdue_sql("d.deadline", ":at"), deadline=stored, at=bound) is python


def _month_of_dossiers(ctx: Context) -> list[str]:
    """Dossiers received from Wed 3/9/2025 (after National Day) under each kind of limit:
    some waiting for papers, one resolved, one withdrawn, one closed, one paused and resumed."""
    codes = []
    plans = [
        ("same-day", "2025-09-03 08:00", ()),
        ("4h", "2025-09-03 14:00", ()),
        ("3wd", "2025-09-04 09:00", ()),
        ("3wd", "2025-09-04 16:30", (("supplement", "2025-09-05 08:00"),)),
        ("5wd", "2025-09-05 10:00", (("supplement", "2025-09-05 11:00"), ("resume", "2025-09-10 09:00"))),
        ("10d", "2025-09-08 08:00", (("resolve", "2025-09-09 10:00"),)),
        ("2wd", "2025-09-08 15:00", (("withdraw", "2025-09-09 08:00"),)),
        ("1wd", "2025-09-09 09:00", (("supplement", "2025-09-09 10:00"), ("close", "2025-09-25 08:00"))),
        ("8h", "2025-09-10 16:00", ()),
        ("15d", "2025-09-11 07:30", ()),
    ]
    for limit, at, steps in plans:
        code = dossiers.receive(ctx, "ks", applicant="A", at=at, limit=limit).dossier.code
        for step, when in steps:
            if step == "supplement":
                dossiers.supplement(ctx, code, when, "Giấy khai sinh")
            else:
                {"resume": dossiers.resume, "resolve": dossiers.resolve, "withdraw": dossiers.withdraw}.get(
                    step, dossiers.close
                )(ctx, code, when)
        codes.append(code)
    return codes


def test_the_overdue_list_holds_what_python_calls_overdue_every_six_hours_of_september_2025(
    center: Cli,
) -> None:
    """Ten dossiers of every kind, entered late on Tue 30/9; from 1/9 to 30/9/2025 every six
    hours (and at each receipt, deadline and end, and a minute after each), ``list --overdue``'s query, the
    summary's count of dossiers that never waited for papers and the Python rule name the same
    overdue dossiers; and SQL and Python the same dossiers still in the center's hands."""
    ctx = replace(center.context("2025-09-30 17:00"), late_entry=True)
    _month_of_dossiers(ctx)
    store = ctx.store()
    every = store.find(DossierQuery())
    moments = [datetime(2025, 9, 1) + timedelta(hours=6 * i) for i in range(4 * 30)]
    for d in every:
        ended = d.life.resolved_at or d.life.withdrawn_at or d.life.closed_at
        for edge in (d.deadline, d.received_at, ended):
            if edge is not None:
                moments += [edge, edge + timedelta(minutes=1)]
    waited = {d.code for d in every if d.rounds}
    for at in sorted(moments):
        python = {d.code for d in every if is_open(d.status) and deadlines.is_overdue(d.deadline, at)}
        assert {d.code for d in store.find(DossierQuery(overdue_at=at))} == python, at
        seen = datetime(2025, 9, 30, 17, 0)  # every step seen: the stored statuses hold
        summed = set(store.overdue_codes_without_rounds(seen, at))
        assert summed == python - waited, at
        held = {d.code for d in every if lifecycle.open_at(d.life, at)}
        rows = store.conn.execute(
            f"SELECT code FROM dossiers d WHERE {open_at_sql('d', ':s')}",
            {"s": at.isoformat(timespec="seconds")},
        )
        assert {r[0] for r in rows} == held, at
        assert {code for code, _ in store.open_with_rounds(None, at)} == held & waited, at
    ctx.close()


# -- a step not undone -----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Row:
    id: int
    dossier_code: str | None
    step: str
    undoes: int | None


EVENT = st.tuples(
    st.sampled_from(["A", "B", None]),
    st.sampled_from(["receive", "handover", "supplement", "resolve", "undo", "edit", "calendar"]),
    st.integers(0, 30),
    st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(events=st.lists(EVENT, max_size=30))
def test_a_step_stands_in_sql_exactly_when_it_stands_in_python(
    events: list[tuple[str | None, str, int, bool]],
) -> None:
    """Random audit trails of two dossiers and center-wide events, with undos (and stray
    ``undoes`` on other steps, as a file from elsewhere might bring) pointing anywhere: SQL's
    standing events are, dossier by dossier, the trail minus ``lifecycle.undone`` of it."""
    rows = [
        _Row(i, code, step, (target % i + 1) if points and i > 1 else None)
        for i, (code, step, target, points) in enumerate(events, start=1)
    ]
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, dossier_code TEXT, step TEXT, undoes INTEGER)")
    conn.executemany(
        "INSERT INTO events VALUES (?, ?, ?, ?)", [(r.id, r.dossier_code, r.step, r.undoes) for r in rows]
    )
    sql = {r[0] for r in conn.execute(f"SELECT e.id FROM events e WHERE {standing_sql('e')}")}
    python: set[int] = set()
    for code in ("A", "B", None):
        trail = [r for r in rows if r.dossier_code == code]
        gone = lifecycle.undone(trail) if code is not None else set()
        python |= {r.id for r in trail if r.id not in gone}
    assert sql == python


def _handed_over(center: Cli) -> tuple[str, str]:
    """Two dossiers received Mon 8/9/2025; the first handed to Đức at 09:00 that day."""
    ctx = center.context("2025-09-08 10:00")
    first = dossiers.receive(ctx, "ks", applicant="A", at="2025-09-08 08:00").dossier.code
    second = dossiers.receive(ctx, "ks", applicant="B", at="2025-09-08 08:05").dossier.code
    dossiers.handover(ctx, first, "Đức", at="2025-09-08 09:00")
    ctx.close()
    return first, second


def _stray(db: Path, code: str, step: str, undoes_step: str, of: str) -> None:
    """An event row as a file from elsewhere might bring it: ``step`` of dossier ``code``
    pointing at the ``undoes_step`` of dossier ``of``."""
    conn = sqlite3.connect(db)
    (target,) = conn.execute(
        "SELECT id FROM events WHERE dossier_code = ? AND step = ?", (of, undoes_step)
    ).fetchone()
    conn.execute(
        "INSERT INTO events (dossier_code, step, happened_at, recorded_at, actor, details, undoes, uid)"
        " VALUES (?, ?, '2025-09-08T09:30:00', '2025-09-08T09:30:00', 'other', '{}', ?, ?)",
        (code, step, target, f"stray-{step}-{code}"),
    )
    conn.commit()
    conn.close()


def _standing_everywhere(center: Cli, code: str) -> dict[str, bool]:
    """Does the handover of ``code`` stand for the log book, the workload, and the dossier's
    own steps (what undo and the papers read)?"""
    ctx = center.context("2025-09-08 10:00")
    store = ctx.store()
    seen = datetime(2025, 9, 9)
    out = {
        "log book": bool(store.handovers([code]).get(code)),
        "workload": store.handover_counts("officer", date(2025, 9, 8), seen).get("Đức", 0) == 1,
        "steps": any(e.step == "handover" for e in store.active_steps(code)),
    }
    ctx.close()
    return out


def test_an_edit_pointing_at_a_handover_does_not_undo_it(center: Cli) -> None:
    """Mon 8/9/2025: the first dossier handed to Đức; a file from the other point brings an
    ``edit`` of it that carries an ``undoes`` pointing at the handover. Only an undo undoes:
    the log book (which used to count any event pointing at it) and the workload (which
    counted only undos) must agree that the handover stands."""
    first, _ = _handed_over(center)
    _stray(center.db, first, "edit", "handover", of=first)
    assert _standing_everywhere(center, first) == {"log book": True, "workload": True, "steps": True}


def test_an_undo_of_another_dossier_does_not_undo_this_ones_handover(center: Cli) -> None:
    """Mon 8/9/2025: an ``undo`` recorded on the second dossier points at the first one's
    handover. An undo takes back its own dossier's step only: the workload (which used to
    take any undo anywhere) and the log book must agree that the handover stands."""
    first, second = _handed_over(center)
    _stray(center.db, second, "undo", "handover", of=first)
    assert _standing_everywhere(center, first) == {"log book": True, "workload": True, "steps": True}


def test_an_undone_handover_is_gone_from_every_view(center: Cli) -> None:
    first, _ = _handed_over(center)
    center.ok("undo", first, "--reason", "nhầm người", now="2025-09-08 10:00")
    assert _standing_everywhere(center, first) == {"log book": False, "workload": False, "steps": False}


# -- papers awaited ----------------------------------------------------------------------------------
def test_papers_awaited_while_paused_and_not_after_the_papers_came(center: Cli) -> None:
    """Received Wed 3/9/2025, a birth certificate asked for on Thu 4/9 and brought on Mon 8/9:
    the worklist row names the papers while the dossier waits, and nothing once it resumed."""
    ctx = center.context("2025-09-08 12:00")
    code = dossiers.receive(ctx, "ks", applicant="A", at="2025-09-03 09:00", limit="5wd").dossier.code
    waiting = dossiers.supplement(ctx, code, "2025-09-04 08:00", "Giấy khai sinh")
    assert lifecycle.papers_awaited(waiting.life) == "Giấy khai sinh"
    resumed = dossiers.resume(ctx, code, "2025-09-08 09:00")
    assert lifecycle.papers_awaited(resumed.life) is None
    ctx.close()


# -- one home: nobody else writes them -----------------------------------------------------------------
#: Where the conditions are written: their SQL home, and the shipped migrations (frozen text).
HOMES = ("storage/conditions.py", "storage/migrations/")
STATUS_LITERAL = re.compile("'(" + "|".join(STATUSES) + ")'")
CHANNEL_COMPARED = re.compile(r"\bchannel\s*(=|IN)\s*\(?\s*'")
OVERDUE_COMPARED = re.compile(r"\bdeadline\s*<")


def offenders(root: Path = PACKAGE) -> list[str]:
    """The string constants (docstrings aside) outside the homes that write a status in SQL
    quotes, compare a channel with a literal, or compare a deadline with ``<``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(HOMES):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and n.body
            and isinstance(n.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                text = node.value
                if (
                    STATUS_LITERAL.search(text)
                    or CHANNEL_COMPARED.search(text)
                    or OVERDUE_COMPARED.search(text)
                ):
                    found.append(f"{rel}:{node.lineno}: {text.strip()[:60]!r}")
    return found


def test_no_status_channel_or_overdue_sql_is_written_outside_its_home() -> None:
    assert offenders() == []


@pytest.mark.parametrize(
    "line",
    [
        "\"SELECT code FROM dossiers WHERE status = 'resolved'\"",
        "\"SELECT count(*) FROM dossiers d WHERE d.channel = 'online'\"",
        '"SELECT code FROM dossiers WHERE deadline < ?"',
        "f\"SELECT k FROM t WHERE d.status IN ('processing', 'paused') AND {x}\"",
    ],
)
def test_the_check_catches_a_status_written_by_hand(tmp_path: Path, line: str) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "sneaky.py").write_text(f'"""Sneaky."""\nQUERY = {line}\n', encoding="utf-8")
    assert len(offenders(tmp_path)) == 1


def test_the_homes_say_what_the_rules_say() -> None:
    """The SQL home's words come from the domain's constants, not typed again."""
    assert open_sql("d") == "d.status IN ('processing', 'paused')"
    assert conditions.overdue_sql("d.deadline", "?") == "d.deadline < ?"
    assert "'undo'" in standing_sql("e") and lifecycle.UNDO == "undo"


# -- the order in which the database and the language are chosen --------------------------------------
def test_the_language_is_chosen_in_one_order_by_the_help_the_errors_and_the_command(center: Cli) -> None:
    """A center set to Vietnamese, on a PC whose TTHC_LANG says English: the help page, the
    usage error and the refusal are all English; ``--lang vi`` on the line wins over both."""
    center.ok("config", "set", "lang", "vi")
    english = {
        "help": "Usage:" in center("receive", "--help", lang="en").stdout,
        "usage error": "Missing option" in center("receive", "ks", lang="en").stderr,
        "refusal": center("show", "KHONG-CO", lang="en").stderr.startswith("Error:"),
    }
    assert all(english.values()), english
    vietnamese = {
        "help": "Cách dùng:" in center("--lang", "vi", "receive", "--help", lang="en").stdout,
        "usage error": "Thiếu tùy chọn" in center("--lang", "vi", "receive", "ks", lang="en").stderr,
        "refusal": center("--lang", "vi", "show", "KHONG-CO", lang="en").stderr.startswith("Lỗi:"),
    }
    assert all(vietnamese.values()), vietnamese


def test_the_centers_language_is_read_only_when_nobody_chose_one(monkeypatch: pytest.MonkeyPatch) -> None:
    def center_says_vi() -> str:
        raise AssertionError("the center's setting was read though a language was chosen")

    monkeypatch.setenv(choosing.LANG_ENV, "vn")
    assert choosing.chosen_lang(choosing.lang_asked("en"), center_says_vi) == "en"
    assert choosing.chosen_lang(choosing.lang_asked(None), center_says_vi) == "vi"
    monkeypatch.delenv(choosing.LANG_ENV)
    assert choosing.chosen_lang(choosing.lang_asked(None), lambda: "vi") == "vi"
    assert choosing.chosen_lang(choosing.lang_asked(None), lambda: None) == "en"


def test_the_database_is_db_else_tthc_db_else_this_pcs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def this_pcs() -> Path:
        return tmp_path / "home" / "tthc.db"

    monkeypatch.setenv(choosing.DB_ENV, str(tmp_path / "env.db"))
    assert choosing.db_path(str(tmp_path / "given.db"), this_pcs) == tmp_path / "given.db"
    assert choosing.db_path(None, this_pcs) == tmp_path / "env.db"
    monkeypatch.delenv(choosing.DB_ENV)
    assert choosing.db_path(None, this_pcs) == this_pcs()


def test_help_in_the_language_of_the_center_tthc_db_names(
    center: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No ``--db`` on the line: the help page reads the language of the center TTHC_DB names,
    as the command itself would."""
    center.ok("config", "set", "lang", "vi")
    monkeypatch.setenv(choosing.DB_ENV, str(center.db))
    monkeypatch.delenv(choosing.LANG_ENV, raising=False)
    assert early_lang(["receive", "--help"]) == "vi"
    assert early_lang(["--lang", "en", "receive", "--help"]) == "en"
