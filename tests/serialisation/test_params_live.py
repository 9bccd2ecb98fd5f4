"""Parameter styles end to end: the generated client against a recorder on 127.0.0.1.

Expected bytes are the rows of OpenAPI's style-examples table for `color`
("blue", ["blue","black","brown"], {"R":100,"G":200,"B":150}), percent-encoded
as RFC 3986 requires (3.0.4 / 3.1.1 spell them that way: `%7C`, `%5B`).
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from tests.serialisation.conftest import PACKAGE, Recorder

ARRAY = ["blue", "black", "brown"]
OBJECT = {"R": 100, "G": 200, "B": 150}


def test_path_styles(client: Any, recorder: Recorder) -> None:
    rgb = importlib.import_module(f"{PACKAGE}.models").Rgb.model_validate(OBJECT)
    assert client.params.path_styles(ARRAY, rgb, ARRAY, rgb, ARRAY, OBJECT) is None
    assert recorder.last.target == (
        b"/paths/blue,black,brown/R=100,G=200,B=150/.blue,black,brown/.R=100.G=200.B=150"
        b"/;matrix=blue;matrix=black;matrix=brown/;matrixObj=R,100,G,200,B,150"
    )


def test_query_styles_headers_and_cookies(client: Any, recorder: Recorder) -> None:
    client.params.query_styles(
        form_arr=ARRAY, form_arr_flat=ARRAY, form_obj=OBJECT, form_obj_flat=OBJECT,
        spaced=ARRAY, piped=ARRAY, deep=OBJECT, next="/a/b?c=d&e", text="a b+c/é",
        filter={"n": 1}, x_tags=ARRAY, x_point=OBJECT, session="s 1;x", prefs=ARRAY,
    )  # fmt: skip
    seen = recorder.last
    path, query = seen.target.split(b"?", 1)
    assert path == b"/query"
    assert query.split(b"&") == [
        b"formArr=blue", b"formArr=black", b"formArr=brown",
        b"formArrFlat=blue,black,brown",
        b"R=100", b"G=200", b"B=150",
        b"formObjFlat=R,100,G,200,B,150",
        b"spaced=blue%20black%20brown",
        b"piped=blue%7Cblack%7Cbrown",
        b"deep%5BR%5D=100", b"deep%5BG%5D=200", b"deep%5BB%5D=150",
        b"next=/a/b?c%3Dd%26e",
        b"text=a%20b%2Bc%2F%C3%A9",
        b"filter=%7B%22n%22%3A1%7D",
    ]  # fmt: skip
    assert seen.headers["x-tags"] == "blue,black,brown"
    assert seen.headers["x-point"] == "R=100,G=200,B=150"
    assert seen.headers["cookie"] == "session=s%201%3Bx; prefs=blue,black,brown"


def test_omitted_parameters_send_nothing(client: Any, recorder: Recorder) -> None:
    client.params.query_styles()
    assert recorder.last.target == b"/query"
    assert "cookie" not in recorder.last.headers and "x-tags" not in recorder.last.headers


@pytest.mark.anyio
async def test_async_client_sends_the_same_bytes(aclient: Any, client: Any, recorder: Recorder) -> None:
    kwargs = dict(piped=ARRAY, deep=OBJECT, x_point=OBJECT, prefs=ARRAY)
    client.params.query_styles(**kwargs)
    await aclient.params.query_styles(**kwargs)
    sync_seen, async_seen = recorder.seen
    assert sync_seen.target == async_seen.target == b"/query?piped=blue%7Cblack%7Cbrown&deep%5BR%5D=100&deep%5BG%5D=200&deep%5BB%5D=150"
    assert sync_seen.headers["cookie"] == async_seen.headers["cookie"] == "prefs=blue,black,brown"
