"""Types for OpenAPI string formats that pydantic has no lenient form of."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from pydantic import BeforeValidator, PlainSerializer
from typing_extensions import Annotated

__all__ = ["Base64Bytes"]


def _decode(value: Any) -> Any:
    # `format: byte` is base64 (RFC 4648), standard or URL-safe alphabet. Text that is
    # neither is kept as its UTF-8 bytes: `format` only annotates in JSON Schema, and one
    # odd field (a mock server's "string") must not fail a whole answer.
    if not isinstance(value, str):
        return value
    for altchars in (None, b"-_"):
        try:
            return base64.b64decode(value, altchars=altchars, validate=True)
        except (binascii.Error, ValueError):
            continue
    return value.encode("utf-8")


def _encode(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


# bytes in Python, base64 text in JSON (what the client sends and what it reads).
Base64Bytes = Annotated[
    bytes, BeforeValidator(_decode), PlainSerializer(_encode, return_type=str, when_used="json")
]
