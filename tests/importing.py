"""Importing a package the test just generated, and forgetting it afterwards.

Tests that generate a client and import it share these, so that every one of them leaves
sys.path and sys.modules as it found them: a later test that generates a package of the
same name (another style, another config) must import its own files, not the cached ones.
"""

from __future__ import annotations

import importlib
import sys
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Iterator, Optional

from generator.emit.writing.write import write_tree
from generator.pipeline import Result, generate


def forget(package: str) -> None:
    """Drop `package` and its submodules from sys.modules, so a later package of the same
    name (another test's, another style's) is imported afresh, not served from the cache."""
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]


@contextmanager
def importable(folder: Path, *packages: str) -> Iterator[None]:
    """`folder` first on sys.path inside the block; afterwards off it again, and `packages`
    (the ones the block imported from it) forgotten."""
    sys.path.insert(0, str(folder))
    try:
        yield
    finally:
        sys.path.remove(str(folder))
        for package in packages:
            forget(package)


def write_package(spec: Path, folder: Path, package: str, *, config: Optional[Path] = None) -> Result:
    """`spec` generated in-process into `folder` as `package` (not yet importable)."""
    result = generate(spec, package_name=package, config_path=config)
    write_tree(result.files, folder)
    return result


def folder_of(package: ModuleType) -> Path:
    """The folder an imported package was generated into: the one holding its directory."""
    return Path(str(package.__file__)).parents[1]


@contextmanager
def generated_package(spec: Path, folder: Path, package: str, *,
                      config: Optional[Path] = None) -> Iterator[ModuleType]:
    """`spec` generated into `folder` as `package` and imported, for the block only."""
    write_package(spec, folder, package, config=config)
    with importable(folder, package):
        yield importlib.import_module(package)
