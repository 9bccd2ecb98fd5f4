"""The built-in templates, compiled to Python ahead of time.

Compiling the shipped templates takes Jinja about 0.17 s, a third of a first
run on the Dify spec (later runs use the bytecode cache, generator/emit/cache.py).
So installing clientgen compiles them (`wheel_hook.py`, run by hatchling): into
the wheel, or into the checkout's git-ignored `templates/_compiled/` for an
editable install. Each is Jinja's `compile_templates` output, one module per
template, with a manifest of the Jinja version and each template's source hash.
`BuiltinLoader` uses a compiled module only when both match, and compiles the
template as usual otherwise (then cached as bytecode), so an edited template or
another Jinja is never served stale code, only more slowly.

`python -m generator.emit.templating.precompiled` says which templates are
served compiled; `--write` recompiles them in place (what reinstalling does).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
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
        if self._compiled is not None and self.serves_compiled(name):
            return self._compiled.load(environment, name, globals)
        return super().load(environment, name, globals)

    def serves_compiled(self, name: str) -> bool:
        """Whether `name` has a compiled module made by this Jinja from its present source."""
        wanted = self._hashes.get(name)
        return self._compiled is not None and wanted is not None and wanted == _digest(self.folder / name)

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


def served_compiled(folder: Path) -> list[str]:
    """The templates under `folder` that `BuiltinLoader` serves from their compiled module."""
    loader = BuiltinLoader(folder)
    return sorted(name for name in loader.list_templates() if loader.serves_compiled(name))


def main(argv: list[str] | None = None) -> int:
    from generator.emit.templating.render import environment, templates_dir

    parser = argparse.ArgumentParser(description="the built-in templates compiled at install time: check or rewrite")
    parser.add_argument("--write", action="store_true", help=f"compile them into templates/{FOLDER} now")
    args = parser.parse_args(argv)
    folder = templates_dir()
    if args.write:
        compile_into(environment(), folder, folder / FOLDER)
    compiled = served_compiled(folder)
    every = BuiltinLoader(folder).list_templates()
    print(f"{len(compiled)} of {len(every)} built-in templates served compiled (Jinja {jinja2.__version__}, "
          f"{folder / FOLDER})")
    left = sorted(set(every) - set(compiled))
    if left:
        print(f"compiled on use instead (edited since the install, another Jinja, or no install hook): "
              f"{', '.join(left)}; reinstall, or run python -m generator.emit.templating.precompiled --write")
    return 0 if len(compiled) == len(every) else 1


if __name__ == "__main__":
    sys.exit(main())
