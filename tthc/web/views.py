"""The web side's one door to the core: a read-only store per request, the service functions,
and plain data for the pages, with personal data already masked where a page is public.

The store, ``Context``, the service functions and the dossier rows are touched here and
nowhere else in ``tthc.web``: the rest uses ``i18n``, ``clock``, ``errors`` and the types
returned here. A change of the core's shape (where ``Context`` lives, what the store
returns) is re-pointed in this one file.
"""

from __future__ import annotations

import hmac
import re
import unicodedata
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from tthc import dossiers, papers, service
from tthc.context import Context
from tthc.dossiers import ListFilter
from tthc.inputs import DOSSIER_CODE, short_code_tail
from tthc.lifecycle import OPEN
from tthc.paper_html import PAGES, slip_html, style
from tthc.papers import LOOKUP_PATH as LOOKUP_PATH  # the look-up page's address, for the routes
from tthc.periods import month_of, month_window
from tthc.settings import check_password
from tthc.store import Store

if TYPE_CHECKING:
    from tthc.models import Dossier
    from tthc.summary import Summary

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


#: The sheets the printable slip comes on (``?kho=a5``, ``a4``), and its own style sheet for
#: each: the page ``tthc receipt --html`` writes brings its style inline, which the CSP allows
#: by its hash.
SLIP_PAGES = tuple(PAGES)
SLIP_CSS = tuple(style(size) for size in SLIP_PAGES)


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


@dataclass(frozen=True)
class WebSettings:
    center_name: str
    public_url: str
    password_hash: str
    lang: str  # the center's language, for what ``tthc serve`` prints (the pages default to vi)

    @property
    def password_set(self) -> bool:
        return bool(self.password_hash)

    def password_ok(self, password: str) -> bool:
        return self.password_set and check_password(password, self.password_hash)


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


@dataclass(frozen=True)
class BoardItem:
    code: str
    initials: str


@dataclass(frozen=True)
class Board:
    items: list[BoardItem]
    more: bool  # more results wait than the board lists


@dataclass(frozen=True)
class Dashboard:
    groups: dict[str, list[Dossier]]  # overdue / today / soon, soonest deadline first
    truncated: bool
    month: Summary
    months: Summary


class Reader:
    """One request's read-only view of the center's database (opened ``mode=ro``).

    A connection per request, not per thread: opening and closing one costs under a
    millisecond (0.7–0.9 ms measured on a busy 2-core machine), and it never reads a file
    that ``tthc restore`` has since replaced, nor keeps a deleted one alive. A file SQLite
    cannot read is a ``TthcError`` here (``Store.reading``), never a ``sqlite3`` error.
    """

    def __init__(self, db_path: Path, now: datetime, lang: str) -> None:
        self.db_path = db_path
        self.now = now
        self.lang = lang
        self._store: Store | None = None
        self._ctx: Context | None = None
        self._open = ExitStack()

    def __enter__(self) -> Reader:
        self._store = self._open.enter_context(Store.reading(self.db_path))
        self._ctx = Context(db_path=self.db_path, actor="web", now=self.now, lang_choice=self.lang)
        self._ctx.attach(self._store)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Close the store; a database error inside the block leaves as a ``TthcError``."""
        self._store = self._ctx = None
        self._open.__exit__(kind, exc, tb)

    @property
    def ctx(self) -> Context:
        assert self._ctx is not None, "use Reader as a context manager"
        return self._ctx

    @property
    def store(self) -> Store:
        assert self._store is not None, "use Reader as a context manager"
        return self._store

    def _dossier(self, code: str) -> Dossier:
        # What dossiers.show starts with, without the due-date explanation and the audit
        # trail it adds: building the calendar for those was 3 ms of a 3.5 ms look-up.
        found = self.store.dossier(code)
        assert found is not None, code  # found by dossier_keys in this same request
        return found

    def settings(self) -> WebSettings:
        values = self.ctx.settings().raw
        return WebSettings(
            values["center_name"], values["public_url"], values["manager_password"], values["lang"]
        )

    def lookup(self, code: str, check: str) -> PublicStatus | None:
        """The dossier whose code and check digits (last four of phone or ID) both match.

        The short form on a slip (``250910-0001``) means this center's code of that day and
        number, as in the CLI. A wrong code and a wrong check number do the same work and
        return the same None: a code no dossier has is checked against a dossier picked at
        random, and both numbers are always compared in constant time.
        """
        tail = short_code_tail(code)
        if tail is not None:  # the center's own prefix, not a search over every code's end
            code = self.ctx.settings().code_prefix + tail
        keys, found = self.store.proof_keys(code)
        phone_ok = _same(_tail(keys.phone), check)
        id_ok = _same(_tail(keys.id_number), check)
        if not (found & (phone_ok | id_ok)):
            return None
        d = self._dossier(keys.code)
        papers = d.rounds[-1].reason if d.status == "paused" and d.rounds else None
        return PublicStatus(
            code=d.code,
            procedure=d.procedure_name or d.procedure,
            initials=initials(d.applicant),
            status=d.status,
            papers=papers,
            due_at=d.due_at,
            new_date=d.apology.new_date if d.apology is not None and d.status in OPEN else None,
        )

    def board(self, limit: int) -> Board:
        """Results ready for collection (resolved, not yet returned), the latest first."""
        ready = self.store.ready_for_collection(limit + 1)
        items = [BoardItem(r.code, initials(r.applicant)) for r in ready[:limit]]
        return Board(items, more=len(ready) > limit)

    def dashboard(self, limit: int, months: int = 12) -> Dashboard:
        """Today's worklist by urgency, this month's summary, and the last ``months`` months."""
        ctx = self.ctx
        today = ctx.now.date()
        rows = dossiers.list_dossiers(ctx, ListFilter(limit=limit))
        soon = dossiers.soon_until(ctx.calendar(), today)
        groups: dict[str, list[Dossier]] = {"overdue": [], "today": [], "soon": []}
        for d in rows:
            groups.setdefault(dossiers.urgency(d, ctx.now, soon), []).append(d)
        start_day = ctx.settings().period_start_day
        this_month = service.period(ctx, from_=None, to=None, month=None, quarter=None, year=None)
        y, m = month_of(today, start_day)
        first_y, first_m = divmod(y * 12 + m - 1 - (months - 1), 12)
        first = month_window(first_y, first_m + 1, start_day).start
        span = service.period(
            ctx, from_=first.isoformat(), to=today.isoformat(), month=None, quarter=None, year=None
        )
        return Dashboard(
            groups={k: groups[k] for k in ("overdue", "today", "soon")},
            truncated=len(rows) >= limit,
            month=service.summary(ctx, this_month, None),
            months=service.summary(ctx, span, "month"),
        )

    def receipt_page(self, code: str, size: str) -> str | None:
        """Form 01 of the dossier on ``size`` paper: the page ``tthc receipt CODE --html``
        writes, or None for no such code."""
        keys = self.store.dossier_keys(code)
        if keys is None:
            return None
        return slip_html(papers.slip(self.ctx, keys.code, "01"), size)
