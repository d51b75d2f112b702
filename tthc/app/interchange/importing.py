"""Importing a file of dossiers all or nothing: the rows read and checked into a stage
outside the write lock, then copied in short steps nobody sees until the last one
(``tthc.storage.hidden``)."""

import time as _time
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
from tthc.storage import files, hidden
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
    into a scratch database beside this one (:class:`tthc.storage.store.Stage`); then copied
    in short write transactions under rowids nobody sees until the last one
    (:mod:`tthc.storage.hidden`), the codes checked again before each against those given
    meanwhile. A clerk at the counter waits for one step at most.
    """
    header, rows = read_rows(path)
    mapping, unknown = map_header(header, _ALIASES, ("procedure", "received_at", "applicant"), path)
    store = ctx.store()
    if not dry_run:  # first: a killed import's codes are free again, and its rowids too
        hidden.remove_left_over(store)
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
                    _copy_in_steps(ctx, store, stage, minter, marks, staged, report, path, scratch)
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


def _copy_in_steps(
    ctx: Context,
    store: Store,
    stage: Stage,
    minter: CodeMinter,
    marks: tuple[int, int],
    staged: _Staged,
    report: ImportReport,
    path: Path,
    scratch: Path,
) -> None:
    """The staged rows into the database in short write transactions, unseen until the last
    (:mod:`tthc.storage.hidden`): a clerk's command waits for one step at most. Before each
    step the codes given meanwhile are checked again; the last step registers the new names
    and adds the counts, and the whole import appears at once. Anything failing on the way
    (a code taken meanwhile, an interrupt) removes what was copied, in steps too."""
    batch: tuple[int, int] | None = None
    steps = hidden.Steps(staged.count)
    try:
        for first, last in steps:
            if batch is not None:
                store.let_waiting_in()  # a clerk waiting for the lock goes first
            while True:
                try:
                    with store.write(ask_way=False):
                        started = _time.monotonic()  # the lock is ours: a wait for it is not the step's
                        _recheck(stage, store, minter, marks, staged, path)
                        if batch is None:
                            event_id = _import_event(ctx, store, report)
                            aside = stage.set_aside(event_id, scratch)
                            if aside is None:
                                raise _AnotherCopying  # rolled back whole: its turn comes after
                            batch = (aside[0], event_id)
                            minter.save()
                        stage.copy_step(batch[0], first, last, batch[1])
                        if first == 1:
                            _register_names(ctx, store, report)
                            stage.show(batch[0])
                        marks = store.marks()
                    steps.took(last - first + 1, _time.monotonic() - started)
                    break
                except _AnotherCopying:
                    hidden.remove_left_over(store)  # unless it was killed, it is copying now
                    _time.sleep(0.5)
        if batch is None:  # an empty file: the import's entry alone
            with store.write():
                _register_names(ctx, store, report)
                _import_event(ctx, store, report)
    except BaseException:
        if batch is not None:
            hidden.remove(store, batch[0], batch[1])
        raise


class _AnotherCopying(Exception):
    """Another import is copying its rows in (one hidden batch at a time): wait for it."""


def _register_names(ctx: Context, store: Store, report: ImportReport) -> None:
    for kind, names in (("officer", report.new_officers), ("point", report.new_points)):
        for name in names:
            key = name_key(name)
            if store.find_name("officer" if kind == "officer" else "point", key) is None:
                store.add_name("officer" if kind == "officer" else "point", name, key, ctx.now)


def _import_event(ctx: Context, store: Store, report: ImportReport) -> int:
    """The import's audit entry (unseen while its batch is hidden)."""
    event_id = store.next_event_id()
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
    return event_id


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
