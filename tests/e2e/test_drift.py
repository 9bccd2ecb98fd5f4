"""client.drift against the live fake Dify: a newer server's stream into the older client.

The server replays the spec's workflow stream with a `reasoning_chunk` event from a newer
Dify spec; the drift report names it under the event union's pointer. Off by default.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict

import pytest

from dify_chatflow import AsyncDifyChatflow, DifyChatflow

from e2e_server import API_KEY, FakeDify, JSONReply, SSEReply
from e2e_spec import newer_spec_reasoning_chunk, sse_example, sse_frame, success_example

from generator.load import load_spec
from tests.importing import importable

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "specs" / "dify-chatflow.json"

CHAT_ARGS: Dict[str, Any] = {"query": "Hi", "inputs": {"city": "San Francisco"}, "user": "abc-123"}
UNION = "#/components/schemas/ChunkChatEvent"


def _script_newer_stream(server: FakeDify) -> Dict[str, Any]:
    reasoning = newer_spec_reasoning_chunk()
    events = [sse_frame(e) for e in sse_example("streamingResponseWorkflow")]
    body = [*events[:2], sse_frame(reasoning), sse_frame(reasoning), *events[2:]]
    server.script("sendAdvancedChatMessage", SSEReply(body))
    return reasoning


def test_newer_stream_is_reported_under_the_union_pointer(server: FakeDify, tmp_path: Path) -> None:
    reasoning = _script_newer_stream(server)
    with DifyChatflow(api_key=API_KEY, base_url=server.url, max_retries=0, drift=True) as client:
        with client.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
            list(stream)
        report = client.drift.report()
        client.drift.save(tmp_path / "drift.json")
    assert list(report["variants"]) == [UNION]
    union = report["variants"][UNION]
    assert union["property"] == "event"
    assert list(union["tags"]) == ["reasoning_chunk"]
    assert union["tags"]["reasoning_chunk"] == {"count": 2, "example": reasoning}
    # The known events matched the spec: nothing else to report.
    assert report["fields"] == {} and report["enums"] == {}
    assert json.loads((tmp_path / "drift.json").read_text(encoding="utf-8")) == report


@pytest.mark.anyio
async def test_newer_stream_async(server: FakeDify) -> None:
    _script_newer_stream(server)
    async with AsyncDifyChatflow(api_key=API_KEY, base_url=server.url, max_retries=0) as client:
        client.drift.enable()
        stream = await client.chat.send_message(**CHAT_ARGS, response_mode="streaming")
        async with stream:
            [event async for event in stream]
        report = client.drift.report()
    assert report["variants"][UNION]["tags"]["reasoning_chunk"]["count"] == 2


def test_off_by_default_records_nothing(client: DifyChatflow, server: FakeDify) -> None:
    _script_newer_stream(server)
    assert not client.drift.enabled
    with client.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
        list(stream)
    assert not client.drift
    assert client.drift.report() == {"clientgen_drift": 1, "fields": {}, "enums": {}, "variants": {}}


def test_unknown_field_and_enum_value(server: FakeDify) -> None:
    answer = copy.deepcopy(success_example("getAdvancedConversationHistory").value)
    answer["data"][0]["sentiment"] = {"score": 0.5, "label": "calm"}
    answer["data"][0]["api_token"] = "s3cr3t"
    server.script("getAdvancedConversationHistory", JSONReply(200, answer))
    message, end = sse_example("streamingResponseBasic")
    file_event = {"event": "message_file", "id": "f1", "type": "image", "belongs_to": "user"}
    server.script("sendAdvancedChatMessage", SSEReply([sse_frame(file_event), sse_frame(end)]))
    with DifyChatflow(api_key=API_KEY, base_url=server.url, max_retries=0, drift=True) as client:
        client.messages.list(conversation_id="c1", user="abc-123")
        with client.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
            list(stream)
        report = client.drift.report()
    base = "#/components/schemas/ConversationMessageItem"
    assert report["fields"] == {
        f"{base}/properties/api_token": {"count": 1, "example": "<redacted>"},
        f"{base}/properties/sentiment": {"count": 1, "example": {"score": 0.5, "label": "calm"}},
    }
    assert report["enums"] == {
        "#/components/schemas/StreamEventChatMessageFile/properties/belongs_to": {
            "values": {"user": {"count": 1}}
        }
    }
    assert report["variants"] == {}


def test_report_to_overlay_to_regenerated_client(server: FakeDify, tmp_path: Path) -> None:
    """Report -> `clientgen drift` -> `generate --overlay`: the new client knows reasoning_chunk."""
    reasoning = _script_newer_stream(server)
    with DifyChatflow(api_key=API_KEY, base_url=server.url, max_retries=0, drift=True) as client:
        with client.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
            list(stream)
        client.drift.save(tmp_path / "drift.json")
    overlay = tmp_path / "drift.yaml"
    _clientgen("drift", str(tmp_path / "drift.json"), "--spec", str(SPEC), "--output", str(overlay))
    again = subprocess.run([sys.executable, "-m", "generator", "drift", str(tmp_path / "drift.json"), "--spec",
                            str(SPEC)], cwd=ROOT, capture_output=True, text=True, check=True)
    assert again.stdout == overlay.read_text(encoding="utf-8")  # deterministic

    out = tmp_path / "client"
    _clientgen("generate", str(SPEC), "--overlay", str(overlay), "--output", str(out), "--package-name",
               "dify_drifted", "--no-cache")
    with importable(out, "dify_drifted"):
        from dify_drifted import DifyChatflow as Regenerated  # type: ignore[import-not-found]
        from dify_drifted.models import ChunkChatEventReasoningChunk  # type: ignore[import-not-found]

        _script_newer_stream(server)
        with Regenerated(api_key=API_KEY, base_url=server.url, max_retries=0, drift=True) as newer:
            with newer.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
                events = list(stream)
            assert newer.drift.report()["variants"] == {}  # nothing unknown any more
    chunk = [e for e in events if isinstance(e, ChunkChatEventReasoningChunk)]
    assert len(chunk) == 2
    assert chunk[0].event == "reasoning_chunk"
    assert chunk[0].data is not None and chunk[0].data.reasoning == reasoning["data"]["reasoning"]
    assert chunk[0].data.is_final is False

    # `clientgen diff` reports the new variant (the overlay applied to the old spec, as a new version).
    newer_spec = tmp_path / "newer.json"
    document = load_spec(SPEC, overlays=[overlay]).document
    newer_spec.write_text(json.dumps(document), encoding="utf-8")
    diff = subprocess.run([sys.executable, "-m", "generator", "diff", str(SPEC), str(newer_spec), "--config",
                           str(SPEC.with_name("dify-chatflow.clientgen.yaml"))],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert "ok       models.ChunkChatEvent: variant 'reasoning_chunk' (ChunkChatEventReasoningChunk) added" in diff.stdout


def _clientgen(*args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "-q", *args], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
