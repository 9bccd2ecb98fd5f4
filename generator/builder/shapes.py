"""The one keyword dispatcher: which shape a schema's keywords give it.

A schema is normalised first (`split_nullable`: its null-ness set apart, however the
spec wrote it), then `shape_of` picks its shape, rules in order, the first that holds
wins. The schema builder maps each shape to its IR in one table per outcome (a named
class, or a type), so a new keyword is one rule here and one builder there.

A schema being defined under a name of its own (a component, or an inline schema lifted)
may become a class: a union, an enum or a model. Those rules come first and hold only
then; a named schema that is none of them is an alias of the type the other rules give.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

from generator.ir import AnyType, PrimitiveType, TypeRef
from generator.ir.types import PrimitiveKind

_SCALARS = (str, int, float, bool)


class Shape(enum.Enum):
    # A named schema's own class.
    TAGGED_UNION_CLASS = "tagged union class"
    UNION_CLASS = "union class"
    ENUM_CLASS = "enum class"
    MODEL_CLASS = "model class"
    # The type of any schema (an inline one, or what a named one aliases).
    REF = "$ref"
    CONST = "const"
    ENUM = "enum"
    TAGGED_UNION = "tagged union"
    ALL_OF = "allOf"
    UNION = "oneOf/anyOf"
    TYPES = "type list"
    TUPLE = "prefixItems"
    ARRAY = "array"
    OBJECT = "object"
    MAP = "map"
    PRIMITIVE = "primitive"


CLASS_SHAPES = frozenset({Shape.TAGGED_UNION_CLASS, Shape.UNION_CLASS, Shape.ENUM_CLASS, Shape.MODEL_CLASS})


def shape_of(schema: Mapping[str, Any], *, named: bool, nullable: bool, tagged: bool, variant: bool) -> Shape:
    """The shape of a normalised (non-null) schema.

    `named`: it is being defined under a name; `nullable`: its null-ness was split off;
    `tagged`: a discriminator (found or implied) makes it a tagged union; `variant`: it is
    the variant of such a union (so it keeps a model of its own, to narrow the tag)."""
    alternatives = schema.get("oneOf") or schema.get("anyOf")
    enum_list = schema.get("enum")
    if named:
        if tagged:
            return Shape.TAGGED_UNION_CLASS
        if isinstance(alternatives, list) and not schema.get("properties"):
            return Shape.UNION_CLASS
        if isinstance(enum_list, list) and enum_list and not nullable:
            return Shape.ENUM_CLASS
        if _is_object(schema) and (schema.get("properties") or schema.get("allOf")) and not (
            only_refers(schema) and not variant
        ):
            return Shape.MODEL_CLASS
    if isinstance(schema.get("$ref"), str):
        return Shape.REF
    if "const" in schema and isinstance(schema["const"], _SCALARS):
        return Shape.CONST
    if isinstance(enum_list, list) and enum_list:
        return Shape.ENUM
    if tagged:
        return Shape.TAGGED_UNION
    if isinstance(schema.get("allOf"), list):
        return Shape.ALL_OF
    if isinstance(alternatives, list) and alternatives:
        return Shape.UNION
    kind = schema.get("type")
    if isinstance(kind, list):
        return Shape.TYPES
    prefix = schema.get("prefixItems")
    if isinstance(prefix, list) and prefix:
        return Shape.TUPLE
    if kind == "array" or "items" in schema:
        return Shape.ARRAY
    if kind in (None, "object") and ("properties" in schema or "additionalProperties" in schema or kind):
        return Shape.OBJECT if schema.get("properties") else Shape.MAP
    return Shape.PRIMITIVE


def _is_object(schema: Mapping[str, Any]) -> bool:
    return schema.get("type") in (None, "object") and not schema.get("items")


def only_refers(schema: Mapping[str, Any]) -> bool:
    """`allOf: [{$ref: X}]` and nothing beside it but annotations: another name for X, not a model."""
    parts = schema.get("allOf")
    if not isinstance(parts, list) or adds_to_model(schema):
        return False
    return len(parts) == 1 and isinstance(parts[0], Mapping) and "$ref" in parts[0]


def adds_to_model(schema: Mapping[str, Any]) -> bool:
    """Keywords beside an `allOf` that the model it makes must honour: an allOf is the conjunction
    of its parts and these, so `allOf: [{$ref: X}], required: [a]` is X with `a` required. An
    `additionalProperties` that is no schema changes nothing: every model keeps unknown keys."""
    extra = schema.get("additionalProperties")
    return bool(schema.get("properties") or schema.get("required") or isinstance(extra, Mapping) and extra)


def split_nullable(schema: Mapping[str, Any]) -> tuple[dict[str, Any], bool]:
    """The schema without its null-ness, and whether null was allowed.

    Covers 3.0 `nullable: true`, 3.1 `type: [x, "null"]`, `enum` listing null
    and `oneOf`/`anyOf` with a `{type: "null"}` alternative.
    """
    rest = dict(schema)
    nullable = bool(rest.pop("nullable", False))
    kind = rest.get("type")
    if isinstance(kind, list) and "null" in kind:
        nullable = True
        others = [k for k in kind if k != "null"]
        rest["type"] = others[0] if len(others) == 1 else others
        if not others:
            del rest["type"]
    if isinstance(rest.get("enum"), list) and None in rest["enum"]:
        nullable = True
        rest["enum"] = [v for v in rest["enum"] if v is not None]
    for key in ("oneOf", "anyOf"):
        alternatives = rest.get(key)
        if isinstance(alternatives, list):
            non_null = [a for a in alternatives if not (isinstance(a, Mapping) and a.get("type") == "null")]
            if len(non_null) != len(alternatives):
                nullable = True
                if len(non_null) == 1 and not rest.get("discriminator"):
                    del rest[key]
                    rest["allOf"] = [non_null[0], *rest.get("allOf", [])]
                else:
                    rest[key] = non_null
    return rest, nullable


def closed(schema: Mapping[str, Any], length: int) -> bool:
    """No items beyond the `prefixItems`: `items: false` or `maxItems` says so."""
    most = schema.get("maxItems")
    return schema.get("items") is False or isinstance(most, int) and not isinstance(most, bool) and most <= length


_STRING_FORMATS: dict[str, PrimitiveKind] = {"binary": "bytes", "date-time": "datetime", "date": "date", "uuid": "uuid", "byte": "base64"}
_KINDS: dict[str, PrimitiveKind] = {"integer": "int", "number": "float", "boolean": "bool"}


def primitive(kind: Any, fmt: Any) -> TypeRef:
    if kind == "string":
        return PrimitiveType(_STRING_FORMATS.get(fmt, "str") if isinstance(fmt, str) else "str")
    if isinstance(kind, str) and kind in _KINDS:
        return PrimitiveType(_KINDS[kind])
    return AnyType()


def clean_text(value: Any) -> str | None:
    """A description or summary, stripped; None when absent or blank."""
    return value.strip() if isinstance(value, str) and value.strip() else None


def is_scalar(value: Any) -> bool:
    return isinstance(value, _SCALARS)


def is_json_literal(value: Any) -> bool:
    if value is None or is_scalar(value):
        return True
    if isinstance(value, list):
        return all(is_json_literal(v) for v in value)
    if isinstance(value, Mapping):
        return all(isinstance(k, str) and is_json_literal(v) for k, v in value.items())
    return False
