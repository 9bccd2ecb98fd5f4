"""A scripted API on 127.0.0.1 that answers JSON or Server-Sent Events.

`script(path, reply)` sets the answer for a path; every request is recorded.
`Endless` writes events until the client goes away and then records how many
it sent and that it saw the disconnect, which is how the tests prove that a
`break` closes the connection.
"""

from __future__ import annotations

import asyncio
import json
import threading
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Union


def frame(data: Union[str, Dict[str, Any]], event: Optional[str] = None) -> bytes:
    """One SSE message; a dict is sent as its JSON."""
    text = data if isinstance(data, str) else json.dumps(data)
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {text}\n\n".encode()


@dataclass
class Events:
    frames: List[bytes]
    content_type: bytes = b"text/event-stream"


@dataclass
class Json:
    body: Any
    status: int = 200


@dataclass
class Endless:
    frame: bytes
    content_type: bytes = b"text/event-stream"


Reply = Union[Events, Json, Endless]


@dataclass
class Recorded:
    method: str
    path: str
    query: str
    body: Any
    headers: Dict[str, str] = field(default_factory=dict)


@dataclass
class SSEServer:
    url: str = ""
    replies: Dict[str, Reply] = field(default_factory=dict)
    requests: List[Recorded] = field(default_factory=list)
    disconnected: threading.Event = field(default_factory=threading.Event)
    sent_before_disconnect: int = 0

    def reset(self) -> None:
        self.replies.clear()
        self.requests.clear()
        self.disconnected.clear()
        self.sent_before_disconnect = 0

    def script(self, path: str, reply: Reply) -> None:
        self.replies[path] = reply

    @property
    def last(self) -> Recorded:
        return self.requests[-1]

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        raw = b"".join(chunks)
        path = scope["path"]
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        self.requests.append(Recorded(scope["method"], path, scope["query_string"].decode(),
                                      json.loads(raw) if raw else None, headers))
        reply = self.replies.get(path, Json({"message": f"nothing scripted for {path}"}, 404))
        if isinstance(reply, Json):
            await _send(send, reply.status, b"application/json", json.dumps(reply.body).encode())
        elif isinstance(reply, Events):
            await _start(send, 200, reply.content_type)
            for chunk in reply.frames:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        else:
            await self._endless(reply, receive, send)

    async def _endless(self, reply: Endless, receive: Any, send: Any) -> None:
        gone = asyncio.Event()

        async def watch() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass
            gone.set()

        watcher = asyncio.ensure_future(watch())
        await _start(send, 200, reply.content_type)
        sent = 0
        while not gone.is_set():
            await send({"type": "http.response.body", "body": reply.frame, "more_body": True})
            sent += 1
            await asyncio.sleep(0.001)
        await watcher
        self.sent_before_disconnect = sent
        self.disconnected.set()


async def _start(send: Any, status: int, content_type: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", content_type), (b"cache-control", b"no-cache")]})


async def _send(send: Any, status: int, content_type: bytes, body: bytes) -> None:
    await _start(send, status, content_type)
    await send({"type": "http.response.body", "body": body, "more_body": False})
