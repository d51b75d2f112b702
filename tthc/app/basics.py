"""What the front ends (the command line, the web side) take from the layers below, through
the services: the refusal and its words, the clock, the domain's choices (statuses,
channels, outcomes), the database a command line names, and the writers of output files.

A front end imports ``tthc.app`` and ``tthc.present`` only; this module is its one door to
the rules and the store for the little it needs beyond a command's service.
"""

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from tthc.core.errors import Msg, TthcError, os_reason, sqlite_reason

if TYPE_CHECKING:
    from tthc.core.models import Kind

__all__ = [
    "Kind",
    "Msg",
    "TthcError",
    "choices",
    "completions",
    "name_key",
    "now_vn",
    "os_reason",
    "sqlite_reason",
    "stored_lang",
    "write_table",
    "write_workbook",
]


def choices(kind: Literal["status", "channel", "outcome", "payment"]) -> tuple[str, ...]:
    """The domain's words for a dossier's statuses, its channels, a result's outcomes, how a
    fee was paid, in the life cycle's order (read when asked: a command that offers none
    skips the rules)."""
    from tthc.core.lifecycle import OUTCOMES, STATUSES
    from tthc.core.models import CHANNELS, PAYMENTS

    return {"status": STATUSES, "channel": CHANNELS, "outcome": OUTCOMES, "payment": PAYMENTS}[kind]


def now_vn() -> datetime:
    """The current Vietnam wall-clock time, to the minute (``TTHC_NOW`` pins it)."""
    from tthc.core.clock import now_vn as now

    return now()


def name_key(text: str) -> str:
    """The one folding of names and words (case, spaces, diacritics) they are compared by."""
    from tthc.core.models import name_key as key

    return key(text)


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
