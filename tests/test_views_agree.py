"""One rule, one home: where two views judge the same thing — is it overdue, is it due soon,
what is the percentage, is the year provisional, where does the slip's QR code point — they
ask one function, and these worked examples show them agreeing at the edges."""

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import Cli
from tthc.app import dossiers, papers, worklist, workload
from tthc.app.context import Context
from tthc.app.dossiers import ListFilter
from tthc.app.papers import lookup_target
from tthc.app.summary import on_time_rate, percent, summarize
from tthc.core import deadlines
from tthc.core.periods import Period
from tthc.core.workcalendar import is_provisional, provisional_years
from tthc.present.paper_html import slip_html
from tthc.web.views import Reader


def _at(ctx: Context, moment: str) -> Context:
    ctx.now = datetime.fromisoformat(moment)
    ctx.invalidate()
    return ctx


def _overdue_everywhere(ctx: Context, db: Path, code: str) -> dict[str, bool]:
    """Is ``code`` overdue now, as each view that says so sees it?"""
    today = ctx.now.date()
    morning = worklist.build(ctx, ListFilter())
    listed = dossiers.list_dossiers(ctx, ListFilter(overdue=True))
    summary = summarize(ctx.store(), Period(today, today), None, ctx.now).total
    late = workload.late(ctx, Period(today, today))
    with Reader(db, ctx.now, "en") as reader:
        board = reader.dashboard(limit=50)
    return {
        "worklist": any(
            r.dossier.code == code for s in morning.sections if s.name == "overdue" for r in s.rows
        ),
        "list --overdue": any(d.code == code for d in listed),
        "summary": summary.pending_overdue == 1,
        "late": any(d.code == code for d in late.open_overdue),
        "dashboard": any(d.code == code for d in board.groups["overdue"]),
    }


def test_a_4_hour_dossier_is_overdue_from_the_minute_after_its_appointment(center: Cli) -> None:
    """Received Mon 8/9/2025 at 07:30 under 4 working hours: the appointment is 11:30. At 11:30
    every view says not yet; at 11:31 every view says overdue."""
    ctx = center.context("2025-09-08 07:30")
    code = dossiers.receive(ctx, "ks", applicant="A", at="2025-09-08 07:30", limit="4h").dossier.code
    assert dossiers.show(ctx, code).dossier.due_at == datetime(2025, 9, 8, 11, 30)
    at_appointment = _overdue_everywhere(_at(ctx, "2025-09-08 11:30"), center.db, code)
    assert not any(at_appointment.values()), at_appointment
    a_minute_later = _overdue_everywhere(_at(ctx, "2025-09-08 11:31"), center.db, code)
    assert all(a_minute_later.values()), a_minute_later
    ctx.close()


def test_at_the_end_of_a_period_its_last_day_has_not_passed_yet(center: Cli) -> None:
    """Seen at the end of Wed 10/9/2025: a dossier due that day is not overdue in the summary,
    and an apology's new date of that day is not yet broken in the late list — both judge
    the day's deadline, 24:00, with the same rule. A day later both have passed."""
    ctx = center.context("2025-09-10 16:00")
    late = dossiers.receive(ctx, "2.000884", applicant="A", at="2025-09-03 09:00", limit="3wd").dossier.code
    dossiers.apologize(ctx, late, new_date="2025-09-10", reason="chờ xác minh", at="2025-09-04 09:00")
    due_today = dossiers.receive(ctx, "ks", applicant="B", at="2025-09-10 09:00").dossier.code
    assert dossiers.show(ctx, due_today).dossier.due_date == date(2025, 9, 10)

    def seen(period_end: date) -> tuple[int, int, str]:
        period = Period(date(2025, 9, 1), period_end)
        total = summarize(ctx.store(), period, None, ctx.now).total
        (row,) = [d for d in workload.late(ctx, period).open_overdue if d.code == late]
        assert row.apology is not None
        return total.pending_overdue, total.pending_not_due, row.apology.promise

    _at(ctx, "2025-09-11 10:00")
    assert seen(date(2025, 9, 10)) == (1, 1, "not_yet")  # only the dossier due on 8/9
    assert seen(date(2025, 9, 11)) == (2, 0, "broken")
    ctx.close()


@pytest.mark.parametrize(
    ("deadline", "at", "overdue"),
    [
        (datetime(2025, 9, 9, 0, 0), datetime(2025, 9, 8, 23, 59), False),
        (datetime(2025, 9, 9, 0, 0), datetime(2025, 9, 9, 0, 0), False),  # 24:00 of the due date itself
        (datetime(2025, 9, 9, 0, 0), datetime(2025, 9, 9, 0, 1), True),
        (None, datetime(2030, 1, 1), False),  # waiting for papers: no due date, never overdue
    ],
)
def test_is_overdue(deadline: datetime | None, at: datetime, overdue: bool) -> None:
    assert deadlines.is_overdue(deadline, at) is overdue


def test_due_soon_is_the_same_horizon_on_the_worklist_and_the_dashboard(center: Cli) -> None:
    """Seen on Wed 10/9/2025: 3 working days from Mon 8/9 end Thu 11/9 (soon), from Tue 9/9
    end Fri 12/9 (soon: the second working day), from Wed 10/9 end Mon 15/9 (not yet)."""
    ctx = center.context("2025-09-10 16:00")
    codes = {
        day: dossiers.receive(
            ctx, "2.000884", applicant=day, at=f"2025-09-{day} 09:00", limit="3wd"
        ).dossier.code
        for day in ("08", "09", "10")
    }
    assert dossiers.soon_until(ctx.calendar(), ctx.now.date()) == date(2025, 9, 12)
    morning = worklist.build(ctx, ListFilter())
    on_worklist = {r.dossier.code for s in morning.sections if s.name == "soon" for r in s.rows}
    with Reader(center.db, ctx.now, "en") as reader:
        on_dashboard = {d.code for d in reader.dashboard(limit=50).groups["soon"]}
    assert on_worklist == on_dashboard == {codes["08"], codes["09"]}
    ctx.close()


def test_the_share_of_the_load_is_rounded_as_the_on_time_rate_is() -> None:
    """Half up to 2 decimals: 1 of 800 is 0.125 %, shown 0.13 (not the banker's 0.12)."""
    assert percent(1, 800) == Decimal("0.13")
    assert on_time_rate(1, 0, 800) == percent(1, 800)
    assert workload.Load("Lan", early=1).value("share", 800) == percent(1, 800)
    assert on_time_rate(1700, 187, 1920) == Decimal("98.28")  # the real center's period
    assert percent(0, 0) is None


def test_provisional_years_follow_the_confirmed_year() -> None:
    assert not is_provisional(2026, 2026) and is_provisional(2027, 2026)
    assert provisional_years(date(2026, 12, 30), date(2028, 1, 2), 2026) == [2027, 2028]


def test_the_web_slip_and_the_printed_slip_point_at_the_same_page(center: Cli) -> None:
    center.ok("config", "set", "public_url", "https://hoaan.gov.vn")
    code = dossiers.receive(center.context(), "ks", applicant="A", at="2025-09-10 09:00").dossier.code
    with Reader(center.db, datetime(2025, 9, 10, 16), "en") as reader:  # the center's language
        page = reader.receipt_page(code, "a5")
    printed = papers.slip(center.context(), code, "01")
    assert page == slip_html(printed)  # the web side serves the printed page itself
    assert printed.qr_data == lookup_target("https://hoaan.gov.vn", code)
    assert printed.qr_data == f"https://hoaan.gov.vn/tra-cuu?ma={code}"


def test_the_dashboards_twelve_months_are_the_summarys_by_month(center: Cli) -> None:
    """Reporting months starting on the 15th, seen on Wed 10/9/2025: the dashboard's chart
    spans the twelve reporting months from 15/9/2024 to that day, passed to the summary as
    days — the same months ``tthc summary --from 15/9/2024 --to 10/9/2025 --by month`` lists."""
    from tthc.app.dashboard import last_months

    center.ok("config", "set", "period_start_day", "15")
    ctx = center.context("2025-09-10 16:00")
    assert last_months(ctx, ctx.now.date(), 12) == Period(date(2024, 9, 15), date(2025, 9, 10))
    with Reader(center.db, ctx.now, "en") as reader:
        chart = reader.dashboard(limit=50).months
    by_cli = summarize(ctx.store(), Period(date(2024, 9, 15), date(2025, 9, 10)), "month", ctx.now, 15)
    assert chart.period == by_cli.period and [k for k, _ in chart.groups] == [k for k, _ in by_cli.groups]
    assert len(chart.groups) == 12 and chart.groups[0][0] == "2024-10"
    ctx.close()
