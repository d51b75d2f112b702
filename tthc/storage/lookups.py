"""Look-ups: codes typed short or in another case, completion, the timeline's changes and
the web side's read-only keys.
"""

import os
from datetime import datetime
from typing import TYPE_CHECKING

from tthc.core.models import Event
from tthc.storage.conditions import status_sql, visible_sql
from tthc.storage.connection import Connection
from tthc.storage.records import _escape, _event

if TYPE_CHECKING:
    from tthc.storage.keys import DossierKeys, ReadyResult


class Lookups(Connection):
    """Short, read-only questions about codes and keys."""

    def completions(self, kind: str, incomplete: str, limit: int = 50) -> list[str]:
        """Codes that begin with ``incomplete``, for the shell's completion: dossier codes in
        full, or in their short form (``250908-0002``) after any unit code in use; procedure
        codes and aliases. Each is a range read on a primary key or a small table."""
        word = incomplete.strip()
        if kind == "procedure":
            rows = self.conn.execute(
                "SELECT code FROM procedures WHERE code LIKE :w ESCAPE '\\'"
                " UNION SELECT alias FROM procedures WHERE alias LIKE :w ESCAPE '\\' ORDER BY 1 LIMIT :n",
                {"w": _escape(word) + "%", "n": limit},
            )
            return [r[0] for r in rows]
        prefixes = [""] + [
            r[0] + "-"
            for r in self.conn.execute(
                "SELECT value FROM settings WHERE key = 'code_prefix'"
                " UNION SELECT code_prefix FROM points WHERE code_prefix IS NOT NULL"
            )
        ]
        found: list[str] = []
        for prefix in prefixes:
            start = prefix + word
            rows = self.conn.execute(
                f"SELECT code FROM dossiers WHERE code >= ? AND code < ? AND {visible_sql('')}"
                " ORDER BY code DESC LIMIT ?",
                (start, start + "\U0010ffff", limit - len(found)),
            )
            found += [r[0][len(prefix) :] for r in rows]
            if len(found) >= limit:
                break
        return found

    # -- codes ---------------------------------------------------------------------------
    def codes_like(self, text: str) -> list[str]:
        """The code itself if a dossier has it; else every code given once (undone receipts
        too) that equals ``text`` in any case."""
        if self.conn.execute(f"SELECT 1 FROM dossiers WHERE code = ? AND {visible_sql('')}", (text,)).fetchone():
            return [text]
        rows = self.conn.execute(
            f"SELECT code FROM dossiers WHERE code = ? COLLATE NOCASE AND {visible_sql('')}"
            " UNION SELECT dossier_code FROM events WHERE dossier_code = ? COLLATE NOCASE",
            (text, text),
        )
        return [r[0] for r in rows]

    def codes_ending(self, suffix: str) -> list[str]:
        """The dossiers' codes that end with ``suffix`` (the short form of a generated code)."""
        rows = self.conn.execute(
            f"SELECT code FROM dossiers WHERE code LIKE ? ESCAPE '\\' AND {visible_sql('')}", ("%" + _escape(suffix),)
        )
        return [r[0] for r in rows]

    def timeline_changes(self) -> list[Event]:
        """Undo events and steps recorded with a correction, oldest first."""
        rows = self.conn.execute(
            "SELECT * FROM events WHERE step = 'undo' OR json_extract(details, '$.correction') IS NOT NULL ORDER BY id"
        )
        return [_event(r) for r in rows]

    # -- read-only look-ups for the web side --------------------------------------------------
    def dossier_keys(self, typed_code: str) -> "DossierKeys | None":
        """The stored code and the numbers a citizen proves with, for a code typed in any case
        (the ``dossiers_by_code_nocase`` index answers; the code as typed first)."""
        from tthc.storage.keys import DossierKeys  # the web side's: not built for a clerk's command

        row = self.conn.execute(
            f"SELECT code, phone, id_number FROM dossiers WHERE code = ? COLLATE NOCASE AND {visible_sql('')}"
            " ORDER BY code = ? DESC LIMIT 1",
            (typed_code, typed_code),
        ).fetchone()
        return None if row is None else DossierKeys(row["code"], row["phone"], row["id_number"])

    def proof_keys(self, typed_code: str) -> "tuple[DossierKeys, bool]":
        """What a citizen's four digits are checked against, and whether a dossier has the code:
        the keys of the dossier with this code (in any case, the code as typed first), or, when
        none has it, of a dossier picked at random. Both answers take the same two statements,
        one index search and one row read, so the time a look-up takes does not tell whether
        the code exists (reading no row was measured 0.5 ms faster on 1.2M dossiers)."""
        from tthc.storage.keys import DossierKeys

        found, top = self.conn.execute(
            f"SELECT (SELECT rowid FROM dossiers WHERE code = ? COLLATE NOCASE AND {visible_sql('')}"
            " ORDER BY code = ? DESC LIMIT 1),"
            # decoys below an import's hidden rows, if any: a draw among them would read on
            # through the hidden ones to the next row seen
            " (SELECT min(coalesce((SELECT min(lo) - 1 FROM hidden_batch), max(rowid)), max(rowid)) FROM dossiers)",
            (typed_code, typed_code),
        ).fetchone()
        decoy = 1 + int.from_bytes(os.urandom(4)) % (top or 1)  # drawn either way: the same work
        target = decoy if found is None else found
        row = self.conn.execute(
            f"SELECT code, phone, id_number FROM dossiers WHERE rowid >= ? AND {visible_sql('')} ORDER BY rowid LIMIT 1",
            (target,),
        ).fetchone()
        keys = DossierKeys("", None, None) if row is None else DossierKeys(row[0], row[1], row[2])
        return keys, found is not None

    def ready_for_collection(self, limit: int) -> "list[ReadyResult]":
        """Results resolved and not yet returned, the latest resolved first.

        The worklist's order (soonest deadline first) would fill the waiting-room board with
        results nobody came for months ago and push today's off it; this walks the
        ``dossiers_by_end`` index backwards and stops at ``limit``.
        """
        from tthc.storage.keys import ReadyResult

        rows = self.conn.execute(
            f"SELECT code, applicant, resolved_at FROM dossiers WHERE {status_sql('', 'resolved')} AND {visible_sql('')}"
            " ORDER BY coalesce(resolved_at, withdrawn_at) DESC LIMIT ?",
            (limit,),
        )
        return [
            ReadyResult(r["code"], r["applicant"], datetime.fromisoformat(r["resolved_at"])) for r in rows
        ]
