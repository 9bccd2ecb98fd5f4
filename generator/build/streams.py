"""Which operations answer with Server-Sent Events, and of what type."""

from __future__ import annotations

from generator.build.errors import BuildError, BuildWarning
from generator.build.schemas import SchemaBuilder
from generator.config import StreamConfig
from generator.ir import LiteralType, NamedType, Operation, PrimitiveType, StreamInfo, UnionDef
from generator.ir.schemas import JsonValue


def stream_info(
    operation: Operation,
    config: StreamConfig | None,
    schemas: SchemaBuilder,
    pointer: str,
    warnings: list[BuildWarning],
) -> StreamInfo | None:
    has_sse = any(r.kind == "sse" and r.status.startswith("2") for r in operation.responses)
    if config is None:
        if has_sse:
            warnings.append(
                BuildWarning(
                    "text/event-stream response has no event schema; name it under `streams:` in the config",
                    pointer,
                )
            )
        return None
    event_name = schemas.component(config.events)
    if event_name is None:
        raise BuildError(
            f"stream event schema {config.events!r} is not in components/schemas",
            f"/streams/{operation.operation_id}/events",
            "name a schema from #/components/schemas (config file pointer)",
        )
    mode_field, stream_value = _mode(operation, config)
    definition = schemas.definition(event_name)
    discriminator = "event"
    if isinstance(definition, UnionDef) and definition.discriminator and definition.discriminator.by == "property":
        discriminator = definition.discriminator.property
    return StreamInfo(
        event_type=NamedType(event_name),
        mode_field=mode_field,
        stream_value=stream_value,
        discriminator=discriminator,
        skip=tuple(config.skip),
        error=tuple(config.error),
        terminal=tuple(config.terminal),
        text_event=config.text_event,
        text_field=config.text_field,
        replace_event=config.replace_event,
        final_event=config.final_event,
    )


def _mode(operation: Operation, config: StreamConfig) -> tuple[str, JsonValue]:
    """The body field that switches streaming on, and its streaming value."""
    fields = operation.body.fields if operation.body else ()
    if config.mode_field is not None:
        for field in fields:
            if field.wire_name == config.mode_field:
                return field.python_name, config.stream_value
        raise BuildError(
            f"stream mode field {config.mode_field!r} is not a body field of {operation.operation_id}",
            f"/streams/{operation.operation_id}/mode_field",
            "name a property of the request body (config file pointer)",
        )
    for field in fields:
        if field.wire_name == "stream" and field.type == PrimitiveType("bool"):
            return field.python_name, True
        if isinstance(field.type, LiteralType) and "streaming" in field.type.values:
            return field.python_name, "streaming"
    raise BuildError(
        f"cannot tell how {operation.operation_id} chooses streaming",
        f"/streams/{operation.operation_id}",
        "set mode_field and stream_value (config file pointer)",
    )
