"""What each client caches between calls (joined URLs, constant headers) never leaks.

`_prepare` keeps the URL of every path it has joined and the headers every call
carries; these tests pin that per-call values stay per call and that changing
the client (with_options, a new base_url, the caller's own httpx client) is seen.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from _models import Echo
from tests.runtime.conftest import API_KEY, AsyncDemoClient, DemoClient, Server

from rtpkg._exceptions import NotFoundError
from rtpkg._types import NOT_GIVEN, make_request_options


def test_per_call_headers_do_not_stick(client: DemoClient) -> None:
    plain = client.request("GET", "/echo", cast_to=Echo)
    traced = client.request(
        "GET", "/echo", cast_to=Echo, headers={"X-Trace": "t1", "X-Skip": None},
        options=make_request_options(extra_headers={"X-Extra": "e", "User-Agent": "mine/2"}),
    )  # fmt: skip
    again = client.request("GET", "/echo", cast_to=Echo)
    assert traced.headers["x-trace"] == "t1" and traced.headers["x-extra"] == "e"
    assert traced.headers["user-agent"] == "mine/2" and "x-skip" not in traced.headers
    for echo in (plain, again):
        assert echo.headers["authorization"] == f"Bearer {API_KEY}"
        assert echo.headers["user-agent"] == "demo/1.0"
        assert echo.headers["accept"] == "application/json"
        assert "x-trace" not in echo.headers and "x-extra" not in echo.headers


def test_accept_is_per_call(client: DemoClient) -> None:
    assert client.request("GET", "/echo", cast_to=Echo, accept="text/csv").headers["accept"] == "text/csv"
    assert client.request("GET", "/echo", cast_to=Echo).headers["accept"] == "application/json"


def test_header_values_with_line_breaks_are_refused(client: DemoClient, server: Server) -> None:
    with pytest.raises(ValueError, match="CR or LF"):
        client.request("GET", "/echo", cast_to=Echo, headers={"X-Trace": "a\r\nX-Evil: 1"})
    with pytest.raises(ValueError, match="CR or LF"):
        client.request(
            "GET", "/echo", cast_to=Echo,
            options=make_request_options(extra_headers={"X-Extra": "a\nb"}),
        )  # fmt: skip
    assert client.request("GET", "/echo", cast_to=Echo).headers.get("x-evil") is None


def test_raw_content_gets_its_content_type_unless_given(client: DemoClient) -> None:
    sent = client.request("PUT", "/echo", cast_to=Echo, content=b"{}", content_type="application/json")
    assert sent.body == {} and sent.headers["content-type"] == "application/json"
    own = client.request(
        "PUT", "/echo", cast_to=Echo, content=b"[]", headers={"Content-Type": "application/json; v=2"}
    )
    assert own.body == [] and own.headers["content-type"] == "application/json; v=2"
    assert "content-type" not in client.request("GET", "/echo", cast_to=Echo).headers


def test_with_options_sees_new_base_url_and_headers(server: Server) -> None:
    with DemoClient(api_key=API_KEY, base_url=server.url + "/nowhere") as client:
        with pytest.raises(NotFoundError):
            client.request("GET", "/echo", cast_to=Echo, options=make_request_options(max_retries=0))
        derived = client.with_options(base_url=server.url, default_headers={"X-D": "1"})
        assert derived.request("GET", "/echo", cast_to=Echo).headers["x-d"] == "1"
        again = derived.with_options(default_headers={"X-D": "2"})
        assert again.request("GET", "/echo", cast_to=Echo).headers["x-d"] == "2"
        assert derived.request("GET", "/echo", cast_to=Echo).headers["x-d"] == "1"


def test_assigning_base_url_is_seen(server: Server) -> None:
    with DemoClient(api_key=API_KEY, base_url=server.url + "/nowhere") as client:
        with pytest.raises(NotFoundError):
            client.request("GET", "/echo", cast_to=Echo, options=make_request_options(max_retries=0))
        client.base_url = httpx.URL(server.url + "/")
        assert client.request("GET", "/echo", cast_to=Echo).method == "GET"


def test_url_cache_is_bounded_and_path_params_stay_per_call(client: DemoClient, server: Server) -> None:
    def url(cid: str) -> str:
        call = client._prepare(
            "GET", "/conversations/{cid}", path_params={"cid": cid}, query=None, headers=None,
            json_body=NOT_GIVEN, form=None, files=None, idempotent=None, options=None,
        )  # fmt: skip
        return str(call.url)

    for i in range(300):  # pure: no request sent
        assert url(f"c{i}") == f"{server.url}/conversations/c{i}"
    assert len(client._url_cache) <= 256
    assert url("c299") == f"{server.url}/conversations/c299"
    got = client.request("GET", "/conversations/{cid}", cast_to=dict, path_params={"cid": "a/b"})
    assert got["raw_path"] == "/v1/conversations/a%2Fb"
    with pytest.raises(ValueError, match="missing path parameter"):
        client.request("GET", "/conversations/{cid}", cast_to=dict)


def test_callers_http_client_keeps_its_own_headers_params_and_cookies(server: Server) -> None:
    own = httpx.Client(headers={"X-Own": "o"}, params={"p": "1"}, cookies={"c": "k"})
    with DemoClient(api_key=API_KEY, base_url=server.url, http_client=own) as client:
        for _ in range(2):
            echo = client.request("GET", "/echo", cast_to=Echo, query={"user": "u"})
            assert echo.headers["x-own"] == "o" and echo.headers["cookie"] == "c=k"
            assert echo.headers["authorization"] == f"Bearer {API_KEY}"
            assert echo.query == [["p", "1"], ["user", "u"]]
        own.headers["X-Own"] = "changed"
        assert client.request("GET", "/echo", cast_to=Echo).headers["x-own"] == "changed"
    own.close()


def test_default_and_extra_query(server: Server) -> None:
    with DemoClient(api_key=API_KEY, base_url=server.url, default_query={"d": 1}) as client:
        assert client.request("GET", "/echo", cast_to=Echo).query == [["d", "1"]]
        extra = client.request(
            "GET", "/echo", cast_to=Echo, query={"gone": NOT_GIVEN},
            options=make_request_options(extra_query={"e": 2}),
        )  # fmt: skip
        assert extra.query == [["d", "1"], ["e", "2"]]


@pytest.mark.anyio
async def test_async_client_shares_the_same_caching(aclient: AsyncDemoClient) -> None:
    first: Any = await aclient.request("GET", "/echo", cast_to=Echo, headers={"X-Trace": "t"})
    second: Any = await aclient.request("GET", "/echo", cast_to=Echo)
    assert first.headers["x-trace"] == "t" and "x-trace" not in second.headers
    assert second.headers["authorization"] == f"Bearer {API_KEY}"
