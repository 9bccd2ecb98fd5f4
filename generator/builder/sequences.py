"""Sequential media types (OpenAPI 3.2 "Sequential Media Types"): how an answer is cut into
items, and what each item is when the spec types the items rather than the events' data.

- `framing_of`: which media types stream item by item. `text/event-stream` is "sse";
  JSON Lines (`application/jsonl`, `application/x-ndjson`) "jsonl"; RFC 7464 JSON text
  sequences (`application/json-seq`) "json-seq"; `multipart/mixed` "multipart", but only
  when it says how its parts go (`itemSchema`, `prefixEncoding`, `itemEncoding`): a 3.0
  `multipart/mixed` answer stays bytes, as before.
- `whole_events`: an SSE `itemSchema` that describes the whole event (OpenAPI 3.2, "Special
  Considerations for Server-Sent Events": an object of `event`, `data`, `id`, `retry`),
  told apart from one that describes the data (docs/streams.md, rule 2).
- `sequence_items`: the item type of JSON Lines, json-seq and multipart answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from generator import naming
from generator.builder import pointers
from generator.builder.discriminators import TaggedUnion
from generator.builder.errors import BuildWarning
from generator.builder.schemas import SchemaBuilder
from generator.ir import ModelDef, PrimitiveType, TypeRef, UnionType
from generator.ir.types import strip_nullable

SSE_FIELDS = frozenset({"event", "data", "id", "retry"})
_FRAMINGS = {
    "text/event-stream": "sse",
    "application/jsonl": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/json-seq": "json-seq",
    "multipart/mixed": "multipart",
}
_PART_KEYS = ("itemSchema", "prefixEncoding", "itemEncoding")


def framing_of(media_type: str, media: Any) -> str | None:
    """How an answer of `media_type` is read item by item; None: read whole."""
    framing = _FRAMINGS.get(media_type.split(";")[0].strip().lower())
    if framing == "multipart" and not (isinstance(media, Mapping) and any(k in media for k in _PART_KEYS)):
        return None
    return framing


@dataclass(frozen=True)
class WholeEvents:
    """Each SSE event typed whole: `type` (a model, or a union tagged by `event`), the
    events whose data is JSON text to decode ("*": every one) and the names declared."""

    type: TypeRef
    json_data: tuple[str, ...]
    names: tuple[str, ...]


@dataclass(frozen=True)
class _Shape:
    raw: Any  # as written (maybe a $ref)
    schema: Mapping[str, Any]  # resolved
    pointer: str  # where `raw` sits
    target: str  # where `schema` sits (the $ref's target, else `pointer`)


def whole_events(
    item_schema: Any, pointer: str, document: Mapping[str, Any], schemas: SchemaBuilder, hint: str,
    warnings: list[BuildWarning],
) -> WholeEvents | None:
    """The type of whole SSE events, when `item_schema` describes them; None when it
    describes each event's data (the rule before OpenAPI 3.2 said otherwise).

    It describes events when it is an object whose properties are all SSE fields, at least
    `event` or `data` among them (or a oneOf/anyOf of such objects). A `data` declared as
    JSON (`contentMediaType: application/json`, typed by `contentSchema`), or as anything
    but a string (SSE data is text, so an object there can only be its JSON), is decoded."""
    item_schema = _inlined(document, item_schema, pointer)
    top = _shape(document, item_schema, pointer)
    if top is None:
        return None
    key = "oneOf" if "oneOf" in top.schema else "anyOf"
    alternatives = top.schema.get(key)
    if isinstance(alternatives, list) and alternatives:
        shared = {k: v for k, v in top.schema.items() if k not in ("oneOf", "anyOf")}
        variants = [_with_shared(document, shared, alt, pointers.join(top.target, key, i))
                    for i, alt in enumerate(alternatives)]
    else:
        variants = [top]
    if not all(v is not None and _is_event(v.schema) for v in variants):
        return None
    # Each variant is built here, so its `data` can be typed by its `contentSchema`; an inline
    # one under the name the schema builder would give it.
    base = hint if top.target == top.pointer else naming.class_name(top.target.rsplit("/", 1)[-1])
    json_data: set[str] = set()
    names: list[str] = []
    tags: list[tuple[str, str]] = []
    for index, variant in enumerate(v for v in variants if v is not None):
        own = _event_names(document, variant)
        names += [n for n in own if n not in names]
        tags += [(name, variant.target) for name in own] if own else [("", variant.target)]
        # A variant of one event is named by it (`...AddString`), others by their place.
        own_hint = f"{base}{naming.class_name(own[0])}" if len(own) == 1 else f"{base}Option{index + 1}"
        if _decoded(document, variant, schemas, hint if variant is top else own_hint, warnings):
            json_data.update(own or ("*",))
    told_apart = all(tag for tag, _ in tags) and len({tag for tag, _ in tags}) == len(tags)
    if variants[0] is not top and told_apart:
        # The event names tell the variants apart: a union discriminated by `event`.
        schemas.tag_union(top.target, TaggedUnion("event", tuple(sorted(tags))))
    event_type = schemas.type_of(item_schema, pointer, hint)
    return WholeEvents(event_type, ("*",) if "*" in json_data else tuple(sorted(json_data)), tuple(names))


# Keywords beside a $ref that only annotate: without others, the $ref alone is the schema.
_ANNOTATIONS = frozenset({"$ref", "description", "summary", "title", "$comment", "examples", "deprecated"})


def _inlined(document: Mapping[str, Any], raw: Any, pointer: str) -> Any:
    """A $ref with sibling keywords as one inline schema: since OpenAPI 3.1 (JSON Schema
    2020-12) both apply, as the 3.2 text's SSE example does (`$ref: Event` narrowed by a
    `oneOf` of event names)."""
    if not (isinstance(raw, Mapping) and isinstance(raw.get("$ref"), str) and set(raw) - _ANNOTATIONS):
        return raw
    base, _ = pointers.deref(document, {"$ref": raw["$ref"]}, pointer)
    if not isinstance(base, Mapping):
        return raw
    return _merged(base, {k: v for k, v in raw.items() if k != "$ref"})


def _merged(first: Mapping[str, Any], second: Mapping[str, Any]) -> dict[str, Any]:
    """Both schemas as one, as allOf would apply them: `second`'s keywords over `first`'s,
    a property both declare with both its keywords, `required` joined."""
    out = {**first, **second}
    properties = {**(first.get("properties") or {})}
    for name, prop in (second.get("properties") or {}).items():
        before = properties.get(name)
        if isinstance(before, Mapping) and isinstance(prop, Mapping) and "$ref" not in before and "$ref" not in prop:
            properties[name] = {**before, **prop}
        else:
            properties[name] = prop
    if properties:
        out["properties"] = properties
    required = [*(first.get("required") or []), *(second.get("required") or [])]
    if required:
        out["required"] = list(dict.fromkeys(required))
    return out


def _with_shared(document: Mapping[str, Any], shared: Mapping[str, Any], alternative: Any,
                 pointer: str) -> _Shape | None:
    """A oneOf/anyOf variant with what its parent schema says beside the oneOf (the generic
    event's `data`, `id`, `retry`); built where it sits, not at a component it may name."""
    variant = _shape(document, alternative, pointer)
    if variant is None or not shared.get("properties"):
        return variant
    return _Shape(alternative, _merged(shared, variant.schema), pointer, pointer)


def _shape(document: Mapping[str, Any], raw: Any, pointer: str) -> _Shape | None:
    schema, target = pointers.deref(document, raw, pointer)
    return _Shape(raw, schema, pointer, target) if isinstance(schema, Mapping) else None


def _is_event(schema: Mapping[str, Any]) -> bool:
    properties = schema.get("properties")
    if schema.get("type", "object") != "object" or not isinstance(properties, Mapping) or not properties:
        return False
    return set(properties) <= SSE_FIELDS and bool({"event", "data"} & set(properties))


def _event_names(document: Mapping[str, Any], variant: _Shape) -> tuple[str, ...]:
    prop, _ = pointers.deref(document, variant.schema["properties"].get("event"), variant.target)
    if not isinstance(prop, Mapping):
        return ()
    values = [prop["const"]] if "const" in prop else prop.get("enum")
    return tuple(v for v in values if isinstance(v, str)) if isinstance(values, list) else ()


def _decoded(
    document: Mapping[str, Any], variant: _Shape, schemas: SchemaBuilder, hint: str, warnings: list[BuildWarning]
) -> bool:
    """Builds the variant (its `data` typed by the `contentSchema` where it names one) and
    says whether its data is JSON text to decode."""
    where = pointers.join(variant.target, "properties", "data")
    data, _ = pointers.deref(document, variant.schema["properties"].get("data"), where)
    if not isinstance(data, Mapping):
        schemas.define(variant.target, variant.schema, hint)
        return False
    media = str(data.get("contentMediaType", "")).split(";")[0].strip().lower()
    if not (media == "application/json" or media.endswith("+json")):
        schemas.define(variant.target, variant.schema, hint)
        # Anything but text (a $ref to an object, `type: object`, a number...) arrives as its JSON.
        return "contentMediaType" not in data and data.get("type", "object") != "string"
    content = data.get("contentSchema", {})
    rewritten = {**variant.schema, "properties": {**variant.schema["properties"], "data": content}}
    name = schemas.define(variant.target, rewritten, hint)
    definition = schemas.definition(name)
    fields = definition.fields if isinstance(definition, ModelDef) else ()
    if any(f.wire_name == "data" and strip_nullable(f.type) == PrimitiveType("str") for f in fields):
        # Built from its text form already (another answer uses it): the data stays text.
        warnings.append(BuildWarning(
            f"{name} is used elsewhere with its data as text, so stream events keep it as text", where))
        return False
    return True


def sequence_items(
    media: Mapping[str, Any], media_pointer: str, framing: str, schemas: SchemaBuilder, hint: str,
    document: Mapping[str, Any],
) -> TypeRef | None:
    """The item type of a JSON Lines, json-seq or multipart answer; None: the spec gives none.

    3.2's `itemSchema` types each item. A 3.0/3.1 `schema` on JSON Lines (or json-seq) is
    read as the item's, as oapi-codegen reads it; when it is `type: array` its `items` are
    (those specs cannot say "a sequence of X", so some write the stream as the array the
    items would make read whole). For multipart, `schema` with `prefixItems`/`items`
    types the parts by position."""
    if "itemSchema" in media:
        return schemas.type_of(media["itemSchema"], pointers.join(media_pointer, "itemSchema"), hint)
    schema = media.get("schema")
    if not isinstance(schema, Mapping) or not schema:
        return None
    where = pointers.join(media_pointer, "schema")
    if framing == "multipart":
        parts = [(p, pointers.join(where, "prefixItems", i)) for i, p in enumerate(schema.get("prefixItems") or [])]
        if isinstance(schema.get("items"), Mapping):
            parts.append((schema["items"], pointers.join(where, "items")))
        found = tuple(dict.fromkeys(schemas.type_of(p, w, f"{hint}Part{i}") for i, (p, w) in enumerate(parts)))
        return (found[0] if len(found) == 1 else UnionType(found)) if found else None
    # The array may sit behind a $ref (the OpenAPI 3.2 text's own `Log`, a list of `LogEntry`).
    array, array_at = pointers.deref(document, schema, where)
    if isinstance(array, Mapping) and array.get("type") == "array" and isinstance(array.get("items"), Mapping):
        return schemas.type_of(array["items"], pointers.join(array_at, "items"), hint)
    return schemas.type_of(schema, where, hint)


def part_types(media: Mapping[str, Any], document: Mapping[str, Any]) -> tuple[tuple[str, ...], str]:
    """Content-Types of multipart parts that send none: by position (`prefixEncoding`), then
    for the rest (`itemEncoding`, else what OpenAPI defaults to for the item's schema)."""
    prefix = media.get("prefixEncoding")
    by_position = tuple(
        str(e.get("contentType", "application/octet-stream")) if isinstance(e, Mapping) else "application/octet-stream"
        for e in (prefix if isinstance(prefix, list) else ()))
    rest = media.get("itemEncoding")
    if isinstance(rest, Mapping) and isinstance(rest.get("contentType"), str):
        return by_position, rest["contentType"]
    item, _ = pointers.deref(document, media.get("itemSchema"), "")
    kind = item.get("type") if isinstance(item, Mapping) else None
    if isinstance(item, Mapping) and (kind in ("object", "array") or "properties" in item):
        return by_position, "application/json"
    if kind in ("string", "number", "integer", "boolean"):
        return by_position, "text/plain"
    return by_position, "application/octet-stream"

