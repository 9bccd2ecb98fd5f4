"""Warnings for sloppy schemas: unknown formats, untyped schemas, $ref siblings, missing info.

Each kind is one warning per spec (a count and the first JSON pointer), says
what the generator does instead, and the client is still produced.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.load import load_spec
from generator.pipeline import generate


def _spec(tmp_path: Path, schemas: dict[str, Any], *, version: str = "3.0.3", info: Any = None,
          paths: dict[str, Any] | None = None) -> Path:
    document: dict[str, Any] = {"openapi": version, "paths": paths or {}, "components": {"schemas": schemas}}
    document["info"] = {"title": "T", "version": "1"} if info is None else info
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _warnings(path: Path) -> list[tuple[str, str]]:
    return [(w.pointer, w.message) for w in load_spec(path).warnings]


def test_unknown_format_warns_once_per_format_with_count_first_pointer_and_fallback(tmp_path: Path) -> None:
    spec = _spec(tmp_path, {
        "A": {"type": "object", "properties": {
            "when": {"type": "string", "format": "datetime"},
            "then": {"type": "string", "format": "datetime"},
            "n": {"type": "integer", "format": "unix-time"},
            "known": {"type": "string", "format": "uuid"},
            "upper": {"type": "string", "format": "UUID"},
            "common": {"type": "string", "format": "url"},
            "google": {"type": "string", "format": "google-duration"},
        }},
    })
    assert _warnings(spec) == [
        ("/components/schemas/A/properties/n",
         "unknown format 'unix-time': treated as a plain integer"),
        ("/components/schemas/A/properties/when",
         "unknown format 'datetime' (2 schemas, the first here): treated as a plain string (did you mean 'date-time'?)"),
    ]


def test_formats_in_example_data_and_ref_siblings_are_not_schemas(tmp_path: Path) -> None:
    spec = _spec(tmp_path, {
        "A": {"type": "object", "example": {"type": "string", "format": "nonsense"},
              "properties": {"x-like": {"type": "string"}}},
        "B": {"type": "string", "x-meta": {"format": "nonsense"}},
    })
    assert _warnings(spec) == []


def test_an_unknown_format_in_another_file_is_reported_where_it_is_written(tmp_path: Path) -> None:
    (tmp_path / "pet.json").write_text(json.dumps({"Pet": {"type": "string", "format": "petname"}}))
    spec = _spec(tmp_path, {"Owner": {"type": "object", "properties": {"pet": {"$ref": "pet.json#/Pet"}}}})
    [warning] = load_spec(spec).warnings
    assert (warning.file.name, warning.pointer) == ("pet.json", "/Pet")
    assert "unknown format 'petname'" in warning.message


def test_untyped_schemas_are_one_warning_and_empty_schemas_or_allof_parts_none(tmp_path: Path) -> None:
    spec = _spec(tmp_path, {
        "Anything": {},  # "any value" on purpose
        "A": {"type": "object", "properties": {
            "vague": {"description": "some value"},
            "vaguer": {"nullable": True},
            "ext": {"x-internal": True},
            "part": {"allOf": [{"$ref": "#/components/schemas/Anything"}, {"description": "an annotation"}]},
        }},
        "OneOfTwo": {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
                     "anyOf": [{"required": ["a"]}, {"required": ["b"]}]},
    })
    assert _warnings(spec) == [(
        "/components/schemas/A/properties/vague",
        "schema has no type, properties, items, $ref or composition (2 schemas, the first here): typed Any "
        "(the parsed JSON is passed through unchecked); add a `type` to type it",
    )]


def test_ref_siblings_name_what_is_ignored_in_3_0(tmp_path: Path) -> None:
    spec = _spec(tmp_path, {
        "A": {"type": "string"},
        "B": {"type": "object", "properties": {
            "a": {"$ref": "#/components/schemas/A", "type": "integer", "x-vendor": 1},
            "b": {"$ref": "#/components/schemas/A", "example": "x", "nullable": True},
            "c": {"$ref": "#/components/schemas/A", "description": "honoured", "x-vendor": 1},
        }},
    })
    assert _warnings(spec) == [(
        "/components/schemas/B/properties/a",
        "2 $ref objects have sibling keys, the first here: example, type ignored (OpenAPI 3.0 ignores keys "
        "beside a $ref; to apply them, write allOf: [{$ref: ...}, {...the keys...}])",
    )]


def test_ref_siblings_in_3_1_warn_only_for_keys_that_change_the_type(tmp_path: Path) -> None:
    spec = _spec(tmp_path, {
        "A": {"type": "string"},
        "B": {"type": "object", "properties": {
            "a": {"$ref": "#/components/schemas/A", "description": "allowed", "summary": "allowed", "maxLength": 3},
            "b": {"$ref": "#/components/schemas/A", "enum": ["x"]},
        }},
    }, version="3.1.0")
    assert _warnings(spec) == [(
        "/components/schemas/B/properties/b",
        "$ref object has sibling keys: enum ignored (only the $ref is followed; to apply them, "
        "write allOf: [{$ref: ...}, {...the keys...}])",
    )]


def test_missing_info_version_or_info_warns_and_uses_0_0_0(tmp_path: Path) -> None:
    spec = _spec(tmp_path, {}, info={"title": "T"})
    assert _warnings(spec) == [("/info/version", "info.version is missing; the package is versioned 0.0.0")]
    result = generate(spec, package_name="noversion")
    assert 'version = "0.0.0"' in result.files["pyproject.toml"]
    no_info = _spec(tmp_path, {}, info={})
    assert [p for p, _ in _warnings(no_info)] == ["/info/title", "/info/version"]


def test_the_client_is_still_generated_with_plain_and_any_types(tmp_path: Path) -> None:
    spec = _spec(tmp_path, {"A": {"type": "object", "properties": {
        "when": {"type": "string", "format": "datetime"},
        "vague": {"description": "some value"},
    }}})
    result = generate(spec, package_name="sloppy")
    assert len(result.warnings) == 2 and all(": warning: " in w for w in result.warnings)
    model = next(text for name, text in result.files.items() if name.startswith("sloppy/models") and "class A(" in text)
    assert "when: str | None" in model or "when: Optional[str]" in model, model
    assert "vague: Any" in model, model
