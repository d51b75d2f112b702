"""What a list or an export asks the store for (:class:`DossierQuery`), in stored terms; the
store's ``find``, ``count`` and ``stream`` (``tthc.storage.filters``) turn it into SQL.

Its own module, so that a command which asks for no list (a clerk's ``show``) does not build it.
"""

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class DossierQuery:
    """Which dossiers a list or an export wants, in stored terms (names already resolved)."""

    status: str | None = None
    field: str | None = None
    procedure: str | None = None
    point: str | None = None
    officer: str | None = None
    channel: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    due_from: date | None = None
    due_to: date | None = None
    overdue_at: datetime | None = None
    due_by: date | None = None
    words: tuple[str, ...] = ()
    limit: int | None = None
    to_forward: bool = False  # received for another authority, not sent on yet, not ended
    to_notify: bool = False  # a phone to call, and something to tell (``breaches.to_tell``)
