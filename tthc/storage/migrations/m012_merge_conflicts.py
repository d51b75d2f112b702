"""Migration 12, ``m012_merge_conflicts``: the dossiers a merge set aside, waiting for the manager's
decision.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

from typing import Any

from tthc.storage.migrations.script import run as _run


def apply(db: Any) -> None:
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
