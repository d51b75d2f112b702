"""Files in and out: ``import`` a spreadsheet or another point's full export, ``export``
the dossiers a filter asks for (or everything, or Parquet files for the province), and
``merge`` another point's database."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from tthc.cli.group import app, context
from tthc.cli.help import H
from tthc.cli.options import FILTERS, ExcelVnOpt, takes
from tthc.cli.output import View, show


class KeepOpt(StrEnum):
    here = "here"
    there = "there"


def _print_import(report: Any, lang: str) -> None:
    from tthc.present import render

    render.print_import(report, lang)


def _print_merge(report: Any, lang: str) -> None:
    from tthc.present import render

    render.print_merge(report, lang)


def _exported(done: Any, lang: str) -> None:
    from tthc.locale.i18n import t
    from tthc.present import render

    if done.parquet is not None:
        n, center = done.parquet.dossiers, done.parquet.center
        render.echo(t(lang, "{center}: {n} dossiers exported for the province to {path}", n=n, center=center, path=done.path))
    elif done.full is not None:
        render.print_full_export(done.full, lang)
    else:
        render.echo(t(lang, "Exported {n} dossier(s) to {path}", n=done.count, path=done.path))


IMPORTED = View(_print_import)
MERGED = View(_print_merge)
EXPORTED = View(_exported)


@app.command("import", help=H("Load dossiers from .csv/.xlsx (all rows or none); a given due_at is kept. A full export (.jsonl, or .xlsx with a meta sheet) is merged; into a new database it is copied whole."))
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help=H("Check every row and report; write nothing."))] = False,
    other_center: Annotated[bool, typer.Option("--other-center", help=H("Merge a file of another center (another unit code or center identity) all the same."))] = False,
) -> None:
    from tthc.app.transfer import import_any
    from tthc.present.render import import_progress

    c = context(ctx)
    with import_progress() as progress:
        report = import_any(c, file, dry_run=dry_run, progress=progress, other_center=other_center)
    show(c.lang, report, IMPORTED)
    if getattr(report, "held", None):  # a full export merged, with dossiers held aside
        raise typer.Exit(1)


@app.command(help=H("Write dossiers to .csv (UTF-8 for Excel), .xlsx or .json, with the filters of `list`."))
@takes(FILTERS)
def export(
    ctx: typer.Context,
    file: Annotated[Path | None, typer.Argument(metavar="FILE")] = None,
    parquet: Annotated[
        Path | None, typer.Option("--parquet", metavar="DIR", help=H("Write the center's dossiers as a Parquet export for the province's roll-up (needs tthc[province])."))
    ] = None,
    filters: Any = None,
    full: Annotated[bool, typer.Option("--full", help=H("Every table, every field: FILE.jsonl or FILE.xlsx, for `import` elsewhere."))] = False,
    excel_vn: ExcelVnOpt = False,
) -> None:
    from tthc.app import screens

    c = context(ctx)
    show(c.lang, screens.export(c, file, parquet, filters, full=full, excel_vn=excel_vn), EXPORTED)


@app.command(help=H("Bring in another reception point's dossiers, history, registers, catalog and calendar days; merging the same file again changes nothing. Dossiers both points changed in ways that cannot both stand are held aside and listed (exit 1) until --keep settles them."))
def merge(
    ctx: typer.Context,
    other: Annotated[Path, typer.Argument(metavar="OTHER.db", help=H("The other point's database (a copy)."))],
    codes: Annotated[list[str] | None, typer.Argument(metavar="CODE", help=H("With --keep: the dossiers held aside to settle."))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=H("Say what would change; write nothing."))] = False,
    keep: Annotated[KeepOpt | None, typer.Option("--keep", help=H("Settle held dossiers: keep this database's version (here) or the other file's (there); recorded as a correction."))] = None,
    reason: Annotated[str | None, typer.Option("--reason", help=H("Why (with --keep)."))] = None,
    other_center: Annotated[bool, typer.Option("--other-center", help=H("Merge a file of another center (another unit code or center identity) all the same."))] = False,
) -> None:
    from tthc.app.merge import keep_decision, merge_database

    c = context(ctx)
    decision = keep_decision(keep.value if keep else None, codes or [], reason)
    report = merge_database(c, other, dry_run=dry_run, other_center=other_center, keep=decision)
    show(c.lang, report, MERGED)
    if report.held:
        raise typer.Exit(1)
