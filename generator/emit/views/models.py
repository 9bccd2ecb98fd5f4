"""The view of the models module: every string the template needs, precomputed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping

from generator.emit.views import literals
from generator.load import pointer
from generator.emit.views.type_printer import TypePrinter, import_lines
from generator.ir import AliasDef, Api, EnumDef, Field, ModelDef, SchemaDef, UnionDef
from generator.ir.types import (
    ListType, LiteralType, MapType, NamedType, NullableType, TupleType, TypeRef, UnionType,
)

if TYPE_CHECKING:
    from generator.emit.views.models_split import ModelGroup
    from generator.emit.views.models_typeddict import KeyView


@dataclass(frozen=True)
class FieldView:
    name: str
    annotation: str
    assignment: str  # "" or " = <default>" / " = Field(...)"
    doc: str


@dataclass(frozen=True)
class ClassView:
    name: str
    doc: str
    fields: tuple[FieldView, ...]
    read_only: str = ""  # frozenset display of the readOnly wire names, "" when none
    extra: str = ""  # annotation of the keys beyond the fields (typed additionalProperties), "" when untyped
    # `--compatible-with`: (old name, new name, annotation, message literal) of renamed fields
    renamed: tuple[tuple[str, str, str, str], ...] = ()


@dataclass(frozen=True)
class AliasView:
    name: str
    expression: str
    doc: str


@dataclass(frozen=True)
class ParamDictView:
    """A `<Model>Param` TypedDict (`argument_dicts: typed`): what a model argument also takes."""

    name: str
    doc: str
    keys: tuple[KeyView, ...]  # the JSON keys; annotations quoted when `functional`
    functional: bool  # some key is not an identifier: `Name = TypedDict("Name", {...})`


@dataclass(frozen=True)
class ModelsView:
    classes: tuple[ClassView, ...]
    root_classes: tuple[AliasView, ...]
    aliases: tuple[AliasView, ...]
    names: tuple[str, ...]
    typing_names: tuple[str, ...]
    datetime_names: tuple[str, ...]
    extra_imports: tuple[str, ...]  # import lines of other primitives (Base64Bytes from the runtime)
    uses_discriminators: bool
    helpers: tuple[str, ...]
    # `argument_dicts: typed`: the `<Model>Param` TypedDicts arguments also take (see params.py)
    param_dicts: tuple[ParamDictView, ...] = ()
    extensions_names: tuple[str, ...] = ()  # imported from typing_extensions
    group_imports: tuple[tuple[str, tuple[str, ...]], ...] = ()  # split package: (sibling module, names) imported
    runtime: str = "."  # how the runtime modules are reached: "." from models.py, ".." from models/_<group>.py


@dataclass(frozen=True)
class SchemasView:
    table_file: str  # the JSON file beside `_schemas.py` that holds DRIFT_SCHEMAS ("_schemas.json")


def models_view(api: Api, group: ModelGroup | None = None, groups: tuple[ModelGroup, ...] = ()) -> ModelsView:
    """The whole models module, or with `group` one module of a split models package."""
    from generator.emit.views.models_split import module_inputs

    schemas, mine = module_inputs(api, group, groups)
    printer = TypePrinter(schemas)
    classes = tuple(_class_view(d, printer) for d in mine if isinstance(d, ModelDef))
    ordered, cyclic = _alias_order(mine)
    aliases = tuple(_alias_view(d, printer) for d in ordered if d.name not in cyclic)
    # An alias that (indirectly) names itself cannot run at import time; as a
    # RootModel its type is only resolved when first used.
    root_classes = tuple(_alias_view(d, printer) for d in ordered if d.name in cyclic)
    helpers = sorted(
        {
            "by_property" if d.discriminator.by == "property" else "by_key"
            for d in mine
            if isinstance(d, UnionDef) and d.discriminator
        }
    )
    from generator.emit.views.models_split import imports_of
    from generator.emit.views.params import param_dicts

    params = param_dicts(api, printer, None if group is None else group.names)
    typing_names = set(printer.typing_names)
    if helpers:
        typing_names |= {"Annotated", "Union"}
    if root_classes:
        typing_names.add("Any")
    return ModelsView(
        classes=classes,
        root_classes=root_classes,
        aliases=aliases,
        names=tuple(sorted([*(d.name for d in mine), *(p.name for p in params)])),
        typing_names=tuple(sorted(typing_names)),
        datetime_names=tuple(sorted(printer.datetime_names)),
        extra_imports=import_lines(printer.extra_imports, depth=1 if group is None else 2),
        uses_discriminators=bool(helpers),
        helpers=tuple(helpers),
        param_dicts=params,
        extensions_names=tuple(sorted(
            ({"TypedDict"} if params else set())
            | ({"NotRequired"} if any(k.annotation.startswith("NotRequired[") for p in params for k in p.keys) else set())
            | ({"deprecated"} if any(c.renamed for c in classes) else set())
        )),
        group_imports=() if group is None else imports_of(group, groups, printer.model_names),
        runtime="." if group is None else "..",
    )


def drift_table(schemas: tuple[SchemaDef, ...]) -> dict[str, dict[str, Any]]:
    """Each model's row of the drift table (`_schemas.json`, read by runtime/_drift.py): the
    pointer of its schema, its open enums (field -> [enum pointer, known values]), whether
    extra keys are declared; for a union's fallback model, the union's pointer and tag property.
    Data, not Python: written as JSON, nothing in it is ever formatted or executed."""
    by_name = {d.name: d for d in schemas}
    fallbacks = {
        d.discriminator.fallback: d for d in schemas
        if isinstance(d, UnionDef) and d.discriminator and d.discriminator.fallback
    }
    table: dict[str, dict[str, Any]] = {}
    for model in sorted((d for d in schemas if isinstance(d, ModelDef)), key=lambda d: d.name):
        union = fallbacks.get(model.name)
        if union is not None and union.discriminator is not None:
            tag = union.discriminator.property if union.discriminator.by == "property" else None
            table[model.name] = {"union": union.pointer, "tag": tag}
        elif model.pointer.startswith("/"):
            row: dict[str, Any] = {"pointer": model.pointer}
            enums = {}
            for field in model.fields:
                if field.is_tag:
                    continue
                found = _enum_of(field.type, pointer.join(model.pointer, "properties", field.wire_name), by_name)
                if found is not None:
                    enums[field.python_name] = [found[0], list(found[1])]
            if enums:
                row["enums"] = enums
            if model.additional is not None:
                row["open"] = True
            table[model.name] = row
    return table


def _enum_of(
    type_ref: TypeRef, pointer: str, by_name: Mapping[str, SchemaDef]
) -> tuple[str, tuple[str | int | float | bool, ...]] | None:
    """(pointer, values) of the enum a field holds (itself, or the items of its list)."""
    type_ref = type_ref.inner if isinstance(type_ref, NullableType) else type_ref
    if isinstance(type_ref, ListType):
        return _enum_of(type_ref.item, pointer + "/items", by_name)
    if isinstance(type_ref, LiteralType):
        return pointer, type_ref.values
    if isinstance(type_ref, NamedType):
        target = by_name.get(type_ref.name)
        if isinstance(target, EnumDef) and target.pointer.startswith("/"):
            return target.pointer, target.values
    return None


def _class_view(model: ModelDef, printer: TypePrinter) -> ClassView:
    fields = tuple(_field_view(f, printer) for f in model.fields)
    read_only = sorted(f.wire_name for f in model.fields if f.read_only)
    if read_only:
        printer.typing_names.update({"ClassVar", "FrozenSet"})
    display = "frozenset({" + ", ".join(literals.string(n) for n in read_only) + "})" if read_only else ""
    extra = ""
    if model.additional is not None:
        printer.typing_names.add("Dict")
        extra = f"Dict[str, {printer.annotation(model.additional, open_enums=True)}]"
    annotations = {f.name: f.annotation for f in fields}
    renamed = tuple(
        (old, new, annotations[new], literals.string(f"models.{model.name}.{old} is deprecated: use "
                                                     f"models.{model.name}.{new}"))
        for old, new in model.renamed_fields
    )
    return ClassView(model.name, literals.docstring_body(model.description), fields, display, extra, renamed)


def _field_view(field: Field, printer: TypePrinter) -> FieldView:
    annotation = printer.annotation(field.type, open_enums=not field.is_tag)
    # A writeOnly field never comes back in an answer, so the model cannot require it.
    required = field.required and not field.write_only
    optional = not required and not field.is_tag and not isinstance(field.type, NullableType)
    if optional and annotation != "Any":
        printer.typing_names.add("Optional")
        annotation = f"Optional[{annotation}]"
    arguments = []
    if not required:
        default = field.default if field.has_default and literals.is_literal_value(field.default) else None
        arguments.append(literals.value(default))
    if field.python_name != field.wire_name:
        arguments.append(f"alias={literals.string(field.wire_name)}")
    if not arguments:
        assignment = ""
    elif len(arguments) == 1 and not arguments[0].startswith("alias="):
        assignment = f" = {arguments[0]}"
    else:
        assignment = " = _Field(" + ", ".join(_keyword_default(arguments)) + ")"
    return FieldView(field.python_name, annotation, assignment, literals.docstring_body(field.description))


def _keyword_default(arguments: list[str]) -> list[str]:
    return [a if a.startswith("alias=") else f"default={a}" for a in arguments]


def _alias_view(definition: SchemaDef, printer: TypePrinter) -> AliasView:
    doc = literals.docstring_body(definition.description)
    if isinstance(definition, EnumDef):
        printer.typing_names.add("Literal")
        values = ", ".join(literals.value(v) for v in definition.values)
        return AliasView(definition.name, f"Literal[{values}]", doc)
    if isinstance(definition, AliasDef):
        return AliasView(definition.name, printer.annotation(definition.target, open_enums=True), doc)
    assert isinstance(definition, UnionDef)
    discriminator = definition.discriminator
    if discriminator is None:
        parts = [printer.annotation(v, open_enums=True) for v in definition.variants]
        expression = parts[0] if len(parts) == 1 else "Union[" + ", ".join(parts) + "]"
        if len(parts) > 1:
            printer.typing_names.add("Union")
        return AliasView(definition.name, expression, doc)
    variants = [printer.annotation(v, open_enums=False) for v in definition.variants]
    if discriminator.fallback:
        variants.append(discriminator.fallback)
    tagged = ", ".join(f"Annotated[{v}, _Tag({literals.string(v)})]" for v in variants)
    routes = "{" + ", ".join(f"{literals.string(k)}: {literals.string(v)}" for k, v in discriminator.mapping) + "}"
    fallback = literals.string(discriminator.fallback or "")
    if discriminator.by == "property":
        router = f"by_property({literals.string(discriminator.property)}, {routes}, {fallback})"
    else:
        router = f"by_key({routes}, {fallback})"
    return AliasView(definition.name, f"Annotated[Union[{tagged}], _Discriminator({router})]", doc)


def _alias_order(schemas: tuple[SchemaDef, ...]) -> tuple[list[SchemaDef], set[str]]:
    """Non-class definitions, each after the aliases it mentions (they run at
    import), and the names of those on a cycle of aliases."""
    by_name: Mapping[str, SchemaDef] = {d.name: d for d in schemas if not isinstance(d, ModelDef)}
    ordered: list[SchemaDef] = []
    done: set[str] = set()
    stack: list[str] = []
    cyclic: set[str] = set()

    def visit(name: str) -> None:
        if name in done:
            return
        if name in stack:
            cyclic.update(stack[stack.index(name):])
            return
        stack.append(name)
        for dependency in sorted(_mentions(by_name[name])):
            if dependency in by_name:
                visit(dependency)
        stack.pop()
        done.add(name)
        ordered.append(by_name[name])

    for name in sorted(by_name):
        visit(name)
    return ordered, cyclic


def _mentions(definition: SchemaDef) -> set[str]:
    if isinstance(definition, AliasDef):
        return _names_in(definition.target)
    if isinstance(definition, UnionDef):
        found: set[str] = set()
        for variant in definition.variants:
            found |= _names_in(variant)
        return found
    return set()


def _names_in(type_ref: TypeRef) -> set[str]:
    if isinstance(type_ref, NamedType):
        return {type_ref.name}
    if isinstance(type_ref, NullableType):
        return _names_in(type_ref.inner)
    if isinstance(type_ref, ListType):
        return _names_in(type_ref.item)
    if isinstance(type_ref, MapType):
        return _names_in(type_ref.value)
    if isinstance(type_ref, TupleType):
        return set().union(*(_names_in(v) for v in type_ref.items))
    if isinstance(type_ref, UnionType):
        return set().union(*(_names_in(v) for v in type_ref.variants))
    return set()
