"""The citizen's look-up by a dossier's code and four digits (the last four of the phone or
ID number given at the counter), and the masking of what a public page may show.

A wrong code and wrong digits do the same work and get the same answer: a code no dossier
has is checked against a dossier picked at random, and both numbers are always compared in
constant time (see ``Store.proof_keys`` and ``benchmarks/bench_lookup_timing.py``).
"""

from __future__ import annotations

import hmac
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from tthc.app.context import Context
from tthc.app.inputs import DOSSIER_CODE, short_code_tail
from tthc.core.lifecycle import OPEN, papers_awaited

if TYPE_CHECKING:
    from tthc.storage.keys import DossierKeys

#: The shape of a dossier code, as ``tthc receive --code`` accepts it.
CODE_SHAPE = DOSSIER_CODE
#: What the four-digit box may hold: four digits, or a whole phone or ID number as typed.
_CHECK_TYPED = re.compile(r"[0-9 .+()-]{4,24}")


def check_digits(typed: str) -> str | None:
    """The four digits a citizen proves with: the last four of what was typed, so a whole
    phone number (``0912 345 678``) or ID number counts by its end, as its last four would;
    None if fewer than four digits or anything but a number was typed."""
    text = typed.strip()
    if not _CHECK_TYPED.fullmatch(text):
        return None
    digits = re.sub(r"[^0-9]", "", text)
    return digits[-4:] if len(digits) >= 4 else None


def initials(name: str) -> str:
    """Initials only, "Nguyễn Văn An" → "N. V. A.": enough to recognise oneself, not to name."""
    letters = []
    for word in unicodedata.normalize("NFC", name).split():
        first = next((c for c in word if c.isalnum()), None)
        if first is not None:
            letters.append(first.upper() + ".")
    return " ".join(letters)


def _tail(digits_of: str | None) -> str:
    return "".join(c for c in digits_of or "" if c.isdigit())[-4:]


def _same(tail: str, typed: str) -> bool:
    # "----" never equals four digits, so a dossier without a phone or ID never matches,
    # and the comparison takes the same time either way.
    return hmac.compare_digest((tail if len(tail) == 4 else "----").encode(), typed.encode())


def proves(keys: DossierKeys | None, check: str) -> bool:
    """Do the four digits match the phone's or the ID number's last four? Both are compared,
    in constant time, whatever the first answer (no keys: compared against nothing)."""
    phone_ok = _same(_tail(keys.phone if keys else None), check)
    id_ok = _same(_tail(keys.id_number if keys else None), check)
    return keys is not None and (phone_ok | id_ok)


@dataclass(frozen=True)
class PublicStatus:
    """What the look-up page may show a citizen: nothing that names them or an officer."""

    code: str
    procedure: str
    initials: str
    status: str
    papers: str | None  # the latest supplement round's reason, while waiting for papers
    due_at: datetime | None
    new_date: date | None  # the apology's promised date, while the dossier is open


def lookup(ctx: Context, code: str, check: str) -> PublicStatus | None:
    """The dossier whose code and check digits (last four of phone or ID) both match.

    The short form on a slip (``250910-0001``) means this center's code of that day and
    number, as in the CLI. A wrong code and a wrong check number do the same work and
    return the same None.
    """
    tail = short_code_tail(code)
    if tail is not None:  # the center's own prefix, not a search over every code's end
        code = ctx.settings().code_prefix + tail
    store = ctx.store()
    keys, found = store.proof_keys(code)
    if not (found & proves(keys, check)):
        return None
    # What dossiers.show starts with, without the due-date explanation and the audit trail
    # it adds: building the calendar for those was 3 ms of a 3.5 ms look-up.
    d = store.dossier(keys.code)
    assert d is not None, keys.code  # found by proof_keys in this same request
    papers = papers_awaited(d.life)
    return PublicStatus(
        code=d.code,
        procedure=d.procedure_name or d.procedure,
        initials=initials(d.applicant),
        status=d.status,
        papers=papers,
        due_at=d.due_at,
        new_date=d.apology.new_date if d.apology is not None and d.status in OPEN else None,
    )
