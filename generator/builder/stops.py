"""`streams.<op>.stop`: which operation stops the task behind an abandoned stream.

Dify keeps generating (and billing) after a client drops the connection; its
`POST /chat-messages/{task_id}/stop` ends the task. The config names that operation and
the event field that carries the task id; this pass checks both against the spec and
works out where the stop call takes the id (a path parameter, else a body field, named
like the event field) and which body fields it shares with the streaming request (Dify's
`user`), to be copied when the stream is abandoned.
"""

from __future__ import annotations

from typing import Mapping

from generator.builder.errors import BuildError
from generator.builder.schemas import SchemaBuilder
from generator.config import StopConfig
from generator.ir import AnyType, Field, MapType, NamedType, Operation, StopInfo, UnionDef, UnionType
from generator.ir.types import TypeRef, strip_nullable


def stop_info(
    operation: Operation, config: StopConfig, event_type: TypeRef, operations: Mapping[str, Operation],
    schemas: SchemaBuilder,
) -> StopInfo:
    """`operations`: every operation of the spec by operationId."""
    pointer = f"/streams/{operation.operation_id}/stop"
    target = operations.get(config.operation)
    if target is None:
        raise BuildError(f"stop operation {config.operation!r} is not an operationId of the spec",
                         f"{pointer}/operation", "name the operation that stops a task (config file pointer)")
    check_field("task_id_field", config.task_id_field, event_type, schemas, f"{pointer}/task_id_field")
    name = config.task_id_field.rsplit(".", 1)[-1]
    path_params = [p for p in target.parameters if p.location == "path"]
    body_names = [f.wire_name for f in target.body.fields] if target.body else []
    param = next((p.wire_name for p in path_params if p.wire_name == name), None)
    if param is None and len(path_params) == 1:
        param = path_params[0].wire_name
    task_id_in = "path"
    if param is None and name in body_names:
        param, task_id_in = name, "body"
    if param is None:
        raise BuildError(f"stop operation {config.operation!r} has no path parameter or body field {name!r} "
                         "to take the task id", f"{pointer}/operation",
                         "name an operation that takes the task id (config file pointer)")
    sent = {f.wire_name for f in operation.body.fields} if operation.body else set()
    copied = tuple(sorted(n for n in body_names if n in sent and n != param))
    return StopInfo(target.operation_id, target.http_method, target.path, config.task_id_field, param,
                    "body" if task_id_in == "body" else "path", copied)


def check_field(label: str, path: str, event_type: TypeRef, schemas: SchemaBuilder, pointer: str) -> None:
    """Each step of the dotted `path` must be a property of some event (untyped parts pass)."""
    types = [event_type]
    for depth, key in enumerate(path.split(".")):
        models, untyped = _models(types, schemas)
        if untyped:
            return
        found = [f.type for fields in models for f in fields if f.wire_name == key]
        if not found:
            where = ".".join(path.split(".")[:depth]) or "the events"
            raise BuildError(f"{label} {path!r}: {key!r} is not a field of {where}", pointer,
                             "name a field of the events, dotted for nested fields, e.g. task_id "
                             "or data.id (config file pointer)")
        types = found


def _models(types: list[TypeRef], schemas: SchemaBuilder) -> tuple[list[tuple[Field, ...]], bool]:
    """The field lists of the object types among `types` (unions opened); True when some
    type is untyped (a dict, Any), where any field may be."""
    found: list[tuple[Field, ...]] = []
    pending = [strip_nullable(t) for t in types]
    seen: set[str] = set()
    while pending:
        kind = strip_nullable(pending.pop())
        if isinstance(kind, (AnyType, MapType)):
            return found, True
        if isinstance(kind, UnionType):
            pending += kind.variants
        elif isinstance(kind, NamedType) and kind.name not in seen:
            seen.add(kind.name)
            definition = schemas.definition(kind.name)
            if isinstance(definition, UnionDef):
                pending += definition.variants
            fields = schemas.object_fields(kind)
            if fields:
                found.append(fields)
    return found, False
