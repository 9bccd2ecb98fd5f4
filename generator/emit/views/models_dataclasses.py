"""The view of the models module as dataclasses (config `model_style: dataclasses`).

Each model is a pydantic dataclass (a real `dataclasses` dataclass, checked
when built) that keeps unknown keys (`extra="allow"`); enums in responses
stay open and unions route unknown tags to their `...Unknown` variant, as in
the other styles. A model is also a read-only `Mapping` of its JSON form (by
wire name, unknown keys included): that is how the runtime sends it, and
how a user reaches keys this client does not declare (`model["new_key"]`).
A field left at its `None` default is not sent; to send `null`, pass a dict.

Emitted from the IR for the reasons given in `models_typeddict`; unions and
aliases are written as there (recursive ones through `TypeAliasType`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.emit.views import literals
from generator.emit.views.models import _alias_order
from generator.emit.views.models_typeddict import TypeAliasView, _QuotingPrinter, _type_alias_view, group_imports
from generator.emit.views.type_printer import TypePrinter, import_lines
from generator.ir import Api, Field, ModelDef, NullableType, UnionDef

if TYPE_CHECKING:
    from generator.emit.views.models_split import ModelGroup

BASE = "_base"  # the module of a split package that defines `_JsonForm` for every group

# Mapping methods a field must not shadow: such a field gets a trailing `_`.
_RESERVED = frozenset({"get", "items", "keys", "values"})


@dataclass(frozen=True)
class DataFieldView:
    name: str
    annotation: str
    assignment: str  # "" (required), " = <default>" or " = _Field(...)"
    doc: str
    has_default: bool


@dataclass(frozen=True)
class DataclassView:
    name: str
    doc: str
    fields: tuple[DataFieldView, ...]  # those without a default first, as dataclasses require


@dataclass(frozen=True)
class DataclassModelsView:
    classes: tuple[DataclassView, ...]
    aliases: tuple[TypeAliasView, ...]
    names: tuple[str, ...]
    typing_names: tuple[str, ...]
    datetime_names: tuple[str, ...]
    extra_imports: tuple[str, ...]  # import lines of other primitives (Base64Bytes from the runtime)
    uses_discriminators: bool
    uses_recursion: bool
    helpers: tuple[str, ...]
    group_imports: tuple[tuple[str, tuple[str, ...]], ...] = ()  # as ModelsView's
    runtime: str = "."  # as ModelsView's
    base_module: str = ""  # "": `_JsonForm` and `_OPEN` are defined here; else imported from it


def dataclass_models_view(
    api: Api, group: ModelGroup | None = None, groups: tuple[ModelGroup, ...] = ()
) -> DataclassModelsView:
    """The whole models module, or with `group` one module of a split models package
    (whose `_JsonForm` base then comes from `models/_base.py`, shared by every group)."""
    from generator.emit.views.models_split import module_inputs

    schemas, mine = module_inputs(api, group, groups)
    printer = TypePrinter(schemas)
    classes = tuple(_class_view(d, printer) for d in mine if isinstance(d, ModelDef))
    ordered, cyclic = _alias_order(mine)
    quoting = _QuotingPrinter(schemas, cyclic)
    aliases = tuple(_type_alias_view(d, quoting if d.name in cyclic else printer, d.name in cyclic) for d in ordered)
    helpers = sorted(
        {
            "by_property" if d.discriminator.by == "property" else "by_key"
            for d in mine
            if isinstance(d, UnionDef) and d.discriminator
        }
    )
    typing_names = printer.typing_names | quoting.typing_names | {"Any", "Dict", "Iterator", "Mapping"}
    if helpers:
        typing_names |= {"Annotated", "Union"}
    if cyclic:
        typing_names.add("TYPE_CHECKING")
    # In a split package every group's models share one `_JsonForm` (the runtime checks it).
    shared = (((BASE, ("_JsonForm", "_OPEN")),) if group is not None and group.module != BASE else ())
    return DataclassModelsView(
        classes=classes,
        aliases=aliases,
        names=tuple(sorted(d.name for d in mine)),
        typing_names=tuple(sorted(typing_names)),
        datetime_names=tuple(sorted(printer.datetime_names | quoting.datetime_names)),
        extra_imports=import_lines(printer.extra_imports, quoting.extra_imports, depth=1 if group is None else 2),
        uses_discriminators=bool(helpers),
        uses_recursion=bool(cyclic),
        helpers=tuple(helpers),
        group_imports=(*shared, *group_imports(group, groups, printer.model_names | quoting.model_names)),
        runtime="." if group is None else "..",
        base_module=shared[0][0] if shared else "",
    )


def _class_view(model: ModelDef, printer: TypePrinter) -> DataclassView:
    views = [_field_view(f, printer) for f in model.fields]
    # Required fields first, those renamed through `_Field(...)` last among them: the
    # dataclass machinery counts any `= ...` as a default. Each group keeps the spec's order.
    views.sort(key=lambda v: 2 if v.has_default else 1 if v.assignment else 0)
    return DataclassView(model.name, literals.docstring_body(model.description), tuple(views))


def _field_view(field: Field, printer: TypePrinter) -> DataFieldView:
    annotation = printer.annotation(field.type, open_enums=not field.is_tag)
    optional = not field.required and not field.is_tag and not isinstance(field.type, NullableType)
    if optional and annotation != "Any":
        printer.typing_names.add("Optional")
        annotation = f"Optional[{annotation}]"
    name = field.python_name + "_" if field.python_name in _RESERVED else field.python_name
    keywords = []
    if name != field.wire_name:
        wire = literals.string(field.wire_name)
        keywords += [f"validation_alias={wire}", f"serialization_alias={wire}"]
    default: str | None = None
    if not field.required:
        data = field.default if field.has_default and literals.is_literal_value(field.default) else None
        default = literals.value(data)
        if isinstance(data, (list, dict)):  # a fresh one per instance
            keywords.insert(0, f"default_factory=lambda: {default}")
        elif keywords:
            keywords.insert(0, f"default={default}")
    if keywords:
        assignment = " = _Field(" + ", ".join(keywords) + ")"
    else:
        assignment = "" if default is None else f" = {default}"
    return DataFieldView(name, annotation, assignment, literals.docstring_body(field.description), default is not None)
