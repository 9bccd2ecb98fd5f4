"""One `mypy --strict` run over generated packages and code that calls them; the types
its `reveal_type(...)  # reveal TAG` lines show, by tag."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Dict, List, Sequence, Tuple

if TYPE_CHECKING:
    from tests.streams.conftest import Packages

# (case, call, what mypy must reveal): `C` in the call is the case's sync client, `A` its
# async one; `{pkg}` in the expectation is the case's package name.
Reveal = Tuple[str, str, str]


def revealed_types(root: Path, names: List[str], user_code: str) -> Dict[str, str]:
    """Type-checks the packages `names` under `root` and `user_code` (written to
    root/user_code.py); fails the test on any error."""
    (root / "user_code.py").write_text(user_code, encoding="utf-8")
    paths = [str(root / name) for name in names]
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--show-error-codes",
         "--cache-dir", str(root / ".mypy_cache"), *[arg for name in names for arg in ("-p", name)],
         "-m", "user_code"],
        cwd=root, capture_output=True, text=True, timeout=600,
        env={**os.environ, "MYPYPATH": os.pathsep.join([str(root), *paths])},
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    revealed: Dict[str, str] = {}
    source = user_code.splitlines()
    for line in done.stdout.splitlines():
        found = re.match(r".*user_code\.py:(\d+): note: Revealed type is \"(.*)\"$", line)
        if found:
            tag = source[int(found.group(1)) - 1].rsplit("# reveal ", 1)[1]
            revealed[tag] = found.group(2)
    return revealed


def reveal_lines(packages: Packages, reveals: Sequence[Reveal]) -> List[str]:
    """Lines of an `async def` body: each call on a fresh client of its case, revealed
    under its index as tag."""
    lines = []
    for index, (case, call, _) in enumerate(reveals):
        package = packages[case]
        lines.append(f"    C{index} = {package.name}.{package.client_class}()")
        lines.append(f"    A{index} = {package.name}.Async{package.client_class}()")
        call = call.replace("C.", f"C{index}.").replace("A.", f"A{index}.")
        lines.append(f"    reveal_type({call})  # reveal {index}")
    return lines


def unexpected_reveals(packages: Packages, reveals: Sequence[Reveal], revealed: Dict[str, str]) -> List[str]:
    """One line for each call whose revealed type lacks what `reveals` expects."""
    problems = []
    for index, (case, call, expected) in enumerate(reveals):
        wanted = expected.format(pkg=packages[case].name)
        if wanted not in revealed.get(str(index), ""):
            problems.append(f"{case}: {call} -> {revealed.get(str(index))!r}, expected {wanted!r}")
    return problems
