"""This PC's own settings, kept outside the shared database: which reception point it is,
its default officer, and its block of each day's dossier numbers.

A center with two reception points may run each on its own PC, both under the center's one
unit code, and merge their databases every evening. The database is what they share; which
PC is which belongs to the PC. ``tthc init --point NAME [--officer NAME] [--block N/M]``
writes it once to ``station.json`` in the user's application folder (or ``TTHC_HOME``);
``TTHC_POINT`` and ``TTHC_OFFICER`` override the names for one session.

The station belongs to the database it was set up on, not to every database the PC opens:
the file records that database's identity (:meth:`tthc.storage.store.Store.identity`, the uid of the
first event it recorded), and any other database — a new center, the demo, a colleague's
copy — reads no point, officer or block from it. A file written before it recorded one
applies only where its point is registered.

The block follows from the point alone, so two PCs set up apart never give the same code:
the first number in the point's name picks half of the day's numbers ("Điểm 1" → 0001–4999,
"Điểm 2" → 5001–9999); a center with more points gives each PC ``--block N/M``.
"""

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tthc.core.errors import Msg, TthcError, os_reason
from tthc.core.models import WHOLE_DAY, CodeBlock, name_key

FILE_NAME = "station.json"
#: How many points a block is derived for from the number in a point's name.
NAMED_POINTS = 2
MAX_BLOCKS = 9
_BLOCK = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Station:
    """Who this PC is: the point and officer ``receive`` fills in, the numbers it gives."""

    point: str | None = None
    officer: str | None = None
    block: CodeBlock = WHOLE_DAY
    path: Path | None = None  # the file it was read from, if any
    database: str | None = None  # the identity of the database it was set up on

    def as_json(self) -> dict[str, Any]:
        return {
            "point": self.point,
            "officer": self.officer,
            "block": str(self.block),
            "database": self.database,
        }


def parse_block(text: str) -> CodeBlock:
    """``N/M``: the N-th of M equal parts of the day's numbers."""
    m = _BLOCK.match(text)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)) <= MAX_BLOCKS:
        raise TthcError("bad --block {text!r}: expected N/M, the N-th of M equal parts of the day's numbers (1 ≤ N ≤ M ≤ {most}), e.g. 3/3", text=text, most=MAX_BLOCKS)
    return CodeBlock(int(m.group(1)), int(m.group(2)))


def block_of_point(point: str) -> CodeBlock:
    """The block the number in a point's name gives: 1 → the first half, 2 → the second."""
    m = _NUMBER.search(point)
    if m is None or not 1 <= int(m.group(0)) <= NAMED_POINTS:
        raise TthcError("point {point!r}: its name has no point number 1 or 2, so this PC's block of daily numbers cannot be told; give --block N/M (e.g. --block 3/3 for the third of three points)", point=point)
    return CodeBlock(int(m.group(0)), NAMED_POINTS)


def settle(current: Station, point: str | None, officer: str | None, block: str | None) -> Station:
    """The station ``init`` asks for over the current one, checked before anything is written:
    what is not given stays; a new point takes the block its name gives, unless ``block``."""
    point = point or current.point
    officer = officer or current.officer
    if point is None:
        if block is not None:
            raise TthcError("--block needs a point: give --point too")
        return Station(None, officer)
    if block is not None:
        return Station(point, officer, parse_block(block))
    if current.point is not None and name_key(point) == name_key(current.point):
        return Station(point, officer, current.block)
    return Station(point, officer, block_of_point(point))


def load(
    home: Path | None,
    point_env: str | None = None,
    officer_env: str | None = None,
    *,
    belongs: Callable[[Mapping[str, Any]], bool] | None = None,
) -> Station:
    """This PC's station: the file in ``home``, then the environment's names over it.

    ``belongs`` tells whether the file was set up for the database at hand (given what the
    file says); a file that was not is read as no file. The block follows the point: the
    file's when the point is the file's, otherwise the one the point's name gives. No point
    at all: the whole day's numbers.
    """
    saved = _read(home / FILE_NAME) if home is not None else {}
    if saved and belongs is not None and not belongs(saved):
        saved = {}
    path = home / FILE_NAME if home is not None and saved else None
    point = point_env or saved.get("point") or None
    officer = officer_env or saved.get("officer") or None
    database = str(saved["database"]) if saved.get("database") else None
    if point is None:
        return Station(None, officer, WHOLE_DAY, path, database)
    if saved.get("point") and name_key(point) == name_key(str(saved["point"])) and saved.get("block"):
        return Station(point, officer, parse_block(str(saved["block"])), path, database)
    return Station(point, officer, block_of_point(point), path, database)


def save(home: Path, station: Station) -> Path:
    """Write the station file, whole or not at all."""
    from tthc.storage import files

    home.mkdir(parents=True, exist_ok=True)
    path = home / FILE_NAME
    files.write_text(path, json.dumps(station.as_json(), ensure_ascii=False, indent=2) + "\n")
    return path


def _read(path: Path) -> Mapping[str, Any]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TthcError("cannot read this PC's station file {path}: {reason}", path=path, reason=os_reason(exc)) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        data = None
    if not isinstance(data, dict):
        raise TthcError("cannot read this PC's station file {path}: {reason}", path=path, reason=Msg("it is not a JSON object in UTF-8"))
    return data
