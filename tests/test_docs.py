"""The repository explains itself: the command reference is rendered from the CLI and must
match ``docs/commands.md``; no tracked file points at something a clone lacks; every
relative link in the docs leads to a file (and heading) that exists.

Regenerate the command reference after changing a command, an option or a help text:

    TTHC_WRITE_DOCS=1 python -m pytest tests/test_docs.py
"""

from __future__ import annotations

import enum
import inspect
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main

from tthc.cli.main import app

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
COMMANDS_MD = DOCS / "commands.md"
REGENERATE = "TTHC_WRITE_DOCS=1 python -m pytest tests/test_docs.py"
WIDTH = 80  # the usage lines are wrapped at a fixed width, whatever the terminal

# -- the command reference ----------------------------------------------------------------------


# Typer may carry its own copy of Click, so the tree is read by duck typing, never by
# isinstance checks against the ``click`` package.
Command = Any
Context = Any
Param = Any


def _context(command: Command, name: str, parent: Context | None) -> Context:
    return command.context_class(
        command, info_name=name, parent=parent, terminal_width=WIDTH, max_content_width=WIDTH, color=False
    )


def _is_group(command: Command) -> bool:
    return hasattr(command, "list_commands")


def _walk(command: Command, ctx: Context) -> Iterator[tuple[Command, Context]]:
    """The command, then each subcommand in the order ``--help`` lists them, depth first."""
    yield command, ctx
    if _is_group(command):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is None or sub.hidden:
                continue
            yield from _walk(sub, _context(sub, name, ctx))


def _help(command: Command) -> str:
    text = inspect.cleandoc(command.help or "")
    return text.split("\f")[0].strip()  # Click hides what follows a form feed


def _metavar(param: Param, ctx: Context) -> str:
    try:
        return str(param.make_metavar(ctx))
    except TypeError:  # Click before 8.2 takes no context
        return str(param.make_metavar())


def _is_option(param: Param) -> bool:
    return bool(param.param_type_name == "option")


def _default(param: Param) -> str | None:
    """The default as a user would type it; ``None`` when there is nothing worth saying."""
    if param.required:
        return None
    value: Any = param.default
    if callable(value) or value is None or value == () or "UNSET" in repr(value):
        return None
    if _is_option(param) and param.is_flag:
        if param.secondary_opts:
            return str(param.opts[0] if value else param.secondary_opts[0])
        return None  # a plain flag is off unless given
    if isinstance(value, enum.Enum):
        value = value.value
    return str(value)


def _param_line(param: Param, ctx: Context) -> str:
    if _is_option(param):
        names = " / ".join([*param.opts, *param.secondary_opts])
        label = names if param.is_flag else f"{names} {_metavar(param, ctx)}"
    else:
        label = _metavar(param, ctx)
    facts = []
    if param.required:
        facts.append("required")
    default = _default(param)
    if default is not None:
        facts.append(f"default: `{default}`")
    if type(param.type).__name__ == "IntRange":
        facts.append(f"from {param.type.min} to {param.type.max}")
    help_text = " ".join((getattr(param, "help", None) or "").split())
    line = f"- `{label}`"
    if facts:
        line += f" ({', '.join(facts)})"
    if help_text:
        line += f": {help_text}"
    return line


def render_commands() -> str:
    """``docs/commands.md``: every command and subcommand of ``tthc``, as ``--help`` has them."""
    from tthc.cli.help import localize

    root = typer.main.get_command(app)
    localize(root, "en")  # the reference is in English, whatever help page a test asked for last
    root_ctx = _context(root, "tthc", None)
    entries = list(_walk(root, root_ctx))
    out = [
        "# Command reference",
        "",
        "<!-- Generated from the command line by tests/test_docs.py; do not edit by hand. -->",
        "<!-- Regenerate: " + REGENERATE + " -->",
        "",
        "Every command also takes `--help`. The options of `tthc` itself (`--db`, `--lang`,",
        "`--user`) go before the command name: `tthc --db centre.db list`.",
        "How the tool decides due dates, timeliness and the figures is explained in",
        "[the rules](rules.md); the Vietnamese words are in [the glossary](glossary.md).",
        "",
        "## Contents",
        "",
    ]
    for command, ctx in entries:
        title = ctx.command_path
        indent = "  " * max(0, len(title.split()) - 2)
        summary = _help(command).split("\n\n")[0].replace("\n", " ")
        out.append(f"{indent}- [`{title}`](#{_slug(title)}): {summary}")
    out.append("")
    for command, ctx in entries:
        title = ctx.command_path
        level = 2 if len(title.split()) <= 2 else 3
        out.append(f"{'#' * level} {title}")
        out.append("")
        if _help(command):
            out.append(_help(command))
            out.append("")
        out.append("```")
        out.append(command.get_usage(ctx))
        out.append("```")
        out.append("")
        params = [p for p in command.get_params(ctx) if p.name != "help" and not getattr(p, "hidden", False)]
        arguments = [p for p in params if not _is_option(p)]
        options = [p for p in params if _is_option(p)]
        if arguments:
            out.append("Arguments:")
            out.append("")
            out.extend(_param_line(p, ctx) for p in arguments)
            out.append("")
        if options:
            out.append("Options:")
            out.append("")
            out.extend(_param_line(p, ctx) for p in options)
            out.append("")
        if _is_group(command) and ctx.parent is not None:
            names = [n for n in command.list_commands(ctx) if not command.get_command(ctx, n).hidden]
            out.append("Commands: " + ", ".join(f"[`{n}`](#{_slug(f'{title} {n}')})" for n in names) + ".")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def test_command_reference_is_current() -> None:
    fresh = render_commands()
    if os.environ.get("TTHC_WRITE_DOCS"):
        COMMANDS_MD.parent.mkdir(exist_ok=True)
        COMMANDS_MD.write_text(fresh, encoding="utf-8", newline="\n")
    current = COMMANDS_MD.read_text(encoding="utf-8") if COMMANDS_MD.exists() else ""
    assert current == fresh, (
        f"docs/commands.md is not what the command line says. Regenerate it with:\n    {REGENERATE}"
    )


def test_command_reference_is_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rendering ignores the terminal it runs in."""
    first = render_commands()
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert render_commands() == first
    assert "\x1b[" not in first


# -- nothing points outside the repository ------------------------------------------------------

# Spelled in pieces so that this file does not match itself.
_OUTSIDE = re.compile(
    "|".join(
        [
            re.escape("../" + "shared"),
            re.escape("DESIGN" + ".md"),
            "DESIGN" + r"\s*" + "\u00a7",
            r"\bissues?\s*#?\s*\d+",
        ]
    ),
    re.IGNORECASE,
)


def _tracked_files() -> list[Path]:
    try:
        listing = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: no list of tracked files")
    return [ROOT / name for name in listing.decode("utf-8").split("\0") if name]


def _text_of(path: Path) -> str | None:
    """The file as text, or ``None`` for a binary (or missing) file."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def offenders() -> list[str]:
    """``path:line: match`` for every reference to material a clone of the repository lacks."""
    found = []
    for path in _tracked_files():
        text = _text_of(path)
        if text is None:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            for match in _OUTSIDE.finditer(line):
                found.append(f"{path.relative_to(ROOT).as_posix()}:{number}: {match.group(0)}")
    return found


def test_no_tracked_file_points_outside_the_repository() -> None:
    found = offenders()
    assert not found, (
        f"{len(found)} reference(s) to files or issue threads a clone does not have.\n"
        "Say the rule itself, or point at docs/rules.md, instead:\n  " + "\n  ".join(found)
    )


def test_the_outside_pattern_catches_what_it_should() -> None:
    bad = [
        "see ../" + "shared/x",
        "DESIGN" + ".md",
        "DESIGN " + "\u00a73",
        "(issue " + "7)",
        "issue " + "3",
        "Issue " + "#12",
    ]
    good = ["an appointment already issued", "issues the slip", "tissue 3"]
    assert all(_OUTSIDE.search(text) for text in bad)
    assert not any(_OUTSIDE.search(text) for text in good)


# -- links in the docs ----------------------------------------------------------------------------

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$", re.MULTILINE)
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)


def _prose(text: str) -> str:
    """The text without fenced code blocks, where a bracket is not a link."""
    return _FENCE.sub("", text)


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]|<[^>]+>", "", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    anchors = set()
    for heading in _HEADING.findall(_prose(path.read_text(encoding="utf-8"))):
        slug = _slug(heading)
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def _documents() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def _links(path: Path) -> list[str]:
    prose = _CODE_SPAN.sub("", _prose(path.read_text(encoding="utf-8")))
    return _INLINE_LINK.findall(prose) + _REFERENCE_LINK.findall(prose)


def broken_links() -> list[str]:
    broken = []
    for doc in _documents():
        for target in _links(doc):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
                continue  # http:, https:, mailto: — outside the repository on purpose
            file_part, _, fragment = target.partition("#")
            dest = (doc.parent / file_part).resolve() if file_part else doc
            where = f"{doc.relative_to(ROOT).as_posix()}: {target}"
            if not dest.exists():
                broken.append(f"{where} (no such file)")
            elif fragment and dest.suffix == ".md" and fragment not in _anchors(dest):
                broken.append(f"{where} (no such heading)")
    return broken


def test_every_relative_link_in_the_docs_resolves() -> None:
    assert DOCS.is_dir(), "docs/ is missing"
    broken = broken_links()
    assert not broken, "Links to files or headings that do not exist:\n  " + "\n  ".join(broken)
