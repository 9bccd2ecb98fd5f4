"""The views of the package's own tests (tests/ beside the package).

For every operation a test per response mode (blocking, streaming where the
operation streams) and client flavour, calling the method with values from
`examples` and checking the answer parses into the declared type. They run
against any server for the spec; `prism mock SPEC` is the intended one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from generator.emit.views import literals
from generator.emit.views.examples import ExampleValues
from generator.emit.views.resources import MethodView, ResourceView
from generator.emit.views.type_printer import TypePrinter
from generator.ir import Api, Field, ModelDef, NamedType, Operation, Parameter, SchemaDef, TypeRef, ValueHints
from generator.ir.types import LiteralType

_TARGETS = {"result": "result", "page": "page", "none": "result", "empty": ""}
_STANDARD = frozenset({"extra_headers", "extra_query", "extra_body", "timeout", "max_retries"})


@dataclass(frozen=True)
class ShippedTest:
    """One test function: a call and how its answer is checked."""

    name: str  # the function name after "test_" (or "test_async_")
    operation: Operation  # the IR
    callee: str  # "client.<resource>.<method>": the method on the `client` fixture
    async_callee: str  # the same on the `async_client` fixture
    arguments: tuple[str, ...]  # source of each argument: "value" or "name=value"
    kind: str  # "result" | "page" | "stream" | "none" (no declared type) | "empty" (no body)
    target: str  # the variable the answer is bound to: "result", "page", "stream"; "" for none
    check: str  # isinstance / TypeAdapter check of `result`, `page.items` or `event`, "" for "none"


@dataclass(frozen=True)
class ShippedTestsView:
    """package/tests/test_resource.py.j2: one module per resource."""

    module: str  # "test_<resource module>"
    cases: tuple[ShippedTest, ...]
    model_imports: tuple[str, ...]  # names imported from <package>.models
    typing_names: tuple[str, ...]  # names imported from typing
    datetime_names: tuple[str, ...]  # names imported from datetime
    uses_adapter: bool  # some check is a pydantic TypeAdapter
    runtime_names: tuple[str, ...]  # names imported from the package itself (SyncPage, ...)


def call_expression(client: str, resource: ResourceView, method: MethodView) -> str:
    """How a method is reached from a client (`client.chat.completions.create`)."""
    return f"{client}.{resource.resource.method_path(method.operation)}"


def test_modules(api: Api, resources: Sequence[ResourceView]) -> tuple[ShippedTestsView, ...]:
    schemas = {d.name: d for d in api.schemas}
    return tuple(_module(api, r, schemas) for r in resources if r.methods)


def _module(api: Api, resource: ResourceView, schemas: Mapping[str, SchemaDef]) -> ShippedTestsView:
    typed_dicts = api.model_style == "typeddict"
    printer = TypePrinter(schemas, typed_dicts=typed_dicts)
    values = ExampleValues(schemas, typed_dicts=typed_dicts)
    cases: list[ShippedTest] = []
    for method in resource.methods:
        op = method.operation
        callees = call_expression("client", resource, method), call_expression("async_client", resource, method)
        stream = op.stream
        if stream is None or stream.mode_field is not None:
            mode = _blocking_mode(op)
            arguments = _arguments(op, method, values, mode)
            kind, check = _check(op, printer, schemas, typed_dicts)
            cases.append(ShippedTest(method.name, op, *callees, arguments, kind, _TARGETS[kind], check))
        if stream is not None:
            mode = (stream.mode_field, literals.value(stream.stream_value)) if stream.mode_field else None
            arguments = _arguments(op, method, values, mode)
            event = printer.annotation(stream.event_type, open_enums=False)
            check = _type_check("event", stream.event_type, event, schemas, typed_dicts)
            name = f"{method.name}_streaming" if stream.mode_field else method.name
            cases.append(ShippedTest(name, op, *callees, arguments, "stream", "stream", check))
    checks = " ".join(c.check for c in cases)
    runtime = {"SyncPage"} if any(c.kind == "page" for c in cases) else set()
    return ShippedTestsView(
        module=f"test_{resource.module}",
        cases=tuple(cases),
        model_imports=tuple(sorted(n for n in printer.model_names if n in checks)),
        typing_names=tuple(sorted(n for n in printer.typing_names if n in checks)),
        datetime_names=tuple(sorted(values.imports)),
        uses_adapter="TypeAdapter(" in checks,
        runtime_names=tuple(sorted(runtime)),
    )


def _blocking_mode(op: Operation) -> tuple[str, str] | None:
    """The mode argument of a blocking call: another value of a literal mode field, or none."""
    stream = op.stream
    if stream is None or stream.mode_field is None or op.body is None:
        return None
    field = next((f for f in op.body.fields if f.python_name == stream.mode_field), None)
    if field is None:
        return None
    mode_type = field.type
    if isinstance(mode_type, LiteralType):
        others = [v for v in mode_type.values if v != stream.stream_value]
        return (field.python_name, literals.value(others[0])) if others else None
    if isinstance(stream.stream_value, bool):
        return field.python_name, literals.value(not stream.stream_value)
    return None


def _arguments(op: Operation, method: MethodView, values: ExampleValues,
               mode: tuple[str, str] | None) -> tuple[str, ...]:
    """Path parameters in order, then every required keyword and each optional one the spec gives
    an example of (a realistic call), then the mode."""
    by_name: dict[str, Parameter | Field] = {p.python_name: p for p in op.parameters}
    by_name.update({f.python_name: f for f in (op.body.fields if op.body else ())})
    found = [values.argument(by_name[p.name].type, by_name[p.name].hints, by_name[p.name].wire_name)
             for p in method.signature.positional]
    for param in method.signature.keyword:
        if param.name in _STANDARD or (mode and param.name == mode[0]):
            continue
        item = by_name.get(param.name)
        if item is None:  # the whole body
            assert op.body is not None and op.body.whole is not None
            if param.default is None:
                found.append(f"{param.name}={values.argument(op.body.whole, op.body.hints, 'body')}")
            continue
        if param.default is None or _has_example(item.hints):
            header = isinstance(item, Parameter) and item.location == "header"
            found.append(f"{param.name}={values.argument(item.type, item.hints, item.wire_name, one_line=header)}")
    if mode is not None:
        found.append(f"{mode[0]}={mode[1]}")
    return tuple(found)


def _has_example(hints: ValueHints | None) -> bool:
    return bool(hints and hints.examples)


def _check(op: Operation, printer: TypePrinter, schemas: Mapping[str, SchemaDef],
           typed_dicts: bool) -> tuple[str, str]:
    if op.page is not None:
        item = printer.annotation(op.page.item_type, open_enums=True)
        printer.typing_names.add("List")
        return "page", _type_check("page.items", op.page.item_type, f"List[{item}]", schemas, typed_dicts,
                                   listed=True)
    success = op.success
    if success.kind == "binary":
        return "result", "assert isinstance(result, bytes)"
    if success.kind == "text":
        return "result", "assert isinstance(result, str)"
    if success.kind == "empty":
        return "empty", ""  # typed None: mypy refuses to bind it, so the call is the test
    if success.type is None:
        return "none", ""
    annotation = printer.annotation(success.type, open_enums=True)
    return "result", _type_check("result", success.type, annotation, schemas, typed_dicts)


def _type_check(target: str, type_ref: TypeRef, annotation: str, schemas: Mapping[str, SchemaDef],
                typed_dicts: bool, *, listed: bool = False) -> str:
    """A model class checks itself; anything else (unions, lists, TypedDicts) is validated."""
    if not listed and not typed_dicts and isinstance(type_ref, NamedType) and isinstance(
            schemas.get(type_ref.name), ModelDef):
        return f"assert isinstance({target}, {type_ref.name})"
    return f"TypeAdapter({annotation}).validate_python({target})"
