"""Benchmark: a clerk's commands on a database of 100,000 dossiers, each run as a whole
process beside `sqlite-utils tables` on the same file, alternating, and the median ratio.

    python benchmarks/bench_clerk.py [DOSSIERS] [ROUNDS]
"""

import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path


def build(db: Path, count: int) -> None:
    """``count`` same-day dossiers through the life cycle, loaded in bulk (most resolved)."""
    from tthc.app.context import Context
    from tthc.app.service import init
    from tthc.core import transitions
    from tthc.core.timelimit import parse_limit
    from tthc.storage.details import Details
    from tthc.storage.store import new_dossier_values, round_values

    ctx = Context(db_path=db, actor="bench", now=datetime(2025, 12, 31, 16))
    init(ctx, center=None, prefix=None, lang=None)
    cal = ctx.calendar()
    rng = random.Random(7)
    limit = parse_limit("same-day")
    start = datetime(2025, 1, 2, 7, 30)
    store = ctx.store()
    with store.write(), store.bulk_load(count) as loader:
        for i in range(count):
            received = start + timedelta(minutes=rng.randrange(0, 360 * 24 * 60))
            code = f"TTHC-{received:%y%m%d}-{i:06d}"
            life = transitions.receive(cal, code, limit, received)
            if i % 50:
                life = transitions.apply(
                    cal, life, transitions.Resolve(life.receipt.anchor + timedelta(minutes=30))
                )
            details = Details("1.001193", "Hộ tịch", f"Nguyễn Văn {i}", "direct")
            loader.add(
                i,
                new_dossier_values(code, details, life, "2025-12-31T16:00:00"),
                [round_values(code, r) for r in life.rounds],
            )
            if len(loader.rows) >= 5000:
                loader.flush()
        loader.flush()
    ctx.close()


def timed(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main(count: int = 100_000, rounds: int = 15) -> None:
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "big.db"
    t0 = time.perf_counter()
    build(db, count)
    print(f"built {count:,} dossiers in {time.perf_counter() - t0:.1f} s")
    bindir = Path(sys.executable).parent
    tthc = [str(bindir / "tthc"), "--db", str(db)]
    peer = [str(bindir / "sqlite-utils"), "tables", str(db)]
    env = {**os.environ, "TTHC_NOW": "2025-12-31 16:00", "TTHC_USER": "bench"}
    sample = (
        sqlite3.connect(db).execute(f"SELECT code FROM dossiers LIMIT 1 OFFSET {count // 2}").fetchone()[0]
    )
    commands = {
        "receive": [*tthc, "receive", "ks", "--applicant", "Trần Thị Bình", "--at", "2025-12-31 09:00"],
        "show": [*tthc, "show", sample],
        "list (50 rows)": [*tthc, "list", "--status", "processing", "--limit", "50"],
        "list --search": [*tthc, "list", "--search", "nguyen van 4242"],
    }
    timed(peer, env)
    for cmd in commands.values():
        timed(cmd, env)  # warm the OS cache and the holiday cache
    print(f"{'command':<16}{'tthc median':>12}{'peer median':>13}{'median ratio':>14}")
    for name, cmd in commands.items():
        ours, theirs, ratios = [], [], []
        for _ in range(rounds):
            a = timed(cmd, env)
            b = timed(peer, env)
            ours.append(a)
            theirs.append(b)
            ratios.append(a / b)
        print(
            f"{name:<16}{statistics.median(ours) * 1000:>10.0f}ms{statistics.median(theirs) * 1000:>11.0f}ms"
            f"{statistics.median(ratios):>13.2f}x"
        )
    print("peer: `sqlite-utils tables FILE` on the same file; goal: ratio ≤ 1.0")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from _sandbox import sandbox

    sandbox()  # never this PC's own station file or database
    main(*(int(a) for a in sys.argv[1:3]))
