"""The worklist a clerk starts the day with, as plain data: paper dossiers to send on to
another authority today (Decree 118 Art. 20.1), what is overdue (and by how many working
days), due today, due soon (within ``dossiers.SOON_WORKING_DAYS`` working days), dossiers
whose papers did not come in 15 days and are to be closed (Art. 19.5), waiting for papers
(and why), and results waiting to be collected; or, with a filter, the dossiers it selects;
or the citizens to tell (``--to-notify``). Either way it knows how many dossiers matched, so
the screen can say when it shows fewer. When each duty falls due is ``tthc.core.breaches``'s rule.
"""

from dataclasses import replace
from datetime import date

from tthc.app.context import Context
from tthc.app.dossiers import ListFilter, morning_filter, query_of, soon_until, urgency
from tthc.core import breaches
from tthc.core.lifecycle import papers_awaited
from tthc.core.models import Dossier

# moved to the core, where the screens read them; named here as before
from tthc.core.worklist import SECTIONS as SECTIONS
from tthc.core.worklist import Row as Row
from tthc.core.worklist import Section as Section
from tthc.core.worklist import Worklist as Worklist
from tthc.storage.query import DossierQuery


def build(ctx: Context, f: ListFilter) -> Worklist:
    """The worklist for a filter; with no filter, the morning view in sections. ``f.limit``
    caps the rows shown in all; the sections fill in their order."""
    store = ctx.store()
    cal = ctx.calendar()
    today = ctx.now.date()
    soon = soon_until(cal, today)

    def row(d: Dossier) -> Row:
        level = urgency(d, ctx.now, soon)
        late = cal.working_days_between(d.due_date, today) if level == "overdue" and d.due_date else None
        return Row(d, level, late, papers_awaited(d.life))

    if f.to_notify:
        return _to_notify(ctx, query_of(ctx, f))
    if not f.is_morning_view():
        q = query_of(ctx, f)
        found = store.find(q)
        total = store.count(q) if q.limit is not None and len(found) >= q.limit else len(found)
        return Worklist([Section("found", [row(d) for d in found])], total, ctx.now, morning=False)
    parts = {
        "due": morning_filter(f.limit),
        "paused": ListFilter(status="paused", limit=f.limit),
        "collect": ListFilter(status="resolved", limit=f.limit),
    }
    rows: dict[str, list[Row]] = {name: [] for name in SECTIONS}
    rows["forward"] = _forwards_due(ctx, today, f.limit)
    left = None if f.limit is None else f.limit - len(rows["forward"])
    total = len(rows["forward"])
    for name, part in parts.items():
        q = query_of(ctx, part)
        found = store.find(replace(q, limit=left)) if left is None or left > 0 else []
        total += store.count(q)
        left = None if left is None else left - len(found)
        for d in found:
            r = row(d)
            close_on = breaches.close_due_on(cal, d.life) if name == "paused" else None
            if close_on is not None and close_on <= today:
                r = replace(r, due_on=close_on)
                name_ = "close"
            else:
                name_ = r.urgency if name == "due" else name
            rows[name_].append(r)
    return Worklist([Section(n, rows[n]) for n in SECTIONS], total, ctx.now, morning=True)


def _forwards_due(ctx: Context, today: date, limit: int | None) -> list[Row]:
    """Dossiers received for another authority whose paper dossier is due to be sent on by
    today (or was due before), soonest first."""
    cal = ctx.calendar()
    out = []
    for d in ctx.store().find(DossierQuery(to_forward=True), order="received"):
        due_on = breaches.forward_due_on(cal, d.life)
        if due_on is not None and due_on <= today:
            out.append(Row(d, "overdue" if due_on < today else "today", due_on=due_on))
    return out[:limit] if limit is not None else out


def _to_notify(ctx: Context, q: DossierQuery) -> Worklist:
    """The citizens to tell, by phone: results ready before their date, apologies' new dates."""
    found = ctx.store().find(replace(q, limit=None), order="received")
    rows = [Row(d, "done", tell=tell) for d in found if (tell := breaches.to_tell(d.life)) is not None]
    shown = rows[: q.limit] if q.limit is not None else rows
    return Worklist([Section("notify", shown)], len(rows), ctx.now, morning=False)
