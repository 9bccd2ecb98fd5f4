"""Fixtures: the cases of specs.py generated into importable packages (once per
session, on first use), and a live SSE server on 127.0.0.1."""

from __future__ import annotations

import gc
import importlib
import json
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Dict, Iterator, Tuple

import pytest

from tests.importing import importable, write_package
from tests.live_server import serve
from tests.streams.specs import cases, write_spec
from tests.streams.sse_server import SSEServer


@dataclass
class Package:
    name: str
    module: ModuleType
    client_class: str
    warnings: Tuple[str, ...]

    def client(self, base_url: str) -> Any:
        return getattr(self.module, self.client_class)(api_key="k", base_url=base_url, max_retries=0, timeout=10)

    def async_client(self, base_url: str) -> Any:
        return getattr(self.module, "Async" + self.client_class)(
            api_key="k", base_url=base_url, max_retries=0, timeout=10)


@dataclass
class Packages:
    """Every case, generated into `root/<package>` on first use and importable until
    `imported` is unwound (the `packages` fixture's end)."""

    root: Path
    built: Dict[str, Package] = field(default_factory=dict)
    cases: Callable[[], Dict[str, Any]] = cases  # name -> (spec, config)
    prefix: str = "streams"
    imported: ExitStack = field(default_factory=ExitStack)  # unwinding it forgets every package

    def __getitem__(self, case: str) -> Package:
        if case not in self.built:
            source, config = self.cases()[case]
            name = f"{self.prefix}_{case}"
            specs = self.root / "specs"
            specs.mkdir(exist_ok=True)
            spec_path = write_spec(source, specs, name)
            config_path = specs / f"{name}.config.json"
            config_path.write_text(json.dumps(config), encoding="utf-8")
            result = write_package(spec_path, self.root / name, name, config=config_path)
            self.imported.enter_context(importable(self.root / name, name))
            module = importlib.import_module(name)
            self.built[case] = Package(name, module, result.api.client_name, result.warnings)
        return self.built[case]

    def all(self) -> Dict[str, Package]:
        return {case: self[case] for case in sorted(self.cases())}


@pytest.fixture(scope="session")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Packages]:
    found = Packages(tmp_path_factory.mktemp("stream-packages"))
    with found.imported:
        yield found


@pytest.fixture(scope="session")
def _sse_server() -> Iterator[SSEServer]:
    server = SSEServer()
    with serve(server, name="sse-server") as port:
        server.url = f"http://127.0.0.1:{port}"
        yield server


@pytest.fixture
def sse(_sse_server: SSEServer) -> SSEServer:
    _sse_server.reset()
    return _sse_server


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def no_gc() -> Iterator[None]:
    """Only reference counting frees objects during the test (see breaking.py)."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
