"""The only module that talks to SQLite: opening (WAL, busy timeout, migrations, refusing
foreign files), transactions that retry instead of reporting "database is locked", and
the reads and writes the services need.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time as _time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tthc.errors import TthcError
from tthc.migrations import LATEST, migrate

#: ``PRAGMA application_id`` of every tthc file: "TTHC" in ASCII.
APPLICATION_ID = 0x54544843
_SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def _check_foreign(path: Path) -> bool:
    """True if ``path`` is an existing, empty file; raise if it is not a tthc database."""
    size = path.stat().st_size
    if size == 0:
        return True
    with path.open("rb") as fh:
        header = fh.read(100)
    if header[:16] != _SQLITE_MAGIC or int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise TthcError("e_not_tthc", path=path)
    return False


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


class Store:
    """An open tthc database."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, *, create: bool = False, upto: int = LATEST) -> Store:
        """Open ``path``; with ``create`` make it (owner-only) if missing. Foreign files are refused."""
        new = not path.exists()
        if new and not create:
            raise TthcError("e_no_db", path=path)
        if not new and _check_foreign(path) and not create:
            raise TthcError("e_empty_db", path=path)
        if new:
            path.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        conn = _connect(path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and conn.execute("PRAGMA application_id").fetchone()[0] == 0:
            # Written before WAL so the id lands in the main file's header at once.
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        if version < upto:
            migrate(conn, upto=upto)
        elif version > LATEST:
            conn.close()
            raise TthcError("e_newer_db", path=path, version=version)
        return cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def backup_to(self, dest: Path) -> None:
        """A consistent copy of the whole database (WAL included) in a new file ``dest``."""
        if dest.exists():
            raise TthcError("e_exists", path=dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(dest, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        target = sqlite3.connect(dest)
        try:
            self.conn.backup(target)
        finally:
            target.close()

    # -- transactions --------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken with the write lock first (BEGIN IMMEDIATE).

        Another writer holding the lock makes us wait (busy timeout) and then retry, so a
        clerk never sees "database is locked"; any exception rolls everything back.
        """
        deadline = _time.monotonic() + 30
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if _time.monotonic() > deadline:
                    raise TthcError("e_busy", path=self.path) from None
                _time.sleep(0.05)
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- the audit trail -----------------------------------------------------------------
    def add_event(
        self,
        *,
        step: str,
        happened_at: datetime,
        recorded_at: datetime,
        actor: str,
        dossier_code: str | None = None,
        details: Mapping[str, Any] | None = None,
        undoes: int | None = None,
    ) -> int:
        cur = self.conn.execute(
            "INSERT INTO events (dossier_code, step, happened_at, recorded_at, actor, details, undoes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                dossier_code,
                step,
                happened_at.isoformat(timespec="seconds"),
                recorded_at.isoformat(timespec="seconds"),
                actor,
                json.dumps(dict(details or {}), ensure_ascii=False, sort_keys=True),
                undoes,
            ),
        )
        return int(cur.lastrowid or 0)

    def events(self, dossier_code: str | None) -> list[sqlite3.Row]:
        if dossier_code is None:
            return self.conn.execute("SELECT * FROM events WHERE dossier_code IS NULL ORDER BY id").fetchall()
        return self.conn.execute(
            "SELECT * FROM events WHERE dossier_code = ? ORDER BY id", (dossier_code,)
        ).fetchall()

    # -- settings ------------------------------------------------------------------------
    def settings(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self.conn.execute("SELECT key, value FROM settings")}

    def put_setting(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- the center's calendar -----------------------------------------------------------
    def calendar_overrides(self) -> tuple[dict[date, str], dict[date, str]]:
        off: dict[date, str] = {}
        work: dict[date, str] = {}
        for row in self.conn.execute("SELECT day, kind, name FROM calendar_days"):
            (off if row["kind"] == "off" else work)[date.fromisoformat(row["day"])] = row["name"]
        return off, work

    def calendar_day(self, day: date) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(
            "SELECT * FROM calendar_days WHERE day = ?", (day.isoformat(),)
        ).fetchone()
        return row

    def put_calendar_day(self, day: date, kind: str, name: str, added_at: datetime) -> None:
        self.conn.execute(
            "INSERT INTO calendar_days (day, kind, name, added_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name,"
            " added_at = excluded.added_at",
            (day.isoformat(), kind, name, added_at.isoformat(timespec="seconds")),
        )

    def delete_calendar_day(self, day: date) -> None:
        self.conn.execute("DELETE FROM calendar_days WHERE day = ?", (day.isoformat(),))

    # -- the holidays package's days, cached ---------------------------------------------------
    def holiday_cache(self, stamp: str) -> dict[int, dict[str, Any]]:
        rows = self.conn.execute("SELECT year, days FROM holiday_cache WHERE stamp = ?", (stamp,))
        return {int(r["year"]): json.loads(r["days"]) for r in rows}

    def put_holiday_cache(self, year: int, stamp: str, days: Mapping[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO holiday_cache (year, stamp, days) VALUES (?, ?, ?)"
            " ON CONFLICT (year) DO UPDATE SET stamp = excluded.stamp, days = excluded.days",
            (year, stamp, json.dumps(days, ensure_ascii=False, sort_keys=True)),
        )

    # -- the catalog -----------------------------------------------------------------------
    def procedure(self, code_or_alias: str) -> sqlite3.Row | None:
        key = code_or_alias.strip()
        row: sqlite3.Row | None = self.conn.execute(
            "SELECT * FROM procedures WHERE code = ? OR alias = ? COLLATE NOCASE", (key, key)
        ).fetchone()
        return row

    def procedures(self, field: str | None = None) -> list[sqlite3.Row]:
        if field:
            return self.conn.execute(
                "SELECT * FROM procedures WHERE field = ? COLLATE NOCASE ORDER BY field, code", (field,)
            ).fetchall()
        return self.conn.execute("SELECT * FROM procedures ORDER BY field, code").fetchall()

    def insert(self, table: str, values: Mapping[str, Any]) -> int:
        cols = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cur = self.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", tuple(values.values()))
        return int(cur.lastrowid or 0)

    def update(self, table: str, key_column: str, key: Any, values: Mapping[str, Any]) -> None:
        if not values:
            return
        sets = ", ".join(f"{col} = ?" for col in values)
        self.conn.execute(f"UPDATE {table} SET {sets} WHERE {key_column} = ?", (*values.values(), key))

    # -- officers and points -------------------------------------------------------------
    def names(self, table: str) -> list[sqlite3.Row]:
        return self.conn.execute(f"SELECT * FROM {table} ORDER BY name_key").fetchall()

    def find_name(self, table: str, key: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(
            f"SELECT * FROM {table} WHERE name_key = ?", (key,)
        ).fetchone()
        return row

    # -- dossiers ------------------------------------------------------------------------
    _DOSSIER_SELECT = (
        "SELECT d.*, p.name AS procedure_name FROM dossiers d"
        " LEFT JOIN procedures p ON p.code = d.procedure_code"
    )

    def dossier(self, code: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(
            self._DOSSIER_SELECT + " WHERE d.code = ?", (code.strip(),)
        ).fetchone()
        return row

    def dossier_indexes(self) -> list[tuple[str, str]]:
        """(name, CREATE statement) of the secondary indexes on ``dossiers``."""
        rows = self.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dossiers' AND sql IS NOT NULL"
        )
        return [(r["name"], r["sql"]) for r in rows]

    def delete_dossier(self, code: str) -> None:
        self.conn.execute("DELETE FROM dossiers WHERE code = ?", (code,))

    def query_dossiers(
        self, where: list[str], params: list[Any], order: str, limit: int | None
    ) -> list[sqlite3.Row]:
        sql = self._DOSSIER_SELECT
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.conn.execute(sql, params).fetchall()

    def open_dossiers(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            self._DOSSIER_SELECT + " WHERE d.status IN ('processing', 'paused') AND d.due_source = 'computed'"
        ).fetchall()

    def pauses(self, code: str) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT * FROM pauses WHERE dossier_code = ? ORDER BY id", (code,)
        ).fetchall()

    def delete_pause(self, pause_id: int) -> None:
        self.conn.execute("DELETE FROM pauses WHERE id = ?", (pause_id,))

    def next_sequence(self, prefix: str, day: str) -> int:
        """The next never-used number for ``prefix`` on ``day`` (call inside :meth:`write`)."""
        row = self.conn.execute(
            "SELECT last FROM code_sequences WHERE prefix = ? AND day = ?", (prefix, day)
        ).fetchone()
        number = (row[0] if row else 0) + 1
        self.conn.execute(
            "INSERT INTO code_sequences (prefix, day, last) VALUES (?, ?, ?)"
            " ON CONFLICT (prefix, day) DO UPDATE SET last = excluded.last",
            (prefix, day, number),
        )
        return number

    def code_used(self, code: str) -> bool:
        """A code is taken once it was ever given, even if its receipt was undone."""
        return (
            self.conn.execute("SELECT 1 FROM dossiers WHERE code = ?", (code,)).fetchone() is not None
            or self.conn.execute("SELECT 1 FROM events WHERE dossier_code = ? LIMIT 1", (code,)).fetchone()
            is not None
        )

    # -- read-only look-ups for the web side --------------------------------------------------
    @classmethod
    def open_readonly(cls, path: Path) -> Store:
        """Open ``path`` for reading only (``mode=ro``): no migrations, no writes, ever.

        The web side reads the file clerks keep writing; SQLite itself refuses any write on
        this connection, so no bug in a page can change a dossier.
        """
        if not path.exists():
            raise TthcError("e_no_db", path=path)
        if _check_foreign(path):
            raise TthcError("e_empty_db", path=path)
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
        )
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA query_only = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version != LATEST:
            conn.close()
            # Upgrading writes, which this connection may not: a clerk command upgrades it.
            raise TthcError(
                "e_newer_db" if version > LATEST else "e_old_db_readonly", path=path, version=version
            )
        return cls(conn, path)

    def dossier_keys(self, typed_code: str) -> DossierKeys | None:
        """The stored code and the numbers a citizen proves with, for a code typed in any case.

        The primary key compares case-sensitively; trying the code as typed, upper-cased and
        lower-cased keeps the look-up on that index instead of scanning the table.
        """
        variants = list(dict.fromkeys((typed_code, typed_code.upper(), typed_code.lower())))
        rows = self.conn.execute(
            f"SELECT code, phone, id_number FROM dossiers WHERE code IN ({', '.join('?' * len(variants))})",
            variants,
        ).fetchall()
        if not rows:
            return None
        row = next((r for r in rows if r["code"] == typed_code), rows[0])
        return DossierKeys(row["code"], row["phone"], row["id_number"])

    def ready_for_collection(self, limit: int) -> list[ReadyResult]:
        """Results resolved and not yet returned, the latest resolved first.

        The worklist's order (soonest deadline first) would fill the waiting-room board with
        results nobody came for months ago and push today's off it; this walks the
        ``dossiers_by_end`` index backwards and stops at ``limit``.
        """
        rows = self.conn.execute(
            "SELECT code, applicant, resolved_at FROM dossiers WHERE status = 'resolved'"
            " ORDER BY coalesce(resolved_at, withdrawn_at) DESC LIMIT ?",
            (limit,),
        )
        return [
            ReadyResult(r["code"], r["applicant"], datetime.fromisoformat(r["resolved_at"])) for r in rows
        ]


@dataclass(frozen=True)
class DossierKeys:
    """What a citizen's look-up is checked against (never shown)."""

    code: str
    phone: str | None
    id_number: str | None


@dataclass(frozen=True)
class ReadyResult:
    """A result waiting for its applicant, as the waiting-room board needs it."""

    code: str
    applicant: str
    resolved_at: datetime
