"""A big spec's models as a `models/` package of small modules, each loaded on first use.

One models module of thousands of classes costs seconds to import, and the
first typed call paid for all of it. Above `SPLIT_ABOVE` schemas the models
become private modules cut along the reference graph: one per strongly
connected component (a cycle of schemas must be defined together), merged
into the component that refers to it when that is its only referrer and no
operation names it directly (only that referrer ever loads it, so a separate
file would buy nothing). `models/__init__.py` re-exports every name lazily
(PEP 562), so `from pkg.models import X` and `pkg.models.X` still work, and
using X loads X's module and those it imports: the schemas X reaches, nothing
else.

Imports between the modules follow the condensed graph, which has no cycle,
and merging a component into its only referrer cannot make one (every path
into it passes through that referrer). Module names come from a schema of
the group, snake_case so that `Foo` and `foo` cannot become two files a
case-insensitive file system takes for one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Mapping, TypeVar, cast

from generator import naming
from generator.emit.views.models import _mentions, _names_in
from generator.emit.views.type_printer import param_name
from generator.ir import Api, ModelDef, Operation, SchemaDef, UnionDef
from generator.ir.types import TypeRef

# Below this many schemas one module imports in about 0.1 s (0.5 ms a model on an idle
# machine): the extra files and lazy look-ups would cost about what they save.
SPLIT_ABOVE = 200
T = TypeVar("T")
MAX_MODULE = 60  # characters of a schema's name a module name keeps: file names stay short


@dataclass(frozen=True)
class ModelGroup:
    module: str  # "_chat_request": the private module under models/
    names: frozenset[str]  # the schemas defined there


@dataclass(frozen=True)
class ModelsIndexView:
    """package/models/__init__.py.j2: the lazy re-exports of a split models package."""

    groups: tuple[tuple[str, tuple[str, ...]], ...]  # (module, its public names sorted), by module
    names: tuple[str, ...]  # every public name, sorted (`__all__`)
    module_of: tuple[tuple[str, str], ...]  # (public name, its module), by name
    split_above: int  # the rule: a spec of more schemas than this is split


def splits(api: Api) -> bool:
    """Whether the models are a split package (resources then read them lazily too)."""
    return len(api.schemas) > SPLIT_ABOVE


def model_groups(api: Api) -> tuple[ModelGroup, ...]:
    """The group modules of a split models package, sorted by module; () keeps one module."""
    if not splits(api):
        return ()
    schemas = {d.name: d for d in api.schemas}
    edges = {name: sorted(n for n in _references(d) if n in schemas) for name, d in schemas.items()}
    seeds = _named_by_operations(api)  # what calls load by name: each heads its own module
    components = _components(edges)
    component_of = {name: i for i, members in enumerate(components) for name in members}
    referrers: dict[int, set[int]] = {}
    for name, targets in edges.items():
        for target in targets:
            if component_of[target] != component_of[name]:
                referrers.setdefault(component_of[target], set()).add(component_of[name])
    # Tarjan lists a component after every component it reaches: reversed, referrers come first.
    root: dict[int, int] = {}
    for i in reversed(range(len(components))):
        only = referrers.get(i, set())
        reached_through_one = len(only) == 1 and not seeds.intersection(components[i])
        root[i] = root[next(iter(only))] if reached_through_one else i
    members: dict[int, set[str]] = {}
    for i, component in enumerate(components):
        members.setdefault(root[i], set()).update(component)
    modules = _module_names({min(components[i]): i for i in members})
    groups = (ModelGroup(modules[i], frozenset(names)) for i, names in members.items())
    return tuple(sorted(groups, key=lambda g: g.module))


def index_view(groups: tuple[ModelGroup, ...], params: Iterable[str]) -> ModelsIndexView:
    """`params`: the `<Model>Param` TypedDicts written (each lives beside its model)."""
    params = set(params)
    listed = tuple(
        (g.module, tuple(sorted({*g.names, *(param_name(n) for n in g.names if param_name(n) in params)})))
        for g in groups
    )
    module_of = tuple(sorted((name, module) for module, names in listed for name in names))
    return ModelsIndexView(listed, tuple(name for name, _ in module_of), module_of, SPLIT_ABOVE)


def imports_of(group: ModelGroup, groups: tuple[ModelGroup, ...], used: set[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(module, names) a group module imports from the others: the names its code mentions."""
    home = _home(groups)
    wanted: dict[str, set[str]] = {}
    for name in used - group.names:
        model = name[: -len("Param")] if name not in home and name.endswith("Param") else name
        if model in home and model not in group.names:
            wanted.setdefault(home[model], set()).add(name)
    return tuple((module, tuple(sorted(names))) for module, names in sorted(wanted.items()))


def module_inputs(
    api: Api, group: ModelGroup | None, groups: tuple[ModelGroup, ...]
) -> tuple[dict[str, SchemaDef], tuple[SchemaDef, ...]]:
    """What a models module's view starts from: every schema by name (read-only, shared), and
    the module's own definitions in spec order."""
    schemas = once("schemas", api.schemas, lambda: {d.name: d for d in api.schemas})
    if group is None:
        return schemas, api.schemas
    return schemas, once("members", groups, lambda: _members(api, groups)).get(group.module, ())


def _members(api: Api, groups: tuple[ModelGroup, ...]) -> dict[str, tuple[SchemaDef, ...]]:
    home = _home(groups)
    found: dict[str, list[SchemaDef]] = {}
    for definition in api.schemas:
        found.setdefault(home[definition.name], []).append(definition)
    return {module: tuple(definitions) for module, definitions in found.items()}


def _home(groups: tuple[ModelGroup, ...]) -> dict[str, str]:
    return once("home", groups, lambda: {name: g.module for g in groups for name in g.names})


# (the object the value was made for, the value), by purpose: see once().
_LAST: dict[str, tuple[object, Any]] = {}


def once(purpose: str, key: object, make: Callable[[], T]) -> T:
    """`make()`, made again only when `key` is another object. The views of a split package's
    modules each need whole-spec tables: rebuilt per module they cost modules x schemas. The
    key is held, so its id cannot be reused by another object while the value stands."""
    last = _LAST.get(purpose)
    if last is None or last[0] is not key:
        last = _LAST[purpose] = (key, make())
    return cast(T, last[1])


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


def _named_by_operations(api: Api) -> set[str]:
    """The schema names the operations' parameters, bodies and answers name."""
    names: set[str] = set()
    for resource in api.resources:
        for operation in resource.called_operations:
            for type_ref in _type_refs(operation):
                names |= _names_in(type_ref)
    return names


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


def _components(edges: Mapping[str, list[str]]) -> list[list[str]]:
    """Strongly connected components (Tarjan's algorithm, without recursion: a long chain of
    references must not meet the recursion limit), each listed after those it reaches."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def enter(name: str) -> tuple[str, Iterator[str]]:
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        return name, iter(edges[name])

    for start in sorted(edges):
        if start in index:
            continue
        work = [enter(start)]
        while work:
            name, targets = work[-1]
            for target in targets:
                if target not in index:
                    work.append(enter(target))
                    break
                if target in on_stack:
                    low[name] = min(low[name], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[name])
                if low[name] == index[name]:
                    component: list[str] = []
                    while not component or component[-1] != name:
                        component.append(stack.pop())
                        on_stack.discard(component[-1])
                    found.append(sorted(component))
    return found


def _module_names(groups: Mapping[str, int]) -> dict[int, str]:
    """{group: module}, from the smallest schema name in each group's root, in name order.
    Lower case only, so two names differing in case get two modules on any file system."""
    taken = {"_base"}  # the dataclass style's shared `_JsonForm`
    modules = {}
    for name in sorted(groups):
        module = naming.unique("_" + (naming.snake_case(name)[:MAX_MODULE] or "model"), taken)
        taken.add(module)
        modules[groups[name]] = module
    return modules
