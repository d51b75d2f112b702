"""Moving a center's data between systems without loss: the procedure catalog out in the
columns ``procedure import`` reads, and the full export — every row of every table a
dossier needs, its rounds, handovers, apologies and whole audit trail — out as JSON lines or a
workbook, and back in.

A full export read back is merged like another point's database (``tthc.app.merge``): into a
database that does not exist yet (or was never used) it becomes an exact copy, settings and
event numbers included; into a working one it brings what is missing, or lists the conflicts
and writes nothing.
"""

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tthc.app.context import Context
from tthc.app.dossiers import ListFilter
from tthc.app.interchange import ImportReport, import_file
from tthc.app.merge import MergeReport, PointData, merge
from tthc.core.errors import TthcError
from tthc.core.models import Event
from tthc.storage import files
from tthc.storage.migrations import LATEST
from tthc.storage.sheets import stream_row, workbook, write_table
from tthc.storage.store import COPY_COLUMNS, COPY_DEFAULTS, COPY_KEYS, Store
from tthc.storage.stored import StoredDossier
from tthc.storage.tables import workbook_reason

#: The columns of ``procedure export``: exactly those ``procedure import`` reads.
PROCEDURE_COLUMNS = ("code", "name", "field", "limit", "alias", "fee", "e_result")
#: The tables of a full export, in the order they are written and read back.
FULL_TABLES = (*COPY_KEYS, "events", "dossiers", "pauses")
META_KEY = "tthc_full_export"
FULL_SUFFIXES = (".jsonl", ".xlsx")


# -- the catalog -----------------------------------------------------------------------------------
def export_procedures(ctx: Context, path: Path) -> int:
    """Write the catalog to .csv or .xlsx; returns how many procedures."""
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise TthcError("{path}: expected a .csv or .xlsx file", path=path)
    procs = ctx.store().procedures()
    rows = [(p.code, p.name, p.field, p.limit, p.alias, p.fee, "yes" if p.e_result else "no") for p in procs]
    write_table(path, PROCEDURE_COLUMNS, rows, sheet="procedures")
    return len(procs)


# -- the full export out -------------------------------------------------------------------------------
@dataclass(frozen=True)
class FullExport:
    path: Path
    rows: dict[str, int]  # rows written per table


def export_full(ctx: Context, path: Path, f: ListFilter) -> FullExport:
    """Every table's rows (holiday cache and per-day counts apart: each database rebuilds
    them). Written owner-only: it holds citizens' ID numbers and phones."""
    if not f.is_morning_view():
        raise TthcError("--full exports everything: it takes no filters")
    suffix = path.suffix.lower()
    if suffix not in FULL_SUFFIXES:
        raise TthcError("{path}: a full export is a .jsonl or .xlsx file", path=path)
    store = ctx.store()
    counts = dict.fromkeys(FULL_TABLES, 0)

    def rows(table: str) -> Iterator[dict[str, Any]]:
        for row in _table_rows(store, table):
            counts[table] += 1
            yield row

    meta = {META_KEY: 1, "schema": LATEST, "exported_at": ctx.now.isoformat(timespec="seconds")}
    if suffix == ".jsonl":
        with files.opened(path, private=True) as fh:
            fh.write(json.dumps(meta) + "\n")
            for table in FULL_TABLES:
                for row in rows(table):
                    fh.write(json.dumps({"table": table, "row": row}, ensure_ascii=False) + "\n")
    else:
        _write_workbook(path, meta, rows)
    return FullExport(path, counts)


def _table_rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    if table in COPY_KEYS:
        yield from store.copy_rows(table)
    elif table == "events":
        yield from (_event_row(e) for e in store.copy_events())
    elif table == "dossiers":
        yield from (d.row() for d in store.stored_dossiers())
    else:
        for d in store.stored_dossiers():
            yield from d.round_rows()


def _event_row(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "uid": e.uid,
        "dossier_code": e.dossier_code,
        "step": e.step,
        "happened_at": e.happened_at.isoformat(timespec="seconds"),
        "recorded_at": e.recorded_at.isoformat(timespec="seconds"),
        "actor": e.actor,
        "details": json.dumps(e.details, ensure_ascii=False, sort_keys=True),
        "undoes": e.undoes,
    }


def _write_workbook(path: Path, meta: Mapping[str, Any], rows: Any) -> None:
    """One sheet per table, a "meta" sheet first; text is stored as text, never as a formula."""
    book = workbook(write_only=True)
    sheet = book.create_sheet("meta")
    for key, value in meta.items():
        stream_row(sheet, [key, value])
    for table in FULL_TABLES:
        sheet = book.create_sheet(table)
        columns = COPY_COLUMNS[table]
        stream_row(sheet, columns)
        for row in rows(table):
            stream_row(sheet, [row[column] for column in columns])
    files.save_workbook(book, path, private=True)


# -- the full export in ------------------------------------------------------------------------------
def is_full_export(path: Path) -> bool:
    """A .jsonl file is always read as a full export; a workbook is one if it has a "meta" sheet."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return True
    if suffix != ".xlsx" or not path.exists():
        return False
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception:
        return False  # the ordinary import says what is wrong with the file
    try:
        return "meta" in book.sheetnames
    finally:
        book.close()


def import_any(
    ctx: Context, path: Path, *, dry_run: bool = False, progress: Any = None, other_center: bool = False
) -> "ImportReport | MergeReport":
    """``tthc import``: a full export, or dossiers from a .csv/.xlsx table."""
    if is_full_export(path):
        return import_full(ctx, path, dry_run=dry_run, other_center=other_center)
    return import_file(ctx, path, dry_run=dry_run, progress=progress)


def import_full(
    ctx: Context, path: Path, *, dry_run: bool = False, other_center: bool = False
) -> MergeReport:
    """Load a full export: into a database that does not exist yet, an exact copy; into one
    that does, a merge. A refusal (or a dry run) leaves no database it had to create."""
    if not path.exists():
        raise TthcError("no such file: {path}", path=path)
    existed = ctx.db_path.exists()
    was_empty = existed and ctx.db_path.stat().st_size == 0
    store = ctx.create_store()
    try:
        data = read_full(path, {t: store.required_columns(t) for t in FULL_TABLES})
        report = merge(ctx, data, dry_run=dry_run, other_center=other_center)
    except BaseException:
        if not existed or was_empty:
            _undo_create(ctx, was_empty)
        raise
    if dry_run and (not existed or was_empty):
        _undo_create(ctx, was_empty)
    return report


def _undo_create(ctx: Context, was_empty: bool) -> None:
    """Put back what was there before a database was created for an import: nothing, or an
    empty file."""
    ctx.close()
    for suffix in ("-wal", "-shm"):
        Path(str(ctx.db_path) + suffix).unlink(missing_ok=True)
    if was_empty:
        ctx.db_path.write_bytes(b"")
    else:
        ctx.db_path.unlink(missing_ok=True)


def read_full(path: Path, required: Mapping[str, set[str]]) -> PointData:
    """A full export as the data of a point; any line or row that is not one is refused."""
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in FULL_TABLES}
    if path.suffix.lower() == ".jsonl":
        meta, rows = _jsonl(path)
    else:
        meta, rows = _workbook(path, required)
    _check_meta(path, meta)
    for where, table, row in rows:
        columns = COPY_COLUMNS.get(table)
        if columns is None:
            raise TthcError("{path}: {where}: {reason}", path=path, where=where, reason=f"unknown table {table!r}")
        for column, value in COPY_DEFAULTS.get(table, {}).items():
            row.setdefault(column, value)  # a copy made before the column existed
        missing = [c for c in columns if c not in row]
        if missing:
            raise TthcError("{path}: {where}: {reason}", path=path, where=where, reason=f"no column {missing[0]!r}")
        tables[table].append(row)
    try:
        events = [_event(r) for r in tables.pop("events")]
    except (TypeError, ValueError, KeyError) as exc:
        raise TthcError("{path}: {where}: {reason}", path=path, where="events", reason=exc) from None
    rounds: dict[str, list[dict[str, Any]]] = {}
    for r in tables.pop("pauses"):
        rounds.setdefault(str(r["dossier_code"]), []).append(r)
    dossiers = [StoredDossier.of(r, rounds.get(str(r["code"]), ())) for r in tables.pop("dossiers")]
    return PointData(str(path), tables, events, dossiers)


def _check_meta(path: Path, meta: Mapping[str, Any]) -> None:
    if meta.get(META_KEY) != 1 or not isinstance(meta.get("schema"), int):
        raise TthcError("{path} is not a tthc full export (made by `tthc export --full`)", path=path)
    if meta["schema"] > LATEST:
        raise TthcError("{path} was written by a newer tthc (schema {version}); upgrade tthc", path=path, version=meta["schema"])


Located = tuple[str, str, dict[str, Any]]  # where (line or sheet row), table, row


def _jsonl(path: Path) -> tuple[dict[str, Any], Iterator[Located]]:
    try:
        with path.open("r", encoding="utf-8") as fh:
            first = fh.readline()
        meta = json.loads(first)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise TthcError("{path} is not a tthc full export (made by `tthc export --full`)", path=path) from None
    if not isinstance(meta, dict):
        raise TthcError("{path} is not a tthc full export (made by `tthc export --full`)", path=path)

    def rows() -> Iterator[Located]:
        with path.open("r", encoding="utf-8") as fh:
            next(fh)
            for number, line in enumerate(fh, start=2):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                    table, row = item["table"], item["row"]
                except (json.JSONDecodeError, KeyError, TypeError) as exc:
                    raise TthcError("{path}: {where}: {reason}", path=path, where=number, reason=exc) from None
                if not isinstance(row, dict):
                    raise TthcError("{path}: {where}: {reason}", path=path, where=number, reason="not a row")
                yield str(number), str(table), row

    return meta, rows()


def _workbook(path: Path, required: Mapping[str, set[str]]) -> tuple[dict[str, Any], Iterator[Located]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception as exc:
        raise TthcError("{path}: not a readable .xlsx file ({reason})", path=path, reason=workbook_reason(exc)) from None
    if "meta" not in book.sheetnames:
        book.close()
        raise TthcError("{path} is not a tthc full export (made by `tthc export --full`)", path=path)
    meta = {str(r[0]): r[1] for r in book["meta"].iter_rows(values_only=True) if r and r[0] is not None}

    def rows() -> Iterator[Located]:
        try:
            for table in FULL_TABLES:
                if table not in book.sheetnames:
                    continue
                it = book[table].iter_rows(values_only=True)
                header = [str(h) for h in next(it, ()) if h is not None]
                needs_text = required.get(table, set())
                for number, cells in enumerate(it, start=2):
                    values = [cells[i] if i < len(cells) else None for i in range(len(header))]
                    # an empty text cell comes back as nothing: a column that needs text gets ""
                    row = {
                        h: ("" if v is None and h in needs_text else v)
                        for h, v in zip(header, values, strict=True)
                    }
                    yield f"{table}!{number}", table, row
        finally:
            book.close()

    return meta, rows()


def _event(r: Mapping[str, Any]) -> Event:
    details = r["details"]
    return Event(
        int(r["id"]),
        r["dossier_code"],
        str(r["step"]),
        datetime.fromisoformat(str(r["happened_at"])),
        datetime.fromisoformat(str(r["recorded_at"])),
        str(r["actor"]),
        json.loads(details) if isinstance(details, str) else dict(details),
        None if r["undoes"] is None else int(r["undoes"]),
        str(r["uid"]),
    )
