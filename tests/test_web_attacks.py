"""The web side under attack: half-open connections against a real ``tthc serve`` with 1,024
file handles, guesses sent in parallel, and the time a look-up takes telling whether a code
exists. Everything talks to 127.0.0.1 only; every loop stops by itself."""

from __future__ import annotations

import base64
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests import web_center
from tests.conftest import Cli
from tthc.web.app import create_app
from tthc.web.connections import FileShortage, connection_cap
from tthc.web.guard import Attempt, Throttle
from tthc.web.views import Reader

FILE_LIMIT = 1024
#: A process's file-handle limit (``RLIMIT_NOFILE``) is a Unix thing; so is this attack's setting.
UNIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="no RLIMIT_NOFILE on Windows")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    db = tmp_path_factory.mktemp("attacks") / "center.db"
    return db, web_center.build(db)


# -- slowloris -----------------------------------------------------------------------------------
def _limit_files() -> None:
    import resource  # Unix only, like the file-handle limit it sets

    resource.setrlimit(resource.RLIMIT_NOFILE, (FILE_LIMIT, FILE_LIMIT))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _board(port: int, timeout: float) -> float:
    """Seconds ``GET /bang`` took to be answered 200 (OSError past ``timeout``)."""
    t0 = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(b"GET /bang HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while (chunk := s.recv(65536)) and time.monotonic() - t0 < timeout:
            data += chunk
    assert data.startswith(b"HTTP/1.1 200"), data[:60]
    return time.monotonic() - t0


@pytest.fixture()
def served_with_1024_files(built: tuple[Path, dict[str, str]], tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """``tthc serve`` as its own process whose file-handle limit is 1,024, a common default."""
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "TTHC_NOW": web_center.NOW, "TTHC_LANG": "en"}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tthc", "--db", str(built[0]), "serve", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            preexec_fn=_limit_files,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _board(port, 2)
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        yield port, log
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def _half_open(port: int) -> socket.socket:
    """A connection that starts a request and never finishes its headers."""
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(b"GET /bang HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    s.setblocking(False)
    return s


def _closed_by_server(s: socket.socket) -> bool:
    """Whether the server has let go of this non-blocking socket (closed it, or answered)."""
    try:
        s.recv(1024)
    except BlockingIOError:
        return False
    except OSError:
        pass
    return True


@pytest.mark.slow
@UNIX_ONLY
def test_1100_half_open_connections_leave_the_board_answering(
    served_with_1024_files: tuple[int, Path],
) -> None:
    """A slowloris on a Friday evening: 1,100 connections that never finish their headers,
    held (re-opened as the server drops them) against a server allowed 1,024 files."""
    import resource

    port, log = served_with_1024_files
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 1500:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
    first = _half_open(port)
    opened_first = time.monotonic()
    held: list[socket.socket] = []
    board: list[float] = []
    first_closed_after: float | None = None
    try:
        end = time.monotonic() + 15
        reopened = 0
        while time.monotonic() < end:
            dropped = [s for s in held if _closed_by_server(s)]
            for s in dropped:
                s.close()
            held = [s for s in held if s.fileno() != -1]
            while len(held) < 1100 and reopened < 20_000:
                try:
                    held.append(_half_open(port))
                except OSError:
                    break  # the listening queue is full for a moment
                reopened += 1
            if first_closed_after is None and _closed_by_server(first):
                first_closed_after = time.monotonic() - opened_first
            board.append(_board(port, 10))
            time.sleep(0.5)
        assert reopened >= 1100
    finally:
        first.close()
        for s in held:
            s.close()
    assert first_closed_after is not None and first_closed_after <= 10, first_closed_after
    assert len(board) >= 5 and max(board) < 10, board
    text = log.read_text()
    assert "Traceback" not in text, text[:2000]
    assert len(text.encode()) < 2000, text[:2000]


@pytest.mark.slow
@UNIX_ONLY
def test_a_lone_half_open_connection_is_dropped_within_ten_seconds(
    served_with_1024_files: tuple[int, Path],
) -> None:
    port, _ = served_with_1024_files
    s = _half_open(port)
    t0 = time.monotonic()
    try:
        while not _closed_by_server(s) and time.monotonic() - t0 < 15:
            time.sleep(0.1)
        kept = time.monotonic() - t0
    finally:
        s.close()
    assert 5 <= kept <= 10, kept  # not dropped before a slow phone could finish, not kept past 10 s


def test_the_connection_cap_leaves_room_in_the_file_limit() -> None:
    assert connection_cap(1024) == 824  # 200 handles spare for the database and the threads
    assert connection_cap(65536) == 1000
    assert connection_cap(100) == 16


def test_running_out_of_file_handles_is_said_once_a_minute() -> None:
    import asyncio
    import errno

    now = [0.0]
    lines: list[str] = []
    shortage = FileShortage(lambda n: f"out of files: {n}", clock=lambda: now[0], write=lines.append)
    loop = asyncio.new_event_loop()
    try:
        for _ in range(5000):  # asyncio's accept loop reports each refused accept
            now[0] += 0.01
            shortage(loop, {"message": "accept", "exception": OSError(errno.EMFILE, "Too many open files")})
    finally:
        loop.close()
    assert lines == ["out of files: 1"]  # 5,000 reports in 50 s: one line
    now[0] += 60
    shortage(loop, {"message": "accept", "exception": OSError(errno.EMFILE, "Too many open files")})
    assert lines[-1] == "out of files: 5000"


# -- guesses sent in parallel ----------------------------------------------------------------------
REMOTE = "203.0.113.7"
PASSWORD = "đúng-mật-khẩu-2025"


class HeldThrottle(Throttle):
    """The real throttle, whose answers are held until ``expected`` attempts have arrived: so
    all of them are in flight at once, as twenty connections opened together would be."""

    def __init__(self, expected: int, **kw: Any) -> None:
        super().__init__(**kw)
        self.expected = expected
        self.waits: list[float | None] = []  # per attempt: its wait, None when refused
        self.all_in = threading.Event()
        self._count = threading.Lock()

    def admit(self, address: str) -> Attempt | None:
        attempt = super().admit(address)
        with self._count:
            self.waits.append(None if attempt is None else attempt.wait)
            if len(self.waits) >= self.expected:
                self.all_in.set()
        return attempt

    def settle(self, address: str, *, failed: bool) -> None:
        self.all_in.wait(20)
        super().settle(address, failed=failed)


async def _no_sleep(seconds: float) -> None:
    """The wait is what the throttle decided; the test need not sit through it."""


def _at_once(send: Callable[[TestClient], int], app: Any, n: int = 20) -> list[int]:
    """``n`` requests from one address, each on its own thread and connection, all at once."""
    start = threading.Barrier(n)

    def one(_: int) -> int:
        c = TestClient(app, client=(REMOTE, 50000))
        start.wait(20)
        return send(c)

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(one, range(n)))


def test_twenty_wrong_look_ups_at_once_get_five_answers_without_waiting(
    built: tuple[Path, dict[str, str]],
) -> None:
    db, codes = built
    throttle = HeldThrottle(20)
    app = create_app(db, clock=lambda: datetime(2025, 9, 10, 16, 0), lookups=throttle, sleep=_no_sleep)
    statuses = _at_once(
        lambda c: c.post("/tra-cuu", data={"ma": codes["processing"], "so4": "0000"}).status_code, app
    )
    assert sorted(set(statuses)) == [404, 429]
    assert throttle.waits.count(0.0) == 5, throttle.waits
    waited = sorted(round(w) for w in throttle.waits if w)
    assert waited == [1, 3, 7, 15, 31]  # each behind the one before, the delay doubling
    assert throttle.waits.count(None) == 10 == statuses.count(429)  # past a minute's queue: refused


def test_twenty_wrong_passwords_at_once_get_five_answers_without_waiting(
    built: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    own = tmp_path / "center.db"
    shutil.copy(built[0], own)
    Cli(own, now=web_center.NOW).ok("config", "set", "manager_password", PASSWORD)
    throttle = HeldThrottle(20)
    app = create_app(own, clock=lambda: datetime(2025, 9, 10, 16, 0), logins=throttle, sleep=_no_sleep)
    wrong = {"Authorization": "Basic " + base64.b64encode("quanly:sai-mật-khẩu".encode()).decode()}
    statuses = _at_once(lambda c: c.get("/quan-ly", headers=wrong).status_code, app)
    assert sorted(set(statuses)) == [401, 429]
    assert throttle.waits.count(0.0) == 5, throttle.waits
    assert statuses.count(401) == 10


def test_a_right_answer_in_flight_leaves_without_counting_as_a_failure() -> None:
    throttle = Throttle(free=1)
    first = throttle.admit("a")
    assert first is not None and first.wait == 0
    second = throttle.admit("a")  # the first still being answered: it counts for now
    assert second is not None and second.wait == 1
    first.done()
    second.done()
    third = throttle.admit("a")
    assert third is not None and third.wait == 0


# -- the time a look-up takes --------------------------------------------------------------------
class _Recording:
    """The store's connection, noting each statement (values blanked) and whether a row came back."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.seen: list[tuple[str, bool]] = []

    def execute(self, sql: str, params: Any = ()) -> _Recording:
        self._cursor = self.conn.execute(sql, params)
        self._sql = re.sub(r"\s+", " ", sql)
        return self

    def fetchone(self) -> Any:
        row = self._cursor.fetchone()
        self.seen.append((self._sql, row is not None))
        return row

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)


def _work(
    reader: Reader, code: str, digits: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[tuple[str, bool]], int]:
    """The statements a look-up ran, each with whether it read a row, and the constant-time
    comparisons it made; the look-up must have failed."""
    import hmac

    compared = [0]
    real_compare = hmac.compare_digest

    def compare(a: bytes, b: bytes) -> bool:
        compared[0] += 1
        return real_compare(a, b)

    recording = _Recording(reader.ctx.store().conn)
    monkeypatch.setattr(hmac, "compare_digest", compare)
    monkeypatch.setattr(reader.ctx.store(), "conn", recording)
    try:
        assert reader.lookup(code, digits) is None
    finally:
        monkeypatch.undo()
    return recording.seen, compared[0]


def test_a_code_that_exists_and_one_that_does_not_take_the_same_work(
    built: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wrong digits for a real code, and a code nobody was given: the same statements, each
    reading a row (a dossier picked at random stands in for the missing one), and the same
    two comparisons of four digits."""
    db, codes = built
    with Reader(db, datetime(2025, 9, 10, 16, 0), "vi") as reader:
        existing = _work(reader, codes["processing"], "0000", monkeypatch)
        absent = _work(reader, "000.00.20.H56-250910-0099", "0000", monkeypatch)
        lower = _work(reader, codes["returned"].lower(), "9999", monkeypatch)
        anonymous = _work(reader, codes["anonymous"], "0000", monkeypatch)
    statements, compared = existing
    assert compared == 2 and statements[-1][1], existing  # the last statement read a dossier's row
    assert existing == absent == lower == anonymous
