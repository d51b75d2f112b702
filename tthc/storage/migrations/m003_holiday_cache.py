"""Migration 3, ``m003_holiday_cache``: a cache of the ``holidays`` package's days per year.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

from typing import Any

from tthc.storage.migrations.script import run as _run


def apply(db: Any) -> None:
    """A cache of the ``holidays`` package's days per year.

    Importing the package and building a year costs about 100 ms — more than a whole clerk
    command should. The cache is keyed by a stamp of the installed release, so upgrading
    the package refreshes it; it is a copy, never the source of truth.
    """
    _run(
        db,
        """
        CREATE TABLE holiday_cache (
            year INTEGER PRIMARY KEY,
            stamp TEXT NOT NULL,                -- which holidays release computed it
            days TEXT NOT NULL                  -- JSON: {"off": {day: [en, vi]}, "makeup": {day: pays_for}}
        );
        """,
    )
