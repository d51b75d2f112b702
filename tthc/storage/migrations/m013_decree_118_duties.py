"""Migration 13, ``m013_decree_118_duties``: the duties of Decree 118/2025 that a dossier's life
must show: closes, forwards, notices.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

import sqlite3
from typing import Any

from tthc.storage.migrations.m004_daily_counts import _COUNT_KEY, BULK_MARKER

_M010_COUNT_KEY = (
    "{row}.procedure_code, {row}.field, {row}.channel, coalesce({row}.point, ''), coalesce({row}.officer, '')"
)


def _closed_contribution(row: str, sign: str) -> str:
    """SQL adding (sign '+') or removing ('-') one dossier row's close to ``daily_counts``."""
    return (
        f"INSERT INTO daily_counts (day, {_COUNT_KEY}, closed)"
        f" SELECT substr({row}.closed_at, 1, 10), {_M010_COUNT_KEY.format(row=row)}, {sign}1"
        f" WHERE {row}.closed_at IS NOT NULL"
        " ON CONFLICT (day, procedure_code, field, channel, point, officer) DO UPDATE SET"
        " closed = closed + excluded.closed;"
    )


def backfill_closed(execute: Any, after_rowid: int | None = None) -> None:
    """Add the closes of existing dossiers (all, or those after a rowid) to ``daily_counts``."""
    where = "" if after_rowid is None else f" AND rowid > {int(after_rowid)}"
    execute(
        f"INSERT INTO daily_counts (day, {_COUNT_KEY}, closed)"
        " SELECT substr(closed_at, 1, 10), procedure_code, field, channel, coalesce(point, ''),"
        f" coalesce(officer, ''), count(*) FROM dossiers WHERE closed_at IS NOT NULL{where}"
        " GROUP BY 1, 2, 3, 4, 5, 6"
        " ON CONFLICT (day, procedure_code, field, channel, point, officer) DO UPDATE SET"
        " closed = closed + excluded.closed"
    )


def apply(db: Any) -> None:
    """The duties of Decree 118/2025 that a dossier's life must show:

    - ``closed``: a dossier whose papers never came is closed 15 days after the request
      (Art. 19.5), without a result. The status CHECK of ``dossiers`` admits the new value:
      SQLite cannot alter a CHECK, and rebuilding the table would rebuild every index and
      trigger on it. Widening an ``IN (…)`` list changes no row (every row that passed the
      old CHECK passes the new one), the case SQLite documents for editing the stored schema
      (``writable_schema``, then a new schema version). ``closed_at`` holds the moment;
      ``daily_counts`` gets a ``closed`` column kept by three more triggers beside the old
      ones, so a period summary counts closes as it counts withdrawals, and a partial index
      finds the dossiers closed after a snapshot (small partial indexes find the dossiers for
      another authority, the late apologies and the online submissions, for the list of
      breaches);
    - ``submitted_at``: when the provincial system received an online dossier (Art. 17.2.c);
    - ``for_authority`` and ``forwarded_at``: a dossier received for another authority and
      when its paper dossier was sent on (Art. 20.1.a);
    - ``notified_at``: when the citizen was last told of a result ready early (Art. 22.5) or
      of an apology's new date (Art. 19.6).

    Existing rows keep every value; the new columns are empty for them.
    """
    conn: sqlite3.Connection = db.conn
    old = "status IN ('processing', 'paused', 'resolved', 'returned', 'withdrawn')"
    new = "status IN ('processing', 'paused', 'resolved', 'returned', 'withdrawn', 'closed')"
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'dossiers'").fetchone()[
        0
    ]
    if old not in sql:
        raise RuntimeError("the dossiers table's status CHECK is not the one m002 made")
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'dossiers'",
        (sql.replace(old, new),),
    )
    conn.execute(f"PRAGMA schema_version = {int(version) + 1}")
    conn.execute("PRAGMA writable_schema = OFF")
    for statement in (
        "ALTER TABLE dossiers ADD COLUMN submitted_at TEXT",
        "ALTER TABLE dossiers ADD COLUMN for_authority TEXT",
        "ALTER TABLE dossiers ADD COLUMN forwarded_at TEXT",
        "ALTER TABLE dossiers ADD COLUMN closed_at TEXT",
        "ALTER TABLE dossiers ADD COLUMN notified_at TEXT",
        "ALTER TABLE daily_counts ADD COLUMN closed INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX dossiers_closed ON dossiers (closed_at) WHERE closed_at IS NOT NULL",
        "CREATE INDEX dossiers_for_another ON dossiers (received_at) WHERE for_authority IS NOT NULL",
        "CREATE INDEX dossiers_apology_late ON dossiers (apology_at) WHERE apology_in_time = 0",
        "CREATE INDEX dossiers_submitted ON dossiers (received_at) WHERE submitted_at IS NOT NULL",
    ):
        conn.execute(statement)
    when = f"WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = '{BULK_MARKER}')"
    for name, on, body in (
        ("dossiers_close_insert", f"AFTER INSERT ON dossiers {when}", _closed_contribution("NEW", "+")),
        ("dossiers_close_delete", f"AFTER DELETE ON dossiers {when}", _closed_contribution("OLD", "-")),
        (
            "dossiers_close_update",
            f"AFTER UPDATE OF closed_at, procedure_code, field, channel, point, officer ON dossiers {when}",
            _closed_contribution("OLD", "-") + "\n" + _closed_contribution("NEW", "+"),
        ),
    ):
        conn.execute(f"CREATE TRIGGER {name} {on} BEGIN\n{body}\nEND")
