"""The command line in the user's language: help texts, the help page's headings and
placeholders, Click's own usage errors and the yes/no question, from the one table in
``tthc.locale.i18n``.

Help texts are written in English where the commands are defined (``H(key)``); before Click
formats a help page or a usage error, the command tree is walked and each text is replaced
by its Vietnamese in the table, and so is each placeholder (``CODE``, ``<str>``,
``[OPTIONS]``). What Click adds while it writes the page (``[required]``, ``[default: …]``,
a range) is put in Vietnamese by the page's formatter. The language is found the way every
command finds it: ``--lang``, else ``TTHC_LANG``, else the center's setting, else English.
"""

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import typer
import typer.core

from tthc.app.choosing import chosen_lang, db_path, lang_asked
from tthc.app.choosing import normalise_lang as normalise_lang
from tthc.cli.home import default_db_path
from tthc.cli.home import home_folder as home_folder
from tthc.locale.i18n import catalog, t
from tthc.locale.marks import N_, english
from tthc.locale.words import VALUE_WORDS

#: Click's Context and HelpFormatter, as the installed Typer uses them.
ClickContext: Any = typer.core.TyperCommand.context_class
HelpFormatter: Any = ClickContext.formatter_class

#: Click as the installed Typer uses it (recent Typers carry their own copy).
_click: Any = getattr(typer.core, "_click", None) or typer.core.click  # type: ignore[attr-defined]

#: The help page's language, set before Click formats a page.
_page_lang = ["en"]


def H(text: str) -> str:
    """A help text: its English msgid as Click shows it (the catalog holds its Vietnamese)."""
    return english(text)


#: The placeholders of the help pages, said in Vietnamese where a word is needed.
_METAVAR_WORDS = (
    N_("[OPTIONS]"),
    N_("COMMAND [ARGS]..."),
    N_("<str>"),
    N_("<int>"),
    N_("<int range>"),
    N_("<path>"),
    N_("CODE"),
    N_("DAY"),
    N_("FILE"),
    N_("DEST"),
    N_("SRC"),
    N_("KEY"),
    N_("VALUE"),
    N_("NAME"),
    N_("FORM"),
    N_("LIMIT|PROCEDURE"),
    N_("PROCEDURE|ALIAS"),
    N_("OTHER.db"),
    N_("PATH..."),
    N_("DIR"),
)
#: What the figures are broken down by (``--by``), as a choice is listed.
BY_WORDS = {
    "field": N_("Field"),
    "procedure": N_("Procedure"),
    "channel": N_("Channel"),
    "point": N_("Point"),
    "officer": N_("Officer"),
    "month": N_("month"),
}
#: Every fixed choice's words: a default in brackets is said as its choice is listed.
_CHOICE_WORDS = {**VALUE_WORDS, **BY_WORDS}
#: Click's headings of a help page.
_HEADING_WORDS = {"Options": N_("Options"), "Commands": N_("Commands"), "Arguments": N_("Arguments")}


def named_db(given: Any) -> Path:
    """The database a command line names: ``--db``, else ``TTHC_DB``, else this PC's."""
    return db_path(given, default_db_path)


def complete_from(ctx: Any, kind: str, incomplete: str) -> list[str]:
    """What the shell may complete ``incomplete`` to, from the database the command line
    names (``--db``, else ``TTHC_DB``, else this PC's); nothing when it cannot be read."""
    from tthc.app.basics import completions

    return completions(named_db(ctx.find_root().params.get("db")), kind, incomplete)


def early_lang(args: Sequence[str]) -> str:
    """The language before Click has parsed anything (for help pages and usage errors)."""
    given = None
    for i, arg in enumerate(args):
        value = (
            args[i + 1]
            if arg == "--lang" and i + 1 < len(args)
            else arg[7:]
            if arg.startswith("--lang=")
            else None
        )
        if value is not None and normalise_lang(value):
            given = value
            break
    return chosen_lang(lang_asked(given), lambda: _center_lang(args))


def _center_lang(args: Sequence[str]) -> str | None:
    db: Path | None = None
    for i, arg in enumerate(args):
        if arg == "--db" and i + 1 < len(args):
            db = Path(args[i + 1])
        elif arg.startswith("--db="):
            db = Path(arg[5:])
    from tthc.app.basics import stored_lang

    return normalise_lang(stored_lang(named_db(db)))


@functools.cache
def _vietnamese() -> dict[str, str]:
    """English → Vietnamese of the help texts and the placeholders: the catalog's own table
    (``metavar.CODE`` names a placeholder ``CODE`` where the English word alone is ambiguous)."""
    cat = catalog("vi")
    words = dict(getattr(cat, "_catalog", {}))
    words.update({english(m): t("vi", m) for m in _METAVAR_WORDS})
    return words


def localize(command: Any, lang: str) -> None:
    """Put the help texts and placeholders of ``command`` and everything under it in ``lang``
    (either way: a tree put in Vietnamese can be put back in English)."""
    _page_lang[0] = lang
    table = _vietnamese() if lang == "vi" else {}

    def say(owner: Any, attr: str) -> None:
        english = owner.__dict__.setdefault(f"_en_{attr}", getattr(owner, attr, None))
        if english:
            setattr(owner, attr, table.get(english, english))

    def say_metavar(param: Any) -> None:
        """An argument's placeholder is its own (``CODE``); an option's is its type's
        (``<str>``), which Click makes up when the option has none."""
        english = param.__dict__.setdefault("_en_metavar", param.metavar)
        if english is None and param.param_type_name == "option":
            param.metavar = table.get(f"<{param.type.name}>")  # None: Click's own
        elif english is not None:
            param.metavar = table.get(english, english)

    def walk(cmd: Any) -> None:
        cmd.context_class = Context  # the help page's headings in the page's language
        _translate_help_option(cmd)
        say(cmd, "help")
        say(cmd, "short_help")
        if cmd.__dict__.get("_en_short_help") is None and cmd.help:
            # a group lists each command with its help's first paragraph whole, never cut to "..."
            cmd.short_help = cmd.help.split("\n\n")[0]
        say(cmd, "options_metavar")
        if hasattr(cmd, "subcommand_metavar"):
            say(cmd, "subcommand_metavar")
        for param in getattr(cmd, "params", ()):
            say(param, "help")
            say_metavar(param)
        for sub in getattr(cmd, "commands", {}).values():
            walk(sub)

    walk(command)


class Formatter(HelpFormatter):  # type: ignore[misc]
    """Click's help formatter with the page's headings in the page's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        usage = t(_page_lang[0], "Usage:")
        super().write_usage(prog, args, prefix=f"{usage} " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        said = _HEADING_WORDS.get(heading)
        super().write_heading(t(_page_lang[0], said) if said else heading)

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        """Each option with its help, and what Click adds after it in brackets in the page's language."""
        room = self.width - self.current_indent
        rows = [
            (fold_term(term, room, self.current_indent), _bracketed(_page_lang[0], term, text))
            for term, text in rows
        ]
        super().write_dl(rows, col_max, col_spacing)


def fold_term(term: str, room: int, indent: int) -> str:
    """An option too wide for the page (``--status <đang giải quyết|chờ bổ sung|…>``) on
    several lines, broken after a ``|`` between its choices, a choice never cut."""
    if len(term) <= room or "|" not in term:
        return term
    lines: list[str] = []
    current = ""
    for piece in re.split(r"(?<=\|)", term):
        if current.strip() and len(current) + len(piece) > room:
            lines.append(current)
            current = "    " + piece
        else:
            current += piece
    return ("\n" + " " * indent).join([*lines, current])


class Context(ClickContext):  # type: ignore[misc]
    formatter_class = Formatter


def _translate_help_option(cmd: Any) -> None:
    """Click makes the ``--help`` option when it is first asked for; say it in the page's language."""
    if getattr(cmd, "_tthc_help_option", False):
        return
    cmd._tthc_help_option = True
    original = cmd.get_help_option

    def get_help_option(ctx: Any) -> Any:
        option = original(ctx)
        if option is not None:
            option.help = t(_page_lang[0], "Show this message and exit.")
        return option

    cmd.get_help_option = get_help_option


def help_page(ctx: Any) -> str:
    """The help page of ``ctx``'s command, with the page's headings."""
    ctx.formatter_class = Formatter
    return str(ctx.get_help())


#: What Click writes after an option's help: ``[required; default: 50; 1<=x<=65535]``.
_BRACKET = re.compile(r"^(?P<text>.*?)(?P<gap>\s*)\[(?P<extra>[^\[\]]*)\]$", re.S)
_BETWEEN = re.compile(r"^(?P<lo>-?\d+)<=x<=(?P<hi>-?\d+)$")
_AT_LEAST = re.compile(r"^x>=(?P<lo>-?\d+)$")
_AT_MOST = re.compile(r"^x<=(?P<hi>-?\d+)$")


def _bracketed(lang: str, term: str, text: str) -> str:
    """``text`` with Click's bracket in ``lang``; a default that is a flag named as the flag is
    typed (``--catalog``). A bracket holding anything else is left as it is."""
    m = _BRACKET.match(text)
    if m is None:
        return text
    words = [_bracket_word(lang, term, part) for part in m["extra"].split("; ")]
    if any(w is None for w in words):
        return text
    return f"{m['text']}{m['gap']}[{'; '.join(w for w in words if w)}]"


def _bracket_word(lang: str, term: str, part: str) -> str | None:
    if part == "required":
        return t(lang, "required")
    if part.startswith("default: "):
        value = part.removeprefix("default: ")
        flag = f"--{value}"
        shown = flag if re.search(rf"(^|[\s/]){re.escape(flag)}($|[\s/])", term) else value
        said = _CHOICE_WORDS.get(value)
        if said and f"{t(lang, said).lower()}" in re.findall(r"[<|]([^<|>]+)(?=[|>])", term):
            shown = t(lang, said).lower()  # a fixed choice's default, as its words are listed
        return t(lang, "default: {value}", value=shown)
    if part.startswith("env var: "):
        return t(lang, "env var: {name}", name=part.removeprefix("env var: "))
    return range_words(lang, part)


def range_words(lang: str, text: str) -> str | None:
    """Click's ``1990<=x<=2100`` as a person reads it; None for a range of another shape."""
    for pattern, said in (
        (_BETWEEN, N_("{lo}<=x<={hi}")),
        (_AT_LEAST, N_("x>={lo}")),
        (_AT_MOST, N_("x<={hi}")),
    ):
        m = pattern.match(text.strip())
        if m:
            return t(lang, said, **m.groupdict())
    return None


# -- fixed choices in either language ----------------------------------------------------------
class Words(_click.types.ParamType):  # type: ignore[misc]
    """A fixed choice (a channel, a status, an outcome …) typed as it is stored (``direct``)
    or as people say it, in English or Vietnamese, in any case, with or without diacritics
    (``trực tiếp``, ``truc tiep``). The words are the domain's own, from the one table in
    ``tthc.locale.words`` (``VALUE_WORDS``), or ``words`` given (value -> msgid).
    The help page lists them in its language; a word that is none of them stays Click's usage
    error (exit 2)."""

    name = "choice"

    def __init__(
        self, values: Sequence[str] | Callable[[], Sequence[str]], words: dict[str, str] | None = None
    ) -> None:
        self._values = values
        self._words = VALUE_WORDS if words is None else words

    @functools.cached_property
    def choices(self) -> tuple[str, ...]:
        """The stored words; the domain's, read when first needed (given as a function, the
        life cycle is not imported by a command that never offers them)."""
        given: Any = self._values
        values = given if isinstance(given, type) or not callable(given) else given()  # an enum is listed
        return tuple(str(v) for v in values)

    def word(self, lang: str, value: str) -> str:
        """How ``value`` is listed in ``lang``: as stored in English, in its words in Vietnamese."""
        said = self._words.get(value)
        return t(lang, said).lower() if lang == "vi" and said else value

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        from tthc.app.basics import name_key  # the one folding of names and words

        typed = name_key(str(value))
        for choice in self.choices:
            if typed in {name_key(choice), name_key(self.word("vi", choice))}:
                return choice
        try:
            self.fail(self.refusal(value, "en"), param, ctx)
        except Exception as exc:
            exc.tthc_refusal = functools.partial(self.refusal, value)  # type: ignore[attr-defined]
            raise

    def refusal(self, value: Any, lang: str) -> str:
        words = ", ".join(repr(self.word(lang, c)) for c in self.choices)
        return f"{str(value)!r} is not one of {words}."

    def get_metavar(self, param: Any, ctx: Any = None) -> str:
        return "<" + "|".join(self.word(_page_lang[0], c) for c in self.choices) + ">"


# -- the yes/no question --------------------------------------------------------------------------
YES = frozenset({"y", "yes", "c", "có", "co"})
NO = frozenset({"n", "no", "k", "không", "khong"})


def confirm(lang: str, question: str, *, ask: Callable[[str], str] = input) -> bool:
    """Ask ``question`` in ``lang`` until it is answered: y/yes or c/có (in either language)
    is yes; n/no, k/không or Enter alone is no. End of input or Ctrl+C cancels (Abort)."""
    while True:
        try:
            answer = ask(question + " " + t(lang, "[y/N]") + ": ")
        except (EOFError, KeyboardInterrupt):
            raise typer.Abort() from None
        word = unicodedata.normalize("NFC", answer).strip().lower()
        if word in YES:
            return True
        if word in NO or not word:
            return False
        typer.echo(t(lang, "Please answer y (yes) or n (no)."), err=True)


# -- Click's own usage errors -------------------------------------------------------------------
_CHOICE = re.compile(r"^'(?P<value>.*)' is not one of (?P<choices>.*)\.$", re.S)
_INT = re.compile(r"^'(?P<value>.*)' is not a valid (?:int|integer)\.$", re.S)
_NUMBER = re.compile(r"^'(?P<value>.*)' is not a valid (?:float|number)\.$", re.S)
_RANGE = re.compile(r"^(?P<value>.*) is not in the range (?P<range>.*)\.$", re.S)


def usage_error(exc: Any, lang: str) -> str:
    """The text Click would show for a usage error, in ``lang``: usage, hint and the error."""
    kind = type(exc).__name__
    ctx = getattr(exc, "ctx", None)
    lines: list[str] = []
    if ctx is not None:
        lines.append(t(lang, "Usage:") + " " + ctx.get_usage().split(":", 1)[1].strip())
        lines.append(t(lang, "Try '{cmd}' for help.", cmd=f"{ctx.command_path} {ctx.help_option_names[0]}") + "\n")
    if getattr(exc, "tthc_refusal", None) is not None:  # a fixed choice: its words in ``lang``
        exc.message = exc.tthc_refusal(lang)
    message = exc.format_message() if lang == "en" else _vietnamese_message(exc, kind)
    lines.append(f"{t(lang, 'Error')}: {message}")
    return "\n".join(lines)


def _vietnamese_message(exc: Any, kind: str) -> str:
    hint = _hint(exc)
    if kind == "MissingParameter":
        param_type = getattr(exc, "param_type", None) or getattr(exc.param, "param_type_name", "option")
        what = t("vi", N_("argument") if param_type == "argument" else N_("option"))
        return t("vi", "Missing {what} {hint}.", what=what, hint=hint)
    if kind == "NoSuchOption":
        text = t("vi", "No such option: {name}.", name=exc.option_name)
        if getattr(exc, "possibilities", None):
            text += " " + t("vi", "Did you mean {names}?", names=", ".join(sorted(exc.possibilities)))
        return text
    if kind == "BadParameter":
        return t("vi", "Invalid value for {hint}: {reason}", hint=hint, reason=_reason(str(exc.message)))
    message = str(getattr(exc, "message", exc))
    for pattern, said in (
        (r"^No such command '(?P<name>[^']*)'\.$", N_("No such command '{name}'.")),
        (
            r"^No such command '(?P<name>[^']*)'\. Did you mean '(?P<guess>[^']*)'\?$",
            N_("No such command '{name}'. Did you mean '{guess}'?"),
        ),
        (r"^Got unexpected extra arguments?(?:\(s\))? \((?P<args>.*)\)$", N_("Got unexpected extra argument(s) ({args})")),
        (r"^Missing command\.$", N_("Missing command.")),
        (r"^Option '(?P<name>.*)' requires an argument\.$", N_("Option '{name}' requires an argument.")),
        (r"^Option '(?P<name>.*)' requires (?P<n>\d+) arguments\.$", N_("Option '{name}' requires {n} values.")),
        (r"^Option '(?P<name>.*)' does not take a value\.$", N_("Option '{name}' does not take a value.")),
    ):
        m = re.match(pattern, message)
        if m:
            return t("vi", said, **m.groupdict())
    return message


def _hint(exc: Any) -> str:
    """The parameter as Click names it: an option by its names, an argument by its placeholder
    (in the page's language, the tree being localized)."""
    param = getattr(exc, "param", None)
    if getattr(exc, "param_hint", None):
        hint = exc.param_hint
        return " / ".join(repr(h) for h in hint) if isinstance(hint, list | tuple) else str(hint)
    if param is not None:
        return str(param.get_error_hint(exc.ctx))
    return ""


def _reason(message: str) -> str:
    for pattern, said in (
        (_CHOICE, N_("'{value}' is not one of {choices}.")),
        (_INT, N_("'{value}' is not a valid integer.")),
        (_NUMBER, N_("'{value}' is not a valid number.")),
        (_RANGE, N_("{value} is not in the range {range}.")),
    ):
        m = pattern.match(message)
        if m:
            found = m.groupdict()
            if "range" in found:
                found["range"] = range_words("vi", found["range"]) or found["range"]
            return t("vi", said, **found)
    return message
