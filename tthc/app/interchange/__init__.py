"""CSV / Excel / JSON in and out: exporting dossiers (cells written by ``tthc.storage.sheets``),
and importing them in one streaming, all-or-nothing transaction.

An import is the clerk's life cycle applied to a file: each row becomes a receipt and the
steps after it (supplement, resume, resolve or withdraw, return), applied through
``tthc.core.transitions`` exactly as the commands apply them, then loaded in batches.

The jobs live apart: :mod:`.exporting` writes dossiers out, :mod:`.rows` reads one row of a
file into a dossier, :mod:`.importing` loads a whole file.
"""

from tthc.app.interchange.exporting import (
    DERIVED_COLUMNS,
    DOSSIER_COLUMNS,
    EXPORT_COLUMNS,
    export,
    write_json,
)
from tthc.app.interchange.importing import ImportReport, import_dossiers, import_file
from tthc.app.interchange.rows import BadRow, RowReader

__all__ = [
    "DERIVED_COLUMNS",
    "DOSSIER_COLUMNS",
    "EXPORT_COLUMNS",
    "BadRow",
    "ImportReport",
    "RowReader",
    "export",
    "import_dossiers",
    "import_file",
    "write_json",
]
