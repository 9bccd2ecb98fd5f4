"""Facts that have one owner in the generator but a copy elsewhere (the standalone runtime,
the config reader): these tests fail when a copy drifts from its owner."""

from __future__ import annotations

import dataclasses
import inspect
import re
from pathlib import Path

import pytest

from generator import naming
from generator.call_options import CALL_OPTIONS, CallOption
from generator.config import StreamConfig
from generator.emit.views.resources import resource_view
from generator.ir.operations import STREAM_OPTIONS
from generator.pipeline import build_only
from generator.runtime import _stream_spec, _types

DIFY = Path(__file__).resolve().parents[1] / "specs" / "dify-chatflow.json"


def test_runtime_make_request_options_takes_the_call_options_in_order() -> None:
    parameters = inspect.signature(_types.make_request_options).parameters
    assert [p.name for p in parameters.values()] == [o.name for o in CALL_OPTIONS]
    for option in CALL_OPTIONS:
        parameter = parameters[option.name]
        assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
        assert parameter.annotation == option.annotation  # the runtime's source text (`from __future__`)
        assert parameter.default is eval(option.default, vars(_types)), option.name


def test_runtime_request_options_hold_the_call_options() -> None:
    assert set(_types.RequestOptions.__annotations__) == {o.name for o in CALL_OPTIONS}


def test_call_option_imports_cover_their_annotations() -> None:
    import typing

    for option in CALL_OPTIONS:
        used = set(re.findall(r"[A-Za-z_]\w*", f"{option.annotation} {option.default}")) - {"None", "int", "str", "object"}
        assert used == set(option.runtime_names) | set(option.typing_names), option.name
        assert set(option.runtime_names) <= set(_types.__all__)
        assert all(hasattr(typing, name) for name in option.typing_names)


@pytest.mark.parametrize("option", CALL_OPTIONS, ids=lambda o: o.name)
def test_a_spec_parameter_never_takes_a_call_option_name(option: CallOption) -> None:
    name = option.name
    assert naming.parameter_name(name) == name + "_"
    camel = "".join(w.capitalize() if i else w for i, w in enumerate(name.split("_")))  # extraHeaders
    assert naming.parameter_name(camel) == name + "_"


def test_method_views_hold_booleans_as_bool() -> None:
    api = build_only(DIFY)
    schemas = {definition.name: definition for definition in api.schemas}
    methods = [m for r in api.resources for m in resource_view(r, schemas).methods]
    assert {m.idempotent for m in methods} == {True, False}  # the spec has GETs and POSTs
    for method in methods:
        assert method.idempotent is method.operation.idempotent
        stream = method.operation.stream
        assert method.streams_only is (stream is not None and stream.streams_only)
        assert method.stream_mode is None or method.stream_mode not in ("True", "False")
        texts = [v for v in vars(method).values() if isinstance(v, str)]
        assert not {"True", "False"} & set(texts), method.name


def test_runtime_stream_spec_takes_the_stream_options_in_order() -> None:
    runtime = dataclasses.fields(_stream_spec.StreamSpec)
    assert [f.name for f in runtime] == [o.name for o in STREAM_OPTIONS] + ["stop", "trace"]
    for option, field in zip(STREAM_OPTIONS, runtime):
        default = option.runtime_default
        assert field.default == (frozenset(default) if option.shape == "names" else default), option.name


def test_stream_config_has_a_field_for_each_configurable_option_and_no_other() -> None:
    configurable = {o.name for o in STREAM_OPTIONS if o.configurable}
    own = {"events", "mode_field", "stream_value", "stop", "spans", "span_logs"}  # the config's, not the runtime's
    assert {f.name for f in dataclasses.fields(StreamConfig)} == configurable | own


def test_every_configurable_stream_option_reaches_the_generated_stream_spec(tmp_path: Path) -> None:
    lists = {"skip": ["beat"], "error": ["failed"], "terminal": ["message_end"], "terminal_data": ["[END]"]}
    configurable = [o for o in STREAM_OPTIONS if o.configurable]
    given = {o.name: lists.get(o.name, [f"{o.name}_value"]) if o.shape == "names" else f"{o.name}_value"
             for o in configurable}
    config = tmp_path / "clientgen.yaml"
    config.write_text("streams:\n  sendAdvancedChatMessage:\n"
                      + "".join(f"    {name}: {value!r}\n" for name, value in given.items()))
    api = build_only(DIFY, config_path=config)
    schemas = {definition.name: definition for definition in api.schemas}
    views = [resource_view(r, schemas) for r in api.resources]
    method = next(m for v in views for m in v.methods if m.operation.operation_id == "sendAdvancedChatMessage")
    expression = next(e for v in views for name, _, e in v.constants if name == method.stream_spec)
    spec = eval(expression, {"StreamSpec": _stream_spec.StreamSpec})  # the generated source, as the runtime reads it
    for option in configurable:
        value = given[option.name]
        assert getattr(spec, option.name) == (frozenset(value) if option.shape == "names" else value), option.name


def test_the_resources_pass_alone_names_methods(tmp_path: Path) -> None:
    import json

    from generator.builder.operations import OperationBuilder
    from generator.builder.schemas import SchemaBuilder

    answer = {"200": {"description": "OK"}}
    document = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {
        "/items": {"get": {"operationId": "listThings", "responses": answer}},
        "/things": {"get": {"operationId": "listThings", "responses": answer},  # a duplicate id
                    "post": {"operationId": "makeThing", "responses": answer}},
    }}
    found = OperationBuilder(document, SchemaBuilder(document, []), []).operations()
    assert [op.python_name for _, op, _ in found] == ["", "", ""]  # no provisional name to go stale
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(document))
    config = tmp_path / "clientgen.yaml"
    config.write_text("operations:\n  makeThing: {name: create_one}\n")
    api = build_only(spec, config_path=config)
    names = {op.operation_id: op.python_name for r in api.resources for op in r.operations}
    assert len(names) == 3 and all(names.values())
    assert names["makeThing"] == "create_one"
