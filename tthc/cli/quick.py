"""The console script's entry point: a clerk's look-up of one dossier without the command-line
library.

``tthc show CODE`` is the command a clerk runs most, at the counter, with someone waiting.
Building the command tree (Typer and Click, every command's options and help) costs more than
reading the dossier. A command line of exactly ``[--db PATH] [--lang L] [--user NAME] show
CODE [--json] [--show-id]`` is answered here, by the same service and rendering functions the
``show`` command calls; anything else (help, completion, another option, another command) goes
to :func:`tthc.cli.main.main` untouched. When the look-up fails (an unknown code, an unreadable
file), nothing has been printed yet, and the full command line runs it again: refusals and
bugs are said there, in one place, the same way for every command.
"""

import os
import sys
from collections.abc import Sequence

from tthc.cli.home import default_db_path, home_folder, os_user

#: The options taken before the command, each with its value.
_GLOBAL = ("--db", "--lang", "--user")
_SHOW_FLAGS = ("--json", "--show-id")


def _parse(argv: Sequence[str]) -> dict[str, str] | None:
    """The options and code of a plain ``show``, or None for anything else."""
    found: dict[str, str] = {}
    args = list(argv)
    while args and args[0].startswith("--"):
        name, eq, value = args.pop(0).partition("=")
        if name not in _GLOBAL or name in found:
            return None
        if not eq:
            if not args:
                return None
            value = args.pop(0)
        if not value or value.startswith("-"):
            return None
        found[name] = value
    if not args or args.pop(0) != "show":
        return None
    code = None
    for arg in args:
        if arg in _SHOW_FLAGS and arg not in found:
            found[arg] = ""
        elif not arg.startswith("-") and code is None:
            code = arg
        else:
            return None
    if code is None:
        return None
    found["code"] = code
    return found


def _show(found: dict[str, str]) -> bool:
    """Print the dossier; False (nothing printed) when the full command line must run."""
    from tthc.app.choosing import LANG_ENV, db_path, lang_asked, normalise_lang

    env = os.environ.get(LANG_ENV, "").strip()
    given = found.get("--lang")
    if (env and normalise_lang(env) is None) or (given is not None and normalise_lang(given) is None):
        return False  # said by the full command line
    from tthc.app import now_vn
    from tthc.app.context import Context

    ctx = Context(
        db_path=db_path(found.get("--db"), default_db_path),
        actor=found.get("--user") or os.environ.get("TTHC_USER") or os_user(),
        now=now_vn(),
        lang_choice=lang_asked(given),
        home=home_folder(),
        point_choice=os.environ.get("TTHC_POINT", "").strip() or None,
        officer_choice=os.environ.get("TTHC_OFFICER", "").strip() or None,
    )
    try:
        from tthc.app import dossiers

        try:
            view = dossiers.show(ctx, found["code"])
            lang_in_use = ctx.lang
        except Exception:
            return False
        try:
            if "--json" in found:
                from tthc.present.terminal import print_json

                print_json(view.dossier.as_json(show_id="--show-id" in found))
            else:
                from tthc.present.dossiers import print_dossier

                print_dossier(view, lang_in_use, show_id="--show-id" in found)
            sys.stdout.flush()
        except BrokenPipeError:
            from tthc.app.basics import Msg
            from tthc.cli.pipes import closed_output, let_output_go

            let_output_go()
            sys.stderr.write(f"{Msg('Error').render(lang_in_use)}: {closed_output().render(lang_in_use)}\n")
            sys.exit(1)
        ctx.save_holiday_cache()
    finally:
        ctx.close()
    return True


def main() -> None:
    """Console-script entry point: a plain ``show`` here, every other command line in
    :func:`tthc.cli.main.main`."""
    found = _parse(sys.argv[1:])
    if found is not None and not os.environ.get("_TTHC_COMPLETE"):
        for stream in (sys.stdout, sys.stderr):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(encoding="utf-8")
        if _show(found):
            return
    from tthc.cli.main import main as full

    full()
