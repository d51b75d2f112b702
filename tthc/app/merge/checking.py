"""Reading and checking the other point's file before anything of it is believed: a file of
another center is refused; settings, moments and steps a clerk could never have entered here
are faults; each of its dossiers is worked out again from the file's own events
(``tthc.core.replay``), and a row that says otherwise is a fault of the file."""

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from tthc.app.context import Context
from tthc.app.merge.data import PointData
from tthc.core.clock import check_year
from tthc.core.errors import Msg, TthcError
from tthc.core.lifecycle import OPEN
from tthc.core.replay import (
    Move,
    countings_as_laid,
    judged_again,
    moves_of,
    receipt_as_decided,
    receipt_stands,
    replay,
    standing_steps,
)
from tthc.core.settings import Settings, check_stored, with_defaults
from tthc.core.workcalendar import WorkCalendar
from tthc.locale.i18n import ColumnWord
from tthc.locale.marks import N_
from tthc.storage.store import COPY_KEYS, LIFE_COLUMNS, Store, life_values, round_values
from tthc.storage.stored import StoredDossier
from tthc.storage.tables import BadRows


def read_database(store: Store, source: str) -> PointData:
    return PointData(
        source,
        {table: store.copy_rows(table) for table in COPY_KEYS},
        list(store.copy_events()),
        list(store.stored_dossiers()),
    )


def check_file(ctx: Context, store: Store, data: PointData, *, whole: bool, other_center: bool) -> None:
    """Refuse the file, listing its faults, before anything is planned or written: another
    center's file (unless ``other_center``), rows this database would refuse, histories that
    say something else than their rows."""
    if not other_center:
        refuse_other_center(
            store, {str(r["key"]): str(r["value"]) for r in data.tables.get("settings", [])}, data.source
        )
    faults = _faults(data, whole)
    if not faults:
        faults = _history_faults(ctx, store, data)
    if faults:
        more = [Msg("… and {n} more", n=len(faults) - _SHOWN)] if len(faults) > _SHOWN else []
        raise TthcError(
            "{n} value(s) in {path} that this database cannot hold; nothing was written",
            n=len(faults),
            path=data.source,
            details=[*faults[:_SHOWN], *more],
        )


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
            faults.append(
                Msg(
                    "audit event #{id}: {what}: {reason}",
                    id=e.id,
                    what=ColumnWord("happened_at"),
                    reason=exc.msg,
                )
            )
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
            faults.append(
                Msg("dossier {code}: {what}: {reason}", code=d.code, what=ColumnWord(column), reason=exc.msg)
            )
            continue
        if column == "received_at":
            received = moment
        elif received is not None and moment < received:
            faults.append(
                Msg(
                    "dossier {code}: {what}: {reason}",
                    code=d.code,
                    what=ColumnWord(column),
                    reason=Msg(
                        "{at:%d/%m/%Y %H:%M} is before the receipt ({received:%d/%m/%Y %H:%M})",
                        at=moment,
                        received=received,
                    ),
                )
            )
    return faults


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
            faults.append(
                Msg(
                    "audit event {uid} of dossier {code}: that uid is an event of {here} in this database",
                    uid=m.uid,
                    code=m.code or "-",
                    here=here.dossier_code or "-",
                )
            )
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
            return Msg(
                "dossier {code}: {what}: {reason}",
                code=d.code,
                what=ColumnWord("received_at"),
                reason=Msg("the row's receipt is not the one its receive event records"),
            )
        if not receipt_as_decided(cal, stored):
            return Msg(
                "dossier {code}: {what}: {reason}",
                code=d.code,
                what=ColumnWord("receipt_due_at"),
                reason=Msg("the receipt's counting is not one its time limit gives"),
            )
        try:
            life = replay(cal, stored, standing_steps(moves))
        except TthcError as exc:
            return Msg(
                "dossier {code}: {what}: {reason}", code=d.code, what=Msg("its history"), reason=exc.msg
            )
    else:
        life = judged_again(stored)
    as_of_then = (life.status not in OPEN and any(at > life.last_at for at in calendar_changed)) or any(
        at > stored.received_at for at in rules_changed
    )  # closed before days changed, or counted before the sessions or cut-off changed
    if not as_of_then and not countings_as_laid(cal, stored):
        return Msg(
            "dossier {code}: {what}: {reason}",
            code=d.code,
            what=ColumnWord("receipt_due_at"),
            reason=Msg("the receipt's counting is not one its time limit gives"),
        )
    skip: frozenset[str] = _BY_CALENDAR if as_of_then else frozenset()
    derived = dict(zip(LIFE_COLUMNS, life_values(life), strict=True))
    for column in _DERIVED:
        if column not in skip and derived[column] != d.get(column):
            return Msg(
                "dossier {code}: {what}: {reason}",
                code=d.code,
                what=ColumnWord(column),
                reason=Msg(
                    "{row} in its row, {history} by its own history",
                    row=said(d.get(column)),
                    history=said(derived[column]),
                ),
            )
    rounds = tuple(round_values(d.code, r)[1:] for r in life.rounds)
    if not skip and rounds != d.rounds:
        return Msg(
            "dossier {code}: {what}: {reason}",
            code=d.code,
            what=ColumnWord("paused_at"),
            reason=Msg("the supplement rounds are not those its history gives"),
        )
    return None


def said(value: Any) -> str:
    return "-" if value is None else str(value)
