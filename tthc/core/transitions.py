"""A dossier's life as a pure state machine: a state and a step give the next state, or a
refusal. The clerk's commands apply one step; the import applies a file's rows through the
same function; undo reverts the latest step with :func:`revert`; a change of the calendar
lays the countings again with :func:`relay`. The state itself, its statuses and which step
may start from which are in :mod:`tthc.core.lifecycle`.
"""

from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from tthc.core import deadlines
from tthc.core.deadlines import Counting, Policy, Round
from tthc.core.errors import Msg, TthcError
from tthc.core.lifecycle import ALLOWED, CLOSE_AFTER, Apology, Life, Outcome, Status, facts_last_at
from tthc.core.timelimit import TimeLimit
from tthc.core.workcalendar import DayInfo, WorkCalendar
from tthc.locale.marks import N_
from tthc.locale.words import STATUS_WORDS, STEP_WORDS

_LIFE_FIELDS = frozenset(f.name for f in fields(Life))


def _evolve(life: Life, **changes: Any) -> Life:
    """``dataclasses.replace`` for :class:`Life` without its per-call introspection and checks
    (an import applies a few steps to every row of a file): a copy of its fields, changed."""
    assert _LIFE_FIELDS.issuperset(changes), changes
    evolved = object.__new__(Life)
    evolved.__dict__.update(life.__dict__, **changes)
    return evolved


# -- the steps -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Handover:
    name: ClassVar[str] = "handover"
    at: datetime
    to: str


@dataclass(frozen=True, slots=True)
class Supplement:
    name: ClassVar[str] = "supplement"
    at: datetime
    policy: Policy
    reason: str | None = None
    again: bool = False  # a second request, knowingly (Art. 11.2.c allows one): a breach


@dataclass(frozen=True, slots=True)
class Resume:
    name: ClassVar[str] = "resume"
    at: datetime
    due_given: datetime | None = None  # a migrated record's due date, kept as it is


@dataclass(frozen=True, slots=True)
class Resolve:
    name: ClassVar[str] = "resolve"
    at: datetime
    outcome: Outcome = "approved"


@dataclass(frozen=True, slots=True)
class Return:
    name: ClassVar[str] = "return"
    at: datetime


@dataclass(frozen=True, slots=True)
class Withdraw:
    name: ClassVar[str] = "withdraw"
    at: datetime


@dataclass(frozen=True, slots=True)
class Apologize:
    name: ClassVar[str] = "apologize"
    at: datetime
    new_date: date
    reason: str


@dataclass(frozen=True, slots=True)
class Close:
    """Papers never came (Art. 19.5): the dossier ends without a result."""

    name: ClassVar[str] = "close"
    at: datetime


@dataclass(frozen=True, slots=True)
class Forward:
    """The paper dossier of a dossier received for another authority, sent on (Art. 20.1.a)."""

    name: ClassVar[str] = "forward"
    at: datetime


@dataclass(frozen=True, slots=True)
class Notify:
    """The citizen was told: of a result ready early (Art. 22.5) or of an apology's new date
    (Art. 19.6)."""

    name: ClassVar[str] = "notify"
    at: datetime


Step = Handover | Supplement | Resume | Resolve | Return | Withdraw | Apologize | Close | Forward | Notify


def step_of(name: str, at: datetime, details: dict[str, Any]) -> Step:
    """A step as its audit event records it (what the clerk's command applied), so a history
    can be applied again: a merge works a dossier's columns out from its events."""
    if name == "handover":
        return Handover(at, str(details.get("to")))
    if name == "supplement":
        policy: Policy = "freeze" if details.get("policy") == "freeze" else "restart"
        # a request the history holds was taken: a second one (``--again``, or recorded
        # before papers were asked once only) is applied again as it was
        return Supplement(at, policy, details.get("reason"), again=True)
    if name == "resume":
        return Resume(at)
    if name == "resolve":
        return Resolve(at, "rejected" if details.get("outcome") == "rejected" else "approved")
    if name == "return":
        return Return(at)
    if name == "withdraw":
        return Withdraw(at)
    if name == "apologize":
        return Apologize(at, date.fromisoformat(str(details["new_date"])), str(details.get("reason") or ""))
    if name == "close":
        return Close(at)
    if name == "forward":
        return Forward(at)
    if name == "notify":
        return Notify(at)
    raise ValueError(f"not a step after receipt: {name}")


def receive(
    cal: WorkCalendar,
    code: str,
    limit: TimeLimit,
    received_at: datetime,
    *,
    officer: str | None = None,
    due_given: datetime | None = None,
    submitted_at: datetime | None = None,
    for_authority: str | None = None,
) -> Life:
    """A new dossier: its effective receipt and counting are decided now, once. An online
    dossier's acceptance (``received_at``) is never before its submission."""
    if submitted_at is not None and submitted_at > received_at:
        raise TthcError("the submission ({submitted:%d/%m/%Y %H:%M}) cannot be after the acceptance ({at:%d/%m/%Y %H:%M})", submitted=submitted_at, at=received_at)
    if due_given is None:
        receipt = deadlines.fresh_counting(cal, limit, received_at)
    else:
        if due_given < received_at:
            raise TthcError("due_at {at:%d/%m/%Y %H:%M} is before the receipt ({received:%d/%m/%Y %H:%M})", at=due_given, received=received_at)
        receipt = deadlines.given_counting(cal, limit, received_at, due_given)
    return Life(
        code,
        limit,
        received_at,
        receipt,
        received_at,
        officer=officer,
        submitted_at=submitted_at,
        for_authority=for_authority,
    )


def apply(cal: WorkCalendar, life: Life, step: Step) -> Life:
    """The next state after ``step``, or a refusal (wrong status, or dated before the last step)."""
    allowed = ALLOWED[step.name]
    if life.status not in allowed:
        raise TthcError(
            "cannot record {step} for dossier {code}: it is {status} ({step} needs {allowed})",
            step=Msg(STEP_WORDS[step.name]),
            code=life.code,
            status=Msg(STATUS_WORDS[life.status]),
            allowed=Msg("{a} or {b}", a=Msg(STATUS_WORDS[allowed[0]]), b=Msg(STATUS_WORDS[allowed[1]]))
            if len(allowed) > 1
            else Msg(STATUS_WORDS[allowed[0]]),
        )
    if step.at < life.last_at:
        raise TthcError("{step} at {at:%d/%m/%Y %H:%M} is before the dossier's previous step ({last:%d/%m/%Y %H:%M})", step=Msg(STEP_WORDS[step.name]), at=step.at, last=life.last_at)
    if isinstance(step, Handover):
        return _evolve(life, officer=step.to, last_at=step.at)
    if isinstance(step, Supplement):
        return _supplement(cal, life, step)
    if isinstance(step, Resume):
        return _resume(cal, life, step)
    if isinstance(step, Resolve):
        due = life.due
        assert due is not None  # a processing dossier always has a due date in force
        judged = deadlines.timeliness(life.limit, due.due_date, due.due_at, step.at)
        return _evolve(
            life,
            status="resolved",
            resolved_at=step.at,
            outcome=step.outcome,
            timeliness=judged,
            last_at=step.at,
        )
    if isinstance(step, Return):
        return _evolve(life, status="returned", returned_at=step.at, last_at=step.at)
    if isinstance(step, Withdraw):
        return _evolve(life, status="withdrawn", withdrawn_at=step.at, last_at=step.at)
    if isinstance(step, Close):
        asked = life.paused_at
        earliest = asked.date() + timedelta(CLOSE_AFTER.n) if asked is not None else step.at.date()
        if step.at.date() < earliest:  # the citizen still has until then to bring the papers
            raise TthcError("dossier {code}: papers were asked for on {asked:%d/%m/%Y %H:%M}; the dossier may be closed from {day:%d/%m/%Y} on, 15 days after the request (Decree 118 Art. 19.5); the applicant can withdraw it before", code=life.code, asked=asked, day=earliest)
        return _evolve(life, status="closed", closed_at=step.at, last_at=step.at)
    if isinstance(step, Forward):
        if life.for_authority is None:
            raise TthcError("dossier {code} was received for this center, not for another authority (receive --for)", code=life.code)
        if life.forwarded_at is not None:
            raise TthcError("dossier {code} was already forwarded ({at:%d/%m/%Y %H:%M})", code=life.code, at=life.forwarded_at)
        return _evolve(life, forwarded_at=step.at, last_at=step.at)
    if isinstance(step, Notify):
        return _evolve(life, notified_at=step.at, last_at=step.at)
    return _apologize(cal, life, step)


def _supplement(cal: WorkCalendar, life: Life, step: Supplement) -> Life:
    if life.rounds and not step.again:  # Art. 11.2.c, 16.3: papers are asked for once
        raise TthcError("papers were already asked for on dossier {code} ({at:%d/%m/%Y %H:%M}): Decree 118 Art. 11.2.c allows one request only; to record a second one anyway (a breach), add --again", code=life.code, at=life.rounds[0].paused_at)
    left = None
    if step.policy == "freeze":
        in_force = deadlines.counting_in_force(life.receipt, life.rounds)
        assert in_force is not None  # a processing dossier has no open round
        left = deadlines.time_left(cal, in_force[0], in_force[1], step.at)
    round_ = Round(step.at, step.policy, left, step.reason)
    return _evolve(life, status="paused", rounds=(*life.rounds, round_), last_at=step.at)


def _resume(cal: WorkCalendar, life: Life, step: Resume) -> Life:
    open_round = life.rounds[-1]
    if step.due_given is None:
        counting = deadlines.resume_counting(cal, life.limit, open_round, step.at)
    else:
        counting = deadlines.given_counting(cal, life.limit, step.at, step.due_given)
    done = replace(open_round, resumed_at=step.at, counting=counting)
    return _evolve(life, status="processing", rounds=(*life.rounds[:-1], done), last_at=step.at)


def _apologize(cal: WorkCalendar, life: Life, step: Apologize) -> Life:
    if life.apology is not None:
        raise TthcError("dossier {code} already has an apology (issued {at:%d/%m/%Y %H:%M})", code=life.code, at=life.apology.issued_at)
    due = life.due
    if due is not None:
        if step.new_date <= due.due_date:
            raise TthcError("the new date {new:%d/%m/%Y} must be after the due date {due:%d/%m/%Y}", new=step.new_date, due=due.due_date)
        in_time = deadlines.apology_in_time(cal, step.at, due.due_date)
    else:
        if step.new_date <= step.at.date():
            raise TthcError("the new date {new:%d/%m/%Y} must be after the apology", new=step.new_date)
        in_time = True  # no due date runs while the dossier waits for papers
    day = cal.day_info(step.new_date)
    if not day.working:  # the citizen would come to a closed office
        raise TthcError(
            "the new date {new:%d/%m/%Y} is not a working day ({why}); the next working day is {next:%d/%m/%Y}",
            new=step.new_date,
            why=day_off_reason(day),
            next=cal.working_day_on_or_after(step.new_date),
        )
    apology = Apology(step.at, step.new_date, step.reason, in_time)
    return _evolve(life, apology=apology, last_at=step.at)


def day_off_reason(day: DayInfo) -> Msg | str:
    """Why a day is not a working day, in words: the weekend, a holiday's name, or the
    center's own day off."""
    if day.kind == "weekend":
        return Msg(N_("Saturday") if day.day.weekday() == 5 else N_("Sunday"))
    if day.kind == "center_off":
        return Msg("the center's day off: {name}", name=day.name) if day.name else Msg("the center's day off")
    return day.name


def revert(life: Life, step: str, details: dict[str, Any]) -> Life:
    """The state before ``step``, the latest step still standing.

    Only the facts that step changed are put back; everything else (a calendar change laid
    over the countings since, say) stays as it is now. ``last_at`` comes from the facts; the
    caller adds the steps known from the audit trail only (handovers).
    """
    before = _revert(life, step, details)
    return replace(before, last_at=facts_last_at(before))


def _revert(life: Life, step: str, details: dict[str, Any]) -> Life:
    if step == "handover":
        return replace(life, officer=details.get("from"))
    if step == "supplement":
        return replace(life, status="processing", rounds=life.rounds[:-1])
    if step == "resume":
        reopened = replace(life.rounds[-1], resumed_at=None, counting=None)
        return replace(life, status="paused", rounds=(*life.rounds[:-1], reopened))
    if step == "resolve":
        return replace(life, status="processing", resolved_at=None, outcome=None, timeliness=None)
    if step == "return":
        return replace(life, status="resolved", returned_at=None)
    if step == "withdraw":
        status: Status = "paused" if life.paused_at is not None else "processing"
        return replace(life, status=status, withdrawn_at=None)
    if step == "apologize":
        return replace(life, apology=None)
    if step == "close":
        return replace(life, status="paused", closed_at=None)
    if step == "forward":
        return replace(life, forwarded_at=None)
    if step == "notify":
        before = details.get("before")
        return replace(life, notified_at=None if before is None else datetime.fromisoformat(before))
    raise ValueError(f"not a revertible step: {step}")


def relay(cal: WorkCalendar, life: Life, days: set[date] | None) -> Life:
    """After a change of the calendar: lay again every counting of the dossier whose window
    contains one of the changed ``days`` (every counting, for None: the calendar as shipped
    may have changed anywhere); the counts themselves never change."""

    def again(c: Counting) -> Counting:
        touched = days is None or any(c.contains(d) for d in days)
        return deadlines.relay(cal, life.limit, c) if touched else c

    rounds = tuple(replace(r, counting=again(r.counting)) if r.counting else r for r in life.rounds)
    return replace(life, receipt=again(life.receipt), rounds=rounds)
