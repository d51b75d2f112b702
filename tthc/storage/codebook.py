"""What the code-giving rule (:class:`tthc.core.codes.CodeMinter`) asks of the database:
the codes ever given and the last number given per day and block.
"""

import json

from tthc.core.codes import CodeMinter
from tthc.core.models import WHOLE_DAY, CodeBlock
from tthc.storage.connection import Connection

#: Which of a batch of codes were ever given, in any letter case (the two NOCASE indexes
#: answer it), each with its spelling, the one typed first when it was given that way too.
_USED_CODES = """
    SELECT value, used FROM (
        SELECT j.value, coalesce(
            (SELECT code FROM dossiers WHERE code = j.value),
            (SELECT dossier_code FROM events WHERE dossier_code = j.value LIMIT 1),
            (SELECT code FROM dossiers WHERE code = j.value COLLATE NOCASE LIMIT 1),
            (SELECT dossier_code FROM events WHERE dossier_code = j.value COLLATE NOCASE LIMIT 1)
        ) AS used
        FROM json_each(?) AS j
    ) WHERE used IS NOT NULL
"""


class CodeBook(Connection):
    """The code book :class:`tthc.core.codes.CodeMinter` keeps in the database."""

    def used_codes(self, codes: list[str]) -> dict[str, str]:
        """Of ``codes``, those ever given, each with the spelling it was given in (the code
        itself when it was given as typed). A code is taken once it was given, even if its
        receipt was undone, and in any letter case: ``x-250908-0001`` is ``X-250908-0001``.
        One query for a whole batch of an import."""
        if not codes:
            return {}
        rows = self.conn.execute(_USED_CODES, (json.dumps(codes),)).fetchall()
        return {r[0]: r[1] for r in rows}

    def minter(self, block: CodeBlock = WHOLE_DAY) -> "CodeMinter":
        return CodeMinter(self, block)

    # -- the code book the code-giving rule (tthc.core.codes.CodeMinter) asks ------------------
    def every_code(self) -> set[str]:
        """Every code the database ever gave, as given: its dossiers' and its events'."""
        rows = self.conn.execute(
            "SELECT code FROM dossiers UNION ALL SELECT dossier_code FROM events WHERE dossier_code IS NOT NULL"
        )
        return {code for (code,) in rows}

    def last_number(self, prefix: str, day: str, block_first: int) -> int | None:
        row = self.conn.execute(
            "SELECT last FROM code_sequences WHERE prefix = ? AND day = ? AND block = ?",
            (prefix, day, block_first),
        ).fetchone()
        return None if row is None else int(row[0])

    def save_last_number(self, prefix: str, day: str, block_first: int, last: int) -> None:
        self.conn.execute(
            "INSERT INTO code_sequences (prefix, day, block, last) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (prefix, day, block) DO UPDATE SET last = max(last, excluded.last)",
            (prefix, day, block_first, last),
        )
