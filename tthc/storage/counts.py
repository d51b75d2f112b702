"""The rows of counts the reports' reads give back: one group's counts for a summary's period
(:class:`PeriodCounts`, read by ``tthc.storage.reports``) and for the scorecard's indicators
(:class:`ScorecardCounts`, read by ``tthc.storage.report_scorecard``).

Their own module: a command that reads no report (a clerk's ``show``) does not build them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PeriodCounts:
    """One group's counts for a period, as ``daily_counts`` holds them."""

    key: str | None
    carried_over: int
    direct: int
    online: int
    postal: int
    early: int
    on_time: int
    late: int
    withdrawn: int
    closed: int


@dataclass(frozen=True)
class ScorecardCounts:
    """One group's counts for the indicators counted over the dossiers received in a period
    (3.3, 3.6, 4.2, 4.3) and the results issued in it (4.1)."""

    key: str | None
    received: int
    online: int
    fee_due: int
    paid_online: int
    results: int
    e_results: int
    digitised: int
    reused: int
