"""Request shapes a generated client must send right: raw bodies, optional files, odd names."""

from __future__ import annotations

import importlib
from typing import Any

import httpx

from tests.generator.conftest import GenerateFn, minimal_spec

SPEC = minimal_spec(
    {},
    paths={
        "/blobs/{name}": {
            "put": {
                "operationId": "putBlob",
                "tags": ["Blobs"],
                "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"}},
                               {"name": "body", "in": "query", "schema": {"type": "string"}}],
                "requestBody": {"required": True, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
                # A 204 with content (vimeo's): HTTP forbids the body, so the method returns None.
                "responses": {"204": {"description": "stored", "content": {"application/vnd.blob+json": {
                    "schema": {"type": "object", "properties": {"size": {"type": "integer"}}}}}}},
            }
        },
        "/v1/customers": {
            "post": {
                "operationId": "createCustomer",
                "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {
                    "type": "object",
                    "properties": {
                        "email": {"type": "string"},
                        "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
                        "items": {"type": "array", "items": {"type": "object", "properties": {"price": {"type": "string"}}}},
                        "expand": {"type": "array", "items": {"type": "string"}},
                    },
                }}}},
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                    "type": "object", "properties": {"ok": {"type": "boolean"}}}}}}},
            }
        },
        "/text": {
            "get": {
                "operationId": "getText",
                "tags": ["Blobs"],
                "parameters": [{"name": n, "in": "query", "schema": {"type": "string"}} for n in ("type", "str", "bytes")],
                "responses": {"200": {"description": "text", "content": {"text/plain": {"schema": {"type": "string"}}}}},
            }
        },
        "/events": {
            "get": {
                "operationId": "watchEvents",
                "tags": ["Blobs"],
                "responses": {"200": {"description": "events", "content": {"text/event-stream": {"schema": {
                    "type": "object", "properties": {"event": {"type": "string"}, "n": {"type": "integer"}}}}}}},
            }
        },
        "/upload": {
            "post": {
                "operationId": "upload",
                "tags": ["Blobs"],
                "requestBody": {"content": {"multipart/form-data": {"schema": {
                    "type": "object", "required": ["user"],
                    "properties": {"user": {"type": "string"}, "file": {"type": "string", "format": "binary"},
                                   "timeout": {"type": "integer"}},
                }}}},
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                    "type": "object", "properties": {"ok": {"type": "boolean"}}}}}}},
            }
        },
    },
)


def _client(generate_models: GenerateFn, seen: list[httpx.Request]) -> Any:
    generate_models(SPEC)
    package = generate_models.last_dir.name  # type: ignore[attr-defined]
    client_module = importlib.import_module(f"{package}._client")

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        if request.url.path.endswith("/text"):
            return httpx.Response(200, text="plain words")
        if request.url.path.endswith("/events"):
            frames = 'data: {"event": "tick", "n": 1}\n\n: keep-alive\n\ndata: {"event": "tick", "n": 2}\n\n'
            return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=frames.encode())
        if request.url.path.endswith(("/upload", "/customers")):
            return httpx.Response(200, json={"ok": True})
        return httpx.Response(204)

    transport = httpx.Client(transport=httpx.MockTransport(handler))
    return client_module.Test(api_key="k", base_url="http://test/api", http_client=transport)


def test_raw_binary_body_is_sent_as_is(generate_models: GenerateFn) -> None:
    seen: list[httpx.Request] = []
    client = _client(generate_models, seen)
    # The spec has a query parameter called `body`, so the raw body is `body2`.
    assert client.blobs.update("a b/c", body="q", body2=b"\x00\x01raw") is None
    (request,) = seen
    assert request.method == "PUT" and request.url.raw_path == b"/api/blobs/a%20b%2Fc?body=q"
    assert request.content == b"\x00\x01raw"
    assert request.headers["content-type"] == "application/octet-stream"


def test_a_204_with_declared_content_returns_none_with_a_warning(generate_models: GenerateFn) -> None:
    seen: list[httpx.Request] = []
    client = _client(generate_models, seen)
    assert client.blobs.update("x", body2=b"") is None  # the server's empty 204 is not parsed as JSON
    assert seen[0].headers["accept"] != "application/vnd.blob+json"
    warnings = "\n".join(generate_models.last_result.warnings)  # type: ignore[attr-defined]
    assert ("/responses/204/content: warning: a 204 answer carries no content (RFC 9110), so its declared "
            "content is ignored") in warnings


def test_optional_file_left_out_and_body_field_named_like_a_standard_kwarg(generate_models: GenerateFn) -> None:
    seen: list[httpx.Request] = []
    client = _client(generate_models, seen)
    # `timeout` in the spec's body is renamed so it cannot shadow the per-call timeout.
    assert client.blobs.upload(user="u", timeout_=5).ok is True
    assert client.blobs.upload(user="u", file=("a.txt", b"hello", "text/plain")).ok is True
    first, second = seen
    assert b'name="user"' in first.content and b'name="timeout"' in first.content
    assert b'name="file"' not in first.content
    assert b'filename="a.txt"' in second.content and b"hello" in second.content


def test_urlencoded_form_puts_nested_objects_in_brackets(generate_models: GenerateFn) -> None:
    seen: list[httpx.Request] = []
    client = _client(generate_models, seen)
    # No tag: the resource is named after the first path segment that is not a version.
    assert client.customers.create(
        email="a@b.c", metadata={"k": "v"}, items=[models_item(generate_models, "p_1")], expand=["x", "y"]
    ).ok
    (request,) = seen
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    body = request.content.decode()
    assert body == "email=a%40b.c&metadata%5Bk%5D=v&items%5B0%5D%5Bprice%5D=p_1&expand=x&expand=y"


def models_item(generate_models: GenerateFn, price: str) -> Any:
    package = generate_models.last_dir.name  # type: ignore[attr-defined]
    return importlib.import_module(f"{package}.models").CreateCustomerRequestItemsItem(price=price)


def test_stream_only_operation_yields_typed_events(generate_models: GenerateFn) -> None:
    seen: list[httpx.Request] = []
    client = _client(generate_models, seen)
    with client.blobs.watch_events() as stream:
        events = list(stream)
    assert [type(e).__name__ for e in events] == ["WatchEventsEvent", "WatchEventsEvent"]
    assert [e.n for e in events] == [1, 2]
    assert seen[0].headers["accept"] == "text/event-stream"


def test_method_names_drop_a_repeated_resource_prefix(generate_models: GenerateFn) -> None:
    ok = {"200": {"description": "ok"}}
    paths = {
        "/repos/{id}": {"get": {"operationId": "repos/get-branch", "tags": ["repos"], "responses": ok,
                                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]}},
        "/repos": {"get": {"operationId": "repos/import", "tags": ["repos"], "responses": ok}},
        "/pets": {"get": {"operationId": "listPets", "tags": ["pets"], "responses": ok}},
    }
    generate_models(minimal_spec({}, paths=paths))
    api = generate_models.last_result.api  # type: ignore[attr-defined]
    # Nested (the default): named by verb and shape; flat: by operationId, less the resource's words.
    names = {r.method_path(op) for r in api.resources for op in r.operations}
    assert names == {"repos.retrieve", "repos.list", "pets.list"}
    generate_models(minimal_spec({}, paths=paths), resource_layout="flat")
    api = generate_models.last_result.api  # type: ignore[attr-defined]
    names = {r.method_path(op) for r in api.resources for op in r.operations}
    assert names == {"repos.get_branch", "repos.import_", "pets.list"}


def test_header_values_with_line_breaks_are_refused(generate_models: GenerateFn) -> None:
    import pytest

    seen: list[httpx.Request] = []
    client = _client(generate_models, seen)
    with pytest.raises(ValueError, match="CR or LF"):
        client.blobs.upload(user="u", extra_headers={"X-Note": "a\r\nX-Injected: 1"})
    assert seen == []


def test_leniency_warnings_name_the_spot(generate_models: GenerateFn) -> None:
    ok = {"200": {"description": "ok"}}
    generate_models(minimal_spec({}, paths={
        "/a/{id}": {"get": {"operationId": "same", "responses": ok}},
        "/b": {"get": {"operationId": "same", "responses": ok}, "post": {"responses": ok}},
    }))
    api = generate_models.last_result.api  # type: ignore[attr-defined]
    warnings = "\n".join(generate_models.last_result.warnings)  # type: ignore[attr-defined]
    assert "#/paths/~1a~1{id}/get: warning: path parameter 'id' is in the path but not declared" in warnings
    assert "#/paths/~1b/get/operationId: warning: operationId 'same' is also used" in warnings
    assert "#/paths/~1b/post: warning: operation has no operationId; named 'post_b'" in warnings
    operations = {op.operation_id: op for r in api.resources for op in r.operations}
    assert set(operations) == {"same", "same2", "post_b"}
    assert [p.wire_name for p in operations["same"].parameters] == ["id"]


def test_parameters_named_like_builtins_keep_their_names(generate_models: GenerateFn) -> None:
    seen: list[httpx.Request] = []
    client = _client(generate_models, seen)
    assert client.blobs.text.retrieve(type="t", str="s", bytes="b") == "plain words"
    assert dict(seen[0].url.params) == {"type": "t", "str": "s", "bytes": "b"}
