"""Where output goes and how wide it may be: standard output, the screen's width (``COLUMNS``
when set; none for a pipe or a file), colour only on a terminal, and lines of words wrapped
between words, never through a code, a date or a number."""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from tthc.locale.i18n import fmt_day

if TYPE_CHECKING:
    from rich.console import Console


@cache
def _console_class() -> type[Console]:
    """rich's Console, except that a closed output is passed on as ``BrokenPipeError``: rich's
    own answer exits 1 saying nothing, where every command says why it stopped."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True  # nothing more is drawn for the reader that went away
            raise BrokenPipeError

    return _Console


def console(stderr: bool = False) -> Console:
    return _console_class()(stderr=stderr, highlight=False, soft_wrap=False)


def echo(text: str) -> None:
    sys.stdout.write(text + "\n")


def say(text: str, *, indent: str = "") -> None:
    """A line of words for a person, wrapped between words at the screen's width (a code, a
    date or a path is never cut); as it is to a pipe or a file."""
    echo("\n".join(wrap_line(text, output_width(), indent=indent)))


def print_json(data: Any) -> None:
    echo(json.dumps(data, ensure_ascii=False, indent=2))


def fmt_moment(lang: str, moment: datetime) -> str:
    return f"{fmt_day(lang, moment.date())} {moment.strftime('%H:%M')}"


def fmt_short(moment: datetime) -> str:
    """``08/09/2025 17:00``: a moment where a column has no room for the weekday."""
    return moment.strftime("%d/%m/%Y %H:%M")


# -- the width of the screen ----------------------------------------------------------------
#: rich needs a width: output with no limit is laid out as if lines had no end.
NO_LIMIT = 10_000


def output_width() -> int | None:
    """How many columns output may take: ``COLUMNS`` when set, else the terminal's width; None
    (no limit) when the output goes to a pipe or a file."""
    given = os.environ.get("COLUMNS", "").strip()
    if given.isdigit() and int(given) > 0:
        return int(given)
    if sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size().columns
    return None


def colour_wanted() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@dataclass(eq=False)  # an output, not a value: never compared
class Screen:
    """Where output goes, and how many columns it may take (``limit``; None: no limit)."""

    console: Console
    limit: int | None

    def print(self, *objects: Any) -> None:
        self.console.print(*objects)

    def line(self, text: str, style: str = "") -> None:
        """A line of words, wrapped between words at the screen's width."""
        from rich.text import Text

        self.console.print(Text(text, style=style))


def screen(limit: int | Literal["auto"] | None = "auto") -> Screen:
    """The screen to draw on: standard output at its width, colour only on a terminal."""
    width = output_width() if limit == "auto" else limit
    colour = colour_wanted()
    out = _console_class()(
        width=width or NO_LIMIT,
        highlight=False,
        soft_wrap=False,
        markup=False,
        emoji=False,
        no_color=not colour,
        color_system="auto" if colour else None,
    )
    return Screen(out, width)


def text_width(text: str) -> int:
    """Columns a text takes: its letters, not the combining marks of decomposed Vietnamese."""
    return sum(0 if unicodedata.combining(c) else 1 for c in text)


def wrap_words(text: str, width: int) -> list[str]:
    """Greedy word wrap; a word longer than ``width`` stays whole (it overflows)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and text_width(current) + 1 + text_width(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [*lines, current] if current or not lines else lines


def wrap_line(text: str, limit: int | None, *, indent: str = "") -> list[str]:
    """A line of words as lines of at most ``limit`` columns (None: as it is), the first
    starting with ``indent``, the others two columns further in; a word is never cut."""
    if limit is None:
        return [indent + text]
    room = max(limit - text_width(indent), 10)
    first, *rest = wrap_words(text, room)
    hang = " " * (text_width(indent) + 2)
    return [indent + first, *(hang + line for line in (wrap_words(" ".join(rest), room - 2) if rest else []))]
