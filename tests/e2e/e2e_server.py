"""A strict fake Dify: a starlette app implementing every operation of the spec.

Routing, allowed query parameters and body fields all come from
`specs/dify-chatflow.json` (see e2e_spec), so the server rejects whatever the
spec does not allow (the checks are in e2e_requests).  Every request is
recorded as an e2e_requests `Recorded` (method, raw and decoded path, path
params, query, headers, JSON body or multipart fields and files) for the
tests to assert on.  Answers are the spec's own success examples unless a test
scripts a different reply for an operation with `FakeDify.script`.

Scripted replies can also misbehave on purpose: `AbortReply` hangs up
without an answer (or mid-body), `SlowReply` answers late, and
`SSEReply(cut=True)` drops the connection in the middle of a stream.

Anything the client got wrong that the spec forbids is recorded as a
*violation* and answered with a Dify-style 400; the e2e conftest fails every
test that leaves violations behind.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any, Deque, Dict, List, Mapping, Optional, Sequence, Union
from urllib.parse import parse_qsl, unquote

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from e2e_requests import Recorded, UploadedFile, match_operation, request_problems
from e2e_spec import Operation, operations, sse_example, sse_frame, success_example

API_KEY = "app-e2e-SECRET-key-42"
BASE_PATH = "/v1"

# Binary answers: the spec has schemas but no examples for these.
AUDIO_BYTES = b"ID3\x04\x00\x00" + bytes(range(256)) * 64
PREVIEW_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(range(255, -1, -1)) * 16

# -- scripted replies -------------------------------------------------------


@dataclass(frozen=True)
class JSONReply:
    status: int
    body: Any
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BytesReply:
    status: int
    content: bytes
    content_type: str


@dataclass(frozen=True)
class SSEReply:
    """Frames sent in order; `hold_open` keeps the response open afterwards
    until the client disconnects (recorded in `FakeDify.disconnected`);
    `cut` hangs up after the frames without finishing the chunked body, as a
    dropped connection mid-stream does."""

    frames: Sequence[bytes]
    hold_open: bool = False
    cut: bool = False


@dataclass(frozen=True)
class AbortReply:
    """Hang up: the request is read (and recorded), then the connection is
    closed before any byte of a response is sent, or, with `status`, after
    the status line, a Content-Length 100 bytes larger than `partial`, and
    `partial` itself (a body cut short)."""

    status: Optional[int] = None
    partial: bytes = b""


@dataclass(frozen=True)
class SlowReply:
    """Send `reply` only after `delay` seconds; if the client gives up first
    (a timeout), nothing is sent and the handler ends at once."""

    delay: float
    reply: "Reply"


Reply = Union[JSONReply, BytesReply, SSEReply, AbortReply, SlowReply]


def dify_error(status: int, code: str, message: str) -> JSONReply:
    return JSONReply(status, {"status": status, "code": code, "message": message})


async def _until_disconnect(receive: Any) -> None:
    # The request body is fully read, so receive() now only returns once the
    # client goes away (or the server closed the connection itself).
    while (await receive())["type"] != "http.disconnect":
        pass


async def _hang_up(receive: Any) -> None:
    """Close the TCP connection under the running request, as a crashed
    server or a proxy dropping the line does.

    Starlette hands the endpoint uvicorn's own `receive` (a bound method of
    the request cycle, which holds the asyncio transport).  Once the close is
    seen (`http.disconnect`), uvicorn neither answers 500 nor logs an error.
    """
    transport = getattr(getattr(receive, "__self__", None), "transport", None)
    if transport is None:
        raise RuntimeError("cannot reach the connection's transport (uvicorn internals changed?)")
    transport.close()
    await _until_disconnect(receive)


class _AbortResponse(Response):
    def __init__(self, reply: AbortReply) -> None:
        super().__init__(status_code=reply.status or 500)
        self._reply = reply

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        reply = self._reply
        if reply.status is not None:
            promised = str(len(reply.partial) + 100).encode()
            headers = [(b"content-type", b"application/json"), (b"content-length", promised)]
            await send({"type": "http.response.start", "status": reply.status, "headers": headers})
            await send({"type": "http.response.body", "body": reply.partial, "more_body": True})
        await _hang_up(receive)


class _SlowResponse(Response):
    def __init__(self, reply: SlowReply, fake: "FakeDify") -> None:
        super().__init__(status_code=200)
        self._reply = reply
        self._fake = fake

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        try:
            await asyncio.wait_for(_until_disconnect(receive), self._reply.delay)
        except asyncio.TimeoutError:
            await _render(self._reply.reply, self._fake)(scope, receive, send)
        else:
            with self._fake._lock:
                self._fake.gave_up += 1


class _SSEResponse(Response):
    """Streams SSE frames by hand so we control chunking and see disconnects."""

    def __init__(self, reply: SSEReply, disconnected: threading.Event) -> None:
        super().__init__(status_code=200, media_type="text/event-stream")
        self._reply = reply
        self._disconnected = disconnected

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"text/event-stream"), (b"cache-control", b"no-cache")],
            }
        )
        for frame in self._reply.frames:
            await send({"type": "http.response.body", "body": frame, "more_body": True})
        if self._reply.cut:
            await _hang_up(receive)
            return
        if self._reply.hold_open:
            await _until_disconnect(receive)
            self._disconnected.set()
            return
        await send({"type": "http.response.body", "body": b"", "more_body": False})


# -- the fake ---------------------------------------------------------------


class FakeDify:
    """Shared between the server thread and the tests; guarded by a lock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.calls: List[Recorded] = []
        self.violations: List[str] = []
        self._scripts: Dict[str, Deque[Reply]] = defaultdict(deque)
        self.disconnected = threading.Event()
        self.gave_up = 0  # SlowReply requests the client abandoned before the answer
        self.url = ""  # set by the fixture once the port is known

    # test-facing API

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self.violations.clear()
            self._scripts.clear()
            self.disconnected = threading.Event()
            self.gave_up = 0

    def script(self, operation_id: str, *replies: Reply) -> None:
        """Answer the next calls of `operation_id` with `replies`, in order."""
        assert operation_id in operations(), operation_id
        with self._lock:
            self._scripts[operation_id].extend(replies)

    def calls_of(self, operation_id: str) -> List[Recorded]:
        with self._lock:
            return [c for c in self.calls if c.operation_id == operation_id]

    @property
    def last(self) -> Recorded:
        with self._lock:
            assert self.calls, "the server received no request"
            return self.calls[-1]

    def only_call(self) -> Recorded:
        with self._lock:
            assert len(self.calls) == 1, f"expected one request, got {len(self.calls)}"
            return self.calls[0]

    # server side

    def _next_reply(self, operation_id: str) -> Optional[Reply]:
        with self._lock:
            queue = self._scripts.get(operation_id)
            return queue.popleft() if queue else None

    def _record(self, call: Recorded) -> None:
        with self._lock:
            self.calls.append(call)

    def _violation(self, text: str) -> JSONReply:
        with self._lock:
            self.violations.append(text)
        return dify_error(400, "invalid_param", text)


def _default_reply(op: Operation, call: Recorded) -> Reply:
    if op.operation_id == "sendAdvancedChatMessage" and call.json.get("response_mode") == "streaming":
        return SSEReply([sse_frame(event) for event in sse_example("streamingResponseBasic")])
    if op.operation_id == "advancedTextToAudio":
        return BytesReply(200, AUDIO_BYTES, "audio/mpeg")
    if op.operation_id == "previewChatFlowFile":
        return BytesReply(200, PREVIEW_BYTES, "application/octet-stream")
    example = success_example(op.operation_id)
    return JSONReply(example.status, example.value)


def _render(reply: Reply, fake: FakeDify) -> Response:
    if isinstance(reply, AbortReply):
        return _AbortResponse(reply)
    if isinstance(reply, SlowReply):
        return _SlowResponse(reply, fake)
    if isinstance(reply, SSEReply):
        return _SSEResponse(reply, fake.disconnected)
    if isinstance(reply, BytesReply):
        return Response(reply.content, status_code=reply.status, media_type=reply.content_type)
    if reply.status == 204 or reply.body is None:
        return Response(status_code=reply.status, headers=dict(reply.headers))
    return Response(
        json.dumps(reply.body, ensure_ascii=False),
        status_code=reply.status,
        media_type="application/json",
        headers=dict(reply.headers),
    )


async def _read_multipart(request: Request, call: Recorded) -> None:
    form = await request.form()
    try:
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                data = await value.read()
                part = UploadedFile(value.filename, value.headers.get("content-type"), data)
                call.files.setdefault(key, []).append(part)
            else:
                call.form.setdefault(key, []).append(value)
    finally:
        await form.close()


def build_app(fake: FakeDify) -> Starlette:
    async def dispatch(request: Request) -> Response:
        scope = request.scope
        raw_full = scope["raw_path"].decode("ascii")
        if not raw_full.startswith(BASE_PATH + "/"):
            return _render(fake._violation(f"path outside {BASE_PATH}: {raw_full}"), fake)
        raw_path = raw_full[len(BASE_PATH) :]
        op, raw_params, path_known = match_operation(request.method, raw_path)
        if op is None:
            if path_known:
                return _render(dify_error(405, "method_not_allowed", request.method), fake)
            return _render(fake._violation(f"no operation for {request.method} {raw_path}"), fake)
        call = Recorded(
            operation_id=op.operation_id,
            method=request.method,
            path=unquote(raw_path),
            raw_path=raw_path,
            path_params={k: unquote(v) for k, v in raw_params.items()},
            query=parse_qsl(scope["query_string"].decode("ascii"), keep_blank_values=True),
            headers={k.lower(): v for k, v in request.headers.items()},
        )
        if call.content_type.startswith("multipart/form-data"):
            await _read_multipart(request, call)
        else:
            call.body = await request.body()
            if call.body:
                try:
                    call.json = json.loads(call.body)
                except ValueError:
                    pass
        fake._record(call)
        if call.headers.get("authorization") != f"Bearer {API_KEY}":
            return _render(dify_error(401, "unauthorized", "Access token is invalid."), fake)
        problems = request_problems(op, call)
        if problems:
            return _render(fake._violation(f"{op.operation_id}: " + "; ".join(problems)), fake)
        reply = fake._next_reply(op.operation_id) or _default_reply(op, call)
        return _render(reply, fake)

    methods = ["GET", "POST", "PUT", "DELETE", "PATCH"]
    return Starlette(routes=[Route("/{rest:path}", dispatch, methods=methods)])

