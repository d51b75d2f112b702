"""Numbered, append-only schema migrations, and the runner that applies them in order.

Each migration is one module of this package, named as it is recorded in the file
(``m004_daily_counts.py``), whose ``apply(db)`` says in its docstring why it exists. Never
edit one that has shipped: add the next, as one new module with the next number. The rules a
shipped migration needs are frozen with it in ``frozen/``; a migration imports nothing of
tthc but this package, so what it did never changes when today's rules change.

``PRAGMA user_version`` mirrors how many have run so the clerk's hot path can tell an
up-to-date file without importing sqlite-utils (nor the migrations themselves).
"""

import os
import sqlite3

from tthc.storage.migrations.m004_daily_counts import BULK_MARKER, backfill_counts
from tthc.storage.migrations.m013_decree_118_duties import backfill_closed
from tthc.storage.migrations.m016_search_index_and_monthly_counts import SEARCH_INDEX, backfill_search

__all__ = [
    "BULK_MARKER",
    "LATEST",
    "MIGRATION_NAMES",
    "SEARCH_INDEX",
    "backfill_closed",
    "backfill_counts",
    "backfill_search",
    "migrate",
]


def _is_migration(filename: str) -> bool:
    """``m004_daily_counts.py`` is a migration; ``script.py`` and ``frozen/`` are not."""
    return (
        len(filename) > 8
        and filename[0] == "m"
        and filename[1:4].isdigit()
        and filename[4] == "_"
        and filename.endswith(".py")
    )


#: The migrations in the order they run: the modules ``mNNN_….py`` of this folder, by number.
MIGRATION_NAMES = tuple(sorted(f[:-3] for f in os.listdir(os.path.dirname(__file__)) if _is_migration(f)))
LATEST = len(MIGRATION_NAMES)


def migrate(conn: sqlite3.Connection, *, upto: int = LATEST) -> None:
    """Apply pending migrations (each in its own transaction) up to number ``upto``."""
    import importlib

    import sqlite_utils  # schema work only: not on the clerk's hot path

    migrations = sqlite_utils.Migrations("tthc")
    for name in MIGRATION_NAMES[:upto]:
        migrations(name=name)(importlib.import_module(f"{__name__}.{name}").apply)
    db = sqlite_utils.Database(conn)
    migrations.apply(db)
    conn.execute(f"PRAGMA user_version = {upto}")
