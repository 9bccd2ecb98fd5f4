"""The runtime must type-check under mypy --strict, and so must code using it."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.runtime.conftest import RUNTIME_DIR, RUNTIME_PKG

# What generated code does with the runtime; every annotation here is checked.
USAGE = '''
from __future__ import annotations

import functools
from typing import Any, Dict, List, Optional, Union

import httpx
from pydantic import BaseModel, TypeAdapter

from rtpkg._base_client import AsyncAPIClient, SyncAPIClient
from rtpkg._exceptions import APIStatusError, NotFoundError, StreamError
from rtpkg._pagination import AsyncPaginator, PageSpec, SyncPage
from rtpkg._response import (
    APIResponse,
    AsyncAPIResponse,
    AsyncResponseContextManager,
    ResponseContextManager,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from rtpkg._streaming import AsyncStream, Stream, StreamResult, StreamSpec
from rtpkg._types import NOT_GIVEN, FileInput, NotGiven, RequestOptions, Timeout, make_request_options


class Item(BaseModel):
    id: str


class ItemList(BaseModel):
    data: List[Item]
    has_more: bool


class Message(BaseModel):
    event: str


Event = Union[Message, Item]
EVENTS: TypeAdapter[Event] = TypeAdapter(Event)
SPEC = StreamSpec(terminal=frozenset({"message_end"}), text_event="message", text_field="answer")


class Client(SyncAPIClient):
    def __init__(self, *, api_key: str, base_url: str = "https://api.dify.ai/v1",
                 timeout: Union[Timeout, NotGiven] = NOT_GIVEN, max_retries: int = 2,
                 http_client: Optional[httpx.Client] = None) -> None:
        super().__init__(base_url=base_url, auth_headers={"Authorization": f"Bearer {api_key}"},
                         timeout=timeout, max_retries=max_retries, http_client=http_client,
                         user_agent="dify/1")

    @functools.cached_property
    def items(self) -> Items:
        return Items(self)


class Items:
    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(self, item_id: str, *, extra_headers: Optional[Dict[str, str]] = None,
            timeout: Union[Timeout, NotGiven] = NOT_GIVEN) -> Item:
        return self._client.request("GET", "/items/{id}", path_params={"id": item_id},
                                    cast_to=Item,
                                    options=make_request_options(extra_headers=extra_headers,
                                                                 timeout=timeout))

    def delete(self, item_id: str) -> None:
        return self._client.request("DELETE", "/items/{id}", path_params={"id": item_id},
                                    cast_to=type(None))

    def audio(self, text: str) -> bytes:
        return self._client.request("POST", "/audio", json_body={"text": text}, cast_to=bytes)

    def upload(self, file: FileInput, user: str) -> Item:
        return self._client.request("POST", "/files", form={"user": user},
                                    files={"file": file}, cast_to=Item)

    def chat(self, query: str) -> Stream[Event]:
        return self._client.request_stream("POST", "/chat", json_body={"query": query},
                                           cast_to=EVENTS, stream_spec=SPEC)

    def list(self, limit: Union[int, NotGiven] = NOT_GIVEN) -> SyncPage[Item, ItemList]:
        return self._client.get_page("/items", cast_to=ItemList, item_type=Item,
                                     page_spec=PageSpec(style="cursor"), query={"limit": limit})

    def union(self) -> Event:
        return self._client.request("GET", "/u", cast_to=EVENTS)


class AsyncItems:
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(self, item_id: str) -> Item:
        return await self._client.request("GET", "/items/{id}", path_params={"id": item_id},
                                          cast_to=Item)

    async def chat(self, query: str) -> AsyncStream[Event]:
        return await self._client.request_stream("POST", "/chat", json_body={"query": query},
                                                 cast_to=EVENTS, stream_spec=SPEC)

    def list(self) -> AsyncPaginator[Item, ItemList]:
        return self._client.get_page("/items", cast_to=ItemList, item_type=Item,
                                     page_spec=PageSpec(style="cursor"))


def sync_use(client: Client) -> None:
    item: Item = client.items.get("x", timeout=3.0)
    raw: APIResponse[Item] = to_raw_response_wrapper(client.items.get)("x")
    parsed: Item = raw.parse()
    status: int = raw.status_code
    cm: ResponseContextManager[bytes] = to_streamed_response_wrapper(client.items.audio)("hi")
    with cm as response:
        written: int = response.write_to_file("out.mp3")
        for chunk in response.iter_bytes():
            size: int = len(chunk)
    with client.items.chat("hi") as stream:
        for event in stream:
            if isinstance(event, Message):
                tag: str = event.event
        result: StreamResult[Event] = stream.until_done()
        text: str = result.text
    page = client.items.list(limit=20)
    for it in page:
        ident: str = it.id
    more: bool = page.response.has_more
    derived: Client = client.with_options(timeout=5, max_retries=0)
    try:
        client.items.delete("x")
    except NotFoundError as err:
        code: Optional[str] = err.code
    except APIStatusError as err:
        sc: int = err.status_code
    except StreamError as err:
        ev: Dict[str, Any] = err.event
    options: RequestOptions = {"max_retries": 1}


async def async_use(client: AsyncAPIClient) -> None:
    items = AsyncItems(client)
    item: Item = await items.get("x")
    raw: AsyncAPIResponse[Item] = await async_to_raw_response_wrapper(items.get)("x")
    parsed: Item = await raw.parse()
    cm: AsyncResponseContextManager[Item] = async_to_streamed_response_wrapper(items.get)("x")
    async with cm as response:
        await response.write_to_file("f")
    async with await items.chat("hi") as stream:
        async for event in stream:
            pass
        text: str = await stream.text()
    first = await items.list()
    ident: str = first.items[0].id
    async for it in items.list():
        ident = it.id
    async for it in first:
        ident = it.id
    async with client.with_options(max_retries=1) as derived:
        pass
'''


def test_runtime_and_usage_pass_mypy_strict(tmp_path: Path) -> None:
    shutil.copytree(RUNTIME_PKG, tmp_path / "rtpkg")
    (tmp_path / "usage.py").write_text(textwrap.dedent(USAGE))
    env = {**os.environ, "MYPYPATH": ""}
    result = subprocess.run(
        [
            sys.executable, "-m", "mypy", "--strict",
            # mypy >= 2 cannot target 3.9; 3.10 is the closest check available.
            "--python-version", "3.10",
            "--cache-dir", str(tmp_path / ".mypy_cache"),
            "-p", "rtpkg", "-m", "usage",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_runtime_sources_stay_python39_compatible() -> None:
    """No syntax or runtime-evaluated typing that needs Python >= 3.10."""
    for source in sorted(RUNTIME_DIR.glob("*.py")):
        tree = ast.parse(source.read_text(), filename=str(source))
        futures = [
            alias.name
            for node in tree.body
            if isinstance(node, ast.ImportFrom) and node.module == "__future__"
            for alias in node.names
        ]
        assert "annotations" in futures, f"{source.name}: needs `from __future__ import annotations`"
        for node in ast.walk(tree):
            assert not isinstance(node, ast.Match), f"{source.name}: match statement"
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "dataclass":
                names = {kw.arg for kw in node.keywords}
                assert not names & {"slots", "kw_only"}, f"{source.name}:{node.lineno}"
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.BinOp):
                # A module-level type alias `A | B` is evaluated at import time.
                assert not isinstance(node.value.op, ast.BitOr), f"{source.name}:{node.lineno}"
