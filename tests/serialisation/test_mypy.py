"""The generated wire client passes mypy --strict, like generated/ does."""

from __future__ import annotations

import subprocess
import sys
from types import ModuleType

from tests.importing import folder_of
from tests.serialisation.conftest import PACKAGE


def test_wire_client_passes_mypy_strict(wire: ModuleType) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", PACKAGE],
        cwd=folder_of(wire), capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
