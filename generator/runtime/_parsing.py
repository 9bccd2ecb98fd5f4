"""Turning a response body into the type a generated method declares."""

from __future__ import annotations

import functools
from typing import Any, Callable, Dict, Generic, Mapping, Optional, TypeVar, cast

import httpx
import pydantic

from ._exceptions import APIResponseValidationError
from ._types import CastTo

__all__ = ["ByMediaType", "as_adapter", "parse_body", "validation_summary"]

T = TypeVar("T")


@functools.lru_cache(maxsize=256)
def _cached_adapter(tp: Any) -> "pydantic.TypeAdapter[Any]":
    # Building an adapter compiles a validator: do it once per type.
    return pydantic.TypeAdapter(tp)


def as_adapter(cast_to: CastTo[T]) -> "pydantic.TypeAdapter[T]":
    if isinstance(cast_to, pydantic.TypeAdapter):
        return cast_to
    hashable: Any = cast_to
    return cast("pydantic.TypeAdapter[T]", _cached_adapter(hashable))


def validation_summary(exc: pydantic.ValidationError) -> str:
    """First error on one line: pydantic's own str() spans many lines."""
    errors = exc.errors()
    if not errors:
        return exc.title
    first = errors[0]
    loc = ".".join(str(part) for part in first.get("loc", ()))
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{loc or '<root>'}: {first.get('msg', '')}{more}"


def _type_name(cast_to: object) -> str:
    if isinstance(cast_to, pydantic.TypeAdapter):
        return str(cast_to.core_schema.get("type", "value"))
    return getattr(cast_to, "__name__", repr(cast_to))


# Types taken from the body as is rather than decoded as JSON.
_RAW_READERS: Dict[type, Callable[[httpx.Response], object]] = {
    type(None): lambda r: None,
    bytes: lambda r: r.content,
    str: lambda r: r.text,
    httpx.Response: lambda r: r,
}


def _base(media_type: str) -> str:
    return media_type.split(";")[0].strip().lower()


class ByMediaType(Generic[T]):
    """An answer declared in several media types, parsed by the one the server sent.

    ``choices`` maps each declared media type (or range, ``text/*``) to what it
    parses into, e.g. ``{"application/json": Pet, "text/plain": str}``; ``T``
    is the union of those, named where the constant is declared.
    """

    __slots__ = ("choices",)

    def __init__(self, choices: Mapping[str, Any]) -> None:
        self.choices = {_base(media): target for media, target in choices.items()}

    def pick(self, content_type: Optional[str]) -> Any:
        """The choice for a Content-Type: exact, then by structured suffix
        (``+json``), then by range (``text/*``); the first declared otherwise."""
        sent = _base(content_type or "")
        if sent in self.choices:
            return self.choices[sent]
        if "+" in sent:
            suffix = sent.rsplit("+", 1)[1]
            for media, target in self.choices.items():
                if media.endswith("/" + suffix) or media.endswith("+" + suffix):
                    return target
        for media, target in self.choices.items():
            if media.endswith("/*") and sent.startswith(media[:-1]) or media == "*/*":
                return target
        return next(iter(self.choices.values()))


def parse_body(response: httpx.Response, cast_to: CastTo[T]) -> T:
    """Parse an already-read body: bytes/str/None verbatim, anything else as JSON."""
    if isinstance(cast_to, ByMediaType):
        return cast(T, parse_body(response, cast_to.pick(response.headers.get("content-type"))))
    reader = _RAW_READERS.get(cast_to) if isinstance(cast_to, type) else None
    if reader is not None:
        return cast(T, reader(response))
    try:
        data = response.json()
    except ValueError as exc:
        raise APIResponseValidationError(
            f"response body is not JSON (content-type {response.headers.get('content-type')!r})",
            response=response,
            body=response.text,
        ) from exc
    try:
        if isinstance(cast_to, type) and issubclass(cast_to, pydantic.BaseModel):
            return cast(T, cast_to.model_validate(data))
        return as_adapter(cast_to).validate_python(data)
    except pydantic.ValidationError as exc:
        raise APIResponseValidationError(
            f"response does not match {_type_name(cast_to)}: {validation_summary(exc)}",
            response=response,
            body=data,
        ) from exc
