"""`TypeRef` -> type-expression source, plus the imports that expression needs.

One object owns this bookkeeping so templates only ever see finished
strings. Responses must survive newer servers, so in models (`open_enums`)
an enum is `Union[Literal[...], str]`: a known value is typed, an unknown one
is kept as a string instead of failing validation.
"""

from __future__ import annotations

from typing import Mapping

from generator.emit.views import literals
from generator.ir.types import strip_nullable
from generator.ir import (
    AnyType,
    EnumDef,
    ListType,
    LiteralType,
    ModelDef,
    MapType,
    NamedType,
    NullableType,
    PrimitiveType,
    SchemaDef,
    TupleType,
    TypeRef,
    UnionDef,
    UnionType,
)

_PRIMITIVES = {
    "str": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "bytes": "bytes",
    "datetime": "datetime",
    "date": "date",
    "file": "FileInput",
    # `format` only annotates in JSON Schema, and real answers (Dify's own examples)
    # carry ids that are no UUIDs: typed as text, so they never fail to parse. The
    # runtime sends a `uuid.UUID` given anyway as its text.
    "uuid": "str",
    "base64": "Base64Bytes",
}
# Where the primitives not built in come from (datetime's are in `datetime_names`).
_IMPORTS = {"base64": "from ._formats import Base64Bytes"}


def param_name(model: str) -> str:
    """The TypedDict a model argument may be given as (`argument_dicts: typed`): `ChatRequestParam`."""
    return model + "Param"


def import_lines(*found: set[str], depth: int = 1) -> tuple[str, ...]:
    """The extra import lines of some printers, standard library first; runtime modules
    (`from ._formats`) as seen from a module `depth` packages deep."""
    lines = {line.replace("from ._", "from " + "." * depth + "_") for line in set().union(*found)}
    return tuple(sorted(lines, key=lambda line: (line.startswith("from ."), line)))


class TypePrinter:
    def __init__(self, schemas: Mapping[str, SchemaDef], models_prefix: str = "", *, typed_dicts: bool = False,
                 param_dicts: bool = False) -> None:
        """`typed_dicts`: models are TypedDicts (`model_style: typeddict`), already dicts.
        `param_dicts`: a model argument's dict is its `<Model>Param` TypedDict (`argument_dicts: typed`)."""
        self._schemas = schemas
        self._prefix = models_prefix
        self.typed_dicts = typed_dicts
        self.param_dicts = param_dicts
        self.typing_names: set[str] = set()
        self.datetime_names: set[str] = set()
        self.model_names: set[str] = set()
        self.runtime_names: set[str] = set()
        self.extra_imports: set[str] = set()

    def annotation(self, type_ref: TypeRef, *, open_enums: bool, accept_dicts: bool = False) -> str:
        """`open_enums`: unknown enum values allowed (responses). `accept_dicts`: a
        model may also be given as a plain dict (method arguments)."""
        return self._annotation(type_ref, open_enums, accept_dicts)

    def _annotation(self, type_ref: TypeRef, open_enums: bool, accept_dicts: bool) -> str:
        if isinstance(type_ref, NullableType):
            self.typing_names.add("Optional")
            return f"Optional[{self._annotation(type_ref.inner, open_enums, accept_dicts)}]"
        if isinstance(type_ref, PrimitiveType):
            name = _PRIMITIVES[type_ref.kind]
            if type_ref.kind in ("datetime", "date"):
                self.datetime_names.add(name)
            if type_ref.kind == "file":
                self.runtime_names.add(name)
            if type_ref.kind in _IMPORTS:
                self.extra_imports.add(_IMPORTS[type_ref.kind])
            return name
        if isinstance(type_ref, AnyType):
            self.typing_names.add("Any")
            return "Any"
        if isinstance(type_ref, ListType):
            # An argument's list of models is a Sequence: List is invariant, so a caller's
            # `List[Model]` would not fit `List[Union[Model, Dict[str, Any]]]`.
            container = "Sequence" if accept_dicts and self._widened(type_ref.item) else "List"
            self.typing_names.add(container)
            return f"{container}[{self._annotation(type_ref.item, open_enums, accept_dicts)}]"
        if isinstance(type_ref, TupleType):
            self.typing_names.add("Tuple")
            items = ", ".join(self._annotation(item, open_enums, accept_dicts) for item in type_ref.items)
            return f"Tuple[{items}]"
        if isinstance(type_ref, MapType):
            container = "Mapping" if accept_dicts and self._widened(type_ref.value) else "Dict"
            self.typing_names.add(container)
            return f"{container}[str, {self._annotation(type_ref.value, open_enums, accept_dicts)}]"
        if isinstance(type_ref, LiteralType):
            self.typing_names.add("Literal")
            literal = "Literal[" + ", ".join(literals.value(v) for v in type_ref.values) + "]"
            return self._open(literal, type_ref.values) if open_enums else literal
        if isinstance(type_ref, UnionType):
            self.typing_names.add("Union")
            parts = list(dict.fromkeys(self._annotation(v, open_enums, accept_dicts) for v in type_ref.variants))
            return parts[0] if len(parts) == 1 else "Union[" + ", ".join(parts) + "]"
        return self._named(type_ref, open_enums, accept_dicts)

    def _widened(self, item: TypeRef) -> bool:
        """Whether an argument's item is a model that also accepts a dict (so invariance bites)."""
        target = strip_nullable(item)
        if self.typed_dicts or not isinstance(target, NamedType):
            return False
        return isinstance(self._schemas.get(target.name), (ModelDef, UnionDef))

    def _named(self, type_ref: NamedType, open_enums: bool, accept_dicts: bool) -> str:
        self.model_names.add(type_ref.name)
        name = self._prefix + type_ref.name
        definition = self._schemas.get(type_ref.name)
        if open_enums and isinstance(definition, EnumDef):
            return self._open(name, definition.values)
        if accept_dicts and self.param_dicts and not self.typed_dicts and isinstance(definition, ModelDef):
            self.typing_names.add("Union")
            self.model_names.add(param_name(type_ref.name))
            return f"Union[{name}, {self._prefix}{param_name(type_ref.name)}]"
        if accept_dicts and not self.typed_dicts and isinstance(definition, (ModelDef, UnionDef)):
            self.typing_names.update({"Any", "Dict", "Union"})
            return f"Union[{name}, Dict[str, Any]]"
        return name

    def _open(self, closed: str, values: tuple[object, ...]) -> str:
        """Accept unknown values too, as the type of the known ones."""
        kinds = {type(v) for v in values}
        if kinds == {str}:
            self.typing_names.add("Union")
            return f"Union[{closed}, str]"
        return closed
