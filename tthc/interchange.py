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

from tthc.errors import Msg, TthcError

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
            raise TthcError("e_table_suffix", path=path)
    except OSError as exc:
        raise TthcError("e_write", path=path, reason=exc.strerror) from None


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
        raise TthcError("e_write", path=path, reason=exc.strerror) from None


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
        raise TthcError("e_export_suffix", path=path)
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


#: Below this many rows a file is loaded with the indexes in place.
REBUILD_AFTER_ROWS = 20_000


class BadRow(Exception):
    """Why one row of a file cannot be loaded (a translatable message)."""

    def __init__(self, key: str, /, **args: Any) -> None:
        super().__init__(key)
        self.msg = Msg(key, **args)


def _moment(value: Any, default: Any, what: str) -> datetime | None:
    """Fast path for dates in files: Excel cells, ISO text, day-first text. Strict, no guessing."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0) if value.second or value.microsecond else value
    if isinstance(value, date):
        return datetime.combine(value, default)
    text = str(value).strip()
    if not text:
        return None
    n = len(text)
    if n in (16, 19) and text[4] == "-" and text[10] in " T" and text[13] == ":":
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            moment = None
        if moment is not None:
            return moment.replace(second=0) if moment.second else moment
    elif n == 10 and text[4] == "-":
        try:
            return datetime.combine(date.fromisoformat(text), default)
        except ValueError:
            pass
    from tthc.clock import parse_when

    if text.lower() in ("now", "today"):
        raise BadRow("r_real_dates", what=what, text=text)
    try:
        return parse_when(text, now=datetime(2000, 1, 1), default_time=default)
    except TthcError as exc:
        raise BadRow("r_field", what=what, reason=exc.msg) from None


def import_dossiers(ctx: Any, path: Path, *, dry_run: bool = False, progress: Any = None) -> dict[str, Any]:
    """Load dossiers from .csv/.xlsx in one transaction: all rows or none.

    Streams the file; every bad row is named with its number and reason, then nothing is
    written. A blank code gets a generated one; a given ``due_at`` is kept as the due date
    in force (migrated from the provincial system), otherwise it is computed. The per-day
    counts are added in one aggregate at the end instead of a trigger per row.
    """
    import sqlite3

    from tthc import deadlines
    from tthc.clock import RECEIPT_DEFAULT_TIME, STEP_DEFAULT_TIME
    from tthc.migrations import BULK_MARKER, backfill_counts
    from tthc.models import fold, name_key
    from tthc.tables import BadRows, map_header, read_rows
    from tthc.timelimit import parse_limit

    header, rows = read_rows(path)
    mapping, unknown = map_header(header, _ALIASES, ("procedure", "received_at", "applicant"), path)
    width = len(header)
    col = {name: i for i, name in mapping.items()}
    # index of each column in a row padded to the header's width plus one None (-1 = absent)
    (
        i_code,
        i_proc,
        i_recv,
        i_chan,
        i_due,
        i_res,
        i_out,
        i_ret,
        i_wd,
        i_pause,
        i_resume,
        i_point,
        i_off,
        i_app,
        i_limit,
    ) = (col.get(name, -1) for name in (*DOSSIER_COLUMNS,))
    store = ctx.store()
    conn = store.conn
    cal = ctx.calendar()
    closing = cal.closing
    settings = ctx.settings()
    policy = settings["supplement_policy"]
    default_prefix = settings["code_prefix"]
    now = ctx.now
    stamp = now.isoformat(timespec="seconds")
    procedures: dict[str, tuple[str, str, Any]] = {}
    names: dict[tuple[str, str], tuple[str, str | None]] = {}
    new_names: dict[str, list[str]] = {"officer": [], "point": []}
    sequences: dict[tuple[str, str], int] = {}
    errors = BadRows()
    batch: list[tuple[int, tuple[Any, ...]]] = []
    pauses: list[tuple[str, str | None, str | None, str]] = []
    count = 0
    receipt_time, step_time = RECEIPT_DEFAULT_TIME, STEP_DEFAULT_TIME
    compute_due, effective_receipt, resume_due = (
        deadlines.compute_due,
        deadlines.effective_receipt,
        deadlines.resume_due,
    )
    judge, Due = deadlines.timeliness, deadlines.Due

    def text_of(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()

    def procedure(key: str) -> tuple[str, str, Any]:
        found = procedures.get(key)
        if found is None:
            row = store.procedure(key)
            if row is None:
                raise BadRow("e_proc_unknown", code=key)
            found = procedures[key] = (row["code"], row["field"], parse_limit(row["time_limit"]))
        return found

    seen: dict[tuple[str, str], tuple[str, str | None]] = {}  # by the text as written in the file

    def registered(kind: str, name: str) -> tuple[str, str | None]:
        hit = seen.get((kind, name))
        if hit is not None:
            return hit
        k = name_key(name)
        found = names.get((kind, k))
        if found is None:
            table = "officers" if kind == "officer" else "points"
            row = store.find_name(table, k)
            if row is None:
                clean = " ".join(name.split())
                store.insert(table, {"name": clean, "name_key": k, "added_at": stamp})
                new_names[kind].append(clean)
                found = (clean, None)
            else:
                found = (row["name"], row["code_prefix"] if kind == "point" else None)
            names[(kind, k)] = found
        seen[(kind, name)] = found
        return found

    def next_code(prefix: str, received: datetime) -> str:
        day = received.strftime("%y%m%d")
        key = (prefix, day)
        if key not in sequences:
            row = conn.execute("SELECT last FROM code_sequences WHERE prefix = ? AND day = ?", key).fetchone()
            sequences[key] = row[0] if row else 0
        sequences[key] += 1
        if sequences[key] > 9999:
            raise BadRow("r_code_overflow", day=received, prefix=prefix)
        return f"{prefix}-{day}-{sequences[key]:04d}"

    def parse(
        number: int, cells: list[Any]
    ) -> tuple[tuple[Any, ...], tuple[str, str | None, str | None, str] | None]:
        if len(cells) < width:
            cells = cells + [None] * (width - len(cells))
        cells.append(None)  # what an absent column (index -1) reads
        proc_code, field, limit = procedure(text_of(cells[i_proc]))
        limit_text = text_of(cells[i_limit])
        if limit_text:
            try:
                limit = parse_limit(limit_text)
            except TthcError as exc:
                raise BadRow("r_field", what="limit", reason=exc.msg) from None
        applicant = " ".join(text_of(cells[i_app]).split())
        if not applicant:
            raise BadRow("e_empty", what=Msg("w_applicant"))
        received = _moment(cells[i_recv], receipt_time, "received_at")
        if received is None:
            raise BadRow("r_no_received")
        if received > now:
            raise BadRow("r_future", what="received_at", at=received)
        channel_text = text_of(cells[i_chan]).lower()
        channel = _CHANNELS.get(channel_text or "direct")
        if channel is None:
            raise BadRow("e_channel", value=channel_text)
        c = cells[i_res]  # empty cells are the common case: skip the call
        resolved = _moment(c, step_time, "resolved_at") if c else None
        c = cells[i_ret]
        returned = _moment(c, step_time, "returned_at") if c else None
        c = cells[i_wd]
        withdrawn = _moment(c, step_time, "withdrawn_at") if c else None
        c = cells[i_pause]
        paused = _moment(c, step_time, "paused_at") if c else None
        c = cells[i_resume]
        resumed = _moment(c, step_time, "resumed_at") if c else None
        c = cells[i_due]
        due_given = _moment(c, step_time, "due_at") if c else None
        if resolved or returned or withdrawn or paused or resumed:
            for what, moment in (
                ("resolved_at", resolved),
                ("returned_at", returned),
                ("withdrawn_at", withdrawn),
                ("paused_at", paused),
                ("resumed_at", resumed),
            ):
                if moment is not None:
                    if moment < received:
                        raise BadRow("r_before_receipt", what=what, at=moment)
                    if moment > now:
                        raise BadRow("r_future", what=what, at=moment)
        if resolved and withdrawn:
            raise BadRow("r_both_ends")
        if returned and not resolved:
            raise BadRow("r_returned_alone")
        if returned and resolved and returned < resolved:
            raise BadRow("r_returned_early")
        if resumed and not paused:
            raise BadRow("r_resumed_alone")
        if paused and resumed and resumed < paused:
            raise BadRow("r_resumed_early")
        if paused and not resumed and resolved:
            raise BadRow("r_resolved_paused")
        end = resolved or withdrawn
        if paused and end and end < (resumed or paused):
            raise BadRow("r_end_in_pause")
        outcome = None
        if resolved:
            outcome_text = text_of(cells[i_out]).lower()
            outcome = _OUTCOMES.get(outcome_text or "approved")
            if outcome is None:
                raise BadRow("e_outcome", value=outcome_text)
        point_text, officer_text = text_of(cells[i_point]), text_of(cells[i_off])
        point = registered("point", point_text) if point_text else None
        officer = registered("officer", officer_text)[0] if officer_text else None
        code = text_of(cells[i_code])
        if not code:
            code = next_code((point[1] if point and point[1] else None) or default_prefix, received)
        due: deadlines.Due | None
        if due_given is not None:
            if due_given < received:
                raise BadRow("r_before_receipt", what="due_at", at=due_given)
            if due_given.time() == step_time and not limit.is_hours:
                due_given = datetime.combine(due_given.date(), closing)
            eff = effective_receipt(cal, received)
            due = Due(limit, received, eff, due_given.date(), due_given)
            source = "imported"
        else:
            due = compute_due(cal, limit, received)
            eff = due.effective_receipt
            source = "computed"
            if paused and resumed:
                due = resume_due(cal, due, paused, resumed, policy)
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
            timeliness = judge(limit, due.due_date, due.due_at, resolved)
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
            received.isoformat(),
            eff.isoformat(),
            due.due_date.isoformat() if due else None,
            due.due_at.isoformat() if due else None,
            due.deadline.isoformat() if due else None,
            source,
            due_given.isoformat() if due_given else None,
            status,
            paused.isoformat() if status == "paused" and paused else None,
            resolved.isoformat() if resolved else None,
            outcome,
            timeliness,
            returned.isoformat() if returned else None,
            withdrawn.isoformat() if withdrawn else None,
            stamp,
            stamp,
        )
        pause = (code, _iso(paused), _iso(resumed), policy) if paused else None
        return row, pause

    def flush() -> None:
        if errors or not batch:
            batch.clear()
            pauses.clear()
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
                    errors.add(number, Msg("r_duplicate", code=r[0]))
        conn.execute("RELEASE import_batch")
        if pauses and not errors:
            conn.executemany(
                "INSERT INTO pauses (dossier_code, paused_at, resumed_at, policy) VALUES (?, ?, ?, ?)", pauses
            )
        pauses.clear()
        batch.clear()

    # A big file touches the indexes all over: a larger page cache for this connection only.
    conn.execute("PRAGMA cache_size = -262144")
    with store.write():
        before = conn.execute("SELECT coalesce(max(rowid), 0) FROM dossiers").fetchone()[0]
        # A file bigger than what is already there (≈ 90 bytes a row) loads faster without the
        # secondary indexes, which are then rebuilt sorted — inside the same transaction.
        rebuild = path.stat().st_size / 90 > max(before, REBUILD_AFTER_ROWS)
        indexes = store.dossier_indexes() if rebuild else []
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        conn.execute("INSERT INTO settings (key, value) VALUES (?, '1')", (BULK_MARKER,))
        for number, cells in rows:
            try:
                row, pause = parse(number, cells)
            except BadRow as exc:
                errors.add(number, exc.msg)
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
        errors.raise_if_any(path)
        for _, sql in indexes:
            conn.execute(sql)
        backfill_counts(conn.execute, after_rowid=before)
        conn.execute("DELETE FROM settings WHERE key = ?", (BULK_MARKER,))
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
