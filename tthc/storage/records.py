"""Rows into typed records and back: moments as stored, a dossier and its life read from
its rows, the values a new dossier or round is written with, the keys a copy is matched
by; the helpers every part of the store shares.
"""

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from tthc.core.deadlines import Counting, CountUnit, Due, Policy, Round
from tthc.core.lifecycle import Apology, Life, Outcome, Status, facts_last_at
from tthc.core.models import Dossier, Event, Service
from tthc.core.timelimit import TimeLimit, parse_limit
from tthc.storage.conditions import open_sql, visible_sql

if TYPE_CHECKING:
    from tthc.storage.details import Details

#: The open statuses as SQL (``conditions.open_sql``), on the dossiers' alias ``d``.
OPEN_SQL = open_sql("d")

#: Not part of an import still being copied in (``conditions.visible_sql``).
VISIBLE = visible_sql("d")


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


class EventKey(NamedTuple):
    """An event as a merge compares it: which one (uid), of which dossier, what step, when."""

    id: int
    uid: str
    dossier_code: str | None
    step: str
    happened_at: datetime
    undoes: int | None


def new_dossier_values(
    code: str, details: "Details", life: Life, stamp: str, imported_by: int | None = None
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


#: A dossier and its procedure's name, as every read of whole dossiers takes them.
_SELECT = "SELECT d.*, p.name AS procedure_name FROM dossiers d LEFT JOIN procedures p ON p.code = d.procedure_code"


def rounds_of(conn: sqlite3.Connection, codes: Sequence[str]) -> dict[str, list[sqlite3.Row]]:
    out: dict[str, list[sqlite3.Row]] = {}
    for i in range(0, len(codes), 500):
        chunk = codes[i : i + 500]
        rows = conn.execute(
            f"SELECT * FROM pauses WHERE dossier_code IN ({', '.join('?' * len(chunk))}) ORDER BY id",
            chunk,
        )
        for p in rows:
            out.setdefault(p["dossier_code"], []).append(p)
    return out


def records_of(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[Dossier]:
    rounds = rounds_of(conn, [r["code"] for r in rows])
    return [_dossier(r, rounds.get(r["code"], ())) for r in rows]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(word: str) -> str:
    return "%" + _escape(word) + "%"
