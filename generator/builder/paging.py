"""Recognise list operations that page, from the spec's shape plus the config.

A GET whose response is an object holding a list (`data`, `items`, ...) and
whose query takes a cursor (`last_id`, `after`, ...) or a page number pages;
the config may name any part, or say `style: none`.
"""

from __future__ import annotations

from typing import Literal

from generator.builder.schemas import SchemaBuilder
from generator.config import PaginationConfig
from generator.ir import ListType, Operation, PageInfo
from generator.ir.types import strip_nullable

_ITEM_FIELDS = ("data", "items", "results")
_CURSOR_PARAMS = ("last_id", "after", "starting_after", "cursor", "first_id", "before", "ending_before", "page_token")
_BACKWARD_CURSORS = ("first_id", "before", "ending_before")
_PAGE_PARAMS = ("page", "page_number")
_LIMIT_PARAMS = ("limit", "page_size", "per_page")


def page_info(operation: Operation, config: PaginationConfig | None, schemas: SchemaBuilder) -> PageInfo | None:
    config = config or PaginationConfig()
    if config.style == "none" or operation.method != "get" or operation.success.kind != "json" or operation.success.type is None:
        return None
    fields = schemas.object_fields(strip_nullable(operation.success.type))
    if fields is None:
        return None
    by_wire = {f.wire_name: f for f in fields}
    query = {p.wire_name for p in operation.parameters if p.location == "query"}

    items_name = config.items or next((n for n in _ITEM_FIELDS if n in by_wire), None)
    items = by_wire.get(items_name or "")
    if items is None or not isinstance(strip_nullable(items.type), ListType):
        return None
    item_type = strip_nullable(items.type)
    assert isinstance(item_type, ListType)

    cursor_param = config.cursor_param or next((p for p in _CURSOR_PARAMS if p in query), None)
    page_param = config.page_param or next((p for p in _PAGE_PARAMS if p in query), None)
    wanted = config.style or ("cursor" if cursor_param else "page" if page_param else None)
    style: Literal["cursor", "page"]
    if wanted == "cursor":
        style = "cursor"
    elif wanted == "page":
        style = "page"
    else:
        return None
    has_more = config.has_more or ("has_more" if "has_more" in by_wire else None)
    total = config.total or ("total" if "total" in by_wire else None)
    limit = config.limit or next((p for p in _LIMIT_PARAMS if p in query), None)
    cursor_from = config.cursor_from or ("first" if cursor_param in _BACKWARD_CURSORS else "last")
    return PageInfo(
        style=style,
        item_type=item_type.item,
        items_field=items.wire_name,
        has_more_field=has_more,
        limit_param=limit,
        cursor_param=cursor_param if style == "cursor" else None,
        cursor_item_field=(config.cursor_item_field or "id") if style == "cursor" else None,
        cursor_from="first" if cursor_from == "first" else "last",
        page_param=page_param if style == "page" else None,
        total_field=total if style == "page" else None,
    )
