"""The only module that talks to SQLite: opening (WAL, busy timeout, migrations, refusing
foreign files), transactions that retry instead of reporting "database is locked", and the
reads and writes the services need, handed back as typed records.

Reporting queries (period counts, open dossiers at a snapshot) live beside it in
``tthc.storage.queries``; no other module writes SQL.
"""

import json
import os
import re
import sqlite3
import time as _time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Concatenate, NamedTuple, ParamSpec, TypeVar, cast

from tthc.core.codes import CodeMinter as CodeMinter  # the rule, given the store as its book
from tthc.core.deadlines import Counting, CountUnit, Due, Policy, Round
from tthc.core.errors import TthcError, os_reason, sqlite_reason
from tthc.core.lifecycle import ALLOWED, STEPS, Apology, Life, Outcome, Status, facts_last_at, undone
from tthc.core.models import (
    WHOLE_DAY,
    CalendarDay,
    CodeBlock,
    Dossier,
    Event,
    Kind,
    Procedure,
    Rating,
    Registered,
    Service,
    search_text,
)
from tthc.core.timelimit import TimeLimit, parse_limit
from tthc.locale.marks import N_
from tthc.storage import hidden
from tthc.storage.conditions import (
    open_sql,
    overdue_sql,
    standing_sql,
    status_sql,
    visible_event_sql,
    visible_sql,
)
from tthc.storage.migrations import (
    BULK_MARKER,
    LATEST,
    SEARCH_INDEX,
    backfill_closed,
    backfill_counts,
    backfill_search,
    migrate,
)

#: ``PRAGMA application_id`` of every tthc file: "TTHC" in ASCII.
APPLICATION_ID = 0x54544843
_SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
#: After this long waiting for the write lock, a person is told what they wait for.
WAIT_NOTICE_MS = 1_000
#: After this long waiting for the write lock, a write asks a long import's copy to let it in
#: between two of its steps (:meth:`Store.let_waiting_in`), and asks again as long as it waits.
ASK_WAY_MS = 250
#: The open statuses as SQL (``conditions.open_sql``), on the dossiers' alias ``d``.
OPEN_SQL = open_sql("d")
#: Not part of an import still being copied in (``conditions.visible_sql``).
VISIBLE = visible_sql("d")
_TABLES: dict[Kind, str] = {"officer": "officers", "point": "points"}
_Asked = ParamSpec("_Asked")
_Answer = TypeVar("_Answer")


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


def _iso(moment: datetime | None) -> str | None:
    # Moments are kept to the minute: isoformat() gives YYYY-MM-DDTHH:MM:SS, and fast.
    return None if moment is None else moment.isoformat()


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _opt_moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


@lru_cache(maxsize=64)
def _limit(text: str) -> TimeLimit:
    return parse_limit(text)


@dataclass(frozen=True)
class Details:
    """What a clerk types about a dossier besides its life: who, how, where."""

    procedure: str
    field: str
    applicant: str
    channel: str
    point: str | None = None
    id_number: str | None = None
    phone: str | None = None
    address: str | None = None
    note: str | None = None
    limit_overridden: bool = False
    service: Service = Service()  # noqa: RUF009 -- frozen: one shared default is safe

    def search_text(self, code: str) -> str:
        return search_text(self.applicant, code, self.phone, self.id_number)


@dataclass(frozen=True)
class DossierQuery:
    """Which dossiers a list or an export wants, in stored terms (names already resolved)."""

    status: str | None = None
    field: str | None = None
    procedure: str | None = None
    point: str | None = None
    officer: str | None = None
    channel: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    due_from: date | None = None
    due_to: date | None = None
    overdue_at: datetime | None = None
    due_by: date | None = None
    words: tuple[str, ...] = ()
    limit: int | None = None
    to_forward: bool = False  # received for another authority, not sent on yet, not ended
    to_notify: bool = False  # a phone to call, and something to tell (``breaches.to_tell``)


# -- rows and records --------------------------------------------------------------------------------
def _counting(limit: TimeLimit, anchor: str, unit: str | None, amount: int, due_at: str) -> Counting:
    due = _moment(due_at)
    return Counting(_moment(anchor), cast("CountUnit | None", unit), amount, Due(limit, due.date(), due))


def _round(limit: TimeLimit, p: sqlite3.Row) -> Round:
    counting = None
    if p["resume_due_at"] is not None:
        counting = _counting(
            limit, p["resume_anchor"], p["resume_unit"], p["resume_amount"] or 0, p["resume_due_at"]
        )
    return Round(
        _moment(p["paused_at"]),
        cast(Policy, p["policy"]),
        p["time_left"],
        p["reason"],
        _opt_moment(p["resumed_at"]),
        counting,
    )


def _life(row: sqlite3.Row, pauses: Sequence[sqlite3.Row]) -> Life:
    limit = _limit(row["time_limit"])
    receipt = _counting(
        limit, row["effective_receipt"], row["receipt_unit"], row["receipt_amount"], row["receipt_due_at"]
    )
    apology = None
    if row["apology_at"] is not None:
        apology = Apology(
            _moment(row["apology_at"]),
            date.fromisoformat(row["apology_date"]),
            row["apology_reason"],
            bool(row["apology_in_time"]),
        )
    life = Life(
        code=row["code"],
        limit=limit,
        received_at=_moment(row["received_at"]),
        receipt=receipt,
        last_at=_moment(row["received_at"]),
        status=cast(Status, row["status"]),
        rounds=tuple(_round(limit, p) for p in pauses),
        officer=row["officer"],
        resolved_at=_opt_moment(row["resolved_at"]),
        outcome=cast("Outcome | None", row["outcome"]),
        timeliness=row["timeliness"],
        returned_at=_opt_moment(row["returned_at"]),
        withdrawn_at=_opt_moment(row["withdrawn_at"]),
        apology=apology,
        submitted_at=_opt_moment(row["submitted_at"]),
        for_authority=row["for_authority"],
        forwarded_at=_opt_moment(row["forwarded_at"]),
        closed_at=_opt_moment(row["closed_at"]),
        notified_at=_opt_moment(row["notified_at"]),
    )
    return replace(life, last_at=facts_last_at(life))


def _dossier(row: sqlite3.Row, pauses: Sequence[sqlite3.Row]) -> Dossier:
    return Dossier(
        code=row["code"],
        procedure=row["procedure_code"],
        procedure_name=row["procedure_name"] or "",
        field=row["field"],
        applicant=row["applicant"],
        id_number=row["id_number"],
        phone=row["phone"],
        address=row["address"],
        note=row["note"],
        channel=row["channel"],
        point=row["point"],
        limit_overridden=bool(row["limit_overridden"]),
        life=_life(row, pauses),
        service=Service(
            row["fee"],
            row["payment"],
            bool(row["digitised"]),
            bool(row["data_reused"]),
            None if row["e_result"] is None else bool(row["e_result"]),
        ),
    )


def service_values(service: Service) -> tuple[Any, ...]:
    """The dossier row's :data:`SERVICE_COLUMNS` for ``service``."""
    e = service.e_result
    return (
        service.fee,
        service.payment,
        int(service.digitised),
        int(service.data_reused),
        None if e is None else int(e),
    )


#: The columns a dossier's life fills, in the order :func:`life_values` gives them.
LIFE_COLUMNS = (
    "officer",
    "time_limit",
    "received_at",
    "effective_receipt",
    "receipt_unit",
    "receipt_amount",
    "receipt_due_at",
    "due_source",
    "imported_due_at",
    "due_date",
    "due_at",
    "deadline",
    "status",
    "paused_at",
    "resolved_at",
    "outcome",
    "timeliness",
    "returned_at",
    "withdrawn_at",
    "apology_at",
    "apology_date",
    "apology_reason",
    "apology_in_time",
    "submitted_at",
    "for_authority",
    "forwarded_at",
    "closed_at",
    "notified_at",
)


def life_values(life: Life) -> tuple[Any, ...]:
    """The dossier row's columns for ``life``. The due date in force is written beside the facts
    so lists, filters and summaries can index it; it is always what ``due_in_force`` reads."""
    receipt = life.receipt
    due = life.due
    apology = life.apology
    given = receipt.unit is None
    return (
        life.officer,
        str(life.limit),
        life.received_at.isoformat(),
        receipt.anchor.isoformat(),
        receipt.unit,
        receipt.amount,
        receipt.due.due_at.isoformat(),
        "imported" if given else "computed",
        _iso(receipt.due.due_at) if given else None,
        due.due_date.isoformat() if due else None,
        _iso(due.due_at) if due else None,
        _iso(due.deadline) if due else None,
        life.status,
        _iso(life.paused_at),
        _iso(life.resolved_at),
        life.outcome,
        life.timeliness,
        _iso(life.returned_at),
        _iso(life.withdrawn_at),
        _iso(apology.issued_at) if apology else None,
        apology.new_date.isoformat() if apology else None,
        apology.reason if apology else None,
        (1 if apology.in_time else 0) if apology else None,
        _iso(life.submitted_at),
        life.for_authority,
        _iso(life.forwarded_at),
        _iso(life.closed_at),
        _iso(life.notified_at),
    )


#: The columns of a new dossier: its details, then its life, then bookkeeping.
DETAIL_COLUMNS = (
    "code",
    "procedure_code",
    "field",
    "applicant",
    "search_text",
    "id_number",
    "phone",
    "address",
    "note",
    "channel",
    "point",
    "limit_overridden",
)
#: What the province's scorecard counts about a dossier besides its timeline (:class:`Service`).
SERVICE_COLUMNS = ("fee", "payment", "digitised", "data_reused", "e_result")
INSERT_DOSSIER = (
    f"INSERT INTO dossiers ({', '.join((*DETAIL_COLUMNS, *SERVICE_COLUMNS, *LIFE_COLUMNS, 'imported_by', 'created_at', 'updated_at'))})"
    f" VALUES ({', '.join('?' * (len(DETAIL_COLUMNS) + len(SERVICE_COLUMNS) + len(LIFE_COLUMNS) + 3))})"
)
_ROUND_COLUMNS = (
    "paused_at",
    "policy",
    "reason",
    "time_left",
    "resumed_at",
    "resume_anchor",
    "resume_unit",
    "resume_amount",
    "resume_due_at",
)
INSERT_ROUND = f"INSERT INTO pauses (dossier_code, {', '.join(_ROUND_COLUMNS)}) VALUES ({', '.join('?' * (len(_ROUND_COLUMNS) + 1))})"

#: Every column of a dossier row, in the order :data:`INSERT_DOSSIER` takes them.
ALL_DOSSIER_COLUMNS = (
    *DETAIL_COLUMNS,
    *SERVICE_COLUMNS,
    *LIFE_COLUMNS,
    "imported_by",
    "created_at",
    "updated_at",
)
#: Columns a copy made by an older release lacks, and the value they take (the migration's).
COPY_DEFAULTS: dict[str, dict[str, Any]] = {
    "procedures": {"e_result": 0},
    "dossiers": {"fee": None, "payment": None, "digitised": 0, "data_reused": 0, "e_result": None},
}
_DOSSIER_INDEX = {c: i for i, c in enumerate(ALL_DOSSIER_COLUMNS)}
EVENT_COLUMNS = (
    "id",
    "uid",
    "dossier_code",
    "step",
    "happened_at",
    "recorded_at",
    "actor",
    "details",
    "undoes",
)
#: What a copy of a point's data carries (merge, full export), table by table: every column
#: but the local row ids of registers and rounds. Per-day counts are rebuilt by the database,
#: the holiday cache by each PC.
COPY_COLUMNS: dict[str, tuple[str, ...]] = {
    "settings": ("key", "value"),
    "procedures": (
        "code",
        "name",
        "field",
        "time_limit",
        "alias",
        "fee",
        "e_result",
        "created_at",
        "updated_at",
    ),
    "officers": ("name", "name_key", "added_at"),
    "points": ("name", "name_key", "code_prefix", "added_at"),
    "calendar_days": ("day", "kind", "name", "added_at"),
    "calendar_rulings": ("day", "verdict", "reason", "decided_at"),
    "code_sequences": ("prefix", "day", "block", "last"),
    "events": EVENT_COLUMNS,
    "dossiers": ALL_DOSSIER_COLUMNS,
    "pauses": ("dossier_code", *_ROUND_COLUMNS),
    "ratings": ("dossier_code", "rating", "comment", "rated_at", "via"),
}
#: The small tables, copied row by row, with the columns that name a row.
COPY_KEYS: dict[str, tuple[str, ...]] = {
    "settings": ("key",),
    "procedures": ("code",),
    "officers": ("name_key",),
    "points": ("name_key",),
    "calendar_days": ("day",),
    "calendar_rulings": ("day",),
    "code_sequences": ("prefix", "day", "block"),
    "ratings": ("dossier_code",),
}


class EventKey(NamedTuple):
    """An event as a merge compares it: which one (uid), of which dossier, what step, when."""

    id: int
    uid: str
    dossier_code: str | None
    step: str
    happened_at: datetime
    undoes: int | None


@dataclass(frozen=True)
class StoredDossier:
    """A dossier exactly as stored — every column of its row, every column of its supplement
    rounds — for moving it to another database (merge, full export) without loss."""

    values: tuple[Any, ...]  # in ALL_DOSSIER_COLUMNS order
    rounds: tuple[tuple[Any, ...], ...] = ()  # each in _ROUND_COLUMNS order, oldest first

    @classmethod
    def of(cls, row: Mapping[str, Any], rounds: Iterable[Mapping[str, Any]]) -> "StoredDossier":
        return cls(
            tuple(row[c] for c in ALL_DOSSIER_COLUMNS),
            tuple(tuple(r[c] for c in _ROUND_COLUMNS) for r in rounds),
        )

    @property
    def code(self) -> str:
        return str(self.values[0])

    def get(self, column: str) -> Any:
        return self.values[_DOSSIER_INDEX[column]]

    def row(self) -> dict[str, Any]:
        return dict(zip(ALL_DOSSIER_COLUMNS, self.values, strict=True))

    def round_rows(self) -> list[dict[str, Any]]:
        return [{"dossier_code": self.code, **dict(zip(_ROUND_COLUMNS, r, strict=True))} for r in self.rounds]

    def life(self) -> Life:
        """The dossier's life as its row and rounds state it."""
        rounds = self.round_rows()
        return _life(cast(sqlite3.Row, self.row()), cast("list[sqlite3.Row]", rounds))

    def with_value(self, column: str, value: Any) -> "StoredDossier":
        values = list(self.values)
        values[_DOSSIER_INDEX[column]] = value
        return replace(self, values=tuple(values))


def new_dossier_values(
    code: str, details: Details, life: Life, stamp: str, imported_by: int | None = None
) -> tuple[Any, ...]:
    return (
        code,
        details.procedure,
        details.field,
        details.applicant,
        details.search_text(code),
        details.id_number,
        details.phone,
        details.address,
        details.note,
        details.channel,
        details.point,
        int(details.limit_overridden),
        *service_values(details.service),
        *life_values(life),
        imported_by,
        stamp,
        stamp,
    )


def round_values(code: str, r: Round) -> tuple[Any, ...]:
    c = r.counting
    return (
        code,
        _iso(r.paused_at),
        r.policy,
        r.reason,
        r.left,
        _iso(r.resumed_at),
        _iso(c.anchor) if c else None,
        c.unit if c else None,
        c.amount if c else None,
        _iso(c.due.due_at) if c else None,
    )


def _event(r: sqlite3.Row) -> Event:
    return Event(
        r["id"],
        r["dossier_code"],
        r["step"],
        _moment(r["happened_at"]),
        _moment(r["recorded_at"]),
        r["actor"],
        json.loads(r["details"]),
        r["undoes"],
        r["uid"],
    )


def _procedure(row: sqlite3.Row) -> Procedure:
    return Procedure(
        row["code"],
        row["name"],
        row["field"],
        row["time_limit"],
        row["alias"],
        row["fee"],
        bool(row["e_result"]),
    )


class Store:
    """An open tthc database."""

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
    def open(cls, path: Path, *, create: bool = False, upto: int = LATEST) -> "Store":
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
    def open_readonly(cls, path: Path, *, source: bool = False) -> "Store":
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
    def reading(cls, path: Path) -> Iterator["Store"]:
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
    def open_source(cls, path: Path, scratch: Path) -> "Store":
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
    def _open_source(cls, path: Path, scratch: Path, shown: Path) -> "Store":
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
    def reading_source(cls, path: Path, scratch: Path) -> Iterator["Store"]:
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

    def ask(
        self,
        query: Callable[Concatenate[sqlite3.Connection, _Asked], _Answer],
        *args: _Asked.args,
        **kwargs: _Asked.kwargs,
    ) -> _Answer:
        """One reporting query of ``tthc.storage.queries`` run on this store, so that nothing
        outside the storage layer holds a connection: ``store.ask(queries.handovers, by, …)``."""
        return query(self.conn, *args, **kwargs)

    def rollup_rows(self) -> Iterator[tuple[Any, ...]]:
        """Every dossier as a province's roll-up reads it: its keys, its moments, what was
        decided (timeliness, the deadline stored now) and whether it had supplement rounds
        (whose due dates in force are read from its life, not from ``deadline``)."""
        yield from self.conn.execute(
            "SELECT d.code, d.procedure_code, d.field, d.channel, d.point, d.officer, d.status,"
            " d.received_at, d.resolved_at, d.outcome, d.timeliness, d.returned_at, d.withdrawn_at,"
            " d.due_date, d.deadline, EXISTS (SELECT 1 FROM pauses p WHERE p.dossier_code = d.code),"
            f" d.closed_at FROM dossiers d WHERE {visible_sql('d')}"
        )

    def codes_with_rounds(self) -> list[str]:
        """The dossiers that ever waited for papers."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT dossier_code FROM pauses")]

    def completions(self, kind: str, incomplete: str, limit: int = 50) -> list[str]:
        """Codes that begin with ``incomplete``, for the shell's completion: dossier codes in
        full, or in their short form (``250908-0002``) after any unit code in use; procedure
        codes and aliases. Each is a range read on a primary key or a small table."""
        word = incomplete.strip()
        if kind == "procedure":
            rows = self.conn.execute(
                "SELECT code FROM procedures WHERE code LIKE :w ESCAPE '\\'"
                " UNION SELECT alias FROM procedures WHERE alias LIKE :w ESCAPE '\\' ORDER BY 1 LIMIT :n",
                {"w": _escape(word) + "%", "n": limit},
            )
            return [r[0] for r in rows]
        prefixes = [""] + [
            r[0] + "-"
            for r in self.conn.execute(
                "SELECT value FROM settings WHERE key = 'code_prefix'"
                " UNION SELECT code_prefix FROM points WHERE code_prefix IS NOT NULL"
            )
        ]
        found: list[str] = []
        for prefix in prefixes:
            start = prefix + word
            rows = self.conn.execute(
                f"SELECT code FROM dossiers WHERE code >= ? AND code < ? AND {visible_sql('')}"
                " ORDER BY code DESC LIMIT ?",
                (start, start + "\U0010ffff", limit - len(found)),
            )
            found += [r[0][len(prefix) :] for r in rows]
            if len(found) >= limit:
                break
        return found

    def backup_to(self, dest: Path) -> None:
        """A consistent copy of the whole database (WAL included) in a new file ``dest``."""
        if dest.exists():
            raise TthcError("{path} already exists; choose a new file name", path=dest)
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
        event_id: int | None = None,
        uid: str | None = None,
    ) -> int:
        """Append an event; a new one gets a random uid, a copied one (merge) keeps its own."""
        cur = self.conn.execute(
            "INSERT INTO events (id, dossier_code, step, happened_at, recorded_at, actor, details, undoes, uid)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event_id,
                dossier_code,
                step,
                _iso(happened_at),
                _iso(recorded_at),
                actor,
                json.dumps(dict(details or {}), ensure_ascii=False, sort_keys=True, default=str),
                undoes,
                uid or os.urandom(16).hex(),
            ),
        )
        return int(cur.lastrowid or 0)

    def events(self, dossier_code: str) -> list[Event]:
        """The dossier's audit trail, oldest first, with the import that brought it, if any."""
        rows = self.conn.execute(
            "SELECT * FROM events WHERE dossier_code = ?"
            " OR id = (SELECT imported_by FROM dossiers WHERE code = ?) ORDER BY id",
            (dossier_code, dossier_code),
        ).fetchall()
        return [_event(r) for r in rows]

    def active_steps(self, dossier_code: str) -> list[Event]:
        """The dossier's life-cycle steps that have not been undone (``lifecycle.undone``),
        oldest first."""
        events = self.events(dossier_code)
        gone = undone(events)
        return [e for e in events if e.dossier_code == dossier_code and e.step in STEPS and e.id not in gone]

    def handovers(self, codes: Sequence[str]) -> dict[str, list[Event]]:
        """The handovers still standing (not undone) of many dossiers, oldest first, by code:
        what the log book needs for a whole period in a few queries."""
        out: dict[str, list[Event]] = {}
        for i in range(0, len(codes), 500):
            chunk = list(codes[i : i + 500])
            rows = self.conn.execute(
                "SELECT * FROM events e WHERE e.step = 'handover'"
                f" AND e.dossier_code IN ({', '.join('?' * len(chunk))})"
                f" AND {standing_sql('e')} ORDER BY e.id",
                chunk,
            )
            for r in rows:
                out.setdefault(r["dossier_code"], []).append(_event(r))
        return out

    def next_event_id(self) -> int:
        """The id the next event will get (inside a write transaction nobody else adds one)."""
        return int(self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM events").fetchone()[0])

    def has_event(self, step: str) -> bool:
        return (
            self.conn.execute(
                f"SELECT 1 FROM events WHERE step = ? AND {visible_event_sql()} LIMIT 1", (step,)
            ).fetchone()
            is not None
        )

    def calendar_changes_since(self, event_id: int) -> set[date]:
        """The days the center's calendar changed on, in changes recorded after event ``event_id``."""
        rows = self.conn.execute(
            "SELECT details FROM events WHERE step LIKE 'calendar.%' AND id > ?", (event_id,)
        )
        return {date.fromisoformat(json.loads(r[0])["day"]) for r in rows}

    def identity(self) -> str | None:
        """Which database this is, as its copies (backup, restore, a full copy) keep it: the
        uid of the first event it recorded, its ``init`` (random, never reused). None for a
        database that never recorded anything."""
        row = self.conn.execute("SELECT uid FROM events ORDER BY id LIMIT 1").fetchone()
        return None if row is None else str(row[0])

    # -- settings ------------------------------------------------------------------------
    def settings(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self.conn.execute("SELECT key, value FROM settings")}

    def put_setting(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- the center's calendar -----------------------------------------------------------
    def calendar_overrides(self) -> tuple[dict[date, str], dict[date, str]]:
        off: dict[date, str] = {}
        work: dict[date, str] = {}
        for row in self.conn.execute("SELECT day, kind, name FROM calendar_days"):
            (off if row["kind"] == "off" else work)[date.fromisoformat(row["day"])] = row["name"]
        return off, work

    def calendar_day(self, day: date) -> CalendarDay | None:
        row = self.conn.execute("SELECT * FROM calendar_days WHERE day = ?", (day.isoformat(),)).fetchone()
        return None if row is None else CalendarDay(day, row["kind"], row["name"])

    def put_calendar_day(self, day: date, kind: str, name: str, added_at: datetime) -> None:
        self.conn.execute(
            "INSERT INTO calendar_days (day, kind, name, added_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name,"
            " added_at = excluded.added_at",
            (day.isoformat(), kind, name, _iso(added_at)),
        )

    def delete_calendar_day(self, day: date) -> None:
        self.conn.execute("DELETE FROM calendar_days WHERE day = ?", (day.isoformat(),))

    def calendar_rulings(self) -> dict[date, bool]:
        """The center's verdicts on unconfirmed days: True confirmed off, False rejected."""
        rows = self.conn.execute("SELECT day, verdict FROM calendar_rulings")
        return {date.fromisoformat(r["day"]): r["verdict"] == "confirmed" for r in rows}

    def put_calendar_ruling(self, day: date, confirmed: bool, reason: str, decided_at: datetime) -> None:
        self.conn.execute(
            "INSERT INTO calendar_rulings (day, verdict, reason, decided_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (day) DO UPDATE SET verdict = excluded.verdict, reason = excluded.reason,"
            " decided_at = excluded.decided_at",
            (day.isoformat(), "confirmed" if confirmed else "rejected", reason, _iso(decided_at)),
        )

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
    def procedure(self, code_or_alias: str) -> Procedure | None:
        key = code_or_alias.strip()
        row = self.conn.execute(
            "SELECT * FROM procedures WHERE code = ? OR alias = ? COLLATE NOCASE", (key, key)
        ).fetchone()
        return None if row is None else _procedure(row)

    def procedures(self, field: str | None = None) -> list[Procedure]:
        if field:
            rows = self.conn.execute(
                "SELECT * FROM procedures WHERE field = ? COLLATE NOCASE ORDER BY field, code", (field,)
            )
        else:
            rows = self.conn.execute("SELECT * FROM procedures ORDER BY field, code")
        return [_procedure(r) for r in rows]

    def put_procedure(self, proc: Procedure, now: datetime, *, new: bool) -> None:
        values = (
            proc.name,
            proc.field,
            proc.limit,
            proc.alias,
            proc.fee,
            int(proc.e_result),
            _iso(now),
            proc.code,
        )
        if new:
            self.conn.execute(
                "INSERT INTO procedures (name, field, time_limit, alias, fee, e_result, updated_at, code, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, _iso(now)),
            )
        else:
            self.conn.execute(
                "UPDATE procedures SET name = ?, field = ?, time_limit = ?, alias = ?, fee = ?, e_result = ?,"
                " updated_at = ? WHERE code = ?",
                values,
            )

    def fields(self) -> list[str]:
        """Every field named in the catalog or by a dossier."""
        rows = self.conn.execute(f"SELECT field FROM procedures UNION SELECT DISTINCT field FROM dossiers WHERE {visible_sql('')}"
        )
        return sorted({r[0] for r in rows})

    # -- officers and points -------------------------------------------------------------
    def names(self, kind: Kind) -> list[Registered]:
        rows = self.conn.execute(f"SELECT * FROM {_TABLES[kind]} ORDER BY name_key")
        return [Registered(r["name"], r["code_prefix"] if kind == "point" else None) for r in rows]

    def find_name(self, kind: Kind, key: str) -> Registered | None:
        row = self.conn.execute(f"SELECT * FROM {_TABLES[kind]} WHERE name_key = ?", (key,)).fetchone()
        if row is None:
            return None
        return Registered(row["name"], row["code_prefix"] if kind == "point" else None)

    def add_name(
        self, kind: Kind, name: str, key: str, added_at: datetime, prefix: str | None = None
    ) -> None:
        if kind == "point":
            self.conn.execute(
                "INSERT INTO points (name, name_key, code_prefix, added_at) VALUES (?, ?, ?, ?)",
                (name, key, prefix, _iso(added_at)),
            )
        else:
            self.conn.execute(
                "INSERT INTO officers (name, name_key, added_at) VALUES (?, ?, ?)",
                (name, key, _iso(added_at)),
            )

    # -- dossiers ------------------------------------------------------------------------
    _SELECT = "SELECT d.*, p.name AS procedure_name FROM dossiers d LEFT JOIN procedures p ON p.code = d.procedure_code"

    def _rounds_of(self, codes: Sequence[str]) -> dict[str, list[sqlite3.Row]]:
        out: dict[str, list[sqlite3.Row]] = {}
        for i in range(0, len(codes), 500):
            chunk = codes[i : i + 500]
            rows = self.conn.execute(
                f"SELECT * FROM pauses WHERE dossier_code IN ({', '.join('?' * len(chunk))}) ORDER BY id",
                chunk,
            )
            for p in rows:
                out.setdefault(p["dossier_code"], []).append(p)
        return out

    def _records(self, rows: list[sqlite3.Row]) -> list[Dossier]:
        rounds = self._rounds_of([r["code"] for r in rows])
        return [_dossier(r, rounds.get(r["code"], ())) for r in rows]

    def dossier(self, code: str) -> Dossier | None:
        row = self.conn.execute(self._SELECT + f" WHERE d.code = ? AND {VISIBLE}", (code.strip(),)).fetchone()
        if row is None:
            return None
        return replace(self._records([row])[0], rating=self.rating(row["code"]))

    def rating(self, code: str) -> Rating | None:
        """The citizen's rating of the dossier, if given."""
        r = self.conn.execute("SELECT * FROM ratings WHERE dossier_code = ?", (code,)).fetchone()
        if r is None:
            return None
        return Rating(r["rating"], r["comment"], _moment(r["rated_at"]), r["via"])

    def take_back_facts(self, code: str, step: str, details: Mapping[str, Any]) -> None:
        """What an undone step recorded besides the timeline, taken back: a resolution's
        electronic result (as it was before), a return's rating given at the counter."""
        if step == "resolve" and "e_result" in details:
            before = details.get("e_result_before")
            self.conn.execute(
                "UPDATE dossiers SET e_result = ? WHERE code = ?",
                (None if before is None else int(before), code),
            )
        elif step == "return" and "rating" in details:
            self.conn.execute("DELETE FROM ratings WHERE dossier_code = ? AND via = 'counter'", (code,))

    def put_rating(self, code: str, rating: Rating) -> None:
        """Record the citizen's rating; a second one for the dossier is refused by the key."""
        self.conn.execute(
            "INSERT INTO ratings (dossier_code, rating, comment, rated_at, via) VALUES (?, ?, ?, ?, ?)",
            (code, rating.rating, rating.comment, _iso(rating.rated_at), rating.via),
        )

    def last_step_at(self, code: str) -> datetime | None:
        """When the dossier's latest step that still stands happened."""
        steps = self.active_steps(code)
        return max((e.happened_at for e in steps), default=None)

    def insert_dossier(self, code: str, details: Details, life: Life, now: datetime) -> None:
        self.conn.execute(INSERT_DOSSIER, new_dossier_values(code, details, life, _iso(now) or ""))
        for r in life.rounds:
            self.conn.execute(INSERT_ROUND, round_values(code, r))

    def save_life(self, life: Life, now: datetime) -> None:
        """Write a dossier's new state: its row and its supplement rounds."""
        sets = ", ".join(f"{c} = ?" for c in LIFE_COLUMNS)
        self.conn.execute(
            f"UPDATE dossiers SET {sets}, updated_at = ? WHERE code = ?",
            (*life_values(life), _iso(now), life.code),
        )
        ids = [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM pauses WHERE dossier_code = ? ORDER BY id", (life.code,)
            )
        ]
        for pause_id in ids[len(life.rounds) :]:
            self.conn.execute("DELETE FROM pauses WHERE id = ?", (pause_id,))
        sets = ", ".join(f"{c} = ?" for c in _ROUND_COLUMNS)
        for i, r in enumerate(life.rounds):
            values = round_values(life.code, r)
            if i < len(ids):
                self.conn.execute(f"UPDATE pauses SET {sets} WHERE id = ?", (*values[1:], ids[i]))
            else:
                self.conn.execute(INSERT_ROUND, values)

    def update_details(self, code: str, values: Mapping[str, Any], now: datetime) -> None:
        """Change details that are not the dossier's life (applicant, phone, point …)."""
        allowed = {"applicant", "phone", "address", "note", "id_number", "point", "officer", "search_text"}
        allowed |= set(SERVICE_COLUMNS)
        assert set(values) <= allowed, values
        sets = ", ".join(f"{col} = ?" for col in values)
        self.conn.execute(
            f"UPDATE dossiers SET {sets}, updated_at = ? WHERE code = ?", (*values.values(), _iso(now), code)
        )

    def delete_dossier(self, code: str) -> None:
        self.conn.execute("DELETE FROM ratings WHERE dossier_code = ?", (code,))
        self.conn.execute("DELETE FROM dossiers WHERE code = ?", (code,))

    def lives(self, codes: Sequence[str]) -> dict[str, Life]:
        """The lives of the given dossiers, by code."""
        out: dict[str, Life] = {}
        for i in range(0, len(codes), 500):
            chunk = list(codes[i : i + 500])
            rows = self.conn.execute(
                f"SELECT * FROM dossiers d WHERE code IN ({', '.join('?' * len(chunk))}) AND {VISIBLE}", chunk
            ).fetchall()
            rounds = self._rounds_of(chunk)
            out.update((r["code"], _life(r, rounds.get(r["code"], ()))) for r in rows)
        return out

    def dossiers(self, codes: Sequence[str]) -> dict[str, Dossier]:
        """The given dossiers, by code (those that no longer exist are left out)."""
        out: dict[str, Dossier] = {}
        for i in range(0, len(codes), 500):
            chunk = list(codes[i : i + 500])
            rows = self.conn.execute(
                self._SELECT + f" WHERE d.code IN ({', '.join('?' * len(chunk))}) AND {VISIBLE}", chunk
            ).fetchall()
            out.update((d.code, d) for d in self._records(rows))
        return out

    def open_lives(self, *, closed_too: bool = False) -> Iterator[Life]:
        """Every open dossier's life (for laying due dates again after a calendar change);
        with ``closed_too``, every dossier's (for checking stored due dates)."""
        where = f" WHERE {VISIBLE}" + ("" if closed_too else f" AND {OPEN_SQL}")
        rows = self.conn.execute(
            f"SELECT d.* FROM dossiers d{where} ORDER BY d.received_at, d.code"
        ).fetchall()
        rounds = self._rounds_of([r["code"] for r in rows])
        for r in rows:
            yield _life(r, rounds.get(r["code"], ()))

    def find(self, q: DossierQuery, order: str = "worklist") -> list[Dossier]:
        where, params = _where(q, self.search_match(q.words))
        sql = self._SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += (
            " ORDER BY d.due_date IS NULL, d.deadline, d.received_at"
            if order == "worklist"
            else " ORDER BY d.received_at, d.code"
        )
        if q.limit is not None:
            sql += f" LIMIT {int(q.limit)}"
        return self._records(self.conn.execute(sql, params).fetchall())

    def count(self, q: DossierQuery) -> int:
        where, params = _where(q, self.search_match(q.words))
        sql = "SELECT count(*) FROM dossiers d" + (" WHERE " + " AND ".join(where) if where else "")
        return int(self.conn.execute(sql, params).fetchone()[0])

    def stream(self, q: DossierQuery, batch: int = 2000) -> Iterator[Dossier]:
        """Every dossier ``q`` selects, oldest receipt first, a batch at a time (for exports)."""
        where, params = _where(q, self.search_match(q.words))
        sql = (
            self._SELECT
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY d.received_at, d.code"
        )
        cursor = self.conn.execute(sql, params)
        while rows := cursor.fetchmany(batch):
            yield from self._records(rows)

    def search_match(self, words: Sequence[str]) -> str | None:
        """What the search index is asked for ``words``: their pieces of three characters,
        without those that many rows hold (the "ngu" of "nguyen"), which rule out little and
        cost a read of most of the index. None when no word is three characters long or every
        piece is that common: such rows are read faster from the table itself. How common a
        piece is, is read from the latest ``SAMPLE_ROWS`` dossiers only, so the cost does not
        grow with the history."""
        pieces = search_pieces(words)
        if not pieces:
            return None
        top = int(self.conn.execute("SELECT coalesce(max(rowid), 0) FROM dossiers").fetchone()[0])
        most = min(top, SAMPLE_ROWS) * COMMON_SHARE
        rare = [
            p
            for p in pieces
            if self.conn.execute(
                f"SELECT count(*) FROM {SEARCH_INDEX} WHERE {SEARCH_INDEX} MATCH ? AND rowid > ?",
                (_phrase(p), top - SAMPLE_ROWS),
            ).fetchone()[0]
            <= most
        ]
        return " AND ".join(_phrase(p) for p in rare) if rare else None

    # -- codes ---------------------------------------------------------------------------
    def codes_like(self, text: str) -> list[str]:
        """The code itself if a dossier has it; else every code given once (undone receipts
        too) that equals ``text`` in any case."""
        if self.conn.execute(f"SELECT 1 FROM dossiers WHERE code = ? AND {visible_sql('')}", (text,)).fetchone():
            return [text]
        rows = self.conn.execute(
            f"SELECT code FROM dossiers WHERE code = ? COLLATE NOCASE AND {visible_sql('')}"
            " UNION SELECT dossier_code FROM events WHERE dossier_code = ? COLLATE NOCASE",
            (text, text),
        )
        return [r[0] for r in rows]

    def codes_ending(self, suffix: str) -> list[str]:
        """The dossiers' codes that end with ``suffix`` (the short form of a generated code)."""
        rows = self.conn.execute(
            f"SELECT code FROM dossiers WHERE code LIKE ? ESCAPE '\\' AND {visible_sql('')}", ("%" + _escape(suffix),)
        )
        return [r[0] for r in rows]

    def timeline_changes(self) -> list[Event]:
        """Undo events and steps recorded with a correction, oldest first."""
        rows = self.conn.execute(
            "SELECT * FROM events WHERE step = 'undo' OR json_extract(details, '$.correction') IS NOT NULL ORDER BY id"
        )
        return [_event(r) for r in rows]

    def used_codes(self, codes: list[str]) -> dict[str, str]:
        """Of ``codes``, those ever given, each with the spelling it was given in (the code
        itself when it was given as typed). A code is taken once it was given, even if its
        receipt was undone, and in any letter case: ``x-250908-0001`` is ``X-250908-0001``.
        One query for a whole batch of an import."""
        if not codes:
            return {}
        rows = self.conn.execute(_USED_CODES, (json.dumps(codes),)).fetchall()
        return {r[0]: r[1] for r in rows}

    # -- read-only look-ups for the web side --------------------------------------------------
    def dossier_keys(self, typed_code: str) -> "DossierKeys | None":
        """The stored code and the numbers a citizen proves with, for a code typed in any case
        (the ``dossiers_by_code_nocase`` index answers; the code as typed first)."""
        row = self.conn.execute(
            f"SELECT code, phone, id_number FROM dossiers WHERE code = ? COLLATE NOCASE AND {visible_sql('')}"
            " ORDER BY code = ? DESC LIMIT 1",
            (typed_code, typed_code),
        ).fetchone()
        return None if row is None else DossierKeys(row["code"], row["phone"], row["id_number"])

    def proof_keys(self, typed_code: str) -> "tuple[DossierKeys, bool]":
        """What a citizen's four digits are checked against, and whether a dossier has the code:
        the keys of the dossier with this code (in any case, the code as typed first), or, when
        none has it, of a dossier picked at random. Both answers take the same two statements,
        one index search and one row read, so the time a look-up takes does not tell whether
        the code exists (reading no row was measured 0.5 ms faster on 1.2M dossiers)."""
        found, top = self.conn.execute(
            f"SELECT (SELECT rowid FROM dossiers WHERE code = ? COLLATE NOCASE AND {visible_sql('')}"
            " ORDER BY code = ? DESC LIMIT 1),"
            # decoys below an import's hidden rows, if any: a draw among them would read on
            # through the hidden ones to the next row seen
            " (SELECT min(coalesce((SELECT min(lo) - 1 FROM hidden_batch), max(rowid)), max(rowid)) FROM dossiers)",
            (typed_code, typed_code),
        ).fetchone()
        decoy = 1 + int.from_bytes(os.urandom(4)) % (top or 1)  # drawn either way: the same work
        target = decoy if found is None else found
        row = self.conn.execute(
            f"SELECT code, phone, id_number FROM dossiers WHERE rowid >= ? AND {visible_sql('')} ORDER BY rowid LIMIT 1",
            (target,),
        ).fetchone()
        keys = DossierKeys("", None, None) if row is None else DossierKeys(row[0], row[1], row[2])
        return keys, found is not None

    def ready_for_collection(self, limit: int) -> "list[ReadyResult]":
        """Results resolved and not yet returned, the latest resolved first.

        The worklist's order (soonest deadline first) would fill the waiting-room board with
        results nobody came for months ago and push today's off it; this walks the
        ``dossiers_by_end`` index backwards and stops at ``limit``.
        """
        rows = self.conn.execute(
            f"SELECT code, applicant, resolved_at FROM dossiers WHERE {status_sql('', 'resolved')} AND {visible_sql('')}"
            " ORDER BY coalesce(resolved_at, withdrawn_at) DESC LIMIT ?",
            (limit,),
        )
        return [
            ReadyResult(r["code"], r["applicant"], datetime.fromisoformat(r["resolved_at"])) for r in rows
        ]

    def minter(self, block: CodeBlock = WHOLE_DAY) -> "CodeMinter":
        return CodeMinter(self, block)

    # -- the code book the code-giving rule (tthc.core.codes.CodeMinter) asks ------------------
    def every_code(self) -> set[str]:
        """Every code the database ever gave, as given: its dossiers' and its events'."""
        rows = self.conn.execute(
            "SELECT code FROM dossiers UNION ALL SELECT dossier_code FROM events WHERE dossier_code IS NOT NULL"
        )
        return {code for (code,) in rows}

    def last_number(self, prefix: str, day: str, block_first: int) -> int | None:
        row = self.conn.execute(
            "SELECT last FROM code_sequences WHERE prefix = ? AND day = ? AND block = ?",
            (prefix, day, block_first),
        ).fetchone()
        return None if row is None else int(row[0])

    def save_last_number(self, prefix: str, day: str, block_first: int, last: int) -> None:
        self.conn.execute(
            "INSERT INTO code_sequences (prefix, day, block, last) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (prefix, day, block) DO UPDATE SET last = max(last, excluded.last)",
            (prefix, day, block_first, last),
        )

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
        conn.execute("PRAGMA cache_size = -262144")  # a big load touches the indexes all over
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
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'dossiers'"
            " AND (name IN ('dossiers_count_insert', 'dossiers_search_insert')"
            " OR (sql LIKE '%AFTER INSERT ON dossiers%' AND instr(sql, ?)))",
            (BULK_MARKER,),
        ).fetchall()
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("PRAGMA ignore_check_constraints = ON")
        try:
            loader = BulkLoader(conn, without_indexes=bool(indexes))
            yield loader
        finally:
            conn.execute("PRAGMA ignore_check_constraints = OFF")
        _check_new_rows(conn, {"dossiers": before, "pauses": rounds_before})
        for _, sql in triggers:
            conn.execute(sql)
        for _, sql in indexes:
            conn.execute(sql)
        backfill_counts(conn.execute, after_rowid=before)
        backfill_closed(conn.execute, after_rowid=before)
        backfill_search(conn.execute, after_rowid=before)
        conn.execute("DELETE FROM settings WHERE key = ?", (BULK_MARKER,))

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
    ) -> Iterator[StoredDossier]:
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

    def _stored(self, rows: list[sqlite3.Row]) -> list[StoredDossier]:
        rounds = self._rounds_of([r["code"] for r in rows])
        return [
            StoredDossier(
                tuple(r),
                tuple(tuple(p[c] for c in _ROUND_COLUMNS) for p in rounds.get(r["code"], ())),
            )
            for r in rows
        ]

    def put_stored_dossier(self, d: StoredDossier, *, replacing: bool) -> None:
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


# -- restoring a copy into the live database -----------------------------------------------------
def restore_into(live: Path, source: Store, kept: Callable[[], Path]) -> Path:
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
    store = Store(conn, live)
    path: Path | None = None
    try:
        conn.execute("PRAGMA foreign_keys = OFF")  # the tables go and come back whole
        conn.execute("ATTACH DATABASE ? AS src", (source.uri or source_uri(source.path),))
        with store.write():
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


#: Which of a batch of codes were ever given, in any letter case (the two NOCASE indexes
#: answer it), each with its spelling, the one typed first when it was given that way too.
_USED_CODES = """
    SELECT value, used FROM (
        SELECT j.value, coalesce(
            (SELECT code FROM dossiers WHERE code = j.value),
            (SELECT dossier_code FROM events WHERE dossier_code = j.value LIMIT 1),
            (SELECT code FROM dossiers WHERE code = j.value COLLATE NOCASE LIMIT 1),
            (SELECT dossier_code FROM events WHERE dossier_code = j.value COLLATE NOCASE LIMIT 1)
        ) AS used
        FROM json_each(?) AS j
    ) WHERE used IS NOT NULL
"""


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


#: Below this many rows a file is loaded with the indexes in place.
REBUILD_AFTER_ROWS = 20_000


@dataclass
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

    def __init__(self, store: Store, folder: Path) -> None:
        self.store = store
        self.path = folder / "stage.db"
        conn = sqlite3.connect(self.path, isolation_level=None)
        conn.execute("PRAGMA journal_mode = OFF")  # a scratch file: lost on a crash, never needed
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")
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
        """Inside a write transaction: the staged rows ``first``..``last`` in, unseen."""
        columns = ", ".join(ALL_DOSSIER_COLUMNS)
        picked = ", ".join(str(int(imported_by)) if c == "imported_by" else c for c in ALL_DOSSIER_COLUMNS)
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
        self.store.conn.execute("ATTACH DATABASE ? AS stage", (str(self.path),))
        try:
            yield
        finally:
            self.store.conn.execute("DETACH DATABASE stage")


@contextmanager
def _copying(table: str, row: Mapping[str, Any]) -> Iterator[None]:
    """A copied row the database refuses (a broken file) is a refusal naming it, not a crash."""
    try:
        yield
    except sqlite3.IntegrityError as exc:
        key = ", ".join(f"{k}={row[k]}" for k in (*COPY_KEYS.get(table, ()), "code", "uid") if k in row)
        raise TthcError("cannot copy the {table} row {key}: {reason}; nothing was written", table=table, key=key, reason=str(exc)) from None


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(word: str) -> str:
    return "%" + _escape(word) + "%"


#: How common a piece of a searched word is, is read from this many of the latest dossiers;
#: one held by more than this share of them is not asked of the search index.
SAMPLE_ROWS = 5000
COMMON_SHARE = 0.2


def _phrase(piece: str) -> str:
    return '"' + piece.replace('"', '""') + '"'


def search_pieces(words: Iterable[str]) -> list[str]:
    """The pieces of three characters the trigram index is asked for: every one of each word
    of three characters or more (a shorter word is looked for by ``LIKE`` alone). A row
    holding a word holds all its pieces, so the index never misses a row the ``LIKE`` keeps."""
    pieces: dict[str, None] = {}
    for word in words:
        for i in range(len(word) - 2):
            pieces[word[i : i + 3]] = None
    return list(pieces)


def _where(q: DossierQuery, match: str | None = None) -> tuple[list[str], list[Any]]:
    """SQL conditions (on ``dossiers d``) for a query; ``match`` asks the search index first."""
    where: list[str] = [VISIBLE]
    params: list[Any] = []
    for column, value in (
        ("d.status = ?", q.status),
        ("d.field = ? COLLATE NOCASE", q.field),
        ("d.procedure_code = ?", q.procedure),
        ("d.point = ?", q.point),
        ("d.officer = ?", q.officer),
        ("d.channel = ?", q.channel),
        ("d.received_at >= ?", q.received_from.isoformat() if q.received_from else None),
        ("d.due_date >= ?", q.due_from.isoformat() if q.due_from else None),
        ("d.due_date <= ?", q.due_to.isoformat() if q.due_to else None),
    ):
        if value is not None:
            where.append(column)
            params.append(value)
    if q.received_to is not None:
        where.append("d.received_at < date(?, '+1 day')")
        params.append(q.received_to.isoformat())
    if q.overdue_at is not None:  # deadlines.is_overdue over the stored deadline
        where.extend([OPEN_SQL, overdue_sql("d.deadline", "?")])
        params.append(_iso(q.overdue_at))
    if q.due_by is not None:
        where.extend([OPEN_SQL, "d.due_date <= ?"])
        params.append(q.due_by.isoformat())
    if match is not None:  # the trigram index finds the rows holding its pieces; the LIKEs decide
        where.append(f"d.rowid IN (SELECT rowid FROM {SEARCH_INDEX} WHERE {SEARCH_INDEX} MATCH ?)")
        params.append(match)
    for word in q.words:
        where.append("d.search_text LIKE ? ESCAPE '\\'")
        params.append(_like(word))
    if q.to_forward:
        where.append(
            "d.for_authority IS NOT NULL AND d.forwarded_at IS NULL AND "
            + status_sql("d", *ALLOWED["forward"])  # the forward step's own rule
        )
    if q.to_notify:  # breaches.to_tell, as a first sieve
        # Two selects, not one OR: each reads a small partial index (results not yet returned,
        # open dossiers); SQLite cannot split an OR over them and would read every row.
        where.append(
            "d.phone IS NOT NULL AND d.rowid IN ("
            f"SELECT d.rowid FROM dossiers d WHERE {status_sql('d', 'resolved')} AND d.timeliness = 'early'"
            " AND (d.notified_at IS NULL OR d.notified_at < d.resolved_at)"
            f" UNION ALL SELECT d.rowid FROM dossiers d WHERE {OPEN_SQL} AND d.apology_at IS NOT NULL"
            " AND (d.notified_at IS NULL OR d.notified_at < d.apology_at))"
        )
    return where, params


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
