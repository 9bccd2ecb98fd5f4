"""The built-in templates are compiled when clientgen is installed, not kept in git.

generator/emit/templating/wheel_hook.py compiles them into a wheel, or into the
checkout's git-ignored templates/_compiled for an editable install; a cold run
then skips Jinja's compile (docs/performance.md). Built for real: pip builds
clientgen's wheel through hatchling, and the hook runs in editable mode on a
copy of the templates.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import jinja2
import pytest

from generator.emit.templating.precompiled import FOLDER, MANIFEST, BuiltinLoader

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
BUILT_IN = sorted(p.relative_to(TEMPLATES).as_posix() for p in (TEMPLATES / "package").rglob("*.j2"))


def test_the_compiled_templates_are_not_in_git() -> None:
    tracked = subprocess.run(["git", "ls-files", "templates"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert tracked.stdout.splitlines(), "templates/ is not tracked at all: wrong folder?"
    assert not [name for name in tracked.stdout.splitlines() if f"/{FOLDER}/" in name]
    ignored = subprocess.run(["git", "check-ignore", "-q", f"templates/{FOLDER}/{MANIFEST}"], cwd=ROOT)
    assert ignored.returncode == 0, f"templates/{FOLDER} is not git-ignored"


def test_the_wheel_ships_every_template_compiled_by_the_jinja_it_was_built_with(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", "wheel", str(ROOT), "--no-deps",
         "--no-build-isolation", "-w", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (tmp_path / "out").glob("clientgen-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "site")
    assert len(names) == len(set(names)), "a file is in the wheel twice"
    shipped = tmp_path / "site" / "generator" / "templates"
    manifest = json.loads((shipped / FOLDER / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["jinja"] == jinja2.__version__
    assert sorted(manifest["templates"]) == BUILT_IN
    loader = BuiltinLoader(shipped)
    assert [name for name in BUILT_IN if not loader.serves_compiled(name)] == []


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A project root holding a copy of the built-in templates (the hook compiles what is there)."""
    shutil.copytree(TEMPLATES / "package", tmp_path / "templates" / "package")
    return tmp_path


def _run_hook(root: Path, version: str) -> dict[str, dict[str, str]]:
    from hatchling.bridge.app import Application

    from generator.emit.templating.wheel_hook import CompileTemplatesHook

    hook = CompileTemplatesHook(str(root), {}, None, None, str(root / "dist"), "wheel", Application())
    build_data: dict[str, dict[str, str]] = {"force_include": {}}
    hook.initialize(version, build_data)
    return build_data


def test_an_editable_install_compiles_the_templates_into_the_checkout(checkout: Path) -> None:
    assert _run_hook(checkout, "editable") == {"force_include": {}}  # nothing copied: the checkout is read
    loader = BuiltinLoader(checkout / "templates")
    assert [name for name in BUILT_IN if not loader.serves_compiled(name)] == []
    # byte-compiled too: pip does not byte-compile what an editable install reads from the checkout
    assert len(list((checkout / "templates" / FOLDER / "__pycache__").glob("*.pyc"))) == len(BUILT_IN)

    edited = checkout / "templates" / BUILT_IN[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not BuiltinLoader(checkout / "templates").serves_compiled(BUILT_IN[0])
    _run_hook(checkout, "editable")  # reinstalling catches up
    assert BuiltinLoader(checkout / "templates").serves_compiled(BUILT_IN[0])


def test_the_hook_compiles_with_the_generators_own_environment(checkout: Path) -> None:
    """Same options (trim_blocks, lstrip_blocks, ...) and filters as a run: else a compiled module
    would print other whitespace than its source, or fail on a filter the build did not know."""
    from generator.emit.templating.render import environment

    _run_hook(checkout, "editable")
    env = environment()
    for name in BUILT_IN:
        module = checkout / "templates" / FOLDER / jinja2.ModuleLoader.get_module_filename(name)
        source = (checkout / "templates" / name).read_text(encoding="utf-8")
        expected = env.compile(source, name, name, raw=True, defer_init=True)
        assert module.read_text(encoding="utf-8").split("\n", 1)[1] == f"{expected}\n", name
