"""Looking dossiers up: the worklist's filter (``ListFilter``) made into the store's query,
with the morning view and the colour a worklist row gets. One dossier on its own (``show``)
is in ``tthc.app.dossiers.showing``."""

from dataclasses import dataclass
from datetime import date, datetime

from tthc.app.catalog import find_procedure, registered
from tthc.app.context import Context
from tthc.app.inputs import phone_number
from tthc.core import deadlines, lifecycle
from tthc.core.clock import parse_day
from tthc.core.errors import TthcError
from tthc.core.models import CHANNELS, Dossier, fold
from tthc.core.workcalendar import WorkCalendar
from tthc.core.worklist import DUE_GROUPS as DUE_GROUPS  # the morning's due groups, named here as before
from tthc.storage.query import DossierQuery
from tthc.storage.store import Store

#: The widest worklist questions a clerk may ask: a year of working days, a million rows.
MAX_DUE_WITHIN = 365
#: "Due soon" on the clerk's worklist and the manager's web dashboard: due by this many
#: working days after today.
SOON_WORKING_DAYS = 2
MAX_LIST = 1_000_000


@dataclass
class ListFilter:
    """What a clerk asks the worklist or an export for, as typed on the command line."""

    status: str | None = None
    field: str | None = None
    procedure: str | None = None
    point: str | None = None
    officer: str | None = None
    channel: str | None = None
    received_from: str | None = None
    received_to: str | None = None
    due_from: str | None = None
    due_to: str | None = None
    overdue: bool = False
    due_within: int | None = None
    search: str | None = None
    to_notify: bool = False
    limit: int | None = 50

    def is_morning_view(self) -> bool:
        """No filter at all: the clerk's morning view."""
        return all(
            getattr(self, k) is None or getattr(self, k) is False
            for k in self.__dataclass_fields__
            if k != "limit"
        )


def query_of(ctx: Context, f: ListFilter) -> DossierQuery:
    """The stored terms of a filter: names resolved, dates parsed; unknown values refused."""
    store = ctx.store()
    today = ctx.now.date()
    if f.channel is not None and f.channel not in CHANNELS:
        raise TthcError("bad channel {value!r}: expected direct, online or postal", value=f.channel)
    if f.due_within is not None and not 0 <= f.due_within <= MAX_DUE_WITHIN:
        raise TthcError(
            "bad --due-within {n}: expected 0 to {most} working days", n=f.due_within, most=MAX_DUE_WITHIN
        )
    if f.limit is not None and not 0 < f.limit <= MAX_LIST:
        raise TthcError("bad --limit {n}: expected 1 to {most}", n=f.limit, most=MAX_LIST)
    proc = known_procedure(store, f.procedure)
    field = known_field(store, f.field)
    point, officer = registered(store, "point", f.point), registered(store, "officer", f.officer)

    def day(text: str | None) -> date | None:
        return None if not text else parse_day(text, today=today)

    due_by = None if f.due_within is None else due_by_day(ctx.calendar(), today, f.due_within)
    return DossierQuery(
        status=f.status,
        field=field,
        procedure=proc,
        point=point.name if point else None,
        officer=officer.name if officer else None,
        channel=f.channel,
        received_from=day(f.received_from),
        received_to=day(f.received_to),
        due_from=day(f.due_from),
        due_to=day(f.due_to),
        overdue_at=ctx.now if f.overdue else None,
        due_by=due_by,
        words=search_words(f.search),
        to_notify=f.to_notify,
        limit=f.limit,
    )


def known_procedure(store: Store, text: str | None) -> str | None:
    """The catalog code of a procedure named by code, alias or name; unknown ones are refused."""
    if not text:
        return None
    return find_procedure(store, text).code


def known_field(store: Store, text: str | None) -> str | None:
    """A field as the catalog spells it (any case, diacritics ignored); unknown ones are
    refused with the known fields."""
    if not text:
        return None
    fields = store.fields()
    match = [f for f in fields if fold(f) == fold(text.strip())]
    if not match:
        raise TthcError("unknown field {field!r}; known: {known}", field=text, known=", ".join(fields))
    return match[0]


def search_words(text: str | None) -> tuple[str, ...]:
    """What ``--search`` looks for: a phone number in its stored form however it was typed,
    else the folded words."""
    if text is None:
        return ()
    number = phone_number(text)
    words = (number,) if number else tuple(w for w in fold(text).split() if any(c.isalnum() for c in w))
    if not words:  # nothing left to look for (only marks, dashes or other scripts): say so
        raise TthcError(
            "nothing to search for in {text!r}: type letters or digits of a name, code, phone or ID",
            text=text,
        )
    return words


def due_by_day(cal: WorkCalendar, today: date, working_days: int) -> date:
    """The last due date of "due within ``working_days`` working days": the that-many-th
    working day after today, or today itself for 0."""
    return cal.nth_working_day_after(today, working_days) if working_days else today


def soon_until(cal: WorkCalendar, today: date) -> date:
    """The last due date the worklist and the dashboard call "soon"."""
    return due_by_day(cal, today, SOON_WORKING_DAYS)


def morning_filter(limit: int | None) -> ListFilter:
    """The clerk's morning view: overdue, due today, and due soon."""
    return ListFilter(due_within=SOON_WORKING_DAYS, limit=limit)


def list_dossiers(ctx: Context, f: ListFilter) -> list[Dossier]:
    """The worklist, soonest deadline first. With no filter: overdue, due today, and due
    within :data:`SOON_WORKING_DAYS` working days — the clerk's morning view."""
    if f.is_morning_view():
        f = morning_filter(f.limit)
    return ctx.store().find(query_of(ctx, f))


def urgency(d: Dossier, now: datetime, soon: date) -> str:
    """overdue · today · soon · paused · open · done — what colour a worklist row gets."""
    if d.status not in lifecycle.OPEN:
        return "done"
    if d.status == "paused":
        return "paused"
    if deadlines.is_overdue(d.deadline, now):
        return "overdue"
    if d.due_date == now.date():
        return "today"
    if d.due_date is not None and d.due_date <= soon:
        return "soon"
    return "open"
