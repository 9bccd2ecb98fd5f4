"""Generate small specs into temporary packages and import them."""

from __future__ import annotations

import importlib
import itertools
import json
from contextlib import ExitStack
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterator

import pytest

from tests.importing import importable, write_package

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
    imported = ExitStack()  # unwinding it takes every package off sys.path and sys.modules

    def run(spec: dict[str, Any] | Path, **config: Any) -> ModuleType:
        package = f"testpkg_{next(_counter)}"
        if isinstance(spec, Path):
            spec_path = spec
        else:
            spec_path = tmp_path / "spec.json"
            spec_path.write_text(json.dumps(spec), encoding="utf-8")
        config_path = tmp_path / "config.yaml"
        config_path.write_text(json.dumps(config), encoding="utf-8")
        out = tmp_path / package
        result = write_package(spec_path, out, package, config=config_path)
        imported.enter_context(importable(out, package))
        run.last_result = result  # type: ignore[attr-defined]
        run.last_dir = out  # type: ignore[attr-defined]
        return importlib.import_module(f"{package}.models")

    with imported:
        yield run
