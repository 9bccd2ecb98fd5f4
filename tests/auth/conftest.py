"""Generate tests/auth/specs/vault.yaml once; serve a recording API with a token endpoint.

The server is real uvicorn on 127.0.0.1. It keeps every request's exact target and
headers, hands out OAuth2 tokens at /v1/oauth/token (counting them, with the lifetime the
test asks for), answers 401 to tokens the test revoked, and fails the first POST to
/v1/orders with a 500 when asked, so retries can be watched.
"""

from __future__ import annotations

import base64
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, Iterator, List, Set

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.importing import generated_package
from tests.live_server import serve

SPEC = Path(__file__).resolve().parent / "specs" / "vault.yaml"
PACKAGE = "vault_client"


@dataclass
class Seen:
    method: str
    target: str  # raw path and query, as sent
    headers: Dict[str, str]
    body: bytes


@dataclass
class Vault:
    host: str = ""
    seen: List[Seen] = field(default_factory=list)
    expires_in: int = 3600
    revoked: Set[str] = field(default_factory=set)
    token_status: int = 200
    fail_next_orders: int = 0
    tokens: Any = field(default_factory=lambda: itertools.count(1))

    def requests_to(self, path: str) -> List[Seen]:
        return [s for s in self.seen if s.target.split("?")[0] == path]


def _app(vault: Vault) -> Starlette:
    async def handle(request: Request) -> Response:
        raw = (request.scope.get("raw_path") or b"").decode()
        query = (request.scope.get("query_string") or b"").decode()
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in request.scope["headers"]}
        seen = Seen(request.method, raw + (f"?{query}" if query else ""), headers, await request.body())
        vault.seen.append(seen)
        path = request.url.path
        if path == "/v1/oauth/token":
            if vault.token_status != 200:
                return JSONResponse({"error": "invalid_client", "error_description": "unknown client"},
                                    status_code=vault.token_status)
            return JSONResponse({"access_token": f"t{next(vault.tokens)}", "token_type": "Bearer",
                                 "expires_in": vault.expires_in})
        if path == "/v1/digest" and not headers.get("authorization", "").startswith("Digest "):
            challenge = 'Digest realm="vault", nonce="abc123", qop="auth", algorithm=MD5'
            return Response(status_code=401, headers={"WWW-Authenticate": challenge})
        token = headers.get("authorization", "").removeprefix("Bearer ")
        if token in vault.revoked:
            return JSONResponse({"error": "token revoked"}, status_code=401)
        if path == "/v1/orders" and vault.fail_next_orders:
            vault.fail_next_orders -= 1
            return JSONResponse({"error": "try again"}, status_code=500)
        return JSONResponse({"ok": True})

    methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]
    return Starlette(routes=[Route("/{rest:path}", handle, methods=methods)])


@pytest.fixture(scope="session")
def vault_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_package(SPEC, tmp_path_factory.mktemp("vault") / "out", PACKAGE) as package:
        yield package


@pytest.fixture(scope="session")
def _vault() -> Iterator[Vault]:
    vault = Vault()
    with serve(_app(vault), name="vault") as port:
        vault.host = f"127.0.0.1:{port}"
        yield vault


@pytest.fixture
def vault(_vault: Vault) -> Vault:
    _vault.seen.clear()
    _vault.revoked.clear()
    _vault.expires_in, _vault.token_status, _vault.fail_next_orders = 3600, 200, 0
    _vault.tokens = itertools.count(1)
    return _vault


@pytest.fixture(autouse=True)
def _no_credentials_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in __import__("os").environ if n.startswith("VAULT_")]:
        monkeypatch.delenv(name)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
