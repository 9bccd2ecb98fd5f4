"""Shared type aliases and the NOT_GIVEN sentinel.

This file is copied verbatim into every generated package.
"""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING, Mapping, Optional, Tuple, Type, TypeVar, Union

import httpx
import pydantic
from typing_extensions import Literal, TypedDict, final

if TYPE_CHECKING:
    from ._parsing import ByMediaType

__all__ = [
    "NotGiven",
    "NOT_GIVEN",
    "FileContent",
    "FileInput",
    "Timeout",
    "Headers",
    "Query",
    "Body",
    "CastTo",
    "RequestOptions",
    "make_request_options",
]

_T = TypeVar("_T")


@final
class NotGiven:
    """Marks "argument omitted", which differs from an explicit ``None``.

    ``None`` may be a meaningful JSON value (``null``) or mean "no timeout",
    so optional parameters default to ``NOT_GIVEN`` instead.
    """

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()

FileContent = Union[bytes, IO[bytes]]
# A path, raw bytes, an open binary file, or (filename, content[, content_type]).
FileInput = Union[
    str,
    os.PathLike[str],
    bytes,
    IO[bytes],
    Tuple[str, FileContent],
    Tuple[str, FileContent, str],
]
# float = seconds for every phase; None = wait forever.
Timeout = Union[float, httpx.Timeout, None]
Headers = Mapping[str, str]
Query = Mapping[str, object]
Body = object
# What a response body is parsed into: a class (model, bytes, str, type(None)),
# a TypeAdapter for unions and containers, which are not classes,
# or a ByMediaType for an answer declared in several media types.
CastTo = Union[Type[_T], pydantic.TypeAdapter[_T], "ByMediaType[_T]"]


class RequestOptions(TypedDict, total=False):
    """Per-call overrides accepted by every request method."""

    timeout: Union[Timeout, NotGiven]
    max_retries: int
    extra_headers: Headers
    extra_query: Query
    extra_body: Mapping[str, object]


def make_request_options(
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Mapping[str, object]] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    max_retries: Union[int, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    """Build RequestOptions from a generated method's keyword arguments."""
    options: RequestOptions = {}
    if extra_headers:
        options["extra_headers"] = extra_headers
    if extra_query:
        options["extra_query"] = extra_query
    if extra_body:
        options["extra_body"] = extra_body
    if not isinstance(timeout, NotGiven):
        options["timeout"] = timeout
    if not isinstance(max_retries, NotGiven):
        options["max_retries"] = max_retries
    return options
