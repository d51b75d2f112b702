"""The center's registers as the storage layer hands them back: a procedure of its catalog
(:class:`Procedure`), a registered officer or reception point (:class:`Registered`), a day of
the center's own calendar (:class:`CalendarDay`).

Their own module, apart from the dossiers' records (:mod:`tthc.core.models`): a clerk's look-up
of one dossier builds none of them.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal


@dataclass(frozen=True)
class Procedure:
    """A procedure of the center's catalog: its code, name and field, its time limit as
    written (``5wd``), the alias a clerk may type, its fee, and whether its result is issued
    electronically."""

    code: str
    name: str
    field: str
    limit: str
    alias: str | None = None
    fee: int | None = None
    e_result: bool = False  # the result is issued electronically (the default for its dossiers)

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "field": self.field,
            "limit": self.limit,
            "alias": self.alias,
            "fee": self.fee,
            "e_result": self.e_result,
        }


@dataclass(frozen=True)
class Registered:
    """A registered officer or reception point; a point may have its own unit code."""

    name: str
    code_prefix: str | None = None


@dataclass(frozen=True)
class CalendarDay:
    """One of the center's own calendar overrides."""

    day: date
    kind: Literal["off", "work"]
    name: str
