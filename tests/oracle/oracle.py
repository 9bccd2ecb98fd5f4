"""Our generated pydantic models against datamodel-code-generator's, schema by schema.

The comparison behind tests/oracle/test_datamodel_oracle.py: each component schema that both
generators make an object model of, compared by wire field names, required-ness and a coarse
type category. Both sides are imported and read through pydantic's `model_fields`, so the
categories come from the same code for both.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import importlib
import sys
import types
import typing
import uuid
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pydantic

from generator.emit.writing.write import write_tree
from generator.ir import ModelDef
from generator.pipeline import generate
from tests.importing import forget

_STRINGS = (str, bytes, datetime.datetime, datetime.date, datetime.time, datetime.timedelta, uuid.UUID)


def category(annotation: Any, seen: frozenset[type] = frozenset()) -> str:
    """str, int, float, bool, list, dict, model, union or any: what a field holds, coarsely;
    `None` is left out (nullable is not compared), as are constraints and formats. A union whose
    variants all fall in one category is that category (`Union[Literal["a"], str]` is a str)."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return category(args[0], seen)
    if origin in (typing.Union, types.UnionType):
        kinds = {category(a, seen) for a in args if a is not type(None)}
        return kinds.pop() if len(kinds) == 1 else "union"
    if origin is typing.Literal:
        kinds = {_scalar(value) for value in args if value is not None}
        return kinds.pop() if len(kinds) == 1 else "union"
    if origin in (list, set, frozenset, tuple) or origin is typing.Sequence:
        return "list"
    if origin is dict or origin is typing.Mapping:
        return "dict"
    if annotation is Any or annotation is object:
        return "any"
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):
            kinds = {_scalar(member.value) for member in annotation}
            return kinds.pop() if len(kinds) == 1 else "union"
        if issubclass(annotation, pydantic.RootModel):
            if annotation in seen:  # `RecursiveItem = oneOf [RecursiveItem, ...]`: both sides make one
                return "recursive"
            return category(annotation.model_fields["root"].annotation, seen | {annotation})
        if issubclass(annotation, pydantic.BaseModel):
            return "dict" if _free_form(annotation) else "model"
        if issubclass(annotation, bool):
            return "bool"
        if issubclass(annotation, int):
            return "int"
        if issubclass(annotation, (float, decimal.Decimal)):
            return "float"
        if issubclass(annotation, _STRINGS) or annotation.__module__.startswith("pydantic"):
            return "str"  # a string on the wire: URLs, e-mail addresses, dates, UUIDs
        if annotation in (list, set, tuple):
            return "list"
        if annotation is dict:
            return "dict"
    return f"unknown:{annotation!r}"


def _free_form(model: type[pydantic.BaseModel]) -> bool:
    """datamodel-code-generator's `class X(BaseModel): pass` for a free-form object (`type: object`,
    no properties), which clientgen types `Dict[str, Any]`: compared as a dict, the same declaration.
    (Theirs drops every key it is given, as pydantic ignores unknown keys by default; ours keeps
    them, as does every model of ours, `extra="allow"`, like the field-less fallback variant of a
    union, which is a model.)"""
    return not model.model_fields and model.model_config.get("extra") != "allow"


def _scalar(value: object) -> str:
    return {bool: "bool", int: "int", float: "float", str: "str"}.get(type(value), "any")


@dataclass(frozen=True)
class Shape:
    """One model field as the comparison sees it."""

    required: bool
    category: str
    # `tag: Literal["v1"] = "v1"`: a discriminator tag that fills itself in
    defaults_to_its_tag: bool = False


def _fields(model: type[pydantic.BaseModel]) -> dict[str, Shape]:
    model.model_rebuild()
    return {
        (info.alias or name): Shape(info.is_required(), category(info.annotation), _defaults_to_its_tag(info))
        for name, info in model.model_fields.items()
    }


def _is_component(pointer: str) -> bool:
    """A schema of its own under components/schemas (inline ones are named differently by each)."""
    return pointer.startswith("/components/schemas/") and pointer.count("/") == 3


def _defaults_to_its_tag(info: Any) -> bool:
    annotation = info.annotation
    return typing.get_origin(annotation) is typing.Literal and typing.get_args(annotation) == (info.default,)


def differences(ours: dict[str, dict[str, Shape]], theirs: dict[str, dict[str, Shape]]) -> list[tuple[str, str, str]]:
    """(pointer, field, what differs), field "" for a whole schema; sorted."""
    found = [(pointer, "", "object model only in ours") for pointer in ours.keys() - theirs.keys()]
    found += [(pointer, "", "object model only in theirs") for pointer in theirs.keys() - ours.keys()]
    for pointer in ours.keys() & theirs.keys():
        mine, other = ours[pointer], theirs[pointer]
        found += [(pointer, name, "field only in ours") for name in mine.keys() - other.keys()]
        found += [(pointer, name, "field only in theirs") for name in other.keys() - mine.keys()]
        for name in mine.keys() & other.keys():
            if mine[name].required != other[name].required:
                found.append((pointer, name, f"required: ours {mine[name].required}, theirs {other[name].required}"))
            if mine[name].category != other[name].category:
                found.append((pointer, name, f"type: ours {mine[name].category}, theirs {other[name].category}"))
    return sorted(found)


def ours(spec: Path, work: Path, package: str) -> tuple[dict[str, dict[str, Shape]], dict[str, str]]:
    """{component pointer: its fields} of every object model clientgen generates from `spec`, and
    {component pointer: what clientgen made of it (ModelDef, UnionDef, AliasDef, EnumDef)}."""
    result = generate(spec, package_name=package, format_code=False)
    write_tree(result.files, work / "ours")
    sys.path.insert(0, str(work / "ours"))
    try:
        models = importlib.import_module(f"{package}.models")
        fields = {
            schema.pointer: _fields(getattr(models, schema.name))
            for schema in result.api.schemas
            if isinstance(schema, ModelDef) and _is_component(schema.pointer)
        }
        return fields, {schema.pointer: type(schema).__name__ for schema in result.api.schemas}
    finally:
        sys.path.remove(str(work / "ours"))
        forget(package)


def theirs(spec: Path, work: Path, package: str) -> dict[str, dict[str, Shape]]:
    """{component pointer: its fields} of every object model datamodel-code-generator generates."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from datamodel_code_generator import DataModelType, PythonVersion
        from datamodel_code_generator.model import get_data_model_types
        from datamodel_code_generator.parser.openapi import OpenAPIParser

        kinds = get_data_model_types(DataModelType.PydanticV2BaseModel, target_python_version=PythonVersion.PY_310)
        parser = OpenAPIParser(
            source=spec, data_model_type=kinds.data_model, data_model_root_type=kinds.root_model,
            data_model_field_type=kinds.field_model, data_type_manager_type=kinds.data_type_manager,
            dump_resolve_reference_action=kinds.dump_resolve_reference_action, formatters=[],
        )
        code = parser.parse()
    root = work / "theirs" / package
    modules = code if isinstance(code, dict) else {("__init__.py",): code}
    for parts, text in modules.items():
        path = root.joinpath(*parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(str(getattr(text, "body", text)), encoding="utf-8")
    sys.path.insert(0, str(work / "theirs"))
    try:
        found = {}
        for model in parser.results:
            pointer = model.reference.path.partition("#")[2]
            if not _is_component(pointer):
                continue
            module = importlib.import_module(".".join([package, *model.module_path]).rstrip("."))
            cls = getattr(module, model.class_name)
            if isinstance(cls, type) and issubclass(cls, pydantic.BaseModel) and not issubclass(cls, pydantic.RootModel):
                if not _free_form(cls):
                    found[pointer] = _fields(cls)
        return found
    finally:
        sys.path.remove(str(work / "theirs"))
        forget(package)
