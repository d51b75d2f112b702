"""Benchmarks that cannot rot: every script in ``benchmarks/`` runs here in a small mode (a few
thousand rows, seconds), so a change that breaks one fails CI. Their full sizes are for people
to run by hand; the figures are not judged here, only that each script runs to its end and
prints its comparison. Marked ``slow``: CI runs them with ``python -m pytest -m slow``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"

#: Each script with the arguments of its small mode and a word its last lines must carry.
SMALL = {
    "bench_clerk.py": (["2000", "3"], "ratio"),
    "bench_due.py": (["2000"], "ratio"),
    "bench_lookup_timing.py": (["--small"], "difference"),
    "bench_import_wait.py": (["20000"], "longest"),
    "bench_reports.py": (["3000", "1", "1"], "ratio"),
    "bench_rollup.py": (["3", "500", "1", "40000"], "ratio"),
    "bench_scale.py": (["2000", "10", "2"], "ratio"),
    "bench_slowloris.py": (["tthc", "--sockets", "50", "--seconds", "3"], "longest kept"),
    "bench_web.py": (["2000", "100", "4"], "ratio"),
    "bench_workload.py": (["2000", "2"], "ratio"),
}


def test_every_benchmark_has_a_small_mode() -> None:
    scripts = sorted(p.name for p in BENCHMARKS.glob("*.py") if not p.name.startswith("_"))
    assert scripts == sorted(SMALL), "give a new benchmark its small mode in SMALL"


def test_every_benchmark_keeps_to_a_home_of_its_own() -> None:
    """Run by hand on a clerk's PC, no benchmark reads that PC's station file or database:
    each starts by giving itself a temporary home (``benchmarks/_sandbox.py``)."""
    for script in sorted(SMALL):
        source = (BENCHMARKS / script).read_text(encoding="utf-8")
        main = source[source.index('if __name__ == "__main__":') :]
        assert "sandbox()" in main.split("main(")[0], f"{script}: call sandbox() before main"


def test_the_sandbox_takes_this_pcs_station_and_database_away(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_sandbox", BENCHMARKS / "_sandbox.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    real = os.environ["TTHC_HOME"]
    monkeypatch.setenv("TTHC_DB", "/somewhere/center.db")
    monkeypatch.setenv("TTHC_POINT", "Điểm 1")
    monkeypatch.setenv("TTHC_HOME", real)  # set back after the test
    module.sandbox()
    assert os.environ["TTHC_HOME"] != real and Path(os.environ["TTHC_HOME"]).is_dir()
    assert "TTHC_DB" not in os.environ and "TTHC_POINT" not in os.environ


@pytest.mark.slow
@pytest.mark.parametrize("script", sorted(SMALL))
def test_benchmark_runs_in_its_small_mode(script: str, tmp_path: Path) -> None:
    args, word = SMALL[script]
    env = {**os.environ, "TTHC_HOME": str(tmp_path / "home"), "HOME": str(tmp_path), "TMPDIR": str(tmp_path)}
    env.pop("TTHC_DB", None)
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert word in done.stdout.lower(), done.stdout[-2000:]
