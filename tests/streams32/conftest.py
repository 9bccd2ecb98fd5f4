"""Fixtures: the cases of specs.py generated into importable packages (once per session,
on first use), and the live server of tests/streams on 127.0.0.1."""

from __future__ import annotations

from typing import Iterator

import pytest

from tests.streams.conftest import Packages, _sse_server, anyio_backend, no_gc, sse  # noqa: F401 (fixtures)
from tests.streams32.specs import cases


@pytest.fixture(scope="session")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Packages]:
    found = Packages(tmp_path_factory.mktemp("sequence-packages"), cases=cases, prefix="seq")
    with found.imported:
        yield found
