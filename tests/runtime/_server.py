"""A starlette app that imitates Dify and misbehaves on purpose."""

from __future__ import annotations

import asyncio
import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, List, Tuple

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

Scope = Dict[str, Any]
Receive = Callable[[], Awaitable[Dict[str, Any]]]
Send = Callable[[Dict[str, Any]], Awaitable[None]]

AUDIO = bytes(range(256)) * 4096  # 1 MiB, sent in chunks


@dataclass
class Hit:
    method: str
    path: str
    raw_path: str
    query: List[Tuple[str, str]]
    headers: Dict[str, str]


@dataclass
class State:
    hits: List[Hit] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self.lock:
            self.hits.clear()
            self.counts.clear()

    def record(self, scope: Scope) -> int:
        """Log a request; returns how many times this method+path was seen."""
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        from urllib.parse import parse_qsl

        query = parse_qsl(scope["query_string"].decode(), keep_blank_values=True)
        hit = Hit(scope["method"], scope["path"], scope["raw_path"].decode(), query, headers)
        key = f"{scope['method']} {scope['path']}"
        with self.lock:
            self.hits.append(hit)
            self.counts[key] += 1
            return self.counts[key]

    def count(self, method: str, path: str) -> int:
        with self.lock:
            return self.counts[f"{method} /v1{path}"]


def sse(event: Dict[str, Any]) -> bytes:
    return f"data: {json.dumps(event)}\n\n".encode()


MESSAGES = [
    {"event": "message", "answer": "Hel", "id": "m1"},
    {"event": "message", "answer": "lo", "id": "m1"},
    {"event": "message", "answer": "!", "id": "m1"},
]
END = {"event": "message_end", "id": "m1", "metadata": {"usage": {"total_tokens": 3}}}


def build_app(state: State) -> Starlette:
    def raw(handler: Callable[[Scope, Receive, Send, int], Awaitable[None]]) -> Any:
        class App:
            async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
                attempt = state.record(scope)
                await handler(scope, receive, send, attempt)

        return App()

    async def start(send: Send, status: int = 200, headers: Any = ()) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(k.encode(), v.encode()) for k, v in headers],
            }
        )

    async def body(send: Send, data: bytes, more: bool = True) -> None:
        await send({"type": "http.response.body", "body": data, "more_body": more})

    async def json_reply(send: Send, status: int, payload: Any, extra: Any = ()) -> None:
        data = json.dumps(payload).encode()
        await start(send, status, [("content-type", "application/json"), *extra])
        await body(send, data, more=False)

    async def retry(scope: Scope, receive: Receive, send: Send, attempt: int) -> None:
        kind = scope["path"].rsplit("/", 1)[1]
        if kind == "429" and attempt == 1:
            await json_reply(send, 429, {"code": "rate_limit", "message": "slow"}, [("retry-after", "0")])
        elif kind == "503" and attempt == 1:
            await json_reply(send, 503, {"code": "busy", "message": "later"})
        elif kind == "always503":
            await json_reply(send, 503, {"code": "busy", "message": "later"})
        else:
            await json_reply(send, 200, {"ok": True, "attempt": attempt})

    async def abort(scope: Scope, receive: Receive, send: Send, attempt: int) -> None:
        # Promise 100 bytes, send 10, then hang up: the client sees a reset.
        await start(send, 200, [("content-type", "application/json"), ("content-length", "100")])
        await body(send, b'{"partial"')
        raise ConnectionAbortedError("deliberate abort")

    async def slow(scope: Scope, receive: Receive, send: Send, attempt: int) -> None:
        await asyncio.sleep(1.0)
        await json_reply(send, 200, {"ok": True})

    async def conversation(scope: Scope, receive: Receive, send: Send, attempt: int) -> None:
        if scope["path"].endswith("/missing"):
            error = {"status": 404, "code": "not_found", "message": "Conversation Not Exists."}
            await json_reply(send, 404, error, [("x-request-id", "req-123")])
            return
        await json_reply(send, 200, {"raw_path": scope["raw_path"].decode()}, [("x-request-id", "req-ok")])

    async def chat(scope: Scope, receive: Receive, send: Send, attempt: int) -> None:
        request = Request(scope, receive)
        payload = await request.json()
        scenario = request.query_params.get("scenario", "ok")
        if scenario == "unauthorized":
            await json_reply(send, 401, {"status": 401, "code": "unauthorized", "message": "bad key"})
            return
        await start(send, 200, [("content-type", "text/event-stream")])
        await body(send, b"event: ping\n\n")
        await body(send, b": keep-alive comment\n\n")
        await body(send, sse({"event": "ping"}))
        for event in MESSAGES:
            await body(send, sse({**event, "echo": payload.get("query")}))
        if scenario == "cut":
            raise ConnectionAbortedError("deliberate mid-stream abort")
        if scenario == "unknown":
            await body(send, sse({"event": "brand_new_event", "x": 1}))
        if scenario == "error":
            err = {"event": "error", "status": 400, "code": "invalid_param", "message": "bad input"}
            await body(send, sse(err))
        if scenario != "noterminal":
            await body(send, sse(END))
        await body(send, b"", more=False)

    async def upload(request: Request) -> Response:
        state.record(request.scope)
        files: Dict[str, Any] = {}
        fields: Dict[str, Any] = {}
        async with request.form() as form:
            for key, value in form.multi_items():
                if isinstance(value, str):
                    fields[key] = value
                else:
                    content = await value.read()
                    files[key] = {
                        "filename": value.filename,
                        "content_type": value.content_type,
                        "size": len(content),
                        "head": content[:16].decode("latin-1"),
                    }
        return JSONResponse({"files": files, "fields": fields}, status_code=201)

    async def audio(scope: Scope, receive: Receive, send: Send, attempt: int) -> None:
        await start(send, 200, [("content-type", "audio/mpeg"), ("content-length", str(len(AUDIO)))])
        for i in range(0, len(AUDIO), 65536):
            await body(send, AUDIO[i : i + 65536], more=i + 65536 < len(AUDIO))

    async def conversations(scope: Scope, receive: Receive, send: Send, attempt: int) -> None:
        request = Request(scope, receive)
        ids = [f"c{i}" for i in range(1, 10)]
        last_id = request.query_params.get("last_id")
        limit = int(request.query_params.get("limit", "3"))
        start_at = ids.index(last_id) + 1 if last_id else 0
        page = ids[start_at : start_at + limit]
        has_more = start_at + limit < len(ids)
        await json_reply(
            send, 200, {"limit": limit, "has_more": has_more, "data": [{"id": i} for i in page]}
        )

    async def annotations(scope: Scope, receive: Receive, send: Send, attempt: int) -> None:
        request = Request(scope, receive)
        page = int(request.query_params.get("page", "1"))
        limit = int(request.query_params.get("limit", "3"))
        items = [{"id": f"a{i}", "question": f"q{i}"} for i in range((page - 1) * limit, page * limit)]
        # No has_more flag: the client must stop using `total`.
        await json_reply(
            send, 200, {"data": items, "page": page, "limit": limit, "total": 9}
        )

    async def echo(scope: Scope, receive: Receive, send: Send, attempt: int) -> None:
        request = Request(scope, receive)
        raw_body = await request.body()
        await json_reply(
            send,
            200,
            {
                "method": scope["method"],
                "query": [list(p) for p in request.query_params.multi_items()],
                "headers": {k: v for k, v in request.headers.items()},
                "body": json.loads(raw_body) if raw_body else None,
            },
        )

    async def no_content(scope: Scope, receive: Receive, send: Send, attempt: int) -> None:
        await start(send, 204)
        await body(send, b"", more=False)

    async def bad_json(scope: Scope, receive: Receive, send: Send, attempt: int) -> None:
        await json_reply(send, 200, {"id": 123})

    routes = [
        Route("/v1/retry/{kind}", raw(retry), methods=["GET", "POST"]),
        Route("/v1/abort", raw(abort), methods=["GET", "POST"]),
        Route("/v1/slow", raw(slow), methods=["GET"]),
        Route("/v1/conversations", raw(conversations), methods=["GET"]),
        Route("/v1/conversations/{cid:path}", raw(conversation), methods=["GET", "DELETE"]),
        Route("/v1/chat-messages", raw(chat), methods=["POST"]),
        Route("/v1/files/upload", upload, methods=["POST"]),
        Route("/v1/text-to-audio", raw(audio), methods=["POST"]),
        Route("/v1/apps/annotations", raw(annotations), methods=["GET"]),
        Route("/v1/echo", raw(echo), methods=["GET", "POST", "PUT"]),
        Route("/v1/no-content", raw(no_content), methods=["DELETE"]),
        Route("/v1/bad-json", raw(bad_json), methods=["GET"]),
    ]
    return Starlette(routes=routes)
