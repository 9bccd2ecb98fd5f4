"""Put rendered files on disk without ever leaving a half-written package.

The new tree is written beside the target, then swapped in with renames; if
anything fails before the swap the old directory is untouched, and the
previous tree is only deleted once the new one is in place.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Mapping


def write_tree(files: Mapping[str, str], output: Path) -> None:
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        for relative, text in sorted(files.items()):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        _keep_foreign_files(output, staging, files)
        if output.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
            os.rename(output, retired / output.name)
            os.rename(staging, output)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.rename(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _keep_foreign_files(output: Path, staging: Path, files: Mapping[str, str]) -> None:
    """Files the generator never writes (a .gitignore, a CHANGELOG) survive regeneration.

    Stale generated Python modules do not: anything under the package folders
    that is not in `files` was generated before and is gone from the spec.
    """
    if not output.is_dir():
        return
    generated_roots = {Path(p).parts[0] for p in files if len(Path(p).parts) > 1}
    for path in sorted(output.rglob("*")):
        relative = path.relative_to(output)
        if path.is_dir() or relative.as_posix() in files or relative.parts[0] in generated_roots:
            continue
        if "__pycache__" in relative.parts or relative.parts[0].endswith(".egg-info"):
            continue
        destination = staging / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)


def diff_tree(files: Mapping[str, str], output: Path) -> str:
    """A unified diff from what is in `output` to what would be generated ('' if equal)."""
    chunks: list[str] = []
    existing = {
        p.relative_to(output).as_posix()
        for p in output.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and not any(part.endswith(".egg-info") for part in p.parts)
    } if output.is_dir() else set()
    generated_roots = {Path(p).parts[0] for p in files if len(Path(p).parts) > 1}
    stale = {p for p in existing if p not in files and Path(p).parts[0] in generated_roots}
    for relative in sorted(set(files) | stale):
        new = files.get(relative)
        path = output / relative
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old == new:
            continue
        chunks.extend(
            difflib.unified_diff(
                (old or "").splitlines(keepends=True),
                (new or "").splitlines(keepends=True),
                fromfile=f"a/{relative}" if old is not None else "/dev/null",
                tofile=f"b/{relative}" if new is not None else "/dev/null",
            )
        )
    return "".join(chunks)
