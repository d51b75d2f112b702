"""The worklist a clerk starts the day with, as plain data: what is overdue (and by how many
working days), due today, due soon (within ``dossiers.SOON_WORKING_DAYS`` working days),
waiting for papers (and why), and results waiting to be collected; or, with a filter, the
dossiers it selects. Either way it knows how many dossiers matched, so the screen can say
when it shows fewer.
"""

from dataclasses import dataclass, replace
from datetime import datetime

from tthc.context import Context
from tthc.dossiers import ListFilter, morning_filter, query_of, soon_until, urgency
from tthc.models import Dossier

#: The sections of the morning view, in the order a clerk deals with them.
SECTIONS = ("overdue", "today", "soon", "paused", "collect")


@dataclass(frozen=True)
class Row:
    dossier: Dossier
    urgency: str  # see tthc.dossiers.urgency
    days_overdue: int | None = None  # working days after the due date, for an overdue dossier
    reason: str | None = None  # why papers were asked, for a dossier waiting for them


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
        return [r.dossier for s in self.sections for r in s.rows]


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
        reason = d.rounds[-1].reason if d.status == "paused" and d.rounds else None
        return Row(d, level, late, reason)

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
    left, total = f.limit, 0
    rows: dict[str, list[Row]] = {name: [] for name in SECTIONS}
    for name, part in parts.items():
        q = query_of(ctx, part)
        found = store.find(replace(q, limit=left)) if left is None or left > 0 else []
        total += store.count(q)
        left = None if left is None else left - len(found)
        for d in found:
            r = row(d)
            rows[r.urgency if name == "due" else name].append(r)
    return Worklist([Section(n, rows[n]) for n in SECTIONS], total, ctx.now, morning=True)
