"""The suite's own sandbox: no test reads this PC's home, station file or terminal width, not
even after it has undone its own patches half-way."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def test_a_test_that_undoes_its_patches_half_way_keeps_the_temporary_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TTHC_POINT", "Điểm tạm")
    monkeypatch.undo()  # as an import test does before it looks at what is left
    assert os.environ["TTHC_HOME"] == str(tmp_path / "tthc-home")
    assert os.environ["HOME"] == str(tmp_path / "user-home")
    assert "TTHC_POINT" not in os.environ
    assert "COLUMNS" not in os.environ
