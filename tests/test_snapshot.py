"""The checked-in client is exactly what the generator writes, every time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "specs" / "dify-chatflow.json"
GENERATED = ROOT / "generated"
REGENERATE = "python -m generator generate specs/dify-chatflow.json --output generated"


def _tree(directory: Path) -> dict[str, bytes]:
    return {
        p.relative_to(directory).as_posix(): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and not any(x.endswith(".egg-info") for x in p.parts)
        and p.name != ".clientgen-stamp.json"  # local bookkeeping of `generate`, not part of the package
    }


def _generate(output: Path, hash_seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(SPEC), "--output", str(output)],
        check=True, cwd=ROOT, env=env, capture_output=True,
    )


def _checked_in() -> dict[str, bytes]:
    """`generated/` as git has it (the index: HEAD in a fresh clone), not as the
    working tree has it: the README's set-up regenerates the working tree, and
    the snapshot must catch a commit that forgot to."""
    try:
        listing = subprocess.run(["git", "ls-files", "-z", "generated"], cwd=ROOT, check=True,
                                 capture_output=True).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: cannot read the checked-in snapshot")
    files = {}
    for name in filter(None, listing):
        blob = subprocess.run(["git", "show", f":{name}"], cwd=ROOT, check=True, capture_output=True).stdout
        files[name.removeprefix("generated/")] = blob
    return files


def test_generated_matches_snapshot_byte_for_byte(tmp_path: Path) -> None:
    _generate(tmp_path / "out", "0")
    fresh, committed = _tree(tmp_path / "out"), _checked_in()
    assert sorted(fresh) == sorted(committed), f"file list differs; run: {REGENERATE}"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"stale generated files {stale}; run: {REGENERATE}"


@pytest.mark.parametrize("hash_seeds", [("1", "4242")])
def test_generation_is_deterministic(tmp_path: Path, hash_seeds: tuple[str, str]) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _generate(first, hash_seeds[0])
    _generate(second, hash_seeds[1])
    assert _tree(first) == _tree(second)


def test_check_command_passes_on_snapshot_and_fails_with_diff_when_stale(tmp_path: Path) -> None:
    ok = subprocess.run([sys.executable, "-m", "generator", "check", str(SPEC), str(GENERATED)],
                        cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr

    copy = tmp_path / "copy"
    _generate(copy, "0")
    models = copy / "dify_chatflow" / "models.py"
    models.write_text(models.read_text().replace("class ChatRequest(", "class ChatRequestEdited("))
    (copy / "dify_chatflow" / "leftover.py").write_text("x = 1\n")
    stale = subprocess.run([sys.executable, "-m", "generator", "check", str(SPEC), str(copy)],
                           cwd=ROOT, capture_output=True, text=True)
    assert stale.returncode == 1
    assert "-class ChatRequestEdited(" in stale.stdout and "+class ChatRequest(" in stale.stdout
    assert "a/dify_chatflow/leftover.py" in stale.stdout


def test_generated_package_passes_mypy_strict() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "dify_chatflow", "tests"],
        cwd=GENERATED, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
