"""A center's scorecard under Decision 766 as records: each indicator's figures for a group
(or the center), the two on-time rates side by side, and the points. The indicators and their
scoring are :mod:`tthc.core.scorecard`'s; ``tthc.app.indicators`` counts, the screens read.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from tthc.core import scorecard
from tthc.core.figures import percent
from tthc.core.periods import Period
from tthc.locale.i18n import t
from tthc.locale.marks import N_

#: Each indicator's name, by its number in Decision 766.
INDICATOR_NAME_WORDS = {
    "1.1": N_("Procedures published on time"),
    "1.2": N_("Procedures updated and disclosed on time"),
    "1.3": N_("Procedures disclosed with every required part"),
    "1.4": N_("Dossiers synchronised to the National Portal"),
    "2.1": N_("Dossiers handled early or on time"),
    "2.2": N_("Average handling time per procedure"),
    "3.1": N_("Procedures offered online"),
    "3.2": N_("Online services with dossiers"),
    "3.3": N_("Dossiers received online"),
    "3.5": N_("Procedures with fees payable online"),
    "3.6": N_("Dossiers paid online"),
    "4.1": N_("Results issued electronically"),
    "4.2": N_("Dossiers digitised"),
    "4.3": N_("Digitised data reused"),
    "4.4": N_("Digitised dossiers shared for reuse"),
    "4.5": N_("Population data used"),
    "5.1": N_("Complaints and petitions by kind"),
    "5.2": N_("Complaints and petitions handled on time"),
    "5.3": N_("Satisfaction with complaint handling"),
    "5.4": N_("Satisfaction with receipt and handling"),
}
#: How each indicator is counted from the center's records, by its number.
INDICATOR_FORMULA_WORDS = {
    "2.1": N_("handled in time ÷ every dossier received or handled in the period (end less papers' time ≤ first appointment; >1 request late)"),
    "2.2": N_("procedures whose average handling time is within their limit ÷ procedures with results"),
    "3.3": N_("received online ÷ received in the period"),
    "3.6": N_("paid online ÷ received with a fee to pay (not exempt)"),
    "4.1": N_("results issued electronically ÷ results issued in the period"),
    "4.2": N_("digitised at receipt, with any result electronic ÷ received in the period"),
    "4.3": N_("data already held reused ÷ received in the period"),
    "5.4": N_("100% − late share (2.1) − share rated unsatisfied"),
}



@dataclass
class Line:
    """One indicator's figures for one group (or the total)."""

    id: str
    numerator: int | None = None
    denominator: int | None = None
    detail: list[dict[str, Any]] = field(default_factory=list)  # 2.2: per procedure

    @property
    def indicator(self) -> scorecard.Indicator:
        return scorecard.BY_ID[self.id]

    @property
    def rate(self) -> Decimal | None:
        if self.numerator is None or self.denominator is None:
            return None
        return percent(self.numerator, self.denominator)

    @property
    def points(self) -> Decimal | None:
        return scorecard.points(self.indicator, self.rate)

    def as_json(self, lang: str = "en") -> dict[str, Any]:
        ind = self.indicator
        out: dict[str, Any] = {
            "id": self.id,
            "name": t(lang, INDICATOR_NAME_WORDS[self.id]),
            "formula": t(lang, INDICATOR_FORMULA_WORDS[self.id]) if ind.computable else t(lang, "not from this center's records"),
            "group": ind.group,
            "computable": ind.computable,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "rate": None if self.rate is None else float(self.rate),
            "threshold": None if ind.threshold is None else float(ind.threshold),
            "threshold_transcribed": ind.threshold_transcribed,
            "points": None if self.points is None else float(self.points),
            "max_points": float(ind.max_points),
        }
        if self.id == "2.2":
            out["procedures"] = self.detail
        return out


@dataclass
class OnTime:
    """The two on-time rates of one group: the II.06a's and indicator 2.1's, and why they differ."""

    resolved: int = 0  # the II.06a's denominator
    resolved_in_time: int = 0
    handled: int = 0  # 2.1's denominator
    handled_in_time: int = 0
    late: int = 0
    unsatisfied: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def ii06a_rate(self) -> Decimal | None:
        return percent(self.resolved_in_time, self.resolved)

    @property
    def rate_766(self) -> Decimal | None:
        return percent(self.handled_in_time, self.handled)

    @property
    def gap(self) -> Decimal | None:
        a, b = self.rate_766, self.ii06a_rate
        return None if a is None or b is None else a - b

    def as_json(self) -> dict[str, Any]:
        def num(v: Decimal | None) -> float | None:
            return None if v is None else float(v)

        return {
            "ii06a": {
                "numerator": self.resolved_in_time,
                "denominator": self.resolved,
                "rate": num(self.ii06a_rate),
            },
            "766": {
                "numerator": self.handled_in_time,
                "denominator": self.handled,
                "rate": num(self.rate_766),
            },
            "difference": num(self.gap),
            "reasons": [
                {"reason": r, "dossiers": self.reasons[r]} for r in scorecard.REASONS if self.reasons[r]
            ],
        }


@dataclass
class Card:
    """One group's scorecard (or the center's)."""

    lines: dict[str, Line]
    on_time: OnTime

    @property
    def total_points(self) -> Decimal:
        return sum((ln.points or Decimal(0) for ln in self.lines.values()), Decimal(0))

    def as_json(self, lang: str = "en") -> dict[str, Any]:
        return {
            "indicators": [ln.as_json(lang) for ln in self.lines.values()],
            "points": float(self.total_points),
            "on_time": self.on_time.as_json(),
        }


@dataclass
class Scorecard:
    period: Period
    snapshot: datetime
    by: str | None
    total: Card
    groups: list[tuple[str | None, Card]]

    def as_json(self, lang: str = "en") -> dict[str, Any]:
        out: dict[str, Any] = {"period": self.period.as_json(), **self.total.as_json(lang)}
        if self.by is not None:
            out["by"] = self.by
            out["groups"] = [{"key": k, **card.as_json(lang)} for k, card in self.groups]
        return out
