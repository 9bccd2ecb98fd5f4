"""A representative subset through `AsyncDifyChatflow`: the same server, the same checks."""

from __future__ import annotations

import asyncio
import copy
from pathlib import Path
from typing import Any, List

import pytest

from dify_chatflow import (
    AsyncDifyChatflow,
    AsyncPage,
    AsyncPaginator,
    AsyncStream,
    NotFoundError,
    RateLimitError,
    StreamError,
)
from dify_chatflow.models import (
    AnnotationItem,
    ChatCompletionResponse,
    ChunkChatEventUnknown,
    ConversationListItem,
    ConversationMessageItem,
    EndUserDetail,
    FileUploadResponse,
    StreamEventChatMessage,
    StreamEventChatMessageEnd,
    StreamEventNodeFinished,
    StreamEventNodeStarted,
    StreamEventWorkflowFinished,
    StreamEventWorkflowStarted,
)

from e2e_asserts import assert_model, assert_request
from e2e_server import AUDIO_BYTES, PREVIEW_BYTES, FakeDify, JSONReply, SSEReply, UploadedFile
from e2e_spec import named_example, newer_spec_reasoning_chunk, sse_example, sse_frame, success_example

pytestmark = pytest.mark.anyio

USER = "abc-123"
UUID_A = "a1b2c3d4-5678-90ab-cdef-1234567890ab"
PING = b'event: ping\ndata: {"event": "ping"}\n\n'
CHAT_ARGS: Any = {"query": "Hi", "inputs": {}, "user": USER}


async def test_blocking_chat(aclient: AsyncDifyChatflow, server: FakeDify) -> None:
    resp = await aclient.chat.send_message(**CHAT_ARGS, conversation_id="conv/1")
    assert_request(
        server.only_call(),
        "sendAdvancedChatMessage",
        "POST",
        "/chat-messages",
        json={**CHAT_ARGS, "conversation_id": "conv/1"},
    )
    assert_model(resp, ChatCompletionResponse, success_example("sendAdvancedChatMessage").value)
    assert resp.answer == "iPhone 13 Pro Max specs are listed here:..."


async def test_streaming_workflow_with_ping_and_unknown_event(aclient: AsyncDifyChatflow, server: FakeDify) -> None:
    events = [sse_frame(e) for e in sse_example("streamingResponseWorkflow")]
    reasoning = newer_spec_reasoning_chunk()
    server.script("sendAdvancedChatMessage", SSEReply([PING, *events[:2], sse_frame(reasoning), PING, *events[2:]]))

    stream = await aclient.chat.send_message(**CHAT_ARGS, response_mode="streaming")
    assert isinstance(stream, AsyncStream)
    async with stream:
        received = [event async for event in stream]
    assert server.last.headers["accept"] == "text/event-stream"
    assert server.last.json == {**CHAT_ARGS, "response_mode": "streaming"}
    assert [type(e) for e in received] == [
        StreamEventWorkflowStarted,
        StreamEventNodeStarted,
        ChunkChatEventUnknown,
        StreamEventChatMessage,
        StreamEventNodeFinished,
        StreamEventChatMessageEnd,
        StreamEventWorkflowFinished,
    ]
    unknown = received[2]
    assert isinstance(unknown, ChunkChatEventUnknown)
    assert unknown.event == "reasoning_chunk"
    assert unknown.model_dump(mode="json") == reasoning
    message = received[3]
    assert isinstance(message, StreamEventChatMessage) and message.answer == " I"
    assert stream.response.is_closed


async def test_until_done_and_text(aclient: AsyncDifyChatflow, server: FakeDify) -> None:
    message, end = sse_example("streamingResponseBasic")
    chunks = [sse_frame({**copy.deepcopy(message), "answer": a}) for a in [" I", " am", " here"]]
    server.script("sendAdvancedChatMessage", SSEReply([*chunks, PING, sse_frame(end)]), SSEReply([*chunks, sse_frame(end)]))

    async with await aclient.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
        result = await stream.until_done()
    assert result.text == " I am here"
    assert isinstance(result.final, StreamEventChatMessageEnd)
    assert result.events == 4

    async with await aclient.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
        assert await stream.text() == " I am here"


async def test_error_event_raises(aclient: AsyncDifyChatflow, server: FakeDify) -> None:
    message = sse_example("streamingResponseBasic")[0]
    error = {"event": "error", "status": 400, "code": "provider_quota_exceeded", "message": "Quota exhausted."}
    server.script("sendAdvancedChatMessage", SSEReply([sse_frame(message), sse_frame(error)]))
    received: List[Any] = []
    with pytest.raises(StreamError) as info:
        async with await aclient.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
            async for event in stream:
                received.append(event)
    assert [type(e) for e in received] == [StreamEventChatMessage]
    assert (info.value.status, info.value.code, info.value.message) == (400, "provider_quota_exceeded", "Quota exhausted.")


async def test_breaking_out_closes_the_connection(aclient: AsyncDifyChatflow, server: FakeDify) -> None:
    message = sse_example("streamingResponseBasic")[0]
    server.script("sendAdvancedChatMessage", SSEReply([sse_frame(message)] * 2, hold_open=True))
    async with await aclient.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
        async for event in stream:
            assert isinstance(event, StreamEventChatMessage)
            break
    assert stream.response.is_closed
    disconnected = await asyncio.to_thread(server.disconnected.wait, 5)
    assert disconnected, "server never saw the client disconnect"
    assert (await aclient.chat.stop("t1", user=USER)).result == "success"


async def test_upload_bytes_and_path(aclient: AsyncDifyChatflow, server: FakeDify, tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(64))
    for file in (photo, photo.read_bytes(), ("photo.jpg", photo.read_bytes(), "image/jpeg")):
        resp = await aclient.files.upload(file=file, user=USER)
        assert_model(resp, FileUploadResponse, success_example("uploadAdvancedChatFile").value)
    parts = [c.files["file"][0] for c in server.calls_of("uploadAdvancedChatFile")]
    assert parts[0] == UploadedFile("photo.jpg", "image/jpeg", photo.read_bytes())
    assert parts[1].data == photo.read_bytes()
    assert parts[2] == UploadedFile("photo.jpg", "image/jpeg", photo.read_bytes())
    assert all(c.form == {"user": [USER]} for c in server.calls)


async def test_pagination_async_for_crosses_pages(aclient: AsyncDifyChatflow, server: FakeDify) -> None:
    op = "getAdvancedConversationsList"
    example = success_example(op).value
    first = copy.deepcopy(example)
    first["has_more"] = True
    first["data"] = [{**example["data"][0], "id": "c1"}, {**example["data"][0], "id": "c2"}]
    server.script(op, JSONReply(200, first))

    paginator = aclient.conversations.list(user=USER, limit=2)
    assert isinstance(paginator, AsyncPaginator)
    ids = [item.id async for item in paginator]
    assert ids == ["c1", "c2", example["data"][0]["id"]]
    assert [c.query_dict.get("last_id") for c in server.calls_of(op)] == [None, "c2"]


async def test_pagination_await_first_page(aclient: AsyncDifyChatflow, server: FakeDify) -> None:
    op = "getAdvancedConversationHistory"
    example = success_example(op).value
    server.script(op, JSONReply(200, {**example, "has_more": True}))
    page = await aclient.messages.list(conversation_id="c1", limit=1)
    assert isinstance(page, AsyncPage)
    assert [type(m) for m in page.items] == [ConversationMessageItem]
    assert page.has_next_page()
    older = await page.next_page()
    assert not older.has_next_page()
    first_id = example["data"][0]["id"]
    assert [c.query_dict.get("first_id") for c in server.calls_of(op)] == [None, first_id]


async def test_annotations_crud(aclient: AsyncDifyChatflow, server: FakeDify) -> None:
    created = await aclient.annotations.create(question="What is Dify?", answer="A platform.")
    assert isinstance(created, AnnotationItem) and created.id == UUID_A
    updated = await aclient.annotations.update(UUID_A, question="What is Dify?", answer="An LLM platform.")
    assert_model(updated, AnnotationItem, success_example("updateAdvancedAnnotation").value)
    await aclient.annotations.delete(UUID_A)  # typed `-> None`
    raw = await aclient.annotations.with_raw_response.delete(UUID_A)
    assert raw.status_code == 204
    assert [c.method for c in server.calls] == ["POST", "PUT", "DELETE", "DELETE"]
    assert server.calls[1].json == {"question": "What is Dify?", "answer": "An LLM platform."}


async def test_response_wrappers_are_built_once_and_still_call(aclient: AsyncDifyChatflow, server: FakeDify) -> None:
    annotations = aclient.annotations
    assert annotations.with_raw_response is annotations.with_raw_response
    assert annotations.with_streaming_response is annotations.with_streaming_response
    raw = await annotations.with_raw_response.delete(UUID_A)
    assert raw.status_code == 204
    async with annotations.with_streaming_response.delete(UUID_A) as response:
        assert response.status_code == 204
    assert [c.method for c in server.calls] == ["DELETE", "DELETE"]


async def test_binary_answers(aclient: AsyncDifyChatflow, server: FakeDify, tmp_path: Path) -> None:
    assert await aclient.audio.text_to_audio(text="Hello", user=USER) == AUDIO_BYTES
    assert server.last.json == {"text": "Hello", "user": USER}
    assert await aclient.files.preview(UUID_A, as_attachment=False) == PREVIEW_BYTES
    assert server.last.query_dict == {"as_attachment": "false"}
    async with aclient.audio.with_streaming_response.text_to_audio(text="Hello") as response:
        assert response.status_code == 200
        written = await response.write_to_file(tmp_path / "out.mp3")
    assert written == len(AUDIO_BYTES)
    assert (tmp_path / "out.mp3").read_bytes() == AUDIO_BYTES


async def test_typed_errors(aclient: AsyncDifyChatflow, server: FakeDify) -> None:
    not_found = named_example("getEndUserChatflow", 404, "end_user_not_found")
    server.script("getEndUserChatflow", JSONReply(404, not_found.value))
    with pytest.raises(NotFoundError) as info:
        await aclient.end_users.get(UUID_A)
    assert (info.value.status_code, info.value.code) == (404, "end_user_not_found")
    assert info.value.body == not_found.value
    assert info.value.response.status_code == 404

    limited = named_example("sendAdvancedChatMessage", 429, "rate_limit_error")
    server.script("sendAdvancedChatMessage", JSONReply(429, limited.value))
    with pytest.raises(RateLimitError) as rl:
        await aclient.chat.send_message(**CHAT_ARGS, response_mode="streaming")
    assert rl.value.message == "Rate Limit Error"

    user = await aclient.end_users.get(UUID_A)
    assert_model(user, EndUserDetail, success_example("getEndUserChatflow").value)


async def test_concurrent_requests(aclient: AsyncDifyChatflow, server: FakeDify) -> None:
    results = await asyncio.gather(
        aclient.app.info(),
        aclient.app.meta(),
        aclient.app.site(),
        aclient.conversations.rename("c1", user=USER, name="n"),
    )
    assert [type(r).__name__ for r in results] == [
        "AppInfoResponse",
        "AppMetaResponse",
        "WebAppSettingsResponse",
        "ConversationListItem",
    ]
    assert isinstance(results[3], ConversationListItem)
    assert sorted(c.operation_id for c in server.calls) == sorted(
        ["getAdvancedChatAppInfo", "getAdvancedChatAppMeta", "getAdvancedChatWebAppSettings", "renameAdvancedConversation"]
    )
