"""The module constants that describe a method to the runtime, as `(callee, arguments)` for
`Constants.add`: a stream (`StreamSpec`), what stops its task (`StopSpec`), the trace built
from its events (`TraceSpec`), and paging (`PageSpec`)."""

from __future__ import annotations

from typing import Any

from generator.emit.views import literals
from generator.ir import Operation, StopInfo
from generator.ir.operations import STREAM_OPTIONS, StreamShape


def stream_spec(op: Operation, stop_spec: str | None = None, trace_spec: str | None = None) -> tuple[str, list[str]]:
    assert op.stream is not None
    parts = []
    for option in STREAM_OPTIONS:
        value = getattr(op.stream, option.name)
        if option.always_said or value != option.runtime_default:  # else the runtime's default, left unsaid
            parts.append(f"{option.name}={_stream_value(option.shape, value)}")
    if stop_spec is not None:
        parts.append(f"stop={stop_spec}")
    if trace_spec is not None:
        parts.append(f"trace={trace_spec}")
    return "StreamSpec", parts


def _stream_value(shape: StreamShape, value: Any) -> str:
    if shape == "name":
        return literals.string(value)
    if shape == "optional name":
        return _optional_string(value)
    shown = [literals.string(v) for v in value]
    if shape == "names":
        return "frozenset({" + ", ".join(shown) + "})" if shown else "frozenset()"
    return f"({shown[0]},)" if len(shown) == 1 else f"({', '.join(shown)})"


def trace_spec(op: Operation) -> tuple[str, list[str]]:
    assert op.stream is not None

    def pairs(values: tuple[tuple[str, str], ...]) -> str:
        shown = [f"({literals.string(a)}, {literals.string(b)})" for a, b in values]
        return f"({shown[0]},)" if len(shown) == 1 else f"({', '.join(shown)})"

    spans = []
    for span in op.stream.spans:
        args = [f"kind={literals.string(span.kind)}", f"open={literals.string(span.open)}",
                f"close={literals.string(span.close)}", f"id={literals.string(span.id)}"]
        if span.key is not None:
            args.append(f"key={literals.string(span.key)}")
        if span.parent:
            args.append(f"parent={pairs(span.parent)}")
        if span.fields:
            args.append(f"fields={pairs(span.fields)}")
        spans.append(f"SpanSpec({', '.join(args)})")
    logs = []
    for log in op.stream.span_logs:
        args = [f"event={literals.string(log.event)}", f"span={literals.string(log.span)}",
                f"id={literals.string(log.id)}"]
        args += [f"{name}={literals.string(value)}" for name, value in (("label", log.label), ("status", log.status))
                 if value is not None]
        logs.append(f"LogSpec({', '.join(args)})")

    def tuple_of(items: list[str]) -> str:
        return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"

    parts = [f"spans={tuple_of(spans)}"] if spans else []
    if logs:
        parts.append(f"logs={tuple_of(logs)}")
    return "TraceSpec", parts


def stop_spec(stop: StopInfo) -> tuple[str, list[str]]:
    parts = [f"method={literals.string(stop.method)}", f"path={literals.string(stop.path)}",
             f"task_id_field={literals.string(stop.task_id_field)}",
             f"task_id_param={literals.string(stop.task_id_param)}"]
    if stop.task_id_in != "path":
        parts.append(f"task_id_in={literals.string(stop.task_id_in)}")
    if stop.copy_fields:
        shown = [literals.string(name) for name in stop.copy_fields]
        parts.append(f"copy_fields=({shown[0]},)" if len(shown) == 1 else f"copy_fields=({', '.join(shown)})")
    return "StopSpec", parts


def page_spec(op: Operation) -> tuple[str, list[str]]:
    assert op.page is not None
    p = op.page
    parts = [f"style={literals.string(p.style)}", f"items_field={literals.string(p.items_field)}",
             f"has_more_field={_optional_string(p.has_more_field)}"]
    if p.limit_param:
        parts.append(f"limit_param={literals.string(p.limit_param)}")
    if p.style == "cursor":
        parts += [f"cursor_param={literals.string(p.cursor_param or 'last_id')}",
                  f"cursor_item_field={literals.string(p.cursor_item_field or 'id')}",
                  f"cursor_from={literals.string(p.cursor_from)}"]
    else:
        parts += [f"page_param={literals.string(p.page_param or 'page')}",
                  f"total_field={_optional_string(p.total_field)}"]
    return "PageSpec", parts


def _optional_string(value: str | None) -> str:
    return "None" if value is None else literals.string(value)
