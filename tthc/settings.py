"""The center's settings: one table of defaults, one validator per key (DESIGN §3–§5)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from tthc.deadlines import POLICIES
from tthc.errors import TthcError
from tthc.workcalendar import Session

_HM = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_hm(text: str, key: str) -> int:
    """``HH:MM`` → minutes after midnight."""
    m = _HM.match(text.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise TthcError("e_setting_hm", text=text, key=key)
    return int(m.group(1)) * 60 + int(m.group(2))


def parse_sessions(text: str) -> tuple[Session, ...]:
    """``07:30-11:30,13:30-17:00`` → ((450, 690), (810, 1020)); ordered, not overlapping."""
    sessions: list[Session] = []
    for part in text.split(","):
        bounds = part.strip().split("-")
        if len(bounds) != 2:
            raise TthcError("e_setting_sessions", text=text)
        start, end = (parse_hm(b, "office_hours") for b in bounds)
        if end <= start:
            raise TthcError("e_setting_session_order", text=text, part=part.strip())
        if sessions and start < sessions[-1][1]:
            raise TthcError("e_setting_overlap", text=text)
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
            raise TthcError("e_setting_choice", text=text, key=key, choices=", ".join(choices))
        return value

    return check


def _int_between(key: str, lo: int, hi: int) -> Callable[[str], str]:
    def check(text: str) -> str:
        try:
            value = int(text.strip())
        except ValueError:
            raise TthcError("e_setting_int", text=text, key=key) from None
        if not lo <= value <= hi:
            raise TthcError("e_setting_range", text=text, key=key, lo=lo, hi=hi)
        return str(value)

    return check


def _text(key: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        value = " ".join(text.split())
        if not value:
            raise TthcError("e_setting_empty", text=text, key=key)
        return value

    return check


_PREFIX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.]{0,39}$")


def check_prefix(text: str) -> str:
    value = text.strip()
    if not _PREFIX.match(value):
        raise TthcError("e_unit_code", text=text)
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
        raise TthcError("e_password_short", n=MIN_PASSWORD)
    return hash_password(text)


def _public_url(text: str) -> str:
    from urllib.parse import urlsplit

    value = text.strip().rstrip("/")
    if not value:
        return ""
    parts = urlsplit(value)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.query
        or parts.fragment
        or any(c.isspace() for c in value)
    ):
        raise TthcError("e_public_url", text=text)
    return value


@dataclass(frozen=True)
class Setting:
    default: str
    check: Callable[[str], str]
    help: str
    secret: bool = False  # stored hashed; shown only as "(set)" or "(not set)"


SETTINGS: dict[str, Setting] = {
    "center_name": Setting(
        "Trung tâm Phục vụ hành chính công xã", _text("center_name"), "the center's name on reports and slips"
    ),
    "code_prefix": Setting("TTHC", check_prefix, "unit code that starts generated dossier codes"),
    "lang": Setting(
        "en", _choice("lang", ("vi", "en")), "output language when --lang and TTHC_LANG are not given"
    ),
    "office_hours": Setting("07:30-11:30,13:30-17:00", _canonical_sessions, "office sessions, half-open"),
    "same_day_cutoff": Setting("15:00", _canonical_hm("same_day_cutoff"), "same-day cut-off"),
    "supplement_policy": Setting(
        "restart",
        _choice("supplement_policy", POLICIES),
        "after a supplement: restart the whole limit or freeze the time left",
    ),
    "calendar_confirmed_through": Setting(
        "2026",
        _int_between("calendar_confirmed_through", 2000, 2100),
        "last year whose holidays the government has announced",
    ),
    "period_start_day": Setting(
        "1", _int_between("period_start_day", 1, 28), "first day of a reporting month"
    ),
    "public_url": Setting(
        "", _public_url, "address of `tthc serve` on the center's network; receipt slips link to it"
    ),
    "manager_password": Setting(
        "", _password, "password of the web dashboard (stored hashed; empty: this machine only)", secret=True
    ),
}


def validate(key: str, value: str) -> str:
    """The canonical form of ``value`` for ``key``, or an error naming what is wrong."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise TthcError("e_setting_unknown", key=key, known=", ".join(SETTINGS))
    return setting.check(value)


def shown(key: str, value: str) -> str:
    """A setting as printed or audited: a secret is only ever "(set)" or "(not set)"."""
    setting = SETTINGS.get(key)
    if setting is not None and setting.secret:
        return "(set)" if value else "(not set)"
    return value


def with_defaults(stored: Mapping[str, str]) -> dict[str, str]:
    return {key: stored.get(key, s.default) for key, s in SETTINGS.items()}
