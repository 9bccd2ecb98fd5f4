"""How a stream's event type is found, rule by rule (docs/streams.md), with the
warning each guess gives; and the errors for a bad extension or config key."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Tuple

import pytest

from generator.ir import AnyType, MapType, NamedType, Operation
from generator.pipeline import Result, generate
from tests.streams.specs import TWO_MODES, UNTYPED_SSE, spec

ROOT = Path(__file__).resolve().parents[2]


def _operations(node: Any) -> Iterator[Operation]:
    """Every Operation in the IR, however resources nest."""
    if isinstance(node, Operation):
        yield node
    elif dataclasses.is_dataclass(node):
        for f in dataclasses.fields(node):
            yield from _operations(getattr(node, f.name))
    elif isinstance(node, tuple):
        for item in node:
            yield from _operations(item)


def build(tmp_path: Path, document: Dict[str, Any], config: Optional[Dict[str, Any]] = None) -> Tuple[Operation, Result]:
    spec_path = tmp_path / "spec.json"
    spec_path.write_text(json.dumps(document), encoding="utf-8")
    config_path = None
    if config is not None:
        config_path = tmp_path / "config.yaml"
        config_path.write_text(json.dumps(config), encoding="utf-8")
    result = generate(spec_path, package_name="pkg", config_path=config_path, format_code=False)
    return next(op for op in _operations(result.api) if op.operation_id == "generate"), result


def stream_warnings(result: Result) -> list[str]:
    """The stream warnings, with the spec named as `spec.json` rather than by its temporary path."""
    return [re.sub(r"^\S*/spec\.json#", "spec.json#", w) for w in result.warnings if "stream" in w]


def test_config_wins_over_the_spec(tmp_path: Path) -> None:
    op, result = build(tmp_path, spec(TWO_MODES), {"streams": {"generate": {"events": "Delta"}}})
    assert op.stream is not None and op.stream.event_type == NamedType("Delta")
    assert stream_warnings(result) == []


def test_a_ref_types_the_stream_silently(tmp_path: Path) -> None:
    op, result = build(tmp_path, spec(TWO_MODES))
    assert op.stream is not None and op.stream.event_type == NamedType("Event")
    assert op.stream.discriminator == "type"
    assert stream_warnings(result) == []


def test_item_schema_types_each_event(tmp_path: Path) -> None:
    sse = {"schema": {"type": "string"}, "itemSchema": {"$ref": "#/components/schemas/Event"}}
    op, result = build(tmp_path, spec(TWO_MODES, version="3.1.0", sse=sse))
    assert op.stream is not None and op.stream.event_type == NamedType("Event")
    assert stream_warnings(result) == []


@pytest.mark.parametrize("where, pointer", [
    ("media", "/paths/~1generate/post/responses/200/content/text~1event-stream/schema/description"),
    ("response", "/paths/~1generate/post/responses/200/description"),
    ("operation", "/paths/~1generate/post/description"),
])
def test_a_union_named_in_a_description(tmp_path: Path, where: str, pointer: str) -> None:
    text = "Returns a `Reply`, or when streaming a stream of `Event` objects."
    sse = {"schema": {"type": "string", "description": text if where == "media" else "SSE."}}
    document = spec(TWO_MODES, sse=sse, response_description=text if where == "response" else "OK",
                    operation={"description": text} if where == "operation" else None)
    op, result = build(tmp_path, document)
    assert op.stream is not None and op.stream.event_type == NamedType("Event")
    # `Reply` is named first, but it is a model, not a union: only unions are taken.
    assert stream_warnings(result) == [
        f"spec.json#{pointer}: warning: stream events of generate typed as Event, the union its description "
        "names; pin it with `streams: {generate: {events: Event}}` in the config"]


def test_the_most_specific_description_wins_and_others_are_named(tmp_path: Path) -> None:
    document = spec(TWO_MODES, sse={"schema": {"type": "string", "description": "See Event or Token."}},
                    response_description="A stream of `Token`.")
    document["components"]["schemas"]["Token"] = {"anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/Done"}]}
    op, result = build(tmp_path, document)
    assert op.stream is not None and op.stream.event_type == NamedType("Event")
    assert "(it also names Token)" in stream_warnings(result)[0]


@pytest.mark.parametrize("value", ["Event", "#/components/schemas/Event", {"$ref": "#/components/schemas/Event"}])
def test_x_stream_events_names_the_schema(tmp_path: Path, value: Any) -> None:
    op, result = build(tmp_path, spec(TWO_MODES, sse=UNTYPED_SSE, operation={"x-stream-events": value}))
    assert op.stream is not None and op.stream.event_type == NamedType("Event")
    assert stream_warnings(result) == []


def test_no_schema_gives_dicts_and_says_how_to_type_them(tmp_path: Path) -> None:
    op, result = build(tmp_path, spec(TWO_MODES, sse=UNTYPED_SSE))
    assert op.stream is not None and isinstance(op.stream.event_type, MapType)
    assert stream_warnings(result) == [
        "spec.json#/paths/~1generate/post: warning: text/event-stream response has no event schema: events "
        "arrive as dicts; name the schema under `streams:` in the config or with `x-stream-events` on the operation"]


def test_a_description_naming_only_models_is_no_union(tmp_path: Path) -> None:
    op, _ = build(tmp_path, spec(TWO_MODES, sse={"schema": {"type": "string", "description": "Each is a Delta."}}))
    assert op.stream is not None and isinstance(op.stream.event_type, MapType)


def test_the_flagship_without_its_config_streams_chunk_chat_events(tmp_path: Path) -> None:
    spec_path = tmp_path / "dify.json"  # no dify.clientgen.yaml beside it
    spec_path.write_bytes((ROOT / "specs" / "dify-chatflow.json").read_bytes())
    result = generate(spec_path)
    op = next(op for op in _operations(result.api) if op.operation_id == "sendAdvancedChatMessage")
    assert op.stream is not None and op.stream.event_type == NamedType("ChunkChatEvent")
    assert (op.stream.mode_field, op.stream.stream_value, op.stream.streams_only) == ("response_mode", "streaming", False)
    source = next(text for text in result.files.values() if f"def {op.python_name}(" in text)
    # The first overload of the method (the sync class comes first) is the streaming one.
    first_overload = source.split(f"def {op.python_name}(")[1].split(": ...")[0]
    assert first_overload.endswith(") -> Stream[ChunkChatEvent]"), first_overload
    assert 'response_mode: Literal["streaming"],' in first_overload


@pytest.mark.parametrize("name, expected", [
    ("dify-workflow-streams.json", {"executeWorkflow": "ChunkWorkflowEvent", "runWorkflowById": "ChunkWorkflowEvent",
                                    "streamWorkflowEvents": None}),
    ("dify-completion-streams.json", {"createCompletionMessage": "ChunkCompletionEvent"}),
    ("dify-chat-streams.json", {"sendChatMessage": None}),
    ("openai-chat-completions-streams.yaml", {"createChatCompletion": "CreateChatCompletionStreamResponse",
                                              "createCompletion": "CreateCompletionResponse"}),
])
def test_the_real_shapes_in_specs_history(tmp_path: Path, name: str, expected: Dict[str, Optional[str]]) -> None:
    """None: dicts (the spec names no event schema)."""
    spec_path = tmp_path / name
    spec_path.write_bytes((ROOT / "specs" / "history" / name).read_bytes())
    found = {op.operation_id: op.stream for op in _operations(generate(spec_path, format_code=False).api)}
    for operation_id, event_type in expected.items():
        stream = found[operation_id]
        assert stream is not None, operation_id
        assert stream.event_type == (NamedType(event_type) if event_type else MapType(AnyType())), operation_id


# -- errors: one line, a pointer, a hint, exit 2 --------------------------------


def _cli(tmp_path: Path, document: Dict[str, Any], config: Optional[Dict[str, Any]] = None) -> subprocess.CompletedProcess[str]:
    (tmp_path / "spec.json").write_text(json.dumps(document), encoding="utf-8")
    args = [sys.executable, "-m", "generator", "generate", "spec.json", "--output", "out"]
    if config is not None:
        (tmp_path / "clientgen.yaml").write_text(json.dumps(config), encoding="utf-8")
        args += ["--config", "clientgen.yaml"]
    return subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, timeout=120)


def test_x_stream_events_naming_nothing_is_an_error(tmp_path: Path) -> None:
    done = _cli(tmp_path, spec(TWO_MODES, sse=UNTYPED_SSE, operation={"x-stream-events": "Evnet"}))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].endswith(
        "spec.json#/paths/~1generate/post/x-stream-events: x-stream-events names 'Evnet', which is not a schema "
        "in components/schemas (write `x-stream-events: SchemaName` or "
        "`x-stream-events: {$ref: '#/components/schemas/SchemaName'}`)"), lines


@pytest.mark.parametrize("terminal_data, pointer, message", [
    ("[DONE]", "/streams/generate/terminal_data", "expected a list"),
    ([1], "/streams/generate/terminal_data/0", "expected a string"),
    (["[DONE]", " "], "/streams/generate/terminal_data/1", "terminal data must not be blank"),
])
def test_bad_terminal_data_is_a_config_error(tmp_path: Path, terminal_data: Any, pointer: str, message: str) -> None:
    done = _cli(tmp_path, spec(TWO_MODES), {"streams": {"generate": {"terminal_data": terminal_data}}})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and f"clientgen.yaml#{pointer}: {message} (" in lines[0], lines
