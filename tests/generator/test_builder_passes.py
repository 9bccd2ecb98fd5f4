"""The model builder's passes: discriminator tags carried in the IR, one shape dispatcher
for named and inline schemas, allOf origins kept beside the merged schema."""

from __future__ import annotations

from typing import Any

from generator.builder import build_api
from generator.builder.merge import merged_object
from generator.builder.shapes import Shape, shape_of
from generator.config import Config
from generator.ir import Api, EnumDef, LiteralType, ModelDef, UnionDef

from tests.generator.conftest import minimal_spec


def _api(schemas: dict[str, Any]) -> tuple[Api, tuple[Any, ...]]:
    return build_api(minimal_spec(schemas), Config(), "spec.json")


def _model(api: Api, name: str) -> ModelDef:
    (found,) = [d for d in api.schemas if d.name == name]
    assert isinstance(found, ModelDef)
    return found


def test_fields_a_union_reads_are_tags_in_the_ir_and_no_others() -> None:
    api, _ = _api({
        "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                "discriminator": {"propertyName": "kind"}},
        "Cat": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}, "name": {"type": "string"}}},
        "Dog": {"type": "object", "properties": {"kind": {"type": "string"}}},
        # Not a variant: its `kind` is an ordinary field.
        "Toy": {"type": "object", "properties": {"kind": {"type": "string"}}},
    })  # fmt: skip
    union = next(d for d in api.schemas if isinstance(d, UnionDef))
    assert union.discriminator is not None and union.discriminator.fallback is not None
    tags = {(d.name, f.wire_name) for d in api.schemas if isinstance(d, ModelDef) for f in d.fields if f.is_tag}
    assert tags == {("Cat", "kind"), ("Dog", "kind"), (union.discriminator.fallback, "kind")}


def test_webhook_union_marks_its_payloads_tags_built_before_it() -> None:
    spec = minimal_spec({
        "Created": {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": ["created"]}}},
        "Deleted": {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": ["deleted"]}}},
    }, version="3.1.0")  # fmt: skip
    spec["webhooks"] = {
        name: {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}},
                        "responses": {"200": {"description": "ok"}}}}
        for name in ("Created", "Deleted")
    }  # fmt: skip
    api, _ = build_api(spec, Config(), "spec.json")
    assert [f.is_tag for f in _model(api, "Created").fields] == [True]
    assert [f.is_tag for f in _model(api, "Deleted").fields] == [True]


def test_one_dispatcher_gives_a_named_schema_its_class_and_an_inline_one_its_type() -> None:
    both = {"enum": ["a", "b"], "oneOf": [{"type": "string"}, {"type": "integer"}]}
    shape = dict(nullable=False, tagged=False, variant=False)
    assert shape_of(both, named=True, **shape) is Shape.UNION_CLASS
    assert shape_of(both, named=False, **shape) is Shape.ENUM
    # A nullable enum is no enum class: its name aliases the Literal (and None).
    assert shape_of({"enum": ["a"]}, named=True, **{**shape, "nullable": True}) is Shape.ENUM
    # `allOf` of one $ref names the same type again, unless a union narrows it as a variant.
    alias = {"allOf": [{"$ref": "#/components/schemas/X"}]}
    assert shape_of(alias, named=True, **shape) is Shape.ALL_OF
    assert shape_of(alias, named=True, **{**shape, "variant": True}) is Shape.MODEL_CLASS

    api, _ = _api({
        "Color": {"type": "string", "enum": ["red", "blue"]},
        "Paint": {"type": "object", "properties": {"shade": {"type": "string", "enum": ["matt", "gloss"]}}},
    })  # fmt: skip
    assert isinstance(next(d for d in api.schemas if d.name == "Color"), EnumDef)
    assert _model(api, "Paint").fields[0].type == LiteralType(("matt", "gloss"))


def test_allof_origins_sit_beside_the_merged_schema_and_warnings_point_at_them() -> None:
    schemas = {
        "Base": {"type": "object", "properties": {"foo-bar": {"type": "string"}, "foo_bar": {"type": "string"}}},
        "Child": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"properties": {"own": {"type": "integer"}}}]},
    }
    document = minimal_spec(schemas)
    merged = merged_object(document, schemas["Child"], "/components/schemas/Child")
    assert set(merged.schema) == {"type", "properties", "required", "description"}
    assert merged.origins == {
        "foo-bar": "/components/schemas/Base/properties/foo-bar",
        "foo_bar": "/components/schemas/Base/properties/foo_bar",
        "own": "/components/schemas/Child/allOf/1/properties/own",
    }
    _, warnings = _api(schemas)
    renamed = [w.pointer for w in warnings if "is also 'foo_bar'" in w.message]
    # Base's own model and Child's merged one both rename the same property, written in Base.
    assert renamed and set(renamed) == {"/components/schemas/Base/properties/foo_bar"}
