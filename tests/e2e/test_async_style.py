"""The second-style example (examples/dify-async/generated: async only, TypedDict
models, renamed methods) against the same strict fake Dify server."""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from e2e_server import API_KEY, FakeDify

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dify-async" / "generated"
sys.path.insert(0, str(EXAMPLE))

from dify_async import AsyncDify, AsyncStream  # noqa: E402

pytestmark = pytest.mark.anyio
CHAT_ARGS: Any = {"query": "Hi", "inputs": {}, "user": "abc-123"}


async def test_blocking_and_streaming_chat(server: FakeDify) -> None:
    async with AsyncDify(api_key=API_KEY, base_url=server.url, timeout=5.0, max_retries=0) as client:
        answer = await client.chat.send_message(**CHAT_ARGS)
        assert isinstance(answer, dict) and answer["answer"]  # a TypedDict is a plain dict
        stream = await client.chat.send_message(**CHAT_ARGS, response_mode="streaming")
        assert isinstance(stream, AsyncStream)
        async with stream:
            events = [event async for event in stream]
        assert events and all(isinstance(event, dict) and "event" in event for event in events)
        info = await client.app.get_info()
        assert isinstance(info["name"], str)
    assert [c.operation_id for c in server.calls] == [
        "sendAdvancedChatMessage", "sendAdvancedChatMessage", "getAdvancedChatAppInfo"]
    assert server.calls[0].headers["authorization"] == f"Bearer {API_KEY}"


def _python_blocks(markdown: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown, re.S)


def test_readme_examples_run(server: FakeDify, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every example is async (`asyncio.run`), and runs as written."""
    monkeypatch.setenv("DIFY_API_KEY", API_KEY)
    monkeypatch.setenv("DIFY_BASE_URL", server.url)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "example.bin").write_bytes(b"\x00example")
    namespace: dict[str, object] = {"__name__": "readme"}
    blocks = _python_blocks((EXAMPLE / "README.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 5
    for index, block in enumerate(blocks):
        try:
            exec(compile(block, f"README.md block {index + 1}", "exec"), namespace)
        except Exception as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"README block {index + 1} failed: {type(exc).__name__}: {exc}\n{block}")
    operations = {call.operation_id for call in server.calls}
    assert {"getAdvancedChatAppInfo", "sendAdvancedChatMessage", "getAdvancedConversationsList"} <= operations
    assert (tmp_path / "out.bin").read_bytes()
    assert asyncio.iscoroutinefunction(AsyncDify.close)
