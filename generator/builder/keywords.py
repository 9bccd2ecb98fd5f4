"""Lenient readings of single schema keywords, where real specs say one thing two ways.

`enum_values`: an enum's scalar values, each once, and an integer schema's quoted numbers
read as integers; `has_float`: whether a float makes a Literal impossible; `annotated_schema`:
the one schema of an `allOf` whose other parts only annotate it. Each warns where it bends.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from generator.builder.errors import BuildWarning

_SCALARS = (str, int, float, bool)
_INTEGER = re.compile(r"-?\d+")
_ANNOTATIONS = frozenset({"description", "title", "nullable", "example", "examples", "default", "readOnly",
                          "writeOnly", "deprecated", "externalDocs", "$comment"})


def enum_values(enum: list[Any], pointer: str, declared: Any, warnings: list[BuildWarning]) -> tuple[str | int | float | bool, ...]:
    """The scalar values, each once (real specs repeat some: a warning, not an error). An
    integer schema whose enum quotes its numbers (`type: integer, enum: ['1', '2']`) admits
    no value as written; the type wins and the values are read as the integers they spell."""
    listed = [v for v in enum if isinstance(v, _SCALARS)]
    if declared == "integer" and listed and all(isinstance(v, str) and _INTEGER.fullmatch(v) for v in listed):
        warnings.append(BuildWarning(
            "enum values are strings in an integer schema, which no value satisfies; read as integers "
            "(write them unquoted)", pointer))
        listed = [int(v) for v in listed]
    values = tuple(dict.fromkeys(listed))
    if len(values) < len(listed):
        duplicates = sorted({repr(v) for v in listed if listed.count(v) > 1})
        warnings.append(BuildWarning(f"duplicate enum value(s) {', '.join(duplicates)}; kept once", pointer))
    return values


def has_float(values: tuple[object, ...], pointer: str, warnings: list[BuildWarning]) -> bool:
    """`Literal[4.1]` is not a type: an enum with a float in it is typed `float`, with a warning."""
    floats = [v for v in values if isinstance(v, float)]
    if floats:
        warnings.append(BuildWarning(
            f"enum value {floats[0]!r} is a float, which a Python Literal cannot hold: typed float", pointer))
    return bool(floats)


def annotated_schema(parts: Sequence[Any]) -> tuple[int, Any, bool] | None:
    """(index, schema, nullable) when all `allOf` parts but one (or all) only annotate it, else None.

    `allOf: [{type: string, nullable: true}, {nullable: false}]` (Box) is a string: a null
    needs every part to allow it; `allOf: [{$ref: X}, {nullable: true}]` is a nullable X."""
    structural = [i for i, part in enumerate(parts) if not _annotation_only(part)]
    if not structural and parts:  # `allOf: [{}, {example: x}]` (Box's metadata values): any value
        return 0, {}, False
    if len(structural) != 1:
        return None
    index = structural[0]
    target = parts[index]
    said = {part.get("nullable") for part in parts if _annotation_only(part)}
    if False in said and isinstance(target, Mapping) and "$ref" not in target:
        target = {key: value for key, value in target.items() if key != "nullable"}
    return index, target, True in said and False not in said


def _annotation_only(part: Any) -> bool:
    """An `allOf` part that says nothing about the value's shape."""
    return isinstance(part, Mapping) and all(key in _ANNOTATIONS or str(key).startswith("x-") for key in part)
