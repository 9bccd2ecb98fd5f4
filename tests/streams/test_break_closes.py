"""Leaving a stream's loop early closes the connection at once, without `with`
and without the garbage collector: the server sees the disconnect.

The garbage collector is off during each test, so only reference counting can
close the response; the stream stays referenced by a local variable, so what
closes it is the end of the loop, not the end of the stream object."""

from __future__ import annotations

import pytest

from tests.streams.breaking import break_and_check_closed, break_and_check_closed_async
from tests.streams.conftest import Packages
from tests.streams.sse_server import Endless, SSEServer, frame

EVENT = frame({"type": "delta", "text": "x"})


def test_break_closes_the_sync_stream(packages: Packages, sse: SSEServer, no_gc: None) -> None:
    sse.script("/generate", Endless(EVENT))
    with packages["nullable30"].client(sse.url) as client:
        stream = client.api.generate(prompt="hi", stream=True)
        break_and_check_closed(stream, sse)
        assert stream is not None  # still referenced: the loop's end closed it, not its deletion


@pytest.mark.anyio
async def test_break_closes_the_async_stream(packages: Packages, sse: SSEServer, no_gc: None) -> None:
    sse.script("/generate", Endless(EVENT))
    async with packages["nullable30"].async_client(sse.url) as client:
        stream = await client.api.generate(prompt="hi", stream=True)
        await break_and_check_closed_async(stream, sse)


def test_until_done_after_a_break_returns_what_was_read(packages: Packages, sse: SSEServer) -> None:
    sse.script("/generate", Endless(EVENT))
    with packages["nullable30"].client(sse.url) as client:
        stream = client.api.generate(prompt="hi", stream=True)
        for _ in stream:
            break
        assert sse.disconnected.wait(10)
        assert stream.until_done().events == 1
