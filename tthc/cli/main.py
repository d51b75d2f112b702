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
from tthc.locale.marks import P_

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

            typer.echo(t(early_lang(argv), "Aborted!"), err=True)
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
            _fail(_said(ctx, _lang_of(ctx), Msg("interrupted.")), _lang_of(ctx))
        except Exception as exc:
            if hasattr(exc, "exit_code") or isinstance(exc, typer.Exit | typer.Abort):
                raise  # Click's own usage errors and exits keep their status and message
            refusal = _os_refusal(exc, ctx)
            if refusal is not None:
                _fail(refusal.render(_lang_of(ctx)), _lang_of(ctx))
            if os.environ.get("TTHC_DEBUG"):
                raise
            bug = Msg("internal error (a bug in tthc, not your input): {kind}: {detail}.", kind=type(exc).__name__, detail=exc)
            _fail(_said(ctx, _lang_of(ctx), bug, Msg("Please report it; TTHC_DEBUG=1 shows the details")), _lang_of(ctx), BUG_EXIT)
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
    writes = [Msg("The change it was writing was rolled back.")] if rolled_back else []
    writes += [Msg("What it had saved before stays saved.")] if committed else []
    return " ".join(m.render(lang) for m in (what, *writes, *after))


def _os_refusal(exc: Exception, ctx: Any) -> Msg | None:
    """A failure of the machine, not of tthc — an unwritable or full disk, a read-only
    database, a closed pipe — as a refusal naming the file and the cause."""
    import sqlite3

    path = getattr(getattr(ctx, "obj", None), "db_path", None)
    if isinstance(exc, BrokenPipeError):
        return Msg("the output was closed before everything was written")
    if isinstance(exc, OSError):
        return Msg("cannot use {path}: {reason}", path=exc.filename or path or "", reason=os_reason(exc))
    if isinstance(exc, sqlite3.OperationalError):
        reason = sqlite_reason(exc)
        if reason is not None and reason.key != "w_locked":  # locked: retried, then a bug
            return Msg("cannot use {path}: {reason}", path=path or "", reason=reason)
    return None


def _lang_of(ctx: Any) -> str:
    """The language to refuse in: the user's choice, else the center's setting, else English."""
    obj = getattr(ctx, "obj", None)
    try:
        return str(obj.lang) if obj is not None else "en"
    except Exception:
        return "en"


def _fail(message: str, lang: str = "en", status: int = 1) -> NoReturn:
    prefix = Msg("Error").render(lang)
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


AtOpt = Annotated[str | None, typer.Option("--at", help=H("When it happened (default: now; 'today' is now too). ISO or DD/MM/YYYY [HH:MM]."))]
JsonOpt = Annotated[bool, typer.Option("--json", help=H("Print JSON."))]


def _complete_codes(ctx: typer.Context, incomplete: str) -> list[str]:
    """Dossier codes for the shell's completion, read from the database named on the line."""
    from tthc.cli.help import complete_from

    return complete_from(ctx, "dossier", incomplete)


def _complete_procedures(ctx: typer.Context, incomplete: str) -> list[str]:
    """Procedure codes and aliases for the shell's completion."""
    from tthc.cli.help import complete_from

    return complete_from(ctx, "procedure", incomplete)


CodeArg = Annotated[str, typer.Argument(metavar="CODE", help=H("The dossier code (any case; the short form YYMMDD-NNNN when unique)."), autocompletion=_complete_codes)]
ReasonOpt = Annotated[str | None, typer.Option("--reason", help=H("Why (kept in the audit trail)."))]
NoteOpt = Annotated[str | None, typer.Option("--note", help=H("A note."))]
CorrectOpt = Annotated[bool, typer.Option("--correct-time", help=H("Knowingly change a timeline: date a step before the one it replaces, or touch a period already reported (needs --reason)."))]
LateOpt = Annotated[bool, typer.Option("--late-entry", help=H("Confirm a late entry: a moment more than 5 working days back, or a counter receipt on a day off."))]


class PaidOpt(StrEnum):
    cash = "cash"
    online = "online"
    exempt = "exempt"


EResultOpt = Annotated[bool | None, typer.Option("--e-result/--paper-result", help=H("The result is issued electronically (default: the procedure's catalog entry)."))]
FeeOpt = Annotated[str | None, typer.Option("--fee", help=H("Fee or charge of this dossier in đồng (default: the procedure's fee)."))]
PaidOptT = Annotated[PaidOpt | None, typer.Option("--paid", help=H("How the fee was paid: cash, online or exempt (default: cash where there is a fee)."))]
DigitisedOpt = Annotated[bool | None, typer.Option("--digitised/--not-digitised", help=H("The dossier was digitised at receipt (default: yes for online dossiers)."))]
ReusedOpt = Annotated[bool | None, typer.Option("--data-reused/--no-data-reused", help=H("Data already held was reused instead of asking for papers."))]


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
        typer.echo(t(early_lang(sys.argv[1:]), "{shell} completion installed in {path}; it works in new terminals.", shell=shell, path=path))
        raise typer.Exit(0)


@app.callback()
def _main(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option("--db", help=H("Database file (else TTHC_DB, else the app directory)."))] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", case_sensitive=False, help=H("Output language: vi (or vn) or en (else TTHC_LANG, else the setting)."))] = None,
    user: Annotated[str | None, typer.Option("--user", help=H("Who is typing (else TTHC_USER, else the OS user)."))] = None,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_show_version, help=H("Print the version of tthc and stop."))
    ] = False,
    install_completion: Annotated[
        Shell | None,
        typer.Option(
            "--install-completion",
            is_eager=True,
            callback=_install_completion,
            help=H("Install tab completion of commands, dossier codes and procedures for SHELL."),
        ),
    ] = None,
    show_completion: Annotated[
        Shell | None,
        typer.Option(
            "--show-completion", is_eager=True, callback=_show_completion, help=H("Print the tab-completion script for SHELL, to install by hand.")
        ),
    ] = None,
) -> None:
    from tthc.app.context import Context
    from tthc.cli.help import default_db_path, home_folder
    from tthc.core.clock import now_vn

    env = os.environ.get("TTHC_LANG", "").strip()
    if env and normalise_lang(env) is None:
        _fail(Msg("bad TTHC_LANG {value!r}: expected vi or en", value=env).render("en"))
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
        typer.echo(t(_lang_of(ctx), "Waiting: another command is writing to the database (a restore or an import); your step will be saved when it ends…"), err=True)


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


@config_app.command("show", help=H("Every setting with its value."))
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


@config_app.command("set", help=H("Change one setting (validated)."))
def config_set(ctx: typer.Context, key: KeyArg, value: ValueArg) -> None:
    from tthc.app import service
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    key, value = service.set_setting(c, key, value)
    render.echo(t(c.lang, "{key} = {value}", key=key, value=render.setting_value(c.lang, value)))
    if key == "supplement_policy" and value == "freeze":
        typer.echo(t(c.lang, "Warning: since 1/7/2025 Decree 118 Art. 19.5 says the time limit counts again from the start after the papers come ('tính lại từ đầu'); 'freeze' is the reading of some provinces before it"), err=True)


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
    from tthc.present import render

    c = _ctx(ctx)
    q = service.quote(c, what, at)
    if as_json:
        render.print_json(q.as_json())
    else:
        render.print_quote(q, c.lang, explain=explain)


# -- calendar upkeep ----------------------------------------------------------------------
@calendar_app.command("show", help=H("Days off and make-up working days of a year, with their source."))
def calendar_show(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option(min=1990, max=2100, help=H("The year (default: this year)."))] = None,
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
        render.echo(t(c.lang, "{day}: center override removed", day=fmt_day(c.lang, when)))
    else:
        kind = t(c.lang, "day off" if action == "add-holiday" else "make-up working day")
        render.echo(t(c.lang, "{day}: {kind} added", day=fmt_day(c.lang, when), kind=kind))
    if changed:
        render.echo(t(c.lang, "{n} open dossier(s) got a new due date", n=changed))


DayArg = Annotated[str, typer.Argument(metavar="DAY")]
DayNameOpt = Annotated[str | None, typer.Option(help=H("What the day is (shown in explanations)."))]


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
    from tthc.locale.i18n import fmt_day, t
    from tthc.present import render

    c = _ctx(ctx)
    when, changed = service.calendar_ruling(c, day, confirmed, reason)
    key = "cal_confirmed" if confirmed else "cal_rejected"
    render.echo(t(c.lang, key, day=fmt_day(c.lang, when)))
    if changed:
        render.echo(t(c.lang, "{n} open dossier(s) got a new due date", n=changed))


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
            render.echo(t(c.lang, "{relaid} open dossier(s) laid again, {noted} closed dossier(s) noted for a correction", relaid=done.relaid, noted=done.noted))
    elif as_json:
        render.print_json({"dossiers": [m.as_json() for m in items]})
    else:
        render.print_calendar_check(items, c.lang)


# -- the catalog and the registers --------------------------------------------------------------
ProcedureCodeArg = Annotated[
    str, typer.Argument(metavar="CODE", help=H("National procedure code, e.g. 1.001193."), autocompletion=_complete_procedures)
]
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
    from tthc.locale.i18n import fmt_limit, t
    from tthc.present import render

    c = _ctx(ctx)
    proc = catalog.add_procedure(c, code, name, field, limit, alias, fee, bool(e_result))
    render.echo(t(c.lang, "Added {what}", what=f"{proc.code} {proc.name} ({fmt_limit(c.lang, proc.limit)})"))


@procedure_app.command("list", help=H("The catalog, by field."))
def procedure_list(
    ctx: typer.Context,
    field: Annotated[str | None, typer.Option(help=H("Only this field (lĩnh vực)."))] = None,
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


@procedure_app.command("show", help=H("One procedure (by code, alias or name)."))
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
    from tthc.present import render

    c = _ctx(ctx)
    changes = {"name": name, "field": field, "limit": limit, "alias": alias, "fee": fee, "e_result": e_result}
    proc = catalog.edit_procedure(c, code, changes)
    render.print_procedures([proc], c.lang)


@procedure_app.command("import", help=H("Load procedures from .csv/.xlsx (columns code,name,field,limit[,alias,fee]); all or nothing."))
def procedure_import(ctx: typer.Context, file: FileArg) -> None:
    from tthc.app import catalog
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    report = catalog.import_procedures(c, file)
    if report.unknown_columns:
        typer.echo(t(c.lang, "warning: ignored unknown column(s): {cols}", cols=", ".join(report.unknown_columns)), err=True)
    render.echo(t(c.lang, "Procedures: {added} added, {updated} updated", added=report.added, updated=report.updated))


NameArg = Annotated[str, typer.Argument(metavar="NAME")]


def _added(ctx: typer.Context, kind: "Kind", name: str, prefix: str | None = None) -> None:
    from tthc.app import catalog
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    render.echo(t(c.lang, "Added {what}", what=catalog.add_name(c, kind, name, prefix)))


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
@app.command(help=H("Receive a dossier and print its code and appointment."))
def receive(
    ctx: typer.Context,
    procedure: Annotated[
        str,
        typer.Argument(
            metavar="PROCEDURE|ALIAS", help=H("Code, alias or full name (diacritics optional)."), autocompletion=_complete_procedures
        ),
    ],
    applicant: Annotated[str, typer.Option(help=H("Applicant's full name (at most 200 characters)."))],
    channel: Annotated[
        ChannelOpt, typer.Option(help=H("How it arrived."), click_type=Words(ChannelOpt))
    ] = ChannelOpt.direct,
    at: AtOpt = None,
    code: Annotated[str | None, typer.Option(help=H("Dossier code (default: generated); never one used before, in any letter case. A code UNIT-YYMMDD-NNNN carries the day of receipt."))] = None,
    point: Annotated[str | None, typer.Option(help=H("Reception point (any case, or a unique part of the name)."))] = None,
    officer: Annotated[str | None, typer.Option(help=H("Officer in charge (any case, or a unique given name)."))] = None,
    limit: Annotated[str | None, typer.Option(help=H("Override the procedure's time limit (audited)."))] = None,
    id_number: Annotated[str | None, typer.Option(help=H("Citizen ID (CCCD, 12 digits)."))] = None,
    phone: Annotated[str | None, typer.Option(help=H("Phone number (spaces, dots and +84 are fine)."))] = None,
    address: Annotated[str | None, typer.Option(help=H("Address (at most 300 characters)."))] = None,
    note: Annotated[str | None, typer.Option(help=H("A note (at most 1,000 characters)."))] = None,
    fee: FeeOpt = None,
    paid: PaidOptT = None,
    digitised: DigitisedOpt = None,
    data_reused: ReusedOpt = None,
    reason: ReasonOpt = None,
    correct_time: CorrectOpt = False,
    submitted_at: Annotated[
        str | None, typer.Option("--submitted-at", help=H("Online only: when the provincial system received it (--at is the acceptance, where the clock starts)."))
    ] = None,
    for_authority: Annotated[str | None, typer.Option("--for", help=H("Received here for another authority of the province: its paper dossier is forwarded within 1 working day."))] = None,
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


@app.command(help=H("Hand the dossier to another officer for processing (status unchanged)."))
def handover(
    ctx: typer.Context,
    code: CodeArg,
    to: Annotated[str, typer.Option("--to", help=H("Officer taking it over."))],
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


@app.command(help=H("Ask the applicant for more papers: the clock stops."))
def supplement(
    ctx: typer.Context,
    code: CodeArg,
    reason: Annotated[str, typer.Option("--reason", help=H("The papers asked for (required)."))],
    at: AtOpt = None,
    again: Annotated[bool, typer.Option("--again", help=H("Record a second request anyway (the decree allows one: it is listed as a breach)."))] = False,
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


@app.command(help=H("Processing finished with a result (approved or rejected)."))
def resolve(
    ctx: typer.Context,
    code: CodeArg,
    at: AtOpt = None,
    outcome: Annotated[
        OutcomeOpt, typer.Option(help=H("approved, or rejected (từ chối giải quyết)."), click_type=Words(OutcomeOpt))
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


@app.command("return", help=H("The result was handed to the applicant."))
def return_(
    ctx: typer.Context,
    code: CodeArg,
    at: AtOpt = None,
    rating: Annotated[str | None, typer.Option("--rating", help=H("The citizen's rating: satisfied, acceptable or unsatisfied (hài lòng, bình thường, không hài lòng)."))] = None,
    comment: Annotated[str | None, typer.Option("--comment", help=H("The citizen's comment with the rating."))] = None,
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


@app.command(help=H("Record the written apology with one new appointment date (never changes timeliness)."))
def apologize(
    ctx: typer.Context,
    code: CodeArg,
    new_date: Annotated[str, typer.Option("--new-date", help=H("The new appointment date."))],
    reason: Annotated[str, typer.Option("--reason", help=H("Why (kept in the audit trail)."))],
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
        typer.echo(t(c.lang, "warning: an apology should be issued at least one working day before the due date"), err=True)


for _name in ("close", "forward", "notify"):
    _plain_step(_name)


@app.command(help=H("Every fact about a dossier, its due date explained, and its timeline."))
def show(
    ctx: typer.Context,
    code: CodeArg,
    as_json: JsonOpt = False,
    show_id: Annotated[bool, typer.Option("--show-id", help=H("Show the full ID number."))] = False,
) -> None:
    from tthc.app import dossiers
    from tthc.present import render

    c = _ctx(ctx)
    view = dossiers.show(c, code)
    if as_json:
        render.print_json(view.dossier.as_json(show_id=show_id))
    else:
        render.print_dossier(view, c.lang, show_id=show_id)


@app.command(help=H("The audit trail: what happened, when, when it was recorded, by whom."))
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
    StatusOpt | None, typer.Option("--status", help=H("Only dossiers in this status."), click_type=Words(StatusOpt))
]
FieldF = Annotated[str | None, typer.Option("--field", help=H("Only this field (lĩnh vực)."))]
ProcedureF = Annotated[str | None, typer.Option("--procedure", help=H("Code, alias or full name (diacritics optional)."))]
PointF = Annotated[str | None, typer.Option("--point", help=H("Only this reception point."))]
OfficerF = Annotated[str | None, typer.Option("--officer", help=H("Only this officer."))]
ChannelF = Annotated[
    ChannelOpt | None, typer.Option("--channel", help=H("Only this channel."), click_type=Words(ChannelOpt))
]
ReceivedFromF = Annotated[str | None, typer.Option("--received-from", help=H("Received on or after this day."))]
ReceivedToF = Annotated[str | None, typer.Option("--received-to", help=H("Received on or before this day."))]
DueFromF = Annotated[str | None, typer.Option("--due-from", help=H("Due on or after this day."))]
DueToF = Annotated[str | None, typer.Option("--due-to", help=H("Due on or before this day."))]
OverdueF = Annotated[bool, typer.Option("--overdue", help=H("Open dossiers past their deadline."))]
DueWithinF = Annotated[int | None, typer.Option("--due-within", help=H("Open dossiers due within N working days."))]
SearchF = Annotated[str | None, typer.Option("--search", help=H("Name, code, phone or ID; diacritics ignored."))]


def _filter(**given: Any) -> Any:
    """The worklist filter from the options `list` and `export` share."""
    from tthc.app.dossiers import ListFilter

    for key in ("status", "channel"):
        if given.get(key) is not None:
            given[key] = given[key].value
    return ListFilter(**given)


@app.command("list", help=H("The worklist, soonest deadline first. No filter: overdue, due today, due within 2 working days."))
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
    to_notify: Annotated[bool, typer.Option("--to-notify", help=H("Citizens to tell: results ready before their date and not collected, apologies' new dates not yet told."))] = False,
    limit: Annotated[int, typer.Option(help=H("At most this many rows."))] = 50,
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


@app.command(help=H("Correct a dossier's details (audited). The timeline is changed with undo, not here."))
def edit(
    ctx: typer.Context,
    code: CodeArg,
    applicant: Annotated[str | None, typer.Option(help=H("The applicant's full name."))] = None,
    phone: Annotated[str | None, typer.Option(help=H("The phone number."))] = None,
    address: Annotated[str | None, typer.Option(help=H("The address."))] = None,
    point: Annotated[str | None, typer.Option(help=H("The reception point."))] = None,
    officer: Annotated[str | None, typer.Option(help=H("The officer in charge."))] = None,
    note: NoteOpt = None,
    id_number: Annotated[str | None, typer.Option(help=H("The citizen ID (12 digits)."))] = None,
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
    render.echo(t(c.lang, "{code}: details corrected", code=d.code))


@app.command(help=H("Revert the dossier's latest life-cycle step to exactly the state before it (audited)."))
def undo(
    ctx: typer.Context,
    code: CodeArg,
    reason: Annotated[str, typer.Option("--reason", help=H("Why (kept in the audit trail)."))],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=H("Do not ask for confirmation."))] = False,
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
    if not yes and can_ask() and not confirm(c.lang, t(c.lang, "Revert it?")):
        raise typer.Abort()
    step, d = corrections.undo(c, code, reason, fix, expected=plan.event_id)
    if d is None:
        render.say(t(c.lang, "{code}: receipt undone; the code will not be given again", code=plan.code))
    else:
        render.say(t(c.lang, "{code}: {step} undone", code=d.code, step=step_label(c.lang, step)))


@app.command(help=H("Every changed timeline: undone steps and corrected times, with who, when and why."))
def corrections(
    ctx: typer.Context,
    from_: Annotated[str | None, typer.Option("--from", help=H("First day of the period."))] = None,
    to: Annotated[str | None, typer.Option("--to", help=H("Last day of the period."))] = None,
    month: Annotated[str | None, typer.Option("--month", help=H("A reporting month: 2025-09, 9/2025 or 09/2025."))] = None,
    quarter: Annotated[str | None, typer.Option("--quarter", help=H("A quarter: 2025-Q3, Q3/2025 or 3/2025."))] = None,
    year: Annotated[str | None, typer.Option("--year", help=H("A year, YYYY."))] = None,
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


FromOpt = Annotated[str | None, typer.Option("--from", help=H("First day of the period."))]
ToOpt = Annotated[str | None, typer.Option("--to", help=H("Last day of the period."))]
MonthOpt = Annotated[str | None, typer.Option("--month", help=H("A reporting month: 2025-09, 9/2025 or 09/2025."))]
QuarterOpt = Annotated[str | None, typer.Option("--quarter", help=H("A quarter: 2025-Q3, Q3/2025 or 3/2025."))]
YearOpt = Annotated[str | None, typer.Option("--year", help=H("A year, YYYY."))]
ExcelVnOpt = Annotated[bool, typer.Option("--excel-vn", help=H("CSV for Excel set to Vietnamese: ';' between cells, ',' in decimals."))]


@app.command(help=H("Period summary: received, carried over, resolved early/on time/late, pending, on-time rate."))
def summary(
    ctx: typer.Context,
    from_: FromOpt = None,
    to: ToOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
    by: Annotated[
        ByOpt | None, typer.Option(help=H("Break the figures down by this key."), click_type=Words(ByOpt, {"month": "w_month"}))
    ] = None,
    field: FieldF = None,
    procedure: ProcedureF = None,
    as_json: JsonOpt = False,
    out: Annotated[Path | None, typer.Option("--out", help=H("Write the figures to FILE.csv or FILE.xlsx."))] = None,
    chart: Annotated[bool, typer.Option("--chart", help=H("Draw volume and on-time rate as bars."))] = False,
    svg: Annotated[Path | None, typer.Option("--svg", help=H("Also save it as SVG for printing (light, 120 columns)."))] = None,
    html: Annotated[Path | None, typer.Option("--html", help=H("Also save it as HTML for printing (light, 120 columns)."))] = None,
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
        write_table(out, headers, rows, sheet=t(c.lang, "summary"), excel_vn=excel_vn)
        render.echo(t(c.lang, "Written {path}", path=out))
        return
    render_reports.print_summary(result, c.lang, c.settings().center_name, chart=chart, svg=svg, html=html)


class IndicatorsByOpt(StrEnum):
    field = "field"
    procedure = "procedure"


@app.command(help=H("The province's scorecard (Decision 766): each indicator the center's records can give, with its rate, threshold and points, and the II.06a on-time rate beside indicator 2.1's."))
def indicators(
    ctx: typer.Context,
    from_: FromOpt = None,
    to: ToOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
    by: Annotated[IndicatorsByOpt | None, typer.Option(help=H("Split by field or procedure."))] = None,
    as_json: JsonOpt = False,
    out: Annotated[Path | None, typer.Option("--out", help=H("Write the scorecard to an .xlsx or .csv file."))] = None,
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
        write_table(out, headers, rows, sheet=t(c.lang, "indicators"))
        render.echo(t(c.lang, "Written {path}", path=out))
    else:
        render.echo(render_indicators.text(result, c.lang, render.output_width()))


@app.command(help=H("The official form Biểu II.06a (Circular 01/2020/TT-VPCP), by field."))
def report(
    ctx: typer.Context,
    from_: FromOpt = None,
    to: ToOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
    out: Annotated[Path | None, typer.Option("--out", help=H("Write the form to FILE.xlsx (one A4 landscape page), the late lists on a second sheet."))] = None,
    close: Annotated[bool, typer.Option("--close", help=H("Mark the period as reported: its dossiers' timelines change only with --correct-time."))] = False,
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
        render.echo(t(c.lang, "Written {path}", path=out))
    else:
        print_form(form)
    if close:
        render.echo(t(c.lang, "Periods up to {day:%d/%m/%Y} are marked as reported", day=service.close_reports(c, p)))


@app.command("import", help=H("Load dossiers from .csv/.xlsx (all rows or none); a given due_at is kept. A full export (.jsonl, or .xlsx with a meta sheet) is merged; into a new database it is copied whole."))
def import_(
    ctx: typer.Context,
    file: FileArg,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=H("Check every row and report; write nothing."))] = False,
    other_center: Annotated[bool, typer.Option("--other-center", help=H("Merge a file of another center (another unit code or center identity) all the same."))] = False,
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


@app.command(help=H("Write dossiers to .csv (UTF-8 for Excel), .xlsx or .json, with the filters of `list`."))
def export(
    ctx: typer.Context,
    file: Annotated[Path | None, typer.Argument(metavar="FILE")] = None,
    parquet: Annotated[
        Path | None, typer.Option("--parquet", metavar="DIR", help=H("Write the center's dossiers as a Parquet export for the province's roll-up (needs tthc[province])."))
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
    full: Annotated[bool, typer.Option("--full", help=H("Every table, every field: FILE.jsonl or FILE.xlsx, for `import` elsewhere."))] = False,
    excel_vn: ExcelVnOpt = False,
) -> None:
    from tthc.app.interchange import export as export_dossiers
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    if (file is None) == (parquet is None):
        raise TthcError("give either a FILE to export to or --parquet DIR, not both")
    if parquet is not None:
        from tthc.app.service import export_parquet

        done = export_parquet(c, parquet)
        render.echo(t(c.lang, "{center}: {n} dossiers exported for the province to {path}", n=done.dossiers, center=done.center, path=parquet))
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
    render.echo(t(c.lang, "Exported {n} dossier(s) to {path}", n=n, path=file))


class RollupBy(StrEnum):
    center_ = "center"  # (the name `center` is str.center's)
    field = "field"
    procedure = "procedure"
    month = "month"


@app.command(help=H("A province on one screen: the II.06a of many centers, per center and in total, from their Parquet exports or .db files."))
def rollup(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help=H("A center's export folder, a folder of exports, or a center's .db file."))],
    from_: FromOpt = None,
    to: ToOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
    by: Annotated[RollupBy, typer.Option(help=H("Group by center (ranked by on-time rate), field, procedure or month."))] = RollupBy.center_,
    as_json: JsonOpt = False,
    out: Annotated[Path | None, typer.Option("--out", help=H("Write the province's workbook (.xlsx): the total sheet, then one sheet per center."))] = None,
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
        render.echo(t(c.lang, "Written {path}", path=out))
        return
    render_reports.print_rollup(result, c.lang)


@app.command(help=H("Copy the whole database, consistently, to a new file DEST."))
def backup(ctx: typer.Context, dest: Annotated[Path, typer.Argument(metavar="DEST")]) -> None:
    from tthc.app import service
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    render.echo(t(c.lang, "Backup written to {path}", path=service.backup(c, dest)))


@app.command(help=H("Put the backup SRC in place of the database (the current one is kept beside it)."))
def restore(
    ctx: typer.Context,
    src: Annotated[Path, typer.Argument(metavar="SRC")],
    other_center: Annotated[bool, typer.Option("--other-center", help=H("Restore a database of another center (another unit code or center identity) all the same."))] = False,
) -> None:
    from tthc.app import service
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    kept = service.restore(c, src, other_center=other_center)
    render.echo(t(c.lang, "Restored from {src}; the previous database is kept as {kept}", src=src, kept=kept) if kept else t(c.lang, "Restored from {src}", src=src))


@app.command(help=H("Build a synthetic center (1/7–12/9/2025, two points) and print its summary: 1,964 dossiers, 98.28%."))
def demo(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option("--db", help=H("Where to build it (default: a file in the temp folder)."))] = None,
) -> None:
    from tthc.app import demo as demo_module
    from tthc.app import service
    from tthc.locale.i18n import t
    from tthc.present import render, render_reports

    c = _ctx(ctx)
    c.use_database(db or demo_module.default_path())
    demo_module.build(c)
    render.echo(t(c.lang, "Synthetic demo center built in {path} (made-up data; your own database was not touched).", path=c.db_path))
    start, end = demo_module.START.isoformat(), demo_module.END.isoformat()
    p = service.period(c, from_=start, to=end, month=None, quarter=None, year=None)
    result = service.summary(c, p, "field")
    render_reports.print_summary(result, c.lang, c.settings().center_name, chart=False, svg=None, html=None)
    render.echo(t(c.lang, "Explore it: tthc --db {path} list --overdue · summary {period} --by month --chart · report {period}", path=c.db_path, period=f"--from {start} --to {end}"))


# -- commands: papers ----------------------------------------------------------------
HtmlOpt = Annotated[Path | None, typer.Option("--html", help=H("Write the slip to FILE.html, laid out for A5 printing."))]
PaperOpt = Annotated[list[str] | None, typer.Option("--paper", help=H("A paper handed in, printed on form 01 (repeat for each)."))]


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
    render.echo(t(c.lang, "Written {path}", path=html))


@app.command(help=H("Form 01: the receipt and appointment slip, with a QR code of the dossier."))
def receipt(ctx: typer.Context, code: CodeArg, html: HtmlOpt = None, paper: PaperOpt = None) -> None:
    _slip(ctx, code, "01", html, paper)


@app.command(help=H("Print a form for a dossier: Circular 03/2025/TT-VPCP's if received from 30/10/2025, else Circular 01/2018/TT-VPCP's; a form that does not apply is refused."))
def slip(
    ctx: typer.Context,
    code: CodeArg,
    form: Annotated[str, typer.Argument(metavar="FORM", help=H("01 receipt, 02 supplement request, 03 refusal, 04 apology; 2025 set: 05 notice that handling stops, 06 process control sheet; 2018 set: 05 process control sheet."))],
    html: HtmlOpt = None,
    paper: PaperOpt = None,
) -> None:
    _slip(ctx, code, form, html, paper)


@app.command(help=H("The dossier log book (form 07 of 2025, 06 of 2018): one row per dossier received in the period."))
def logbook(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", help=H("The log book, FILE.xlsx (A4 landscape)."))],
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
    render.echo(t(c.lang, "Log book: {n} dossier(s) written to {path}", n=len(book.rows), path=out))


# -- commands: workload and compliance -----------------------------------------------
class WorkloadByOpt(StrEnum):
    officer = "officer"
    point = "point"


TableOutOpt = Annotated[Path | None, typer.Option("--out", help=H("Write the rows to FILE.csv or FILE.xlsx."))]


@app.command(help=H("Workload per officer: received, handed over, resolved, pending, overdue, on-time rate, share."))
def officers(
    ctx: typer.Context,
    from_: FromOpt = None,
    to: ToOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
    by: Annotated[
        WorkloadByOpt, typer.Option(help=H("One row per officer or per reception point."), click_type=Words(WorkloadByOpt))
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
        write_table(out, headers, rows, sheet=t(c.lang, P_("sheet_officers", "officers")))
        render.echo(t(c.lang, "Written {path}", path=out))
    else:
        render.print_workload(result, c.lang)


@app.command(help=H("Late and overdue dossiers with their officer and apology; late supplement requests; corrections; the duties of Decree 118 broken."))
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
        write_table(out, headers, rows, sheet=t(c.lang, P_("sheet_late", "late")))
        render.echo(t(c.lang, "Written {path}", path=out))
    else:
        render.print_late(result, c.lang)


# -- commands: two points ------------------------------------------------------------
class KeepOpt(StrEnum):
    here = "here"
    there = "there"


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
    from tthc.present import render

    c = _ctx(ctx)
    decision = keep_decision(keep.value if keep else None, codes or [], reason)
    report = merge_database(c, other, dry_run=dry_run, other_center=other_center, keep=decision)
    render.print_merge(report, c.lang)
    if report.held:
        raise typer.Exit(1)


@procedure_app.command("export", help=H("Write the catalog to .csv/.xlsx in the columns `procedure import` reads."))
def procedure_export(ctx: typer.Context, file: FileArg) -> None:
    from tthc.app.transfer import export_procedures
    from tthc.locale.i18n import t
    from tthc.present import render

    c = _ctx(ctx)
    render.echo(t(c.lang, "Exported {n} procedure(s) to {path}", n=export_procedures(c, file), path=file))


# -- commands: the web side ----------------------------------------------------------
@app.command(help=H("Serve the citizen look-up (/), the waiting-room board (/bang) and the dashboard (/quan-ly), read-only."))
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help=H("Address to listen on; other than 127.0.0.1 opens it to the network."))] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help=H("Port to listen on."))] = 8080,
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
