"""Shared plumbing of the misbehaving-server tests (test_misbehaving_*.py).

Those tests run every case through `DifyChatflow` and `AsyncDifyChatflow`
(the `make` fixture of conftest) with backoff shrunk and every delay the client
chose recorded (the `policy` fixture, which swaps the `retry_policy` ClassVar
of the shared base client).  Here: the constants they script the fake with,
the recording policy, and helpers that call or drain either flavour.
"""

from __future__ import annotations

import inspect
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

import anyio

from dify_chatflow import APIError, AsyncDifyChatflow, AsyncStream, DifyChatflow
from dify_chatflow._retries import RetryPolicy

from e2e_server import FakeDify, dify_error
from e2e_spec import named_example, sse_example

Client = Union[DifyChatflow, AsyncDifyChatflow]

USER = "abc-123"
UUID_A = "a1b2c3d4-5678-90ab-cdef-1234567890ab"
CHAT_ARGS: Dict[str, Any] = {"query": "Hi", "inputs": {}, "user": USER}
INFO = "getAdvancedChatAppInfo"
CHAT = "sendAdvancedChatMessage"

INITIAL_DELAY = 0.001
MAX_DELAY = 0.004
MAX_RETRY_AFTER = 0.05

RATE_LIMITED = named_example(CHAT, 429, "too_many_requests").value
BUSY = dify_error(503, "service_unavailable", "Service temporarily unavailable.").body


@dataclass(frozen=True)
class RecordingPolicy(RetryPolicy):
    """The real policy with tiny delays, remembering every delay it chose."""

    delays: List[float] = field(default_factory=list)

    def delay(self, retries_done: int, headers: Optional[Mapping[str, str]] = None) -> float:
        chosen = super().delay(retries_done, headers)
        self.delays.append(chosen)
        return chosen


async def call(result: Any) -> Any:
    """`client.x.y(...)` of either flavour: awaited when it is a coroutine."""
    return await result if inspect.isawaitable(result) else result


async def drain(stream: Any) -> Tuple[List[Any], Optional[APIError]]:
    """Every event a stream yields, and the error that ended it (if any)."""
    events: List[Any] = []
    try:
        if isinstance(stream, AsyncStream):
            async with stream:
                async for event in stream:
                    events.append(event)
        else:
            with stream:
                for event in stream:
                    events.append(event)
    except APIError as exc:
        return events, exc
    return events, None


async def wait_until(condition: Callable[[], bool], what: str, within: float = 2.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting: {what}"
        await anyio.sleep(0.005)


async def wait_gave_up(server: FakeDify, count: int) -> None:
    """The server saw the client drop `count` slow requests (and nothing more)."""
    await wait_until(lambda: server.gave_up >= count, f"{count} abandoned slow replies")
    assert server.gave_up == count


def attempts(server: FakeDify, operation_id: str) -> int:
    return len(server.calls_of(operation_id))


def assert_backoff(delays: List[float]) -> None:
    """Exponential backoff with up to 25% jitter below the nominal delay."""
    for n, chosen in enumerate(delays):
        nominal = min(INITIAL_DELAY * 2**n, MAX_DELAY)
        assert 0.75 * nominal <= chosen <= nominal, (n, chosen, delays)


def message_events(*answers: str) -> List[Dict[str, Any]]:
    message, _end = sse_example("streamingResponseBasic")
    return [{**message, "answer": answer} for answer in answers]


def end_event() -> Dict[str, Any]:
    return sse_example("streamingResponseBasic")[1]
