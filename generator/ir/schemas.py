"""Named schemas: the models, enums, unions and aliases of the package."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

from generator.ir.types import TypeRef

JsonValue = Union[None, bool, int, float, str, list["JsonValue"], dict[str, "JsonValue"]]


@dataclass(frozen=True)
class ValueHints:
    """What the spec says about good values beyond their type, for the examples
    the emitter writes (README, shipped tests): never used to validate.

    `examples` are the spec's own `example`/`examples`, each as canonical JSON
    text (so the IR stays hashable); `allowed` the values of its `enum` or
    `const` (kept even where the type could not say them, e.g. an enum of only
    null); the rest are the JSON Schema keywords. `item` describes the items
    of an array.
    """

    examples: tuple[str, ...] = ()
    allowed: tuple[str, ...] = ()
    format: str | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False
    multiple_of: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    item: ValueHints | None = None


@dataclass(frozen=True)
class Field:
    """One property of a model.

    `python_name` is a safe identifier; `wire_name` is the JSON key (they
    differ when the key is a keyword, starts with a digit, has dashes...).
    `default` is the spec's default as JSON data, or `has_default=False`.
    """

    python_name: str
    wire_name: str
    type: TypeRef
    required: bool
    description: str | None = None
    has_default: bool = False
    default: JsonValue = None
    deprecated: bool = False
    hints: ValueHints | None = None
    # readOnly: sent by the server only (left out of request bodies); writeOnly: sent
    # by the client only (optional in models, which also parse answers).
    read_only: bool = False
    write_only: bool = False
    # The property a discriminated union reads to pick this model: its value stays a closed
    # Literal (never opened to unknown values) and always present.
    is_tag: bool = False


@dataclass(frozen=True)
class ModelDef:
    """An object schema with known properties: becomes a pydantic model.

    `extra` tells whether unknown keys are kept: they always are for responses
    (forward compatibility); `additional` types them when the spec does.
    """

    name: str
    fields: tuple[Field, ...]
    description: str | None = None
    additional: TypeRef | None = None
    pointer: str = ""
    # Old field names kept by `--compatible-with` as deprecated read-only properties:
    # (old python name, new python name), sorted.
    renamed_fields: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class EnumDef:
    """A named enum: becomes a `Literal[...]` alias, open to unknown values in responses."""

    name: str
    values: tuple[str | int | float | bool, ...]
    description: str | None = None
    pointer: str = ""


@dataclass(frozen=True)
class Discriminator:
    """How a union picks its variant without trying each in turn.

    `by="property"`: the value of `property` is a tag in `mapping`.
    `by="key"`: the variant is the one whose (unique) key is present; then
    `mapping` pairs keys, not tags, with variant names.
    `mapping` pairs each tag (or key) with a variant's schema name, sorted.
    `fallback` names a model that takes anything not in the mapping, so a
    newer server's new variant never breaks an older client.
    """

    by: Literal["property", "key"]
    property: str
    mapping: tuple[tuple[str, str], ...]
    fallback: str | None = None


@dataclass(frozen=True)
class UnionDef:
    name: str
    variants: tuple[TypeRef, ...]
    discriminator: Discriminator | None = None
    description: str | None = None
    pointer: str = ""


@dataclass(frozen=True)
class AliasDef:
    """A named schema that is not an object: an array, a scalar, a map."""

    name: str
    target: TypeRef
    description: str | None = None
    pointer: str = ""


SchemaDef = Union[ModelDef, EnumDef, UnionDef, AliasDef]
