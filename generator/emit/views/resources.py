"""The view of one resource module: signatures, docstrings and runtime calls as strings."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Mapping, Sequence

from generator import naming
from generator.call_options import CALL_OPTIONS
from generator.emit.views import literals, runtime_specs
from generator.emit.views.auth import requirement_literal, server_displays
from generator.emit.views.calls import (
    Constants,
    accept_header,
    answer_parser,
    body_args,
    cast_expression,
    dict_display,
    error_parsers,
    is_file,
    return_annotation,
    styled,
    with_file_note,
)
from generator.emit.formatting import DEFAULT_LINE_LENGTH
from generator.emit.formatting.layout import display_at
from generator.emit.views.type_printer import TypePrinter, import_lines
from generator.ir import (
    Field,
    NullableType,
    Operation,
    Resource,
    SchemaDef,
    TypeRef,
)
from generator.ir.types import LiteralType, strip_nullable

# How a resource module reaches a split models package (`from .. import models as _models`).
_LAZY_MODELS = "_models."


@dataclass(frozen=True)
class ParamView:
    """One parameter of a method signature."""

    name: str  # a safe identifier
    annotation: str  # the type hint as source, e.g. "Union[int, NotGiven]"
    default: str | None  # the default as source ("NOT_GIVEN"); None: required


# Keyword arguments every method takes after the spec's own (generator/call_options.py).
_CALL_PARAMS = tuple(ParamView(option.name, option.annotation, option.default) for option in CALL_OPTIONS)


@dataclass(frozen=True)
class SignatureView:
    """A method signature: the parameters before and after `*`, and what it returns."""

    positional: tuple[ParamView, ...]  # path parameters
    keyword: tuple[ParamView, ...]  # query, header and body parameters, then the standard extra_*/timeout/max_retries
    returns: str  # return annotation of the sync method
    async_returns: str  # return annotation of the async method


@dataclass(frozen=True)
class MethodView:
    """One operation as a method; every field but `operation` is ready-to-paste source text
    (a bool prints as True / False)."""

    operation: Operation  # the IR: operation_id, method, path, summary, description, tags, parameters...
    name: str  # the method name
    doc: str  # docstring body (safe between triple quotes); "" with `docstrings: none`
    signature: SignatureView  # the implementation's signature
    overloads: tuple[SignatureView, ...]  # `@overload`s (a stream or not, by the mode argument); () for most
    http_method: str  # string literal, e.g. "'POST'"
    path: str  # string literal of the path template
    path_params: str  # dict display {wire name: argument}, "" when none
    query: str  # dict display of the query parameters, "" when none
    headers: str  # dict display of the header parameters, "" when none
    cookies: str  # dict display of the cookie parameters, "" when none
    errors: str  # dict display {status: error model} of the declared error bodies, "" when none
    body_args: tuple[tuple[str, str], ...]  # (runtime keyword, expression): json_body / form / files / content
    cast_to: str  # expression parsing the answer: a model class or a TypeAdapter constant
    accept: str | None  # the success media type when it is not JSON
    answers: str | None  # tuple display of the answer's status when it is a 3xx (not raised, not followed)
    idempotent: bool  # may the runtime retry it (`{{ m.idempotent }}` prints True / False)
    streams_only: bool  # the method always streams: its one call is the stream call
    stream_mode: str | None  # condition selecting the stream call, e.g. "stream == True"; None: streams_only
    stream_cast: str | None  # expression parsing one event
    stream_spec: str | None  # name of the module constant describing the stream
    page_item: str | None  # expression parsing one item of a page
    page_spec: str | None  # name of the module constant describing the paging
    security: str | None  # the requirement literal when it is not the API's default
    servers: str | None  # the operation's own servers (`Server(...)` displays), else None
    deprecation: str | None = None  # string literal of the `@deprecated` message of an old name's alias


@dataclass(frozen=True)
class ChildView:
    """A sub-resource: an attribute of its parent resource (`client.chat.completions`)."""

    attribute: str  # the attribute on the parent
    module: str  # its module under resources/
    class_name: str  # its sync class; the async one is "Async" + class_name
    doc: str  # docstring body of the attribute


@dataclass(frozen=True)
class ResourceView:
    """One resource (an attribute of the client or of a parent resource): a module with a
    sync and an async class."""

    resource: Resource  # the IR
    module: str  # module name under resources/
    class_name: str  # sync class; the async one is "Async" + class_name
    attribute: str  # the attribute on its parent (client.<attribute> for a top-level resource)
    path: str  # the attribute path from the client, e.g. "chat.completions"
    doc: str  # docstring body
    children: tuple[ChildView, ...]  # sub-resources, by attribute
    methods: tuple[MethodView, ...]  # sorted by name
    constants: tuple[tuple[str, str, str], ...]  # (name, annotation, expression)
    model_imports: tuple[str, ...]  # names imported from ..models
    typing_names: tuple[str, ...]  # names imported from typing
    datetime_names: tuple[str, ...]  # names imported from datetime
    extra_imports: tuple[str, ...]  # import lines of other primitives (Base64Bytes from the runtime)
    uses_stream: bool  # some method streams
    uses_pages: bool  # some method pages
    uses_files: bool  # some method uploads files
    uses_overload: bool  # some method has overloads
    uses_adapter: bool  # some constant is a TypeAdapter
    uses_styled: bool  # some parameter or form field has a non-default style (runtime `Styled`)
    uses_part: bool  # some multipart field has an encoding (runtime `Part`)
    uses_media_choice: bool  # some answer is parsed by its Content-Type (runtime `ByMediaType`)
    call_options: tuple[str, ...]  # the per-call keyword arguments every method passes to make_request_options
    runtime_types: tuple[str, ...]  # names imported from the runtime's _types, sorted
    # `--compatible-with`: old method names making the new calls (deprecated), by name
    aliases: tuple[MethodView, ...] = ()
    # `--compatible-with`: (name, message literal) of old methods whose operation is gone
    removed: tuple[tuple[str, str], ...] = ()
    lazy_models: bool = False  # split models package: `_models.X` read at call time, none imported at load
    deferred_constants: tuple[tuple[str, str, str], ...] = ()  # (name, annotation, value) naming models: built on use


def resource_view(
    resource: Resource,
    schemas: Mapping[str, SchemaDef],
    docstrings: str = "full",
    model_style: str = "pydantic",
    line_length: int = DEFAULT_LINE_LENGTH,
    children: Sequence[Resource] = (),
    argument_dicts: str = "any",
    lazy_models: bool = False,
) -> ResourceView:
    """`docstrings`: "full" (summary, description, Args), "summary" (first line) or "none".
    `model_style="typeddict"`: arguments take the TypedDicts as they are, and every
    response is parsed by a TypeAdapter (a TypedDict is no parser of its own).
    `children`: the resources whose parent this one is. `argument_dicts="typed"`: a model
    argument also takes its `<Model>Param` TypedDict (else any `Dict[str, Any]`). `lazy_models`:
    the models are a split package (models_split.py), whose modules a call loads when it needs them."""
    prefix = _LAZY_MODELS if lazy_models else ""
    printer = TypePrinter(schemas, prefix, typed_dicts=model_style == "typeddict", param_dicts=argument_dicts == "typed")
    constants = Constants(line_length, deferred_if=prefix or None)
    methods = tuple(_method_view(op, printer, constants, schemas, docstrings) for op in resource.operations)
    aliases = tuple(
        dataclasses.replace(_method_view(a.operation, printer, constants, schemas, docstrings),
                            deprecation=literals.string(a.message))
        for a in resource.aliases if a.operation is not None
    )
    removed = tuple((a.python_name, literals.string(a.message)) for a in resource.aliases if a.operation is None)
    everything = resource.called_operations
    if any(op.servers for op in everything):
        variables = any(s.variables for op in everything for s in op.servers)
        printer.extra_imports.add("from ._servers import Server" + (", Variable" if variables else ""))
    # Union: also `Union[..., NotGiven]`, the annotation of every optional argument.
    typing_names = set(printer.typing_names) | {"Union"} | {n for o in CALL_OPTIONS for n in o.typing_names}
    if any(m.overloads for m in (*methods, *aliases)):
        typing_names.add("overload")
    if removed:
        typing_names |= {"Any", "NoReturn"}
    if children:  # sub-resource classes are imported for annotations only (each module loads when used)
        typing_names.add("TYPE_CHECKING")
    return ResourceView(
        resource=resource,
        module=resource.module or resource.python_name,
        class_name=resource.class_name,
        attribute=resource.python_name,
        path=".".join(resource.attribute_path),
        doc=_resource_doc(resource),
        children=tuple(ChildView(c.python_name, c.module or c.python_name, c.class_name, _resource_doc(c))
                       for c in sorted(children, key=lambda c: c.python_name)),
        methods=methods,
        aliases=aliases,
        removed=removed,
        constants=tuple(v for k, v in constants.items.items() if k not in constants.deferred),
        lazy_models=lazy_models,
        deferred_constants=tuple(v for k, v in constants.items.items() if k in constants.deferred),
        model_imports=tuple(sorted(printer.model_names)),
        typing_names=tuple(sorted(typing_names)),
        datetime_names=tuple(sorted(printer.datetime_names)),
        extra_imports=import_lines(printer.extra_imports, depth=2),
        uses_stream=any(m.stream_spec for m in (*methods, *aliases)),
        uses_pages=any(m.page_spec for m in (*methods, *aliases)),
        uses_files="FileInput" in printer.runtime_names,
        uses_overload=any(m.overloads for m in (*methods, *aliases)),
        uses_adapter=any("TypeAdapter" in c[1] for c in constants.items.values()),
        uses_media_choice=any(c[1].startswith("ByMediaType[") for c in constants.items.values()),
        uses_styled=any(not p.default_style for op in everything for p in op.parameters)
        or any(e.style for op in everything for _, e in (op.body.encodings if op.body else ())),
        uses_part=any(e.style is None for op in everything for _, e in (op.body.encodings if op.body else ())),
        call_options=tuple(option.name for option in CALL_OPTIONS),
        # NOT_GIVEN, NotGiven: the default and annotation of every optional argument too.
        runtime_types=tuple(sorted({"NOT_GIVEN", "NotGiven", "make_request_options"}
                                   | {n for o in CALL_OPTIONS for n in o.runtime_names}
                                   | ({"FileInput"} if "FileInput" in printer.runtime_names else set()))),
    )


def _resource_doc(resource: Resource) -> str:
    if resource.description:
        return literals.docstring_body(f"Operations tagged `{resource.description}`.")
    return literals.docstring_body(f"`client.{'.'.join(resource.attribute_path)}`: " + (
        "operations under the path segment." if resource.operations else "groups the resources below it."))


def _method_view(
    op: Operation, printer: TypePrinter, constants: Constants, schemas: Mapping[str, SchemaDef], docstrings: str
) -> MethodView:
    path_params = [p for p in op.parameters if p.location == "path"]
    others = [p for p in op.parameters if p.location != "path"]
    body_fields = op.body.fields if op.body else ()
    positional = tuple(ParamView(p.python_name, printer.annotation(p.type, open_enums=False), None) for p in path_params)
    keyword_params = [_param_view(p.python_name, p.type, p.required, printer) for p in others]
    keyword_params += [_param_view(f.python_name, f.type, f.required, printer) for f in body_fields]
    # A whole (non-object) body is one argument, named so no spec parameter shadows it.
    body_name = naming.unique("body", [p.python_name for p in op.parameters])
    if op.body and op.body.whole is not None:
        keyword_params.append(_param_view(body_name, op.body.whole, op.body.required, printer))
    # Required keywords first: reads like the API docs, and keeps `*` signatures tidy.
    keyword_params.sort(key=lambda p: p.default is not None)

    ll = constants.line_length
    returns = return_annotation(op, printer)
    cast_to = answer_parser(op, printer, constants, schemas)
    async_returns = returns
    page_item = page_spec = None
    if op.page is not None:
        item = printer.annotation(op.page.item_type, open_enums=True)
        page_item = cast_expression(op.page.item_type, item, printer, constants, schemas)
        page_spec = constants.add(f"page:{op.python_name}", f"_{op.python_name.upper()}_PAGES", "PageSpec",
                                  runtime_specs.page_spec(op))
        returns = f"SyncPage[{item}, {returns}]"
        async_returns = f"AsyncPaginator[{item}, {async_returns}]"

    signature = SignatureView(positional, tuple(keyword_params) + _CALL_PARAMS, returns, async_returns)
    overloads: tuple[SignatureView, ...] = ()
    stream_mode = stream_cast = stream_spec = None
    if op.stream is not None:
        event = printer.annotation(op.stream.event_type, open_enums=False)
        stream_cast = cast_expression(op.stream.event_type, event, printer, constants, schemas)
        stop_spec = None
        if op.stream.stop is not None:
            printer.extra_imports.add("from ._stop import StopSpec")
            stop_spec = constants.add(f"stop:{op.python_name}", f"_{op.python_name.upper()}_STOP", "StopSpec",
                                      runtime_specs.stop_spec(op.stream.stop))
        trace_spec = None
        if op.stream.spans or op.stream.span_logs:
            printer.extra_imports.add("from ._trace import LogSpec, SpanSpec, TraceSpec" if op.stream.span_logs
                                      else "from ._trace import SpanSpec, TraceSpec")
            trace_spec = constants.add(f"trace:{op.python_name}", f"_{op.python_name.upper()}_TRACE", "TraceSpec",
                                       runtime_specs.trace_spec(op))
        stream_spec = constants.add(f"stream:{op.python_name}", f"_{op.python_name.upper()}_EVENTS", "StreamSpec",
                                    runtime_specs.stream_spec(op, stop_spec, trace_spec))
        if op.stream.streams_only:  # the return is the stream alone, never Union[None, Stream]
            keyword = signature.keyword
            if op.stream.mode_field is not None:
                printer.typing_names.add("Literal")
                keyword = _fixed_mode(keyword, op.stream.mode_field, literals.value(op.stream.stream_value))
            signature = SignatureView(positional, keyword, f"Stream[{event}]", f"AsyncStream[{event}]")
        else:
            mode = next(f for f in body_fields if f.python_name == op.stream.mode_field)
            stream_value = literals.value(op.stream.stream_value)
            stream_mode = f"{mode.python_name} == {stream_value}"
            overloads, signature = _stream_overloads(signature, mode, stream_value, event, printer)

    return MethodView(
        operation=op,
        name=op.python_name,
        doc=_docstring(op, docstrings),
        signature=signature,
        overloads=overloads,
        http_method=literals.string(op.http_method),
        path=literals.string(op.path),
        path_params=dict_display(((p.wire_name, styled(p)) for p in path_params), "path_params", ll),
        query=dict_display(((p.wire_name, styled(p)) for p in others if p.location in ("query", "querystring")), "query", ll),
        headers=dict_display(((p.wire_name, styled(p)) for p in others if p.location == "header"), "headers", ll),
        cookies=dict_display(((p.wire_name, styled(p)) for p in others if p.location == "cookie"), "cookies", ll),
        errors=dict_display(error_parsers(op, printer, constants, schemas), "errors", ll),
        body_args=body_args(op, body_name, ll),
        cast_to=cast_to,
        accept=accept_header(op),
        answers=f"({int(op.success.status)},)" if op.success.status[0] == "3" else None,
        idempotent=op.idempotent,
        streams_only=op.stream is not None and op.stream.streams_only,
        stream_mode=stream_mode,
        stream_cast=stream_cast,
        stream_spec=stream_spec,
        page_item=page_item,
        page_spec=page_spec,
        security=None if op.security is None else requirement_literal(op.security),
        servers=display_at("request_argument", "servers", "(", server_displays(op.servers), ")",
                           line_length=ll) if op.servers else None,
    )


def _param_view(name: str, type_ref: TypeRef, required: bool, printer: TypePrinter) -> ParamView:
    annotation = printer.annotation(type_ref, open_enums=False, accept_dicts=True)
    if required:
        return ParamView(name, annotation, None)
    return ParamView(name, f"Union[{annotation}, NotGiven]", "NOT_GIVEN")


def _fixed_mode(keyword: tuple[ParamView, ...], mode_name: str, stream_value: str) -> tuple[ParamView, ...]:
    """The mode argument of an operation that only streams: its one value, as the default."""
    params = [p for p in keyword if p.name != mode_name]
    index = next((i for i, p in enumerate(params) if p.default is not None), len(params))
    params.insert(index, ParamView(mode_name, f"Literal[{stream_value}]", stream_value))
    return tuple(params)


def _stream_overloads(
    signature: SignatureView, mode: Field, stream_value: str, event: str, printer: TypePrinter
) -> tuple[tuple[SignatureView, ...], SignatureView]:
    """Three overloads so type checkers know what each mode returns:
    streaming -> Stream[Event]; the other values (or omitted) -> the model;
    a value only known at run time -> either. Each overload takes the mode
    argument as the implementation does: required where the field is."""
    printer.typing_names.add("Literal")
    others = []
    kind = strip_nullable(mode.type)
    if isinstance(kind, LiteralType):
        others = [literals.value(v) for v in kind.values if literals.value(v) != stream_value]
    elif stream_value in ("True", "False"):
        others = ["False" if stream_value == "True" else "True"]
    blocking_values = [f"Literal[{', '.join(others)}]"] if others else []
    if isinstance(mode.type, NullableType):
        blocking_values.append("None")
    if not mode.required:
        blocking_values.append("NotGiven")
    blocking_mode = blocking_values[0] if len(blocking_values) == 1 else f"Union[{', '.join(blocking_values)}]"
    mode_param = next(p for p in signature.keyword if p.name == mode.python_name)

    def with_mode(annotation: str, default: str | None, returns: str, async_returns: str) -> SignatureView:
        keyword = [p for p in signature.keyword if p.name != mode.python_name]
        param = ParamView(mode.python_name, annotation, default)
        index = 0 if default is None else next((i for i, p in enumerate(keyword) if p.default is not None), len(keyword))
        keyword.insert(index, param)
        return SignatureView(signature.positional, tuple(keyword), returns, async_returns)

    streamed = with_mode(f"Literal[{stream_value}]", None, f"Stream[{event}]", f"AsyncStream[{event}]")
    either_returns = f"Union[{signature.returns}, Stream[{event}]]"
    either_async = f"Union[{signature.async_returns}, AsyncStream[{event}]]"
    either = with_mode(mode_param.annotation, mode_param.default, either_returns, either_async)
    if not blocking_values:  # a required field that is no enum (named by the config): no value is known to block
        return (streamed, either), either
    blocking = with_mode(blocking_mode, None if mode.required else "NOT_GIVEN", signature.returns, signature.async_returns)
    return (streamed, blocking, either), either


def _docstring(op: Operation, style: str) -> str:
    if style == "none":
        return ""
    # Without a summary the request line says what the method does; the bare operationId would not.
    parts = [op.summary or f"{op.http_method} {op.path}"]
    if style == "summary":
        return literals.docstring_body(parts[0].strip().split("\n")[0])
    if op.description and op.description != op.summary:
        parts.append(op.description)
    documented = [p for p in op.parameters if p.description]
    fields = [f for f in (op.body.fields if op.body else ()) if f.description or is_file(f.type)]
    whole_file = op.body is not None and op.body.whole is not None and body_args(op, "")[0][0] == "content"
    if documented or fields or whole_file:
        lines = ["Args:"]
        described: list[tuple[str, str]] = [(p.python_name, p.description or "") for p in documented]
        described += [(f.python_name, with_file_note(f.description, is_file(f.type))) for f in fields]
        if whole_file and op.body is not None:
            body_name = naming.unique("body", [p.python_name for p in op.parameters])
            described.append((body_name, with_file_note(op.body.description, True)))
        for name, description in described:
            lines.append(f"    {name}: " + " ".join(description.split()))
        parts.append("\n".join(lines))
    if op.deprecated:
        parts.append("Deprecated by the API.")
    return literals.docstring_body("\n\n".join(parts))


