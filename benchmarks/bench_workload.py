"""Benchmark: `tthc officers --year 2025` and `tthc late --year 2025` on N dossiers, each run
as a whole process beside `sqlite-utils query FILE "select count(*) from dossiers"`,
alternating, and the median of each.

The dossiers are loaded by the ordinary import (a year of receipts over five officers and
two points, 3% left open, 5% with a supplement round). The audit trail is then filled the
way clerks' commands would have filled it: a receipt and a resolution event per dossier, a
handover for one dossier in ten (from the officer at receipt to the one holding it now),
and one handover in ten of those undone.

    python benchmarks/bench_workload.py [N] [ROUNDS]
"""

from __future__ import annotations

import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

OFFICERS = ("Lan", "Đức", "Minh", "Hoa", "Tuấn")
PROCS = ("1.001193", "1.000894", "1.000656", "2.000815", "2.000884")


def make_csv(path: Path, n: int) -> list[tuple[str, datetime, str, str, bool]]:
    """The file to import; returns (code, received, officer now, officer at receipt, resolved)."""
    rng = random.Random(3)
    start = datetime(2025, 1, 2, 7, 30)
    out = []
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                *("code", "procedure", "limit", "received_at", "channel", "paused_at", "resumed_at"),
                *("resolved_at", "applicant", "officer", "point"),
            ]
        )
        for i in range(n):
            received = start + timedelta(minutes=rng.randrange(0, 362 * 24 * 60))
            at_receipt = OFFICERS[i % 5]
            now_with = OFFICERS[(i + 1) % 5] if i % 10 == 0 else at_receipt
            paused = resumed = ""
            if i % 20 == 1:
                paused = (received + timedelta(hours=rng.randrange(2, 200))).strftime("%Y-%m-%d %H:%M")
                resumed = (received + timedelta(hours=rng.randrange(201, 300))).strftime("%Y-%m-%d %H:%M")
            done = rng.random() < 0.97
            end = received + timedelta(hours=rng.randrange(301, 400) if paused else rng.randrange(1, 200))
            code = f"W-{i:07d}"
            w.writerow(
                [
                    code,
                    PROCS[i % 5],
                    "5wd",
                    received.strftime("%Y-%m-%d %H:%M"),
                    "direct",
                    paused,
                    resumed,
                    end.strftime("%Y-%m-%d %H:%M") if done else "",
                    f"Người {i}",
                    now_with,
                    ("Điểm 1", "Điểm 2")[i % 2],
                ]
            )
            out.append((code, received, now_with, at_receipt, done))
    return out


def build(db: Path, n: int) -> None:
    from tthc.app.context import Context
    from tthc.app.interchange import import_file
    from tthc.app.service import init

    ctx = Context(db_path=db, actor="bench", now=datetime(2026, 1, 31, 12))
    init(ctx, center=None, prefix=None, lang=None)
    data = db.with_suffix(".csv")
    rows = make_csv(data, n)
    import_file(ctx, data)
    store = ctx.store()
    with store.write():
        for i, (code, received, now_with, at_receipt, done) in enumerate(rows):
            store.add_event(
                step="receive",
                dossier_code=code,
                happened_at=received,
                recorded_at=received,
                actor="clerk",
                details={"procedure": PROCS[i % 5]},
            )
            if now_with != at_receipt:
                moment = received + timedelta(minutes=30)
                store.add_event(
                    step="handover",
                    dossier_code=code,
                    happened_at=moment,
                    recorded_at=moment,
                    actor="clerk",
                    details={"from": at_receipt, "to": now_with},
                )
            if i % 100 == 50:  # a handover typed by mistake and undone
                moment = received + timedelta(minutes=40)
                wrong = store.add_event(
                    step="handover",
                    dossier_code=code,
                    happened_at=moment,
                    recorded_at=moment,
                    actor="clerk",
                    details={"from": now_with, "to": "Hoa"},
                )
                store.add_event(
                    step="undo",
                    dossier_code=code,
                    happened_at=moment,
                    recorded_at=moment,
                    actor="clerk",
                    details={"step": "handover", "happened_at": moment.isoformat()},
                    undoes=wrong,
                )
            if done:
                moment = received + timedelta(hours=1)
                store.add_event(
                    step="resolve",
                    dossier_code=code,
                    happened_at=moment,
                    recorded_at=moment,
                    actor="clerk",
                    details={"outcome": "approved"},
                )
    ctx.close()


def whole(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def race(label: str, ours: list[str], peer: list[str], env: dict[str, str], rounds: int) -> None:
    whole(ours, env)
    whole(peer, env)
    a, b = [], []
    for _ in range(rounds):
        a.append(whole(ours, env))
        b.append(whole(peer, env))
    ratio = statistics.median(x / y for x, y in zip(a, b, strict=True))
    print(
        f"{label:<34} {statistics.median(a):6.3f} s   peer {statistics.median(b):6.3f} s   ratio {ratio:.2f}x"
    )


def main(n: int = 100_000, rounds: int = 11) -> None:
    tmp = Path(tempfile.mkdtemp())
    bindir = Path(sys.executable).parent
    demo = tmp / "demo.db"
    env = {**os.environ, "TTHC_NOW": "2025-09-12 16:00"}
    subprocess.run(
        [str(bindir / "tthc"), "demo", "--db", str(demo)], env=env, check=True, stdout=subprocess.DEVNULL
    )
    db = tmp / "big.db"
    t0 = time.perf_counter()
    build(db, n)
    print(f"built {n:,} dossiers in {time.perf_counter() - t0:.1f} s")
    for name, path, now in (("demo", demo, "2025-09-12 16:00"), (f"{n:,}", db, "2026-01-31 12:00")):
        env = {**os.environ, "TTHC_NOW": now}
        peer = [str(bindir / "sqlite-utils"), "query", str(path), "select count(*) from dossiers"]
        for command in (["officers", "--year", "2025"], ["late", "--year", "2025"]):
            ours = [str(bindir / "tthc"), "--db", str(path), *command, "--json"]
            race(f"{name}: {' '.join(command)}", ours, peer, env, rounds)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from _sandbox import sandbox

    sandbox()  # never this PC's own station file or database
    main(*(int(a) for a in sys.argv[1:3]))
