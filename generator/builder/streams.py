"""Which operations answer with Server-Sent Events, of what type, chosen how.

The event type is the first of (docs/streams.md has an example of each):
1. the config's `streams.<operationId>.events`;
2. the SSE media type's `itemSchema` (OpenAPI 3.2) or a `$ref`/object `schema`;
3. a union component schema (discriminated, or oneOf/anyOf) that the media
   type's schema, the response or the operation names in its description
   (Dify types the body `type: string` and writes "a stream of
   `ChunkChatEvent` objects");
4. the schema that the operation's `x-stream-events` names;
5. else each event's JSON object as a dict.
Rules 3 and 5 are guesses, so each says so in a warning that tells how to pin
the type in the config.

An OpenAPI 3.2 `itemSchema` of SSE fields (event, data, id, retry) types whole
events instead (framing "sse-items"); JSON Lines, json-seq and multipart/mixed
answers stream items typed by `sequences.sequence_items` (build/sequences.py).

Streaming is chosen by a body field: `stream` (a boolean, maybe nullable) or
an enum offering "streaming". An operation whose only 2xx answer is the
stream, or whose field allows only the streaming value, always streams.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Mapping

from generator import naming
from generator.builder import pointers, sequences
from generator.builder.errors import BuildError, BuildWarning
from generator.builder.schemas import SchemaBuilder
from generator.builder.sequences import WholeEvents
from generator.config import StreamConfig
from generator.ir import AnyType, Field, LiteralType, MapType, NamedType, Operation, PrimitiveType, StreamInfo, UnionDef
from generator.ir.operations import STREAM_OPTIONS
from generator.ir.schemas import JsonValue
from generator.ir.types import TypeRef, strip_nullable

EXTENSION = "x-stream-events"
_SCHEMA_REF = "#/components/schemas/"
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*[A-Za-z0-9_]|[A-Za-z_]")


@dataclass(frozen=True)
class _SseAnswer:
    """The spec's first 2xx streaming answer (SSE before other sequential media types), raw,
    with where it sits and how it is cut into items (`sequences.framing_of`)."""

    media: Mapping[str, Any]
    media_pointer: str
    response: Mapping[str, Any]
    response_pointer: str
    media_type: str = "text/event-stream"
    framing: str = "sse"
    # What the client accepts: JSON Lines and json-seq alike where the answer offers both
    # (the runtime cuts each by the answer's own Content-Type).
    accept: str = "text/event-stream"


@dataclass(frozen=True)
class _Mode:
    field: str  # the body field's python name
    stream_value: JsonValue
    only: bool  # the field allows nothing but the streaming value


def stream_info(
    operation: Operation,
    raw: Mapping[str, Any],
    config: StreamConfig | None,
    schemas: SchemaBuilder,
    document: Mapping[str, Any],
    pointer: str,
    warnings: list[BuildWarning],
) -> StreamInfo | None:
    """`raw` is the operation object and `pointer` where it sits in the spec."""
    answer = _sse_answer(document, raw, pointer)
    if answer is None and config is None:
        return None
    if config is not None and config.mode_field:
        mode: _Mode | None = _configured_mode(operation, config)
    else:
        mode = _detected_mode(operation)
    only_streams = operation.success.kind in ("sse", "sequence")
    if mode is None and not only_streams:
        if config is not None:
            raise BuildError(
                f"cannot tell how {operation.operation_id} chooses streaming",
                f"/streams/{operation.operation_id}",
                "set mode_field and stream_value (config file pointer)",
            )
        warnings.append(BuildWarning(
            "cannot tell how the operation chooses streaming; set `streams:` in the config", pointer))
        return None
    named = _extension_schema(raw, schemas, pointer)
    framing = answer.framing if answer is not None else "sse"
    whole: WholeEvents | None = None
    if config is not None and config.events is not None:
        event_type: TypeRef = NamedType(_configured_events(config, schemas, operation.operation_id))
    elif answer is not None and framing != "sse":
        event_type = _sequence_items(operation, answer, document, schemas, warnings)
    else:
        whole = _whole_events(operation, answer, document, schemas, warnings)
        event_type = whole.type if whole else _inferred_events(
            operation, raw, document, answer, named, schemas, pointer, warnings)
    discriminator = _discriminator(schemas, event_type)
    if whole is not None:
        framing, discriminator = "sse-items", "event"
    # SSE's conventions (keep-alive `ping`, an `error` event, `data: [DONE]`) hold for SSE only,
    # and not for an event the spec types itself.
    conventional = framing in ("sse", "sse-items")
    declared = whole.names if whole else ()
    media = answer.media if answer is not None else {}
    part_types, part_type = sequences.part_types(media, document) if framing == "multipart" else ((), "text/plain")
    implied = StreamInfo(
        event_type=event_type,
        mode_field=mode.field if mode else None,
        stream_value=mode.stream_value if mode else None,
        discriminator=discriminator,
        skip=tuple(e for e in ("ping",) if conventional and e not in declared),
        error=tuple(e for e in ("error",) if conventional and e not in declared),
        terminal_data=("[DONE]",) if conventional else (),
        streams_only=only_streams or mode is None or mode.only,
        framing=framing,
        accept=answer.accept if answer is not None else "text/event-stream",
        json_data=whole.json_data if whole else (),
        part_types=part_types,
        part_type=part_type,
    )
    return implied if config is None else dataclasses.replace(implied, **_configured(config))


def _configured(config: StreamConfig) -> dict[str, Any]:
    """The stream options the config sets: a config for the operation replaces the spec's
    conventions (no `ping` skipped unless it says so), except what it leaves None."""
    found = {option.name: getattr(config, option.name) for option in STREAM_OPTIONS if option.configurable}
    return {name: value for name, value in found.items() if value is not None}


# -- the event type ----------------------------------------------------------


def _configured_events(config: StreamConfig, schemas: SchemaBuilder, operation_id: str) -> str:
    event_name = schemas.component(config.events or "")
    if event_name is None:
        raise BuildError(
            f"stream event schema {config.events!r} is not in components/schemas",
            f"/streams/{operation_id}/events",
            "name a schema from #/components/schemas (config file pointer)",
        )
    return event_name


def _inferred_events(
    operation: Operation,
    raw: Mapping[str, Any],
    document: Mapping[str, Any],
    answer: _SseAnswer | None,
    named: str | None,
    schemas: SchemaBuilder,
    pointer: str,
    warnings: list[BuildWarning],
) -> TypeRef:
    op_id = operation.operation_id
    if answer is not None and "itemSchema" in answer.media:  # the data of each event (see _whole_events)
        hint = naming.class_name(op_id) + "Event"
        return schemas.type_of(answer.media["itemSchema"], pointers.join(answer.media_pointer, "itemSchema"), hint)
    sse = next((r for r in operation.responses if r.kind == "sse" and r.status.startswith("2")), None)
    if sse is not None and sse.type is not None:
        return sse.type
    described = _described_union(raw, answer, schemas, document, pointer)
    if described is not None:
        schema_name, where, others = described
        also = f" (it also names {', '.join(others)})" if others else ""
        warnings.append(BuildWarning(
            f"stream events of {op_id} typed as {schema_name}, the union its description names{also}; "
            f"pin it with `streams: {{{op_id}: {{events: {schema_name}}}}}` in the config", where))
        return NamedType(schemas.component(schema_name) or schema_name)
    if named is not None:
        return NamedType(named)
    warnings.append(BuildWarning(
        "text/event-stream response has no event schema: events arrive as dicts; "
        f"name the schema under `streams:` in the config or with `{EXTENSION}` on the operation", pointer))
    return MapType(AnyType())


def _whole_events(
    operation: Operation, answer: _SseAnswer | None, document: Mapping[str, Any], schemas: SchemaBuilder,
    warnings: list[BuildWarning],
) -> WholeEvents | None:
    """OpenAPI 3.2: an SSE `itemSchema` of SSE fields (event, data, id, retry) types whole events."""
    if answer is None or "itemSchema" not in answer.media:
        return None
    return sequences.whole_events(answer.media["itemSchema"], pointers.join(answer.media_pointer, "itemSchema"),
                                  document, schemas, naming.class_name(operation.operation_id) + "Event", warnings)


def _sequence_items(
    operation: Operation, answer: _SseAnswer, document: Mapping[str, Any], schemas: SchemaBuilder,
    warnings: list[BuildWarning],
) -> TypeRef:
    hint = naming.class_name(operation.operation_id) + "Item"
    found = sequences.sequence_items(answer.media, answer.media_pointer, answer.framing, schemas, hint, document)
    if found is not None:
        return found
    if answer.framing != "multipart":  # a part without a schema is already its JSON, text or bytes
        warnings.append(BuildWarning(
            f"{answer.media_type} stream has no item schema: items arrive as plain JSON values; "
            "give the media type an `itemSchema` (OpenAPI 3.2) or a `schema`", answer.media_pointer))
    return AnyType()


def _described_union(
    raw: Mapping[str, Any], answer: _SseAnswer | None, schemas: SchemaBuilder, document: Mapping[str, Any], pointer: str
) -> tuple[str, str, list[str]] | None:
    """(schema name, pointer of the text, other unions it names) for the most specific
    description that names a union component schema: the media type's, then the
    response's, then the operation's."""
    texts: list[tuple[Any, str]] = []
    if answer is not None:
        schema = answer.media.get("schema")
        if isinstance(schema, Mapping) and "$ref" not in schema:
            texts.append((schema.get("description"), pointers.join(answer.media_pointer, "schema", "description")))
        texts.append((answer.media.get("description"), pointers.join(answer.media_pointer, "description")))
        texts.append((answer.response.get("description"), pointers.join(answer.response_pointer, "description")))
    texts.append((raw.get("description"), pointers.join(pointer, "description")))
    texts.append((raw.get("summary"), pointers.join(pointer, "summary")))
    components = _component_names(document)
    for text, where in texts:
        if not isinstance(text, str):
            continue
        unions = [name for name in dict.fromkeys(_WORD.findall(text)) if name in components and _is_union(schemas, name)]
        if unions:
            return unions[0], where, unions[1:]
    return None


def _component_names(document: Mapping[str, Any]) -> frozenset[str]:
    components = document.get("components")
    found = components.get("schemas") if isinstance(components, Mapping) else None
    return frozenset(map(str, found)) if isinstance(found, Mapping) else frozenset()


def _is_union(schemas: SchemaBuilder, schema_name: str) -> bool:
    python_name = schemas.component(schema_name)
    return python_name is not None and isinstance(schemas.definition(python_name), UnionDef)


def _extension_schema(raw: Mapping[str, Any], schemas: SchemaBuilder, pointer: str) -> str | None:
    """The Python name of the schema `x-stream-events` names (a name or a $ref), checked."""
    if EXTENSION not in raw:
        return None
    value = raw[EXTENSION]
    ref = value.get("$ref") if isinstance(value, Mapping) else value
    schema_name = ref[len(_SCHEMA_REF):] if isinstance(ref, str) and ref.startswith(_SCHEMA_REF) else ref
    python_name = schemas.component(schema_name) if isinstance(schema_name, str) and "/" not in schema_name else None
    if python_name is None:
        raise BuildError(
            f"{EXTENSION} names {value!r}, which is not a schema in components/schemas",
            pointers.join(pointer, EXTENSION),
            f"write `{EXTENSION}: SchemaName` or `{EXTENSION}: {{$ref: '{_SCHEMA_REF}SchemaName'}}`",
        )
    return python_name


def _discriminator(schemas: SchemaBuilder, event_type: TypeRef) -> str:
    """The property that tags each event: the union's, else Dify's and OpenAI's `event`
    (with the SSE event name as the fallback at run time)."""
    definition = schemas.definition(event_type.name) if isinstance(event_type, NamedType) else None
    if isinstance(definition, UnionDef) and definition.discriminator and definition.discriminator.by == "property":
        return definition.discriminator.property
    return "event"


def _sse_answer(document: Mapping[str, Any], raw: Mapping[str, Any], pointer: str) -> _SseAnswer | None:
    responses = raw.get("responses")
    if not isinstance(responses, Mapping):
        return None
    for status in sorted(map(str, responses)):
        if not status.startswith("2"):
            continue
        response, where = pointers.deref(document, responses[status], pointers.join(pointer, "responses", status))
        content = response.get("content") if isinstance(response, Mapping) else None
        if not isinstance(content, Mapping):
            continue
        framings = {media_type: framing for media_type, media in content.items() if isinstance(media, Mapping)
                    and (framing := sequences.framing_of(media_type, media)) is not None}
        if framings:
            media_type = min(framings, key=lambda m: (framings[m] != "sse", m))  # SSE first
            framing = framings[media_type]
            records = ("jsonl", "json-seq")
            # Every record media type offered, JSON Lines first: the simpler framing, and the one
            # mock servers (Prism) can write.
            offered = sorted((m for m in framings if framing in records and framings[m] in records),
                             key=lambda m: framings[m] != "jsonl") or [media_type]
            accepted = dict.fromkeys(m.split(";")[0].strip() for m in offered)
            return _SseAnswer(content[media_type], pointers.join(where, "content", media_type), response, where,
                              media_type.split(";")[0].strip(), framing, ", ".join(accepted))
    return None


# -- the mode ------------------------------------------------------------------


def _configured_mode(operation: Operation, config: StreamConfig) -> _Mode:
    for field in operation.body.fields if operation.body else ():
        if field.wire_name == config.mode_field:
            values = _values(field)
            return _Mode(field.python_name, config.stream_value, values == (config.stream_value,))
    raise BuildError(
        f"stream mode field {config.mode_field!r} is not a body field of {operation.operation_id}",
        f"/streams/{operation.operation_id}/mode_field",
        "name a property of the request body (config file pointer)",
    )


def _detected_mode(operation: Operation) -> _Mode | None:
    """`stream: true` (a boolean, nullable or not) or an enum offering "streaming":
    the two conventions in the wild (OpenAI and most LLM APIs; Dify)."""
    for field in operation.body.fields if operation.body else ():
        values = _values(field)
        if field.wire_name == "stream" and values is not None and True in values:
            return _Mode(field.python_name, True, values == (True,))
        if values is not None and "streaming" in values:
            return _Mode(field.python_name, "streaming", values == ("streaming",))
    return None


def _values(field: Field) -> tuple[JsonValue, ...] | None:
    """The values the field allows, when it is a boolean or an enum (null aside)."""
    kind = strip_nullable(field.type)
    if kind == PrimitiveType("bool"):
        return (True, False)
    if isinstance(kind, LiteralType):
        return tuple(v for v in kind.values if not isinstance(v, float))
    return None
