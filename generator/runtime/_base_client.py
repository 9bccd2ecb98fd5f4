"""The HTTP clients every generated client subclasses.

Sync and async twins: each differs from the other only in awaiting, sleeping
and closing; everything else comes from ``BaseClient`` in ``_base_common``.

How generated code uses them (async: same calls, awaited)::

    class Dify(SyncAPIClient):
        def __init__(self, *, api_key: str, base_url: str = "...", **kw) -> None:
            super().__init__(base_url=base_url,
                             auth_headers={"Authorization": f"Bearer {api_key}"}, **kw)

        @functools.cached_property          # lazy; with_options() rebinds it
        def conversations(self) -> Conversations: ...

    # in a resource method:
    return self._client.request("GET", "/conversations/{id}", path_params={"id": id},
                                query={"user": user}, cast_to=Conversation,
                                options=make_request_options(timeout=timeout, ...))
    return self._client.request_stream("POST", "/chat-messages", json_body=body,
                                       cast_to=CHAT_EVENT_ADAPTER, stream_spec=CHAT_SPEC)
    return self._client.get_page("/conversations", query=q, cast_to=ConversationList,
                                 item_type=Conversation, page_spec=PageSpec(style="cursor"))

    # resource.with_raw_response.op = to_raw_response_wrapper(resource.op)
    # resource.with_streaming_response.op = to_streamed_response_wrapper(resource.op)
    # (binary bodies: `with r.with_streaming_response.audio(...) as resp:
    #  resp.write_to_file(path)` never holds the whole body in memory)

Secrets: ``auth_headers`` and ``auth_query`` are sent with every request but
never logged, never put in exception messages and never shown by repr().
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, TypeVar
from typing import Union
from typing import cast

import httpx
from httpx import USE_CLIENT_DEFAULT
from typing_extensions import Self

from ._auth import Requirement
from ._base_common import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, BaseClient, PreparedCall
from ._exceptions import make_status_error
from ._pagination import AsyncPage, AsyncPaginator, PageSpec, SyncPage
from ._parsing import as_adapter, parse_body
from ._response import APIResponse, AsyncAPIResponse, take_response_mode
from ._servers import Server
from ._stop import stop_sender
from ._streaming import AsyncStream, Stream, StreamSpec
from ._types import NOT_GIVEN, CastTo, FileInput, NotGiven, Query, RequestOptions

__all__ = ["SyncAPIClient", "AsyncAPIClient", "DEFAULT_TIMEOUT", "DEFAULT_MAX_RETRIES"]

T = TypeVar("T")
R = TypeVar("R")
ItemT = TypeVar("ItemT")
ResponseT = TypeVar("ResponseT")


class SyncAPIClient(BaseClient[httpx.Client]):
    def _new_http_client(self) -> httpx.Client:
        return httpx.Client(timeout=self.timeout, follow_redirects=True)

    def _send(self, call: PreparedCall, *, stream: bool) -> httpx.Response:
        retries_done = 0
        while True:
            request = self._build_request(call)
            self._log_attempt(request, retries_done)
            try:
                # A documented 3xx answer is read, not followed; otherwise the client decides.
                follow = False if call.answers else USE_CLIENT_DEFAULT
                response = self._client.send(
                    request,
                    stream=stream,
                    follow_redirects=follow,
                    auth=call.auth or USE_CLIENT_DEFAULT,
                )
            except httpx.RequestError as exc:
                delay = self._delay_after_error(call, exc, retries_done)
                self._log_outcome(request, type(exc).__name__, delay, call, retries_done)
                if delay is None:
                    raise self._map_error(exc, request) from exc
            else:
                if response.is_success or response.status_code in call.answers:
                    self._log_outcome(request, str(response.status_code), None, call, retries_done)
                    return response
                delay = self._delay_after_status(call, response, retries_done)
                self._log_outcome(request, str(response.status_code), delay, call, retries_done)
                if delay is None:
                    try:
                        response.read()
                    except httpx.HTTPError:
                        pass  # report the status even if its body got lost
                    finally:
                        response.close()
                    raise make_status_error(response, call.errors)
                response.close()
            time.sleep(delay)
            retries_done += 1

    def _run(self, call: PreparedCall, parser: Callable[[httpx.Response], R], *, lazy: bool) -> R:
        # `lazy` parsers (streams) own the unread response; others need the body.
        mode = take_response_mode()
        if not lazy and self.drift.enabled:
            parser = self.drift.watching(parser)
        response = self._send(call, stream=lazy or mode == "stream")
        if mode == "parsed":
            return parser(response)
        return cast(R, APIResponse(response, parser, lazy=lazy))

    def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: CastTo[T],
        path_params: Optional[Mapping[str, object]] = None,
        query: Optional[Query] = None,
        headers: Optional[Mapping[str, object]] = None,
        cookies: Optional[Mapping[str, object]] = None,
        errors: Optional[Mapping[str, Any]] = None,
        json_body: object = NOT_GIVEN,
        form: Union[Mapping[str, object], NotGiven, None] = None,
        files: Optional[Mapping[str, object]] = None,
        idempotent: Optional[bool] = None,
        options: Optional[RequestOptions] = None,
        accept: str = "application/json",
        content: Union[FileInput, NotGiven] = NOT_GIVEN,
        content_type: str = "application/octet-stream",
        answers: Tuple[int, ...] = (),
        security: Optional[Requirement] = None,
        servers: Optional[Sequence[Server]] = None,
    ) -> T:
        call = self._prepare(
            method, path, path_params=path_params, query=query, headers=headers,
            cookies=cookies, errors=errors,
            json_body=json_body, form=form, files=files, idempotent=idempotent, options=options,
            accept=accept, content=content, content_type=content_type, answers=answers,
            security=security, servers=servers,
        )  # fmt: skip
        return self._run(call, lambda r: parse_body(r, cast_to), lazy=False)

    def request_stream(
        self,
        method: str,
        path: str,
        *,
        cast_to: CastTo[T],
        stream_spec: StreamSpec,
        path_params: Optional[Mapping[str, object]] = None,
        query: Optional[Query] = None,
        headers: Optional[Mapping[str, object]] = None,
        cookies: Optional[Mapping[str, object]] = None,
        errors: Optional[Mapping[str, Any]] = None,
        json_body: object = NOT_GIVEN,
        idempotent: Optional[bool] = None,
        options: Optional[RequestOptions] = None,
        security: Optional[Requirement] = None,
        servers: Optional[Sequence[Server]] = None,
    ) -> Stream[T]:
        adapter = self.drift.watch(as_adapter(cast_to))
        stop = stop_sender(self.request, stream_spec.stop, json_body)
        call = self._prepare(
            method, path, path_params=path_params, query=query, headers=headers,
            cookies=cookies, errors=errors,
            json_body=json_body, form=None, files=None, idempotent=idempotent,
            options=options, accept=stream_spec.accept, security=security, servers=servers,
        )  # fmt: skip
        return self._run(
            call,
            lambda r: Stream(response=r, adapter=adapter, spec=stream_spec, stop=stop),
            lazy=True,
        )

    def get_page(
        self,
        path: str,
        *,
        cast_to: CastTo[ResponseT],
        item_type: CastTo[ItemT],
        page_spec: PageSpec,
        path_params: Optional[Mapping[str, object]] = None,
        query: Optional[Query] = None,
        headers: Optional[Mapping[str, object]] = None,
        cookies: Optional[Mapping[str, object]] = None,
        errors: Optional[Mapping[str, Any]] = None,
        options: Optional[RequestOptions] = None,
        security: Optional[Requirement] = None,
        servers: Optional[Sequence[Server]] = None,
    ) -> SyncPage[ItemT, ResponseT]:
        item_adapter = as_adapter(item_type)

        def fetch(page_query: Mapping[str, object]) -> SyncPage[ItemT, ResponseT]:
            call = self._prepare(
                "GET", path, path_params=path_params, query=page_query, headers=headers,
                cookies=cookies, errors=errors,
                json_body=NOT_GIVEN, form=None, files=None, idempotent=None, options=options,
                security=security, servers=servers,
            )  # fmt: skip

            def make(
                parsed: ResponseT, items: List[Any], next_query: Optional[Dict[str, object]]
            ) -> SyncPage[ItemT, ResponseT]:
                return SyncPage(response=parsed, items=items, next_query=next_query, fetch=fetch)

            parser = self._page_parser(cast_to, item_adapter, page_spec, page_query, make)
            return self._run(call, parser, lazy=False)

        return fetch(dict(query or {}))

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncAPIClient(BaseClient[httpx.AsyncClient]):
    def _new_http_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=self.timeout, follow_redirects=True)

    async def _send(self, call: PreparedCall, *, stream: bool) -> httpx.Response:
        retries_done = 0
        while True:
            request = self._build_request(call)
            self._log_attempt(request, retries_done)
            try:
                follow = False if call.answers else USE_CLIENT_DEFAULT
                response = await self._client.send(
                    request,
                    stream=stream,
                    follow_redirects=follow,
                    auth=call.auth or USE_CLIENT_DEFAULT,
                )
            except httpx.RequestError as exc:
                delay = self._delay_after_error(call, exc, retries_done)
                self._log_outcome(request, type(exc).__name__, delay, call, retries_done)
                if delay is None:
                    raise self._map_error(exc, request) from exc
            else:
                if response.is_success or response.status_code in call.answers:
                    self._log_outcome(request, str(response.status_code), None, call, retries_done)
                    return response
                delay = self._delay_after_status(call, response, retries_done)
                self._log_outcome(request, str(response.status_code), delay, call, retries_done)
                if delay is None:
                    try:
                        await response.aread()
                    except httpx.HTTPError:
                        pass  # report the status even if its body got lost
                    finally:
                        await response.aclose()
                    raise make_status_error(response, call.errors)
                await response.aclose()
            await asyncio.sleep(delay)
            retries_done += 1

    async def _run(
        self, call: PreparedCall, parser: Callable[[httpx.Response], R], *, lazy: bool
    ) -> R:
        mode = take_response_mode()
        if not lazy and self.drift.enabled:
            parser = self.drift.watching(parser)
        response = await self._send(call, stream=lazy or mode == "stream")
        if mode == "parsed":
            return parser(response)
        return cast(R, AsyncAPIResponse(response, parser, lazy=lazy))

    async def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: CastTo[T],
        path_params: Optional[Mapping[str, object]] = None,
        query: Optional[Query] = None,
        headers: Optional[Mapping[str, object]] = None,
        cookies: Optional[Mapping[str, object]] = None,
        errors: Optional[Mapping[str, Any]] = None,
        json_body: object = NOT_GIVEN,
        form: Union[Mapping[str, object], NotGiven, None] = None,
        files: Optional[Mapping[str, object]] = None,
        idempotent: Optional[bool] = None,
        options: Optional[RequestOptions] = None,
        accept: str = "application/json",
        content: Union[FileInput, NotGiven] = NOT_GIVEN,
        content_type: str = "application/octet-stream",
        answers: Tuple[int, ...] = (),
        security: Optional[Requirement] = None,
        servers: Optional[Sequence[Server]] = None,
    ) -> T:
        call = self._prepare(
            method, path, path_params=path_params, query=query, headers=headers,
            cookies=cookies, errors=errors,
            json_body=json_body, form=form, files=files, idempotent=idempotent, options=options,
            accept=accept, content=content, content_type=content_type, answers=answers,
            security=security, servers=servers,
        )  # fmt: skip
        return await self._run(call, lambda r: parse_body(r, cast_to), lazy=False)

    async def request_stream(
        self,
        method: str,
        path: str,
        *,
        cast_to: CastTo[T],
        stream_spec: StreamSpec,
        path_params: Optional[Mapping[str, object]] = None,
        query: Optional[Query] = None,
        headers: Optional[Mapping[str, object]] = None,
        cookies: Optional[Mapping[str, object]] = None,
        errors: Optional[Mapping[str, Any]] = None,
        json_body: object = NOT_GIVEN,
        idempotent: Optional[bool] = None,
        options: Optional[RequestOptions] = None,
        security: Optional[Requirement] = None,
        servers: Optional[Sequence[Server]] = None,
    ) -> AsyncStream[T]:
        adapter = self.drift.watch(as_adapter(cast_to))
        stop = stop_sender(self.request, stream_spec.stop, json_body)
        call = self._prepare(
            method, path, path_params=path_params, query=query, headers=headers,
            cookies=cookies, errors=errors,
            json_body=json_body, form=None, files=None, idempotent=idempotent,
            options=options, accept=stream_spec.accept, security=security, servers=servers,
        )  # fmt: skip
        return await self._run(
            call,
            lambda r: AsyncStream(response=r, adapter=adapter, spec=stream_spec, stop=stop),
            lazy=True,
        )

    def get_page(
        self,
        path: str,
        *,
        cast_to: CastTo[ResponseT],
        item_type: CastTo[ItemT],
        page_spec: PageSpec,
        path_params: Optional[Mapping[str, object]] = None,
        query: Optional[Query] = None,
        headers: Optional[Mapping[str, object]] = None,
        cookies: Optional[Mapping[str, object]] = None,
        errors: Optional[Mapping[str, Any]] = None,
        options: Optional[RequestOptions] = None,
        security: Optional[Requirement] = None,
        servers: Optional[Sequence[Server]] = None,
    ) -> AsyncPaginator[ItemT, ResponseT]:
        """Not a coroutine: ``await`` the result for the first page, or
        ``async for`` over it for every item."""
        item_adapter = as_adapter(item_type)

        async def fetch(page_query: Mapping[str, object]) -> AsyncPage[ItemT, ResponseT]:
            call = self._prepare(
                "GET", path, path_params=path_params, query=page_query, headers=headers,
                cookies=cookies, errors=errors,
                json_body=NOT_GIVEN, form=None, files=None, idempotent=None, options=options,
                security=security, servers=servers,
            )  # fmt: skip

            def make(
                parsed: ResponseT, items: List[Any], next_query: Optional[Dict[str, object]]
            ) -> AsyncPage[ItemT, ResponseT]:
                return AsyncPage(response=parsed, items=items, next_query=next_query, fetch=fetch)

            parser = self._page_parser(cast_to, item_adapter, page_spec, page_query, make)
            return await self._run(call, parser, lazy=False)

        first_query = dict(query or {})
        return AsyncPaginator(lambda: fetch(first_query))

    async def aclose(self) -> None:
        if self._owns_client:
            await self._client.aclose()

    async def close(self) -> None:
        await self.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
