"""One dossier as the clerk looks it up at the counter: its record, its audit trail, how its
due date was reached day by day, and the doubts on that date; and its audit trail alone.

Kept apart from the worklist's filter (``tthc.app.dossiers.lookup``): ``tthc show CODE`` is
answered with someone waiting, and loads neither the catalog nor the worklist's rules.
"""

from dataclasses import dataclass

from tthc.app.context import Context
from tthc.app.inputs import dossier_code, load
from tthc.core import deadlines
from tthc.core.models import Dossier, Event
from tthc.core.workcalendar import Doubts, doubts


@dataclass(frozen=True)
class DossierView:
    """A dossier with what its screen shows beside its fields."""

    dossier: Dossier
    events: list[Event]
    steps: list[deadlines.Step]
    doubts: Doubts


def doubts_of(ctx: Context, d: Dossier) -> Doubts:
    """Why the dossier's due date may still change: its window, from receipt to the due
    date in force, reaches a provisional year or holds an unconfirmed day off."""
    if d.due_date is None:
        return Doubts()
    return doubts(ctx.calendar(), d.received_at.date(), d.due_date, ctx.settings().calendar_confirmed_through)


def show(ctx: Context, code: str) -> DossierView:
    store = ctx.store()
    d = load(store, code)
    steps = deadlines.explain(ctx.calendar(), d.received_at, d.life.receipt, cutoff_known=False)
    steps += deadlines.explain_rounds(d.rounds)
    return DossierView(d, store.events(d.code), steps, doubts_of(ctx, d))


def history(ctx: Context, code: str) -> list[Event]:
    """The audit trail, also of a dossier whose receipt was undone."""
    store = ctx.store()
    return store.events(dossier_code(store, code))
