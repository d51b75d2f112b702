"""A dossier's life: receive, hand over, supplement and resume, resolve, return, withdraw,
apologize; corrections and undo; looking up and the worklist. Rules come from
``deadlines``; every write goes through the store in one transaction with its audit event.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from tthc import deadlines
from tthc.catalog import registered
from tthc.clock import RECEIPT_DEFAULT_TIME, STEP_DEFAULT_TIME, from_iso, parse_day, parse_when
from tthc.errors import Msg, TthcError
from tthc.models import CHANNELS, LIFECYCLE, OUTCOMES, Dossier, Event, fold
from tthc.timelimit import TimeLimit, parse_limit

if TYPE_CHECKING:
    import sqlite3

    from tthc.service import Context
    from tthc.store import Store

CLOCK_SKEW = timedelta(minutes=1)
_ID_NUMBER = re.compile(r"^\d{12}$")
_PHONE = re.compile(r"^\+?[0-9 .-]{9,15}$")
_DOSSIER_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._/-]{0,59}$")


# -- reading rows ---------------------------------------------------------------------------
def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def to_dossier(row: sqlite3.Row) -> Dossier:
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
        officer=row["officer"],
        limit=row["time_limit"],
        received_at=cast(datetime, from_iso(row["received_at"])),
        effective_receipt=cast(datetime, from_iso(row["effective_receipt"])),
        due_date=_day(row["due_date"]),
        due_at=from_iso(row["due_at"]),
        deadline=from_iso(row["deadline"]),
        due_source=row["due_source"],
        status=row["status"],
        paused_at=from_iso(row["paused_at"]),
        resolved_at=from_iso(row["resolved_at"]),
        outcome=row["outcome"],
        timeliness=row["timeliness"],
        returned_at=from_iso(row["returned_at"]),
        withdrawn_at=from_iso(row["withdrawn_at"]),
        apology_at=from_iso(row["apology_at"]),
        apology_date=_day(row["apology_date"]),
        apology_reason=row["apology_reason"],
    )


def _load(store: Store, code: str) -> sqlite3.Row:
    row = store.dossier(code)
    if row is None:
        raise TthcError("e_dossier_unknown", code=code.strip())
    return row


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


# -- checks shared by every step ---------------------------------------------------------------
def _clean(value: str | None, required: str | None = None) -> str | None:
    """Whitespace-normalised text or None; ``required`` names (a message key) what may not be empty."""
    cleaned = " ".join((value or "").split())
    if not cleaned:
        if required:
            raise TthcError("e_empty", what=Msg(required))
        return None
    return cleaned


def check_id_number(value: str | None) -> str | None:
    cleaned = _clean(value)
    if cleaned is not None and not _ID_NUMBER.match(cleaned):
        raise TthcError("e_id_number", value=value)
    return cleaned


def check_phone(value: str | None) -> str | None:
    cleaned = _clean(value)
    if cleaned is not None and (
        not _PHONE.match(cleaned) or not 9 <= sum(c.isdigit() for c in cleaned) <= 12
    ):
        raise TthcError("e_phone", value=value)
    return cleaned


def _when(ctx: Context, text: str | None, *, receipt: bool = False) -> datetime:
    moment = parse_when(
        text or "now", now=ctx.now, default_time=RECEIPT_DEFAULT_TIME if receipt else STEP_DEFAULT_TIME
    )
    if moment > ctx.now + CLOCK_SKEW:
        raise TthcError("e_future", text=text, now=ctx.now)
    return moment


def _active_steps(store: Store, code: str) -> list[Event]:
    """Life-cycle events of the dossier that have not been undone, oldest first."""
    import json

    rows = store.events(code)
    undone = {r["undoes"] for r in rows if r["undoes"] is not None}
    return [
        Event(
            r["id"],
            r["dossier_code"],
            r["step"],
            cast(datetime, from_iso(r["happened_at"])),
            cast(datetime, from_iso(r["recorded_at"])),
            r["actor"],
            json.loads(r["details"]),
            r["undoes"],
        )
        for r in rows
        if r["step"] in LIFECYCLE and r["id"] not in undone and r["undoes"] is None
    ]


def _check_step(store: Store, row: sqlite3.Row, step: str, at: datetime) -> None:
    allowed = LIFECYCLE[step]
    if row["status"] not in allowed:
        raise TthcError(
            "e_transition",
            step=Msg(f"s_{step}"),
            code=row["code"],
            status=Msg(row["status"]),
            allowed=Msg("w_or", a=Msg(allowed[0]), b=Msg(allowed[1]))
            if len(allowed) > 1
            else Msg(allowed[0]),
        )
    steps = _active_steps(store, row["code"])
    last_at = max([cast(datetime, from_iso(row["received_at"]))] + [e.happened_at for e in steps])
    if at < last_at:
        raise TthcError("e_step_order", step=Msg(f"s_{step}"), at=at, last=last_at)


# -- the due date --------------------------------------------------------------------------------
def derive_due(ctx: Context, row: sqlite3.Row, pauses: list[sqlite3.Row]) -> deadlines.Due | None:
    """The due date in force from the dossier's facts: receipt, limit, supplement rounds."""
    cal = ctx.calendar()
    limit = parse_limit(row["time_limit"])
    received = cast(datetime, from_iso(row["received_at"]))
    if row["due_source"] == "imported":
        due_at = cast(datetime, from_iso(row["imported_due_at"]))
        base = deadlines.Due(
            limit, received, cast(datetime, from_iso(row["effective_receipt"])), due_at.date(), due_at
        )
    else:
        base = deadlines.compute_due(cal, limit, received)
    rounds = [
        (cast(datetime, from_iso(p["paused_at"])), from_iso(p["resumed_at"]), p["policy"]) for p in pauses
    ]
    return deadlines.due_with_pauses(cal, base, rounds)


def _due_columns(due: deadlines.Due | None) -> dict[str, str | None]:
    if due is None:
        return {"due_date": None, "due_at": None, "deadline": None}
    return {"due_date": due.due_date.isoformat(), "due_at": _iso(due.due_at), "deadline": _iso(due.deadline)}


def _refresh_due(ctx: Context, store: Store, code: str) -> dict[str, str | None]:
    row = _load(store, code)
    columns = _due_columns(derive_due(ctx, row, store.pauses(code)))
    store.update("dossiers", "code", code, columns)
    return columns


def recompute_open(ctx: Context, *, reason: str) -> int:
    """Re-derive open dossiers' due dates after a calendar change; audit each that moved.

    Called inside the caller's transaction.
    """
    store = ctx.store()
    changed = 0
    for row in store.open_dossiers():
        before = {k: row[k] for k in ("due_date", "due_at", "deadline")}
        after = _due_columns(derive_due(ctx, row, store.pauses(row["code"])))
        if after != before:
            store.update("dossiers", "code", row["code"], after)
            store.add_event(
                step="due.recompute",
                dossier_code=row["code"],
                happened_at=ctx.now,
                recorded_at=ctx.now,
                actor=ctx.actor,
                details={"reason": reason, "before": before, "after": after},
            )
            changed += 1
    return changed


# -- receiving -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Receipt:
    dossier: Dossier
    limit_overridden: bool


def receive(
    ctx: Context,
    procedure: str,
    *,
    applicant: str,
    channel: str = "direct",
    at: str | None = None,
    code: str | None = None,
    point: str | None = None,
    officer: str | None = None,
    limit: str | None = None,
    id_number: str | None = None,
    phone: str | None = None,
    address: str | None = None,
    note: str | None = None,
) -> Receipt:
    """Record a new dossier and its appointment; the code is generated under the write lock."""
    name = cast(str, _clean(applicant, "w_applicant"))
    if channel not in CHANNELS:
        raise TthcError("e_channel", value=channel)
    received = _when(ctx, at, receipt=True)
    id_clean = check_id_number(id_number)
    phone_clean = check_phone(phone)
    override = parse_limit(limit) if limit is not None else None
    if code is not None and not _DOSSIER_CODE.match(code.strip()):
        raise TthcError("e_dossier_code", code=code)
    store = ctx.store()
    with store.write():
        proc = store.procedure(procedure)
        if proc is None:
            raise TthcError("e_proc_unknown", code=procedure)
        point_row = registered(store, "point", point)
        officer_row = registered(store, "officer", officer)
        time_limit: TimeLimit = override or parse_limit(proc["time_limit"])
        overridden = override is not None and str(override) != proc["time_limit"]
        due = deadlines.compute_due(ctx.calendar(), time_limit, received)
        if code is not None:
            the_code = code.strip()
            if store.code_used(the_code):
                raise TthcError("e_code_used", code=the_code)
        else:
            the_code = _next_code(ctx, store, point_row, received)
        now = _iso(ctx.now)
        store.insert(
            "dossiers",
            {
                "code": the_code,
                "procedure_code": proc["code"],
                "field": proc["field"],
                "applicant": name,
                "search_text": fold(" ".join(filter(None, (name, the_code, phone_clean, id_clean)))),
                "id_number": id_clean,
                "phone": phone_clean,
                "address": _clean(address),
                "note": _clean(note),
                "channel": channel,
                "point": point_row["name"] if point_row else None,
                "officer": officer_row["name"] if officer_row else None,
                "time_limit": str(time_limit),
                "limit_overridden": int(overridden),
                "received_at": _iso(received),
                "effective_receipt": _iso(due.effective_receipt),
                **_due_columns(due),
                "status": "processing",
                "created_at": now,
                "updated_at": now,
            },
        )
        details: dict[str, Any] = {"procedure": proc["code"], "limit": str(time_limit), "channel": channel}
        if overridden:
            details["limit_override"] = {"catalog": proc["time_limit"], "given": str(time_limit)}
        store.add_event(
            step="receive",
            dossier_code=the_code,
            happened_at=received,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details=details,
        )
        return Receipt(to_dossier(_load(store, the_code)), overridden)


def _next_code(ctx: Context, store: Store, point_row: sqlite3.Row | None, received: datetime) -> str:
    """``<unit code>-YYMMDD-NNNN`` (Circular 01/2018/TT-VPCP Art. 19), never reused."""
    prefix = (point_row["code_prefix"] if point_row and point_row["code_prefix"] else None) or ctx.settings()[
        "code_prefix"
    ]
    day = received.strftime("%y%m%d")
    while True:
        number = store.next_sequence(prefix, day)
        if number > 9999:
            raise TthcError("e_code_overflow", day=received, prefix=prefix)
        code = f"{prefix}-{day}-{number:04d}"
        if not store.code_used(code):  # a code typed by hand may have taken this number
            return code


# -- life-cycle steps ----------------------------------------------------------------------------
def _apply(
    ctx: Context,
    code: str,
    step: str,
    at_text: str | None,
    change: Callable[[Store, sqlite3.Row, datetime], tuple[dict[str, Any], dict[str, Any]]],
) -> Dossier:
    """Check the transition and the time order, apply ``change``, record the event — one transaction.

    ``change`` returns the new column values and extra event details.
    """
    at = _when(ctx, at_text)
    store = ctx.store()
    with store.write():
        row = _load(store, code)
        _check_step(store, row, step, at)
        values, details = change(store, row, at)
        before = {k: row[k] for k in values}
        values["updated_at"] = _iso(ctx.now)
        store.update("dossiers", "code", row["code"], values)
        if step in ("supplement", "resume"):
            _refresh_due(ctx, store, row["code"])
        store.add_event(
            step=step,
            dossier_code=row["code"],
            happened_at=at,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={**details, "before": before},
        )
        return to_dossier(_load(store, row["code"]))


def handover(ctx: Context, code: str, to: str, at: str | None = None, note: str | None = None) -> Dossier:
    def change(store: Store, row: sqlite3.Row, at: datetime) -> tuple[dict[str, Any], dict[str, Any]]:
        officer = cast("sqlite3.Row", registered(store, "officer", to))
        return {"officer": officer["name"]}, {
            "from": row["officer"],
            "to": officer["name"],
            "note": _clean(note),
        }

    return _apply(ctx, code, "handover", at, change)


def supplement(ctx: Context, code: str, at: str | None = None, reason: str | None = None) -> Dossier:
    def change(store: Store, row: sqlite3.Row, at: datetime) -> tuple[dict[str, Any], dict[str, Any]]:
        policy = ctx.settings()["supplement_policy"]
        pause_id = store.insert(
            "pauses",
            {
                "dossier_code": row["code"],
                "paused_at": _iso(at),
                "policy": policy,
                "reason": _clean(reason),
            },
        )
        return (
            {"status": "paused", "paused_at": _iso(at)},
            {
                "pause_id": pause_id,
                "policy": policy,
                "reason": _clean(reason),
                "due_before": row["due_at"],
            },
        )

    return _apply(ctx, code, "supplement", at, change)


def resume(ctx: Context, code: str, at: str | None = None) -> Dossier:
    def change(store: Store, row: sqlite3.Row, at: datetime) -> tuple[dict[str, Any], dict[str, Any]]:
        pause = store.pauses(row["code"])[-1]
        store.update("pauses", "id", pause["id"], {"resumed_at": _iso(at)})
        return {"status": "processing", "paused_at": None}, {"pause_id": pause["id"]}

    return _apply(ctx, code, "resume", at, change)


def resolve(
    ctx: Context, code: str, at: str | None = None, outcome: str = "approved", note: str | None = None
) -> Dossier:
    if outcome not in OUTCOMES:
        raise TthcError("e_outcome", value=outcome)

    def change(store: Store, row: sqlite3.Row, at: datetime) -> tuple[dict[str, Any], dict[str, Any]]:
        limit = parse_limit(row["time_limit"])
        due_at = cast(datetime, from_iso(row["due_at"]))
        judged = deadlines.timeliness(limit, date.fromisoformat(row["due_date"]), due_at, at)
        return (
            {"status": "resolved", "resolved_at": _iso(at), "outcome": outcome, "timeliness": judged},
            {"outcome": outcome, "timeliness": judged, "note": _clean(note)},
        )

    return _apply(ctx, code, "resolve", at, change)


def return_result(ctx: Context, code: str, at: str | None = None) -> Dossier:
    def change(store: Store, row: sqlite3.Row, at: datetime) -> tuple[dict[str, Any], dict[str, Any]]:
        return {"status": "returned", "returned_at": _iso(at)}, {}

    return _apply(ctx, code, "return", at, change)


def withdraw(ctx: Context, code: str, at: str | None = None, reason: str | None = None) -> Dossier:
    def change(store: Store, row: sqlite3.Row, at: datetime) -> tuple[dict[str, Any], dict[str, Any]]:
        values: dict[str, Any] = {"status": "withdrawn", "withdrawn_at": _iso(at)}
        if row["status"] == "paused":
            pause = store.pauses(row["code"])[-1]
            values["paused_at"] = None
            return values, {"reason": _clean(reason), "was_paused": pause["id"]}
        return values, {"reason": _clean(reason)}

    return _apply(ctx, code, "withdraw", at, change)


@dataclass(frozen=True)
class Apology:
    dossier: Dossier
    late_notice: bool  # issued later than one working day before the due date


def apologize(ctx: Context, code: str, new_date: str, reason: str, at: str | None = None) -> Apology:
    """Form 04: once per dossier; the new date is promised to the citizen, never judged by."""
    why = cast(str, _clean(reason, "w_reason"))
    promised = parse_day(new_date, today=ctx.now.date())
    late_notice = False

    def change(store: Store, row: sqlite3.Row, at: datetime) -> tuple[dict[str, Any], dict[str, Any]]:
        nonlocal late_notice
        if row["apology_at"] is not None:
            raise TthcError("e_apology_twice", code=row["code"], at=row["apology_at"])
        if row["due_date"] is not None:
            due_day = date.fromisoformat(row["due_date"])
            if promised <= due_day:
                raise TthcError("e_apology_date", new=promised, due=due_day)
            late_notice = ctx.calendar().working_days_between(at.date(), due_day) < 1
        elif promised <= at.date():
            raise TthcError("e_apology_date_paused", new=promised)
        return (
            {"apology_at": _iso(at), "apology_date": promised.isoformat(), "apology_reason": why},
            {"new_date": promised.isoformat(), "reason": why, "late_notice": late_notice},
        )

    dossier = _apply(ctx, code, "apologize", at, change)
    return Apology(dossier, late_notice)


# -- corrections ----------------------------------------------------------------------------------
def edit(ctx: Context, code: str, changes: dict[str, str | None]) -> Dossier:
    """Correct details (not the timeline); recorded in the audit trail with the old values."""
    given = {k: v for k, v in changes.items() if v is not None}
    if not given:
        raise TthcError("e_edit_nothing")
    store = ctx.store()
    with store.write():
        row = _load(store, code)
        values: dict[str, Any] = {}
        for key, value in given.items():
            if key == "applicant":
                values[key] = _clean(value, "w_applicant")
            elif key == "phone":
                values[key] = check_phone(value)
            elif key == "id_number":
                values[key] = check_id_number(value)
            elif key in ("point", "officer"):
                reg = registered(store, key, value) if value.strip() else None
                values[key] = reg["name"] if reg else None
            else:
                values[key] = _clean(value)
        merged = {**dict(row), **values}
        values["search_text"] = fold(
            " ".join(filter(None, (merged["applicant"], row["code"], merged["phone"], merged["id_number"])))
        )
        before = {k: row[k] for k in values if k != "search_text"}
        values["updated_at"] = _iso(ctx.now)
        store.update("dossiers", "code", row["code"], values)
        store.add_event(
            step="edit",
            dossier_code=row["code"],
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={"before": before, "after": {k: values[k] for k in before}},
        )
        return to_dossier(_load(store, row["code"]))


def undo(ctx: Context, code: str) -> tuple[str, Dossier | None]:
    """Revert the latest life-cycle step (a receipt undone removes the dossier; its code
    stays used). The reverted step and the undo both stay in the audit trail."""
    store = ctx.store()
    with store.write():
        row = _load(store, code)
        steps = _active_steps(store, row["code"])
        if not steps:
            raise TthcError("e_undo_nothing", code=row["code"])
        last = steps[-1]
        if last.step == "receive":
            if store.pauses(row["code"]):
                raise TthcError("e_undo_pauses", code=row["code"])
            store.delete_dossier(row["code"])
        else:
            values = dict(last.details.get("before", {}))
            if last.step == "supplement":
                store.delete_pause(last.details["pause_id"])
            elif last.step == "resume":
                store.update("pauses", "id", last.details["pause_id"], {"resumed_at": None})
            values["updated_at"] = _iso(ctx.now)
            store.update("dossiers", "code", row["code"], values)
            if last.step in ("supplement", "resume"):
                _refresh_due(ctx, store, row["code"])
        store.add_event(
            step="undo",
            dossier_code=row["code"],
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={"step": last.step, "happened_at": _iso(last.happened_at)},
            undoes=last.id,
        )
        remaining = store.dossier(row["code"])
        return last.step, to_dossier(remaining) if remaining else None


# -- looking things up ----------------------------------------------------------------------------
@dataclass(frozen=True)
class DossierView:
    dossier: Dossier
    events: list[Event]
    steps: list[deadlines.Step]


def show(ctx: Context, code: str) -> DossierView:
    import json

    store = ctx.store()
    row = _load(store, code)
    dossier = to_dossier(row)
    events = [
        Event(
            r["id"],
            r["dossier_code"],
            r["step"],
            cast(datetime, from_iso(r["happened_at"])),
            cast(datetime, from_iso(r["recorded_at"])),
            r["actor"],
            json.loads(r["details"]),
            r["undoes"],
        )
        for r in store.events(dossier.code)
    ]
    steps: list[deadlines.Step] = []
    if dossier.due_source == "computed":
        cal = ctx.calendar()
        due, steps = deadlines.explain(cal, parse_limit(dossier.limit), dossier.received_at)
        for p in store.pauses(dossier.code):
            paused_at = cast(datetime, from_iso(p["paused_at"]))
            steps.append(deadlines.Step("x_supplement", paused_at.date(), {"at": f"{paused_at:%H:%M}"}))
            resumed_at = from_iso(p["resumed_at"])
            if resumed_at is None:
                break
            due = deadlines.resume_due(cal, due, paused_at, resumed_at, p["policy"])
            steps.append(
                deadlines.Step(f"x_resume_{p['policy']}", resumed_at.date(), {"at": f"{resumed_at:%H:%M}"})
            )
            steps.append(deadlines.Step("x_due", due.due_date, {"at": f"{due.due_at:%H:%M}"}))
    return DossierView(dossier, events, steps)


def history(ctx: Context, code: str) -> list[Event]:
    return show(ctx, code).events


@dataclass
class ListFilter:
    status: str | None = None
    field: str | None = None
    procedure: str | None = None
    point: str | None = None
    officer: str | None = None
    channel: str | None = None
    received_from: str | None = None
    received_to: str | None = None
    due_from: str | None = None
    due_to: str | None = None
    overdue: bool = False
    due_within: int | None = None
    search: str | None = None
    limit: int | None = 50


def morning_view(f: ListFilter) -> bool:
    return all(
        getattr(f, k) is None or getattr(f, k) is False
        for k in (
            "status",
            "field",
            "procedure",
            "point",
            "officer",
            "channel",
            "received_from",
            "received_to",
            "due_from",
            "due_to",
            "overdue",
            "due_within",
            "search",
        )
    )


def filter_sql(ctx: Context, f: ListFilter) -> tuple[list[str], list[Any]]:
    """SQL conditions (on ``dossiers d``) for a filter, shared by the worklist and export."""
    store = ctx.store()
    where: list[str] = []
    params: list[Any] = []
    today = ctx.now.date()
    open_only = "d.status IN ('processing', 'paused')"
    if f.status:
        where.append("d.status = ?")
        params.append(f.status)
    if f.field:
        where.append("d.field = ? COLLATE NOCASE")
        params.append(f.field)
    if f.procedure:
        proc = store.procedure(f.procedure)
        if proc is None:
            raise TthcError("e_proc_unknown", code=f.procedure)
        where.append("d.procedure_code = ?")
        params.append(proc["code"])
    for kind in ("point", "officer"):
        value = getattr(f, kind)
        if value:
            reg = registered(store, kind, value)
            assert reg is not None
            where.append(f"d.{kind} = ?")
            params.append(reg["name"])
    if f.channel:
        if f.channel not in CHANNELS:
            raise TthcError("e_channel", value=f.channel)
        where.append("d.channel = ?")
        params.append(f.channel)
    if f.received_from:
        where.append("d.received_at >= ?")
        params.append(parse_day(f.received_from, today=today).isoformat())
    if f.received_to:
        where.append("d.received_at < ?")
        params.append((parse_day(f.received_to, today=today) + timedelta(1)).isoformat())
    if f.due_from:
        where.append("d.due_date >= ?")
        params.append(parse_day(f.due_from, today=today).isoformat())
    if f.due_to:
        where.append("d.due_date <= ?")
        params.append(parse_day(f.due_to, today=today).isoformat())
    if f.overdue:
        where.extend([open_only, "d.deadline < ?"])
        params.append(_iso(ctx.now))
    if f.due_within is not None:
        if f.due_within < 0:
            raise TthcError("e_due_within", n=f.due_within)
        horizon = ctx.calendar().nth_working_day_after(today, f.due_within) if f.due_within else today
        where.extend([open_only, "d.due_date <= ?"])
        params.append(horizon.isoformat())
    if f.search:
        for word in fold(f.search).split():
            where.append("d.search_text LIKE ? ESCAPE '\\'")
            params.append("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    if f.limit is not None and f.limit <= 0:
        raise TthcError("e_list_limit", n=f.limit)
    return where, params


def list_dossiers(ctx: Context, f: ListFilter) -> list[Dossier]:
    """The worklist, soonest deadline first. With no filter: overdue, due today, and due
    within two working days — the clerk's morning view."""
    if morning_view(f):
        f = ListFilter(due_within=2, limit=f.limit)
    where, params = filter_sql(ctx, f)
    store = ctx.store()
    rows = store.query_dossiers(where, params, "d.due_date IS NULL, d.deadline, d.received_at", f.limit)
    return [to_dossier(r) for r in rows]


def urgency(d: Dossier, now: datetime, soon: date) -> str:
    """overdue · today · soon · paused · open · done — what colour a worklist row gets."""
    if d.status not in ("processing", "paused"):
        return "done"
    if d.status == "paused":
        return "paused"
    if d.deadline is not None and d.deadline < now:
        return "overdue"
    if d.due_date == now.date():
        return "today"
    if d.due_date is not None and d.due_date <= soon:
        return "soon"
    return "open"
