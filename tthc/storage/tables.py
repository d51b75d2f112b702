"""Reading tabular files (.csv with `,` or `;`, UTF-8 with or without BOM; .xlsx) row by row,
with header names matched in any case and order. Streams: one row in memory at a time.

A CSV cell comes back without the apostrophe ``tthc.storage.sheets`` puts before a text a spreadsheet
would run as a formula; a workbook's text cells carry no such mark.
"""

from __future__ import annotations

import csv
import heapq
import unicodedata
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from tthc.core.errors import Msg, TthcError, os_reason
from tthc.storage.sheets import unquote

Cell = str | int | float | date | datetime | None


def header_key(text: Any) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text or "")).strip().lower().replace("_", " ").split())


def map_header(
    header: list[Any], aliases: Mapping[str, str], required: tuple[str, ...], path: Path
) -> tuple[dict[int, str], list[str]]:
    """Column index → canonical name, and the unknown header names (to warn about)."""
    mapping: dict[int, str] = {}
    unknown: list[str] = []
    for i, name in enumerate(header):
        key = aliases.get(header_key(name))
        if key is None:
            if str(name or "").strip():
                unknown.append(str(name).strip())
        elif key in mapping.values():
            raise TthcError("{path}: column {key!r} appears twice in the header", path=path, key=key)
        else:
            mapping[i] = key
    missing = [c for c in required if c not in mapping.values()]
    if missing:
        raise TthcError("{path}: missing column(s) {cols} in the header", path=path, cols=", ".join(missing))
    return mapping, unknown


def read_rows(path: Path) -> tuple[list[Any], Iterator[tuple[int, list[Cell]]]]:
    """The header and an iterator of (row number as a person counts it, cells)."""
    if not path.exists():
        raise TthcError("no such file: {path}", path=path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv_rows(path)
    if suffix == ".xlsx":
        return _xlsx_rows(path)
    raise TthcError("{path}: expected a .csv or .xlsx file", path=path)


def _csv_rows(path: Path) -> tuple[list[Any], Iterator[tuple[int, list[Cell]]]]:
    try:
        with path.open("r", encoding="utf-8-sig", newline="") as fh:
            first = fh.readline()
    except UnicodeDecodeError:
        raise TthcError("{path}: not UTF-8 text (save it as 'CSV UTF-8' in Excel)", path=path) from None
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header = next(csv.reader([first], delimiter=delimiter), [])
    if not header:
        raise TthcError("{path}: the file is empty", path=path)

    def rows() -> Iterator[tuple[int, list[Cell]]]:
        with path.open("r", encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh, delimiter=delimiter)
            next(reader, None)
            number = 1
            try:
                for cells in reader:
                    number += 1
                    joined = "".join(cells)  # one look at the whole row; most rows need no more
                    if joined.strip():
                        # what tthc.storage.sheets wrote: an apostrophe before a formula, taken off
                        yield (
                            number,
                            [unquote(c) for c in cells] if "'" in joined else cast("list[Cell]", cells),
                        )
            except csv.Error as exc:  # a field past the csv module's limit, a stray NUL …
                raise TthcError("{path}: row {number} cannot be read ({reason})", path=path, number=number + 1, reason=_csv_reason(exc)) from None
            except UnicodeDecodeError:
                raise TthcError("{path}: row {number} is not UTF-8 text (wrong encoding)", path=path, number=number + 1) from None

    return header, rows()


def _xlsx_rows(path: Path) -> tuple[list[Any], Iterator[tuple[int, list[Cell]]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise TthcError("{path}: not a readable .xlsx file ({reason})", path=path, reason=workbook_reason(exc)) from None
    sheet = book.worksheets[0]
    it = sheet.iter_rows(values_only=True)
    header = list(next(it, None) or [])
    if not header:
        book.close()
        raise TthcError("{path}: the first sheet is empty", path=path)

    def rows() -> Iterator[tuple[int, list[Cell]]]:
        try:
            for number, cells in enumerate(it, start=2):
                if any(c is not None and str(c).strip() for c in cells):
                    yield number, list(cells)
        finally:
            book.close()

    return header, rows()


def _csv_reason(exc: csv.Error) -> Msg | str:
    text = str(exc)
    if "field larger than field limit" in text:
        return Msg("a cell is longer than {n} characters", n=csv.field_size_limit())
    if "NUL" in text:
        return Msg("it holds a NUL byte: not a text file?")
    return text


def workbook_reason(exc: Exception) -> Msg | str:
    """Why openpyxl could not open a file: the machine's reason, or "not an Excel workbook"
    (not a zip, not an .xlsx inside), in the user's language."""
    if isinstance(exc, OSError):
        return os_reason(exc)
    if type(exc).__name__ in ("BadZipFile", "InvalidFileException", "KeyError"):
        return Msg("not an Excel workbook")
    return str(exc)


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class BadRows:
    """The bad rows of a file: the reasons of the 50 first rows kept, in row order, whatever
    order they were found in (a code is checked a batch at a time); the rest only counted
    (bounded memory)."""

    shown = 50

    def __init__(self) -> None:
        self.count = 0
        self.kept: list[tuple[int, int, Msg]] = []  # a heap of (-row, -found), the last row on top

    def add(self, number: int, reason: Msg) -> None:
        self.count += 1
        entry = (-number, -self.count, Msg("row {number}: {reason}", number=number, reason=reason))
        if len(self.kept) < self.shown:
            heapq.heappush(self.kept, entry)
        elif entry[:2] > self.kept[0][:2]:
            heapq.heapreplace(self.kept, entry)

    @property
    def first(self) -> list[Msg]:
        return [msg for _, _, msg in sorted(self.kept, key=lambda e: (-e[0], -e[1]))]

    def __bool__(self) -> bool:
        return self.count > 0

    def raise_if_any(self, path: Path) -> None:
        if self.count:
            more = [Msg("… and {n} more", n=self.count - self.shown)] if self.count > self.shown else []
            raise TthcError("{count} bad rows in {path}", count=self.count, path=path, details=[*self.first, *more])


#: Yes and no as a cell may say them, in English or Vietnamese (with or without marks).
YES_NO = {
    "yes": True,
    "có": True,
    "co": True,
    "x": True,
    "1": True,
    "true": True,
    "no": False,
    "không": False,
    "khong": False,
    "0": False,
    "false": False,
}


def yes_no(value: Cell) -> bool | None:
    """A yes/no cell: True, False, or None when empty; anything else is refused."""
    text = cell_text(value).lower()
    if not text:
        return None
    if text not in YES_NO:
        raise TthcError("expected yes or no, not {value!r}", value=text)
    return YES_NO[text]
