"""`$ref` look-ups inside one loaded (bundled) document, as build errors.

Escaping and joining are the loader's (`generator.load.pointer`), re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.builder.errors import BuildError
from generator.load import pointer
from generator.load.pointer import escape, join

__all__ = ["deref", "escape", "join", "resolve"]


def resolve(document: Mapping[str, Any], ref: str, where: str) -> Any:
    """The node a local `$ref` points at (through other refs on the way); the loader has
    already made all refs local."""
    if not ref.startswith("#"):
        raise BuildError(f"unexpected non-local $ref {ref!r}", where, "bundle the spec first")
    try:
        return pointer.resolve(document, pointer.parse(ref[1:]), through_refs=True)
    except pointer.PointerError:
        raise BuildError(f"$ref {ref!r} points at nothing", where, "fix the reference") from None


def deref(document: Mapping[str, Any], node: Any, where: str) -> tuple[Any, str]:
    """Follow `$ref` chains (non-schema objects: parameters, responses, bodies)."""
    seen: set[str] = set()
    pointer = where
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            raise BuildError(f"$ref cycle through {ref!r}", where, "break the cycle")
        seen.add(ref)
        node = resolve(document, ref, pointer)
        pointer = ref[1:]
    return node, pointer
