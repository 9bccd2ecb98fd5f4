"""The generated wire client passes mypy --strict, like generated/ does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.serialisation.conftest import PACKAGE


def test_wire_client_passes_mypy_strict(wire_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", PACKAGE],
        cwd=wire_dir, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
