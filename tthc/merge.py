"""Bringing another reception point's data into this database: its dossiers with their whole
history, its officers, points, procedures and calendar days — from its database file
(``tthc merge``) or from a full export (``tthc import``) — in one transaction, all or nothing.

Events are known by their uid in every database, so a merge copies only what this one lacks
and merging the same file again changes nothing. A dossier on both sides is compared by the
moves each side recorded (its steps, undos and corrections): when one side's moves begin the
other's, the longer side wins; anything else — two receipts under one code, two histories
that went apart, a procedure or a calendar day the two points define differently — is a
conflict. Every conflict is listed and nothing is written.
"""

import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from tthc.clock import check_year
from tthc.context import Context
from tthc.dossiers import relay_open
from tthc.errors import Msg, TthcError
from tthc.i18n import ColumnWord, LimitWords
from tthc.lifecycle import STEPS
from tthc.models import Event
from tthc.settings import check_stored
from tthc.store import COPY_KEYS, Store, StoredDossier
from tthc.tables import BadRows

#: The events that change a dossier: what two histories are compared by.
MOVES = frozenset((*STEPS, "undo", "edit"))
#: The registers and the catalog, merged row by row (settings and sequences apart).
_REGISTERS = ("procedures", "officers", "points", "calendar_days")
#: A procedure's columns two points must agree on, with the word a person reads for each.
_PROCEDURE_FIELDS = {"name": "name", "field": "field", "time_limit": "limit", "alias": "alias", "fee": "fee"}


@dataclass
class PointData:
    """What a point holds that a merge brings, read from its database or from a full export."""

    source: str
    tables: dict[str, list[dict[str, Any]]]  # the small tables of COPY_KEYS, settings included
    events: list[Event]
    dossiers: list[StoredDossier]


def read_database(store: Store, source: str) -> PointData:
    return PointData(
        source,
        {table: store.copy_rows(table) for table in COPY_KEYS},
        list(store.copy_events()),
        list(store.stored_dossiers()),
    )


@dataclass(frozen=True)
class MergeReport:
    """What a merge brought (or, with ``dry_run``, would bring), table by table."""

    source: str
    dry_run: bool
    added: dict[str, int]  # rows added per table: dossiers, events, procedures, officers …
    updated: int  # dossiers that had moved on at the other point
    removed: int  # dossiers whose receipt was undone at the other point
    relaid: int  # open dossiers whose due date moved with the calendar days that came
    whole: bool  # a blank database took a whole copy: settings and event numbers too

    @property
    def changed(self) -> bool:
        return bool(sum(self.added.values()) or self.updated or self.removed or self.relaid)


@dataclass
class _Plan:
    whole: bool
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    new_days: set[date] = field(default_factory=set)  # calendar days that come here
    own_days: set[date] = field(default_factory=set)  # calendar days only this side has
    new: list[StoredDossier] = field(default_factory=list)
    replace: list[StoredDossier] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    conflicts: list[Msg] = field(default_factory=list)


class _Dry(Exception):
    """Raised inside the transaction so a dry run rolls everything back."""

    def __init__(self, report: MergeReport) -> None:
        super().__init__("dry run")
        self.report = report


# -- the entry points -------------------------------------------------------------------------------
def merge_database(ctx: Context, path: Path, *, dry_run: bool = False) -> MergeReport:
    """``tthc merge OTHER.db``: the other file is only read. An older one is upgraded in a
    temporary copy; a newer one, or a file that is not a tthc database, is refused."""
    if not path.exists():
        raise TthcError("e_no_file", path=path)
    ctx.store()  # this database first: no reading the other file for nothing
    if path.resolve() == ctx.db_path.resolve():
        raise TthcError("e_merge_self", path=path)
    with tempfile.TemporaryDirectory(prefix="tthc-merge-") as scratch:
        with Store.reading_source(path, Path(scratch)) as other:
            data = read_database(other, str(path))
    return merge(ctx, data, dry_run=dry_run)


def merge(ctx: Context, data: PointData, *, dry_run: bool = False) -> MergeReport:
    """Merge ``data`` into the context's database in one write transaction."""
    store = ctx.store()
    try:
        with store.write():
            plan = _plan(store, data)
            if plan.conflicts:
                raise TthcError(
                    "e_merge_conflicts", n=len(plan.conflicts), path=data.source, details=plan.conflicts
                )
            report = _apply(ctx, store, data, plan, dry_run)
            if dry_run:
                raise _Dry(report)
    except _Dry as run:
        ctx.invalidate()
        return run.report
    return report


# -- planning: what comes, what conflicts ------------------------------------------------------------
def _plan(store: Store, data: PointData) -> _Plan:
    plan = _Plan(whole=store.is_blank())
    faults = _faults(data, plan.whole)
    if faults:
        more = [Msg("e_more_rows", n=len(faults) - _SHOWN)] if len(faults) > _SHOWN else []
        raise TthcError("e_merge_bad", n=len(faults), path=data.source, details=[*faults[:_SHOWN], *more])
    if plan.whole:  # nothing here yet: the other side's rows are taken as they are
        plan.rows = {table: list(rows) for table, rows in data.tables.items()}
        plan.new = list(data.dossiers)
        plan.events = list(data.events)
        return plan
    _plan_catalog(store, data, plan)
    _plan_registers(store, data, plan)
    _plan_calendar(store, data, plan)
    _plan_sequences(store, data, plan)
    _plan_dossiers(store, data, plan)
    return plan


# -- checking: what this database would refuse to hold ----------------------------------------------
#: How many faults of the other side's data are listed (the rest are counted), as for a file.
_SHOWN = BadRows.shown
#: The moments of a dossier row that are steps after its receipt.
_STEP_COLUMNS = ("paused_at", "resolved_at", "returned_at", "withdrawn_at", "apology_at")


def _faults(data: PointData, whole: bool) -> list[Msg]:
    """What of the other side's data a clerk could never have entered here, found before
    anything is written: settings ``config set`` would refuse (when a whole copy takes them),
    and moments outside the years a date may lie in or steps before their receipt."""
    faults: list[Msg] = []
    if whole:
        for row in data.tables.get("settings", []):
            try:
                check_stored(str(row["key"]), row["value"])
            except TthcError as exc:
                faults.append(Msg("mb_setting", reason=exc.msg))
    for d in data.dossiers:
        faults.extend(_dossier_faults(d))
    for e in data.events:
        try:
            check_year(e.happened_at, e.happened_at.isoformat(sep=" "))
        except TthcError as exc:
            faults.append(Msg("mb_event", id=e.id, what=ColumnWord("happened_at"), reason=exc.msg))
    return faults


def _dossier_faults(d: StoredDossier) -> list[Msg]:
    """A copied dossier's receipt and steps, each a real moment within the years, none before
    the receipt."""
    faults: list[Msg] = []
    moments = [("received_at", d.get("received_at"))]
    moments += [(column, d.get(column)) for column in _STEP_COLUMNS]
    for r in d.round_rows():
        moments += [("paused_at", r["paused_at"]), ("resumed_at", r["resumed_at"])]
    received: datetime | None = None
    for column, value in moments:
        if value is None and column != "received_at":
            continue
        try:
            moment = datetime.fromisoformat(str(value))
            check_year(moment, value)
        except ValueError:
            faults.append(
                Msg(
                    "mb_dossier",
                    code=d.code,
                    what=ColumnWord(column),
                    reason=Msg("mb_not_moment", value=value),
                )
            )
            continue
        except TthcError as exc:
            faults.append(Msg("mb_dossier", code=d.code, what=ColumnWord(column), reason=exc.msg))
            continue
        if column == "received_at":
            received = moment
        elif received is not None and moment < received:
            faults.append(
                Msg(
                    "mb_dossier",
                    code=d.code,
                    what=ColumnWord(column),
                    reason=Msg("mb_before_receipt", at=moment, received=received),
                )
            )
    return faults


def _plan_catalog(store: Store, data: PointData, plan: _Plan) -> None:
    ours = {r["code"]: r for r in store.copy_rows("procedures")}
    aliases = {str(r["alias"]).lower(): code for code, r in ours.items() if r["alias"]}
    added = []
    for theirs in data.tables.get("procedures", []):
        code = theirs["code"]
        here = ours.get(code)
        if here is None:
            alias = str(theirs["alias"]).lower() if theirs["alias"] else None
            if alias is not None and alias in aliases:
                plan.conflicts.append(Msg("mc_alias", code=code, alias=theirs["alias"], other=aliases[alias]))
            added.append(theirs)
            continue
        for column, word in _PROCEDURE_FIELDS.items():
            if here[column] != theirs[column]:
                mine, other = here[column], theirs[column]
                if column == "time_limit":  # said as people say it: '5 ngày làm việc', not '5wd'
                    mine, other = LimitWords(mine), LimitWords(other)
                plan.conflicts.append(
                    Msg("mc_procedure", code=code, column=Msg(word), ours=mine, theirs=other)
                )
    plan.rows["procedures"] = added


def _plan_registers(store: Store, data: PointData, plan: _Plan) -> None:
    for table in ("officers", "points"):
        ours = {r["name_key"]: r for r in store.copy_rows(table)}
        plan.rows[table] = []
        for theirs in data.tables.get(table, []):
            here = ours.get(theirs["name_key"])
            if here is None:
                plan.rows[table].append(theirs)
            elif table == "points" and here["code_prefix"] != theirs["code_prefix"]:
                plan.conflicts.append(
                    Msg(
                        "mc_point_prefix",
                        name=here["name"],
                        ours=here["code_prefix"] or "",
                        theirs=theirs["code_prefix"] or "",
                    )
                )


def _plan_calendar(store: Store, data: PointData, plan: _Plan) -> None:
    ours = {r["day"]: r for r in store.copy_rows("calendar_days")}
    theirs = {r["day"]: r for r in data.tables.get("calendar_days", [])}
    plan.rows["calendar_days"] = []
    for day, row in sorted(theirs.items()):
        here = ours.get(day)
        if here is None:
            plan.rows["calendar_days"].append(row)
            plan.new_days.add(date.fromisoformat(day))
        elif here["kind"] != row["kind"]:
            plan.conflicts.append(
                Msg(
                    "mc_calendar",
                    day=date.fromisoformat(day),
                    ours=Msg(f"kind_{here['kind']}"),
                    theirs=Msg(f"kind_{row['kind']}"),
                )
            )
    plan.own_days = {date.fromisoformat(day) for day in ours if day not in theirs}


def _plan_sequences(store: Store, data: PointData, plan: _Plan) -> None:
    """The higher last number of each unit code, day and block, so none is given again."""
    key = COPY_KEYS["code_sequences"]
    ours = {tuple(r[k] for k in key): r["last"] for r in store.copy_rows("code_sequences")}
    plan.rows["code_sequences"] = [
        r for r in data.tables.get("code_sequences", []) if ours.get(tuple(r[k] for k in key), 0) < r["last"]
    ]


class _Keyed(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def uid(self) -> str: ...
    @property
    def step(self) -> str: ...
    @property
    def happened_at(self) -> datetime: ...


@dataclass
class _Side:
    """One side's view of the dossiers: rows, and each code's events in order."""

    rows: dict[str, StoredDossier]
    events: dict[str, list[_Keyed]]
    uid_of: dict[int, str]

    @classmethod
    def of(cls, rows: dict[str, StoredDossier], events: Iterable[Any]) -> "_Side":
        by_code: dict[str, list[_Keyed]] = {}
        uid_of: dict[int, str] = {}
        for e in events:
            uid_of[e.id] = e.uid
            if e.dossier_code is not None:
                by_code.setdefault(e.dossier_code, []).append(e)
        return cls(rows, by_code, uid_of)

    def knows(self, code: str) -> bool:
        return code in self.rows or code in self.events

    def moves(self, code: str) -> list[_Keyed]:
        return [e for e in self.events.get(code, []) if e.step in MOVES]

    def receipt(self, code: str) -> str | None:
        """Which receipt the code stands for: its receive event, or the import that brought it."""
        row = self.rows.get(code)
        if row is not None and row.get("imported_by") is not None:
            return "import:" + self.uid_of.get(int(row.get("imported_by")), "?")
        return next((e.uid for e in self.events.get(code, []) if e.step == "receive"), None)


def _plan_dossiers(store: Store, data: PointData, plan: _Plan) -> None:
    theirs = _Side.of({d.code: d for d in data.dossiers}, data.events)
    codes_here = store.dossier_codes()
    wanted = [c for c in (*theirs.rows, *theirs.events) if c in codes_here]
    ours = _Side.of({d.code: d for d in store.stored_dossiers(wanted)}, store.event_keys())
    have = set(ours.uid_of.values())
    queued: set[str] = set()
    for code in dict.fromkeys((*theirs.rows, *theirs.events)):
        if ours.knows(code) and not _compare(code, ours, theirs, plan):
            continue
        row = theirs.rows.get(code)
        if row is None:
            if code in ours.rows:
                plan.remove.append(code)
        elif code in ours.rows:
            plan.replace.append(row)
        else:
            plan.new.append(row)
        queued.update(e.uid for e in theirs.events.get(code, []) if e.uid not in have)
        imported = row.get("imported_by") if row is not None else None
        if imported is not None and theirs.uid_of.get(int(imported)) not in have:
            queued.add(theirs.uid_of.get(int(imported), ""))
    plan.events = [e for e in data.events if e.uid in queued]
    used = store.used_codes([row.code for row in plan.new])
    for row in plan.new:  # new here as typed; given here in another letter case is one code
        spelled = used.get(row.code)
        if spelled is not None and spelled != row.code:
            plan.conflicts.append(Msg("mc_case_twin", code=row.code, ours=spelled))


def _compare(code: str, ours: _Side, theirs: _Side, plan: _Plan) -> bool:
    """Whether their version of a dossier both sides know replaces ours; conflicts are noted."""
    here, there = ours.rows.get(code), theirs.rows.get(code)
    mine, other = ours.receipt(code), theirs.receipt(code)
    same_facts = (
        here is None
        or there is None
        or all(here.get(c) == there.get(c) for c in ("received_at", "procedure_code", "time_limit"))
    )
    if (mine is not None and other is not None and mine != other) or not same_facts:
        plan.conflicts.append(Msg("mc_receipt", code=code, ours=_describe(here), theirs=_describe(there)))
        return False
    a, b = ours.moves(code), theirs.moves(code)
    ua, ub = [e.uid for e in a], [e.uid for e in b]
    if ub[: len(ua)] == ua:
        return len(ub) > len(ua)
    if ua[: len(ub)] == ub:
        return False
    common = next(i for i, (x, y) in enumerate(zip(ua, ub, strict=False)) if x != y)
    plan.conflicts.append(
        Msg("mc_diverged", code=code, ours=_step(a[common]), theirs=_step(b[common]), common=common)
    )
    return False


def _describe(row: StoredDossier | None) -> Msg:
    if row is None:
        return Msg("mc_no_row")
    return Msg(
        "mc_side",
        at=datetime.fromisoformat(str(row.get("received_at"))),
        procedure=row.get("procedure_code"),
        applicant=row.get("applicant"),
    )


def _step(e: _Keyed) -> Msg:
    return Msg("mc_step", step=Msg(f"s_{e.step}"), at=e.happened_at)


# -- writing ------------------------------------------------------------------------------------------
def _apply(ctx: Context, store: Store, data: PointData, plan: _Plan, dry_run: bool) -> MergeReport:
    if plan.whole:
        for row in plan.rows.get("settings", []):
            store.put_copy_row("settings", row)
    for table in (*_REGISTERS, "code_sequences"):
        for row in plan.rows.get(table, []):
            store.put_copy_row(table, row)
    ids = _copy_events(store, data, plan)
    _write_dossiers(store, plan, ids, {e.id: e.uid for e in data.events})
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
            **{table: len(plan.rows.get(table, [])) for table in (*_REGISTERS, "code_sequences")},
        },
        len(plan.replace),
        len(plan.remove),
        relaid,
        plan.whole,
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


def _copy_events(store: Store, data: PointData, plan: _Plan) -> dict[str, int]:
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
        raise TthcError("e_copy_refused", table=table, key=f"event {their_id}", reason="no such event")
    return local


def _write_dossiers(store: Store, plan: _Plan, ids: dict[str, int], uid_of: dict[int, str]) -> None:
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
        raise TthcError("e_copy_refused", table="dossiers", key=duplicates[0][1], reason="already here")
