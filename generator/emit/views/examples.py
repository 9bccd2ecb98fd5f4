"""Argument values for the calls the package shows and tests (README, tests/).

One derivation for both: the spec's own `example`/`examples` when they fit
the type, else a value that satisfies the schema (enums, formats, patterns,
length and range bounds, required fields of nested objects, a file for an
upload). Values are JSON data first, then Python source written only through
`literals` (spec text never becomes code), so the same spec always gives the
same bytes.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from datetime import date, datetime, timezone
from typing import Any, Mapping

from generator.emit.views import literals
from generator.emit.views.patterns import matching_string
from generator.ir import (
    AliasDef,
    AnyType,
    EnumDef,
    ListType,
    LiteralType,
    MapType,
    ModelDef,
    NamedType,
    NullableType,
    PrimitiveType,
    TupleType,
    SchemaDef,
    TypeRef,
    UnionDef,
    UnionType,
    ValueHints,
)
from generator.ir.types import strip_nullable

_DEPTH = 6  # nested objects followed before a required cycle is cut short
_FORMATS = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "12:00:00",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
    "iri": "https://example.com",
    "uri-reference": "https://example.com",
    "hostname": "example.com",
    "idn-hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "ZXhhbXBsZQ==",
    "duration": "P1D",
    "int32": "1",
    "int64": "1",
}
_UPLOAD = ("example.txt", b"example file content")
_NO_HINTS = ValueHints()


class ExampleValues:
    """Builds argument values; `imports` collects the `datetime` names the source needs."""

    def __init__(self, schemas: Mapping[str, SchemaDef], *, typed_dicts: bool = False) -> None:
        self._schemas = schemas
        self._typed_dicts = typed_dicts
        self.imports: set[str] = set()

    def argument(self, type_ref: TypeRef, hints: ValueHints | None, name: str, *, one_line: bool = False) -> str:
        """Python source of a value for an argument of `type_ref` called `name`; `one_line`: no
        line breaks in it (a header value cannot hold one)."""
        return self.source(type_ref, self.data(type_ref, hints, name, one_line=one_line))

    def data(self, type_ref: TypeRef, hints: ValueHints | None, name: str, depth: int = 0, *,
             one_line: bool = False) -> Any:
        """A JSON value of `type_ref`: a fitting spec example, else one derived from the schema."""
        hints = hints or _NO_HINTS
        for text in (*hints.examples, *hints.allowed):
            if one_line and ("\\n" in text or "\\r" in text):  # JSON text: a break is escaped
                continue
            example = json.loads(text)
            if self.fits(type_ref, example) and _keywords_allow(hints, example):
                return example
        return self._derived(type_ref, hints, name, depth)

    def source(self, type_ref: TypeRef, value: Any) -> str:
        """Python source for `value` as an argument of `type_ref`."""
        if isinstance(type_ref, NullableType):
            return "None" if value is None else self.source(type_ref.inner, value)
        if isinstance(type_ref, PrimitiveType):
            return self._primitive_source(type_ref.kind, value)
        if isinstance(type_ref, ListType) and isinstance(value, list):
            return "[" + ", ".join(self.source(type_ref.item, v) for v in value) + "]"
        if isinstance(type_ref, TupleType) and isinstance(value, list) and len(value) == len(type_ref.items):
            items = [self.source(t, v) for t, v in zip(type_ref.items, value)]
            return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
        if isinstance(type_ref, MapType) and isinstance(value, dict):
            pairs = (f"{literals.string(k)}: {self.source(type_ref.value, v)}" for k, v in value.items())
            return "{" + ", ".join(pairs) + "}"
        if isinstance(type_ref, UnionType):
            variant = next((v for v in type_ref.variants if self.fits(v, value)), type_ref.variants[0])
            return self.source(variant, value)
        if isinstance(type_ref, NamedType):
            return self._named_source(type_ref.name, value)
        return literals.value(value)

    # -- does a value fit a type ---------------------------------------------

    def fits(self, type_ref: TypeRef, value: Any, depth: int = 0) -> bool:
        """Loosely: the right JSON kind all the way down (required fields present)."""
        if depth > _DEPTH * 2:
            return True
        if isinstance(type_ref, NullableType):
            return value is None or self.fits(type_ref.inner, value, depth)
        if isinstance(type_ref, AnyType):
            return literals.is_literal_value(value)
        if isinstance(type_ref, PrimitiveType):
            return _primitive_fits(type_ref.kind, value)
        if isinstance(type_ref, LiteralType):
            return any(value == v and type(value) is type(v) for v in type_ref.values)
        if isinstance(type_ref, ListType):
            return isinstance(value, list) and all(self.fits(type_ref.item, v, depth + 1) for v in value)
        if isinstance(type_ref, TupleType):
            return (isinstance(value, list) and len(value) == len(type_ref.items)
                    and all(self.fits(t, v, depth + 1) for t, v in zip(type_ref.items, value)))
        if isinstance(type_ref, MapType):
            return isinstance(value, dict) and all(self.fits(type_ref.value, v, depth + 1) for v in value.values())
        if isinstance(type_ref, UnionType):
            return any(self.fits(v, value, depth + 1) for v in type_ref.variants)
        definition = self._schemas.get(type_ref.name)
        if isinstance(definition, EnumDef):
            return any(value == v and type(value) is type(v) for v in definition.values)
        if isinstance(definition, AliasDef):
            return self.fits(definition.target, value, depth + 1)
        if isinstance(definition, UnionDef):
            return any(self.fits(v, value, depth + 1) for v in definition.variants)
        if isinstance(definition, ModelDef):
            if not isinstance(value, dict) or not literals.is_literal_value(value):
                return False
            return all(
                (f.wire_name in value and self.fits(f.type, value[f.wire_name], depth + 1))
                if f.required else (f.wire_name not in value or self.fits(f.type, value[f.wire_name], depth + 1))
                for f in definition.fields
            )
        return False

    # -- derived values ---------------------------------------------------------

    def _derived(self, type_ref: TypeRef, hints: ValueHints, name: str, depth: int) -> Any:
        if isinstance(type_ref, NullableType):
            return self._derived(type_ref.inner, hints, name, depth)
        if isinstance(type_ref, PrimitiveType):
            return _primitive(type_ref.kind, hints, name)
        if isinstance(type_ref, LiteralType):
            return type_ref.values[0]
        if isinstance(type_ref, ListType):
            if depth >= _DEPTH:
                return []
            count = max(1, hints.min_items or 0)
            if hints.max_items is not None:
                count = min(count, hints.max_items)
            return [self.data(type_ref.item, hints.item, name, depth + 1) for _ in range(count)]
        if isinstance(type_ref, TupleType):
            return [self.data(t, None, name, depth + 1) for t in type_ref.items]
        if isinstance(type_ref, MapType):
            return {} if depth >= _DEPTH else {"key": self.data(type_ref.value, None, "value", depth + 1)}
        if isinstance(type_ref, UnionType):
            variants = [v for v in type_ref.variants if strip_nullable(v) == v] or list(type_ref.variants)
            return self._unambiguous(variants, hints, name, depth)
        if isinstance(type_ref, AnyType):
            return name
        return self._named(type_ref.name, hints, name, depth)

    def _named(self, schema_name: str, hints: ValueHints, name: str, depth: int) -> Any:
        definition = self._schemas.get(schema_name)
        if isinstance(definition, EnumDef):
            return definition.values[0]
        if isinstance(definition, AliasDef):
            return self.data(definition.target, hints, name, depth)
        if isinstance(definition, UnionDef):
            return self._union(definition, name, depth)
        if isinstance(definition, ModelDef):
            return self._model(definition, depth)
        return {}

    def _model(self, model: ModelDef, depth: int) -> dict[str, Any]:
        """The required fields (and one-value tags, which say what the object is)."""
        if depth >= _DEPTH:
            return {}
        return {
            f.wire_name: self.data(f.type, f.hints, f.wire_name, depth + 1)
            for f in model.fields
            if f.required or (isinstance(f.type, LiteralType) and len(f.type.values) == 1)
        }

    def _union(self, union: UnionDef, name: str, depth: int) -> Any:
        d = union.discriminator
        if d is not None and d.mapping:
            tag, variant = d.mapping[0]
            value = self._named(variant, _NO_HINTS, name, depth)
            if d.by == "property" and isinstance(value, dict):
                value = {**value, d.property: tag}
            elif d.by == "key" and isinstance(value, dict) and tag not in value:
                value = {**value, tag: name}
            return value
        return self._unambiguous(union.variants, _NO_HINTS, name, depth)

    def _unambiguous(self, variants: "list[TypeRef] | tuple[TypeRef, ...]", hints: ValueHints, name: str,
                     depth: int) -> Any:
        """The first variant's value that fits no other variant, else the first variant's: a
        `oneOf` value must match exactly one branch (an object beside a free-form object or `{}`
        matches several, a server validating the body refuses it), and an `anyOf` loses nothing."""
        values = []
        for variant in variants:
            value = self._derived(variant, hints, name, depth)
            if sum(1 for other in variants if self.fits(other, value, depth)) == 1:
                return value
            values.append(value)
        return values[0]

    # -- source -----------------------------------------------------------------

    def _primitive_source(self, kind: str, value: Any) -> str:
        if kind == "datetime":
            self.imports.add("datetime")
            return f"datetime.fromisoformat({literals.string(_iso_datetime(value))})"
        if kind == "date":
            self.imports.add("date")
            return f"date.fromisoformat({literals.string(_iso_date(value))})"
        if kind == "bytes":
            return _bytes(str(value).encode("utf-8"))
        if kind == "file":
            return f"({literals.string(_UPLOAD[0])}, {_bytes(_UPLOAD[1])})"
        return literals.value(value)

    def _named_source(self, schema_name: str, value: Any) -> str:
        definition = self._schemas.get(schema_name)
        if isinstance(definition, AliasDef):
            return self.source(definition.target, value)
        if self._typed_dicts and isinstance(definition, ModelDef) and isinstance(value, dict):
            # A TypedDict is checked key by key: each value in its field's own type.
            types = {f.wire_name: f.type for f in definition.fields}
            pairs = (f"{literals.string(k)}: {self.source(types.get(k, AnyType()), v)}" for k, v in value.items())
            return "{" + ", ".join(pairs) + "}"
        if self._typed_dicts and isinstance(definition, UnionDef):
            variant = next((v for v in definition.variants if self.fits(v, value)), None)
            if variant is not None:
                return self.source(variant, value)
        return literals.value(value)


def _bytes(data: bytes) -> str:
    """A bytes literal (`repr` escapes all but quotes), double-quoted as black writes it."""
    body = repr(data)[2:-1]
    if repr(data)[1] == "'" and '"' not in body:
        return 'b"' + body.replace("\\'", "'") + '"'
    return repr(data)


def _keywords_allow(hints: ValueHints, value: Any) -> bool:
    """The schema's own bounds hold for the example (an example off its pattern is the spec's
    slip, and a server validating the request refuses it)."""
    if isinstance(value, str):
        if hints.pattern is not None and not _searches(hints.pattern, value):
            return False
        check = _FORMAT_CHECKS.get((hints.format or "").lower())
        if check is not None and not check(value):
            return False
        return (hints.min_length is None or len(value) >= hints.min_length) and (
            hints.max_length is None or len(value) <= hints.max_length)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        low_ok = hints.minimum is None or (value > hints.minimum if hints.exclusive_minimum else value >= hints.minimum)
        high_ok = hints.maximum is None or (value < hints.maximum if hints.exclusive_maximum else value <= hints.maximum)
        return low_ok and high_ok
    return True


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _has_scheme(text: str) -> bool:
    return re.match(r"[A-Za-z][A-Za-z0-9+.-]*:\S", text) is not None


# Formats whose examples the spec's own authors get wrong (`""` for a uri: Twilio)
_FORMAT_CHECKS: dict[str, Any] = {
    "uri": _has_scheme,
    "url": _has_scheme,
    "email": lambda text: re.fullmatch(r"[^@\s]+@[^@\s]+", text) is not None,
    "uuid": _is_uuid,
}


def _searches(pattern: str, text: str) -> bool:
    try:
        return re.search(pattern, text) is not None
    except re.error:  # an ECMA-only construct: Python cannot judge it, so the example stands
        return True


def _primitive_fits(kind: str, value: Any) -> bool:
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if kind == "datetime":
        return isinstance(value, str) and _parses(datetime.fromisoformat, value)
    if kind == "date":
        return isinstance(value, str) and _parses(date.fromisoformat, value)
    if kind == "file":
        return False  # an example of a file is its name or a URL, never its content
    return isinstance(value, str)


def _parses(parse: Any, text: str) -> bool:
    try:
        parse(text)
    except ValueError:
        return False
    return True


def _iso_datetime(value: Any) -> str:
    """The spec's value (else ours) as `isoformat()` writes it: what `fromisoformat` reads on
    every Python the package supports (before 3.11 it refuses a `Z`). A date-time without an
    offset (Twilio's `2008-01-02` for a date-time) is no RFC 3339 date-time: it gets UTC's."""
    text = value if isinstance(value, str) and _parses(datetime.fromisoformat, value) else _FORMATS["date-time"]
    parsed = datetime.fromisoformat(text)
    return (parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)).isoformat()


def _iso_date(value: Any) -> str:
    text = value if isinstance(value, str) and _parses(date.fromisoformat, value) else _FORMATS["date"]
    return date.fromisoformat(text).isoformat()


def _primitive(kind: str, hints: ValueHints, name: str) -> Any:
    if kind == "bool":
        return True
    if kind in ("int", "float"):
        return _number(kind == "int", hints)
    if kind == "datetime":
        return _FORMATS["date-time"]
    if kind == "date":
        return _FORMATS["date"]
    if kind == "file":
        return _UPLOAD[0]
    return _string(hints, name)


def _number(integral: bool, hints: ValueHints) -> int | float:
    low, high = hints.minimum, hints.maximum
    step = 1 if integral else 0.5
    if low is not None and hints.exclusive_minimum:
        low = low + step if high is None or low + step < high else (low + high) / 2
    if high is not None and hints.exclusive_maximum:
        high = high - step if low is None or high - step > low else (low + high) / 2
    value: float = 1
    if low is not None and value < low:
        value = low
    if high is not None and value > high:
        value = high
    if hints.multiple_of:
        multiple = hints.multiple_of
        value = math.ceil(value / multiple) * multiple
        if high is not None and value > high:
            value = math.floor(high / multiple) * multiple
    if integral:
        whole = math.ceil(value) if low is not None and value == low else math.floor(value)
        return int(whole)
    return float(value)


def _string(hints: ValueHints, name: str) -> str:
    fmt = (hints.format or "").lower()
    text = _FORMATS.get(fmt)
    if fmt == "uuid":
        text = str(uuid.uuid5(uuid.NAMESPACE_URL, name))  # stable per name, distinct between names
    if text is None and hints.pattern:
        text = matching_string(hints.pattern)
    if text is None:
        text = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower() or "value"
    if hints.min_length is not None and len(text) < hints.min_length:
        text = text + "x" * (hints.min_length - len(text))
    if hints.max_length is not None and len(text) > hints.max_length:
        text = text[: hints.max_length]
    return text
