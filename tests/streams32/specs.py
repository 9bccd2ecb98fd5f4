"""Small specs of sequential media types (OpenAPI 3.2 `itemSchema`, and 3.0/3.1 JSON Lines),
one per framing. Each case is (spec, config); the configs pin method names."""

from __future__ import annotations

import copy
from typing import Any, Dict, Optional

Spec = Dict[str, Any]

ITEM: Spec = {
    "type": "object",
    "required": ["id", "n"],
    "properties": {"id": {"type": "string"}, "n": {"type": "integer"}},
}
SCHEMAS: Spec = {
    "Item": ITEM,
    "Reply": {"type": "object", "required": ["count"], "properties": {"count": {"type": "integer"}}},
    # One whole SSE event, its data JSON text typed by contentSchema.
    "Tick": {
        "type": "object",
        "required": ["data"],
        "properties": {
            "event": {"type": "string"},
            "data": {"type": "string", "contentMediaType": "application/json",
                     "contentSchema": {"$ref": "#/components/schemas/Item"}},
            "id": {"type": "string"},
            "retry": {"type": "integer"},
        },
    },
    # Event shapes told apart by their `event` name.
    "Update": {
        "type": "object",
        "required": ["event", "data"],
        "properties": {
            "event": {"const": "update"},
            "data": {"type": "string", "contentMediaType": "application/json",
                     "contentSchema": {"$ref": "#/components/schemas/Item"}},
            "id": {"type": "string"},
        },
    },
    "Removed": {
        "type": "object",
        "required": ["event", "data"],
        "properties": {
            "event": {"type": "string", "enum": ["removed", "deleted"]},
            # Not a string: SSE data is text, so this is its JSON.
            "data": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
        },
    },
    "Note": {
        "type": "object",
        "required": ["event", "data"],
        "properties": {"event": {"const": "note"}, "data": {"type": "string"}},
    },
}
UNION = {"oneOf": [{"$ref": "#/components/schemas/Update"}, {"$ref": "#/components/schemas/Removed"},
                   {"$ref": "#/components/schemas/Note"}]}
ITEM_REF = {"$ref": "#/components/schemas/Item"}


def document(version: str, content: Spec, *, body: Optional[Spec] = None) -> Spec:
    """POST /run answering `content` (a body when given, else no body)."""
    operation: Spec = {"operationId": "run", "responses": {"200": {"description": "OK", "content": content}}}
    if body is not None:
        operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    return {
        "openapi": version,
        "info": {"title": "Sequence Test", "version": "1.0.0"},
        "servers": [{"url": "http://127.0.0.1:9"}],
        "paths": {"/run": {"post": operation}},
        "components": {"schemas": copy.deepcopy(SCHEMAS)},
    }


NAMES = {"operations": {"run": {"resource": "api", "name": "run"}}}
MODE_BODY: Spec = {"type": "object", "properties": {"stream": {"type": "boolean"}}}


def cases() -> Dict[str, Any]:
    return {
        "sse_whole": (document("3.2.0", {"text/event-stream": {"itemSchema": {"$ref": "#/components/schemas/Tick"}}}),
                      NAMES),
        "sse_union": (document("3.2.0", {"text/event-stream": {"itemSchema": UNION}}), NAMES),
        "jsonl32": (document("3.2.0", {"application/jsonl": {"itemSchema": ITEM_REF}}), NAMES),
        "jsonseq32": (document("3.2.0", {"application/json-seq": {"itemSchema": ITEM_REF}}), NAMES),
        # 3.1: the schema is the item's.
        "jsonl31": (document("3.1.0", {"application/jsonl": {"schema": ITEM_REF}}), NAMES),
        # 3.0: an array schema gives its items; the JSON answer stays the answer without `stream`.
        "ndjson30": (document("3.0.3", {
            "application/json": {"schema": {"$ref": "#/components/schemas/Reply"}},
            "application/x-ndjson": {"schema": {"type": "array", "items": ITEM_REF}},
        }, body=MODE_BODY), NAMES),
        "multipart32": (document("3.2.0", {"multipart/mixed": {
            "schema": {"type": "array", "prefixItems": [ITEM_REF, {"type": "string"}],
                       "items": {"type": "string", "format": "binary"}},
            "prefixEncoding": [{"contentType": "application/json"}, {"contentType": "text/plain"}],
            "itemEncoding": {"contentType": "application/octet-stream"},
        }}), NAMES),
    }
