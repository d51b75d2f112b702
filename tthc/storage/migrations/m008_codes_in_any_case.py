"""Migration 8, ``m008_codes_in_any_case``: a dossier code is one code in any letter case.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

from typing import Any

from tthc.storage.migrations.script import run as _run


def apply(db: Any) -> None:
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
