"""Numbered, append-only schema migrations. Never edit one that has shipped: add the next.

Each migration says why it exists. ``PRAGMA user_version`` mirrors how many have run so the
clerk's hot path can tell an up-to-date file without importing sqlite-utils.
"""

import sqlite3
from typing import Any

MIGRATION_NAMES = (
    "m001_calendar_settings_events",
    "m002_catalog_and_dossiers",
    "m003_holiday_cache",
    "m004_daily_counts",
    "m005_stored_countings",
    "m006_workload_indexes",
    "m007_points",
    "m008_codes_in_any_case",
    "m009_names_without_diacritics",
    "m010_calendar_rulings",
    "m011_scorecard_facts_and_ratings",
    "m012_merge_conflicts",
    "m013_decree_118_duties",
    "m014_worklist_sections_indexed",
    "m016_search_index_and_monthly_counts",
    "m017_hidden_import_batch",
)
LATEST = len(MIGRATION_NAMES)


def _m001(db: Any) -> None:
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


def _m002(db: Any) -> None:
    """The procedure catalog, registered officers and points, and the dossiers.

    A dossier keeps the limit and field it was received under (a later catalog edit never
    moves an issued appointment) and its current due date, deadline and timeliness, so
    worklists and summaries are plain indexed queries. Sequences are never reused.
    """
    _run(db, _M002_SCHEMA)


def _m003(db: Any) -> None:
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


_COUNT_KEY = "procedure_code, field, channel, point, officer"


def _contribution(row: str, sign: str) -> str:
    """SQL adding (sign '+') or removing ('-') one dossier row's counts to ``daily_counts``."""
    key = f"{row}.procedure_code, {row}.field, {row}.channel, coalesce({row}.point, ''), coalesce({row}.officer, '')"
    upsert = (
        "ON CONFLICT (day, procedure_code, field, channel, point, officer) DO UPDATE SET"
        " received = received + excluded.received, early = early + excluded.early,"
        " on_time = on_time + excluded.on_time, late = late + excluded.late,"
        " withdrawn = withdrawn + excluded.withdrawn"
    )
    cols = f"(day, {_COUNT_KEY}, received, early, on_time, late, withdrawn)"
    return (
        f"INSERT INTO daily_counts {cols} SELECT substr({row}.received_at, 1, 10), {key}, {sign}1, 0, 0, 0, 0"
        f" WHERE 1 {upsert};\n"
        f"INSERT INTO daily_counts {cols} SELECT substr({row}.resolved_at, 1, 10), {key}, 0,"
        f" {sign}({row}.timeliness = 'early'), {sign}({row}.timeliness = 'on_time'), {sign}({row}.timeliness = 'late'), 0"
        f" WHERE {row}.resolved_at IS NOT NULL {upsert};\n"
        f"INSERT INTO daily_counts {cols} SELECT substr({row}.withdrawn_at, 1, 10), {key}, 0, 0, 0, 0, {sign}1"
        f" WHERE {row}.withdrawn_at IS NOT NULL {upsert};"
    )


def _m004(db: Any) -> None:
    """Per-day counts kept by the database as dossiers move, for fast summaries.

    A period summary over a million dossiers must not rescan them all. ``daily_counts``
    holds, per day and per (procedure, field, channel, point, officer), how many dossiers
    were received, resolved early / on time / late, and withdrawn on that day. Triggers on
    ``dossiers`` keep it exact through every insert, update, undo and delete, so no code
    path can forget it. Carried-over and pending follow from running sums; only the few
    dossiers open at a report's snapshot are read row by row (by the end-time index).
    """
    # A bulk import sets the marker row inside its own transaction, skips the per-row upkeep
    # and adds its rows' counts in one aggregate at the end (see backfill_counts).
    when = f"WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = '{BULK_MARKER}')"
    triggers = [
        ("dossiers_count_insert", f"AFTER INSERT ON dossiers {when}", _contribution("NEW", "+")),
        ("dossiers_count_delete", f"AFTER DELETE ON dossiers {when}", _contribution("OLD", "-")),
        (
            "dossiers_count_update",
            "AFTER UPDATE OF received_at, resolved_at, timeliness, withdrawn_at, procedure_code, field,"
            f" channel, point, officer ON dossiers {when}",
            _contribution("OLD", "-") + "\n" + _contribution("NEW", "+"),
        ),
    ]
    _run(
        db,
        f"""
        CREATE TABLE daily_counts (
            day TEXT NOT NULL,                  -- YYYY-MM-DD of the receipt, resolution or withdrawal
            procedure_code TEXT NOT NULL,
            field TEXT NOT NULL,
            channel TEXT NOT NULL,
            point TEXT NOT NULL,                -- '' when none
            officer TEXT NOT NULL,              -- '' when none
            received INTEGER NOT NULL DEFAULT 0,
            early INTEGER NOT NULL DEFAULT 0,
            on_time INTEGER NOT NULL DEFAULT 0,
            late INTEGER NOT NULL DEFAULT 0,
            withdrawn INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (day, {_COUNT_KEY})
        ) WITHOUT ROWID;
        CREATE INDEX dossiers_by_end ON dossiers (coalesce(resolved_at, withdrawn_at));
        """,
    )
    for name, when, body in triggers:
        db.execute(f"CREATE TRIGGER {name} {when} BEGIN\n{body}\nEND")
    backfill_counts(db.execute)


BULK_MARKER = "_bulk_import"


def backfill_counts(execute: Any, after_rowid: int | None = None) -> None:
    """Add the counts of existing dossiers (all, or those after a rowid) to ``daily_counts``."""
    where = "" if after_rowid is None else f" AND rowid > {int(after_rowid)}"
    for day, extra in (
        ("received_at", "count(*), 0, 0, 0, 0"),
        (
            "resolved_at",
            "0, sum(timeliness = 'early'), sum(timeliness = 'on_time'), sum(timeliness = 'late'), 0",
        ),
        ("withdrawn_at", "0, 0, 0, 0, count(*)"),
    ):
        execute(
            f"INSERT INTO daily_counts (day, {_COUNT_KEY}, received, early, on_time, late, withdrawn)"
            f" SELECT substr({day}, 1, 10), procedure_code, field, channel, coalesce(point, ''),"
            f" coalesce(officer, ''), {extra} FROM dossiers WHERE {day} IS NOT NULL{where}"
            " GROUP BY 1, 2, 3, 4, 5, 6"
            " ON CONFLICT (day, procedure_code, field, channel, point, officer) DO UPDATE SET"
            " received = received + excluded.received, early = early + excluded.early,"
            " on_time = on_time + excluded.on_time, late = late + excluded.late,"
            " withdrawn = withdrawn + excluded.withdrawn"
        )


def _run(db: Any, script: str) -> None:
    # Not executescript(): it commits first, which would break the migration's transaction.
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)


def _m005(db: Any) -> None:
    """Each counting is stored as the decision it was, so no view recomputes the past.

    Before, a dossier kept only its current due date; the due date given at receipt and the
    one each supplement round produced were recomputed under today's office hours and
    cut-off, so views disagreed after a settings change and undo did not restore. Now the
    receipt keeps its count (unit and amount from the effective receipt) and its due date;
    each round keeps the time left fixed at the request and the count and due date of its
    resume. An apology keeps whether it came in time; an imported dossier keeps the import's
    audit event. Older files are filled in by replaying their rounds once, under the
    settings and calendar they hold now.
    """
    for statement in (
        "ALTER TABLE dossiers ADD COLUMN receipt_unit TEXT CHECK (receipt_unit IN ('wd', 'd', 'min'))",
        "ALTER TABLE dossiers ADD COLUMN receipt_amount INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE dossiers ADD COLUMN receipt_due_at TEXT",
        "ALTER TABLE dossiers ADD COLUMN apology_in_time INTEGER",
        "ALTER TABLE dossiers ADD COLUMN imported_by INTEGER REFERENCES events(id) DEFERRABLE INITIALLY DEFERRED",
        "ALTER TABLE pauses ADD COLUMN time_left INTEGER",
        "ALTER TABLE pauses ADD COLUMN resume_anchor TEXT",
        "ALTER TABLE pauses ADD COLUMN resume_unit TEXT CHECK (resume_unit IN ('wd', 'd', 'min'))",
        "ALTER TABLE pauses ADD COLUMN resume_amount INTEGER",
        "ALTER TABLE pauses ADD COLUMN resume_due_at TEXT",
    ):
        db.execute(statement)
    _replay_countings(db.conn)


def _replay_countings(conn: sqlite3.Connection) -> None:
    """Fill in the countings by the rules frozen with this migration (never today's)."""
    from datetime import datetime

    from tthc.storage.frozen import m005_countings as frozen

    conn.row_factory = sqlite3.Row
    cal = frozen.Calendar(conn)
    pauses: dict[str, list[sqlite3.Row]] = {}
    for p in conn.execute("SELECT * FROM pauses ORDER BY id"):
        pauses.setdefault(p["dossier_code"], []).append(p)
    for d in conn.execute("SELECT * FROM dossiers").fetchall():
        limit = frozen.parse_limit(d["time_limit"])
        eff = datetime.fromisoformat(d["effective_receipt"])
        own = pauses.get(d["code"], [])
        given = datetime.fromisoformat(d["imported_due_at"]) if d["due_source"] == "imported" else None
        if given is not None:
            receipt = frozen.Counting(eff, None, 0, given)
        elif not own:  # the stored due date is the receipt's: keep it, and read the count off it
            due_at = datetime.fromisoformat(d["due_at"])
            unit, amount = cal.count_of(limit, eff)
            if limit.unit == "same-day":
                amount = 0 if due_at.date() == eff.date() else 1
            receipt = frozen.Counting(eff, unit, amount, due_at)
        else:
            receipt = cal.fresh(limit, datetime.fromisoformat(d["received_at"]))
        steps = [
            (
                datetime.fromisoformat(p["paused_at"]),
                datetime.fromisoformat(p["resumed_at"]) if p["resumed_at"] else None,
                "freeze" if p["policy"] == "freeze" else "restart",
            )
            for p in own
        ]
        rounds = frozen.replay(cal, limit, receipt, steps, given)
        conn.execute(
            "UPDATE dossiers SET receipt_unit = ?, receipt_amount = ?, receipt_due_at = ? WHERE code = ?",
            (receipt.unit, receipt.amount, receipt.due_at.isoformat(), d["code"]),
        )
        for p, r in zip(own, rounds, strict=True):
            c = r.counting
            conn.execute(
                "UPDATE pauses SET time_left = ?, resume_anchor = ?, resume_unit = ?, resume_amount = ?,"
                " resume_due_at = ? WHERE id = ?",
                (
                    r.left,
                    c.anchor.isoformat() if c else None,
                    c.unit if c else None,
                    c.amount if c else None,
                    c.due_at.isoformat() if c else None,
                    p["id"],
                ),
            )


def _m006(db: Any) -> None:
    """Indexes for the manager's questions "who carries the load?" and "what was late?".

    Handovers and undos in a period are found by step and moment, not by scanning the whole
    audit trail (four or five events a dossier); the dossiers resolved late by a small
    partial index, not by reading every dossier resolved in the period to find the few late.
    """
    _run(
        db,
        """
        CREATE INDEX events_by_step ON events (step, happened_at);
        CREATE INDEX dossiers_late ON dossiers (resolved_at) WHERE timeliness = 'late';
        """,
    )


def _m007(db: Any) -> None:
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


def _m008(db: Any) -> None:
    """A dossier code is one code in any letter case: ``x-250908-0001`` typed by hand must
    not stand beside ``X-250908-0001``, nor take the number of an undone receipt spelled in
    another case. Looking a code up without regard to case needs indexes that compare so;
    the primary key and ``events_by_dossier`` compare exactly. The indexes are not unique: a
    file from before may already hold two such codes, and it must still open."""
    _run(
        db,
        """
        CREATE INDEX dossiers_by_code_nocase ON dossiers (code COLLATE NOCASE);
        CREATE INDEX events_by_code_nocase ON events (dossier_code COLLATE NOCASE);
        """,
    )


def _m009(db: Any) -> None:
    """One person, one officer: "Nguyen Thi Lan" typed on a keyboard without Vietnamese is the
    officer "Nguyễn Thị Lan", not a second one whose work is counted apart (and so for
    reception points). ``name_key`` held the name in lower case; it now holds it without
    diacritics too (đ as d), spaces collapsed, so its UNIQUE constraint refuses such a twin.

    A file from before may already hold two such names. Nothing is deleted or renamed (each
    keeps its dossiers): in each group the row whose old key already is the new one, else the
    first registered, takes the new key; the others keep their old key, which no other name
    can take, and ``officer list`` / ``point list`` name them. The folding is written out
    here, as it was when this migration shipped."""
    import unicodedata

    def key(name: str) -> str:
        text = name.replace("đ", "d").replace("Đ", "D")
        bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
        return " ".join(unicodedata.normalize("NFC", bare).casefold().split())

    conn: sqlite3.Connection = db.conn
    for table in ("officers", "points"):
        groups: dict[str, list[tuple[int, str]]] = {}
        for row in conn.execute(f"SELECT id, name, name_key FROM {table} ORDER BY id").fetchall():
            groups.setdefault(key(row[1]), []).append((row[0], row[2]))
        for new, rows in groups.items():
            holder = next((r for r in rows if r[1] == new), rows[0])
            if holder[1] != new:
                conn.execute(f"UPDATE {table} SET name_key = ? WHERE id = ?", (new, holder[0]))


def _m010(db: Any) -> None:
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


def _m011(db: Any) -> None:
    """The facts the province's scorecard (Decision 766) counts, and the citizen's rating.

    Per dossier: the fee or charge and how it was paid (cash, online, exempt), whether it was
    digitised at receipt, whether data already held was reused instead of asking for papers,
    and whether its result was issued electronically (NULL until resolved). Per procedure:
    whether its result is issued electronically, the default for its dossiers. Older dossiers
    get "not digitised, nothing reused, fee unknown": the record never said otherwise.

    ``ratings`` holds the citizen's one rating of a dossier (Decree 118 Art. 31, 33). It is a
    table of its own, not columns of ``dossiers``, so the web page's writing connection can be
    allowed to insert into it and nothing else; the primary key keeps it to one per dossier.
    """
    _run(
        db,
        """
        ALTER TABLE procedures ADD COLUMN e_result INTEGER NOT NULL DEFAULT 0 CHECK (e_result IN (0, 1));
        ALTER TABLE dossiers ADD COLUMN fee INTEGER CHECK (fee >= 0);
        ALTER TABLE dossiers ADD COLUMN payment TEXT CHECK (payment IN ('cash', 'online', 'exempt'));
        ALTER TABLE dossiers ADD COLUMN digitised INTEGER NOT NULL DEFAULT 0 CHECK (digitised IN (0, 1));
        ALTER TABLE dossiers ADD COLUMN data_reused INTEGER NOT NULL DEFAULT 0 CHECK (data_reused IN (0, 1));
        ALTER TABLE dossiers ADD COLUMN e_result INTEGER CHECK (e_result IN (0, 1));
        CREATE TABLE ratings (
            dossier_code TEXT PRIMARY KEY REFERENCES dossiers(code),
            rating TEXT NOT NULL CHECK (rating IN ('satisfied', 'acceptable', 'unsatisfied')),
            comment TEXT,
            rated_at TEXT NOT NULL,
            via TEXT NOT NULL CHECK (via IN ('counter', 'tablet'))
        );
        CREATE INDEX ratings_by_time ON ratings (rated_at);
        """,
    )


def _m012(db: Any) -> None:
    """The evening exchange must never block for good, and must never mix two centers.

    - ``merge_conflicts`` holds the dossiers a merge set aside: the two points recorded
      steps that cannot both stand, or edited one field to two values. The rest of the file
      merges; each held dossier waits here, with what differs, for the manager's
      ``merge FILE --keep here|there CODE``. A later merge that finds no conflict for the
      code, or the decision, removes its row.
    The setting ``center_id``, drawn at ``init`` and carried by every copy, says which center
    a database belongs to; a database from before has none and is told apart by its unit code
    alone, so this migration does not make one up.
    """
    _run(
        db,
        """
        CREATE TABLE merge_conflicts (
            code TEXT PRIMARY KEY,          -- the dossier held aside
            source TEXT NOT NULL,           -- the file it came from
            conflicts TEXT NOT NULL,        -- JSON: what differs, as message keys and values
            found_at TEXT NOT NULL
        );
        """,
    )


def _old_uid(*fields: Any) -> str:
    """The uid of an event recorded before events had one: a hash of what it says."""
    import hashlib
    import json

    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


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


def _m013(db: Any) -> None:
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


def _m014(db: Any) -> None:
    """The morning worklist reads only today's work, however long the history.

    Its "waiting for papers" and "results to collect" sections, and the footer that counts
    them, asked for every dossier of one status; with no index on ``status`` that read the
    whole table (4 s at ten million dossiers). Two partial indexes hold just those rows: the
    paused dossiers by deadline, the results not yet returned by when they were resolved (the
    order the waiting-room board reads them in). A third holds the dossiers received for
    another authority and not yet sent on, for the section of forwards due (the index of all
    those ever received for another authority grows with the history). Each is as small as
    its section: 0.7 MB for 23,000 uncollected results in a file of ten million dossiers,
    where an index on ``status`` takes 172 MB. The citizens to tell (``list --to-notify``)
    are found through the indexes of open dossiers and of uncollected results.
    """
    _run(
        db,
        """
        CREATE INDEX dossiers_paused ON dossiers (deadline, received_at) WHERE status = 'paused';
        CREATE INDEX dossiers_to_collect ON dossiers (coalesce(resolved_at, withdrawn_at))
            WHERE status = 'resolved';
        CREATE INDEX dossiers_to_forward ON dossiers (received_at)
            WHERE for_authority IS NOT NULL AND forwarded_at IS NULL;
        """,
    )


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


def _m016(db: Any) -> None:
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


def _m017(db: Any) -> None:
    """A big import is copied into the live tables in short transactions, unseen until done.

    Copying a million staged dossiers in one transaction held the write lock for 8 to 12 s
    (the rows, their indexes, the search words, the commit), and a clerk's receipt waited as
    long. Now the rows go in a few thousand at a time, each step a short transaction, under
    rowids set aside for the import: ``hidden_batch`` holds that range (``lo`` to ``hi``), the
    import's audit event and its scratch folder. Every query over the dossiers leaves the
    range out (``conditions.visible_sql``) while the row is there; the last step adds the
    counts and deletes the row, so the whole import appears in one short commit. A batch
    whose import was killed stays unseen and is removed by the next import.
    """
    _run(
        db,
        """
        CREATE TABLE hidden_batch (
            lo INTEGER NOT NULL,        -- the first rowid of dossiers set aside for the import
            hi INTEGER NOT NULL,        -- the last
            event_id INTEGER NOT NULL,  -- the import's audit event, unseen until the flip
            folder TEXT NOT NULL        -- the import's scratch folder: its lock tells a live import
        );
        """,
    )


_FUNCTIONS = (
    _m001,
    _m002,
    _m003,
    _m004,
    _m005,
    _m006,
    _m007,
    _m008,
    _m009,
    _m010,
    _m011,
    _m012,
    _m013,
    _m014,
    _m016,
    _m017,
)


def migrate(conn: sqlite3.Connection, *, upto: int = LATEST) -> None:
    """Apply pending migrations (each in its own transaction) up to number ``upto``."""
    import sqlite_utils  # schema work only: not on the clerk's hot path

    migrations = sqlite_utils.Migrations("tthc")
    for name, fn in zip(MIGRATION_NAMES[:upto], _FUNCTIONS[:upto], strict=True):
        migrations(name=name)(fn)
    db = sqlite_utils.Database(conn)
    migrations.apply(db)
    conn.execute(f"PRAGMA user_version = {upto}")
