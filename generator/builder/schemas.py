"""JSON Schema (OpenAPI flavour) -> named `SchemaDef`s and `TypeRef`s: the define pass.

It runs after the discriminators and names passes (builder/__init__.py lists the order),
filling in bodies on demand. `shapes.shape_of` picks each schema's shape; the two tables
at the end map a shape to a class (`_CLASSES`, for a schema defined under a name) or a
type (`_TYPES`, for any schema). Inline object schemas, discriminated unions and enums
that need a name are lifted into named definitions called after where they sit
(`ChatRequest.files[]` -> `ChatRequestFilesItem`), so names are stable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from generator import naming
from generator.builder import pointers
from generator.builder.defaults import default_fits
from generator.builder.discriminators import SCHEMAS, TaggedUnion, tags_by_variant
from generator.builder.keywords import annotated_schema, enum_values, has_float
from generator.builder.errors import BuildWarning
from generator.builder.hints import value_hints
from generator.builder.merge import Merged, merged_object
from generator.builder.names import SchemaNames
from generator.builder.shapes import (
    CLASS_SHAPES,
    Shape,
    adds_to_model,
    clean_text,
    closed,
    is_json_literal,
    primitive,
    shape_of,
    split_nullable,
)
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

# What a literal default must be for a primitive annotation (bool is an int to Python, not to us).
_PYTHON_TYPES: dict[str, tuple[type, ...]] = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,)}

__all__ = ["SchemaBuilder", "clean_text", "split_nullable"]


class SchemaBuilder:
    """The define pass: each schema's definition built from its shape (`shapes.shape_of`),
    on first use, under the name the naming pass gave it (or, for a structure lifted from
    where it sits, a name claimed then); `definitions()` builds every component not reached."""

    def __init__(self, document: Mapping[str, Any], unions: dict[str, TaggedUnion], names: SchemaNames,
                 warnings: list[BuildWarning]) -> None:
        self._document = document
        self._warnings = warnings
        self._unions = unions
        self._tags = tags_by_variant(self._unions)
        self._names = names
        self._defs: dict[str, SchemaDef] = {}
        self._building: set[str] = set()
        self._nullable: set[str] = set()  # models whose own schema allows null

    def definitions(self) -> tuple[SchemaDef, ...]:
        """All definitions built so far, sorted by name (build components first)."""
        for pointer in self._names.components():
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
        name = self._names.claim(pointer, hint or naming.class_name(pointer.rsplit("/", 1)[-1]))
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
        shape = self._shape(schema, pointer, named=True, nullable=nullable)
        if shape in CLASS_SHAPES:
            return _CLASSES[shape](self, name, schema, pointer, nullable)
        target = self.type_of(schema, pointer, name + "Value")
        if target == NamedType(name):
            target = AnyType()  # a schema that only names itself says nothing
        return AliasDef(name, make_nullable(target) if nullable else target, clean_text(schema.get("description")),
                        pointer)

    def _shape(self, schema: Mapping[str, Any], pointer: str, *, named: bool, nullable: bool = False) -> Shape:
        return shape_of(schema, named=named, nullable=nullable, tagged=pointer in self._unions,
                        variant=pointer in self._tags)

    # -- classes: what a named schema's shape builds ------------------------

    def _tagged_union_class(self, name: str, schema: Mapping[str, Any], pointer: str, nullable: bool) -> SchemaDef:
        return self._tagged_union(name, self._unions[pointer], clean_text(schema.get("description")), pointer)

    def _union_class(self, name: str, schema: Mapping[str, Any], pointer: str, nullable: bool) -> SchemaDef:
        return self._untagged_union(name, schema, clean_text(schema.get("description")), pointer)

    def _enum_class(self, name: str, schema: Mapping[str, Any], pointer: str, nullable: bool) -> SchemaDef:
        values = enum_values(schema["enum"], pointer, schema.get("type"), self._warnings)
        description = clean_text(schema.get("description"))
        if has_float(values, pointer, self._warnings):
            return AliasDef(name, PrimitiveType("float"), description, pointer)
        return EnumDef(name, values, description, pointer)

    def _model_class(self, name: str, schema: Mapping[str, Any], pointer: str, nullable: bool) -> SchemaDef:
        if nullable:
            self._nullable.add(name)
        return self._model(name, merged_object(self._document, schema, pointer), pointer)

    def _model(self, name: str, merged: Merged, pointer: str) -> ModelDef:
        schema, origins = merged.schema, merged.origins
        required = set(schema.get("required", []) or [])
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
                description = clean_text(prop.get("description")) if isinstance(prop, Mapping) else None
                fields.append(_tag_field(python_name, wire_name, tags[wire_name], description))
                continue
            fields.append(self._field(name, python_name, wire_name, prop, where, wire_name in required))
        declared = schema.get("properties") or {}
        # The payload of a variant holds its tag even where the variant's schema leaves it out
        # (a mapping naming unrelated models), so a model built in code must carry it too.
        for wire_name in sorted(tags, reverse=True):
            if wire_name not in declared:
                taken.append(naming.unique(naming.field_name(wire_name), taken))
                fields.insert(0, _tag_field(taken[-1], wire_name, tags[wire_name], None))
        undeclared = sorted(str(key) for key in required if key not in declared and key not in tags)
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
        has_default = "default" in prop and is_json_literal(default)
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
        name = self._names.claim(fallback_pointer, union_name + "Unknown")
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

    def type_of(self, raw: Any, pointer: str, hint: str) -> TypeRef:
        """The type of the schema at `pointer`; inline structures are lifted as `hint`."""
        if not isinstance(raw, Mapping):
            return AnyType()
        schema, nullable = split_nullable(raw)
        type_ref = self._non_null_type(schema, pointer, hint)
        return make_nullable(type_ref) if nullable else type_ref

    def _non_null_type(self, schema: Mapping[str, Any], pointer: str, hint: str) -> TypeRef:
        return _TYPES[self._shape(schema, pointer, named=False)](self, schema, pointer, hint)

    # -- types: what any schema's shape is typed as -------------------------

    def _ref(self, schema: Mapping[str, Any], pointer: str, hint: str) -> TypeRef:
        ref = schema["$ref"]
        target = ref[1:]
        if target not in self._names:
            pointers.resolve(self._document, ref, pointer)  # dangling refs fail here, with the pointer
        name = self.define(target)
        return make_nullable(NamedType(name)) if name in self._nullable else NamedType(name)

    def _const(self, schema: Mapping[str, Any], pointer: str, hint: str) -> TypeRef:
        return LiteralType((schema["const"],))

    def _enum(self, schema: Mapping[str, Any], pointer: str, hint: str) -> TypeRef:
        values = enum_values(schema["enum"], pointer, schema.get("type"), self._warnings)
        if has_float(values, pointer, self._warnings):
            return PrimitiveType("float")
        return LiteralType(values) if values else AnyType()

    def _lifted(self, schema: Mapping[str, Any], pointer: str, hint: str) -> TypeRef:
        """A structure that needs a class of its own: defined under `hint`."""
        return NamedType(self.define(pointer, schema, hint))

    def _all_of(self, schema: Mapping[str, Any], pointer: str, hint: str) -> TypeRef:
        parts = schema["allOf"]
        own_structure = adds_to_model(schema) or schema.get("oneOf") or schema.get("anyOf")
        if len(parts) == 1 and not own_structure:
            return self.type_of(parts[0], pointers.join(pointer, "allOf", 0), hint)
        annotated = annotated_schema(parts)
        if annotated is not None and not own_structure:
            index, target, nullable = annotated
            type_ref = self.type_of(target, pointers.join(pointer, "allOf", index), hint)
            return make_nullable(type_ref) if nullable else type_ref
        return self._lifted(schema, pointer, hint)

    def _union(self, schema: Mapping[str, Any], pointer: str, hint: str) -> TypeRef:
        key = "oneOf" if "oneOf" in schema else "anyOf"
        variants = self._variants(schema.get("oneOf") or schema["anyOf"], pointers.join(pointer, key), hint)
        if len(variants) == 1:
            return variants[0]
        if self._key_mapping(variants) is not None:
            return self._lifted(schema, pointer, hint)
        return UnionType(variants)

    def _types(self, schema: Mapping[str, Any], pointer: str, hint: str) -> TypeRef:
        return UnionType(tuple(self._non_null_type({**schema, "type": k}, pointer, hint) for k in schema["type"]))

    def _tuple(self, schema: Mapping[str, Any], pointer: str, hint: str) -> TypeRef:
        """`prefixItems` (JSON Schema 2020-12): a tuple when nothing may follow; else a list
        of any of the item types (Python has no "these, then any number of those")."""
        positions = tuple(self.type_of(p, pointers.join(pointer, "prefixItems", i), f"{hint}Item{i}")
                          for i, p in enumerate(schema["prefixItems"]))
        if closed(schema, len(positions)):
            return TupleType(positions)
        rest = schema.get("items")
        more = self.type_of(rest, pointers.join(pointer, "items"), hint + "Item") if isinstance(rest, Mapping) else AnyType()
        variants = tuple(dict.fromkeys(positions + (more,)))
        return ListType(variants[0] if len(variants) == 1 else UnionType(variants))

    def _array(self, schema: Mapping[str, Any], pointer: str, hint: str) -> TypeRef:
        return ListType(self.type_of(schema.get("items", {}), pointers.join(pointer, "items"), hint + "Item"))

    def _map(self, schema: Mapping[str, Any], pointer: str, hint: str) -> TypeRef:
        additional = schema.get("additionalProperties")
        if isinstance(additional, Mapping) and additional:
            return MapType(self.type_of(additional, pointers.join(pointer, "additionalProperties"), hint + "Value"))
        return MapType(AnyType())

    def _primitive(self, schema: Mapping[str, Any], pointer: str, hint: str) -> TypeRef:
        return primitive(schema.get("type"), schema.get("format"))


def _tag_field(python_name: str, wire_name: str, values: tuple[str, ...], description: str | None) -> Field:
    """A variant's tag property, narrowed to its tags; one tag is its default."""
    return Field(python_name, wire_name, LiteralType(values), len(values) > 1, description,
                 has_default=len(values) == 1, default=values[0])


_ClassBuilder = Callable[[SchemaBuilder, str, Mapping[str, Any], str, bool], SchemaDef]
_TypeBuilder = Callable[[SchemaBuilder, Mapping[str, Any], str, str], TypeRef]
# What each shape `shapes.shape_of` picks builds: a class, for a schema defined under a name...
_CLASSES: dict[Shape, _ClassBuilder] = {
    Shape.TAGGED_UNION_CLASS: SchemaBuilder._tagged_union_class,
    Shape.UNION_CLASS: SchemaBuilder._union_class,
    Shape.ENUM_CLASS: SchemaBuilder._enum_class,
    Shape.MODEL_CLASS: SchemaBuilder._model_class,
}
# ...and a type, for any schema (a structure that needs a class is lifted into one, named by its place).
_TYPES: dict[Shape, _TypeBuilder] = {
    Shape.REF: SchemaBuilder._ref,
    Shape.CONST: SchemaBuilder._const,
    Shape.ENUM: SchemaBuilder._enum,
    Shape.TAGGED_UNION: SchemaBuilder._lifted,
    Shape.ALL_OF: SchemaBuilder._all_of,
    Shape.UNION: SchemaBuilder._union,
    Shape.TYPES: SchemaBuilder._types,
    Shape.TUPLE: SchemaBuilder._tuple,
    Shape.ARRAY: SchemaBuilder._array,
    Shape.OBJECT: SchemaBuilder._lifted,
    Shape.MAP: SchemaBuilder._map,
    Shape.PRIMITIVE: SchemaBuilder._primitive,
}
