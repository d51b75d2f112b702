"""How a command's result reaches the person: the one place where the output is chosen —
JSON (``--json``), a file (``--out``: a spreadsheet table or a command's own file), or the
screen (plain or rich, as ``tthc.present`` decides for the terminal).

Each command names its :class:`View` (how its result looks each way) and calls :func:`show`
once; no command asks ``--json`` itself.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: A result's rows for a spreadsheet: the sheet's name, the headers, the rows.
Table = tuple[str, Sequence[str], Iterable[Sequence[Any]]]


@dataclass(frozen=True)
class View:
    """How one command's result is shown: on the screen (``screen``, given the result, the
    language and the command's screen options), as JSON, as a table in a spreadsheet, or as
    a file of the command's own (a report's form, a roll-up's workbook)."""

    screen: Callable[..., None]
    json: Callable[[Any, str], Any] | None = None
    table: Callable[[Any, str], Table] | None = None
    file: Callable[[Any, str, Path], None] | None = None
    after: Callable[[Any, str], None] | None = None  # said after whichever output (a report closed)


@dataclass(frozen=True)
class Output:
    """The output options as typed: ``--json``, ``--out FILE``, ``--excel-vn``."""

    json: bool = False
    out: Path | None = None
    excel_vn: bool = False


SCREEN = Output()


def show(lang: str, result: Any, view: View, output: Output = SCREEN, **screen: Any) -> None:
    """Show ``result`` the one way ``output`` asks: JSON, a file, else the screen."""
    from tthc.locale.i18n import t
    from tthc.present import render

    if output.json and view.json is not None:
        render.print_json(view.json(result, lang))
    elif output.out is not None and (view.file is not None or view.table is not None):
        if view.file is not None:
            view.file(result, lang, output.out)
        else:
            assert view.table is not None
            from tthc.app.basics import write_table

            sheet, headers, rows = view.table(result, lang)
            write_table(output.out, headers, rows, sheet=sheet, excel_vn=output.excel_vn)
        render.echo(t(lang, "Written {path}", path=output.out))
    else:
        view.screen(result, lang, **screen)
    if view.after is not None:
        view.after(result, lang)


def sentence(key: str, **values: Callable[[Any, str], Any]) -> View:
    """The view of a command whose screen is one sentence, ``key`` of the table of words,
    its values read from the result."""

    def screen(result: Any, lang: str) -> None:
        from tthc.locale.i18n import t
        from tthc.present import render

        render.echo(t(lang, key, **{name: get(result, lang) for name, get in values.items()}))

    return View(screen)


def as_json(result: Any, lang: str) -> Any:
    """A record's own JSON shape."""
    return result.as_json()


def each_as_json(results: Any, lang: str) -> Any:
    """A list of records, each in its own JSON shape."""
    return [r.as_json() for r in results]
