"""Find every discriminator in a document before any model is built.

Variants must know their tags while they are being built (to narrow the tag
field to a `Literal`), but the union naming them may be met later or never
(the parent-with-mapping pattern is only reachable through the children), so
this is its own pass over the whole document.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from generator.builder import pointers
from generator.builder.errors import BuildError, BuildWarning
from generator.ir import ModelDef, SchemaDef, UnionDef

SCHEMAS = "/components/schemas"


@dataclass(frozen=True)
class TaggedUnion:
    """A discriminator as found: the tag property and (tag, variant pointer) pairs."""

    property: str
    variants: tuple[tuple[str, str], ...]


def _walk(node: Any, pointer: str) -> Iterator[tuple[Mapping[str, Any], str]]:
    """Every mapping in the document with its pointer, depth first, keys sorted (iterative:
    a big spec has hundreds of thousands of nodes)."""
    stack: list[tuple[Any, str]] = [(node, pointer)]
    while stack:
        node, pointer = stack.pop()
        kind = type(node)
        if kind in _LEAVES:
            continue
        if kind is dict or (kind is not list and isinstance(node, Mapping)):
            yield node, pointer
            stack.extend((node[key], pointers.join(pointer, key)) for key in sorted(node, reverse=True))
        elif kind is list:
            stack.extend((node[i], f"{pointer}/{i}") for i in range(len(node) - 1, -1, -1))


_LEAVES = frozenset({str, int, float, bool, type(None)})


def _target_pointer(value: str) -> str:
    """A mapping value is a `$ref` or a bare schema name."""
    if value.startswith("#"):
        return value[1:]
    return pointers.join(SCHEMAS, value)


def _last_segment(pointer: str) -> str:
    return pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")


def _children_by_parent(document: Mapping[str, Any]) -> dict[str, list[str]]:
    """Component schema pointer -> the component schemas that list it in their `allOf`."""
    schemas = document.get("components", {}).get("schemas", {}) or {}
    children: dict[str, list[str]] = {}
    for name in sorted(schemas):
        parts = schemas[name].get("allOf", []) if isinstance(schemas[name], Mapping) else []
        parents = {p["$ref"][1:] for p in parts
                   if isinstance(p, Mapping) and isinstance(p.get("$ref"), str) and p["$ref"].startswith("#")}
        for parent in sorted(parents):
            children.setdefault(parent, []).append(pointers.join(SCHEMAS, name))
    return children


def find_tagged_unions(document: Mapping[str, Any], warnings: list[BuildWarning]) -> dict[str, TaggedUnion]:
    """Every schema with a discriminator, by pointer: oneOf/anyOf unions and parents.

    A discriminator whose tag a variant's own schema cannot take (the implicit tag
    `Domain` for a `type` that is `enum: [master, slave]`) is left out, with a warning:
    narrowing the field to the tag would make the model refuse every real answer, so the
    union stays a plain one."""
    found: dict[str, TaggedUnion] = {}
    children: dict[str, list[str]] | None = None  # built on first need
    for node, pointer in _walk(document, ""):
        discriminator = node.get("discriminator")
        if not isinstance(discriminator, Mapping) or not isinstance(
            discriminator.get("propertyName"), str
        ):
            continue
        mapping = discriminator.get("mapping") or {}
        pairs = [
            (str(tag), _target_pointer(value))
            for tag, value in mapping.items()
            if isinstance(value, str)
        ]
        mapped = {target for _, target in pairs}
        alternatives = node.get("oneOf") or node.get("anyOf")
        if isinstance(alternatives, list):
            candidates = [
                alt["$ref"][1:]
                for alt in alternatives
                if isinstance(alt, Mapping) and isinstance(alt.get("$ref"), str)
            ]
        else:
            if children is None:
                children = _children_by_parent(document)
            candidates = list(children.get(pointer, ()))
            if not candidates and not pairs:
                continue
        # Implicit mapping: a variant not named in the mapping is tagged by its schema name.
        pairs += [(_last_segment(c), c) for c in candidates if c not in mapped]
        union = TaggedUnion(discriminator["propertyName"], tuple(sorted(pairs)))
        refused = _tag_refused(document, union)
        if refused:
            warnings.append(BuildWarning(
                f"discriminator {union.property!r} is ignored: {refused}; the union is matched by shape instead",
                pointers.join(pointer, "discriminator")))
            continue
        found[pointer] = union
    return found


def _tag_refused(document: Mapping[str, Any], union: TaggedUnion) -> str:
    """Why a variant cannot carry its tag (its tag property allows other values only), or ""."""
    for tag, target in union.variants:
        allowed = _declared_values(document, target, union.property)
        if allowed is not None and tag not in allowed:
            shown = ", ".join(repr(v) for v in allowed)
            return f"its tag {tag!r} for #{target} is not among the values its {union.property!r} allows ({shown})"
    return ""


def _declared_values(document: Mapping[str, Any], target: str, prop: str) -> list[Any] | None:
    """The `enum`/`const` the variant declares for `prop` (in its own properties or an
    `allOf` part), or None where it leaves the value open."""
    try:
        variant = pointers.resolve(document, "#" + target, target)
        parts = [variant, *(variant.get("allOf") or [] if isinstance(variant, Mapping) else [])]
        for part in parts:
            part, _ = pointers.deref(document, part, target)
            schema = (part.get("properties") or {}).get(prop) if isinstance(part, Mapping) else None
            schema, _ = pointers.deref(document, schema, target)
            if isinstance(schema, Mapping) and "const" in schema:
                return [schema["const"]]
            if isinstance(schema, Mapping) and isinstance(schema.get("enum"), list):
                return list(schema["enum"])
    except BuildError:  # a dangling ref is reported where the variant is built, with its pointer
        return None
    return None


def tags_by_variant(unions: Mapping[str, TaggedUnion]) -> dict[str, dict[str, tuple[str, ...]]]:
    """variant pointer -> tag property -> the tags that select it."""
    tags: dict[str, dict[str, list[str]]] = {}
    for union in unions.values():
        for tag, target in union.variants:
            bucket = tags.setdefault(target, {}).setdefault(union.property, [])
            if tag not in bucket:
                bucket.append(tag)
    return {
        target: {prop: tuple(sorted(values)) for prop, values in by_prop.items()}
        for target, by_prop in tags.items()
    }


def mark_tags(definitions: tuple[SchemaDef, ...]) -> tuple[SchemaDef, ...]:
    """The definitions with `Field.is_tag` set on the property each union reads to pick a
    model: every variant of a union discriminated by property, and its fallback. A pass over
    the finished definitions, since a union may be built after its variants (the webhook
    union is made last, from payload models already built)."""
    tags: set[tuple[str, str]] = set()
    for definition in definitions:
        found = definition.discriminator if isinstance(definition, UnionDef) else None
        if found is not None and found.by == "property":
            tags.update((variant, found.property) for _, variant in found.mapping)
            if found.fallback:
                tags.add((found.fallback, found.property))
    return tuple(
        dataclasses.replace(d, fields=tuple(
            dataclasses.replace(f, is_tag=True) if (d.name, f.wire_name) in tags else f for f in d.fields))
        if isinstance(d, ModelDef) and any((d.name, f.wire_name) in tags for f in d.fields) else d
        for d in definitions
    )
