"""The Vietnamese catalog compiled from its ``.po`` without Babel: what a checkout or an editable
install uses when no build step made ``tthc.mo`` (or the ``.po`` changed since). The package's
build makes the ``.mo`` with Babel (``setup.py``); this reads the same few forms of the format
(``msgctxt``, ``msgid``, ``msgid_plural``, ``msgstr[n]``, the ``fuzzy`` flag)."""

from __future__ import annotations

import os
from pathlib import Path


def read_po(text: str) -> dict[str, str]:
    """msgid (with ``ctx\\x04`` and ``\\x00plural`` as a .mo keys it) -> msgstr; fuzzy and empty
    translations are left out, as msgfmt leaves them. Entries are separated by blank lines."""
    import ast

    out: dict[str, str] = {}
    for block in text.replace("\r\n", "\n").split("\n\n"):
        entry: dict[str, list[str]] = {}
        field, fuzzy = "", False
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("#,"):
                fuzzy = fuzzy or "fuzzy" in line
            elif line.startswith('"') and field:
                entry[field].append(ast.literal_eval(line))
            elif line and not line.startswith("#"):
                field, _, rest = line.partition(" ")
                entry[field] = [ast.literal_eval(rest)]
        if "msgid" not in entry:
            continue
        msgid = "".join(entry["msgid"])
        if "msgid_plural" in entry:
            msgid += "\x00" + "".join(entry["msgid_plural"])
        if "msgctxt" in entry:
            msgid = "".join(entry["msgctxt"]) + "\x04" + msgid
        forms = sorted(k for k in entry if k.startswith("msgstr"))
        string = "\x00".join("".join(entry[k]) for k in forms)
        if string.strip("\x00") and (not fuzzy or not msgid):
            out[msgid] = string
    return out


def mo_bytes(messages: dict[str, str]) -> bytes:
    """The GNU ``.mo`` format of ``messages``, keys sorted as msgfmt sorts them."""
    import struct

    keys = sorted(messages)
    ids = [k.encode("utf-8") for k in keys]
    strs = [messages[k].encode("utf-8") for k in keys]
    start = 7 * 4 + 16 * len(keys)
    id_table, str_table, blob = [], [], b""
    for data in ids:
        id_table += [len(data), start + len(blob)]
        blob += data + b"\0"
    for data in strs:
        str_table += [len(data), start + len(blob)]
        blob += data + b"\0"
    head = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + 8 * len(keys), 0, 0)
    return head + struct.pack(f"{len(id_table)}i", *id_table) + struct.pack(f"{len(str_table)}i", *str_table) + blob


def compiled(po: Path, mo: Path) -> bytes | None:
    """Make ``mo`` from ``po`` when it is missing or older; its bytes when the folder cannot be
    written (read in memory then), else None (read the file)."""
    try:
        if mo.stat().st_mtime_ns >= po.stat().st_mtime_ns:
            return None
    except FileNotFoundError:
        if not po.exists():
            return None
    data = mo_bytes(read_po(po.read_text(encoding="utf-8")))
    try:
        part = mo.with_name(f".{mo.name}.{os.getpid()}")
        part.write_bytes(data)
        os.replace(part, mo)
    except OSError:
        return data
    return None
