"""Floors on the corpus of real specs (../shared/corpus), time-boxed for CI.

- dify/ and big/: every spec generates, and every module of its package
  imports. Generated without black (`--no-format`): black only changes the
  layout, and it is most of the generation time on the big specs.
- apisguru/: at least 95% of the specs generate, import and pass `mypy` (not
  strict), all 57 of them. One mypy process checks every package at once
  (each has its own name): several times faster than one process per package.
  `CLIENTGEN_CORPUS_QUICK=1` takes only the specs up to 500 KB (49 of 57): the
  eight larger ones (EC2 and Compute are 3 MB specs, 400+ modules each) are
  most of the mypy time.

Measured on 2 cores (2026-11-26), load average ~2.5: dify+big 22 s, all of
apisguru 73 s. With other test runs sharing the cores (load 7-9): dify+big
110 s, the apisguru subset 65 s, all of apisguru ~8 min.

tricky/ is covered spec by spec in test_corpus.py. `bench/corpus.py` makes
the full run, one row per spec, with timings (docs/corpus.md).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.builder import BuildError
from generator.emit.writing.write import write_tree
from generator.load import LoadError
from generator.pipeline import generate

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
QUICK = bool(os.environ.get("CLIENTGEN_CORPUS_QUICK"))
SIZE_LIMIT = 500_000  # bytes; see the module docstring
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"spec corpus not found at {CORPUS} (shared/ beside the repo)")

# Imports every module of each package given as `name=folder` (the folder that holds it); prints
# {name: null or the error}. One interpreter for many small packages saves the start-up each.
IMPORT_ALL = """
import importlib, json, pkgutil, sys, traceback
result = {}
for arg in sys.argv[1:]:
    name, folder = arg.split("=", 1)
    sys.path.insert(0, folder)
    try:
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, name + "."):
            importlib.import_module(module.name)
        result[name] = None
    except Exception:
        result[name] = traceback.format_exc(limit=1).strip().splitlines()[-1]
print(json.dumps(result))
"""


def _specs(folder: str) -> list[Path]:
    return sorted(p for p in (CORPUS / folder).glob("*") if p.suffix in (".json", ".yaml", ".yml"))


def _package_name(spec: Path) -> str:
    return "corpus_" + re.sub(r"\W", "_", spec.stem).lower()


def _generate(spec: Path, root: Path) -> str:
    """Write the package for `spec` under root/<name>/; return its name."""
    name = _package_name(spec)
    result = generate(spec, package_name=name, format_code=False)
    write_tree(result.files, root / name)
    return name


def _import_all(root: Path, names: list[str]) -> dict[str, str | None]:
    done = subprocess.run([sys.executable, "-c", IMPORT_ALL, *(f"{n}={root / n}" for n in names)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    imported: dict[str, str | None] = json.loads(done.stdout)
    return imported


def _mypy_failures(root: Path, names: list[str]) -> dict[str, str]:
    """{package: first error} for the packages mypy (not strict) rejects, all checked in one run."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(root / ".mypy_cache"), "--no-error-summary",
         *(str(root / n / n) for n in names)],
        cwd=root, capture_output=True, text=True, timeout=1200,
    )
    assert done.returncode in (0, 1), f"mypy could not run: {done.stdout[-1000:]}{done.stderr[-1000:]}"
    failures: dict[str, str] = {}
    for line in done.stdout.splitlines():
        path, _, rest = line.partition(":")
        if ": error:" in line and path:
            where = Path(path) if Path(path).is_absolute() else root / path
            failures.setdefault(where.resolve().relative_to(root.resolve()).parts[0], line[:300])
    return failures


@needs_corpus
def test_every_dify_and_big_spec_generates_and_imports(tmp_path: Path) -> None:
    specs = _specs("dify") + _specs("big")
    assert len(specs) >= 15
    problems = []
    for spec in specs:
        name = _generate(spec, tmp_path)
        # One interpreter per package: the big ones are big.
        error = _import_all(tmp_path, [name])[name]
        if error:
            problems.append(f"{spec.name}: import: {error}")
    assert not problems, "\n".join(problems)


@needs_corpus
def test_at_least_95_percent_of_apisguru_generates_imports_and_type_checks(tmp_path: Path) -> None:
    specs = [p for p in _specs("apisguru") if not QUICK or p.stat().st_size <= SIZE_LIMIT]
    assert len(specs) >= 45
    failed: dict[str, str] = {}
    names: dict[str, Path] = {}
    for spec in specs:
        try:
            names[_generate(spec, tmp_path)] = spec
        except (LoadError, BuildError) as exc:
            failed[spec.name] = f"refused: {exc}"
    imported = _import_all(tmp_path, list(names))
    failed |= {names[n].name: f"import: {error}" for n, error in imported.items() if error}
    checked = [n for n in names if not imported[n]]
    failed |= {names[n].name: f"mypy: {error}" for n, error in _mypy_failures(tmp_path, checked).items()}
    passed = len(specs) - len(failed)
    report = "\n".join([f"{passed}/{len(specs)} apisguru specs pass", *(f"{k}: {v}" for k, v in sorted(failed.items()))])
    assert passed >= 0.95 * len(specs), report
