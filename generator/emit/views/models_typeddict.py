"""The view of the models module as `TypedDict`s (config `model_style: typeddict`).

Responses are plain dicts, validated by a pydantic `TypeAdapter` in the
resource modules; every TypedDict keeps unknown keys (`extra="allow"`), enums
in responses stay `Union[Literal[...], str]`, and a discriminated union routes
an unknown tag to its `...Unknown` TypedDict, as the pydantic style does.

Emitted from our IR, not by datamodel-code-generator
(`output_model_type=TypingTypedDict`). On the Dify spec dmcg 0.89 makes
`ChunkChatEvent` a base TypedDict that every event extends (`event:
NotRequired[Literal[<all 26 tags>]]`), with no union and no fallback for
unknown tags; enums are closed `Literal`s; names follow its own rules
(`File`, not the IR's `ChatRequestFilesItem` the resource modules import);
and it imports `TypedDict` and `TypeAlias` from `typing` and writes `X | Y`
aliases, which pydantic or Python 3.9 (the package's floor) reject. The IR
already holds the normalised schemas, so a small template serves each style.

The module has no `from __future__ import annotations`: `NotRequired` stays
visible at run time (so `__required_keys__` is right) and any type naming a
model is a string, resolved by pydantic when an adapter is first built.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass

from typing import TYPE_CHECKING

from generator.emit.views import literals
from generator.emit.views.models import _alias_order, _alias_view, _names_in
from generator.emit.views.type_printer import TypePrinter, import_lines
from generator.ir import Api, Field, ModelDef, NamedType, NullableType, SchemaDef, UnionDef

if TYPE_CHECKING:
    from generator.emit.views.models_split import ModelGroup


@dataclass(frozen=True)
class KeyView:
    key: str  # the wire name: a TypedDict's keys are the JSON keys
    key_literal: str  # the same as a string literal (functional syntax)
    annotation: str  # e.g. 'NotRequired["Optional[Foo]"]'
    doc: str


@dataclass(frozen=True)
class TypedDictView:
    name: str
    doc: str
    keys: tuple[KeyView, ...]
    functional: bool  # some key is not an identifier: `Name = TypedDict("Name", {...})`


@dataclass(frozen=True)
class TypeAliasView:
    name: str
    expression: str  # on a cycle: the names of the cycle quoted
    doc: str
    recursive: bool


@dataclass(frozen=True)
class TypedDictModelsView:
    typed_dicts: tuple[TypedDictView, ...]
    aliases: tuple[TypeAliasView, ...]  # each after those it mentions
    names: tuple[str, ...]
    typing_names: tuple[str, ...]
    extensions_names: tuple[str, ...]
    datetime_names: tuple[str, ...]
    extra_imports: tuple[str, ...]  # import lines of other primitives (Base64Bytes from the runtime)
    uses_discriminators: bool
    helpers: tuple[str, ...]
    group_imports: tuple[tuple[str, tuple[str, ...]], ...] = ()  # as ModelsView's
    runtime: str = "."  # as ModelsView's


class _QuotingPrinter(TypePrinter):
    """Writes the names in `quoted` as forward references (`"Name"`)."""

    def __init__(self, schemas: dict[str, SchemaDef], quoted: set[str]) -> None:
        super().__init__(schemas)
        self._quoted = quoted

    def _named(self, type_ref: NamedType, open_enums: bool, accept_dicts: bool) -> str:
        if type_ref.name not in self._quoted:  # an alias on a cycle is never an enum
            return super()._named(type_ref, open_enums, accept_dicts)
        self.model_names.add(type_ref.name)
        return f'"{type_ref.name}"'


def typeddict_models_view(
    api: Api, group: ModelGroup | None = None, groups: tuple[ModelGroup, ...] = ()
) -> TypedDictModelsView:
    """The whole models module, or with `group` one module of a split models package."""
    from generator.emit.views.models_split import module_inputs

    schemas, mine = module_inputs(api, group, groups)
    printer = TypePrinter(schemas)
    extensions = {"TypedDict"}
    typed_dicts = tuple(
        _typed_dict_view(d, printer, extensions) for d in mine if isinstance(d, ModelDef)
    )
    ordered, cyclic = _alias_order(mine)
    quoting = _QuotingPrinter(schemas, cyclic)
    aliases = tuple(_type_alias_view(d, quoting if d.name in cyclic else printer, d.name in cyclic) for d in ordered)
    if cyclic:
        extensions.add("TypeAliasType")
    helpers = sorted(
        {
            "by_property" if d.discriminator.by == "property" else "by_key"
            for d in mine
            if isinstance(d, UnionDef) and d.discriminator
        }
    )
    typing_names = printer.typing_names | quoting.typing_names
    if helpers:
        typing_names |= {"Annotated", "Union"}
    if cyclic:
        typing_names.add("TYPE_CHECKING")
    return TypedDictModelsView(
        typed_dicts=typed_dicts,
        aliases=aliases,
        names=tuple(sorted(d.name for d in mine)),
        typing_names=tuple(sorted(typing_names)),
        extensions_names=tuple(sorted(extensions)),
        datetime_names=tuple(sorted(printer.datetime_names | quoting.datetime_names)),
        extra_imports=import_lines(printer.extra_imports, quoting.extra_imports, depth=1 if group is None else 2),
        uses_discriminators=bool(helpers),
        helpers=tuple(helpers),
        group_imports=group_imports(group, groups, printer.model_names | quoting.model_names),
        runtime="." if group is None else "..",
    )


def group_imports(
    group: ModelGroup | None, groups: tuple[ModelGroup, ...], used: set[str]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What a module of a split models package imports from the others (none when not split)."""
    if group is None:
        return ()
    from generator.emit.views.models_split import imports_of

    return imports_of(group, groups, used)


def _type_alias_view(definition: SchemaDef, printer: TypePrinter, recursive: bool) -> TypeAliasView:
    if isinstance(definition, UnionDef):
        doc = literals.docstring_body(definition.description)
        return TypeAliasView(definition.name, _union_expression(definition, printer), doc, recursive)
    view = _alias_view(definition, printer)
    return TypeAliasView(view.name, view.expression, view.doc, recursive)


def _union_expression(union: UnionDef, printer: TypePrinter) -> str:
    """As the pydantic style's union, less any variant that is the union itself
    (`oneOf: [{$ref: itself}, ...]` adds nothing, and type checkers reject it)."""
    variants = [v for v in union.variants if v != NamedType(union.name)]
    discriminator = union.discriminator
    if discriminator is None:
        parts = list(dict.fromkeys(printer.annotation(v, open_enums=True) for v in variants)) or ["Any"]
        if "Any" in parts:
            printer.typing_names.add("Any")
        if len(parts) == 1:
            return parts[0]
        printer.typing_names.add("Union")
        return "Union[" + ", ".join(parts) + "]"
    # (tag, annotation) per variant; the tag is the schema name the router returns
    tagged = [(v.name if isinstance(v, NamedType) else printer.annotation(v, open_enums=False),
               printer.annotation(v, open_enums=False)) for v in variants]
    if discriminator.fallback:
        tagged.append((discriminator.fallback, discriminator.fallback))
    if len(tagged) == 1:
        return tagged[0][1]
    members = ", ".join(f"Annotated[{annotation}, _Tag({literals.string(tag)})]" for tag, annotation in tagged)
    routes = [(key, name) for key, name in discriminator.mapping if name != union.name]
    table = "{" + ", ".join(f"{literals.string(k)}: {literals.string(v)}" for k, v in routes) + "}"
    fallback = literals.string(discriminator.fallback or "")
    if discriminator.by == "property":
        router = f"by_property({literals.string(discriminator.property)}, {table}, {fallback})"
    else:
        router = f"by_key({table}, {fallback})"
    return f"Annotated[Union[{members}], _Discriminator({router})]"


def _typed_dict_view(model: ModelDef, printer: TypePrinter, extensions: set[str]) -> TypedDictView:
    keys = tuple(_key_view(f, printer, extensions) for f in model.fields)
    functional = not all(_class_key(f.wire_name) for f in model.fields)
    return TypedDictView(model.name, literals.docstring_body(model.description), keys, functional)


def _class_key(wire_name: str) -> bool:
    """Usable as a name in a class body: an identifier, no keyword, not mangled (`__x`)."""
    return wire_name.isidentifier() and not keyword.iskeyword(wire_name) and not wire_name.startswith("__")


def _key_view(field: Field, printer: TypePrinter, extensions: set[str]) -> KeyView:
    """A tag is always present (it is what routed the value here); any other key
    the spec does not require may be missing, or null, as the pydantic style allows."""
    inner = printer.annotation(field.type, open_enums=not field.is_tag)
    required = field.required or field.is_tag
    if not required and not isinstance(field.type, NullableType) and inner != "Any":
        printer.typing_names.add("Optional")
        inner = f"Optional[{inner}]"
    if _names_in(field.type):  # names a model or alias: resolved later, by name
        inner = literals.string(inner)
    annotation = inner
    if not required:
        extensions.add("NotRequired")
        annotation = f"NotRequired[{inner}]"
    return KeyView(
        field.wire_name,
        literals.string(field.wire_name),
        annotation,
        literals.docstring_body(field.description),
    )
