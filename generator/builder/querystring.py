"""OpenAPI 3.2 `in: querystring`: one parameter that is the whole query string.

Its `content` names how: `application/x-www-form-urlencoded` with an object schema is
the object as a form (each property `name=value`, as a form body is sent); a JSON media
type is the JSON text, percent-encoded, as the whole query string (the 3.2 text's
example: `?%7B%22numbers%22%3A%5B1%2C2%5D%7D`). The spec allows at most one such
parameter, and none beside `in: query` parameters (they would share the query string).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.builder.errors import BuildError

_FORM = "application/x-www-form-urlencoded"


def check_locations(merged: Mapping[tuple[str, str], tuple[Mapping[str, Any], str]]) -> None:
    """At most one querystring parameter, and no query parameter beside it."""
    found = sorted(where for (_, location), (_, where) in merged.items() if location == "querystring")
    if len(found) > 1:
        raise BuildError("an operation has more than one `in: querystring` parameter", found[1],
                         "the query string is one value: describe it with one parameter")
    if found and any(location == "query" for _, location in merged):
        raise BuildError("an `in: querystring` parameter cannot stand beside `in: query` parameters", found[0],
                         "make the query parameters properties of the querystring parameter's schema")


def media_and_style(param: Mapping[str, Any], where: str, is_json: Any) -> tuple[str, str, bool]:
    """(media type, style, explode) of a querystring parameter: `urlencoded` (the object as a
    form body is sent) or `querystring` (the JSON text is the query string)."""
    content = param.get("content")
    if not isinstance(content, Mapping) or len(content) != 1:
        raise BuildError("an `in: querystring` parameter needs `content` with one media type", where,
                         f"e.g. content: {{{_FORM}: {{schema: {{type: object, ...}}}}}}")
    (media,) = content
    if is_json(media):
        return media, "querystring", False
    if str(media).split(";")[0].strip().lower() == _FORM:
        return media, "urlencoded", False
    raise BuildError(f"querystring media type {media!r} is not supported", f"{where}/content",
                     f"use {_FORM} (an object) or application/json")
