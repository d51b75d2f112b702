"""The command tree's root and its groups, and what every command shares around its body:
a refusal as one ``Error: …`` line and exit status 1, a bug as one line and exit status 70,
the help pages and Click's own errors in the user's language, and the context a command
works in (:func:`context`).
"""

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from typer.core import TyperGroup

from tthc.app.basics import Msg, TthcError, os_reason, sqlite_reason
from tthc.cli.help import H, early_lang, help_page, localize, usage_error
from tthc.locale.marks import N_

if TYPE_CHECKING:
    from tthc.app.context import Context

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
            fail(exc.text(lang_of(ctx)), lang_of(ctx))
        except KeyboardInterrupt:
            fail(_said(ctx, lang_of(ctx), Msg("interrupted.")), lang_of(ctx))
        except Exception as exc:
            if hasattr(exc, "exit_code") or isinstance(exc, typer.Exit | typer.Abort):
                raise  # Click's own usage errors and exits keep their status and message
            refusal = _os_refusal(exc, ctx)
            if refusal is not None:
                fail(refusal.render(lang_of(ctx)), lang_of(ctx))
            if os.environ.get("TTHC_DEBUG"):
                raise
            bug = Msg("internal error (a bug in tthc, not your input): {kind}: {detail}.", kind=type(exc).__name__, detail=exc)
            fail(_said(ctx, lang_of(ctx), bug, Msg("Please report it; TTHC_DEBUG=1 shows the details")), lang_of(ctx), BUG_EXIT)
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
        from tthc.cli.pipes import closed_output, let_output_go

        let_output_go()
        return closed_output()
    if isinstance(exc, OSError):
        return Msg("cannot use {path}: {reason}", path=exc.filename or path or "", reason=os_reason(exc))
    if isinstance(exc, sqlite3.OperationalError):
        reason = sqlite_reason(exc)
        if reason is not None and reason.key != "another program holds the database":  # locked: retried, then a bug
            return Msg("cannot use {path}: {reason}", path=path or "", reason=reason)
    return None


def lang_of(ctx: Any) -> str:
    """The language to refuse in: the user's choice, else the center's setting, else English."""
    obj = getattr(ctx, "obj", None)
    try:
        return str(obj.lang) if obj is not None else "en"
    except Exception:
        return "en"


def fail(message: str, lang: str = "en", status: int = 1) -> NoReturn:
    prefix = Msg("Error").render(lang)
    with contextlib.suppress(BrokenPipeError):
        typer.echo(f"{prefix}: {message}", err=True)
    raise typer.Exit(status)


def _app(name: str | None, help_text: str) -> typer.Typer:
    return typer.Typer(
        name=name,
        help=H(help_text),
        cls=_App,
        no_args_is_help=True,
        add_completion=False,  # its two options cost start-up; ours come from the root callback
        context_settings={"help_option_names": ["-h", "--help"]},
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )


app = _app(None, N_("Dossier tracker for a commune Public Administrative Service Center."))
config_app = _app("config", N_("Show or change the center's settings."))
calendar_app = _app("calendar", N_("The working calendar: days off and make-up working days."))
procedure_app = _app("procedure", N_("The procedure catalog (mã TTHC, name, field, time limit)."))
officer_app = _app("officer", N_("Registered officers (matched without regard to case or diacritics)."))
point_app = _app("point", N_("Registered reception points."))
for _sub in (config_app, calendar_app, procedure_app, officer_app, point_app):
    app.add_typer(_sub)


def can_ask() -> bool:
    """Whether a person at a terminal can answer a question (a script or a pipe cannot)."""
    return sys.stdin.isatty()


def context(ctx: typer.Context, late_entry: bool = False) -> "Context":
    """The context a command works in; ``--late-entry`` confirms a moment far back."""
    obj: Context = ctx.obj
    obj.late_entry = late_entry
    return obj
