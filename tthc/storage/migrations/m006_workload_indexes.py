"""Migration 6, ``m006_workload_indexes``: indexes for the manager's questions "who carries the
load?" and "what was late?".

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

from typing import Any

from tthc.storage.migrations.script import run as _run


def apply(db: Any) -> None:
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
