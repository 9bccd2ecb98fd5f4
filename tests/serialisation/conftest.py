"""Generate tests/serialisation/specs/wire.yaml once, serve a recorder on 127.0.0.1.

The recorder is a real uvicorn server: it keeps the exact bytes of every
request (raw target, headers, body) and answers what the test queued for the
path, so the tests compare what the generated client really put on the wire.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, Iterator, List, Tuple

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tests.importing import generated_package
from tests.live_server import serve

SPEC = Path(__file__).resolve().parent / "specs" / "wire.yaml"
PACKAGE = "wire_client"


@dataclass
class Seen:
    method: str
    target: bytes  # raw path and query, as sent
    headers: Dict[str, str]
    body: bytes


@dataclass
class Recorder:
    url: str = ""
    seen: List[Seen] = field(default_factory=list)
    # path -> (status, content type, body, other headers) answered to the next request for it
    answers: Dict[str, Tuple[int, str, bytes, Dict[str, str]]] = field(default_factory=dict)

    def reset(self) -> Recorder:
        """Forget what was seen and queued, for the next test."""
        self.seen.clear()
        self.answers.clear()
        return self

    @property
    def last(self) -> Seen:
        return self.seen[-1]

    def answer(self, path: str, status: int, content_type: str, body: bytes,
               headers: Dict[str, str] | None = None) -> None:
        self.answers[path] = (status, content_type, body, headers or {})


_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def recorder_app(recorder: Recorder, methods: Tuple[str, ...] = _METHODS) -> Starlette:
    """Records every request to any path with one of `methods`; answers what was queued."""
    async def record(request: Request) -> Response:
        raw_path = request.scope.get("raw_path") or request.url.path.encode()
        query = request.scope.get("query_string") or b""
        recorder.seen.append(Seen(
            request.method, raw_path + (b"?" + query if query else b""),
            {k.decode("latin-1"): v.decode("latin-1") for k, v in request.scope["headers"]},
            await request.body(),
        ))  # fmt: skip
        path = request.url.path
        status, content_type, body, extra = recorder.answers.get(path, (204, "", b"", {}))
        headers = {**extra, "content-type": content_type} if content_type else extra
        return Response(body, status_code=status, headers=headers)

    return Starlette(routes=[Route("/{rest:path}", record, methods=list(methods))])


@contextmanager
def recording(name: str, methods: Tuple[str, ...] = _METHODS, **options: Any) -> Iterator[Recorder]:
    """A recorder served on 127.0.0.1 until the block ends; `options` as for `serve`."""
    recorder = Recorder()
    with serve(recorder_app(recorder, methods), name=name, **options) as port:
        recorder.url = f"http://127.0.0.1:{port}"
        yield recorder


@pytest.fixture(scope="session")
def wire(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_package(SPEC, tmp_path_factory.mktemp("wire") / "out", PACKAGE) as package:
        yield package


@pytest.fixture(scope="session")
def _recorder() -> Iterator[Recorder]:
    with recording("wire-recorder") as recorder:
        yield recorder


@pytest.fixture
def recorder(_recorder: Recorder) -> Recorder:
    return _recorder.reset()


@pytest.fixture
def client(wire: ModuleType, recorder: Recorder) -> Iterator[Any]:
    with wire.Wire(api_key="sk-wire-SECRET", base_url=recorder.url, max_retries=0) as c:
        yield c


@pytest.fixture
async def aclient(wire: ModuleType, recorder: Recorder) -> Any:
    async with wire.AsyncWire(api_key="sk-wire-SECRET", base_url=recorder.url, max_retries=0) as c:
        yield c


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
