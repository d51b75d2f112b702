"""The Starlette application: routes, pages (Jinja2, autoescaped), error pages, security headers.

Pages: the citizen look-up (``/``, ``/tra-cuu``), the waiting-room board (``/bang``), the
manager dashboard (``/quan-ly``) and the printable receipt slip (``/in/phieu-hen/CODE``), which
is ``tthc receipt CODE --html FILE``'s page, served as it is.
Data comes from :mod:`tthc.web.views` only, which asks ``tthc.app``: nothing here writes,
writes SQL or imports ``sqlite3`` — a database that cannot be read reaches this module as a
``TthcError``.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import date, datetime
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import parse_qsl, quote, urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tthc.app import TthcError, now_vn
from tthc.locale.i18n import fmt_day, fmt_rate, label, t
from tthc.locale.marks import N_, P_
from tthc.present.render_indicators import points_text
from tthc.web.guard import Attempt, Throttle, TooManyAttempts, basic_password, is_loopback, throttled
from tthc.web.views import (
    CODE_SHAPE,
    LOOKUP_PATH,
    SLIP_CSS,
    SLIP_PAGES,
    Reader,
    WebSettings,
    check_digits,
    rate,
)
from tthc.web.words import (
    ERROR_PAGE_WORDS,
    GROUP_WORDS,
    PERIOD_REFUSALS,
    RATE_REFUSAL_WORDS,
    STATUS_PAGE_WORDS,
)

if TYPE_CHECKING:
    from tthc.app.summary import Summary

T = TypeVar("T")

TEMPLATES = Path(__file__).parent / "templates"
CSS = (TEMPLATES / "site.css").read_text(encoding="utf-8")
#: The paper each printable page is laid out for: an ``@page`` rule cannot depend on a class,
#: so each is its own small style block, allowed by its hash like the stylesheet.
PAPER = {
    "a5": "@page { size: A5 portrait; margin: 10mm; }",
    "a4": "@page { size: A4 portrait; margin: 15mm; }",
    "a4-landscape": "@page { size: A4 landscape; margin: 12mm; }",
}


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


#: Only our own inline styles (by their hashes) and our own forms; no script at all.
CSP = (
    f"default-src 'none'; style-src {' '.join(_sha256(css) for css in (CSS, *PAPER.values(), *SLIP_CSS))};"
    " img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",  # look-up answers and the dashboard are nobody else's business
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}
MAX_FORM_BYTES = 2048
#: How many results the board lists in each type size: it must fit a 16:9 screen unscrolled.
BOARD_SIZES = (("xl", 3), ("l", 12), ("m", 24))
BOARD_MAX = BOARD_SIZES[-1][1]
WORKLIST_MAX = 200
AUTHENTICATE = {"WWW-Authenticate": 'Basic realm="tthc", charset="UTF-8"'}
_TAIL = re.compile(r"^(.*-)(\d{6}-\d{4})$")
#: The printable receipt slip of a dossier: this, then its code.
SLIP_PATH = "/in/phieu-hen/"
#: The citizen's rating at the counter's tablet: the web side's only page that writes.
RATING_PATH = "/danh-gia"
RATING_VALUES = ("satisfied", "acceptable", "unsatisfied")
RATING_COMMENT_MAX = 200
#: How long a rating form may stay on the tablet before it must be loaded again.
TOKEN_SECONDS = 3600


# -- small presentation helpers -----------------------------------------------------------------
def _lang(request: Request) -> str:
    """Vietnamese unless ``?lang=en``; anything else is not an error, just Vietnamese."""
    return "en" if request.query_params.get("lang") == "en" else "vi"


def _with_lang(path: str, lang: str, **params: str) -> str:
    query = {**params, **({"lang": "en"} if lang == "en" else {})}
    return path + ("?" + urlencode(query) if query else "")


def clean_code(typed: str) -> str | None:
    """The code with spaces removed, or None if it cannot be a dossier code."""
    code = "".join(typed.split())
    return code if CODE_SHAPE.fullmatch(code) else None


def split_code(code: str) -> tuple[str, str]:
    """``000.00.20.H56-`` and ``250908-0001``: the board shows the part that differs big."""
    m = _TAIL.match(code)
    return (m.group(1), m.group(2)) if m else ("", code)


def chart_bars(months: Summary, lang: str, width: int = 720, height: int = 260) -> dict[str, Any]:
    """Geometry of the monthly on-time chart (bars of the rate, 0–100 %), drawn as inline SVG."""
    left, right, top, bottom = 44, 8, 22, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / max(1, len(months.groups))
    bars = []
    for i, (key, fig) in enumerate(months.groups):
        rate = fig.rate
        h = 0.0 if rate is None else float(rate) / 100 * plot_h
        x = left + i * slot
        year, month = (key or "").split("-") if key else ("", "")
        bars.append(
            {
                "x": round(x + slot * 0.2, 1),
                "w": round(slot * 0.6, 1),
                "y": round(top + plot_h - h, 1),
                "h": round(h, 1),
                "mid": round(x + slot / 2, 1),
                "month": f"{month}/{year[2:]}",
                "rate": fmt_rate(lang, rate),
                "received": fig.received,
            }
        )
    grid = [{"y": round(top + plot_h - p / 100 * plot_h, 1), "label": f"{p}%"} for p in (0, 50, 100)]
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "bars": bars,
        "grid": grid,
    }



class Pages:
    """Renders templates in one language, with the shared helpers every page uses."""

    def __init__(self) -> None:
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,  # every value a page shows is escaped unless marked otherwise
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.css = Markup(CSS)  # our own constant; its hash is what the CSP allows

    def render(
        self,
        name: str,
        lang: str,
        *,
        status: int = 200,
        here: str = "/",
        here_params: dict[str, str] | None = None,
        center: str | None = None,
        headers: dict[str, str] | None = None,
        paper: str | None = None,
        **values: Any,
    ) -> HTMLResponse:
        other = "vi" if lang == "en" else "en"

        def moment(when: datetime) -> str:
            return t(lang, "{day} at {time}", day=fmt_day(lang, when.date()), time=when.strftime("%H:%M"))

        def day(when: date) -> str:
            return fmt_day(lang, when)

        html = self.env.get_template(name).render(
            lang=lang,
            _=partial(t, lang),
            N_=N_,
            P_=P_,
            label=partial(label, lang),
            status_words=STATUS_PAGE_WORDS,
            group_words=GROUP_WORDS,
            rate=partial(fmt_rate, lang),
            num=partial(points_text, lang),
            moment=moment,
            day=day,
            css=self.css,
            paper=Markup(PAPER[paper]) if paper else None,
            center=center,
            other_lang=other,
            other_lang_url=_with_lang(here, other, **(here_params or {})),
            home_url=_with_lang("/", lang),
            **values,
        )
        return HTMLResponse(html, status_code=status, headers=headers)


@cache
def _pages() -> Pages:
    """One set of compiled templates per process, shared by every app."""
    return Pages()


class SecurityHeaders:
    """Adds the security headers to every response, error pages included (outermost layer)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for key, value in SECURITY_HEADERS.items():
                    headers[key] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _form(request: Request) -> dict[str, str]:
    """A small url-encoded form, read with a size cap; anything odd is a 4xx, not a traceback."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise HTTPException(413)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise HTTPException(400)
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=8, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise HTTPException(400) from None
    return {k: v for k, v in reversed(pairs)}  # the first of a repeated field wins


class Site:
    """The web side's pages over one database: each route is one method, sharing the clock,
    the compiled templates, the throttles and the way a page reads the database."""

    def __init__(
        self,
        db_path: Path,
        clock: Callable[[], datetime],
        lookups: Throttle,
        logins: Throttle,
        sleep: Callable[[float], Awaitable[None]],
    ) -> None:
        self.db_path = db_path
        self.clock = clock
        self.lookups = lookups
        self.logins = logins
        self.sleep = sleep
        self.pages = _pages()
        self.secret = secrets.token_bytes(32)  # signs the rating forms this server hands out

    async def read(self, lang: str, work: Callable[[Reader], T]) -> T:
        """Run ``work`` on a fresh read-only view in a worker thread; a database that cannot be
        read (missing, foreign, wrong schema, broken) is a 503 page, never a traceback."""

        def run() -> T:
            with Reader(self.db_path, self.clock(), lang) as reader:
                return work(reader)

        try:
            return await run_in_threadpool(run)
        except TthcError:
            raise HTTPException(503) from None

    @asynccontextmanager
    async def attempt(self, throttle: Throttle, address: str) -> AsyncIterator[Attempt]:
        """An attempt from ``address``, after the wait ``throttle`` asks (attempts in flight
        count): say ``attempt.failed()`` on a wrong answer. Too many queued is a 429."""
        try:
            async with throttled(throttle, address, self.sleep) as attempt:
                yield attempt
        except TooManyAttempts:
            raise HTTPException(429) from None

    # -- the citizen's look-up ---------------------------------------------------------------
    def lookup_page(self, lang: str, settings: WebSettings, status: int = 200, **values: Any) -> HTMLResponse:
        shown = {"result": None, "message": None, "code": "", **values}
        return self.pages.render(
            "lookup.html",
            lang,
            status=status,
            here=LOOKUP_PATH,
            center=settings.center_name,
            form_url=_with_lang(LOOKUP_PATH, lang),
            **shown,
        )

    async def lookup(self, request: Request) -> Response:
        lang = _lang(request)
        if request.method in ("GET", "HEAD"):
            typed = request.query_params.get("ma", "")
            code = clean_code(typed) if typed else ""
            settings = await self.read(lang, lambda r: r.settings())
            if code is None:
                return self.lookup_page(lang, settings, 400, message=N_("That is not a dossier code: letters, digits, dots and dashes, at most 60 of them."))
            return self.lookup_page(lang, settings, code=code)  # a slip's QR code links here with the code
        return await self.look_up(request, lang)

    async def look_up(self, request: Request, lang: str) -> Response:
        """The form sent: the dossier whose code and check digits both match, or one answer
        for a wrong code and wrong digits alike."""
        fields = await _form(request)
        typed = "".join(fields.get("ma", "").split())[:80]  # kept in its field after a wrong try
        code = clean_code(typed)
        check = check_digits(fields.get("so4", ""))
        if code is None or check is None:
            settings = await self.read(lang, lambda r: r.settings())
            problem = N_("That is not a dossier code: letters, digits, dots and dashes, at most 60 of them.") if code is None else N_("Type exactly four digits.")
            return self.lookup_page(lang, settings, 400, message=problem, code=typed)
        async with self.attempt(self.lookups, _client(request)) as attempt:
            settings, result = await self.read(lang, lambda r: (r.settings(), r.lookup(code, check)))
            if result is None:
                attempt.failed()
                # The same page whether the code or the digits were wrong: the code goes back
                # into its field as it was typed, never as a dossier has it.
                return self.lookup_page(lang, settings, 404, message=N_("No dossier matches this code and these digits. Check both and try again. If you gave neither a phone nor an ID number, please ask at the counter."), code=code)
        return self.lookup_page(lang, settings, result=result)

    # -- the citizen's rating -----------------------------------------------------------------
    def form_token(self) -> str:
        """A rating form's token: when it was handed out, signed with this server's secret."""
        issued = str(int(self.clock().timestamp()))
        return issued + "." + hmac.new(self.secret, issued.encode(), "sha256").hexdigest()

    def token_ok(self, token: str) -> bool:
        issued, _, signature = token.partition(".")
        if not issued.isdigit() or len(issued) > 12:
            return False
        expected = hmac.new(self.secret, issued.encode(), "sha256").hexdigest()
        age = self.clock().timestamp() - int(issued)
        return hmac.compare_digest(expected, signature) and -60 <= age <= TOKEN_SECONDS

    def rating_page(self, lang: str, settings: WebSettings, status: int = 200, **values: Any) -> HTMLResponse:
        shown = {"message": None, "done": False, "code": "", "choices": RATING_VALUES, **values}
        return self.pages.render(
            "rate.html",
            lang,
            status=status,
            here=RATING_PATH,
            center=settings.center_name,
            form_url=_with_lang(RATING_PATH, lang),
            token=self.form_token(),
            comment_max=RATING_COMMENT_MAX,
            **shown,
        )

    async def rating(self, request: Request) -> Response:
        lang = _lang(request)
        settings = await self.read(lang, lambda r: r.settings())
        if request.method in ("GET", "HEAD"):
            asked = clean_code(request.query_params.get("ma", "")) or ""
            return self.rating_page(lang, settings, code=asked)
        if not _same_origin(request):
            raise HTTPException(403)
        fields = await _form(request)
        code = clean_code(fields.get("ma", ""))
        check = check_digits(fields.get("so4", ""))  # as the look-up reads them
        choice = fields.get("muc", "")
        comment = fields.get("y_kien", "").strip() or None
        if not self.token_ok(fields.get("token", "")):
            return self.rating_page(lang, settings, 400, message=N_("This form was open too long: please fill it in again."), code=code or "")
        if (
            code is None
            or check is None
            or choice not in RATING_VALUES
            or len(comment or "") > RATING_COMMENT_MAX
        ):
            return self.rating_page(lang, settings, 400, message=N_("Please give the code, the 4 digits and one of the three ratings."), code=code or "")
        # the look-up's slow-down, attempts in flight counted: one count for both pages
        async with self.attempt(self.lookups, _client(request)) as attempt:
            try:
                outcome = await run_in_threadpool(
                    rate, self.db_path, self.clock(), code, check, choice, comment
                )
            except TthcError:
                raise HTTPException(503) from None
            if outcome == "not_found":
                attempt.failed()
                return self.rating_page(lang, settings, 404, message=N_("No dossier matches this code and these digits."))
        if outcome == "bad":
            return self.rating_page(lang, settings, 400, message=N_("Please give the code, the 4 digits and one of the three ratings."), code=code)
        if outcome != "rated":
            return self.rating_page(lang, settings, 409, message=RATE_REFUSAL_WORDS[outcome])
        return self.rating_page(lang, settings, message=N_("Thank you: your rating has been recorded."), done=True)

    # -- the waiting-room board --------------------------------------------------------------
    async def board(self, request: Request) -> Response:
        lang = _lang(request)
        settings, ready = await self.read(lang, lambda r: (r.settings(), r.board(BOARD_MAX)))
        n = len(ready.items)
        items = [(*split_code(item.code), item.initials) for item in ready.items]
        return self.pages.render(
            "board.html",
            lang,
            here="/bang",
            center=settings.center_name,
            board=ready,
            items=items,
            size=next(name for name, most in BOARD_SIZES if n <= most),
            updated=self.clock().strftime("%H:%M"),
        )

    # -- the manager's pages -------------------------------------------------------------------
    async def guard(self, request: Request, settings: WebSettings) -> None:
        """Without a manager password, this machine only; with one, the password, slowed down
        after repeated failures like the look-up."""
        address = _client(request)
        if not settings.password_set:
            if not is_loopback(address):
                raise HTTPException(403)
            return
        password = basic_password(request.headers.get("authorization"))
        if password is None:
            raise HTTPException(401, headers=AUTHENTICATE)
        async with self.attempt(self.logins, address) as attempt:
            if not await run_in_threadpool(settings.password_ok, password):  # scrypt: ~50 ms
                attempt.failed()
                raise HTTPException(401, headers=AUTHENTICATE)

    async def managers_settings(self, request: Request, lang: str) -> WebSettings:
        """The center's settings, once the manager is let in."""
        settings = await self.read(lang, lambda r: r.settings())
        await self.guard(request, settings)
        return settings

    async def dashboard(self, request: Request) -> Response:
        lang = _lang(request)
        settings = await self.managers_settings(request, lang)
        period = request.query_params.get("ky", "")[:20]
        try:
            data = await run_in_threadpool(self.dashboard_data, lang, period)
        except PeriodRefused as refused:
            return self.pages.render("error.html", lang, status=400, message=N_("The request is not valid."), detail=refused.text)
        return self.pages.render(
            "dashboard.html",
            lang,
            here="/quan-ly",
            here_params={"ky": period} if period else {},
            center=settings.center_name,
            paper="a4-landscape",
            data=data,
            chart=chart_bars(data.months, lang),
            now=self.clock(),
            limit=WORKLIST_MAX,
            slip_url=lambda code: _with_lang(_slip_path(code), lang),
        )

    def dashboard_data(self, lang: str, period: str) -> Any:
        """The dashboard's data; a period the command line would refuse is refused here too, in
        its words, while a database that cannot be read is the 503 page."""
        with Reader(self.db_path, self.clock(), lang) as reader:
            try:
                return reader.dashboard(WORKLIST_MAX, period=period)
            except TthcError as exc:
                if exc.msg.key in PERIOD_REFUSALS:
                    raise PeriodRefused(exc.text(lang)) from None
                raise HTTPException(503) from None

    async def slip(self, request: Request) -> Response:
        """Form 01 of the dossier: the very page ``tthc receipt CODE --html FILE`` writes, on A5
        (``?kho=a4``: on A4)."""
        lang = _lang(request)
        code = clean_code(request.path_params["code"])
        size = request.query_params.get("kho", "a5")
        if code is None or size not in SLIP_PAGES:
            raise HTTPException(400)
        await self.managers_settings(request, lang)
        page = await self.read(lang, lambda r: r.receipt_page(code, size))
        if page is None:
            raise HTTPException(404)
        return HTMLResponse(page)

    # -- errors ----------------------------------------------------------------------------------
    async def http_error(self, request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        known = status in ERROR_PAGE_WORDS
        return self.pages.render(
            "error.html",
            _lang(request),
            status=status,
            headers=dict(exc.headers or {}) if isinstance(exc, HTTPException) else None,
            message=ERROR_PAGE_WORDS[status if known else 500 if status >= 500 else 400],
        )

    def routes(self) -> list[Route]:
        return [
            Route("/", self.lookup, methods=["GET", "POST"]),
            Route(LOOKUP_PATH, self.lookup, methods=["GET", "POST"]),
            Route("/bang", self.board, methods=["GET"]),
            Route("/quan-ly", self.dashboard, methods=["GET"]),
            Route(SLIP_PATH + "{code:path}", self.slip, methods=["GET"]),
            Route(RATING_PATH, self.rating, methods=["GET", "POST"]),
        ]


class PeriodRefused(Exception):
    """A dashboard period that cannot be read, with the refusal in the reader's words."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def _same_origin(request: Request) -> bool:
    """A form posted from a page of this very site: its Origin says so, or — where the browser
    withholds the origin ("null", as the no-referrer policy asks) — its Sec-Fetch-Site does.
    Another site's page cannot post a rating through the tablet."""
    origin = request.headers.get("origin")
    if origin in (None, "null"):  # our no-referrer policy makes a browser send "null"
        return request.headers.get("sec-fetch-site") == "same-origin"
    return origin == f"{request.url.scheme}://{request.url.netloc}"


def _client(request: Request) -> str:
    return request.client.host if request.client else ""


def _slip_path(code: str) -> str:
    return SLIP_PATH + quote(code, safe="")


def create_app(
    db_path: Path,
    *,
    clock: Callable[[], datetime] = now_vn,
    lookups: Throttle | None = None,
    logins: Throttle | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> ASGIApp:
    """The web side over the database at ``db_path``, opened read-only on each request.

    ``clock`` gives Vietnam's wall-clock time; ``lookups`` and ``logins`` slow down repeated
    failed look-ups and passwords per address; ``sleep`` is how a slowed request waits.
    """
    site = Site(db_path, clock, lookups or Throttle(), logins or Throttle(), sleep)
    app = Starlette(
        routes=site.routes(),
        exception_handlers={HTTPException: site.http_error, Exception: site.http_error},
    )
    # A redirect for a trailing slash would be built from the Host header: not needed, not wanted.
    app.router.redirect_slashes = False
    return SecurityHeaders(app)
