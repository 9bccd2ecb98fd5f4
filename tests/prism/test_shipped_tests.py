"""The tests every generated client ships (tests/ beside the package), run as a user runs
them: pytest in the package's folder, against Prism serving the spec.

Both checked-in styles (generated/ and examples/dify-async/generated/) run against the
`prism_sse` server: the spec with its one-line stream examples framed as real SSE (the
spec's own framing is no SSE any parser can split; see conftest.py). Every test must pass
and every operation must have been called in each mode.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import build_only
from tests.prism.conftest import PrismProcess

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "specs" / "dify-chatflow.json"
# (the client's folder, its config, how many client flavours it has)
CLIENTS = [(ROOT / "generated", None, 2), (ROOT / "examples" / "dify-async" / "generated",
                                           ROOT / "examples" / "dify-async" / "clientgen.yaml", 1)]


def _expected_tests(config: Path | None, flavours: int) -> int:
    """One test per operation and response mode (a stream chosen by a mode field has two), per flavour."""
    api = build_only(SPEC, config_path=config)
    modes = sum(2 if op.stream is not None and op.stream.mode_field else 1
                for r in api.resources for op in r.operations)
    return modes * flavours


def _test_functions(folder: Path) -> int:
    return sum(len(re.findall(r"^(?:async )?def test_", p.read_text(encoding="utf-8"), re.M))
               for p in (folder / "tests").glob("test_*.py"))


@pytest.mark.parametrize("folder, config, flavours", CLIENTS, ids=["generated", "examples-dify-async"])
def test_the_shipped_tests_pass_against_prism(folder: Path, config: Path | None, flavours: int,
                                              prism_sse: PrismProcess) -> None:
    env = {**os.environ, "TEST_API_BASE_URL": prism_sse.url, "PYTHONPATH": str(folder)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "--rootdir",
         str(folder), "tests"],
        cwd=folder, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    expected = _expected_tests(config, flavours)
    assert _test_functions(folder) == expected
    assert re.search(rf"\b{expected} passed\b", result.stdout), result.stdout[-2000:]
