"""Non-2xx answers: every error example of the spec becomes a typed exception."""

from __future__ import annotations

import io
from typing import Any, Callable, Dict, List, Tuple, Type

import httpx
import pytest

from dify_chatflow import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    DifyChatflow,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
)

from e2e_server import FakeDify, JSONReply, dify_error
from e2e_spec import Example, named_example, operations, media_examples

USER = "abc-123"
UUID_A = "a1b2c3d4-5678-90ab-cdef-1234567890ab"

# The smallest valid call of each operation that has error examples.
MINIMAL_CALLS: Dict[str, Callable[[DifyChatflow], Any]] = {
    "sendAdvancedChatMessage": lambda c: c.chat.send_message(query="q", inputs={}, user=USER),
    "stopAdvancedChatMessageGeneration": lambda c: c.chat.stop("t1", user=USER),
    "getAdvancedSuggestedQuestions": lambda c: c.messages.suggested("m1", user=USER),
    "uploadAdvancedChatFile": lambda c: c.files.upload(file=b"x"),
    "previewChatFlowFile": lambda c: c.files.preview(UUID_A),
    "getEndUserChatflow": lambda c: c.end_users.get(UUID_A),
    "postAdvancedChatMessageFeedback": lambda c: c.messages.feedback("m1", user=USER),
    "getAdvancedConversationsList": lambda c: c.conversations.list(),
    "getAdvancedConversationHistory": lambda c: c.messages.list(conversation_id="c1"),
    "getAdvancedConversationVariables": lambda c: c.conversations.variables("c1"),
    "renameAdvancedConversation": lambda c: c.conversations.rename("c1", user=USER),
    "updateChatflowConversationVariable": lambda c: c.conversations.update_variable(UUID_A, UUID_A, value=1),
    "deleteAdvancedConversation": lambda c: c.conversations.delete("c1"),
    "advancedAudioToText": lambda c: c.audio.audio_to_text(file=io.BytesIO(b"x")),
    "advancedTextToAudio": lambda c: c.audio.text_to_audio(text="hi"),
    "getAdvancedChatAppParameters": lambda c: c.app.parameters(),
    "getAdvancedChatWebAppSettings": lambda c: c.app.site(),
    "updateAdvancedAnnotation": lambda c: c.annotations.update(UUID_A, question="q", answer="a"),
    "deleteAdvancedAnnotation": lambda c: c.annotations.delete(UUID_A),
    "getAdvancedInitialAnnotationReplySettingsStatus": lambda c: c.annotations.reply_status("enable", UUID_A),
    "getChatflowWorkflowRunDetail": lambda c: c.workflows.get_run("r1"),
}

EXPECTED_CLASS: Dict[int, Type[APIStatusError]] = {
    400: BadRequestError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
    500: InternalServerError,
}


def spec_error_examples() -> List[Tuple[str, Example]]:
    out = []
    for op in operations().values():
        for code, response in sorted(op.responses.items()):
            if code.startswith("2"):
                continue
            for media in response.get("content", {}).values():
                for name in media_examples(media):
                    out.append((op.operation_id, named_example(op.operation_id, int(code), name)))
    return out


ERROR_EXAMPLES = spec_error_examples()


def test_error_examples_found() -> None:
    assert len(ERROR_EXAMPLES) >= 60
    assert {op for op, _ in ERROR_EXAMPLES} == set(MINIMAL_CALLS)


@pytest.mark.parametrize(
    ("operation_id", "example"),
    ERROR_EXAMPLES,
    ids=[f"{op}-{ex.status}-{ex.name}" for op, ex in ERROR_EXAMPLES],
)
def test_spec_error_example_raises_typed_error(
    operation_id: str, example: Example, client: DifyChatflow, server: FakeDify
) -> None:
    server.script(operation_id, JSONReply(example.status, example.value, {"x-request-id": "req-42"}))
    with pytest.raises(APIStatusError) as info:
        MINIMAL_CALLS[operation_id](client)
    err = info.value
    assert type(err) is EXPECTED_CLASS.get(example.status, APIStatusError)
    assert err.status_code == example.status
    assert err.code == example.value["code"]
    assert err.message == example.value["message"]
    assert err.body == example.value
    assert err.request_id == "req-42"
    assert isinstance(err.response, httpx.Response)
    assert err.response.status_code == example.status
    assert err.response.json() == example.value
    assert len(server.calls_of(operation_id)) == 1  # max_retries=0: no retry


def test_not_found_annotation(client: DifyChatflow, server: FakeDify) -> None:
    example = named_example("updateAdvancedAnnotation", 404, "not_found")
    server.script("updateAdvancedAnnotation", JSONReply(404, example.value))
    with pytest.raises(NotFoundError) as info:
        client.annotations.update(UUID_A, question="q", answer="a")
    err = info.value
    assert (err.status_code, err.code, err.message) == (404, "not_found", "Annotation not found.")
    assert err.body == {"status": 404, "code": "not_found", "message": "Annotation not found."}
    assert err.response.request.method == "PUT"
    assert err.response.request.url.path == f"/v1/apps/annotations/{UUID_A}"
    assert str(err).startswith("404 not_found: Annotation not found.")


def test_streaming_request_rejected_before_the_stream(client: DifyChatflow, server: FakeDify) -> None:
    example = named_example("sendAdvancedChatMessage", 404, "conversation_not_exists")
    server.script("sendAdvancedChatMessage", JSONReply(404, example.value))
    with pytest.raises(NotFoundError) as info:
        client.chat.send_message(query="q", inputs={}, user=USER, response_mode="streaming", conversation_id="gone")
    assert info.value.message == "Conversation Not Exists."
    assert server.last.json["conversation_id"] == "gone"


def test_wrong_api_key_is_authentication_error(server: FakeDify) -> None:
    with DifyChatflow(api_key="app-wrong", base_url=server.url, max_retries=0) as bad:
        with pytest.raises(AuthenticationError) as info:
            bad.app.info()
    assert info.value.status_code == 401
    assert info.value.code == "unauthorized"
    assert server.last.headers["authorization"] == "Bearer app-wrong"
    assert "app-wrong" not in str(info.value)


def test_api_key_from_environment(server: FakeDify, monkeypatch: pytest.MonkeyPatch) -> None:
    from e2e_server import API_KEY

    monkeypatch.setenv("DIFY_API_KEY", API_KEY)
    with DifyChatflow(base_url=server.url) as env_client:
        assert env_client.app.meta().tool_icons is not None
    assert server.last.headers["authorization"] == f"Bearer {API_KEY}"


def test_rate_limit_is_retried_honouring_retry_after(client: DifyChatflow, server: FakeDify) -> None:
    limited = named_example("sendAdvancedChatMessage", 429, "too_many_requests")
    server.script(
        "sendAdvancedChatMessage",
        JSONReply(429, limited.value, {"retry-after": "0"}),
        JSONReply(429, limited.value, {"retry-after": "0"}),
    )
    retrying = client.with_options(max_retries=2)
    resp = retrying.chat.send_message(query="q", inputs={}, user=USER)
    assert resp.answer == "iPhone 13 Pro Max specs are listed here:..."
    calls = server.calls_of("sendAdvancedChatMessage")
    assert len(calls) == 3
    assert all(c.json == calls[0].json for c in calls)


def test_server_error_on_get_is_retried_then_raised(client: DifyChatflow, server: FakeDify) -> None:
    failure = dify_error(500, "internal_server_error", "Internal server error.")
    server.script(
        "getChatflowWorkflowRunDetail",
        JSONReply(500, failure.body, {"retry-after": "0"}),
        JSONReply(500, failure.body, {"retry-after": "0"}),
    )
    with pytest.raises(InternalServerError) as info:
        client.workflows.get_run("r1", max_retries=1)
    assert info.value.code == "internal_server_error"
    assert len(server.calls_of("getChatflowWorkflowRunDetail")) == 2
