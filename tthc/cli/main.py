"""The ``tthc`` command line: parse, call one function of ``tthc.app``, render.

The commands live by family (``admin``: set-up, settings, calendar, catalog; ``dossiers``:
the clerk's steps; ``reports``: the manager's figures and papers; ``exchange``: files in
and out); the groups of options they share are defined once in ``options``, and the output
is chosen in one place, ``output``. This module is the root: its options, and the order the
help page lists the commands in.

Heavy modules (rich, sqlite-utils, holidays, openpyxl) are imported by the code that uses
them, so a clerk's command starts quickly. Annotations are real objects, not strings:
Typer reads every command's signature on each run, and evaluating strings cost about 30 ms.
Help texts come from the table of words (``H(key)``), so ``--help`` speaks Vietnamese too.
"""

import contextlib
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from typer.models import CommandInfo

from tthc.app.basics import Msg
from tthc.app.choosing import LANG_ENV, lang_asked
from tthc.cli import admin, dossiers, exchange, reports  # noqa: F401  (each registers its commands)
from tthc.cli.group import BUG_EXIT, app, can_ask, fail, lang_of
from tthc.cli.help import H, early_lang, normalise_lang
from tthc.cli.options import Lang

__all__ = ["BUG_EXIT", "app", "can_ask", "main"]

#: The commands in the order the help page lists them (as they were written, by the day's flow).
ORDER = [
    "init",
    "due",
    "receive",
    "handover",
    "supplement",
    "resume",
    "resolve",
    "return",
    "withdraw",
    "apologize",
    "close",
    "forward",
    "notify",
    "show",
    "history",
    "list",
    "edit",
    "undo",
    "corrections",
    "summary",
    "indicators",
    "report",
    "import",
    "export",
    "rollup",
    "backup",
    "restore",
    "demo",
    "receipt",
    "slip",
    "logbook",
    "officers",
    "late",
    "merge",
    "serve",
]


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
    from tthc.app.basics import now_vn
    from tthc.app.context import Context
    from tthc.cli.help import home_folder, named_db

    env = os.environ.get(LANG_ENV, "").strip()
    if env and normalise_lang(env) is None:
        fail(Msg("bad TTHC_LANG {value!r}: expected vi (or vn) or en", value=env).render("en"))
    ctx.obj = Context(
        db_path=named_db(db),
        actor=user or os.environ.get("TTHC_USER") or _os_user(),
        now=now_vn(),
        lang_choice=lang_asked(lang.value if lang else None),
        home=home_folder(),
        point_choice=os.environ.get("TTHC_POINT", "").strip() or None,
        officer_choice=os.environ.get("TTHC_OFFICER", "").strip() or None,
    )
    ctx.obj.on_wait = lambda: _waiting(ctx)


def _waiting(ctx: typer.Context) -> None:
    """A clerk's step waits for another writer: say so on stderr, then keep waiting."""
    from tthc.locale.i18n import t

    with contextlib.suppress(OSError):
        typer.echo(t(lang_of(ctx), "Waiting: another command is writing to the database (a restore or an import); your step will be saved when it ends…"), err=True)


def _os_user() -> str:
    from tthc.cli.home import os_user

    return os_user()


def _name(command: CommandInfo) -> str:
    return command.name or getattr(command.callback, "__name__", "").replace("_", "-")


app.registered_commands.sort(key=lambda c: ORDER.index(_name(c)))  # whichever module holds them


def main() -> None:
    """Console-script entry point: UTF-8 output on every platform, then the app."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    app(prog_name="tthc", complete_var="_TTHC_COMPLETE")  # the same name as `python -m tthc`
