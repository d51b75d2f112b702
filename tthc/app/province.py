"""A province on one screen: each center's dossiers exported as Parquet, and DuckDB reading
many centers' exports at once for the II.06a per center and in total.

An export holds what tthc decided about each dossier (timeliness, the deadline stored, its
status), never a rule to run again: the reader counts. A dossier that waited for papers
also carries its *spans* (``deadlines.due_spans``): the due date in force between each of
its steps, so a snapshot anywhere in the past finds the deadline in force then, exactly as
``tthc summary`` judges it. Every figure of a roll-up therefore equals the sum of what each
center's own summary says for the same period.

The Parquet files are written by DuckDB's own writer, partitioned by year of receipt. A
re-export writes a new version beside the old and then moves one pointer file (``current``)
in a single rename, so a reader never meets a half-written export. DuckDB is imported here
only, and only by ``rollup`` and ``export --parquet`` (the ``province`` extra).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.app.summary import Figures, Summary, events_before, reached, snapshot_of
from tthc.core.deadlines import due_spans
from tthc.core.errors import TthcError
from tthc.core.periods import Period, months_in
from tthc.storage.conditions import channel_sql, open_at_sql, overdue_sql
from tthc.storage.sheets import data_writer

if TYPE_CHECKING:
    from tthc.storage.store import Store

#: The columns of an export's dossiers, with their Parquet (DuckDB) types.
DOSSIER_COLUMNS = {
    "center": "VARCHAR",
    "unit_code": "VARCHAR",
    "code": "VARCHAR",
    "procedure_code": "VARCHAR",
    "field": "VARCHAR",
    "channel": "VARCHAR",
    "point": "VARCHAR",
    "officer": "VARCHAR",
    "status": "VARCHAR",
    "received_at": "TIMESTAMP",
    "resolved_at": "TIMESTAMP",
    "outcome": "VARCHAR",
    "timeliness": "VARCHAR",
    "returned_at": "TIMESTAMP",
    "withdrawn_at": "TIMESTAMP",
    "due_date": "DATE",
    "deadline": "TIMESTAMP",
    "has_rounds": "BOOLEAN",
    "closed_at": "TIMESTAMP",  # papers never came (Decree 118 Art. 19.5): ended without a result
    "year": "INTEGER",
}
#: The spans of the dossiers that waited for papers: (after, until] → deadline, or paused.
SPAN_COLUMNS = {
    "unit_code": "VARCHAR",
    "code": "VARCHAR",
    "after": "TIMESTAMP",
    "until": "TIMESTAMP",
    "deadline": "TIMESTAMP",
    "paused": "BOOLEAN",
    "year": "INTEGER",
}
POINTER = "current"
IDENTITY = "center.json"
BY_KEYS = ("center", "field", "procedure", "month")
_GROUP = {"center": "unit_code", "field": "field", "procedure": "procedure_code", "month": None}


@dataclass(frozen=True)
class Exported:
    center: str
    unit_code: str
    dossiers: int
    path: Path


def export_parquet(store: Store, center: str, unit_code: str, dest: Path) -> Exported:
    """Write the center's dossiers (and spans) to ``dest`` as a new version, then point
    ``dest/current`` at it; the version before stays until the next export."""
    import duckdb

    dest.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    name = f"v-{stamp}-{secrets.token_hex(3)}"
    building = dest / f".{name}"
    count = 0
    with tempfile.TemporaryDirectory(prefix="tthc-parquet-") as tmp:
        dossiers_csv, spans_csv = Path(tmp) / "dossiers.csv", Path(tmp) / "spans.csv"
        with dossiers_csv.open("w", encoding="utf-8", newline="") as fh:
            writer = data_writer(fh)
            for row in store.rollup_rows():
                writer.writerow([center, unit_code, *row[:15], int(bool(row[15])), row[16], row[7][:4]])
                count += 1
        lives = store.lives(store.codes_with_rounds())
        with spans_csv.open("w", encoding="utf-8", newline="") as fh:
            writer = data_writer(fh)
            for code, life in lives.items():
                for span in due_spans(life.receipt, life.rounds):
                    deadline = span.due.deadline if span.due is not None else None
                    writer.writerow(
                        [
                            unit_code,
                            code,
                            span.after,
                            span.until,
                            deadline,
                            int(span.due is None),
                            life.received_at.year,
                        ]
                    )
        building.mkdir()
        conn = duckdb.connect()
        try:
            for table, columns, source in (
                ("dossiers", DOSSIER_COLUMNS, dossiers_csv),
                ("spans", SPAN_COLUMNS, spans_csv),
            ):
                target = building / table
                target.mkdir()
                if source.stat().st_size:  # an empty table has no file: a reader finds none
                    conn.execute(f"CREATE TABLE {table} AS {_read_csv(source, columns)}")
                    conn.execute(
                        f"COPY {table} TO '{_sql_path(target)}' (FORMAT parquet, PARTITION_BY (year), OVERWRITE_OR_IGNORE)"
                    )
        finally:
            conn.close()
    (building / IDENTITY).write_text(
        json.dumps({"center": center, "unit_code": unit_code, "dossiers": count}, ensure_ascii=False),
        encoding="utf-8",
    )
    final = dest / name
    building.rename(final)
    previous = _current(dest)
    pointer = dest / f".{POINTER}-{secrets.token_hex(3)}"
    pointer.write_text(name, encoding="utf-8")
    os.replace(pointer, dest / POINTER)  # the one moment the new export becomes the export
    for old in dest.glob("v-*"):
        if old.name not in (name, previous):
            shutil.rmtree(old, ignore_errors=True)
    return Exported(center, unit_code, count, final)


def _current(dest: Path) -> str | None:
    pointer = dest / POINTER
    return pointer.read_text(encoding="utf-8").strip() if pointer.is_file() else None


def _read_csv(path: Path, columns: dict[str, str]) -> str:
    spec = ", ".join(f"'{name}': '{kind}'" for name, kind in columns.items())
    return (
        f"SELECT * FROM read_csv('{_sql_path(path)}', header = false, columns = {{{spec}}},"
        " quote = '\"', escape = '\"', nullstr = '', delim = ',')"
    )


def _sql_path(path: Path) -> str:
    return path.resolve().as_posix().replace("'", "''")


# -- reading many centers ----------------------------------------------------------------------
@dataclass
class Rollup:
    """A province's figures: per group (a center, a field …) and in total, for one period."""

    summary: Summary
    centers: dict[str, str] = field(default_factory=dict)  # unit code → center name
    #: With ``detail``: each center's own figures by field, for its sheet of the workbook.
    by_center: dict[str, Summary] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        s = self.summary
        if s.by == "center":
            rows = [{"center": self.centers[k or ""], "unit_code": k, **f.as_json()} for k, f in s.groups]
            return {"period": s.period.as_json(), "centers": rows, "total": s.total.as_json()}
        out = s.as_json()
        out["centers"] = [{"center": n, "unit_code": u} for u, n in sorted(self.centers.items())]
        return out


#: An export folder to read, and the path a person named it by: the folder itself, or the
#: center's ``.db`` it was exported from on the fly (a refusal names what the person gave).
Source = tuple[Path, Path]


def exports_in(paths: Sequence[Path], scratch: Path, open_db: Any) -> list[Source]:
    """The export folders named: an export itself, a folder of exports, or a center's ``.db``
    (exported on the fly into ``scratch`` with ``open_db(path) -> (store, center, unit)``)."""
    found: list[Source] = []
    for i, path in enumerate(paths):
        if path.is_file():
            with open_db(path) as (store, center, unit):
                found.append((export_parquet(store, center, unit, scratch / f"db-{i}").path.parent, path))
        elif (path / POINTER).is_file():
            found.append((path, path))
        elif path.is_dir() and (inner := sorted(p for p in path.iterdir() if (p / POINTER).is_file())):
            found += [(p, p) for p in inner]
        else:
            raise TthcError("{path}: neither a center's export (made by `tthc export --parquet`), a folder of exports, nor a .db file", path=path)
    return found


def rollup(
    exports: Sequence[Source], period: Period, by: str, now: datetime, *, detail: bool = False
) -> Rollup:
    """The II.06a figures of every center in ``exports`` for ``period``, grouped ``by``;
    with ``detail``, each center's figures by field too."""
    import duckdb

    if by not in BY_KEYS:
        raise TthcError("bad --by {by!r}: expected one of {choices}", by=by, choices=", ".join(BY_KEYS))
    if period.start > now.date():
        raise TthcError("the period starts {day:%d/%m/%Y}, after today", day=period.start)
    conn = duckdb.connect()
    try:
        centers = _load(conn, exports)
        if by == "month":
            groups: list[tuple[str | None, Figures]] = []
            for label, window in months_in(period):
                if window.start > now.date():
                    break
                groups.append((label, _figures(conn, None, window, now).get(None, Figures())))
            total = _figures(conn, None, period, now).get(None, Figures())
        else:
            per = _figures(conn, _GROUP[by], period, now)
            if by == "center":
                per = {unit: per.get(unit, Figures()) for unit in centers}
            total = Figures()
            for fig in per.values():
                total.add(fig)
            groups = sorted(per.items(), key=lambda kv: _order(by, kv, centers))
        snapshot = snapshot_of(period, now)
        by_center = {}
        for unit in centers if detail else ():
            fields = _figures(conn, "field", period, now, unit)
            own = Figures()
            for fig in fields.values():
                own.add(fig)
            ordered = sorted(fields.items(), key=lambda kv: _order("field", kv, centers))
            by_center[unit] = Summary(period, "field", ordered, own, snapshot)
    finally:
        conn.close()
    return Rollup(Summary(period, by, groups, total, snapshot), centers, by_center)


def _order(by: str, item: tuple[str | None, Figures], centers: dict[str, str]) -> tuple[Any, ...]:
    key, fig = item
    if by == "center":  # ranked: the best on-time rate first, a center with nothing resolved last
        return (fig.rate is None, -(fig.rate or 0), centers.get(key or "", ""))
    return (key is None, key or "")


def _load(conn: Any, exports: Sequence[Source]) -> dict[str, str]:
    """Views ``d`` and ``s`` over every export's files; each center once."""
    centers: dict[str, str] = {}
    files: dict[str, list[str]] = {"dossiers": [], "spans": []}
    for export, named in exports:
        version = export / (_current(export) or "")
        try:
            identity = json.loads((version / IDENTITY).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise TthcError("{path}: neither a center's export (made by `tthc export --parquet`), a folder of exports, nor a .db file", path=named) from None
        unit = identity["unit_code"]
        if unit in centers:
            raise TthcError("{path}: the center with unit code {unit} is given twice; each center once", unit=unit, path=named)
        centers[unit] = identity["center"]
        for table, found in files.items():
            found += [_sql_path(p) for p in sorted((version / table).rglob("*.parquet"))]
    for view, table, columns in (("d", "dossiers", DOSSIER_COLUMNS), ("s", "spans", SPAN_COLUMNS)):
        if files[table]:
            listed = ", ".join(f"'{p}'" for p in files[table])
            source = f"read_parquet([{listed}], hive_partitioning = true, union_by_name = true)"
            have = {r[0] for r in conn.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
            # an export made before a column was added (``closed_at``) reads it as empty
            missing = "".join(f', NULL::{k} AS "{n}"' for n, k in columns.items() if n not in have)
            conn.execute(f"CREATE VIEW {view} AS SELECT *{missing} FROM {source}")
        else:
            spec = ", ".join(f'"{n}" {k}' for n, k in columns.items())
            conn.execute(f"CREATE TABLE {view} ({spec})")
    return centers


def _figures(
    conn: Any, column: str | None, period: Period, now: datetime, unit: str | None = None
) -> dict[str | None, Figures]:
    """One aggregate over every center's dossiers, the same counting as ``summary.figures``:
    moments by day for the period's flows, and the dossiers open at the snapshot judged by
    the deadline in force then (the stored one, or their span's)."""
    snapshot, seen = snapshot_of(period, now), events_before(period, now)
    params = {
        "start": period.start,
        "end": reached(period, now).end,
        "seen": seen,
        "snap": snapshot,
        "unit": unit,
    }
    key = f"d.{column}" if column else "NULL"
    opened = open_at_sql("d", "$seen")
    rows = conn.execute(
        f"""
        SELECT {key} AS k,
          count(*) FILTER (WHERE CAST(d.received_at AS DATE) < $start)
            - count(*) FILTER (WHERE CAST(d.resolved_at AS DATE) < $start)
            - count(*) FILTER (WHERE CAST(d.withdrawn_at AS DATE) < $start)
            - count(*) FILTER (WHERE CAST(d.closed_at AS DATE) < $start),
          count(*) FILTER (WHERE CAST(d.received_at AS DATE) BETWEEN $start AND $end AND {channel_sql("d", "direct")}),
          count(*) FILTER (WHERE CAST(d.received_at AS DATE) BETWEEN $start AND $end AND {channel_sql("d", "online")}),
          count(*) FILTER (WHERE CAST(d.received_at AS DATE) BETWEEN $start AND $end AND {channel_sql("d", "postal")}),
          count(*) FILTER (WHERE CAST(d.resolved_at AS DATE) BETWEEN $start AND $end AND d.timeliness = 'early'),
          count(*) FILTER (WHERE CAST(d.resolved_at AS DATE) BETWEEN $start AND $end AND d.timeliness = 'on_time'),
          count(*) FILTER (WHERE CAST(d.resolved_at AS DATE) BETWEEN $start AND $end AND d.timeliness = 'late'),
          count(*) FILTER (WHERE CAST(d.withdrawn_at AS DATE) BETWEEN $start AND $end),
          count(*) FILTER (WHERE CAST(d.closed_at AS DATE) BETWEEN $start AND $end),
          count(*) FILTER (WHERE {opened} AND NOT d.has_rounds AND {overdue_sql("d.deadline", "$snap")}),
          count(*) FILTER (WHERE {opened} AND s.paused),
          count(*) FILTER (WHERE {opened} AND NOT s.paused AND {overdue_sql("s.deadline", "$snap")})
        FROM d LEFT JOIN s ON d.has_rounds AND s.unit_code = d.unit_code AND s.code = d.code
          AND (s.after IS NULL OR s.after < $seen) AND (s.until IS NULL OR $seen <= s.until)
        WHERE CAST(d.received_at AS DATE) <= $end AND ($unit IS NULL OR d.unit_code = $unit)
        GROUP BY k
        """,
        params,
    ).fetchall()
    out: dict[str | None, Figures] = {}
    for (
        k,
        carried,
        direct,
        online,
        postal,
        early,
        on_time,
        late,
        withdrawn,
        closed,
        overdue,
        paused,
        late_rounds,
    ) in rows:
        fig = Figures(
            carried,
            {"direct": direct, "online": online, "postal": postal},
            early,
            on_time,
            late,
            withdrawn,
            closed=closed,
        )
        fig.pending_overdue, fig.paused = overdue + late_rounds, paused
        if not fig.is_empty():
            out[None if k in (None, "") else str(k)] = fig
    return out
