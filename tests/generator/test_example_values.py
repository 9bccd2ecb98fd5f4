"""The example values the README and the shipped tests use: the spec's own examples when they
fit, else values every schema keyword here accepts (checked by jsonschema, not by us), the same
bytes on every run, and spec text only ever inside a literal."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.emit.views.examples import ExampleValues
from generator.emit.views.patterns import matching_string
from generator.pipeline import build_only

SCHEMAS: dict[str, dict[str, Any]] = {
    "email": {"type": "string", "format": "email"},
    "uuid": {"type": "string", "format": "uuid"},
    "stamp": {"type": "string", "format": "date-time"},
    "day": {"type": "string", "format": "date"},
    "code": {"type": "string", "pattern": "^[A-Z]{2}-\\d{3,5}$"},
    "short": {"type": "string", "minLength": 12, "maxLength": 14},
    "count": {"type": "integer", "minimum": 10, "maximum": 20, "multipleOf": 5},
    "ratio": {"type": "number", "minimum": 0, "exclusiveMinimum": True, "maximum": 0.5},
    "level": {"type": "integer", "minimum": 3, "exclusiveMinimum": True},
    "colour": {"type": "string", "enum": ["red", "green"]},
    "tags": {"type": "array", "items": {"type": "string", "format": "ipv4"}, "minItems": 2},
    "nested": {"type": "object", "required": ["inner"], "properties": {
        "inner": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer", "minimum": 7}}}}},
    "pet": {"$ref": "#/components/schemas/Pet"},
    # oneOf: any object matches the free-form branch and `{}` both, so only a non-object fits one
    "choice": {"oneOf": [{"type": "object"}, {"$ref": "#/components/schemas/Closed"}, {}]},
}


def _spec(tmp_path: Path, extra: dict[str, Any] | None = None) -> Path:
    params = [{"name": name, "in": "query", "required": True, "schema": schema} for name, schema in SCHEMAS.items()
              if schema.get("type") not in ("object", "array") and "$ref" not in schema and "oneOf" not in schema]
    body = {"type": "object", "required": sorted(SCHEMAS), "properties": SCHEMAS}
    spec = {
        "openapi": "3.0.3", "info": {"title": "Values", "version": "1"},
        "paths": {"/things": {"post": {
            "operationId": "make", "parameters": params,
            "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
            "responses": {"200": {"description": "ok"}}}}},
        "components": {"schemas": {"Pet": {
            "type": "object", "required": ["name"], "properties": {"name": {"type": "string", "example": "Rex"},
                                                                   "kind": {"type": "string", "example": "dog"}}},
            "Closed": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": False}}},
    }
    for key, value in (extra or {}).items():
        spec["paths"]["/things"]["post"][key] = value
    path = tmp_path / "values.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


def _values(spec: Path) -> tuple[ExampleValues, Any]:
    api = build_only(spec)
    return ExampleValues({d.name: d for d in api.schemas}), api.resources[0].operations[0]


def test_derived_values_satisfy_their_schemas(tmp_path: Path) -> None:
    spec = _spec(tmp_path)
    values, op = _values(spec)
    document = json.loads(spec.read_text(encoding="utf-8"))
    assert op.body is not None
    for field in op.body.fields:
        value = values.data(field.type, field.hints, field.wire_name)
        schema = {**SCHEMAS[field.wire_name], "components": document["components"]}
        _validate(value, schema)
    for param in op.parameters:
        value = values.data(param.type, param.hints, param.wire_name)
        _validate(value, SCHEMAS[param.wire_name])


def _validate(value: Any, schema: dict[str, Any]) -> None:
    """Draft 4: the JSON Schema of OpenAPI 3.0 (a boolean exclusiveMinimum)."""
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER).validate(value)


def test_the_specs_examples_come_first_and_only_when_they_fit(tmp_path: Path) -> None:
    body = {"type": "object", "required": ["n", "word"], "properties": {
        "n": {"type": "integer", "example": "not a number", "minimum": 4},
        "word": {"type": "string", "example": "from-the-property"}}}
    spec = _spec(tmp_path, {"requestBody": {"content": {"application/json": {
        "schema": body, "example": {"word": "from-the-media-type"}}}}})
    values, op = _values(spec)
    by_name = {f.wire_name: f for f in op.body.fields}
    assert values.data(by_name["word"].type, by_name["word"].hints, "word") == "from-the-media-type"
    assert values.data(by_name["n"].type, by_name["n"].hints, "n") == 4  # the example is no integer
    pet_param = {"name": "p", "in": "query", "required": True, "schema": {"type": "string"},
                 "examples": {"b": {"value": "second"}, "a": {"value": "first"}}}
    values, op = _values(_spec(tmp_path, {"parameters": [pet_param]}))
    assert values.data(op.parameters[0].type, op.parameters[0].hints, "p") == "first"


def test_a_referenced_model_gets_its_required_fields_with_their_examples(tmp_path: Path) -> None:
    values, op = _values(_spec(tmp_path))
    pet = next(f for f in op.body.fields if f.wire_name == "pet")
    assert values.data(pet.type, pet.hints, "pet") == {"name": "Rex"}


def test_spec_text_stays_inside_literals(tmp_path: Path) -> None:
    hostile = '"); import os; os.system("echo owned") #\\'
    param = {"name": "q", "in": "query", "required": True, "schema": {"type": "string", "example": hostile}}
    values, op = _values(_spec(tmp_path, {"parameters": [param]}))
    source = values.argument(op.parameters[0].type, op.parameters[0].hints, "q")
    assert ast.literal_eval(source) == hostile


def test_values_are_deterministic(tmp_path: Path) -> None:
    first = [_values(_spec(tmp_path))[0].argument(f.type, f.hints, f.wire_name)
             for f in _values(_spec(tmp_path))[1].body.fields]
    again = [_values(_spec(tmp_path))[0].argument(f.type, f.hints, f.wire_name)
             for f in _values(_spec(tmp_path))[1].body.fields]
    assert first == again


@pytest.mark.parametrize("pattern", [r"^[a-z]{3}-\d{2,4}$", r"^(foo|bar)+$", r"^\+?[1-9]\d{1,14}$", r"[^abc]x",
                                     r"^(\w)\1$", r"^[A-F0-9]{8}(-[A-F0-9]{4}){3}$"])
def test_pattern_strings_match(pattern: str) -> None:
    import re

    text = matching_string(pattern)
    assert text is not None and re.search(pattern, text)


def test_an_impossible_pattern_gives_none() -> None:
    assert matching_string(r"^(?=x)y$") is None


def test_a_header_value_never_takes_an_example_with_a_line_break(tmp_path: Path) -> None:
    header = {"name": "boxapi", "in": "header", "required": True,
              "schema": {"type": "string", "example": "shared_link=https://x\nshared_link_password=y"}}
    values, op = _values(_spec(tmp_path, {"parameters": [header]}))
    param = op.parameters[0]
    assert "\n" in values.data(param.type, param.hints, "boxapi")
    assert values.data(param.type, param.hints, "boxapi", one_line=True) == "boxapi"


def test_a_number_whose_example_is_whole_is_written_as_the_example(tmp_path: Path) -> None:
    # vimeo's ids: `type: number, example: 258684937` in a path; `258684937.0` there is another URL
    param = {"name": "video_id", "in": "query", "required": True, "schema": {"type": "number", "example": 258684937}}
    values, op = _values(_spec(tmp_path, {"parameters": [param]}))
    assert values.argument(op.parameters[0].type, op.parameters[0].hints, "video_id") == "258684937"


def test_an_example_off_its_own_pattern_or_bounds_gives_way_to_a_derived_value(tmp_path: Path) -> None:
    # linode's root_device: `example: /dev/sda` beside `pattern: 'a-z, A-Z, 0-9, /, _, -'`
    params = [{"name": "device", "in": "query", "required": True,
               "schema": {"type": "string", "example": "/dev/sda", "pattern": "a-z, A-Z, 0-9, /, _, -"}},
              {"name": "size", "in": "query", "required": True, "schema": {"type": "integer", "example": 0, "minimum": 5}},
              {"name": "kept", "in": "query", "required": True, "schema": {"type": "string", "example": "ab", "pattern": "^a"}}]
    values, op = _values(_spec(tmp_path, {"parameters": params}))
    got = {p.wire_name: values.data(p.type, p.hints, p.wire_name) for p in op.parameters}
    assert got == {"device": "a-z, A-Z, 0-9, /, _, -", "size": 5, "kept": "ab"}


def test_an_example_off_its_format_gives_way_to_a_derived_value(tmp_path: Path) -> None:
    # Twilio's VoiceFallbackUrl: `format: uri` with the example ""
    params = [{"name": "fallback", "in": "query", "required": True,
               "schema": {"type": "string", "format": "uri", "example": ""}},
              {"name": "home", "in": "query", "required": True,
               "schema": {"type": "string", "format": "uri", "example": "https://x.example/a"}}]
    values, op = _values(_spec(tmp_path, {"parameters": params}))
    got = {p.wire_name: values.data(p.type, p.hints, p.wire_name) for p in op.parameters}
    assert got == {"fallback": "https://example.com", "home": "https://x.example/a"}


def test_a_date_time_example_without_an_offset_is_sent_in_utc(tmp_path: Path) -> None:
    # Twilio's StartTime: `format: date-time` with the example "2008-01-02"
    param = {"name": "start", "in": "query", "required": True,
             "schema": {"type": "string", "format": "date-time"}, "examples": {"a": {"value": "2008-01-02"}}}
    values, op = _values(_spec(tmp_path, {"parameters": [param]}))
    source = values.argument(op.parameters[0].type, op.parameters[0].hints, "start")
    assert source == 'datetime.fromisoformat("2008-01-02T00:00:00+00:00")'
