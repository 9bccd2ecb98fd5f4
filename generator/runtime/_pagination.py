"""Lazy iteration over paginated list endpoints.

A page knows how to ask for the next one (a ``fetch`` callback bound by the
client to the same path, headers and options), so iterating items requests a
new page only when the previous one is exhausted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    Dict,
    Generator,
    Generic,
    Iterator,
    List,
    Mapping,
    Optional,
)

import pydantic
from typing_extensions import Literal, TypeVar

__all__ = ["PageSpec", "SyncPage", "AsyncPage", "AsyncPaginator", "page_items", "next_page_query"]

ItemT = TypeVar("ItemT")
# Defaulted so `SyncPage[Item]` is a valid annotation for generated code.
ResponseT = TypeVar("ResponseT", default=Any)

QueryDict = Dict[str, object]


@dataclass(frozen=True)
class PageSpec:
    """How one list operation pages (emitted by the generator)."""

    style: Literal["cursor", "page"]
    items_field: str = "data"
    # None: the response has no such flag; an empty page ends the listing.
    has_more_field: Optional[str] = "has_more"
    cursor_param: str = "last_id"
    cursor_item_field: str = "id"
    # "first" for APIs paging backwards through history (Dify's first_id).
    cursor_from: Literal["last", "first"] = "last"
    page_param: str = "page"
    total_field: Optional[str] = None
    limit_param: str = "limit"


def _field(obj: object, name: str) -> object:
    """A field by JSON name from a model (aliases included) or a dict."""
    if isinstance(obj, Mapping):
        return obj.get(name)
    if isinstance(obj, pydantic.BaseModel):
        if name in type(obj).model_fields:
            return getattr(obj, name)
        for attr, info in type(obj).model_fields.items():
            if info.alias == name:
                return getattr(obj, attr)
        return (obj.model_extra or {}).get(name)
    return getattr(obj, name, None)


def _as_int(value: object) -> Optional[int]:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def page_items(
    response: object, spec: PageSpec, adapter: "pydantic.TypeAdapter[ItemT]"
) -> List[ItemT]:
    raw = _field(response, spec.items_field)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise TypeError(f"page field {spec.items_field!r} is not a list")
    # Already-validated model instances pass through unchanged.
    return [adapter.validate_python(item) for item in raw]


def next_page_query(
    spec: PageSpec, query: Mapping[str, object], response: object, items: List[Any]
) -> Optional[QueryDict]:
    """The query for the following page, or None when this page is the last."""
    if not items:
        return None
    has_more = _field(response, spec.has_more_field) if spec.has_more_field else None
    if has_more is False:
        return None
    if spec.style == "cursor":
        anchor = items[-1] if spec.cursor_from == "last" else items[0]
        cursor = _field(anchor, spec.cursor_item_field)
        if cursor is None:
            return None
        return {**query, spec.cursor_param: cursor}
    current = _as_int(query.get(spec.page_param)) or _as_int(_field(response, spec.page_param)) or 1
    if has_more is None and spec.total_field:
        total = _as_int(_field(response, spec.total_field))
        limit = (
            _as_int(query.get(spec.limit_param))
            or _as_int(_field(response, spec.limit_param))
            or len(items)
        )
        if total is not None and current * limit >= total:
            return None
    return {**query, spec.page_param: current + 1}


class SyncPage(Generic[ItemT, ResponseT]):
    """One fetched page; iterating it yields the items of this and all later pages."""

    def __init__(
        self,
        *,
        response: ResponseT,
        items: List[ItemT],
        next_query: Optional[QueryDict],
        fetch: Callable[[QueryDict], SyncPage[ItemT, ResponseT]],
    ) -> None:
        self.response = response
        self.items = items
        self._next_query = next_query
        self._fetch = fetch

    def has_next_page(self) -> bool:
        return self._next_query is not None

    def next_page(self) -> SyncPage[ItemT, ResponseT]:
        if self._next_query is None:
            raise LookupError("no next page; check has_next_page() first")
        return self._fetch(self._next_query)

    def iter_pages(self) -> Iterator[SyncPage[ItemT, ResponseT]]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.next_page()

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.iter_pages():
            yield from page.items

    def __repr__(self) -> str:
        return f"<{type(self).__name__} items={len(self.items)} has_next={self.has_next_page()}>"


class AsyncPage(Generic[ItemT, ResponseT]):
    """Async twin of SyncPage: ``async for item in page`` crosses pages lazily."""

    def __init__(
        self,
        *,
        response: ResponseT,
        items: List[ItemT],
        next_query: Optional[QueryDict],
        fetch: Callable[[QueryDict], Awaitable[AsyncPage[ItemT, ResponseT]]],
    ) -> None:
        self.response = response
        self.items = items
        self._next_query = next_query
        self._fetch = fetch

    def has_next_page(self) -> bool:
        return self._next_query is not None

    async def next_page(self) -> AsyncPage[ItemT, ResponseT]:
        if self._next_query is None:
            raise LookupError("no next page; check has_next_page() first")
        return await self._fetch(self._next_query)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[ItemT, ResponseT]]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.next_page()

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item

    def __repr__(self) -> str:
        return f"<{type(self).__name__} items={len(self.items)} has_next={self.has_next_page()}>"


class AsyncPaginator(Generic[ItemT, ResponseT]):
    """What an async list method returns: ``await`` it for the first page, or
    ``async for`` over it directly to get every item."""

    def __init__(self, first_page: Callable[[], Awaitable[AsyncPage[ItemT, ResponseT]]]) -> None:
        self._first_page = first_page

    def __await__(self) -> Generator[Any, None, AsyncPage[ItemT, ResponseT]]:
        return self._first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        page = await self._first_page()
        async for item in page:
            yield item
