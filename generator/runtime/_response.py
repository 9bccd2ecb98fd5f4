"""Raw and streamed access to HTTP responses.

Generated resources expose ``with_raw_response`` / ``with_streaming_response``
by wrapping their methods with the wrappers below.  A wrapper does not change
the method's arguments: it sets a context variable that the *first* request
issued inside the call picks up, and the client then returns an
``APIResponse`` instead of the parsed value.  Context variables follow both
threads and asyncio tasks, so concurrent calls do not see each other's mode.
"""

from __future__ import annotations

import contextvars
import functools
import os
from types import TracebackType
from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    Generic,
    Iterator,
    Optional,
    Type,
    TypeVar,
    Union,
    cast,
)

import httpx
from typing_extensions import Literal, ParamSpec

__all__ = [
    "APIResponse",
    "AsyncAPIResponse",
    "BinaryResponse",
    "AsyncBinaryResponse",
    "ResponseContextManager",
    "AsyncResponseContextManager",
    "to_raw_response_wrapper",
    "async_to_raw_response_wrapper",
    "to_streamed_response_wrapper",
    "async_to_streamed_response_wrapper",
    "ResponseMode",
    "take_response_mode",
]

T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")

ResponseMode = Literal["parsed", "raw", "stream"]
_MODE: contextvars.ContextVar[ResponseMode] = contextvars.ContextVar(
    "response_mode", default="parsed"
)


def take_response_mode() -> ResponseMode:
    """Read and clear the mode so nested requests (next pages) parse normally."""
    mode = _MODE.get()
    if mode != "parsed":
        _MODE.set("parsed")
    return mode


class _ResponseInfo:
    http_response: httpx.Response

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def request_id(self) -> Optional[str]:
        headers = self.http_response.headers
        value: Optional[str] = headers.get("x-request-id") or headers.get("request-id")
        return value

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.http_response.request.method}>"


class APIResponse(_ResponseInfo, Generic[T]):
    """A response plus the parser the generated method would have applied.

    ``lazy`` parsers (SSE streams) consume the body themselves; all others
    need the whole body, which ``parse()`` reads first.
    """

    def __init__(
        self, http_response: httpx.Response, parser: Callable[[httpx.Response], T], *, lazy: bool
    ) -> None:
        self.http_response = http_response
        self._parser = parser
        self._lazy = lazy
        self._parsed: Optional[T] = None
        self._done = False

    def parse(self) -> T:
        if not self._done:
            if not self._lazy:
                self.http_response.read()
            self._parsed = self._parser(self.http_response)
            self._done = True
        return cast(T, self._parsed)

    def read(self) -> bytes:
        return self.http_response.read()

    def text(self) -> str:
        self.http_response.read()
        return self.http_response.text

    def json(self) -> Any:
        self.http_response.read()
        return self.http_response.json()

    def iter_bytes(self, chunk_size: Optional[int] = None) -> Iterator[bytes]:
        return self.http_response.iter_bytes(chunk_size)

    def write_to_file(self, path: Union[str, "os.PathLike[str]"]) -> int:
        """Stream the body to ``path`` without holding it in memory; returns bytes written."""
        written = 0
        with open(path, "wb") as handle:
            for chunk in self.http_response.iter_bytes():
                handle.write(chunk)
                written += len(chunk)
        return written

    def close(self) -> None:
        self.http_response.close()

    def __enter__(self) -> APIResponse[T]:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()


class AsyncAPIResponse(_ResponseInfo, Generic[T]):
    """Async twin of APIResponse: body access is awaited."""

    def __init__(
        self, http_response: httpx.Response, parser: Callable[[httpx.Response], T], *, lazy: bool
    ) -> None:
        self.http_response = http_response
        self._parser = parser
        self._lazy = lazy
        self._parsed: Optional[T] = None
        self._done = False

    async def parse(self) -> T:
        if not self._done:
            if not self._lazy:
                await self.http_response.aread()
            self._parsed = self._parser(self.http_response)
            self._done = True
        return cast(T, self._parsed)

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def text(self) -> str:
        await self.http_response.aread()
        return self.http_response.text

    async def json(self) -> Any:
        await self.http_response.aread()
        return self.http_response.json()

    def iter_bytes(self, chunk_size: Optional[int] = None) -> AsyncIterator[bytes]:
        return self.http_response.aiter_bytes(chunk_size)

    async def write_to_file(self, path: Union[str, "os.PathLike[str]"]) -> int:
        # Disk writes stay synchronous: chunks are small and this avoids a
        # thread-pool dependency; the network reads are what must not block.
        written = 0
        with open(path, "wb") as handle:
            async for chunk in self.http_response.aiter_bytes():
                handle.write(chunk)
                written += len(chunk)
        return written

    async def aclose(self) -> None:
        await self.http_response.aclose()

    async def __aenter__(self) -> AsyncAPIResponse[T]:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.aclose()


BinaryResponse = APIResponse[bytes]
AsyncBinaryResponse = AsyncAPIResponse[bytes]


def to_raw_response_wrapper(func: Callable[P, R]) -> Callable[P, APIResponse[R]]:
    """``client.x.with_raw_response.op(...)``: headers, status and a lazy parse()."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        token = _MODE.set("raw")
        try:
            return cast(APIResponse[R], func(*args, **kwargs))
        finally:
            _MODE.reset(token)

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[AsyncAPIResponse[R]]]:
    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncAPIResponse[R]:
        token = _MODE.set("raw")
        try:
            return cast(AsyncAPIResponse[R], await func(*args, **kwargs))
        finally:
            _MODE.reset(token)

    return wrapped


class ResponseContextManager(Generic[T]):
    """Sends the request on ``__enter__`` and closes the response on exit."""

    def __init__(self, call: Callable[[], APIResponse[T]]) -> None:
        self._call = call
        self._response: Optional[APIResponse[T]] = None

    def __enter__(self) -> APIResponse[T]:
        token = _MODE.set("stream")
        try:
            self._response = self._call()
        finally:
            _MODE.reset(token)
        return self._response

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncResponseContextManager(Generic[T]):
    def __init__(self, call: Callable[[], Awaitable[AsyncAPIResponse[T]]]) -> None:
        self._call = call
        self._response: Optional[AsyncAPIResponse[T]] = None

    async def __aenter__(self) -> AsyncAPIResponse[T]:
        token = _MODE.set("stream")
        try:
            self._response = await self._call()
        finally:
            _MODE.reset(token)
        return self._response

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        if self._response is not None:
            await self._response.aclose()


def to_streamed_response_wrapper(
    func: Callable[P, R],
) -> Callable[P, ResponseContextManager[R]]:
    """``with client.x.with_streaming_response.op(...) as r: r.write_to_file(p)``.

    The body is not read: use iter_bytes()/write_to_file() for large payloads.
    """

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> ResponseContextManager[R]:
        return ResponseContextManager(lambda: cast(APIResponse[R], func(*args, **kwargs)))

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, AsyncResponseContextManager[R]]:
    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncResponseContextManager[R]:
        async def call() -> AsyncAPIResponse[R]:
            return cast(AsyncAPIResponse[R], await func(*args, **kwargs))

        return AsyncResponseContextManager(call)

    return wrapped
