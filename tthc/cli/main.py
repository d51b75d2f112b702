"""The ``tthc`` command line: parse, call one service function, render.

Heavy modules (rich, sqlite-utils, holidays, openpyxl) are imported by the code that uses
them, so a clerk's command starts quickly. Annotations here are real objects, not strings:
Typer reads every command's signature on each run, and evaluating strings cost about 30 ms.
Help texts come from the table of words (``H(key)``), so ``--help`` speaks Vietnamese too.
"""

import contextlib
import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from tthc.cli.help import H, Words, confirm, early_lang, help_page, localize, normalise_lang, usage_error
from tthc.core.errors import Msg, TthcError, os_reason, sqlite_reason

if TYPE_CHECKING:
    from tthc.app.context import Context
    from tthc.core.models import Kind

#: Exit status of a bug (BSD's EX_SOFTWARE), apart from a refusal's 1 and Click's usage 2.
BUG_EXIT = 70
#: Click's own exceptions, as the installed Typer raises them.
ClickException: Any = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


class _App(TyperGroup):
    """Turns refusals into one ``Error: …`` line and exit status 1, a bug into one line and
    exit status 70 — never a traceback (unless ``TTHC_DEBUG`` is set) — and speaks the
    user's language on help pages and in Click's own usage errors."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        if "--help" in argv or "-h" in argv or not argv:
            localize(self, early_lang(argv))
        var = complete_var or "_TTHC_COMPLETE"
        if os.environ.get(var):
            from typer._completion_classes import completion_init

            completion_init()  # the shells Typer completes for, registered only when asked
            shell, _, step = os.environ[var].partition("_")
            if step in ("source", "complete"):  # Click's spelling (bash_source) in Typer's (source_bash)
                os.environ[var] = f"{step}_{shell}"
        try:
            result = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except ClickException as exc:
            lang = early_lang(argv)
            localize(self, lang)
            if type(exc).__name__ == "NoArgsIsHelpError":
                typer.echo(help_page(exc.ctx))
            else:
                typer.echo(usage_error(exc, lang), err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            from tthc.locale.i18n import t

            typer.echo(t(early_lang(argv), "click_aborted"), err=True)
            sys.exit(1)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        try:
            result = super().invoke(ctx)
            if ctx.obj is not None:
                ctx.obj.save_holiday_cache()
            return result
        except TthcError as exc:
            _fail(exc.text(_lang_of(ctx)), _lang_of(ctx))
        except KeyboardInterrupt:
            _fail(_said(ctx, _lang_of(ctx), Msg("e_interrupted")), _lang_of(ctx))
        except Exception as exc:
            if hasattr(exc, "exit_code") or isinstance(exc, typer.Exit | typer.Abort):
                raise  # Click's own usage errors and exits keep their status and message
            refusal = _os_refusal(exc, ctx)
            if refusal is not None:
                _fail(refusal.render(_lang_of(ctx)), _lang_of(ctx))
            if os.environ.get("TTHC_DEBUG"):
                raise
            bug = Msg("e_internal", kind=type(exc).__name__, detail=exc)
            _fail(_said(ctx, _lang_of(ctx), bug, Msg("w_report_bug")), _lang_of(ctx), BUG_EXIT)
        finally:
            obj = ctx.obj
            if obj is not None:
                obj.close()


def _said(ctx: Any, lang: str, what: Msg, *after: Msg) -> str:
    """A command cut short (a bug, Ctrl+C), and truthfully what became of its writes: one it
    was in the middle of was rolled back, what it had saved before stays saved; with no
    write either way, nothing is claimed."""
    obj = getattr(ctx, "obj", None)
    committed, rolled_back = obj.writes() if obj is not None else (0, 0)
    writes = [Msg("w_cut_rolled_back")] if rolled_back else []
    writes += [Msg("w_cut_kept")] if committed else []
    return " ".join(m.render(lang) for m in (what, *writes, *after))


def _os_refusal(exc: Exception, ctx: Any) -> Msg | None:
    """A failure of the machine, not of tthc — an unwritable or full disk, a read-only
    database, a closed pipe — as a refusal naming the file and the cause."""
    import sqlite3

    path = getattr(getattr(ctx, "obj", None), "db_path", None)
    if isinstance(exc, BrokenPipeError):
        return Msg("e_pipe")
    if isinstance(exc, OSError):
        return Msg("e_os", path=exc.filename or path or "", reason=os_reason(exc))
    if isinstance(exc, sqlite3.OperationalError):
        reason = sqlite_reason(exc)
        if reason is not None and reason.key != "w_locked":  # locked: retried, then a bug
            return Msg("e_os", path=path or "", reason=reason)
    return None


def _lang_of(ctx: Any) -> str:
    """The language to refuse in: the user's choice, else the center's setting, else English."""
    obj = getattr(ctx, "obj", None)
    try:
        return str(obj.lang) if obj is not None else "en"
    except Exception:
        return "en"


def _fail(message: str, lang: str = "en", status: int = 1) -> NoReturn:
    prefix = Msg("error_prefix").render(lang)
    with contextlib.suppress(BrokenPipeError):
        typer.echo(f"{prefix}: {message}", err=True)
    raise typer.Exit(status)


def _app(name: str | None, help_key: str) -> typer.Typer:
    return typer.Typer(
        name=name,
        help=H(help_key),
        cls=_App,
        no_args_is_help=True,
        add_completion=False,  # its two options cost start-up; ours come from the root callback
        context_settings={"help_option_names": ["-h", "--help"]},
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )


app = _app(None, "app")
config_app = _app("config", "config")
calendar_app = _app("calendar", "calendar")
procedure_app = _app("procedure", "procedure")
officer_app = _app("officer", "officer")
point_app = _app("point", "point")
for _sub in (config_app, calendar_app, procedure_app, officer_app, point_app):
    app.add_typer(_sub)


class Lang(StrEnum):
    vi = "vi"
    vn = "vn"  # as many people type it
    en = "en"


class ChannelOpt(StrEnum):
    direct = "direct"
    online = "online"
    postal = "postal"


class OutcomeOpt(StrEnum):
    approved = "approved"
    rejected = "rejected"


class StatusOpt(StrEnum):
    processing = "processing"
    paused = "paused"
    resolved = "resolved"
    returned = "returned"
    withdrawn = "withdrawn"
    closed = "closed"


AtOpt = Annotated[str | None, typer.Option("--at", help=H("opt.at"))]
JsonOpt = Annotated[bool, typer.Option("--json", help=H("opt.json"))]


def _complete_codes(ctx: typer.Context, incomplete: str) -> list[str]:
    """Dossier codes for the shell's completion, read from the database named on the line."""
    from tthc.cli.help import complete_from

    return complete_from(ctx, "dossier", incomplete)


def _complete_procedures(ctx: typer.Context, incomplete: str) -> list[str]:
    """Procedure codes and aliases for the shell's completion."""
    from tthc.cli.help import complete_from

    return complete_from(ctx, "procedure", incomplete)


CodeArg = Annotated[str, typer.Argument(metavar="CODE", help=H("opt.code"), autocompletion=_complete_codes)]
ReasonOpt = Annotated[str | None, typer.Option("--reason", help=H("opt.reason"))]
NoteOpt = Annotated[str | None, typer.Option("--note", help=H("opt.note"))]
CorrectOpt = Annotated[bool, typer.Option("--correct-time", help=H("opt.correct_time"))]
LateOpt = Annotated[bool, typer.Option("--late-entry", help=H("opt.late_entry"))]


class PaidOpt(StrEnum):
    cash = "cash"
    online = "online"
    exempt = "exempt"


EResultOpt = Annotated[bool | None, typer.Option("--e-result/--paper-result", help=H("opt.e_result"))]
FeeOpt = Annotated[str | None, typer.Option("--fee", help=H("opt.dossier_fee"))]
PaidOptT = Annotated[PaidOpt | None, typer.Option("--paid", help=H("opt.paid"))]
DigitisedOpt = Annotated[bool | None, typer.Option("--digitised/--not-digitised", help=H("opt.digitised"))]
ReusedOpt = Annotated[bool | None, typer.Option("--data-reused/--no-data-reused", help=H("opt.data_reused"))]


class Shell(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"
    pwsh = "pwsh"


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"tthc {version('tthc')}")
        raise typer.Exit(0)


def _show_completion(value: Shell | None) -> None:
    if value is not None:
        from typer._completion_shared import get_completion_script

        typer.echo(get_completion_script(prog_name="tthc", complete_var="_TTHC_COMPLETE", shell=value.value))
        raise typer.Exit(0)


def _install_completion(value: Shell | None) -> None:
    if value is not None:
        from typer._completion_shared import install

        from tthc.locale.i18n import t

        shell, path = install(shell=value.value, prog_name="tthc", complete_var="_TTHC_COMPLETE")
        typer.echo(t(early_lang(sys.argv[1:]), "completion_installed", shell=shell, path=path))
        raise typer.Exit(0)


@app.callback()
def _main(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option("--db", help=H("opt.db"))] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", case_sensitive=False, help=H("opt.lang"))] = None,
    user: Annotated[str | None, typer.Option("--user", help=H("opt.user"))] = None,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_show_version, help=H("opt.version"))
    ] = False,
    install_completion: Annotated[
        Shell | None,
        typer.Option(
            "--install-completion",
            is_eager=True,
            callback=_install_completion,
            help=H("opt.install_completion"),
        ),
    ] = None,
    show_completion: Annotated[
        Shell | None,
        typer.Option(
            "--show-completion", is_eager=True, callback=_show_completion, help=H("opt.show_completion")
        ),
    ] = None,
) -> None:
    from tthc.app.context import Context
    from tthc.cli.help import default_db_path, home_folder
    from tthc.core.clock import now_vn

    env = os.environ.get("TTHC_LANG", "").strip()
    if env and normalise_lang(env) is None:
        _fail(Msg("e_env_lang", value=env).render("en"))
    path = db or (Path(os.environ["TTHC_DB"]) if os.environ.get("TTHC_DB") else default_db_path())
    ctx.obj = Context(
        db_path=path,
        actor=user or os.environ.get("TTHC_USER") or _os_user(),
        now=now_vn(),
        lang_choice=normalise_lang(lang.value if lang else env),
        home=home_folder(),
        point_choice=os.environ.get("TTHC_POINT", "").strip() or None,
        officer_choice=os.environ.get("TTHC_OFFICER", "").strip() or None,
    )
    ctx.obj.on_wait = lambda: _waiting(ctx)


def _waiting(ctx: typer.Context) -> None:
    """A clerk's step waits for another writer: say so on stderr, then keep waiting."""
    from tthc.locale.i18n import t

    with contextlib.suppress(OSError):
        typer.echo(t(_lang_of(ctx), "w_waiting_for_lock"), err=True)


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


def can_ask() -> bool:
    """Whether a person at a terminal can answer a question (a script or a pipe cannot)."""
    return sys.stdin.isatty()


def _ctx(ctx: typer.Context) -> "Context":
    obj: Context = ctx.obj
    return obj


def _clerk(ctx: typer.Context, late_entry: bool) -> "Context":
    """The context of a step a clerk types: ``--late-entry`` confirms a moment far back."""
    c = _ctx(ctx)
    c.late_entry = late_entry
    return c


# -- init and settings ----------------------------------------------------------------------
@app.command(help=H("init"))
def init(
    ctx: typer.Context,
    center: Annotated[str | None, typer.Option(help=H("init.center"))] = None,
    prefix: Annotated[str | None, typer.Option(help=H("init.prefix"))] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", case_sensitive=False, help=H("init.lang"))] = None,
    point: Annotated[str | None, typer.Option(help=H("init.point"))] = None,
    officer: Annotated[str | None, typer.Option(help=H("init.officer"))] = None,
    block: Annotated[str | None, typer.Option(help=H("init.block"))] = None,
    catalog: Annotated[bool, typer.Option("--catalog/--no-catalog", help=H("init.catalog"))] = True,
    update: Annotated[bool, typer.Option("--update", help=H("init.update"))] = False,
    center_id: Annotated[str | None, typer.Option("--center-id", help=H("init.center_id"))] = None,
) -> None:
    from tthc.app import service
    from tthc.present import render

    c = _ctx(ctx)
    language = normalise_lang(lang.value) if lang else None
    result = service.init(
        c,
        center=center,
        prefix=prefix,
        lang=language,
        point=point,
        catalog=catalog,
        update=update,
        officer=officer,
        block=block,
        center_id=center_id,
    )
    render.print_init(result, c.lang)


@config_app.command("show", help=H("config.show"))
def config_show(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    from tthc.app import service
    from tthc.present import render

    c = _ctx(ctx)
    c.store()
    rows = service.show_settings(c)
    if as_json:
        render.print_json(dict(rows))
    else:
        render.print_settings(rows, c.lang)


KeyArg = Annotated[str, typer.Argument(metavar="KEY")]
ValueArg = Annotated[str, typer.Argument(metavar="VALUE")]


@config_app.command("set", help=H("config.set"))
def config_set(ctx: typer.Context, key: KeyArg, value: ValueArg) -> None:
    from tthc.app import service
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    key, value = service.set_setting(c, key, value)
    render.echo(t(c.lang, "set_done", key=key, value=render.setting_value(c.lang, value)))
    if key == "supplement_policy" and value == "freeze":
        typer.echo(t(c.lang, "warn_freeze"), err=True)


# -- the counter calculator ---------------------------------------------------------------
@app.command(help=H("due"))
def due(
    ctx: typer.Context,
    what: Annotated[str, typer.Argument(metavar="LIMIT|PROCEDURE", help=H("due.what"))],
    at: Annotated[str | None, typer.Option(help=H("due.at"))] = None,
    as_json: JsonOpt = False,
    explain: Annotated[bool, typer.Option("--explain", help=H("due.explain"))] = False,
) -> None:
    from tthc.app import service
    from tthc.present import render

    c = _ctx(ctx)
    q = service.quote(c, what, at)
    if as_json:
        render.print_json(q.as_json())
    else:
        render.print_quote(q, c.lang, explain=explain)


# -- calendar upkeep ----------------------------------------------------------------------
@calendar_app.command("show", help=H("calendar.show"))
def calendar_show(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option(min=1990, max=2100, help=H("calendar.year"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from tthc.app import service
    from tthc.core.workcalendar import is_provisional
    from tthc.present import render

    c = _ctx(ctx)
    y = year or c.now.year
    rows = service.calendar_rows(c, y)
    provisional = is_provisional(y, c.settings().calendar_confirmed_through)
    if as_json:
        render.print_json(render.calendar_json(rows, y, provisional))
    else:
        render.print_calendar(rows, y, provisional, c.lang)


def _calendar_change(ctx: typer.Context, action: str, day: str, name: str | None) -> None:
    from tthc.app import service
    from tthc.locale.i18n import fmt_day, t
    from tthc.present import render

    c = _ctx(ctx)
    when, changed = service.calendar_change(c, action, day, name)
    if action == "remove":
        render.echo(t(c.lang, "calendar_removed", day=fmt_day(c.lang, when)))
    else:
        kind = t(c.lang, "kind_off" if action == "add-holiday" else "kind_work")
        render.echo(t(c.lang, "calendar_added", day=fmt_day(c.lang, when), kind=kind))
    if changed:
        render.echo(t(c.lang, "calendar_recomputed", n=changed))


DayArg = Annotated[str, typer.Argument(metavar="DAY")]
DayNameOpt = Annotated[str | None, typer.Option(help=H("calendar.name"))]


@calendar_app.command("add-holiday", help=H("calendar.add-holiday"))
def calendar_add_holiday(ctx: typer.Context, day: DayArg, name: DayNameOpt = None) -> None:
    _calendar_change(ctx, "add-holiday", day, name)


@calendar_app.command("add-workday", help=H("calendar.add-workday"))
def calendar_add_workday(ctx: typer.Context, day: DayArg, name: DayNameOpt = None) -> None:
    _calendar_change(ctx, "add-workday", day, name)


@calendar_app.command("remove", help=H("calendar.remove"))
def calendar_remove(ctx: typer.Context, day: DayArg) -> None:
    _calendar_change(ctx, "remove", day, None)


def _calendar_ruling(ctx: typer.Context, day: str, confirmed: bool, reason: str | None) -> None:
    from tthc.app import service
    from tthc.locale.i18n import fmt_day, t
    from tthc.present import render

    c = _ctx(ctx)
    when, changed = service.calendar_ruling(c, day, confirmed, reason)
    key = "cal_confirmed" if confirmed else "cal_rejected"
    render.echo(t(c.lang, key, day=fmt_day(c.lang, when)))
    if changed:
        render.echo(t(c.lang, "calendar_recomputed", n=changed))


@calendar_app.command("confirm", help=H("calendar.confirm"))
def calendar_confirm(ctx: typer.Context, day: DayArg, reason: ReasonOpt = None) -> None:
    _calendar_ruling(ctx, day, True, reason)


@calendar_app.command("reject", help=H("calendar.reject"))
def calendar_reject(ctx: typer.Context, day: DayArg, reason: ReasonOpt = None) -> None:
    _calendar_ruling(ctx, day, False, reason)


@calendar_app.command("check", help=H("calendar.check"))
def calendar_check(
    ctx: typer.Context,
    apply: Annotated[bool, typer.Option("--apply", help=H("calendar.apply"))] = False,
    reason: ReasonOpt = None,
    as_json: JsonOpt = False,
) -> None:
    from tthc.app import calendar_check
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    items = calendar_check.check(c)
    if apply:
        done = calendar_check.apply(c, reason)
        if as_json:
            render.print_json(
                {"dossiers": [m.as_json() for m in items], "relaid": done.relaid, "noted": done.noted}
            )
        else:
            render.print_calendar_check(items, c.lang)
            render.echo(t(c.lang, "cal_check_applied", relaid=done.relaid, noted=done.noted))
    elif as_json:
        render.print_json({"dossiers": [m.as_json() for m in items]})
    else:
        render.print_calendar_check(items, c.lang)


# -- the catalog and the registers --------------------------------------------------------------
ProcedureCodeArg = Annotated[
    str, typer.Argument(metavar="CODE", help=H("procedure.code"), autocompletion=_complete_procedures)
]
FileArg = Annotated[Path, typer.Argument(metavar="FILE")]


@procedure_app.command("add", help=H("procedure.add"))
def procedure_add(
    ctx: typer.Context,
    code: ProcedureCodeArg,
    name: Annotated[str, typer.Option(help=H("procedure.name"))],
    field: Annotated[str, typer.Option(help=H("procedure.field"))],
    limit: Annotated[str, typer.Option(help=H("procedure.limit"))],
    alias: Annotated[str | None, typer.Option(help=H("procedure.alias"))] = None,
    fee: Annotated[str | None, typer.Option(help=H("procedure.fee"))] = None,
    e_result: EResultOpt = None,
) -> None:
    from tthc.app import catalog
    from tthc.locale.i18n import fmt_limit, t
    from tthc.present import render

    c = _ctx(ctx)
    proc = catalog.add_procedure(c, code, name, field, limit, alias, fee, bool(e_result))
    render.echo(t(c.lang, "added", what=f"{proc.code} {proc.name} ({fmt_limit(c.lang, proc.limit)})"))


@procedure_app.command("list", help=H("procedure.list"))
def procedure_list(
    ctx: typer.Context,
    field: Annotated[str | None, typer.Option(help=H("opt.field"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from tthc.app import catalog
    from tthc.present import render

    c = _ctx(ctx)
    procs = catalog.list_procedures(c, field)
    if as_json:
        render.print_json([p.as_json() for p in procs])
    else:
        render.print_procedures(procs, c.lang)


@procedure_app.command("show", help=H("procedure.show"))
def procedure_show(
    ctx: typer.Context,
    code: ProcedureCodeArg,
    as_json: JsonOpt = False,
) -> None:
    from tthc.app import catalog
    from tthc.present import render

    c = _ctx(ctx)
    proc = catalog.get_procedure(c, code)
    if as_json:
        render.print_json(proc.as_json())
    else:
        render.print_procedures([proc], c.lang)


@procedure_app.command("edit", help=H("procedure.edit"))
def procedure_edit(
    ctx: typer.Context,
    code: ProcedureCodeArg,
    name: Annotated[str | None, typer.Option(help=H("procedure.name"))] = None,
    field: Annotated[str | None, typer.Option(help=H("procedure.field"))] = None,
    limit: Annotated[str | None, typer.Option(help=H("procedure.edit.limit"))] = None,
    alias: Annotated[str | None, typer.Option(help=H("procedure.alias"))] = None,
    fee: Annotated[str | None, typer.Option(help=H("procedure.fee"))] = None,
    e_result: EResultOpt = None,
) -> None:
    from tthc.app import catalog
    from tthc.present import render

    c = _ctx(ctx)
    changes = {"name": name, "field": field, "limit": limit, "alias": alias, "fee": fee, "e_result": e_result}
    proc = catalog.edit_procedure(c, code, changes)
    render.print_procedures([proc], c.lang)


@procedure_app.command("import", help=H("procedure.import"))
def procedure_import(ctx: typer.Context, file: FileArg) -> None:
    from tthc.app import catalog
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    report = catalog.import_procedures(c, file)
    if report.unknown_columns:
        typer.echo(t(c.lang, "unknown_columns", cols=", ".join(report.unknown_columns)), err=True)
    render.echo(t(c.lang, "imported_procedures", added=report.added, updated=report.updated))


NameArg = Annotated[str, typer.Argument(metavar="NAME")]


def _added(ctx: typer.Context, kind: "Kind", name: str, prefix: str | None = None) -> None:
    from tthc.app import catalog
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    render.echo(t(c.lang, "added", what=catalog.add_name(c, kind, name, prefix)))


@officer_app.command("add", help=H("officer.add"))
def officer_add(ctx: typer.Context, name: NameArg) -> None:
    _added(ctx, "officer", name)


@point_app.command("add", help=H("point.add"))
def point_add(
    ctx: typer.Context,
    name: NameArg,
    prefix: Annotated[str | None, typer.Option(help=H("point.prefix"))] = None,
) -> None:
    _added(ctx, "point", name, prefix)


def _register(kind: "Kind", sub: typer.Typer) -> None:

    @sub.command("list", help=H(f"{kind}.list"))
    def list_(ctx: typer.Context, as_json: JsonOpt = False) -> None:
        from tthc.app import catalog
        from tthc.present import render

        c = _ctx(ctx)
        rows = catalog.list_names(c, kind)
        if as_json:
            render.print_json(render.names_json(rows, kind))
        else:
            render.print_names(rows, c.lang)


_register("officer", officer_app)
_register("point", point_app)


# -- the clerk's day ------------------------------------------------------------------------------
@app.command(help=H("receive"))
def receive(
    ctx: typer.Context,
    procedure: Annotated[
        str,
        typer.Argument(
            metavar="PROCEDURE|ALIAS", help=H("opt.procedure"), autocompletion=_complete_procedures
        ),
    ],
    applicant: Annotated[str, typer.Option(help=H("receive.applicant"))],
    channel: Annotated[
        ChannelOpt, typer.Option(help=H("receive.channel"), click_type=Words(ChannelOpt))
    ] = ChannelOpt.direct,
    at: AtOpt = None,
    code: Annotated[str | None, typer.Option(help=H("receive.code"))] = None,
    point: Annotated[str | None, typer.Option(help=H("receive.point"))] = None,
    officer: Annotated[str | None, typer.Option(help=H("receive.officer"))] = None,
    limit: Annotated[str | None, typer.Option(help=H("receive.limit"))] = None,
    id_number: Annotated[str | None, typer.Option(help=H("receive.id_number"))] = None,
    phone: Annotated[str | None, typer.Option(help=H("receive.phone"))] = None,
    address: Annotated[str | None, typer.Option(help=H("receive.address"))] = None,
    note: Annotated[str | None, typer.Option(help=H("receive.note"))] = None,
    fee: FeeOpt = None,
    paid: PaidOptT = None,
    digitised: DigitisedOpt = None,
    data_reused: ReusedOpt = None,
    reason: ReasonOpt = None,
    correct_time: CorrectOpt = False,
    submitted_at: Annotated[
        str | None, typer.Option("--submitted-at", help=H("receive.submitted_at"))
    ] = None,
    for_authority: Annotated[str | None, typer.Option("--for", help=H("receive.for"))] = None,
    late_entry: LateOpt = False,
    as_json: JsonOpt = False,
) -> None:
    from tthc.app import dossiers
    from tthc.app.corrections import Correction
    from tthc.present import render

    c = _clerk(ctx, late_entry)
    service = dossiers.ServiceGiven(fee, paid.value if paid else None, digitised, data_reused)
    r = dossiers.receive(
        c,
        procedure,
        applicant=applicant,
        channel=channel.value,
        at=at,
        code=code,
        point=point,
        officer=officer,
        limit=limit,
        id_number=id_number,
        phone=phone,
        address=address,
        note=note,
        service=service,
        reason=reason,
        correction=Correction.of(correct_time, reason),
        submitted_at=submitted_at,
        for_authority=for_authority,
    )
    if as_json:
        render.print_json(r.dossier.as_json())
    else:
        render.print_received(r.dossier, c.lang, r.catalog_limit, r.doubts)


def _stepped(ctx: typer.Context, step: str, d: Any, as_json: bool = False) -> None:
    from tthc.present import render

    c = _ctx(ctx)
    if as_json:
        render.print_json(d.as_json())
    else:
        render.print_step(d, step, c.lang)


@app.command(help=H("handover"))
def handover(
    ctx: typer.Context,
    code: CodeArg,
    to: Annotated[str, typer.Option("--to", help=H("handover.to"))],
    at: AtOpt = None,
    note: NoteOpt = None,
    reason: ReasonOpt = None,
    correct_time: CorrectOpt = False,
    late_entry: LateOpt = False,
) -> None:
    from tthc.app import dossiers
    from tthc.app.corrections import Correction

    fix = Correction.of(correct_time, reason)
    _stepped(
        ctx,
        "handover",
        dossiers.handover(_clerk(ctx, late_entry), code, to, at, note, reason=reason, correction=fix),
    )


@app.command(help=H("supplement"))
def supplement(
    ctx: typer.Context,
    code: CodeArg,
    reason: Annotated[str, typer.Option("--reason", help=H("supplement.reason"))],
    at: AtOpt = None,
    again: Annotated[bool, typer.Option("--again", help=H("supplement.again"))] = False,
    correct_time: CorrectOpt = False,
    late_entry: LateOpt = False,
) -> None:
    from tthc.app import dossiers
    from tthc.app.corrections import Correction

    fix = Correction.of(correct_time, reason)
    d = dossiers.supplement(_clerk(ctx, late_entry), code, at, reason, again=again, correction=fix)
    _stepped(ctx, "supplement", d)


def _plain_step(name: str) -> None:
    """A step that takes only the dossier, its moment and a reason (resume, withdraw, close,
    forward, notify): one set of options and one body, calling the service of the same name."""

    @app.command(name, help=H(name))
    def step(
        ctx: typer.Context,
        code: CodeArg,
        at: AtOpt = None,
        reason: ReasonOpt = None,
        correct_time: CorrectOpt = False,
        late_entry: LateOpt = False,
    ) -> None:
        from tthc.app import dossiers
        from tthc.app.corrections import Correction

        fix = Correction.of(correct_time, reason)
        service = getattr(dossiers, name)
        _stepped(ctx, name, service(_clerk(ctx, late_entry), code, at, reason=reason, correction=fix))


_plain_step("resume")


@app.command(help=H("resolve"))
def resolve(
    ctx: typer.Context,
    code: CodeArg,
    at: AtOpt = None,
    outcome: Annotated[
        OutcomeOpt, typer.Option(help=H("resolve.outcome"), click_type=Words(OutcomeOpt))
    ] = OutcomeOpt.approved,
    note: NoteOpt = None,
    e_result: EResultOpt = None,
    reason: ReasonOpt = None,
    correct_time: CorrectOpt = False,
    late_entry: LateOpt = False,
    as_json: JsonOpt = False,
) -> None:
    from tthc.app import dossiers
    from tthc.app.corrections import Correction

    fix = Correction.of(correct_time, reason)
    d = dossiers.resolve(
        _clerk(ctx, late_entry),
        code,
        at,
        outcome.value,
        note,
        reason=reason,
        correction=fix,
        e_result=e_result,
    )
    _stepped(ctx, "resolve", d, as_json)


@app.command("return", help=H("return"))
def return_(
    ctx: typer.Context,
    code: CodeArg,
    at: AtOpt = None,
    rating: Annotated[str | None, typer.Option("--rating", help=H("return.rating"))] = None,
    comment: Annotated[str | None, typer.Option("--comment", help=H("return.comment"))] = None,
    reason: ReasonOpt = None,
    correct_time: CorrectOpt = False,
    late_entry: LateOpt = False,
) -> None:
    from tthc.app import dossiers
    from tthc.app.corrections import Correction

    fix = Correction.of(correct_time, reason)
    d = dossiers.return_result(
        _clerk(ctx, late_entry), code, at, reason=reason, correction=fix, rating=rating, comment=comment
    )
    _stepped(ctx, "return", d)


_plain_step("withdraw")


@app.command(help=H("apologize"))
def apologize(
    ctx: typer.Context,
    code: CodeArg,
    new_date: Annotated[str, typer.Option("--new-date", help=H("apologize.new_date"))],
    reason: Annotated[str, typer.Option("--reason", help=H("opt.reason"))],
    at: AtOpt = None,
    correct_time: CorrectOpt = False,
    late_entry: LateOpt = False,
) -> None:
    from tthc.app import dossiers
    from tthc.app.corrections import Correction
    from tthc.locale.i18n import t

    c = _clerk(ctx, late_entry)
    fix = Correction.of(correct_time, reason)
    d = dossiers.apologize(c, code, new_date, reason, at, correction=fix)
    _stepped(ctx, "apologize", d)
    if d.apology is not None and not d.apology.in_time:
        typer.echo(t(c.lang, "apology_late"), err=True)


for _name in ("close", "forward", "notify"):
    _plain_step(_name)


@app.command(help=H("show"))
def show(
    ctx: typer.Context,
    code: CodeArg,
    as_json: JsonOpt = False,
    show_id: Annotated[bool, typer.Option("--show-id", help=H("show.show_id"))] = False,
) -> None:
    from tthc.app import dossiers
    from tthc.present import render

    c = _ctx(ctx)
    view = dossiers.show(c, code)
    if as_json:
        render.print_json(view.dossier.as_json(show_id=show_id))
    else:
        render.print_dossier(view, c.lang, show_id=show_id)


@app.command(help=H("history"))
def history(ctx: typer.Context, code: CodeArg, as_json: JsonOpt = False) -> None:
    from tthc.app import dossiers
    from tthc.present import render

    c = _ctx(ctx)
    events = dossiers.history(c, code)
    if as_json:
        render.print_json([render.event_json(e) for e in events])
    else:
        render.print_history(events, c.lang)


StatusF = Annotated[
    StatusOpt | None, typer.Option("--status", help=H("opt.status"), click_type=Words(StatusOpt))
]
FieldF = Annotated[str | None, typer.Option("--field", help=H("opt.field"))]
ProcedureF = Annotated[str | None, typer.Option("--procedure", help=H("opt.procedure"))]
PointF = Annotated[str | None, typer.Option("--point", help=H("opt.point"))]
OfficerF = Annotated[str | None, typer.Option("--officer", help=H("opt.officer"))]
ChannelF = Annotated[
    ChannelOpt | None, typer.Option("--channel", help=H("opt.channel"), click_type=Words(ChannelOpt))
]
ReceivedFromF = Annotated[str | None, typer.Option("--received-from", help=H("opt.received_from"))]
ReceivedToF = Annotated[str | None, typer.Option("--received-to", help=H("opt.received_to"))]
DueFromF = Annotated[str | None, typer.Option("--due-from", help=H("opt.due_from"))]
DueToF = Annotated[str | None, typer.Option("--due-to", help=H("opt.due_to"))]
OverdueF = Annotated[bool, typer.Option("--overdue", help=H("opt.overdue"))]
DueWithinF = Annotated[int | None, typer.Option("--due-within", help=H("opt.due_within"))]
SearchF = Annotated[str | None, typer.Option("--search", help=H("opt.search"))]


def _filter(**given: Any) -> Any:
    """The worklist filter from the options `list` and `export` share."""
    from tthc.app.dossiers import ListFilter

    for key in ("status", "channel"):
        if given.get(key) is not None:
            given[key] = given[key].value
    return ListFilter(**given)


@app.command("list", help=H("list"))
def list_(
    ctx: typer.Context,
    status: StatusF = None,
    field: FieldF = None,
    procedure: ProcedureF = None,
    point: PointF = None,
    officer: OfficerF = None,
    channel: ChannelF = None,
    received_from: ReceivedFromF = None,
    received_to: ReceivedToF = None,
    due_from: DueFromF = None,
    due_to: DueToF = None,
    overdue: OverdueF = False,
    due_within: DueWithinF = None,
    search: SearchF = None,
    to_notify: Annotated[bool, typer.Option("--to-notify", help=H("list.to_notify"))] = False,
    limit: Annotated[int, typer.Option(help=H("list.limit"))] = 50,
    as_json: JsonOpt = False,
) -> None:
    from tthc.app import worklist
    from tthc.present import render
    from tthc.present.render_worklist import print_worklist, tell_json

    c = _ctx(ctx)
    f = _filter(
        status=status,
        field=field,
        procedure=procedure,
        point=point,
        officer=officer,
        channel=channel,
        received_from=received_from,
        received_to=received_to,
        due_from=due_from,
        due_to=due_to,
        overdue=overdue,
        due_within=due_within,
        search=search,
        limit=limit,
    )
    f.to_notify = to_notify
    work = worklist.build(c, f)
    if as_json and to_notify:
        render.print_json([tell_json(r) for s in work.sections for r in s.rows])
        return
    if as_json:
        render.print_json([d.as_json() for d in work.dossiers()])
        return
    print_worklist(work, c.lang)


@app.command(help=H("edit"))
def edit(
    ctx: typer.Context,
    code: CodeArg,
    applicant: Annotated[str | None, typer.Option(help=H("edit.applicant"))] = None,
    phone: Annotated[str | None, typer.Option(help=H("edit.phone"))] = None,
    address: Annotated[str | None, typer.Option(help=H("edit.address"))] = None,
    point: Annotated[str | None, typer.Option(help=H("edit.point"))] = None,
    officer: Annotated[str | None, typer.Option(help=H("edit.officer"))] = None,
    note: NoteOpt = None,
    id_number: Annotated[str | None, typer.Option(help=H("edit.id_number"))] = None,
    fee: FeeOpt = None,
    paid: PaidOptT = None,
    digitised: DigitisedOpt = None,
    data_reused: ReusedOpt = None,
    e_result: EResultOpt = None,
    reason: ReasonOpt = None,
    correct_time: CorrectOpt = False,
) -> None:
    from tthc.app import dossiers
    from tthc.app.corrections import Correction
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    changes = {
        "applicant": applicant,
        "phone": phone,
        "address": address,
        "point": point,
        "officer": officer,
        "note": note,
        "id_number": id_number,
        "fee": fee,
        "payment": paid.value if paid else None,
        "digitised": digitised,
        "data_reused": data_reused,
        "e_result": e_result,
    }
    d = dossiers.edit(c, code, changes, reason=reason, correction=Correction.of(correct_time, reason))
    render.echo(t(c.lang, "edited", code=d.code))


@app.command(help=H("undo"))
def undo(
    ctx: typer.Context,
    code: CodeArg,
    reason: Annotated[str, typer.Option("--reason", help=H("opt.reason"))],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=H("undo.yes"))] = False,
    correct_time: CorrectOpt = False,
) -> None:
    from tthc.app import corrections
    from tthc.app.corrections import Correction
    from tthc.locale.i18n import step_label, t
    from tthc.present import render

    c = _ctx(ctx)
    fix = Correction.of(correct_time, reason)
    plan = corrections.undo_plan(c, code, fix)
    render.print_undo_plan(plan, c.lang)
    if not yes and can_ask() and not confirm(c.lang, t(c.lang, "undo_confirm")):
        raise typer.Abort()
    step, d = corrections.undo(c, code, reason, fix, expected=plan.event_id)
    if d is None:
        render.say(t(c.lang, "receipt_undone", code=plan.code))
    else:
        render.say(t(c.lang, "undone", code=d.code, step=step_label(c.lang, step)))


@app.command(help=H("corrections"))
def corrections(
    ctx: typer.Context,
    from_: Annotated[str | None, typer.Option("--from", help=H("opt.from"))] = None,
    to: Annotated[str | None, typer.Option("--to", help=H("opt.to"))] = None,
    month: Annotated[str | None, typer.Option("--month", help=H("opt.month"))] = None,
    quarter: Annotated[str | None, typer.Option("--quarter", help=H("opt.quarter"))] = None,
    year: Annotated[str | None, typer.Option("--year", help=H("opt.year"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from tthc.app import corrections, service
    from tthc.present import render

    c = _ctx(ctx)
    p = service.period(c, from_=from_, to=to, month=month, quarter=quarter, year=year)
    items = corrections.corrections(c, p)
    if as_json:
        render.print_json([item.as_json() for item in items])
    else:
        render.print_corrections(items, p, c.lang)


# -- the manager's reports ------------------------------------------------------------------------
class ByOpt(StrEnum):
    field = "field"
    procedure = "procedure"
    channel = "channel"
    point = "point"
    officer = "officer"
    month = "month"


FromOpt = Annotated[str | None, typer.Option("--from", help=H("opt.from"))]
ToOpt = Annotated[str | None, typer.Option("--to", help=H("opt.to"))]
MonthOpt = Annotated[str | None, typer.Option("--month", help=H("opt.month"))]
QuarterOpt = Annotated[str | None, typer.Option("--quarter", help=H("opt.quarter"))]
YearOpt = Annotated[str | None, typer.Option("--year", help=H("opt.year"))]
ExcelVnOpt = Annotated[bool, typer.Option("--excel-vn", help=H("opt.excel_vn"))]


@app.command(help=H("summary"))
def summary(
    ctx: typer.Context,
    from_: FromOpt = None,
    to: ToOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
    by: Annotated[
        ByOpt | None, typer.Option(help=H("summary.by"), click_type=Words(ByOpt, {"month": "w_month"}))
    ] = None,
    field: FieldF = None,
    procedure: ProcedureF = None,
    as_json: JsonOpt = False,
    out: Annotated[Path | None, typer.Option("--out", help=H("summary.out"))] = None,
    chart: Annotated[bool, typer.Option("--chart", help=H("summary.chart"))] = False,
    svg: Annotated[Path | None, typer.Option("--svg", help=H("summary.svg"))] = None,
    html: Annotated[Path | None, typer.Option("--html", help=H("summary.html"))] = None,
    excel_vn: ExcelVnOpt = False,
) -> None:
    from tthc.app import service
    from tthc.locale.i18n import t
    from tthc.present import render, render_reports

    c = _ctx(ctx)
    p = service.period(c, from_=from_, to=to, month=month, quarter=quarter, year=year)
    result = service.summary(c, p, by.value if by else None, field=field, procedure=procedure)
    if as_json:
        render.print_json(result.as_json())
        return
    if out is not None:
        from tthc.storage.sheets import write_table

        headers, rows = render_reports.summary_records(result, c.lang)
        write_table(out, headers, rows, sheet=t(c.lang, "sheet_summary"), excel_vn=excel_vn)
        render.echo(t(c.lang, "written", path=out))
        return
    render_reports.print_summary(result, c.lang, c.settings().center_name, chart=chart, svg=svg, html=html)


class IndicatorsByOpt(StrEnum):
    field = "field"
    procedure = "procedure"


@app.command(help=H("indicators"))
def indicators(
    ctx: typer.Context,
    from_: FromOpt = None,
    to: ToOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
    by: Annotated[IndicatorsByOpt | None, typer.Option(help=H("indicators.by"))] = None,
    as_json: JsonOpt = False,
    out: Annotated[Path | None, typer.Option("--out", help=H("indicators.out"))] = None,
) -> None:
    from tthc.app import indicators as scorecard
    from tthc.app import service
    from tthc.locale.i18n import t
    from tthc.present import render, render_indicators

    c = _ctx(ctx)
    p = service.period(c, from_=from_, to=to, month=month, quarter=quarter, year=year)
    result = scorecard.build(c, p, by.value if by else None)
    if as_json:
        render.print_json(result.as_json(c.lang))
    elif out is not None:
        from tthc.storage.sheets import write_table

        headers, rows = render_indicators.file_records(result, c.lang)
        write_table(out, headers, rows, sheet=t(c.lang, "sheet_indicators"))
        render.echo(t(c.lang, "written", path=out))
    else:
        render.echo(render_indicators.text(result, c.lang, render.output_width()))


@app.command(help=H("report"))
def report(
    ctx: typer.Context,
    from_: FromOpt = None,
    to: ToOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
    out: Annotated[Path | None, typer.Option("--out", help=H("report.out"))] = None,
    close: Annotated[bool, typer.Option("--close", help=H("report.close"))] = False,
) -> None:
    from tthc.app import service
    from tthc.locale.i18n import t
    from tthc.present import render
    from tthc.present.report import build_form, print_form, write_form

    c = _ctx(ctx)
    p = service.period(c, from_=from_, to=to, month=month, quarter=quarter, year=year)
    form = build_form(service.summary(c, p, "field"), c.lang, c.settings(), c.now.date())
    if out is not None:
        from tthc.app.workload import late

        write_form(form, out, late(c, p))
        render.echo(t(c.lang, "written", path=out))
    else:
        print_form(form)
    if close:
        render.echo(t(c.lang, "reports_closed", day=service.close_reports(c, p)))


@app.command("import", help=H("import"))
def import_(
    ctx: typer.Context,
    file: FileArg,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=H("import.dry_run"))] = False,
    other_center: Annotated[bool, typer.Option("--other-center", help=H("merge.other_center"))] = False,
) -> None:
    from tthc.app.transfer import import_any
    from tthc.present import render
    from tthc.present.render import import_progress

    c = _ctx(ctx)
    with import_progress() as progress:
        report = import_any(c, file, dry_run=dry_run, progress=progress, other_center=other_center)
    render.print_import(report, c.lang)
    if getattr(report, "held", None):  # a full export merged, with dossiers held aside
        raise typer.Exit(1)


@app.command(help=H("export"))
def export(
    ctx: typer.Context,
    file: Annotated[Path | None, typer.Argument(metavar="FILE")] = None,
    parquet: Annotated[
        Path | None, typer.Option("--parquet", metavar="DIR", help=H("export.parquet"))
    ] = None,
    status: StatusF = None,
    field: FieldF = None,
    procedure: ProcedureF = None,
    point: PointF = None,
    officer: OfficerF = None,
    channel: ChannelF = None,
    received_from: ReceivedFromF = None,
    received_to: ReceivedToF = None,
    due_from: DueFromF = None,
    due_to: DueToF = None,
    overdue: OverdueF = False,
    due_within: DueWithinF = None,
    search: SearchF = None,
    full: Annotated[bool, typer.Option("--full", help=H("export.full"))] = False,
    excel_vn: ExcelVnOpt = False,
) -> None:
    from tthc.app.interchange import export as export_dossiers
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    if (file is None) == (parquet is None):
        raise TthcError("e_export_target")
    if parquet is not None:
        from tthc.app.service import export_parquet

        done = export_parquet(c, parquet)
        render.echo(t(c.lang, "parquet_exported", n=done.dossiers, center=done.center, path=parquet))
        return
    assert file is not None
    f = _filter(
        status=status,
        field=field,
        procedure=procedure,
        point=point,
        officer=officer,
        channel=channel,
        received_from=received_from,
        received_to=received_to,
        due_from=due_from,
        due_to=due_to,
        overdue=overdue,
        due_within=due_within,
        search=search,
        limit=None,
    )
    if full:
        from tthc.app.transfer import export_full

        render.print_full_export(export_full(c, file, f), c.lang)
        return
    n = export_dossiers(c, file, f, excel_vn=excel_vn)
    render.echo(t(c.lang, "exported", n=n, path=file))


class RollupBy(StrEnum):
    center_ = "center"  # (the name `center` is str.center's)
    field = "field"
    procedure = "procedure"
    month = "month"


@app.command(help=H("rollup"))
def rollup(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help=H("rollup.paths"))],
    from_: FromOpt = None,
    to: ToOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
    by: Annotated[RollupBy, typer.Option(help=H("rollup.by"))] = RollupBy.center_,
    as_json: JsonOpt = False,
    out: Annotated[Path | None, typer.Option("--out", help=H("rollup.out"))] = None,
) -> None:
    from tthc.app import service
    from tthc.locale.i18n import t
    from tthc.present import render, render_reports

    c = _ctx(ctx)
    p = service.province_period(c, from_=from_, to=to, month=month, quarter=quarter, year=year)
    result = service.rollup(c, paths, p, by.value, detail=out is not None)
    if as_json:
        render.print_json(result.as_json())
        return
    if out is not None:
        from tthc.storage.sheets import write_workbook

        write_workbook(out, render_reports.rollup_sheets(result, c.lang))
        render.echo(t(c.lang, "written", path=out))
        return
    render_reports.print_rollup(result, c.lang)


@app.command(help=H("backup"))
def backup(ctx: typer.Context, dest: Annotated[Path, typer.Argument(metavar="DEST")]) -> None:
    from tthc.app import service
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    render.echo(t(c.lang, "backed_up", path=service.backup(c, dest)))


@app.command(help=H("restore"))
def restore(
    ctx: typer.Context,
    src: Annotated[Path, typer.Argument(metavar="SRC")],
    other_center: Annotated[bool, typer.Option("--other-center", help=H("restore.other_center"))] = False,
) -> None:
    from tthc.app import service
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    kept = service.restore(c, src, other_center=other_center)
    render.echo(t(c.lang, "restored", src=src, kept=kept) if kept else t(c.lang, "restored_new", src=src))


@app.command(help=H("demo"))
def demo(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option("--db", help=H("demo.db"))] = None,
) -> None:
    from tthc.app import demo as demo_module
    from tthc.app import service
    from tthc.locale.i18n import t
    from tthc.present import render, render_reports

    c = _ctx(ctx)
    c.use_database(db or demo_module.default_path())
    demo_module.build(c)
    render.echo(t(c.lang, "demo_built", path=c.db_path))
    start, end = demo_module.START.isoformat(), demo_module.END.isoformat()
    p = service.period(c, from_=start, to=end, month=None, quarter=None, year=None)
    result = service.summary(c, p, "field")
    render_reports.print_summary(result, c.lang, c.settings().center_name, chart=False, svg=None, html=None)
    render.echo(t(c.lang, "demo_next", path=c.db_path, period=f"--from {start} --to {end}"))


# -- commands: papers ----------------------------------------------------------------
HtmlOpt = Annotated[Path | None, typer.Option("--html", help=H("slip.html"))]
PaperOpt = Annotated[list[str] | None, typer.Option("--paper", help=H("slip.paper"))]


def _slip(ctx: typer.Context, code: str, form: str, html: Path | None, paper: list[str] | None) -> None:
    from tthc.app import papers
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    s = papers.slip(c, code, form, paper or ())
    if html is None:
        render.print_slip(s)
        return
    from tthc.present.paper_html import write_slip

    write_slip(s, html)
    render.echo(t(c.lang, "written", path=html))


@app.command(help=H("receipt"))
def receipt(ctx: typer.Context, code: CodeArg, html: HtmlOpt = None, paper: PaperOpt = None) -> None:
    _slip(ctx, code, "01", html, paper)


@app.command(help=H("slip"))
def slip(
    ctx: typer.Context,
    code: CodeArg,
    form: Annotated[str, typer.Argument(metavar="FORM", help=H("slip.form"))],
    html: HtmlOpt = None,
    paper: PaperOpt = None,
) -> None:
    _slip(ctx, code, form, html, paper)


@app.command(help=H("logbook"))
def logbook(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", help=H("logbook.out"))],
    from_: FromOpt = None,
    to: ToOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
) -> None:
    from tthc.app import papers, service
    from tthc.locale.i18n import t
    from tthc.present import render
    from tthc.present.paper_xlsx import write_log_book

    c = _ctx(ctx)
    p = service.period(c, from_=from_, to=to, month=month, quarter=quarter, year=year)
    book = papers.log_book(c, p)
    write_log_book(book, out)
    render.echo(t(c.lang, "p06_written", n=len(book.rows), path=out))


# -- commands: workload and compliance -----------------------------------------------
class WorkloadByOpt(StrEnum):
    officer = "officer"
    point = "point"


TableOutOpt = Annotated[Path | None, typer.Option("--out", help=H("opt.table_out"))]


@app.command(help=H("officers"))
def officers(
    ctx: typer.Context,
    from_: FromOpt = None,
    to: ToOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
    by: Annotated[
        WorkloadByOpt, typer.Option(help=H("officers.by"), click_type=Words(WorkloadByOpt))
    ] = WorkloadByOpt.officer,
    as_json: JsonOpt = False,
    out: TableOutOpt = None,
) -> None:
    from tthc.app import service, workload
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    p = service.period(c, from_=from_, to=to, month=month, quarter=quarter, year=year)
    result = workload.officers(c, p, by.value)
    if as_json:
        render.print_json(result.as_json())
    elif out is not None:
        from tthc.storage.sheets import write_table

        headers, rows = render.workload_records(result, c.lang)
        write_table(out, headers, rows, sheet=t(c.lang, "sheet_officers"))
        render.echo(t(c.lang, "written", path=out))
    else:
        render.print_workload(result, c.lang)


@app.command(help=H("late"))
def late(
    ctx: typer.Context,
    from_: FromOpt = None,
    to: ToOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
    as_json: JsonOpt = False,
    out: TableOutOpt = None,
) -> None:
    from tthc.app import service, workload
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    p = service.period(c, from_=from_, to=to, month=month, quarter=quarter, year=year)
    result = workload.late(c, p)
    if as_json:
        render.print_json(result.as_json())
    elif out is not None:
        from tthc.storage.sheets import write_table

        headers, rows = render.late_records(result, c.lang)
        write_table(out, headers, rows, sheet=t(c.lang, "sheet_late"))
        render.echo(t(c.lang, "written", path=out))
    else:
        render.print_late(result, c.lang)


# -- commands: two points ------------------------------------------------------------
class KeepOpt(StrEnum):
    here = "here"
    there = "there"


@app.command(help=H("merge"))
def merge(
    ctx: typer.Context,
    other: Annotated[Path, typer.Argument(metavar="OTHER.db", help=H("merge.other"))],
    codes: Annotated[list[str] | None, typer.Argument(metavar="CODE", help=H("merge.codes"))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=H("merge.dry_run"))] = False,
    keep: Annotated[KeepOpt | None, typer.Option("--keep", help=H("merge.keep"))] = None,
    reason: Annotated[str | None, typer.Option("--reason", help=H("merge.reason"))] = None,
    other_center: Annotated[bool, typer.Option("--other-center", help=H("merge.other_center"))] = False,
) -> None:
    from tthc.app.merge import keep_decision, merge_database
    from tthc.present import render

    c = _ctx(ctx)
    decision = keep_decision(keep.value if keep else None, codes or [], reason)
    report = merge_database(c, other, dry_run=dry_run, other_center=other_center, keep=decision)
    render.print_merge(report, c.lang)
    if report.held:
        raise typer.Exit(1)


@procedure_app.command("export", help=H("procedure.export"))
def procedure_export(ctx: typer.Context, file: FileArg) -> None:
    from tthc.app.transfer import export_procedures
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    render.echo(t(c.lang, "exported_procedures", n=export_procedures(c, file), path=file))


# -- commands: the web side ----------------------------------------------------------
@app.command(help=H("serve"))
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help=H("serve.host"))] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help=H("serve.port"))] = 8080,
) -> None:
    from tthc.web.server import center_language
    from tthc.web.server import serve as run

    c = _ctx(ctx)
    c.lang_choice = c.lang_choice or center_language(c.db_path)  # never c.lang: it opens read-write
    run(c.db_path, host=host, port=port, lang=c.lang_choice)


def main() -> None:
    """Console-script entry point: UTF-8 output on every platform, then the app."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    app(prog_name="tthc", complete_var="_TTHC_COMPLETE")  # the same name as `python -m tthc`
