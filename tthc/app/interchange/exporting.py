"""Dossiers out: the columns of a dossier file, and writing the dossiers a filter selects as
CSV, Excel or JSON (cells written by ``tthc.storage.sheets``), headed in the reader's language."""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tthc.app.context import Context
from tthc.app.dossiers import ListFilter, query_of
from tthc.core.errors import TthcError
from tthc.core.models import Dossier
from tthc.locale.i18n import fmt_limit, label, t
from tthc.locale.marks import N_
from tthc.locale.words import COLUMN_WORDS
from tthc.storage import files
from tthc.storage.sheets import write_table


def write_json(path: Path, data: Any, *, private: bool = False) -> None:
    files.write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n", private=private)


# -- dossiers out -------------------------------------------------------------------------------------
DOSSIER_COLUMNS = (
    "code",
    "procedure",
    "received_at",
    "channel",
    "due_at",
    "resolved_at",
    "outcome",
    "returned_at",
    "withdrawn_at",
    "paused_at",
    "resumed_at",
    "point",
    "officer",
    "applicant",
    "limit",
    "fee",
    "payment",
    "digitised",
    "data_reused",
    "e_result",
    "closed_at",
)


#: Columns an export adds for people filtering in a spreadsheet; an import recomputes them.
DERIVED_COLUMNS = ("procedure_name", "field", "status", "timeliness")
EXPORT_COLUMNS = (*DOSSIER_COLUMNS, *DERIVED_COLUMNS)


def _export_row(d: Dossier, lang: str) -> list[Any]:
    """A dossier as a row: stored values in English, words in Vietnamese (an import reads both)."""
    last = d.rounds[-1] if d.rounds else None

    def word(value: str | None) -> str | None:
        return label(lang, value) if lang == "vi" and value else value

    return [
        d.code,
        d.procedure,
        d.received_at,
        word(d.channel),
        d.due_at,
        d.resolved_at,
        word(d.outcome),
        d.returned_at,
        d.withdrawn_at,
        last.paused_at if last else None,
        last.resumed_at if last else None,
        d.point,
        d.officer,
        d.applicant,
        fmt_limit(lang, d.limit) if lang == "vi" else d.limit,
        d.service.fee,
        word(d.service.payment),
        _yes_no(lang, d.service.digitised),
        _yes_no(lang, d.service.data_reused),
        _yes_no(lang, d.service.e_result),
        d.closed_at,
        d.procedure_name,
        d.field,
        word(d.status),
        word(d.timeliness),
    ]


def _yes_no(lang: str, value: bool | None) -> str | None:
    """A yes/no fact as a cell: ``yes``/``no`` (``có``/``không``); empty when not known."""
    if value is None:
        return None
    return t(lang, N_("yes") if value else N_("no"))


def export(ctx: Context, path: Path, f: ListFilter, *, excel_vn: bool = False) -> int:
    """Write the dossiers a filter selects, headed in the reader's language; returns how many."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".json"):
        raise TthcError("{path}: expected a .csv, .xlsx or .json file name", path=path)
    f.limit = None
    lang = ctx.lang
    records = ctx.store().stream(query_of(ctx, f))
    if suffix == ".json":
        items = [d.as_json() for d in records]
        write_json(path, items, private=True)
        return len(items)
    count = 0

    def rows() -> Iterator[list[Any]]:
        nonlocal count
        for d in records:
            count += 1
            yield _export_row(d, lang)

    headers = [t(lang, COLUMN_WORDS[name]) for name in EXPORT_COLUMNS]
    write_table(path, headers, rows(), sheet=t(lang, "dossiers"), private=True, excel_vn=excel_vn)
    return count
