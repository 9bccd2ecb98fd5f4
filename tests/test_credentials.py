"""Credentials in generated clients: refused when they cannot be sent, never shown, basic auth as a pair.

Each package is generated through the CLI in a subprocess, then used against a live server on
127.0.0.1 that checks the Authorization header it receives.
"""

from __future__ import annotations

import asyncio
import base64
import importlib
import json
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator

import pytest

from tests.importing import importable
from tests.live_server import serve

ROOT = Path(__file__).resolve().parent.parent
SECRET = "app-9f3c2b7e41d8"
SCHEMES: dict[str, dict[str, str] | None] = {
    "none": None,
    "bearer": {"type": "http", "scheme": "bearer"},
    "basic": {"type": "http", "scheme": "basic"},
    "header": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "query": {"type": "apiKey", "in": "query", "name": "key"},
}


def _spec(scheme: dict[str, str] | None) -> dict[str, Any]:
    answer = {"type": "object", "properties": {"user": {"type": "string"}}}
    security = {} if scheme is None else {
        "components": {"securitySchemes": {"auth": scheme}}, "security": [{"auth": []}]}
    return {
        "openapi": "3.0.3", "info": {"title": "Shop", "version": "1"},
        "servers": [{"url": "http://127.0.0.1:9"}], **security,
        "paths": {"/me": {"get": {"operationId": "getMe", "responses": {"200": {
            "description": "who you are", "content": {"application/json": {"schema": answer}}}}}}},
    }


@pytest.fixture(scope="module")
def clients(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ModuleType]]:
    """One generated package per scheme: {kind: the package's _client module}."""
    root = tmp_path_factory.mktemp("credentials")
    modules = {}
    with ExitStack() as imported:  # unwinding it takes every package off sys.path and sys.modules
        for kind, scheme in SCHEMES.items():
            spec = root / f"{kind}.json"
            spec.write_text(json.dumps(_spec(scheme)))
            config = root / f"{kind}.clientgen.yaml"
            config.write_text("operations: {getMe: {name: whoami, resource: account}}\n")
            package = f"shop_{kind}"
            result = subprocess.run([sys.executable, "-m", "generator", "generate", str(spec), "--output",
                                     str(root / kind), "--package-name", package, "-q"],
                                    cwd=ROOT, capture_output=True, text=True)
            assert result.returncode == 0, result.stderr
            imported.enter_context(importable(root / kind, package))
            modules[kind] = importlib.import_module(f"{package}._client")
        yield modules


def _client_class(module: ModuleType) -> Any:
    return module.Shop


def _refused(make: Any, *secrets: str) -> str:
    with pytest.raises(ValueError) as info:
        make()
    for secret in secrets:
        assert secret not in str(info.value) and secret not in repr(info.value)
    return str(info.value)


@pytest.mark.parametrize("bad", [f"{SECRET}\n", f"{SECRET}\r\nX-Evil: 1", f"{SECRET}\x00", f"{SECRET}é"])
def test_a_key_that_cannot_be_sent_is_refused_at_construction_without_showing_it(
    clients: dict[str, ModuleType], bad: str
) -> None:
    shop = _client_class(clients["bearer"])
    message = _refused(lambda: shop(api_key=bad, max_retries=2), SECRET, bad)
    assert message.startswith("the API key (api_key=...) contains ")
    if "\n" in bad:
        assert "line break" in message and "strip it" in message


def test_a_key_from_the_environment_is_named_by_its_variable(
    clients: dict[str, ModuleType], monkeypatch: pytest.MonkeyPatch
) -> None:
    module = clients["header"]
    monkeypatch.setenv(module.API_KEY_ENV, SECRET + "\n")
    message = _refused(lambda: module.Shop(), SECRET)
    assert f"the API key ({module.API_KEY_ENV}) contains a line break" in message
    monkeypatch.setenv(module.API_KEY_ENV, SECRET + "é")  # fine in a URL, not in a header
    _refused(lambda: module.Shop(), SECRET)
    query = clients["query"]
    monkeypatch.setenv(query.API_KEY_ENV, SECRET + "é")
    assert query.Shop(base_url="http://127.0.0.1:9") is not None  # a query parameter is URL-encoded


@pytest.mark.parametrize("headers", [{"X-Trace": f"{SECRET}\r\nX-Evil: 1"}, {"X-Token": f"{SECRET}\t\x7f"},
                                     {"X-Name": f"{SECRET}✓"}])
def test_default_headers_that_cannot_be_sent_are_refused_without_showing_them(
    clients: dict[str, ModuleType], headers: dict[str, str]
) -> None:
    module = clients["bearer"]
    (name,) = headers
    message = _refused(lambda: module.Shop(api_key="k", default_headers=headers), SECRET)
    assert message.startswith(f"default_headers[{name!r}] contains ")
    client = module.Shop(api_key="k")
    _refused(lambda: client.with_options(default_headers=headers), SECRET)
    with pytest.raises(ValueError, match="not a valid header name"):
        module.Shop(api_key="k", default_headers={"Bad Name": "v"})


def test_repr_never_shows_a_credential(clients: dict[str, ModuleType]) -> None:
    for kind, module in clients.items():
        client = module.Shop(username=SECRET, password=SECRET) if kind == "basic" else module.Shop(api_key=SECRET)
        assert SECRET not in repr(client) and SECRET not in str(client)
        assert base64.b64encode(f"{SECRET}:{SECRET}".encode()).decode() not in repr(client)


def _who_am_i_server(expected: dict[str, str]) -> Any:
    """Answers /me with the user of a correct basic-auth header; 401 for anything else."""
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    async def me(request: Any) -> JSONResponse:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme != "Basic":
            return JSONResponse({"error": "basic auth required"}, status_code=401)
        user, _, password = base64.b64decode(token).decode().partition(":")
        if expected.get(user) != password:
            return JSONResponse({"error": "wrong user name or password"}, status_code=401)
        return JSONResponse({"user": user})

    return Starlette(routes=[Route("/me", me)])


def test_basic_auth_takes_a_username_and_password(clients: dict[str, ModuleType],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    module = clients["basic"]
    package = importlib.import_module(module.__name__.rsplit(".", 1)[0])
    users = {"alice": "s3cret pass", "sk_live_only_a_key": ""}
    with serve(_who_am_i_server(users)) as port:
        url = f"http://127.0.0.1:{port}"
        with module.Shop(username="alice", password="s3cret pass", base_url=url, max_retries=0) as client:
            assert client.account.whoami().user == "alice"
        with module.Shop(username="alice", password="wrong", base_url=url, max_retries=0) as client:
            with pytest.raises(package.AuthenticationError):
                client.account.whoami()
        # From the environment, named like the API key's variable; the password may be left out.
        assert module.API_KEY_ENV == "SHOP_BASIC_API_KEY"
        assert (module.USERNAME_ENV, module.PASSWORD_ENV) == ("SHOP_BASIC_USERNAME", "SHOP_BASIC_PASSWORD")
        monkeypatch.delenv("SHOP_BASIC_PASSWORD", raising=False)
        monkeypatch.setenv("SHOP_BASIC_USERNAME", "sk_live_only_a_key")
        with module.Shop(base_url=url, max_retries=0) as client:
            assert client.account.whoami().user == "sk_live_only_a_key"
        monkeypatch.setenv("SHOP_BASIC_USERNAME", "alice")
        monkeypatch.setenv("SHOP_BASIC_PASSWORD", "s3cret pass")

        async def call() -> str:
            async with module.AsyncShop(base_url=url, max_retries=0) as client:
                return str((await client.account.whoami()).user)

        assert asyncio.run(call()) == "alice"


def test_basic_auth_refuses_what_it_cannot_send(clients: dict[str, ModuleType],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    shop = clients["basic"].Shop
    monkeypatch.delenv("SHOP_BASIC_USERNAME", raising=False)
    assert "set the SHOP_BASIC_USERNAME environment variable" in _refused(lambda: shop(password=SECRET), SECRET)
    assert "line break" in _refused(lambda: shop(username="alice", password=SECRET + "\n"), SECRET)
    assert "':'" in _refused(lambda: shop(username="ali:ce", password=SECRET), SECRET)
    with pytest.raises(TypeError):
        shop(api_key=SECRET)  # no longer quietly base64-encoded as if it were user:password


def test_each_scheme_documents_its_arguments(clients: dict[str, ModuleType]) -> None:
    docs = {kind: " ".join((module.Shop.__doc__ or "").split()) for kind, module in clients.items()}
    assert "username: the user name for HTTP basic auth; defaults to the `SHOP_BASIC_USERNAME`" in docs["basic"]
    assert "password: the password for HTTP basic auth; defaults to the `SHOP_BASIC_PASSWORD`" in docs["basic"]
    assert "api_key" not in docs["basic"]
    assert "api_key: the API key, sent as `Authorization: Bearer <api_key>`" in docs["bearer"]
    assert "api_key: the API key, sent as the `X-API-Key` header" in docs["header"]
    assert "api_key: the API key, sent as the `key` query parameter" in docs["query"]
    assert "api_key: not used: the spec declares no security scheme" in docs["none"]


def test_a_spec_without_security_needs_no_key(clients: dict[str, ModuleType],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    module = clients["none"]
    monkeypatch.delenv(module.API_KEY_ENV, raising=False)
    with module.Shop() as client:  # before: "no API key" for a key that was never sent
        sent = client._security.sent(None, "GET /me")
        assert dict(sent.headers) == {} and dict(sent.query) == {} and sent.cookie is None
