"""Benchmark: 100,000 "N working days after D" with tthc's index vs the holidays package's own
``get_nth_working_day`` on the same inputs, in the same process. Prints the ratio.

    python benchmarks/bench_due.py [COUNT]
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path


def main(count: int = 100_000) -> None:
    import holidays

    from tthc.core.workcalendar import WorkCalendar

    rng = random.Random(2025)
    inputs = [(date(2025, 1, 1) + timedelta(rng.randrange(730)), rng.randrange(1, 31)) for _ in range(count)]
    years = range(2024, 2029)
    vn = holidays.country_holidays("VN", years=years)
    cal = WorkCalendar()
    cal.nth_working_day_after(date(2025, 1, 1), 1)  # build the index once, as a command would

    t0 = time.perf_counter()
    ours = [cal.nth_working_day_after(d, n) for d, n in inputs]
    t1 = time.perf_counter()
    theirs = [vn.get_nth_working_day(d, n) for d, n in inputs]
    t2 = time.perf_counter()

    from datetime import datetime
    from datetime import time as clock

    from tthc.core.deadlines import compute_due
    from tthc.core.timelimit import TimeLimit

    moments = [(datetime.combine(d, clock(9, 0)), TimeLimit("wd", n)) for d, n in inputs]
    t3 = time.perf_counter()
    for received, limit in moments:
        compute_due(cal, limit, received)
    t4 = time.perf_counter()

    disagree = sum(a != b for a, b in zip(ours, theirs, strict=True))
    print(f"{count:,} due dates")
    print(f"tthc index:                  {t1 - t0:8.3f} s")
    print(f"holidays.get_nth_working_day: {t2 - t1:8.3f} s")
    print(f"ratio (holidays / tthc):     {(t2 - t1) / (t1 - t0):8.1f}x   (goal ≥ 30x)")
    print(
        f"tthc compute_due (whole rule: effective receipt, N-th day, due_at): {t4 - t3:.3f} s"
        f" — {(t2 - t1) / (t4 - t3):.1f}x"
    )
    print(f"answers that differ:         {disagree:,}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from _sandbox import sandbox

    sandbox()  # never this PC's own station file or database
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
