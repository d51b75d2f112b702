"""One dossier on screen: the quote of a due date and the reasoning day by day, what a step
did, the dossier's every field with its timeline, the audit trail, a correction's plan and the
period's corrections."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tthc.core.lifecycle import undone as undone_of
from tthc.core.models import mask_id
from tthc.core.workcalendar import Doubts
from tthc.locale.i18n import fmt_day, fmt_limit, label, step_label, t
from tthc.locale.marks import N_, P_
from tthc.locale.words import COLUMN_WORDS, CORRECTION_WORDS
from tthc.present.layout import (
    READABLE,
)
from tthc.present.table import Field, Plain, Table
from tthc.present.terminal import (
    echo,
    fmt_moment,
    fmt_short,
    output_width,
    say,
    wrap_line,
)

if TYPE_CHECKING:
    from tthc.app.corrections import Changed, UndoPlan
    from tthc.app.dossiers import DossierView
    from tthc.app.service import Quote
    from tthc.core.models import Dossier, Event
    from tthc.core.periods import Period


def print_quote(q: Quote, lang: str, *, explain: bool) -> None:
    due = q.due
    lines = [
        f"{t(lang, 'Time limit')}: {fmt_limit(lang, due.limit)}"
        + (f" ({q.procedure.code} {q.procedure.name})" if q.procedure else ""),
        f"{t(lang, 'Received')}: {fmt_moment(lang, q.received_at)}",
    ]
    if q.counting.anchor != q.received_at:
        lines.append(f"{t(lang, 'Counted from')}: {fmt_moment(lang, q.counting.anchor)}")
    lines.append(f"{t(lang, 'Appointment')}: {fmt_moment(lang, due.due_at)}")
    for line in lines:
        echo(line)
    for line in doubt_lines(lang, q.doubts):
        echo("! " + line)
    if explain:
        echo("")
        echo("\n".join(day_lines(lang, q.steps)))


def doubt_lines(lang: str, doubts: Doubts) -> list[str]:
    """Why a due date may still change, one line per provisional year or unconfirmed day:
    every screen that shows a due date says it the same way."""
    lines = [
        t(lang, "provisional: holidays of {year} are not yet confirmed by the government", year=year)
        for year in doubts.years
    ]
    lines += [
        t(
            lang,
            "unconfirmed: {day} is a day off no decision has put in force yet; the center confirms or rejects it",
            day=fmt_day(lang, day),
        )
        for day in doubts.days
    ]
    return lines


def day_lines(lang: str, steps: Sequence[Any]) -> list[str]:
    """The day-by-day reasoning, the days padded to one width (``Chủ nhật`` is the longest)."""
    rows = [[fmt_day(lang, s.day) if s.day else "", t(lang, s.what, **s.args)] for s in steps]
    return ["  " + line for line in Plain(None, reshape=False).lines(Table([Field(""), Field("")], rows))]


# -- dossiers -----------------------------------------------------------------------------------
URGENCY_STYLE = {
    "overdue": "bold red",
    "today": "yellow",
    "soon": "cyan",
    "paused": "dim",
    "open": "",
    "done": "green",
}


def fmt_opt(lang: str, moment: datetime | None) -> str:
    return "" if moment is None else fmt_moment(lang, moment)


def appointment(lang: str, d: Dossier, fmt: Callable[[datetime], str]) -> str:
    """The appointment as a person reads it: its moment; while papers are awaited, that; once
    closed without them, when it was closed (as a withdrawn dossier shows its end)."""
    if d.due_at is not None:
        return fmt(d.due_at)
    if d.status == "closed" and d.closed_at is not None:
        return t(lang, "closed {at}", at=fmt(d.closed_at))
    return label(lang, "paused")


def due_text(lang: str, d: Dossier) -> str:
    return appointment(lang, d, lambda moment: fmt_moment(lang, moment))


def print_received(d: Dossier, lang: str, catalog_limit: str, doubts: Doubts) -> None:
    say(
        t(
            lang,
            "Received {code} · {procedure} · due {due}",
            code=d.code,
            procedure=f"{d.procedure} {d.procedure_name}",
            due=due_text(lang, d),
        )
    )
    if d.limit_overridden:
        limit, catalog = fmt_limit(lang, d.limit), fmt_limit(lang, catalog_limit)
        say(
            t(
                lang,
                "time limit {limit} instead of the catalog's {catalog} (recorded)",
                limit=limit,
                catalog=catalog,
            ),
            indent="  ",
        )
    for line in doubt_lines(lang, doubts):
        say(line, indent="  ! ")


def print_step(d: Dossier, step: str, lang: str) -> None:
    status = label(lang, d.status)
    if d.status == "resolved" and d.timeliness:
        status += f" ({label(lang, d.timeliness)})"
    say(
        t(lang, "{code}: {step} recorded · {status}", code=d.code, step=step_label(lang, step), status=status)
    )
    if step == "resume" and d.due_at is not None:
        say(t(lang, "due {due}", due=due_text(lang, d)), indent="  ")


def print_dossier(view: DossierView, lang: str, *, show_id: bool) -> None:
    d = view.dossier
    rows: list[tuple[str, str]] = [
        (t(lang, "Code"), d.code),
        (t(lang, "Procedure"), f"{d.procedure} {d.procedure_name}"),
        (t(lang, "Field"), d.field),
        (t(lang, "Applicant"), d.applicant),
        (t(lang, "ID number"), (d.id_number if show_id else mask_id(d.id_number)) or ""),
        (t(lang, "Phone"), d.phone or ""),
        (t(lang, "Address"), d.address or ""),
        (t(lang, "Channel"), label(lang, d.channel)),
        (t(lang, "Point"), d.point or ""),
        (t(lang, "Officer"), d.officer or ""),
        (t(lang, "Time limit"), fmt_limit(lang, d.limit)),
        (t(lang, "Received"), fmt_moment(lang, d.received_at)),
        (t(lang, "Appointment"), due_text(lang, d)),
        (t(lang, "Status"), label(lang, d.status)),
        (t(lang, "Waiting for papers since"), fmt_opt(lang, d.paused_at)),
        (
            t(lang, "Resolved"),
            fmt_opt(lang, d.resolved_at) + (f" · {label(lang, d.outcome)}" if d.outcome else ""),
        ),
        (t(lang, "Timeliness"), label(lang, d.timeliness)),
        (t(lang, "Returned"), fmt_opt(lang, d.returned_at)),
        (t(lang, "Withdrawn"), fmt_opt(lang, d.withdrawn_at)),
        (t(lang, P_("dossier detail", "Closed")), fmt_opt(lang, d.closed_at)),
        (t(lang, "Submitted online"), fmt_opt(lang, d.life.submitted_at)),
        (t(lang, "Received for"), d.life.for_authority or ""),
        (t(lang, "Forwarded"), fmt_opt(lang, d.life.forwarded_at)),
        (t(lang, "Citizen told"), fmt_opt(lang, d.life.notified_at)),
        (t(lang, "Note"), d.note or ""),
    ]
    if d.apology is not None:
        rows.append(
            (
                t(lang, "Apology"),
                f"{fmt_moment(lang, d.apology.issued_at)} · "
                + t(lang, "new date {date}", date=fmt_day(lang, d.apology.new_date))
                + f" · {d.apology.reason}",
            )
        )
    rows += service_rows(d, lang)
    shown = [[key, value] for key, value in rows if value]
    limit = output_width()
    fields = [Field(""), Field("", wrap=True, least=READABLE)]  # a long value wraps under itself
    lines = Plain(limit, reshape=False).lines(Table(fields, shown))
    lines += [x for line in doubt_lines(lang, view.doubts) for x in wrap_line(line, limit, indent="! ")]
    if view.steps:
        lines.append("")
        lines.extend(day_lines(lang, view.steps))
    echo("\n".join([*lines, ""]))
    print_history(view.events, lang, title=t(lang, "Timeline"))


def service_rows(d: Dossier, lang: str) -> list[tuple[str, str]]:
    """What the province's scorecard counts about the dossier, and the citizen's rating."""
    svc = d.service
    fee = "" if svc.fee is None else f"{svc.fee:,}".replace(",", ".") + " đ"
    if svc.payment:
        fee = f"{fee} · {label(lang, svc.payment)}".lstrip(" ·")
    facts = [
        t(lang, COLUMN_WORDS[name])
        for name, on in (
            ("digitised", svc.digitised),
            ("data_reused", svc.data_reused),
            ("e_result", bool(svc.e_result)),
        )
        if on
    ]
    rows = [(t(lang, P_("file column", "fee")), fee), (t(lang, "Scorecard facts"), ", ".join(facts))]
    if d.rating is not None:
        said = f" · {d.rating.comment}" if d.rating.comment else ""
        rows.append(
            (
                t(lang, "Citizen's rating"),
                f"{label(lang, d.rating.rating)} · {fmt_moment(lang, d.rating.rated_at)}{said}",
            )
        )
    return rows


#: Below this many columns the details of a step go on a line of their own under it.
DETAILS_ROOM = 30


def print_history(events: list[Event], lang: str, *, title: str | None = None) -> None:
    """The audit trail as aligned lines, each step said in words; an undone step is marked ✗.
    On a narrow screen each step's details go under it, as wide as the screen allows."""
    from tthc.present.render_history import event_text

    undone = undone_of(events)
    fields = [
        Field("#", align="right"),
        Field(t(lang, "Step"), wrap=True),
        Field(t(lang, "When")),
        Field(t(lang, "Recorded")),
        Field(t(lang, "By"), wrap=True),
        Field(t(lang, "Details"), wrap=True, under=DETAILS_ROOM),
    ]
    rows = [
        [
            str(e.id),
            step_label(lang, e.step) + (" ✗" if e.id in undone else ""),
            fmt_short(e.happened_at),
            fmt_short(e.recorded_at),
            e.actor,
            event_text(lang, e),
        ]
        for e in events
    ]
    styles = ["dim" if e.id in undone else "" for e in events]
    if title:
        echo(title)
    Plain(reshape=False).show(Table(fields, rows, styles=styles))


def print_undo_plan(plan: UndoPlan, lang: str) -> None:
    say(
        t(
            lang,
            "{code}: will revert {step} of {at} (recorded by {actor})",
            code=plan.code,
            step=step_label(lang, plan.step),
            at=fmt_moment(lang, plan.happened_at),
            actor=plan.actor,
        )
    )


def print_corrections(items: list[Changed], period: Period, lang: str) -> None:
    """Every changed timeline of the period, under a title naming the period."""
    start, end = period.start.strftime("%d/%m/%Y"), period.end.strftime("%d/%m/%Y")
    if not items:
        echo(t(lang, "No timeline was changed from {start} to {end}.", start=start, end=end))
        return
    headers = [
        t(lang, h)
        for h in (N_("Code"), N_("Change"), N_("Step"), N_("Step's time"), N_("Replaced"), N_("Recorded"), N_("By"), N_("Reason"))
    ]
    rows = [
        [
            c.code,
            t(lang, CORRECTION_WORDS[c.kind]),
            step_label(lang, c.step),
            fmt_moment(lang, c.moment),
            fmt_opt(lang, c.replaced),
            fmt_moment(lang, c.recorded_at),
            c.actor,
            c.reason,
        ]
        for c in items
    ]
    title = t(lang, "Changed timelines — {start} to {end} ({n})", start=start, end=end, n=len(items))
    Plain().show(Table.of(headers, rows, title=title, lead=3))


def event_json(e: Event) -> dict[str, Any]:
    from tthc.core.clock import iso

    return {
        "id": e.id,
        "step": e.step,
        "happened_at": iso(e.happened_at),
        "recorded_at": iso(e.recorded_at),
        "actor": e.actor,
        "details": e.details,
        "undoes": e.undoes,
    }
