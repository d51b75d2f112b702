"""The audit trail: events appended, read, the steps that still stand, handovers, and the
database's identity.
"""

import json
import os
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from tthc.core.lifecycle import STEPS, undone
from tthc.core.models import Event
from tthc.storage.conditions import standing_sql, visible_event_sql
from tthc.storage.connection import Connection
from tthc.storage.records import _event, _iso


class AuditTrail(Connection):
    """The events of a database: appended only, read in order."""

    # -- the audit trail -----------------------------------------------------------------
    def add_event(
        self,
        *,
        step: str,
        happened_at: datetime,
        recorded_at: datetime,
        actor: str,
        dossier_code: str | None = None,
        details: Mapping[str, Any] | None = None,
        undoes: int | None = None,
        event_id: int | None = None,
        uid: str | None = None,
    ) -> int:
        """Append an event; a new one gets a random uid, a copied one (merge) keeps its own."""
        cur = self.conn.execute(
            "INSERT INTO events (id, dossier_code, step, happened_at, recorded_at, actor, details, undoes, uid)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event_id,
                dossier_code,
                step,
                _iso(happened_at),
                _iso(recorded_at),
                actor,
                json.dumps(dict(details or {}), ensure_ascii=False, sort_keys=True, default=str),
                undoes,
                uid or os.urandom(16).hex(),
            ),
        )
        return int(cur.lastrowid or 0)

    def events(self, dossier_code: str) -> list[Event]:
        """The dossier's audit trail, oldest first, with the import that brought it, if any."""
        rows = self.conn.execute(
            "SELECT * FROM events WHERE dossier_code = ?"
            " OR id = (SELECT imported_by FROM dossiers WHERE code = ?) ORDER BY id",
            (dossier_code, dossier_code),
        ).fetchall()
        return [_event(r) for r in rows]

    def active_steps(self, dossier_code: str) -> list[Event]:
        """The dossier's life-cycle steps that have not been undone (``lifecycle.undone``),
        oldest first."""
        events = self.events(dossier_code)
        gone = undone(events)
        return [e for e in events if e.dossier_code == dossier_code and e.step in STEPS and e.id not in gone]

    def handovers(self, codes: Sequence[str]) -> dict[str, list[Event]]:
        """The handovers still standing (not undone) of many dossiers, oldest first, by code:
        what the log book needs for a whole period in a few queries."""
        out: dict[str, list[Event]] = {}
        for i in range(0, len(codes), 500):
            chunk = list(codes[i : i + 500])
            rows = self.conn.execute(
                "SELECT * FROM events e WHERE e.step = 'handover'"
                f" AND e.dossier_code IN ({', '.join('?' * len(chunk))})"
                f" AND {standing_sql('e')} ORDER BY e.id",
                chunk,
            )
            for r in rows:
                out.setdefault(r["dossier_code"], []).append(_event(r))
        return out

    def next_event_id(self) -> int:
        """The id the next event will get (inside a write transaction nobody else adds one)."""
        return int(self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM events").fetchone()[0])

    def has_event(self, step: str) -> bool:
        return (
            self.conn.execute(
                f"SELECT 1 FROM events WHERE step = ? AND {visible_event_sql()} LIMIT 1", (step,)
            ).fetchone()
            is not None
        )

    def calendar_changes_since(self, event_id: int) -> set[date]:
        """The days the center's calendar changed on, in changes recorded after event ``event_id``."""
        rows = self.conn.execute(
            "SELECT details FROM events WHERE step LIKE 'calendar.%' AND id > ?", (event_id,)
        )
        return {date.fromisoformat(json.loads(r[0])["day"]) for r in rows}

    def identity(self) -> str | None:
        """Which database this is, as its copies (backup, restore, a full copy) keep it: the
        uid of the first event it recorded, its ``init`` (random, never reused). None for a
        database that never recorded anything."""
        row = self.conn.execute("SELECT uid FROM events ORDER BY id LIMIT 1").fetchone()
        return None if row is None else str(row[0])

    def last_step_at(self, code: str) -> datetime | None:
        """When the dossier's latest step that still stands happened."""
        steps = self.active_steps(code)
        return max((e.happened_at for e in steps), default=None)
