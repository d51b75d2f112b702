"""Migration 2, ``m002_catalog_and_dossiers``: the procedure catalog, registered officers and
points, and the dossiers.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

from typing import Any

from tthc.storage.migrations.script import run as _run

_M002_SCHEMA = """
        CREATE TABLE procedures (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            field TEXT NOT NULL,
            time_limit TEXT NOT NULL,
            alias TEXT UNIQUE COLLATE NOCASE,
            fee INTEGER,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE officers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,      -- casefolded: "Lan" and "lan" are one person
            added_at TEXT NOT NULL
        );
        CREATE TABLE points (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            code_prefix TEXT,                   -- a point with its own unit code numbers alone
            added_at TEXT NOT NULL
        );
        CREATE TABLE dossiers (
            code TEXT PRIMARY KEY,
            procedure_code TEXT NOT NULL REFERENCES procedures(code),
            field TEXT NOT NULL,
            applicant TEXT NOT NULL,
            search_text TEXT NOT NULL,          -- folded: no diacritics, lower case
            id_number TEXT,
            phone TEXT,
            address TEXT,
            note TEXT,
            channel TEXT NOT NULL CHECK (channel IN ('direct', 'online', 'postal')),
            point TEXT,
            officer TEXT,
            time_limit TEXT NOT NULL,
            limit_overridden INTEGER NOT NULL DEFAULT 0,
            received_at TEXT NOT NULL,
            effective_receipt TEXT NOT NULL,
            due_date TEXT,                      -- NULL while paused for a supplement
            due_at TEXT,
            deadline TEXT,
            due_source TEXT NOT NULL DEFAULT 'computed' CHECK (due_source IN ('computed', 'imported')),
            imported_due_at TEXT,               -- a due date migrated from another system, kept
            status TEXT NOT NULL CHECK (status IN ('processing', 'paused', 'resolved', 'returned', 'withdrawn')),
            paused_at TEXT,
            resolved_at TEXT,
            outcome TEXT CHECK (outcome IN ('approved', 'rejected')),
            timeliness TEXT CHECK (timeliness IN ('early', 'on_time', 'late')),
            returned_at TEXT,
            withdrawn_at TEXT,
            apology_at TEXT,
            apology_date TEXT,
            apology_reason TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX dossiers_open ON dossiers (deadline, received_at, due_date, code, procedure_code, field,
            channel, point, officer) WHERE status IN ('processing', 'paused');
        CREATE INDEX dossiers_by_received ON dossiers (received_at);
        CREATE TABLE pauses (
            id INTEGER PRIMARY KEY,
            dossier_code TEXT NOT NULL REFERENCES dossiers(code),
            paused_at TEXT NOT NULL,
            resumed_at TEXT,
            policy TEXT NOT NULL CHECK (policy IN ('restart', 'freeze')),
            reason TEXT
        );
        CREATE INDEX pauses_by_dossier ON pauses (dossier_code, id);
        CREATE TABLE code_sequences (
            prefix TEXT NOT NULL,
            day TEXT NOT NULL,                  -- YYMMDD
            last INTEGER NOT NULL,
            PRIMARY KEY (prefix, day)
        );
        """


def apply(db: Any) -> None:
    """The procedure catalog, registered officers and points, and the dossiers.

    A dossier keeps the limit and field it was received under (a later catalog edit never
    moves an issued appointment) and its current due date, deadline and timeliness, so
    worklists and summaries are plain indexed queries. Sequences are never reused.
    """
    _run(db, _M002_SCHEMA)
