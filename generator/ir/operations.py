"""Operations, grouped into resources, and the API as a whole."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

from generator.http_methods import wire_method
from generator.ir.schemas import Field, JsonValue, SchemaDef, ValueHints
from generator.ir.types import TypeRef
from generator.ir.webhooks import Webhooks

ParameterLocation = Literal["path", "query", "querystring", "header", "cookie"]
BodyEncoding = Literal["json", "multipart", "form", "binary"]
# "sequence": a sequential media type other than SSE, read item by item (JSON Lines / NDJSON,
# JSON text sequences, `multipart/mixed` with OpenAPI 3.2's itemSchema or part encodings).
ResponseKind = Literal["json", "binary", "text", "empty", "sse", "sequence"]


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
    # How the value is serialised (OpenAPI `style`/`explode`/`allowReserved`), resolved to
    # the location's default when the spec is silent; "json" for a `content` parameter.
    style: str = ""
    explode: bool = False
    allow_reserved: bool = False

    @property
    def default_style(self) -> bool:
        """Sent the way a plain value is sent from this location anyway."""
        return (self.style or DEFAULT_STYLES[self.location]) == DEFAULT_STYLES[self.location] and (
            self.explode == (DEFAULT_STYLES[self.location] == "form")) and not self.allow_reserved


# OpenAPI's default style per location; `form` is the one exploded by default.
# `querystring` (3.2) is the whole query string: an object as a form ("urlencoded"), or the JSON
# text ("querystring"); both are sent wrapped (`Styled`), so its "default" is neither.
DEFAULT_STYLES = {"path": "simple", "query": "form", "querystring": "", "header": "simple", "cookie": "form"}
STYLES = {
    "path": ("simple", "label", "matrix"),
    "query": ("form", "spaceDelimited", "pipeDelimited", "deepObject"),
    "header": ("simple",),
    "querystring": ("urlencoded", "querystring"),
    "cookie": ("form",),
}


@dataclass(frozen=True)
class PartEncoding:
    """A form field's OpenAPI Encoding Object: `content_type` and part `headers` (their
    schema's default or const) for multipart; `style`/`explode` for urlencoded forms."""

    content_type: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    style: str | None = None
    explode: bool = True
    allow_reserved: bool = False


@dataclass(frozen=True)
class RequestBody:
    """A request body. An object body is flattened into keyword arguments
    (`fields`); any other body is passed whole as `body` (`whole`).
    `encodings` pairs a field's wire name with its encoding, sorted by name."""

    media_type: str
    encoding: BodyEncoding
    required: bool
    fields: tuple[Field, ...] = ()
    whole: TypeRef | None = None
    description: str | None = None
    hints: ValueHints | None = None  # of a whole body; a flattened body's are on its fields
    encodings: tuple[tuple[str, PartEncoding], ...] = ()


@dataclass(frozen=True)
class Response:
    status: str
    media_type: str | None
    kind: ResponseKind
    type: TypeRef | None
    description: str | None = None


@dataclass(frozen=True)
class StopInfo:
    """How to stop the task of an abandoned stream: call `method path`, the task id (read
    from each event at the dotted `task_id_field`) in the path parameter or body field
    `task_id_param` (`task_id_in`), with `copy_fields` copied from the streaming request's body."""

    operation_id: str
    method: str
    path: str
    task_id_field: str
    task_id_param: str
    task_id_in: Literal["path", "body"] = "path"
    copy_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class SpanInfo:
    """One kind of trace span: opened by the `open` event, closed by `close`, both naming it
    at the dotted path `id`; `key` is what children's `parent` paths name (default: the id);
    `parent` pairs a span kind with a path in the opening event; `fields` pairs a span field
    (name, status, inputs, outputs, elapsed, tokens, error) with a path in the events."""

    kind: str
    open: str
    close: str
    id: str
    key: str | None = None
    parent: tuple[tuple[str, str], ...] = ()
    fields: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SpanLogInfo:
    """`event`s logged on the span of kind `span` whose id (or key) is at the path `id`."""

    event: str
    span: str
    id: str
    label: str | None = None
    status: str | None = None


# How a stream setting is typed and written in the generated `StreamSpec(...)`: a string, a
# string or None, a frozenset of strings (held as a tuple, in the config's order), a tuple.
StreamShape = Literal["name", "optional name", "names", "sequence"]


@dataclass(frozen=True)
class StreamOption:
    """A setting of `StreamInfo` that the runtime's `StreamSpec` (runtime/_stream_spec.py) takes
    under the same name. Declared once, on the `StreamInfo` field; the config reader, the
    streams pass and the view read `STREAM_OPTIONS`, and a test holds the runtime to it."""

    name: str
    shape: StreamShape
    runtime_default: Any  # StreamSpec's default, as the IR holds it (a tuple for a frozenset)
    always_said: bool  # written even when it is the runtime's default (else left unsaid)
    configurable: bool  # `streams.<operationId>.<name>` in the config sets it


_STREAM_OPTION = "stream_option"


def _option(shape: StreamShape, runtime_default: Any, *, configurable: bool = False,
            always_said: bool = False) -> dict[str, Any]:
    """A `StreamInfo` field's metadata: it is a `StreamOption`."""
    return {_STREAM_OPTION: {"shape": shape, "runtime_default": runtime_default,
                             "always_said": always_said, "configurable": configurable}}


# Event names the config gives: each said in the generated StreamSpec, so a reader sees them all.
_NAMED = {"configurable": True, "always_said": True}


@dataclass(frozen=True)
class StreamInfo:
    """The operation can answer with Server-Sent Events of `event_type`.

    Streaming is chosen by the body field `mode_field` taking `stream_value`
    (e.g. `response_mode="streaming"` or `stream=True`). `streams_only`: the
    operation always streams (its only 2xx answer is text/event-stream, or
    its mode field allows only `stream_value`; with no `mode_field`, always).
    `terminal_data`: `data:` payloads that end the stream, like OpenAI's `[DONE]`.
    The fields with `_option(...)` metadata are `STREAM_OPTIONS`, in the runtime's order.
    """

    event_type: TypeRef
    mode_field: str | None
    stream_value: JsonValue
    discriminator: str = field(metadata=_option("name", "event", always_said=True))
    skip: tuple[str, ...] = field(default=(), metadata=_option("names", ("ping",), **_NAMED))
    error: tuple[str, ...] = field(default=(), metadata=_option("names", ("error",), **_NAMED))
    terminal: tuple[str, ...] = field(default=(), metadata=_option("names", (), **_NAMED))
    text_event: str | None = field(default=None, metadata=_option("optional name", None, **_NAMED))
    text_field: str | None = field(default=None, metadata=_option("optional name", None, **_NAMED))
    replace_event: str | None = field(default=None, metadata=_option("optional name", None, **_NAMED))
    final_event: str | None = field(default=None, metadata=_option("optional name", None, **_NAMED))
    terminal_data: tuple[str, ...] = field(default=("[DONE]",),
                                           metadata=_option("names", ("[DONE]",), configurable=True))
    streams_only: bool = False
    framing: str = field(default="sse", metadata=_option("name", "sse"))
    accept: str = field(default="text/event-stream", metadata=_option("name", "text/event-stream"))
    json_data: tuple[str, ...] = field(default=(), metadata=_option("names", ()))
    part_types: tuple[str, ...] = field(default=(), metadata=_option("sequence", ()))
    part_type: str = field(default="text/plain", metadata=_option("name", "text/plain"))
    stop: StopInfo | None = None
    spans: tuple[SpanInfo, ...] = ()
    span_logs: tuple[SpanLogInfo, ...] = ()


STREAM_OPTIONS = tuple(StreamOption(f.name, **f.metadata[_STREAM_OPTION])
                       for f in fields(StreamInfo) if _STREAM_OPTION in f.metadata)


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
    # None: the API's default security; else what this operation sends.
    security: Requirement | None = None
    # Servers of the operation (or its path), which replace the API's for it.
    servers: tuple[Server, ...] = ()
    # The method name, given by the resources pass alone (builder/resources.py): only there
    # are the other names of its resource known. "" until then.
    python_name: str = ""

    @property
    def http_method(self) -> str:
        """The method token as sent (`GET`, `QUERY`, an additional operation's `COPY`)."""
        return wire_method(self.method)


@dataclass(frozen=True)
class MethodAlias:
    """An old method name kept by `generate --compatible-with` (deprecated): it makes the
    call of `operation` (the new spec's, under its new name `target`), or, when the operation
    is gone (`operation` None), raises an error saying so."""

    python_name: str  # the old method name on this resource
    target: str  # the new method path from the client ("chatflows.send_message"), or "" when removed
    operation: Operation | None
    message: str  # what the deprecation says


@dataclass(frozen=True)
class Resource:
    """A client attribute holding methods and sub-resources: `client.chat.completions` is the
    resource `completions` with `parents=("chat",)`. `Api.resources` lists every resource of
    the tree, parents before children; `method_path` is how to reach one of its methods."""

    python_name: str  # the attribute on its parent (the client, or the parent resource)
    class_name: str  # unique in the package
    operations: tuple[Operation, ...]
    description: str | None = None
    parents: tuple[str, ...] = ()  # attributes from the client down to the parent
    children: tuple[str, ...] = ()  # attributes of its sub-resources, sorted
    module: str = ""  # module under resources/ (unique); "" means `python_name`
    aliases: tuple[MethodAlias, ...] = ()  # old method names kept by `--compatible-with`, sorted

    @property
    def attribute_path(self) -> tuple[str, ...]:
        """("chat", "completions"): the attributes from the client to this resource."""
        return (*self.parents, self.python_name)

    @property
    def called_operations(self) -> tuple[Operation, ...]:
        """Every operation a method of this resource calls: its own, then those its deprecated
        aliases still call (a removed method's alias calls none)."""
        return (*self.operations, *(a.operation for a in self.aliases if a.operation is not None))

    def method_path(self, operation: Operation) -> str:
        """"chat.completions.create": the attribute path from the client to `operation`'s
        method (write `client.` before it). The one place that says how a method is reached."""
        return ".".join((*self.attribute_path, operation.python_name))


# Alternatives, each the names of the schemes sent together; `()` is "no credentials".
Requirement = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class CredentialArgument:
    """A client constructor argument that carries (part of) a scheme's secret."""

    argument: str  # the Python name: "api_key", "username", "client_id"...
    env: str  # the environment variable read when the argument is not given
    role: Literal["token", "username", "password", "client_id", "client_secret"]


@dataclass(frozen=True)
class SecurityScheme:
    """One entry of `components.securitySchemes` the client can send.

    kind: `bearer` (http bearer, OAuth2 and OpenID Connect tokens: `Authorization:
    <word> <token>`), `basic` and `digest` (user name and password), `api_key` (in a
    header, query parameter or cookie named `name`). An OAuth2 scheme with a client
    credentials flow also takes a client id and secret (`token_url`).
    """

    key: str  # its name under components.securitySchemes
    kind: Literal["bearer", "basic", "digest", "api_key"]
    name: str  # api_key: the header, query or cookie name; else "Authorization"
    location: Literal["header", "query", "cookie"] = "header"
    description: str | None = None
    arguments: tuple[CredentialArgument, ...] = ()
    word: str = "Bearer"  # bearer: the Authorization scheme word
    token_url: str | None = None  # OAuth2 client credentials

    def argument(self, role: str) -> CredentialArgument | None:
        return next((a for a in self.arguments if a.role == role), None)


@dataclass(frozen=True)
class Server:
    url: str
    name: str | None = None
    description: str | None = None
    # (name, default, enum, description) of each `{variable}`
    variables: tuple[tuple[str, str, tuple[str, ...], str | None], ...] = ()


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
    # A model argument given as a dict: "any" or "typed" (config `argument_dicts`).
    argument_dicts: str = "any"
    # What operations send unless they say otherwise (the document's `security`).
    default_security: Requirement = ((),)
    # The requirement the constructor checks: the one every operation shares, else None
    # (then each call checks its own).
    required_security: Requirement | None = None
    servers: tuple[Server, ...] = ()
    # The header that carries an idempotency key on POST and PATCH; None: none is sent.
    idempotency_header: str | None = None
    # `<PREFIX>_LOG=debug|info` turns on the client's log lines on stderr.
    log_env: str = "API_LOG"
    # What `client.webhooks` parses and verifies; None: the spec has no webhooks (no attribute).
    webhooks: Webhooks | None = None

    def resource_at(self, attribute_path: tuple[str, ...]) -> Resource:
        """The resource `client.<a>.<b>` is, by its attribute path ("a", "b")."""
        return next(r for r in self.resources if r.attribute_path == attribute_path)
