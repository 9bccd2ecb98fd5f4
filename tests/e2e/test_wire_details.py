"""Details of what goes on the wire: encoding of awkward values, nulls, options."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from dify_chatflow import (
    APIResponseValidationError,
    APITimeoutError,
    BadRequestError,
    DifyChatflow,
    InternalServerError,
)
from dify_chatflow.models import StreamEventChatMessage

from e2e_server import PREVIEW_BYTES, BytesReply, FakeDify, JSONReply, SSEReply
from e2e_spec import sse_example, sse_frame, success_example

USER = "abc-123"
UUID_A = "a1b2c3d4-5678-90ab-cdef-1234567890ab"


@pytest.mark.parametrize(
    ("task_id", "raw"),
    [
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("a/../b", "a%2F..%2Fb"),
        ("50%", "50%25"),
        ("ü ß", "%C3%BC%20%C3%9F"),
    ],
)
def test_path_params_stay_in_their_segment(task_id: str, raw: str, client: DifyChatflow, server: FakeDify) -> None:
    client.chat.stop(task_id, user=USER)
    assert server.last.raw_path == f"/chat-messages/{raw}/stop"
    assert server.last.path_params == {"task_id": task_id}


def test_empty_path_param_is_refused_before_sending(client: DifyChatflow, server: FakeDify) -> None:
    with pytest.raises(ValueError):
        client.chat.stop("", user=USER)
    assert server.calls == []


def test_query_values_with_reserved_characters(client: DifyChatflow, server: FakeDify) -> None:
    user = "a+b&c=d #é"
    client.messages.suggested("m1", user=user)
    assert server.last.query_dict == {"user": user}


def test_feedback_rating_none_is_sent_as_null(client: DifyChatflow, server: FakeDify) -> None:
    client.messages.feedback("m1", user=USER, rating=None)
    assert server.last.json == {"rating": None, "user": USER}


def test_omitted_optionals_are_not_sent(client: DifyChatflow, server: FakeDify) -> None:
    client.conversations.list()
    client.audio.text_to_audio(text="hi")
    client.files.preview("f1")
    list_call, tts_call, preview_call = server.calls
    assert list_call.query == []
    assert tts_call.json == {"text": "hi"}
    assert preview_call.query == []


def test_extra_headers_and_query_reach_the_server(client: DifyChatflow, server: FakeDify) -> None:
    client.app.info(extra_headers={"X-Trace": "t-1"})
    assert server.last.headers["x-trace"] == "t-1"
    assert server.last.headers["authorization"].startswith("Bearer ")
    assert server.last.headers["user-agent"].startswith("dify-chatflow/")


def test_unknown_response_fields_are_kept(client: DifyChatflow, server: FakeDify) -> None:
    body = {**success_example("getAdvancedChatAppInfo").value, "icon_url": "https://x.test/i.png"}
    server.script("getAdvancedChatAppInfo", JSONReply(200, body))
    info = client.app.info()
    assert info.model_extra == {"icon_url": "https://x.test/i.png"}
    assert info.model_dump(mode="json", exclude_unset=True) == body


def test_read_timeout_mid_stream(client: DifyChatflow, server: FakeDify) -> None:
    message = sse_example("streamingResponseBasic")[0]
    server.script("sendAdvancedChatMessage", SSEReply([sse_frame(message)], hold_open=True))
    with client.chat.send_message(query="q", inputs={}, user=USER, response_mode="streaming", timeout=0.2) as stream:
        assert isinstance(next(stream), StreamEventChatMessage)
        with pytest.raises(APITimeoutError):
            next(stream)
    assert server.disconnected.wait(5)


def test_workflow_logs_datetime_filters_are_rfc3339(client: DifyChatflow, server: FakeDify) -> None:
    before = datetime(2025, 1, 16, 12, 0, tzinfo=timezone.utc)
    after = before - timedelta(days=1, microseconds=-500)
    try:
        client.workflows.logs(created_at_before=before, created_at_after=after)
    except BadRequestError:
        pass  # the strict server refuses a malformed date-time; the asserts say why
    finally:
        server.violations.clear()
    query = server.last.query_dict
    assert query["created_at__before"] == before.isoformat()
    assert query["created_at__after"] == after.isoformat()
    assert "T" in query["created_at__before"]


def test_non_json_error_body_from_a_proxy(client: DifyChatflow, server: FakeDify) -> None:
    server.script("getAdvancedChatAppInfo", BytesReply(502, b"<html>502 Bad Gateway</html>", "text/html"))
    with pytest.raises(InternalServerError) as info:
        client.app.info()
    assert info.value.status_code == 502
    assert info.value.code is None
    assert info.value.body == "<html>502 Bad Gateway</html>"


def test_malformed_success_body_is_a_validation_error(client: DifyChatflow, server: FakeDify) -> None:
    server.script("getAdvancedChatAppInfo", JSONReply(200, {"name": ["not", "a", "string"]}))
    with pytest.raises(APIResponseValidationError) as info:
        client.app.info()
    assert info.value.status_code == 200
    assert info.value.body == {"name": ["not", "a", "string"]}


def test_raw_response_of_a_stream(client: DifyChatflow, server: FakeDify) -> None:
    raw = client.chat.with_raw_response.send_message(query="q", inputs={}, user=USER, response_mode="streaming")
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("text/event-stream")
    with raw.parse() as stream:
        assert [type(e).__name__ for e in stream] == ["StreamEventChatMessage", "StreamEventChatMessageEnd"]


def test_response_wrappers_are_built_once_and_still_call(client: DifyChatflow, server: FakeDify) -> None:
    annotations = client.annotations
    assert annotations.with_raw_response is annotations.with_raw_response
    assert annotations.with_streaming_response is annotations.with_streaming_response
    for _ in range(2):
        raw = annotations.with_raw_response.delete(UUID_A)
        assert raw.status_code == 204 and raw.parse() is None
    with annotations.with_streaming_response.delete(UUID_A) as response:
        assert response.status_code == 204
    assert [c.method for c in server.calls] == ["DELETE", "DELETE", "DELETE"]


def test_streamed_download_to_file(client: DifyChatflow, server: FakeDify, tmp_path: Path) -> None:
    with client.files.with_streaming_response.preview("f1", user=USER) as response:
        assert response.status_code == 200
        written = response.write_to_file(tmp_path / "preview.png")
    assert written == len(PREVIEW_BYTES)
    assert (tmp_path / "preview.png").read_bytes() == PREVIEW_BYTES
    assert server.last.query_dict == {"user": USER}


def test_text_honours_message_replace(client: DifyChatflow, server: FakeDify) -> None:
    message, end = sse_example("streamingResponseBasic")
    replace = {**message, "event": "message_replace", "answer": "[moderated]", "reason": "policy"}
    body = [sse_frame({**message, "answer": "bad words"}), sse_frame(replace), sse_frame(end)]
    server.script("sendAdvancedChatMessage", SSEReply(body))
    with client.chat.send_message(query="q", inputs={}, user=USER, response_mode="streaming") as stream:
        text = stream.text()
    assert text == "[moderated]"
