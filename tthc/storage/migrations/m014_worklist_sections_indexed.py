"""Migration 14, ``m014_worklist_sections_indexed``: the morning worklist reads only today's work,
however long the history.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

from typing import Any

from tthc.storage.migrations.script import run as _run


def apply(db: Any) -> None:
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
