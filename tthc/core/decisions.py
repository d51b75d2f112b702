"""The national decisions on days off and make-up working days, shipped as data with their
source, and the days the ``holidays`` package lists that no decision yet puts in force.

The working calendar reads these over the package's days (and under the center's own days).
They are plain data: nothing here imports the package, so the clerk's commands apply them
without it. Each decided day names the document that made it; ``docs/rules.md`` says which
years were checked against which documents, and what could not be checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from tthc.locale.i18n import t
from tthc.locale.marks import N_

DecidedKind = Literal["off", "work"]


@dataclass(frozen=True)
class Decision:
    """A government document that fixed days off or make-up working days."""

    number: str
    issued: date
    issuer_en: str
    issuer_vi: str

    def cited(self, lang: str) -> str:
        """``12729/VPCP-KGVX, 25/12/2025 (Văn phòng Chính phủ)``."""
        issuer = self.issuer_vi if lang == "vi" else self.issuer_en
        return f"{self.number}, {self.issued.strftime('%d/%m/%Y')} ({issuer})"


@dataclass(frozen=True)
class DecidedDay:
    """One day a decision made a day off (``off``) or a make-up working day (``work``)."""

    day: date
    kind: DecidedKind
    name_en: str
    name_vi: str
    decision: Decision

    @property
    def working(self) -> bool:
        return self.kind == "work"

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


#: The Government Office's letter conveying the Government's agreement of 25/12/2025 to the
#: Ministry of Home Affairs' plan for New Year 2026, announced by that ministry the same day.
NEW_YEAR_2026 = Decision(
    "12729/VPCP-KGVX",
    date(2025, 12, 25),
    "Government Office",
    "Văn phòng Chính phủ",
)

#: The decided days the package lacks or gets wrong, oldest first.
DECIDED: tuple[DecidedDay, ...] = (
    DecidedDay(
        date(2026, 1, 2),
        "off",
        "New Year 2026 day off, swapped with Sat 10/01/2026",
        "Nghỉ Tết Dương lịch 2026, hoán đổi với thứ Bảy 10/01/2026",
        NEW_YEAR_2026,
    ),
    DecidedDay(
        date(2026, 1, 10),
        "work",
        "Make-up working day for Fri 02/01/2026",
        "Làm bù cho thứ Sáu 02/01/2026",
        NEW_YEAR_2026,
    ),
)
DECIDED_BY_DAY: dict[date, DecidedDay] = {d.day: d for d in DECIDED}


@dataclass(frozen=True)
class Unconfirmed:
    """A day the package lists off every year from ``since`` with no decision in force: it
    keeps the package's reading until the center confirms or rejects it."""

    month: int
    day: int
    since: int
    why_key: str  # a msgid saying what it awaits, marked where it is written


UNCONFIRMED: tuple[Unconfirmed, ...] = (Unconfirmed(11, 24, 2026, N_("awaiting an amendment of Labour Code Art. 112")),)


def unconfirmed_rule(day: date) -> Unconfirmed | None:
    """The rule that makes ``day`` unconfirmed if the package lists it off, else None."""
    for u in UNCONFIRMED:
        if (day.month, day.day) == (u.month, u.day) and day.year >= u.since:
            return u
    return None


# -- the package's names, said in our words --------------------------------------------------------
#: The package's English name of a day → the message naming it in both languages.
PACKAGE_NAME_WORDS: dict[str, str] = {
    "New Year's Day": N_("New Year's Day"),
    "29 of Lunar New Year": N_("29th of the last lunar month (Tết)"),
    "Lunar New Year's Eve": N_("Lunar New Year's Eve"),
    "Lunar New Year": N_("Lunar New Year"),
    "Second Day of Lunar New Year": N_("Second day of Lunar New Year"),
    "Third Day of Lunar New Year": N_("Third day of Lunar New Year"),
    "Fourth Day of Lunar New Year": N_("Fourth day of Lunar New Year"),
    "Fifth Day of Lunar New Year": N_("Fifth day of Lunar New Year"),
    "Hung Kings' Commemoration Day": N_("Hung Kings' Commemoration Day"),
    "Liberation Day/Reunification Day": N_("Reunification Day (30 April)"),
    "International Labor Day": N_("International Labour Day"),
    "National Day": N_("National Day"),
    "Vietnam Cultural Day": N_("Vietnam Culture Day"),
}
_OBSERVED = re.compile(r"^(?P<base>.+) \(observed\)$")
_SUBSTITUTED = re.compile(r"^Day off \(substituted from (?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\)$")
_US_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def package_name(english: str, vietnamese: str, lang: str) -> str:
    """A day the package names ``english`` (``vietnamese`` in its own Vietnamese), in our
    words in ``lang``: dates day-first, nothing English in Vietnamese."""
    if english in PACKAGE_NAME_WORDS:
        return t(lang, PACKAGE_NAME_WORDS[english])
    observed = _OBSERVED.match(english)
    if observed and observed["base"] in PACKAGE_NAME_WORDS:
        return t(lang, "{name} (day off in lieu)", name=t(lang, PACKAGE_NAME_WORDS[observed["base"]]))
    swapped = _SUBSTITUTED.match(english)
    if swapped:
        worked = date(int(swapped["y"]), int(swapped["m"]), int(swapped["d"]))
        return t(lang, "Day off, worked instead on {day}", day=worked.strftime("%d/%m/%Y"))
    if lang == "vi":  # a name this table does not know yet: the package's own Vietnamese
        return vietnamese if vietnamese != english else t(lang, "Public holiday")
    return _US_DATE.sub(lambda m: f"{int(m[2]):02d}/{int(m[1]):02d}/{m[3]}", english)
