"""An abandoned stream stops its Dify task (`streams.sendAdvancedChatMessage.stop`).

Breaking out of a streaming chat and closing it (or leaving its `with` block early)
calls POST /chat-messages/{task_id}/stop once, with the task id the events carried and
the `user` the chat request sent; a stream read to its end, or abandoned before any
task id arrived, calls nothing; a failing stop is logged without the key, never raised.
"""

from __future__ import annotations

import copy
import logging
from typing import Any, Dict, List

import pytest

from dify_chatflow import AsyncDifyChatflow, DifyChatflow

from e2e_server import API_KEY, FakeDify, SSEReply, dify_error
from e2e_spec import sse_example, sse_frame

USER = "user-stop-7"
TASK = "task-4711"
CHAT_ARGS: Dict[str, Any] = {"query": "Tell me a long story", "inputs": {}, "user": USER}


def chunks(count: int) -> List[bytes]:
    message, _end = sse_example("streamingResponseBasic")
    return [sse_frame({**copy.deepcopy(message), "task_id": TASK, "answer": f" {n}"}) for n in range(count)]


def whole_stream() -> List[bytes]:
    message, end = sse_example("streamingResponseBasic")
    return [*chunks(3), sse_frame({**copy.deepcopy(end), "task_id": TASK})]


def assert_one_stop(server: FakeDify) -> None:
    stops = server.calls_of("stopAdvancedChatMessageGeneration")
    assert [(s.method, s.path, s.path_params, s.json) for s in stops] == [
        ("POST", f"/chat-messages/{TASK}/stop", {"task_id": TASK}, {"user": USER})
    ]
    assert stops[0].headers["authorization"] == f"Bearer {API_KEY}"


def test_break_after_the_second_chunk_stops_the_task(client: DifyChatflow, server: FakeDify) -> None:
    server.script("sendAdvancedChatMessage", SSEReply(chunks(5), hold_open=True))
    seen = []
    with client.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
        for event in stream:
            seen.append(event)
            if len(seen) == 2:
                break
        assert server.calls_of("stopAdvancedChatMessageGeneration") == []  # not before close
    assert_one_stop(server)
    stream.close()  # a second close stops nothing more
    assert len(server.calls_of("stopAdvancedChatMessageGeneration")) == 1


def test_close_after_a_break_without_with(client: DifyChatflow, server: FakeDify) -> None:
    server.script("sendAdvancedChatMessage", SSEReply(chunks(5), hold_open=True))
    stream = client.chat.send_message(**CHAT_ARGS, response_mode="streaming")
    for n, _ in enumerate(stream):
        if n == 1:
            break
    stream.close()
    assert_one_stop(server)


def test_an_exception_in_the_with_block_stops_the_task(client: DifyChatflow, server: FakeDify) -> None:
    server.script("sendAdvancedChatMessage", SSEReply(chunks(5), hold_open=True))
    with pytest.raises(KeyError):
        with client.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
            next(iter(stream))
            raise KeyError("the caller's own error")
    assert_one_stop(server)


def test_a_fully_read_stream_stops_nothing(client: DifyChatflow, server: FakeDify) -> None:
    server.script("sendAdvancedChatMessage", SSEReply(whole_stream()))
    with client.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
        assert stream.text() == " 0 1 2"
    assert server.calls_of("stopAdvancedChatMessageGeneration") == []


def test_no_task_id_seen_stops_nothing(client: DifyChatflow, server: FakeDify) -> None:
    server.script("sendAdvancedChatMessage", SSEReply([], hold_open=True))
    with client.chat.send_message(**CHAT_ARGS, response_mode="streaming"):
        pass
    assert server.calls_of("stopAdvancedChatMessageGeneration") == []


def test_a_failing_stop_is_logged_not_raised(
    client: DifyChatflow, server: FakeDify, caplog: pytest.LogCaptureFixture
) -> None:
    server.script("sendAdvancedChatMessage", SSEReply(chunks(5), hold_open=True))
    server.script("stopAdvancedChatMessageGeneration", dify_error(503, "unavailable", f"no {API_KEY}"))
    caplog.set_level(logging.DEBUG, logger="dify_chatflow")
    with client.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
        for n, _ in enumerate(stream):
            if n == 1:
                break
    assert_one_stop(server)  # one attempt: no retries
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == [
        f"could not stop task {TASK} of an abandoned stream "
        "(POST /chat-messages/{task_id}/stop): InternalServerError 503"
    ]
    assert API_KEY not in caplog.text


@pytest.mark.anyio
async def test_async_break_after_the_second_chunk_stops_the_task(
    aclient: AsyncDifyChatflow, server: FakeDify
) -> None:
    server.script("sendAdvancedChatMessage", SSEReply(chunks(5), hold_open=True))
    seen = []
    async with await aclient.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
        async for event in stream:
            seen.append(event)
            if len(seen) == 2:
                break
    assert_one_stop(server)


@pytest.mark.anyio
async def test_async_fully_read_stream_stops_nothing(aclient: AsyncDifyChatflow, server: FakeDify) -> None:
    server.script("sendAdvancedChatMessage", SSEReply(whole_stream()))
    stream = await aclient.chat.send_message(**CHAT_ARGS, response_mode="streaming")
    assert await stream.text() == " 0 1 2"
    await stream.aclose()
    assert server.calls_of("stopAdvancedChatMessageGeneration") == []


@pytest.mark.anyio
async def test_async_failing_stop_is_logged_not_raised(
    aclient: AsyncDifyChatflow, server: FakeDify, caplog: pytest.LogCaptureFixture
) -> None:
    server.script("sendAdvancedChatMessage", SSEReply(chunks(5), hold_open=True))
    server.script("stopAdvancedChatMessageGeneration", dify_error(500, "boom", "internal"))
    caplog.set_level(logging.WARNING, logger="dify_chatflow")
    stream = await aclient.chat.send_message(**CHAT_ARGS, response_mode="streaming")
    await stream.__anext__()
    await stream.aclose()
    assert_one_stop(server)
    assert "could not stop task task-4711" in caplog.text and API_KEY not in caplog.text
