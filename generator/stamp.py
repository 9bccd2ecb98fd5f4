"""Skip regeneration when nothing it depends on has changed.

After a successful `generate`, the output directory gets `.clientgen-stamp.json`:
the generator's own fingerprint (its code and built-in templates), the
options, and the content hash of every input file (the spec and every file
its `$ref`s reached, the config, user templates). Paths are stored relative
to the spec's folder, so the stamp does not depend on where the checkout is.
It also lists the hash of every file the run wrote (`outputs`): a hand edit
makes it stale, and the next run owns exactly those files (emit/write.py).
The stamp is written with the package, in the same swap.

This module is imported before anything heavy (no jinja2, no black), so an
up-to-date check costs little more than hashing the inputs.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Iterable, Mapping

from generator.emit.writing.write import STAMP_NAME, existing_files

__all__ = ["STAMP_NAME", "generator_fingerprint", "is_fresh", "stamp_text"]
_PACKAGE = Path(__file__).resolve().parent


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def generator_fingerprint() -> str:
    """A hash of the generator's code, runtime and built-in templates."""
    digest = hashlib.sha256()
    roots = [_PACKAGE, _PACKAGE / "templates", _PACKAGE.parent / "templates"]
    files = sorted({p for root in roots if root.is_dir() for p in root.rglob("*") if p.is_file()
                    and "__pycache__" not in p.parts and p.suffix in (".py", ".j2")})
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _inputs(spec: Path, files: Iterable[Path]) -> dict[str, str | None]:
    base = spec.resolve().parent
    return {os.path.relpath(path.resolve(), base): _sha256(path) for path in files}


def _outputs(output: Path, names: Iterable[str]) -> dict[str, str | None]:
    """Hashes of the generated files as they are now: a hand edit makes the stamp stale too."""
    return {name: _sha256(output / name) for name in sorted(names)}


def _stamp(spec: Path, files: Iterable[Path], options: Mapping[str, object], outputs: Mapping[str, str | None]) -> dict[str, object]:
    return {
        "generator": generator_fingerprint(),
        "options": dict(sorted(options.items())),
        "inputs": dict(sorted(_inputs(spec, files).items())),
        "outputs": dict(sorted(outputs.items())),
    }


def stamp_text(spec: Path, files: Iterable[Path], options: Mapping[str, object], generated: Mapping[str, str]) -> str:
    """The stamp for `generated` (name -> text, as write_tree writes it: UTF-8, LF), written
    with the package in the same swap; it is also the record of what the run owns."""
    outputs = {name: hashlib.sha256(text.encode("utf-8")).hexdigest() for name, text in generated.items()}
    return json.dumps(_stamp(spec, files, options, outputs), indent=2) + "\n"


def is_fresh(output: Path, spec: Path, options: Mapping[str, object]) -> bool:
    """True when `output` was generated from exactly these inputs by this generator."""
    try:
        recorded = json.loads((output / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(recorded, dict) or not isinstance(recorded.get("inputs"), dict):
        return False
    if not isinstance(recorded.get("outputs"), dict):
        return False
    base = spec.resolve().parent
    files = [base / name for name in recorded["inputs"]]
    if spec.resolve() not in [f.resolve() for f in files]:
        return False
    if _present(output, recorded["outputs"]) != set(recorded["outputs"]):
        return False  # a file appeared inside the package: regenerate, which removes or refuses it
    return recorded == _stamp(spec, files, options, _outputs(output, recorded["outputs"]))


def _present(output: Path, names: Iterable[str]) -> set[str]:
    """Recorded outputs still there, plus every file now inside their package folders."""
    recorded = set(names)
    return set(existing_files(output, {Path(name).parts[0] for name in recorded}))
