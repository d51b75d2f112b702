"""What the front ends (the command line, the web side) take from the layers below, through
the services: the refusal and its words, the clock, the domain's choices (statuses,
channels, outcomes), the database a command line names, and the writers of output files.

A front end imports ``tthc.app`` and ``tthc.present`` only; this module is its one door to
the rules and the store for the little it needs beyond a command's service.
"""

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, get_args

from tthc.core.clock import now_vn
from tthc.core.errors import Msg, TthcError, os_reason, sqlite_reason
from tthc.core.lifecycle import Outcome, Status
from tthc.core.models import CHANNELS, Kind, name_key

__all__ = [
    "CHANNELS",
    "OUTCOMES",
    "STATUSES",
    "Kind",
    "Msg",
    "TthcError",
    "completions",
    "name_key",
    "now_vn",
    "os_reason",
    "sqlite_reason",
    "stored_lang",
    "write_table",
    "write_workbook",
]

#: A dossier's statuses and a step's outcomes, in the life cycle's order.
STATUSES: tuple[str, ...] = get_args(Status)
OUTCOMES: tuple[str, ...] = get_args(Outcome)


def completions(path: Path, kind: str, incomplete: str) -> list[str]:
    """What the shell may complete ``incomplete`` to (dossier or procedure codes), from the
    database at ``path``; nothing when it cannot be read."""
    from tthc.storage.store import Store

    try:
        with Store.reading(path) as store:
            return store.completions(kind, incomplete)
    except Exception:  # a completion never shows an error in the middle of a line being typed
        return []


def stored_lang(path: Path) -> str | None:
    """The language the center at ``path`` chose, before anything is parsed; None when there
    is no usable database there."""
    from tthc.storage.store import Store

    if not path.is_file():
        return None
    try:
        store = Store.open_readonly(path)
    except (TthcError, OSError, Exception):  # no usable database: the default language
        return None
    try:
        lang = store.settings().get("lang")
        return str(lang) if lang else None
    finally:
        store.close()


def write_table(
    path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], *, sheet: str, excel_vn: bool = False
) -> None:
    """One table to an .xlsx or .csv file, through the one writer of cells."""
    from tthc.storage import sheets

    sheets.write_table(path, headers, rows, sheet=sheet, excel_vn=excel_vn)


def write_workbook(path: Path, tables: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]) -> None:
    """Several tables in one .xlsx, a sheet each."""
    from tthc.storage import sheets

    sheets.write_workbook(path, tables)
