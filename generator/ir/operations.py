"""Operations, grouped into resources, and the API as a whole."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.ir.schemas import Field, JsonValue, SchemaDef, ValueHints
from generator.ir.types import TypeRef

ParameterLocation = Literal["path", "query", "header", "cookie"]
BodyEncoding = Literal["json", "multipart", "form", "binary"]
ResponseKind = Literal["json", "binary", "text", "empty", "sse"]


@dataclass(frozen=True)
class Parameter:
    python_name: str
    wire_name: str
    location: ParameterLocation
    type: TypeRef
    required: bool
    description: str | None = None
    has_default: bool = False
    default: JsonValue = None
    deprecated: bool = False
    hints: ValueHints | None = None


@dataclass(frozen=True)
class RequestBody:
    """A request body. An object body is flattened into keyword arguments
    (`fields`); any other body is passed whole as `body` (`whole`)."""

    media_type: str
    encoding: BodyEncoding
    required: bool
    fields: tuple[Field, ...] = ()
    whole: TypeRef | None = None
    description: str | None = None
    hints: ValueHints | None = None  # of a whole body; a flattened body's are on its fields



@dataclass(frozen=True)
class Response:
    status: str
    media_type: str | None
    kind: ResponseKind
    type: TypeRef | None
    description: str | None = None


@dataclass(frozen=True)
class StreamInfo:
    """The operation can answer with Server-Sent Events of `event_type`.

    Streaming is chosen by the body field `mode_field` taking `stream_value`
    (e.g. `response_mode="streaming"` or `stream=True`); with no `mode_field`
    the operation always streams (its only answer is text/event-stream).
    """

    event_type: TypeRef
    mode_field: str | None
    stream_value: JsonValue
    discriminator: str
    skip: tuple[str, ...] = ()
    error: tuple[str, ...] = ()
    terminal: tuple[str, ...] = ()
    text_event: str | None = None
    text_field: str | None = None
    replace_event: str | None = None
    final_event: str | None = None


@dataclass(frozen=True)
class PageInfo:
    """The operation returns one page of a list; how to ask for the next one."""

    style: Literal["cursor", "page"]
    item_type: TypeRef
    items_field: str
    has_more_field: str | None
    limit_param: str | None
    cursor_param: str | None = None
    cursor_item_field: str | None = None
    cursor_from: Literal["first", "last"] = "last"
    page_param: str | None = None
    total_field: str | None = None


@dataclass(frozen=True)
class Operation:
    operation_id: str
    python_name: str
    method: str
    path: str
    parameters: tuple[Parameter, ...]
    body: RequestBody | None
    success: Response
    responses: tuple[Response, ...]
    summary: str | None = None
    description: str | None = None
    deprecated: bool = False
    idempotent: bool = False
    tags: tuple[str, ...] = ()
    stream: StreamInfo | None = None
    page: PageInfo | None = None


@dataclass(frozen=True)
class Resource:
    python_name: str
    class_name: str
    operations: tuple[Operation, ...]
    description: str | None = None


@dataclass(frozen=True)
class SecurityScheme:
    """How the API key is sent: `bearer`, `basic`, or an `api_key` in a header/query."""

    kind: Literal["bearer", "basic", "api_key"]
    name: str
    location: Literal["header", "query", "cookie"] = "header"
    description: str | None = None


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    description: str | None
    package_name: str
    distribution_name: str
    client_name: str
    base_url: str
    api_key_env: str
    base_url_env: str
    source_name: str
    security: tuple[SecurityScheme, ...]
    schemas: tuple[SchemaDef, ...]
    resources: tuple[Resource, ...]
    # How models are emitted: "pydantic" classes or "typeddict" (config `model_style`).
    model_style: str = "pydantic"
