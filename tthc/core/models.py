"""Plain immutable records the storage layer hands back: dossiers as a list or a screen shows
them, audit events, a PC's block of codes; and how names and text compare. The registers'
records (procedures, registered names, the center's own calendar days) are in
:mod:`tthc.core.registry`."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, get_args

from tthc.core.clock import iso
from tthc.core.deadlines import Round
from tthc.core.lifecycle import Apology, Life

Channel = Literal["direct", "online", "postal"]
#: How a dossier reached the center (the CLI's ``--channel`` choices, the database's CHECK and
#: the summary's ``received_by_channel`` keys come from here).
CHANNELS: tuple[Channel, ...] = get_args(Channel)
Kind = Literal["officer", "point"]


#: A dossier code of the system's own shape, ``<unit code>-YYMMDD-NNNN`` (Circular
#: 01/2018/TT-VPCP Art. 19), whoever gave it: tthc or another system of the same standard.
OWN_CODE = re.compile(r"^(?P<prefix>.+)-(?P<day>[0-9]{6})-(?P<number>[0-9]{4})$")


def code_day(received: datetime) -> str:
    """The YYMMDD a code of the system's own shape carries: the day of actual receipt."""
    return received.strftime("%y%m%d")


def _without_marks(text: str) -> str:
    """The text without its diacritics (đ → d): letters decompose (NFD) into a base letter
    and marks, and the marks are dropped."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


class _Folded(dict[int, str]):
    """Each character's fold, worked out the first time it is met (``str.translate`` asks this
    table once per character, in C). Decomposing a text letter by letter and dropping the marks
    gives what decomposing it whole gives: reordering moves only the marks."""

    def __missing__(self, char: int) -> str:
        folded = self[char] = _without_marks(chr(char)).encode("ascii", "ignore").decode("ascii").lower()
        return folded


_FOLDED = _Folded()


def fold(text: str) -> str:
    """Lower case without Vietnamese diacritics (đ → d): what search compares.

    Keeping only ASCII keeps the base letters of Vietnamese text. Both the stored text and the
    query are folded alike.
    """
    return text.lower() if text.isascii() else text.translate(_FOLDED)


def search_text(applicant: str, code: str, phone: str | None, id_number: str | None) -> str:
    """What ``list --search`` looks in: name, code, phone and ID number, folded."""
    return fold(" ".join(filter(None, (applicant, code, phone, id_number))))


def name_key(name: str) -> str:
    """How registered names compare (officers and reception points): one name in any case,
    with or without diacritics, however spaced. "Nguyễn Thị Lan", "NGUYỄN THỊ LAN" and
    "Nguyen  Thi Lan" are one person; letters other than Latin ones are kept as they are.
    The ``name_key`` column stores it, unique, so the database refuses a twin too."""
    return " ".join(unicodedata.normalize("NFC", _without_marks(name)).casefold().split())


def same_name(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one registered name (see :func:`name_key`)?"""
    return name_key(a) == name_key(b)


def name_twins(names: Iterable[str]) -> list[list[str]]:
    """The groups of names that are one name written apart: a file from before names were
    compared without diacritics may hold "Nguyễn Thị Lan" and "Nguyen Thi Lan" both."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name_key(name), []).append(name)
    return [group for group in groups.values() if len(group) > 1]


def mask_id(id_number: str | None) -> str | None:
    if not id_number:
        return id_number
    return "•" * (len(id_number) - 4) + id_number[-4:]


Payment = Literal["cash", "online", "exempt"]
PAYMENTS: tuple[Payment, ...] = ("cash", "online", "exempt")
RatingValue = Literal["satisfied", "acceptable", "unsatisfied"]
RATINGS: tuple[RatingValue, ...] = ("satisfied", "acceptable", "unsatisfied")


@dataclass(frozen=True)
class Service:
    """What the province's scorecard counts about a dossier besides its timeline: the fee and
    how it was paid, digitised at receipt, data already held reused, result issued electronically
    (None until there is a result)."""

    fee: int | None = None
    payment: Payment | None = None
    digitised: bool = False
    data_reused: bool = False
    e_result: bool | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "fee": self.fee,
            "payment": self.payment,
            "digitised": self.digitised,
            "data_reused": self.data_reused,
            "e_result": self.e_result,
        }


@dataclass(frozen=True)
class Rating:
    """The citizen's one rating of a dossier (Decree 118 Art. 31, 33)."""

    rating: RatingValue
    comment: str | None
    rated_at: datetime
    via: Literal["counter", "tablet"]

    def as_json(self) -> dict[str, Any]:
        return {
            "rating": self.rating,
            "comment": self.comment,
            "rated_at": iso(self.rated_at),
            "via": self.via,
        }


@dataclass(frozen=True)
class Dossier:
    """A dossier as views show it: its details, its life, and the due date in force."""

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
    limit_overridden: bool
    life: Life
    service: Service = Service()
    rating: Rating | None = None  # read by the one-dossier views (show), not by lists

    # the life's facts under the names every view uses
    @property
    def officer(self) -> str | None:
        return self.life.officer

    @property
    def status(self) -> str:
        return self.life.status

    @property
    def limit(self) -> str:
        return str(self.life.limit)

    @property
    def received_at(self) -> datetime:
        return self.life.received_at

    @property
    def effective_receipt(self) -> datetime:
        return self.life.receipt.anchor

    @property
    def due_date(self) -> date | None:
        due = self.life.due
        return None if due is None else due.due_date

    @property
    def due_at(self) -> datetime | None:
        due = self.life.due
        return None if due is None else due.due_at

    @property
    def deadline(self) -> datetime | None:
        due = self.life.due
        return None if due is None else due.deadline

    @property
    def due_source(self) -> str:
        return "imported" if self.life.receipt.unit is None else "computed"

    @property
    def paused_at(self) -> datetime | None:
        return self.life.paused_at

    @property
    def resolved_at(self) -> datetime | None:
        return self.life.resolved_at

    @property
    def outcome(self) -> str | None:
        return self.life.outcome

    @property
    def timeliness(self) -> str | None:
        return self.life.timeliness

    @property
    def returned_at(self) -> datetime | None:
        return self.life.returned_at

    @property
    def withdrawn_at(self) -> datetime | None:
        return self.life.withdrawn_at

    @property
    def closed_at(self) -> datetime | None:
        return self.life.closed_at

    @property
    def apology(self) -> Apology | None:
        return self.life.apology

    @property
    def rounds(self) -> tuple[Round, ...]:
        return self.life.rounds

    def as_json(self, *, show_id: bool = False) -> dict[str, Any]:
        apology = self.apology
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
            "closed_at": iso(self.closed_at),
            "timeliness": self.timeliness,
            "submitted_at": iso(self.life.submitted_at),
            "for_authority": self.life.for_authority,
            "forwarded_at": iso(self.life.forwarded_at),
            "notified_at": iso(self.life.notified_at),
            "apology": None
            if apology is None
            else {
                "issued_at": iso(apology.issued_at),
                "new_date": apology.new_date.isoformat(),
                "reason": apology.reason,
                "in_time": apology.in_time,
            },
            "supplements": [
                {
                    "requested_at": iso(r.paused_at),
                    "policy": r.policy,
                    "reason": r.reason,
                    "resumed_at": iso(r.resumed_at),
                    "due_at": iso(r.counting.due.due_at) if r.counting else None,
                }
                for r in self.rounds
            ],
            **self.service.as_json(),
            "rating": None if self.rating is None else self.rating.as_json(),
        }


@dataclass(frozen=True)
class Event:
    """One line of the audit trail: a step (or an undo, a correction) of a dossier, when it
    happened and when it was recorded, by whom, with what it said."""

    id: int
    dossier_code: str | None
    step: str
    happened_at: datetime
    recorded_at: datetime
    actor: str
    details: dict[str, Any]
    undoes: int | None
    uid: str = ""  # the same in every database the event was copied to (merge, full export)

    @property
    def reason(self) -> str:
        """What a step says for itself, in one line: the clerk's ``--reason``, else its note,
        else nothing. The papers (forms 03 and 05) take it from here; ``history`` has room for
        both and shows each on its own line."""
        return str(self.details.get("reason") or self.details.get("note") or "")


@dataclass(frozen=True)
class CodeBlock:
    """The numbers a PC gives in a day's dossier codes: block ``index`` of ``count`` equal
    parts of 0001–9999, so two reception points' PCs never give the same code."""

    index: int = 1
    count: int = 1

    @property
    def first(self) -> int:
        return (self.index - 1) * 10_000 // self.count + 1

    @property
    def last(self) -> int:
        return self.index * 10_000 // self.count - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


#: A PC that is no reception point of its own numbers the whole day.
WHOLE_DAY = CodeBlock()
