"""What the public side reads of a dossier: the keys a citizen's look-up is checked against
(:class:`DossierKeys`) and a result waiting for its applicant on the waiting-room board
(:class:`ReadyResult`); the store's look-ups (``tthc.storage.lookups``) read them.

Their own module: the clerk's commands, which read neither, do not build them.
"""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class DossierKeys:
    """What a citizen's look-up is checked against (never shown)."""

    code: str
    phone: str | None
    id_number: str | None


@dataclass(frozen=True)
class ReadyResult:
    """A result waiting for its applicant, as the waiting-room board needs it."""

    code: str
    applicant: str
    resolved_at: datetime
