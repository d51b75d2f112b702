"""Migration 17, ``m017_hidden_import_batch``: a big import is copied in short steps, unseen
until its last one.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

from typing import Any

from tthc.storage.migrations.script import run as _run


def apply(db: Any) -> None:
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
