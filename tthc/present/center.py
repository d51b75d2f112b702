"""The center's set-up on screen: ``init`` and this PC's station, the settings, the working
calendar and its check, the catalog of procedures and the registered names. Each list is a
:class:`~tthc.present.table.Table` drawn by the rich backend: a table that fits, or a block per row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.core.models import name_twins
from tthc.core.settings import SETTING_WORDS
from tthc.locale.i18n import fmt_day, fmt_limit, fmt_money, label, t
from tthc.locale.marks import N_, P_
from tthc.present.backends import show
from tthc.present.table import Block, Field, Table
from tthc.present.terminal import (
    echo,
    fmt_moment,
    say,
)

if TYPE_CHECKING:
    from tthc.app.calendar_check import Mismatch
    from tthc.app.service import CalendarRow, InitResult
    from tthc.core.registry import Procedure, Registered
    from tthc.storage.station import Station


# -- setting up -------------------------------------------------------------------------------
def print_init(result: InitResult, lang: str) -> None:
    if result.created:
        say(t(lang, "Database ready: {path}", path=result.path))
    else:
        say(t(lang, "Database already initialised: {path}", path=result.path))
        for key, old, new in result.changes:
            changed = N_("{key}: {old!r} → {new!r}") if result.updated else N_("{key}: {old!r} would become {new!r}")
            say(t(lang, changed, key=key, old=old, new=new), indent="  ")
        if result.changes and not result.updated:
            say(t(lang, "nothing was changed; run again with --update to apply"))
    if result.station is not None and result.station_path is not None:
        print_station(result.station, result.station_path, lang)
        if result.created and result.station.point and result.center_id:  # the other points join it
            say(
                t(
                    lang,
                    "Center identity: {id} (set up the center's other points with tthc init … --center-id {id})",
                    id=result.center_id,
                )
            )


def print_station(station: Station, path: Path, lang: str) -> None:
    """This PC's point, default officer and block of daily numbers."""
    block = station.block
    say(
        t(
            lang,
            "This PC: point {point}, officer {officer}, dossier numbers {first:04d}–{last:04d} each day ({path})",
            point=station.point or t(lang, "none"),
            officer=station.officer or t(lang, "none"),
            first=block.first,
            last=block.last,
            path=path,
        )
    )


def setting_value(lang: str, value: str) -> str:
    """A setting's value for people: a secret's "(set)" in their language."""
    from tthc.core.settings import SECRET_NOT_SET, SECRET_SET

    words = {SECRET_SET: N_("(set)"), SECRET_NOT_SET: N_("(not set)")}
    return t(lang, words[value]) if value in words else value


def print_settings(rows: Sequence[tuple[str, str]], lang: str) -> None:
    """Every setting: its key whole (it is typed in ``config set``), its value, what it means."""
    fields = [
        Field(t(lang, "Setting")),
        Field(t(lang, "Value"), wrap=True),
        Field(t(lang, "Meaning"), wrap=True),
    ]
    cells = [[key, setting_value(lang, value), t(lang, SETTING_WORDS[key])] for key, value in rows]

    def block(row: Sequence[str]) -> Block:  # too narrow even for that: one block per setting
        key, value, meaning = row
        return [(f"{key} = {value}", "bold"), (f"  {meaning}", "")]

    show(Table(fields, cells, blocks=block), "rich")


#: A day off not yet in force, by the center's ruling on it.
_CALENDAR_STATUS_WORDS = {
    "unconfirmed": N_("unconfirmed"),
    "confirmed": N_("confirmed by the center"),
    "rejected": N_("rejected by the center: a working day"),
}
#: Who put a day in the calendar.
_SOURCE_WORDS = {
    "package": N_("national (holidays package)"),
    "center": N_("this center"),
    "decision": N_("national decision"),
}


def print_calendar(rows: Sequence[CalendarRow], year: int, provisional: bool, lang: str) -> None:
    title = t(lang, "Days off and make-up working days, {year}", year=year)
    if provisional:
        title += f" — {t(lang, 'provisional: holidays of {year} are not yet confirmed by the government', year=year)}"
    cells = []
    for row in rows:
        name = row.name
        if row.kind == "work" and row.source == "package" and row.name:
            name = "→ " + fmt_day(lang, date.fromisoformat(row.name))
        if row.status:
            awaits = f": {t(lang, row.awaits)}" if row.awaits else ""
            name += f" ({t(lang, _CALENDAR_STATUS_WORDS[row.status])}{awaits})"
        source = t(lang, _SOURCE_WORDS[row.source])
        if row.decision:
            source += f": {row.decision}"
        kind = t(lang, N_("day off") if row.kind == "off" else N_("make-up working day"))
        cells.append([fmt_day(lang, row.day), kind, name, source])
    heads = (t(lang, "Day"), t(lang, "Kind"), t(lang, "Name"), t(lang, "Source"))
    fields = [Field(heads[0]), *(Field(h, wrap=True) for h in heads[1:])]

    def block(row: Sequence[str]) -> Block:
        day, kind, name, source = row
        return [(f"{day}  {kind} · {name} · {source}", "")]

    show(Table(fields, cells, title=title, blocks=block), "rich")


def calendar_json(rows: Sequence[CalendarRow], year: int, provisional: bool) -> dict[str, Any]:
    return {
        "year": year,
        "provisional": provisional,
        "days": [
            {
                "day": r.day.isoformat(),
                "kind": r.kind,
                "name": r.name,
                "source": r.source,
                **({"decision": r.decision} if r.decision else {}),
                **({"status": r.status} if r.status else {}),
            }
            for r in rows
        ],
    }


def print_calendar_check(items: Sequence[Mismatch], lang: str) -> None:
    """Each dossier whose stored due date differs from today's calendar: old and new dates,
    whether its judgement changes, and what ``--apply`` does with it."""
    if not items:
        echo(t(lang, "Every stored due date is the one today's calendar gives."))
        return

    def judged(value: str | None) -> str:
        return label(lang, value) if value else "—"

    cells = []
    for m in items:
        change = t(lang, "changes") if m.judgement_changes else ""
        action = t(lang, N_("laid again") if m.open else N_("closed: for a correction"))
        if m.noted:
            action = t(lang, "closed: correction recorded")
        cells.append(
            [
                m.code,
                label(lang, m.status),
                fmt_moment(lang, m.stored.due_at),
                fmt_moment(lang, m.calendar.due_at),
                f"{judged(m.judged_before)} → {judged(m.judged_after)}" + (f" ({change})" if change else ""),
                action,
            ]
        )
    heads = (N_("Code"), N_("Status"), N_("Stored due"), N_("By today's calendar"), N_("Timeliness"), N_("With --apply"))
    fields = [Field(t(lang, h), wrap=i > 0) for i, h in enumerate(heads)]
    title = t(lang, "{n} dossier(s) whose stored due date differs from today's calendar", n=len(items))
    show(Table(fields, cells, title=title, blocks=lambda row: [(" · ".join(row), "")]), "rich")


def print_procedures(procs: list[Procedure], lang: str) -> None:
    """The catalog: the national code and the limit whole, names wrapped, fees in đồng."""
    fields = [
        Field(t(lang, P_("procedure list column", "Code"))),
        Field(t(lang, "Procedure"), wrap=True),
        Field(t(lang, "Field"), wrap=True),
        Field(t(lang, "Time limit"), wrap=True),
        Field(t(lang, "Alias")),
        Field(t(lang, "Fee"), align="right"),
    ]
    cells = [
        [
            p.code,
            p.name,
            p.field,
            fmt_limit(lang, p.limit),
            p.alias or "",
            "" if p.fee is None else fmt_money(lang, p.fee),
        ]
        for p in procs
    ]
    show(Table(fields, cells, lead=2), "rich")  # too narrow: a block per procedure, code and name first


def print_names(rows: list[Registered], lang: str) -> None:
    """The registered names, then a note on any that are one name written apart."""
    for row in rows:
        extra = f" ({row.code_prefix})" if row.code_prefix else ""
        echo(f"{row.name}{extra}")
    for group in name_twins(r.name for r in rows):
        echo(
            t(
                lang,
                "Note: {names} are one name written in different ways (registered before names were compared without diacritics), and their work is counted apart. Type the name exactly as registered to choose one.",
                names=", ".join(repr(n) for n in group),
            )
        )


def names_json(rows: list[Registered], kind: str) -> list[dict[str, Any]]:
    """The registered names as JSON; a name written apart from another one (a twin from
    before names were compared without diacritics) lists the others as ``same_name_as``."""
    twins = {name: group for group in name_twins(r.name for r in rows) for name in group}
    return [
        {
            "name": r.name,
            **({"code_prefix": r.code_prefix} if kind == "point" else {}),
            **({"same_name_as": [n for n in twins[r.name] if n != r.name]} if r.name in twins else {}),
        }
        for r in rows
    ]
