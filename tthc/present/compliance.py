"""The manager's two questions after the summary, on screen and in files: who carries the load
(the workload table and each group's share as a bar) and what was late (the lists of ``tthc
late``, a table each, or a record per dossier on a narrow screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tthc.locale.i18n import label, step_label, t
from tthc.locale.marks import N_, P_
from tthc.locale.words import BREACH_WORDS, COLUMN_WORDS, CORRECTION_WORDS
from tthc.present.backends import show
from tthc.present.table import Field, Table
from tthc.present.terminal import (
    echo,
    fmt_moment,
    output_width,
    wrap_words,
)

if TYPE_CHECKING:
    from tthc.app.workload import Compliance, LateDossier
    from tthc.core.figures import Load, Workload


# -- workload and compliance --------------------------------------------------------------------------
#: The columns of the workload table; share and the bar are drawn below it, so the numbers fit
#: 80 columns whole.
WORKLOAD_COLUMNS = ("received", "handed_over", "resolved", "on_time_rate", "pending", "overdue", "load")
#: Each column's heading on screen, in two lines where it is long.
_WORKLOAD_HEAD_WORDS = {
    "received": P_("worklist column heading", "Received"),
    "handed_over": N_("Handed\nover"),
    "resolved": P_("worklist column heading", "Resolved"),
    "on_time_rate": N_("On-time\nrate"),
    "pending": P_("worklist column heading", "Pending"),
    "overdue": P_("worklist column heading", "Overdue"),
    "load": N_("Load"),
}
#: What the workload is grouped by: its first column, its title and what its columns count.
_BY_WORDS = {"officer": N_("Officer"), "point": N_("Point")}
_WORKLOAD_TITLE_WORDS = {
    "officer": N_("Workload by officer — {start} to {end}"),
    "point": N_("Workload by reception point — {start} to {end}"),
}
_WORKLOAD_LEGEND_WORDS = {
    "officer": N_(
        "Received: received while in their charge at receipt. Handed over: handovers to them. Resolved, pending and overdue: dossiers in their charge now."
    ),
    "point": N_("Handed over: handovers of the point's dossiers in the period."),
}


def _workload_cells(lang: str, g: Load) -> list[str]:
    from tthc.locale.i18n import fmt_rate

    return [fmt_rate(lang, g.rate) if c == "on_time_rate" else str(getattr(g, c)) for c in WORKLOAD_COLUMNS]


def workload_lines(w: Workload, lang: str, width: int = 80) -> list[str]:
    """The workload table, then each group's share of the center's load as a bar, in
    ``width`` columns: a name too long goes on under its row, whole; numbers are always whole."""
    import textwrap

    from tthc.locale.i18n import fmt_rate
    from tthc.present.backends import Bar, Ledger

    names = [t(lang, "(none)") if g.key is None else g.key for g in w.groups]
    figures = Table(
        [
            Field(t(lang, _BY_WORDS[w.by]), key=w.by),
            *(Field(t(lang, _WORKLOAD_HEAD_WORDS[c]), key=c, align="right") for c in WORKLOAD_COLUMNS),
        ],
        [
            *([n, *_workload_cells(lang, g)] for n, g in zip(names, w.groups, strict=True)),
            [t(lang, "Total"), *_workload_cells(lang, w.total)],
        ],
        totals=1,
    )
    load = w.total.load
    most = max((g.load for g in w.groups), default=0) or 1
    shares = Table(
        [Field(""), Field(""), Field("", align="right")],
        [
            [n, Bar(g.load, most), f"{fmt_rate(lang, g.value('share', load))}  {g.load}"]
            for n, g in zip(names, w.groups, strict=True)
        ],
    )
    table, bars = Ledger(width).drawn(figures, shares)
    period = w.period
    out = [
        t(
            lang,
            _WORKLOAD_TITLE_WORDS[w.by],
            start=period.start.strftime("%d/%m/%Y"),
            end=period.end.strftime("%d/%m/%Y"),
        ),
        t(lang, "pending counted at {at}", at=fmt_moment(lang, w.snapshot)),
        "",
        *table,
    ]
    out += [
        "",
        *textwrap.wrap(t(lang, "Share of the center's load (load = resolved + pending)"), width),
        *bars,
    ]
    out += ["", *textwrap.wrap(t(lang, _WORKLOAD_LEGEND_WORDS[w.by]), width)]
    rated = [(n, g) for n, g in zip(names, w.groups, strict=True) if any(g.ratings.values())]
    if rated:
        out.append("")
    for name, g in rated:
        counts = ", ".join(f"{label(lang, r)} {n}" for r, n in g.ratings.items())
        out += textwrap.wrap(t(lang, "Ratings: {officer}: {counts}", officer=name, counts=counts), width)
    return out


def print_workload(w: Workload, lang: str) -> None:
    width = output_width() or 80  # COLUMNS or the terminal's width; 80 into a pipe or a file
    echo("\n".join(line.rstrip() for line in workload_lines(w, lang, max(width, 40))))


def workload_records(w: Workload, lang: str) -> tuple[list[str], list[list[Any]]]:
    """:func:`workload_table`'s headings and rows, as the CSV and Excel writer takes them."""
    table = workload_table(w, lang)
    return table.headings, [list(r) for r in table.rows]


def workload_table(w: Workload, lang: str) -> Table:
    """Flat rows (one per group and a total) for CSV and Excel: in English named as in the
    JSON, in Vietnamese with Vietnamese headers, as ``summary --out`` does."""
    from tthc.core.figures import WORKLOAD_FIGURES

    load = w.total.load
    rows: list[list[Any]] = []
    for key, g in [*((g.key or "", g) for g in w.groups), (t(lang, "TOTAL"), w.total)]:
        rows.append([key, *(g.value(name, load) for name in WORKLOAD_FIGURES)])  # rates as the summary's
    names = (w.by, *WORKLOAD_FIGURES)
    fields = [
        Field(t(lang, COLUMN_WORDS[n]), key=n, align="left" if i == 0 else "right") for i, n in enumerate(names)
    ]
    return Table(fields, rows)


#: A list of ``tthc late`` as every output shows it: a title, column headers, and rows of
#: typed cells (text, whole numbers, dates and moments), formatted by each output.
Section = tuple[str, list[str], list[list[Any]]]
_DOSSIER_HEADS = (
    N_("Code"),
    N_("Procedure"),
    N_("Officer"),
    P_("list column heading", "Due date"),
    P_("list column heading", "Resolved"),
    N_("Working days late"),
)
_APOLOGY_HEADS = (N_("Apology"), N_("New date"), N_("New date kept?"))
#: Whether an apology's new date was kept.
_PROMISE_WORDS = {"kept": N_("kept"), "broken": N_("broken"), "not_yet": N_("not yet due")}
#: Which list a row of the flat table comes from (its first column).
_LIST_WORDS = {
    "resolved_late": N_("resolved_late"),
    "open_overdue": N_("open_overdue"),
    "late_requests": N_("late_requests"),
    "corrections": N_("corrections"),
    "breaches": N_("breaches"),
}


def _late_row(lang: str, d: LateDossier) -> list[Any]:
    a = d.apology
    apology = N_("none") if a is None else N_("in time") if a.in_time else N_("too late")
    return [
        d.code,
        d.procedure,
        d.officer or "",
        d.due_date,
        d.resolved_at or t(lang, "open"),
        d.working_days_late,
        t(lang, apology),
        None if a is None else a.new_date,
        "" if a is None else t(lang, _PROMISE_WORDS[a.promise]),
    ]


def late_sections(late: Compliance, lang: str) -> list[Section]:
    """The five lists of ``tthc late``, titled and translated."""
    heads = [t(lang, h) for h in (*_DOSSIER_HEADS, *_APOLOGY_HEADS)]
    requests = [
        t(lang, h)
        for h in (*_DOSSIER_HEADS[:4], P_("list column heading", "Papers requested"), N_("Working days late"), N_("Reason"))
    ]
    fixes = [t(lang, h) for h in (*_DOSSIER_HEADS[:3], N_("Correction"), N_("Step"), N_("Step had happened"))]
    fixes += [t(lang, "Corrected"), t(lang, "By")]
    at = fmt_moment(lang, late.snapshot)
    return [
        (
            t(lang, "Resolved late ({n})", n=len(late.resolved_late)),
            heads,
            [_late_row(lang, d) for d in late.resolved_late],
        ),
        (
            t(lang, "Open and overdue at {at} ({n})", at=at, n=len(late.open_overdue)),
            heads,
            [_late_row(lang, d) for d in late.open_overdue],
        ),
        (
            t(lang, "Papers requested after the due date had passed ({n})", n=len(late.late_requests)),
            requests,
            [
                [
                    r.code,
                    r.procedure,
                    r.officer or "",
                    r.due_date,
                    r.requested_at,
                    r.working_days_late,
                    r.reason or "",
                ]
                for r in late.late_requests
            ],
        ),
        (
            t(lang, "Timelines corrected ({n})", n=len(late.corrections)),
            fixes,
            [
                [
                    c.code,
                    c.procedure or "",
                    c.officer or "",
                    t(lang, CORRECTION_WORDS[c.kind]),
                    step_label(lang, c.step),
                    c.step_at,
                    c.corrected_at,
                    c.actor,
                ]
                for c in late.corrections
            ],
        ),
        (
            t(lang, "Duties of Decree 118 broken ({n})", n=len(late.breaches)),
            [t(lang, h) for h in (*_DOSSIER_HEADS[:3], N_("Breach"), N_("Article"), N_("When"), N_("Due by"))],
            [
                [
                    b.code,
                    b.procedure,
                    b.officer or "",
                    t(lang, BREACH_WORDS[b.kind]),
                    b.article,
                    b.at,
                    b.due or "",
                ]
                for b in late.breaches
            ],
        ),
    ]


def print_late(late: Compliance, lang: str) -> None:
    """The four lists, each a table where the screen allows, else a record per dossier."""
    period = late.period
    limit = output_width()

    def words(text: str) -> str:
        return "\n".join(wrap_words(text, limit) if limit else [text])

    echo(
        words(
            t(
                lang,
                "Late and overdue dossiers — {start} to {end}",
                start=period.start.strftime("%d/%m/%Y"),
                end=period.end.strftime("%d/%m/%Y"),
            )
        )
    )
    for title, heads, rows in late_sections(late, lang):
        echo("")
        if not rows:
            echo(f"{words(title)}\n{t(lang, '  none')}")
            continue
        show(Table.of(heads, rows, title=title, lead=3))
    missing = [d.code for d in late.without_apology_in_time()]
    codes = " — " + ", ".join(missing) if missing else ""
    echo("")
    echo(words(t(lang, "Late without an apology in time: {n}{codes}", n=len(missing), codes=codes)))


#: The columns of ``tthc late --out``: the four lists in one table, told apart by ``list``.
LATE_COLUMNS = (
    "list",
    "code",
    "procedure",
    "officer",
    "due_date",
    "resolved_at",
    "working_days_late",
    "apology_issued_at",
    "apology_in_time",
    "new_date",
    "promise",
    "requested_at",
    "reason",
    "kind",
    "step",
    "step_at",
    "corrected_at",
    "actor",
    "article",
    "at",
    "due",
    "done_at",
)


def late_records(late: Compliance, lang: str) -> tuple[list[str], list[list[Any]]]:
    """:func:`late_table`'s headings and rows, as the CSV and Excel writer takes them."""
    table = late_table(late, lang)
    return table.headings, [list(r) for r in table.rows]


def late_table(late: Compliance, lang: str) -> Table:
    """The four lists as one flat table for CSV and Excel: real date cells; in English named
    as in the JSON, in Vietnamese with Vietnamese headers and words."""
    vi = lang == "vi"

    def word(value: str | None, said: str) -> str | None:
        return t(lang, said) if vi and value is not None else value

    rows: list[list[Any]] = []
    for listed, items in (("resolved_late", late.resolved_late), ("open_overdue", late.open_overdue)):
        for d in items:
            a = d.apology
            cells: dict[str, Any] = {"code": d.code, "procedure": d.procedure, "officer": d.officer}
            cells.update(
                due_date=d.due_date, resolved_at=d.resolved_at, working_days_late=d.working_days_late
            )
            if a is not None:
                in_time = t(lang, N_("yes") if a.in_time else N_("no")) if vi else a.in_time
                cells.update(apology_issued_at=a.issued_at, apology_in_time=in_time, new_date=a.new_date)
                cells.update(promise=word(a.promise, _PROMISE_WORDS[a.promise]))
            rows.append([word(listed, _LIST_WORDS[listed]), *(cells.get(c) for c in LATE_COLUMNS[1:])])
    for r in late.late_requests:
        cells = {"code": r.code, "procedure": r.procedure, "officer": r.officer, "due_date": r.due_date}
        cells.update(requested_at=r.requested_at, working_days_late=r.working_days_late, reason=r.reason)
        rows.append([word("late_requests", _LIST_WORDS["late_requests"]), *(cells.get(c) for c in LATE_COLUMNS[1:])])
    for c in late.corrections:
        cells = {"code": c.code, "procedure": c.procedure, "officer": c.officer, "actor": c.actor}
        cells.update(kind=word(c.kind, CORRECTION_WORDS[c.kind]), step=step_label(lang, c.step) if vi else c.step)
        cells.update(step_at=c.step_at, corrected_at=c.corrected_at)
        rows.append([word("corrections", _LIST_WORDS["corrections"]), *(cells.get(k) for k in LATE_COLUMNS[1:])])
    for b in late.breaches:
        cells = {"code": b.code, "procedure": b.procedure, "officer": b.officer, "article": b.article}
        cells.update(kind=word(b.kind, BREACH_WORDS[b.kind]), at=b.at, due=b.due, done_at=b.done_at)
        rows.append([word("breaches", _LIST_WORDS["breaches"]), *(cells.get(k) for k in LATE_COLUMNS[1:])])
    return Table([Field(t(lang, COLUMN_WORDS[c]), key=c, wrap=c == "reason") for c in LATE_COLUMNS], rows, lead=2)
