"""The statutory time-limit grammar: ``same-day``, ``<N>wd``, ``<N>d``, ``<N>h`` and long forms."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from tthc.core.errors import TthcError

Unit = Literal["same-day", "wd", "d", "h"]

#: Largest accepted value per unit (see docs/rules.md).
CAPS: dict[str, int] = {"wd": 365, "d": 730, "h": 2000}

_SAME_DAY = {"same-day", "same day", "sameday", "trong ngày", "trong ngay", "0wd"}
_UNIT_WORDS: dict[str, Unit] = {
    "wd": "wd",
    "working day": "wd",
    "working days": "wd",
    "business day": "wd",
    "business days": "wd",
    "ngày làm việc": "wd",
    "ngay lam viec": "wd",
    "d": "d",
    "day": "d",
    "days": "d",
    "calendar day": "d",
    "calendar days": "d",
    "ngày": "d",
    "ngay": "d",
    "h": "h",
    "wh": "h",
    "hour": "h",
    "hours": "h",
    "working hour": "h",
    "working hours": "h",
    "giờ": "h",
    "gio": "h",
    "giờ làm việc": "h",
    "gio lam viec": "h",
}
_PATTERN = re.compile(r"^([+-]?[0-9]{1,6})\s*(.*)$")


@dataclass(frozen=True, order=True)
class TimeLimit:
    """A time limit: ``unit`` is same-day, wd (working days), d (calendar days) or h (hours)."""

    unit: Unit
    n: int = 0

    def __str__(self) -> str:
        return "same-day" if self.unit == "same-day" else f"{self.n}{self.unit}"

    @property
    def is_hours(self) -> bool:
        return self.unit == "h"


def parse_limit(text: str) -> TimeLimit:
    """Parse a time limit in any accepted spelling; raise :class:`TthcError` naming bad text."""
    raw = text if isinstance(text, str) else str(text)
    norm = " ".join(unicodedata.normalize("NFC", raw).strip().lower().split())
    if norm in _SAME_DAY:
        return TimeLimit("same-day")
    match = _PATTERN.match(norm)
    if not match:
        raise TthcError("bad time limit {text!r}: expected same-day, <N>wd, <N>d or <N>h (e.g. 5wd, 15d, 8h, '5 ngày làm việc')", text=raw)
    number, word = match.groups()
    unit = _UNIT_WORDS.get(word.strip())
    if unit is None or unit == "same-day":
        raise TthcError("bad time limit {text!r}: unknown unit {unit!r}", text=raw, unit=word.strip())
    n = int(number)
    if n == 0 and unit == "wd":
        return TimeLimit("same-day")
    if n <= 0:
        raise TthcError("bad time limit {text!r}: the number must be positive", text=raw)
    if n > CAPS[unit]:
        raise TthcError("bad time limit {text!r}: at most {cap}", text=raw, cap=f"{CAPS[unit]}{unit}")
    return TimeLimit(unit, n)
