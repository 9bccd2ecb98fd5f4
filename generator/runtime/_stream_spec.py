"""What the generator says about one operation's stream (`StreamSpec`), and what
`until_done()` returns (`StreamResult`); read by _streaming.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Optional, Tuple, TypeVar

from ._stop import StopSpec
from ._trace import Trace, TraceSpec

__all__ = ["StreamSpec", "StreamResult"]

T = TypeVar("T")


@dataclass(frozen=True)
class StreamSpec:
    """How to read one operation's event stream (emitted by the generator)."""

    discriminator: str = "event"
    skip: frozenset[str] = frozenset({"ping"})
    error: frozenset[str] = frozenset({"error"})
    # Events that mark a complete stream; empty disables the check.
    terminal: frozenset[str] = frozenset()
    text_event: Optional[str] = None
    text_field: Optional[str] = None
    # An event whose text_field replaces all text so far (e.g. moderation).
    replace_event: Optional[str] = None
    final_event: Optional[str] = None
    # `data:` payloads that end the stream cleanly (they are not events).
    terminal_data: frozenset[str] = frozenset({"[DONE]"})
    # How the body is cut into items: "sse" (each event's data is one item), "sse-items"
    # (each event is one item: event, data, id, retry), "jsonl", "json-seq" or "multipart".
    framing: str = "sse"
    accept: str = "text/event-stream"
    # "sse-items": the events whose data is JSON text to decode ("*": every event).
    json_data: frozenset[str] = frozenset()
    # "multipart": the Content-Type of a part that names none, by position, then for the rest.
    part_types: Tuple[str, ...] = ()
    part_type: str = "text/plain"
    # Which operation stops the task of an abandoned stream (see _stop.py).
    stop: Optional[StopSpec] = None
    # The spans that until_done() builds its trace of (see _trace.py).
    trace: Optional[TraceSpec] = None


@dataclass
class StreamResult(Generic[T]):
    text: str = ""
    final: Optional[T] = None
    events: int = 0
    trace: Optional[Trace] = None
