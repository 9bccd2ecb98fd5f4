"""A checked-in example package (examples/<name>/generated/) against a fresh generation:
byte for byte against what git holds (the index), not the working tree."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.test_snapshot import _tree

ROOT = Path(__file__).resolve().parent.parent


def checked_in(prefix: str) -> dict[str, bytes]:
    """The files under `prefix` (e.g. "examples/dify-async/generated/") as git's index has them."""
    try:
        listing = subprocess.run(["git", "ls-files", "-z", prefix], cwd=ROOT, check=True,
                                 capture_output=True).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: cannot read the checked-in example")
    return {
        name.removeprefix(prefix): subprocess.run(["git", "show", f":{name}"], cwd=ROOT, check=True,
                                                  capture_output=True).stdout
        for name in filter(None, listing)
    }


def assert_matches_snapshot(fresh: Path, prefix: str, regenerate: str) -> None:
    """`fresh` (a new generation) is the checked-in tree under `prefix`, file for file."""
    files, committed = _tree(fresh), checked_in(prefix)
    assert sorted(files) == sorted(committed), f"file list differs; run: {regenerate}"
    stale = [name for name in files if files[name] != committed[name]]
    assert not stale, f"stale example files {stale}; run: {regenerate}"
