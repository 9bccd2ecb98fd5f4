"""`<Model>Param` TypedDicts: what a model argument may be given as (config `argument_dicts`:
`typed`, the default for pydantic models; `any` turns them off).

As openai-python's `*_params.py`: `client.chat.send_message(inputs={"city": "Oslo"})` is
checked by mypy key by key, and the model (`AppInputs(city="Oslo")`) is still accepted:
the argument is `Union[AppInputs, AppInputsParam]`. At run time a TypedDict is a dict, so
it is sent as a dict always was. A Param exists for every model an argument reaches, and
its keys are typed the same way (`Union[Nested, NestedParam]`, `Sequence[...]`), so the
check goes all the way down. Keys are the JSON keys; one the spec does not require is
`NotRequired`. Union schemas stay `Union[..., Dict[str, Any]]`.
"""

from __future__ import annotations

from typing import AbstractSet

from generator.emit.views import literals
from generator.emit.views.models import ParamDictView, _names_in
from generator.emit.views.models_typeddict import KeyView, _class_key
from generator.emit.views.type_printer import TypePrinter, param_name
from generator.ir import Api, ModelDef, SchemaDef
from generator.ir.types import TypeRef


def param_models(api: Api) -> tuple[str, ...]:
    """The models an argument reaches, sorted: each gets a Param TypedDict. None unless
    `argument_dicts: typed`, and none for TypedDict models, which are dicts already."""
    if api.argument_dicts != "typed" or api.model_style == "typeddict":
        return ()
    from generator.emit.views.models_split import once

    # Asked once per module of a split models package (hundreds), of the same Api: a walk of
    # every operation each time made rendering Stripe's models take seconds.
    return once("argument models", api,
                lambda: tuple(sorted(_argument_models(api, {d.name: d for d in api.schemas}))))


def param_dicts(api: Api, printer: TypePrinter, only: AbstractSet[str] | None = None) -> tuple[ParamDictView, ...]:
    """The Param TypedDicts of `param_models`. `printer` collects the typing names they use.
    `only`: the models of one module of a split models package (each Param sits beside its model)."""
    from generator.emit.views.models_split import once

    schemas = once("schemas", api.schemas, lambda: {d.name: d for d in api.schemas})
    params = TypePrinter(schemas, param_dicts=True)
    models = param_models(api)
    if only is None:
        names = list(models)
    else:  # (one module's few names looked up, not every Param model filtered once a module)
        known = once("argument model set", api, lambda: frozenset(models))
        names = sorted(name for name in only if name in known)
    views = tuple(_view(schemas[name], params) for name in names)  # type: ignore[arg-type]
    printer.typing_names |= params.typing_names
    printer.datetime_names |= params.datetime_names
    printer.extra_imports |= params.extra_imports
    printer.model_names |= params.model_names
    return views


def _view(model: ModelDef, printer: TypePrinter) -> ParamDictView:
    functional = not all(_class_key(f.wire_name) for f in model.fields)
    keys = []
    for field in model.fields:
        annotation = printer.annotation(field.type, open_enums=False, accept_dicts=True)
        if functional:
            annotation = literals.string(annotation)
        if not field.required:
            annotation = f"NotRequired[{annotation}]"
        keys.append(KeyView(field.wire_name, literals.string(field.wire_name), annotation,
                            literals.docstring_body(field.description)))
    doc = literals.docstring_body(f"`{model.name}` as a dict: what an argument of that type also takes.")
    return ParamDictView(param_name(model.name), doc, tuple(keys), functional)


def _argument_models(api: Api, schemas: dict[str, SchemaDef]) -> set[str]:
    """Names of the models an argument of some method reaches, through models' fields."""
    found: set[str] = set()
    todo: list[TypeRef] = []
    for resource in api.resources:
        for op in resource.called_operations:
            todo += [p.type for p in op.parameters if p.location != "path"]
            if op.body:
                todo += [f.type for f in op.body.fields]
                if op.body.whole is not None:
                    todo.append(op.body.whole)
    while todo:
        for name in _names_in(todo.pop()):  # not through union schemas, which keep dicts
            definition = schemas.get(name)
            if isinstance(definition, ModelDef) and name not in found:
                found.add(name)
                todo += [f.type for f in definition.fields]
    return found
