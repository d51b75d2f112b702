"""Benchmark: the citizen look-up of ``tthc serve`` beside Datasette's page for one row of the
same table, on a database of 1,000,000 dossiers, while a clerk keeps receiving dossiers.

Each side gets 1,000 requests from 20 concurrent clients (keep-alive connections, in two
alternating rounds of 500 so drift hits both): our look-up is the real form post (a valid
code and the last four digits of its phone, answered with the status page); Datasette's is
``/DB/dossiers/<code>``. Meanwhile a separate process runs ``tthc receive`` in a loop, as a
clerk would. Printed: median and 95th percentile of each, their ratio, and the clerk's
receipts; the script fails if any request or receipt failed. Goal: our look-up no slower
than Datasette's row page.

The database is built by the real import (``import_file``) from a generated CSV, then given
a phone and an ID number per dossier. It is cached in the temp folder and reused.
Datasette is installed with pip into a throwaway venv beside it (not a tthc dependency).

    python benchmarks/bench_web.py [DOSSIERS] [REQUESTS] [CLIENTS]
    python benchmarks/bench_web.py --small     # 5,000 dossiers, 100 requests, no Datasette
"""

from __future__ import annotations

import http.client
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

PREFIX = "000.00.20.H56"
CACHE = Path(tempfile.gettempdir()) / "tthc-bench-web"


def build(db: Path, count: int) -> None:
    """``count`` dossiers through the real import (``import_file``: checked rows, due dates by
    the life cycle), then a phone and an ID number on each, which the import's columns lack
    and the look-up is checked against."""
    import csv

    from tthc.app.context import Context
    from tthc.app.interchange import import_file
    from tthc.app.service import init

    rng = random.Random(7)
    start = datetime(2025, 1, 2, 7, 30)
    received = sorted(start + timedelta(minutes=rng.randrange(0, 360 * 24 * 60)) for _ in range(count))
    source = db.with_suffix(".csv")
    per_day: dict[str, int] = {}
    with source.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(
            [
                "code",
                "procedure",
                "received_at",
                "channel",
                "resolved_at",
                "returned_at",
                "withdrawn_at",
                "applicant",
            ]
        )
        for i, at in enumerate(received):
            day = at.strftime("%y%m%d")
            per_day[day] = per_day.get(day, 0) + 1
            fate = i % 100  # 95 returned, 3 resolved and waiting, 1 withdrawn, 1 still open
            resolved = at + timedelta(hours=2) if fate < 98 else None
            returned = resolved + timedelta(days=1) if resolved and fate < 95 else None
            withdrawn = at + timedelta(hours=1) if fate == 98 else None
            out.writerow(
                [
                    f"{PREFIX}-{day}-{per_day[day]:04d}",
                    "1.001193" if i % 3 else "2.000815",  # two of the starter catalog
                    at.strftime("%Y-%m-%d %H:%M"),
                    "direct",
                    *(m.strftime("%Y-%m-%d %H:%M") if m else "" for m in (resolved, returned, withdrawn)),
                    f"Nguyễn Văn {i}",
                ]
            )
    ctx = Context(db_path=db, actor="bench", now=datetime(2026, 1, 5, 8))
    try:
        init(ctx, center="Trung tâm PVHCC xã Đo Tải", prefix=PREFIX, lang="vi")
        import_file(ctx, source)
    finally:
        ctx.close()
    source.unlink()
    conn = sqlite3.connect(db)
    with conn:  # a setup step of the benchmark only: tthc itself never writes behind its events
        conn.execute(
            "UPDATE dossiers SET phone = printf('09%08d', rowid), id_number = printf('0010850%05d', rowid % 100000)"
        )
    conn.close()


def database(count: int) -> Path:
    db = CACHE / f"dossiers-{count}.db"
    if not db.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        build(db.with_suffix(".building"), count)
        db.with_suffix(".building").rename(db)
        print(f"built {count:,} dossiers in {time.perf_counter() - t0:.0f} s: {db}")
    else:
        print(f"reusing {db}")
    return db


def datasette_bin() -> Path:
    venv = CACHE / "datasette-venv"
    exe = venv / "bin" / "datasette"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "datasette"], check=True)
    return exe


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the server exited"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


Request = tuple[str, str, bytes | None, dict[str, str], bytes]  # method, path, body, headers, must contain


def fire(port: int, requests: list[Request], clients: int) -> tuple[list[float], list[str]]:
    """``requests`` spread over ``clients`` threads, one keep-alive connection each."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    share = [requests[i::clients] for i in range(clients)]

    def client(mine: list[Request]) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for method, path, body, headers, expect in mine:
            t0 = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                content = response.read()
                ok = response.status == 200 and expect in content
                problem = None if ok else f"{response.status} {path}"
            except (OSError, http.client.HTTPException) as exc:
                problem = f"{type(exc).__name__} {path}"
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - t0
            with lock:
                latencies.append(elapsed)
                if problem:
                    failures.append(problem)
        conn.close()

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, share))
    return latencies, failures


def clerk(db: Path, stop: threading.Event, done: list[int], failed: list[str], codes: list[str]) -> None:
    """A clerk receiving dossiers one after the other, each a whole ``tthc receive`` process."""
    home = tempfile.mkdtemp()  # this PC's own station file is not the benchmark's business
    env = {**os.environ, "TTHC_USER": "clerk", "TTHC_NOW": "2026-01-05 09:00", "TTHC_HOME": home}
    tthc = [sys.executable, "-m", "tthc", "--db", str(db)]
    i = 0
    while not stop.is_set():
        i += 1
        args = ["receive", "ks", "--applicant", f"Trần Thị Khách {i}", "--phone", "0900001234", "--json"]
        out = subprocess.run([*tthc, *args], capture_output=True, text=True, env=env)
        if out.returncode == 0:
            done.append(i)
            codes.append(out.stdout.split('"code": "')[1].split('"')[0])
        else:
            failed.append(out.stderr.strip())


def summary(name: str, latencies: list[float]) -> tuple[float, float]:
    ordered = sorted(latencies)
    median = statistics.median(ordered) * 1000
    p95 = ordered[int(0.95 * (len(ordered) - 1))] * 1000
    print(f"{name:<34}{len(ordered):>6}{median:>10.1f} ms{p95:>10.1f} ms")
    return median, p95


def connection_cost(db: Path, code: str, check: str) -> None:
    """What opening the read-only connection per request costs, beside reusing one."""
    from tthc.storage.store import Store
    from tthc.web.views import Reader

    now = datetime(2026, 1, 5, 9)
    for reuse in (False, True):
        reader = Reader(db, now, "vi").__enter__() if reuse else None
        t0 = time.perf_counter()
        for _ in range(300):
            if reader is not None:
                reader.lookup(code, check)
            else:
                with Reader(db, now, "vi") as fresh:
                    fresh.lookup(code, check)
        each = (time.perf_counter() - t0) / 300 * 1000
        print(
            f"  look-up in-process, {'one connection reused' if reuse else 'a connection per request'}: {each:.2f} ms"
        )
        if reader is not None:
            reader.__exit__(None, None, None)
    t0 = time.perf_counter()
    for _ in range(300):
        Store.open_readonly(db).close()
    print(f"  Store.open_readonly + close alone: {(time.perf_counter() - t0) / 300 * 1000:.2f} ms")


def main(count: int = 1_000_000, total: int = 1000, clients: int = 20, *, datasette: bool = True) -> None:
    db = database(count)
    work = Path(tempfile.mkdtemp())
    live = work / "live.db"
    shutil.copy(db, live)  # the clerk writes to a copy; the cached build stays pristine
    rng = random.Random(11)
    read = sqlite3.connect(live)
    sample = [
        (code, phone[-4:])
        for rowid in rng.sample(range(1, count + 1), total)
        for code, phone in read.execute("SELECT code, phone FROM dossiers WHERE rowid = ?", (rowid,))
    ]
    read.close()
    ours: list[Request] = [
        (
            "POST",
            "/tra-cuu",
            urlencode({"ma": code.lower() if i % 2 else code, "so4": check}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
            b'id="status"',
        )
        for i, (code, check) in enumerate(sample)
    ]
    theirs: list[Request] = [
        ("GET", f"/live/dossiers/{quote(tilde(code), safe='~')}", None, {}, code.encode())
        for code, _ in sample
    ]
    print("connection per request or per thread (measured in-process, no HTTP):")
    connection_cost(live, *sample[0])

    port_ours, port_theirs = free_port(), free_port()
    env = {**os.environ, "TTHC_LANG": "en"}
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "tthc", "--db", str(live), "serve", "--port", str(port_ours)],
            env=env,
            stderr=subprocess.DEVNULL,
        )
    ]
    if datasette:
        servers.append(
            subprocess.Popen(
                [str(datasette_bin()), "serve", str(live), "--port", str(port_theirs)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    try:
        wait_for(port_ours, servers[0])
        fire(port_ours, ours[:50], clients)  # warm both: imports, templates, OS cache
        if datasette:
            wait_for(port_theirs, servers[1])
            fire(port_theirs, theirs[:50], clients)
        stop = threading.Event()
        receipts: list[int] = []
        refused: list[str] = []
        new_codes: list[str] = []
        worker = threading.Thread(target=clerk, args=(live, stop, receipts, refused, new_codes))
        worker.start()
        time.sleep(1)  # the clerk is at work before the first measured request
        lat_ours: list[float] = []
        lat_theirs: list[float] = []
        fail: list[str] = []
        half = total // 2
        rounds: list[tuple[int, list[Request], list[float]]] = [
            (port_ours, ours[:half], lat_ours),
            (port_theirs, theirs[:half], lat_theirs),
            (port_ours, ours[half:], lat_ours),
            (port_theirs, theirs[half:], lat_theirs),
        ]
        if not datasette:
            rounds = rounds[::2]
        t0 = time.perf_counter()
        for port, requests, into in rounds:
            latencies, failures = fire(port, requests, clients)
            into.extend(latencies)
            fail.extend(failures)
        elapsed = time.perf_counter() - t0
        stop.set()
        worker.join()
        fresh = check_fresh(port_ours, new_codes)
    finally:
        for proc in servers:
            proc.terminate()
            proc.wait(10)

    print(f"\n{count:,} dossiers; {total:,} requests per side, {clients} concurrent clients, {elapsed:.0f} s")
    print(f"{'':<34}{'n':>6}{'median':>13}{'p95':>13}")
    m_ours, p_ours = summary("tthc serve: look-up (POST /tra-cuu)", lat_ours)
    if datasette:
        m_theirs, p_theirs = summary("Datasette: row page", lat_theirs)
        print(
            f"ratio tthc / Datasette: median {m_ours / m_theirs:.2f}x, p95 {p_ours / p_theirs:.2f}x (goal ≤ 1.0)"
        )
    print(
        f"clerk: {len(receipts)} dossiers received meanwhile, {len(refused)} refused; failed requests: {len(fail)}"
    )
    print(
        f"a dossier the clerk received during the run, looked up afterwards: {'found' if fresh else 'NOT FOUND'}"
    )
    shutil.rmtree(work)
    assert not fail, fail[:5]
    assert receipts and not refused, refused[:3]
    assert fresh


def check_fresh(port: int, codes: list[str]) -> bool:
    """The server reads what the clerk wrote while it was running."""
    if not codes:
        return False
    body = urlencode({"ma": codes[-1], "so4": "1234"}).encode()
    _, failures = fire(
        port,
        [("POST", "/tra-cuu", body, {"Content-Type": "application/x-www-form-urlencoded"}, b'id="status"')],
        1,
    )
    return not failures


def tilde(text: str) -> str:
    """Datasette's tilde-encoding of a primary key in a URL (``.`` → ``~2E``, ``-`` kept)."""
    keep = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
    return "".join(c if c in keep else "".join(f"~{b:02X}" for b in c.encode()) for c in text)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from _sandbox import sandbox

    sandbox()  # never this PC's own station file or database
    if "--small" in sys.argv:  # a check that it runs, in seconds: no Datasette, no figures to quote
        main(5000, 100, 4, datasette=False)
    else:
        main(*(int(a) for a in sys.argv[1:4]))
