"""Dossiers in, row by row: the headers and words a file may use (an export's own in either
language among them), and :class:`RowReader`, which turns one row into a dossier stepped
through ``tthc.core.transitions`` exactly as the commands step one."""

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any

from tthc.app.catalog import find_procedure, parse_fee
from tthc.app.context import Context
from tthc.app.dossiers import ServiceGiven, service_at_receipt
from tthc.app.inputs import clean, code_shape
from tthc.app.interchange.exporting import DOSSIER_COLUMNS, EXPORT_COLUMNS
from tthc.core import transitions
from tthc.core.clock import RECEIPT_DEFAULT_TIME, STEP_DEFAULT_TIME, check_year, parse_when
from tthc.core.errors import Msg, TthcError
from tthc.core.lifecycle import Life
from tthc.core.models import Service, name_key
from tthc.core.registry import Procedure, Registered
from tthc.core.timelimit import TimeLimit, parse_limit
from tthc.locale.i18n import ColumnWord, t
from tthc.locale.marks import N_
from tthc.locale.words import COLUMN_WORDS
from tthc.storage.details import Details
from tthc.storage.store import (
    CodeMinter,
    Store,
)
from tthc.storage.tables import header_key, yes_no

# -- dossiers in ---------------------------------------------------------------------------------------
_ALIASES: dict[str, str] = {name: name for name in EXPORT_COLUMNS}
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
        "closed at": "closed_at",
        "ngày đóng hồ sơ": "closed_at",
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
# The headers an export writes, in either language, so that every export reads back in.
_ALIASES.update({header_key(t(lang, COLUMN_WORDS[name])): name for name in EXPORT_COLUMNS for lang in ("en", "vi")})
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
_PAYMENTS = {
    "cash": "cash",
    "tiền mặt": "cash",
    "tien mat": "cash",
    "online": "online",
    "trực tuyến": "online",
    "truc tuyen": "online",
    "exempt": "exempt",
    "miễn": "exempt",
    "mien": "exempt",
    "miễn phí": "exempt",
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


#: The life cycle's refusals said in a file's terms: its message -> the row's.
_REFUSAL_IN_FILE_WORDS = {
    "cannot record {step} for dossier {code}: it is {status} ({step} needs {allowed})": N_(
        "{what} is given, but by then the dossier is {status} ({step} needs {allowed})"
    ),
    "{step} at {at:%d/%m/%Y %H:%M} is before the dossier's previous step ({last:%d/%m/%Y %H:%M})": N_(
        "{what} {at:%d/%m/%Y %H:%M} is before the dossier's previous step ({last:%d/%m/%Y %H:%M})"
    ),
}


class BadRow(Exception):
    """Why one row of a file cannot be loaded (a translatable message)."""

    def __init__(self, key: str, /, **args: Any) -> None:
        super().__init__(key)
        self.msg = Msg(key, **args)


def _moment(value: Any, default: time, what: str) -> datetime | None:
    """A moment of a file: Excel cells, ISO text, day-first text. Strict, no guessing, and
    within the years any typed date may lie in."""
    moment = _read_moment(value, default, what)
    if moment is not None:
        try:
            check_year(moment, value)
        except TthcError as exc:
            raise BadRow("{what}: {reason}", what=ColumnWord(what), reason=exc.msg) from None
    return moment


def _read_moment(value: Any, default: time, what: str) -> datetime | None:
    """Fast path for dates in files: Excel cells and ISO text read directly, the rest parsed."""
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
    if text.lower() in ("now", "today"):
        raise BadRow("{what}: {text!r} is not a date; a file needs real dates", what=ColumnWord(what), text=text)
    try:
        return parse_when(text, now=datetime(2000, 1, 1), default_time=default)
    except TthcError as exc:
        raise BadRow("{what}: {reason}", what=ColumnWord(what), reason=exc.msg) from None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


#: The moments a row may give, with the time a bare date means.
_MOMENTS = (
    ("paused_at", STEP_DEFAULT_TIME),
    ("resumed_at", STEP_DEFAULT_TIME),
    ("resolved_at", STEP_DEFAULT_TIME),
    ("withdrawn_at", STEP_DEFAULT_TIME),
    ("returned_at", STEP_DEFAULT_TIME),
    ("closed_at", STEP_DEFAULT_TIME),  # papers never came (Decree 118 Art. 19.5)
)


@dataclass
class RowReader:
    """Turns one row of a file into a dossier: its details and its life, stepped through the
    life cycle. Looks procedures and names up once per file; registers new names."""

    ctx: Context
    store: Store
    columns: dict[str, int]
    minter: CodeMinter
    width: int
    procedures: dict[str, tuple[str, str, TimeLimit]] = field(default_factory=dict)
    entries: dict[str, Procedure] = field(default_factory=dict)
    names: dict[tuple[str, str], Registered] = field(default_factory=dict)
    #: The scorecard's facts of the rows read, by what decides them (most rows share a few)
    services: dict[tuple[Any, ...], Service] = field(default_factory=dict)
    new_names: dict[str, list[str]] = field(default_factory=lambda: {"officer": [], "point": []})
    given: list[str] = field(default_factory=list)  # codes given by rows not yet flushed
    last_given: bool = False  # whether the row read last gave its own code

    def __post_init__(self) -> None:
        # Each known column's index, or -1 for an absent one: rows are padded with a None at
        # the end (see :meth:`padded`), so cells[-1] reads "absent" without a test per cell.
        self.at = {name: self.columns.get(name, -1) for name in DOSSIER_COLUMNS}

    def padded(self, cells: list[Any]) -> list[Any]:
        if len(cells) < self.width:
            cells = cells + [None] * (self.width - len(cells))
        cells.append(None)
        return cells

    def procedure(self, key: str) -> tuple[str, str, TimeLimit]:
        """Matched as a typed procedure is (code or alias, then full name), once per text."""
        found = self.procedures.get(key)
        if found is None:
            proc = find_procedure(self.store, key)
            found = self.procedures[key] = (proc.code, proc.field, parse_limit(proc.limit))
        return found

    def registered(self, kind: str, name: str) -> Registered:
        """Names in a file are matched as registered (any case) or registered as new."""
        hit = self.names.get((kind, name))
        if hit is None:
            key = name_key(name)
            assert kind in ("officer", "point")
            hit = self.store.find_name("officer" if kind == "officer" else "point", key)
            if hit is None:  # registered in the import's last step, under the write lock
                clean = " ".join(name.split())
                self.new_names[kind].append(clean)
                hit = Registered(clean)
            self.names[(kind, name)] = hit
        return hit

    def moment(self, cells: list[Any], name: str, default: time, *, past: bool = True) -> datetime | None:
        """A moment of the row; steps (``past``) cannot lie in the future, a due date can."""
        value = cells[self.at[name]]
        if not value:
            return None
        moment = _moment(value, default, name)
        if past and moment is not None and moment > self.ctx.now:
            raise BadRow("{what} {at:%d/%m/%Y %H:%M} is in the future", what=ColumnWord(name), at=moment)
        return moment

    def read(self, row: list[Any]) -> tuple[str, Details, Life]:
        cells = self.padded(row)
        at = self.at
        proc_code, proc_field, limit = self.procedure(_text(cells[at["procedure"]]))
        limit_text = _text(cells[at["limit"]])
        if limit_text:
            try:
                limit = parse_limit(limit_text)
            except TthcError as exc:
                raise BadRow("{what}: {reason}", what=ColumnWord("limit"), reason=exc.msg) from None
        applicant = clean(_text(cells[at["applicant"]]), "applicant", required=True) or ""
        received = self.moment(cells, "received_at", RECEIPT_DEFAULT_TIME)
        if received is None:
            raise BadRow("received_at is empty")
        channel_text = _text(cells[at["channel"]]).lower()
        channel = _CHANNELS.get(channel_text or "direct")
        if channel is None:
            raise BadRow("bad channel {value!r}: expected direct, online or postal", value=channel_text)
        point_text, officer_text = _text(cells[at["point"]]), _text(cells[at["officer"]])
        point = self.registered("point", point_text) if point_text else None
        officer = self.registered("officer", officer_text).name if officer_text else None
        given = _text(cells[at["code"]])
        self.last_given = bool(given)
        if given:
            given = code_shape(given)
            if not self.minter.claim(given):  # given earlier in this file, in any case
                raise BadRow("duplicate code {code} (already in the database or earlier in the file)", code=given)
            self.given.append(given)  # the database is asked a batch at a time, in _flush
        code = given or self.minter.next(
            (point.code_prefix if point else None) or self.ctx.settings().code_prefix, received
        )
        life = self.life(cells, code, limit, received, officer)
        service = self.service(cells, self.catalog_entry(proc_code), channel, life)
        details = Details(
            proc_code, proc_field, applicant, channel, point.name if point else None, service=service
        )
        return code, details, life

    def catalog_entry(self, code: str) -> Procedure:
        """The procedure's catalog entry (its fee, its electronic result), once per file."""
        found = self.entries.get(code)
        if found is None:
            found = self.entries[code] = find_procedure(self.store, code)
        return found

    def service(self, cells: list[Any], proc: Procedure, channel: str, life: Life) -> Service:
        """The scorecard's facts a row gives; absent ones take the defaults a receipt takes
        (the catalog's fee and electronic result), a result's only once there is one. Worked
        out once for each combination of what decides them."""
        at = self.at
        key = (
            proc.code,
            channel,
            life.resolved_at is None,
            *(cells[at[c]] for c in ("digitised", "data_reused", "e_result", "fee", "payment")),
        )
        found = self.services.get(key)
        if found is None:
            if len(self.services) > 10_000:  # a file whose every row differs: keep memory flat
                self.services.clear()
            found = self.services[key] = self._service(cells, proc, channel, life)
        return found

    def _service(self, cells: list[Any], proc: Procedure, channel: str, life: Life) -> Service:
        at = self.at
        flags: dict[str, bool | None] = {}
        for column in ("digitised", "data_reused", "e_result"):
            try:
                flags[column] = yes_no(cells[at[column]])
            except TthcError as exc:
                raise BadRow("{what}: {reason}", what=ColumnWord(column), reason=exc.msg) from None
        fee_text = _text(cells[at["fee"]])
        try:
            fee = parse_fee(fee_text) if fee_text else None
        except TthcError as exc:
            raise BadRow("{what}: {reason}", what=ColumnWord("fee"), reason=exc.msg) from None
        pay_text = _text(cells[at["payment"]]).lower()
        payment = _PAYMENTS.get(pay_text) if pay_text else None
        if pay_text and payment is None:
            raise BadRow("bad payment {value!r}: expected cash, online or exempt", value=pay_text)
        given = ServiceGiven(
            str(fee) if fee is not None else None, payment, flags["digitised"], flags["data_reused"]
        )
        base = service_at_receipt(proc, channel, given)
        e_result = flags["e_result"]
        if e_result is None and life.resolved_at is not None:
            e_result = bool(proc.e_result)
        return replace(base, e_result=e_result)

    def life(
        self, cells: list[Any], code: str, limit: TimeLimit, received: datetime, officer: str | None
    ) -> Life:
        """The row's receipt and the steps after it, through the one life cycle."""
        cal = self.ctx.calendar()
        due_given = self.moment(cells, "due_at", cal.closing, past=False)  # no time given: the close
        life = transitions.receive(cal, code, limit, received, officer=officer, due_given=due_given)
        for column, step in self.steps(cells, due_given):
            try:
                life = transitions.apply(cal, life, step)
            except TthcError as exc:  # the life cycle's refusal, said in the file's terms
                said = _REFUSAL_IN_FILE_WORDS.get(exc.msg.key)
                if said is None:
                    raise
                raise BadRow(said, what=ColumnWord(column), **exc.msg.args) from None
        return life

    def steps(self, cells: list[Any], due_given: datetime | None) -> list[tuple[str, transitions.Step]]:
        """The steps a row gives after its receipt, in the order a dossier takes them."""
        at = self.at
        steps: list[tuple[str, transitions.Step]] = []
        for column, default in _MOMENTS:
            value = cells[at[column]]
            if not value:
                continue
            moment = self.moment(cells, column, default)
            if moment is None:
                continue
            if column == "paused_at":
                steps.append((column, transitions.Supplement(moment, self.ctx.settings().supplement_policy)))
            elif column == "resumed_at":
                steps.append((column, transitions.Resume(moment, due_given)))
            elif column == "resolved_at":
                outcome_text = _text(cells[at["outcome"]]).lower()
                outcome = _OUTCOMES.get(outcome_text or "approved")
                if outcome is None:
                    raise BadRow("bad outcome {value!r}: expected approved or rejected", value=outcome_text)
                steps.append(
                    (column, transitions.Resolve(moment, "rejected" if outcome == "rejected" else "approved"))
                )
            elif column == "withdrawn_at":
                steps.append((column, transitions.Withdraw(moment)))
            elif column == "returned_at":
                steps.append((column, transitions.Return(moment)))
            else:
                steps.append((column, transitions.Close(moment)))
        return steps
