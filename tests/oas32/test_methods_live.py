"""QUERY (3.2's `query` field) and `additionalOperations` (COPY, PURGE): the method token,
path, headers and body the generated client sends, sync and async, and how retries treat them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.serialisation.conftest import Recorder

HITS = json.dumps({"hits": [{"id": "d1"}]}).encode()


@pytest.fixture
def methods(oas32_package: Any) -> Any:
    return oas32_package("methods")


def test_query_sends_its_body_with_the_query_method(methods: Any, recorder: Recorder) -> None:
    recorder.answer("/documents/search", 200, "application/json", HITS)
    with methods.Methods(base_url=recorder.url, max_retries=0) as client:
        hits = client.documents.search.query(text="a b", limit=2)
    assert [h.id for h in hits.hits] == ["d1"]
    seen = recorder.last
    assert (seen.method, seen.target, seen.body) == ("QUERY", b"/documents/search", b'{"text":"a b","limit":2}')
    assert seen.headers["content-type"] == "application/json"


def test_additional_operations_send_their_token(methods: Any, recorder: Recorder) -> None:
    recorder.answer("/documents/d 1", 201, "application/json", b'{"id": "d2"}')
    with methods.Methods(base_url=recorder.url, max_retries=0) as client:
        copied = client.documents.copy_("d 1", destination="/documents/d2")
        assert client.documents.purge("d1") is None
    assert copied.id == "d2"
    first, second = recorder.seen
    assert (first.method, first.target, first.body) == ("COPY", b"/documents/d%201", b"")
    assert first.headers["destination"] == "/documents/d2"
    assert (second.method, second.target) == ("PURGE", b"/documents/d1")


@pytest.mark.anyio
async def test_async_client_sends_the_same(methods: Any, recorder: Recorder) -> None:
    recorder.answer("/documents/search", 200, "application/json", HITS)
    async with methods.AsyncMethods(base_url=recorder.url, max_retries=0) as client:
        await client.documents.search.query(text="a b", limit=2)
        await client.documents.purge("d1")
    query, purge = recorder.seen
    assert (query.method, query.body) == ("QUERY", b'{"text":"a b","limit":2}')
    assert (purge.method, purge.target) == ("PURGE", b"/documents/d1")


def test_query_is_retried_like_get_and_purge_is_not(methods: Any, recorder: Recorder) -> None:
    # 409 is retried for idempotent methods only (the runtime's rule).
    with methods.Methods(base_url=recorder.url, max_retries=1) as client:
        recorder.answer("/documents/search", 409, "application/json", b"{}")
        with pytest.raises(methods.APIStatusError):
            client.documents.search.query(text="x")
        assert [s.method for s in recorder.seen] == ["QUERY", "QUERY"]
        recorder.seen.clear()
        recorder.answer("/documents/d1", 409, "application/json", b"{}")
        with pytest.raises(methods.APIStatusError):
            client.documents.purge("d1")
        assert [s.method for s in recorder.seen] == ["PURGE"]


def test_raw_response_of_an_additional_operation(methods: Any, recorder: Recorder) -> None:
    with methods.Methods(base_url=recorder.url, max_retries=0) as client:
        raw = client.documents.with_raw_response.purge("d1")
    assert raw.status_code == 204 and raw.parse() is None
    assert recorder.last.method == "PURGE"
