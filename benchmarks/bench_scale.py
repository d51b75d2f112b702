"""Benchmark: the clerk's commands at 1 million and at 10 million dossiers, each beside a plain
``SELECT count(*) FROM dossiers`` scan of the same file, all in one run, alternated, medians.

    python benchmarks/bench_scale.py [BASE] [TIMES] [ROUNDS] [DIR]

With ``DIR``, the two files are kept there and, on a later run, measured again without being
built again (a file from before a new migration is brought up to date on its first command).

``BASE`` dossiers of 2025 go in through the bulk load (every rule of the life cycle, the
resolved results mostly returned by December); that file is measured as "small". A copy is
then grown to ``BASE × TIMES`` dossiers by SQL: the returned dossiers copied into earlier
years (new codes, every moment shifted back a whole year), through the same bulk path, the
per-day counts added by the backfill. History grows tenfold; today's work does not, so every
clerk command should answer as fast on both. Measured, whole processes each:

- the one-year ``summary --year 2025 --by field``;
- ``show CODE`` and a bare Python ``sqlite3`` look-up of the same row;
- the morning ``list``, ``list --overdue``, ``list --search`` and ``list --to-notify``;
- and the manager's: the year month by month (``summary --year 2025 --by month``, what the
  dashboard shows) and December's scorecard (``indicators --month 2025-12``).

The goals: ``list`` under 0.2 s on the big file; no command slower on the big file than on
the small by more than 20 %; ``show`` within 3× the bare look-up; the summary at most 0.3×
the scan (whole processes, and the summary's own work beside the scan's in one warm
process). ``count(*)`` as SQLite plans it reads the narrowest index holding every row, not the
table; the summary is also timed beside ``count(*) … NOT INDEXED``, a scan of every row of the
table, which is what "a full scan" cost when these goals were set. Small mode for CI: ``2000 10 2``.
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

NOW = datetime(2025, 12, 31, 16)
FIELDS = ("Hộ tịch", "Chứng thực", "Đất đai", "Tư pháp")
#: Resolved results before this day were collected (returned) on the day they were resolved.
COLLECTED_BEFORE = datetime(2025, 12, 22)


def build(db: Path, count: int) -> None:
    """``count`` dossiers of 2025 through the life cycle, loaded in bulk: one in fifty still
    open (and overdue by New Year's Eve), the rest resolved, collected unless recent."""
    from tthc.app.context import Context
    from tthc.app.service import init
    from tthc.core import transitions
    from tthc.core.timelimit import parse_limit
    from tthc.storage.details import Details
    from tthc.storage.store import new_dossier_values, round_values

    ctx = Context(db_path=db, actor="bench", now=NOW)
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
                done = life.receipt.anchor + timedelta(minutes=30)
                life = transitions.apply(cal, life, transitions.Resolve(done))
                if done < COLLECTED_BEFORE:
                    life = transitions.apply(cal, life, transitions.Return(done + timedelta(minutes=30)))
            details = Details("1.001193", FIELDS[i % len(FIELDS)], f"Nguyễn Văn {i}", "direct")
            loader.add(
                i,
                new_dossier_values(code, details, life, NOW.isoformat()),
                [round_values(code, r) for r in life.rounds],
            )
            if len(loader.rows) >= 5000:
                loader.flush()
        loader.flush()
    ctx.close()


def _shifted(column: str, years: int) -> str:
    """SQL for an ISO moment or day ``years`` whole years earlier (2025 has no 29 February)."""
    return (
        f"CASE WHEN {column} IS NULL THEN NULL"
        f" ELSE printf('%04d', substr({column}, 1, 4) - {years}) || substr({column}, 5) END"
    )


def grow(db: Path, target: int) -> None:
    """Copy the returned dossiers into earlier years until the file holds ``target``."""
    from tthc.app.context import Context

    ctx = Context(db_path=db, actor="bench", now=NOW)
    store = ctx.store()
    conn = store.conn
    have = conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    top = conn.execute("SELECT max(rowid) FROM dossiers").fetchone()[0]
    columns = [r[1] for r in conn.execute("PRAGMA table_info(dossiers)")]
    moments = {"deadline", "effective_receipt"} | {c for c in columns if c.endswith(("_at", "_date"))}
    with store.write(), store.bulk_load(target - have):
        years = 0
        while have < target:
            years += 1
            new_code = (
                f"substr(code, 1, 5) || printf('%02d', substr(code, 6, 2) - {years}) || substr(code, 8)"
            )
            values = [
                new_code
                if c == "code"
                else f"replace(search_text, lower(code), lower({new_code}))"
                if c == "search_text"
                else _shifted(c, years)
                if c in moments
                else "NULL"
                if c == "imported_by"
                else c
                for c in columns
            ]
            done = conn.execute(
                f"INSERT INTO dossiers ({', '.join(columns)}) SELECT {', '.join(values)} FROM dossiers"
                f" WHERE rowid <= {top} AND status = 'returned' LIMIT {target - have}"
            ).rowcount
            have += done
    ctx.close()


def timed(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def sizes(db: Path) -> str:
    """The file's size and what its indexes, its trigram search index and its per-day and
    per-month counts take, from SQLite's own page counts."""
    conn = sqlite3.connect(db)
    try:
        parts = dict(
            conn.execute(
                "SELECT CASE WHEN name LIKE 'dossiers_search%' THEN 'search index' ELSE name END, sum(pgsize)"
                " FROM dbstat WHERE name IN"
                " (SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dossiers')"
                " OR name IN ('daily_counts', 'monthly_counts') OR name LIKE 'dossiers_search%'"
                " GROUP BY 1"
            ).fetchall()
        )
    except sqlite3.OperationalError:  # an SQLite built without dbstat
        parts = {}
    finally:
        conn.close()
    named = ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sorted(parts.items()))
    return f"{db.stat().st_size / 1e6:,.0f} MB ({named})"


#: The peers each command is timed beside: ``count(*)`` as SQLite plans it (it reads the
#: narrowest index that holds every row, not the table) and the scan of every row of the
#: table itself (``NOT INDEXED``), the "full scan" a report without its own counts would need.
PEERS = ("scan count(*)", "scan the table")


def in_process(db: Path, rounds: int) -> tuple[float, float]:
    """Medians, in one warm process, of the one-year summary by field (the service call, no
    start-up) and of the ``count(*)`` scan: what each costs beyond starting Python."""
    from tthc.app.context import Context
    from tthc.app.summary import summarize
    from tthc.core.periods import Period

    ctx = Context(db_path=db, actor="bench", now=NOW)
    store = ctx.store()
    year = Period(datetime(2025, 1, 1).date(), datetime(2025, 12, 31).date())
    work, scan = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        summarize(store, year, "field", NOW)
        work.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        store.conn.execute("SELECT count(*) FROM dossiers").fetchone()
        scan.append(time.perf_counter() - t0)
    ctx.close()
    return statistics.median(work), statistics.median(scan)


def main(base: int = 1_000_000, times: int = 10, rounds: int = 7, keep: str | None = None) -> None:
    tmp = Path(keep) if keep else Path(tempfile.mkdtemp())
    tmp.mkdir(parents=True, exist_ok=True)
    small, big = tmp / "small.db", tmp / "big.db"
    if not (small.exists() and big.exists()):
        t0 = time.perf_counter()
        build(small, base)
        print(f"built {base:,} dossiers in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        shutil.copyfile(small, big)
        grow(big, base * times)
        print(f"grew a copy to {base * times:,} dossiers in {time.perf_counter() - t0:.1f} s")
    bindir = Path(sys.executable).parent
    env = {**os.environ, "TTHC_NOW": NOW.strftime("%Y-%m-%d %H:%M"), "TTHC_USER": "bench"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed tthc has its bytecode: so here
    sample = (
        sqlite3.connect(small).execute(f"SELECT code FROM dossiers LIMIT 1 OFFSET {base // 2}").fetchone()[0]
    )
    word = f"nguyen van {base // 2 + 7}"

    def commands(db: Path) -> dict[str, list[str]]:
        tthc = [str(bindir / "tthc"), "--db", str(db)]
        py = [sys.executable, "-c"]
        return {
            "scan count(*)": [
                *py,
                "import sqlite3,sys; sqlite3.connect(sys.argv[1])"
                ".execute('SELECT count(*) FROM dossiers').fetchone()",
                str(db),
            ],
            "scan the table": [
                *py,
                "import sqlite3,sys; sqlite3.connect(sys.argv[1])"
                ".execute('SELECT count(*) FROM dossiers NOT INDEXED').fetchone()",
                str(db),
            ],
            "summary --year": [*tthc, "summary", "--year", "2025", "--by", "field"],
            "show": [*tthc, "show", sample],
            "bare look-up": [
                *py,
                "import sqlite3,sys; sqlite3.connect(sys.argv[1]).execute("
                "'SELECT * FROM dossiers WHERE code = ?', (sys.argv[2],)).fetchone()",
                str(db),
                sample,
            ],
            "list": [*tthc, "list"],
            "list --overdue": [*tthc, "list", "--overdue"],
            "list --search": [*tthc, "list", "--search", word],
            "list --to-notify": [*tthc, "list", "--to-notify"],
            # the manager's: the year month by month (each month's open dossiers at its end),
            # and the last month's scorecard
            "summary by month": [*tthc, "summary", "--year", "2025", "--by", "month"],
            "indicators": [*tthc, "indicators", "--month", "2025-12"],
        }

    runs = {label: commands(db) for label, db in (("small", small), ("big", big))}
    for cmds in runs.values():
        for cmd in cmds.values():
            timed(cmd, env)  # warm the OS cache and the holiday cache
    for label, db in (("small", small), ("big", big)):
        print(f"{label}: {sizes(db)}")
    took: dict[tuple[str, str], list[float]] = {}
    ratio: dict[tuple[str, str], list[float]] = {}
    for _ in range(rounds):
        for label, cmds in runs.items():
            for name, cmd in cmds.items():
                if name in PEERS:
                    continue
                a = timed(cmd, env)
                b = timed(cmds["scan count(*)"], env)
                if name == "summary --year":  # and beside a scan that reads every row
                    c = timed(cmds["scan the table"], env)
                    took.setdefault((label, "scan the table"), []).append(c)
                    ratio.setdefault((label, "summary / table"), []).append(a / c)
                took.setdefault((label, name), []).append(a)
                took.setdefault((label, "scan count(*)"), []).append(b)
                ratio.setdefault((label, name), []).append(a / b)
    load = os.getloadavg()[0]

    def ms(label: str, name: str) -> float:
        return statistics.median(took[(label, name)]) * 1000

    print(f"load average {load:.2f}; {rounds} rounds; small = {base:,}, big = {base * times:,} dossiers")
    print(f"{'command':<16}{'small':>9}{'/ scan':>8}{'big':>9}{'/ scan':>8}{'big/small ratio':>17}")
    for name in runs["small"]:
        if name == "scan the table":
            continue
        line = f"{name:<16}{ms('small', name):>7.0f}ms"
        line += f"{statistics.median(ratio[('small', name)]):>7.2f}x" if ("small", name) in ratio else " " * 8
        line += f"{ms('big', name):>7.0f}ms"
        line += f"{statistics.median(ratio[('big', name)]):>7.2f}x" if ("big", name) in ratio else " " * 8
        line += f"{ms('big', name) / ms('small', name):>16.2f}x"
        print(line)
    for label, db in (("small", small), ("big", big)):
        work, scan = in_process(db, rounds)
        print(
            f"{label}: in one process, the summary's own work {work * 1000:.1f} ms,"
            f" the count(*) scan {scan * 1000:.1f} ms ({work / scan:.2f}x)"
        )
    for label in ("small", "big"):
        print(
            f"{label}: summary {ms(label, 'summary --year'):.0f} ms beside a scan of every row of the table"
            f" (count(*) NOT INDEXED) {ms(label, 'scan the table'):.0f} ms:"
            f" median ratio {statistics.median(ratio[(label, 'summary / table')]):.2f}x"
        )
    show_ratio = [s / b for s, b in zip(took[("big", "show")], took[("big", "bare look-up")], strict=True)]
    print(f"show / bare look-up on the big file: median ratio {statistics.median(show_ratio):.2f}x")
    print("goals: list < 200 ms on big; big/small ≤ 1.2; show ≤ 3× bare; summary ≤ 0.3× scan")
    if not keep:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from _sandbox import sandbox

    sandbox()  # never this PC's own station file or database
    main(*(int(a) for a in sys.argv[1:4]), *sys.argv[4:5])
