"""The worklist a clerk starts the day with, as records: sections of rows, each row a dossier
with how urgent it is and why; ``tthc.app.worklist`` builds it, the screens read it."""

from dataclasses import dataclass
from datetime import date, datetime

from tthc.core import breaches
from tthc.core.models import Dossier

#: The sections of the morning view, in the order a clerk deals with them.
#: The groups of dossiers by their due date, most urgent first: the morning list's middle
#: sections and the dashboard's columns.
DUE_GROUPS: tuple[str, ...] = ("overdue", "today", "soon")
#: The sections of the morning view, in the order a clerk deals with them.
SECTIONS = ("forward", *DUE_GROUPS, "close", "paused", "collect")


@dataclass(frozen=True)
class Row:
    dossier: Dossier
    urgency: str  # see tthc.app.dossiers.urgency
    days_overdue: int | None = None  # working days after the due date, for an overdue dossier
    reason: str | None = None  # why papers were asked, for a dossier waiting for them
    due_on: date | None = None  # the day a forward or a close is due
    tell: breaches.Tell | None = None  # what the citizen is to be told (``--to-notify``)


@dataclass(frozen=True)
class Section:
    name: str  # one of SECTIONS, or "found" for a filtered list
    rows: list[Row]


@dataclass(frozen=True)
class Worklist:
    sections: list[Section]
    total: int  # how many dossiers matched, shown or not
    at: datetime
    morning: bool  # the morning view (no filter given)

    @property
    def shown(self) -> int:
        return sum(len(s.rows) for s in self.sections)

    def dossiers(self) -> list[Dossier]:
        """Each dossier once (a forward due may be overdue too), in the sections' order."""
        seen: dict[str, Dossier] = {}
        for s in self.sections:
            for r in s.rows:
                seen.setdefault(r.dossier.code, r.dossier)
        return list(seen.values())
