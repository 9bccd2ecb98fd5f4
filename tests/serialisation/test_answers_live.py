"""Answers in several media types, parsed by the Content-Type the server sends."""

from __future__ import annotations

import importlib
from typing import Any

import httpx
import pytest

from tests.serialisation.conftest import PACKAGE, Recorder


@pytest.mark.parametrize(
    "content_type, body, expected",
    [
        ("application/json", b'{"R": 1, "G": 2, "B": 3}', {"R": 1, "G": 2, "B": 3}),
        ("text/plain; charset=utf-8", "grün".encode(), "grün"),
        ("application/xml", b"<rgb r='1'/>", "<rgb r='1'/>"),
        ("application/octet-stream", b"\x00\xff", b"\x00\xff"),
    ],
)
def test_answer_parsed_by_its_content_type(client: Any, recorder: Recorder, content_type: str, body: bytes,
                                           expected: Any) -> None:
    recorder.answer("/answers", 200, content_type, body)
    got = client.answers.list()
    if isinstance(expected, dict):
        rgb = importlib.import_module(f"{PACKAGE}.models").Rgb
        assert isinstance(got, rgb) and got.model_dump(by_alias=True) == expected
    else:
        assert type(got) is type(expected) and got == expected
    # The Accept header offers every media type the operation declares.
    accept = [m.strip() for m in recorder.last.headers["accept"].split(",")]
    assert sorted(accept) == ["application/json", "application/octet-stream", "application/xml", "text/plain"]


def test_a_media_range_with_an_object_schema_is_parsed_as_json(client: Any, recorder: Recorder) -> None:
    recorder.answer("/answers/any", 200, "application/json", b'{"G": 2}')
    got = client.answers.any()
    assert got.model_dump(by_alias=True, exclude_unset=True) == {"G": 2}
    assert recorder.last.headers["accept"] == "*/*"


def test_default_response_is_the_success_when_it_is_the_only_one(client: Any, recorder: Recorder) -> None:
    recorder.answer("/answers/default", 200, "application/vnd.wire+json", b'{"R": 9}')
    got = client.answers.default()
    assert got.model_dump(by_alias=True, exclude_unset=True) == {"R": 9}
    assert recorder.last.headers["accept"] == "application/vnd.wire+json"


def test_a_documented_3xx_with_a_body_is_the_answer_not_a_hop(client: Any, recorder: Recorder) -> None:
    """Where a spec's only answer is a 307 carrying data, the call returns that data: neither
    raised as an error nor followed to its Location. Other redirects are still followed."""
    recorder.answer("/answers/moved", 307, "application/json", b'{"R": 7}', {"location": "/answers"})
    got = client.answers.moved()
    assert got.model_dump(by_alias=True, exclude_unset=True) == {"R": 7}
    assert [s.target for s in recorder.seen] == [b"/answers/moved"]
    recorder.answer("/answers/default", 302, "", b"", {"location": "/answers/any"})
    recorder.answer("/answers/any", 200, "application/json", b'{"G": 2}')
    assert client.answers.default().model_dump(by_alias=True, exclude_unset=True) == {"G": 2}
    assert [s.target for s in recorder.seen][-2:] == [b"/answers/default", b"/answers/any"]


def test_a_client_the_user_gave_keeps_its_own_redirect_setting(wire: Any, recorder: Recorder) -> None:
    """Only a documented 3xx answer turns following off per request; other calls leave the
    user's httpx client to decide (here: not to follow, so the 302 is the caller's to see)."""
    recorder.answer("/answers/default", 302, "", b"", {"location": "/answers/any"})
    with httpx.Client(follow_redirects=False) as own, \
            wire.Wire(api_key="sk-wire-SECRET", base_url=recorder.url, max_retries=0, http_client=own) as client:
        with pytest.raises(wire.APIStatusError) as caught:
            client.answers.default()
    assert caught.value.status_code == 302
    assert [s.target for s in recorder.seen] == [b"/answers/default"]


@pytest.mark.anyio
async def test_async_documented_3xx_answer(aclient: Any, recorder: Recorder) -> None:
    recorder.answer("/answers/moved", 307, "application/json", b'{"G": 1}', {"location": "/answers"})
    got = await aclient.answers.moved()
    assert got.model_dump(by_alias=True, exclude_unset=True) == {"G": 1}
    assert len(recorder.seen) == 1


@pytest.mark.anyio
async def test_async_answer_parsed_the_same(aclient: Any, recorder: Recorder) -> None:
    recorder.answer("/answers", 200, "text/plain", b"plain")
    assert await aclient.answers.list() == "plain"
