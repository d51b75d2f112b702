"""Writing what a merge planned, inside its transaction: the rows and events that come, the
dossiers new, replaced or removed, the manager's decisions as corrections, the dossiers held
aside, and the open dossiers laid again on the calendar days that came."""

from collections.abc import Sequence

from tthc.app.context import Context
from tthc.app.dossiers import relay_open
from tthc.app.merge.data import REGISTERS, Plan, PointData
from tthc.core.errors import TthcError
from tthc.core.merging import MergeReport
from tthc.core.replay import Move
from tthc.storage.store import Store
from tthc.storage.stored import StoredDossier


def apply_plan(ctx: Context, store: Store, data: PointData, plan: Plan, dry_run: bool) -> MergeReport:
    if plan.whole:
        for row in plan.rows.get("settings", []):
            store.put_copy_row("settings", row)
    for table in (*REGISTERS, "code_sequences"):
        for row in plan.rows.get(table, []):
            store.put_copy_row(table, row)
    ids = _copy_events(store, data, plan)
    _write_dossiers(store, plan, ids, {e.id: e.uid for e in data.events})
    _write_decisions(ctx, store, data.source, plan, ids)
    store.release_conflicts(plan.merged)
    if plan.held:
        said = {
            code: [{"en": m.render("en"), "vi": m.render("vi")} for m in msgs]
            for code, msgs in plan.held.items()
        }
        store.hold_conflicts(said, data.source, ctx.now)
    here = store.dossier_codes()
    for row in data.tables.get("ratings", []):
        if row["dossier_code"] in here:  # a citizen rates once: a rating already here stays
            store.put_copy_row("ratings", row)
    ctx.invalidate()
    relaid = 0
    if plan.new_days:
        relaid += relay_open(ctx, plan.new_days, reason=f"merge {data.source}")
    copied = {d.code for d in (*plan.new, *plan.replace)}
    if plan.own_days and copied:
        relaid += relay_open(ctx, plan.own_days, reason=f"merge {data.source}", codes=copied)
    report = MergeReport(
        data.source,
        dry_run,
        {
            "dossiers": len(plan.new),
            "events": len(plan.events),
            **{table: len(plan.rows.get(table, [])) for table in (*REGISTERS, "code_sequences")},
        },
        len(plan.replace),
        len(plan.remove),
        relaid,
        plan.whole,
        plan.held,
        tuple(plan.settled),
    )
    if report.changed:
        store.add_event(
            step="merge",
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={
                "file": data.source,
                **report.added,
                "updated": report.updated,
                "removed": report.removed,
            },
        )
    return report


def _write_decisions(ctx: Context, store: Store, source: str, plan: Plan, ids: dict[str, int]) -> None:
    """The manager's ``--keep``, recorded as corrections: each step of the side not kept is
    undone, each field edited both ways is set to the kept value, and the edits it settles
    are named, so the other point reaches the same dossier when it merges this file."""
    for d in plan.decisions:
        fix = {
            "reason": d["reason"],
            "replaces": None,
            "closed_period": False,
            "kept": d["side"],
            "file": source,
        }
        if d["kind"] == "undo":
            m: Move = d["move"]
            store.add_event(
                step="undo",
                dossier_code=d["code"],
                happened_at=ctx.now,
                recorded_at=ctx.now,
                actor=ctx.actor,
                details={
                    "step": m.step,
                    "happened_at": m.happened_at.isoformat(),
                    "reason": d["reason"],
                    "correction": fix,
                },
                undoes=ids[m.uid],
            )
        else:
            store.add_event(
                step="edit",
                dossier_code=d["code"],
                happened_at=ctx.now,
                recorded_at=ctx.now,
                actor=ctx.actor,
                details={
                    "before": {d["field"]: d["before"]},
                    "after": {d["field"]: d["after"]},
                    "settles": d["settles"],
                    "reason": d["reason"],
                    "correction": fix,
                },
            )


def _copy_events(store: Store, data: PointData, plan: Plan) -> dict[str, int]:
    """Append the events that come, in their order; their id here, by uid. A whole copy keeps
    the other side's numbers, so ``history`` shows the same #."""
    ids = store.event_ids()
    uid_of = {e.id: e.uid for e in data.events}
    for e in plan.events:
        undoes = None if e.undoes is None else _local(ids, uid_of, e.undoes, "events")
        ids[e.uid] = store.put_copied_event(e, event_id=e.id if plan.whole else None, undoes=undoes)
    return ids


def _local(ids: dict[str, int], uid_of: dict[int, str], their_id: int, table: str) -> int:
    """The id here of the event the other side numbers ``their_id``."""
    local = ids.get(uid_of.get(their_id, ""))
    if local is None:
        raise TthcError(
            "cannot copy the {table} row {key}: {reason}; nothing was written",
            table=table,
            key=f"event {their_id}",
            reason="no such event",
        )
    return local


def _write_dossiers(store: Store, plan: Plan, ids: dict[str, int], uid_of: dict[int, str]) -> None:
    def here(d: StoredDossier) -> StoredDossier:
        imported = d.get("imported_by")
        if imported is None:
            return d
        return d.with_value("imported_by", _local(ids, uid_of, int(imported), "dossiers"))

    _insert_new(store, [here(d) for d in plan.new])
    for d in plan.replace:  # after the bulk load: the triggers keep the day counts exact
        store.put_stored_dossier(here(d), replacing=True)
    for code in plan.remove:
        store.remove_dossier(code)


def _insert_new(store: Store, items: Sequence[StoredDossier]) -> None:
    if not items:
        return
    with store.bulk_load(len(items)) as loader:
        for number, d in enumerate(items, start=1):
            loader.add(number, d.values, [(d.code, *r) for r in d.rounds])
            if len(loader.rows) >= 5000:
                _flush(loader.flush())
        _flush(loader.flush())


def _flush(duplicates: list[tuple[int, str]]) -> None:
    if duplicates:
        raise TthcError(
            "cannot copy the {table} row {key}: {reason}; nothing was written",
            table="dossiers",
            key=duplicates[0][1],
            reason="already here",
        )
