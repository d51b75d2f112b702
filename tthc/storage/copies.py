"""Copies between databases (merge, full export) row by row as stored, and a restore that
puts a whole copy in place of the live database's contents.
"""

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.core.errors import TthcError
from tthc.core.models import Event
from tthc.locale.marks import N_
from tthc.storage import files, hidden
from tthc.storage.audit import AuditTrail
from tthc.storage.columns import (
    _ROUND_COLUMNS,
    ALL_DOSSIER_COLUMNS,
    COPY_COLUMNS,
    COPY_KEYS,
    INSERT_DOSSIER,
    INSERT_ROUND,
)
from tthc.storage.conditions import visible_event_sql, visible_sql
from tthc.storage.connection import Connection, _connect, source_uri, write_copy
from tthc.storage.records import EventKey, _event, _iso, _moment, rounds_of

if TYPE_CHECKING:
    from tthc.storage.stored import StoredDossier


# -- restoring a copy into the live database -----------------------------------------------------
def restore_into(live: Path, source: Connection, kept: Callable[[], Path]) -> Path:
    """Put the database ``source`` (opened by :meth:`Store.open_source`) in place of ``live``'s
    contents, keeping what it replaces as the new file ``kept()`` names; returns that file.

    Everything happens under the write lock of ``live``, in one transaction: the copy kept
    is read under the lock (a reader sees the last commit, and no writer can commit after
    it), then the tables, their indexes and triggers are replaced by the source's inside the
    same transaction. So every receipt confirmed before the restore is in the kept copy, none
    is confirmed in between, and one confirmed after is in the restored database. The file
    itself stays (no rename, no ``-wal`` unlinked), so clerks' open handles stay valid; they
    wait for the lock, as for any writer. The last numbers given per day are carried over
    (the higher of the two), so a code given after the copy was made is never given again.
    """
    conn = _connect(live.resolve().as_uri(), uri=True)
    store = Connection(conn, live)
    path: Path | None = None
    try:
        conn.execute("PRAGMA foreign_keys = OFF")  # the tables go and come back whole
        conn.execute("ATTACH DATABASE ? AS src", (source.uri or source_uri(source.path),))
        with store.write():
            if any(files.in_use(Path(folder)) for *_, folder in hidden.pending(conn)):
                # its later steps would go on in the restored file, beside rows it never had
                raise TthcError(
                    N_("an import is being copied into {path}; restore it when the import has finished"),
                    path=live,
                )
            reader = _connect(live)
            try:
                path = kept()
                write_copy(reader, path)
            finally:
                reader.close()
            _replace_contents(conn)
    except BaseException:
        if path is not None:
            path.unlink(missing_ok=True)  # the database was left as it was: no copy of it either
        raise
    finally:
        conn.close()
    return path


def _replace_contents(conn: sqlite3.Connection) -> None:
    """Inside a write transaction: the schema and rows of ``main`` become those of ``src``."""
    sequences = conn.execute("SELECT prefix, day, block, last FROM main.code_sequences").fetchall()
    here = conn.execute("SELECT type, name FROM main.sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
    for kind, name in here:
        if kind in ("trigger", "view"):
            conn.execute(f'DROP {kind.upper()} IF EXISTS main."{name}"')
    for kind, name in here:
        if kind == "table":  # a full-text index takes its own tables with it
            conn.execute(f'DROP TABLE IF EXISTS main."{name}"')
    there = conn.execute(
        "SELECT type, name, sql FROM src.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
        " ORDER BY rowid"
    ).fetchall()
    virtual = [
        name for kind, name, sql in there if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")
    ]
    for kind, name, sql in there:
        if kind == "table" and name not in virtual and not name.startswith(tuple(f"{v}_" for v in virtual)):
            conn.execute(sql)
            conn.execute(f'INSERT INTO main."{name}" SELECT * FROM src."{name}"')
    for name in virtual:  # built again over the rows copied (their rowids are new)
        conn.execute(next(sql for _, n, sql in there if n == name))
        conn.execute(f'INSERT INTO main."{name}" ("{name}") VALUES (\'rebuild\')')
    if conn.execute("SELECT 1 FROM src.sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
        conn.execute("DELETE FROM main.sqlite_sequence")
        conn.execute("INSERT INTO main.sqlite_sequence SELECT * FROM src.sqlite_sequence")
    for kind, _, sql in there:
        if kind != "table":
            conn.execute(sql)  # indexes built once over the rows, then the triggers
    version = int(conn.execute("PRAGMA src.user_version").fetchone()[0])
    conn.execute(f"PRAGMA main.user_version = {version}")
    conn.executemany(
        "INSERT INTO code_sequences (prefix, day, block, last) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (prefix, day, block) DO UPDATE SET last = max(last, excluded.last)",
        [tuple(r) for r in sequences],
    )


@contextmanager
def _copying(table: str, row: Mapping[str, Any]) -> Iterator[None]:
    """A copied row the database refuses (a broken file) is a refusal naming it, not a crash."""
    try:
        yield
    except sqlite3.IntegrityError as exc:
        key = ", ".join(f"{k}={row[k]}" for k in (*COPY_KEYS.get(table, ()), "code", "uid") if k in row)
        raise TthcError("cannot copy the {table} row {key}: {reason}; nothing was written", table=table, key=key, reason=str(exc)) from None


class Copies(AuditTrail):
    """Rows copied between databases exactly as stored."""

    # -- copies between databases (merge, full export) -----------------------------------------
    def is_blank(self) -> bool:
        """No event was ever recorded here: a database just created, not even initialised."""
        return self.conn.execute("SELECT 1 FROM events LIMIT 1").fetchone() is None

    def copy_rows(self, table: str) -> list[dict[str, Any]]:
        """Every row of one of the small tables (:data:`COPY_KEYS`), as stored."""
        columns = COPY_COLUMNS[table]
        rows = self.conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY {', '.join(COPY_KEYS[table])}"
        )
        return [dict(zip(columns, tuple(r), strict=True)) for r in rows]

    def put_copy_row(self, table: str, row: Mapping[str, Any]) -> None:
        """Insert a copied row of a small table; a sequence keeps the higher of the two last
        numbers, a setting takes the copied value."""
        columns = COPY_COLUMNS[table]
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        if table == "code_sequences":
            sql += " ON CONFLICT (prefix, day, block) DO UPDATE SET last = max(last, excluded.last)"
        elif table == "settings":
            sql += " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        elif table == "ratings":
            sql += " ON CONFLICT (dossier_code) DO NOTHING"
        with _copying(table, row):
            self.conn.execute(sql, [row[c] for c in columns])

    def required_columns(self, table: str) -> set[str]:
        """The columns of ``table`` that may not be NULL."""
        return {r["name"] for r in self.conn.execute(f"PRAGMA table_info({table})") if r["notnull"]}

    def copy_events(self) -> Iterator[Event]:
        """Every event, oldest first."""
        cursor = self.conn.execute(f"SELECT * FROM events WHERE {visible_event_sql()} ORDER BY id")
        while rows := cursor.fetchmany(2000):
            yield from (_event(r) for r in rows)

    def event_keys(self) -> list["EventKey"]:
        """What a merge compares of every event here, oldest first."""
        rows = self.conn.execute(
            f"SELECT id, uid, dossier_code, step, happened_at, undoes FROM events WHERE {visible_event_sql()} ORDER BY id"
        )
        return [EventKey(r[0], r[1], r[2], r[3], _moment(r[4]), r[5]) for r in rows]

    def event_ids(self) -> dict[str, int]:
        """The id here of every event, by uid."""
        return {r[0]: r[1] for r in self.conn.execute(f"SELECT uid, id FROM events WHERE {visible_event_sql()}")}

    def put_copied_event(self, e: Event, *, event_id: int | None, undoes: int | None) -> int:
        """Append an event copied from another database: its uid and facts, an id of here."""
        with _copying("events", {"uid": e.uid}):
            return self.add_event(
                step=e.step,
                happened_at=e.happened_at,
                recorded_at=e.recorded_at,
                actor=e.actor,
                dossier_code=e.dossier_code,
                details=e.details,
                undoes=undoes,
                event_id=event_id,
                uid=e.uid,
            )

    def dossier_codes(self) -> set[str]:
        return {r[0] for r in self.conn.execute(f"SELECT code FROM dossiers WHERE {visible_sql('')}")}

    def stored_dossiers(
        self, codes: Sequence[str] | None = None, batch: int = 2000
    ) -> "Iterator[StoredDossier]":
        """The given dossiers (or all, in the order they were written) exactly as stored."""
        columns = ", ".join(ALL_DOSSIER_COLUMNS)
        if codes is not None:
            for i in range(0, len(codes), 500):
                chunk = list(codes[i : i + 500])
                rows = self.conn.execute(
                    f"SELECT {columns} FROM dossiers WHERE code IN ({', '.join('?' * len(chunk))}) AND {visible_sql('')}",
                    chunk,
                ).fetchall()
                yield from self._stored(rows)
            return
        cursor = self.conn.execute(f"SELECT {columns} FROM dossiers WHERE {visible_sql('')} ORDER BY rowid")
        while rows := cursor.fetchmany(batch):
            yield from self._stored(rows)

    def _stored(self, rows: list[sqlite3.Row]) -> "list[StoredDossier]":
        from tthc.storage.stored import StoredDossier  # a merge's, an export's: not a look-up's

        rounds = rounds_of(self.conn, [r["code"] for r in rows])
        return [
            StoredDossier(
                tuple(r),
                tuple(tuple(p[c] for c in _ROUND_COLUMNS) for p in rounds.get(r["code"], ())),
            )
            for r in rows
        ]

    def put_stored_dossier(self, d: "StoredDossier", *, replacing: bool) -> None:
        """Write a copied dossier: a new row, or every column of the row already here."""
        with _copying("dossiers", {"code": d.code}):
            if replacing:
                self.conn.execute("DELETE FROM pauses WHERE dossier_code = ?", (d.code,))
                sets = ", ".join(f"{c} = ?" for c in ALL_DOSSIER_COLUMNS[1:])
                self.conn.execute(f"UPDATE dossiers SET {sets} WHERE code = ?", (*d.values[1:], d.code))
            else:
                self.conn.execute(INSERT_DOSSIER, d.values)
            for r in d.rounds:
                self.conn.execute(INSERT_ROUND, (d.code, *r))

    # -- dossiers a merge held aside ---------------------------------------------------------
    def hold_conflicts(self, held: Mapping[str, list[dict[str, str]]], source: str, now: datetime) -> None:
        """Keep each held dossier's conflicts (said in both languages) for the manager."""
        for code, said in held.items():
            self.conn.execute(
                "INSERT INTO merge_conflicts (code, source, conflicts, found_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (code) DO UPDATE SET source = excluded.source,"
                " conflicts = excluded.conflicts, found_at = excluded.found_at",
                (code, source, json.dumps(said, ensure_ascii=False), _iso(now)),
            )

    def release_conflicts(self, codes: Iterable[str]) -> None:
        """Forget the held conflicts of dossiers that merged, or were settled."""
        self.conn.executemany("DELETE FROM merge_conflicts WHERE code = ?", [(c,) for c in codes])

    def held_conflicts(self) -> dict[str, list[dict[str, str]]]:
        rows = self.conn.execute("SELECT code, conflicts FROM merge_conflicts ORDER BY code")
        return {r[0]: json.loads(r[1]) for r in rows}

    def remove_dossier(self, code: str) -> None:
        """Delete a dossier and its rounds (its receipt was undone at the other point)."""
        self.conn.execute("DELETE FROM pauses WHERE dossier_code = ?", (code,))
        self.conn.execute("DELETE FROM ratings WHERE dossier_code = ?", (code,))
        self.conn.execute("DELETE FROM dossiers WHERE code = ?", (code,))
