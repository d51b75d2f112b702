"""The reporting reads: the province's roll-up rows.
"""

from collections.abc import Iterator
from typing import Any

from tthc.storage.connection import Connection


class Reports(Connection):
    """The reports' reads."""

    def rollup_rows(self) -> Iterator[tuple[Any, ...]]:
        """Every dossier as a province's roll-up reads it: its keys, its moments, what was
        decided (timeliness, the deadline stored now) and whether it had supplement rounds
        (whose due dates in force are read from its life, not from ``deadline``)."""
        yield from self.conn.execute(
            "SELECT d.code, d.procedure_code, d.field, d.channel, d.point, d.officer, d.status,"
            " d.received_at, d.resolved_at, d.outcome, d.timeliness, d.returned_at, d.withdrawn_at,"
            " d.due_date, d.deadline, EXISTS (SELECT 1 FROM pauses p WHERE p.dossier_code = d.code),"
            " d.closed_at FROM dossiers d"
        )

    def codes_with_rounds(self) -> list[str]:
        """The dossiers that ever waited for papers."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT dossier_code FROM pauses")]
