"""`in: querystring` (3.2): one typed argument that is the whole query string, as a form
(x-www-form-urlencoded object) or as percent-encoded JSON text (the 3.2 text's example)."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from tests.serialisation.conftest import Recorder

# OpenAPI 3.2.0, "querystring" with application/json: {"numbers":[1,2],"flag":null}
JSON_QUERY = b"/flights?%7B%22numbers%22%3A%5B1%2C2%5D%2C%22flag%22%3Anull%7D"


@pytest.fixture
def qs(oas32_package: Any) -> Any:
    return oas32_package("querystring")


def test_json_querystring_is_the_encoded_json_text(qs: Any, recorder: Recorder) -> None:
    selector = importlib.import_module(f"{qs.__name__}.models").ListFlightsSelector(numbers=[1, 2], flag=None)
    with qs.Querystring(base_url=recorder.url, max_retries=0) as client:
        client.flights.list(selector={"numbers": [1, 2], "flag": None})
        client.flights.list(selector=selector)
    assert [s.target for s in recorder.seen] == [JSON_QUERY, JSON_QUERY]


def test_form_querystring_is_the_object_as_a_form(qs: Any, recorder: Recorder) -> None:
    filter_model = importlib.import_module(f"{qs.__name__}.models").Filter
    with qs.Querystring(base_url=recorder.url, max_retries=0) as client:
        client.search.retrieve(filter={"term": "a b&c=é", "tags": ["x", "y"], "page": 2}, x_trace="t")
        client.search.retrieve(filter=filter_model(term="z"))
        client.search.retrieve()
    assert [s.target for s in recorder.seen] == [
        b"/search?term=a%20b%26c%3D%C3%A9&tags=x&tags=y&page=2", b"/search?term=z", b"/search"]
    assert recorder.seen[0].headers["x-trace"] == "t"


def test_extra_query_follows_the_querystring(qs: Any, recorder: Recorder) -> None:
    with qs.Querystring(base_url=recorder.url, max_retries=0) as client:
        client.flights.list(selector={"numbers": [1, 2], "flag": None}, extra_query={"debug": "1"})
    assert recorder.last.target == JSON_QUERY + b"&debug=1"


@pytest.mark.anyio
async def test_async_client_sends_the_same(qs: Any, recorder: Recorder) -> None:
    async with qs.AsyncQuerystring(base_url=recorder.url, max_retries=0) as client:
        await client.flights.list(selector={"numbers": [1, 2], "flag": None})
        await client.search.retrieve(filter={"term": "a b", "tags": ["x"]})
    assert [s.target for s in recorder.seen] == [JSON_QUERY, b"/search?term=a%20b&tags=x"]
