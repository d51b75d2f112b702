"""The worklist on screen and on paper: one section per kind of work with its heading, an
overdue dossier said to be overdue in words and by its working days late (a printout has no
colour), the reason papers were asked, the apology's promised date under its row. Codes and
dates are never cut; an applicant's name wraps; spare columns go first on a narrow screen.
"""

from tthc.core.worklist import Row, Section, Worklist
from tthc.locale.i18n import fmt_limit, label, t
from tthc.locale.marks import N_, P_
from tthc.present.dossiers import URGENCY_STYLE, appointment
from tthc.present.table import Field, Plain, Table
from tthc.present.terminal import echo, fmt_moment, fmt_short, output_width

#: The morning worklist's sections, by name (tthc.core.worklist.SECTIONS).
_SECTION_WORDS = {
    "overdue": N_("Overdue"),
    "today": N_("Due today"),
    "soon": N_("Due within 2 working days"),
    "paused": N_("Waiting for papers"),
    "collect": N_("Results to collect"),
    "forward": N_("Paper dossiers to send on to another authority"),
    "close": N_("Papers not brought in 15 days: to close"),
    "notify": N_("Citizens to tell"),
}


def _status(lang: str, r: Row) -> str:
    d = r.dossier
    if r.urgency == "overdue":
        return t(lang, P_("worklist", "overdue"))
    status = label(lang, d.status)
    return status + (f" · {label(lang, d.timeliness)}" if d.timeliness else "")


def _outcome(lang: str, r: Row) -> str:
    d = r.dossier
    return " · ".join(label(lang, x) for x in (d.outcome, d.timeliness) if x)


def _due(lang: str, r: Row) -> str:
    return appointment(lang, r.dossier, fmt_short)


def _tell(lang: str, r: Row) -> str:
    """What the citizen is to be told, with the date it is about."""
    d = r.dossier
    if r.tell == "new_date" and d.apology is not None:
        return t(lang, "apology: new date {date}", date=d.apology.new_date.strftime("%d/%m/%Y"))
    due = d.due_date.strftime("%d/%m/%Y") if d.due_date else ""
    return t(lang, "result ready before its date {date}", date=due)


def tell_json(r: Row) -> dict[str, object]:
    """One citizen to tell, as ``list --to-notify --json`` gives it."""
    d = r.dossier
    day = d.apology.new_date if r.tell == "new_date" and d.apology else d.due_date
    return {
        "code": d.code,
        "applicant": d.applicant,
        "phone": d.phone,
        "tell": r.tell,
        "date": day.isoformat() if day else None,
        "status": d.status,
    }


def _col(
    heading: str, cells: list[str], *, wrap: bool = False, spare: bool = False
) -> tuple[Field, list[str]]:
    return Field(heading, wrap=wrap, spare=spare), cells


def _columns(section: Section, lang: str) -> list[tuple[Field, list[str]]]:
    rows = section.rows
    ds = [r.dossier for r in rows]
    cols = [
        _col(t(lang, "Code"), [d.code for d in ds]),
        _col(t(lang, "Applicant"), [d.applicant for d in ds], wrap=True),
    ]
    if section.name == "forward":
        cols += [
            _col(t(lang, "For"), [d.life.for_authority or "" for d in ds], wrap=True),
            _col(t(lang, "Send by"), [r.due_on.strftime("%d/%m/%Y") if r.due_on else "" for r in rows]),
        ]
    elif section.name == "close":
        cols += [
            _col(t(lang, "Since"), [fmt_short(d.paused_at) if d.paused_at else "" for d in ds]),
            _col(t(lang, "Close on"), [r.due_on.strftime("%d/%m/%Y") if r.due_on else "" for r in rows]),
        ]
    elif section.name == "notify":
        cols += [
            _col(t(lang, "Phone"), [d.phone or "" for d in ds]),
            _col(t(lang, "To tell"), [_tell(lang, r) for r in rows], wrap=True),
        ]
    elif section.name == "paused":
        cols += [
            _col(t(lang, "Since"), [fmt_short(d.paused_at) if d.paused_at else "" for d in ds]),
            _col(t(lang, "Reason asked"), [r.reason or "" for r in rows], wrap=True),
        ]
    elif section.name == "collect":
        cols += [
            _col(t(lang, "Resolved"), [fmt_short(d.resolved_at) if d.resolved_at else "" for d in ds]),
            _col(t(lang, "Outcome"), [_outcome(lang, r) for r in rows], wrap=True),
        ]
    else:
        cols.append(_col(t(lang, "Appointment"), [_due(lang, r) for r in rows]))
        if any(r.days_overdue is not None for r in rows):
            days = ["" if r.days_overdue is None else str(r.days_overdue) for r in rows]
            cols.append((Field(t(lang, "Days overdue"), align="right"), days))
        cols.append(_col(t(lang, "Status"), [_status(lang, r) for r in rows], wrap=True))
    cols += [
        _col(t(lang, "Procedure"), [d.procedure_name or d.procedure for d in ds], wrap=True, spare=True),
        _col(t(lang, "Time limit"), [fmt_limit(lang, d.limit) for d in ds], wrap=True, spare=True),
        _col(t(lang, "Officer"), [d.officer or "" for d in ds], wrap=True, spare=True),
    ]
    return cols


def _notes(lang: str, r: Row) -> list[str]:
    apology = r.dossier.apology
    shown = apology is not None and r.tell is None  # a citizen to tell has it in its own column
    return (
        [t(lang, "apology: new date {date}", date=apology.new_date.strftime("%d/%m/%Y"))]
        if shown and apology
        else []
    )


def _table(section: Section, lang: str) -> Table:
    """A section as a table: a row per dossier, coloured by how urgent it is."""
    cols = _columns(section, lang)
    rows = [[cells[i] for _, cells in cols] for i in range(len(section.rows))]
    styles = [URGENCY_STYLE[r.urgency] for r in section.rows]
    return Table([f for f, _ in cols], rows, styles=styles, notes=[_notes(lang, r) for r in section.rows])


def print_worklist(wl: Worklist, lang: str) -> None:
    limit = output_width()
    out: list[str] = []
    if wl.morning:
        out.append(t(lang, "Worklist at {at}", at=fmt_moment(lang, wl.at)))
    if not wl.shown:
        out.append(
            t(
                lang,
                N_("Nothing is overdue, due soon, waiting for papers or waiting to be collected.")
                if wl.morning
                else N_("No dossiers match."),
            )
        )
    for section in wl.sections:
        if not section.rows:
            continue
        if wl.morning:
            name = t(lang, _SECTION_WORDS[section.name])
            out += ["", t(lang, "{name} ({n})", name=name, n=len(section.rows))]
        out += Plain(limit, reshape=False).lines(_table(section, lang))
        if any(r.days_overdue is not None for r in section.rows):
            out.append(t(lang, "days overdue: working days after the due date"))
    if wl.total > wl.shown:
        out += ["", t(lang, "{shown} of {total}; use --limit to see more", shown=wl.shown, total=wl.total)]
    echo("\n".join(out))
