"""Fixtures for runtime tests.

The runtime files are meant to be copied into a generated package, so the
tests do exactly that: copy generator/runtime/*.py into a throwaway package
`rtpkg` and import it from there.  A real uvicorn server on 127.0.0.1 plays a
deliberately unreliable API (see _server.py).
"""

from __future__ import annotations

import atexit
import shutil
import socket
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.live_server import serve

RUNTIME_DIR = Path(__file__).resolve().parents[2] / "generator" / "runtime"
PKG_NAME = "rtpkg"


def _install_runtime_package() -> Path:
    root = Path(tempfile.mkdtemp(prefix="runtime-pkg-"))
    atexit.register(shutil.rmtree, root, True)
    pkg = root / PKG_NAME
    pkg.mkdir()
    for source in sorted(RUNTIME_DIR.glob("*.py")):
        shutil.copy(source, pkg / source.name)
    (pkg / "__init__.py").write_text('"""Runtime copied for tests."""\n')
    (pkg / "py.typed").write_text("")
    sys.path.insert(0, str(root))
    return pkg


# At import time so test modules can `from rtpkg... import ...` at the top.
RUNTIME_PKG = _install_runtime_package()

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _server import State, build_app  # noqa: E402
from rtpkg._base_client import AsyncAPIClient, SyncAPIClient  # noqa: E402
from rtpkg._retries import RetryPolicy  # noqa: E402

API_KEY = "sk-test-SECRET-9f8e7d"
FAST_RETRIES = RetryPolicy(initial_delay=0.001, max_delay=0.01, max_retry_after=0.05)


class DemoClient(SyncAPIClient):
    """What a generated client subclass looks like."""

    retry_policy = FAST_RETRIES

    def __init__(self, *, api_key: str, base_url: str, **kwargs: Any) -> None:
        super().__init__(
            base_url=base_url,
            auth_headers={"Authorization": f"Bearer {api_key}"},
            user_agent="demo/1.0",
            **kwargs,
        )


class AsyncDemoClient(AsyncAPIClient):
    retry_policy = FAST_RETRIES

    def __init__(self, *, api_key: str, base_url: str, **kwargs: Any) -> None:
        super().__init__(
            base_url=base_url,
            auth_headers={"Authorization": f"Bearer {api_key}"},
            user_agent="demo/1.0",
            **kwargs,
        )


class Server:
    def __init__(self, url: str, state: State) -> None:
        self.url = url
        self.state = state


@pytest.fixture(scope="session")
def _live_server() -> Iterator[Server]:
    state = State()
    with serve(build_app(state), name="runtime-test-server") as port:
        yield Server(f"http://127.0.0.1:{port}/v1", state)


@pytest.fixture
def server(_live_server: Server) -> Server:
    _live_server.state.reset()
    return _live_server


@pytest.fixture
def client(server: Server) -> Iterator[DemoClient]:
    with DemoClient(api_key=API_KEY, base_url=server.url, timeout=5.0) as c:
        yield c


@pytest.fixture
async def aclient(server: Server) -> Any:
    async with AsyncDemoClient(api_key=API_KEY, base_url=server.url, timeout=5.0) as c:
        yield c


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def closed_port_url() -> str:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/v1"
