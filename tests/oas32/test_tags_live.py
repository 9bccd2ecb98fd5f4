"""3.2 tag hierarchy: `messages` (parent `chat`) is `client.chat.messages`; a `badge` tag
places nothing. Specs without `parent` keep their layout (the snapshots check that)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from generator.builder import build_api
from generator.config import Config
from tests.serialisation.conftest import Recorder

MESSAGE = json.dumps({"id": "m1", "text": "hi"}).encode()


@pytest.fixture
def tags(oas32_package: Any) -> Any:
    return oas32_package("tags")


def test_nested_resource_of_a_child_tag(tags: Any, recorder: Recorder) -> None:
    recorder.answer("/chat/messages", 201, "application/json", MESSAGE)
    with tags.Tags(base_url=recorder.url, max_retries=0) as client:
        message = client.chat.messages.create(text="hi")
        raw = client.chat.messages.with_raw_response.create(text="hi")
        via_parent = client.chat.with_raw_response.messages.create(text="hi")
    assert message.id == "m1"
    assert raw.status_code == 201 and raw.parse().text == "hi"
    assert via_parent.parse().id == "m1"
    assert [(s.method, s.target, s.body) for s in recorder.seen] == [("POST", b"/chat/messages", b'{"text":"hi"}')] * 3


@pytest.mark.anyio
async def test_async_nested_resource(tags: Any, recorder: Recorder) -> None:
    recorder.answer("/chat/messages/m1", 200, "application/json", MESSAGE)
    async with tags.AsyncTags(base_url=recorder.url, max_retries=0) as client:
        message = await client.chat.messages.retrieve("m1")
        raw = await client.chat.messages.with_raw_response.retrieve("m1")
        assert (await client.chat.sessions.list()) is None
    assert message.text == "hi" and (await raw.parse()).id == "m1"
    assert [s.target for s in recorder.seen] == [b"/chat/messages/m1", b"/chat/messages/m1", b"/chat/sessions"]


def test_method_paths_in_the_ir() -> None:
    document = {"openapi": "3.2.0", "info": {"title": "T", "version": "1"},
                "tags": [{"name": "chat"}, {"name": "messages", "parent": "chat"}, {"name": "gone", "parent": "nope"},
                         {"name": "beta", "kind": "badge"}, {"name": "drafts", "parent": "beta"}],
                "paths": {"/chat/messages": {"post": {"operationId": "send", "tags": ["beta", "messages"],
                                                      "responses": {"204": {"description": "ok"}}}},
                          "/gone": {"get": {"operationId": "gone", "tags": ["gone"],
                                            "responses": {"204": {"description": "ok"}}}},
                          "/drafts": {"get": {"operationId": "drafts", "tags": ["drafts"],
                                              "responses": {"204": {"description": "ok"}}}}}}  # fmt: skip
    api, warnings = build_api(document, Config(), "t.yaml")
    paths = sorted(r.method_path(op) for r in api.resources for op in r.operations)
    assert paths == ["chat.messages.create", "drafts.list", "gone.retrieve"]
    assert {w.pointer for w in warnings} >= {"/tags/2/parent", "/tags/4/parent"}
