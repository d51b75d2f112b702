"""The registers: settings, the center's calendar and rulings, the holidays cache, the
catalog of procedures and fields, officers and points.

The registers' records (:mod:`tthc.core.registry`) are imported where they are built: the
store a clerk's look-up opens reads settings, calendar and holidays only.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from tthc.core.models import Kind
from tthc.storage.conditions import visible_sql
from tthc.storage.connection import Connection
from tthc.storage.records import _iso

if TYPE_CHECKING:
    from tthc.core.registry import CalendarDay, Procedure, Registered

_TABLES: dict[Kind, str] = {"officer": "officers", "point": "points"}


class Registers(Connection):
    """Settings, the calendar, the catalog and the names of officers and points."""

    # -- settings ------------------------------------------------------------------------
    def settings(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self.conn.execute("SELECT key, value FROM settings")}

    def put_setting(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- the center's calendar -----------------------------------------------------------
    def calendar_overrides(self) -> tuple[dict[date, str], dict[date, str]]:
        off: dict[date, str] = {}
        work: dict[date, str] = {}
        for row in self.conn.execute("SELECT day, kind, name FROM calendar_days"):
            (off if row["kind"] == "off" else work)[date.fromisoformat(row["day"])] = row["name"]
        return off, work

    def calendar_day(self, day: date) -> CalendarDay | None:
        from tthc.core.registry import CalendarDay

        row = self.conn.execute("SELECT * FROM calendar_days WHERE day = ?", (day.isoformat(),)).fetchone()
        return None if row is None else CalendarDay(day, row["kind"], row["name"])

    def put_calendar_day(self, day: date, kind: str, name: str, added_at: datetime) -> None:
        self.conn.execute(
            "INSERT INTO calendar_days (day, kind, name, added_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name,"
            " added_at = excluded.added_at",
            (day.isoformat(), kind, name, _iso(added_at)),
        )

    def delete_calendar_day(self, day: date) -> None:
        self.conn.execute("DELETE FROM calendar_days WHERE day = ?", (day.isoformat(),))

    def calendar_rulings(self) -> dict[date, bool]:
        """The center's verdicts on unconfirmed days: True confirmed off, False rejected."""
        rows = self.conn.execute("SELECT day, verdict FROM calendar_rulings")
        return {date.fromisoformat(r["day"]): r["verdict"] == "confirmed" for r in rows}

    def put_calendar_ruling(self, day: date, confirmed: bool, reason: str, decided_at: datetime) -> None:
        self.conn.execute(
            "INSERT INTO calendar_rulings (day, verdict, reason, decided_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (day) DO UPDATE SET verdict = excluded.verdict, reason = excluded.reason,"
            " decided_at = excluded.decided_at",
            (day.isoformat(), "confirmed" if confirmed else "rejected", reason, _iso(decided_at)),
        )

    # -- the holidays package's days, cached ---------------------------------------------------
    def holiday_cache(self, stamp: str) -> dict[int, dict[str, Any]]:
        rows = self.conn.execute("SELECT year, days FROM holiday_cache WHERE stamp = ?", (stamp,))
        return {int(r["year"]): json.loads(r["days"]) for r in rows}

    def put_holiday_cache(self, year: int, stamp: str, days: Mapping[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO holiday_cache (year, stamp, days) VALUES (?, ?, ?)"
            " ON CONFLICT (year) DO UPDATE SET stamp = excluded.stamp, days = excluded.days",
            (year, stamp, json.dumps(days, ensure_ascii=False, sort_keys=True)),
        )

    # -- the catalog -----------------------------------------------------------------------
    def procedure(self, code_or_alias: str) -> Procedure | None:
        key = code_or_alias.strip()
        row = self.conn.execute(
            "SELECT * FROM procedures WHERE code = ? OR alias = ? COLLATE NOCASE", (key, key)
        ).fetchone()
        return None if row is None else _procedure(row)

    def procedures(self, field: str | None = None) -> list[Procedure]:
        if field:
            rows = self.conn.execute(
                "SELECT * FROM procedures WHERE field = ? COLLATE NOCASE ORDER BY field, code", (field,)
            )
        else:
            rows = self.conn.execute("SELECT * FROM procedures ORDER BY field, code")
        return [_procedure(r) for r in rows]

    def put_procedure(self, proc: Procedure, now: datetime, *, new: bool) -> None:
        values = (
            proc.name,
            proc.field,
            proc.limit,
            proc.alias,
            proc.fee,
            int(proc.e_result),
            _iso(now),
            proc.code,
        )
        if new:
            self.conn.execute(
                "INSERT INTO procedures (name, field, time_limit, alias, fee, e_result, updated_at, code, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, _iso(now)),
            )
        else:
            self.conn.execute(
                "UPDATE procedures SET name = ?, field = ?, time_limit = ?, alias = ?, fee = ?, e_result = ?,"
                " updated_at = ? WHERE code = ?",
                values,
            )

    def fields(self) -> list[str]:
        """Every field named in the catalog or by a dossier."""
        rows = self.conn.execute(f"SELECT field FROM procedures UNION SELECT DISTINCT field FROM dossiers WHERE {visible_sql('')}"
        )
        return sorted({r[0] for r in rows})

    # -- officers and points -------------------------------------------------------------
    def names(self, kind: Kind) -> list[Registered]:
        from tthc.core.registry import Registered

        rows = self.conn.execute(f"SELECT * FROM {_TABLES[kind]} ORDER BY name_key")
        return [Registered(r["name"], r["code_prefix"] if kind == "point" else None) for r in rows]

    def find_name(self, kind: Kind, key: str) -> Registered | None:
        from tthc.core.registry import Registered

        row = self.conn.execute(f"SELECT * FROM {_TABLES[kind]} WHERE name_key = ?", (key,)).fetchone()
        if row is None:
            return None
        return Registered(row["name"], row["code_prefix"] if kind == "point" else None)

    def add_name(
        self, kind: Kind, name: str, key: str, added_at: datetime, prefix: str | None = None
    ) -> None:
        if kind == "point":
            self.conn.execute(
                "INSERT INTO points (name, name_key, code_prefix, added_at) VALUES (?, ?, ?, ?)",
                (name, key, prefix, _iso(added_at)),
            )
        else:
            self.conn.execute(
                "INSERT INTO officers (name, name_key, added_at) VALUES (?, ?, ?)",
                (name, key, _iso(added_at)),
            )


def _procedure(row: sqlite3.Row) -> Procedure:
    from tthc.core.registry import Procedure

    return Procedure(
        row["code"],
        row["name"],
        row["field"],
        row["time_limit"],
        row["alias"],
        row["fee"],
        bool(row["e_result"]),
    )
