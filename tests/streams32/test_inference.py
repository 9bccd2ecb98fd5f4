"""What the build decides for sequential media types: which SSE itemSchema types whole
events and which (rule 2) each event's data, the framing, Accept and defaults each answer
gets, and the warning for a JSON Lines answer without an item schema."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Dict

from generator.ir import AnyType, NamedType
from tests.streams.test_inference import build, stream_warnings
from tests.streams32.specs import ITEM_REF, UNION, document

Spec = Dict[str, Any]


def renamed(spec: Spec) -> Spec:
    """The operation as `generate`, the id tests/streams' `build` looks for."""
    spec = copy.deepcopy(spec)
    spec["paths"]["/run"]["post"]["operationId"] = "generate"
    return spec


def test_an_item_schema_of_sse_fields_types_whole_events(tmp_path: Path) -> None:
    sse = {"text/event-stream": {"itemSchema": {"$ref": "#/components/schemas/Tick"}}}
    op, result = build(tmp_path, renamed(document("3.2.0", sse)))
    assert op.stream is not None
    assert (op.stream.framing, op.stream.event_type, op.stream.json_data) == ("sse-items", NamedType("Tick"), ("*",))
    assert (op.stream.skip, op.stream.error, op.stream.terminal_data) == (("ping",), ("error",), ("[DONE]",))
    tick = next(s for s in result.api.schemas if s.name == "Tick")
    assert [(f.wire_name, f.type) for f in tick.fields if f.wire_name == "data"] == [("data", NamedType("Item"))]
    assert stream_warnings(result) == []


def test_events_named_by_the_schema_are_neither_skipped_nor_errors(tmp_path: Path) -> None:
    spec = document("3.2.0", {"text/event-stream": {"itemSchema": UNION}})
    spec["components"]["schemas"]["Note"]["properties"]["event"] = {"enum": ["note", "ping", "error"]}
    op, _ = build(tmp_path, renamed(spec))
    assert op.stream is not None and op.stream.framing == "sse-items"
    assert (op.stream.skip, op.stream.error) == ((), ())
    assert op.stream.json_data == ("deleted", "removed", "update")


def test_an_item_schema_with_other_properties_types_the_data_as_before(tmp_path: Path) -> None:
    # Rule 2: `event` and `data` beside a field SSE does not have: a JSON payload, not an event.
    payload = {"type": "object", "properties": {"event": {"type": "string"}, "data": {"type": "object"},
                                                "task_id": {"type": "string"}}}
    op, _ = build(tmp_path, renamed(document("3.2.0", {"text/event-stream": {"itemSchema": payload}})))
    assert op.stream is not None and op.stream.framing == "sse" and op.stream.json_data == ()


def test_the_config_types_the_data_even_of_an_event_shaped_item_schema(tmp_path: Path) -> None:
    sse = {"text/event-stream": {"itemSchema": {"$ref": "#/components/schemas/Tick"}}}
    op, _ = build(tmp_path, renamed(document("3.2.0", sse)), {"streams": {"generate": {"events": "Item"}}})
    assert op.stream is not None and (op.stream.framing, op.stream.event_type) == ("sse", NamedType("Item"))


def test_json_lines_and_json_seq_have_no_sse_conventions(tmp_path: Path) -> None:
    for media, framing in (("application/x-ndjson", "jsonl"), ("application/json-seq", "json-seq")):
        op, _ = build(tmp_path, renamed(document("3.1.0", {media: {"schema": ITEM_REF}})))
        assert op.stream is not None and op.success.kind == "sequence" and op.stream.streams_only
        assert (op.stream.framing, op.stream.accept, op.stream.event_type) == (framing, media, NamedType("Item"))
        assert (op.stream.skip, op.stream.error, op.stream.terminal_data) == ((), (), ())


def test_json_lines_without_a_schema_warns(tmp_path: Path) -> None:
    op, result = build(tmp_path, renamed(document("3.0.3", {"application/jsonl": {}})))
    assert op.stream is not None and op.stream.event_type == AnyType()
    assert stream_warnings(result) == [
        "spec.json#/paths/~1run/post/responses/200/content/application~1jsonl: warning: application/jsonl stream "
        "has no item schema: items arrive as plain JSON values; give the media type an `itemSchema` (OpenAPI 3.2) "
        "or a `schema`"]


def test_multipart_mixed_streams_only_when_it_says_how_its_parts_go(tmp_path: Path) -> None:
    op, _ = build(tmp_path, renamed(document("3.0.3", {"multipart/mixed": {"schema": {"type": "string",
                                                                                      "format": "binary"}}})))
    assert op.stream is None and op.success.kind == "binary"
    parts = {"multipart/mixed": {"itemSchema": ITEM_REF, "prefixEncoding": [{"contentType": "text/plain"}]}}
    op, _ = build(tmp_path, renamed(document("3.2.0", parts)))
    assert op.stream is not None and op.stream.framing == "multipart"
    assert (op.stream.part_types, op.stream.part_type) == (("text/plain",), "application/json")


def test_json_lines_beside_json_without_a_mode_field_leave_the_json_answer(tmp_path: Path) -> None:
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Reply"}},
               "application/x-ndjson": {"schema": ITEM_REF}}
    op, result = build(tmp_path, renamed(document("3.0.3", content)))
    assert op.stream is None and op.success.kind == "json"
    assert [w.split(": warning: ")[1] for w in stream_warnings(result)] == [
        "cannot tell how the operation chooses streaming; set `streams:` in the config"]
    module = result.files["pkg/resources/run.py"]
    assert "-> Reply:" in module and "x-ndjson" not in module  # neither in the return type nor in Accept


def test_every_record_media_type_offered_is_accepted_json_lines_first(tmp_path: Path) -> None:
    # Media type keys with parameters too: Accept lists them bare, each once.
    content = {"application/json-seq": {"itemSchema": ITEM_REF},
               "application/x-ndjson; charset=utf-8": {"itemSchema": ITEM_REF},
               "application/jsonl": {"itemSchema": ITEM_REF}}
    op, _ = build(tmp_path, renamed(document("3.2.0", content)))
    assert op.stream is not None and op.stream.event_type == NamedType("Item")
    assert op.stream.accept == "application/x-ndjson, application/jsonl, application/json-seq"
