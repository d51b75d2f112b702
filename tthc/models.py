"""Plain immutable types of the domain: procedures, dossiers, events, statuses, channels."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from tthc.clock import iso

Status = Literal["processing", "paused", "resolved", "returned", "withdrawn"]
Channel = Literal["direct", "online", "postal"]
CHANNELS: tuple[Channel, ...] = ("direct", "online", "postal")
OUTCOMES = ("approved", "rejected")

#: Steps of a dossier's life that ``undo`` can revert, and the statuses each may start from.
LIFECYCLE: dict[str, tuple[Status, ...]] = {
    "receive": (),
    "handover": ("processing", "paused"),
    "supplement": ("processing",),
    "resume": ("paused",),
    "resolve": ("processing",),
    "return": ("resolved",),
    "withdraw": ("processing", "paused"),
    "apologize": ("processing", "paused"),
}


def fold(text: str) -> str:
    """Lower case without Vietnamese diacritics (đ → d): what search compares.

    Letters decompose (NFD) into a base letter and marks; keeping only ASCII keeps the base
    letters of Vietnamese text. Both the stored text and the query are folded alike.
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii").lower()


def name_key(name: str) -> str:
    """How registered names compare: "Lan" and "lan" (and "Đức"/"đức") are one."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def mask_id(id_number: str | None) -> str | None:
    if not id_number:
        return id_number
    return "•" * (len(id_number) - 4) + id_number[-4:]


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    field: str
    limit: str
    alias: str | None = None
    fee: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "field": self.field,
            "limit": self.limit,
            "alias": self.alias,
            "fee": self.fee,
        }


@dataclass(frozen=True)
class Dossier:
    code: str
    procedure: str
    procedure_name: str
    field: str
    applicant: str
    id_number: str | None
    phone: str | None
    address: str | None
    note: str | None
    channel: str
    point: str | None
    officer: str | None
    limit: str
    received_at: datetime
    effective_receipt: datetime
    due_date: date | None
    due_at: datetime | None
    deadline: datetime | None
    due_source: str
    status: str
    paused_at: datetime | None
    resolved_at: datetime | None
    outcome: str | None
    timeliness: str | None
    returned_at: datetime | None
    withdrawn_at: datetime | None
    apology_at: datetime | None
    apology_date: date | None
    apology_reason: str | None

    def as_json(self, *, show_id: bool = False) -> dict[str, Any]:
        return {
            "code": self.code,
            "procedure": self.procedure,
            "procedure_name": self.procedure_name,
            "field": self.field,
            "applicant": self.applicant,
            "id_number": self.id_number if show_id else mask_id(self.id_number),
            "phone": self.phone,
            "address": self.address,
            "note": self.note,
            "channel": self.channel,
            "point": self.point,
            "officer": self.officer,
            "status": self.status,
            "limit": self.limit,
            "received_at": iso(self.received_at),
            "effective_receipt": iso(self.effective_receipt),
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "due_at": iso(self.due_at),
            "due_source": self.due_source,
            "paused_at": iso(self.paused_at),
            "resolved_at": iso(self.resolved_at),
            "outcome": self.outcome,
            "returned_at": iso(self.returned_at),
            "withdrawn_at": iso(self.withdrawn_at),
            "timeliness": self.timeliness,
            "apology": None
            if self.apology_at is None
            else {
                "issued_at": iso(self.apology_at),
                "new_date": self.apology_date.isoformat() if self.apology_date else None,
                "reason": self.apology_reason,
            },
        }


@dataclass(frozen=True)
class Event:
    id: int
    dossier_code: str | None
    step: str
    happened_at: datetime
    recorded_at: datetime
    actor: str
    details: dict[str, Any]
    undoes: int | None
