"""The benchmarks' own home: a benchmark run by hand on a clerk's PC must not read that PC's
station file (its point, its officer, its block of numbers) nor its default database. Each
script calls :func:`sandbox` first; every ``tthc`` it starts inherits a temporary
``TTHC_HOME``, removed when the script ends."""

import atexit
import os
import shutil
import tempfile


def sandbox() -> None:
    """This process, and every process it starts, with a temporary home of its own."""
    home = tempfile.mkdtemp(prefix="tthc-bench-home-")
    atexit.register(shutil.rmtree, home, True)
    os.environ["TTHC_HOME"] = home
    for name in ("TTHC_DB", "TTHC_POINT", "TTHC_OFFICER"):
        os.environ.pop(name, None)
