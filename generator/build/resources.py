"""Group operations into resources (by first tag) and give methods their final names."""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Mapping, Sequence

from generator import naming
from generator.build.errors import BuildError
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


def group_resources(operations: Sequence[tuple[Operation, Mapping[str, Any]]], config: Config) -> tuple[Resource, ...]:
    grouped: dict[str, list[Operation]] = {}
    descriptions: dict[str, str] = {}
    for operation, raw in operations:
        overrides = config.operations.get(operation.operation_id)
        tags = raw.get("tags") or []
        tag = str(tags[0]) if tags else _first_segment(operation.path)
        resource = (overrides.resource if overrides and overrides.resource else None) or config.resources.get(tag) or tag
        resource = naming.parameter_name(resource)
        if overrides and overrides.name:
            operation = dataclasses.replace(operation, python_name=naming.method_name(overrides.name))
        else:
            operation = dataclasses.replace(operation, python_name=_default_method_name(operation.operation_id, resource))
        grouped.setdefault(resource, []).append(operation)
        descriptions.setdefault(resource, tag)

    resources = []
    for name in sorted(grouped):
        taken: list[str] = ["with_raw_response", "with_streaming_response"]
        unique_ops = []
        for operation in sorted(grouped[name], key=lambda op: (op.python_name, op.path, op.method)):
            python_name = naming.unique(operation.python_name, taken)
            taken.append(python_name)
            unique_ops.append(dataclasses.replace(operation, python_name=python_name))
        resources.append(Resource(name, naming.pascal_case(name) + "Resource", tuple(unique_ops), descriptions[name]))
    return tuple(resources)


def _default_method_name(operation_id: str, resource: str) -> str:
    """The operationId snake-cased, without a leading resource name it repeats:
    GitHub's `repos/get-branch` in `repos` is `client.repos.get_branch()`;
    `listPets` in `pets` stays `list_pets`."""
    name = naming.method_name(operation_id)
    prefix = resource.rstrip("_") + "_"
    if name.startswith(prefix) and len(name) > len(prefix):
        return naming.method_name(name[len(prefix):])
    return name


_PREFIX_SEGMENT = re.compile(r"^(v\d+(\.\d+)*|api|rest)$", re.IGNORECASE)


def _first_segment(path: str) -> str:
    """`/v1/customers/{id}` -> `customers`: version and `api` prefixes do not name a resource."""
    segments = [s for s in path.split("/") if s and not s.startswith("{")]
    for segment in segments:
        if not _PREFIX_SEGMENT.match(segment):
            return segment
    return segments[0] if segments else "default"
