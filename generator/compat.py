"""`generate NEW --compatible-with OLD`: the names the old client had, kept as deprecated aliases.

A pass over the new IR, given the old one (both built with the same config):

- a method whose operation (same operationId, else same METHOD and path) now has another
  name or resource keeps its old attribute path as an alias making the new call;
- a method whose operation is gone keeps a stub that raises `NotImplementedError` naming
  what was removed (an AttributeError deep in user code would say less; making a request the
  new spec no longer lists would hide the break until the server refuses it);
- a model field renamed keeps its old name as a read-only property returning the new field
  (pydantic models, the default `model_style`; TypedDicts and dataclasses get none).
  Renames are detected conservatively: in a model of the same name, the old field's place in
  the field order is now taken by a field that is new, with the same type as the old one.

Every alias is marked `typing_extensions.deprecated` (PEP 702): the call warns at runtime
with a `DeprecationWarning` that names the new name, and type checkers report the old name.
An old name the new client uses for something else is not kept (the new meaning wins).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from generator import naming
from generator.diff import _Types
from generator.ir import Api, MethodAlias, ModelDef, Resource, SchemaDef


@dataclass(frozen=True)
class Kept:
    """One old name and what it became: `new` is "" when there is no successor."""

    old: str  # `client.chat.send_message`, `models.Usage.total`
    new: str
    note: str = ""  # why an old name was not kept, else ""


def compatible(old: Api, new: Api) -> tuple[Api, tuple[Kept, ...]]:
    """`new` with the aliases of `old`'s names; what was kept (or could not be), in order."""
    resources, kept = _method_aliases(old, new)
    schemas, kept_fields = _field_aliases(old, new)
    return dataclasses.replace(new, resources=resources, schemas=schemas), kept + kept_fields


def _method_aliases(old: Api, new: Api) -> tuple[tuple[Resource, ...], tuple[Kept, ...]]:
    by_id = {op.operation_id: (r, op) for r in new.resources for op in r.operations}
    by_route = {(op.method, op.path): (r, op) for r in new.resources for op in r.operations}
    resources = {r.attribute_path: r for r in new.resources}
    methods = {(*r.attribute_path, op.python_name) for r in new.resources for op in r.operations}
    taken = methods | set(resources)
    aliases: dict[tuple[str, ...], list[MethodAlias]] = {}
    kept: list[Kept] = []
    for resource in old.resources:
        for op in resource.operations:
            old_path = (*resource.attribute_path, op.python_name)
            successor = by_id.get(op.operation_id) or by_route.get((op.method, op.path))
            if successor is not None and (*successor[0].attribute_path, successor[1].python_name) == old_path:
                continue  # the same name: nothing to keep
            old_name = "client." + ".".join(old_path)
            if old_path in taken or any(old_path[:i] in methods for i in range(1, len(old_path))):
                kept.append(Kept(old_name, "", "not kept: the new client uses the name for something else"))
                continue
            if successor is None:
                message = (f"{old_name} was removed from the API (it was {op.http_method} {op.path}); "
                           "there is no replacement")
                aliases.setdefault(old_path[:-1], []).append(MethodAlias(op.python_name, "", None, message))
                kept.append(Kept(old_name, ""))
                continue
            target = successor[0].method_path(successor[1])
            message = f"{old_name} is deprecated: use client.{target}"
            alias_op = dataclasses.replace(successor[1], python_name=op.python_name)
            aliases.setdefault(old_path[:-1], []).append(MethodAlias(op.python_name, target, alias_op, message))
            kept.append(Kept(old_name, f"client.{target}"))
    for path in sorted(aliases):
        _ensure(resources, path)
        resources[path] = dataclasses.replace(
            resources[path], aliases=tuple(sorted(aliases[path], key=lambda a: a.python_name)))
    ordered = sorted(resources.values(), key=lambda r: r.attribute_path)
    return tuple(ordered), tuple(kept)


def _ensure(resources: dict[tuple[str, ...], Resource], path: tuple[str, ...]) -> None:
    """A resource at `path` (and its parents), made empty when the new API has none there."""
    for depth in range(1, len(path) + 1):
        here = path[:depth]
        if here in resources:
            continue
        modules = [r.module or r.python_name for r in resources.values()]
        module = naming.unique("_".join(here), modules)
        class_name = naming.unique(naming.pascal_case(module) + "Resource", [r.class_name for r in resources.values()])
        resources[here] = Resource(here[-1], class_name, (), None, parents=here[:-1], module=module)
        if depth > 1:
            parent = resources[here[:-1]]
            resources[here[:-1]] = dataclasses.replace(parent, children=tuple(sorted((*parent.children, here[-1]))))


def _field_aliases(old: Api, new: Api) -> tuple[tuple[SchemaDef, ...], tuple[Kept, ...]]:
    before = {d.name: d for d in old.schemas if isinstance(d, ModelDef)}
    old_types, new_types = _Types(old.schemas), _Types(new.schemas)
    schemas: list[SchemaDef] = []
    kept: list[Kept] = []
    for definition in new.schemas:
        previous = before.get(definition.name)
        if not isinstance(definition, ModelDef) or previous is None:
            schemas.append(definition)
            continue
        if new.model_style != "pydantic":
            # A TypedDict has no properties; a plain dataclass's would not be seen by asdict().
            kept += [Kept(f"models.{definition.name}.{f.python_name}", "",
                          f"not kept: {new.model_style} models get no field aliases")
                     for f in previous.fields if f.wire_name not in {g.wire_name for g in definition.fields}]
            schemas.append(definition)
            continue
        old_wire = {f.wire_name for f in previous.fields}
        new_wire = {f.wire_name for f in definition.fields}
        python_names = {f.python_name for f in definition.fields}
        renamed: list[tuple[str, str]] = []
        for index, field in enumerate(previous.fields):
            if field.wire_name in new_wire:
                continue
            where = f"models.{definition.name}.{field.python_name}"
            candidate = definition.fields[index] if index < len(definition.fields) else None
            if (candidate is None or candidate.wire_name in old_wire
                    or old_types.show(field.type, inputs=False) != new_types.show(candidate.type, inputs=False)):
                kept.append(Kept(where, "", "not kept: removed, no field of the same type took its place"))
            elif field.python_name in python_names:
                kept.append(Kept(where, "", "not kept: the new model uses the name for another field"))
            else:
                renamed.append((field.python_name, candidate.python_name))
                kept.append(Kept(where, f"models.{definition.name}.{candidate.python_name}"))
        schemas.append(dataclasses.replace(definition, renamed_fields=tuple(sorted(renamed))) if renamed else definition)
    return tuple(schemas), tuple(kept)
