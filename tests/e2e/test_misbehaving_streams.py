"""Misbehaving fake Dify, part 3: streamed answers that go wrong.

A stream cut mid-body, an unknown event type, an `error` event, a stream that
stalls past the timeout, and errors before the stream starts (429 retried,
503 final, an error body cut short).  Every test runs through both clients
(the `make` fixture); see e2e_misbehaving.
"""

from __future__ import annotations

from typing import Callable

import httpx
import pytest

from dify_chatflow import (
    APIConnectionError,
    APITimeoutError,
    IncompleteStreamError,
    InternalServerError,
    NotFoundError,
    StreamError,
)
from dify_chatflow.models import (
    ChunkChatEventUnknown,
    StreamEventChatMessage,
    StreamEventChatMessageEnd,
)

from e2e_misbehaving import (
    BUSY,
    CHAT,
    CHAT_ARGS,
    RATE_LIMITED,
    Client,
    RecordingPolicy,
    attempts,
    call,
    drain,
    end_event,
    message_events,
)
from e2e_server import AbortReply, FakeDify, JSONReply, SSEReply
from e2e_spec import newer_spec_reasoning_chunk, sse_example, sse_frame

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("policy")]


# -- streams --------------------------------------------------------------------------


async def test_stream_cut_mid_body_raises_after_the_events(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=2)
    sent = message_events("Hel", "lo")
    server.script(CHAT, SSEReply([sse_frame(event) for event in sent], cut=True))
    stream = await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming"))
    events, err = await drain(stream)
    assert [type(e) for e in events] == [StreamEventChatMessage, StreamEventChatMessage]
    assert [e.answer for e in events] == ["Hel", "lo"]
    assert [e.model_dump(mode="json", exclude_unset=True) for e in events] == sent
    # Not IncompleteStreamError (a clean end without a terminal event): the body was cut.
    assert isinstance(err, APIConnectionError) and type(err) is APIConnectionError
    assert not isinstance(err, IncompleteStreamError)
    assert isinstance(err.__cause__, httpx.RemoteProtocolError)
    assert "after 2 events" in err.message
    assert err.request is not None and err.request.url.path == "/v1/chat-messages"
    assert attempts(server, CHAT) == 1  # a stream is never replayed
    assert policy.delays == []


async def test_stream_with_unknown_event_type(make: Callable[..., Client], server: FakeDify) -> None:
    client = make()
    reasoning = newer_spec_reasoning_chunk()
    first, second = message_events("Hel", "lo")
    end = end_event()
    server.script(CHAT, SSEReply([sse_frame(e) for e in (first, reasoning, second, end)]))
    stream = await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming"))
    events, err = await drain(stream)
    assert err is None
    assert [type(e) for e in events] == [
        StreamEventChatMessage,
        ChunkChatEventUnknown,
        StreamEventChatMessage,
        StreamEventChatMessageEnd,
    ]
    unknown = events[1]
    assert unknown.event == "reasoning_chunk"
    assert unknown.model_dump(mode="json") == reasoning
    extra = unknown.model_extra
    assert extra is not None and extra["data"] == reasoning["data"]
    assert unknown.task_id == reasoning["task_id"]  # type: ignore[attr-defined]
    assert events[3].message_id == end["message_id"]
    assert attempts(server, CHAT) == 1


async def test_stream_error_event(make: Callable[..., Client], server: FakeDify) -> None:
    client = make(max_retries=2)
    (first,) = message_events("partial")
    error = {
        "event": "error",
        "task_id": first["task_id"],
        "message_id": first["message_id"],
        "status": 429,
        "code": "rate_limit_error",
        "message": "Model rate limit exceeded.",
    }
    # Anything after the error event must not be read as part of the answer.
    frames = [sse_frame(first), sse_frame(error), sse_frame(end_event())]
    server.script(CHAT, SSEReply(frames))
    stream = await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming"))
    events, err = await drain(stream)
    assert [e.answer for e in events] == ["partial"]
    assert isinstance(err, StreamError) and type(err) is StreamError
    assert (err.status, err.code, err.message) == (429, "rate_limit_error", "Model rate limit exceeded.")
    assert err.event == error
    assert str(err).startswith("stream error 429 rate_limit_error: Model rate limit exceeded.")
    assert attempts(server, CHAT) == 1


async def test_429_on_streaming_post_is_retried(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=1)
    server.script(CHAT, JSONReply(429, RATE_LIMITED, {"retry-after": "0"}))
    stream = await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming"))
    events, err = await drain(stream)
    assert err is None
    expected = sse_example("streamingResponseBasic")  # the server's default answer
    assert [e.model_dump(mode="json", exclude_unset=True) for e in events] == expected
    calls = server.calls_of(CHAT)
    assert len(calls) == 2
    assert calls[0].json == calls[1].json == {**CHAT_ARGS, "response_mode": "streaming"}
    assert calls[1].headers["accept"] == "text/event-stream"
    assert policy.delays == [0.0]


async def test_503_on_streaming_post_is_not_retried(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=2)
    server.script(CHAT, JSONReply(503, BUSY), JSONReply(503, BUSY))
    with pytest.raises(InternalServerError) as info:
        await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming"))
    assert (info.value.status_code, info.value.code) == (503, "service_unavailable")
    assert info.value.body == BUSY
    assert attempts(server, CHAT) == 1
    assert policy.delays == []


async def test_error_status_whose_body_is_cut_still_reports_the_status(
    make: Callable[..., Client], server: FakeDify
) -> None:
    """A streamed request reads its error body after the status: losing the
    body must not hide the 404."""
    client = make(max_retries=2)
    server.script(CHAT, AbortReply(status=404, partial=b'{"code": "not_fo'))
    with pytest.raises(NotFoundError) as info:
        await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming"))
    err = info.value
    assert err.status_code == 404
    assert err.body is None
    assert err.code is None
    assert err.message == "Not Found"  # the reason phrase stands in for the lost body
    assert attempts(server, CHAT) == 1


async def test_stream_stalling_past_the_timeout(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=2)
    (first,) = message_events("Hel")
    server.script(CHAT, SSEReply([sse_frame(first)], hold_open=True))
    stream = await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming", timeout=0.2))
    events, err = await drain(stream)
    assert [e.answer for e in events] == ["Hel"]
    assert isinstance(err, APITimeoutError) and type(err) is APITimeoutError
    assert isinstance(err.__cause__, httpx.ReadTimeout)
    assert err.message == "stream timed out after 1 events"
    assert server.disconnected.wait(2.0), "the client kept the stalled connection open"
    assert attempts(server, CHAT) == 1
    assert policy.delays == []
