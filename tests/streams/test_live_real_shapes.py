"""The real shapes (fixtures/: excerpts of Dify's and OpenAI's specs), generated
without any stream config and called live: typed events, `ping` skipped, an
`error` event raised as an APIStatusError, OpenAI's `[DONE]`."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from tests.streams.conftest import Packages
from tests.streams.sse_server import Events, Json, SSEServer, frame

RUN = {"task_id": "c3800678-a077-43df-a102-53f23ed20b88", "workflow_run_id": "fb47b2e6-5e43-4f90-be01-d5c5a088d156"}
WORKFLOW = [
    frame({"event": "workflow_started", **RUN, "data": {"id": "fb47b2e6", "workflow_id": "7c3e33d4"}}),
    frame({"event": "ping"}, event="ping"),
    frame({"event": "text_chunk", **RUN, "data": {"text": "Bonjour"}}),
    frame({"event": "workflow_finished", **RUN, "data": {"status": "succeeded", "outputs": {"result": "Bonjour"}}}),
]


def chunk(content: str, finish: Any = None) -> Dict[str, Any]:
    return {"id": "chatcmpl-123", "object": "chat.completion.chunk",
            "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": finish}]}


def test_dify_workflow_events_are_the_union_the_description_names(packages: Packages, sse: SSEServer) -> None:
    package = packages["dify_workflow"]
    assert any("typed as ChunkWorkflowEvent" in w and "/responses/200/description" in w for w in package.warnings)
    sse.script("/workflows/run", Events(WORKFLOW))
    with package.client(sse.url) as client:
        events = list(client.workflows.run(inputs={}, user="u1", response_mode="streaming"))
    models = package.module.models
    assert [type(e) for e in events] == [models.StreamEventWorkflowStarted, models.StreamEventTextChunk,
                                         models.StreamEventWorkflowFinished]
    assert events[1].data.text == "Bonjour"


@pytest.mark.anyio
async def test_dify_error_event_is_caught_as_an_api_status_error(packages: Packages, sse: SSEServer) -> None:
    package = packages["dify_workflow"]
    error = {"event": "error", "status": 429, "code": "rate_limit_error", "message": "Rate Limit Error"}
    sse.script("/workflows/run", Events([WORKFLOW[0], frame(error)]))
    async with package.async_client(sse.url) as client:
        stream = await client.workflows.run(inputs={}, user="u1", response_mode="streaming")
        with pytest.raises(package.module.APIStatusError) as caught:
            await stream.until_done()
    err = caught.value
    assert isinstance(err, package.module.StreamError)
    assert (err.status_code, err.status, err.code, err.message) == (429, 429, "rate_limit_error", "Rate Limit Error")
    assert err.body == error and err.response.status_code == 200


def test_dify_resume_stream_is_a_get_that_only_streams_dicts(packages: Packages, sse: SSEServer) -> None:
    package = packages["dify_workflow"]
    assert any("no event schema: events arrive as dicts" in w and "events/get" in w for w in package.warnings)
    sse.script("/workflow/c3800678/events", Events(WORKFLOW[-1:]))
    with package.client(sse.url) as client:
        events = list(client.workflows.events("c3800678", user="u1"))
    assert events == [{"event": "workflow_finished", **RUN, "data": {"status": "succeeded", "outputs": {"result": "Bonjour"}}}]
    assert (sse.last.method, sse.last.query) == ("GET", "user=u1")


def test_dify_completion_prefers_the_media_type_description(packages: Packages, sse: SSEServer) -> None:
    # The response's description names `ChunkCompletionResponse`, which is no schema;
    # the media type's schema description names the union.
    package = packages["dify_completion"]
    assert any("typed as ChunkCompletionEvent" in w and "text~1event-stream/schema/description" in w
               for w in package.warnings)
    message = {"event": "message", "task_id": RUN["task_id"], "message_id": RUN["workflow_run_id"], "answer": " I"}
    sse.script("/completion-messages", Events([frame(message), frame({**message, "event": "message_end"})]))
    with package.client(sse.url) as client:
        events = list(client.completion.create(inputs={"query": "Hi"}, response_mode="streaming"))
    assert [type(e).__name__ for e in events] == ["StreamEventMessage", "StreamEventMessageEnd"]


def test_openai_nullable_stream_and_done(packages: Packages, sse: SSEServer) -> None:
    package = packages["openai"]
    messages = [{"role": "user", "content": "Hello!"}]
    sse.script("/chat/completions", Events([frame(chunk("Hello")), frame(chunk("!", "stop")), frame("[DONE]")]))
    with package.client(sse.url) as client:
        chunks = list(client.chat.create(model="gpt-4o-mini", messages=messages, stream=True))
        assert [c.choices[0].delta.content for c in chunks] == ["Hello", "!"]
        assert sse.last.body == {"model": "gpt-4o-mini", "messages": messages, "stream": True}
        sse.script("/chat/completions", Json({"id": "chatcmpl-1", "object": "chat.completion", "choices": []}))
        completion = client.chat.create(model="gpt-4o-mini", messages=messages, stream=None)
    assert type(completion).__name__ == "CreateChatCompletionResponse"
    assert sse.last.body == {"model": "gpt-4o-mini", "messages": messages, "stream": None}


def test_openai_error_event_nests_its_detail(packages: Packages, sse: SSEServer) -> None:
    package = packages["openai"]
    error = {"error": {"message": "The server had an error", "type": "server_error", "code": "server_error"}}
    sse.script("/chat/completions", Events([frame(chunk("Hel")), frame(error, event="error")]))
    with package.client(sse.url) as client:
        stream = client.chat.create(model="m", messages=[{"role": "user", "content": "x"}], stream=True)
        # OpenAI's chunks carry no `event` field, so the SSE event name tags the error.
        with pytest.raises(package.module.APIStatusError) as caught:
            list(stream)
    assert (caught.value.message, caught.value.code, caught.value.status_code) == (
        "The server had an error", "server_error", 200)
