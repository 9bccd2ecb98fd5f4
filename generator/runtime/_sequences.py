"""Sequential media types (OpenAPI 3.2 `itemSchema`), cut into items.

`Records` cuts JSON Lines / NDJSON (one value a line) and JSON text sequences
(RFC 7464: each record starts with the 0x1E record separator and ends with a
line feed). `Parts` cuts a `multipart/mixed` body into its parts. Both are fed
the body as it arrives, so the sync and async streams share them, and each item
is handed over as soon as it is whole. `messages`/`amessages` give what a
stream reads, SSE events or records alike; `decode_record` and `decode_part`
turn one item into the JSON value (text, bytes) its type is checked against.

A record cut short is IncompleteStreamError: a json-seq record without its line
feed (RFC 7464 2.1), or a last JSON Lines line that has no line feed and is not
JSON; a multipart body without its closing delimiter likewise (see `Parts.done`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from email.message import Message as _Headers
from typing import Any, AsyncIterator, Dict, Iterator, List, Optional, Tuple, Union

import httpx
from httpx_sse import EventSource, ServerSentEvent

from ._exceptions import APIResponseValidationError, IncompleteStreamError

__all__ = [
    "answer_framing",
    "Message",
    "Records",
    "Parts",
    "boundary_of",
    "messages",
    "amessages",
    "decode_record",
    "decode_part",
]

_RS = "\x1e"


@dataclass(frozen=True)
class Message:
    """One item of a stream, shaped like an SSE message: `data` is its text."""

    data: str
    event: str = "message"
    id: str = ""
    retry: Optional[int] = None
    content_type: str = ""  # a multipart part's own Content-Type, else ""
    # The body ended inside it: no line feed after it (json-seq: always required).
    open_end: bool = False


class Records:
    """`jsonl`: one record a line (blank lines skipped); `json-seq`: records after 0x1E."""

    def __init__(self, framing: str) -> None:
        self._separator = _RS if framing == "json-seq" else "\n"
        self._buffer = ""

    def feed(self, text: str) -> List[Message]:
        self._buffer += text
        *whole, self._buffer = self._buffer.split(self._separator)
        if self._separator == _RS:  # a record is whole when the next one starts: check its LF
            return [Message(r.strip(), open_end=not r.endswith("\n")) for r in whole if r.strip()]
        return [Message(r.strip()) for r in whole if r.strip()]

    def end(self) -> List[Message]:
        rest, self._buffer = self._buffer, ""
        # RFC 7464 ends each record with a line feed; JSON Lines may end without one.
        return [Message(rest.strip(), open_end=not rest.endswith("\n"))] if rest.strip() else []


_RECORD_FRAMINGS = {
    "application/jsonl": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/json-seq": "json-seq",
}


def answer_framing(declared: str, response: httpx.Response) -> str:
    """How to cut this answer: where the spec offers JSON Lines and json-seq alike (the
    OpenAPI 3.2 text's own log stream does), the answer's Content-Type decides."""
    if declared not in ("jsonl", "json-seq"):
        return declared
    base = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if base.endswith("+json-seq"):  # RFC 8091's structured suffix
        return "json-seq"
    return _RECORD_FRAMINGS.get(base, declared)


def messages(response: httpx.Response, framing: str) -> Iterator[Union[ServerSentEvent, Message]]:
    if framing in ("sse", "sse-items"):
        yield from EventSource(response).iter_sse()
        return
    records = Records(framing)
    for text in response.iter_text():
        yield from records.feed(text)
    yield from records.end()


async def amessages(
    response: httpx.Response, framing: str
) -> AsyncIterator[Union[ServerSentEvent, Message]]:
    if framing in ("sse", "sse-items"):
        async for sse in EventSource(response).aiter_sse():
            yield sse
        return
    records = Records(framing)
    async for text in response.aiter_text():
        for record in records.feed(text):
            yield record
    for record in records.end():
        yield record


def decode_record(record: Message, framing: str, response: httpx.Response) -> Any:
    """The JSON value of one JSON Lines / json-seq record."""
    if record.open_end and framing == "json-seq":
        raise IncompleteStreamError(
            f"json-seq record without its closing line feed (truncated): {record.data[:100]!r}",
            response.request,
        )
    try:
        return json.loads(record.data)
    except ValueError as exc:
        if record.open_end:
            raise IncompleteStreamError(
                f"stream ended inside a record: {record.data[:100]!r}", response.request
            ) from exc
        raise APIResponseValidationError(
            f"stream record is not JSON: {record.data[:100]!r}", response=response
        ) from exc


def decode_part(
    index: int, headers: Dict[str, str], body: bytes, declared: str, response: httpx.Response
) -> Any:
    """One multipart part by its Content-Type (else `declared`): JSON decoded, text as str,
    anything else as bytes."""
    content_type = headers.get("content-type") or declared
    base = content_type.split(";")[0].strip().lower()
    try:
        if base == "application/json" or base.endswith("+json"):
            return json.loads(body)
        if base.startswith("text/"):
            return body.decode(_charset(content_type))
    except (ValueError, LookupError) as exc:
        raise APIResponseValidationError(
            f"multipart part {index} is not {base}: {body[:100]!r}", response=response
        ) from exc
    return body


def _charset(content_type: str) -> str:
    headers = _Headers()
    headers["Content-Type"] = content_type
    charset = headers.get_param("charset")
    return charset if isinstance(charset, str) and charset else "utf-8"


def boundary_of(content_type: str) -> Optional[str]:
    headers = _Headers()
    headers["Content-Type"] = content_type
    boundary = headers.get_param("boundary")
    return boundary if isinstance(boundary, str) and boundary else None


class Parts:
    """The parts of a multipart body, each with its headers (lower-case names) and bytes."""

    def __init__(self, boundary: str) -> None:
        self._delimiter = b"--" + boundary.encode("latin-1")
        self._buffer = b""
        self._started = False
        self.done = False

    @classmethod
    def of(cls, response: httpx.Response) -> "Parts":
        boundary = boundary_of(response.headers.get("content-type", ""))
        if boundary is None:
            raise APIResponseValidationError(
                "expected a multipart answer with a boundary", response=response
            )
        return cls(boundary)

    def feed(self, chunk: bytes) -> List[Tuple[Dict[str, str], bytes]]:
        self._buffer += chunk
        parts: List[Tuple[Dict[str, str], bytes]] = []
        while not self.done:
            at = self._buffer.find(self._delimiter)
            if at < 0:
                break
            rest = self._buffer[at + len(self._delimiter) :]
            if len(rest) < 2:  # not yet known whether this is the closing delimiter
                break
            if self._started:
                parts.append(_part(self._buffer[:at]))
            self._started = True  # whatever came before the first delimiter is the preamble
            self._buffer = rest
            self.done = rest.startswith(b"--")
        return parts


def _part(raw: bytes) -> Tuple[Dict[str, str], bytes]:
    """`\\r\\nName: value\\r\\n\\r\\nbody\\r\\n` (the line ends around the delimiters are not the body's)."""
    raw = raw.split(b"\n", 1)[1] if b"\n" in raw else b""
    if raw.endswith(b"\r\n"):
        raw = raw[:-2]
    elif raw.endswith(b"\n"):
        raw = raw[:-1]
    for gap in (b"\r\n\r\n", b"\n\n"):
        if raw.startswith(gap[len(gap) // 2 :]):
            return {}, raw[len(gap) // 2 :]
        head, found, body = raw.partition(gap)
        if found:
            break
    else:
        head, body = raw, b""
    headers: Dict[str, str] = {}
    for line in head.decode("latin-1").splitlines():
        name, colon, value = line.partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    return headers, body
