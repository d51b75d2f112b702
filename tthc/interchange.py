"""CSV / Excel / JSON in and out: writing tables safely for spreadsheets, exporting dossiers,
and importing them in one streaming, all-or-nothing transaction.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tthc.errors import TthcError

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_table(
    path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], *, sheet: str = "tthc"
) -> None:
    """Write rows as .csv (UTF-8 with a BOM, so Excel shows Vietnamese) or .xlsx."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            with path.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(headers)
                for row in rows:
                    writer.writerow([neutralise(_cell_text(v)) for v in row])
        elif suffix == ".xlsx":
            import openpyxl

            book = openpyxl.Workbook(write_only=True)
            ws = book.create_sheet(sheet)
            ws.append(list(headers))
            for row in rows:
                ws.append([neutralise(v) for v in row])
            book.save(path)
        else:
            raise TthcError(f"{path}: expected a .csv or .xlsx file name")
    except OSError as exc:
        raise TthcError(f"cannot write {path}: {exc.strerror}") from None


def _cell_text(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def write_json(path: Path, data: Any) -> None:
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise TthcError(f"cannot write {path}: {exc.strerror}") from None


# -- dossiers out -------------------------------------------------------------------------------------
DOSSIER_COLUMNS = (
    "code",
    "procedure",
    "received_at",
    "channel",
    "due_at",
    "resolved_at",
    "outcome",
    "returned_at",
    "withdrawn_at",
    "paused_at",
    "resumed_at",
    "point",
    "officer",
    "applicant",
    "limit",
)


def export(ctx: Any, path: Path, f: Any) -> int:
    """Write the dossiers a filter selects; returns how many."""
    from tthc.dossiers import filter_sql, to_dossier

    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".json"):
        raise TthcError(f"{path}: expected a .csv, .xlsx or .json file name")
    f.limit = None
    where, params = filter_sql(ctx, f)
    sql = (
        "SELECT d.*, p.name AS procedure_name,"
        " (SELECT paused_at FROM pauses WHERE dossier_code = d.code ORDER BY id DESC LIMIT 1) AS last_paused_at,"
        " (SELECT resumed_at FROM pauses WHERE dossier_code = d.code ORDER BY id DESC LIMIT 1) AS last_resumed_at"
        " FROM dossiers d LEFT JOIN procedures p ON p.code = d.procedure_code"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY d.received_at, d.code"
    )
    cursor = ctx.store().conn.execute(sql, params)
    count = 0
    if suffix == ".json":
        items = [to_dossier(r).as_json() for r in cursor]
        write_json(path, items)
        return len(items)

    def rows() -> Iterable[list[Any]]:
        nonlocal count
        for r in cursor:
            count += 1
            yield [
                r["code"],
                r["procedure_code"],
                r["received_at"],
                r["channel"],
                r["due_at"],
                r["resolved_at"],
                r["outcome"],
                r["returned_at"],
                r["withdrawn_at"],
                r["last_paused_at"],
                r["last_resumed_at"],
                r["point"],
                r["officer"],
                r["applicant"],
                r["time_limit"],
            ]

    write_table(path, DOSSIER_COLUMNS, rows(), sheet="dossiers")
    return count


# -- dossiers in ---------------------------------------------------------------------------------------
_ALIASES: dict[str, str] = {name: name for name in DOSSIER_COLUMNS}
_ALIASES.update(
    {
        "received at": "received_at",
        "due at": "due_at",
        "resolved at": "resolved_at",
        "returned at": "returned_at",
        "withdrawn at": "withdrawn_at",
        "paused at": "paused_at",
        "resumed at": "resumed_at",
        "mã hồ sơ": "code",
        "số hồ sơ": "code",
        "ma ho so": "code",
        "thủ tục": "procedure",
        "mã thủ tục": "procedure",
        "mã tthc": "procedure",
        "ma thu tuc": "procedure",
        "ngày tiếp nhận": "received_at",
        "ngày nhận": "received_at",
        "thời gian tiếp nhận": "received_at",
        "hình thức": "channel",
        "kênh": "channel",
        "hình thức nộp": "channel",
        "ngày hẹn trả": "due_at",
        "hạn giải quyết": "due_at",
        "ngày hẹn": "due_at",
        "ngày giải quyết": "resolved_at",
        "ngày có kết quả": "resolved_at",
        "ngày hoàn thành": "resolved_at",
        "kết quả": "outcome",
        "kết quả giải quyết": "outcome",
        "ngày trả kết quả": "returned_at",
        "ngày trả": "returned_at",
        "ngày rút": "withdrawn_at",
        "ngày rút hồ sơ": "withdrawn_at",
        "ngày yêu cầu bổ sung": "paused_at",
        "ngày bổ sung": "resumed_at",
        "ngày nhận bổ sung": "resumed_at",
        "điểm tiếp nhận": "point",
        "cán bộ": "officer",
        "cán bộ xử lý": "officer",
        "cán bộ tiếp nhận": "officer",
        "thời hạn": "limit",
        "thời hạn giải quyết": "limit",
        "người nộp": "applicant",
        "chủ hồ sơ": "applicant",
        "tên người nộp": "applicant",
        "họ tên": "applicant",
    }
)
_CHANNELS = {
    "direct": "direct",
    "trực tiếp": "direct",
    "truc tiep": "direct",
    "online": "online",
    "trực tuyến": "online",
    "truc tuyen": "online",
    "postal": "postal",
    "bưu chính": "postal",
    "buu chinh": "postal",
    "bưu chính công ích": "postal",
}
_OUTCOMES = {
    "approved": "approved",
    "chấp thuận": "approved",
    "giải quyết": "approved",
    "đã giải quyết": "approved",
    "rejected": "rejected",
    "từ chối": "rejected",
    "không giải quyết": "rejected",
}

_INSERT = (
    "INSERT INTO dossiers (code, procedure_code, field, applicant, search_text, channel, point, officer, time_limit,"
    " received_at, effective_receipt, due_date, due_at, deadline, due_source, imported_due_at, status, paused_at,"
    " resolved_at, outcome, timeliness, returned_at, withdrawn_at, created_at, updated_at)"
    " VALUES (" + ",".join("?" * 25) + ")"
)


class BadRow(Exception):
    pass


def _moment(value: Any, default: Any, what: str) -> datetime | None:
    """Fast path for dates in files: Excel cells, ISO text, day-first text. Strict, no guessing."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, default)
    text = str(value).strip()
    if not text:
        return None
    if len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit():
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is None and (len(text) == 10 or text[10] in " T"):
            return (
                moment.replace(second=0, microsecond=0)
                if len(text) > 10
                else datetime.combine(moment.date(), default)
            )
    from tthc.clock import parse_when

    if text.lower() in ("now", "today"):
        raise BadRow(f"bad {what} {text!r}: a file needs real dates")
    try:
        return parse_when(text, now=datetime(2000, 1, 1), default_time=default)
    except TthcError as exc:
        raise BadRow(exc.message.replace("bad date", f"bad {what}")) from None


def import_dossiers(ctx: Any, path: Path, *, dry_run: bool = False, progress: Any = None) -> dict[str, Any]:
    """Load dossiers from .csv/.xlsx in one transaction: all rows or none.

    Streams the file; every bad row is named with its number and reason, then nothing is
    written. A blank code gets a generated one; a given ``due_at`` is kept as the due date
    in force (migrated from the provincial system), otherwise it is computed.
    """
    import sqlite3

    from tthc import deadlines
    from tthc.catalog import raise_bad_rows
    from tthc.clock import RECEIPT_DEFAULT_TIME, STEP_DEFAULT_TIME
    from tthc.models import fold, name_key
    from tthc.tables import map_header, read_rows
    from tthc.timelimit import parse_limit

    header, rows = read_rows(path)
    mapping, unknown = map_header(header, _ALIASES, ("procedure", "received_at", "applicant"), path)
    cols = sorted(mapping.items())
    store = ctx.store()
    conn = store.conn
    cal = ctx.calendar()
    policy = ctx.settings()["supplement_policy"]
    default_prefix = ctx.settings()["code_prefix"]
    now = ctx.now
    stamp = now.isoformat(timespec="seconds")
    procedures: dict[str, tuple[str, str, Any]] = {}
    names: dict[tuple[str, str], tuple[str, str | None]] = {}
    new_names: dict[str, list[str]] = {"officer": [], "point": []}
    sequences: dict[tuple[str, str], int] = {}
    errors: list[str] = []
    batch: list[tuple[int, tuple[Any, ...]]] = []
    pauses: list[tuple[str, str | None, str | None, str]] = []
    count = 0

    def procedure(key: str) -> tuple[str, str, Any]:
        if key not in procedures:
            row = store.procedure(key)
            if row is None:
                raise BadRow(f"unknown procedure {key!r}")
            procedures[key] = (row["code"], row["field"], parse_limit(row["time_limit"]))
        return procedures[key]

    def registered(kind: str, name: str) -> tuple[str, str | None]:
        k = name_key(name)
        if (kind, k) not in names:
            table = "officers" if kind == "officer" else "points"
            row = store.find_name(table, k)
            if row is None:
                clean = " ".join(name.split())
                values: dict[str, Any] = {"name": clean, "name_key": k, "added_at": stamp}
                store.insert(table, values)
                new_names[kind].append(clean)
                names[(kind, k)] = (clean, None)
            else:
                names[(kind, k)] = (row["name"], row["code_prefix"] if kind == "point" else None)
        return names[(kind, k)]

    def next_code(prefix: str, received: datetime) -> str:
        day = received.strftime("%y%m%d")
        key = (prefix, day)
        if key not in sequences:
            row = conn.execute("SELECT last FROM code_sequences WHERE prefix = ? AND day = ?", key).fetchone()
            sequences[key] = row[0] if row else 0
        sequences[key] += 1
        if sequences[key] > 9999:
            raise BadRow(f"more than 9999 dossiers received on {received:%d/%m/%Y} under {prefix}")
        return f"{prefix}-{day}-{sequences[key]:04d}"

    def parse(
        number: int, cells: list[Any]
    ) -> tuple[tuple[Any, ...], tuple[str, str | None, str | None, str] | None]:
        v = {name: cells[i] if i < len(cells) else None for i, name in cols}
        text = {k: ("" if x is None else str(x).strip()) for k, x in v.items() if not isinstance(x, date)}
        proc_code, field, limit = procedure(text.get("procedure", ""))
        if text.get("limit"):
            try:
                limit = parse_limit(text["limit"])
            except TthcError as exc:
                raise BadRow(exc.message) from None
        applicant = " ".join(text.get("applicant", "").split())
        if not applicant:
            raise BadRow("the applicant's name is empty")
        received = _moment(v.get("received_at"), RECEIPT_DEFAULT_TIME, "received_at")
        if received is None:
            raise BadRow("received_at is empty")
        channel = _CHANNELS.get(text.get("channel", "").lower() or "direct")
        if channel is None:
            raise BadRow(f"bad channel {text['channel']!r}: expected direct, online or postal")
        steps = {
            k: _moment(v.get(k), STEP_DEFAULT_TIME, k)
            for k in ("due_at", "resolved_at", "returned_at", "withdrawn_at", "paused_at", "resumed_at")
        }
        for k in ("resolved_at", "returned_at", "withdrawn_at", "paused_at", "resumed_at"):
            moment = steps[k]
            if moment is not None and moment < received:
                raise BadRow(f"{k} {moment:%Y-%m-%d %H:%M} is before the receipt")
            if moment is not None and moment > now:
                raise BadRow(f"{k} {moment:%Y-%m-%d %H:%M} is in the future")
        if received > now:
            raise BadRow(f"received_at {received:%Y-%m-%d %H:%M} is in the future")
        resolved, returned, withdrawn = steps["resolved_at"], steps["returned_at"], steps["withdrawn_at"]
        paused, resumed = steps["paused_at"], steps["resumed_at"]
        if resolved and withdrawn:
            raise BadRow("both resolved_at and withdrawn_at are given")
        if returned and not resolved:
            raise BadRow("returned_at without resolved_at")
        if returned and resolved and returned < resolved:
            raise BadRow("returned_at is before resolved_at")
        if resumed and not paused:
            raise BadRow("resumed_at without paused_at")
        if paused and resumed and resumed < paused:
            raise BadRow("resumed_at is before paused_at")
        if paused and not resumed and resolved:
            raise BadRow("resolved_at while still waiting for the supplement (no resumed_at)")
        end = resolved or withdrawn
        if paused and end and end < (resumed or paused):
            raise BadRow("resolved or withdrawn before the supplement round ended")
        outcome = None
        if resolved:
            outcome = _OUTCOMES.get(text.get("outcome", "").lower() or "approved")
            if outcome is None:
                raise BadRow(f"bad outcome {text['outcome']!r}: expected approved or rejected")
        point = registered("point", text["point"]) if text.get("point") else None
        officer = registered("officer", text["officer"])[0] if text.get("officer") else None
        code = text.get("code", "")
        if not code:
            code = next_code((point[1] if point and point[1] else None) or default_prefix, received)
        due_given = steps["due_at"]
        if due_given is not None:
            if due_given < received:
                raise BadRow(f"due_at {due_given:%Y-%m-%d %H:%M} is before the receipt")
            if due_given.hour == STEP_DEFAULT_TIME.hour and due_given.minute == 0 and not limit.is_hours:
                due_given = datetime.combine(due_given.date(), cal.closing)
            eff = deadlines.effective_receipt(cal, received)
            due: deadlines.Due | None = deadlines.Due(limit, received, eff, due_given.date(), due_given)
            source = "imported"
        else:
            due = deadlines.compute_due(cal, limit, received)
            eff = due.effective_receipt
            source = "computed"
            if paused and resumed:
                due = deadlines.resume_due(cal, due, paused, resumed, policy)
        if paused and not resumed and not withdrawn:
            due = None
        status = (
            "withdrawn"
            if withdrawn
            else "returned"
            if returned
            else "resolved"
            if resolved
            else "paused"
            if paused and not resumed
            else "processing"
        )
        timeliness = None
        if resolved:
            assert due is not None
            timeliness = deadlines.timeliness(limit, due.due_date, due.due_at, resolved)
        iso = _iso
        row = (
            code,
            proc_code,
            field,
            applicant,
            fold(f"{applicant} {code}"),
            channel,
            point[0] if point else None,
            officer,
            str(limit),
            iso(received),
            iso(eff),
            due.due_date.isoformat() if due else None,
            iso(due.due_at) if due else None,
            iso(due.deadline) if due else None,
            source,
            iso(due_given) if due_given else None,
            status,
            iso(paused) if status == "paused" else None,
            iso(resolved),
            outcome,
            timeliness,
            iso(returned),
            iso(withdrawn),
            stamp,
            stamp,
        )
        pause = (code, iso(paused), iso(resumed), policy) if paused else None
        return row, pause

    def flush() -> None:
        if errors or not batch:
            batch.clear()
            return
        conn.execute("SAVEPOINT import_batch")
        try:
            conn.executemany(_INSERT, [r for _, r in batch])
        except sqlite3.IntegrityError:
            conn.execute("ROLLBACK TO import_batch")
            for number, r in batch:
                try:
                    conn.execute(_INSERT, r)
                except sqlite3.IntegrityError:
                    errors.append(
                        f"row {number}: duplicate code {r[0]} (already in the database or earlier in the file)"
                    )
        conn.execute("RELEASE import_batch")
        if pauses and not errors:
            conn.executemany(
                "INSERT INTO pauses (dossier_code, paused_at, resumed_at, policy) VALUES (?, ?, ?, ?)", pauses
            )
        pauses.clear()
        batch.clear()

    with store.write():
        for number, cells in rows:
            try:
                row, pause = parse(number, cells)
            except BadRow as exc:
                errors.append(f"row {number}: {exc}")
                continue
            count += 1
            batch.append((number, row))
            if pause:
                pauses.append(pause)
            if len(batch) >= 5000:
                flush()
                if progress is not None:
                    progress(count)
        flush()
        if errors:
            raise_bad_rows(errors, path)
        for (prefix, day), last in sequences.items():
            conn.execute(
                "INSERT INTO code_sequences (prefix, day, last) VALUES (?, ?, ?)"
                " ON CONFLICT (prefix, day) DO UPDATE SET last = max(last, excluded.last)",
                (prefix, day, last),
            )
        report = {
            "file": str(path),
            "dossiers": count,
            "new_officers": new_names["officer"],
            "new_points": new_names["point"],
            "unknown_columns": unknown,
            "dry_run": dry_run,
        }
        store.add_event(
            step="import",
            happened_at=now,
            recorded_at=now,
            actor=ctx.actor,
            details={k: v for k, v in report.items() if k != "unknown_columns"},
        )
        if dry_run:
            raise _DryRun(report)
    return report


class _DryRun(Exception):
    """Raised inside the transaction so a dry run rolls everything back."""

    def __init__(self, report: dict[str, Any]) -> None:
        super().__init__("dry run")
        self.report = report


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def import_file(ctx: Any, path: Path, *, dry_run: bool = False, progress: Any = None) -> dict[str, Any]:
    try:
        return import_dossiers(ctx, path, dry_run=dry_run, progress=progress)
    except _DryRun as run:
        return run.report
