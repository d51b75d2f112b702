"""Words in two languages. The code says its messages in English (the msgid itself); the
Vietnamese is in ``locale/vi/LC_MESSAGES/tthc.po``, compiled to ``tthc.mo`` and read with the
standard library's ``gettext``. How a translator works on it: docs/translating.md."""

from __future__ import annotations

import gettext
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.locale.marks import CONTEXT, NP_, PLURAL
from tthc.locale.words import COLUMN_WORDS, STEP_WORDS, VALUE_WORDS

if TYPE_CHECKING:
    from decimal import Decimal

LANGS = ("en", "vi")
#: How people name the two languages: vn is what many type for Vietnamese.
LANG_WORDS = {"vi": "vi", "vn": "vi", "en": "en"}
DOMAIN = "tthc"
LOCALE_DIR = Path(__file__).resolve().parent

# Messages of branches written before the catalog: key -> (English, Vietnamese). The codemod
# moves them into locale/vi/LC_MESSAGES/tthc.po; new code writes English msgids instead.
MESSAGES: dict[str, tuple[str, str]] = {}

WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"),
}

_CATALOGS: dict[str, gettext.NullTranslations] = {}


def catalog(lang: str) -> gettext.NullTranslations:
    """The translations of ``lang``, loaded once: English is the msgids themselves."""
    found = _CATALOGS.get(lang)
    if found is None:
        found = _CATALOGS[lang] = _load(lang)
    return found


def _load(lang: str) -> gettext.NullTranslations:
    if lang not in LANGS or lang == "en":
        return gettext.NullTranslations()
    from tthc.locale.mo import compiled  # a checkout or an editable install: .mo from the .po

    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    data = compiled(folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo")
    if data is not None:
        import io

        return gettext.GNUTranslations(io.BytesIO(data))
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def in_catalog(msgid: str) -> bool:
    """Whether the catalog holds ``msgid`` (with its context, or the singular of a plural)."""
    held = getattr(catalog("vi"), "_catalog", {})
    return msgid in held or (msgid.partition(PLURAL)[0], 0) in held


def tr(lang: str, msgid: str, n: Any = None) -> str:
    """``msgid`` (with its context or plural, as the marks make it) in ``lang``, unfilled."""
    cat = catalog(lang)
    context, has_context, text = msgid.rpartition(CONTEXT)
    one, plural, many = text.partition(PLURAL)
    if plural:
        count = n if isinstance(n, int) else 1
        if has_context:
            return cat.npgettext(context, one, many, count)
        return cat.ngettext(one, many, count)
    return cat.pgettext(context, one) if has_context else cat.gettext(one)


def t(lang: str, msgid: str, /, **args: object) -> str:
    """The message ``msgid`` in ``lang`` with ``{placeholders}`` filled."""
    text = tr(lang, msgid, args.get("n"))
    return text.format(**args) if args else text


def label(lang: str, value: str | None) -> str:
    """A status, channel, outcome, timeliness, rating or payment in ``lang`` (its word in
    ``VALUE_WORDS``); unknown values are shown as they are."""
    if value is None:
        return ""
    word = VALUE_WORDS.get(value)
    return value if word is None else t(lang, word)


def step_label(lang: str, step: str) -> str:
    """A step of the history in ``lang`` (its word in ``STEP_WORDS``), or its name as it is."""
    word = STEP_WORDS.get(step)
    return step if word is None else t(lang, word)


def fmt_day(lang: str, day: date) -> str:
    """``Tue 09/09/2025`` / ``Thứ Ba 09/09/2025``: day-first in both languages."""
    return f"{WEEKDAYS[lang if lang in LANGS else 'en'][day.weekday()]} {day.strftime('%d/%m/%Y')}"


def fmt_rate(lang: str, rate: Decimal | float | None) -> str:
    """``98.28%`` in English, ``98,28%`` in Vietnamese; ``—`` when there is no rate."""
    if rate is None:
        return "—"
    from decimal import Decimal  # only where a rate is said: a look-up of one dossier does not load it

    text = f"{Decimal(str(rate)):.2f}%"
    return text.replace(".", ",") if lang == "vi" else text


MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: A time limit's unit as people say it, singular and plural.
LIMIT_UNITS = {"wd": NP_("{n} working day", "{n} working days"), "d": NP_("{n} day", "{n} days"), "h": NP_("{n} working hour", "{n} working hours")}


def fmt_limit(lang: str, limit: object) -> str:
    """A time limit as people say it: ``3 ngày làm việc``, ``trong ngày``, ``8 working hours``.

    ``limit`` is a :class:`tthc.core.timelimit.TimeLimit` or its canonical text (``3wd``)."""
    text = str(limit)
    if text == "same-day":
        return t(lang, "same day")
    number, unit = text.rstrip("dwh"), text.lstrip("0123456789")
    if not number.isdigit() or unit not in LIMIT_UNITS:
        return text
    return t(lang, LIMIT_UNITS[unit], n=int(number))
class LimitWords:
    """A time limit inside a message (``Msg(..., limit=LimitWords("3wd"))``), said as
    :func:`fmt_limit` says it in the language the message is read in."""

    def __init__(self, limit: object) -> None:
        self.limit = limit

    def render(self, lang: str) -> str:
        return fmt_limit(lang, self.limit)


class ColumnWord:
    """A column of a file or a table inside a message (``what=ColumnWord("resolved_at")``),
    said by its heading in the language the message is read in (``Ngày giải quyết``)."""

    def __init__(self, column: str) -> None:
        self.column = column

    def render(self, lang: str) -> str:
        word = COLUMN_WORDS.get(self.column)
        return self.column if word is None else t(lang, word)


class DayAgo:
    """A day spelled out with how long ago it was: ``Chủ nhật 09/03/2025, 6 tháng trước``."""

    def __init__(self, day: date, today: date) -> None:
        self.day = day
        self.today = today

    def render(self, lang: str) -> str:
        days = (self.today - self.day).days
        if days >= 60:
            ago = t(lang, NP_("{n} month ago", "{n} months ago"), n=round(days / 30.44))
        else:
            ago = t(lang, NP_("{n} day ago", "{n} days ago"), n=days)
        return f"{fmt_day(lang, self.day)}, {ago}"


def fmt_money(lang: str, amount: int) -> str:
    """``75.000 đ`` in Vietnamese, ``75,000 VND`` in English."""
    grouped = f"{amount:,}"
    return t(lang, "{amount} VND", amount=grouped.replace(",", ".") if lang == "vi" else grouped)


def fmt_month(lang: str, key: str) -> str:
    """A reporting month ``2025-07`` as ``tháng 7/2025`` or ``July 2025``."""
    year, _, month = key.partition("-")
    if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
        return key
    name = str(int(month)) if lang == "vi" else MONTHS_EN[int(month) - 1]
    return t(lang, "{name} {year}", name=name, year=year)
