"""A run's trace from the events of its stream: spans opened and closed by event pairs.

A `TraceSpec` (emitted from the config's `streams.<op>.spans`) names, for each kind of
span, the event that opens it, the event that closes it and where both carry its id;
Dify's `workflow_started`/`workflow_finished`, `node_started`/`node_finished`,
`iteration_started`/`iteration_completed`... A span's other fields (name, status,
inputs, outputs, elapsed time, tokens, error) are read from its closing event, else
its opening one. A span nests under the open span of a kind its `parent` paths name
(a node in an iteration), else under the outermost open span (the workflow). Log
events (Dify's `agent_log`) are attached to the span whose id they name.

`Stream.until_done().trace` is the tree; `trace.render()` a short text of it for logs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Tuple

from ._stop import field_at

__all__ = ["SpanSpec", "LogSpec", "TraceSpec", "Span", "SpanLog", "Trace", "Tracer"]

# The span fields read from its events, in the order render() shows them.
FIELDS = ("name", "status", "inputs", "outputs", "elapsed", "tokens", "error")


@dataclass(frozen=True)
class SpanSpec:
    """One kind of span: `open`/`close` event tags, `id` a dotted path in both."""

    kind: str
    open: str
    close: str
    id: str
    # What children name in their `parent` paths (default: the id).
    key: Optional[str] = None
    # (parent kind, dotted path in the opening event to that span's key), first match wins.
    parent: Tuple[Tuple[str, str], ...] = ()
    # (span field, dotted path in the events), span fields as in FIELDS.
    fields: Tuple[Tuple[str, str], ...] = ()


@dataclass(frozen=True)
class LogSpec:
    """Events attached to a span as log lines: the span of `span` kind whose id (or key)
    is at `id`, with a `label` path for render()."""

    event: str
    span: str
    id: str
    label: Optional[str] = None
    status: Optional[str] = None


@dataclass(frozen=True)
class TraceSpec:
    spans: Tuple[SpanSpec, ...] = ()
    logs: Tuple[LogSpec, ...] = ()


@dataclass
class SpanLog:
    event: str
    label: Optional[str] = None
    status: Optional[str] = None
    data: Dict[str, Any] = field(default_factory=dict)


@dataclass
class Span:
    kind: str
    id: str
    name: Optional[str] = None
    status: Optional[str] = None
    inputs: Any = None
    outputs: Any = None
    elapsed: Optional[float] = None
    tokens: Optional[int] = None
    error: Optional[str] = None
    closed: bool = False
    children: List["Span"] = field(default_factory=list)
    logs: List[SpanLog] = field(default_factory=list)

    def render(self, depth: int = 0) -> List[str]:
        shown = [self.status or ("running" if not self.closed else None)]
        if self.elapsed is not None:
            shown.append(f"{self.elapsed:.2f}s")
        if self.tokens:
            shown.append(f"{self.tokens} tokens")
        if self.error:
            shown.append(f"error: {self.error}")
        details = ", ".join(s for s in shown if s)
        lines = [
            f"{'  ' * depth}{self.kind} {self.name or self.id}"
            + (f": {details}" if details else "")
        ]
        for log in self.logs:
            status = f" ({log.status})" if log.status else ""
            lines.append(f"{'  ' * (depth + 1)}log {log.label or log.event}{status}")
        for child in self.children:
            lines += child.render(depth + 1)
        return lines


@dataclass
class Trace:
    """The spans of one run, in the order they opened."""

    spans: List[Span] = field(default_factory=list)

    def render(self) -> str:
        return "\n".join(line for span in self.spans for line in span.render())

    def walk(self) -> List[Span]:
        """Every span, depth first."""
        found: List[Span] = []
        pending = list(reversed(self.spans))
        while pending:
            span = pending.pop()
            found.append(span)
            pending += reversed(span.children)
        return found


class Tracer:
    """Builds a Trace from the events of one stream, as they pass."""

    def __init__(self, spec: TraceSpec) -> None:
        self.spec = spec
        self.trace = Trace()
        self._open: List[Tuple[SpanSpec, Span, Optional[str]]] = []  # (spec, span, key)
        self._seen: Dict[Tuple[str, str], Span] = {}  # (kind, id or key) -> latest span

    def see(self, tag: object, payload: Mapping[str, Any]) -> None:
        for spec in self.spec.spans:
            if tag == spec.open:
                self._opened(spec, payload)
            elif tag == spec.close:
                self._closed(spec, payload)
        for log in self.spec.logs:
            if tag == log.event:
                span = self._seen.get((log.span, _text(field_at(payload, log.id)) or ""))
                if span is not None:
                    label, status = (
                        _text(field_at(payload, p)) if p else None for p in (log.label, log.status)
                    )
                    span.logs.append(SpanLog(log.event, label, status, dict(payload)))

    def _opened(self, spec: SpanSpec, payload: Mapping[str, Any]) -> None:
        span_id = _text(field_at(payload, spec.id)) or ""
        key = _text(field_at(payload, spec.key)) if spec.key else span_id
        span = Span(spec.kind, span_id)
        _read(span, spec, payload)
        parent = self._parent(spec, payload)
        (parent.children if parent is not None else self.trace.spans).append(span)
        self._open.append((spec, span, key))
        for name in (span_id, key):
            if name:
                self._seen[(spec.kind, name)] = span

    def _parent(self, spec: SpanSpec, payload: Mapping[str, Any]) -> Optional[Span]:
        for kind, path in spec.parent:
            wanted = _text(field_at(payload, path))
            for other, span, key in reversed(self._open):
                if wanted and other.kind == kind and wanted in (span.id, key):
                    return span
        return self._open[0][1] if self._open else None

    def _closed(self, spec: SpanSpec, payload: Mapping[str, Any]) -> None:
        span_id = _text(field_at(payload, spec.id))
        for index in range(len(self._open) - 1, -1, -1):
            other, span, _ = self._open[index]
            if other.kind == spec.kind and span.id == span_id:
                _read(span, spec, payload)
                span.closed = True
                del self._open[index]
                return


def _read(span: Span, spec: SpanSpec, payload: Mapping[str, Any]) -> None:
    """The span's fields from one of its events (the closing one overrides the opening one)."""
    for name, path in spec.fields:
        value = field_at(payload, path)
        if value is not None and name in FIELDS:
            if name in ("name", "status", "error"):
                value = _text(value)
            setattr(span, name, value)


def _text(value: Any) -> Optional[str]:
    return str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
