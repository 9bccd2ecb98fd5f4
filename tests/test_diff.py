"""`clientgen diff OLD NEW`: what a spec update changes for client users (real CLI runs)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "specs" / "dify-chatflow.json"
SHARED = ROOT.parent / "shared"
# The spec history kept in the repo (specs/history/), so this pair never skips.
NEWER_CHAT = ROOT / "specs" / "history" / "dify-chatflow-chat-messages-newer.yaml"
NEWER_FULL = SHARED / "corpus" / "dify" / "chatflow-7ccb166c-2026-07-09.json"


def _diff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "diff", *args], cwd=ROOT, capture_output=True, text=True)


def test_same_spec_has_no_changes() -> None:
    result = _diff(str(SPEC), str(SPEC), "--fail-on-breaking")
    assert result.returncode == 0
    assert result.stdout.startswith("no changes for client users (suggested version bump: patch)")


def test_newer_send_message_against_the_flagship() -> None:
    text = _diff(str(SPEC), str(NEWER_CHAT), "--only", "sendAdvancedChatMessage")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    # The tag rename does not move the method (the config pins it): reported, not breaking.
    assert "ok       client.chat.send_message: tags ['Chats'] -> ['Chatflows']" in lines
    # The cut-down newer spec no longer defines the event union: its stream is untyped now.
    assert "BREAKING client.chat.send_message: streams Dict[str, Any] (was ChunkChatEvent)" in lines
    assert lines[-1].endswith("suggested version bump: major")

    report = json.loads(_diff(str(SPEC), str(NEWER_CHAT), "--only", "sendAdvancedChatMessage", "--format", "json").stdout)
    assert report["breaking"] is True and report["suggested_bump"] == "major"
    assert {"where": "client.chat.send_message", "what": "tags ['Chats'] -> ['Chatflows']", "breaking": False} in report["changes"]
    failing = _diff(str(SPEC), str(NEWER_CHAT), "--only", "sendAdvancedChatMessage", "--fail-on-breaking")
    assert failing.returncode == 1


@pytest.mark.skipif(not NEWER_FULL.exists(), reason=f"{NEWER_FULL} not found (shared/ beside the repo)")
def test_newer_full_spec_event_union_changes() -> None:
    lines = _diff(str(SPEC), str(NEWER_FULL)).stdout.splitlines()
    assert "ok       models.ChunkChatEvent: variant 'reasoning_chunk' (StreamEventChatReasoningChunk) added" in lines
    assert "BREAKING models.ChunkChatEvent: variant 'text_replace' (StreamEventChatTextReplace) removed" in lines
    assert any(line.startswith("ok       client.human_input.") and line.endswith("added (GET /form/human_input/{form_token})")
               for line in lines), lines


def _spec_with(tmp_path: Path, name: str, values: list[str], arg_values: list[str]) -> Path:
    spec = {
        "openapi": "3.1.0", "info": {"title": "Pets", "version": "1"},
        "paths": {"/pets": {"get": {
            "operationId": "listPets",
            "parameters": [{"name": "kind", "in": "query", "schema": {"enum": arg_values}}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                "$ref": "#/components/schemas/Pet"}}}}}}}},
        "components": {"schemas": {"Pet": {"type": "object", "properties": {"status": {"enum": values}}}}},
    }
    path = tmp_path / name
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


def test_an_inline_enum_that_gains_values_is_not_breaking_and_one_that_loses_them_is(tmp_path: Path) -> None:
    old = _spec_with(tmp_path, "old.json", ["sold", "free"], ["cat", "dog"])
    gained = _spec_with(tmp_path, "gained.json", ["sold", "free", "held"], ["cat", "dog", "fox"])
    lost = _spec_with(tmp_path, "lost.json", ["sold"], ["cat"])
    widened = _diff(str(old), str(gained), "--fail-on-breaking")
    assert widened.returncode == 0, widened.stdout
    assert any(line.startswith("ok       models.Pet.status: type") for line in widened.stdout.splitlines()), widened.stdout
    assert any(line.startswith("ok       client.pets.list: argument 'kind'") for line in widened.stdout.splitlines())
    narrowed = _diff(str(old), str(lost), "--fail-on-breaking")
    assert narrowed.returncode == 1
    assert any(line.startswith("BREAKING client.pets.list: argument 'kind'") for line in narrowed.stdout.splitlines())
