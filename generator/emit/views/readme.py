"""The view of the generated README: a method table and runnable examples.

Examples are built from the IR (the first streaming, paging, uploading and
downloading operations), with argument values from the spec's examples when
it has them, else values its schemas accept (`examples.py`, shared with the
package's tests), so they fit whatever API is generated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from generator.emit.views import literals
from generator.emit.views.auth import server_selection
from generator.emit.views.context import api_title
from generator.emit.views.examples import ExampleValues
from generator.emit.views.params import param_models
from generator.emit.views.resources import ResourceView
from generator.emit.views.type_printer import param_name
from generator.ir import Api, Field, Operation, Parameter, PrimitiveType, Server


@dataclass(frozen=True)
class MethodRow:
    """One row of the README's method table."""

    call: str  # "client.chat.send_message()"
    http: str  # "POST /chat-messages"
    summary: str  # one line, `|` escaped


@dataclass(frozen=True)
class ServerRow:
    """One row of the README's server table: how to choose it, and its variables."""

    choice: str  # "`server=0`, `server=\"eu\"`"
    url: str  # the URL as the spec writes it, `{variables}` and all
    description: str  # one line, `|` escaped
    variables: str  # "`region`: `eu` (default), `us`"


@dataclass(frozen=True)
class Example:
    """A runnable call: client.<resource>.<method>(<arguments>)."""

    resource: str  # the attribute path from the client: "chat.completions"
    method: str
    arguments: str  # "a=1, b='x'"


@dataclass(frozen=True)
class ReadmeView:
    """The README: a method table and examples picked from the API (None: it has no such operation)."""

    title: str  # "<title> API", one line
    description: str  # info.description, one paragraph
    distribution_name: str
    rows: tuple[MethodRow, ...]
    simple: Example | None  # a GET answering JSON, fewest required arguments
    stream: Example | None  # the first streaming operation, in streaming mode
    stream_text_event: str | None  # the event whose text until_done() joins
    stream_tag: str | None  # the key naming an event's type (TypedDict events are read by it)
    stream_stop: str | None  # what stops an abandoned stream's task: `client.chat.stop()`
    stream_spans: tuple[str, ...]  # the span kinds until_done().trace has (config `spans`)
    page: Example | None  # the first paging operation
    upload: Example | None  # the first operation taking a file
    upload_field: str | None  # its file argument
    download: Example | None  # the first operation answering bytes
    base_url: str
    extra_dependencies: tuple[str, ...] = ()  # project names of the config's extra_dependencies
    datetime_names: tuple[str, ...] = ()  # what the examples' arguments import from datetime
    tests: bool = True  # the package has tests/ (config `tests`)
    servers: tuple[ServerRow, ...] = ()  # when there is a server to choose (else none)
    params: str = ""  # "`AParam`, `BParam` and 3 more": the Param TypedDicts arguments take (else "")


def readme_view(api: Api, resources: list[ResourceView], extra_dependencies: tuple[str, ...] = (),
                *, tests: bool = True) -> ReadmeView:
    values = ExampleValues({d.name: d for d in api.schemas}, typed_dicts=api.model_style == "typeddict")
    # (the attribute path of the resource, the operation): "chat.completions" and its `create`
    operations = [(".".join(r.attribute_path), op) for r in api.resources for op in r.operations]
    rows = tuple(
        MethodRow(
            f"client.{resource}.{op.python_name}()",
            f"{op.http_method} {op.path}",
            _one_line(op.summary or op.description or ""),
        )
        for resource, op in operations
    )

    def first(predicate: Callable[[Operation], bool]) -> tuple[str, Operation] | None:
        return next(((r, op) for r, op in operations if predicate(op)), None)

    simple_candidates = sorted(
        ((r, op) for r, op in operations if op.method == "get" and op.page is None and op.success.kind == "json"),
        key=lambda found: sum(1 for p in found[1].parameters if p.required),
    )
    simple = simple_candidates[0] if simple_candidates else None
    stream = first(lambda op: op.stream is not None)
    page = first(lambda op: op.page is not None)
    upload = first(lambda op: op.body is not None and any(f.type == PrimitiveType("file") for f in op.body.fields))
    download = first(lambda op: op.success.kind == "binary")
    upload_field = None
    if upload is not None and upload[1].body is not None:
        upload_field = next(f.python_name for f in upload[1].body.fields if f.type == PrimitiveType("file"))
    return ReadmeView(
        title=_one_line(api_title(api.title)),
        description=" ".join((api.description or "").split()),
        distribution_name=api.distribution_name,
        rows=rows,
        simple=_example(values, simple),
        stream=_example(values, stream, streaming=True),
        stream_text_event=stream[1].stream.text_event if stream and stream[1].stream else None,
        stream_tag=stream[1].stream.discriminator if stream and stream[1].stream else None,
        stream_stop=_stop_call(stream[1], operations) if stream else None,
        stream_spans=tuple(s.kind for s in stream[1].stream.spans) if stream and stream[1].stream else (),
        page=_example(values, page),
        upload=_example(values, upload),
        upload_field=upload_field,
        download=_example(values, download),
        base_url=api.base_url,
        extra_dependencies=_project_names(extra_dependencies),
        datetime_names=tuple(sorted(values.imports)),
        tests=tests,
        servers=tuple(_server_row(i, server) for i, server in enumerate(api.servers)) if server_selection(api) else (),
        params=_param_names(param_models(api)),
    )


def _param_names(models: tuple[str, ...], shown: int = 3) -> str:
    """A few Param names are enough to show the pattern; a big spec has hundreds."""
    names = ", ".join(f"`{param_name(m)}`" for m in models[:shown])
    return names + (f" and {len(models) - shown} more" if len(models) > shown else "")


def _server_row(index: int, server: Server) -> ServerRow:
    choice = f"`server={index}`" + (f", `server={literals.string(server.name)}`" if server.name else "")
    variables = "; ".join(
        f"`{name}`: " + ", ".join(f"`{v}`" + (" (default)" if v == default else "") for v in (enum or (default,)))
        for name, default, enum, _ in server.variables
    )
    return ServerRow(choice, server.url.replace("|", "%7C"), _one_line(server.description or ""),
                     variables.replace("|", "\\|"))


def _project_names(requirements: tuple[str, ...]) -> tuple[str, ...]:
    """"rich>=13" -> "rich" (packaging is only imported when there are any: it takes a while)."""
    if not requirements:
        return ()
    from packaging.requirements import Requirement

    return tuple(Requirement(r).name for r in requirements)


def _stop_call(op: Operation, operations: list[tuple[str, Operation]]) -> str | None:
    """The method that stops the stream's task (its request line, if the package leaves it out)."""
    stop = op.stream.stop if op.stream else None
    if stop is None:
        return None
    found = next((f"client.{r}.{o.python_name}()" for r, o in operations if o.operation_id == stop.operation_id), None)
    return found or f"{stop.method} {stop.path}"


def _example(values: ExampleValues, found: tuple[str, Operation] | None, streaming: bool = False) -> Example | None:
    if found is None:
        return None
    resource, op = found
    arguments = [values.argument(p.type, p.hints, p.wire_name) for p in op.parameters if p.location == "path"]
    required: list[Parameter | Field] = [p for p in op.parameters if p.location != "path" and p.required]
    if op.body is not None:
        required += [f for f in op.body.fields if f.required and not (streaming and f.python_name == _mode(op))]
    for item in required:
        if isinstance(item, Field) and item.type == PrimitiveType("file"):
            arguments.append(f"{item.python_name}=Path(\"example.bin\")")  # a README shows the usual: a path
        else:
            arguments.append(f"{item.python_name}={values.argument(item.type, item.hints, item.wire_name)}")
    if streaming and op.stream is not None:
        arguments.append(f"{op.stream.mode_field}={literals.value(op.stream.stream_value)}")
    return Example(resource, op.python_name, ", ".join(arguments))


def _mode(op: Operation) -> str | None:
    return op.stream.mode_field if op.stream else None


def _one_line(text: str) -> str:
    flat = " ".join(text.split()).replace("|", "\\|")
    return flat if len(flat) <= 120 else flat[:117] + "..."
