"""The `tests` config key on real CLI runs: tests/ is written by default, owned like the
package (regenerated, a hand-written file in it refused), and `tests: false` removes the
tests an earlier run wrote while leaving a user's own files alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "tests" / "styles" / "petstore.yaml"


def _generate(tmp_path: Path, config: str, *extra: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "clientgen.yaml"
    path.write_text(config, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "generator", "generate", str(SPEC), "--config", str(path),
                           "--output", str(tmp_path / "out"), *extra], cwd=ROOT, capture_output=True, text=True)


def test_tests_are_written_by_default_and_removed_by_tests_false(tmp_path: Path) -> None:
    assert _generate(tmp_path, "package_name: petstore\n").returncode == 0
    tests = tmp_path / "out" / "tests"
    names = sorted(p.name for p in tests.iterdir())
    assert "conftest.py" in names and any(n.startswith("test_") for n in names)
    assert "TEST_API_BASE_URL" in (tests / "conftest.py").read_text(encoding="utf-8")
    (tmp_path / "out" / "mine").mkdir()
    (tmp_path / "out" / "mine" / "notes.txt").write_text("keep me\n", encoding="utf-8")

    result = _generate(tmp_path, "package_name: petstore\ntests: false\n")
    assert result.returncode == 0, result.stderr
    assert not tests.exists()
    assert (tmp_path / "out" / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep me\n"


def test_a_hand_written_file_in_tests_is_refused_and_kept_with_tests_false(tmp_path: Path) -> None:
    assert _generate(tmp_path, "package_name: petstore\n").returncode == 0
    mine = tmp_path / "out" / "tests" / "test_mine.py"
    mine.write_text("def test_mine() -> None:\n    pass\n", encoding="utf-8")
    refused = _generate(tmp_path, "package_name: petstore\n")
    assert refused.returncode != 0 and "tests/test_mine.py" in refused.stderr

    kept = _generate(tmp_path, "package_name: petstore\ntests: false\n")
    assert kept.returncode == 0, kept.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "tests").iterdir()) == ["test_mine.py"]


def test_tests_must_be_a_boolean(tmp_path: Path) -> None:
    result = _generate(tmp_path, "tests: yes please\n")
    assert result.returncode == 2
    assert "/tests" in result.stderr and "true or false" in result.stderr


def test_tests_false_keeps_what_a_user_put_in_tests_as_it_was(tmp_path: Path) -> None:
    assert _generate(tmp_path, "package_name: petstore\n").returncode == 0
    tests = tmp_path / "out" / "tests"
    (tests / "__pycache__").mkdir()  # left by running the shipped tests: ours to drop with them
    (tests / "__pycache__" / "conftest.cpython-311.pyc").write_bytes(b"\0")
    (tests / "fixtures").mkdir()
    (tests / "fixtures" / "pet.json").write_text("{}\n", encoding="utf-8")
    (tests / "fixtures" / "empty").mkdir()
    (tests / "pet-link.json").symlink_to("fixtures/pet.json")
    inode = (tests / "fixtures").stat().st_ino
    # A regenerated file a user edited but whose header still says it is ours goes with the rest.
    conftest = tests / "conftest.py"
    conftest.write_text(conftest.read_text(encoding="utf-8") + "# tweak\n", encoding="utf-8")

    result = _generate(tmp_path, "package_name: petstore\ntests: false\n")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tests.iterdir()) == ["fixtures", "pet-link.json"]
    assert (tests / "fixtures").stat().st_ino == inode, "moved across, not copied"
    assert (tests / "fixtures" / "pet.json").read_text(encoding="utf-8") == "{}\n"
    assert (tests / "fixtures" / "empty").is_dir() and not any((tests / "fixtures" / "empty").iterdir())
    assert os.readlink(tests / "pet-link.json") == "fixtures/pet.json"
    assert not any((tmp_path / "out").parent.glob(".out.clientgen-*"))

    again = _generate(tmp_path, "package_name: petstore\n")  # back to tests: true: the user's files refuse it
    assert again.returncode != 0
    assert "tests/fixtures/pet.json" in again.stderr and "tests/pet-link.json" in again.stderr
    assert sorted(p.name for p in tests.iterdir()) == ["fixtures", "pet-link.json"]
