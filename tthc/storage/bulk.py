"""Bulk loading: many new dossiers at once (an import, a merge), the indexes rebuilt and
the counts and CHECKs done once at the end; a load staged beside the database and copied
in by a last step that gives way to a clerk waiting to write.
"""

import re
import sqlite3
import time as _time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tthc.core.models import search_text
from tthc.storage import hidden
from tthc.storage.columns import _ROUND_COLUMNS, ALL_DOSSIER_COLUMNS, INSERT_DOSSIER, INSERT_ROUND
from tthc.storage.connection import Connection, _way_path
from tthc.storage.migrations import BULK_MARKER, backfill_closed, backfill_counts, backfill_search
from tthc.storage.records import _moment

_CHECK = re.compile(r"\bCHECK\s*\(", re.IGNORECASE)


def _checks_of(conn: sqlite3.Connection, table: str) -> list[str]:
    """The CHECK expressions of ``table``, read from its own definition (parentheses inside
    quoted text do not count)."""
    sql = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()[0]
    found = []
    for match in _CHECK.finditer(sql):
        depth, quote = 1, ""
        for end in range(match.end(), len(sql)):
            char = sql[end]
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"":
                quote = char
            elif char in "()":
                depth += 1 if char == "(" else -1
                if depth == 0:
                    found.append(sql[match.end() : end])
                    break
    return found


def _check_new_rows(conn: sqlite3.Connection, after: dict[str, int]) -> None:
    """The CHECKs of each table over the rows a bulk load added (after the rowid given per
    table), in one pass each. A row that fails one is a bug of tthc (every value was made by
    the life cycle), not a bad file."""
    for table, rowid in after.items():
        checks = " AND ".join(f"coalesce({c}, 1)" for c in _checks_of(conn, table))
        if not checks:
            continue
        bad = conn.execute(f"SELECT rowid FROM {table} WHERE rowid > ? AND NOT ({checks}) LIMIT 1", (rowid,))
        row = bad.fetchone()
        if row is not None:
            raise RuntimeError(f"a new row of {table} breaks a CHECK of its table: rowid {row[0]}")


#: Below this many rows a file is loaded with the indexes in place.
REBUILD_AFTER_ROWS = 20_000

#: The page cache of a big load and of an import's copy, in KiB: they touch the indexes all over.
BIG_CACHE_KIB = 262_144


@contextmanager
def big_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """The main database's page cache at :data:`BIG_CACHE_KIB` for the block, then as it was
    (the store's connection goes on serving the rest of the command after it)."""
    before = int(conn.execute("PRAGMA main.cache_size").fetchone()[0])
    conn.execute(f"PRAGMA main.cache_size = -{BIG_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA main.cache_size = {before}")


@dataclass(eq=False)  # a load under way, not a value: never compared
class BulkLoader:
    """Inserts dossiers and their rounds in batches; a duplicate code is reported, not raised."""

    conn: sqlite3.Connection
    #: The secondary indexes are dropped until the load ends: look nothing up by them.
    without_indexes: bool = False
    rows: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    rounds: list[tuple[Any, ...]] = field(default_factory=list)

    def add(self, number: int, values: tuple[Any, ...], rounds: Iterable[tuple[Any, ...]]) -> None:
        self.rows.append((number, values))
        self.rounds.extend(rounds)

    def flush(self) -> list[tuple[int, str]]:
        """Insert what was added; the (row number, code) of each duplicate, none written then."""
        duplicates: list[tuple[int, str]] = []
        conn = self.conn
        conn.execute("SAVEPOINT bulk")
        try:
            conn.executemany(INSERT_DOSSIER, [v for _, v in self.rows])
        except sqlite3.IntegrityError:
            conn.execute("ROLLBACK TO bulk")
            for number, v in self.rows:
                try:
                    conn.execute(INSERT_DOSSIER, v)
                except sqlite3.IntegrityError:
                    duplicates.append((number, v[0]))
        conn.execute("RELEASE bulk")
        if not duplicates and self.rounds:
            conn.executemany(INSERT_ROUND, self.rounds)
        self.rows.clear()
        self.rounds.clear()
        return duplicates

    def drop(self) -> None:
        self.rows.clear()
        self.rounds.clear()


#: The columns of ``daily_counts`` after its day: the five it is kept by, then the counts.
_COUNT_COLUMNS = (
    "procedure_code",
    "field",
    "channel",
    "point",
    "officer",
    "received",
    "early",
    "on_time",
    "late",
    "withdrawn",
    "closed",
)


class Stage:
    """A load's dossiers built beside the database, outside its write lock: a scratch file in
    ``folder`` with the ``dossiers`` and ``pauses`` tables of the database's own definition,
    so a long import takes the lock only for the short steps of its copy (:meth:`copy_step`,
    :meth:`show`; :mod:`tthc.storage.hidden`).

    Rows are checked against the tables' CHECKs here (a failure is a bug of tthc: every value
    was made by the life cycle). Under the lock, the codes given since the stage began
    (:meth:`Store.marks`, :meth:`Store.codes_since`) are checked again against the staged
    ones (:meth:`clashes`)."""

    def __init__(self, store: "BulkLoading", folder: Path) -> None:
        self.store = store
        self.path = folder / "stage.db"
        conn = sqlite3.connect(self.path, isolation_level=None)
        conn.execute("PRAGMA journal_mode = OFF")  # a scratch file: lost on a crash, never needed
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute(f"PRAGMA cache_size = -{BIG_CACHE_KIB}")
        for table in ("dossiers", "pauses"):
            sql = store.conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()[0]
            conn.execute(sql)
        conn.execute("PRAGMA ignore_check_constraints = ON")  # checked once, in :meth:`finish`
        conn.execute("BEGIN")
        self.conn = conn

    def loader(self) -> "BulkLoader":
        return BulkLoader(self.conn)

    def finish(self) -> None:
        """Every staged row checked against its table, then indexed by code for the clashes."""
        self.conn.execute("PRAGMA ignore_check_constraints = OFF")
        _check_new_rows(self.conn, {"dossiers": 0, "pauses": 0})
        self.conn.execute("CREATE INDEX stage_by_code ON dossiers (code COLLATE NOCASE)")
        self.conn.execute("CREATE INDEX stage_rounds ON pauses (dossier_code)")
        # the per-day counts of the staged rows, summed here: the last step only adds them
        sql = self.store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'daily_counts'").fetchone()[
            0
        ]
        self.conn.execute(sql)
        backfill_counts(self.conn.execute)
        backfill_closed(self.conn.execute)
        # The order the copy takes the rows in: by receipt, whatever the file's order, so each
        # step adds to one stretch of the indexes by receipt and by end, not to pages all over
        # them (a million rows in random order: the copy 24.0 s -> 21.1 s). Place k is copied to
        # the k-th rowid of the batch; a row keeps its staged rowid (its row in the file).
        self.conn.execute("CREATE TABLE places (place INTEGER PRIMARY KEY, staged INTEGER NOT NULL)")
        self.conn.execute("INSERT INTO places (staged) SELECT rowid FROM dossiers ORDER BY received_at, rowid")
        self.conn.execute("COMMIT")

    def close(self) -> None:
        if self.conn is not self.store.conn:
            self.conn.close()

    # -- the last step, under the write lock of the store -------------------------------------
    def clashes(self, codes: Iterable[str]) -> list[tuple[int, str, str]]:
        """The staged rows whose code equals one of ``codes`` in any letter case: (staged
        row, staged code, the code given meanwhile)."""
        out = []
        for code in codes:
            for rowid, staged in self.conn.execute(
                "SELECT rowid, code FROM stage.dossiers WHERE code = ? COLLATE NOCASE", (code,)
            ):
                out.append((int(rowid), str(staged), code))
        return out

    def recode(self, old: str, new: str) -> None:
        """Give a staged dossier another code (its own was given meanwhile)."""
        conn = self.conn
        row = conn.execute(
            "SELECT applicant, phone, id_number FROM stage.dossiers WHERE code = ?", (old,)
        ).fetchone()
        conn.execute(
            "UPDATE stage.dossiers SET code = ?, search_text = ? WHERE code = ?",
            (new, search_text(row[0], new, row[1], row[2]), old),
        )
        conn.execute("UPDATE stage.pauses SET dossier_code = ? WHERE dossier_code = ?", (new, old))

    def received_at(self, code: str) -> datetime:
        row = self.conn.execute("SELECT received_at FROM stage.dossiers WHERE code = ?", (code,)).fetchone()
        return _moment(row[0])

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM stage.dossiers").fetchone()[0])

    # -- the copy in short steps, unseen until the last (:mod:`tthc.storage.hidden`) ------------
    def set_aside(self, event_id: int, folder: Path) -> tuple[int, int] | None:
        """Inside a write transaction: the rowids the staged rows will take, hidden (None
        while another import's batch is there)."""
        return hidden.set_aside(self.store.conn, self.count(), event_id, folder)

    def copy_step(self, lo: int, first: int, last: int, imported_by: int) -> None:
        """Inside a write transaction: the staged rows in places ``first``..``last`` of the
        copy's order (by receipt) in, unseen."""
        columns = ", ".join(ALL_DOSSIER_COLUMNS)
        picked = ", ".join(str(int(imported_by)) if c == "imported_by" else f"d.{c}" for c in ALL_DOSSIER_COLUMNS)
        rounds = ", ".join(("dossier_code", *_ROUND_COLUMNS))
        hidden.copy_step(self.store.conn, lo, first, last, columns, picked, rounds)

    def show(self, lo: int) -> None:
        """Inside the last step's write transaction: the per-day counts of the staged rows
        added, and the batch made part of the database."""
        counts = ", ".join(("day", *_COUNT_COLUMNS))
        self.store.conn.execute(
            f"INSERT INTO main.daily_counts ({counts}) SELECT {counts} FROM stage.daily_counts WHERE true"
            f" ON CONFLICT ({', '.join(('day', *_COUNT_COLUMNS[:5]))}) DO UPDATE SET "
            + ", ".join(f"{c} = {c} + excluded.{c}" for c in _COUNT_COLUMNS[5:])
        )
        hidden.show(self.store.conn, lo)

    @contextmanager
    def attached(self) -> Iterator[None]:
        """The stage readable from the store's connection as ``stage`` (attached and detached
        outside any transaction, as SQLite wants)."""
        self.conn.close()  # the store reads it now; the stage's own reads go through it too
        self.conn = self.store.conn
        conn = self.store.conn
        conn.execute("ATTACH DATABASE ? AS stage", (str(self.path),))
        try:
            with big_cache(conn):  # the copy's steps touch the indexes all over
                yield
        finally:
            conn.execute("DETACH DATABASE stage")


class BulkLoading(Connection):
    """Many dossiers loaded at once, and the long write that gives way."""

    def let_waiting_in(self, limit: float = 2.0) -> bool:
        """Between two short steps of a long job (an import's copy, :mod:`tthc.storage.hidden`):
        if a person's write waits for the lock (it left its request beside the database), wait
        until it has taken the lock, at most ``limit`` s. SQLite does not queue writers: the
        job's next step, asking at once, would otherwise take the lock again before the
        waiting write looks. A request older than that (its write was killed) is taken away.
        True if a write was let in."""
        way = _way_path(self.path)
        if not way.exists():
            return False
        until = _time.monotonic() + limit
        while way.exists():
            if _time.monotonic() > until:
                way.unlink(missing_ok=True)
                return False
            _time.sleep(0.005)
        return True

    # -- bulk loading --------------------------------------------------------------------
    def marks(self) -> tuple[int, int]:
        """Where the events and the dossiers end now: what :meth:`codes_since` starts after."""
        row = self.conn.execute(
            "SELECT (SELECT coalesce(max(id), 0) FROM events), (SELECT coalesce(max(rowid), 0) FROM dossiers)"
        ).fetchone()
        return int(row[0]), int(row[1])

    def codes_since(self, marks: tuple[int, int]) -> list[str]:
        """The codes given since :meth:`marks`: every receipt leaves an event naming its
        code (a merge copies them), and every new row of an import lies past the last rowid."""
        rows = self.conn.execute(
            "SELECT dossier_code FROM events WHERE id > ? AND dossier_code IS NOT NULL"
            " UNION SELECT code FROM dossiers WHERE rowid > ?",
            marks,
        )
        return [r[0] for r in rows]

    @contextmanager
    def bulk_load(self, expected_rows: int) -> Iterator["BulkLoader"]:
        """Load many new dossiers inside the caller's write transaction.

        A load bigger than the table (and than ``REBUILD_AFTER_ROWS``) goes in without the
        secondary indexes, which are rebuilt sorted at the end; the per-day counts are added
        in one aggregate, and the new rows to the search index in one insert, instead of a
        trigger per row.
        """
        conn = self.conn
        with big_cache(conn):  # a big load touches the indexes all over
            before = conn.execute("SELECT coalesce(max(rowid), 0) FROM dossiers").fetchone()[0]
            rounds_before = conn.execute("SELECT coalesce(max(rowid), 0) FROM pauses").fetchone()[0]
            indexes: list[tuple[str, str]] = []
            if expected_rows > max(before, REBUILD_AFTER_ROWS):
                indexes = [
                    (r[0], r[1])
                    for r in conn.execute(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dossiers'"
                        " AND sql IS NOT NULL"
                    )
                ]
                for name, _ in indexes:
                    conn.execute(f"DROP INDEX {name}")
            conn.execute("INSERT INTO settings (key, value) VALUES (?, '1')", (BULK_MARKER,))
            # The per-row upkeep of the counts and the table's CHECKs are done once, over all the
            # new rows at the end; all of it inside the caller's transaction, which undoes it all.
            # The insert triggers that keep the counts and the search words stand aside; those the
            # marker makes do nothing still ask for it once per row (about 0.5 s in a million rows).
            with hidden.triggers_aside(conn):
                yield BulkLoader(conn, without_indexes=bool(indexes))
                _check_new_rows(conn, {"dossiers": before, "pauses": rounds_before})
            for _, sql in indexes:
                conn.execute(sql)
            backfill_counts(conn.execute, after_rowid=before)
            backfill_closed(conn.execute, after_rowid=before)
            backfill_search(conn.execute, after_rowid=before)
            conn.execute("DELETE FROM settings WHERE key = ?", (BULK_MARKER,))
