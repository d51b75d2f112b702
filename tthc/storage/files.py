"""Writing files people keep: always through a temporary file in the same folder and a
rename, so a crash or a full disk never leaves half a file; files that hold citizens' ID
numbers are created readable by their owner only."""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from tthc.core.errors import TthcError, os_reason


@contextmanager
def replacing(path: Path, *, private: bool = False) -> Iterator[Path]:
    """A temporary path beside ``path``; when the block ends without error it becomes
    ``path`` in one rename. ``private`` makes the file readable by its owner only."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise TthcError("cannot write {path}: {reason}", path=path, reason=os_reason(exc)) from None
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        os.chmod(temp, 0o600 if private else 0o644)
        os.replace(temp, path)  # atomic, and overwrites on Windows too
    except OSError as exc:
        raise TthcError("cannot write {path}: {reason}", path=path, reason=os_reason(exc)) from None
    finally:
        temp.unlink(missing_ok=True)


@contextmanager
def opened(
    path: Path, *, private: bool = False, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[str]]:
    """A text file written whole or not at all."""
    with replacing(path, private=private) as temp, temp.open("w", encoding=encoding, newline=newline) as fh:
        yield fh


def write_text(path: Path, text: str, *, private: bool = False) -> None:
    with opened(path, private=private) as fh:
        fh.write(text)


def save_workbook(book: Any, path: Path, *, private: bool = False) -> None:
    """An openpyxl workbook saved whole or not at all."""
    with replacing(path, private=private) as temp:
        book.save(temp)
