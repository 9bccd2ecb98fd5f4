"""Leaving a stream's loop after three items, then checking that the loop's end alone
closed the connection: the response is closed and the server saw the disconnect.

Run under the `no_gc` fixture, so that only reference counting can close the response.
The caller keeps the stream in a local variable, so it is not the stream's deletion either.
"""

from __future__ import annotations

import asyncio
from typing import Any

from tests.streams.sse_server import SSEServer

READ_BEFORE_BREAK = 3


def break_and_check_closed(stream: Any, sse: SSEServer) -> None:
    for seen, _ in enumerate(stream, 1):
        if seen == READ_BEFORE_BREAK:
            break
    assert stream.response.is_closed
    assert sse.disconnected.wait(10), "the server kept writing after the loop ended"


async def break_and_check_closed_async(stream: Any, sse: SSEServer) -> None:
    seen = 0
    async for _ in stream:
        seen += 1
        if seen == READ_BEFORE_BREAK:
            break
    # The event loop closes the dropped iterator on its next turn; waiting here gives it turns.
    assert await asyncio.to_thread(sse.disconnected.wait, 10), "the server kept writing after the loop ended"
    assert stream.response.is_closed
