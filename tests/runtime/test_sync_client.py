"""SyncAPIClient against the real (misbehaving) test server."""

from __future__ import annotations

import functools
import io
import logging
from pathlib import Path
from typing import Any, Dict

import pytest
from _models import (
    Annotation,
    AnnotationList,
    ChatEventAdapter,
    Conversation,
    ConversationList,
    Echo,
    MessageEndEvent,
    MessageEvent,
    StrictThing,
    UnknownEvent,
)
from _server import AUDIO
from tests.runtime.conftest import API_KEY, DemoClient, Server
from pydantic import BaseModel

from rtpkg._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    AuthenticationError,
    IncompleteStreamError,
    InternalServerError,
    NotFoundError,
    StreamError,
)
from rtpkg._pagination import PageSpec
from rtpkg._response import to_raw_response_wrapper, to_streamed_response_wrapper
from rtpkg._streaming import Stream, StreamSpec
from rtpkg._types import NOT_GIVEN, make_request_options

CHAT_SPEC = StreamSpec(
    discriminator="event",
    skip=frozenset({"ping"}),
    error=frozenset({"error"}),
    terminal=frozenset({"message_end", "workflow_finished", "error"}),
    text_event="message",
    text_field="answer",
    final_event="message_end",
)
Json = Dict[str, Any]


def chat(client: DemoClient, scenario: str = "ok") -> Stream[Any]:
    return client.request_stream(
        "POST",
        "/chat-messages",
        cast_to=ChatEventAdapter,
        stream_spec=CHAT_SPEC,
        query={"scenario": scenario},
        json_body={"query": "hi", "inputs": {}, "user": "u1", "conversation_id": NOT_GIVEN},
    )


# -- retries ---------------------------------------------------------------


def test_429_with_retry_after_is_retried(client: DemoClient, server: Server) -> None:
    assert client.request("GET", "/retry/429", cast_to=dict) == {"ok": True, "attempt": 2}
    assert server.state.count("GET", "/retry/429") == 2


def test_503_is_retried_for_get(client: DemoClient, server: Server) -> None:
    assert client.request("GET", "/retry/503", cast_to=dict)["attempt"] == 2


def test_post_503_is_not_retried_but_429_is(client: DemoClient, server: Server) -> None:
    with pytest.raises(InternalServerError) as info:
        client.request("POST", "/retry/503", cast_to=dict, json_body={})
    assert info.value.status_code == 503 and info.value.code == "busy"
    assert server.state.count("POST", "/retry/503") == 1
    assert client.request("POST", "/retry/429", cast_to=dict, json_body={})["attempt"] == 2


def test_idempotent_post_gives_up_after_max_retries(client: DemoClient, server: Server) -> None:
    with pytest.raises(InternalServerError):
        client.request("POST", "/retry/always503", cast_to=dict, idempotent=True)
    assert server.state.count("POST", "/retry/always503") == 3
    with pytest.raises(InternalServerError):
        client.request(
            "GET", "/retry/always503", cast_to=dict, options=make_request_options(max_retries=0)
        )
    assert server.state.count("GET", "/retry/always503") == 1


def test_connection_abort(client: DemoClient, server: Server) -> None:
    with pytest.raises(APIConnectionError) as info:
        client.request("GET", "/abort", cast_to=dict)
    assert not isinstance(info.value, APITimeoutError)
    assert isinstance(info.value.__cause__, Exception)
    assert server.state.count("GET", "/abort") == 3
    with pytest.raises(APIConnectionError):
        client.request("POST", "/abort", cast_to=dict, json_body={})
    assert server.state.count("POST", "/abort") == 1  # the server may have acted


def test_connect_error_retries_even_post(
    closed_port_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="rtpkg")
    with DemoClient(api_key=API_KEY, base_url=closed_port_url) as c:
        with pytest.raises(APIConnectionError) as info:
            c.request("POST", "/chat-messages", cast_to=dict, json_body={})
    assert not isinstance(info.value, APITimeoutError)
    attempts = [r for r in caplog.records if "(attempt" in r.getMessage()]
    assert len(attempts) == 3
    assert "POST http://127.0.0.1" in str(info.value)


def test_timeouts_client_and_per_call(client: DemoClient) -> None:
    fast = client.with_options(timeout=0.2, max_retries=0)
    with pytest.raises(APITimeoutError):
        fast.request("GET", "/slow", cast_to=dict)
    with pytest.raises(APITimeoutError):
        client.request(
            "GET", "/slow", cast_to=dict, options=make_request_options(timeout=0.2, max_retries=0)
        )


# -- errors, paths, encoding -------------------------------------------------


def test_404_maps_to_not_found_with_dify_fields(client: DemoClient) -> None:
    with pytest.raises(NotFoundError) as info:
        client.request("GET", "/conversations/{id}", path_params={"id": "missing"}, cast_to=dict)
    err = info.value
    assert (err.status_code, err.code, err.message, err.request_id) == (
        404,
        "not_found",
        "Conversation Not Exists.",
        "req-123",
    )
    assert err.body == {"status": 404, "code": "not_found", "message": "Conversation Not Exists."}
    assert str(err).startswith("404 not_found: Conversation Not Exists. (GET http://127.0.0.1:")
    assert API_KEY not in str(err) and API_KEY not in repr(err)


@pytest.mark.parametrize("value, raw", [("../x", "..%2Fx"), ("a/b?c", "a%2Fb%3Fc"), ("..", "%2E%2E")])
def test_path_params_arrive_percent_encoded(client: DemoClient, value: str, raw: str) -> None:
    got = client.request("GET", "/conversations/{id}", path_params={"id": value}, cast_to=dict)
    assert got == {"raw_path": f"/v1/conversations/{raw}"}


class Inputs(BaseModel):
    city: str
    note: str = "unset"


def test_query_headers_and_json_body(client: DemoClient) -> None:
    echo = client.request(
        "POST",
        "/echo",
        cast_to=Echo,
        query={"user": "u", "tags": ["a", "b"], "flag": True, "skip": None, "gone": NOT_GIVEN},
        headers={"X-Trace": "t1", "X-Unset": None},
        json_body={"inputs": Inputs(city="Paris"), "gone": NOT_GIVEN, "n": None},
        options=make_request_options(
            extra_headers={"X-Extra": "e"}, extra_query={"q": 1}, extra_body={"more": 2}
        ),
    )
    assert echo.query == [["user", "u"], ["tags", "a"], ["tags", "b"], ["flag", "true"], ["q", "1"]]
    assert echo.headers["authorization"] == f"Bearer {API_KEY}"
    assert echo.headers["user-agent"] == "demo/1.0"
    assert echo.headers["x-trace"] == "t1" and echo.headers["x-extra"] == "e"
    assert "x-unset" not in echo.headers
    assert echo.body == {"inputs": {"city": "Paris"}, "n": None, "more": 2}


def test_cast_to_none_bytes_str_and_validation_error(client: DemoClient) -> None:
    assert client.request("DELETE", "/no-content", cast_to=type(None)) is None
    text = client.request("GET", "/conversations/{id}", path_params={"id": "z"}, cast_to=str)
    assert text.startswith('{"raw_path"')
    with pytest.raises(APIResponseValidationError) as info:
        client.request("GET", "/bad-json", cast_to=StrictThing)
    assert info.value.body == {"id": 123}
    assert "\n" not in str(info.value) and "StrictThing" in str(info.value)


def test_secrets_absent_from_repr_str_and_logs(
    server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="rtpkg")
    with DemoClient(
        api_key=API_KEY, base_url=server.url, default_query={"v": "1"}
    ) as c:
        query_auth = c.with_options()
        headers = dict(c._security.sent(None, "GET /").headers)
        query_auth._security = type(c._security).static(headers, {"api_key": API_KEY})
        assert API_KEY not in repr(c) and API_KEY not in repr(query_auth)
        c.request("GET", "/retry/429", cast_to=dict)
        with pytest.raises(NotFoundError) as info:
            query_auth.request("GET", "/conversations/missing", cast_to=dict)
    assert server.state.hits[-1].query == [("v", "1"), ("api_key", API_KEY)]
    assert API_KEY not in str(info.value)
    assert "retry 1 of 2" in caplog.text and "429" in caplog.text
    assert "api_key=%2A%2A%2A" in caplog.text or "api_key=***" in caplog.text
    assert API_KEY not in caplog.text
    assert "Bearer" not in caplog.text


# -- streams -----------------------------------------------------------------


def test_stream_until_done_skips_pings(client: DemoClient) -> None:
    with chat(client) as stream:
        result = stream.until_done()
    assert result.text == "Hello!"
    assert isinstance(result.final, MessageEndEvent) and result.final.id == "m1"
    assert result.events == 4


def test_stream_iteration_and_break_closes(client: DemoClient) -> None:
    with chat(client) as stream:
        events = []
        for event in stream:
            events.append(event)
            break
    assert isinstance(events[0], MessageEvent) and events[0].answer == "Hel"
    assert stream.response.is_closed
    assert chat(client).text() == "Hello!"


def test_stream_cut_midway_raises(client: DemoClient) -> None:
    seen = []
    with pytest.raises(APIConnectionError, match="interrupted after 3 events"):
        for event in chat(client, "cut"):
            seen.append(event)
    assert len(seen) == 3


def test_stream_without_terminal_event_is_incomplete(client: DemoClient) -> None:
    with pytest.raises(IncompleteStreamError, match="without a terminal event"):
        chat(client, "noterminal").until_done()


def test_stream_unknown_event_uses_fallback_model(client: DemoClient) -> None:
    events = list(chat(client, "unknown"))
    unknown = [e for e in events if isinstance(e, UnknownEvent)]
    assert len(unknown) == 1 and unknown[0].event == "brand_new_event"
    assert isinstance(events[-1], MessageEndEvent)


def test_stream_error_event_raises_stream_error(client: DemoClient) -> None:
    with pytest.raises(StreamError) as info:
        chat(client, "error").until_done()
    err = info.value
    assert (err.status, err.code, err.message) == (400, "invalid_param", "bad input")
    assert err.event["event"] == "error"


def test_stream_http_error_raises_before_iteration(client: DemoClient) -> None:
    with pytest.raises(AuthenticationError) as info:
        chat(client, "unauthorized")
    assert info.value.code == "unauthorized"


# -- multipart, binary, raw --------------------------------------------------


def test_multipart_upload_variants(client: DemoClient, tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG-data")
    with open(path, "rb") as handle:
        got = client.request(
            "POST",
            "/files/upload",
            cast_to=dict,
            form={"user": "u1", "n": 2, "skip": None},
            files={
                "from_path": str(path),
                "from_bytes": b"raw-bytes",
                "from_file": handle,
                "from_tuple": ("voice.mp3", io.BytesIO(b"ID3"), "audio/mpeg"),
            },
        )
    files = got["files"]
    assert got["fields"] == {"user": "u1", "n": "2"}
    assert files["from_path"] == {
        "filename": "photo.png", "content_type": "image/png", "size": 9, "head": "\x89PNG-data"
    }
    assert files["from_bytes"]["filename"] == "upload"
    assert files["from_bytes"]["content_type"] == "application/octet-stream"
    assert files["from_file"]["filename"] == "photo.png"
    assert files["from_tuple"] == {
        "filename": "voice.mp3", "content_type": "audio/mpeg", "size": 3, "head": "ID3"
    }


class Resource:
    """Stands in for a generated resource class."""

    def __init__(self, client: DemoClient) -> None:
        self._client = client

    def get(self, conversation_id: str) -> Json:
        return self._client.request(
            "GET", "/conversations/{id}", path_params={"id": conversation_id}, cast_to=dict
        )

    def text_to_audio(self, text: str) -> bytes:
        return self._client.request("POST", "/text-to-audio", json_body={"text": text}, cast_to=bytes)

    def list(self, limit: int) -> Any:
        return self._client.get_page(
            "/conversations",
            cast_to=ConversationList,
            item_type=Conversation,
            page_spec=PageSpec(style="cursor"),
            query={"limit": limit},
        )


def test_binary_download_streams_to_file(client: DemoClient, tmp_path: Path) -> None:
    resource = Resource(client)
    assert resource.text_to_audio("hi") == AUDIO
    target = tmp_path / "out.mp3"
    with to_streamed_response_wrapper(resource.text_to_audio)("hi") as response:
        assert response.headers["content-type"] == "audio/mpeg"
        assert not response.http_response.is_stream_consumed  # nothing buffered yet
        assert response.write_to_file(target) == len(AUDIO)
    assert response.http_response.is_closed
    assert target.read_bytes() == AUDIO
    with to_streamed_response_wrapper(resource.text_to_audio)("hi") as response:
        assert sum(len(c) for c in response.iter_bytes(4096)) == len(AUDIO)


def test_raw_response_wrapper(client: DemoClient) -> None:
    raw = to_raw_response_wrapper(Resource(client).get)("abc")
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "req-ok" and raw.request_id == "req-ok"
    assert raw.parse() == {"raw_path": "/v1/conversations/abc"}
    assert str(raw.url).endswith("/v1/conversations/abc")
    # The mode applies to the wrapped call only.
    assert Resource(client).get("abc") == {"raw_path": "/v1/conversations/abc"}
    raw_page = to_raw_response_wrapper(Resource(client).list)(3)
    assert [c.id for c in raw_page.parse()] == [f"c{i}" for i in range(1, 10)]


# -- pagination --------------------------------------------------------------


def test_cursor_pagination_is_lazy(client: DemoClient, server: Server) -> None:
    page = Resource(client).list(3)
    assert [c.id for c in page.items] == ["c1", "c2", "c3"] and page.response.has_more
    assert server.state.count("GET", "/conversations") == 1
    ids = []
    for conversation in page:
        ids.append(conversation.id)
        if len(ids) == 3:
            assert server.state.count("GET", "/conversations") == 1
        if len(ids) == 4:
            assert server.state.count("GET", "/conversations") == 2
    assert ids == [f"c{i}" for i in range(1, 10)]
    assert server.state.count("GET", "/conversations") == 3
    sent = [dict(h.query).get("last_id") for h in server.state.hits]
    assert sent == [None, "c3", "c6"]


def test_page_pagination_stops_at_total(client: DemoClient, server: Server) -> None:
    page = client.get_page(
        "/apps/annotations",
        cast_to=AnnotationList,
        item_type=Annotation,
        page_spec=PageSpec(style="page", has_more_field=None, total_field="total"),
        query={"limit": 3},
    )
    pages = list(page.iter_pages())
    assert [p.response.page for p in pages] == [1, 2, 3]
    assert not pages[-1].has_next_page()
    assert [a.id for a in page] == [f"a{i}" for i in range(9)]
    # iter_pages fetched 3; iterating items again reuses page 1 and refetches 2.
    assert server.state.count("GET", "/apps/annotations") == 3 + 2


# -- client lifecycle ----------------------------------------------------------


class WithResources(DemoClient):
    @functools.cached_property
    def conversations(self) -> Resource:
        return Resource(self)


def test_with_options_shares_pool_and_rebinds_resources(server: Server) -> None:
    client = WithResources(api_key=API_KEY, base_url=server.url, max_retries=2)
    first = client.conversations
    derived = client.with_options(max_retries=0, default_headers={"X-D": "1"})
    assert derived._client is client._client and derived.max_retries == 0
    assert derived.conversations._client is derived and client.conversations is first
    echo = derived.request("GET", "/echo", cast_to=Echo)
    assert echo.headers["x-d"] == "1"
    derived.close()
    assert not client._client.is_closed  # the pool belongs to the original
    client.close()
    assert client._client.is_closed
