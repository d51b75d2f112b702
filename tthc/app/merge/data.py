"""What a merge works with: the other point's data, the plan of what comes and what conflicts,
and the manager's ``--keep`` decision. (The report of what came, ``MergeReport``, is the core's:
``tthc.core.merging``.)"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tthc.app.inputs import clean
from tthc.core.errors import Msg, TthcError
from tthc.core.lifecycle import STEPS
from tthc.core.models import Event
from tthc.storage.stored import StoredDossier

#: The events that change a dossier: what two histories are compared by.
MOVES = frozenset((*STEPS, "undo", "edit"))
#: The registers and the catalog, merged row by row (settings and sequences apart).
REGISTERS = ("procedures", "officers", "points", "calendar_days", "calendar_rulings")


@dataclass
class PointData:
    """What a point holds that a merge brings, read from its database or from a full export."""

    source: str
    tables: dict[str, list[dict[str, Any]]]  # the small tables of COPY_KEYS, settings included
    events: list[Event]
    dossiers: list[StoredDossier]


@dataclass(frozen=True)
class Keep:
    """The manager's decision on held dossiers: ``here`` keeps this database's version,
    ``there`` the other file's; recorded as a correction with the reason."""

    side: str  # here | there
    codes: tuple[str, ...]
    reason: str


@dataclass
class Plan:
    """What a merge will write, worked out before anything is: rows, dossiers, events,
    the conflicts that refuse the whole file and the dossiers held aside."""

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


def keep_decision(side: str | None, codes: Sequence[str], reason: str | None) -> Keep | None:
    """``--keep here|there CODE… --reason TEXT``, checked before anything is read."""
    if side is None and not codes:
        return None
    why = clean(reason, "reason", required=True) or ""
    if side is None or not codes:
        raise TthcError("--keep needs the codes of the dossiers to settle and --reason")
    return Keep(side, tuple(codes), why)
