"""Writing files people keep: always through a temporary file in the same folder and a
rename, so a crash or a full disk never leaves half a file; files that hold citizens' ID
numbers are created readable by their owner only."""

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from tthc.core.errors import TthcError, os_reason


@contextmanager
def replacing(path: Path, *, private: bool = False) -> Iterator[Path]:
    """A temporary path beside ``path``; when the block ends without error it becomes
    ``path`` in one rename. ``private`` makes the file readable by its owner only."""
    import tempfile  # here, not at the top: a look-up that writes nothing does not load it

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


#: The lock file of a scratch folder in use (:func:`scratch_folder`).
_IN_USE = "in-use.lock"


@contextmanager
def scratch_folder(parent: Path, prefix: str) -> Iterator[Path]:
    """A new folder in ``parent`` for a long job's scratch files (an import's stage, as big as
    the file it reads), removed when the job ends however it ends — and, when a job was
    killed before it could remove its own (kill -9, a power cut), by the next job of the same
    kind. A job holds a lock on a file of its folder while it runs; a folder whose lock is
    free is left over, one whose lock is held belongs to a job still running, and stays."""
    import shutil
    import tempfile

    for old in parent.glob(f"{prefix}*"):
        _remove_if_left_over(old)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    lock = None
    try:
        if _flock is not None:
            # locked under another name first: the lock file is never seen unlocked
            taking = folder / f"{_IN_USE}.new"
            lock = taking.open("w")
            _flock(lock.fileno(), True)
            taking.rename(folder / _IN_USE)
        yield folder
    finally:
        if lock is not None:
            lock.close()
        shutil.rmtree(folder, ignore_errors=True)


def in_use(folder: Path) -> bool:
    """Whether a running job holds ``folder`` (:func:`scratch_folder`): False for a folder
    gone or left over by a job killed."""
    if not folder.is_dir():
        return False
    if _flock is None:
        return True  # cannot tell there; a left-over folder is removed by the next job anyway
    try:
        fh = (folder / _IN_USE).open("r")
    except OSError:
        return True  # no lock file yet: a job starting
    with fh:
        return not _flock(fh.fileno(), False)


def _remove_if_left_over(folder: Path) -> None:
    import shutil

    if _flock is None:  # a file a running job holds open cannot be removed there (Windows)
        shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        fh = (folder / _IN_USE).open("r")
    except OSError:
        return  # no lock file (yet): not a folder this knows to be left over
    with fh:
        if not _flock(fh.fileno(), False):
            return  # its job is running
        shutil.rmtree(folder, ignore_errors=True)


def _posix_flock() -> Callable[[int, bool], bool] | None:
    try:
        import fcntl
    except ImportError:
        return None

    def flock(fd: int, wait: bool) -> bool:
        """An exclusive lock on ``fd``; without ``wait``, False when another process holds it."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            return False
        return True

    return flock


_flock = _posix_flock()
