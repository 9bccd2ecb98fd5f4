"""The generated README's examples run, in order, against the fake Dify server."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from e2e_server import API_KEY, FakeDify

from dify_chatflow import DifyChatflow

README = Path(__file__).resolve().parents[2] / "generated" / "README.md"


def _python_blocks(markdown: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown, re.S)


def test_readme_has_examples_for_every_feature() -> None:
    text = README.read_text(encoding="utf-8")
    for heading in ("## Usage", "## Streaming", "## Pagination", "## Files", "## Errors", "## Async",
                    "## Retries, timeouts, raw responses", "## Logging and hooks"):
        assert heading in text
    assert len(_python_blocks(text)) >= 7


def test_readme_examples_run(
    server: FakeDify, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DIFY_API_KEY", API_KEY)
    monkeypatch.setenv("DIFY_BASE_URL", server.url)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "example.bin").write_bytes(b"\x00example")
    namespace: dict[str, object] = {"__name__": "readme"}
    for index, block in enumerate(_python_blocks(README.read_text(encoding="utf-8"))):
        try:
            exec(compile(block, f"README.md block {index + 1}", "exec"), namespace)
        except Exception as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"README block {index + 1} failed: {type(exc).__name__}: {exc}\n{block}")
    for value in namespace.values():  # README code leaves clients open, as scripts do
        if isinstance(value, (DifyChatflow, httpx.Client)):
            value.close()  # a client given as http_client is its owner's to close
    operations = {call.operation_id for call in server.calls}
    assert {"getAdvancedChatAppInfo", "sendAdvancedChatMessage"} <= operations
    assert len(operations) >= 5, operations
    assert (tmp_path / "out.bin").read_bytes()  # the streamed download landed on disk
    assert "ChatCompletionResponse" not in capsys.readouterr().err
