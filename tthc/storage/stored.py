"""A dossier exactly as stored (:class:`StoredDossier`): every column of its row and of its
supplement rounds, for moving it to another database (a merge, a full export) without loss.

Its own module: the store's copies (``tthc.storage.copies``) build it where they read one, and
a clerk's look-up, which moves nothing, does not.
"""

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, cast

from tthc.core.lifecycle import Life
from tthc.storage.columns import _DOSSIER_INDEX, _ROUND_COLUMNS, ALL_DOSSIER_COLUMNS
from tthc.storage.records import _life


@dataclass(frozen=True)
class StoredDossier:
    """A dossier exactly as stored — every column of its row, every column of its supplement
    rounds — for moving it to another database (merge, full export) without loss."""

    values: tuple[Any, ...]  # in ALL_DOSSIER_COLUMNS order
    rounds: tuple[tuple[Any, ...], ...] = ()  # each in _ROUND_COLUMNS order, oldest first

    @classmethod
    def of(cls, row: Mapping[str, Any], rounds: Iterable[Mapping[str, Any]]) -> "StoredDossier":
        return cls(
            tuple(row[c] for c in ALL_DOSSIER_COLUMNS),
            tuple(tuple(r[c] for c in _ROUND_COLUMNS) for r in rounds),
        )

    @property
    def code(self) -> str:
        return str(self.values[0])

    def get(self, column: str) -> Any:
        return self.values[_DOSSIER_INDEX[column]]

    def row(self) -> dict[str, Any]:
        return dict(zip(ALL_DOSSIER_COLUMNS, self.values, strict=True))

    def round_rows(self) -> list[dict[str, Any]]:
        return [{"dossier_code": self.code, **dict(zip(_ROUND_COLUMNS, r, strict=True))} for r in self.rounds]

    def life(self) -> Life:
        """The dossier's life as its row and rounds state it."""
        rounds = self.round_rows()
        return _life(cast(sqlite3.Row, self.row()), cast("list[sqlite3.Row]", rounds))

    def with_value(self, column: str, value: Any) -> "StoredDossier":
        values = list(self.values)
        values[_DOSSIER_INDEX[column]] = value
        return replace(self, values=tuple(values))
