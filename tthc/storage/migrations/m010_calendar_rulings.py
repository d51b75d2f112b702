"""Migration 10, ``m010_calendar_rulings``: the center's verdict on an unconfirmed day.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

from typing import Any

from tthc.storage.migrations.script import run as _run


def apply(db: Any) -> None:
    """The center's verdict on an unconfirmed day: a day the ``holidays`` package lists off
    (Vietnam Culture Day, 24/11) with no decision in force keeps the package's reading until
    the center confirms or rejects it. The verdict is the center's, like its own days, and is
    read on every command, so it has its own small table; the events keep who gave it."""
    _run(
        db,
        """
        CREATE TABLE calendar_rulings (
            day TEXT PRIMARY KEY,               -- YYYY-MM-DD
            verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'rejected')),
            reason TEXT NOT NULL DEFAULT '',
            decided_at TEXT NOT NULL
        );
        """,
    )
