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
from datetime import date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from tthc.app import dossiers, papers, service
from tthc.app.context import Context
from tthc.app.dossiers import ListFilter
from tthc.app.inputs import DOSSIER_CODE, clean, short_code_tail
from tthc.app.papers import LOOKUP_PATH as LOOKUP_PATH  # the look-up page's address, for the routes
from tthc.core.errors import TthcError
from tthc.core.lifecycle import OPEN
from tthc.core.models import RATINGS
from tthc.core.periods import Period, month_of, month_window
from tthc.core.settings import check_password
from tthc.present.paper_html import PAGES, slip_html, style
from tthc.storage.store import RatingWriter, Store

if TYPE_CHECKING:
    from tthc.app.indicators import Scorecard
    from tthc.app.summary import Summary
    from tthc.core.models import Dossier

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
    month: Summary  # the period chosen (this reporting month unless another is asked for)
    months: Summary
    scorecard: Scorecard
    period_text: str  # the period as asked for, "" for this month
    scorecard_rows: list[list[object]]  # the indicators as the terminal and files show them
    rates: list[str]  # the two on-time rates side by side, and why they differ
    ratings: dict[str, int]  # the citizens' ratings given in the period, each kind


#: How long after the result is returned the citizen may still rate the service on the web.
RATING_DAYS = 7


def rate(db_path: Path, now: datetime, code: str, check: str, rating: str, comment: str | None) -> str:
    """The citizen's rating from the tablet at the counter: "rated", or why not — "not_found"
    (code or digits wrong, the same answer for both), "not_returned" (not returned, or more
    than :data:`RATING_DAYS` days ago), "already" (rated once). The dossier is found through
    a read-only view; the rating goes through the one connection that can only insert it. A
    comment that cannot be kept (control characters) is "bad"."""
    from tthc.core.models import Rating

    with Reader(db_path, now, "vi") as reader:
        keys = reader.store.dossier_keys(code)
        phone_ok = _same(_tail(keys.phone if keys else None), check)
        id_ok = _same(_tail(keys.id_number if keys else None), check)
        if keys is None or not (phone_ok | id_ok):
            return "not_found"
        d = reader.store.dossier(keys.code)
        assert d is not None
        if (
            d.status != "returned"
            or d.returned_at is None
            or d.returned_at < now - timedelta(days=RATING_DAYS)
        ):
            return "not_returned"
        if d.rating is not None:
            return "already"
    value = dossiers.rating_of(rating)
    try:
        said = clean(comment, "w_comment")
    except TthcError:  # control characters, or longer than a comment may be
        return "bad"
    with RatingWriter(db_path) as writer:
        done = writer.insert(d.code, Rating(value, said, now, "tablet"))  # type: ignore[arg-type]
    return "rated" if done else "already"


def _counts(store: Store, period: Period, now: datetime) -> list[int]:
    """The ratings given in the period, in the order of :data:`RATINGS`."""
    from tthc.app.summary import events_before
    from tthc.storage.queries import ratings_in

    given = ratings_in(store.conn, period.start, events_before(period, now))
    return [given.get(kind, 0) for kind in RATINGS]


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

    def dashboard(self, limit: int, months: int = 12, period: str = "") -> Dashboard:
        """Today's worklist by urgency, the period's summary (this month's unless ``period``
        names another, in the command line's words: ``9/2025``, ``Q3/2025``, ``2025``) with
        its scorecard, and the last ``months`` months. A period that cannot be read is a
        ``TthcError``."""
        from tthc.app import indicators
        from tthc.core.periods import period_words
        from tthc.present import render_indicators

        ctx = self.ctx
        today = ctx.now.date()
        rows = dossiers.list_dossiers(ctx, ListFilter(limit=limit))
        soon = dossiers.soon_until(ctx.calendar(), today)
        groups: dict[str, list[Dossier]] = {"overdue": [], "today": [], "soon": []}
        for d in rows:
            groups.setdefault(dossiers.urgency(d, ctx.now, soon), []).append(d)
        start_day = ctx.settings().period_start_day
        asked = {
            "month": None,
            "quarter": None,
            "year": None,
            **(period_words(period) if period.strip() else {}),
        }
        chosen = service.period(ctx, from_=None, to=None, **asked)
        card = indicators.build(ctx, chosen)
        y, m = month_of(today, start_day)
        first_y, first_m = divmod(y * 12 + m - 1 - (months - 1), 12)
        first = month_window(first_y, first_m + 1, start_day).start
        span = service.period(
            ctx, from_=first.isoformat(), to=today.isoformat(), month=None, quarter=None, year=None
        )
        return Dashboard(
            groups={k: groups[k] for k in ("overdue", "today", "soon")},
            truncated=len(rows) >= limit,
            month=service.summary(ctx, chosen, None),
            months=service.summary(ctx, span, "month"),
            scorecard=card,
            period_text=period.strip(),
            scorecard_rows=render_indicators.records(card.total, self.lang)[1],
            rates=render_indicators.rate_lines(card.total, self.lang),
            ratings={kind: n for kind, n in zip(RATINGS, _counts(self.store, chosen, ctx.now), strict=True)},
        )

    def receipt_page(self, code: str, size: str) -> str | None:
        """Form 01 of the dossier on ``size`` paper: the page ``tthc receipt CODE --html``
        writes, or None for no such code."""
        keys = self.store.dossier_keys(code)
        if keys is None:
            return None
        return slip_html(papers.slip(self.ctx, keys.code, "01"), size)
