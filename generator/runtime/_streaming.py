"""Streams of typed items: Server-Sent Events of JSON objects tagged by a discriminator
field, SSE events typed as a whole (OpenAPI 3.2 `itemSchema`: event, data, id, retry),
JSON Lines / NDJSON, JSON text sequences (RFC 7464) and `multipart/mixed` parts.

A truncated answer must never look like a complete one: a dropped connection
raises APIConnectionError, and a clean end without a terminal event raises
IncompleteStreamError. A `data: [DONE]` line (OpenAI's convention; see
`StreamSpec.terminal_data`) ends a stream cleanly.

Leaving a `for` loop early closes the response at once, without `with`: the
loop holds the only reference to a generator that closes it, and nothing
here refers back to the stream, so no garbage collector is needed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from types import TracebackType
from typing import (
    Any,
    AsyncGenerator,
    Callable,
    AsyncIterator,
    Dict,
    Generator,
    Generic,
    Iterator,
    List,
    Optional,
    Tuple,
    Union,
    Type,
    TypeVar,
    cast,
)

import httpx
import pydantic
from httpx_sse import EventSource, ServerSentEvent, SSEError

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    IncompleteStreamError,
    StreamError,
)
from ._parsing import validation_summary
from ._sequences import (
    answer_framing,
    Message,
    Parts,
    amessages,
    decode_part,
    decode_record,
    messages,
)
from ._stop import Stopper
from ._stream_spec import StreamResult, StreamSpec
from ._trace import Trace, Tracer

__all__ = ["StreamSpec", "StreamResult", "Stream", "AsyncStream"]

T = TypeVar("T")


@dataclass
class _State(Generic[T]):
    """What both stream flavours accumulate while events pass by."""

    spec: StreamSpec
    adapter: "pydantic.TypeAdapter[T]"
    response: httpx.Response
    count: int = 0
    saw_terminal: bool = False
    text_parts: List[str] = field(default_factory=list)
    final: Optional[T] = None
    framing: str = ""  # how this answer is cut: the spec's, or the answer's own record type
    stopper: Optional[Stopper] = None
    tracer: Optional[Tracer] = None

    def __post_init__(self) -> None:
        self.framing = answer_framing(self.spec.framing, self.response)
        self.tracer = Tracer(self.spec.trace) if self.spec.trace is not None else None

    def ends(self, sse: Union[ServerSentEvent, Message]) -> bool:
        """A terminal data line such as `[DONE]`: the stream is complete."""
        if sse.data.strip() in self.spec.terminal_data:
            self.saw_terminal = True
            return True
        return False

    def handle(self, sse: Union[ServerSentEvent, Message]) -> Tuple[bool, Optional[T]]:
        """Returns (yield_it, item) for one SSE message (or record)."""
        spec = self.spec
        if spec.framing == "sse-items":
            return self._handle_event(sse)
        if isinstance(sse, Message):
            return self._handle_record(sse)
        event, data = sse.event, sse.data
        if event in spec.skip or not data.strip():
            return False, None
        try:
            payload: Any = json.loads(data)
            is_json = True
        except ValueError:
            payload, is_json = data, False
        tag = payload.get(spec.discriminator, event) if type(payload) is dict else event
        if tag in spec.skip:
            return False, None
        if tag in spec.error:
            raise self._error(payload)
        try:
            item = self.adapter.validate_python(payload)
        except pydantic.ValidationError as exc:
            item = self._as_text(data, payload, is_json, tag, exc)
        self.count += 1
        if tag in spec.terminal:
            self.saw_terminal = True
        if type(payload) is dict:
            self._accumulate(tag, payload, item)
        return True, item

    def _handle_event(self, sse: Union[ServerSentEvent, Message]) -> Tuple[bool, Optional[T]]:
        """The whole event is the item; its data is decoded where the spec says it is JSON."""
        spec, event = self.spec, sse.event
        # The SSE standard dispatches no event without data (a comment, a lone `id:`).
        if event in spec.skip or not sse.data:
            return False, None
        data: Any = sse.data
        if "*" in spec.json_data or event in spec.json_data:
            try:
                data = json.loads(sse.data)
            except ValueError as exc:
                raise APIResponseValidationError(
                    f"stream event {event!r}: data is not JSON: {sse.data[:100]!r}",
                    response=self.response,
                ) from exc
        if event in spec.error:
            raise self._error(data)
        fields: Dict[str, Any] = {"event": event, "data": data}
        if sse.id:
            fields["id"] = sse.id
        if sse.retry is not None:
            fields["retry"] = sse.retry
        return True, self._counted(event, self._validate(fields, event))

    def _handle_record(self, record: Message) -> Tuple[bool, Optional[T]]:
        """One JSON Lines / json-seq record: one item."""
        payload = decode_record(record, self.framing, self.response)
        tag = payload.get(self.spec.discriminator) if type(payload) is dict else None
        if tag in self.spec.skip:
            return False, None
        if tag in self.spec.error:
            raise self._error(payload)
        return True, self._counted(tag, self._validate(payload, f"record {self.count + 1}"))

    def part(self, index: int, headers: Dict[str, str], body: bytes) -> T:
        """One multipart part, decoded by its Content-Type (else the spec's for its position)."""
        spec = self.spec
        declared = spec.part_types[index] if index < len(spec.part_types) else spec.part_type
        payload = decode_part(index, headers, body, declared, self.response)
        return self._counted(None, self._validate(payload, f"part {index}"))

    def _validate(self, payload: Any, what: object) -> T:
        try:
            return self.adapter.validate_python(payload)
        except pydantic.ValidationError as exc:
            raise APIResponseValidationError(
                f"stream item {what!r} does not match the schema: {validation_summary(exc)}",
                response=self.response,
                body=payload,
            ) from exc

    def _counted(self, tag: object, item: T) -> T:
        self.count += 1
        if tag is not None and tag in self.spec.terminal:
            self.saw_terminal = True
        if tag is not None and tag == self.spec.final_event:
            self.final = item
        return item

    def _as_text(
        self,
        data: str,
        payload: Any,
        is_json: bool,
        tag: object,
        exc: pydantic.ValidationError,
    ) -> T:
        """The event as its raw text, where the event type takes strings (a token stream);
        `data: 42` is the text "42" there, not the number."""
        if type(payload) is not dict:
            try:
                return self.adapter.validate_python(data)
            except pydantic.ValidationError:
                pass
        if not is_json:
            raise APIResponseValidationError(
                f"stream event is not JSON: {data[:100]!r}", response=self.response
            ) from exc
        raise APIResponseValidationError(
            f"stream event {tag!r} does not match the schema: {validation_summary(exc)}",
            response=self.response,
            body=payload,
        ) from exc

    def _accumulate(self, tag: object, payload: Dict[str, Any], item: T) -> None:
        spec = self.spec
        if tag is not None and tag == spec.text_event and spec.text_field:
            text = payload.get(spec.text_field)
            if isinstance(text, str):
                self.text_parts.append(text)
        if tag is not None and tag == spec.replace_event and spec.text_field:
            text = payload.get(spec.text_field)
            if isinstance(text, str):
                self.text_parts = [text]
        if tag is not None and tag == spec.final_event:
            self.final = item
        if self.stopper is not None:
            self.stopper.see(payload)
        if self.tracer is not None:
            self.tracer.see(tag, payload)

    def _error(self, payload: Any) -> StreamError:
        self.saw_terminal = True  # the server's task is over: nothing left to stop
        return StreamError.from_event(payload, self.response)

    def transport_error(self, exc: Exception) -> APIConnectionError:
        request = self.response.request
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(f"stream timed out after {self.count} events", request)
        return APIConnectionError(f"stream interrupted after {self.count} events: {exc}", request)

    def finish(self, parts: Optional[Parts] = None) -> None:
        if parts is not None and not parts.done:
            raise IncompleteStreamError(
                f"multipart stream ended after {self.count} parts without its closing delimiter",
                self.response.request,
            )
        if self.spec.terminal and not self.saw_terminal:
            expected = ", ".join(sorted(self.spec.terminal))
            raise IncompleteStreamError(
                f"stream ended after {self.count} events without a terminal event ({expected})",
                self.response.request,
            )

    def result(self) -> StreamResult[T]:
        trace = self.tracer.trace if self.tracer is not None else None
        return StreamResult("".join(self.text_parts), self.final, self.count, trace)


def _not_sse(state: _State[Any], exc: SSEError) -> APIResponseValidationError:
    return APIResponseValidationError(f"expected an event stream: {exc}", response=state.response)


def _events(response: httpx.Response, state: _State[T]) -> Generator[T, None, None]:
    parts: Optional[Parts] = None
    try:
        if state.spec.framing == "multipart":
            parts, index = Parts.of(state.response), 0
            for chunk in response.iter_bytes():
                for headers, body in parts.feed(chunk):
                    yield state.part(index, headers, body)
                    index += 1
        for sse in messages(response, state.framing) if parts is None else ():
            if state.ends(sse):
                break
            wanted, item = state.handle(sse)
            if wanted:
                yield cast(T, item)
    except SSEError as exc:
        raise _not_sse(state, exc) from exc
    except httpx.TransportError as exc:
        raise state.transport_error(exc) from exc
    finally:
        response.close()
    state.finish(parts)


def _closing(events: Generator[T, None, None], response: httpx.Response) -> Iterator[T]:
    """What a `for` loop iterates: dropped by a `break`, it closes the response."""
    try:
        yield from events
    finally:
        events.close()
        response.close()


async def _aevents(response: httpx.Response, state: _State[T]) -> AsyncGenerator[T, None]:
    parts: Optional[Parts] = None
    try:
        if state.spec.framing == "multipart":
            parts, index = Parts.of(state.response), 0
            async for chunk in response.aiter_bytes():
                for headers, body in parts.feed(chunk):
                    yield state.part(index, headers, body)
                    index += 1
        else:
            async for sse in amessages(response, state.framing):
                if state.ends(sse):
                    break
                wanted, item = state.handle(sse)
                if wanted:
                    yield cast(T, item)
    except SSEError as exc:
        raise _not_sse(state, exc) from exc
    except httpx.TransportError as exc:
        raise state.transport_error(exc) from exc
    finally:
        await response.aclose()
    state.finish(parts)


async def _aclosing(events: AsyncGenerator[T, None], response: httpx.Response) -> AsyncIterator[T]:
    """Async twin of _closing: the event loop closes it as soon as a `break` drops it.
    It leaves `events` alone: `AsyncStream.aclose()` may be closing that one already."""
    try:
        async for item in events:
            yield item
    finally:
        await response.aclose()


class Stream(Generic[T]):
    """Iterate events; leaving the loop early (or ``with``) releases the connection."""

    def __init__(
        self,
        *,
        response: httpx.Response,
        adapter: "pydantic.TypeAdapter[T]",
        spec: StreamSpec,
        stop: Optional[Callable[[str], Any]] = None,
    ) -> None:
        self.response = response
        self._state = _State(spec=spec, adapter=adapter, response=response)
        if spec.stop is not None and stop is not None:
            self._state.stopper = Stopper(spec.stop, stop)
        self._iterator = _events(response, self._state)

    def __iter__(self) -> Iterator[T]:
        return _closing(self._iterator, self.response)

    def __next__(self) -> T:
        return next(self._iterator)

    def until_done(self) -> StreamResult[T]:
        """Consume the rest of the stream; returns accumulated text and final event."""
        for _ in self._iterator:  # what __next__ does, without a call per event
            pass
        return self._state.result()

    def text(self) -> str:
        return self.until_done().text

    @property
    def trace(self) -> Optional[Trace]:
        """The run's spans so far (StreamSpec.trace); None without spans."""
        return self._state.tracer.trace if self._state.tracer is not None else None

    def close(self) -> None:
        """Release the connection; an abandoned stream's task is stopped (StreamSpec.stop)."""
        self._iterator.close()
        self.response.close()
        if self._state.stopper is not None:
            self._state.stopper.stop(self._state.saw_terminal)

    def __enter__(self) -> Stream[T]:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()


class AsyncStream(Generic[T]):
    """Async twin of Stream; leaving ``async for`` early releases the connection."""

    def __init__(
        self,
        *,
        response: httpx.Response,
        adapter: "pydantic.TypeAdapter[T]",
        spec: StreamSpec,
        stop: Optional[Callable[[str], Any]] = None,
    ) -> None:
        self.response = response
        self._state = _State(spec=spec, adapter=adapter, response=response)
        if spec.stop is not None and stop is not None:
            self._state.stopper = Stopper(spec.stop, stop)
        self._iterator = _aevents(response, self._state)

    def __aiter__(self) -> AsyncIterator[T]:
        return _aclosing(self._iterator, self.response)

    async def __anext__(self) -> T:
        return await self._iterator.__anext__()

    async def until_done(self) -> StreamResult[T]:
        async for _ in self._iterator:
            pass
        return self._state.result()

    async def text(self) -> str:
        return (await self.until_done()).text

    @property
    def trace(self) -> Optional[Trace]:
        """The run's spans so far (StreamSpec.trace); None without spans."""
        return self._state.tracer.trace if self._state.tracer is not None else None

    async def aclose(self) -> None:
        await self._iterator.aclose()
        await self.response.aclose()
        if self._state.stopper is not None:
            await self._state.stopper.astop(self._state.saw_terminal)

    async def __aenter__(self) -> AsyncStream[T]:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.aclose()
