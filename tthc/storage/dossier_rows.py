"""One dossier's reads and writes, and the dossiers' lives read in batches.
"""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tthc.core.lifecycle import Life
from tthc.core.models import Dossier, Rating
from tthc.storage.columns import _ROUND_COLUMNS, INSERT_DOSSIER, INSERT_ROUND, LIFE_COLUMNS, SERVICE_COLUMNS
from tthc.storage.connection import Connection
from tthc.storage.records import (
    _SELECT,
    OPEN_SQL,
    VISIBLE,
    _iso,
    _life,
    _moment,
    life_values,
    new_dossier_values,
    records_of,
    round_values,
    rounds_of,
)

if TYPE_CHECKING:
    from tthc.storage.details import Details


class DossierRows(Connection):
    """Dossiers read as records and written from their lives."""

    def dossier(self, code: str) -> Dossier | None:
        row = self.conn.execute(_SELECT + f" WHERE d.code = ? AND {VISIBLE}", (code.strip(),)).fetchone()
        if row is None:
            return None
        return replace(records_of(self.conn, [row])[0], rating=self.rating(row["code"]))

    def rating(self, code: str) -> Rating | None:
        """The citizen's rating of the dossier, if given."""
        r = self.conn.execute("SELECT * FROM ratings WHERE dossier_code = ?", (code,)).fetchone()
        if r is None:
            return None
        return Rating(r["rating"], r["comment"], _moment(r["rated_at"]), r["via"])

    def take_back_facts(self, code: str, step: str, details: Mapping[str, Any]) -> None:
        """What an undone step recorded besides the timeline, taken back: a resolution's
        electronic result (as it was before), a return's rating given at the counter."""
        if step == "resolve" and "e_result" in details:
            before = details.get("e_result_before")
            self.conn.execute(
                "UPDATE dossiers SET e_result = ? WHERE code = ?",
                (None if before is None else int(before), code),
            )
        elif step == "return" and "rating" in details:
            self.conn.execute("DELETE FROM ratings WHERE dossier_code = ? AND via = 'counter'", (code,))

    def put_rating(self, code: str, rating: Rating) -> None:
        """Record the citizen's rating; a second one for the dossier is refused by the key."""
        self.conn.execute(
            "INSERT INTO ratings (dossier_code, rating, comment, rated_at, via) VALUES (?, ?, ?, ?, ?)",
            (code, rating.rating, rating.comment, _iso(rating.rated_at), rating.via),
        )

    def insert_dossier(self, code: str, details: "Details", life: Life, now: datetime) -> None:
        self.conn.execute(INSERT_DOSSIER, new_dossier_values(code, details, life, _iso(now) or ""))
        for r in life.rounds:
            self.conn.execute(INSERT_ROUND, round_values(code, r))

    def save_life(self, life: Life, now: datetime) -> None:
        """Write a dossier's new state: its row and its supplement rounds."""
        sets = ", ".join(f"{c} = ?" for c in LIFE_COLUMNS)
        self.conn.execute(
            f"UPDATE dossiers SET {sets}, updated_at = ? WHERE code = ?",
            (*life_values(life), _iso(now), life.code),
        )
        ids = [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM pauses WHERE dossier_code = ? ORDER BY id", (life.code,)
            )
        ]
        for pause_id in ids[len(life.rounds) :]:
            self.conn.execute("DELETE FROM pauses WHERE id = ?", (pause_id,))
        sets = ", ".join(f"{c} = ?" for c in _ROUND_COLUMNS)
        for i, r in enumerate(life.rounds):
            values = round_values(life.code, r)
            if i < len(ids):
                self.conn.execute(f"UPDATE pauses SET {sets} WHERE id = ?", (*values[1:], ids[i]))
            else:
                self.conn.execute(INSERT_ROUND, values)

    def update_details(self, code: str, values: Mapping[str, Any], now: datetime) -> None:
        """Change details that are not the dossier's life (applicant, phone, point …)."""
        allowed = {"applicant", "phone", "address", "note", "id_number", "point", "officer", "search_text"}
        allowed |= set(SERVICE_COLUMNS)
        assert set(values) <= allowed, values
        sets = ", ".join(f"{col} = ?" for col in values)
        self.conn.execute(
            f"UPDATE dossiers SET {sets}, updated_at = ? WHERE code = ?", (*values.values(), _iso(now), code)
        )

    def delete_dossier(self, code: str) -> None:
        self.conn.execute("DELETE FROM ratings WHERE dossier_code = ?", (code,))
        self.conn.execute("DELETE FROM dossiers WHERE code = ?", (code,))

    def lives(self, codes: Sequence[str]) -> dict[str, Life]:
        """The lives of the given dossiers, by code."""
        out: dict[str, Life] = {}
        for i in range(0, len(codes), 500):
            chunk = list(codes[i : i + 500])
            rows = self.conn.execute(
                f"SELECT * FROM dossiers d WHERE code IN ({', '.join('?' * len(chunk))}) AND {VISIBLE}", chunk
            ).fetchall()
            rounds = rounds_of(self.conn, chunk)
            out.update((r["code"], _life(r, rounds.get(r["code"], ()))) for r in rows)
        return out

    def dossiers(self, codes: Sequence[str]) -> dict[str, Dossier]:
        """The given dossiers, by code (those that no longer exist are left out)."""
        out: dict[str, Dossier] = {}
        for i in range(0, len(codes), 500):
            chunk = list(codes[i : i + 500])
            rows = self.conn.execute(
                _SELECT + f" WHERE d.code IN ({', '.join('?' * len(chunk))}) AND {VISIBLE}", chunk
            ).fetchall()
            out.update((d.code, d) for d in records_of(self.conn, rows))
        return out

    def open_lives(self, *, closed_too: bool = False) -> Iterator[Life]:
        """Every open dossier's life (for laying due dates again after a calendar change);
        with ``closed_too``, every dossier's (for checking stored due dates)."""
        where = f" WHERE {VISIBLE}" + ("" if closed_too else f" AND {OPEN_SQL}")
        rows = self.conn.execute(
            f"SELECT d.* FROM dossiers d{where} ORDER BY d.received_at, d.code"
        ).fetchall()
        rounds = rounds_of(self.conn, [r["code"] for r in rows])
        for r in rows:
            yield _life(r, rounds.get(r["code"], ()))
