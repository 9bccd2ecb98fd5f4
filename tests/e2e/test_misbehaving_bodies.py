"""Misbehaving fake Dify, part 4: odd bodies and paths.

Error bodies (Dify JSON, a proxy's HTML page), answers with values and
fields the spec does not know (kept, not rejected), and path parameters that
try to escape their segment.  Every test runs through both clients (the
`make` fixture); see e2e_misbehaving.
"""

from __future__ import annotations

from typing import Callable

import httpx
import pytest

from dify_chatflow import InternalServerError, NotFoundError
from dify_chatflow.models import (
    ConversationHistoryResponse,
    StreamEventChatMessageEnd,
    StreamEventChatMessageFile,
)

from e2e_asserts import assert_request
from e2e_misbehaving import (
    CHAT,
    CHAT_ARGS,
    INFO,
    USER,
    UUID_A,
    Client,
    attempts,
    call,
    drain,
    end_event,
)
from e2e_server import API_KEY, BytesReply, FakeDify, JSONReply, SSEReply
from e2e_spec import sse_frame, success_example

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("policy")]


# -- error bodies ----------------------------------------------------------------------


async def test_404_with_dify_body(make: Callable[..., Client], server: FakeDify) -> None:
    client = make(max_retries=2)
    body = {"status": 404, "code": "end_user_not_found", "message": "End user not found."}
    server.script("getEndUserChatflow", JSONReply(404, body, {"X-Request-Id": "req-404-abc"}))
    with pytest.raises(NotFoundError) as info:
        await call(client.end_users.get(UUID_A))
    err = info.value
    assert type(err) is NotFoundError
    assert err.status_code == 404
    assert err.code == "end_user_not_found"
    assert err.message == "End user not found."
    assert err.body == body
    assert err.request_id == "req-404-abc"
    assert isinstance(err.response, httpx.Response)
    assert err.response.status_code == 404
    assert err.response.json() == body
    assert err.response.request.url.path == f"/v1/end-users/{UUID_A}"
    assert attempts(server, "getEndUserChatflow") == 1  # 404 is final
    assert str(err) == f"404 end_user_not_found: End user not found. (GET {server.url}/end-users/{UUID_A})"
    for text in (str(err), repr(err), str(err.args)):
        assert API_KEY not in text


async def test_html_error_page_from_a_proxy(make: Callable[..., Client], server: FakeDify) -> None:
    client = make(max_retries=1)
    page = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>" + "x" * 1000 + "</body>\n</html>"
    bad_gateway = BytesReply(502, page.encode(), "text/html")
    server.script(INFO, bad_gateway, bad_gateway)
    with pytest.raises(InternalServerError) as info:
        await call(client.app.info())
    err = info.value
    assert err.status_code == 502
    assert err.code is None
    assert err.body == page
    assert attempts(server, INFO) == 2  # 5xx on a GET: retried once, then raised
    text = str(err)
    assert "\n" not in text and len(text) < 400  # one line, truncated, fit for a log
    assert text.startswith("502 <html> <head><title>502 Bad Gateway</title></head>")


# -- forward compatibility of models --------------------------------------------------


async def test_unknown_enum_value_and_fields_in_a_stream_event(
    make: Callable[..., Client], server: FakeDify
) -> None:
    """`belongs_to` is the spec's only enum in a response (`["assistant"]`)."""
    client = make()
    file_event = {
        "event": "message_file",
        "id": "file-1",
        "type": "image",
        "belongs_to": "user",  # not in the spec's enum
        "url": "https://example.com/f.png",
        "conversation_id": "conv-1",
        "size_bytes": 1234,  # unknown scalar
        "thumbnail": {"url": "https://example.com/t.png", "width": 64},  # unknown object
    }
    server.script(CHAT, SSEReply([sse_frame(file_event), sse_frame(end_event())]))
    stream = await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming"))
    events, err = await drain(stream)
    assert err is None
    assert [type(e) for e in events] == [StreamEventChatMessageFile, StreamEventChatMessageEnd]
    parsed = events[0]
    assert parsed.belongs_to == "user"
    assert type(parsed.belongs_to) is str
    assert parsed.size_bytes == 1234  # type: ignore[attr-defined]
    assert parsed.thumbnail == {"url": "https://example.com/t.png", "width": 64}  # type: ignore[attr-defined]
    assert parsed.model_extra == {"size_bytes": 1234, "thumbnail": file_event["thumbnail"]}
    assert parsed.model_dump(mode="json") == file_event


async def test_unknown_values_and_fields_in_a_json_response(
    make: Callable[..., Client], server: FakeDify
) -> None:
    client = make()
    example = success_example("getAdvancedConversationHistory").value
    (message,) = example["data"]
    body = {
        **example,
        "next_cursor": "cursor-2",  # unknown, top level
        "data": [
            {
                **message,
                "status": "quarantined",  # documented values: normal, error
                "feedback": {"rating": "love", "rated_by": "admin"},  # unknown value + field
                "sentiment": {"score": 0.9, "labels": ["happy"]},  # unknown, nested
            }
        ],
    }
    server.script("getAdvancedConversationHistory", JSONReply(200, body))
    page = await call(client.messages.list(conversation_id="c1", user=USER))  # first page
    history = page.response
    assert isinstance(history, ConversationHistoryResponse)
    assert page.items == history.data
    assert not page.has_next_page()
    assert history.next_cursor == "cursor-2"  # type: ignore[attr-defined]
    assert history.model_extra == {"next_cursor": "cursor-2"}
    item = history.data[0] if history.data else None
    assert item is not None
    assert item.status == "quarantined"
    assert item.sentiment == {"score": 0.9, "labels": ["happy"]}  # type: ignore[attr-defined]
    assert item.model_extra == {"sentiment": {"score": 0.9, "labels": ["happy"]}}
    assert item.feedback is not None
    assert item.feedback.rating == "love"
    assert item.feedback.rated_by == "admin"  # type: ignore[attr-defined]
    assert item.feedback.model_extra == {"rated_by": "admin"}
    assert history.model_dump(mode="json", exclude_unset=True) == body


# -- path parameters --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("conversation_id", "raw"),
    [("../x", "..%2Fx"), ("a/b?c#d", "a%2Fb%3Fc%23d"), ("..", "%2E%2E")],
    ids=["dotdot-slash", "slash-query-fragment", "dotdot"],
)
async def test_path_param_stays_one_encoded_segment(
    conversation_id: str, raw: str, make: Callable[..., Client], server: FakeDify
) -> None:
    client = make()
    assert await call(client.conversations.delete(conversation_id, user=USER)) is None
    call_ = server.only_call()
    assert_request(
        call_,
        "deleteAdvancedConversation",
        "DELETE",
        f"/conversations/{raw}",
        json={"user": USER},
    )
    assert call_.path_params == {"conversation_id": conversation_id}
