"""Setting a center up and keeping it: ``init``, ``config``, ``due`` (the counter's
calculator), ``calendar``, the catalog of procedures, the registers of officers and points,
``backup``, ``restore``, ``demo`` and ``serve``."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tthc.app.choosing import chosen_lang
from tthc.cli.group import app, calendar_app, config_app, context, officer_app, point_app, procedure_app
from tthc.cli.help import H, normalise_lang
from tthc.cli.options import EResultOpt, JsonOpt, Lang, ProcedureCodeArg, ReasonOpt
from tthc.cli.output import SCREEN, Output, View, as_json, each_as_json, sentence, show
from tthc.locale.marks import N_, P_

if TYPE_CHECKING:
    from tthc.app.basics import Kind


# -- views: how each result looks ---------------------------------------------------------------
def _print_init(result: Any, lang: str) -> None:
    from tthc.present import render

    render.print_init(result, lang)


def _print_settings(rows: Any, lang: str) -> None:
    from tthc.present import render

    render.print_settings(rows, lang)


def _setting_set(result: tuple[str, str], lang: str) -> None:
    from tthc.locale.i18n import t
    from tthc.present import render

    key, value = result
    render.echo(t(lang, "{key} = {value}", key=key, value=render.setting_value(lang, value)))
    if key == "supplement_policy" and value == "freeze":
        typer.echo(t(lang, "Warning: since 1/7/2025 Decree 118 Art. 19.5 says the time limit counts again from the start after the papers come ('tính lại từ đầu'); 'freeze' is the reading of some provinces before it"), err=True)


def _print_quote(q: Any, lang: str, *, explain: bool) -> None:
    from tthc.present import render

    render.print_quote(q, lang, explain=explain)


def _calendar_json(v: Any, lang: str) -> Any:
    from tthc.present import render

    return render.calendar_json(v.rows, v.year, v.provisional)


def _print_calendar(v: Any, lang: str) -> None:
    from tthc.present import render

    render.print_calendar(v.rows, v.year, v.provisional, lang)


def _check_json(v: Any, lang: str) -> Any:
    done = {} if v.applied is None else {"relaid": v.applied.relaid, "noted": v.applied.noted}
    return {"dossiers": [m.as_json() for m in v.items], **done}


def _print_check(v: Any, lang: str) -> None:
    from tthc.locale.i18n import t
    from tthc.present import render

    render.print_calendar_check(v.items, lang)
    if v.applied is not None:
        render.echo(t(lang, "{relaid} open dossier(s) laid again, {noted} closed dossier(s) noted for a correction", relaid=v.applied.relaid, noted=v.applied.noted))


def _print_procedures(procs: Any, lang: str) -> None:
    from tthc.present import render

    render.print_procedures(procs if isinstance(procs, list) else [procs], lang)


def _procedure_added(proc: Any, lang: str) -> str:
    from tthc.locale.i18n import fmt_limit

    return f"{proc.code} {proc.name} ({fmt_limit(lang, proc.limit)})"


def _imported(report: Any, lang: str) -> None:
    from tthc.locale.i18n import t
    from tthc.present import render

    if report.unknown_columns:
        typer.echo(t(lang, "warning: ignored unknown column(s): {cols}", cols=", ".join(report.unknown_columns)), err=True)
    render.echo(t(lang, "Procedures: {added} added, {updated} updated", added=report.added, updated=report.updated))


def _print_names(rows: Any, lang: str) -> None:
    from tthc.present import render

    render.print_names(rows, lang)


def _demo_built(built: Any, lang: str) -> None:
    from tthc.locale.i18n import t
    from tthc.present import render, render_reports

    render.echo(t(lang, "Synthetic demo center built in {path} (made-up data; your own database was not touched).", path=built.path))
    v = built.view
    render_reports.print_summary(v.summary, lang, v.center_name, chart=False, svg=None, html=None)
    period = f"--from {built.start.isoformat()} --to {built.end.isoformat()}"
    render.echo(t(lang, "Explore it: tthc --db {path} list --overdue · summary {period} --by month --chart · report {period}", path=built.path, period=period))


def _restored(kept: tuple[Path, Path | None], lang: str) -> None:
    from tthc.locale.i18n import t
    from tthc.present import render

    src, old = kept
    render.echo(t(lang, "Restored from {src}; the previous database is kept as {kept}", src=src, kept=old) if old else t(lang, "Restored from {src}", src=src))


INIT = View(_print_init)
SETTINGS = View(_print_settings, json=lambda rows, lang: dict(rows))
SETTING_SET = View(_setting_set)
QUOTE = View(_print_quote, json=as_json)
CALENDAR = View(_print_calendar, json=_calendar_json)
CALENDAR_CHECK = View(_print_check, json=_check_json)
PROCEDURES = View(
    _print_procedures, json=lambda p, lang: p.as_json() if not isinstance(p, list) else each_as_json(p, lang)
)
PROCEDURE_ADDED = sentence(N_("Added {what}"), what=_procedure_added)
PROCEDURES_IMPORTED = View(_imported)
PROCEDURES_EXPORTED = sentence(N_("Exported {n} procedure(s) to {path}"), n=lambda r, lang: r[0], path=lambda r, lang: r[1])
NAME_ADDED = sentence(N_("Added {what}"), what=lambda name, lang: name)
BACKED_UP = sentence(N_("Backup written to {path}"), path=lambda path, lang: path)
RESTORED = View(_restored)
DEMO = View(_demo_built)


# -- init and settings ----------------------------------------------------------------------
@app.command(help=H("Create the database; on an existing one, say what the values given would change."))
def init(
    ctx: typer.Context,
    center: Annotated[str | None, typer.Option(help=H("The center's name."))] = None,
    prefix: Annotated[str | None, typer.Option(help=H("Unit code for generated dossier codes."))] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", case_sensitive=False, help=H("The center's default language."))] = None,
    point: Annotated[str | None, typer.Option(help=H("Register a reception point and make this PC that point."))] = None,
    officer: Annotated[str | None, typer.Option(help=H("Register an officer and make them this PC's default officer."))] = None,
    block: Annotated[str | None, typer.Option(help=H("This PC's block of daily numbers, N/M (default: from the point's number)."))] = None,
    catalog: Annotated[bool, typer.Option("--catalog/--no-catalog", help=H("Install the starter procedure catalog."))] = True,
    update: Annotated[bool, typer.Option("--update", help=H("On an existing database, apply the values given."))] = False,
    center_id: Annotated[str | None, typer.Option("--center-id", help=H("A new database joins this center identity (32 hexadecimal digits, as the first point's init and config show print it) instead of drawing its own: set up another reception point of the same center."))] = None,
) -> None:
    from tthc.app import service

    c = context(ctx)
    result = service.init(
        c,
        center=center,
        prefix=prefix,
        lang=normalise_lang(lang.value) if lang else None,
        point=point,
        catalog=catalog,
        update=update,
        officer=officer,
        block=block,
        center_id=center_id,
    )
    show(c.lang, result, INIT)


@config_app.command("show", help=H("Every setting with its value."))
def config_show(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    from tthc.app import screens

    c = context(ctx)
    show(c.lang, screens.settings(c), SETTINGS, Output(json=as_json))


KeyArg = Annotated[str, typer.Argument(metavar="KEY")]
ValueArg = Annotated[str, typer.Argument(metavar="VALUE")]


@config_app.command("set", help=H("Change one setting (validated)."))
def config_set(ctx: typer.Context, key: KeyArg, value: ValueArg) -> None:
    from tthc.app import service

    c = context(ctx)
    show(c.lang, service.set_setting(c, key, value), SETTING_SET)


# -- the counter calculator ---------------------------------------------------------------
@app.command(help=H("If I take this dossier now, when is it due?"))
def due(
    ctx: typer.Context,
    what: Annotated[str, typer.Argument(metavar="LIMIT|PROCEDURE", help=H("e.g. 5wd, same-day, 8h, 15d, '5 ngày làm việc', or a procedure's code, alias or name."))],
    at: Annotated[str | None, typer.Option(help=H("Receipt moment (default: now)."))] = None,
    as_json: JsonOpt = False,
    explain: Annotated[bool, typer.Option("--explain", help=H("Show, day by day, what was counted and skipped."))] = False,
) -> None:
    from tthc.app import service

    c = context(ctx)
    show(c.lang, service.quote(c, what, at), QUOTE, Output(json=as_json), explain=explain)


# -- calendar upkeep ----------------------------------------------------------------------
@calendar_app.command("show", help=H("Days off and make-up working days of a year, with their source."))
def calendar_show(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option(min=1990, max=2100, help=H("The year (default: this year)."))] = None,
    as_json: JsonOpt = False,
) -> None:
    from tthc.app import screens

    c = context(ctx)
    show(c.lang, screens.calendar(c, year), CALENDAR, Output(json=as_json))


def _calendar_said(action: str) -> View:
    """A day added, removed, confirmed or rejected, and how many due dates moved."""

    def screen(result: tuple[Any, int], lang: str) -> None:
        from tthc.locale.i18n import fmt_day, t
        from tthc.present import render

        when, changed = result
        day = fmt_day(lang, when)
        if action in ("confirm", "reject"):
            render.echo(t(lang, N_("{day}: confirmed as a day off") if action == "confirm" else N_("{day}: rejected, a working day"), day=day))
        elif action == "remove":
            render.echo(t(lang, "{day}: center override removed", day=day))
        else:
            kind = t(lang, N_("day off") if action == "add-holiday" else N_("make-up working day"))
            render.echo(t(lang, "{day}: {kind} added", day=day, kind=kind))
        if changed:
            render.echo(t(lang, "{n} open dossier(s) got a new due date", n=changed))

    return View(screen)


DayArg = Annotated[str, typer.Argument(metavar="DAY")]
DayNameOpt = Annotated[str | None, typer.Option(help=H("What the day is (shown in explanations)."))]


def _calendar_change(ctx: typer.Context, action: str, day: str, name: str | None) -> None:
    from tthc.app import service

    c = context(ctx)
    show(c.lang, service.calendar_change(c, action, day, name), _calendar_said(action))


@calendar_app.command("add-holiday", help=H("Make DAY a day off for this center (wins over the national calendar)."))
def calendar_add_holiday(ctx: typer.Context, day: DayArg, name: DayNameOpt = None) -> None:
    _calendar_change(ctx, "add-holiday", day, name)


@calendar_app.command("add-workday", help=H("Make DAY a working day for this center (e.g. a local make-up Saturday)."))
def calendar_add_workday(ctx: typer.Context, day: DayArg, name: DayNameOpt = None) -> None:
    _calendar_change(ctx, "add-workday", day, name)


@calendar_app.command("remove", help=H("Drop this center's override of DAY; the national calendar applies again."))
def calendar_remove(ctx: typer.Context, day: DayArg) -> None:
    _calendar_change(ctx, "remove", day, None)


def _calendar_ruling(ctx: typer.Context, day: str, confirmed: bool, reason: str | None) -> None:
    from tthc.app import service

    c = context(ctx)
    result = service.calendar_ruling(c, day, confirmed, reason)
    show(c.lang, result, _calendar_said("confirm" if confirmed else "reject"))


@calendar_app.command("confirm", help=H("Confirm an unconfirmed day off (one the holidays package lists with no decision in force)."))
def calendar_confirm(ctx: typer.Context, day: DayArg, reason: ReasonOpt = None) -> None:
    _calendar_ruling(ctx, day, True, reason)


@calendar_app.command("reject", help=H("Reject an unconfirmed day off: it is a working day at this center."))
def calendar_reject(ctx: typer.Context, day: DayArg, reason: ReasonOpt = None) -> None:
    _calendar_ruling(ctx, day, False, reason)


@calendar_app.command("check", help=H("List every dossier whose stored due date differs from today's calendar."))
def calendar_check(
    ctx: typer.Context,
    apply: Annotated[bool, typer.Option("--apply", help=H("Lay the open ones again and note the closed ones for a correction (needs --reason)."))] = False,
    reason: ReasonOpt = None,
    as_json: JsonOpt = False,
) -> None:
    from tthc.app import screens

    c = context(ctx)
    show(c.lang, screens.calendar_check(c, apply, reason), CALENDAR_CHECK, Output(json=as_json))


# -- the catalog and the registers --------------------------------------------------------------
FileArg = Annotated[Path, typer.Argument(metavar="FILE")]


@procedure_app.command("add", help=H("Add a procedure to the catalog."))
def procedure_add(
    ctx: typer.Context,
    code: ProcedureCodeArg,
    name: Annotated[str, typer.Option(help=H("Procedure name."))],
    field: Annotated[str, typer.Option(help=H("Field (lĩnh vực), e.g. Hộ tịch."))],
    limit: Annotated[str, typer.Option(help=H("Time limit: same-day, 5wd, 15d, 8h …"))],
    alias: Annotated[str | None, typer.Option(help=H("Short alias usable wherever a procedure is named."))] = None,
    fee: Annotated[str | None, typer.Option(help=H("Fee in VND."))] = None,
    e_result: EResultOpt = None,
) -> None:
    from tthc.app import catalog

    c = context(ctx)
    proc = catalog.add_procedure(c, code, name, field, limit, alias, fee, bool(e_result))
    show(c.lang, proc, PROCEDURE_ADDED)


@procedure_app.command("list", help=H("The catalog, by field."))
def procedure_list(
    ctx: typer.Context,
    field: Annotated[str | None, typer.Option(help=H("Only this field (lĩnh vực)."))] = None,
    as_json: JsonOpt = False,
) -> None:
    from tthc.app import catalog

    c = context(ctx)
    show(c.lang, catalog.list_procedures(c, field), PROCEDURES, Output(json=as_json))


@procedure_app.command("show", help=H("One procedure (by code, alias or name)."))
def procedure_show(ctx: typer.Context, code: ProcedureCodeArg, as_json: JsonOpt = False) -> None:
    from tthc.app import catalog

    c = context(ctx)
    show(c.lang, catalog.get_procedure(c, code), PROCEDURES, Output(json=as_json))


@procedure_app.command("edit", help=H("Change a procedure; due dates already issued never move."))
def procedure_edit(
    ctx: typer.Context,
    code: ProcedureCodeArg,
    name: Annotated[str | None, typer.Option(help=H("Procedure name."))] = None,
    field: Annotated[str | None, typer.Option(help=H("Field (lĩnh vực), e.g. Hộ tịch."))] = None,
    limit: Annotated[str | None, typer.Option(help=H("New limit; dossiers already received keep theirs."))] = None,
    alias: Annotated[str | None, typer.Option(help=H("Short alias usable wherever a procedure is named."))] = None,
    fee: Annotated[str | None, typer.Option(help=H("Fee in VND."))] = None,
    e_result: EResultOpt = None,
) -> None:
    from tthc.app import catalog

    c = context(ctx)
    changes = {"name": name, "field": field, "limit": limit, "alias": alias, "fee": fee, "e_result": e_result}
    show(c.lang, catalog.edit_procedure(c, code, changes), PROCEDURES)


@procedure_app.command("import", help=H("Load procedures from .csv/.xlsx (columns code,name,field,limit[,alias,fee]); all or nothing."))
def procedure_import(ctx: typer.Context, file: FileArg) -> None:
    from tthc.app import catalog

    c = context(ctx)
    show(c.lang, catalog.import_procedures(c, file), PROCEDURES_IMPORTED)


@procedure_app.command("export", help=H("Write the catalog to .csv/.xlsx in the columns `procedure import` reads."))
def procedure_export(ctx: typer.Context, file: FileArg) -> None:
    from tthc.app.transfer import export_procedures

    c = context(ctx)
    show(c.lang, (export_procedures(c, file), file), PROCEDURES_EXPORTED)


NameArg = Annotated[str, typer.Argument(metavar="NAME")]


def _added(ctx: typer.Context, kind: "Kind", name: str, prefix: str | None = None) -> None:
    from tthc.app import catalog

    c = context(ctx)
    show(c.lang, catalog.add_name(c, kind, name, prefix), NAME_ADDED)


@officer_app.command("add", help=H("Register an officer."))
def officer_add(ctx: typer.Context, name: NameArg) -> None:
    _added(ctx, "officer", name)


@point_app.command("add", help=H("Register a reception point."))
def point_add(
    ctx: typer.Context,
    name: NameArg,
    prefix: Annotated[str | None, typer.Option(help=H("The point's own unit code for generated codes."))] = None,
) -> None:
    _added(ctx, "point", name, prefix)


#: The help of ``officer list`` and ``point list``.
_LIST_HELP_WORDS = {"officer": N_("Registered officers."), "point": P_("help", "Registered reception points.")}


def _register(kind: "Kind", sub: typer.Typer) -> None:
    def names_json(rows: Any, lang: str) -> Any:
        from tthc.present import render

        return render.names_json(rows, kind)

    view = View(_print_names, json=names_json)

    @sub.command("list", help=H(_LIST_HELP_WORDS[kind]))
    def list_(ctx: typer.Context, as_json: JsonOpt = False) -> None:
        from tthc.app import catalog

        c = context(ctx)
        show(c.lang, catalog.list_names(c, kind), view, Output(json=as_json))


_register("officer", officer_app)
_register("point", point_app)


# -- the database file ----------------------------------------------------------------------------
@app.command(help=H("Copy the whole database, consistently, to a new file DEST."))
def backup(ctx: typer.Context, dest: Annotated[Path, typer.Argument(metavar="DEST")]) -> None:
    from tthc.app import service

    c = context(ctx)
    show(c.lang, service.backup(c, dest), BACKED_UP)


@app.command(help=H("Put the backup SRC in place of the database (the current one is kept beside it)."))
def restore(
    ctx: typer.Context,
    src: Annotated[Path, typer.Argument(metavar="SRC")],
    other_center: Annotated[bool, typer.Option("--other-center", help=H("Restore a database of another center (another unit code or center identity) all the same."))] = False,
) -> None:
    from tthc.app import service

    c = context(ctx)
    show(c.lang, (src, service.restore(c, src, other_center=other_center)), RESTORED)


@app.command(help=H("Build a synthetic center (1/7–12/9/2025, two points) and print its summary: 1,964 dossiers, 98.28%."))
def demo(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option("--db", help=H("Where to build it (default: a file in the temp folder)."))] = None,
) -> None:
    from tthc.app import screens

    c = context(ctx)
    show(c.lang, screens.demo(c, db), DEMO, SCREEN)


# -- the web side ---------------------------------------------------------------------------------
@app.command(help=H("Serve the citizen look-up (/), the waiting-room board (/bang) and the dashboard (/quan-ly), read-only."))
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help=H("Address to listen on; other than 127.0.0.1 opens it to the network."))] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help=H("Port to listen on."))] = 8080,
) -> None:
    from tthc.web.server import center_language
    from tthc.web.server import serve as run

    c = context(ctx)
    # never c.lang: it opens read-write
    c.lang_choice = chosen_lang(c.lang_choice, lambda: center_language(c.db_path))
    run(c.db_path, host=host, port=port, lang=c.lang_choice)
