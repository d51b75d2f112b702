"""A big import copied into the live tables in short transactions, unseen until its last one.

Copying a million staged dossiers in one transaction held the write lock for 8 to 12 s, and
a clerk's receipt waited as long. Here the staged rows (:class:`tthc.storage.store.Stage`,
attached as ``stage``) go in by steps of about a second each (:class:`Steps`), each step its
own short write transaction, under rowids set aside for the import in ``hidden_batch``
(m017). Every query over the dossiers leaves that range out (``conditions.visible_sql``), the
import's audit event too (``conditions.visible_event_sql``); the per-day counts are added
only in the last step (:func:`show`), which deletes the ``hidden_batch`` row: the whole
import appears in one short commit, or not at all.

A batch whose import died (killed, a power cut) stays unseen; the next import removes it
(:func:`remove_left_over`), a step at a time too. Whether an import still runs is told by
the lock on its scratch folder (:func:`tthc.storage.files.in_use`).
"""

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Protocol

from tthc.storage import files
from tthc.storage.migrations import BULK_MARKER, SEARCH_INDEX


class Writer(Protocol):
    """What removing a batch asks of the store (:class:`tthc.storage.store.Store`)."""

    conn: sqlite3.Connection

    def write(self, *, ask_way: bool = True) -> AbstractContextManager[sqlite3.Connection]: ...

    def let_waiting_in(self, limit: float = 2.0) -> bool: ...


#: Dossiers removed per short transaction, and copied in the first step of an import.
STEP_ROWS = 10_000
#: How long a later step of the copy may hold the write lock: its rows are sized from the
#: pace of the step before (a clerk's write waits for one step at most).
STEP_SECONDS = 1.0
#: Never more rows than this in one step, whatever the pace.
MAX_STEP_ROWS = 200_000


def set_aside(conn: sqlite3.Connection, rows: int, event_id: int, folder: Path) -> tuple[int, int] | None:
    """Inside a write transaction: the rowids ``lo`` to ``hi`` for ``rows`` staged dossiers,
    after every row there now, recorded in ``hidden_batch`` with the import's event and
    folder. The top rowid is taken at once (:func:`copy_step` of the last rows first), so a
    clerk's receipt meanwhile gets a rowid above the range. None while another import's
    batch is there: one at a time, so that the rows between two batches (a clerk's) are
    never inside the range ``conditions.visible_sql`` leaves out."""
    if conn.execute("SELECT 1 FROM main.hidden_batch").fetchone() is not None:
        return None
    top = int(conn.execute("SELECT coalesce(max(rowid), 0) FROM main.dossiers").fetchone()[0])
    lo, hi = top + 1, top + rows
    conn.execute(
        "INSERT INTO main.hidden_batch (lo, hi, event_id, folder) VALUES (?, ?, ?, ?)",
        (lo, hi, event_id, str(folder)),
    )
    return lo, hi


class Steps:
    """The places (in the copy's order) of each step of a copy, the last first (they take the
    top rowid). The first step is ``STEP_ROWS`` rows; each later one as many as the step before
    copied in ``STEP_SECONDS``, at most twice the step before and at most ``MAX_STEP_ROWS``,
    never fewer than the first. A step's cost grows with the indexes it touches, not only its
    rows: a million-row import in steps of 10,000 rewrote the same index pages a hundred times.

    Iterating yields ``(first, last)``, the last one's ``first`` 1; :meth:`took` is told how
    long each step held the lock (from its ``BEGIN`` to its commit, not the wait for it)."""

    def __init__(self, rows: int) -> None:
        self.left = rows
        self.size = STEP_ROWS

    def __iter__(self) -> Iterator[tuple[int, int]]:
        while self.left >= 1:
            first = max(1, self.left - self.size + 1)
            yield first, self.left
            self.left = first - 1

    def took(self, rows: int, seconds: float) -> None:
        """One step copied ``rows`` in ``seconds``: the next step's size, at that step's pace
        (each row costs more as the indexes grow)."""
        pace = rows / max(seconds, 1e-3)
        self.size = int(min(MAX_STEP_ROWS, 2 * rows, max(STEP_ROWS, round(pace * STEP_SECONDS))))


@contextmanager
def triggers_aside(conn: sqlite3.Connection) -> Iterator[None]:
    """Inside a write transaction, for many new dossiers at once: the per-row triggers that
    count a new dossier and add it to the search index dropped, and made again at the end
    (inside the same transaction, so undone with it), and the rows not held against the
    tables' CHECKs one by one. The caller counts and indexes the new rows in one statement
    each, and holds them against the CHECKs all at once (a stage before its copy, a bulk
    load after its rows).

    An error inside leaves the triggers dropped until the caller's transaction rolls back,
    which makes them again (a schema change is undone with the rest); the CHECKs' pragma, the
    connection's own, is set back here whatever happens."""
    triggers = [
        (str(r[0]), str(r[1]))
        for r in conn.execute(
            "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = 'dossiers'"
            " AND (name IN ('dossiers_count_insert', 'dossiers_search_insert')"
            " OR (sql LIKE '%AFTER INSERT ON dossiers%' AND instr(sql, ?)))",
            (BULK_MARKER,),
        )
    ]
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER main.{name}")
    try:  # the connection's own setting, not undone by a rollback: set back whatever happens
        conn.execute("PRAGMA ignore_check_constraints = ON")
        yield
    finally:
        conn.execute("PRAGMA ignore_check_constraints = OFF")
    for _, sql in triggers:
        conn.execute(sql)


def copy_step(
    conn: sqlite3.Connection, lo: int, first: int, last: int, columns: str, picked: str, rounds: str
) -> None:
    """Inside a write transaction: the staged dossiers in places ``first`` to ``last`` of the
    copy's order (``stage.places``: place -> staged rowid, by receipt) into the live table at
    rowid ``lo - 1 + place``, their supplement rounds, and their search words in one
    statement. ``picked`` reads the staged row as ``d``. The triggers that count a new row
    stand aside (:func:`triggers_aside`; the counts are added in :func:`show`), and the stage
    has held every row against the tables' CHECKs already."""
    placed = "FROM stage.places AS p JOIN stage.dossiers AS d ON d.rowid = p.staged WHERE p.place BETWEEN ? AND ?"
    with triggers_aside(conn):
        conn.execute(
            f"INSERT INTO main.dossiers (rowid, {columns}) SELECT p.place + ?, {picked} {placed} ORDER BY p.place",
            (lo - 1, first, last),
        )
        conn.execute(
            f"INSERT INTO main.pauses ({rounds}) SELECT {rounds} FROM stage.pauses WHERE dossier_code IN"
            f" (SELECT d.code {placed}) ORDER BY id",
            (first, last),
        )
        conn.execute(
            f"INSERT INTO main.{SEARCH_INDEX} (rowid, search_text)"
            " SELECT rowid, search_text FROM main.dossiers WHERE rowid BETWEEN ? AND ?",
            (lo - 1 + first, lo - 1 + last),
        )


def show(conn: sqlite3.Connection, lo: int) -> None:
    """Inside the last step's write transaction: the batch becomes part of the database."""
    conn.execute("DELETE FROM main.hidden_batch WHERE lo = ?", (lo,))


def pending(conn: sqlite3.Connection) -> list[tuple[int, int, int, str]]:
    """The hidden batches: (lo, hi, event, folder)."""
    rows = conn.execute("SELECT lo, hi, event_id, folder FROM main.hidden_batch").fetchall()
    return [(int(r[0]), int(r[1]), int(r[2]), str(r[3])) for r in rows]


def remove_step(conn: sqlite3.Connection, lo: int, hi: int) -> bool:
    """Inside a write transaction: up to ``STEP_ROWS`` of the hidden rows ``lo``..``hi``
    removed, the highest first, with their rounds and search words (the delete trigger of
    the search index); the count triggers stand aside, as the rows were never counted.
    False when none was left."""
    rows = conn.execute(
        "SELECT rowid FROM main.dossiers WHERE rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        (lo, hi, STEP_ROWS - 1),
    ).fetchone()
    start = lo if rows is None else int(rows[0])
    if conn.execute("SELECT 1 FROM main.dossiers WHERE rowid BETWEEN ? AND ?", (start, hi)).fetchone() is None:
        return False
    conn.execute("INSERT INTO main.settings (key, value) VALUES (?, '1')", (BULK_MARKER,))
    conn.execute(
        "DELETE FROM main.pauses WHERE dossier_code IN (SELECT code FROM main.dossiers WHERE rowid BETWEEN ? AND ?)",
        (start, hi),
    )
    conn.execute("DELETE FROM main.dossiers WHERE rowid BETWEEN ? AND ?", (start, hi))
    conn.execute("DELETE FROM main.settings WHERE key = ?", (BULK_MARKER,))
    return True


def forget(conn: sqlite3.Connection, lo: int, event_id: int) -> None:
    """Inside a write transaction, once its rows are gone: the batch's event and record."""
    guard = conn.execute(
        "SELECT sql FROM main.sqlite_master WHERE type = 'trigger' AND name = 'events_no_delete'"
    ).fetchone()
    if guard is not None:  # the audit trail is append-only; this event never was part of it
        conn.execute("DROP TRIGGER main.events_no_delete")
    conn.execute("DELETE FROM main.events WHERE id = ?", (event_id,))
    if guard is not None:
        conn.execute(guard[0])
    conn.execute("DELETE FROM main.hidden_batch WHERE lo = ?", (lo,))


def remove_left_over(store: Writer) -> None:
    """The hidden batches of imports killed before their last step (their scratch folder
    gone or no longer locked), removed; never the batch of an import still running."""
    for lo, hi, event_id, folder in pending(store.conn):
        if not files.in_use(Path(folder)):
            remove(store, lo, event_id, hi)


def remove(store: Writer, lo: int, event_id: int, hi: int | None = None) -> None:
    """A hidden batch removed, a step (a short write transaction) at a time, a waiting
    clerk's write let in between two."""
    if hi is None:
        hi = next((h for low, h, _, _ in pending(store.conn) if low == lo), lo - 1)
    while True:
        store.let_waiting_in()
        with store.write(ask_way=False):
            if not remove_step(store.conn, lo, hi):
                forget(store.conn, lo, event_id)
                return
