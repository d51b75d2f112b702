"""Benchmark: how long a clerk's receipt waits while a large import runs beside it.

A CSV of N dossiers (the generator of ``bench_reports``) is imported by ``tthc import`` in
its own process; meanwhile a clerk receives dossiers one after another, each as the CLI does
it (a new context, one write transaction). Prints the import's time, how many receipts were
made during it, and the clerk's waits: median and longest (the goal: at most 5 s).

    python benchmarks/bench_import_wait.py [N]      # N = 1000000 by default; 20000 runs in seconds
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_reports import make_csv

NOW = "2026-01-30 16:00"


def main(n: int = 1_000_000) -> None:
    from tthc.app import dossiers
    from tthc.app.context import Context
    from tthc.app.service import init
    from tthc.core.errors import TthcError

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db, data = folder / "center.db", folder / "import.csv"
        t0 = time.perf_counter()
        make_csv(data, n)
        print(f"csv of {n:,} rows written in {time.perf_counter() - t0:.1f} s")
        now = datetime.fromisoformat(NOW)
        ctx = Context(db_path=db, actor="bench", now=now)
        init(ctx, center=None, prefix=None, lang=None)
        ctx.close()
        env = {**os.environ, "TTHC_DB": str(db), "TTHC_NOW": NOW, "TTHC_USER": "bench", "TTHC_HOME": tmp}
        started = time.perf_counter()
        importer = subprocess.Popen(
            [sys.executable, "-m", "tthc", "import", str(data)], env=env, stdout=subprocess.DEVNULL
        )
        waits: list[float] = []
        failed = 0
        while importer.poll() is None:
            clerk = Context(db_path=db, actor="clerk", now=now)
            t = time.perf_counter()
            try:
                dossiers.receive(clerk, "1.001193", applicant=f"Công dân {len(waits)}", at="2026-01-30 09:00")
            except TthcError:
                failed += 1  # waited past the busy limit
            waits.append(time.perf_counter() - t)
            clerk.close()
            time.sleep(0.05)
        took = time.perf_counter() - started
        assert importer.returncode == 0, importer.returncode
        print(
            f"import of {n:,} rows: {took:.1f} s; {len(waits) - failed} receipts made meanwhile, {failed} failed"
        )
        print(
            f"clerk's receipt during the import: median {statistics.median(waits) * 1000:.0f} ms,"
            f" longest {max(waits):.2f} s (goal: at most 5 s)"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from _sandbox import sandbox

    sandbox()  # never this PC's own station file or database
    main(*(int(a) for a in sys.argv[1:2]))
