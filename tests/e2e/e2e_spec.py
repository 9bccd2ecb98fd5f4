"""Reading `specs/dify-chatflow.json` at test time: operations, examples, SSE.

Everything the fake server answers comes from here, so the tests check the
generated client against the spec's *own* examples rather than hand-copied
fixtures that could drift.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

REPO = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO / "specs" / "dify-chatflow.json"
# shared/ sits beside the repository (locally and in CI).
NEWER_SPEC_PATH = REPO.parent / "shared" / "seeds" / "dify-chatflow-chat-messages-newer.yaml"

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


@functools.lru_cache(maxsize=None)
def spec() -> Dict[str, Any]:
    return json.loads(SPEC_PATH.read_text(encoding="utf-8"))


def resolve(node: Any) -> Any:
    """Follow local `$ref`s (repeatedly) at the top of `node`."""
    while isinstance(node, Mapping) and "$ref" in node:
        ref = node["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/"):
            raise ValueError(f"unsupported $ref {ref!r}")
        target: Any = spec()
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


@dataclass(frozen=True)
class Param:
    name: str
    location: str
    required: bool
    schema: Mapping[str, Any]


@dataclass(frozen=True)
class BodySpec:
    content_type: str  # "application/json" or "multipart/form-data"
    required: bool
    properties: Tuple[str, ...]
    required_fields: Tuple[str, ...]
    binary_fields: Tuple[str, ...]


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    params: Tuple[Param, ...]
    body: Optional[BodySpec]
    responses: Mapping[str, Any] = field(repr=False)

    @property
    def path_params(self) -> Tuple[str, ...]:
        return tuple(re.findall(r"\{([^{}]+)\}", self.path))

    def query_params(self) -> Dict[str, Param]:
        return {p.name: p for p in self.params if p.location == "query"}

    @property
    def path_regex(self) -> "re.Pattern[str]":
        """Matches the *raw* (still percent-encoded) path: one segment per param."""
        pattern = re.sub(r"\\\{([^{}]+)\\\}", r"(?P<\1>[^/]+)", re.escape(self.path))
        return re.compile(f"^{pattern}$")

    @property
    def success_status(self) -> int:
        return min(int(code) for code in self.responses if code.startswith("2"))


def _schema_fields(schema: Mapping[str, Any]) -> Tuple[Tuple[str, ...], Tuple[str, ...], Tuple[str, ...]]:
    schema = resolve(schema)
    props: Dict[str, Any] = {}
    required: List[str] = list(schema.get("required", []))
    for part in schema.get("allOf", []):
        sub_props, sub_required, _ = _schema_fields(part)
        props.update(dict.fromkeys(sub_props))
        required.extend(sub_required)
    props.update(schema.get("properties", {}))
    binary = tuple(
        name
        for name, sub in schema.get("properties", {}).items()
        if resolve(sub).get("format") == "binary"
    )
    return tuple(props), tuple(required), binary


def _body(operation: Mapping[str, Any]) -> Optional[BodySpec]:
    body = resolve(operation.get("requestBody"))
    if not body:
        return None
    (content_type, media), *_ = body["content"].items()
    props, required, binary = _schema_fields(media["schema"])
    return BodySpec(content_type, bool(body.get("required")), props, required, binary)


@functools.lru_cache(maxsize=None)
def operations() -> Dict[str, Operation]:
    """operationId -> Operation, for every operation of the spec."""
    out: Dict[str, Operation] = {}
    for path, item in spec()["paths"].items():
        shared = item.get("parameters", [])
        for method, op in item.items():
            if method not in HTTP_METHODS:
                continue
            params = tuple(
                Param(p["name"], p["in"], bool(p.get("required")), p.get("schema", {}))
                for p in (resolve(raw) for raw in [*shared, *op.get("parameters", [])])
            )
            responses = {code: resolve(r) for code, r in op["responses"].items()}
            out[op["operationId"]] = Operation(
                op["operationId"], method.upper(), path, params, _body(op), responses
            )
    return out


def media_examples(media: Mapping[str, Any]) -> Dict[str, Any]:
    if "examples" in media:
        return {name: resolve(ex)["value"] for name, ex in media["examples"].items()}
    if "example" in media:
        return {"example": media["example"]}
    return {}


@dataclass(frozen=True)
class Example:
    status: int
    content_type: str
    name: str
    value: Any


def success_example(operation_id: str, content_type: str = "application/json") -> Example:
    """The first example of an operation's success response (204: no body)."""
    op = operations()[operation_id]
    status = op.success_status
    content = op.responses[str(status)].get("content", {})
    if not content:
        return Example(status, "", "", None)
    media = content.get(content_type)
    if media is None:
        # Binary answers have a schema but no example: the caller supplies bytes.
        (only_type, media), *_ = content.items()
        examples = media_examples(media)
        if not examples:
            return Example(status, only_type, "", None)
        content_type = only_type
    (name, value), *_ = media_examples(media).items()
    return Example(status, content_type, name, value)


def named_example(operation_id: str, status: int, name: str) -> Example:
    """A named example of one response (e.g. 404 `not_found`)."""
    for content_type, media in operations()[operation_id].responses[str(status)]["content"].items():
        examples = media_examples(media)
        if name in examples:
            return Example(status, content_type, name, examples[name])
    raise KeyError(f"{operation_id} {status} has no example {name!r}")


def sse_example(name: str) -> List[Dict[str, Any]]:
    """The events of one of POST /chat-messages' text/event-stream examples.

    The spec writes them on one line with ` data: ` separators; each piece is
    one JSON object.
    """
    media = operations()["sendAdvancedChatMessage"].responses["200"]["content"]["text/event-stream"]
    text = media_examples(media)[name].strip()
    assert text.startswith("data: "), text[:40]
    return [json.loads(piece) for piece in re.split(r"(?:^|\s)data: ", text) if piece.strip()]


def sse_frame(payload: Mapping[str, Any], event: Optional[str] = None) -> bytes:
    """One SSE frame: optional `event:` line, one `data:` line, blank line."""
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {json.dumps(payload)}\n\n".encode()


def newer_spec_reasoning_chunk() -> Dict[str, Any]:
    """A `reasoning_chunk` event (unknown to our spec) from the newer Dify spec.

    Falls back to a literal copy of that example when the seed file is absent.
    """
    fallback: Dict[str, Any] = {
        "event": "reasoning_chunk",
        "task_id": "task123",
        "message_id": "msg123",
        "conversation_id": "conv123",
        "created_at": 1705395333,
        "data": {
            "message_id": "msg123",
            "reasoning": "The user greeted me, so",
            "node_id": "node_llm_1",
            "is_final": False,
        },
    }
    if not NEWER_SPEC_PATH.exists():
        return fallback
    import yaml  # type: ignore[import-untyped]  # a generator dependency

    doc = yaml.safe_load(NEWER_SPEC_PATH.read_text(encoding="utf-8"))
    for item in doc.get("paths", {}).values():
        for op in item.values():
            if not isinstance(op, Mapping):
                continue
            media = op.get("responses", {}).get("200", {}).get("content", {}).get("text/event-stream")
            if not media:
                continue
            for example in media.get("examples", {}).values():
                text = str(example.get("value", ""))
                for piece in re.split(r"(?:^|\s)data: ", text.strip()):
                    if '"reasoning_chunk"' in piece:
                        return json.loads(piece)
    return fallback
