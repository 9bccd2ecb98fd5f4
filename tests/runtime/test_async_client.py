"""AsyncAPIClient against the real (misbehaving) test server.

Mirrors test_sync_client.py so the twins are held to the same behaviour.
"""

from __future__ import annotations

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
    UnknownEvent,
)
from _server import AUDIO
from tests.runtime.conftest import API_KEY, AsyncDemoClient, Server
from test_sync_client import CHAT_SPEC

from rtpkg._exceptions import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    IncompleteStreamError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    StreamError,
)
from rtpkg._pagination import AsyncPage, AsyncPaginator, PageSpec
from rtpkg._response import async_to_raw_response_wrapper, async_to_streamed_response_wrapper
from rtpkg._streaming import AsyncStream
from rtpkg._types import make_request_options

pytestmark = pytest.mark.anyio
Json = Dict[str, Any]


async def chat(client: AsyncDemoClient, scenario: str = "ok") -> AsyncStream[Any]:
    return await client.request_stream(
        "POST",
        "/chat-messages",
        cast_to=ChatEventAdapter,
        stream_spec=CHAT_SPEC,
        query={"scenario": scenario},
        json_body={"query": "hi", "user": "u1"},
    )


async def test_retries(aclient: AsyncDemoClient, server: Server) -> None:
    assert (await aclient.request("GET", "/retry/429", cast_to=dict))["attempt"] == 2
    assert (await aclient.request("GET", "/retry/503", cast_to=dict))["attempt"] == 2
    with pytest.raises(InternalServerError):
        await aclient.request("POST", "/retry/503", cast_to=dict, json_body={})
    assert server.state.count("POST", "/retry/503") == 1
    assert (await aclient.request("POST", "/retry/429", cast_to=dict))["attempt"] == 2


async def test_connection_abort(aclient: AsyncDemoClient, server: Server) -> None:
    with pytest.raises(APIConnectionError):
        await aclient.request("GET", "/abort", cast_to=dict)
    assert server.state.count("GET", "/abort") == 3
    with pytest.raises(APIConnectionError):
        await aclient.request("POST", "/abort", cast_to=dict)
    assert server.state.count("POST", "/abort") == 1


async def test_connect_error(closed_port_url: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="rtpkg")
    async with AsyncDemoClient(api_key=API_KEY, base_url=closed_port_url) as c:
        with pytest.raises(APIConnectionError):
            await c.request("POST", "/x", cast_to=dict)
    assert len([r for r in caplog.records if "(attempt" in r.getMessage()]) == 3
    assert API_KEY not in caplog.text


async def test_timeout(aclient: AsyncDemoClient) -> None:
    with pytest.raises(APITimeoutError):
        await aclient.with_options(timeout=0.2, max_retries=0).request("GET", "/slow", cast_to=dict)
    with pytest.raises(APITimeoutError):
        await aclient.request(
            "GET", "/slow", cast_to=dict, options=make_request_options(timeout=0.2, max_retries=0)
        )


async def test_not_found_and_path_encoding(aclient: AsyncDemoClient) -> None:
    with pytest.raises(NotFoundError) as info:
        await aclient.request("GET", "/conversations/missing", cast_to=dict)
    assert (info.value.code, info.value.message, info.value.request_id) == (
        "not_found",
        "Conversation Not Exists.",
        "req-123",
    )
    got = await aclient.request(
        "GET", "/conversations/{id}", path_params={"id": "../x"}, cast_to=dict
    )
    assert got == {"raw_path": "/v1/conversations/..%2Fx"}
    assert API_KEY not in repr(aclient)


async def test_echo_headers(aclient: AsyncDemoClient) -> None:
    echo = await aclient.request("PUT", "/echo", cast_to=Echo, json_body={"a": 1})
    assert echo.headers["authorization"] == f"Bearer {API_KEY}" and echo.body == {"a": 1}


async def test_stream_until_done(aclient: AsyncDemoClient) -> None:
    async with await chat(aclient) as stream:
        result = await stream.until_done()
    assert result.text == "Hello!" and result.events == 4
    assert isinstance(result.final, MessageEndEvent)
    assert await (await chat(aclient)).text() == "Hello!"


async def test_stream_break_closes(aclient: AsyncDemoClient) -> None:
    async with await chat(aclient) as stream:
        async for event in stream:
            assert isinstance(event, MessageEvent)
            break
    assert stream.response.is_closed


async def test_stream_failures(aclient: AsyncDemoClient) -> None:
    seen = []
    with pytest.raises(APIConnectionError, match="interrupted after 3 events"):
        async for event in await chat(aclient, "cut"):
            seen.append(event)
    assert len(seen) == 3
    with pytest.raises(IncompleteStreamError):
        await (await chat(aclient, "noterminal")).until_done()
    with pytest.raises(StreamError) as info:
        await (await chat(aclient, "error")).until_done()
    assert (info.value.status, info.value.code) == (400, "invalid_param")
    with pytest.raises(AuthenticationError):
        await chat(aclient, "unauthorized")


async def test_stream_unknown_event(aclient: AsyncDemoClient) -> None:
    events = [e async for e in await chat(aclient, "unknown")]
    assert [type(e) for e in events].count(UnknownEvent) == 1


async def test_multipart(aclient: AsyncDemoClient, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello")
    got = await aclient.request(
        "POST",
        "/files/upload",
        cast_to=dict,
        form={"user": "u"},
        files={"p": path, "b": b"xy", "t": ("v.wav", io.BytesIO(b"RIFF"))},
    )
    assert got["files"]["p"]["filename"] == "a.txt"
    assert got["files"]["p"]["content_type"] == "text/plain"
    assert got["files"]["t"]["content_type"] in ("audio/x-wav", "audio/wav")
    assert got["fields"] == {"user": "u"}


class AsyncResource:
    def __init__(self, client: AsyncDemoClient) -> None:
        self._client = client

    async def get(self, conversation_id: str) -> Json:
        return await self._client.request(
            "GET", "/conversations/{id}", path_params={"id": conversation_id}, cast_to=dict
        )

    async def text_to_audio(self, text: str) -> bytes:
        return await self._client.request("POST", "/text-to-audio", cast_to=bytes)

    def list(self, limit: int) -> AsyncPaginator[Conversation, ConversationList]:
        return self._client.get_page(
            "/conversations",
            cast_to=ConversationList,
            item_type=Conversation,
            page_spec=PageSpec(style="cursor"),
            query={"limit": limit},
        )


async def test_binary_and_raw(aclient: AsyncDemoClient, tmp_path: Path) -> None:
    resource = AsyncResource(aclient)
    target = tmp_path / "out.mp3"
    async with async_to_streamed_response_wrapper(resource.text_to_audio)("hi") as response:
        assert not response.http_response.is_stream_consumed
        assert await response.write_to_file(target) == len(AUDIO)
    assert target.read_bytes() == AUDIO
    raw = await async_to_raw_response_wrapper(resource.get)("abc")
    assert raw.request_id == "req-ok" and raw.status_code == 200
    assert await raw.parse() == {"raw_path": "/v1/conversations/abc"}
    assert await resource.get("abc") == {"raw_path": "/v1/conversations/abc"}


async def test_cursor_pagination_lazy(aclient: AsyncDemoClient, server: Server) -> None:
    ids = []
    async for conversation in AsyncResource(aclient).list(3):  # no await needed
        ids.append(conversation.id)
        assert server.state.count("GET", "/conversations") == (len(ids) - 1) // 3 + 1
    assert ids == [f"c{i}" for i in range(1, 10)]
    assert server.state.count("GET", "/conversations") == 3
    first = await AsyncResource(aclient).list(3)
    assert isinstance(first, AsyncPage) and first.has_next_page()
    second = await first.next_page()
    assert [c.id for c in second.items] == ["c4", "c5", "c6"]


async def test_page_pagination(aclient: AsyncDemoClient, server: Server) -> None:
    page = await aclient.get_page(
        "/apps/annotations",
        cast_to=AnnotationList,
        item_type=Annotation,
        page_spec=PageSpec(style="page", has_more_field=None, total_field="total"),
        query={"limit": 3},
    )
    assert [p.response.page async for p in page.iter_pages()] == [1, 2, 3]
    assert [a.id async for a in page] == [f"a{i}" for i in range(9)]


async def test_with_options_shares_pool(server: Server) -> None:
    client = AsyncDemoClient(api_key=API_KEY, base_url=server.url)
    derived = client.with_options(base_url=server.url + "/", max_retries=0)
    assert derived._client is client._client
    with pytest.raises(RateLimitError):
        await derived.request("GET", "/retry/429", cast_to=dict)
    assert server.state.count("GET", "/retry/429") == 1  # max_retries=0 took effect
    await derived.aclose()
    assert not client._client.is_closed
    await client.aclose()
    assert client._client.is_closed
