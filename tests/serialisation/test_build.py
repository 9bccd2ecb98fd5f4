"""What the builder reads from the spec for the serialisation rules, and what it warns about."""

from __future__ import annotations

from typing import Any, Dict, Tuple

from generator.builder import BuildWarning, build_api
from generator.config import Config
from generator.ir import Api, ListType, Operation, PartEncoding, PrimitiveType, TupleType, UnionType


def _build(operation: Dict[str, Any], schemas: Dict[str, Any] | None = None) -> Tuple[Operation, Api, Tuple[BuildWarning, ...]]:
    spec = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"/x/{id}": {"post": {
        "operationId": "op", "responses": {"204": {"description": "ok"}}, **operation}}},
        "components": {"schemas": schemas or {}}}  # fmt: skip
    api, warnings = build_api(spec, Config(), "spec.json")
    (op,) = [o for r in api.resources for o in r.operations]
    return op, api, warnings


def test_styles_are_read_with_the_locations_defaults() -> None:
    op, _, warnings = _build({"parameters": [
        {"name": "id", "in": "path", "required": True, "style": "matrix", "schema": {"type": "string"}},
        {"name": "q", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "p", "in": "query", "style": "pipeDelimited", "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "h", "in": "header", "style": "form", "schema": {"type": "string"}},
        {"name": "c", "in": "cookie", "schema": {"type": "string"}},
        {"name": "j", "in": "query", "content": {"application/json": {"schema": {"type": "object"}}}},
    ]})  # fmt: skip
    by_name = {p.wire_name: p for p in op.parameters}
    assert (by_name["id"].style, by_name["id"].explode) == ("matrix", False)
    assert (by_name["q"].style, by_name["q"].explode, by_name["q"].default_style) == ("form", True, True)
    assert (by_name["p"].style, by_name["p"].explode) == ("pipeDelimited", False)
    assert by_name["c"].location == "cookie" and by_name["c"].default_style  # sent now, not skipped
    assert by_name["j"].style == "json"
    # `form` is no header style: warned about, and the header is sent as `simple`.
    assert by_name["h"].style == "simple"
    assert [w.message for w in warnings] == ["style 'form' is not defined for header parameters; sent as 'simple'"]
    assert warnings[0].pointer.endswith("/parameters/3/style")


def test_form_and_multipart_encodings() -> None:
    op, _, _ = _build({"requestBody": {"content": {"multipart/form-data": {
        "schema": {"type": "object", "properties": {
            "f": {"type": "string", "format": "binary"},
            "fs": {"type": "array", "items": {"type": "string", "format": "binary"}},
            "m": {"type": "object"}}},
        "encoding": {"f": {"contentType": "image/png", "headers": {
            "X-Const": {"schema": {"const": "c"}}, "X-Default": {"schema": {"default": True}},
            "X-One": {"schema": {"enum": [3]}}, "X-Open": {"schema": {"type": "string"}},
            "Content-Type": {"schema": {"default": "text/plain"}}, "X-Bad": {"schema": {"default": "a\r\nb"}}}},
            "gone": {"contentType": "text/plain"}}}}}})  # fmt: skip
    assert op.body is not None
    types = {f.wire_name: f.type for f in op.body.fields}
    assert types["f"] == PrimitiveType("file") and types["fs"] == ListType(PrimitiveType("file"))
    # Part headers with a value the spec fixes; Content-Type is contentType's; none with a line break.
    assert op.body.encodings == (("f", PartEncoding(content_type="image/png", headers=(
        ("X-Const", "c"), ("X-Default", "true"), ("X-One", "3")))),)  # fmt: skip


def test_read_only_and_write_only() -> None:
    op, api, _ = _build({"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}},
                        {"A": {"type": "object", "required": ["id", "secret"], "properties": {
                            "id": {"type": "string", "readOnly": True},
                            "secret": {"type": "string", "writeOnly": True}}}})  # fmt: skip
    assert op.body is not None
    assert [(f.wire_name, f.required) for f in op.body.fields] == [("secret", True)]
    (model,) = [d for d in api.schemas if d.name == "A"]
    assert [(f.wire_name, f.read_only, f.write_only) for f in model.fields] == [("id", True, False), ("secret", False, True)]  # type: ignore[union-attr]


def test_media_ranges_with_a_data_schema_are_json() -> None:
    ref = {"$ref": "#/components/schemas/A"}
    schemas = {"A": {"type": "object", "properties": {"a": {"type": "string"}}}}
    op, _, _ = _build({"requestBody": {"content": {"*/*": {"schema": ref}}},
                       "responses": {"200": {"description": "ok", "content": {"*/*": {"schema": ref}}}}}, schemas)
    assert op.body is not None and op.body.encoding == "json" and op.success.kind == "json"
    op, _, _ = _build({"responses": {"200": {"description": "a file", "content": {
        "*/*": {"schema": {"type": "string", "format": "binary"}}}}}})  # fmt: skip
    assert op.success.kind == "binary"


def test_prefix_items() -> None:
    def typed(schema: Dict[str, Any]) -> Any:
        op, _, _ = _build({"requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {"v": schema}}}}}})  # fmt: skip
        assert op.body is not None
        return op.body.fields[0].type

    pair = [{"type": "string"}, {"type": "integer"}]
    closed = TupleType((PrimitiveType("str"), PrimitiveType("int")))
    assert typed({"type": "array", "prefixItems": pair, "items": False}) == closed
    assert typed({"type": "array", "prefixItems": pair, "maxItems": 2}) == closed
    open_pair = typed({"type": "array", "prefixItems": pair, "items": {"type": "boolean"}})
    assert open_pair == ListType(UnionType((PrimitiveType("str"), PrimitiveType("int"), PrimitiveType("bool"))))
