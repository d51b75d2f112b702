"""Migration 18, ``m018_end_index_with_receipt``: the dossiers open at a past moment are found
without reading every dossier ended after it.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

from typing import Any

from tthc.storage.migrations.script import run as _run


def apply(db: Any) -> None:
    """The dossiers open at a past moment are found without reading every one ended after it.

    A summary counts the dossiers still open at its snapshot, and the scorecard the ones
    resolved in its period but received before it: both ask for dossiers ended after one
    moment *and* received before another. The index of dossiers by end (``dossiers_by_end``)
    held the end only, so each dossier ended after the moment was read from the table to look
    at its receipt: a January summary of a center with a million dossiers a year read nearly
    all of them, and the manager's page of the last twelve months took 10 s. The index now
    holds the receipt after the end, so only the dossiers that answer are read (0.6 s for the
    twelve months). It is about 20 bytes a dossier larger.
    """
    _run(
        db,
        """
        DROP INDEX dossiers_by_end;
        CREATE INDEX dossiers_by_end ON dossiers (coalesce(resolved_at, withdrawn_at), received_at);
        """,
    )
