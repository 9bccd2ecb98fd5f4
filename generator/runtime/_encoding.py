"""Turning generated-call arguments into the URL, the query and file contents.

All functions are pure so the sync and async clients cannot differ here.
"""

from __future__ import annotations

import datetime
import enum
import io
import json
import mimetypes
import os
import re
from typing import IO, Any, Dict, List, Mapping, Optional, Tuple, Union
from urllib.parse import quote

import pydantic

from ._params import merge_query, path_value, present, query_pairs, scalar_text, to_jsonable
from ._types import FileInput, NotGiven

__all__ = ["build_path", "encode_query", "query_string", "to_jsonable", "encode_file"]

HttpxFile = Tuple[str, bytes, str]
QueryItems = List[Tuple[str, str]]

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def build_path(template: str, params: Optional[Mapping[str, object]]) -> str:
    """Fill ``{name}`` placeholders, each value styled and percent-encoded.

    Encoding also ``/``, ``?`` and ``#`` keeps a value like ``a/b?c`` or
    ``../x`` inside its own path segment.
    """
    values = params or {}

    def substitute(match: "re.Match[str]") -> str:
        name = match.group(1)
        if name not in values:
            raise ValueError(f"missing path parameter {name!r} for {template!r}")
        encoded = path_value(name, values[name])
        if encoded == "":
            # An empty segment silently addresses a different endpoint.
            raise ValueError(f"path parameter {name!r} must not be empty")
        if encoded in (".", ".."):
            # Dot segments are normalised away by URL parsers; escape them.
            encoded = encoded.replace(".", "%2E")
        return encoded

    return _PLACEHOLDER.sub(substitute, template)


def encode_query(*parts: Optional[Mapping[str, object]]) -> QueryItems:
    """Merge query mappings (later wins) into percent-encoded pairs; None is dropped.

    A plain value is sent in OpenAPI's default query style (form, exploded: a
    list repeats its key); a ``Styled`` value in the style it names.
    """
    items: QueryItems = []
    for key, value in merge_query(*parts).items():
        if present(value):
            items.extend(query_pairs(key, value))
    return items


def query_string(items: QueryItems) -> str:
    # A pair without a key is text that stands alone (a JSON querystring parameter).
    return "&".join(f"{key}={value}" if key else value for key, value in items)


def _guess_type(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def _read(content: Union[bytes, IO[bytes]]) -> bytes:
    return content if isinstance(content, bytes) else content.read()


def encode_file(value: FileInput) -> HttpxFile:
    """Normalise one FileInput to (filename, bytes, content type).

    Content is read into memory so that a retry resends identical bytes even
    when the caller passed a non-seekable stream.
    """
    if isinstance(value, tuple):
        filename, content = value[0], value[1]
        content_type = value[2] if len(value) == 3 else _guess_type(filename)
        return filename, _read(content), content_type
    if isinstance(value, bytes):
        return "upload", value, "application/octet-stream"
    if isinstance(value, (str, os.PathLike)):
        path = os.fspath(value)
        with open(path, "rb") as handle:
            data = handle.read()
        filename = os.path.basename(path)
        return filename, data, _guess_type(filename)
    if isinstance(value, io.IOBase) or hasattr(value, "read"):
        raw_name = getattr(value, "name", None)
        filename = os.path.basename(raw_name) if isinstance(raw_name, str) else "upload"
        return filename, _read(value), _guess_type(filename)
    raise TypeError(f"unsupported file input: {type(value).__name__}")


def raw_body(value: FileInput, media_type: str) -> Tuple[bytes, str]:
    """A whole-body upload's bytes and Content-Type.

    The spec's media type, unless the caller named one in a ``(filename,
    content, content_type)`` tuple, or the spec allows several (``image/*``)
    and the file's name tells which.
    """
    filename, content, guessed = encode_file(value)
    if isinstance(value, tuple) and len(value) == 3:
        return content, guessed
    if "*" in media_type and guessed != "application/octet-stream":
        return content, guessed
    return content, media_type
