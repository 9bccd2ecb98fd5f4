"""Type expressions: how a field, parameter or response is typed.

A `TypeRef` is a tree; named schemas appear as `NamedType` leaves pointing at
a `SchemaDef` by its Python name, so cyclic schemas need no special casing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

# `base64` is `format: byte` (base64 text on the wire, bytes in Python); `bytes` is `format: binary`.
PrimitiveKind = Literal["str", "int", "float", "bool", "bytes", "base64", "datetime", "date", "uuid", "file"]


@dataclass(frozen=True)
class PrimitiveType:
    """A scalar. `file` is binary content sent in a request (multipart)."""

    kind: PrimitiveKind


@dataclass(frozen=True)
class AnyType:
    """No constraint at all: `{}` or a schema we cannot type more precisely."""


@dataclass(frozen=True)
class NamedType:
    """A reference to a `SchemaDef` by its (unique, Python-safe) name."""

    name: str


@dataclass(frozen=True)
class ListType:
    item: TypeRef


@dataclass(frozen=True)
class TupleType:
    """A fixed-length array typed per position (JSON Schema `prefixItems`, no more items)."""

    items: tuple[TypeRef, ...]


@dataclass(frozen=True)
class MapType:
    """An object used as a dictionary: `additionalProperties` with no properties."""

    value: TypeRef


@dataclass(frozen=True)
class LiteralType:
    """A fixed set of scalar values, e.g. an inline enum or a discriminator tag."""

    values: tuple[str | int | float | bool, ...]


@dataclass(frozen=True)
class UnionType:
    """An anonymous union (inline `oneOf`/`anyOf` without discriminator)."""

    variants: tuple[TypeRef, ...]


@dataclass(frozen=True)
class NullableType:
    inner: TypeRef


TypeRef = Union[
    PrimitiveType, AnyType, NamedType, ListType, TupleType, MapType, LiteralType, UnionType, NullableType
]


def strip_nullable(type_ref: TypeRef) -> TypeRef:
    return type_ref.inner if isinstance(type_ref, NullableType) else type_ref


def make_nullable(type_ref: TypeRef) -> TypeRef:
    if isinstance(type_ref, (NullableType, AnyType)):
        return type_ref
    return NullableType(type_ref)
