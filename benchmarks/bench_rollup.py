"""Benchmark: a province's roll-up. Two parts, printed side by side:

centers — C real center databases of N dossiers each (one built by the ordinary import, then
          copied with its own name and unit code), each exported with ``tthc export
          --parquet``. ``tthc rollup EXPORTS --year 2025`` as a whole command beside its peer,
          ``tthc summary --year 2025`` run on each database in turn (what a province does
          today). Goal: the roll-up of 150 × 10,000 dossiers under 2 s.
scale   — synthetic exports of R rows in all (generated straight into the export layout by
          DuckDB, 10,000 dossiers a center), ``tthc rollup`` on them: how the cost grows from
          a province (1.5 M) to the country (33 M). Skipped when R is 0.

  python benchmarks/bench_rollup.py [CENTERS] [DOSSIERS] [ROUNDS] [SCALE_ROWS]
  python benchmarks/bench_rollup.py 150 10000 5 33000000     # the figures in docs/scale.md
"""

from __future__ import annotations

import csv
import json
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

PROCS = ["1.001193", "1.000894", "1.000656", "2.000815", "2.000884"]
NOW = "2026-01-31 12:00"


def make_csv(path: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    start = datetime(2025, 1, 2, 7, 30)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "code",
                "procedure",
                "received_at",
                "channel",
                "resolved_at",
                "withdrawn_at",
                "paused_at",
                "resumed_at",
                "officer",
                "applicant",
            ]
        )
        for i in range(n):
            received = start + timedelta(minutes=rng.randrange(0, 360 * 24 * 60))
            fate, resolved, withdrawn, paused, resumed = rng.random(), "", "", "", ""
            if fate < 0.05:
                paused = received + timedelta(hours=rng.randrange(1, 48))
                if rng.random() < 0.5:
                    resumed = paused + timedelta(hours=rng.randrange(2, 96))
                    resolved = resumed + timedelta(hours=rng.randrange(1, 96))
            elif fate < 0.96:
                resolved = received + timedelta(hours=rng.randrange(1, 96))
            elif fate < 0.97:
                withdrawn = received + timedelta(hours=3)
            cells = [resolved, withdrawn, paused, resumed]
            w.writerow(
                [
                    f"B-{i:07d}",
                    PROCS[i % 5],
                    received.strftime("%Y-%m-%d %H:%M"),
                    ("direct", "online", "postal")[i % 3],
                ]
                + [c.strftime("%Y-%m-%d %H:%M") if c else "" for c in cells]
                + [("Lan", "Đức", "Minh", "Hoa")[i % 4], f"Nguyễn Văn {i}"]
            )


def build_center(db: Path, n: int) -> None:
    from tthc.app.context import Context
    from tthc.app.interchange import import_file
    from tthc.app.service import init

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "dossiers.csv"
        make_csv(source, n, seed=1)
        ctx = Context(db_path=db, actor="bench", now=datetime.fromisoformat(NOW), home=Path(tmp) / "home")
        init(ctx, center=None, prefix=None, lang=None)
        import_file(ctx, source)
        ctx.close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def whole(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def centers(work: Path, count: int, n: int, rounds: int, env: dict[str, str]) -> None:
    tthc = [sys.executable, "-m", "tthc"]
    first = work / "center-000.db"
    t0 = time.perf_counter()
    build_center(first, n)
    print(f"one center of {n:,} dossiers imported in {time.perf_counter() - t0:.1f} s")
    dbs = []
    for i in range(count):
        db = work / f"center-{i:03d}.db"
        if i:
            shutil.copyfile(first, db)
        conn = sqlite3.connect(db)
        with conn:
            conn.execute(
                "UPDATE settings SET value = ? WHERE key = 'center_name'", (f"Trung tâm xã {i + 1}",)
            )
            conn.execute(
                "INSERT INTO settings (key, value) VALUES ('code_prefix', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (f"000.{i // 100:02d}.{i % 100:02d}.H56",),
            )
        conn.close()
        dbs.append(db)
    exports = work / "exports"
    t0 = time.perf_counter()
    for db in dbs:
        subprocess.run(
            [*tthc, "--db", str(db), "export", "--parquet", str(exports / db.stem)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    per = (time.perf_counter() - t0) / count
    print(f"{count} centers exported with `tthc export --parquet`: {per:.2f} s a center")
    ours, peer = [], []
    for _ in range(rounds):
        ours.append(whole([*tthc, "rollup", str(exports), "--year", "2025", "--json"], env))
        t0 = time.perf_counter()
        for db in dbs:
            subprocess.run(
                [*tthc, "--db", str(db), "summary", "--year", "2025", "--json"],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        peer.append(time.perf_counter() - t0)
    a, b = statistics.median(ours), statistics.median(peer)
    total = count * n
    print(f"tthc rollup, {count} centers, {total:,} dossiers:         {a:7.3f} s (median of {rounds})")
    print(f"tthc summary on each of the {count} files in turn:  {b:7.3f} s")
    print(
        f"ratio rollup / summaries: {a / b:.2f}x   goal: under 2 s at 150 x 10,000 -> {'met' if a < 2 else 'NOT met'}"
    )


def synthetic(work: Path, rows: int, env: dict[str, str], rounds: int) -> None:
    """Exports of ``rows`` dossiers in all, 10,000 a center, written by DuckDB directly in the
    layout ``tthc export --parquet`` makes (one COPY partitioned by center and year, then
    each center's folder given its identity and pointer)."""
    import duckdb

    per = 10_000
    count = max(1, rows // per)
    root = work / f"synthetic-{rows}"
    raw = root / "raw"
    root.mkdir(parents=True)
    t0 = time.perf_counter()
    conn = duckdb.connect()
    conn.execute(
        f"""
        COPY (
          SELECT 'Trung tâm ' || (i // {per}) AS center, printf('U%05d', i // {per}) AS unit_code,
                 printf('B-%07d', i % {per}) AS code,
                 ['1.001193', '1.000894', '1.000656', '2.000815', '2.000884'][i % 5 + 1] AS procedure_code,
                 ['Hộ tịch', 'Hộ tịch', 'Hộ tịch', 'Chứng thực', 'Chứng thực'][i % 5 + 1] AS field,
                 ['direct', 'online', 'postal'][i % 3 + 1] AS channel,
                 NULL::VARCHAR AS point, NULL::VARCHAR AS officer,
                 CASE WHEN fate < 96 THEN 'resolved' WHEN fate < 97 THEN 'withdrawn' ELSE 'processing' END AS status,
                 received_at,
                 CASE WHEN fate < 96 THEN received_at + to_hours(h % 96) END AS resolved_at,
                 NULL::VARCHAR AS outcome,
                 CASE WHEN fate < 96 THEN ['early', 'on_time', 'late'][h % 3 + 1] END AS timeliness,
                 NULL::TIMESTAMP AS returned_at,
                 CASE WHEN fate = 96 THEN received_at + INTERVAL 3 HOUR END AS withdrawn_at,
                 CAST(received_at AS DATE) + 5 AS due_date,
                 CAST(CAST(received_at AS DATE) + 6 AS TIMESTAMP) AS deadline,
                 false AS has_rounds, year(received_at) AS year, printf('U%05d', i // {per}) AS uc
          FROM (
            SELECT i, (hash(i) % 100)::BIGINT AS fate, (hash(i * 3) % 100000)::BIGINT AS h,
                   TIMESTAMP '2025-01-02 07:30' + to_minutes((hash(i * 7) % (360 * 1440))::BIGINT) AS received_at
            FROM range({count * per}) t(i)
          )
        ) TO '{raw.as_posix()}' (FORMAT parquet, PARTITION_BY (uc, year))
        """
    )
    conn.close()
    for unit_dir in raw.iterdir():
        unit = unit_dir.name.split("=", 1)[1]
        export = root / "exports" / unit
        version = export / "v-synthetic"
        (version / "spans").mkdir(parents=True)
        unit_dir.rename(version / "dossiers")
        (version / "center.json").write_text(
            json.dumps({"center": f"Trung tâm {unit}", "unit_code": unit}), encoding="utf-8"
        )
        (export / "current").write_text("v-synthetic", encoding="utf-8")
    print(
        f"synthetic: {count:,} centers x {per:,} = {count * per:,} dossiers written in {time.perf_counter() - t0:.1f} s"
    )
    runs = [
        whole(
            [sys.executable, "-m", "tthc", "rollup", str(root / "exports"), "--year", "2025", "--json"], env
        )
        for _ in range(rounds)
    ]
    size = sum(p.stat().st_size for p in (root / "exports").rglob("*.parquet"))
    print(
        f"tthc rollup over {count * per:,} dossiers ({size / 1e6:,.0f} MB of Parquet): {statistics.median(runs):.3f} s (median of {rounds})"
    )
    shutil.rmtree(root, ignore_errors=True)


def main(count: int = 150, n: int = 10_000, rounds: int = 5, scale_rows: int = 0) -> None:
    with tempfile.TemporaryDirectory(prefix="tthc-bench-rollup-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "TTHC_NOW": NOW, "TTHC_HOME": str(work / "home")}
        env.pop("TTHC_DB", None)
        centers(work, count, n, rounds, env)
        if scale_rows:
            synthetic(work, scale_rows, env, rounds)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from _sandbox import sandbox

    sandbox()  # never this PC's own station file or database
    main(*(int(a) for a in sys.argv[1:5]))
