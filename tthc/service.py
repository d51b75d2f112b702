"""Services the CLI calls: each opens what it needs, applies the pure rules, writes through
the store in one transaction, and returns plain data for rendering.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tthc import deadlines
from tthc.clock import RECEIPT_DEFAULT_TIME, iso, parse_day, parse_when
from tthc.errors import Msg, TthcError
from tthc.settings import SETTINGS, parse_hm, parse_sessions, shown, validate, with_defaults
from tthc.store import Store
from tthc.timelimit import TimeLimit, parse_limit
from tthc.workcalendar import WorkCalendar, days_of, package_stamp, vietnam_year


class CachedHolidays:
    """The package's days per year, read from the database's cache when it has them."""

    def __init__(self, store: Store | None) -> None:
        self.stamp = package_stamp()
        self.cached = store.holiday_cache(self.stamp) if store is not None else {}
        self.fresh: dict[int, dict[str, Any]] = {}

    def __call__(self, year: int, lang: str) -> tuple[dict[date, str], dict[date, str]]:
        data = self.cached.get(year) or self.fresh.get(year)
        if data is None:
            data = self.fresh[year] = vietnam_year(year)
        return days_of(data, lang)


@dataclass
class Context:
    """Everything a command needs from outside: where the data is, who, when, which language."""

    db_path: Path
    actor: str
    now: datetime
    lang_choice: str | None = None  # --lang or TTHC_LANG; None means "the center's setting"
    _store: Store | None = field(default=None, repr=False)
    _calendar: WorkCalendar | None = field(default=None, repr=False)
    _holidays: CachedHolidays | None = field(default=None, repr=False)
    _settings: dict[str, str] | None = field(default=None, repr=False)

    # -- resources -----------------------------------------------------------------------
    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.db_path)
        return self._store

    def optional_store(self) -> Store | None:
        """The database if there is one; commands like ``due`` also work without it."""
        if self._store is None and not self.db_path.exists():
            return None
        return self.store()

    def settings(self) -> dict[str, str]:
        if self._settings is None:
            store = self.optional_store()
            self._settings = with_defaults(store.settings() if store else {})
        return self._settings

    @property
    def lang(self) -> str:
        if self.lang_choice:
            return self.lang_choice
        try:
            return self.settings()["lang"]
        except TthcError:
            return "en"

    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            store = self.optional_store()
            off, work = store.calendar_overrides() if store else ({}, {})
            s = self.settings()
            if self._holidays is None:
                self._holidays = CachedHolidays(store)
            self._calendar = WorkCalendar(
                source=self._holidays,
                sessions=parse_sessions(s["office_hours"]),
                cutoff=parse_hm(s["same_day_cutoff"], "same_day_cutoff"),
                center_off=off,
                center_work=work,
                lang=self.lang,
            )
        return self._calendar

    def confirmed_through(self) -> int:
        return int(self.settings()["calendar_confirmed_through"])

    def save_holiday_cache(self) -> None:
        """Keep years the package had to compute, so later commands need not import it.

        Called only after a command succeeded: a refused command writes nothing.
        """
        holidays = self._holidays
        if holidays is None or not holidays.fresh or self._store is None:
            return
        with self._store.write():
            for year, data in holidays.fresh.items():
                self._store.put_holiday_cache(year, holidays.stamp, data)
        holidays.cached.update(holidays.fresh)
        holidays.fresh.clear()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


# -- init and settings -----------------------------------------------------------------------
@dataclass(frozen=True)
class InitResult:
    path: Path
    created: bool
    settings: dict[str, str]


def init(
    ctx: Context,
    *,
    center: str | None,
    prefix: str | None,
    lang: str | None,
    point: str | None = None,
    catalog: bool = True,
) -> InitResult:
    """Create (or re-open) the database; given values are validated before anything is written.

    A new database gets the starter catalog of DESIGN §7 unless ``catalog`` is false.
    """
    from tthc.catalog import install_starter
    from tthc.models import name_key

    updates = {
        k: validate(k, v)
        for k, v in (("center_name", center), ("code_prefix", prefix), ("lang", lang))
        if v is not None
    }
    point_name = " ".join((point or "").split()) or None
    existed = ctx.db_path.exists() and ctx.db_path.stat().st_size > 0
    store = Store.open(ctx.db_path, create=True)
    ctx._store = store
    with store.write():
        for key, value in updates.items():
            store.put_setting(key, value)
        added = (
            install_starter(store, ctx.now.isoformat(timespec="seconds")) if catalog and not existed else 0
        )
        if point_name and store.find_name("points", name_key(point_name)) is None:
            store.insert(
                "points",
                {
                    "name": point_name,
                    "name_key": name_key(point_name),
                    "added_at": ctx.now.isoformat(timespec="seconds"),
                },
            )
        if updates or added or point_name or not existed:
            store.add_event(
                step="init",
                happened_at=ctx.now,
                recorded_at=ctx.now,
                actor=ctx.actor,
                details={**updates, "starter_procedures": added, "point": point_name},
            )
    ctx._settings = None
    ctx._calendar = None
    cal = ctx.calendar()
    for year in range(ctx.now.year - 1, ctx.now.year + 2):
        cal.package_days(year)  # warm the holiday cache: clerk commands then skip the package
    ctx.save_holiday_cache()
    return InitResult(ctx.db_path, not existed, ctx.settings())


def set_setting(ctx: Context, key: str, value: str) -> tuple[str, str]:
    canonical = validate(key, value)
    store = ctx.store()
    with store.write():
        old = with_defaults(store.settings())[key]
        store.put_setting(key, canonical)
        store.add_event(
            step="config.set",
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={"key": key, "old": shown(key, old), "new": shown(key, canonical)},
        )
    ctx._settings = None
    return key, shown(key, canonical)


def show_settings(ctx: Context) -> list[tuple[str, str, str]]:
    values = ctx.settings()
    return [(key, shown(key, values[key]), s.help) for key, s in SETTINGS.items()]


# -- the counter calculator ----------------------------------------------------------------
@dataclass(frozen=True)
class Quote:
    due: deadlines.Due
    steps: list[deadlines.Step]
    provisional_years: list[int]
    procedure: dict[str, Any] | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "limit": str(self.due.limit),
            "received_at": iso(self.due.received_at),
            "effective_receipt": iso(self.due.effective_receipt),
            "due_date": self.due.due_date.isoformat(),
            "due_at": iso(self.due.due_at),
        }


def resolve_limit(ctx: Context, what: str) -> tuple[TimeLimit, dict[str, Any] | None]:
    """A limit spelled out, or a procedure code or alias whose limit to use."""
    try:
        return parse_limit(what), None
    except TthcError as limit_error:
        store = ctx.optional_store()
        if store is not None and _has_table(store, "procedures"):
            row = store.conn.execute(
                "SELECT * FROM procedures WHERE code = ? OR alias = ? COLLATE NOCASE",
                (what.strip(), what.strip()),
            ).fetchone()
            if row is not None:
                return parse_limit(row["time_limit"]), dict(row)
            raise TthcError("e_neither", text=what) from None
        raise limit_error from None


def _has_table(store: Store, name: str) -> bool:
    return (
        store.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone()
        is not None
    )


def quote(ctx: Context, what: str, at: str | None) -> Quote:
    limit, procedure = resolve_limit(ctx, what)
    received = parse_when(at or "now", now=ctx.now, default_time=RECEIPT_DEFAULT_TIME)
    due, steps = deadlines.explain(ctx.calendar(), limit, received)
    years = sorted({y for y in range(received.year, due.due_date.year + 1) if y > ctx.confirmed_through()})
    return Quote(due, steps, years, procedure)


# -- calendar upkeep ----------------------------------------------------------------------
@dataclass(frozen=True)
class CalendarRow:
    day: date
    kind: str  # off | work
    name: str
    source: str  # package | center
    overridden: bool = False  # a package day the center has overridden


def calendar_rows(ctx: Context, year: int) -> list[CalendarRow]:
    cal = ctx.calendar()
    off, work = cal.package_days(year)
    rows: dict[date, CalendarRow] = {}
    for day, name in off.items():
        rows[day] = CalendarRow(day, "off", name, "package")
    for day, pays_for in work.items():
        rows[day] = CalendarRow(day, "work", pays_for, "package")
    for mapping, kind in ((cal.center_off, "off"), (cal.center_work, "work")):
        for day, name in mapping.items():
            if day.year == year:
                rows[day] = CalendarRow(day, kind, name, "center", overridden=day in rows)
    return [rows[d] for d in sorted(rows)]


def calendar_change(ctx: Context, action: str, day_text: str, name: str | None) -> tuple[date, int]:
    """add-holiday / add-workday / remove one center override; returns the day and how many
    open dossiers got a new due date."""
    day = parse_day(day_text, today=ctx.now.date())
    store = ctx.store()
    with store.write():
        existing = store.calendar_day(day)
        if action == "remove":
            if existing is None:
                raise TthcError("e_no_override", day=day.isoformat())
            store.delete_calendar_day(day)
        else:
            kind = "off" if action == "add-holiday" else "work"
            working = ctx.calendar().day_info(day).working
            if existing is None and working == (kind == "work"):
                state = "w_a_working_day" if working else "w_a_day_off"
                raise TthcError("e_already", day=day.isoformat(), state=Msg(state))
            store.put_calendar_day(day, kind, (name or "").strip(), ctx.now)
        store.add_event(
            step=f"calendar.{action}",
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={
                "day": day.isoformat(),
                "name": name or "",
                "before": dict(existing) if existing else None,
            },
        )
        ctx._calendar = None
        changed = _recompute_open_dues(ctx, reason=f"calendar {action} {day.isoformat()}")
    return day, changed


def _recompute_open_dues(ctx: Context, *, reason: str) -> int:
    """After a calendar or office-hours change, re-derive open dossiers' due dates (issue 3)."""
    store = ctx.store()
    if not _has_table(store, "dossiers"):
        return 0
    from tthc import dossiers

    return dossiers.recompute_open(ctx, reason=reason)


# -- the manager's reports ------------------------------------------------------------------------
def period(
    ctx: Context,
    *,
    from_: str | None,
    to: str | None,
    month: str | None,
    quarter: str | None,
    year: str | None,
) -> Any:
    from tthc.periods import parse_period

    return parse_period(
        today=ctx.now.date(),
        start_day=int(ctx.settings()["period_start_day"]),
        from_=from_,
        to=to,
        month=month,
        quarter=quarter,
        year=year,
    )


def summary(ctx: Context, period_: Any, by: str | None) -> Any:
    from tthc.summary import summarize

    return summarize(
        ctx.store().conn, ctx.calendar(), period_, by, ctx.now, int(ctx.settings()["period_start_day"])
    )


# -- backups ---------------------------------------------------------------------------------------
def backup(ctx: Context, dest: Path) -> Path:
    """Copy the database to a new file (never over an existing one)."""
    ctx.store().backup_to(dest)
    return dest


def restore(ctx: Context, src: Path) -> Path:
    """Put a backup in place of the database; the database it replaces is kept beside it."""
    if not src.exists():
        raise TthcError("e_no_file", path=src)
    source = Store.open(src)  # refuses a file that is not a tthc database, before anything moves
    kept = ctx.db_path.with_name(f"{ctx.db_path.name}.before-restore-{ctx.now:%Y%m%d-%H%M}")
    if ctx.db_path.exists():
        current = ctx.store()
        current.backup_to(kept)
        current.close()
        ctx._store = None
        for suffix in ("-wal", "-shm"):
            Path(str(ctx.db_path) + suffix).unlink(missing_ok=True)
    staged = ctx.db_path.with_name(ctx.db_path.name + ".restoring")
    staged.unlink(missing_ok=True)
    try:
        source.backup_to(staged)
    finally:
        source.close()
    os.replace(staged, ctx.db_path)  # atomic, and overwrites on Windows too
    return kept
