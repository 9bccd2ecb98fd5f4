"""Sequential media types other than SSE (OpenAPI 3.2 `itemSchema`), cut into items.

`Records` cuts JSON Lines / NDJSON (one value a line) and JSON text sequences
(RFC 7464: each record starts with the 0x1E record separator). `Parts` cuts a
`multipart/mixed` body into its parts. Both are fed the body as it arrives, so
the sync and async streams share them, and each item is handed over as soon as
it is whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import Message as _Headers
from typing import Dict, List, Optional, Tuple

__all__ = ["Message", "Records", "Parts", "boundary_of"]

_RS = "\x1e"


@dataclass(frozen=True)
class Message:
    """One item of a stream, shaped like an SSE message: `data` is its text."""

    data: str
    event: str = "message"
    id: str = ""
    retry: Optional[int] = None
    content_type: str = ""  # a multipart part's own Content-Type, else ""


class Records:
    """`jsonl`: one record a line (blank lines skipped); `json-seq`: records after 0x1E."""

    def __init__(self, framing: str) -> None:
        self._separator = _RS if framing == "json-seq" else "\n"
        self._buffer = ""

    def feed(self, text: str) -> List[Message]:
        self._buffer += text
        *whole, self._buffer = self._buffer.split(self._separator)
        return self._messages(whole)

    def end(self) -> List[Message]:
        rest, self._buffer = self._buffer, ""
        return self._messages([rest])

    @staticmethod
    def _messages(records: List[str]) -> List[Message]:
        # RFC 7464 ends each record with a line feed; JSON Lines may use CRLF.
        return [Message(data=r.strip()) for r in records if r.strip()]


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
