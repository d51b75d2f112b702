"""Migration 9, ``m009_names_without_diacritics``: one person, one officer: a name typed without
diacritics is the same name.

Shipped: never edit it; a later change is a later migration. ``apply`` says why it exists.
"""

import sqlite3
from typing import Any


def apply(db: Any) -> None:
    """One person, one officer: "Nguyen Thi Lan" typed on a keyboard without Vietnamese is the
    officer "Nguyễn Thị Lan", not a second one whose work is counted apart (and so for
    reception points). ``name_key`` held the name in lower case; it now holds it without
    diacritics too (đ as d), spaces collapsed, so its UNIQUE constraint refuses such a twin.

    A file from before may already hold two such names. Nothing is deleted or renamed (each
    keeps its dossiers): in each group the row whose old key already is the new one, else the
    first registered, takes the new key; the others keep their old key, which no other name
    can take, and ``officer list`` / ``point list`` name them. The folding is written out
    here, as it was when this migration shipped."""
    import unicodedata

    def key(name: str) -> str:
        text = name.replace("đ", "d").replace("Đ", "D")
        bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
        return " ".join(unicodedata.normalize("NFC", bare).casefold().split())

    conn: sqlite3.Connection = db.conn
    for table in ("officers", "points"):
        groups: dict[str, list[tuple[int, str]]] = {}
        for row in conn.execute(f"SELECT id, name, name_key FROM {table} ORDER BY id").fetchall():
            groups.setdefault(key(row[1]), []).append((row[0], row[2]))
        for new, rows in groups.items():
            holder = next((r for r in rows if r[1] == new), rows[0])
            if holder[1] != new:
                conn.execute(f"UPDATE {table} SET name_key = ? WHERE id = ?", (new, holder[0]))
