"""Generate small specs into temporary packages and import them."""

from __future__ import annotations

import importlib
import itertools
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterator

import pytest

from generator.emit.writing.write import write_tree
from generator.pipeline import generate
from tests.importing import forget

_counter = itertools.count()


def minimal_spec(schemas: dict[str, Any], *, version: str = "3.0.3", paths: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "openapi": version,
        "info": {"title": "Test API", "version": "1.0.0"},
        "servers": [{"url": "http://127.0.0.1:9"}],
        "paths": paths or {},
        "components": {"schemas": schemas},
    }


GenerateFn = Callable[..., ModuleType]


@pytest.fixture
def generate_models(tmp_path: Path) -> Iterator[GenerateFn]:
    """Write a spec (dict or existing file), generate it, import `<pkg>.models`."""
    imported: list[str] = []

    def run(spec: dict[str, Any] | Path, **config: Any) -> ModuleType:
        package = f"testpkg_{next(_counter)}"
        if isinstance(spec, Path):
            spec_path = spec
        else:
            spec_path = tmp_path / "spec.json"
            spec_path.write_text(json.dumps(spec), encoding="utf-8")
        config_path = tmp_path / "config.yaml"
        config_path.write_text(json.dumps(config), encoding="utf-8")
        result = generate(spec_path, package_name=package, config_path=config_path)
        out = tmp_path / package
        write_tree(result.files, out)
        sys.path.insert(0, str(out))
        imported.append(package)
        run.last_result = result  # type: ignore[attr-defined]
        run.last_dir = out  # type: ignore[attr-defined]
        return importlib.import_module(f"{package}.models")

    yield run
    for package in imported:
        forget(package)
    sys.path[:] = [p for p in sys.path if not p.startswith(str(tmp_path))]
