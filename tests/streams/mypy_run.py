"""One `mypy --strict` run over generated packages and code that calls them; the types
its `reveal_type(...)  # reveal TAG` lines show, by tag."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, List


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
