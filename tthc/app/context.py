"""What every command works in: the open database, who is typing, the clock, the language,
and the center's settings and calendar, loaded once and dropped together by :meth:`invalidate`.

It sits at the bottom of the services: the catalog, dossiers and reports all take a
:class:`Context`, and it imports none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.app.choosing import chosen_lang
from tthc.core.errors import TthcError
from tthc.core.models import name_key
from tthc.core.settings import Settings
from tthc.core.workcalendar import WorkCalendar, days_of, package_stamp, vietnam_year
from tthc.storage.store import Store

if TYPE_CHECKING:
    from tthc.storage.station import Station


class CachedHolidays:
    """The ``holidays`` package's days per year, read from the database's cache when it has
    them: importing the package costs about 100 ms, more than a whole clerk command."""

    def __init__(self, store: Store | None) -> None:
        self.stamp = package_stamp()
        self.cached = store.holiday_cache(self.stamp) if store is not None else {}
        self.fresh: dict[int, dict[str, Any]] = {}

    def __call__(self, year: int, lang: str) -> tuple[dict[date, str], dict[date, str]]:
        data = self.cached.get(year) or self.fresh.get(year)
        if data is None:
            data = self.fresh[year] = vietnam_year(year)
        return days_of(data, lang)


@dataclass(eq=False)  # a command's workplace, not a value: never compared
class Context:
    """Everything a command needs from outside: where the data is, who, when, which language."""

    db_path: Path
    actor: str
    now: datetime
    lang_choice: str | None = None  # --lang or TTHC_LANG; None means "the center's setting"
    home: Path | None = None  # this PC's folder for its station file; None: no station
    point_choice: str | None = None  # TTHC_POINT, over the station file's point
    officer_choice: str | None = None  # TTHC_OFFICER, over the station file's officer
    late_entry: bool = False  # --late-entry: a typed moment far back is meant (tthc.app.inputs.when)
    on_wait: Callable[[], None] | None = None  # tells the person a write waits for another
    _store: Store | None = field(default=None, repr=False)
    _station: Station | None = field(default=None, repr=False)
    _calendar: WorkCalendar | None = field(default=None, repr=False)
    _holidays: CachedHolidays | None = field(default=None, repr=False)
    _settings: Settings | None = field(default=None, repr=False)
    _writes: tuple[int, int] = field(default=(0, 0), repr=False)  # of stores already closed

    # -- resources -----------------------------------------------------------------------
    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.db_path)
            self._store.on_wait = self.on_wait
            self._store.before_commit = self._keep_holidays
        return self._store

    def attach(self, store: Store) -> None:
        """Work on an already open store (the web side's read-only one)."""
        self.close()
        self._store = store
        self.invalidate()

    def create_store(self) -> Store:
        """Open the database, creating it (owner-only) if it does not exist."""
        if self._store is None:
            self._store = Store.open(self.db_path, create=True)
            self._store.on_wait = self.on_wait
            self._store.before_commit = self._keep_holidays
        return self._store

    def optional_store(self) -> Store | None:
        """The database if there is one; commands like ``due`` also work without it."""
        if self._store is None and not self.db_path.exists():
            return None
        return self.store()

    def settings(self) -> Settings:
        if self._settings is None:
            store = self.optional_store()
            self._settings = Settings.from_stored(store.settings() if store else {})
        return self._settings

    def station(self) -> Station:
        """Which reception point this PC is, its default officer and its block of numbers."""
        if self._station is None:
            from tthc.storage.station import load  # not for a command that never asks (``show``)

            self._station = load(self.home, self.point_choice, self.officer_choice, belongs=self.owns_station)
        return self._station

    def owns_station(self, saved: Mapping[str, Any]) -> bool:
        """Whether a station file was set up for this database: the one it names; a file
        that names none (written by an older tthc), where its point is registered."""
        store = self.optional_store()
        if store is None:
            return False
        if saved.get("database"):
            return store.identity() == str(saved["database"])
        point = saved.get("point")
        return not point or store.find_name("point", name_key(str(point))) is not None

    @property
    def lang(self) -> str:
        return chosen_lang(self.lang_choice, self._center_lang)

    def _center_lang(self) -> str | None:
        try:
            return self.settings().lang
        except TthcError:
            return None

    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            store = self.optional_store()
            off, work = store.calendar_overrides() if store else ({}, {})
            rulings = store.calendar_rulings() if store else {}
            self._calendar = self.calendar_of(self.settings(), off, work, rulings)
        return self._calendar

    def calendar_of(
        self,
        settings: Settings,
        off: dict[date, str],
        work: dict[date, str],
        rulings: dict[date, bool],
    ) -> WorkCalendar:
        """The working calendar a center with ``settings``, these days of its own and these
        verdicts on unconfirmed days works by (this one's, or another point's that a merge
        reads), over this PC's holiday data."""
        if self._holidays is None:
            self._holidays = CachedHolidays(self.optional_store())
        return WorkCalendar(
            source=self._holidays,
            sessions=settings.office_hours,
            cutoff=settings.same_day_cutoff,
            center_off=off,
            center_work=work,
            lang=self.lang,
            rulings=rulings,
        )

    def invalidate(self) -> None:
        """Forget the settings and the calendar after they changed (the holiday cache stays)."""
        self._settings = None
        self._calendar = None
        self._station = None

    def use_database(self, path: Path) -> None:
        """Work on another database file from now on."""
        self.close()
        self.db_path = path
        self._holidays = None
        self.invalidate()

    def _keep_holidays(self) -> None:
        """Write the years the package had to compute into the transaction being committed:
        a command that writes keeps them in its own one transaction."""
        holidays = self._holidays
        store = self._store
        if holidays is None or not holidays.fresh or store is None:
            return
        for year, data in holidays.fresh.items():
            store.put_holiday_cache(year, holidays.stamp, data)
        holidays.cached.update(holidays.fresh)
        holidays.fresh.clear()

    def save_holiday_cache(self) -> None:
        """After a command that wrote nothing: keep the years the package had to compute, so
        later commands need not import it, in the one transaction this command makes. A
        command that wrote has kept them in its own transaction already (years it computed
        after that wait for the next command); a refused command writes nothing.
        """
        store = self._store
        holidays = self._holidays
        if holidays is None or not holidays.fresh or store is None or store.readonly or store.commits:
            return
        with store.write():
            pass  # the years go in as the transaction commits (:meth:`_keep_holidays`)

    def writes(self) -> tuple[int, int]:
        """How many write transactions this command committed, and how many it rolled back."""
        store = self._store
        committed, rolled_back = self._writes
        if store is None:
            return committed, rolled_back
        return committed + store.commits, rolled_back + store.rollbacks

    def close(self) -> None:
        if self._store is not None:
            self._writes = self.writes()
            self._store.close()
            self._store = None
