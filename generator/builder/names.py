"""The naming pass: every component schema gets its Python class name before any
schema is built, so a component always keeps its own name (`ChatRequest`) and a
structure lifted later from where it sits (`ChatRequestFilesItem`, an operation's
inline body) takes what is left; and so a schema being built is already named,
which is what makes cycles free."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator import naming
from generator.builder import pointers
from generator.builder.discriminators import SCHEMAS
from generator.builder.errors import BuildWarning


class SchemaNames:
    """Schema pointer -> class name, each name unique; first come, first named."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}
        self._taken: set[str] = set()  # the values of _names, for unique() without a copy per name

    def claim(self, pointer: str, wanted: str) -> str:
        """The name of the schema at `pointer`: `wanted` (made unique) unless it has one already."""
        if pointer not in self._names:
            self._names[pointer] = naming.unique(wanted, self._taken)
            self._taken.add(self._names[pointer])
        return self._names[pointer]

    def get(self, pointer: str) -> str | None:
        return self._names.get(pointer)

    def __contains__(self, pointer: str) -> bool:
        return pointer in self._names

    def components(self) -> list[str]:
        """The pointers of the component schemas, sorted."""
        return sorted(p for p in self._names if p.startswith(SCHEMAS + "/"))


def name_components(document: Mapping[str, Any], warnings: list[BuildWarning]) -> SchemaNames:
    names = SchemaNames()
    components = document.get("components", {}) or {}
    schemas = components.get("schemas", {}) or {}
    for name in sorted(schemas):
        pointer = pointers.join(SCHEMAS, name)
        wanted = naming.class_name(name)
        given = names.claim(pointer, wanted)
        if given != wanted:
            warnings.append(BuildWarning(
                f"schema {name!r} is also class {wanted!r} in Python; this one is {given!r}", pointer))
        elif message := naming.rename_warning("schema", name, wanted):
            warnings.append(BuildWarning(message, pointer))
    return names
