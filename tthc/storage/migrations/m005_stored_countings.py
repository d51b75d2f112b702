"""Migration 5, ``m005_stored_countings``: each counting stored as the decision it was, filled in by
the rules frozen with it.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

import sqlite3
from typing import Any


def apply(db: Any) -> None:
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

    from tthc.storage.migrations.frozen import m005_countings as frozen

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
