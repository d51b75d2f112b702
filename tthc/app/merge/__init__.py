"""Bringing another reception point's data into this database: its dossiers with their whole
history, its officers, points, procedures and calendar days — from its database file
(``tthc merge``) or from a full export (``tthc import``) — in one transaction, all or nothing.

Events are known by their uid in every database, so a merge copies only what this one lacks
and merging the same file again changes nothing. Nothing in the file is taken on faith: each
of its dossiers is worked out again from its own events (``tthc.core.replay``) before a row of it
is believed, and a file of another center is refused.

A dossier on both sides is merged from both histories together: the steps neither side
undid are applied again through the life cycle, edits merge field by field. One that cannot
be merged so — steps that cannot both stand, a field edited to two values, an event
rewritten — is held aside (``merge_conflicts``) while the rest merges, until an undo or the
manager's ``--keep`` settles it. What is not one dossier's — two receipts under one code, a
procedure or a calendar day the two points define differently — still refuses the whole
file, with every conflict listed and nothing written.

Here the door: read the file, plan, refuse or write in one transaction. The jobs, in order:
``checking`` (is it this center's file, do its rows say what its events say), ``registers``
(the catalog, registers, calendar and code numbers that come), ``histories`` (dossiers both
points know, and the conflicts held aside or settled), ``writing`` (what the plan writes);
``data`` holds what they pass to each other.
"""

import tempfile
from pathlib import Path

from tthc.app.context import Context
from tthc.app.merge.checking import check_file, read_database, refuse_other_center
from tthc.app.merge.data import MOVES, Keep, Plan, PointData, keep_decision
from tthc.app.merge.histories import plan_dossiers
from tthc.app.merge.registers import plan_registers
from tthc.app.merge.writing import apply_plan
from tthc.core.errors import TthcError
from tthc.core.merging import MergeReport
from tthc.storage.store import Store

__all__ = [
    "MOVES",
    "Keep",
    "MergeReport",
    "PointData",
    "keep_decision",
    "merge",
    "merge_database",
    "read_database",
    "refuse_other_center",
]


class _Dry(Exception):
    """Raised inside the transaction so a dry run rolls everything back."""

    def __init__(self, report: MergeReport) -> None:
        super().__init__("dry run")
        self.report = report


# -- the entry points -------------------------------------------------------------------------------
def merge_database(
    ctx: Context, path: Path, *, dry_run: bool = False, other_center: bool = False, keep: Keep | None = None
) -> MergeReport:
    """``tthc merge OTHER.db``: the other file is only read. An older one is upgraded in a
    temporary copy; a newer one, or a file that is not a tthc database, is refused."""
    if not path.exists():
        raise TthcError("no such file: {path}", path=path)
    ctx.store()  # this database first: no reading the other file for nothing
    if path.resolve() == ctx.db_path.resolve():
        raise TthcError("{path} is this database itself", path=path)
    with (
        tempfile.TemporaryDirectory(prefix="tthc-merge-") as scratch,
        Store.reading_source(path, Path(scratch)) as other,
    ):
        data = read_database(other, str(path))
    return merge(ctx, data, dry_run=dry_run, other_center=other_center, keep=keep)


def merge(
    ctx: Context,
    data: PointData,
    *,
    dry_run: bool = False,
    other_center: bool = False,
    keep: Keep | None = None,
) -> MergeReport:
    """Merge ``data`` into the context's database in one write transaction: dossiers held
    aside included, so a killed merge leaves nothing half-written."""
    store = ctx.store()
    try:
        with store.write():
            plan = _plan(ctx, store, data, other_center, keep)
            if plan.conflicts:
                raise TthcError(
                    "{n} conflict(s) between this database and {path}; nothing was written",
                    n=len(plan.conflicts),
                    path=data.source,
                    details=plan.conflicts,
                )
            if keep is not None:
                settled = {plan.keeping[c] for c in plan.settled if c in plan.keeping}
                stray = [c for c in keep.codes if c not in settled]
                if stray:
                    raise TthcError(
                        "no conflict held between this database and {path} for {codes}: --keep settles only dossiers this merge holds aside; nothing was written",
                        codes=", ".join(stray),
                        path=data.source,
                    )
            report = apply_plan(ctx, store, data, plan, dry_run)
            if dry_run:
                raise _Dry(report)
    except _Dry as run:
        ctx.invalidate()
        return run.report
    return report


# -- planning: what comes, what conflicts ------------------------------------------------------------
def _plan(ctx: Context, store: Store, data: PointData, other_center: bool, keep: Keep | None) -> Plan:
    """What comes and what conflicts, once the file is checked. A database that holds nothing
    yet takes the other side's rows as they are."""
    plan = Plan(whole=store.is_blank())
    check_file(ctx, store, data, whole=plan.whole, other_center=other_center)
    if plan.whole:
        plan.rows = {table: list(rows) for table, rows in data.tables.items()}
        plan.new = list(data.dossiers)
        plan.events = list(data.events)
        return plan
    plan_registers(store, data, plan)
    plan_dossiers(ctx, store, data, plan, keep)
    return plan
