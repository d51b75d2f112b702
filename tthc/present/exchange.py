"""Files in and out on screen: an import's progress and result, what a merge of another
point's file brought or held aside, and a full export's counts."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tthc.locale.i18n import t
from tthc.locale.marks import N_
from tthc.present.terminal import (
    console,
    echo,
)

if TYPE_CHECKING:
    from tthc.app.interchange import ImportReport
    from tthc.app.transfer import FullExport
    from tthc.core.merging import MergeReport


# -- import -------------------------------------------------------------------------------------------
@contextmanager
def import_progress() -> Iterator[Callable[[int], None] | None]:
    """A progress line on stderr for long imports when stderr is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.completed:,} rows"),
        TimeElapsedColumn(),
        console=console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("import", total=None)

        def advance(done: int) -> None:
            bar.update(task, completed=done)

        yield advance


#: What a merge adds to, by table, in the order it is told.
_TABLE_WORDS = {
    "events": N_("audit events"),
    "procedures": N_("procedures"),
    "officers": N_("officers"),
    "points": N_("reception points"),
    "calendar_days": N_("calendar days"),
    "calendar_rulings": N_("verdicts on unconfirmed days"),
}


def print_import(report: ImportReport | MergeReport, lang: str) -> None:
    from tthc.core.merging import MergeReport

    if isinstance(report, MergeReport):  # a full export, merged
        print_merge(report, lang)
        return
    said = N_("Dry run: {n} dossier(s) in {path} are good; nothing was written") if report.dry_run else N_("Imported {n} dossier(s) from {path}")
    echo(t(lang, said, n=report.dossiers, path=report.file))
    if report.new_officers:
        echo("  " + t(lang, "new officers registered: {names}", names=", ".join(report.new_officers)))
    if report.new_points:
        echo("  " + t(lang, "new reception points registered: {names}", names=", ".join(report.new_points)))
    if report.unknown_columns:
        sys.stderr.write(
            t(lang, "warning: ignored unknown column(s): {cols}", cols=", ".join(report.unknown_columns))
            + "\n"
        )


# -- two points: merge and the full export ---------------------------------------------------------
def print_merge(report: MergeReport, lang: str) -> None:
    """What a merge brought (or would bring), table by table."""
    if not report.changed:
        if not report.held:
            echo(
                t(
                    lang,
                    "Nothing to merge from {path}: this database already holds all of it",
                    path=report.source,
                )
            )
    else:
        _print_merged(report, lang)
    if report.held:
        held = t(
            lang,
            N_(
                "{n} dossier(s) would be held aside for a decision (nothing was written); settle each with tthc merge {path} --keep here|there CODE… --reason TEXT:"
            )
            if report.dry_run
            else N_(
                "{n} dossier(s) held aside for a decision (the rest merged); settle each with tthc merge {path} --keep here|there CODE… --reason TEXT:"
            ),
            n=len(report.held),
            path=report.source,
        )
        lines = [f"{t(lang, 'Error')}: {held}"]
        lines += [m.render(lang) for msgs in report.held.values() for m in msgs]
        with contextlib.suppress(BrokenPipeError):
            sys.stderr.write("\n".join(lines) + "\n")


def _print_merged(report: MergeReport, lang: str) -> None:
    echo(
        t(
            lang,
            N_("Dry run: merging {path} would bring (nothing was written):")
            if report.dry_run
            else N_("Merged {path}:"),
            path=report.source,
        )
    )
    echo(
        "  "
        + t(
            lang,
            "dossiers: {added} added, {updated} moved on at the other point, {removed} whose receipt was undone there",
            added=report.added.get("dossiers", 0),
            updated=report.updated,
            removed=report.removed,
        )
    )
    for table in _TABLE_WORDS:
        n = report.added.get(table, 0)
        if n:
            echo("  " + t(lang, "{table}: {n} added", table=t(lang, _TABLE_WORDS[table]), n=n))
    if report.relaid:
        echo(
            "  "
            + t(
                lang,
                "{n} open dossier(s) got a new due date from the calendar days that came",
                n=report.relaid,
            )
        )
    if report.whole:
        echo("  " + t(lang, "a new database: settings and event numbers copied as they were"))
    if report.settled:
        echo("  " + t(lang, "settled by decision: {codes}", codes=", ".join(report.settled)))


def print_full_export(result: FullExport, lang: str) -> None:
    rows = result.rows
    echo(
        t(
            lang,
            "Wrote a full export to {path}: {dossiers} dossier(s), {rounds} supplement round(s), {events} audit event(s), {procedures} procedure(s)",
            path=result.path,
            dossiers=rows["dossiers"],
            rounds=rows["pauses"],
            events=rows["events"],
            procedures=rows["procedures"],
        )
    )
