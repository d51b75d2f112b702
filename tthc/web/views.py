"""The web side's one door to the application: a read-only context per request, the
application's functions for each page, and their answers rendered through ``tthc.present``
where a page shows what the terminal and the files show (the scorecard, the receipt slip).

The work itself — the look-up and its proof, the board, the dashboard, the rating — is done in
``tthc.app`` (:mod:`~tthc.app.lookup`, :mod:`~tthc.app.board`, :mod:`~tthc.app.dashboard`,
:mod:`~tthc.app.rating`); nothing in ``tthc.web`` imports the core or the storage layer.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from tthc.app.board import Board
from tthc.app.dashboard import Dashboard
from tthc.app.lookup import CODE_SHAPE as CODE_SHAPE
from tthc.app.lookup import PublicStatus
from tthc.app.lookup import check_digits as check_digits
from tthc.app.lookup import initials as initials
from tthc.app.papers import LOOKUP_PATH as LOOKUP_PATH  # the look-up page's address, for the routes
from tthc.app.rating import rate as rate
from tthc.app.reading import WebSettings as WebSettings
from tthc.app.reading import reading, web_settings
from tthc.present.paper_html import PAGES, slip_html, style

if TYPE_CHECKING:
    from tthc.app.context import Context

#: The sheets the printable slip comes on (``?kho=a5``, ``a4``), and its own style sheet for
#: each: the page ``tthc receipt --html`` writes brings its style inline, which the CSP allows
#: by its hash.
SLIP_PAGES = tuple(PAGES)
SLIP_CSS = tuple(style(size) for size in SLIP_PAGES)


@dataclass(frozen=True)
class DashboardPage(Dashboard):
    """The dashboard's data with the scorecard as the terminal and the files show it."""

    scorecard_rows: list[list[object]]  # the indicators, row by row
    rates: list[str]  # the two on-time rates side by side, and why they differ


class Reader:
    """One request's read-only view of the center's database (opened ``mode=ro``), asking
    the application for each page's data (see :func:`tthc.app.reading.reading`)."""

    def __init__(self, db_path: Path, now: datetime, lang: str) -> None:
        self.db_path = db_path
        self.now = now
        self.lang = lang
        self._ctx: Context | None = None
        self._open = ExitStack()

    def __enter__(self) -> Reader:
        self._ctx = self._open.enter_context(reading(self.db_path, self.now, self.lang))
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Close the store; a database error inside the block leaves as a ``TthcError``."""
        self._ctx = None
        self._open.__exit__(kind, exc, tb)

    @property
    def ctx(self) -> Context:
        assert self._ctx is not None, "use Reader as a context manager"
        return self._ctx

    def settings(self) -> WebSettings:
        return web_settings(self.ctx)

    def lookup(self, code: str, check: str) -> PublicStatus | None:
        """The dossier whose code and check digits both match (:func:`tthc.app.lookup.lookup`)."""
        from tthc.app.lookup import lookup

        return lookup(self.ctx, code, check)

    def board(self, limit: int) -> Board:
        from tthc.app.board import board

        return board(self.ctx, limit)

    def dashboard(self, limit: int, months: int = 12, period: str = "") -> DashboardPage:
        """:func:`tthc.app.dashboard.dashboard`, its scorecard laid out as ``tthc scorecard``
        lays it out. A period that cannot be read is a ``TthcError``."""
        from tthc.app.dashboard import dashboard
        from tthc.present import render_indicators

        data = dashboard(self.ctx, limit, months, period)
        return DashboardPage(
            **{f.name: getattr(data, f.name) for f in fields(data)},
            scorecard_rows=render_indicators.records(data.scorecard.total, self.lang)[1],
            rates=render_indicators.rate_lines(data.scorecard.total, self.lang),
        )

    def receipt_page(self, code: str, size: str) -> str | None:
        """Form 01 of the dossier on ``size`` paper: the page ``tthc receipt CODE --html``
        writes, or None for no such code."""
        from tthc.app.dashboard import receipt

        slip = receipt(self.ctx, code)
        return None if slip is None else slip_html(slip, size)
