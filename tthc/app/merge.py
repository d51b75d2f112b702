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
"""

import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from tthc.app.context import Context
from tthc.app.dossiers import relay_open
from tthc.app.inputs import clean, codes_meant
from tthc.core.clock import check_year
from tthc.core.errors import Msg, TthcError
from tthc.core.lifecycle import OPEN, STEPS, Life

# moved to the core, where the screens read them; named here as before
from tthc.core.merging import MergeReport as MergeReport
from tthc.core.models import Event, search_text
from tthc.core.replay import (
    DETAIL_FIELDS,
    Move,
    countings_as_laid,
    edits_by_field,
    facts_of_steps,
    judged_again,
    moves_of,
    officer_after,
    receipt_as_decided,
    receipt_stands,
    replay,
    standing_steps,
)
from tthc.core.settings import Settings, check_stored, with_defaults
from tthc.core.workcalendar import WorkCalendar
from tthc.locale.i18n import ColumnWord, LimitWords
from tthc.locale.marks import N_, P_
from tthc.locale.words import DAY_KIND_WORDS, DETAIL_WORDS, STEP_WORDS
from tthc.storage.store import COPY_KEYS, LIFE_COLUMNS, Store, StoredDossier, life_values, round_values
from tthc.storage.tables import BadRows

#: The events that change a dossier: what two histories are compared by.
MOVES = frozenset((*STEPS, "undo", "edit"))
#: The registers and the catalog, merged row by row (settings and sequences apart).
_REGISTERS = ("procedures", "officers", "points", "calendar_days", "calendar_rulings")
#: A procedure's columns two points must agree on, with the word a person reads for each.
_PROCEDURE_FIELD_WORDS = {
    "name": N_("Name"),
    "field": N_("Field"),
    "time_limit": N_("Time limit"),
    "alias": N_("Alias"),
    "fee": N_("Fee"),
    "e_result": N_("electronic result"),
}
#: A day off's verdict (``calendar_rulings.verdict``), as a sentence says it.
_VERDICT_WORDS = {"confirmed": N_("confirmed"), "rejected": P_("day off ruling", "rejected")}


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
class Keep:
    """The manager's decision on held dossiers: ``here`` keeps this database's version,
    ``there`` the other file's; recorded as a correction with the reason."""

    side: str  # here | there
    codes: tuple[str, ...]
    reason: str


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
    held: dict[str, list[Msg]] = field(default_factory=dict)  # dossiers set aside for a decision
    merged: set[str] = field(default_factory=set)  # dossiers both sides know, merged cleanly
    decisions: list[dict[str, Any]] = field(default_factory=list)  # events a --keep writes
    settled: list[str] = field(default_factory=list)
    keeping: dict[str, str] = field(default_factory=dict)  # --keep: the code meant -> as typed


class _Dry(Exception):
    """Raised inside the transaction so a dry run rolls everything back."""

    def __init__(self, report: MergeReport) -> None:
        super().__init__("dry run")
        self.report = report


def keep_decision(side: str | None, codes: Sequence[str], reason: str | None) -> Keep | None:
    """``--keep here|there CODE… --reason TEXT``, checked before anything is read."""
    if side is None and not codes:
        return None
    why = clean(reason, "reason", required=True) or ""
    if side is None or not codes:
        raise TthcError("--keep needs the codes of the dossiers to settle and --reason")
    return Keep(side, tuple(codes), why)


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
                    "{n} conflict(s) between this database and {path}; nothing was written", n=len(plan.conflicts), path=data.source, details=plan.conflicts
                )
            if keep is not None:
                settled = {plan.keeping[c] for c in plan.settled if c in plan.keeping}
                stray = [c for c in keep.codes if c not in settled]
                if stray:
                    raise TthcError("no conflict held between this database and {path} for {codes}: --keep settles only dossiers this merge holds aside; nothing was written", codes=", ".join(stray), path=data.source)
            report = _apply(ctx, store, data, plan, dry_run)
            if dry_run:
                raise _Dry(report)
    except _Dry as run:
        ctx.invalidate()
        return run.report
    return report


# -- planning: what comes, what conflicts ------------------------------------------------------------
def _plan(ctx: Context, store: Store, data: PointData, other_center: bool, keep: Keep | None) -> _Plan:
    plan = _Plan(whole=store.is_blank())
    if not other_center:
        refuse_other_center(
            store, {str(r["key"]): str(r["value"]) for r in data.tables.get("settings", [])}, data.source
        )
    faults = _faults(data, plan.whole)
    if not faults:
        faults = _history_faults(ctx, store, data)
    if faults:
        more = [Msg("… and {n} more", n=len(faults) - _SHOWN)] if len(faults) > _SHOWN else []
        raise TthcError("{n} value(s) in {path} that this database cannot hold; nothing was written", n=len(faults), path=data.source, details=[*faults[:_SHOWN], *more])
    if plan.whole:  # nothing here yet: the other side's rows are taken as they are
        plan.rows = {table: list(rows) for table, rows in data.tables.items()}
        plan.new = list(data.dossiers)
        plan.events = list(data.events)
        return plan
    _plan_catalog(store, data, plan)
    _plan_registers(store, data, plan)
    _plan_calendar(store, data, plan)
    _plan_sequences(store, data, plan)
    _plan_dossiers(ctx, store, data, plan, keep)
    return plan


# -- checking: what this database would refuse to hold ----------------------------------------------
#: How many faults of the other side's data are listed (the rest are counted), as for a file.
_SHOWN = BadRows.shown
#: The moments of a dossier row that are steps after its receipt.
_STEP_COLUMNS = (
    "paused_at",
    "resolved_at",
    "returned_at",
    "withdrawn_at",
    "apology_at",
    "closed_at",
    "forwarded_at",
    "notified_at",
)


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
                faults.append(Msg("setting: {reason}", reason=exc.msg))
    for d in data.dossiers:
        faults.extend(_dossier_faults(d))
    for e in data.events:
        try:
            check_year(e.happened_at, e.happened_at.isoformat(sep=" "))
        except TthcError as exc:
            faults.append(Msg("audit event #{id}: {what}: {reason}", id=e.id, what=ColumnWord("happened_at"), reason=exc.msg))
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
                    "dossier {code}: {what}: {reason}",
                    code=d.code,
                    what=ColumnWord(column),
                    reason=Msg("{value!r} is not a moment (YYYY-MM-DDTHH:MM:SS)", value=value),
                )
            )
            continue
        except TthcError as exc:
            faults.append(Msg("dossier {code}: {what}: {reason}", code=d.code, what=ColumnWord(column), reason=exc.msg))
            continue
        if column == "received_at":
            received = moment
        elif received is not None and moment < received:
            faults.append(
                Msg(
                    "dossier {code}: {what}: {reason}",
                    code=d.code,
                    what=ColumnWord(column),
                    reason=Msg("{at:%d/%m/%Y %H:%M} is before the receipt ({received:%d/%m/%Y %H:%M})", at=moment, received=received),
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
                plan.conflicts.append(Msg("procedure {code}: its alias {alias!r} is procedure {other}'s here", code=code, alias=theirs["alias"], other=aliases[alias]))
            added.append(theirs)
            continue
        for column in _PROCEDURE_FIELD_WORDS:
            if here[column] != theirs[column]:
                mine, other = here[column], theirs[column]
                if column == "time_limit":  # said as people say it: '5 ngày làm việc', not '5wd'
                    mine, other = LimitWords(mine), LimitWords(other)
                plan.conflicts.append(
                    Msg("procedure {code}: {column} is {ours!r} here and {theirs!r} there", code=code, column=Msg(_PROCEDURE_FIELD_WORDS[column]), ours=mine, theirs=other)
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
                        "point {name}: unit code {ours!r} here and {theirs!r} there",
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
                    "{day:%d/%m/%Y}: a {ours} here, a {theirs} there",
                    day=date.fromisoformat(day),
                    ours=Msg(DAY_KIND_WORDS[here["kind"]]),
                    theirs=Msg(DAY_KIND_WORDS[row["kind"]]),
                )
            )
    plan.own_days = {date.fromisoformat(day) for day in ours if day not in theirs}
    _plan_rulings(store, data, plan)


def _plan_rulings(store: Store, data: PointData, plan: _Plan) -> None:
    """The other point's verdicts on unconfirmed days: one this side lacks comes here (and
    lays its open dossiers again); two different verdicts on one day are a conflict."""
    ours = {r["day"]: r for r in store.copy_rows("calendar_rulings")}
    plan.rows["calendar_rulings"] = []
    for row in sorted(data.tables.get("calendar_rulings", []), key=lambda r: str(r["day"])):
        here = ours.get(row["day"])
        if here is None:
            plan.rows["calendar_rulings"].append(row)
            plan.new_days.add(date.fromisoformat(row["day"]))
        elif here["verdict"] != row["verdict"]:
            plan.conflicts.append(
                Msg(
                    "{day:%d/%m/%Y}: {ours} here, {theirs} there",
                    day=date.fromisoformat(row["day"]),
                    ours=Msg(_VERDICT_WORDS[here["verdict"]]),
                    theirs=Msg(_VERDICT_WORDS[row["verdict"]]),
                )
            )
    theirs = {r["day"] for r in data.tables.get("calendar_rulings", [])}
    plan.own_days |= {date.fromisoformat(day) for day in ours if day not in theirs}


def _plan_sequences(store: Store, data: PointData, plan: _Plan) -> None:
    """The higher last number of each unit code, day and block, so none is given again."""
    key = COPY_KEYS["code_sequences"]
    ours = {tuple(r[k] for k in key): r["last"] for r in store.copy_rows("code_sequences")}
    plan.rows["code_sequences"] = [
        r for r in data.tables.get("code_sequences", []) if ours.get(tuple(r[k] for k in key), 0) < r["last"]
    ]


# -- is it this center's file, and do its rows say what its events say? ------------------------------
def refuse_other_center(
    store: Store, theirs: Mapping[str, str], source: object, *, restoring: bool = False
) -> None:
    """A file of another center (another unit code, or another center's identity) is refused
    by a merge, an import and a restore alike: its dossiers would be counted in this
    center's reports. A database that holds nothing yet takes any; a setting either side
    never made tells nothing. When the two show the same name and unit code, the refusal
    names the identities (two databases set up apart, each with its own ``init``) and says
    how to give them one."""
    if not theirs or store.is_blank():
        return
    here = store.settings()

    def differ(key: str) -> bool:
        return bool(here.get(key)) and bool(theirs.get(key)) and here[key] != theirs[key]

    if not (differ("code_prefix") or differ("center_id")):
        return
    ours, other = with_defaults(here), with_defaults(theirs)
    said_ours = f"{ours['center_name']} ({ours['code_prefix']})"
    said_theirs = f"{other['center_name']} ({other['code_prefix']})"
    if said_ours == said_theirs:  # alike to the eye: the identity is what differs
        key = N_("{path} is another center's database: {center} on both sides, but center identity {theirs} there and {ours} here (not a backup of this database); nothing was written. Put it in place of this center's database only if you mean to, with --other-center") if restoring else N_("{path} is another center's file: {center} on both sides, but center identity {theirs} there and {ours} here (two databases set up apart, each with its own init); nothing was written. If it is this center's other point, give both one identity: tthc config set center_id {theirs} here (or start that point from a copy of the other's database), then merge again; to merge it as it is, --other-center")
        raise TthcError(key, path=source, center=said_ours, ours=ours["center_id"], theirs=other["center_id"])
    key = N_("{path} is another center's database: {theirs} there, {ours} here; nothing was written. Put it in place of this center's database only if you mean to, with --other-center") if restoring else N_("{path} is another center's file: {theirs} there, {ours} here; nothing was written. Merge it only if you mean to, with --other-center")
    raise TthcError(key, path=source, ours=said_ours, theirs=said_theirs)


def _their_calendar(ctx: Context, data: PointData) -> WorkCalendar:
    """The calendar the other point works by: its settings and its own days."""
    stored = {str(r["key"]): str(r["value"]) for r in data.tables.get("settings", [])}
    try:
        settings = Settings.from_stored(stored)
    except TthcError:
        settings = ctx.settings()
    off: dict[date, str] = {}
    work: dict[date, str] = {}
    for r in data.tables.get("calendar_days", []):
        (off if r["kind"] == "off" else work)[date.fromisoformat(str(r["day"]))] = str(r["name"] or "")
    rulings = {
        date.fromisoformat(str(r["day"])): r["verdict"] == "confirmed"
        for r in data.tables.get("calendar_rulings", [])
    }
    return ctx.calendar_of(settings, off, work, rulings)


#: The columns of a row worked out from its history (the officer apart: an edit sets it too).
_DERIVED = tuple(c for c in LIFE_COLUMNS if c != "officer")
#: Those that follow the calendar: a closed dossier keeps them as judged when it closed.
_BY_CALENDAR = frozenset(
    ("receipt_due_at", "due_date", "due_at", "deadline", "timeliness", "apology_in_time")
)


def _history_faults(ctx: Context, store: Store, data: PointData) -> list[Msg]:
    """Each dossier of the file worked out again from the file's own events: a row that says
    otherwise, a history the rules refuse, or an event under one of this database's uids
    that says something else about another dossier is a fault of the file."""
    cal = _their_calendar(ctx, data)
    moves = moves_of(data.events)
    by_code: dict[str | None, list[Move]] = {}
    for m in moves:
        by_code.setdefault(m.code, []).append(m)
    calendar_changed = [m.recorded_at for m in moves if m.step.startswith("calendar.")]
    rules_changed = [  # a counting decided before keeps the sessions and cut-off of its moment
        m.recorded_at
        for m in moves
        if m.step == "config.set" and m.details.get("key") in ("office_hours", "same_day_cutoff")
    ]
    faults: list[Msg] = []
    ours = {e.uid: e for e in store.event_keys()}
    for m in moves:  # a uid of this database's: it must name the same dossier and step here
        here = ours.get(m.uid)
        if here is not None and (here.dossier_code != m.code or here.step != m.step):
            faults.append(Msg("audit event {uid} of dossier {code}: that uid is an event of {here} in this database", uid=m.uid, code=m.code or "-", here=here.dossier_code or "-"))
    for d in data.dossiers:
        fault = _dossier_history_fault(cal, d, by_code.get(d.code, []), calendar_changed, rules_changed)
        if fault is not None:
            faults.append(fault)
    return faults


def _dossier_history_fault(
    cal: WorkCalendar,
    d: StoredDossier,
    moves: list[Move],
    calendar_changed: list[datetime],
    rules_changed: list[datetime],
) -> Msg | None:
    stored = d.life()
    if d.get("imported_by") is None and receipt_stands(moves):
        receipt = next(m for m in moves if m.step == "receive")
        if receipt.happened_at != stored.received_at or receipt.details.get("limit") != str(stored.limit):
            return Msg("dossier {code}: {what}: {reason}", code=d.code, what=ColumnWord("received_at"), reason=Msg("the row's receipt is not the one its receive event records"))
        if not receipt_as_decided(cal, stored):
            return Msg(
                "dossier {code}: {what}: {reason}", code=d.code, what=ColumnWord("receipt_due_at"), reason=Msg("the receipt's counting is not one its time limit gives")
            )
        try:
            life = replay(cal, stored, standing_steps(moves))
        except TthcError as exc:
            return Msg("dossier {code}: {what}: {reason}", code=d.code, what=Msg("its history"), reason=exc.msg)
    else:
        life = judged_again(stored)
    as_of_then = (life.status not in OPEN and any(at > life.last_at for at in calendar_changed)) or any(
        at > stored.received_at for at in rules_changed
    )  # closed before days changed, or counted before the sessions or cut-off changed
    if not as_of_then and not countings_as_laid(cal, stored):
        return Msg("dossier {code}: {what}: {reason}", code=d.code, what=ColumnWord("receipt_due_at"), reason=Msg("the receipt's counting is not one its time limit gives"))
    skip: frozenset[str] = _BY_CALENDAR if as_of_then else frozenset()
    derived = dict(zip(LIFE_COLUMNS, life_values(life), strict=True))
    for column in _DERIVED:
        if column not in skip and derived[column] != d.get(column):
            return Msg(
                "dossier {code}: {what}: {reason}",
                code=d.code,
                what=ColumnWord(column),
                reason=Msg("{row} in its row, {history} by its own history", row=_said(d.get(column)), history=_said(derived[column])),
            )
    rounds = tuple(round_values(d.code, r)[1:] for r in life.rounds)
    if not skip and rounds != d.rounds:
        return Msg("dossier {code}: {what}: {reason}", code=d.code, what=ColumnWord("paused_at"), reason=Msg("the supplement rounds are not those its history gives"))
    return None


def _said(value: Any) -> str:
    return "-" if value is None else str(value)


# -- dossiers both points know: merged step by step, field by field ----------------------------------
@dataclass
class _Side:
    """One side's view of the dossiers: rows, and each code's events as moves."""

    rows: dict[str, StoredDossier]
    moves: dict[str, list[Move]]
    imported: dict[int, str]  # event id -> uid, for the import that brought a row

    @classmethod
    def of(cls, rows: dict[str, StoredDossier], events: Iterable[Event]) -> "_Side":
        listed = list(events)
        by_code: dict[str, list[Move]] = {}
        for m in moves_of(listed):
            if m.code is not None:
                by_code.setdefault(m.code, []).append(m)
        return cls(rows, by_code, {e.id: e.uid for e in listed if e.step == "import"})

    def knows(self, code: str) -> bool:
        return code in self.rows or code in self.moves

    def receipt(self, code: str) -> str | None:
        """Which receipt the code stands for: its receive event, or the import that brought it."""
        row = self.rows.get(code)
        if row is not None and row.get("imported_by") is not None:
            return "import:" + self.imported.get(int(row.get("imported_by")), "?")
        return next((m.uid for m in self.moves.get(code, []) if m.step == "receive"), None)


def _plan_dossiers(ctx: Context, store: Store, data: PointData, plan: _Plan, keep: Keep | None) -> None:
    theirs = _Side.of({d.code: d for d in data.dossiers}, data.events)
    codes_here = store.dossier_codes()
    wanted = [c for c in (*theirs.rows, *theirs.moves) if c in codes_here]
    ours = _Side.of({d.code: d for d in store.stored_dossiers(wanted)}, store.copy_events())
    have = {m.uid for ms in ours.moves.values() for m in ms} | set(store.event_ids())
    uid_of = {e.id: e.uid for e in data.events}
    codes = list(dict.fromkeys((*theirs.rows, *theirs.moves)))
    if keep is not None:  # each code as a clerk types it anywhere: any case, or the short form
        both = [c for c in codes if ours.knows(c)]
        for typed in keep.codes:
            meant = codes_meant(typed, both)
            if len(meant) > 1:
                raise TthcError("{code!r} could be any of: {candidates}; type the whole code", code=typed, candidates=", ".join(sorted(meant)[:10]))
            if meant:
                plan.keeping[meant[0]] = typed
    queued: set[str] = set()
    cal = ctx.calendar()
    for code in codes:
        their_moves = theirs.moves.get(code, [])
        row = theirs.rows.get(code)
        if ours.knows(code):
            decided = keep.side if keep is not None and code in plan.keeping else None
            outcome = _merge_known(cal, code, ours, theirs, plan, decided, keep.reason if keep else "")
            if outcome is None:
                continue
            if outcome == "remove":
                plan.remove.append(code)
            elif isinstance(outcome, StoredDossier):
                plan.replace.append(outcome)
            plan.merged.add(code)
        elif row is not None:
            plan.new.append(row)
        queued.update(m.uid for m in their_moves if m.uid not in have)
        imported = row.get("imported_by") if row is not None else None
        if imported is not None and uid_of.get(int(imported)) not in have:
            queued.add(uid_of.get(int(imported), ""))
    plan.events = [e for e in data.events if e.uid in queued]
    used = store.used_codes([row.code for row in plan.new])
    for row in plan.new:  # new here as typed; given here in another letter case is one code
        spelled = used.get(row.code)
        if spelled is not None and spelled != row.code:
            plan.conflicts.append(Msg("dossier {code}: this database gave that code as {ours!r}; codes that differ only in letter case are one code", code=row.code, ours=spelled))


#: What a merge makes of a dossier both sides know: a new row, its removal (its receipt was
#: undone), this row as it stands ("stay"), or None when it is held aside.
_Outcome = StoredDossier | Literal["remove", "stay"] | None


def _merge_known(
    cal: WorkCalendar, code: str, ours: _Side, theirs: _Side, plan: _Plan, decided: str | None, reason: str
) -> "_Outcome":
    """A dossier both sides know: its row as the union of both histories makes it ("remove"
    when the receipt was undone, "stay" when this row stands as it is), or None when held
    aside (or when the two receipts differ, a conflict of the whole file)."""
    here, there = ours.rows.get(code), theirs.rows.get(code)
    mine, other = ours.receipt(code), theirs.receipt(code)
    same_facts = (
        here is None
        or there is None
        or all(here.get(c) == there.get(c) for c in ("received_at", "procedure_code", "time_limit"))
    )
    if (mine is not None and other is not None and mine != other) or not same_facts:
        plan.conflicts.append(Msg("dossier {code}: two different receipts under one code: here {ours}; there {theirs}", code=code, ours=_describe(here), theirs=_describe(there)))
        return None
    a, b = ours.moves.get(code, []), theirs.moves.get(code, [])
    known = {m.uid: m for m in a}
    problems: list[Msg] = []
    rewritten = [m for m in b if m.uid in known and known[m.uid].says() != m.says()]
    for m in rewritten:
        problems.append(Msg("dossier {code}: its {step} at {at:%d/%m/%Y %H:%M} is recorded differently here and there", code=code, step=Msg(STEP_WORDS[m.step]), at=m.happened_at))
    union = [*a, *(m for m in b if m.uid not in known)]
    if len(union) == len(a) and not rewritten:
        return "stay"  # nothing new from there
    theirs_uids = {m.uid for m in b}
    if not receipt_stands(union) and (here is None or here.get("imported_by") is None):
        return _receipt_undone(code, union, known, theirs_uids, here, plan, decided, reason)
    if here is None or there is None or here.get("imported_by") is not None:
        return _fast_forward(code, a, b, here, there, plan)
    steps = standing_steps(union)
    only_here = [m for m in steps if m.uid not in theirs_uids]
    only_there = [m for m in steps if m.uid not in known]
    fields = _field_conflicts(union, known, theirs_uids)
    life: Life | None = None
    try:
        life = replay(cal, here.life(), steps, there.life())
    except TthcError:
        problems.append(
            Msg(
                "dossier {code}: steps that cannot both stand: here {ours}; there {theirs}",
                code=code,
                ours=_first(only_here),
                theirs=_first(only_there),
            )
        )
    for name, (mine_value, their_value) in fields.items():
        problems.append(
            Msg(
                "dossier {code}: {field} edited to {ours!r} here and {theirs!r} there",
                code=code,
                field=Msg(DETAIL_WORDS[name]) if name in DETAIL_WORDS else name,
                ours=_said(mine_value),
                theirs=_said(their_value),
            )
        )
    if problems:
        if decided is None:
            plan.held[code] = problems
            return None
        plan.settled.append(code)
        clash = [*only_there] if decided == "here" else [*only_here]
        life = _decide(
            cal,
            code,
            (here, there),
            union,
            steps,
            clash if life is None else [],
            fields,
            plan,
            decided,
            reason,
        )
    assert life is not None
    return _merged_row(code, here, there, union, known, theirs_uids, life, plan.decisions)


def _decide(
    cal: WorkCalendar,
    code: str,
    rows: tuple[StoredDossier, StoredDossier],
    union: list[Move],
    steps: list[Move],
    dropped: list[Move],
    fields: dict[str, tuple[Any, Any]],
    plan: _Plan,
    decided: str,
    reason: str,
) -> Life:
    """``--keep``: the steps of the side not kept that clash are undone, each field edited
    both ways takes the kept side's value; the life the standing steps then give."""
    for m in dropped:
        plan.decisions.append({"kind": "undo", "code": code, "move": m, "side": decided, "reason": reason})
    for name, (mine_value, their_value) in fields.items():
        plan.decisions.append(
            {
                "kind": "edit",
                "code": code,
                "field": name,
                "before": their_value if decided == "here" else mine_value,
                "after": mine_value if decided == "here" else their_value,
                "settles": [m.uid for m in edits_by_field(union).get(name, [])],
                "side": decided,
                "reason": reason,
            }
        )
    here, there = rows
    return replay(cal, here.life(), [m for m in steps if m not in dropped], there.life())


def _receipt_undone(
    code: str,
    union: list[Move],
    known: dict[str, Move],
    theirs_uids: set[str],
    here: StoredDossier | None,
    plan: _Plan,
    decided: str | None,
    reason: str,
) -> _Outcome:
    """One point undid the receipt. The dossier goes, unless the other point recorded steps
    the undoing point never saw: then it is held, and only keeping the undo settles it (the
    steps are undone too, so the other point removes the dossier when it merges back)."""
    receipts = {m.uid for m in union if m.step == "receive"}
    undo = next(m for m in union if m.step == "undo" and m.undoes in receipts)
    undoer, side = (theirs_uids, "there") if undo.uid in theirs_uids else (set(known), "here")
    unseen = [m for m in standing_steps(union) if m.uid not in undoer]
    if not unseen:
        return "remove" if here is not None else "stay"
    if decided is None:
        plan.held[code] = [Msg("dossier {code}: its receipt was undone at one point ({at:%d/%m/%Y %H:%M}) while the other went on with it ({step})", code=code, at=undo.happened_at, step=_step(unseen[0]))]
        return None
    if decided != side:
        raise TthcError("the receipt of {code} was undone {side}: only --keep {side} settles it (receive the dossier again under a new code if it is real); nothing was written", code=code, side=side)
    plan.settled.append(code)
    for m in unseen:
        plan.decisions.append({"kind": "undo", "code": code, "move": m, "side": decided, "reason": reason})
    return "remove" if here is not None else "stay"


def _fast_forward(
    code: str,
    a: list[Move],
    b: list[Move],
    here: StoredDossier | None,
    there: StoredDossier | None,
    plan: _Plan,
) -> "_Outcome":
    """An imported dossier, or one only one side still holds a row of: one history (its
    moves: steps, undos and edits) must begin the other, and the longer one wins."""
    a, b = [m for m in a if m.step in MOVES], [m for m in b if m.step in MOVES]
    ua, ub = [m.uid for m in a], [m.uid for m in b]
    if ub[: len(ua)] == ua:
        if len(ub) == len(ua):
            return "stay"
        if there is None:
            return "remove" if here is not None else "stay"
        return there
    if ua[: len(ub)] == ub:
        return "stay"
    common = next((i for i, (x, y) in enumerate(zip(ua, ub, strict=False)) if x != y), min(len(ua), len(ub)))
    if common < len(a) and common < len(b):
        plan.held[code] = [
            Msg("dossier {code}: the two points recorded different steps after {common} in common: here {ours}; there {theirs}", code=code, ours=_step(a[common]), theirs=_step(b[common]), common=common)
        ]
        return None
    return "stay"


def _field_conflicts(
    union: list[Move], known: dict[str, Move], theirs_uids: set[str]
) -> dict[str, tuple[Any, Any]]:
    """Fields edited at both points to different values, neither edit settled since."""
    out: dict[str, tuple[Any, Any]] = {}
    for name, edits in edits_by_field(union).items():
        here = [m for m in edits if m.uid not in theirs_uids]
        there = [m for m in edits if m.uid not in known]
        if here and there:
            mine, other = here[-1].details["after"][name], there[-1].details["after"][name]
            if mine != other:
                out[name] = (mine, other)
    return out


def _merged_row(
    code: str,
    here: StoredDossier,
    there: StoredDossier,
    union: list[Move],
    known: dict[str, Move],
    theirs_uids: set[str],
    life: Life,
    decisions: list[dict[str, Any]],
) -> "StoredDossier | Literal['stay']":
    """This row with the life the union gives, and each detail field from the side whose
    edit of it is the newer (the decision's value for a field settled now)."""
    row = here.row()
    edits = edits_by_field(union)
    for name in DETAIL_FIELDS:
        standing = edits.get(name, [])
        if standing and standing[-1].uid not in known:
            row[name] = there.get(name)
    for d in decisions:
        if d["code"] == code and d["kind"] == "edit":
            row[d["field"]] = d["after"]
    row.update(zip(LIFE_COLUMNS, life_values(life), strict=True))
    row.update(facts_of_steps(union))
    row["officer"] = officer_after(union, row["officer"])
    for d in decisions:
        if d["code"] == code and d["kind"] == "edit" and d["field"] == "officer":
            row["officer"] = d["after"]
    row["search_text"] = search_text(row["applicant"], code, row["phone"], row["id_number"])
    row["updated_at"] = max(str(here.get("updated_at")), str(there.get("updated_at")))
    rounds = [round_values(code, r)[1:] for r in life.rounds]
    merged = StoredDossier.of(row, [])
    merged = StoredDossier(merged.values, tuple(rounds))
    return "stay" if merged == here else merged


def _first(moves: list[Move]) -> Msg:
    return _step(moves[0]) if moves else Msg("no step")


def _describe(row: StoredDossier | None) -> Msg:
    if row is None:
        return Msg("receipt undone")
    return Msg(
        "{procedure} received {at:%d/%m/%Y %H:%M} from {applicant}",
        at=datetime.fromisoformat(str(row.get("received_at"))),
        procedure=row.get("procedure_code"),
        applicant=row.get("applicant"),
    )


def _step(e: Move) -> Msg:
    return Msg("{step} at {at:%d/%m/%Y %H:%M}", step=Msg(STEP_WORDS[e.step]), at=e.happened_at)


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
            **{table: len(plan.rows.get(table, [])) for table in (*_REGISTERS, "code_sequences")},
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


def _write_decisions(ctx: Context, store: Store, source: str, plan: _Plan, ids: dict[str, int]) -> None:
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
        raise TthcError("cannot copy the {table} row {key}: {reason}; nothing was written", table=table, key=f"event {their_id}", reason="no such event")
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
        raise TthcError("cannot copy the {table} row {key}: {reason}; nothing was written", table="dossiers", key=duplicates[0][1], reason="already here")
