"""`allOf` flattened into one object schema, for a model.

A later part's property replaces an earlier one's whole (the property of a subtype
wins over its parent's), `required` lists are joined, and the description is the
schema's own (a part reached through a `$ref` describes its own schema, not this one).
Each property's origin, where the spec wrote it, is kept beside the schema (warnings
point there), never as a key inside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.builder import pointers


@dataclass
class Merged:
    """An object schema as a model sees it, and where each property was written."""

    schema: dict[str, Any]
    origins: dict[str, str] = field(default_factory=dict)


def merged_object(document: Mapping[str, Any], schema: Mapping[str, Any], pointer: str) -> Merged:
    """`schema` with its `allOf` parts merged in (as is without one)."""
    parts = schema.get("allOf")
    if not isinstance(parts, list):
        return Merged(dict(schema))
    own = {k: v for k, v in schema.items() if k != "allOf"}
    merged = Merged({"type": "object", "properties": {}, "required": [], "description": own.get("description")})
    for index, part in enumerate(parts):
        _absorb(document, merged, part, pointers.join(pointer, "allOf", index), set(), inherited=False)
    _absorb(document, merged, own, pointer, set(), inherited=False)
    return merged


def _absorb(document: Mapping[str, Any], merged: Merged, part: Any, pointer: str, seen: set[str], *,
            inherited: bool) -> None:
    """Add one allOf part's properties; `inherited` parts (reached through a
    $ref) describe their own schema, so their description is not taken."""
    if not isinstance(part, Mapping):
        return
    if isinstance(part.get("$ref"), str):
        ref = part["$ref"]
        if ref in seen:
            return
        target = pointers.resolve(document, ref, pointer)
        _absorb(document, merged, target, ref[1:], seen | {ref}, inherited=True)
        return
    for index, sub in enumerate(part.get("allOf", []) or []):
        _absorb(document, merged, sub, pointers.join(pointer, "allOf", index), seen, inherited=inherited)
    into = merged.schema
    for key, prop in (part.get("properties") or {}).items():
        into["properties"][key] = prop
        merged.origins[key] = pointers.join(pointer, "properties", key)
    for key in part.get("required", []) or []:
        if key not in into["required"]:
            into["required"].append(key)
    if "additionalProperties" in part:
        into["additionalProperties"] = part["additionalProperties"]
    if part.get("description") and into.get("description") is None and not inherited:
        into["description"] = part["description"]
