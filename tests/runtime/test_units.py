"""Pure helpers: no network."""

from __future__ import annotations

import email.utils
import io
import os
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import BaseModel

from rtpkg._encoding import build_path, encode_file, encode_query, to_jsonable
from rtpkg._forms import urlencoded
from rtpkg._exceptions import (
    APIConnectionError,
    APIStatusError,
    ConflictError,
    IncompleteStreamError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    StreamError,
    make_status_error,
)
from rtpkg._pagination import PageSpec, next_page_query
from rtpkg._retries import RetryPolicy, parse_retry_after, should_retry_error, should_retry_status
from rtpkg._types import NOT_GIVEN, make_request_options


def test_not_given_is_falsy_singleton() -> None:
    assert not NOT_GIVEN
    assert repr(NOT_GIVEN) == "NOT_GIVEN"


def test_make_request_options_drops_unset() -> None:
    assert make_request_options() == {}
    opts = make_request_options(timeout=None, max_retries=0, extra_headers={"a": "b"})
    assert opts == {"timeout": None, "max_retries": 0, "extra_headers": {"a": "b"}}


@pytest.mark.parametrize(
    "value, expected",
    [
        ("../x", "..%2Fx"),
        ("a/b?c#d", "a%2Fb%3Fc%23d"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("ü ", "%C3%BC%20"),
        (True, "true"),
        (42, "42"),
    ],
)
def test_build_path_encodes_every_value(value: object, expected: str) -> None:
    assert build_path("/c/{id}/x", {"id": value}) == f"/c/{expected}/x"


def test_build_path_rejects_missing_and_empty() -> None:
    with pytest.raises(ValueError, match="missing"):
        build_path("/c/{id}", {})
    with pytest.raises(ValueError, match="empty"):
        build_path("/c/{id}", {"id": ""})


def test_encode_query() -> None:
    items = encode_query(
        {"a": 1, "drop": None, "gone": NOT_GIVEN, "flag": False},
        {"tags": ["x", "y"], "a": 2},
    )
    assert items == [("a", "2"), ("flag", "false"), ("tags", "x"), ("tags", "y")]


class Inner(BaseModel):
    name: str
    note: str = "default"


def test_to_jsonable_drops_not_given_and_dumps_models() -> None:
    body = {"a": NOT_GIVEN, "b": None, "m": Inner(name="n"), "l": [1, NOT_GIVEN, {"x": NOT_GIVEN}]}
    assert to_jsonable(body) == {"b": None, "m": {"name": "n"}, "l": [1, {}]}


def test_urlencoded_form() -> None:
    body = urlencoded({"user": "u v", "n": 3, "on": True, "skip": None, "gone": NOT_GIVEN, "obj": {"k": 1}})
    assert body == b"user=u%20v&n=3&on=true&obj%5Bk%5D=1"


def test_encode_file_variants(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG")
    assert encode_file(str(path)) == ("photo.png", b"\x89PNG", "image/png")
    assert encode_file(path) == ("photo.png", b"\x89PNG", "image/png")
    assert encode_file(b"raw") == ("upload", b"raw", "application/octet-stream")
    with open(path, "rb") as handle:
        assert encode_file(handle) == ("photo.png", b"\x89PNG", "image/png")
    assert encode_file(io.BytesIO(b"x")) == ("upload", b"x", "application/octet-stream")
    assert encode_file(("a.mp3", b"x")) == ("a.mp3", b"x", "audio/mpeg")
    assert encode_file(("a.bin", io.BytesIO(b"x"), "text/plain")) == ("a.bin", b"x", "text/plain")


def test_retry_after_seconds_ms_and_http_date() -> None:
    assert parse_retry_after({"Retry-After": "3"}) == 3.0
    assert parse_retry_after({"retry-after-ms": "250"}) == 0.25
    now = 1_700_000_000.0
    date = email.utils.formatdate(now + 7, usegmt=True)
    assert parse_retry_after({"Retry-After": date}, now=now) == pytest.approx(7.0)
    past = email.utils.formatdate(now - 100, usegmt=True)
    assert parse_retry_after({"Retry-After": past}, now=now) == 0.0
    assert parse_retry_after({"Retry-After": "soon"}) is None
    assert parse_retry_after({}) is None


def test_backoff_grows_is_capped_and_honours_retry_after() -> None:
    policy = RetryPolicy()
    delays = [policy.delay(n) for n in range(8)]
    assert 0.375 <= delays[0] <= 0.5
    assert 0.75 <= delays[1] <= 1.0
    assert all(d <= 8.0 for d in delays) and delays[-1] >= 6.0
    assert policy.delay(0, {"retry-after": "2"}) == 2.0
    assert policy.delay(0, {"retry-after": "3600"}) == 60.0


def test_retry_matrix() -> None:
    for status in (408, 429):
        assert should_retry_status(status, idempotent=False)
    for status in (409, 500, 503):
        assert should_retry_status(status, idempotent=True)
        assert not should_retry_status(status, idempotent=False)
    assert not should_retry_status(404, idempotent=True)
    request = httpx.Request("POST", "http://x")
    assert should_retry_error(httpx.ConnectError("no", request=request), idempotent=False)
    assert should_retry_error(httpx.ConnectTimeout("no", request=request), idempotent=False)
    assert not should_retry_error(httpx.ReadTimeout("no", request=request), idempotent=False)
    assert should_retry_error(httpx.ReadTimeout("no", request=request), idempotent=True)
    assert not should_retry_error(httpx.RemoteProtocolError("x", request=request), False)


def _response(status: int, body: Any, headers: Any = None) -> httpx.Response:
    request = httpx.Request("GET", "http://h/v1/c/x?api_key=SECRET")
    kwargs: Any = {"json": body} if not isinstance(body, str) else {"text": body}
    return httpx.Response(status, request=request, headers=headers, **kwargs)


def test_status_error_mapping_and_str() -> None:
    err = make_status_error(
        _response(404, {"status": 404, "code": "not_found", "message": "Conversation Not Exists."},
                  {"x-request-id": "r1"})
    )
    assert isinstance(err, NotFoundError)
    assert (err.status_code, err.code, err.message, err.request_id) == (
        404, "not_found", "Conversation Not Exists.", "r1"
    )
    assert str(err) == "404 not_found: Conversation Not Exists. (GET http://h/v1/c/x)"
    assert "SECRET" not in str(err)
    assert isinstance(make_status_error(_response(409, {})), ConflictError)
    assert isinstance(make_status_error(_response(429, {})), RateLimitError)
    assert isinstance(make_status_error(_response(502, "bad\ngateway")), InternalServerError)
    plain = make_status_error(_response(418, "teapot"))
    assert type(plain) is APIStatusError
    assert str(plain) == "418 teapot (GET http://h/v1/c/x)"
    assert "\n" not in str(make_status_error(_response(502, "bad\ngateway")))


def test_stream_errors_are_connection_errors() -> None:
    assert issubclass(IncompleteStreamError, APIConnectionError)
    event = {"event": "error", "status": 400}
    err = StreamError("bad input", event=event, response=_response(200, ""), status=400, code="invalid_param")
    assert str(err) == "stream error 400 invalid_param: bad input (GET http://h/v1/c/x)"


def test_stream_error_is_a_status_error_with_the_same_fields() -> None:
    event = {"event": "error", "status": 429, "code": "rate_limit_error"}
    err = StreamError("slow down", event=event, response=_response(200, ""), status=429, code="rate_limit_error")
    assert isinstance(err, APIStatusError)
    assert (err.status_code, err.status, err.code, err.body, err.event) == (429, 429, "rate_limit_error", event, event)
    untagged = StreamError("oops", event={"event": "error"}, response=_response(200, ""))
    assert (untagged.status_code, untagged.status) == (200, None)


def test_next_page_query() -> None:
    cursor = PageSpec(style="cursor")
    items = [{"id": "a"}, {"id": "b"}]
    assert next_page_query(cursor, {"limit": 2}, {"has_more": True}, items) == {
        "limit": 2, "last_id": "b"
    }
    assert next_page_query(cursor, {}, {"has_more": False}, items) is None
    assert next_page_query(cursor, {}, {"has_more": True}, []) is None
    first = PageSpec(style="cursor", cursor_param="first_id", cursor_from="first")
    assert next_page_query(first, {}, {"has_more": True}, items) == {"first_id": "a"}
    page = PageSpec(style="page", total_field="total", has_more_field=None)
    assert next_page_query(page, {"limit": 2}, {"total": 5}, items) == {"limit": 2, "page": 2}
    assert next_page_query(page, {"limit": 2, "page": 3}, {"total": 5}, items) is None


def test_runtime_has_no_init_and_only_relative_imports() -> None:
    runtime = Path(__file__).resolve().parents[2] / "generator" / "runtime"
    assert not (runtime / "__init__.py").exists()
    for source in runtime.glob("*.py"):
        text = source.read_text()
        assert "from rtpkg" not in text and "import generator" not in text, source
        assert len(text.splitlines()) < 560, source
    assert os.sep  # keep os import meaningful on every platform
