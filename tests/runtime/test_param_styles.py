"""Parameter styles against the OpenAPI specification's own style-examples table.

OpenAPI 3.0.4 / 3.1.1, "Style Examples": `color` is "blue", ["blue", "black",
"brown"] or {"R": 100, "G": 200, "B": 150}; each row is the exact text that
goes on the wire (already percent-encoded, RFC 3986). The checks go through a
real httpx request built by the client, so what is compared is the raw target
httpx would send, not an intermediate value.
"""

from __future__ import annotations

from typing import Any, Dict

import httpx
import pytest

from rtpkg._base_client import SyncAPIClient
from rtpkg._params import Styled, quote
from rtpkg._types import NOT_GIVEN

STRING = "blue"
ARRAY = ["blue", "black", "brown"]
OBJECT = {"R": 100, "G": 200, "B": 150}
VALUES = {"string": STRING, "array": ARRAY, "object": OBJECT}


def _raw_target(**kwargs: Any) -> bytes:
    client = SyncAPIClient(base_url="http://127.0.0.1:9", max_retries=0)
    try:
        path = kwargs.pop("path", "/things")
        call = client._prepare(
            "GET", path, json_body=NOT_GIVEN, form=None, files=None, idempotent=None, options=None,
            path_params=kwargs.pop("path_params", None), query=kwargs.pop("query", None),
            headers=kwargs.pop("headers", None), cookies=kwargs.pop("cookies", None),
        )  # fmt: skip
        request = client._build_request(call)
        return bytes(request.url.raw_path) if not kwargs else request.headers[kwargs["header"]].encode()
    finally:
        client.close()


# (style, explode, kind, expected query string) — the spec's query rows.
QUERY_ROWS = [
    ("form", False, "string", "color=blue"),
    ("form", False, "array", "color=blue,black,brown"),
    ("form", False, "object", "color=R,100,G,200,B,150"),
    ("form", True, "string", "color=blue"),
    ("form", True, "array", "color=blue&color=black&color=brown"),
    ("form", True, "object", "R=100&G=200&B=150"),
    ("spaceDelimited", False, "array", "color=blue%20black%20brown"),
    ("spaceDelimited", False, "object", "color=R%20100%20G%20200%20B%20150"),
    ("pipeDelimited", False, "array", "color=blue%7Cblack%7Cbrown"),
    ("pipeDelimited", False, "object", "color=R%7C100%7CG%7C200%7CB%7C150"),
    ("deepObject", True, "object", "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
]


@pytest.mark.parametrize("style, explode, kind, expected", QUERY_ROWS)
def test_query_styles_match_the_spec_table(style: str, explode: bool, kind: str, expected: str) -> None:
    target = _raw_target(query={"color": Styled(VALUES[kind], style, explode)})
    assert target == f"/things?{expected}".encode()


def test_plain_query_values_use_the_default_form_exploded() -> None:
    assert _raw_target(query={"color": ARRAY}) == b"/things?color=blue&color=black&color=brown"
    assert _raw_target(query={"color": OBJECT}) == b"/things?R=100&G=200&B=150"


# (style, explode, kind, expected path segment) — the spec's path rows.
PATH_ROWS = [
    ("simple", False, "string", "blue"),
    ("simple", False, "array", "blue,black,brown"),
    ("simple", False, "object", "R,100,G,200,B,150"),
    ("simple", True, "array", "blue,black,brown"),
    ("simple", True, "object", "R=100,G=200,B=150"),
    ("label", False, "string", ".blue"),
    ("label", False, "array", ".blue,black,brown"),
    ("label", False, "object", ".R,100,G,200,B,150"),
    ("label", True, "string", ".blue"),
    ("label", True, "array", ".blue.black.brown"),
    ("label", True, "object", ".R=100.G=200.B=150"),
    ("matrix", False, "string", ";color=blue"),
    ("matrix", False, "array", ";color=blue,black,brown"),
    ("matrix", False, "object", ";color=R,100,G,200,B,150"),
    ("matrix", True, "string", ";color=blue"),
    ("matrix", True, "array", ";color=blue;color=black;color=brown"),
    ("matrix", True, "object", ";R=100;G=200;B=150"),
]


@pytest.mark.parametrize("style, explode, kind, expected", PATH_ROWS)
def test_path_styles_match_the_spec_table(style: str, explode: bool, kind: str, expected: str) -> None:
    target = _raw_target(path="/things/{color}/x", path_params={"color": Styled(VALUES[kind], style, explode)})
    assert target == f"/things/{expected}/x".encode()


def test_plain_path_values_are_simple_and_stay_in_their_segment() -> None:
    assert _raw_target(path="/t/{c}", path_params={"c": ARRAY}) == b"/t/blue,black,brown"
    assert _raw_target(path="/t/{c}", path_params={"c": "a/b c,d"}) == b"/t/a%2Fb%20c%2Cd"
    # A comma inside an item is data, so it is escaped; the delimiter is not.
    assert _raw_target(path="/t/{c}", path_params={"c": ["a,b", "c"]}) == b"/t/a%2Cb,c"


@pytest.mark.parametrize(
    "value, expected",
    [
        (STRING, "blue"),
        (ARRAY, "blue,black,brown"),
        (OBJECT, "R,100,G,200,B,150"),
        (Styled(OBJECT, "simple", True), "R=100,G=200,B=150"),
        (True, "true"),
    ],
)
def test_header_simple_style(value: object, expected: str) -> None:
    assert _raw_target(headers={"X-Color": value}, header="x-color") == expected.encode()


@pytest.mark.parametrize(
    "value, expected",
    [
        (STRING, "color=blue"),
        (ARRAY, "color=blue; color=black; color=brown"),
        (Styled(ARRAY, "form", False), "color=blue,black,brown"),
        (OBJECT, "R=100; G=200; B=150"),
        (Styled(OBJECT, "form", False), "color=R,100,G,200,B,150"),
        ("a b;c", "color=a%20b%3Bc"),
    ],
)
def test_cookie_parameters_form_the_cookie_header(value: object, expected: str) -> None:
    assert _raw_target(cookies={"color": value}, header="cookie") == expected.encode()


def test_cookie_parameters_join_the_callers_cookies() -> None:
    own = httpx.Client(cookies={"jar": "j"})
    client = SyncAPIClient(base_url="http://127.0.0.1:9", http_client=own)
    call = client._prepare("GET", "/t", path_params=None, query=None, headers=None, json_body=NOT_GIVEN,
                           form=None, files=None, idempotent=None, options=None, cookies={"color": "blue"})  # fmt: skip
    assert client._build_request(call).headers["cookie"] == "jar=j; color=blue"
    extra = client._prepare("GET", "/t", path_params=None, query=None, headers=None, json_body=NOT_GIVEN, form=None,
                            files=None, idempotent=None, options={"extra_headers": {"Cookie": "mine=1"}},
                            cookies={"color": "blue"})  # fmt: skip
    assert client._build_request(extra).headers["cookie"] == "mine=1; color=blue"
    own.close()


def test_omitted_cookies_send_no_cookie_header() -> None:
    client = SyncAPIClient(base_url="http://127.0.0.1:9")
    call = client._prepare("GET", "/t", path_params=None, query=None, headers=None, json_body=NOT_GIVEN,
                           form=None, files=None, idempotent=None, options=None,
                           cookies={"a": NOT_GIVEN, "b": None})  # fmt: skip
    assert call.cookie is None and "cookie" not in client._build_request(call).headers
    client.close()


@pytest.mark.parametrize(
    "text, reserved, expected",
    [
        # RFC 3986: only unreserved characters stay; UTF-8 bytes are escaped one by one.
        ("a+b&c=d #é~._-", False, "a%2Bb%26c%3Dd%20%23%C3%A9~._-"),
        ("http://x/y?z=1", False, "http%3A%2F%2Fx%2Fy%3Fz%3D1"),
        # allowReserved: reserved characters and %XX triples pass, except those that would
        # break the query's own structure or are not allowed in it.
        ("http://x/y?z,1;@!$'()*", True, "http://x/y?z,1;@!$'()*"),
        ("a%20b%zz", True, "a%20b%25zz"),
        ("a&b=c+d#e[f]", True, "a%26b%3Dc%2Bd%23e%5Bf%5D"),
    ],
)
def test_percent_encoding(text: str, reserved: bool, expected: str) -> None:
    assert quote(text, allow_reserved=reserved) == expected


def test_allow_reserved_reaches_the_wire() -> None:
    target = _raw_target(query={"next": Styled("/a/b?c=1", "form", True, allow_reserved=True)})
    assert target == b"/things?next=/a/b?c%3D1"


def test_deep_object_nests_and_repeats() -> None:
    value: Dict[str, object] = {"a": {"b": 1}, "tags": ["x", "y"], "skip": None}
    target = _raw_target(query={"f": Styled(value, "deepObject", True)})
    assert target == b"/things?f%5Ba%5D%5Bb%5D=1&f%5Btags%5D=x&f%5Btags%5D=y"


def test_json_content_parameter() -> None:
    target = _raw_target(query={"filter": Styled({"a": [1, 2]}, "json")})
    assert target == b"/things?filter=%7B%22a%22%3A%5B1%2C2%5D%7D"
