"""Migration 11, ``m011_scorecard_facts_and_ratings``: the facts the province's scorecard (Decision
766) counts, and the citizen's rating.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

from typing import Any

from tthc.storage.migrations.script import run as _run


def apply(db: Any) -> None:
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
