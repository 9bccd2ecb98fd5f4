"""Facts that have one owner in the generator but a copy elsewhere (the standalone runtime,
the config reader): these tests fail when a copy drifts from its owner."""

from __future__ import annotations

import inspect
import re

import pytest

from generator import naming
from generator.call_options import CALL_OPTIONS, CallOption
from generator.runtime import _types


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
    from pathlib import Path

    from generator.emit.views.resources import resource_view
    from generator.pipeline import build_only

    api = build_only(Path(__file__).resolve().parents[1] / "specs" / "dify-chatflow.json")
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
