"""Each mode form, generated and called against a live SSE server, sync and async:
what the client sends, what it returns, and how the stream ends."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

from tests.streams.conftest import Package, Packages
from tests.streams.sse_server import Events, Json, SSEServer, frame

DELTAS = [frame({"type": "delta", "text": "Hel"}), frame({"type": "delta", "text": "lo"})]
DONE_EVENT = frame({"type": "done", "tokens": 2})
DONE_LINE = frame("[DONE]")


def _events(package: Package, server: SSEServer, **arguments: Any) -> List[Any]:
    with package.client(server.url) as client:
        return list(client.api.generate(prompt="hi", **arguments))


async def _aevents(package: Package, server: SSEServer, **arguments: Any) -> List[Any]:
    async with package.async_client(server.url) as client:
        stream = await client.api.generate(prompt="hi", **arguments)
        return [event async for event in stream]


def _texts(events: List[Any]) -> List[Any]:
    return [getattr(event, "text", None) or type(event).__name__ for event in events]


@pytest.mark.parametrize("case, mode", [
    ("nullable30", {"stream": True}),
    ("nullable31", {"stream": True}),
    ("optional31", {"stream": True}),
    ("two_modes", {"response_mode": "streaming"}),
    ("required_mode", {"response_mode": "streaming"}),
])
def test_the_streaming_value_streams_typed_events(packages: Packages, sse: SSEServer, case: str,
                                                  mode: Dict[str, Any]) -> None:
    package = packages[case]
    sse.script("/generate", Events([*DELTAS, DONE_EVENT]))
    events = _events(package, sse, **mode)
    assert _texts(events) == ["Hel", "lo", "Done"]
    assert events[-1].tokens == 2
    assert sse.last.body == {"prompt": "hi", **mode}


@pytest.mark.parametrize("case, mode", [
    ("nullable30", {}), ("nullable30", {"stream": False}), ("nullable30", {"stream": None}),
    ("nullable31", {"stream": None}), ("optional31", {"stream": False}),
    ("two_modes", {"response_mode": "blocking"}), ("required_mode", {"response_mode": "blocking"}),
])
def test_any_other_value_answers_with_the_model(packages: Packages, sse: SSEServer, case: str,
                                                mode: Dict[str, Any]) -> None:
    package = packages[case]
    sse.script("/generate", Json({"text": "Hello"}))
    with package.client(sse.url) as client:
        reply = client.api.generate(prompt="hi", **mode)
    assert type(reply).__name__ == "Reply" and reply.text == "Hello"
    assert sse.last.body == {"prompt": "hi", **mode}


@pytest.mark.parametrize("case", ["one_mode", "one_mode_required", "sse_only_with_mode"])
def test_an_operation_that_only_streams_sends_its_mode_by_itself(packages: Packages, sse: SSEServer,
                                                                 case: str) -> None:
    sse.script("/generate", Events([*DELTAS, DONE_EVENT]))
    assert _texts(_events(packages[case], sse)) == ["Hel", "lo", "Done"]
    assert sse.last.body == {"prompt": "hi", "response_mode": "streaming"}


def test_an_operation_without_a_mode_field_streams(packages: Packages, sse: SSEServer) -> None:
    sse.script("/generate", Events([*DELTAS, DONE_EVENT]))
    assert _texts(_events(packages["sse_only"], sse)) == ["Hel", "lo", "Done"]
    assert sse.last.body == {"prompt": "hi"}


@pytest.mark.anyio
@pytest.mark.parametrize("case, mode", [
    ("nullable30", {"stream": True}), ("optional31", {"stream": True}),
    ("required_mode", {"response_mode": "streaming"}), ("one_mode", {}), ("sse_only", {}),
])
async def test_async_clients_stream_the_same(packages: Packages, sse: SSEServer, case: str,
                                             mode: Dict[str, Any]) -> None:
    sse.script("/generate", Events([*DELTAS, DONE_EVENT, DONE_LINE]))
    assert _texts(await _aevents(packages[case], sse, **mode)) == ["Hel", "lo", "Done"]


def test_done_line_ends_the_stream_cleanly(packages: Packages, sse: SSEServer) -> None:
    # Anything after [DONE] would not parse: reading it would fail the test.
    sse.script("/generate", Events([*DELTAS, DONE_LINE, frame("not an event")]))
    with packages["nullable30"].client(sse.url) as client:
        stream = client.api.generate(prompt="hi", stream=True)
        result = stream.until_done()
    assert result.events == 2
    assert stream.response.is_closed


def test_configured_terminal_data_replaces_done(packages: Packages, sse: SSEServer) -> None:
    package = packages["custom_terminal"]
    sse.script("/generate", Events([*DELTAS, frame("END"), frame("not an event")]))
    assert _texts(_events(package, sse, stream=True)) == ["Hel", "lo"]
    sse.script("/generate", Events([DELTAS[0], DONE_LINE]))
    with pytest.raises(package.module.APIResponseValidationError, match="stream event is not JSON: '\\[DONE\\]'"):
        _events(package, sse, stream=True)


def test_text_events_pass_through_where_the_union_takes_strings(packages: Packages, sse: SSEServer) -> None:
    sse.script("/generate", Events([frame("Hello"), frame(" world"), frame("42"),
                                    frame({"type": "done", "tokens": 3}), DONE_LINE]))
    events = _events(packages["text_union"], sse)
    assert events[:3] == ["Hello", " world", "42"]
    assert type(events[3]).__name__ == "Done" and events[3].tokens == 3


def test_text_is_still_rejected_where_the_events_are_objects(packages: Packages, sse: SSEServer) -> None:
    package = packages["nullable30"]
    sse.script("/generate", Events([DELTAS[0], frame("Hello")]))
    with pytest.raises(package.module.APIResponseValidationError, match="stream event is not JSON: 'Hello'"):
        _events(package, sse, stream=True)
