"""`streams.<op>.spans` and `.span_logs`: the events a run's trace is built from, checked.

Each span kind's `open` and `close` must be events of the stream (tags of its
discriminated union, when it has a mapping), its `id` a field of the events, its
`parent` kinds other span kinds; each logged event likewise, on a span kind of the
config. Errors carry the config pointer.
"""

from __future__ import annotations

from generator.builder.errors import BuildError
from generator.builder.schemas import SchemaBuilder
from generator.builder.stops import check_field
from generator.config import SpanConfig, SpanLogConfig, StreamConfig
from generator.ir import NamedType, SpanInfo, SpanLogInfo, UnionDef
from generator.ir.types import TypeRef

_FIELDS = ("name", "status", "inputs", "outputs", "elapsed", "tokens", "error")


def span_infos(
    operation_id: str, config: StreamConfig, event_type: TypeRef, schemas: SchemaBuilder
) -> tuple[tuple[SpanInfo, ...], tuple[SpanLogInfo, ...]]:
    pointer = f"/streams/{operation_id}"
    tags = _tags(event_type, schemas)
    kinds = set(config.spans)
    spans = tuple(_span(str(kind), config.spans[kind], kinds, tags, event_type, schemas, f"{pointer}/spans/{kind}")
                  for kind in config.spans)
    logs = tuple(_log(str(event), config.span_logs[event], kinds, tags, event_type, schemas,
                      f"{pointer}/span_logs/{event}") for event in sorted(config.span_logs))
    return spans, logs


def _span(kind: str, span: SpanConfig, kinds: set[str], tags: frozenset[str] | None, event_type: TypeRef,
          schemas: SchemaBuilder, pointer: str) -> SpanInfo:
    for key in ("open", "close"):
        _check_event(getattr(span, key), tags, f"{pointer}/{key}")
    check_field("span id", span.id, event_type, schemas, f"{pointer}/id")
    for parent in span.parent:
        if parent not in kinds:
            raise BuildError(f"parent {parent!r} is not a span kind of this stream", f"{pointer}/parent/{parent}",
                             f"span kinds: {', '.join(sorted(kinds))} (config file pointer)")
    fields = tuple((name, getattr(span, name)) for name in _FIELDS if getattr(span, name) is not None)
    return SpanInfo(kind, span.open, span.close, span.id, span.key,
                    tuple((str(k), str(v)) for k, v in span.parent.items()), fields)


def _log(event: str, log: SpanLogConfig, kinds: set[str], tags: frozenset[str] | None, event_type: TypeRef,
         schemas: SchemaBuilder, pointer: str) -> SpanLogInfo:
    _check_event(event, tags, pointer)
    if log.span not in kinds:
        raise BuildError(f"span {log.span!r} is not a span kind of this stream", f"{pointer}/span",
                         f"span kinds: {', '.join(sorted(kinds)) or '(none: add spans)'} (config file pointer)")
    check_field("span log id", log.id, event_type, schemas, f"{pointer}/id")
    return SpanLogInfo(event, log.span, log.id, log.label, log.status)


def _check_event(event: str, tags: frozenset[str] | None, pointer: str) -> None:
    if tags is not None and event not in tags:
        raise BuildError(f"{event!r} is not an event of this stream", pointer,
                         f"events: {', '.join(sorted(tags))} (config file pointer)")


def _tags(event_type: TypeRef, schemas: SchemaBuilder) -> frozenset[str] | None:
    """The events the stream's union names (None when it names none: any tag passes)."""
    definition = schemas.definition(event_type.name) if isinstance(event_type, NamedType) else None
    if isinstance(definition, UnionDef) and definition.discriminator and definition.discriminator.mapping:
        return frozenset(tag for tag, _ in definition.discriminator.mapping)
    return None
