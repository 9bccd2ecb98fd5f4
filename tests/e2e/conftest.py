"""Fixtures for the end-to-end tests of the generated Dify Chatflow client.

A real uvicorn server on 127.0.0.1 (free port, one per session, in a
background thread) runs the strict fake Dify of e2e_server; the generated
sync and async clients talk to it over real HTTP.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import AsyncIterator, Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from e2e_server import API_KEY, FakeDify, build_app  # noqa: E402

from tests.live_server import serve  # noqa: E402

from dify_chatflow import AsyncDifyChatflow, DifyChatflow  # noqa: E402


@pytest.fixture(scope="session")
def _fake_dify_server() -> Iterator[FakeDify]:
    fake = FakeDify()
    with serve(build_app(fake), name="fake-dify") as port:
        fake.url = f"http://127.0.0.1:{port}/v1"
        yield fake


@pytest.fixture
def server(_fake_dify_server: FakeDify) -> Iterator[FakeDify]:
    """The fake, reset for this test; fails the test if the client broke the spec."""
    fake = _fake_dify_server
    fake.reset()
    yield fake
    assert not fake.violations, f"client requests violated the spec: {fake.violations}"


@pytest.fixture
def client(server: FakeDify) -> Iterator[DifyChatflow]:
    with DifyChatflow(api_key=API_KEY, base_url=server.url, timeout=5.0, max_retries=0) as c:
        yield c


@pytest.fixture
async def aclient(server: FakeDify) -> AsyncIterator[AsyncDifyChatflow]:
    async with AsyncDifyChatflow(
        api_key=API_KEY, base_url=server.url, timeout=5.0, max_retries=0
    ) as c:
        yield c


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"

