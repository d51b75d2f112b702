"""Who carries the load, and what was late: the manager's two questions after the summary.

``officers`` puts each officer's (or point's) figures for a period beside the others: what
they received, what was handed over to them, what they resolved and how punctually, what
they hold open and how much of it is overdue, and their share of the center's load.
``late`` lists the dossiers behind the late figures: resolved late, open and overdue, papers
requested after the due date had passed, and timelines corrected after the fact.

Nothing here judges anew: resolved, pending and overdue come from the period summary
(``tthc.app.summary``), the due date in force from ``deadlines.due_in_force``, timeliness from
what the resolution stored, an apology's timeliness from what the apology stored.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Literal

from tthc.app.context import Context
from tthc.app.summary import events_before, reached, snapshot_of, state_at, summarize
from tthc.core import deadlines
from tthc.core.clock import iso
from tthc.core.errors import TthcError

# moved to the core, where the screens read them; named here as before
from tthc.core.figures import WORKLOAD_FIGURES as WORKLOAD_FIGURES
from tthc.core.figures import Load as Load
from tthc.core.figures import Workload as Workload
from tthc.core.models import Dossier, Kind, fold
from tthc.core.periods import Period
from tthc.storage import queries

WORKLOAD_BY = ("officer", "point")


def officers(ctx: Context, period: Period, by: str = "officer") -> Workload:
    """Each registered officer's (or point's) load over ``period``, heaviest first.

    ``received`` counts a dossier for the officer who had it at receipt, ``handed_over`` the
    handovers to an officer in the period; resolved (early / on time / late), pending and
    overdue are the period summary's figures by current officer (or point), unchanged.
    """
    if by not in WORKLOAD_BY:
        raise TthcError("bad --by {by!r}: expected one of {choices}", by=by, choices=", ".join(WORKLOAD_BY))
    store = ctx.store()
    summary = summarize(store, period, by, ctx.now, ctx.settings().period_start_day)
    seen = events_before(period, ctx.now)
    kind: Kind = "officer" if by == "officer" else "point"
    groups: dict[str | None, Load] = {r.name: Load(r.name) for r in store.names(kind)}
    for key, fig in summary.groups:
        g = groups.setdefault(key, Load(key))
        g.received = fig.received
        g.early, g.on_time, g.late = fig.early, fig.on_time, fig.late
        g.pending, g.overdue = fig.pending, fig.pending_overdue
    if by == "officer":  # counted for the officer at receipt, not the one holding it now
        for now_with, at_receipt, n in store.ask(
            queries.handed_over_since_receipt, period.start, reached(period, ctx.now).end
        ):
            groups.setdefault(now_with, Load(now_with)).received -= n
            groups.setdefault(at_receipt, Load(at_receipt)).received += n
    for key, n in store.ask(queries.handovers, by, period.start, seen).items():
        groups.setdefault(key, Load(key)).handed_over = n
    for key, given in store.ask(queries.ratings_by, by, period.start, seen).items():
        groups.setdefault(key, Load(key)).ratings.update(given)
    rows = [g for g in groups.values() if g.key is not None or not g.is_empty()]
    rows.sort(key=lambda g: (g.key is None, -g.load, fold(g.key or "")))
    total = Load(None)
    for g in rows:
        total.add(g)
    return Workload(period, by, summary.snapshot, rows, total)


# -- what was late ----------------------------------------------------------------------------------
Promise = Literal["kept", "broken", "not_yet"]


@dataclass(frozen=True)
class ApologyCheck:
    """An apology as the late list reads it: when, whether in time (as stored), the new date
    promised, and whether that promise was kept."""

    issued_at: datetime
    in_time: bool
    new_date: date
    promise: Promise

    def as_json(self) -> dict[str, Any]:
        return {
            "issued_at": iso(self.issued_at),
            "in_time": self.in_time,
            "new_date": self.new_date.isoformat(),
            "promise": self.promise,
        }


@dataclass(frozen=True)
class LateDossier:
    """A dossier resolved late, or open and overdue at the snapshot (``resolved_at`` None)."""

    code: str
    procedure: str
    officer: str | None
    due_date: date
    resolved_at: datetime | None
    working_days_late: int
    apology: ApologyCheck | None

    @property
    def apology_in_time(self) -> bool:
        return self.apology is not None and self.apology.in_time

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "procedure": self.procedure,
            "officer": self.officer,
            "due_date": self.due_date.isoformat(),
            "resolved_at": iso(self.resolved_at),
            "working_days_late": self.working_days_late,
            "apology": None if self.apology is None else self.apology.as_json(),
        }


@dataclass(frozen=True)
class LateRequest:
    """A supplement request made when the due date in force had already passed."""

    code: str
    procedure: str
    officer: str | None
    due_date: date
    requested_at: datetime
    working_days_late: int
    reason: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "procedure": self.procedure,
            "officer": self.officer,
            "due_date": self.due_date.isoformat(),
            "requested_at": iso(self.requested_at),
            "working_days_late": self.working_days_late,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Correction:
    """A dossier's timeline corrected after the fact: which kind of correction, which step
    it touched and when that step had happened, when and by whom it was corrected."""

    code: str
    procedure: str | None
    officer: str | None
    kind: str
    step: str
    step_at: datetime | None
    corrected_at: datetime
    actor: str

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "procedure": self.procedure,
            "officer": self.officer,
            "kind": self.kind,
            "step": self.step,
            "step_at": iso(self.step_at),
            "corrected_at": iso(self.corrected_at),
            "actor": self.actor,
        }


@dataclass(frozen=True)
class BreachRow:
    """A duty of Decree 118 broken in the period (see ``tthc.core.breaches``), with the dossier's
    procedure and officer in charge."""

    code: str
    procedure: str
    officer: str | None
    kind: str
    article: str
    at: datetime
    due: datetime | None
    done_at: datetime | None

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "procedure": self.procedure,
            "officer": self.officer,
            "kind": self.kind,
            "article": self.article,
            "at": iso(self.at),
            "due": iso(self.due),
            "done_at": iso(self.done_at),
        }


@dataclass
class Compliance:
    """The five lists of ``tthc late`` for one period."""

    period: Period
    snapshot: datetime
    resolved_late: list[LateDossier] = field(default_factory=list)
    open_overdue: list[LateDossier] = field(default_factory=list)
    late_requests: list[LateRequest] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    breaches: list[BreachRow] = field(default_factory=list)

    def without_apology_in_time(self) -> list[LateDossier]:
        """The late dossiers whose apology is missing or came too late."""
        return [d for d in (*self.resolved_late, *self.open_overdue) if not d.apology_in_time]

    def as_json(self) -> dict[str, Any]:
        return {
            "period": self.period.as_json(),
            "snapshot": iso(self.snapshot),
            "resolved_late": [d.as_json() for d in self.resolved_late],
            "open_overdue": [d.as_json() for d in self.open_overdue],
            "late_requests": [r.as_json() for r in self.late_requests],
            "corrections": [c.as_json() for c in self.corrections],
            "breaches": [b.as_json() for b in self.breaches],
        }


def late(ctx: Context, period: Period) -> Compliance:
    """The late dossiers of ``period`` and the facts a manager checks about each.

    The resolved-late and open-overdue lists hold exactly the dossiers the period summary
    counts as ``late`` and ``pending_overdue``.
    """
    if period.start > ctx.now.date():
        raise TthcError("the period starts {day:%d/%m/%Y}, after today", day=period.start)
    store, cal = ctx.store(), ctx.calendar()
    snapshot, seen = snapshot_of(period, ctx.now), events_before(period, ctx.now)
    snapshot_day = reached(period, ctx.now).end
    late_codes = store.ask(queries.resolved_late, period.start, snapshot_day)
    overdue_codes = store.ask(queries.overdue_codes_without_rounds, seen, snapshot)
    with_rounds = [code for code, _ in store.ask(queries.open_with_rounds, None, seen)]
    requests = store.ask(queries.requested_after_appointment, period.start, seen)
    found = store.dossiers([*late_codes, *overdue_codes, *with_rounds, *requests])
    overdue_codes += [c for c in with_rounds if state_at(found[c].life, seen, snapshot) == "overdue"]
    out = Compliance(period, snapshot)
    for code in late_codes:
        d = found[code]
        assert d.resolved_at is not None and d.due_date is not None  # resolved: a due date was in force
        days = cal.working_days_between(d.due_date, d.resolved_at.date())
        out.resolved_late.append(_late_dossier(d, d.due_date, d.resolved_at, days, seen, snapshot))
    for code in overdue_codes:
        d = found[code]
        due = deadlines.due_in_force(d.life.receipt, d.life.rounds, upto=seen)
        assert due is not None  # overdue: a due date was in force at the snapshot
        days = cal.working_days_between(due.due_date, snapshot_day)
        out.open_overdue.append(_late_dossier(d, due.due_date, None, days, seen, snapshot))
    out.open_overdue.sort(key=lambda r: (r.due_date, r.code))
    for code in requests:
        out.late_requests.extend(_late_requests(ctx, found[code], period.start, seen))
    out.late_requests.sort(key=lambda r: (r.requested_at, r.code))
    out.corrections = _corrections(ctx, period)
    out.breaches = breaches_in(ctx, period)
    return out


def breaches_in(ctx: Context, period: Period) -> list[BreachRow]:
    """The duties of Decree 118 broken in ``period`` (dated as ``tthc.core.breaches`` dates them),
    judged as of the period's snapshot."""
    from tthc.core import breaches

    store, cal = ctx.store(), ctx.calendar()
    snapshot, seen = snapshot_of(period, ctx.now), events_before(period, ctx.now)
    start = datetime.combine(period.start, time(0))
    found = store.dossiers(store.ask(queries.breach_candidates, period.start, seen))
    rows = [
        BreachRow(d.code, d.procedure, d.officer, b.kind, b.article, b.at, b.due, b.done_at)
        for d in found.values()
        for b in breaches.of_life(cal, d.life, snapshot)
        if start <= b.at < seen
    ]
    rows.sort(key=lambda r: (r.at, r.code, breaches.KINDS.index(r.kind)))  # type: ignore[arg-type]
    return rows


def _corrections(ctx: Context, period: Period) -> list[Correction]:
    """The changed timelines ``tthc corrections`` lists for the period, with the procedure and
    the officer in charge (an undone receipt's procedure is read from its audit entry)."""
    from tthc.app.corrections import corrections

    store = ctx.store()
    changed = corrections(ctx, period)
    found = store.dossiers(list({c.code for c in changed}))
    out = []
    for c in changed:
        d = found.get(c.code)
        procedure = (
            d.procedure
            if d
            else next((e.details.get("procedure") for e in store.events(c.code) if e.step == "receive"), None)
        )
        out.append(
            Correction(
                c.code, procedure, d.officer if d else None, c.kind, c.step, c.moment, c.recorded_at, c.actor
            )
        )
    return out


def _late_dossier(
    d: Dossier, due_date: date, resolved_at: datetime | None, days: int, seen: datetime, snapshot: datetime
) -> LateDossier:
    """A row of the resolved-late or open-overdue list; the apology as the snapshot saw it."""
    apology = d.apology
    check = None
    if apology is not None and apology.issued_at < seen:  # issued by the snapshot
        if resolved_at is not None:
            promise: Promise = "kept" if resolved_at.date() <= apology.new_date else "broken"
        else:
            # the new date is judged as a due date is: broken once its deadline is behind the snapshot
            passed = deadlines.is_overdue(deadlines.end_of_day(apology.new_date), snapshot)
            promise = "broken" if passed else "not_yet"
        check = ApologyCheck(apology.issued_at, apology.in_time, apology.new_date, promise)
    return LateDossier(d.code, d.procedure, d.officer, due_date, resolved_at, days, check)


def _late_requests(ctx: Context, d: Dossier, start: date, seen: datetime) -> list[LateRequest]:
    """The dossier's supplement requests in the period made after the due date in force just
    before each request had passed — which a restart would otherwise hide."""
    cal = ctx.calendar()
    out: list[LateRequest] = []
    for i, r in enumerate(d.rounds):
        if not (datetime.combine(start, time(0)) <= r.paused_at < seen):
            continue
        due = deadlines.due_in_force(d.life.receipt, d.rounds[:i])
        assert due is not None  # the rounds before this one were all resumed
        if deadlines.is_overdue(due.deadline, r.paused_at):
            days = cal.working_days_between(due.due_date, r.paused_at.date())
            out.append(LateRequest(d.code, d.procedure, d.officer, due.due_date, r.paused_at, days, r.reason))
    return out
