"""The README's set-up commands are what CI runs, and they never install outside a virtualenv."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_setup_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set-up (two commands)", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the set-up section has a ```sh block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def _ci_commands() -> list[str]:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    return [line for line in script.splitlines() if line.strip() and not line.startswith("#")]


def test_ci_runs_the_readme_setup_commands_exactly_and_in_order() -> None:
    readme = _readme_setup_commands()
    assert len(readme) == 2, readme
    ci = _ci_commands()
    positions = [ci.index(command) if command in ci else -1 for command in readme]
    assert -1 not in positions, f"not in .ci/run as written: {[c for c, p in zip(readme, positions) if p < 0]}"
    assert positions == sorted(positions)
    # What else CI runs: strict mode, the cd to the clone's root, and Prism between the two.
    others = [line for line in ci if line not in readme]
    assert others[:2] == ["set -euo pipefail", 'cd "$(dirname "$0")/.."'], others
    assert len(others) == 3 and others[2].startswith("npm ci --prefix tools/prism "), others
    assert positions[0] < ci.index(others[2]) < positions[1]


def test_the_setup_commands_install_only_into_a_venv() -> None:
    first, second = _readme_setup_commands()
    steps = [step.strip() for step in first.split("&&")]
    assert re.fullmatch(r"python3? -m venv \.venv", steps[0]), steps[0]
    # Every later step, and the test command, uses the venv's interpreter, never a bare python/pip.
    for step in (*steps[1:], second):
        assert step.startswith(".venv/bin/python -m "), step
    assert steps[1] == ".venv/bin/python -m pip install -e '.[dev]'"
