"""Each framing called live, sync and async, against a server on 127.0.0.1: the exact typed
items, the Accept header sent, what a malformed or truncated answer raises, and that
leaving the loop early closes the connection."""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, List, Tuple

import pytest

from tests.streams.breaking import break_and_check_closed, break_and_check_closed_async
from tests.streams.conftest import Package, Packages
from tests.streams.sse_server import Endless, Events, Json, SSEServer

BOUNDARY = "s3q-b0undary"
MULTIPART = f"multipart/mixed; boundary={BOUNDARY}".encode()


def sse_event(data: str, event: str = "", event_id: str = "", retry: str = "") -> bytes:
    lines = [f"event: {event}"] * bool(event) + [f"id: {event_id}"] * bool(event_id) + [f"retry: {retry}"] * bool(retry)
    return ("\n".join(lines + [f"data: {data}"]) + "\n\n").encode()


def line(value: Any) -> bytes:
    return json.dumps(value).encode() + b"\n"


def record(value: Any) -> bytes:
    return b"\x1e" + json.dumps(value).encode() + b"\n"


def part(body: bytes, content_type: str = "") -> bytes:
    head = f"Content-Type: {content_type}\r\n" if content_type else ""
    return f"--{BOUNDARY}\r\n{head}\r\n".encode() + body + b"\r\n"


def item(m: Any, key: str, n: int) -> Any:
    return m.Item(id=key, n=n)


# case -> (what the server sends, the items expected (built from the package's models), Accept, call arguments)
Expected = Callable[[Any], List[Any]]
CASES: Dict[str, Tuple[Events, Expected, str, Dict[str, Any]]] = {
    "sse_whole": (
        Events([sse_event('{"id": "a", "n": 1}', event_id="1", retry="1500"), b": keep-alive\n\n",
                sse_event('{"id": "b", "n": 2}', event="tick")]),
        lambda m: [m.Tick(event="message", data=item(m, "a", 1), id="1", retry=1500),
                   # The last event id holds until another is sent (the SSE standard's lastEventId).
                   m.Tick(event="tick", data=item(m, "b", 2), id="1")],
        "text/event-stream", {}),
    "sse_union": (
        Events([sse_event('{"id": "a", "n": 1}', event="update", event_id="7"), sse_event("", event="ping"),
                sse_event('{"id": "a"}', event="deleted"), sse_event("plain text", event="note"),
                sse_event("later", event="other")]),
        lambda m: [m.Update(event="update", data=item(m, "a", 1), id="7"),
                   m.Removed(event="deleted", data=m.RemovedData(id="a"), id="7"),
                   m.Note(event="note", data="plain text", id="7"),
                   m.RunEventUnknown(event="other", data="later", id="7")],
        "text/event-stream", {}),
    "jsonl32": (Events([line({"id": "a", "n": 1}) + b"\n" + line({"id": "b", "n": 2})[:5],
                        line({"id": "b", "n": 2})[5:]], b"application/jsonl"),
                lambda m: [item(m, "a", 1), item(m, "b", 2)], "application/jsonl", {}),
    "jsonl31": (Events([line({"id": "a", "n": 1}), json.dumps({"id": "b", "n": 2}).encode()], b"application/jsonl"),
                lambda m: [item(m, "a", 1), item(m, "b", 2)], "application/jsonl", {}),
    "ndjson30": (Events([line({"id": "a", "n": 1}) + line({"id": "b", "n": 2})], b"application/x-ndjson"),
                 lambda m: [item(m, "a", 1), item(m, "b", 2)], "application/x-ndjson", {"stream": True}),
    "jsonseq32": (Events([record({"id": "a", "n": 1}), record({"id": "b", "n": 2})], b"application/json-seq"),
                  lambda m: [item(m, "a", 1), item(m, "b", 2)], "application/json-seq", {}),
    "multipart32": (
        Events([b"preamble\r\n" + part(b'{"id": "a", "n": 1}') + part("h\u00e9".encode()),
                part(b"\x00\x01", "application/octet-stream") + part(b'{"id": "b", "n": 2}', "application/json")
                + f"--{BOUNDARY}--\r\n".encode()], MULTIPART),
        lambda m: [item(m, "a", 1), "h\u00e9", b"\x00\x01", item(m, "b", 2)],
        "multipart/mixed", {}),
}


def _check(package: Package, sse: SSEServer, items: List[Any], case: str) -> None:
    expected = CASES[case][1](package.module.models)
    assert items == expected
    assert [type(i) for i in items] == [type(e) for e in expected]
    assert sse.last.headers["accept"] == CASES[case][2]


@pytest.mark.parametrize("case", sorted(CASES))
def test_sync_items(packages: Packages, sse: SSEServer, case: str) -> None:
    sse.script("/run", CASES[case][0])
    package = packages[case]
    with package.client(sse.url) as client:
        items = list(client.api.run(**CASES[case][3]))
    _check(package, sse, items, case)


@pytest.mark.anyio
@pytest.mark.parametrize("case", sorted(CASES))
async def test_async_items(packages: Packages, sse: SSEServer, case: str) -> None:
    sse.script("/run", CASES[case][0])
    package = packages[case]
    async with package.async_client(sse.url) as client:
        items = [i async for i in await client.api.run(**CASES[case][3])]
    _check(package, sse, items, case)


def test_a_json_answer_stays_the_answer_without_the_mode(packages: Packages, sse: SSEServer) -> None:
    sse.script("/run", Json({"count": 2}))
    package = packages["ndjson30"]
    with package.client(sse.url) as client:
        assert client.api.run(stream=False) == package.module.models.Reply(count=2)
    assert sse.last.body == {"stream": False}
    assert sse.last.headers["accept"] == "application/json"  # the stream's media type is not the answer's


BROKEN = [
    # (case, what the server sends, the error, a piece of its message)
    ("jsonl32", Events([line({"id": "a", "n": 1}), b"{not json\n"], b"application/jsonl"),
     "APIResponseValidationError", "stream record is not JSON"),
    ("jsonl32", Events([line({"id": "a", "n": 1}), b'{"id": "b", "n"'], b"application/jsonl"),
     "IncompleteStreamError", "ended inside a record"),
    ("jsonl32", Events([line({"id": "a", "n": "many"})], b"application/jsonl"),
     "APIResponseValidationError", "does not match the schema"),
    ("jsonseq32", Events([record({"id": "a", "n": 1}), b'\x1e{"id": "b", "n": 2}'], b"application/json-seq"),
     "IncompleteStreamError", "without its closing line feed"),
    ("multipart32", Events([part(b'{"id": "a", "n": 1}')], MULTIPART),
     "IncompleteStreamError", "without its closing delimiter"),
    ("sse_whole", Events([sse_event("{oops")]), "APIResponseValidationError", "data is not JSON"),
    ("sse_union", Events([sse_event('{"message": "boom"}', event="error")]), "StreamError", "boom"),
]


@pytest.mark.parametrize("case, reply, error, message", BROKEN)
def test_a_broken_answer_raises_sync(packages: Packages, sse: SSEServer, case: str, reply: Events,
                                     error: str, message: str) -> None:
    sse.script("/run", reply)
    package = packages[case]
    with package.client(sse.url) as client:
        with pytest.raises(getattr(package.module, error), match=message):
            list(client.api.run(**CASES[case][3]))


@pytest.mark.anyio
@pytest.mark.parametrize("case, reply, error, message", BROKEN)
async def test_a_broken_answer_raises_async(packages: Packages, sse: SSEServer, case: str, reply: Events,
                                            error: str, message: str) -> None:
    sse.script("/run", reply)
    package = packages[case]
    async with package.async_client(sse.url) as client:
        with pytest.raises(getattr(package.module, error), match=message):
            [i async for i in await client.api.run(**CASES[case][3])]


ENDLESS = {
    "sse_whole": Endless(sse_event('{"id": "a", "n": 1}')),
    "jsonl32": Endless(line({"id": "a", "n": 1}), b"application/jsonl"),
    "ndjson30": Endless(line({"id": "a", "n": 1}), b"application/x-ndjson"),
    "jsonseq32": Endless(record({"id": "a", "n": 1}), b"application/json-seq"),
    "multipart32": Endless(part(b'{"id": "a", "n": 1}', "application/json"), MULTIPART),
}


@pytest.mark.parametrize("case", sorted(ENDLESS))
def test_break_closes_the_sync_stream(packages: Packages, sse: SSEServer, no_gc: None, case: str) -> None:
    sse.script("/run", ENDLESS[case])
    with packages[case].client(sse.url) as client:
        stream = client.api.run(**CASES[case][3])
        break_and_check_closed(stream, sse)


@pytest.mark.anyio
@pytest.mark.parametrize("case", sorted(ENDLESS))
async def test_break_closes_the_async_stream(packages: Packages, sse: SSEServer, no_gc: None, case: str) -> None:
    sse.script("/run", ENDLESS[case])
    async with packages[case].async_client(sse.url) as client:
        stream = await client.api.run(**CASES[case][3])
        await break_and_check_closed_async(stream, sse)
