"""Migration 7, ``m007_points``: two reception points, each on its own PC, that exchange their
databases.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

import sqlite3
from typing import Any


def apply(db: Any) -> None:
    """Two reception points, each on its own PC, that exchange their databases.

    Merging needs to know which events the other file already shares with this one, and a
    point's PC must never give a code the other point's PC gives. So:

    - every event gets a ``uid``, unique across databases: a new event takes a random one
      (``Store.add_event``); an event recorded before this migration takes a hash of what it
      says (its id, dossier, step, moments, actor and details), so two copies of one old
      file upgraded apart still agree on every uid. Filling the column means updating the
      append-only table once: its no-update trigger is lifted for that one statement and
      put back as it was, in the same transaction. A new trigger refuses an event without
      a uid;
    - ``code_sequences`` is kept per unit code, day *and block*: each point's PC numbers
      dossiers in its own block of the day's numbers (0001–4999, 5001–9999 …). A primary
      key can only change by rebuilding the table in SQLite: the rows are copied into the
      new table, all under block 1 (the numbers from 0001 a PC gave before), then the old
      table goes.
    """
    conn: sqlite3.Connection = db.conn
    conn.create_function("tthc_old_uid", 7, _old_uid, deterministic=True)
    no_update = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events_no_update'").fetchone()[0]
    for statement in (
        "ALTER TABLE events ADD COLUMN uid TEXT",
        "DROP TRIGGER events_no_update",
        "UPDATE events SET uid = tthc_old_uid(id, dossier_code, step, happened_at, recorded_at, actor, details)",
        no_update,
        "CREATE UNIQUE INDEX events_by_uid ON events (uid)",
        "CREATE TRIGGER events_need_uid BEFORE INSERT ON events WHEN NEW.uid IS NULL\n"
        "        BEGIN SELECT RAISE(ABORT, 'an event needs a uid'); END",
        """CREATE TABLE code_sequences_by_block (
            prefix TEXT NOT NULL,
            day TEXT NOT NULL,                  -- YYMMDD
            block INTEGER NOT NULL DEFAULT 1,   -- the first number of the PC's block
            last INTEGER NOT NULL,
            PRIMARY KEY (prefix, day, block)
        )""",
        "INSERT INTO code_sequences_by_block (prefix, day, block, last) SELECT prefix, day, 1, last FROM code_sequences",
        "DROP TABLE code_sequences",
        "ALTER TABLE code_sequences_by_block RENAME TO code_sequences",
    ):
        conn.execute(statement)


def _old_uid(*fields: Any) -> str:
    """The uid of an event recorded before events had one: a hash of what it says."""
    import hashlib
    import json

    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]
