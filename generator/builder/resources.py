"""Pick the operations, group them into the resource tree (`tree`) and give methods their final names."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from generator import naming
from generator.builder import tree
from generator.builder.errors import BuildError, BuildWarning
from generator.builder.path_items import operation_pointer
from generator.builder.tags import TagTree
from generator.config import Config, Selection
from generator.ir import Operation, Resource

Found = Sequence[tuple[Operation, Mapping[str, Any]]]


def select_operations(
    operations: Found, config: Config, *, must_match: bool = True
) -> list[tuple[Operation, Mapping[str, Any]]]:
    """The operations `include:` picks (all without it) less those `exclude:` picks.
    With `must_match`, a tag or operationId that names nothing is an error."""
    if must_match:
        ids = {op.operation_id for op, _ in operations}
        tags = {tag for op, _ in operations for tag in op.tags}
        for section, selection in (("include", config.include), ("exclude", config.exclude)):
            if selection is not None:
                _check_selection(section, selection, ids, tags)

    def picked(operation: Operation, selection: Selection) -> bool:
        return operation.operation_id in selection.operations or bool(set(operation.tags) & set(selection.tags))

    return [
        (op, raw) for op, raw in operations
        if (config.include is None or picked(op, config.include)) and not picked(op, config.exclude)
    ]


def _check_selection(section: str, selection: Selection, ids: set[str], tags: set[str]) -> None:
    for key, names, known in (("operations", selection.operations, ids), ("tags", selection.tags, tags)):
        for index, name in enumerate(names):
            if name not in known:
                what = "operationId" if key == "operations" else "tag"
                raise BuildError(f"{section} names {what} {name!r}, which the spec does not have",
                                 f"/{section}/{key}/{index}", _known(sorted(known)))


def _known(names: list[str]) -> str:
    shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
    return f"the spec has: {shown}" if names else "the spec has none"


def group_resources(
    operations: Sequence[tuple[Operation, Mapping[str, Any]]], config: Config, warnings: list[BuildWarning],
    tags: TagTree | None = None,
) -> tuple[Resource, ...]:
    """Every resource of the tree (see `tree`), parents before children; config renames win:
    `resources:` renames a tag's resource, `operations:` pins one method's resource and name.
    `tags`: the 3.2 tag hierarchy (a tag's resource nests under its parent's)."""
    tags = tags or TagTree({}, warnings)
    index = tree.PathIndex(op.path for op, _ in operations)
    shared = tree.shared_tag_words(str(raw["tags"][0]) for _, raw in operations if raw.get("tags"))
    nested = config.resource_layout == "nested"
    placed: dict[tuple[str, ...], list[_Method]] = {}
    for operation, raw in operations:
        tag = tags.resource_tag([str(t) for t in raw.get("tags") or []])
        overrides = config.operations.get(operation.operation_id)
        parents: tuple[str, ...] = ()
        if tag is not None:
            root = config.resources.get(tag) or tree.tag_root(tag, shared)
            parents = tuple(naming.resource_name(config.resources.get(t) or tree.tag_root(t, shared))
                            for t in tags.ancestors(tag))
        else:
            root = naming.resource_name(_first_segment(operation.path))
        root = naming.resource_name(root)
        where = operation_pointer(operation.path, operation.method)
        if overrides and (overrides.resource or overrides.name):
            path = tuple(naming.resource_name(p) for p in overrides.resource.split(".")) if overrides.resource else (root,)
            shape = tree.place(operation, path[-1], None, index, nested=False)
            name = naming.method_name(overrides.name) if overrides.name else shape.name
            method = _Method(operation, name, name, where, pinned=True)
        else:
            normalised_tag = tree.tag_root(tag, shared) if tag is not None else None
            placement = tree.place(operation, root, normalised_tag, index, nested=nested, parents=parents)
            path, method = placement.resource, _Method(operation, placement.name, placement.fallback, where)
        placed.setdefault(path, []).append(method)
    tags_of = _tags_of_roots(operations, placed)
    return _resources(placed, tags_of, warnings)


@dataclass(frozen=True)
class _Method:
    operation: Operation
    name: str  # the name it would like (by shape, or from config)
    fallback: str  # its name when `name` is shared
    pointer: str
    pinned: bool = False  # named by config: it keeps its name, the others move


def _tags_of_roots(operations: Found, placed: Mapping[tuple[str, ...], list[_Method]]) -> dict[tuple[str, ...], str]:
    """A resource's description: the tag of its first operation."""
    tag_by_id = {op.operation_id: str((raw.get("tags") or [""])[0]) for op, raw in operations}
    return {path: tag_by_id[methods[0].operation.operation_id] for path, methods in placed.items()}


def _resources(
    placed: Mapping[tuple[str, ...], list[_Method]], tags_of: Mapping[tuple[str, ...], str],
    warnings: list[BuildWarning],
) -> tuple[Resource, ...]:
    paths = sorted({path[:i] for path in placed for i in range(1, len(path) + 1)})  # with namespaces
    children: dict[tuple[str, ...], list[str]] = {}
    for path in paths:
        if len(path) > 1:
            children.setdefault(path[:-1], []).append(path[-1])
    modules: list[str] = []
    classes: list[str] = []
    resources = []
    for path in paths:
        module = naming.unique("_".join(path), modules)
        modules.append(module)
        class_name = naming.unique(naming.pascal_case(module) + "Resource", classes)
        classes.append(class_name)
        operations = _name_methods(path, placed.get(path, []), children.get(path, []), warnings)
        resources.append(Resource(path[-1], class_name, operations, tags_of.get(path) or None,
                                  parents=path[:-1], children=tuple(sorted(children.get(path, []))), module=module))
    return tuple(resources)


def _name_methods(
    path: tuple[str, ...], methods: list[_Method], children: list[str], warnings: list[BuildWarning]
) -> tuple[Operation, ...]:
    """Each method's name, unique in its resource: where several would share one, those
    config did not name take their operationId's name, then a number (in path order)."""
    wanted = Counter(m.name for m in methods)
    taken: list[str] = [*naming.RESOURCE_MEMBERS, *children]
    ordered = sorted(methods, key=lambda m: (not m.pinned, m.operation.path, m.operation.method))
    named = []
    for method in ordered:
        shared = wanted[method.name] > 1 or method.name in taken
        first = method.fallback if shared and not method.pinned else method.name
        name = naming.unique(first, taken)
        taken.append(name)
        if name != method.name:
            # One text for every collision: a spec with many (GitHub: 172) gets one line with the count.
            warnings.append(BuildWarning(
                "operations would share a method name in their resource; each is named from its operationId "
                "instead (name them under `operations:` in the config)", method.pointer))
        named.append(dataclasses.replace(method.operation, python_name=name))
    return tuple(sorted(named, key=lambda op: (op.python_name, op.path, op.method)))


def _first_segment(path: str) -> str:
    """`/v1/customers/{id}` -> `customers`: version and `api` prefixes do not name a resource."""
    segments = [s for s in tree.path_tokens(path) if s != "{}"]
    return segments[0] if segments else "default"
