"""The waiting-room board: results ready for collection, each by its code and the applicant's
initials only, the latest first."""

from __future__ import annotations

from dataclasses import dataclass

from tthc.app.context import Context
from tthc.app.lookup import initials


@dataclass(frozen=True)
class BoardItem:
    code: str
    initials: str


@dataclass(frozen=True)
class Board:
    items: list[BoardItem]
    more: bool  # more results wait than the board lists


def board(ctx: Context, limit: int) -> Board:
    """Results ready for collection (resolved, not yet returned), the latest first."""
    ready = ctx.store().ready_for_collection(limit + 1)
    items = [BoardItem(r.code, initials(r.applicant)) for r in ready[:limit]]
    return Board(items, more=len(ready) > limit)
