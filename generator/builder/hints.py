"""The spec's own examples and value constraints of a schema, as `ValueHints`.

The builder records them; the emitter derives argument values from them
(README examples, the package's shipped tests). `$ref`s and `allOf` wrappers
are looked through, so a property that names a component keeps the
component's format and examples.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from generator.builder import pointers
from generator.builder.errors import BuildError
from generator.ir import ValueHints

_DEPTH = 16  # $ref / allOf hops followed before giving up (cycles)


def value_hints(document: Mapping[str, Any], schema: Any, examples: tuple[Any, ...] = ()) -> ValueHints | None:
    """`examples`: ones that come before the schema's (a parameter's or media type's own)."""
    return with_examples(_hints(document, schema, _DEPTH), examples)


def with_examples(hints: ValueHints | None, examples: tuple[Any, ...]) -> ValueHints | None:
    """`hints` with `examples` put first."""
    own = tuple(text for text in (_json(e) for e in examples) if text is not None)
    if not own:
        return hints
    return ValueHints(**{**vars(hints or ValueHints()), "examples": own + (hints.examples if hints else ())})


def spec_examples(node: Mapping[str, Any]) -> tuple[Any, ...]:
    """`example`, then the values of `examples` (an OpenAPI map of Example objects or a JSON Schema list)."""
    found: list[Any] = []
    if "example" in node:
        found.append(node["example"])
    listed = node.get("examples")
    if isinstance(listed, list):
        found.extend(listed)
    elif isinstance(listed, Mapping):
        for name in sorted(listed):
            entry = listed[name]
            if isinstance(entry, Mapping) and "value" in entry and "$ref" not in entry:
                found.append(entry["value"])
    return tuple(found)


def _hints(document: Mapping[str, Any], schema: Any, depth: int) -> ValueHints | None:
    schema = _resolved(document, schema, depth)
    if not isinstance(schema, Mapping) or depth <= 0:
        return None
    base: ValueHints | None = None
    parts = schema.get("allOf") or schema.get("anyOf") or schema.get("oneOf")
    if isinstance(parts, list):
        # A wrapper (`allOf: [$ref]`, `anyOf: [T, null]`) keeps the facts of its first typed part.
        typed = [p for p in parts if not (isinstance(p, Mapping) and p.get("type") == "null")]
        if typed:
            base = _hints(document, typed[0], depth - 1)
    values = dict(vars(base)) if base else {}
    texts = tuple(t for t in (_json(e) for e in spec_examples(schema)) if t is not None)
    if texts:
        values["examples"] = texts
    allowed = list(schema["enum"]) if isinstance(schema.get("enum"), list) else []
    allowed += [schema["const"]] if "const" in schema else []
    if allowed:
        values["allowed"] = tuple(t for t in map(_json, allowed) if t is not None)
    for key, attribute, kind in _KEYWORDS:
        value = schema.get(key)
        if isinstance(value, kind) and not isinstance(value, bool) and _finite(value):
            values[attribute] = value
    for key, attribute in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        value = schema.get(key)
        if isinstance(value, bool):  # OpenAPI 3.0: a flag on minimum/maximum
            values[f"exclusive_{attribute}"] = value
        elif isinstance(value, (int, float)) and _finite(value):  # 3.1: the bound itself
            values[attribute] = value
            values[f"exclusive_{attribute}"] = True
    if isinstance(schema.get("items"), (Mapping)):
        values["item"] = _hints(document, schema["items"], depth - 1)
    return ValueHints(**values) if values else None


_KEYWORDS = (
    ("format", "format", str),
    ("pattern", "pattern", str),
    ("minimum", "minimum", (int, float)),
    ("maximum", "maximum", (int, float)),
    ("multipleOf", "multiple_of", (int, float)),
    ("minLength", "min_length", int),
    ("maxLength", "max_length", int),
    ("minItems", "min_items", int),
    ("maxItems", "max_items", int),
)


def _resolved(document: Mapping[str, Any], schema: Any, depth: int) -> Any:
    for _ in range(depth):
        if not (isinstance(schema, Mapping) and isinstance(schema.get("$ref"), str)):
            return schema
        try:
            target = pointers.resolve(document, schema["$ref"], "")
        except BuildError:
            return None
        # Siblings of a $ref (3.1 allows them) win: an example next to the ref is the more specific one.
        extra = {k: v for k, v in schema.items() if k != "$ref"}
        schema = {**target, **extra} if isinstance(target, Mapping) and extra else target
    return None


def _finite(value: Any) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


def _json(value: Any) -> str | None:
    """Canonical JSON text of plain JSON data (None for what JSON cannot hold, e.g. a YAML date)."""
    try:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return None
