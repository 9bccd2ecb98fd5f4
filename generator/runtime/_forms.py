"""Form bodies: ``application/x-www-form-urlencoded`` and ``multipart/form-data``.

A field's OpenAPI ``encoding`` entry reaches here on its value: ``Styled``
(style, explode) for urlencoded forms, ``Part`` (content type, part headers)
for multipart ones. Without one, the defaults are:

- urlencoded: scalars as text, arrays of scalars repeat their key, objects in
  bracket notation (``meta%5Bkey%5D=v``, ``items%5B0%5D%5Bid%5D=v``), the shape
  form-reading servers (qs, Rails, PHP) decode;
- multipart: scalars as text parts, arrays as one part per item, objects as
  ``application/json`` parts, files as file parts.

All functions are pure so the sync and async clients cannot differ here.
"""

from __future__ import annotations

import json
from typing import Dict, List, Mapping, Optional, Tuple, cast

import pydantic

from ._encoding import encode_file
from ._params import Styled, present, query_pairs, quote, scalar_text, to_jsonable
from ._types import FileInput

__all__ = ["Part", "urlencoded", "multipart"]

# (filename or None, content, content type or None, extra headers): what httpx's `files=` takes.
MultipartPart = Tuple[Optional[str], bytes, Optional[str], Dict[str, str]]


class Part:
    """A multipart field with the spec's ``encoding``: its part's Content-Type and headers.

    ``content_type`` is the encoding's ``contentType``; for a file it is only a
    default (a ``(filename, content, content_type)`` tuple names its own), and
    a list or a wildcard (``image/*``) leaves the type to the file's name.
    """

    __slots__ = ("value", "content_type", "headers")

    def __init__(
        self,
        value: object,
        content_type: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        self.value = value
        self.content_type = content_type
        self.headers = dict(headers or {})

    def __repr__(self) -> str:
        return f"Part(content_type={self.content_type!r})"


def _is_object(value: object) -> bool:
    return isinstance(value, (Mapping, pydantic.BaseModel))


def urlencoded(fields: Mapping[str, object]) -> bytes:
    """The body of an urlencoded form, percent-encoded like a query string."""
    pairs: List[Tuple[str, str]] = []
    for name, value in fields.items():
        if not present(value):
            continue
        if isinstance(value, Styled):
            pairs.extend(query_pairs(name, value))
        elif _is_object(value) or isinstance(value, (list, tuple)) and any(map(_is_object, value)):
            _brackets(name, to_jsonable(value), pairs)
        else:
            pairs.extend(query_pairs(name, value))
    return "&".join(f"{key}={text}" for key, text in pairs).encode("ascii")


def _brackets(prefix: str, value: object, pairs: List[Tuple[str, str]]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _brackets(f"{prefix}[{key}]", item, pairs)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _brackets(f"{prefix}[{index}]", item, pairs)
    elif value is not None:
        pairs.append((quote(prefix), quote(scalar_text(value))))


def _concrete(content_type: Optional[str]) -> Optional[str]:
    """The encoding's contentType when it names one type (not a list or a wildcard)."""
    if content_type and "," not in content_type and "*" not in content_type:
        return content_type.strip()
    return None


def _text_part(value: object, content_type: Optional[str]) -> Tuple[bytes, Optional[str]]:
    wanted = _concrete(content_type)
    if _is_object(value) or isinstance(value, (list, tuple)) or wanted and _is_json(wanted):
        return (
            json.dumps(to_jsonable(value), separators=(",", ":")).encode(),
            wanted or "application/json",
        )
    if isinstance(value, (bytes, bytearray)):
        return bytes(value), wanted or "application/octet-stream"
    return scalar_text(value).encode("utf-8"), wanted


def _is_json(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


def _unwrap(value: object) -> Tuple[object, Optional[str], Dict[str, str]]:
    if isinstance(value, Part):
        return value.value, value.content_type, value.headers
    return value, None, {}


def _field_parts(name: str, field: object) -> List[Tuple[str, MultipartPart]]:
    value, content_type, headers = _unwrap(field)
    if not present(value):
        return []
    # An array is one part per item (OpenAPI: multipart arrays repeat the part).
    items = value if isinstance(value, (list, tuple)) else [value]
    parts: List[Tuple[str, MultipartPart]] = []
    for item in items:
        if present(item):
            content, item_type = _text_part(item, content_type)
            # A dict per part: httpx writes the part's Content-Type into it.
            parts.append((name, (None, content, item_type, dict(headers))))
    return parts


def _file_parts(name: str, field: object) -> List[Tuple[str, MultipartPart]]:
    value, content_type, headers = _unwrap(field)
    if not present(value):
        return []
    # A list of files (`type: array, items: {format: binary}`) is one part per file.
    items = value if isinstance(value, list) else [value]
    parts: List[Tuple[str, MultipartPart]] = []
    for item in items:
        filename, content, guessed = encode_file(cast(FileInput, item))
        explicit = isinstance(item, tuple) and len(item) == 3
        chosen = guessed if explicit else _concrete(content_type) or guessed
        parts.append((name, (filename, content, chosen, dict(headers))))
    return parts


def multipart(
    fields: Mapping[str, object],
    files: Optional[Mapping[str, object]],
) -> List[Tuple[str, MultipartPart]]:
    """Every part of a multipart body: the fields first, then the files."""
    parts: List[Tuple[str, MultipartPart]] = []
    for name, value in fields.items():
        parts.extend(_field_parts(name, value))
    for name, file in (files or {}).items():
        parts.extend(_file_parts(name, file))
    return parts
