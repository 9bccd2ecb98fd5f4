"""Small streaming specs, one per inference rule and mode form.

Each case is (spec, config). Every config pins the operations' names
(`client.api.<name>`) so the tests do not depend on the default naming rules,
which are not what these tests are about. The real-world shapes are excerpts
in fixtures/ (Dify's workflow and completion apps, OpenAI's chat completions).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

FIXTURES = Path(__file__).resolve().parent / "fixtures"

Spec = Dict[str, Any]
Case = Tuple[Any, Dict[str, Any]]  # (spec dict or fixture path, config)

# A tagged union of two events, the shape every case streams unless it says otherwise.
EVENT_SCHEMAS: Spec = {
    "Event": {
        "oneOf": [{"$ref": "#/components/schemas/Delta"}, {"$ref": "#/components/schemas/Done"}],
        "discriminator": {
            "propertyName": "type",
            "mapping": {"delta": "#/components/schemas/Delta", "done": "#/components/schemas/Done"},
        },
    },
    "Delta": {
        "type": "object",
        "required": ["type", "text"],
        "properties": {"type": {"type": "string", "enum": ["delta"]}, "text": {"type": "string"}},
    },
    "Done": {
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"type": "string", "enum": ["done"]}, "tokens": {"type": "integer"}},
    },
    "Reply": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
}


def spec(
    mode: Optional[Spec],
    *,
    version: str = "3.0.3",
    sse: Optional[Spec] = None,
    json_answer: bool = True,
    required: Tuple[str, ...] = ("prompt",),
    response_description: str = "OK",
    operation: Optional[Spec] = None,
) -> Spec:
    """POST /generate, body {prompt, <mode field>}, answering JSON `Reply` and/or SSE."""
    properties: Spec = {"prompt": {"type": "string"}}
    if mode is not None:
        properties.update(mode)
    content: Spec = {}
    if json_answer:
        content["application/json"] = {"schema": {"$ref": "#/components/schemas/Reply"}}
    content["text/event-stream"] = sse if sse is not None else {"schema": {"$ref": "#/components/schemas/Event"}}
    op: Spec = {
        "operationId": "generate",
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {"type": "object", "required": list(required), "properties": properties}
                }
            },
        },
        "responses": {"200": {"description": response_description, "content": content}},
    }
    op.update(operation or {})
    return {
        "openapi": version,
        "info": {"title": "Stream Test", "version": "1.0.0"},
        "servers": [{"url": "http://127.0.0.1:9"}],
        "paths": {"/generate": {"post": op}},
        "components": {"schemas": copy.deepcopy(EVENT_SCHEMAS)},
    }


NAMES = {"operations": {"generate": {"resource": "api", "name": "generate"}}}

UNTYPED_SSE: Spec = {"schema": {"type": "string", "description": "A stream of events."}}

NULLABLE_30 = {"stream": {"type": "boolean", "nullable": True}}
NULLABLE_31 = {"stream": {"type": ["boolean", "null"]}}
OPTIONAL_31 = {"stream": {"anyOf": [{"type": "boolean"}, {"type": "null"}]}}
TWO_MODES = {"response_mode": {"type": "string", "enum": ["streaming", "blocking"]}}
ONE_MODE = {"response_mode": {"type": "string", "enum": ["streaming"]}}


def cases() -> Dict[str, Case]:
    """name -> (spec, config) of every package the live and typing tests use."""
    text_union = spec(None, json_answer=False, sse={"schema": {"$ref": "#/components/schemas/Token"}})
    text_union["components"]["schemas"]["Token"] = {"oneOf": [{"type": "string"}, {"$ref": "#/components/schemas/Done"}]}
    return {
        # mode forms
        "nullable30": (spec(NULLABLE_30), NAMES),
        "nullable31": (spec(NULLABLE_31, version="3.1.0"), NAMES),
        "optional31": (spec(OPTIONAL_31, version="3.1.0"), NAMES),
        "two_modes": (spec(TWO_MODES), NAMES),
        "required_mode": (spec(TWO_MODES, required=("prompt", "response_mode")), NAMES),
        "one_mode": (spec(ONE_MODE), NAMES),
        "one_mode_required": (spec(ONE_MODE, required=("prompt", "response_mode")), NAMES),
        "sse_only_with_mode": (spec(TWO_MODES, json_answer=False), NAMES),
        "sse_only": (spec(None, json_answer=False), NAMES),
        # a field that follows neither convention, named by the config, and required
        "configured_required": (spec({"format": {"type": "string"}}, required=("prompt", "format")),
                                {**NAMES, "streams": {"generate": {"mode_field": "format", "stream_value": "sse"}}}),
        # inference rules and sentinels
        "by_extension": (spec(TWO_MODES, sse=UNTYPED_SSE, operation={"x-stream-events": "Event"}), NAMES),
        "text_union": (text_union, NAMES),
        "custom_terminal": (spec(NULLABLE_30), {**NAMES, "streams": {"generate": {"terminal_data": ["END"]}}}),
        # real shapes
        "openai": (FIXTURES / "openai_chat.yaml",
                   {"operations": {"createChatCompletion": {"resource": "chat", "name": "create"}}}),
        "dify_workflow": (FIXTURES / "dify_workflow.json",
                          {"operations": {"executeWorkflow": {"resource": "workflows", "name": "run"},
                                          "streamWorkflowEvents": {"resource": "workflows", "name": "events"}}}),
        "dify_completion": (FIXTURES / "dify_completion.json",
                            {"operations": {"createCompletionMessage": {"resource": "completion", "name": "create"}}}),
    }


def write_spec(source: Any, folder: Path, stem: str) -> Path:
    """The spec as a file in `folder`: a dict is written as JSON, a fixture is copied."""
    if isinstance(source, Path):
        target = folder / f"{stem}{source.suffix}"
        target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        return target
    target = folder / f"{stem}.json"
    target.write_text(json.dumps(source), encoding="utf-8")
    return target
