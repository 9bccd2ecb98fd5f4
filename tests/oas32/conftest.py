"""OpenAPI 3.2 features end to end: each spec in specs/ generated through the real
pipeline, imported, and called against the serialisation tests' recorder (real uvicorn
on 127.0.0.1, h11 so that any method token reaches it), which keeps the exact bytes."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Callable, Dict, Iterator

import pytest

from generator.emit.writing.write import write_tree
from generator.pipeline import generate
from tests.importing import forget
from tests.live_server import serve
from tests.serialisation.conftest import Recorder, recorder_app

SPECS = Path(__file__).resolve().parent / "specs"
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "QUERY", "COPY", "PURGE", "LINK")


@pytest.fixture(scope="session")
def oas32_package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], ModuleType]]:
    """`oas32_package("methods")`: specs/methods.yaml as the package `oas32_methods`."""
    out = tmp_path_factory.mktemp("oas32")
    made: Dict[str, ModuleType] = {}
    sys.path.insert(0, str(out))

    def make(stem: str) -> ModuleType:
        if stem not in made:
            name = f"oas32_{stem}"
            write_tree(generate(SPECS / f"{stem}.yaml", package_name=name).files, out / stem)
            sys.path.insert(0, str(out / stem))
            made[stem] = importlib.import_module(name)
        return made[stem]

    yield make
    for stem in made:
        sys.path.remove(str(out / stem))
        forget(f"oas32_{stem}")
    sys.path.remove(str(out))


@pytest.fixture(scope="session")
def _recorder() -> Iterator[Recorder]:
    recorder = Recorder()
    with serve(recorder_app(recorder, METHODS), name="oas32-recorder", http="h11") as port:
        recorder.url = f"http://127.0.0.1:{port}"
        yield recorder


@pytest.fixture
def recorder(_recorder: Recorder) -> Recorder:
    _recorder.seen.clear()
    _recorder.answers.clear()
    return _recorder


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
