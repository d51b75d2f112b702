"""The filter-to-SQL builder (over a :class:`tthc.storage.query.DossierQuery`) and the list,
count, stream and search it serves, with the search index's words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from tthc.core.lifecycle import ALLOWED
from tthc.core.models import Dossier
from tthc.storage.conditions import overdue_sql, status_sql
from tthc.storage.connection import Connection
from tthc.storage.migrations import SEARCH_INDEX
from tthc.storage.records import _SELECT, OPEN_SQL, VISIBLE, _iso, _like, records_of

if TYPE_CHECKING:
    from tthc.storage.query import DossierQuery


#: How common a piece of a searched word is, is read from this many of the latest dossiers;
#: one held by more than this share of them is not asked of the search index.
SAMPLE_ROWS = 5000

COMMON_SHARE = 0.2


def _phrase(piece: str) -> str:
    return '"' + piece.replace('"', '""') + '"'


def search_pieces(words: Iterable[str]) -> list[str]:
    """The pieces of three characters the trigram index is asked for: every one of each word
    of three characters or more (a shorter word is looked for by ``LIKE`` alone). A row
    holding a word holds all its pieces, so the index never misses a row the ``LIKE`` keeps."""
    pieces: dict[str, None] = {}
    for word in words:
        for i in range(len(word) - 2):
            pieces[word[i : i + 3]] = None
    return list(pieces)


def _where(q: DossierQuery, match: str | None = None) -> tuple[list[str], list[Any]]:
    """SQL conditions (on ``dossiers d``) for a query; ``match`` asks the search index first."""
    where: list[str] = [VISIBLE]
    params: list[Any] = []
    for column, value in (
        ("d.status = ?", q.status),
        ("d.field = ? COLLATE NOCASE", q.field),
        ("d.procedure_code = ?", q.procedure),
        ("d.point = ?", q.point),
        ("d.officer = ?", q.officer),
        ("d.channel = ?", q.channel),
        ("d.received_at >= ?", q.received_from.isoformat() if q.received_from else None),
        ("d.due_date >= ?", q.due_from.isoformat() if q.due_from else None),
        ("d.due_date <= ?", q.due_to.isoformat() if q.due_to else None),
    ):
        if value is not None:
            where.append(column)
            params.append(value)
    if q.received_to is not None:
        where.append("d.received_at < date(?, '+1 day')")
        params.append(q.received_to.isoformat())
    if q.overdue_at is not None:  # deadlines.is_overdue over the stored deadline
        where.extend([OPEN_SQL, overdue_sql("d.deadline", "?")])
        params.append(_iso(q.overdue_at))
    if q.due_by is not None:
        where.extend([OPEN_SQL, "d.due_date <= ?"])
        params.append(q.due_by.isoformat())
    if match is not None:  # the trigram index finds the rows holding its pieces; the LIKEs decide
        where.append(f"d.rowid IN (SELECT rowid FROM {SEARCH_INDEX} WHERE {SEARCH_INDEX} MATCH ?)")
        params.append(match)
    for word in q.words:
        where.append("d.search_text LIKE ? ESCAPE '\\'")
        params.append(_like(word))
    if q.to_forward:
        where.append(
            "d.for_authority IS NOT NULL AND d.forwarded_at IS NULL AND "
            + status_sql("d", *ALLOWED["forward"])  # the forward step's own rule
        )
    if q.to_notify:  # breaches.to_tell, as a first sieve
        # Two selects, not one OR: each reads a small partial index (results not yet returned,
        # open dossiers); SQLite cannot split an OR over them and would read every row.
        where.append(
            "d.phone IS NOT NULL AND d.rowid IN ("
            f"SELECT d.rowid FROM dossiers d WHERE {status_sql('d', 'resolved')} AND d.timeliness = 'early'"
            " AND (d.notified_at IS NULL OR d.notified_at < d.resolved_at)"
            f" UNION ALL SELECT d.rowid FROM dossiers d WHERE {OPEN_SQL} AND d.apology_at IS NOT NULL"
            " AND (d.notified_at IS NULL OR d.notified_at < d.apology_at))"
        )
    return where, params


class Finding(Connection):
    """Dossiers found by a filter or by words typed."""

    def find(self, q: DossierQuery, order: str = "worklist") -> list[Dossier]:
        where, params = _where(q, self.search_match(q.words))
        sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += (
            " ORDER BY d.due_date IS NULL, d.deadline, d.received_at"
            if order == "worklist"
            else " ORDER BY d.received_at, d.code"
        )
        if q.limit is not None:
            sql += f" LIMIT {int(q.limit)}"
        return records_of(self.conn, self.conn.execute(sql, params).fetchall())

    def count(self, q: DossierQuery) -> int:
        where, params = _where(q, self.search_match(q.words))
        sql = "SELECT count(*) FROM dossiers d" + (" WHERE " + " AND ".join(where) if where else "")
        return int(self.conn.execute(sql, params).fetchone()[0])

    def stream(self, q: DossierQuery, batch: int = 2000) -> Iterator[Dossier]:
        """Every dossier ``q`` selects, oldest receipt first, a batch at a time (for exports)."""
        where, params = _where(q, self.search_match(q.words))
        sql = (
            _SELECT
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY d.received_at, d.code"
        )
        cursor = self.conn.execute(sql, params)
        while rows := cursor.fetchmany(batch):
            yield from records_of(self.conn, rows)

    def search_match(self, words: Sequence[str]) -> str | None:
        """What the search index is asked for ``words``: their pieces of three characters,
        without those that many rows hold (the "ngu" of "nguyen"), which rule out little and
        cost a read of most of the index. None when no word is three characters long or every
        piece is that common: such rows are read faster from the table itself. How common a
        piece is, is read from the latest ``SAMPLE_ROWS`` dossiers only, so the cost does not
        grow with the history."""
        pieces = search_pieces(words)
        if not pieces:
            return None
        top = int(self.conn.execute("SELECT coalesce(max(rowid), 0) FROM dossiers").fetchone()[0])
        most = min(top, SAMPLE_ROWS) * COMMON_SHARE
        rare = [
            p
            for p in pieces
            if self.conn.execute(
                f"SELECT count(*) FROM {SEARCH_INDEX} WHERE {SEARCH_INDEX} MATCH ? AND rowid > ?",
                (_phrase(p), top - SAMPLE_ROWS),
            ).fetchone()[0]
            <= most
        ]
        return " AND ".join(_phrase(p) for p in rare) if rare else None
