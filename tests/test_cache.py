"""The cache stays bounded (pruned by last use and total size) and `--no-cache` leaves it alone."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator import cli
from generator.emit import cache
from generator.emit.formatting import format_sources

ROOT = Path(__file__).resolve().parent.parent
DAY = 86_400


def _entry(root: Path, name: str, age_days: float, size: int = 10) -> Path:
    path = root / "black-x" / name[:2] / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    stamp = time.time() - age_days * DAY
    os.utime(path, (stamp, stamp))
    return path


def test_prune_removes_entries_unused_for_too_long_and_keeps_fresh_ones(tmp_path: Path) -> None:
    old = [_entry(tmp_path, f"old{i}", 40 + i) for i in range(3)]
    fresh = [_entry(tmp_path, f"new{i}", i) for i in range(3)]
    assert cache.prune(tmp_path, max_age_days=30, max_bytes=10**9) == 3
    assert not any(p.exists() for p in old)
    assert all(p.exists() for p in fresh)


def test_prune_over_the_size_cap_removes_the_least_recently_used_first(tmp_path: Path) -> None:
    entries = [_entry(tmp_path, f"e{i}", age_days=i, size=100) for i in range(5)]  # e4 is the oldest
    cache.prune(tmp_path, max_age_days=30, max_bytes=250)
    assert [p.exists() for p in entries] == [True, True, False, False, False]


def test_pruning_runs_at_most_once_a_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLIENTGEN_CACHE_MAX_AGE_DAYS", "30")
    first = _entry(tmp_path, "first", 40)
    cache.prune_if_due(tmp_path)
    assert not first.exists()
    second = _entry(tmp_path, "second", 40)
    cache.prune_if_due(tmp_path)  # pruned less than a day ago: left for tomorrow's run
    assert second.exists()


def test_a_cache_hit_marks_its_entry_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CLIENTGEN_NO_CACHE", raising=False)
    sources = {"m.py": "x  =  1\n"}
    format_sources(sources)
    entries = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != ".last-pruned"]
    assert entries
    for path in entries:
        os.utime(path, (time.time() - 40 * DAY,) * 2)
    format_sources(sources)
    assert any(time.time() - p.stat().st_mtime < DAY for p in entries)
    assert cache.prune(tmp_path, max_age_days=30, max_bytes=10**9) < len(entries)


@pytest.mark.parametrize("command", ["generate", "check"])
def test_no_cache_writes_nothing_to_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              command: str) -> None:
    monkeypatch.delenv("CLIENTGEN_NO_CACHE", raising=False)
    spec = ROOT / "specs" / "dify-chatflow.json"
    target = ["--output", str(tmp_path / "out")] if command == "generate" else [str(ROOT / "generated")]
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "off"))
    assert cli.main([command, str(spec), *target, "--no-cache", "-q"]) == 0
    assert not [p for p in (tmp_path / "off").rglob("*") if p.is_file()]
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "on"))
    assert cli.main([command, str(spec), *target, "--force" if command == "generate" else "-q", "-q"]) == 0
    assert [p for p in (tmp_path / "on").rglob("*") if p.is_file()]  # without the flag it does write
