"""Migration 4, ``m004_daily_counts``: per-day counts kept by the database as dossiers move, and the
bulk load's way round them.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

from typing import Any

from tthc.storage.migrations.script import run as _run

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


def apply(db: Any) -> None:
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
