"""What clerks type, made exact: names and notes within their lengths, citizen IDs, phone
numbers in one stored form however they were typed, moments that are not in the future, and
dossier codes in any case or in their short form."""

import re
import unicodedata
from collections.abc import Collection
from datetime import date, datetime, timedelta

from tthc.app.context import Context
from tthc.core.clock import RECEIPT_DEFAULT_TIME, STEP_DEFAULT_TIME, parse_when
from tthc.core.errors import Msg, TthcError
from tthc.core.models import OWN_CODE, Dossier, code_day
from tthc.locale.marks import N_
from tthc.storage.store import Store

CLOCK_SKEW = timedelta(minutes=1)
#: The longest text each detail may hold, in characters.
#: A detail a clerk types, by its field, as a sentence names it ("the reason must not be empty").
DETAIL_WORDS = {
    "applicant": N_("the applicant's name"),
    "address": N_("the address"),
    "note": N_("the note"),
    "reason": N_("the reason"),
    "comment": N_("the comment"),
    "authority": N_("authority"),
}
MAX_LENGTH = {"applicant": 200, "address": 300, "note": 1000, "reason": 1000, "comment": 1000}
_ID_NUMBER = re.compile(r"^[0-9]{12}$")
_PHONE_CHARS = re.compile(r"^\+?[0-9 .()-]+$")
_SHORT_CODE = re.compile(r"^([0-9]{6})-([0-9]{1,4})$")
DOSSIER_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._/-]{0,59}$")


def clean(value: str | None, what: str | None = None, *, required: bool = False) -> str | None:
    """Whitespace-normalised text or None. ``what`` (a field of DETAIL_WORDS) names the detail, for an
    empty required one and for one longer than :data:`MAX_LENGTH` allows."""
    cleaned = " ".join((value or "").split())
    if not cleaned:
        if required and what:
            raise TthcError("{what} must not be empty", what=Msg(DETAIL_WORDS[what]))
        return None
    if not cleaned.isprintable() and any(unicodedata.category(c) in ("Cc", "Cf") for c in cleaned):
        # an escape sequence would drive the clerk's terminal, and spreadsheets refuse it
        raise TthcError("{text!r} holds control characters; type plain text", text=cleaned.encode("unicode_escape").decode("ascii")[:60])
    limit = MAX_LENGTH.get(what or "")
    if limit is not None and len(cleaned) > limit:
        raise TthcError("{what} is too long: {n} characters, at most {most}", what=Msg(DETAIL_WORDS[what or ""]), n=len(cleaned), most=limit)
    return cleaned


def check_id_number(value: str | None) -> str | None:
    cleaned = clean(value)
    if cleaned is not None and not _ID_NUMBER.match(cleaned.replace(" ", "")):
        raise TthcError("bad ID number {value!r}: a citizen ID (CCCD) has 12 digits", value=value)
    return None if cleaned is None else cleaned.replace(" ", "")


def phone_number(text: str) -> str | None:
    """A Vietnamese phone number in its one stored form, ``0987654321``, from any of
    ``0987 654 321``, ``0987.654.321``, ``+84 987 654 321`` or ``84987654321``; None if it
    is not one."""
    if not _PHONE_CHARS.match(text.strip()):
        return None
    digits = re.sub(r"\D", "", text)
    if text.strip().startswith("+") or (digits.startswith("84") and len(digits) >= 11):
        digits = "0" + digits[2:] if digits.startswith("84") else ""
    return digits if digits.startswith("0") and 10 <= len(digits) <= 11 else None


def check_phone(value: str | None) -> str | None:
    cleaned = clean(value)
    if cleaned is None:
        return None
    number = phone_number(cleaned)
    if number is None:
        raise TthcError("bad phone number {value!r}", value=value)
    return number


def code_shape(text: str, received: datetime | None = None) -> str:
    """A dossier code given by a clerk (``receive --code``) or by a file: the characters a
    code may hold and, typed for a receipt at ``received`` in the system's own shape
    ``<unit code>-YYMMDD-NNNN``, the day it was received. (A file's codes come from other
    systems and keep their days.)"""
    code = text.strip()
    if not DOSSIER_CODE.match(code):
        raise TthcError("bad dossier code {code!r}", code=text)
    own = OWN_CODE.match(code) if received is not None else None
    if own is not None and received is not None and own.group("day") != code_day(received):
        raise TthcError(
            "dossier code {code!r} carries the day {day}, but the dossier is received on {received:%d/%m/%Y}: a code <unit code>-YYMMDD-NNNN carries its day of receipt ({expected})", code=code, day=own.group("day"), received=received, expected=code_day(received)
        )
    return code


def code_taken(code: str, used_as: str) -> TthcError:
    """The refusal of a given code that was used before, as ``used_as``: codes are never
    reused, not even one whose receipt was undone, and differ in more than letter case."""
    if used_as != code:
        return TthcError("dossier code {code!r} is already used as {used!r}: codes that differ only in letter case are one code", code=code, used=used_as)
    return TthcError("dossier code {code!r} is already used", code=code)


def given_code(store: Store, text: str, received: datetime) -> str:
    """A code typed for a receipt at ``received``: of the right shape (:func:`code_shape`)
    and never used before. (An import checks its rows' codes a batch at a time.)"""
    code = code_shape(text, received)
    used = store.used_codes([code])
    if code in used:
        raise code_taken(code, used[code])
    return code


#: A typed moment further back than this many working days is refused unless the clerk
#: confirms a late entry: a date typed month first (09/03 for 3 September) lands months back.
LATE_ENTRY_WORKING_DAYS = 5


def when(ctx: Context, text: str | None, *, receipt: bool = False, counter: bool = False) -> datetime:
    """The moment a step happened (now by default); never more than a minute ahead. A typed
    moment more than :data:`LATE_ENTRY_WORKING_DAYS` working days back, or a counter receipt
    (``counter``) typed on a day the center is closed, needs ``ctx.late_entry``."""
    moment = parse_when(
        "now" if text is None else text,
        now=ctx.now,
        default_time=RECEIPT_DEFAULT_TIME if receipt else STEP_DEFAULT_TIME,
    )
    if moment > ctx.now + CLOCK_SKEW:
        raise TthcError("{text!r} is in the future (now is {now:%d/%m/%Y %H:%M})", text=text, now=ctx.now)
    if text is not None and text.strip().lower() not in ("now", "today") and not ctx.late_entry:
        check_typed_moment(ctx, moment, counter=counter)
    return moment


def could_be_month_first(day: date) -> bool:
    """Whether ``day`` also reads as a date typed month first: both numbers 12 or less, and
    different (14/03 cannot be a month first; 05/05 reads the same either way)."""
    return day.day <= 12 and day.day != day.month


def check_typed_moment(ctx: Context, moment: datetime, *, counter: bool = False) -> None:
    """Refuse a typed moment that lies too far back, or a counter receipt on a closed day."""
    from tthc.core.transitions import day_off_reason
    from tthc.locale.i18n import DayAgo

    cal = ctx.calendar()
    today = ctx.now.date()
    if cal.working_days_between(moment.date(), today) > LATE_ENTRY_WORKING_DAYS:
        key = N_("{when} lies more than {n} working days back: a date typed month first (09/03 for 3 September)? Give the date day first; if this really is a late entry, add --late-entry") if could_be_month_first(moment.date()) else N_("{when} lies more than {n} working days back. Check the date; if this really is a late entry, add --late-entry")
        raise TthcError(key, when=DayAgo(moment.date(), today), n=LATE_ENTRY_WORKING_DAYS)
    info = cal.day_info(moment.date())
    if counter and not info.working:
        raise TthcError("{when} is a day the center is closed ({why}): no dossier is received at the counter then. Check the date; if this really is a late entry, add --late-entry", when=DayAgo(moment.date(), today), why=day_off_reason(info))


def short_code_tail(text: str) -> str | None:
    """The end a generated code has when ``text`` is its short form: ``250908-12`` and
    ``250908-0012`` give ``-250908-0012``; None for anything else."""
    short = _SHORT_CODE.match(text.strip())
    return f"-{short.group(1)}-{int(short.group(2)):04d}" if short else None


def codes_meant(text: str, codes: Collection[str]) -> list[str]:
    """Of ``codes`` (a merge's, say), those a clerk means by ``text``, by the rule of
    :func:`dossier_code`: the code as typed, else in any case, else the short form."""
    typed = text.strip()
    if typed in codes:
        return [typed]
    found = [c for c in codes if c.casefold() == typed.casefold()]
    tail = short_code_tail(typed)
    if not found and tail:
        found = [c for c in codes if c.casefold().endswith(tail)]
    return found


def dossier_code(store: Store, text: str) -> str:
    """The stored code a clerk means: exact, in any case, or the short ``YYMMDD-NNNN`` form of
    a generated code when only one dossier has it. Codes of undone receipts count too."""
    typed = text.strip()
    found = store.codes_like(typed)
    if not found:
        tail = short_code_tail(typed)
        if tail:
            found = store.codes_ending(tail)
    if len(found) == 1:
        return found[0]
    if found:
        raise TthcError("{code!r} could be any of: {candidates}; type the whole code", code=typed, candidates=", ".join(sorted(found)[:10]))
    raise TthcError("unknown dossier code {code!r}", code=typed)


def load(store: Store, text: str) -> Dossier:
    """The dossier a clerk means by ``text`` (see :func:`dossier_code`)."""
    dossier = store.dossier(dossier_code(store, text))
    if dossier is None:  # the code was given once, but its receipt was undone
        raise TthcError("unknown dossier code {code!r}", code=text.strip())
    return dossier
