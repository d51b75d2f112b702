"""Benchmark: does the time a look-up takes tell whether a dossier code exists?

A citizen's look-up sends a code and four digits. Wrong digits for a code that exists, and a
code nobody was given, get the same page; this measures whether they also take the same
time. In one process, with a fresh read-only connection per look-up as the server opens one
per request (its empty page cache is what makes a row read show), it times ``Reader.lookup``
alone for codes that exist with wrong digits and for codes of the same shape that do not
exist, interleaved in random order, and prints the median of each and their difference. ``before`` is the look-up as it was (one query that
read a row only when the code existed), kept here to show what was measured.

    python benchmarks/bench_lookup_timing.py [DOSSIERS] [LOOK-UPS]
    python benchmarks/bench_lookup_timing.py --small        # 20,000 dossiers, in seconds
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

from bench_web import PREFIX, database


def before(reader: object, code: str, check: str) -> object:
    """The look-up as it was: the row read only when a dossier had the code."""
    from tthc.app.lookup import _same, _tail

    keys = reader.ctx.store().dossier_keys(code)  # type: ignore[attr-defined]
    phone_ok = _same(_tail(keys.phone if keys else None), check)
    id_ok = _same(_tail(keys.id_number if keys else None), check)
    if keys is None or not (phone_ok | id_ok):
        return None
    return keys


def main(count: int = 1_200_000, lookups: int = 5_000) -> None:
    from tthc.web.views import Reader

    db = database(count)
    rng = random.Random(5)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    top = conn.execute("SELECT max(rowid) FROM dossiers").fetchone()[0]
    with db.open("rb") as whole:  # the file in the OS cache first: timing, not the disk
        while whole.read(1 << 24):
            pass
    # each way its own codes (a code looked up once is in the OS cache the next time), each with
    # four digits that are not its phone's or its ID number's last four
    sample = rng.sample(range(1, top + 1), 2 * lookups)
    ways_trials = []
    for part in (sample[:lookups], sample[lookups:]):
        existing = [
            (code, f"{(int(phone[-4:]) + 1) % 10000:04d}")
            for rowid in part
            for code, phone in conn.execute("SELECT code, phone FROM dossiers WHERE rowid = ?", (rowid,))
        ]
        # the same shape, a day and a number nobody was given: numbers past the busiest day's count
        absent = [(f"{PREFIX}-{c.split('-')[-2]}-{rng.randrange(9000, 10000):04d}", d) for c, d in existing]
        ways_trials.append([("exists", *c) for c in existing] + [("absent", *c) for c in absent])
    conn.close()
    print(f"{count:,} dossiers; {lookups:,} look-ups of each kind, wrong digits, interleaved")
    now = datetime(2026, 1, 5, 9)
    ways = {"before": before, "now": lambda reader, code, check: reader.lookup(code, check)}
    for (name, look), trials in zip(ways.items(), ways_trials, strict=True):
        rng.shuffle(trials)
        took: dict[str, list[float]] = {"exists": [], "absent": []}
        for kind, code, digits in trials:
            with Reader(db, now, "vi") as reader:
                t0 = time.perf_counter_ns()
                found = look(reader, code, digits)
                took[kind].append((time.perf_counter_ns() - t0) / 1e6)
            assert found is None
        m_exists = statistics.median(took["exists"])
        m_absent = statistics.median(took["absent"])
        print(
            f"{name:<7} median: code exists {m_exists:.4f} ms, code absent {m_absent:.4f} ms,"
            f" difference {(m_exists - m_absent) * 1000:+.1f} µs"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from _sandbox import sandbox

    sandbox()  # never this PC's own station file or database
    if "--small" in sys.argv:
        main(20_000, 500)
    else:
        main(*(int(a) for a in sys.argv[1:3]))
