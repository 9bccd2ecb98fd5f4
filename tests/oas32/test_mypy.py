"""User code calling the 3.2 methods type-checks under mypy --strict (and a wrong
argument does not)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

USER_CODE = '''
from oas32_methods import Methods
from oas32_methods.models import Document, Hits
from oas32_querystring import AsyncQuerystring
from oas32_querystring.models import Filter
from oas32_tags import Tags
from oas32_tags.models import Message


def sync_calls() -> None:
    with Methods() as client:
        hits: Hits = client.documents.search.query(text="a", limit=1)
        copied: Document = client.documents.copy_("d1", destination="/d2")
        client.documents.purge("d1")
    with Tags() as tags:
        message: Message = tags.chat.messages.create(text="hi")
        raw_message: Message = tags.chat.messages.with_raw_response.create(text="hi").parse()


async def async_calls() -> None:
    async with AsyncQuerystring() as client:
        await client.flights.list(selector={"numbers": [1, 2]})
        await client.search.retrieve(filter=Filter(term="x"))
'''


def run_mypy(tmp_path: Path, roots: list[Path], code: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "user.py").write_text(code)
    env = {**os.environ, "MYPYPATH": os.pathsep.join(map(str, roots))}
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "user.py"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, check=False)


def test_user_code_passes_mypy_strict(oas32_package: Any, tmp_path: Path) -> None:
    roots = [Path(oas32_package(stem).__file__).parent.parent for stem in ("methods", "querystring", "tags")]
    result = run_mypy(tmp_path, roots, USER_CODE)
    assert result.returncode == 0, result.stdout + result.stderr
    wrong = USER_CODE + "\n\ndef wrong() -> None:\n    Methods().documents.search.query(text=1)\n"
    result = run_mypy(tmp_path, roots, wrong)
    assert result.returncode == 1 and 'Argument "text"' in result.stdout, result.stdout
