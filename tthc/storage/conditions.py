"""The domain's conditions said in SQL, each in one place, from the domain's own constants:
"open", "overdue", "a step not undone", a status or a channel by name, and the CHECK a new
migration puts on such a column. Every query of the storage layer (and the province's DuckDB
query) asks here; ``tests/test_conditions.py`` checks each against its Python twin
(``lifecycle.is_open``, ``deadlines.is_overdue``, ``lifecycle.undone``) on every case, and
``tests/test_architecture.py`` that no status or overdue comparison is written elsewhere.

The values are written into the SQL, not bound: SQLite uses a partial index
(``dossiers_open``, ``dossiers_paused``, ``dossiers_to_collect``) only for a condition it
can read, and they are the domain's fixed words, never a user's.
"""

from collections.abc import Iterable

from tthc.core.lifecycle import OPEN, STATUSES, UNDO, Outcome, Status
from tthc.core.models import CHANNELS, Channel

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz_")


def _quoted(word: str) -> str:
    """A domain word as an SQL string literal (only lower-case letters and '_' are words)."""
    assert word and set(word) <= _WORD_CHARS, word
    return f"'{word}'"


def in_sql(column: str, words: Iterable[str]) -> str:
    """``column IN ('a', 'b')`` over domain words."""
    return f"{column} IN ({', '.join(_quoted(w) for w in words)})"


def status_sql(alias: str, *statuses: Status) -> str:
    """The dossier (table alias ``alias``, '' for none) is in one of ``statuses``."""
    assert statuses and set(statuses) <= set(STATUSES), statuses
    column = f"{alias}.status" if alias else "status"
    if len(statuses) == 1:
        return f"{column} = {_quoted(statuses[0])}"
    return in_sql(column, statuses)


def open_sql(alias: str = "d") -> str:
    """Still in the center's hands (``lifecycle.is_open``): processing or waiting for papers.
    Written as ``status IN ('processing', 'paused')``, the partial index ``dossiers_open``'s
    own condition."""
    return status_sql(alias, *OPEN)


def open_at_sql(alias: str, moment: str) -> str:
    """``lifecycle.open_at``: received before ``moment`` (a parameter) and open now, or ended
    (resolved, withdrawn, closed) at or after it."""
    a = f"{alias}." if alias else ""
    return (
        f"{a}received_at < {moment} AND ({open_sql(alias)}"
        f" OR coalesce({a}resolved_at, {a}withdrawn_at, {a}closed_at) >= {moment})"
    )


def channel_sql(alias: str, channel: Channel) -> str:
    """The dossier came in by ``channel``."""
    assert channel in CHANNELS, channel
    return f"{alias + '.' if alias else ''}channel = {_quoted(channel)}"


def overdue_sql(deadline: str, at: str) -> str:
    """``deadlines.is_overdue(deadline, at)`` over a stored deadline column and a parameter
    (or column) holding the moment, both ISO text of local time: overdue only once the deadline
    lies behind the moment; a NULL deadline (papers awaited) never is (``NULL < x`` is not true)."""
    return f"{deadline} < {at}"


def standing_sql(alias: str = "e") -> str:
    """The event (table alias ``alias``) is not undone (``lifecycle.undone`` over its dossier's
    trail): no ``undo`` event of its own dossier points at it. The ids any undo points at are
    read once per query (by the index of events by step); only an event among them is looked
    at again, for its own dossier's undos (by ``events_by_dossier``): a year of handovers is
    judged about as fast as by the ids alone, and three times faster than looking every one
    up."""
    undo = _quoted(UNDO)
    return (
        f"({alias}.id NOT IN (SELECT undoes FROM events WHERE step = {undo} AND undoes IS NOT NULL)"
        f" OR NOT EXISTS (SELECT 1 FROM events u WHERE u.dossier_code = {alias}.dossier_code"
        f" AND u.undoes = {alias}.id AND u.step = {undo}))"
    )


def check_sql(column: str, words: Iterable[str]) -> str:
    """A CHECK constraint for a NEW migration's column of domain words (statuses, channels,
    outcomes): ``CHECK (status IN (…))`` from the domain's list. Shipped migrations keep their
    own text: what they did in the past must not change."""
    return f"CHECK ({in_sql(column, words)})"


def outcome_sql(alias: str, outcome: Outcome) -> str:
    """The dossier was resolved with ``outcome``."""
    return f"{alias + '.' if alias else ''}outcome = {_quoted(outcome)}"


#: The rowids set aside for an import still being copied in (``hidden_batch``, m017): none
#: when no import is copying (``BETWEEN 0 AND -1`` holds no rowid). Uncorrelated subqueries,
#: read once per statement.
_HIDDEN_LO = "coalesce((SELECT min(lo) FROM hidden_batch), 0)"
_HIDDEN_HI = "coalesce((SELECT max(hi) FROM hidden_batch), -1)"


def visible_sql(alias: str = "d") -> str:
    """The dossier row (table alias ``alias``, '' for none) is not part of an import still
    being copied in: every query over the dossiers asks this, so a partial import is never
    seen. (Only the questions "was this code ever given" look at hidden rows too.)"""
    rowid = f"{alias}.rowid" if alias else "rowid"
    return f"{rowid} NOT BETWEEN {_HIDDEN_LO} AND {_HIDDEN_HI}"


def visible_event_sql(alias: str = "") -> str:
    """The event is not the audit entry of an import still being copied in."""
    column = f"{alias}.id" if alias else "id"
    return f"{column} NOT IN (SELECT event_id FROM hidden_batch)"
