"""Importing a file of dossiers in one streaming, all-or-nothing transaction: the rows read
and checked into a stage outside the write lock, then copied in under it in one last step."""

from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc.app.context import Context
from tthc.app.inputs import code_taken
from tthc.app.interchange.rows import _ALIASES, BadRow, RowReader
from tthc.core.errors import Msg, TthcError
from tthc.core.models import name_key
from tthc.storage import files
from tthc.storage.store import (
    REBUILD_AFTER_ROWS,
    BulkLoader,
    CodeMinter,
    Stage,
    Store,
    new_dossier_values,
    round_values,
)
from tthc.storage.tables import BadRows, map_header, read_rows


@dataclass(frozen=True)
class ImportReport:
    file: str
    dossiers: int
    new_officers: list[str]
    new_points: list[str]
    unknown_columns: list[str]
    dry_run: bool


def _flush(loader: BulkLoader, reader: RowReader, errors: BadRows) -> None:
    """Write the rows read since the last flush, unless a code a row gave was ever used."""
    used = reader.minter.used(reader.given)
    reader.given.clear()
    if used:
        for number, values in loader.rows:
            if values[0] in used:
                errors.add(number, code_taken(values[0], used[values[0]]).msg)
    if errors:
        loader.drop()  # the file is refused anyway: keep looking for bad rows, stop writing
        return
    for number, code in loader.flush():
        errors.add(number, Msg("duplicate code {code} (already in the database or earlier in the file)", code=code))


def import_dossiers(ctx: Context, path: Path, *, dry_run: bool = False, progress: Any = None) -> ImportReport:
    """Load dossiers from .csv/.xlsx: all rows or none.

    Streams the file; every bad row is named with its number and reason, then nothing is
    written. A blank code gets a generated one; a given ``due_at`` is kept as the due date
    in force (migrated from the provincial system), otherwise it is computed. The import is
    one audit event, which each of its dossiers points at.

    The rows are read, stepped through the life cycle and checked outside the write lock,
    into a scratch database beside this one (:class:`tthc.storage.store.Stage`); the lock is held
    only for the last step, one transaction that checks the codes again against those given
    meanwhile and copies the rows in. A clerk at the counter waits for that step only.
    """
    header, rows = read_rows(path)
    mapping, unknown = map_header(header, _ALIASES, ("procedure", "received_at", "applicant"), path)
    store = ctx.store()
    marks = store.marks()  # the codes given after this are checked again under the lock
    minter = store.minter(ctx.station().block)
    reader = RowReader(ctx, store, {name: i for i, name in mapping.items()}, minter, len(header))
    with files.scratch_folder(ctx.db_path.parent, ".tthc-import-") as scratch:
        stage = Stage(store, scratch)
        try:
            staged = _stage_rows(ctx, path, rows, reader, stage, marks, progress)
            report = ImportReport(
                str(path),
                staged.count,
                reader.new_names["officer"],
                reader.new_names["point"],
                unknown,
                dry_run,
            )
            if not dry_run:
                with stage.attached():

                    def last_step() -> None:
                        _recheck(stage, store, minter, marks, staged, path)
                        _last_step(ctx, store, stage, minter, report)

                    store.write_giving_way(last_step)
        finally:
            stage.close()
    return report


@dataclass
class _Staged:
    """What the stage holds: how many rows, and of each (in staged order) its row number in
    the file and whether it gave its own code."""

    count: int = 0
    numbers: "array[int]" = field(default_factory=lambda: array("l"))
    given: bytearray = field(default_factory=bytearray)


def _stage_rows(
    ctx: Context,
    path: Path,
    rows: Iterable[tuple[int, list[Any]]],
    reader: RowReader,
    stage: Stage,
    marks: tuple[int, int],
    progress: Any,
) -> _Staged:
    """Every row of the file into the stage, outside the write lock; the bad rows refused."""
    errors = BadRows()
    staged = _Staged()
    stamp = ctx.now.isoformat(timespec="seconds")
    loader = stage.loader()
    # A file bigger than what is already there (≈ 90 bytes a row): codes asked from memory.
    if path.stat().st_size // 90 > max(marks[1], REBUILD_AFTER_ROWS):
        reader.minter.read_all()
    for number, cells in rows:
        try:
            code, details, life = reader.read(cells)
        except (BadRow, TthcError) as exc:
            errors.add(number, exc.msg)
            continue
        staged.count += 1
        loader.add(
            number,
            new_dossier_values(code, details, life, stamp, None),
            [round_values(code, r) for r in life.rounds],
        )
        staged.numbers.append(number)
        staged.given.append(reader.last_given)
        if len(loader.rows) >= 5000:
            _flush(loader, reader, errors)
            if progress is not None:
                progress(staged.count)
    _flush(loader, reader, errors)
    errors.raise_if_any(path)
    stage.finish()
    return staged


def _last_step(ctx: Context, store: Store, stage: Stage, minter: CodeMinter, report: ImportReport) -> None:
    """Under the write lock: the new names registered, the rows copied in, one audit entry."""
    for kind, names in (("officer", report.new_officers), ("point", report.new_points)):
        for name in names:
            key = name_key(name)
            if store.find_name("officer" if kind == "officer" else "point", key) is None:
                store.add_name("officer" if kind == "officer" else "point", name, key, ctx.now)
    event_id = store.next_event_id()
    stage.copy_in(event_id)
    minter.save()
    store.add_event(
        step="import",
        happened_at=ctx.now,
        recorded_at=ctx.now,
        actor=ctx.actor,
        details={
            "file": report.file,
            "dossiers": report.dossiers,
            "new_officers": report.new_officers,
            "new_points": report.new_points,
            "dry_run": False,
        },
        event_id=event_id,
    )


def _recheck(
    stage: Stage,
    store: Store,
    minter: CodeMinter,
    marks: tuple[int, int],
    staged: _Staged,
    path: Path,
) -> None:
    """Under the write lock: the staged codes against those given since the stage began. A
    code a row gave that was given meanwhile makes the row bad, as if it had been before; a
    code the import made up takes the next free number instead."""
    errors = BadRows()
    again: list[str] = []
    for rowid, code, taken in stage.clashes(store.codes_since(marks)):
        if staged.given[rowid - 1]:
            errors.add(staged.numbers[rowid - 1], code_taken(code, taken).msg)
        else:
            again.append(code)
    errors.raise_if_any(path)
    if again:
        fresh = minter.continued()
        for code in again:
            stage.recode(code, fresh.next(code.rsplit("-", 2)[0], stage.received_at(code)))
        fresh.save()


def import_file(ctx: Context, path: Path, *, dry_run: bool = False, progress: Any = None) -> ImportReport:
    return import_dossiers(ctx, path, dry_run=dry_run, progress=progress)
