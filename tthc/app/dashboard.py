"""The manager's pages on the web: the dashboard (today's worklist by urgency, a period's
figures and scorecard, the last twelve months, the citizens' ratings) and a dossier's
printable receipt slip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from tthc.app import dossiers, papers, service
from tthc.app.context import Context
from tthc.app.dossiers import ListFilter
from tthc.app.summary import events_before
from tthc.core.errors import TthcError
from tthc.core.models import RATINGS
from tthc.core.periods import Period, month_of, month_window, period_words

if TYPE_CHECKING:
    from tthc.app.indicators import Scorecard
    from tthc.app.papers import Slip
    from tthc.app.summary import Summary
    from tthc.core.models import Dossier


@dataclass(frozen=True)
class Dashboard:
    groups: dict[str, list[Dossier]]  # overdue / today / soon, soonest deadline first
    truncated: bool
    month: Summary  # the period chosen (this reporting month unless another is asked for)
    months: Summary
    scorecard: Scorecard
    period_text: str  # the period as asked for, "" for this month
    ratings: dict[str, int]  # the citizens' ratings given in the period, each kind


def dashboard(ctx: Context, limit: int, months: int = 12, period: str = "") -> Dashboard:
    """Today's worklist by urgency, the period's summary (this month's unless ``period``
    names another, in the command line's words: ``9/2025``, ``Q3/2025``, ``2025``) with
    its scorecard, and the last ``months`` months. A period that cannot be read is a
    ``TthcError``."""
    from tthc.app import indicators

    today = ctx.now.date()
    rows = dossiers.list_dossiers(ctx, ListFilter(limit=limit))
    soon = dossiers.soon_until(ctx.calendar(), today)
    groups: dict[str, list[Dossier]] = {k: [] for k in dossiers.DUE_GROUPS}
    for d in rows:
        groups.setdefault(dossiers.urgency(d, ctx.now, soon), []).append(d)
    asked = {"month": None, "quarter": None, "year": None, **(period_words(period) if period.strip() else {})}
    chosen = service.period(ctx, from_=None, to=None, **asked)
    return Dashboard(
        groups={k: groups[k] for k in dossiers.DUE_GROUPS},
        truncated=len(rows) >= limit,
        month=service.summary(ctx, chosen, None),
        months=service.summary(ctx, last_months(ctx, today, months), "month"),
        scorecard=indicators.build(ctx, chosen),
        period_text=period.strip(),
        ratings=ratings_given(ctx, chosen),
    )


def last_months(ctx: Context, today: date, months: int) -> Period:
    """The last ``months`` reporting months up to ``today``, this one included."""
    y, m = month_of(today, ctx.settings().period_start_day)
    first_y, first_m = divmod(y * 12 + m - 1 - (months - 1), 12)
    return Period(month_window(first_y, first_m + 1, ctx.settings().period_start_day).start, today)


def ratings_given(ctx: Context, period: Period) -> dict[str, int]:
    """How many of each rating were given in the period, in the order of :data:`RATINGS`."""
    given = ctx.store().ratings_in(period.start, events_before(period, ctx.now))
    return {kind: given.get(kind, 0) for kind in RATINGS}


def receipt(ctx: Context, code: str) -> Slip | None:
    """Form 01 of the dossier with this code (typed in any case, or in the short form on the
    slip when only one dossier has it), the slip ``tthc receipt`` prints; None for no such
    code, or a short form several dossiers share."""
    from tthc.app.inputs import dossier_code

    try:
        code = dossier_code(ctx.store(), code)
    except TthcError:
        return None
    keys = ctx.store().dossier_keys(code)
    if keys is None:
        return None
    return papers.slip(ctx, keys.code, "01")
