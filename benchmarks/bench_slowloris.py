"""Benchmark: a slowloris attack on the web side, and the candidate servers side by side.

An attacker opens ``SOCKETS`` connections to the server and sends each an unfinished request
(headers that never end), re-opening any the server drops, for ``SECONDS``. The server runs
as its own process with a file-handle limit of 1,024 (``RLIMIT_NOFILE``, a common default),
so the attack holds more connections than it may have files. Measured per server:

- how long the server keeps a half-open connection before it drops it;
- whether the waiting-room board (``GET /bang``) answers meanwhile, and how fast;
- how much the server writes to its log (running out of file handles must not flood it).

    python benchmarks/bench_slowloris.py [tthc|uvicorn|hypercorn|granian …] [--sockets N] [--seconds S]

``tthc`` is ``tthc serve`` as shipped; the others run the same app on that server with its
own options (hypercorn and granian are not tthc dependencies: ``pip install`` them to compare).
Everything stays on 127.0.0.1; every loop is bounded.
"""

from __future__ import annotations

import argparse
import os
import resource
import select
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

FILE_LIMIT = 1024
PARTIAL = b"GET /bang HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def limit_files() -> None:
    """Run in the server's process before it starts: 1,024 file handles at most."""
    resource.setrlimit(resource.RLIMIT_NOFILE, (FILE_LIMIT, FILE_LIMIT))


LAUNCH = {
    "uvicorn": (
        "import sys, uvicorn; from pathlib import Path; from tthc.web.app import create_app\n"
        "uvicorn.run(create_app(Path(sys.argv[1])), host='127.0.0.1', port=int(sys.argv[2]),"
        " log_level='warning', access_log=False)"
    ),
    "hypercorn": (
        "import sys, asyncio; from pathlib import Path; from hypercorn.config import Config\n"
        "from hypercorn.asyncio import serve; from tthc.web.app import create_app\n"
        "c = Config(); c.bind = [f'127.0.0.1:{sys.argv[2]}']; c.keep_alive_timeout = 5; c.read_timeout = 10\n"
        "c.loglevel = 'WARNING'\n"
        "asyncio.run(serve(create_app(Path(sys.argv[1])), c))"
    ),
}


def start(server: str, db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TTHC_NOW": "2025-09-10 16:00", "TTHC_LANG": "en"}
    if server == "tthc":
        cmd = [sys.executable, "-m", "tthc", "--db", str(db), "serve", "--port", str(port)]
    elif server == "granian":
        folder = log.parent
        (folder / "bench_app.py").write_text(
            "import os\nfrom pathlib import Path\nfrom tthc.web.app import create_app\n"
            "app = create_app(Path(os.environ['BENCH_DB']))\n"
        )
        env = {**env, "BENCH_DB": str(db), "PYTHONPATH": str(folder)}
        cmd = [
            str(Path(sys.executable).with_name("granian")),
            "--interface", "asgi", "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
            "--http1-header-read-timeout", "10000", "--log-level", "warning", "bench_app:app",
        ]  # fmt: skip
    else:
        cmd = [sys.executable, "-c", LAUNCH[server], str(db), str(port)]
    with log.open("wb") as out:
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, preexec_fn=limit_files)


def wait_for(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the server exited"
        try:
            get_board(port, 2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answers on {port}")


def get_board(port: int, timeout: float) -> float:
    """Seconds ``GET /bang`` took, answered 200; OSError if not answered within ``timeout``."""
    t0 = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(b"GET /bang HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
            if time.monotonic() - t0 > timeout:
                raise TimeoutError("board too slow")
    if not data.startswith(b"HTTP/1.1 200"):
        raise ConnectionError(data[:40].decode("latin-1"))
    return time.monotonic() - t0


@dataclass
class Attack:
    held_most: int  # the most half-open connections held at one moment
    opened: int  # connections opened in all (re-opened after being dropped)
    kept_longest: float  # the longest the server kept one half-open connection, in seconds
    dropped: int
    board: list[float | None]  # each board request's seconds, None when it failed
    log_bytes: int


def attack(port: int, sockets: int, seconds: float, log: Path, *, max_opened: int = 50_000) -> Attack:
    """Hold ``sockets`` half-open connections for ``seconds``; ask for the board every second."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < sockets + 64:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, sockets + 256), hard))
    opened_at: dict[socket.socket, float] = {}
    sent: set[socket.socket] = set()
    opened = dropped = 0
    kept = 0.0
    held_most = 0
    board: list[float | None] = []
    end = time.monotonic() + seconds
    next_board = time.monotonic() + 1
    try:
        while time.monotonic() < end:
            while len(opened_at) < sockets and opened < max_opened:
                s = socket.socket()
                s.setblocking(False)
                opened += 1
                if s.connect_ex(("127.0.0.1", port)) not in (0, 115):  # EINPROGRESS
                    s.close()
                    break
                opened_at[s] = time.monotonic()
                if len(opened_at) % 200 == 0:
                    break  # let the board and the drops be seen while the attack builds up
            for s in [s for s in opened_at if s not in sent]:  # send the unfinished request once
                try:
                    s.send(PARTIAL)
                    sent.add(s)
                except OSError:
                    pass
            held_most = max(held_most, len(opened_at))
            poll = select.poll()
            by_fd = {s.fileno(): s for s in sent}
            for fd in by_fd:
                poll.register(fd, select.POLLIN)
            for fd, _ in poll.poll(50):
                s = by_fd[fd]
                try:
                    gone = s.recv(4096) == b""
                except OSError:
                    gone = True
                del gone  # anything back (a 408, a close): the server let it go
                kept = max(kept, time.monotonic() - opened_at.pop(s))
                sent.discard(s)
                dropped += 1
                s.close()
            if time.monotonic() >= next_board:
                next_board = time.monotonic() + 1
                try:
                    board.append(get_board(port, 5))
                except OSError:
                    board.append(None)
        now = time.monotonic()
        still = [now - t for s, t in opened_at.items() if s in sent]
        kept = max([kept, *still])
    finally:
        for s in opened_at:
            s.close()
    return Attack(held_most, opened, kept, dropped, board, log.stat().st_size)


def center(folder: Path) -> Path:
    db = folder / "center.db"
    env = {**os.environ, "TTHC_NOW": "2025-09-10 16:00"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "tthc",
            "--db",
            str(db),
            "init",
            "--center",
            "Thử",
            "--prefix",
            "000.00.20.H56",
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    return db


def run(server: str, sockets: int, seconds: float) -> Attack:
    folder = Path(tempfile.mkdtemp(prefix=f"slowloris-{server}-"))
    db = center(folder)
    port = free_port()
    log = folder / "server.log"
    proc = start(server, db, port, log)
    try:
        wait_for(port, proc)
        result = attack(port, sockets, seconds, log)
        calm = get_board(port, 30)  # the attack over: answered at once again
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    answered = [b for b in result.board if b is not None]
    print(
        f"{server:<10} held {result.held_most:>5}  opened {result.opened:>6}  dropped {result.dropped:>6}"
        f"  longest kept {result.kept_longest:>6.1f} s  board {len(answered)}/{len(result.board)} answered"
        f" (median {statistics.median(answered) * 1000 if answered else float('nan'):.0f} ms,"
        f" worst {max(answered, default=float('nan')) * 1000:.0f} ms)"
        f"  log {result.log_bytes:,} B  after: {calm * 1000:.0f} ms"
    )
    if result.log_bytes:
        print("   log starts:", log.read_text(errors="replace")[:300].replace("\n", " | "))
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("servers", nargs="*", default=["tthc"])
    parser.add_argument("--sockets", type=int, default=1100)
    parser.add_argument("--seconds", type=float, default=40)
    args = parser.parse_args()
    print(
        f"{args.sockets} half-open connections for {args.seconds:.0f} s; server limited to {FILE_LIMIT} files"
    )
    for server in args.servers:
        run(server, args.sockets, args.seconds)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from _sandbox import sandbox

    sandbox()  # never this PC's own station file or database
    main()
