"""OpenAPI 3.2 features end to end: each spec in specs/ generated through the real
pipeline, imported, and called against the serialisation tests' recorder (real uvicorn
on 127.0.0.1, h11 so that any method token reaches it), which keeps the exact bytes."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from types import ModuleType
from typing import Callable, Dict, Iterator

import pytest

from tests.importing import generated_package
from tests.serialisation.conftest import Recorder, recording

SPECS = Path(__file__).resolve().parent / "specs"
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "QUERY", "COPY", "PURGE", "LINK")


@pytest.fixture(scope="session")
def oas32_package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], ModuleType]]:
    """`oas32_package("methods")`: specs/methods.yaml as the package `oas32_methods`."""
    out = tmp_path_factory.mktemp("oas32")
    made: Dict[str, ModuleType] = {}
    with ExitStack() as imported:

        def make(stem: str) -> ModuleType:
            if stem not in made:
                package = generated_package(SPECS / f"{stem}.yaml", out / stem, f"oas32_{stem}")
                made[stem] = imported.enter_context(package)
            return made[stem]

        yield make


@pytest.fixture(scope="session")
def _recorder() -> Iterator[Recorder]:
    with recording("oas32-recorder", METHODS, http="h11") as recorder:
        yield recorder


@pytest.fixture
def recorder(_recorder: Recorder) -> Recorder:
    return _recorder.reset()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
