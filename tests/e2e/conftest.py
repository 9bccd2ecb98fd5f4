"""Fixtures for the end-to-end tests of the generated Dify Chatflow client.

A real uvicorn server on 127.0.0.1 (free port, one per session, in a
background thread) runs the strict fake Dify of e2e_server; the generated
sync and async clients talk to it over real HTTP.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Iterator, List

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from e2e_misbehaving import (  # noqa: E402
    INITIAL_DELAY,
    MAX_DELAY,
    MAX_RETRY_AFTER,
    Client,
    RecordingPolicy,
)
from e2e_server import API_KEY, FakeDify, build_app  # noqa: E402

from tests.live_server import serve  # noqa: E402

from dify_chatflow import AsyncDifyChatflow, DifyChatflow  # noqa: E402
from dify_chatflow._base_common import BaseClient  # noqa: E402


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



# -- for the misbehaving-server tests, which ask for them with usefixtures ------


@pytest.fixture
def policy(monkeypatch: pytest.MonkeyPatch) -> RecordingPolicy:
    recording = RecordingPolicy(
        initial_delay=INITIAL_DELAY, max_delay=MAX_DELAY, max_retry_after=MAX_RETRY_AFTER
    )
    # One ClassVar on the base shared by both clients (neither overrides it).
    assert "retry_policy" not in vars(DifyChatflow) and "retry_policy" not in vars(AsyncDifyChatflow)
    monkeypatch.setattr(BaseClient, "retry_policy", recording)
    return recording


@pytest.fixture(params=["sync", "async"])
async def make(request: pytest.FixtureRequest, server: FakeDify) -> AsyncIterator[Callable[..., Any]]:
    """Builds clients of this test's flavour against the fake; closes them after."""
    made: List[Client] = []

    def factory(**kwargs: Any) -> Any:
        kwargs.setdefault("timeout", 5.0)
        cls = DifyChatflow if request.param == "sync" else AsyncDifyChatflow
        new = cls(api_key=API_KEY, base_url=server.url, **kwargs)
        made.append(new)
        return new

    yield factory
    for c in made:
        if isinstance(c, AsyncDifyChatflow):
            await c.aclose()
        else:
            c.close()
