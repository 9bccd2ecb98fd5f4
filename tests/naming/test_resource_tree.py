"""The SDK-shaped resource tree, end to end: an OpenAI-shaped spec generated through
the CLI, then called over real HTTP (sync and async, raw and streamed responses on
nested resources), and type-checked with `mypy --strict` as a user would call it."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator

import pytest

from tests.importing import importable
from tests.live_server import serve

ROOT = Path(__file__).resolve().parents[2]
SPEC = Path(__file__).resolve().parent / "openai_shaped.json"
PACKAGE = "oa_tree_client"


def _generate(spec: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "generate", str(spec), "--output", str(out), *extra],
                          cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("tree") / "out"
    result = _generate(SPEC, out, "--package-name", PACKAGE)
    assert result.returncode == 0, result.stderr
    assert "would share a method name" not in result.stderr  # the fixture's names are all distinct
    with importable(out, PACKAGE):
        yield out


@pytest.fixture(scope="module")
def package(generated: Path) -> ModuleType:
    return importlib.import_module(PACKAGE)


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str, Any]] = []


def _app(recorder: _Recorder) -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    completion = {"id": "c1", "object": "chat.completion", "model": "m"}

    async def record(request: Request) -> Any:
        body = await request.body()
        recorder.calls.append((request.method, request.url.path, json.loads(body) if body else None))
        return request.path_params

    async def completions(request: Request) -> Response:
        await record(request)
        if request.method == "POST" and recorder.calls[-1][2].get("stream"):
            chunks = [{"id": "c1", "object": "chat.completion.chunk", "delta": d} for d in ("Hel", "lo")]
            body = "".join(f"data: {json.dumps(c)}\n\n" for c in chunks)
            return Response(body, media_type="text/event-stream")
        if request.method == "POST":
            return JSONResponse(completion)
        return JSONResponse({"object": "list", "data": [completion]})

    async def one_completion(request: Request) -> Response:
        params = await record(request)
        if request.method == "DELETE":
            return JSONResponse({"id": params["completion_id"], "deleted": True})
        return JSONResponse({**completion, "id": params["completion_id"], "metadata": {"k": "v"}})

    async def messages(request: Request) -> Response:
        await record(request)
        return JSONResponse({"object": "list", "data": [{"role": "user", "content": "hi"}]})

    async def models(request: Request) -> Response:
        await record(request)
        return JSONResponse({"object": "list", "data": [{"id": "m", "owned_by": "me"}]})

    async def one_model(request: Request) -> Response:
        params = await record(request)
        return JSONResponse({"id": params["model"], "owned_by": "me"})

    async def content(request: Request) -> Response:
        params = await record(request)
        return Response(b"bytes of " + params["file_id"].encode(), media_type="application/octet-stream")

    return Starlette(routes=[
        Route("/v1/chat/completions", completions, methods=["GET", "POST"]),
        Route("/v1/chat/completions/{completion_id}", one_completion, methods=["GET", "POST", "DELETE"]),
        Route("/v1/chat/completions/{completion_id}/messages", messages, methods=["GET"]),
        Route("/v1/models", models, methods=["GET"]),
        Route("/v1/models/{model}", one_model, methods=["GET"]),
        Route("/v1/files/{file_id}/content", content, methods=["GET"]),
    ])


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, _Recorder]]:
    recorder = _Recorder()
    with serve(_app(recorder), name="openai-shaped") as port:
        yield f"http://127.0.0.1:{port}/v1", recorder


def test_sync_client_reaches_every_method_through_the_tree(package: ModuleType, server: tuple[str, _Recorder]) -> None:
    url, recorder = server
    recorder.calls.clear()
    with package.OpenAI(api_key="k", base_url=url, max_retries=0) as client:
        created = client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
        assert (created.id, type(created).__name__) == ("c1", "ChatCompletion")
        assert [c.id for c in client.chat.completions.list(limit=2).data] == ["c1"]
        assert client.chat.completions.retrieve("c7").id == "c7"
        assert client.chat.completions.update("c7", metadata={"k": "v"}).metadata == {"k": "v"}
        assert client.chat.completions.delete("c7").deleted is True
        assert client.chat.completions.messages.list("c7").data[0].content == "hi"
        assert client.models.list().data[0].owned_by == "me"
        assert client.models.retrieve("gpt-x").id == "gpt-x"
        assert client.files.content("f1") == b"bytes of f1"
    assert [(method, path) for method, path, _ in recorder.calls] == [
        ("POST", "/v1/chat/completions"), ("GET", "/v1/chat/completions"), ("GET", "/v1/chat/completions/c7"),
        ("POST", "/v1/chat/completions/c7"), ("DELETE", "/v1/chat/completions/c7"),
        ("GET", "/v1/chat/completions/c7/messages"), ("GET", "/v1/models"), ("GET", "/v1/models/gpt-x"),
        ("GET", "/v1/files/f1/content"),
    ]
    assert recorder.calls[0][2] == {"model": "m", "messages": [{"role": "user", "content": "hi"}]}


def test_raw_and_streamed_responses_work_on_nested_resources(package: ModuleType, server: tuple[str, _Recorder]) -> None:
    url, _ = server
    with package.OpenAI(api_key="k", base_url=url, max_retries=0) as client:
        raw = client.chat.completions.messages.with_raw_response.list("c2")
        assert raw.status_code == 200 and raw.parse().data[0].role == "user"
        # The wrapper of a parent reaches its children too (as in openai-python).
        via_parent = client.chat.with_raw_response.completions.retrieve("c3")
        assert via_parent.parse().id == "c3"
        with client.files.with_streaming_response.content("f2") as streamed:
            assert b"".join(streamed.iter_bytes()) == b"bytes of f2"


def test_nested_wrappers_are_built_once_per_resource(package: ModuleType, server: tuple[str, _Recorder]) -> None:
    url, _ = server
    with package.OpenAI(api_key="k", base_url=url, max_retries=0) as client:
        messages = client.chat.completions.messages
        assert messages.with_raw_response is messages.with_raw_response
        assert messages.with_streaming_response is messages.with_streaming_response
        assert client.chat.with_raw_response.completions is client.chat.with_raw_response.completions
        assert messages.with_raw_response.list("c8").parse().data[0].role == "user"


@pytest.mark.anyio
async def test_async_nested_wrappers_are_built_once_per_resource(
    package: ModuleType, server: tuple[str, _Recorder]
) -> None:
    url, _ = server
    async with package.AsyncOpenAI(api_key="k", base_url=url, max_retries=0) as client:
        messages = client.chat.completions.messages
        assert messages.with_raw_response is messages.with_raw_response
        assert messages.with_streaming_response is messages.with_streaming_response
        raw = await messages.with_raw_response.list("c9")
        assert (await raw.parse()).data[0].role == "user"


def test_a_nested_method_streams(package: ModuleType, server: tuple[str, _Recorder]) -> None:
    url, _ = server
    with package.OpenAI(api_key="k", base_url=url, max_retries=0) as client:
        with client.chat.completions.create(model="m", messages=[], stream=True) as stream:
            assert [chunk.delta for chunk in stream] == ["Hel", "lo"]


@pytest.mark.anyio
async def test_async_client_has_the_same_tree(package: ModuleType, server: tuple[str, _Recorder]) -> None:
    url, recorder = server
    async with package.AsyncOpenAI(api_key="k", base_url=url, max_retries=0) as client:
        assert (await client.chat.completions.messages.list("c4")).data[0].content == "hi"
        raw = await client.chat.with_raw_response.completions.messages.list("c5")
        assert (await raw.parse()).data[0].role == "user"
        assert (await client.models.retrieve("gpt-y")).id == "gpt-y"
        stream = await client.chat.completions.create(model="m", messages=[], stream=True)
        async with stream:
            assert [chunk.delta async for chunk in stream] == ["Hel", "lo"]
        async with client.files.with_streaming_response.content("f3") as streamed:
            assert await streamed.read() == b"bytes of f3"
    assert ("GET", "/v1/chat/completions/c5/messages", None) in recorder.calls


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


_USER_CODE = """
from {package} import AsyncOpenAI, OpenAI, Stream
from {package}.models import ChatCompletion, ChatCompletionChunk, ChatCompletionMessageList, Model


def use(client: OpenAI) -> None:
    created: ChatCompletion = client.chat.completions.create(model="m", messages=[])
    messages: ChatCompletionMessageList = client.chat.completions.messages.list(created.id)
    again: ChatCompletionMessageList = client.chat.with_raw_response.completions.messages.list("x").parse()
    model: Model = client.models.retrieve("m")
    data: bytes = client.files.content("f")
    chunks: Stream[ChatCompletionChunk] = client.chat.completions.create(model="m", messages=[], stream=True)
    print(messages, again, model, data, chunks)


async def use_async(client: AsyncOpenAI) -> None:
    created: ChatCompletion = await client.chat.completions.retrieve("c")
    raw = await client.chat.completions.messages.with_raw_response.list(created.id)
    messages: ChatCompletionMessageList = await raw.parse()
    print(messages)
"""


def test_generated_package_and_nested_calls_pass_mypy_strict(generated: Path) -> None:
    (generated / "user_code.py").write_text(textwrap.dedent(_USER_CODE.format(package=PACKAGE)), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", PACKAGE, "user_code.py"],
                            cwd=generated, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_default_names_and_the_readme_come_from_the_tree(tmp_path: Path) -> None:
    result = _generate(SPEC, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    client = (tmp_path / "out" / "openai" / "_client.py").read_text(encoding="utf-8")
    assert "class OpenAI(SyncAPIClient):" in client and 'API_KEY_ENV = "OPENAI_API_KEY"' in client
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    for call in ("client.chat.completions.create()", "client.chat.completions.messages.list()",
                 "client.models.retrieve()", "client.files.content()"):
        assert f"`{call}`" in readme
    assert "pip install .  " in readme


def test_flat_layout_keeps_one_resource_per_tag(tmp_path: Path) -> None:
    config = tmp_path / "clientgen.yaml"
    config.write_text("resource_layout: flat\n", encoding="utf-8")
    result = _generate(SPEC, tmp_path / "out", "--config", str(config))
    assert result.returncode == 0, result.stderr
    resources = sorted(p.name for p in (tmp_path / "out" / "openai" / "resources").glob("*.py"))
    assert resources == ["__init__.py", "chat.py", "files.py", "models.py"]
    chat = (tmp_path / "out" / "openai" / "resources" / "chat.py").read_text(encoding="utf-8")
    # Named by operationId, less the resource's word wherever it stands (createChatCompletion).
    for name in ("create_completion", "list_completions", "get_completion", "update_completion",
                 "delete_completion", "get_completion_messages"):
        assert f"    def {name}(" in chat


def test_an_unknown_layout_is_one_clear_error(tmp_path: Path) -> None:
    config = tmp_path / "clientgen.yaml"
    config.write_text("resource_layout: deep\n", encoding="utf-8")
    result = _generate(SPEC, tmp_path / "out", "--config", str(config))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "clientgen.yaml#/resource_layout" in result.stderr and "nested, flat" in result.stderr


def test_config_pins_a_method_to_a_nested_resource_and_renames_another(tmp_path: Path) -> None:
    config = tmp_path / "clientgen.yaml"
    config.write_text("operations:\n  listModels: {resource: catalog.models}\n  downloadFile: {name: download}\n",
                      encoding="utf-8")
    result = _generate(SPEC, tmp_path / "out", "--config", str(config))
    assert result.returncode == 0, result.stderr
    resources = tmp_path / "out" / "openai" / "resources"
    assert "    def list(" in (resources / "catalog_models.py").read_text(encoding="utf-8")
    assert "    def models(self)" in (resources / "catalog.py").read_text(encoding="utf-8")
    files = (resources / "files.py").read_text(encoding="utf-8")
    assert "    def download(" in files and "    def content(" not in files
    # retrieveModel was not moved: it stays where the tree puts it.
    assert "    def retrieve(" in (resources / "models.py").read_text(encoding="utf-8")


def test_nested_output_is_the_same_bytes_under_any_hash_seed(tmp_path: Path) -> None:
    import os

    outputs = []
    for seed in ("0", "4242"):
        out = tmp_path / f"out{seed}"
        result = subprocess.run([sys.executable, "-m", "generator", "generate", str(SPEC), "--output", str(out)],
                                cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
                        if p.is_file() and p.name != ".clientgen-stamp.json"})
    assert outputs[0] == outputs[1] and "openai/resources/chat_completions_messages.py" in outputs[0]
