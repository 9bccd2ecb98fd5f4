"""POST /chat-messages with response_mode="streaming" against real SSE.

The server replays the spec's own `text/event-stream` examples, split into
proper frames, plus what a live Dify also sends: `ping` keep-alives, event
types this spec does not know (`reasoning_chunk` from a newer Dify spec) and
`error` events inside a 200 stream.
"""

from __future__ import annotations

import copy
import json
from typing import Any, Dict, List

import pytest

from dify_chatflow import (
    APIConnectionError,
    DifyChatflow,
    IncompleteStreamError,
    Stream,
    StreamError,
    StreamResult,
)
from dify_chatflow.models import (
    ChunkChatEventUnknown,
    StreamEventChatMessage,
    StreamEventChatMessageEnd,
    StreamEventChatMessageEndMetadata,
    StreamEventNodeFinished,
    StreamEventNodeFinishedData,
    StreamEventNodeStarted,
    StreamEventWorkflowFinished,
    StreamEventWorkflowStarted,
    StreamEventWorkflowStartedData,
    Usage,
)

from e2e_asserts import assert_request
from e2e_server import FakeDify, SSEReply
from e2e_spec import newer_spec_reasoning_chunk, sse_example, sse_frame

USER = "abc-123"
PING = b'event: ping\ndata: {"event": "ping"}\n\n'

CHAT_ARGS: Dict[str, Any] = {"query": "Hi", "inputs": {"city": "San Francisco"}, "user": USER}

WORKFLOW_CLASSES = [
    StreamEventWorkflowStarted,
    StreamEventNodeStarted,
    StreamEventChatMessage,
    StreamEventNodeFinished,
    StreamEventChatMessageEnd,
    StreamEventWorkflowFinished,
]


def frames(events: List[Dict[str, Any]]) -> List[bytes]:
    return [sse_frame(event) for event in events]


def with_answers(answers: List[str]) -> List[Dict[str, Any]]:
    """The basic example with its one `message` event repeated per answer chunk."""
    message, end = sse_example("streamingResponseBasic")
    chunks = [{**copy.deepcopy(message), "answer": answer} for answer in answers]
    return [*chunks, end]


def error_event(status: int = 400, code: str = "completion_request_error") -> Dict[str, Any]:
    message = sse_example("streamingResponseBasic")[0]
    return {
        "event": "error",
        "message_id": message["message_id"],
        "conversation_id": message["conversation_id"],
        "status": status,
        "code": code,
        "message": "Model rate limit exceeded.",
    }


def start(client: DifyChatflow) -> Stream[Any]:
    return client.chat.send_message(**CHAT_ARGS, response_mode="streaming")


def test_basic_example_arrives_as_typed_events(client: DifyChatflow, server: FakeDify) -> None:
    expected = sse_example("streamingResponseBasic")
    with start(client) as stream:
        assert isinstance(stream, Stream)
        events = list(stream)

    assert_request(
        server.only_call(),
        "sendAdvancedChatMessage",
        "POST",
        "/chat-messages",
        json={**CHAT_ARGS, "response_mode": "streaming"},
    )
    assert server.last.headers["accept"] == "text/event-stream"
    assert [type(e) for e in events] == [StreamEventChatMessage, StreamEventChatMessageEnd]
    message, end = events
    assert isinstance(message, StreamEventChatMessage)
    assert message.answer == " I"
    assert message.task_id == "mock_task_id"
    assert message.model_dump(mode="json", exclude_unset=True) == expected[0]
    assert isinstance(end, StreamEventChatMessageEnd)
    assert isinstance(end.metadata, StreamEventChatMessageEndMetadata)
    assert isinstance(end.metadata.usage, Usage)
    assert end.metadata.usage.total_tokens == 10
    assert end.model_dump(mode="json", exclude_unset=True) == expected[1]
    assert stream.response.is_closed


def test_workflow_example_with_pings_and_an_unknown_event(client: DifyChatflow, server: FakeDify) -> None:
    spec_events = sse_example("streamingResponseWorkflow")
    reasoning = newer_spec_reasoning_chunk()
    body = frames(spec_events)
    # ping first (as an SSE `event:` frame), reasoning after node_started,
    # another bare ping between the message and node_finished.
    body = [PING, *body[:2], sse_frame(reasoning), body[2], sse_frame({"event": "ping"}), *body[3:]]
    server.script("sendAdvancedChatMessage", SSEReply(body))

    with start(client) as stream:
        events = list(stream)

    classes = [type(e) for e in events]
    assert classes == [*WORKFLOW_CLASSES[:2], ChunkChatEventUnknown, *WORKFLOW_CLASSES[2:]]

    started, node_started, unknown, message, node_finished, end, finished = events
    assert isinstance(started, StreamEventWorkflowStarted)
    assert isinstance(started.data, StreamEventWorkflowStartedData)
    assert started.data.workflow_id == "wf_def456"
    assert started.data.inputs == {"city": "San Francisco"}
    assert started.workflow_run_id == "wfr_abc123"
    assert isinstance(node_started, StreamEventNodeStarted)
    assert node_started.data is not None and node_started.data.node_type == "llm"
    assert isinstance(message, StreamEventChatMessage) and message.answer == " I"
    assert isinstance(node_finished, StreamEventNodeFinished)
    assert isinstance(node_finished.data, StreamEventNodeFinishedData)
    assert (node_finished.data.status, node_finished.data.elapsed_time) == ("succeeded", 1.5)
    assert isinstance(end, StreamEventChatMessageEnd)
    assert isinstance(finished, StreamEventWorkflowFinished)
    assert finished.data is not None and finished.data.total_steps == 2

    # The unknown event keeps every field it came with.
    assert isinstance(unknown, ChunkChatEventUnknown)
    assert unknown.event == "reasoning_chunk"
    assert unknown.model_extra is not None
    assert unknown.model_extra["data"] == reasoning["data"]
    assert unknown.model_dump(mode="json") == reasoning

    for event, original in zip([started, node_started, message, node_finished, end, finished], spec_events):
        assert event.model_dump(mode="json", exclude_unset=True) == original


def test_until_done_and_text(client: DifyChatflow, server: FakeDify) -> None:
    answers = [" I", " am", " fine", "."]
    server.script(
        "sendAdvancedChatMessage",
        SSEReply([PING, *frames(with_answers(answers))]),
        SSEReply(frames(with_answers(answers))),
    )

    with start(client) as stream:
        first = next(stream)
        result = stream.until_done()
    assert isinstance(first, StreamEventChatMessage) and first.answer == " I"
    assert isinstance(result, StreamResult)
    assert result.text == " I am fine."  # includes events read before until_done()
    assert isinstance(result.final, StreamEventChatMessageEnd)
    assert result.final.metadata is not None and result.final.metadata.usage is not None
    assert result.final.metadata.usage.total_tokens == 10
    assert result.events == 5  # pings are not counted

    with start(client) as stream:
        assert stream.text() == " I am fine."
    assert len(server.calls) == 2


def test_error_event_raises_stream_error(client: DifyChatflow, server: FakeDify) -> None:
    message = sse_example("streamingResponseBasic")[0]
    error = error_event(429, "rate_limit_error")
    server.script("sendAdvancedChatMessage", SSEReply([sse_frame(message), PING, sse_frame(error)]))

    received: List[Any] = []
    with pytest.raises(StreamError) as info:
        with start(client) as stream:
            for event in stream:
                received.append(event)

    assert [type(e) for e in received] == [StreamEventChatMessage]
    err = info.value
    assert err.status == 429
    assert err.code == "rate_limit_error"
    assert err.message == "Model rate limit exceeded."
    assert err.event == error
    assert "rate_limit_error" in str(err)
    assert stream.response.is_closed


def test_error_event_after_workflow_failure(client: DifyChatflow, server: FakeDify) -> None:
    """Dify's failure sequence: workflow_finished(failed) then error, no message_end."""
    started, node_started, *_, finished = sse_example("streamingResponseWorkflow")
    failed = copy.deepcopy(finished)
    failed["data"]["status"] = "failed"
    failed["data"]["error"] = "LLM node failed"
    body = frames([started, node_started, failed, error_event(500, "internal_server_error")])
    server.script("sendAdvancedChatMessage", SSEReply(body))

    with start(client) as stream:
        with pytest.raises(StreamError) as info:
            stream.until_done()
    assert (info.value.status, info.value.code) == (500, "internal_server_error")


def test_breaking_out_closes_the_connection(client: DifyChatflow, server: FakeDify) -> None:
    # The server sends two chunks and then keeps the response open forever.
    server.script("sendAdvancedChatMessage", SSEReply(frames(with_answers([" I", " am"])[:2]), hold_open=True))

    with start(client) as stream:
        for event in stream:
            assert isinstance(event, StreamEventChatMessage)
            break
    assert stream.response.is_closed
    assert server.disconnected.wait(5), "server never saw the client disconnect"

    # The client is still usable afterwards.
    assert client.chat.stop("mock_task_id", user=USER).result == "success"


def test_close_without_context_manager(client: DifyChatflow, server: FakeDify) -> None:
    server.script("sendAdvancedChatMessage", SSEReply(frames(with_answers([" I"])[:1]), hold_open=True))
    stream = start(client)
    assert isinstance(next(stream), StreamEventChatMessage)
    stream.close()
    assert stream.response.is_closed
    assert server.disconnected.wait(5), "server never saw the client disconnect"


def test_stream_ending_without_terminal_event_is_incomplete(client: DifyChatflow, server: FakeDify) -> None:
    server.script("sendAdvancedChatMessage", SSEReply(frames(with_answers([" I", " am"])[:2])))
    with start(client) as stream:
        with pytest.raises(IncompleteStreamError):
            stream.until_done()
    assert issubclass(IncompleteStreamError, APIConnectionError)


def test_sse_frames_split_across_chunks(client: DifyChatflow, server: FakeDify) -> None:
    """Frames cut mid-JSON and mid-line by the network still parse."""
    wire = b"".join(frames(sse_example("streamingResponseWorkflow")))
    pieces = [wire[i : i + 7] for i in range(0, len(wire), 7)]
    server.script("sendAdvancedChatMessage", SSEReply(pieces))
    with start(client) as stream:
        assert [type(e) for e in stream] == WORKFLOW_CLASSES


def test_spec_examples_are_split_into_frames() -> None:
    """The helper turns the one-line spec examples into one event per `data:`."""
    basic = sse_example("streamingResponseBasic")
    assert [e["event"] for e in basic] == ["message", "message_end"]
    workflow = sse_example("streamingResponseWorkflow")
    assert [e["event"] for e in workflow] == [
        "workflow_started",
        "node_started",
        "message",
        "node_finished",
        "message_end",
        "workflow_finished",
    ]
    frame = sse_frame(basic[0])
    assert frame.startswith(b"data: {") and frame.endswith(b"}\n\n")
    assert json.loads(frame[len(b"data: ") :]) == basic[0]
