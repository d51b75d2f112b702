"""Opening and checking a tthc file, and its transactions: WAL, the busy timeout, the
migrations, refusing foreign files, writes that retry instead of reporting "database is
locked"; the rating page's insert-only connection. :class:`Connection` is the base every
part of :class:`tthc.storage.store.Store` stands on.
"""

import os
import sqlite3
import time as _time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from tthc.core.errors import TthcError, os_reason, sqlite_reason
from tthc.core.models import Rating
from tthc.locale.marks import N_
from tthc.storage.migrations import LATEST, migrate
from tthc.storage.records import _iso

#: ``PRAGMA application_id`` of every tthc file: "TTHC" in ASCII.
APPLICATION_ID = 0x54544843

_SQLITE_MAGIC = b"SQLite format 3\x00"


BUSY_TIMEOUT_MS = 10_000

#: After this long waiting for the write lock, a person is told what they wait for.
WAIT_NOTICE_MS = 1_000

#: After this long waiting for the write lock, a write asks a long import's copy to let it in
#: between two of its steps (:meth:`Store.let_waiting_in`), and asks again as long as it waits.
ASK_WAY_MS = 250


def _check_foreign(path: Path) -> bool:
    """True if ``path`` is an existing, empty file; raise if it is not a tthc database."""
    size = path.stat().st_size
    if size == 0:
        return True
    with path.open("rb") as fh:
        header = fh.read(100)
    if header[:16] != _SQLITE_MAGIC or int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise TthcError("{path} is not a tthc database; it was left untouched", path=path)
    return False


#: The tables every tthc database has, whatever its schema version.
_CORE_TABLES = {"settings", "events", "procedures", "dossiers", "pauses"}


def _check_tables(conn: sqlite3.Connection, path: Path) -> None:
    """A file that claims to be a tthc database but lacks its tables is refused, not read."""
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not have >= _CORE_TABLES and conn.execute("PRAGMA user_version").fetchone()[0] >= 2:
        conn.close()
        raise TthcError("{path} is not a tthc database; it was left untouched", path=path)


def _create(path: Path, upto: int) -> None:
    """A new database built beside ``path`` and renamed into place only when complete, so a
    full or read-only disk never leaves half a database behind. Readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.creating")
    parts = [Path(f"{temp}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")]
    for part in parts:
        part.unlink(missing_ok=True)
    try:
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        conn = _connect(temp)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            migrate(conn, upto=upto)
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
        os.replace(temp, path)
    finally:
        for part in parts:
            part.unlink(missing_ok=True)


def _connect(target: str | Path, *, uri: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, uri=uri)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _way_path(path: Path) -> Path:
    """The file a waiting write leaves beside the database to be let in between a long job's steps."""
    return path.with_name(f"{path.name}-give-way")


def _ask_way(path: Path) -> bool:
    try:
        os.close(os.open(_way_path(path), os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError:
        return False  # a folder that cannot be written: the write waits as before
    return True


def _log_holds_data(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def source_uri(path: Path) -> str:
    """How to open a file tthc only reads (a backup to restore, another point's database): read
    only, and immutable — no lock, no ``-wal`` or ``-shm`` made beside it, so a read-only USB
    stick reads as well as a disk, and nothing is left behind. (A file whose write-ahead log
    holds part of it is copied first: :meth:`Store.open_source`.)"""
    return f"{path.resolve().as_uri()}?mode=ro&immutable=1"


def write_copy(conn: sqlite3.Connection, dest: Path) -> None:
    """A consistent copy of ``conn``'s database (its write-ahead log included) as the new file
    ``dest``: written under a temporary name in ``dest``'s folder and renamed only when whole,
    so a full disk or a pulled stick leaves no partial file and no ``-journal`` there. The copy
    is a plain file with no log of its own, readable by its owner only. A failure names
    ``dest`` (the file being written), never the database read."""
    import tempfile  # a backup's, a restore's: not on a clerk's path

    temp: Path | None = None
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
        os.close(fd)
        temp = Path(name)
        os.chmod(temp, 0o600)
        target = sqlite3.connect(temp, isolation_level=None)
        try:
            target.execute("PRAGMA journal_mode = OFF")  # a temporary file needs no journal
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # the copy opens with no -wal beside it
        finally:
            target.close()
        if dest.exists():
            raise TthcError("{path} already exists; choose a new file name", path=dest)
        os.replace(temp, dest)
    except OSError as exc:
        raise TthcError("cannot write {path}: {reason}", path=dest, reason=os_reason(exc)) from None
    except sqlite3.Error as exc:
        raise TthcError("cannot write {path}: {reason}", path=dest, reason=sqlite_reason(exc) or str(exc)) from None
    finally:
        if temp is not None:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{temp}{suffix}").unlink(missing_ok=True)


def _only_rating_inserts(action: int, table: str | None, *_: Any) -> int:
    """SQLite's authorizer for the rating page's connection: reading, and inserting into
    ``ratings``; nothing else (no update, delete, schema change, attach or pragma)."""
    if action in (
        sqlite3.SQLITE_READ,
        sqlite3.SQLITE_SELECT,
        sqlite3.SQLITE_FUNCTION,
        sqlite3.SQLITE_TRANSACTION,
    ):
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_INSERT and table == "ratings":
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


class RatingWriter:
    """The web side's one writing connection: it can insert a citizen's rating and nothing
    else, whatever SQL is sent through it (SQLite's authorizer refuses the rest)."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise TthcError("cannot read the database {path}: {reason}", path=path, reason="")
        self.conn = _connect(path)
        self.conn.set_authorizer(_only_rating_inserts)

    def __enter__(self) -> "RatingWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.close()

    def insert(self, code: str, rating: Rating) -> bool:
        """Record the rating; False if the dossier has one already (the key keeps it to one)."""
        try:
            self.conn.execute(
                "INSERT INTO ratings (dossier_code, rating, comment, rated_at, via) VALUES (?, ?, ?, ?, ?)",
                (code, rating.rating, rating.comment, _iso(rating.rated_at), rating.via),
            )
        except sqlite3.IntegrityError:
            return False
        return True


def _unreadable(exc: sqlite3.DatabaseError, path: Path) -> BaseException:
    """A file SQLite cannot read, as a refusal; a wrong query (a bug of tthc) stays a bug."""
    if type(exc) not in (sqlite3.DatabaseError, sqlite3.OperationalError):
        return exc
    return TthcError("cannot read the database {path}: {reason}", path=path, reason=sqlite_reason(exc) or str(exc))


def _damaged(exc: sqlite3.DatabaseError, path: Path) -> BaseException:
    """Another database that SQLite cannot read, as a refusal naming that file."""
    if type(exc) not in (sqlite3.DatabaseError, sqlite3.OperationalError):
        return exc
    return TthcError("{path} is damaged or cut short, so it cannot be merged: {reason}; nothing was written. Ask the other point for a new copy (tthc backup)", path=path, reason=sqlite_reason(exc) or str(exc))


class Connection:
    """The open database file: its connection, where it is, how it was opened."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool = False) -> None:
        self.conn = conn
        self.path = path
        self.readonly = readonly
        #: how to ATTACH it read-only, for a source opened by :meth:`open_source`
        self.uri: str | None = None
        #: called once when a write waits more than a second for another writer (a restore,
        #: an import's last step), so the person waiting is told why
        self.on_wait: Callable[[], None] | None = None
        #: write transactions committed and rolled back: what a bug report may say was saved
        self.commits = 0
        self.rollbacks = 0
        #: called at the end of each write transaction, inside it (the context keeps the
        #: holiday days it had to compute in the command's own transaction)
        self.before_commit: Callable[[], None] | None = None

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, *, create: bool = False, upto: int = LATEST) -> Self:
        """Open ``path``; with ``create`` make it (owner-only) if missing. Foreign files are refused."""
        new = not path.exists()
        if new and not create:
            raise TthcError("no tthc database at {path}; run `tthc init` first", path=path)
        if not new and _check_foreign(path) and not create:
            raise TthcError("{path} is empty, not a tthc database; run `tthc init` first", path=path)
        if new or path.stat().st_size == 0:
            _create(path, upto)
        conn = _connect(path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST:
            conn.close()
            raise TthcError("{path} was written by a newer tthc (schema {version}); upgrade tthc", path=path, version=version)
        _check_tables(conn, path)  # before anything is written to a file that is not ours
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        if version < upto:
            migrate(conn, upto=upto)
        return cls(conn, path)

    @classmethod
    def open_readonly(cls, path: Path, *, source: bool = False) -> Self:
        """Open an existing, up-to-date database without the right to write to it; a
        ``source`` (a file only read, not the live database) as :func:`source_uri` says."""
        if not path.exists():
            raise TthcError("no tthc database at {path}; run `tthc init` first", path=path)
        if _check_foreign(path):
            raise TthcError("{path} is empty, not a tthc database; run `tthc init` first", path=path)
        conn = _connect(source_uri(path) if source else f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            conn.execute("PRAGMA query_only = ON")  # and SQLite itself refuses any write on it
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version != LATEST:
                raise TthcError(
                    N_("{path} was written by a newer tthc (schema {version}); upgrade tthc") if version > LATEST else N_("{path} has an older schema ({version}); open it once with a clerk's command to upgrade it"), path=path, version=version
                )
            _check_tables(conn, path)
        except BaseException:
            conn.close()  # a file that cannot be read is not held open
            raise
        return cls(conn, path, readonly=True)

    @classmethod
    @contextmanager
    def reading(cls, path: Path) -> Iterator[Self]:
        """:meth:`open_readonly` for the length of a ``with`` block, closed after it. A file
        SQLite cannot read — at the opening or in any query of the block — is a refusal
        (``e_db_unreadable``), so a reader outside this layer never meets ``sqlite3``."""
        try:
            store = cls.open_readonly(path)
        except sqlite3.DatabaseError as exc:
            raise _unreadable(exc, path) from None
        try:
            yield store
        except sqlite3.DatabaseError as exc:
            raise _unreadable(exc, path) from None
        finally:
            store.close()

    @classmethod
    def open_source(cls, path: Path, scratch: Path) -> Self:
        """Another database to read from, never written, and nothing written beside it: as
        it is when its schema is this one's; when older, a copy of it made in the folder
        ``scratch`` and upgraded there. A file whose write-ahead log holds part of it is
        copied to ``scratch`` with its log and read there. A file SQLite cannot read is a
        refusal naming it, not the database being written."""
        try:
            if _log_holds_data(path):
                import shutil

                copy = scratch / f"source-{path.name}"
                shutil.copyfile(path, copy)
                shutil.copyfile(f"{path}-wal", f"{copy}-wal")
                return cls._open_source(copy, scratch, shown=path)
            return cls._open_source(path, scratch, shown=path)
        except sqlite3.DatabaseError as exc:
            raise _unreadable(exc, path) from None
        except OSError as exc:
            raise TthcError("cannot read the database {path}: {reason}", path=path, reason=os_reason(exc)) from None

    @classmethod
    def _open_source(cls, path: Path, scratch: Path, shown: Path) -> Self:
        try:
            store = cls.open_readonly(path, source=path == shown)
            store.uri = source_uri(path) if path == shown else path.resolve().as_uri()
            return store
        except TthcError as exc:
            if exc.msg.key != "{path} has an older schema ({version}); open it once with a clerk's command to upgrade it":
                raise
        copy = scratch / f"upgraded-{shown.name}"
        source = _connect(source_uri(path) if path == shown else path.resolve().as_uri(), uri=True)
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        store = cls.open(copy)
        store.uri = copy.resolve().as_uri()
        return store

    @classmethod
    @contextmanager
    def reading_source(cls, path: Path, scratch: Path) -> Iterator[Self]:
        """:meth:`open_source` for a ``with`` block, after SQLite's own check of every page:
        a truncated or damaged file is a refusal naming it (``e_source_damaged``), before a
        row of it is believed."""
        try:
            store = cls.open_source(path, scratch)
        except sqlite3.DatabaseError as exc:
            raise _damaged(exc, path) from None
        try:
            verdict = [r[0] for r in store.conn.execute("PRAGMA quick_check(3)")]
            if verdict != ["ok"]:
                raise TthcError("{path} is damaged or cut short, so it cannot be merged: {reason}; nothing was written. Ask the other point for a new copy (tthc backup)", path=path, reason="; ".join(map(str, verdict)))
            yield store
        except sqlite3.DatabaseError as exc:
            raise _damaged(exc, path) from None
        finally:
            store.close()

    def close(self) -> None:
        self.conn.close()


    def backup_to(self, dest: Path) -> None:
        """A consistent copy of the whole database (WAL included) in a new file ``dest``."""
        if dest.exists():
            raise TthcError("{path} already exists; choose a new file name", path=dest)
        if not dest.parent.is_dir():  # a stick not plugged in: never a copy left on this PC instead
            raise TthcError("no folder {folder}: is the drive plugged in? (a backup makes no folder)", folder=dest.parent)
        write_copy(self.conn, dest)

    # -- transactions --------------------------------------------------------------------
    @contextmanager
    def write(self, *, ask_way: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken with the write lock first (BEGIN IMMEDIATE).

        Another writer holding the lock makes us wait (busy timeout) and then retry, so a
        clerk never sees "database is locked"; any exception rolls everything back. A write
        that waits asks a long import's copy to let it in between two of its steps
        (:meth:`let_waiting_in`), unless it is such a step itself (``ask_way`` False).
        """
        started = _time.monotonic()
        deadline = started + 30
        told = self.on_wait is None
        asked = False
        self.conn.execute(f"PRAGMA busy_timeout = {ASK_WAY_MS if ask_way else BUSY_TIMEOUT_MS}")
        try:
            while True:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    break
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) and "busy" not in str(exc):
                        raise
                    if ask_way:
                        asked = _ask_way(self.path) or asked
                    if (
                        not told
                        and self.on_wait is not None
                        and _time.monotonic() - started >= WAIT_NOTICE_MS / 1000
                    ):
                        told = True  # a person is waiting: after a second, say why nothing happens yet
                        self.on_wait()
                    if _time.monotonic() > deadline:
                        raise TthcError("the database {path} stayed busy for 30 s; try again", path=self.path) from None
                    if not ask_way:
                        _time.sleep(0.05)
        finally:
            if ask_way:
                self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if asked:  # the lock is ours (or never will be): the request is taken back
                _way_path(self.path).unlink(missing_ok=True)
        try:
            yield self.conn
            if self.before_commit is not None:
                self.before_commit()
        except BaseException:
            if self.conn.in_transaction:  # an interrupted statement may have rolled it back already
                self.conn.execute("ROLLBACK")
            self.rollbacks += 1
            raise
        else:
            self.conn.execute("COMMIT")
            self.commits += 1
