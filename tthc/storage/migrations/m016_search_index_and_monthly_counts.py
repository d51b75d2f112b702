"""Migration 16, ``m016_search_index_and_monthly_counts``: ``list --search`` answers from an index,
and a summary adds up months.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

import sqlite3
from typing import Any

from tthc.storage.migrations.m004_daily_counts import _COUNT_KEY, BULK_MARKER

#: The trigram index of the text ``list --search`` looks in (its rows are the dossiers' rowids).
SEARCH_INDEX = "dossiers_search"


def search_index_sql(row: str, sign: str) -> str:
    """SQL adding (sign '+') or removing ('-') one dossier row's search text to the index."""
    if sign == "+":
        return f"INSERT INTO {SEARCH_INDEX} (rowid, search_text) VALUES ({row}.rowid, {row}.search_text);"
    return (
        f"INSERT INTO {SEARCH_INDEX} ({SEARCH_INDEX}, rowid, search_text)"
        f" VALUES ('delete', {row}.rowid, {row}.search_text);"
    )


def backfill_search(execute: Any, after_rowid: int | None = None) -> None:
    """Index the search text of existing dossiers (all, or those after a rowid)."""
    if after_rowid is None:
        execute(f"INSERT INTO {SEARCH_INDEX} ({SEARCH_INDEX}) VALUES ('rebuild')")
        return
    execute(
        f"INSERT INTO {SEARCH_INDEX} (rowid, search_text)"
        f" SELECT rowid, search_text FROM dossiers WHERE rowid > {int(after_rowid)}"
    )


#: The counts of ``daily_counts`` after its key, in the order of its columns.
_COUNTS = ("received", "early", "on_time", "late", "withdrawn", "closed")


def _monthly_sql(row: str, sign: str) -> str:
    """SQL adding (sign '+') or removing ('-') one ``daily_counts`` row to its month's."""
    upsert = ", ".join(f"{c} = {c} + excluded.{c}" for c in _COUNTS)
    return (
        f"INSERT INTO monthly_counts (month, {_COUNT_KEY}, {', '.join(_COUNTS)})"
        f" SELECT substr({row}.day, 1, 7), {', '.join(f'{row}.{k.strip()}' for k in _COUNT_KEY.split(','))},"
        f" {', '.join(f'{sign}{row}.{c}' for c in _COUNTS)}"
        f" WHERE 1 ON CONFLICT (month, {_COUNT_KEY}) DO UPDATE SET {upsert};"
    )


def apply(db: Any) -> None:
    """``list --search`` answers from an index, and a summary adds up months, however long
    the history.

    **The search.**
    It looked for each word with ``LIKE '%word%'`` over the stored search text (name without
    diacritics, code, phone, ID number) of every dossier ever received: 0.4 s at one million
    dossiers, 3.3 s at ten million. A full-text index with SQLite's ``trigram`` tokenizer
    finds the rows holding any piece of three characters or more, so a search reads only the
    rows that hold its words; the ``LIKE`` then keeps exactly the rows it kept before. The
    index stores no copy of the text (``content='dossiers'``): triggers add, change and
    remove a dossier's entry as its row changes, and a bulk load adds its rows' entries at
    the end, as it adds their per-day counts. Existing rows are indexed here.

    **The months.** A summary counts what was carried over into its first day: every
    dossier received before it less every one ended before it, a sum over every day of the
    history in ``daily_counts`` (70 ms at ten years of history, 7 ms at one). ``monthly_counts``
    holds the same counts per month and key, kept by triggers on ``daily_counts`` itself, so
    every path that changes a day's counts (a step, an undo, a bulk load's backfill, an
    import's copy) changes its month's alike: a summary adds the months before its first
    month and the days from there on. Filled here from the per-day counts.
    """
    conn: sqlite3.Connection = db.conn
    _search_index(conn)
    _monthly_counts(conn)


def _search_index(conn: sqlite3.Connection) -> None:
    """The trigram index of the search text and its triggers, filled from the rows (m016)."""
    conn.execute(
        f"CREATE VIRTUAL TABLE {SEARCH_INDEX} USING fts5("
        "search_text, content='dossiers', content_rowid='rowid', tokenize='trigram', detail='none', columnsize=0)"
    )
    when = f"WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = '{BULK_MARKER}')"
    for name, on, body in (
        ("dossiers_search_insert", f"AFTER INSERT ON dossiers {when}", search_index_sql("NEW", "+")),
        ("dossiers_search_delete", "AFTER DELETE ON dossiers", search_index_sql("OLD", "-")),
        (
            "dossiers_search_update",
            "AFTER UPDATE OF search_text ON dossiers",
            search_index_sql("OLD", "-") + "\n" + search_index_sql("NEW", "+"),
        ),
    ):
        conn.execute(f"CREATE TRIGGER {name} {on} BEGIN\n{body}\nEND")
    backfill_search(conn.execute)


def _monthly_counts(conn: sqlite3.Connection) -> None:
    """``monthly_counts``, its triggers on ``daily_counts``, filled from the days (m016)."""
    counts = ",\n".join(f"            {c} INTEGER NOT NULL DEFAULT 0" for c in _COUNTS)
    conn.execute(
        f"""
        CREATE TABLE monthly_counts (
            month TEXT NOT NULL,                -- YYYY-MM: the sum of daily_counts' days of the month
            procedure_code TEXT NOT NULL,
            field TEXT NOT NULL,
            channel TEXT NOT NULL,
            point TEXT NOT NULL,
            officer TEXT NOT NULL,
{counts},
            PRIMARY KEY (month, {_COUNT_KEY})
        ) WITHOUT ROWID
        """
    )
    for name, on, body in (
        ("daily_counts_month_insert", "AFTER INSERT ON daily_counts", _monthly_sql("NEW", "+")),
        ("daily_counts_month_delete", "AFTER DELETE ON daily_counts", _monthly_sql("OLD", "-")),
        (
            "daily_counts_month_update",
            "AFTER UPDATE ON daily_counts",
            _monthly_sql("OLD", "-") + "\n" + _monthly_sql("NEW", "+"),
        ),
    ):
        conn.execute(f"CREATE TRIGGER {name} {on} BEGIN\n{body}\nEND")
    conn.execute(
        f"INSERT INTO monthly_counts (month, {_COUNT_KEY}, {', '.join(_COUNTS)})"
        f" SELECT substr(day, 1, 7), {_COUNT_KEY}, {', '.join(f'sum({c})' for c in _COUNTS)}"
        " FROM daily_counts GROUP BY 1, 2, 3, 4, 5, 6"
    )
