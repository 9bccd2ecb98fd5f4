"""JSON Schema (OpenAPI flavour) -> named `SchemaDef`s and `TypeRef`s.

Names are registered for every component first, then bodies are filled in on
demand; a schema being built is already named, which is what makes cycles
free. Inline object schemas, discriminated unions and enums that need a name
are lifted into named definitions called after where they sit
(`ChatRequest.files[]` -> `ChatRequestFilesItem`), so names are stable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from generator import naming
from generator.builder import pointers
from generator.builder.defaults import default_fits
from generator.builder.keywords import annotated_schema, enum_values, has_float
from generator.builder.discriminators import SCHEMAS, TaggedUnion, find_tagged_unions, tags_by_variant
from generator.builder.errors import BuildWarning
from generator.builder.hints import value_hints
from generator.ir import (
    AliasDef,
    AnyType,
    Discriminator,
    EnumDef,
    Field,
    ListType,
    LiteralType,
    MapType,
    ModelDef,
    NamedType,
    PrimitiveType,
    SchemaDef,
    TupleType,
    TypeRef,
    UnionDef,
    UnionType,
)
from generator.ir.types import make_nullable, strip_nullable

_SCALARS = (str, int, float, bool)
# What a literal default must be for a primitive annotation (bool is an int to Python, not to us).
_PYTHON_TYPES: dict[str, tuple[type, ...]] = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,)}


def _is_scalar(value: Any) -> bool:
    return isinstance(value, _SCALARS)


def split_nullable(schema: Mapping[str, Any]) -> tuple[dict[str, Any], bool]:
    """The schema without its null-ness, and whether null was allowed.

    Covers 3.0 `nullable: true`, 3.1 `type: [x, "null"]`, `enum` listing null
    and `oneOf`/`anyOf` with a `{type: "null"}` alternative.
    """
    rest = dict(schema)
    nullable = bool(rest.pop("nullable", False))
    kind = rest.get("type")
    if isinstance(kind, list) and "null" in kind:
        nullable = True
        others = [k for k in kind if k != "null"]
        rest["type"] = others[0] if len(others) == 1 else others
        if not others:
            del rest["type"]
    if isinstance(rest.get("enum"), list) and None in rest["enum"]:
        nullable = True
        rest["enum"] = [v for v in rest["enum"] if v is not None]
    for key in ("oneOf", "anyOf"):
        alternatives = rest.get(key)
        if isinstance(alternatives, list):
            non_null = [a for a in alternatives if not (isinstance(a, Mapping) and a.get("type") == "null")]
            if len(non_null) != len(alternatives):
                nullable = True
                if len(non_null) == 1 and not rest.get("discriminator"):
                    del rest[key]
                    rest["allOf"] = [non_null[0], *rest.get("allOf", [])]
                else:
                    rest[key] = non_null
    return rest, nullable


class SchemaBuilder:
    def __init__(self, document: Mapping[str, Any], warnings: list[BuildWarning]) -> None:
        self._document = document
        self._warnings = warnings
        self._unions: dict[str, TaggedUnion] = find_tagged_unions(document, warnings)
        self._tags = tags_by_variant(self._unions)
        self._names: dict[str, str] = {}
        self._taken: set[str] = set()  # the values of _names, for unique() without a copy per name
        self._defs: dict[str, SchemaDef] = {}
        self._building: set[str] = set()
        self._nullable: set[str] = set()  # models whose own schema allows null
        self._register_components()

    # -- names --------------------------------------------------------------

    def _register_components(self) -> None:
        components = self._document.get("components", {}) or {}
        schemas = components.get("schemas", {}) or {}
        for name in sorted(schemas):
            pointer = pointers.join(SCHEMAS, name)
            wanted = naming.class_name(name)
            if self._claim(pointer, wanted) != wanted:
                self._warnings.append(BuildWarning(
                    f"schema {name!r} is also class {wanted!r} in Python; this one is {self._names[pointer]!r}", pointer))
            elif message := naming.rename_warning("schema", name, wanted):
                self._warnings.append(BuildWarning(message, pointer))

    def _claim(self, pointer: str, wanted: str) -> str:
        if pointer not in self._names:
            self._names[pointer] = naming.unique(wanted, self._taken)
            self._taken.add(self._names[pointer])
        return self._names[pointer]

    def definitions(self) -> tuple[SchemaDef, ...]:
        """All definitions built so far, sorted by name (build components first)."""
        for pointer in sorted(p for p in self._names if p.startswith(SCHEMAS + "/")):
            self.define(pointer)
        return tuple(self._defs[name] for name in sorted(self._defs))

    def definition(self, name: str) -> SchemaDef | None:
        return self._defs.get(name)

    def object_fields(self, type_ref: TypeRef) -> tuple[Field, ...] | None:
        """The fields of a model type, when `type_ref` is one with fields."""
        if isinstance(type_ref, NamedType):
            definition = self._defs.get(type_ref.name)
            if isinstance(definition, ModelDef) and definition.fields:
                return definition.fields
        return None

    def tag_union(self, pointer: str, union: TaggedUnion) -> None:
        """Tag the oneOf/anyOf at `pointer` as `union` says (a tag the spec implies but writes
        no discriminator for: SSE events by their `event`), unless it is built already."""
        if pointer not in self._unions and self._names.get(pointer) not in self._defs:
            self._unions[pointer] = union
            self._tags = tags_by_variant(self._unions)

    def component(self, schema_name: str) -> str | None:
        """The Python name of `#/components/schemas/<schema_name>`, built on demand."""
        pointer = pointers.join(SCHEMAS, schema_name)
        return self.define(pointer) if pointer in self._names else None

    # -- named definitions --------------------------------------------------

    def define(self, pointer: str, schema: Mapping[str, Any] | None = None, hint: str = "") -> str:
        """Name the schema at `pointer` and make sure its definition exists."""
        name = self._claim(pointer, hint or naming.class_name(pointer.rsplit("/", 1)[-1]))
        if name in self._defs or name in self._building:
            return name
        if schema is None:
            schema = pointers.resolve(self._document, "#" + pointer, pointer)
        self._building.add(name)
        try:
            self._defs[name] = self._build_definition(name, schema, pointer)
        finally:
            self._building.discard(name)
        return name

    def _build_definition(self, name: str, raw: Any, pointer: str) -> SchemaDef:
        if not isinstance(raw, Mapping):
            return AliasDef(name, AnyType(), pointer=pointer)
        schema, nullable = split_nullable(raw)
        description = clean_text(schema.get("description"))
        union = self._unions.get(pointer)
        if union is not None:
            return self._tagged_union(name, union, description, pointer)
        if isinstance(schema.get("oneOf") or schema.get("anyOf"), list) and not schema.get("properties"):
            return self._untagged_union(name, schema, description, pointer)
        if isinstance(schema.get("enum"), list) and schema["enum"] and not nullable:
            values = enum_values(schema["enum"], pointer, schema.get("type"), self._warnings)
            if has_float(values, pointer, self._warnings):
                return AliasDef(name, PrimitiveType("float"), description, pointer)
            return EnumDef(name, values, description, pointer)
        if self._is_object(schema) and (schema.get("properties") or schema.get("allOf")):
            merged = self._merge(schema, pointer)
            if merged is not None:
                if nullable:
                    self._nullable.add(name)
                return self._model(name, merged, pointer)
        target = self.type_of(schema, pointer, name + "Value")
        if target == NamedType(name):
            target = AnyType()  # a schema that only names itself says nothing
        return AliasDef(name, make_nullable(target) if nullable else target, description, pointer)

    def _is_object(self, schema: Mapping[str, Any]) -> bool:
        return schema.get("type") in (None, "object") and not schema.get("items")

    def _merge(self, schema: Mapping[str, Any], pointer: str) -> dict[str, Any] | None:
        """Flatten `allOf` into one object schema; None when it is a plain alias."""
        parts = schema.get("allOf")
        if not isinstance(parts, list):
            return dict(schema)
        own = {k: v for k, v in schema.items() if k != "allOf"}
        single_ref = len(parts) == 1 and isinstance(parts[0], Mapping) and "$ref" in parts[0]
        if single_ref and not own.get("properties") and pointer not in self._tags:
            return None
        merged: dict[str, Any] = {
            "type": "object", "properties": {}, "required": [], "_origins": {},
            "description": own.get("description"),
        }
        for index, part in enumerate(parts):
            self._absorb(merged, part, pointers.join(pointer, "allOf", index), set(), inherited=False)
        self._absorb(merged, own, pointer, set(), inherited=False)
        return merged

    def _absorb(self, merged: dict[str, Any], part: Any, pointer: str, seen: set[str], *, inherited: bool) -> None:
        """Add one allOf part's properties; `inherited` parts (reached through a
        $ref) describe their own schema, so their description is not taken."""
        if not isinstance(part, Mapping):
            return
        if isinstance(part.get("$ref"), str):
            ref = part["$ref"]
            if ref in seen:
                return
            target = pointers.resolve(self._document, ref, pointer)
            self._absorb(merged, target, ref[1:], seen | {ref}, inherited=True)
            return
        for index, sub in enumerate(part.get("allOf", []) or []):
            self._absorb(merged, sub, pointers.join(pointer, "allOf", index), seen, inherited=inherited)
        for key, prop in (part.get("properties") or {}).items():
            merged["properties"][key] = prop
            merged["_origins"][key] = pointers.join(pointer, "properties", key)
        for key in part.get("required", []) or []:
            if key not in merged["required"]:
                merged["required"].append(key)
        if "additionalProperties" in part:
            merged["additionalProperties"] = part["additionalProperties"]
        if part.get("description") and merged.get("description") is None and not inherited:
            merged["description"] = part["description"]

    def _model(self, name: str, schema: Mapping[str, Any], pointer: str) -> ModelDef:
        required = set(schema.get("required", []) or [])
        origins = schema.get("_origins", {})
        tags = self._tags.get(pointer, {})
        fields: list[Field] = []
        taken: list[str] = []
        for wire_name, prop in (schema.get("properties") or {}).items():
            where = origins.get(wire_name, pointers.join(pointer, "properties", wire_name))
            wanted = naming.field_name(wire_name)
            python_name = naming.unique(wanted, taken)
            if python_name != wanted:
                self._warnings.append(BuildWarning(
                    f"property {wire_name!r} is also {wanted!r} in Python; this one is {python_name!r}", where))
            taken.append(python_name)
            if wire_name in tags:
                values = tags[wire_name]
                fields.append(Field(python_name, wire_name, LiteralType(values), len(values) > 1,  # one tag: defaulted
                                    clean_text(prop.get("description")) if isinstance(prop, Mapping) else None,
                                    has_default=len(values) == 1, default=values[0]))
                continue
            fields.append(self._field(name, python_name, wire_name, prop, where, wire_name in required))
        declared = schema.get("properties") or {}
        undeclared = sorted(str(key) for key in required if key not in declared)
        if undeclared and declared:  # `required` alone (no properties) only constrains an open object
            self._warnings.append(BuildWarning(
                f"`required` names {', '.join(map(repr, undeclared))}, which `properties` does not declare: "
                "the model has no field for it (declare it under properties)", pointer))
        additional = schema.get("additionalProperties")
        extra_type = None
        if isinstance(additional, Mapping) and additional:
            extra_type = self.type_of(additional, pointers.join(pointer, "additionalProperties"), name + "Value")
        return ModelDef(name, tuple(fields), clean_text(schema.get("description")), extra_type, pointer)

    def _field(self, owner: str, python_name: str, wire_name: str, prop: Any, pointer: str, required: bool) -> Field:
        type_ref = self.type_of(prop, pointer, owner + naming.pascal_case(wire_name))
        if not isinstance(prop, Mapping):
            return Field(python_name, wire_name, type_ref, required)
        default = prop.get("default")
        has_default = "default" in prop and _is_json_literal(default)
        if has_default and default is not None and not (
            default_fits(default, split_nullable(prop)[0]) and self._default_matches_type(default, type_ref)
        ):
            self._warnings.append(BuildWarning(f"default {default!r} does not fit the property's schema; ignored", pointer))
            has_default = False
        return Field(
            python_name,
            wire_name,
            type_ref,
            required,
            clean_text(prop.get("description")),
            has_default=has_default,
            default=default if has_default else None,
            deprecated=bool(prop.get("deprecated")),
            hints=value_hints(self._document, prop),
            read_only=prop.get("readOnly") is True,
            write_only=prop.get("writeOnly") is True,
        )

    def _default_matches_type(self, default: Any, type_ref: TypeRef) -> bool:
        """A literal default the emitted annotation accepts (no `{}` for a model field, no
        `[{...}]` for a list of models: Telnyx's `tools: [{type: retrieval, ...}]`)."""
        target = strip_nullable(type_ref)
        if isinstance(target, AnyType):
            return True
        if isinstance(default, dict):
            return isinstance(target, MapType) and all(
                self._default_matches_type(value, target.value) for value in default.values())
        if isinstance(default, list):
            return isinstance(target, ListType) and all(
                self._default_matches_type(item, target.item) for item in default)
        if isinstance(target, NamedType):
            return isinstance(self._defs.get(target.name), (EnumDef, AliasDef))
        if isinstance(target, PrimitiveType) and target.kind in _PYTHON_TYPES:
            fits = isinstance(default, _PYTHON_TYPES[target.kind])
            return fits and (target.kind == "bool" or not isinstance(default, bool))
        return not isinstance(target, (ListType, MapType))

    def _tagged_union(self, name: str, union: TaggedUnion, description: str | None, pointer: str) -> UnionDef:
        mapping = []
        variants: list[TypeRef] = []
        for tag, target in union.variants:
            variant = self.define(target)
            mapping.append((tag, variant))
            if NamedType(variant) not in variants:
                variants.append(NamedType(variant))
        fallback = self._fallback(name, union.property)
        return UnionDef(name, tuple(variants), Discriminator("property", union.property, tuple(mapping), fallback), description, pointer)

    def _fallback(self, union_name: str, tag_property: str | None) -> str:
        """A model for variants this client does not know yet; keeps every field."""
        fallback_pointer = f"/x-clientgen/unknown/{union_name}"
        name = self._claim(fallback_pointer, union_name + "Unknown")
        fields: tuple[Field, ...] = ()
        if tag_property is not None:
            fields = (Field(naming.field_name(tag_property), tag_property, PrimitiveType("str"), True,
                            "The tag of a variant this client does not know."),)
        self._defs[name] = ModelDef(name, fields, f"A `{union_name}` variant unknown to this client; all fields are kept.", None, fallback_pointer)
        return name

    def _untagged_union(self, name: str, schema: Mapping[str, Any], description: str | None, pointer: str) -> SchemaDef:
        key = "oneOf" if "oneOf" in schema else "anyOf"
        variants = self._variants(schema[key], pointers.join(pointer, key), name)
        by_key = self._key_mapping(variants)
        if by_key is None:
            return UnionDef(name, variants, None, description, pointer)
        fallback = self._fallback(name, None)
        return UnionDef(name, variants, Discriminator("key", "", by_key, fallback), description, pointer)

    def _variants(self, alternatives: Sequence[Any], pointer: str, hint: str) -> tuple[TypeRef, ...]:
        found: list[TypeRef] = []
        for index, alternative in enumerate(alternatives):
            type_ref = self.type_of(alternative, pointers.join(pointer, index), f"{hint}Option{index + 1}")
            if type_ref not in found:
                found.append(type_ref)
        return tuple(found)

    def _key_mapping(self, variants: tuple[TypeRef, ...]) -> tuple[tuple[str, str], ...] | None:
        """Variants told apart by a key only they have (`{"text-input": ...}` vs `{"select": ...}`)."""
        models = []
        for variant in variants:
            if not isinstance(variant, NamedType):
                return None
            definition = self._defs.get(variant.name)
            if not isinstance(definition, ModelDef) or not definition.fields:
                return None
            models.append(definition)
        if len(models) < 2:
            return None
        mapping = []
        for model in models:
            others = {f.wire_name for m in models if m is not model for f in m.fields}
            own = sorted(f.wire_name for f in model.fields if f.wire_name not in others)
            if not own:
                return None
            mapping.append((own[0], model.name))
        return tuple(sorted(mapping))

    # -- anonymous types ----------------------------------------------------

    def _prefix_items(self, schema: Mapping[str, Any], prefix: list[Any], pointer: str, hint: str) -> TypeRef:
        """`prefixItems` (JSON Schema 2020-12): a tuple when nothing may follow; else a list
        of any of the item types (Python has no "these, then any number of those")."""
        positions = tuple(self.type_of(p, pointers.join(pointer, "prefixItems", i), f"{hint}Item{i}")
                          for i, p in enumerate(prefix))
        if _closed(schema, len(positions)):
            return TupleType(positions)
        rest = schema.get("items")
        more = self.type_of(rest, pointers.join(pointer, "items"), hint + "Item") if isinstance(rest, Mapping) else AnyType()
        variants = tuple(dict.fromkeys(positions + (more,)))
        return ListType(variants[0] if len(variants) == 1 else UnionType(variants))

    def type_of(self, raw: Any, pointer: str, hint: str) -> TypeRef:
        """The type of the schema at `pointer`; inline structures are lifted as `hint`."""
        if not isinstance(raw, Mapping):
            return AnyType()
        schema, nullable = split_nullable(raw)
        type_ref = self._non_null_type(schema, pointer, hint)
        return make_nullable(type_ref) if nullable else type_ref

    def _non_null_type(self, schema: Mapping[str, Any], pointer: str, hint: str) -> TypeRef:
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target = ref[1:]
            if target not in self._names:
                pointers.resolve(self._document, ref, pointer)  # dangling refs fail here, with the pointer
            name = self.define(target)
            return make_nullable(NamedType(name)) if name in self._nullable else NamedType(name)
        if "const" in schema and _is_scalar(schema["const"]):
            return LiteralType((schema["const"],))
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            values = enum_values(schema["enum"], pointer, schema.get("type"), self._warnings)
            if has_float(values, pointer, self._warnings):
                return PrimitiveType("float")
            return LiteralType(values) if values else AnyType()
        if pointer in self._unions:
            return NamedType(self.define(pointer, schema, hint))
        if isinstance(schema.get("allOf"), list):
            parts = schema["allOf"]
            own_structure = schema.get("properties") or schema.get("oneOf") or schema.get("anyOf")
            if len(parts) == 1 and not own_structure:
                return self.type_of(parts[0], pointers.join(pointer, "allOf", 0), hint)
            annotated = annotated_schema(parts)
            if annotated is not None and not own_structure:
                index, target, nullable = annotated
                type_ref = self.type_of(target, pointers.join(pointer, "allOf", index), hint)
                return make_nullable(type_ref) if nullable else type_ref
            return NamedType(self.define(pointer, schema, hint))
        alternatives = schema.get("oneOf") or schema.get("anyOf")
        if isinstance(alternatives, list) and alternatives:
            key = "oneOf" if "oneOf" in schema else "anyOf"
            variants = self._variants(alternatives, pointers.join(pointer, key), hint)
            if len(variants) == 1:
                return variants[0]
            if self._key_mapping(variants) is not None:
                return NamedType(self.define(pointer, schema, hint))
            return UnionType(variants)
        kind = schema.get("type")
        if isinstance(kind, list):
            return UnionType(tuple(self._non_null_type({**schema, "type": k}, pointer, hint) for k in kind))
        prefix = schema.get("prefixItems")
        if isinstance(prefix, list) and prefix:
            return self._prefix_items(schema, prefix, pointer, hint)
        if kind == "array" or "items" in schema:
            return ListType(self.type_of(schema.get("items", {}), pointers.join(pointer, "items"), hint + "Item"))
        if kind in (None, "object") and ("properties" in schema or "additionalProperties" in schema or kind):
            if schema.get("properties"):
                return NamedType(self.define(pointer, schema, hint))
            additional = schema.get("additionalProperties")
            if isinstance(additional, Mapping) and additional:
                return MapType(self.type_of(additional, pointers.join(pointer, "additionalProperties"), hint + "Value"))
            return MapType(AnyType())
        return _primitive(kind, schema.get("format"))


def _closed(schema: Mapping[str, Any], length: int) -> bool:
    """No items beyond the `prefixItems`: `items: false` or `maxItems` says so."""
    most = schema.get("maxItems")
    return schema.get("items") is False or isinstance(most, int) and not isinstance(most, bool) and most <= length


def _primitive(kind: Any, fmt: Any) -> TypeRef:
    if kind == "string":
        if fmt == "binary":
            return PrimitiveType("bytes")
        if fmt == "date-time":
            return PrimitiveType("datetime")
        if fmt == "date":
            return PrimitiveType("date")
        if fmt == "uuid":
            return PrimitiveType("uuid")
        if fmt == "byte":
            return PrimitiveType("base64")
        return PrimitiveType("str")
    if kind == "integer":
        return PrimitiveType("int")
    if kind == "number":
        return PrimitiveType("float")
    if kind == "boolean":
        return PrimitiveType("bool")
    return AnyType()


def clean_text(value: Any) -> str | None:
    """A description or summary, stripped; None when absent or blank."""
    return value.strip() if isinstance(value, str) and value.strip() else None


def _is_json_literal(value: Any) -> bool:
    if value is None or _is_scalar(value):
        return True
    if isinstance(value, list):
        return all(_is_json_literal(v) for v in value)
    if isinstance(value, Mapping):
        return all(isinstance(k, str) and _is_json_literal(v) for k, v in value.items())
    return False
