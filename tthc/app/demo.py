"""The built-in demo: a synthetic commune center formed on 1 July 2025, with two reception
points and overloaded officers, whose dossiers from 1 July to 12 September 2025 reproduce
the real center's report — 1,964 received, returned early or on time 98.28%.

The demo honours the clock (``TTHC_NOW``): it writes no step later than now, so a clock
pinned inside its history gives the center as it stood at that moment.

Everything here is made up (names, unit code, the procedures marked "mô phỏng") except the
calendar, the rules and the national procedure codes. The dossiers are planned with the same
life cycle the clerks' commands use and loaded through the ordinary import, so the figures
come from the real engine, not from a table.
"""

import random
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.app.context import Context
from tthc.core import deadlines, transitions
from tthc.core.errors import TthcError
from tthc.core.timelimit import parse_limit
from tthc.core.workcalendar import WorkCalendar

if TYPE_CHECKING:
    from tthc.app.interchange import ImportReport

START = date(2025, 7, 1)
END = date(2025, 9, 12)
CENTER = "Trung tâm Phục vụ hành chính công xã Hòa An (dữ liệu mô phỏng)"
PREFIX = "DEMO.XA"
POINTS = ("Điểm 1 - Trụ sở xã", "Điểm 2 - Nhà văn hóa")
OFFICERS = ("Nguyễn Thị Lan", "Trần Văn Đức", "Lê Thị Hoa", "Phạm Minh Tuấn", "Võ Thị Thu")

#: The real center's figures that the demo reproduces.
TARGET = {
    "received": 1964,
    "direct": 1433,
    "online": 487,
    "postal": 44,
    "early": 1700,
    "on_time": 187,
    "late": 33,
    "withdrawn": 6,
    "pending_not_due": 35,
    "pending_overdue": 3,
}

# (code, name, field, limit, alias, weight) — codes starting with DEMO are invented.
PROCEDURES: tuple[tuple[str, str, str, str, str | None, float], ...] = (
    ("1.001193", "Đăng ký khai sinh", "Hộ tịch", "same-day", "ks", 4),
    ("1.000894", "Đăng ký kết hôn", "Hộ tịch", "same-day", "kh", 1.5),
    ("1.000656", "Đăng ký khai tử", "Hộ tịch", "same-day", "kt", 1),
    ("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", "3wd", "xnhn", 14),
    ("2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực", "same-day", "ctbs", 3),
    ("2.000884", "Chứng thực chữ ký", "Chứng thực", "same-day", "ctck", 1.5),
    ("DEMO.DD1", "Đăng ký biến động đất đai (mô phỏng)", "Đất đai", "10wd", "dd", 28),
    ("DEMO.DD2", "Hòa giải tranh chấp đất đai (mô phỏng)", "Đất đai", "30d", "hg", 6),
    ("DEMO.XD1", "Cấp giấy phép xây dựng nhà ở riêng lẻ (mô phỏng)", "Xây dựng", "15d", "xd", 12),
    ("DEMO.BT1", "Trợ cấp xã hội hằng tháng (mô phỏng)", "Bảo trợ xã hội", "7wd", "tc", 18),
    ("DEMO.BT2", "Hỗ trợ chi phí mai táng (mô phỏng)", "Bảo trợ xã hội", "3wd", "mt", 10.5),
)

_FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
)
_MIDDLE = ("Văn", "Thị", "Minh", "Hữu", "Ngọc", "Thanh", "Đức", "Quốc", "Thu", "Xuân")
_GIVEN = (
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hùng",
    "Khánh",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tú",
    "Vân",
    "Yến",
)


@dataclass
class _Dossier:
    procedure: str
    limit: Any
    channel: str
    received: datetime
    point: str
    officer: str
    applicant: str
    paused: datetime | None = None
    resumed: datetime | None = None
    due: deadlines.Due | None = None
    start: datetime | None = None  # when work (last) started: the effective receipt or the resume
    fate: str = ""
    resolved: datetime | None = None
    returned: datetime | None = None
    withdrawn: datetime | None = None
    outcome: str = ""


def _moment_in_session(
    cal: WorkCalendar, rng: random.Random, day: date, after: datetime | None = None
) -> datetime:
    """A random minute inside the office sessions of working ``day`` (after ``after`` if given)."""
    slots = [m for s, e in cal.sessions for m in range(s, e, 5)]
    if after is not None and after.date() == day:
        floor = after.hour * 60 + after.minute
        slots = [m for m in slots if m > floor] or [cal.sessions[-1][1] - 1]
    m = rng.choice(slots)
    return datetime.combine(day, time(m // 60, m % 60))


def _working_days(cal: WorkCalendar, first: date, last: date) -> list[date]:
    return [
        first + timedelta(i) for i in range((last - first).days + 1) if cal.is_working(first + timedelta(i))
    ]


def generate(cal: WorkCalendar, policy: deadlines.Policy = "restart", seed: int = 20250701) -> list[_Dossier]:
    """Dossiers whose fates give exactly the TARGET figures at the end of 12/9/2025, their due
    dates planned through the life cycle under the center's supplement ``policy``."""
    rng = random.Random(seed)
    days = _working_days(cal, START, END)
    channels = ["direct"] * TARGET["direct"] + ["online"] * TARGET["online"] + ["postal"] * TARGET["postal"]
    rng.shuffle(channels)
    procs = [p for p in PROCEDURES]
    weights = [p[5] for p in procs]
    out: list[_Dossier] = []
    for channel in channels:
        code, _, _, limit_text, _, _ = rng.choices(procs, weights)[0]
        if (
            channel == "online" and rng.random() < 0.15
        ):  # online dossiers also arrive at night and at weekends
            day = START + timedelta(rng.randrange((END - START).days))
            received = datetime.combine(day, time(rng.randrange(0, 24), rng.choice((0, 15, 30, 45))))
        else:
            received = _moment_in_session(cal, rng, rng.choice(days))
        name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"
        d = _Dossier(
            code,
            parse_limit(limit_text),
            channel,
            received,
            POINTS[rng.random() < 0.4],
            rng.choice(OFFICERS),
            name,
        )
        life = transitions.receive(cal, "demo", d.limit, received)
        if d.limit.unit != "same-day" and received.date() < date(2025, 8, 25) and rng.random() < 0.04:
            # a supplement round: papers asked the next working day, brought back two working days later
            ask_day = cal.nth_working_day_after(life.receipt.anchor.date(), 1)
            d.paused = _moment_in_session(cal, rng, ask_day)
            d.resumed = _moment_in_session(cal, rng, cal.nth_working_day_after(ask_day, 2))
            life = transitions.apply(cal, life, transitions.Supplement(d.paused, policy))
            life = transitions.apply(cal, life, transitions.Resume(d.resumed))
        d.start = d.resumed or life.receipt.anchor
        d.due = life.due
        out.append(d)
    _assign_fates(cal, rng, out)
    return out


def _start_of_work(d: _Dossier) -> datetime:
    assert d.start is not None
    return d.start


def _early_days(cal: WorkCalendar, d: _Dossier) -> list[date]:
    assert d.due is not None
    first = _start_of_work(d).date()
    last = min(d.due.due_date - timedelta(1), END)
    return _working_days(cal, first, last) if last >= first else []


def _assign_fates(cal: WorkCalendar, rng: random.Random, items: list[_Dossier]) -> None:
    quota = {
        "early": TARGET["early"],
        "on_time": TARGET["on_time"],
        "late": TARGET["late"],
        "withdrawn": TARGET["withdrawn"],
        "not_due": TARGET["pending_not_due"],
        "overdue": TARGET["pending_overdue"],
    }

    def feasible(d: _Dossier, fate: str) -> bool:
        assert d.due is not None
        due = d.due.due_date
        return {
            "early": bool(_early_days(cal, d)),
            "on_time": due <= END and _start_of_work(d).date() <= due,
            "late": due < END and cal.working_days_between(due, END) > 0,
            "withdrawn": True,
            "not_due": due >= END,
            "overdue": due < END and due >= date(2025, 9, 1),
        }[fate]

    order = list(items)
    rng.shuffle(order)
    # Scarce fates first; dossiers that cannot be early are used before those that can.
    for fate in ("not_due", "overdue", "late", "on_time", "withdrawn"):
        candidates = [d for d in order if not d.fate and feasible(d, fate)]
        if fate != "late":  # lateness is spread over every field, not left to same-day work
            candidates.sort(key=lambda d: feasible(d, "early"))
        for d in candidates[: quota[fate]]:
            d.fate = fate
            quota[fate] -= 1
    for d in order:
        if not d.fate and quota["early"] > 0 and feasible(d, "early"):
            d.fate = "early"
            quota["early"] -= 1
    if any(quota.values()) or any(not d.fate for d in items):
        left = sum(1 for d in items if not d.fate)
        raise TthcError("demo generation could not meet the target figures: {left}", left=f"{quota}, {left} without a fate")
    for d in items:
        _times(cal, rng, d)


def _times(cal: WorkCalendar, rng: random.Random, d: _Dossier) -> None:
    assert d.due is not None
    start = _start_of_work(d)
    due = d.due.due_date
    if d.fate == "early":
        day = rng.choice(_early_days(cal, d))
        d.resolved = _moment_in_session(cal, rng, day, after=start)
    elif d.fate == "on_time":
        d.resolved = _moment_in_session(cal, rng, due, after=start)
    elif d.fate == "late":
        d.resolved = _moment_in_session(cal, rng, rng.choice(_working_days(cal, due + timedelta(1), END)))
    elif d.fate == "withdrawn":
        d.withdrawn = _moment_in_session(
            cal, rng, rng.choice(_working_days(cal, start.date(), END)), after=start
        )
    else:  # pending at the snapshot: most are finished in the following days, a few are still open
        if rng.random() < 0.85:
            later = _working_days(cal, date(2025, 9, 15), date(2025, 9, 30))
            d.resolved = _moment_in_session(cal, rng, rng.choice(later))
    if d.resolved is not None:
        d.outcome = "rejected" if rng.random() < 0.02 else "approved"
        if rng.random() < 0.97:
            back = cal.nth_working_day_after(d.resolved.date(), rng.choice((1, 1, 2, 3)))
            d.returned = _moment_in_session(cal, rng, back)


#: A demo dossier's moments, its receipt first.
_STEPS = ("received", "paused", "resumed", "resolved", "returned", "withdrawn")


def as_of(items: list[_Dossier], now: datetime) -> list[_Dossier]:
    """The center as it stood at ``now``: dossiers not yet received are left out, and every
    step later than ``now`` is dropped (a result not yet given, papers not yet brought)."""
    kept = []
    for d in items:
        if d.received > now:
            continue
        for name in _STEPS[1:]:
            moment = getattr(d, name)
            if moment is not None and moment > now:
                setattr(d, name, None)
        if d.resolved is None:
            d.outcome = ""
        kept.append(d)
    return kept


def write_csv(items: list[_Dossier], path: Path) -> None:
    from tthc.storage.sheets import write_table

    def fmt(moment: datetime | None) -> str:
        return "" if moment is None else moment.strftime("%d/%m/%Y %H:%M")

    headers = [
        "Mã hồ sơ",
        "Mã thủ tục",
        "Người nộp",
        "Ngày tiếp nhận",
        "Hình thức",
        "Điểm tiếp nhận",
        "Cán bộ xử lý",
        "Ngày yêu cầu bổ sung",
        "Ngày bổ sung",
        "Ngày giải quyết",
        "Kết quả",
        "Ngày trả kết quả",
        "Ngày rút hồ sơ",
    ]
    rows = (
        [
            "",
            d.procedure,
            d.applicant,
            fmt(d.received),
            d.channel,
            d.point,
            d.officer,
            fmt(d.paused),
            fmt(d.resumed),
            fmt(d.resolved),
            d.outcome,
            fmt(d.returned),
            fmt(d.withdrawn),
        ]
        for d in sorted(items, key=lambda x: x.received)
    )
    write_table(path, headers, rows)


def default_path() -> Path:
    return Path(tempfile.gettempdir()) / "tthc-demo.db"


def build(ctx: Context) -> "ImportReport":
    """Create the demo database at ``ctx.db_path`` (only a new file or an earlier demo)."""
    from tthc.app import catalog, service
    from tthc.app.interchange import import_file
    from tthc.storage.store import Store

    path: Path = ctx.db_path
    if ctx.now.date() < START:  # the demo writes nothing later than now: it would be empty
        raise TthcError("the demo center opens on {start:%d/%m/%Y}, and the clock says {now:%d/%m/%Y %H:%M} (TTHC_NOW): the demo writes no step later than now", now=ctx.now, start=START)
    if path.exists() and path.stat().st_size > 0:
        store = Store.open(path)
        is_demo = store.has_event("demo")
        store.close()
        if not is_demo:
            raise TthcError("{path} holds a database that is not a demo; the demo will not touch it", path=path)
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    ctx.use_database(path)
    service.init(ctx, center=CENTER, prefix=PREFIX, lang=None, catalog=False)
    store = ctx.store()
    with store.write():
        store.add_event(
            step="demo",
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={"synthetic": True, "seed": 20250701},
        )
    for code, name, field, limit, alias, _ in PROCEDURES:
        catalog.add_procedure(ctx, code, name, field, limit, alias, None)
    for point in POINTS:
        catalog.add_name(ctx, "point", point)
    for officer in OFFICERS:
        catalog.add_name(ctx, "officer", officer)
    items = as_of(generate(ctx.calendar(), ctx.settings().supplement_policy), ctx.now)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "demo-dossiers.csv"
        write_csv(items, csv_path)
        return import_file(ctx, csv_path)
