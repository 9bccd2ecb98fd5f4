"""A big spec's models as a `models/` package of group modules, loaded on first use.

One models module of thousands of classes costs seconds to import, and the
first typed call paid for all of it. Above `SPLIT_ABOVE` schemas the models
become private modules, one per resource (`models/_chat.py`: what only that
resource's operations reach), `_common` (what several resources reach) and
`_other` (what no operation reaches: request bodies flattened into
arguments, webhook payloads, unused components). `models/__init__.py`
re-exports every name lazily (PEP 562), so `from pkg.models import X` and
`pkg.models.X` still work, and a resource module loads the groups of the
names it imports, not the others.

Grouping by the resources that reach a schema keeps imports acyclic: a schema
reaches only schemas reached by at least the same resources, so a resource's
group imports only `_common`, `_common` imports nothing, and a cycle of
schemas (its members reach each other) always lands in one group. A spec the
rule cannot split that way (should a reference escape the walk) stays one
module rather than risk a circular import.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from generator.emit.views.models import _mentions, _names_in
from generator.emit.views.type_printer import param_name
from generator.ir import Api, ModelDef, Operation, SchemaDef, UnionDef
from generator.ir.types import TypeRef

# Below this many schemas one module imports in about 0.1 s (0.5 ms a model on an idle
# machine): the extra files and lazy look-ups would cost about what they save.
SPLIT_ABOVE = 200
COMMON = "_common"
OTHER = "_other"


@dataclass(frozen=True)
class ModelGroup:
    module: str  # "_chat": the private module under models/
    names: frozenset[str]  # the schemas defined there


@dataclass(frozen=True)
class ModelsIndexView:
    """package/models/__init__.py.j2: the lazy re-exports of a split models package."""

    groups: tuple[tuple[str, tuple[str, ...]], ...]  # (module, its public names sorted), by module
    names: tuple[str, ...]  # every public name, sorted (`__all__`)
    split_above: int  # the rule: a spec of more schemas than this is split


def model_groups(api: Api) -> tuple[ModelGroup, ...]:
    """The group modules of a split models package, sorted by module; () keeps one module."""
    if len(api.schemas) <= SPLIT_ABOVE:
        return ()
    schemas = {d.name: d for d in api.schemas}
    edges = {name: sorted(n for n in _references(d) if n in schemas) for name, d in schemas.items()}
    reached_by: dict[str, set[str]] = {}
    for module, seeds in _resource_seeds(api):
        for name in _closure(seeds & schemas.keys(), edges):
            reached_by.setdefault(name, set()).add(module)
    owners = _group_names(api)
    members: dict[str, set[str]] = {}
    for name in schemas:
        users = reached_by.get(name, set())
        group = OTHER if not users else owners[next(iter(users))] if len(users) == 1 else COMMON
        members.setdefault(group, set()).add(name)
    groups = tuple(ModelGroup(module, frozenset(names)) for module, names in sorted(members.items()))
    if len(groups) < 2 or not _acyclic(groups, edges):
        return ()
    return groups


def index_view(groups: tuple[ModelGroup, ...], params: Iterable[str]) -> ModelsIndexView:
    """`params`: the `<Model>Param` TypedDicts written (each lives beside its model)."""
    params = set(params)
    listed = tuple(
        (g.module, tuple(sorted({*g.names, *(param_name(n) for n in g.names if param_name(n) in params)})))
        for g in groups
    )
    names = tuple(sorted(n for _, names in listed for n in names))
    return ModelsIndexView(listed, names, SPLIT_ABOVE)


def imports_of(group: ModelGroup, groups: tuple[ModelGroup, ...], used: set[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(module, names) a group module imports from the others: the names its code mentions."""
    home = {name: g.module for g in groups for name in g.names}
    wanted: dict[str, set[str]] = {}
    for name in used - group.names:
        model = name[: -len("Param")] if name not in home and name.endswith("Param") else name
        if model in home and model not in group.names:
            wanted.setdefault(home[model], set()).add(name)
    return tuple((module, tuple(sorted(names))) for module, names in sorted(wanted.items()))


def _references(definition: SchemaDef) -> set[str]:
    """Every schema name the definition's code mentions (a superset is safe, a subset is not)."""
    if isinstance(definition, ModelDef):
        found: set[str] = set()
        for field in definition.fields:
            found |= _names_in(field.type)
        if definition.additional is not None:
            found |= _names_in(definition.additional)
        return found
    found = _mentions(definition)
    if isinstance(definition, UnionDef) and definition.discriminator and definition.discriminator.fallback:
        found.add(definition.discriminator.fallback)
    return found


def _resource_seeds(api: Api) -> Iterator[tuple[str, set[str]]]:
    """(resource module, the schema names its operations name), resource by resource."""
    for resource in api.resources:
        operations = (*resource.operations, *(a.operation for a in resource.aliases if a.operation is not None))
        names: set[str] = set()
        for operation in operations:
            for type_ref in _type_refs(operation):
                names |= _names_in(type_ref)
        yield resource.module or resource.python_name, names


def _type_refs(operation: Operation) -> Iterator[TypeRef]:
    yield from (p.type for p in operation.parameters)
    if operation.body is not None:
        yield from (f.type for f in operation.body.fields)
        if operation.body.whole is not None:
            yield operation.body.whole
    yield from (r.type for r in (operation.success, *operation.responses) if r.type is not None)
    if operation.stream is not None:
        yield operation.stream.event_type
    if operation.page is not None:
        yield operation.page.item_type


def _closure(seeds: set[str], edges: Mapping[str, list[str]]) -> set[str]:
    seen: set[str] = set()
    todo = sorted(seeds)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += edges[name]
    return seen


def _group_names(api: Api) -> dict[str, str]:
    """Resource module -> its group module (`_chat`), never the name of a shared group."""
    taken = {COMMON, OTHER, "_base"}  # _base: the dataclass style's shared `_JsonForm`
    names = {}
    for resource in api.resources:
        module = resource.module or resource.python_name
        name = f"_{module}"
        while name in taken:
            name += "_models"
        taken.add(name)
        names[module] = name
    return names


def _acyclic(groups: tuple[ModelGroup, ...], edges: Mapping[str, list[str]]) -> bool:
    """No group imports (through others) itself: their imports run top to bottom at load."""
    home = {name: g.module for g in groups for name in g.names}
    needs = {g.module: {home[n] for name in g.names for n in edges[name]} - {g.module} for g in groups}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str) -> bool:
        if state.get(module) == 2:
            return True
        if state.get(module) == 1:
            return False
        state[module] = 1
        if not all(visit(m) for m in sorted(needs[module])):
            return False
        state[module] = 2
        return True

    return all(visit(g.module) for g in groups)
