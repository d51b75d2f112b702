"""The center's settings: one table of defaults, one validator per key, and the typed
:class:`Settings` every service reads."""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from tthc.core.deadlines import POLICIES, Policy
from tthc.core.errors import TthcError
from tthc.core.workcalendar import Session
from tthc.locale.marks import N_

_HM = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_hm(text: str, key: str) -> int:
    """``HH:MM`` → minutes after midnight."""
    m = _HM.match(text.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise TthcError("bad value {text!r} for {key}: expected HH:MM, e.g. 15:00", text=text, key=key)
    return int(m.group(1)) * 60 + int(m.group(2))


def parse_sessions(text: str) -> tuple[Session, ...]:
    """``07:30-11:30,13:30-17:00`` → ((450, 690), (810, 1020)); ordered, not overlapping."""
    sessions: list[Session] = []
    for part in text.split(","):
        bounds = part.strip().split("-")
        if len(bounds) != 2:
            raise TthcError("bad value {text!r} for office_hours: expected HH:MM-HH:MM[,HH:MM-HH:MM…]", text=text)
        start, end = (parse_hm(b, "office_hours") for b in bounds)
        if end <= start:
            raise TthcError("bad value {text!r} for office_hours: {part} ends before it starts", text=text, part=part.strip())
        if sessions and start < sessions[-1][1]:
            raise TthcError("bad value {text!r} for office_hours: sessions overlap or are out of order", text=text)
        sessions.append((start, end))
    return tuple(sessions)


def _canonical_sessions(text: str) -> str:
    return ",".join(f"{s // 60:02d}:{s % 60:02d}-{e // 60:02d}:{e % 60:02d}" for s, e in parse_sessions(text))


def _canonical_hm(key: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        m = parse_hm(text, key)
        return f"{m // 60:02d}:{m % 60:02d}"

    return check


def _choice(key: str, choices: tuple[str, ...]) -> Callable[[str], str]:
    def check(text: str) -> str:
        value = text.strip().lower()
        if value not in choices:
            raise TthcError("bad value {text!r} for {key}: expected one of {choices}", text=text, key=key, choices=", ".join(choices))
        return value

    return check


def _int_between(key: str, lo: int, hi: int) -> Callable[[str], str]:
    def check(text: str) -> str:
        try:
            value = int(text.strip())
        except ValueError:
            raise TthcError("bad value {text!r} for {key}: expected a whole number", text=text, key=key) from None
        if not lo <= value <= hi:
            raise TthcError("bad value {text!r} for {key}: expected {lo}–{hi}", text=text, key=key, lo=lo, hi=hi)
        return str(value)

    return check


def _text(key: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        value = " ".join(text.split())
        if not value:
            raise TthcError("bad value {text!r} for {key}: must not be empty", text=text, key=key)
        return value

    return check


def _language(text: str) -> str:
    """vi (or vn, as many type it) or en."""
    from tthc.locale.i18n import LANG_WORDS

    value = LANG_WORDS.get(text.strip().lower())
    if value is None:
        raise TthcError("bad value {text!r} for {key}: expected one of {choices}", text=text, key="lang", choices="vi, en")
    return value


def _optional_text(text: str) -> str:
    """Any text; empty clears the setting."""
    return " ".join(text.split())


def _optional_day(text: str) -> str:
    """A day (ISO or day-first) as ISO; empty clears the setting."""
    from tthc.core.clock import now_vn, parse_day

    value = text.strip()
    return parse_day(value, today=now_vn().date()).isoformat() if value else ""


def _url(text: str) -> str:
    """An address people can open (http or https, a host, no query), without a trailing
    slash: slips and the web side add ``/tra-cuu?ma=…`` to it. Empty clears it."""
    from urllib.parse import urlsplit

    value = text.strip().rstrip("/")
    if not value:
        return ""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - reading it checks it: a port past 65535 raises
    except ValueError:
        raise TthcError("bad public_url {text!r}: expected an address like http://192.168.1.10:8080 or https://…", text=text) from None
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.query
        or parts.fragment
        or any(c.isspace() for c in value)
    ):
        raise TthcError("bad public_url {text!r}: expected an address like http://192.168.1.10:8080 or https://…", text=text)
    return value


_PREFIX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.]{0,39}$")


def _center_id(text: str) -> str:
    """The center's identity: 32 hexadecimal digits, as ``init`` draws them; empty: none yet."""
    value = text.strip().lower()
    if value and (len(value) != 32 or any(c not in "0123456789abcdef" for c in value)):
        raise TthcError("bad center identity {text!r}: expected 32 hexadecimal digits, as config show prints it", text=text)
    return value


def check_prefix(text: str) -> str:
    value = text.strip()
    if not _PREFIX.match(value):
        raise TthcError("bad unit code {text!r}: letters, digits and dots only (e.g. 000.00.20.H56)", text=text)
    return value


# -- secrets and links -------------------------------------------------------------------
#: scrypt's cost for the manager password: about 50 ms a check, so guessing is slow too.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
MIN_PASSWORD = 8


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """``scrypt$<salt hex>$<hash hex>``: what is stored instead of the password."""
    import hashlib
    import os

    salt = os.urandom(16) if salt is None else salt
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    """True if ``password`` hashes to ``stored``; compared in constant time."""
    import hmac

    scheme, _, rest = stored.partition("$")
    salt_hex, _, _ = rest.partition("$")
    if scheme != "scrypt":
        return False
    try:
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        return False
    return hmac.compare_digest(hash_password(password, salt=salt), stored)


def _password(text: str) -> str:
    # An empty value unsets it; anything else is stored hashed, never as typed.
    if text == "":
        return ""
    if len(text) < MIN_PASSWORD:
        raise TthcError("the manager password needs at least {n} characters", n=MIN_PASSWORD)
    return hash_password(text)


#: What each setting means, as ``config show`` says it.
SETTING_WORDS = {
    "center_name": N_("the center's name on reports and slips"),
    "code_prefix": N_("unit code that starts generated dossier codes"),
    "lang": N_("output language when --lang and TTHC_LANG are not given"),
    "office_hours": N_("office sessions, half-open"),
    "same_day_cutoff": N_("same-day cut-off"),
    "supplement_policy": N_("after a supplement: restart the whole limit (the law since 1/7/2025, Decree 118 Art. 19.5) or freeze the time left (the reading before)"),
    "calendar_confirmed_through": N_("last year whose holidays the government has announced"),
    "period_start_day": N_("first day of a reporting month"),
    "center_address": N_("the center's address on slips and forms"),
    "place_name": N_("the place named in a form's date line (e.g. Hòa An)"),
    "report_to": N_("the unit that receives the center's reports"),
    "head_title": N_("title of who signs reports (e.g. Giám đốc)"),
    "head_name": N_("name of who signs reports"),
    "preparer_name": N_("name of who prepares reports"),
    "reports_closed_through": N_("last day already reported: changing its timelines needs --correct-time"),
    "public_url": N_("the center's public address (e.g. https://tthc.hoaan.vn); a slip's QR code then opens its look-up page"),
    "manager_password": N_("password of the web dashboard (stored hashed; empty: this machine only)"),
    "center_id": N_("Which center this database belongs to (drawn at init, kept by every copy)"),
}

@dataclass(frozen=True)
class Setting:
    """A setting's default and its validator; what it means is in :data:`SETTING_WORDS`."""

    default: str
    check: Callable[[str], str]
    secret: bool = False  # stored hashed; shown only as set or not set


SETTINGS: dict[str, Setting] = {
    "center_name": Setting("Trung tâm Phục vụ hành chính công xã", _text("center_name")),
    "code_prefix": Setting("TTHC", check_prefix),
    "center_id": Setting("", _center_id),
    "lang": Setting("en", _language),
    "office_hours": Setting("07:30-11:30,13:30-17:00", _canonical_sessions),
    "same_day_cutoff": Setting("15:00", _canonical_hm("same_day_cutoff")),
    "supplement_policy": Setting("restart", _choice("supplement_policy", POLICIES)),
    "calendar_confirmed_through": Setting("2026", _int_between("calendar_confirmed_through", 2000, 2100)),
    "period_start_day": Setting("1", _int_between("period_start_day", 1, 28)),
    # -- the center's identity on papers and reports
    "center_address": Setting("", _optional_text),
    "place_name": Setting("", _optional_text),
    "report_to": Setting("", _optional_text),
    "head_title": Setting("Thủ trưởng đơn vị", _text("head_title")),
    "head_name": Setting("", _optional_text),
    "preparer_name": Setting("", _optional_text),
    # -- corrections
    "reports_closed_through": Setting("", _optional_day),
    # -- the web side
    "public_url": Setting("", _url),
    "manager_password": Setting("", _password, secret=True),
}


def validate(key: str, value: str) -> str:
    """The canonical form of ``value`` for ``key``, or an error naming what is wrong."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise TthcError("unknown setting {key!r}; known: {known}", key=key, known=", ".join(SETTINGS))
    return setting.check(value)


#: What a secret setting shows instead of its value (a word of ``tthc.locale.i18n``).
SECRET_SET, SECRET_NOT_SET = "(set)", "(not set)"


def shown(key: str, value: str) -> str:
    """A setting as printed or audited: a secret is only ever "(set)" or "(not set)"."""
    setting = SETTINGS.get(key)
    if setting is not None and setting.secret:
        return SECRET_SET if value else SECRET_NOT_SET
    return value


def with_defaults(stored: Mapping[str, str]) -> dict[str, str]:
    return {key: stored.get(key, s.default) for key, s in SETTINGS.items()}


_HASHED = re.compile(r"^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$")


def check_stored(key: str, value: object) -> str:
    """A setting as a database holds it — this one's, or one copied in by a merge — made
    sure of with the validator ``config set`` uses; a secret must be held hashed. Its
    canonical form, or the validator's refusal."""
    if not isinstance(value, str):
        raise TthcError("bad value {value!r} for {key}: expected text", key=key, value=value)
    setting = SETTINGS.get(key)
    if setting is not None and setting.secret:
        if value and not _HASHED.match(value):
            raise TthcError("{key} is not stored hashed", key=key)
        return value
    return validate(key, value)


@dataclass(frozen=True)
class Settings:
    """The center's settings, parsed: what the services use. ``raw`` keeps the canonical text."""

    center_name: str
    code_prefix: str
    lang: str
    office_hours: tuple[Session, ...]
    same_day_cutoff: int  # minutes after midnight
    supplement_policy: Policy
    calendar_confirmed_through: int
    period_start_day: int
    raw: dict[str, str]

    @classmethod
    def from_stored(cls, stored: Mapping[str, str]) -> "Settings":
        """The settings a database holds, each checked again: a value broken outside tthc
        is a refusal naming it (and how to set it again), never a crash."""
        raw = with_defaults(stored)
        for key, setting in SETTINGS.items():
            if raw[key] == setting.default:
                continue  # a default is valid by construction
            try:
                raw[key] = check_stored(key, raw[key])
            except TthcError as exc:
                raise TthcError("the database holds a bad setting: {reason}; set it again with `tthc config set {key} …`", key=key, reason=exc.msg) from None
        policy = raw["supplement_policy"]
        return cls(
            center_name=raw["center_name"],
            code_prefix=raw["code_prefix"],
            lang=raw["lang"],
            office_hours=parse_sessions(raw["office_hours"]),
            same_day_cutoff=parse_hm(raw["same_day_cutoff"], "same_day_cutoff"),
            supplement_policy="freeze" if policy == "freeze" else "restart",
            calendar_confirmed_through=int(raw["calendar_confirmed_through"]),
            period_start_day=int(raw["period_start_day"]),
            raw=raw,
        )


def head_title(lang: str, title: str) -> str:
    """The head's title over a signature (the report, the citizen's papers): the center's own
    words when it set them, else the default title in the reader's language."""
    from tthc.locale.i18n import t

    return t(lang, "Head of unit") if title == SETTINGS["head_title"].default else title
