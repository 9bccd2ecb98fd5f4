"""Parameter serialisation: OpenAPI's ``style``/``explode`` rules and RFC 3986 escaping.

Each function turns one parameter's value into the exact text sent, following
the style-examples table of the OpenAPI specification (3.0.4 / 3.1.1), where
``color`` = ``["blue", "black", "brown"]`` is sent as ``color=blue,black,brown``
(form), ``.blue.black.brown`` (label, exploded), ``color%5BR%5D=100`` (deepObject)
and so on. Values are percent-encoded here, so the query string is handed to
httpx already encoded: httpx's own encoder writes ``+`` for a space and keeps
``|``, which RFC 3986 does not allow.

All functions are pure so the sync and async clients cannot differ here.
"""

from __future__ import annotations

import base64
import datetime
import enum
import json
import re
import uuid
from typing import Any, Dict, List, Literal, Mapping, Optional, Tuple, get_args, get_origin

import pydantic

from ._types import NotGiven

__all__ = [
    "Styled",
    "query_pairs",
    "path_value",
    "header_value",
    "cookie_pairs",
    "quote",
    "scalar_text",
    "to_jsonable",
]

QueryPairs = List[Tuple[str, str]]

# RFC 3986 reserved characters allowReserved lets through, minus those that would
# change the query's own structure (`&`, `=`, `+`, `#`) or are not allowed in it
# (`[`, `]`), as OpenAPI 3.1.1 ("allowReserved") asks clients to keep encoding.
_RESERVED_KEPT = ":/?@!$'()*,;"
_TRIPLE = re.compile(r"%[0-9A-Fa-f]{2}")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


class Styled:
    """A parameter value with a serialisation other than its location's default.

    ``style``: an OpenAPI style (``form``, ``spaceDelimited``, ``pipeDelimited``,
    ``deepObject``, ``simple``, ``label``, ``matrix``), ``json`` for a
    parameter declared with ``content: {application/json: ...}``; for OpenAPI 3.2's
    ``in: querystring``, ``querystring`` (the JSON text is the whole query string) or
    ``urlencoded`` (the object's properties as a form's fields).
    """

    __slots__ = ("value", "style", "explode", "allow_reserved")

    def __init__(
        self, value: object, style: str, explode: bool = False, allow_reserved: bool = False
    ) -> None:
        self.value = value
        self.style = style
        self.explode = explode
        self.allow_reserved = allow_reserved

    def __repr__(self) -> str:
        return f"Styled({self.style!r}, explode={self.explode})"


def present(value: object) -> bool:
    if isinstance(value, Styled):
        value = value.value
    return value is not None and not isinstance(value, NotGiven)


def scalar_text(value: object) -> str:
    """The text of one scalar: JSON's spelling of booleans, RFC 3339 dates, base64 bytes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return scalar_text(value.value)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        # RFC 3339 (`T` separator), as OpenAPI's date-time format requires; str() uses a space.
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        # `format: byte` is base64 text wherever it appears as text.
        return base64.b64encode(bytes(value)).decode("ascii")
    if value is None:
        return ""
    if isinstance(value, (dict, list, tuple, pydantic.BaseModel)):
        # A nested structure has no style of its own: the JSON text is the least surprising.
        return json.dumps(to_jsonable(value), separators=(",", ":"))
    return str(value)


def quote(text: str, *, allow_reserved: bool = False) -> str:
    """Percent-encode all but RFC 3986 unreserved characters (UTF-8 first).

    With ``allow_reserved``, reserved characters that are legal inside a query
    value and existing ``%XX`` triples pass through unchanged.
    """
    out: List[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char in _UNRESERVED or allow_reserved and char in _RESERVED_KEPT:
            out.append(char)
        elif allow_reserved and char == "%" and _TRIPLE.match(text, index):
            out.append(text[index : index + 3])
            index += 3
            continue
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8"))
        index += 1
    return "".join(out)


def _shape(value: object) -> object:
    """A list of scalars, a dict of scalars, or a scalar (models and enums unwrapped)."""
    if isinstance(value, pydantic.BaseModel):
        value = to_jsonable(value)
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items() if present(v)}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [v for v in items if present(v)]
    return value


def _unwrap(value: object, style: str, explode: bool) -> Tuple[object, str, bool, bool]:
    if isinstance(value, Styled):
        return value.value, value.style, value.explode, value.allow_reserved
    return value, style, explode, False


def query_pairs(name: str, value: object) -> QueryPairs:
    """One query parameter as encoded ``(key, value)`` pairs; default: form, exploded."""
    raw, style, explode, reserved = _unwrap(value, "form", True)
    shaped = _shape(raw)
    key = quote(name)

    def enc(item: object) -> str:
        return quote(scalar_text(item), allow_reserved=reserved)

    if style == "json":
        return [(key, enc(json.dumps(to_jsonable(raw), separators=(",", ":"))))]
    if style == "querystring":
        # OpenAPI 3.2 `in: querystring` with a JSON media type: the JSON text, percent-encoded,
        # is the whole query string. No name: an empty key is written as the value alone.
        return [("", quote(json.dumps(to_jsonable(raw), separators=(",", ":"))))]
    if style == "urlencoded" and isinstance(shaped, dict):
        # `in: querystring` as a form: each property as a form body's field is sent.
        return [pair for k, v in shaped.items() for pair in query_pairs(k, v)]
    if style == "deepObject":
        pairs: QueryPairs = []
        _deep(name, shaped, pairs, enc)
        return pairs
    delimiter = {"spaceDelimited": "%20", "pipeDelimited": "%7C"}.get(style, ",")
    if isinstance(shaped, list):
        if explode and style == "form":
            return [(key, enc(v)) for v in shaped]
        return [(key, delimiter.join(enc(v) for v in shaped))]
    if isinstance(shaped, dict):
        if explode and style == "form":
            return [(quote(k), enc(v)) for k, v in shaped.items()]
        flat = [part for k, v in shaped.items() for part in (quote(k), enc(v))]
        return [(key, delimiter.join(flat))]
    return [(key, enc(shaped))]


def _deep(prefix: str, value: object, pairs: QueryPairs, enc: Any) -> None:
    # OpenAPI defines one level (`color[R]=100`); deeper objects nest the brackets the
    # way qs, Rails and PHP read them, and arrays inside repeat their key.
    shaped = _shape(value)
    if isinstance(shaped, dict):
        for key, item in shaped.items():
            _deep(f"{prefix}[{key}]", item, pairs, enc)
    elif isinstance(shaped, list):
        for item in shaped:
            _deep(prefix, item, pairs, enc)
    else:
        pairs.append((quote(prefix), enc(shaped)))


def to_jsonable(value: object) -> Any:
    """Recursively drop NOT_GIVEN and dump models, dates, UUIDs as the API expects."""
    if isinstance(value, pydantic.BaseModel):
        data = value.model_dump(mode="json", by_alias=True, exclude_unset=True)
        _as_sent(value, data)
        return data
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items() if not isinstance(v, NotGiven)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value if not isinstance(v, NotGiven)]
    if isinstance(value, enum.Enum):
        return to_jsonable(value.value)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time, uuid.UUID)):
        return scalar_text(value)
    if isinstance(value, (bytes, bytearray)):
        # OpenAPI's `format: byte`: base64 text inside JSON.
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _as_sent(value: object, data: object) -> None:
    """A model's dump as the API must get it, at any depth: without its readOnly fields (a
    model's ``__read_only__`` wire names: one read from the API and sent back must not carry
    them), and with every fixed-value field, though the caller left it at its default. A
    union's tag (``type: Literal["image"] = "image"``) is how the server tells the variants
    apart, and ``exclude_unset`` would drop it."""
    if isinstance(value, pydantic.BaseModel) and isinstance(data, dict):
        cls = type(value)
        for wire, fixed in _fixed_fields(cls):
            data.setdefault(wire, fixed)
        for wire in getattr(cls, "__read_only__", ()):
            data.pop(wire, None)
        for name, info in cls.model_fields.items():
            key = info.alias or name
            if key in data:
                _as_sent(getattr(value, name), data[key])
    elif isinstance(value, (list, tuple)) and isinstance(data, list):
        for item, dumped in zip(value, data):
            _as_sent(item, dumped)
    elif isinstance(value, Mapping) and isinstance(data, dict):
        for key, item in value.items():
            if str(key) in data:
                _as_sent(item, data[str(key)])


_FIXED: Dict[type, Tuple[Tuple[str, object], ...]] = {}


def _fixed_fields(cls: type) -> Tuple[Tuple[str, object], ...]:
    """(wire name, value) of each field typed as one literal value that is also its default."""
    found = _FIXED.get(cls)
    if found is None:
        fields = getattr(cls, "model_fields", {})
        found = _FIXED[cls] = tuple(
            (info.alias or name, info.default)
            for name, info in fields.items()
            if get_origin(info.annotation) is Literal
            and list(get_args(info.annotation)) == [info.default]
        )
    return found


def path_value(name: str, value: object) -> str:
    """One path parameter, ready to replace ``{name}``; default: simple."""
    raw, style, explode, _ = _unwrap(value, "simple", False)
    if style == "json":
        return quote(json.dumps(to_jsonable(raw), separators=(",", ":")))
    shaped = _shape(raw)
    prefix = {"label": ".", "matrix": ";"}.get(style, "")
    if isinstance(shaped, list):
        items = [quote(scalar_text(v)) for v in shaped]
        if style == "matrix":
            if explode:
                return "".join(f";{quote(name)}={item}" for item in items)
            return f";{quote(name)}=" + ",".join(items)
        separator = "." if style == "label" and explode else ","
        return prefix + separator.join(items)
    if isinstance(shaped, dict):
        pairs = [(quote(k), quote(scalar_text(v))) for k, v in shaped.items()]
        if explode:
            separator = {"label": ".", "matrix": ";"}.get(style, ",")
            return prefix + separator.join(f"{k}={v}" for k, v in pairs)
        flat = ",".join(f"{k},{v}" for k, v in pairs)
        return f";{quote(name)}={flat}" if style == "matrix" else prefix + flat
    text = quote(scalar_text(shaped))
    if style == "matrix":
        return f";{quote(name)}={text}" if text else f";{quote(name)}"
    return prefix + text


def header_value(value: object) -> str:
    """One header parameter: simple style; objects as ``R,100`` or, exploded, ``R=100``."""
    raw, style, explode, _ = _unwrap(value, "simple", False)
    if style == "json":
        text = json.dumps(to_jsonable(raw), separators=(",", ":"))
    else:
        shaped = _shape(raw)
        if isinstance(shaped, list):
            text = ",".join(scalar_text(v) for v in shaped)
        elif isinstance(shaped, dict):
            glue = "=" if explode else ","
            text = ",".join(f"{k}{glue}{scalar_text(v)}" for k, v in shaped.items())
        else:
            text = scalar_text(shaped)
    if "\r" in text or "\n" in text:
        # A line break in a header value would let a caller smuggle headers.
        raise ValueError("header values must not contain CR or LF")
    return text


def cookie_pairs(name: str, value: object) -> List[str]:
    """One cookie parameter as ``name=value`` items of the Cookie header; default: form, exploded.

    Exploded arrays and objects become one cookie per item (OpenAPI 3.1.1,
    appendix D: RFC 6570's ``&`` has no meaning in a Cookie header).
    """
    raw, style, explode, _ = _unwrap(value, "form", True)
    shaped = _shape(raw)
    key = quote(name)
    if style == "json":
        return [f"{key}={quote(json.dumps(to_jsonable(raw), separators=(',', ':')))}"]
    if isinstance(shaped, list):
        if explode:
            return [f"{key}={quote(scalar_text(v))}" for v in shaped]
        return [f"{key}=" + ",".join(quote(scalar_text(v)) for v in shaped)]
    if isinstance(shaped, dict):
        if explode:
            return [f"{quote(k)}={quote(scalar_text(v))}" for k, v in shaped.items()]
        flat = ",".join(f"{quote(k)},{quote(scalar_text(v))}" for k, v in shaped.items())
        return [f"{key}={flat}"]
    return [f"{key}={quote(scalar_text(shaped))}"]


def cookie_header(cookies: Optional[Mapping[str, object]]) -> Optional[str]:
    items = [
        item for name, v in (cookies or {}).items() if present(v) for item in cookie_pairs(name, v)
    ]
    return "; ".join(items) if items else None


def merge_query(*parts: Optional[Mapping[str, object]]) -> Dict[str, object]:
    merged: Dict[str, object] = {}
    for part in parts:
        if part:
            merged.update(part)
    return merged
