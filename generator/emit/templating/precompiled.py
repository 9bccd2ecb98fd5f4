"""The built-in templates, compiled to Python ahead of time.

Compiling the shipped templates takes Jinja about 0.17 s, a third of a first
run on the Dify spec (later runs use the bytecode cache, generator/emit/cache.py).
So they ship compiled too, in `templates/_compiled/` (Jinja's `compile_templates`
output, one module per template, imported like any module, byte-compiled by
pip), with a manifest of the Jinja version and each template's source hash.
`BuiltinLoader` uses a compiled module only when both match, and compiles the
template as usual otherwise, so an edited template or another Jinja is never
served stale code. `python -m generator.emit.templating.precompiled --write` regenerates
them; `tests/test_templates.py` fails when they are out of date.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, MutableMapping

import jinja2

FOLDER = "_compiled"
MANIFEST = "manifest.json"


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class BuiltinLoader(jinja2.FileSystemLoader):
    """The shipped templates: their compiled modules where those are current, else the sources."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = folder
        self._hashes: dict[str, str] = {}
        self._compiled: jinja2.ModuleLoader | None = None
        try:
            manifest = json.loads((folder / FOLDER / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(manifest, dict) and manifest.get("jinja") == jinja2.__version__:
            self._hashes = dict(manifest.get("templates", {}))
            self._compiled = jinja2.ModuleLoader(str(folder / FOLDER))

    def load(self, environment: jinja2.Environment, name: str,
             globals: MutableMapping[str, Any] | None = None) -> jinja2.Template:
        wanted = self._hashes.get(name)
        if self._compiled is not None and wanted is not None and wanted == _digest(self.folder / name):
            return self._compiled.load(environment, name, globals)
        return super().load(environment, name, globals)

    def list_templates(self) -> list[str]:
        return [name for name in super().list_templates() if name.endswith(".j2")]


def compile_into(environment: jinja2.Environment, folder: Path, target: Path) -> None:
    """Every template under `folder` compiled into `target` (replaced), with its manifest."""
    names = sorted(str(path.relative_to(folder).as_posix()) for path in folder.rglob("*.j2")
                   if FOLDER not in path.relative_to(folder).parts)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in names:
        source = (folder / name).read_text(encoding="utf-8")
        code = environment.compile(source, name, name, raw=True, defer_init=True)
        module = jinja2.ModuleLoader.get_module_filename(name)
        (target / module).write_text(f"# compiled from templates/{name}; do not edit\n{code}\n", encoding="utf-8")
    manifest = {"jinja": jinja2.__version__, "templates": {name: _digest(folder / name) for name in names}}
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def stale(environment: jinja2.Environment, folder: Path) -> list[str]:
    """The compiled files that differ from a fresh compile (empty when current)."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / FOLDER
        compile_into(environment, folder, fresh)
        current = folder / FOLDER
        names = {p.name for p in fresh.iterdir()} | ({p.name for p in current.iterdir() if p.is_file()}
                                                     if current.is_dir() else set())
        return sorted(name for name in names
                      if not (current / name).is_file() or (current / name).read_bytes() != (fresh / name).read_bytes())


def main(argv: list[str] | None = None) -> int:
    from generator.emit.templating.render import environment, templates_dir

    parser = argparse.ArgumentParser(description="compile the built-in templates into templates/_compiled")
    parser.add_argument("--write", action="store_true", help="write them (default: only check)")
    args = parser.parse_args(argv)
    folder = templates_dir()
    env = environment()
    if args.write:
        compile_into(env, folder, folder / FOLDER)
        return 0
    out_of_date = stale(env, folder)
    for name in out_of_date:
        print(f"{folder / FOLDER / name}: out of date; run python -m generator.emit.templating.precompiled --write")
    return 1 if out_of_date else 0


if __name__ == "__main__":
    sys.exit(main())
