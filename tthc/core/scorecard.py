"""The province's scorecard (Decision 766/QĐ-TTg), pure: its indicators, their thresholds and
points, the judgement of one dossier under indicator 2.1 and the handling time of 2.2.

No SQL and no terminal here: the storage layer counts, this module scores. The formulas
follow a secondary transcription of the indicator descriptions; Decision 766's own text and
its table of points per indicator were not available, so the points within each group are
split evenly (see docs/indicators.md) and this table is the one place to correct them.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from tthc.core import deadlines
from tthc.core.timelimit import TimeLimit
from tthc.core.workcalendar import WorkCalendar

#: The six groups and the points each carries (100 in all).
GROUPS: dict[str, int] = {
    "disclosure": 18,
    "progress": 20,
    "online": 12,
    "payment": 10,
    "digitisation": 22,
    "satisfaction": 18,
}


@dataclass(frozen=True)
class Indicator:
    """One indicator: its group, the points it can earn, the rate that earns them all
    (``threshold``; less earns in proportion), whether the threshold is the transcription's
    or assumed (100%), and whether a center's own records can compute it."""

    id: str
    group: str
    max_points: Decimal
    threshold: Decimal | None
    threshold_transcribed: bool
    computable: bool


def _ind(
    id_: str, group: str, points: str, threshold: int | None, transcribed: bool, computable: bool
) -> Indicator:
    return Indicator(
        id_,
        group,
        Decimal(points),
        None if threshold is None else Decimal(threshold),
        transcribed,
        computable,
    )


INDICATORS: tuple[Indicator, ...] = (
    _ind("1.1", "disclosure", "4.5", None, False, False),
    _ind("1.2", "disclosure", "4.5", None, False, False),
    _ind("1.3", "disclosure", "4.5", None, False, False),
    _ind("1.4", "disclosure", "4.5", None, False, False),
    _ind("2.1", "progress", "10", 100, False, True),
    _ind("2.2", "progress", "10", 100, False, True),
    _ind("3.1", "online", "4", 80, True, False),
    _ind("3.2", "online", "4", None, False, False),
    _ind("3.3", "online", "4", 50, True, True),
    _ind("3.5", "payment", "5", 80, True, False),
    _ind("3.6", "payment", "5", 100, False, True),
    _ind("4.1", "digitisation", "4.4", 100, False, True),
    _ind("4.2", "digitisation", "4.4", 80, True, True),
    _ind("4.3", "digitisation", "4.4", 80, True, True),
    _ind("4.4", "digitisation", "4.4", None, False, False),
    _ind("4.5", "digitisation", "4.4", None, False, False),
    _ind("5.1", "satisfaction", "4.5", None, False, False),
    _ind("5.2", "satisfaction", "4.5", None, False, False),
    _ind("5.3", "satisfaction", "4.5", None, False, False),
    _ind("5.4", "satisfaction", "4.5", 90, True, True),
)
BY_ID = {i.id: i for i in INDICATORS}


def _half_up(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def points(indicator: Indicator, rate: Decimal | None) -> Decimal | None:
    """Full points at or above the threshold, ``rate × max ÷ threshold`` below it, rounded
    half up to 2 decimals; None where there is no rate (nothing to count)."""
    if rate is None or indicator.threshold is None:
        return None
    if rate >= indicator.threshold:
        return indicator.max_points
    return _half_up(max(rate, Decimal(0)) * indicator.max_points / indicator.threshold)


# -- indicator 2.1 --------------------------------------------------------------------------------------
Reason = Literal["same", "open", "waiting", "ended_otherwise", "requests", "supplement_time"]
#: Why a dossier counts differently under 2.1 than under the II.06a, in the order shown.
REASONS: tuple[Reason, ...] = ("open", "waiting", "ended_otherwise", "requests", "supplement_time")


@dataclass(frozen=True)
class Handled:
    """One dossier received or handled in the period, as indicator 2.1 sees it at the snapshot."""

    limit: TimeLimit
    receipt_due_at: datetime  # the appointment on the receipt slip
    ended_by: str | None  # "resolved", "withdrawn" … before the snapshot; None while handled
    ended_at: datetime | None
    requests: int  # supplement requests before the snapshot
    waiting_since: datetime | None  # the request still waiting for papers at the snapshot
    supplement_minutes: int  # the time papers took, in the rounds closed by the snapshot
    ii06a: str | None  # early / on_time / late if the II.06a counts it (resolved in the period)


def on_time_766(h: Handled, snapshot: datetime) -> bool:
    """Indicator 2.1: on time (or within time) when the end of handling, less the time the
    citizen took to bring papers, is not after the receipt's appointment. The end is the
    resolution, refusal or withdrawal; for a dossier waiting for papers, the moment they were
    asked; for one still handled, the snapshot. More than one request for papers is late."""
    if h.requests > 1:
        return False
    took = timedelta(minutes=h.supplement_minutes)
    due = deadlines.Due(h.limit, h.receipt_due_at.date(), h.receipt_due_at)
    end = h.ended_at if h.ended_at is not None else h.waiting_since
    if end is None:
        return not deadlines.is_overdue(due.deadline, snapshot - took)
    return deadlines.timeliness(h.limit, due.due_date, due.due_at, end - took) != "late"


def difference(h: Handled, on_time: bool) -> Reason:
    """Why the dossier counts differently under 2.1 than under the II.06a ("same" if not)."""
    if h.ii06a is None:
        if h.ended_by is not None:
            return "ended_otherwise"  # withdrawn (or stopped): the II.06a leaves it out
        return "waiting" if h.waiting_since is not None else "open"
    if on_time == (h.ii06a != "late"):
        return "same"
    return "requests" if h.requests > 1 else "supplement_time"


# -- indicator 2.2 --------------------------------------------------------------------------------------
def handling_time(
    cal: WorkCalendar, limit: TimeLimit, start: datetime, end: datetime, supplement_minutes: int
) -> Decimal:
    """How long a dossier took, less the time papers took, in its limit's unit: working days
    after the receipt day (same-day and working-day limits), calendar days, or working hours."""
    stop = end - timedelta(minutes=supplement_minutes)
    if stop <= start:
        return Decimal(0)
    if limit.is_hours:
        return Decimal(cal.working_minutes_between(start, stop)) / 60
    if limit.unit == "d":
        return Decimal((stop.date() - start.date()).days)
    return Decimal(cal.working_days_between(start.date(), stop.date()))


def limit_amount(limit: TimeLimit) -> Decimal:
    """The limit in its unit for 2.2; a same-day limit allows one working day, since a dossier
    received after the cut-off is due the next working day."""
    return Decimal(limit.n) if limit.unit != "same-day" else Decimal(1)
