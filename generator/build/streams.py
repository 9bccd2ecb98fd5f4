"""Which operations answer with Server-Sent Events, and of what type.

The config names the event schema when the spec cannot (Dify types its
stream as `type: string`); otherwise a stream whose schema is a $ref or an
object is typed from it, and one with no usable schema yields each event's
JSON object as a dict.
"""

from __future__ import annotations

from generator.build.errors import BuildError, BuildWarning
from generator.build.schemas import SchemaBuilder
from generator.config import StreamConfig
from generator.ir import AnyType, LiteralType, MapType, NamedType, Operation, PrimitiveType, StreamInfo, UnionDef
from generator.ir.schemas import JsonValue
from generator.ir.types import TypeRef


def stream_info(
    operation: Operation,
    config: StreamConfig | None,
    schemas: SchemaBuilder,
    pointer: str,
    warnings: list[BuildWarning],
) -> StreamInfo | None:
    sse = next((r for r in operation.responses if r.kind == "sse" and r.status.startswith("2")), None)
    if config is None:
        return _detected(operation, sse.type if sse else None, sse is not None, schemas, pointer, warnings)
    event_name = schemas.component(config.events)
    if event_name is None:
        raise BuildError(
            f"stream event schema {config.events!r} is not in components/schemas",
            f"/streams/{operation.operation_id}/events",
            "name a schema from #/components/schemas (config file pointer)",
        )
    mode = _configured_mode(operation, config) if config.mode_field else _detected_mode(operation)
    if mode is None and operation.success.kind != "sse":
        raise BuildError(
            f"cannot tell how {operation.operation_id} chooses streaming",
            f"/streams/{operation.operation_id}",
            "set mode_field and stream_value (config file pointer)",
        )
    mode_field, stream_value = mode if mode else (None, None)
    return StreamInfo(
        event_type=NamedType(event_name),
        mode_field=mode_field,
        stream_value=stream_value,
        discriminator=_discriminator(schemas, NamedType(event_name)),
        skip=tuple(config.skip),
        error=tuple(config.error),
        terminal=tuple(config.terminal),
        text_event=config.text_event,
        text_field=config.text_field,
        replace_event=config.replace_event,
        final_event=config.final_event,
    )


def _detected(
    operation: Operation,
    schema_type: TypeRef | None,
    has_sse: bool,
    schemas: SchemaBuilder,
    pointer: str,
    warnings: list[BuildWarning],
) -> StreamInfo | None:
    if not has_sse:
        return None
    event_type: TypeRef = schema_type or MapType(AnyType())
    if schema_type is None:
        warnings.append(BuildWarning(
            "text/event-stream response has no event schema: events arrive as dicts; "
            "name the schema under `streams:` in the config", pointer))
    mode = _detected_mode(operation)
    if mode is None and operation.success.kind != "sse":
        warnings.append(BuildWarning(
            "cannot tell how the operation chooses streaming; set `streams:` in the config", pointer))
        return None
    mode_field, stream_value = mode if mode else (None, None)
    return StreamInfo(event_type, mode_field, stream_value, _discriminator(schemas, event_type))


def _discriminator(schemas: SchemaBuilder, event_type: TypeRef) -> str:
    definition = schemas.definition(event_type.name) if isinstance(event_type, NamedType) else None
    if isinstance(definition, UnionDef) and definition.discriminator and definition.discriminator.by == "property":
        return definition.discriminator.property
    return "event"


def _configured_mode(operation: Operation, config: StreamConfig) -> tuple[str, JsonValue]:
    for field in operation.body.fields if operation.body else ():
        if field.wire_name == config.mode_field:
            return field.python_name, config.stream_value
    raise BuildError(
        f"stream mode field {config.mode_field!r} is not a body field of {operation.operation_id}",
        f"/streams/{operation.operation_id}/mode_field",
        "name a property of the request body (config file pointer)",
    )


def _detected_mode(operation: Operation) -> tuple[str, JsonValue] | None:
    """`stream: true` or an enum offering "streaming", the two conventions in the wild."""
    for field in operation.body.fields if operation.body else ():
        if field.wire_name == "stream" and field.type == PrimitiveType("bool"):
            return field.python_name, True
        if isinstance(field.type, LiteralType) and "streaming" in field.type.values:
            return field.python_name, "streaming"
    return None
