"""The center-wide services the CLI calls: setting up, settings, the counter calculator,
calendar upkeep, reporting periods and summaries, backups. Each returns plain data.
"""

import os
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.app.catalog import find_procedure, install_starter
from tthc.app.context import Context
from tthc.app.dossiers import relay_open
from tthc.app.inputs import clean
from tthc.core import deadlines
from tthc.core.clock import RECEIPT_DEFAULT_TIME, iso, parse_day, parse_when
from tthc.core.decisions import unconfirmed_rule
from tthc.core.errors import Msg, TthcError
from tthc.core.models import Kind, name_key
from tthc.core.registry import Procedure
from tthc.core.settings import SETTINGS, shown, validate, with_defaults
from tthc.core.timelimit import TimeLimit, parse_limit
from tthc.core.workcalendar import Doubts, doubts
from tthc.locale.marks import N_, P_
from tthc.storage import station
from tthc.storage.station import Station
from tthc.storage.store import Store

if TYPE_CHECKING:
    from tthc.app.province import Exported, Rollup
    from tthc.app.summary import Summary
    from tthc.core.periods import Period


# -- init and settings -----------------------------------------------------------------------
@dataclass(frozen=True)
class InitResult:
    path: Path
    created: bool
    #: (key, current value, asked value) of settings that differ; written only with ``update``
    changes: list[tuple[str, str, str]]
    updated: bool
    #: this PC's station as asked (with --point/--officer) and where it was written, if it was
    station: Station | None = None
    station_path: Path | None = None
    #: the center's identity, which another point's ``init --center-id`` takes
    center_id: str = ""


def _warm_holidays(ctx: Context) -> None:
    """Compute last, this and next year's holidays, which the command's transaction keeps:
    clerk commands then skip the package."""
    cal = ctx.calendar()
    for year in range(ctx.now.year - 1, ctx.now.year + 2):
        cal.package_days(year)


def init(
    ctx: Context,
    *,
    center: str | None,
    prefix: str | None,
    lang: str | None,
    point: str | None = None,
    catalog: bool = True,
    update: bool = False,
    officer: str | None = None,
    block: str | None = None,
    center_id: str | None = None,
) -> InitResult:
    """Create the database, or on an existing one say what the given values would change and
    change it only with ``update``. Values are validated before anything is written. A new
    database gets the starter catalog unless ``catalog`` is false. A point or officer also
    sets up this PC's station (its point, default officer and block of daily numbers). A new
    database draws its center identity, or takes ``center_id``: the identity of the center
    whose other point this PC is, so the two merge each other's files."""
    given = (("center_name", center), ("code_prefix", prefix), ("lang", lang), ("center_id", center_id))
    asked = {k: validate(k, v) for k, v in given if v is not None}
    if center_id is not None and not asked["center_id"]:  # an identity to join, never none
        raise TthcError("bad center identity {text!r}: expected 32 hexadecimal digits, as config show prints it", text=center_id)
    point_name = " ".join((point or "").split()) or None
    officer_name = " ".join((officer or "").split()) or None
    wanted = None
    if point_name or officer_name or block:
        # what is not given stays, from the station of this database (another one's is not kept)
        here = station.load(ctx.home, belongs=ctx.owns_station) if ctx.home is not None else Station()
        wanted = station.settle(here, point_name, officer_name, block)
    existed = ctx.db_path.exists() and ctx.db_path.stat().st_size > 0
    store = ctx.create_store()
    current = ctx.settings().raw
    changes = [(k, current[k], v) for k, v in asked.items() if existed and current[k] != v]
    kinds: tuple[tuple[Kind, str | None], ...] = (("point", point_name), ("officer", officer_name))
    names = [(kind, name) for kind, name in kinds if name]
    if existed:
        changes += [(kind, "", name) for kind, name in names if store.find_name(kind, name_key(name)) is None]
        changes += _station_changes(ctx, wanted)
    write = not existed or update
    if write:
        with store.write():
            for key, value in asked.items():
                store.put_setting(key, value)
            if not existed and "center_id" not in asked:  # which center: kept by every copy
                store.put_setting("center_id", os.urandom(16).hex())
            added = install_starter(ctx) if catalog and not existed else 0
            for kind, name in names:
                if store.find_name(kind, name_key(name)) is None:
                    store.add_name(kind, name, name_key(name), ctx.now)
            if asked or added or names or not existed:
                store.add_event(
                    step="init",
                    happened_at=ctx.now,
                    recorded_at=ctx.now,
                    actor=ctx.actor,
                    details={
                        **asked,
                        "starter_procedures": added,
                        "point": point_name,
                        "officer": officer_name,
                    },
                )
            ctx.invalidate()
            _warm_holidays(ctx)  # kept in this same transaction as it commits
        ctx.invalidate()
    saved = None
    if write and wanted is not None and ctx.home is not None:
        wanted = replace(wanted, database=store.identity())  # the station is this database's
        saved = station.save(ctx.home, wanted)
    _warm_holidays(ctx)
    ctx.save_holiday_cache()  # when nothing else was written
    identity = ctx.settings().raw.get("center_id", "")
    return InitResult(
        ctx.db_path, not existed, changes, write and existed and bool(changes), wanted, saved, identity
    )


def _station_changes(ctx: Context, wanted: Station | None) -> list[tuple[str, str, str]]:
    """What the asked station would change in this PC's station file."""
    if wanted is None or ctx.home is None:
        return []
    now = station.load(ctx.home)
    database = ctx.store().identity()
    pairs = [
        ("station.database", now.database, database),
        ("station.point", now.point, wanted.point),
        ("station.officer", now.officer, wanted.officer),
        ("station.block", str(now.block), str(wanted.block)),
    ]
    return [(key, old or "", new or "") for key, old, new in pairs if (old or "") != (new or "")]


def set_setting(ctx: Context, key: str, value: str) -> tuple[str, str]:
    canonical = validate(key, value)
    store = ctx.store()
    with store.write():
        old = with_defaults(store.settings())[key]  # as held, even when broken: set is the fix
        store.put_setting(key, canonical)
        store.add_event(
            step="config.set",
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={"key": key, "old": shown(key, old), "new": shown(key, canonical)},
        )
    ctx.invalidate()
    return key, shown(key, canonical)


def show_settings(ctx: Context) -> list[tuple[str, str]]:
    """Every setting's key and value as it may be shown: a secret only as set or not set."""
    store = ctx.optional_store()
    values = with_defaults(store.settings() if store else {})  # as held, a broken one too
    return [(key, shown(key, values[key])) for key in SETTINGS]


# -- the counter calculator ----------------------------------------------------------------
@dataclass(frozen=True)
class Quote:
    received_at: datetime
    counting: deadlines.Counting
    steps: list[deadlines.Step]
    doubts: Doubts
    procedure: Procedure | None = None

    @property
    def due(self) -> deadlines.Due:
        return self.counting.due

    def as_json(self) -> dict[str, Any]:
        return {
            "limit": str(self.due.limit),
            "received_at": iso(self.received_at),
            "effective_receipt": iso(self.counting.anchor),
            "due_date": self.due.due_date.isoformat(),
            "due_at": iso(self.due.due_at),
            "provisional_years": list(self.doubts.years),
            "unconfirmed_days": [d.isoformat() for d in self.doubts.days],
        }


def resolve_limit(ctx: Context, what: str) -> tuple[TimeLimit, Procedure | None]:
    """A limit spelled out, or a procedure (code, alias or name) whose limit to use."""
    try:
        return parse_limit(what), None
    except TthcError as limit_error:
        store = ctx.optional_store()
        if store is None:
            raise limit_error from None
        try:
            proc = find_procedure(store, what)
        except TthcError as exc:
            if exc.msg.key != "unknown procedure {code!r} (see `tthc procedure list`)":
                raise
            raise TthcError("{text!r} is neither a time limit nor a procedure's code, alias or name", text=what) from None
        return parse_limit(proc.limit), proc


def quote(ctx: Context, what: str, at: str | None) -> Quote:
    """If a dossier under ``what`` were received at ``at`` (now), when would it be due, and why?"""
    limit, procedure = resolve_limit(ctx, what)
    received = parse_when(at or "now", now=ctx.now, default_time=RECEIPT_DEFAULT_TIME)
    cal = ctx.calendar()
    counting = deadlines.fresh_counting(cal, limit, received)
    steps = deadlines.explain(cal, received, counting)
    confirmed = ctx.settings().calendar_confirmed_through
    window = doubts(cal, received.date(), counting.due.due_date, confirmed)
    return Quote(received, counting, steps, window, procedure)


# -- calendar upkeep ----------------------------------------------------------------------
@dataclass(frozen=True)
class CalendarRow:
    day: date
    kind: str  # off | work
    name: str
    source: str  # package | decision | center
    overridden: bool = False  # a package (or decided) day the center has overridden
    decision: str = ""  # the decision that made it, cited (decision rows)
    status: str = ""  # unconfirmed | confirmed | rejected, for a package day awaiting a decision
    awaits: str = ""  # the message saying what decision such a day awaits


def calendar_rows(ctx: Context, year: int) -> list[CalendarRow]:
    """The year's days off and make-up working days: the package's, the national decisions
    over them, the center's own over both; each named in the reader's language."""
    cal = ctx.calendar()
    off, work = cal.package_days(year)
    rows: dict[date, CalendarRow] = {}
    for day, name in off.items():
        status, rule = "", unconfirmed_rule(day)
        if rule is not None:
            ruling = cal.rulings.get(day)
            status = "unconfirmed" if ruling is None else "confirmed" if ruling else "rejected"
        awaits = rule.why_key if rule is not None and status == "unconfirmed" else ""
        rows[day] = CalendarRow(day, "off", name, "package", status=status, awaits=awaits)
    for day, pays_for in work.items():
        rows[day] = CalendarRow(day, "work", pays_for, "package")
    for day, decided in cal.decided.items():
        if day.year == year:
            kind = "work" if decided.working else "off"
            cited = decided.decision.cited(ctx.lang)
            rows[day] = CalendarRow(day, kind, decided.name(ctx.lang), "decision", day in rows, cited)
    for mapping, kind in ((cal.center_off, "off"), (cal.center_work, "work")):
        for day, name in mapping.items():
            if day.year == year:
                rows[day] = CalendarRow(day, kind, name, "center", overridden=day in rows)
    return [rows[d] for d in sorted(rows)]


def calendar_ruling(ctx: Context, day_text: str, confirmed: bool, reason: str | None) -> tuple[date, int]:
    """The center confirms (keeps off) or rejects (works) a day the package lists off with no
    decision in force; returns the day and how many open dossiers got a new due date."""
    day = parse_day(day_text, today=ctx.now.date())
    why = clean(reason, "reason") or ""
    cal = ctx.calendar()
    if unconfirmed_rule(day) is None or day in cal.decided or day not in cal.package_days(day.year)[0]:
        raise TthcError("{day} is not an unconfirmed day off (see tthc calendar show)", day=day.strftime("%d/%m/%Y"))
    action = "confirm" if confirmed else "reject"
    store = ctx.store()
    with store.write():
        before = store.calendar_rulings().get(day)
        if before is confirmed:
            state = Msg(N_("confirmed") if confirmed else P_("day off ruling", "rejected"))
            raise TthcError(P_("day off ruling", "{day} is already {state}"), day=day.strftime("%d/%m/%Y"), state=state)
        store.put_calendar_ruling(day, confirmed, why, ctx.now)
        store.add_event(
            step=f"calendar.{action}",
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={
                "day": day.isoformat(),
                "reason": why,
                "before": None if before is None else ("confirmed" if before else "rejected"),
            },
        )
        ctx.invalidate()
        changed = relay_open(ctx, {day}, reason=f"calendar {action} {day.isoformat()}")
    return day, changed


def calendar_change(ctx: Context, action: str, day_text: str, name: str | None) -> tuple[date, int]:
    """add-holiday / add-workday / remove one center override; returns the day and how many
    open dossiers got a new due date."""
    day = parse_day(day_text, today=ctx.now.date())
    store = ctx.store()
    with store.write():
        existing = store.calendar_day(day)
        if action == "remove":
            if existing is None:
                raise TthcError("{day} has no center override to remove", day=day.isoformat())
            store.delete_calendar_day(day)
        else:
            kind = "off" if action == "add-holiday" else "work"
            working = ctx.calendar().day_info(day).working
            if existing is None and working == (kind == "work"):
                state = N_("a working day") if working else N_("a day off")
                raise TthcError("{day} is already {state}", day=day.isoformat(), state=Msg(state))
            store.put_calendar_day(day, kind, (name or "").strip(), ctx.now)
        store.add_event(
            step=f"calendar.{action}",
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={
                "day": day.isoformat(),
                "name": name or "",
                "before": {"kind": existing.kind, "name": existing.name} if existing else None,
            },
        )
        ctx.invalidate()
        changed = relay_open(ctx, {day}, reason=f"calendar {action} {day.isoformat()}")
    return day, changed


# -- the manager's reports ------------------------------------------------------------------------
def period(
    ctx: Context,
    *,
    from_: str | None,
    to: str | None,
    month: str | None,
    quarter: str | None,
    year: str | None,
) -> "Period":
    from tthc.core.periods import parse_period

    return parse_period(
        today=ctx.now.date(),
        start_day=ctx.settings().period_start_day,
        from_=from_,
        to=to,
        month=month,
        quarter=quarter,
        year=year,
    )


def summary(
    ctx: Context, period_: "Period", by: str | None, *, field: str | None = None, procedure: str | None = None
) -> "Summary":
    """The period's figures, for the whole center or one field or procedure."""
    from tthc.app.dossiers import known_field, known_procedure
    from tthc.app.summary import summarize
    from tthc.storage.reports import Scope

    store = ctx.store()
    scope = Scope(known_field(store, field), known_procedure(store, procedure))
    return summarize(store, period_, by, ctx.now, ctx.settings().period_start_day, scope)


def close_reports(ctx: Context, period_: "Period") -> date:
    """Mark the periods up to ``period_``'s end as reported (never moving the mark back)."""
    from tthc.app.corrections import closed_through

    current = closed_through(ctx)
    day = max(period_.end, current) if current else period_.end
    set_setting(ctx, "reports_closed_through", day.isoformat())
    return day


# -- backups ---------------------------------------------------------------------------------------
def backup(ctx: Context, dest: Path) -> Path:
    """Copy the database to a new file (never over an existing one)."""
    ctx.store().backup_to(dest)
    return dest


def restore(ctx: Context, src: Path, *, other_center: bool = False) -> Path | None:
    """Put a backup in place of the database, keeping the database it replaces beside it
    (returned; None when there was none). The backup is only read, and nothing is written
    beside it; a file that is not a tthc database, or another center's (unless
    ``other_center``: the check a merge makes), is refused before anything changes.
    Clerks may keep working: see :func:`tthc.storage.store.restore_into`."""
    import tempfile

    from tthc.app.merge import refuse_other_center
    from tthc.storage.store import restore_into

    if not src.exists():
        raise TthcError("no such file: {path}", path=src)
    if ctx.db_path.exists() and src.resolve() == ctx.db_path.resolve():
        raise TthcError("{path} is this database itself", path=src)  # read as a copy, it would miss its own log
    with tempfile.TemporaryDirectory(prefix="tthc-restore-") as scratch:
        source = Store.open_source(src, Path(scratch))
        try:
            if not ctx.db_path.exists():  # a new PC: the database's own folder made, as init does
                ctx.db_path.parent.mkdir(parents=True, exist_ok=True)
                source.backup_to(ctx.db_path)
                return None
            store = ctx.store()  # this database first: upgraded if older, refused if not ours
            if not other_center:
                refuse_other_center(store, source.settings(), src, restoring=True)
            ctx.close()
            kept = restore_into(ctx.db_path, source, lambda: _kept_name(ctx.db_path, ctx.now))
        finally:
            source.close()
    ctx.invalidate()
    return kept


def _kept_name(db: Path, now: datetime) -> Path:
    """A new name beside ``db`` for the copy a restore keeps: the moment, then -2, -3 … for
    a second restore within the same second."""
    base = f"{db.name}.before-restore-{now:%Y%m%d-%H%M%S}"
    path, n = db.with_name(base), 1
    while path.exists():
        n += 1
        path = db.with_name(f"{base}-{n}")
    return path


# -- a province's roll-up --------------------------------------------------------------------
def export_parquet(ctx: Context, dest: Path) -> "Exported":
    """The center's dossiers as a Parquet export for the province (see ``tthc.app.province``)."""
    from tthc.app.province import export_parquet as write

    _need_duckdb()
    s = ctx.settings()
    return write(ctx.store(), s.center_name, s.code_prefix, dest)


def rollup(ctx: Context, paths: list[Path], period_: "Period", by: str, *, detail: bool = False) -> "Rollup":
    """Many centers' figures at once, from their exports or their database files."""
    import tempfile
    from contextlib import contextmanager

    from tthc.app.province import exports_in
    from tthc.app.province import rollup as count
    from tthc.core.settings import Settings

    _need_duckdb()
    with tempfile.TemporaryDirectory(prefix="tthc-rollup-") as tmp:
        scratch = Path(tmp)

        @contextmanager
        def open_db(path: Path) -> Any:
            store = Store.open_source(path, scratch)
            try:
                s = Settings.from_stored(store.settings())
                yield store, s.center_name, s.code_prefix
            finally:
                store.close()

        return count(exports_in(paths, scratch, open_db), period_, by, ctx.now, detail=detail)


def province_period(ctx: Context, **given: str | None) -> "Period":
    """A roll-up's period: the CLI's period options over calendar months (a province adds
    centers whose own reporting months may differ; ``--from/--to`` says any window)."""
    from tthc.core.periods import parse_period

    return parse_period(today=ctx.now.date(), start_day=1, **given)


def _need_duckdb() -> None:
    import importlib.util

    if importlib.util.find_spec("duckdb") is None:
        raise TthcError("the province's roll-up needs DuckDB: pip install \"tthc[province]\"")
