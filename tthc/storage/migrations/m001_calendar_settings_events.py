"""Migration 1, ``m001_calendar_settings_events``: the center's settings, its own calendar
overrides, and the audit trail.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

from typing import Any

from tthc.storage.migrations.script import run as _run


def apply(db: Any) -> None:
    """The center's settings, its own calendar overrides, and the audit trail.

    ``events`` is append-only, enforced by the database itself: an UPDATE or DELETE is
    refused by a trigger, so no code path (nor a user with a SQL shell) rewrites history.
    """
    _run(
        db,
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE calendar_days (
            day TEXT PRIMARY KEY,               -- YYYY-MM-DD
            kind TEXT NOT NULL CHECK (kind IN ('off', 'work')),
            name TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL
        );
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            dossier_code TEXT,                  -- NULL for center-wide steps (calendar, config)
            step TEXT NOT NULL,
            happened_at TEXT NOT NULL,          -- when it happened (local Vietnam time)
            recorded_at TEXT NOT NULL,          -- when it was typed in
            actor TEXT NOT NULL,                -- who typed it, not the officer in charge
            details TEXT NOT NULL DEFAULT '{}', -- JSON
            undoes INTEGER REFERENCES events(id)
        );
        CREATE INDEX events_by_dossier ON events (dossier_code, id);
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        """,
    )
