"""What a spec update changes for a user of the generated client.

Both versions are built into the IR with the same config, then compared as
the client sees them: methods, their arguments and return types, models'
fields, enum values and union variants. Each change says whether code
written against the old client can break; the report suggests a semantic
version bump from that.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Iterable, Mapping

from generator.emit.views.type_printer import TypePrinter
from generator.ir import Api, EnumDef, LiteralType, ModelDef, Operation, SchemaDef, UnionDef
from generator.ir.types import TypeRef, strip_nullable


@dataclass(frozen=True)
class Change:
    where: str  # `client.chat.send_message`, `models.Usage.total_tokens`, ...
    what: str
    breaking: bool


def diff_apis(old: Api, new: Api, only: Iterable[str] = ()) -> list[Change]:
    """Changes from `old` to `new`; `only` limits the operations compared (by operationId)."""
    wanted = set(only)
    old_ops = {op.operation_id: (".".join(r.attribute_path), op) for r in old.resources for op in r.operations}
    new_ops = {op.operation_id: (".".join(r.attribute_path), op) for r in new.resources for op in r.operations}
    if wanted:
        old_ops = {k: v for k, v in old_ops.items() if k in wanted}
        new_ops = {k: v for k, v in new_ops.items() if k in wanted}
    old_types = _Types(old.schemas)
    new_types = _Types(new.schemas)
    changes: list[Change] = []
    # An operation whose operationId changed is still the same operation at the same METHOD and path.
    new_by_route = {(op.method, op.path): op_id for op_id, (_, op) in new_ops.items() if op_id not in old_ops}
    for op_id in sorted(old_ops.keys() - new_ops.keys()):
        op = old_ops[op_id][1]
        renamed = new_by_route.pop((op.method, op.path), None)
        if renamed is not None:
            new_op = new_ops.pop(renamed)
            changes.append(Change(f"client.{old_ops[op_id][0]}.{op.python_name}",
                                  f"operationId {op_id!r} -> {renamed!r}", False))
            new_ops[op_id] = new_op
    for op_id in sorted(old_ops.keys() - new_ops.keys()):
        resource, op = old_ops[op_id]
        changes.append(Change(f"client.{resource}.{op.python_name}", f"removed ({op.http_method} {op.path})", True))
    for op_id in sorted(new_ops.keys() - old_ops.keys()):
        resource, op = new_ops[op_id]
        changes.append(Change(f"client.{resource}.{op.python_name}", f"added ({op.http_method} {op.path})", False))
    for op_id in sorted(old_ops.keys() & new_ops.keys()):
        changes += _operation_changes(old_ops[op_id], new_ops[op_id], old_types, new_types)
    names = _reachable(old_ops.values(), new_ops.values(), old, new) if wanted else None
    changes += _schema_changes(old.schemas, new.schemas, old_types, new_types, names)
    return changes


def suggested_bump(changes: list[Change]) -> str:
    if any(c.breaking for c in changes):
        return "major"
    return "minor" if changes else "patch"


def report_text(changes: list[Change]) -> str:
    if not changes:
        return "no changes for client users (suggested version bump: patch)\n"
    lines = [f"{'BREAKING' if c.breaking else 'ok':<8} {c.where}: {c.what}" for c in changes]
    breaking = sum(c.breaking for c in changes)
    lines.append(f"{len(changes)} change(s), {breaking} breaking; suggested version bump: {suggested_bump(changes)}")
    return "\n".join(lines) + "\n"


def report_json(changes: list[Change]) -> dict[str, object]:
    return {"changes": [asdict(c) for c in changes], "breaking": any(c.breaking for c in changes),
            "suggested_bump": suggested_bump(changes)}


class _Types:
    """Type expressions as the client's users read them."""

    def __init__(self, schemas: tuple[SchemaDef, ...]) -> None:
        self.by_name = {d.name: d for d in schemas}
        self.printer = TypePrinter(self.by_name)  # also records every schema name it printed

    def show(self, type_ref: object, *, inputs: bool) -> str:
        return self.printer.annotation(type_ref, open_enums=not inputs, accept_dicts=inputs)  # type: ignore[arg-type]


def _operation_changes(
    old: tuple[str, Operation], new: tuple[str, Operation], old_types: _Types, new_types: _Types
) -> list[Change]:
    (old_resource, old_op), (new_resource, new_op) = old, new
    where = f"client.{old_resource}.{old_op.python_name}"
    changes = []
    if (old_resource, old_op.python_name) != (new_resource, new_op.python_name):
        changes.append(Change(where, f"moved to client.{new_resource}.{new_op.python_name}", True))
    if (old_op.method, old_op.path) != (new_op.method, new_op.path):
        changes.append(Change(where, f"now {new_op.http_method} {new_op.path} (was {old_op.http_method} {old_op.path})", False))
    if old_op.tags != new_op.tags:
        changes.append(Change(where, f"tags {list(old_op.tags)} -> {list(new_op.tags)}", False))
    old_args, new_args = _arguments(old_op, old_types), _arguments(new_op, new_types)
    for name in sorted(old_args.keys() - new_args.keys()):
        changes.append(Change(where, f"argument {name!r} removed", True))
    for name in sorted(new_args.keys() - old_args.keys()):
        required = new_args[name][1]
        changes.append(Change(where, f"{'required' if required else 'optional'} argument {name!r} added", required))
    for name in sorted(old_args.keys() & new_args.keys()):
        (old_type, old_required, _), (new_type, new_required, _) = old_args[name], new_args[name]
        if new_required and not old_required:
            changes.append(Change(where, f"argument {name!r} is now required", True))
        elif old_required and not new_required:
            changes.append(Change(where, f"argument {name!r} is now optional", False))
        if old_type != new_type:
            breaking = not _values_added(old_args[name][2], new_args[name][2])
            changes.append(Change(where, f"argument {name!r}: {old_type} -> {new_type}", breaking))
    old_returns = old_types.show(old_op.success.type, inputs=False) if old_op.success.type else old_op.success.kind
    new_returns = new_types.show(new_op.success.type, inputs=False) if new_op.success.type else new_op.success.kind
    if old_returns != new_returns:
        changes.append(Change(where, f"returns {new_returns} (was {old_returns})", True))
    if (old_op.stream is None) != (new_op.stream is None):
        changes.append(Change(where, "now streams" if new_op.stream else "no longer streams", old_op.stream is not None))
    elif old_op.stream is not None and new_op.stream is not None:
        old_events = old_types.show(old_op.stream.event_type, inputs=False)
        new_events = new_types.show(new_op.stream.event_type, inputs=False)
        if old_events != new_events:
            changes.append(Change(where, f"streams {new_events} (was {old_events})", True))
    return changes


def _arguments(op: Operation, types: _Types) -> dict[str, tuple[str, bool, TypeRef]]:
    found = {p.python_name: (types.show(p.type, inputs=True), p.required, p.type) for p in op.parameters}
    for field in op.body.fields if op.body else ():
        found[field.python_name] = (types.show(field.type, inputs=True), field.required, field.type)
    return found


def _reachable(old_ops: Iterable[tuple[str, Operation]], new_ops: Iterable[tuple[str, Operation]],
               old: Api, new: Api) -> set[str]:
    """Schema names the compared operations use (with `only`, other schemas are not reported)."""
    names: set[str] = set()
    for types, ops in ((_Types(old.schemas), old_ops), (_Types(new.schemas), new_ops)):
        for _, op in ops:
            for type_ref in [p.type for p in op.parameters] + [f.type for f in (op.body.fields if op.body else ())] + [
                r.type for r in op.responses if r.type is not None
            ] + ([op.stream.event_type] if op.stream else []):
                types.show(type_ref, inputs=False)
        names |= types.printer.model_names
    frontier = set(names)
    by_name: Mapping[str, SchemaDef] = {**{d.name: d for d in old.schemas}, **{d.name: d for d in new.schemas}}
    while frontier:
        name = frontier.pop()
        definition = by_name.get(name)
        printer = TypePrinter(by_name)
        if isinstance(definition, ModelDef):
            for field in definition.fields:
                printer.annotation(field.type, open_enums=False)
        elif isinstance(definition, UnionDef):
            for variant in definition.variants:
                printer.annotation(variant, open_enums=False)
            if definition.discriminator and definition.discriminator.fallback:
                printer.model_names.add(definition.discriminator.fallback)
        new_names = printer.model_names - names
        names |= new_names
        frontier |= new_names
    return names


def _schema_changes(old: tuple[SchemaDef, ...], new: tuple[SchemaDef, ...], old_types: _Types,
                    new_types: _Types, only: set[str] | None) -> list[Change]:
    before = {d.name: d for d in old if only is None or d.name in only}
    after = {d.name: d for d in new if only is None or d.name in only}
    changes = [Change(f"models.{n}", "removed", True) for n in sorted(before.keys() - after.keys())]
    changes += [Change(f"models.{n}", "added", False) for n in sorted(after.keys() - before.keys())]
    for name in sorted(before.keys() & after.keys()):
        a, b = before[name], after[name]
        where = f"models.{name}"
        if type(a) is not type(b):
            changes.append(Change(where, f"is now a {type(b).__name__} (was {type(a).__name__})", True))
        elif isinstance(a, ModelDef) and isinstance(b, ModelDef):
            changes += _field_changes(where, a, b, old_types, new_types)
        elif isinstance(a, EnumDef) and isinstance(b, EnumDef):
            for value in [v for v in a.values if v not in b.values]:
                changes.append(Change(where, f"enum value {value!r} removed", True))
            for value in [v for v in b.values if v not in a.values]:
                # Clients keep unknown enum values as strings: an addition never crashes them.
                changes.append(Change(where, f"enum value {value!r} added", False))
        elif isinstance(a, UnionDef) and isinstance(b, UnionDef):
            old_tags = dict(a.discriminator.mapping) if a.discriminator else {}
            new_tags = dict(b.discriminator.mapping) if b.discriminator else {}
            for tag in sorted(old_tags.keys() - new_tags.keys()):
                changes.append(Change(where, f"variant {tag!r} ({old_tags[tag]}) removed", True))
            for tag in sorted(new_tags.keys() - old_tags.keys()):
                # Older clients read a new variant as the `...Unknown` fallback.
                changes.append(Change(where, f"variant {tag!r} ({new_tags[tag]}) added", False))
    return changes


def _field_changes(where: str, a: ModelDef, b: ModelDef, old_types: _Types, new_types: _Types) -> list[Change]:
    changes = []
    old_fields = {f.wire_name: f for f in a.fields}
    new_fields = {f.wire_name: f for f in b.fields}
    for name in sorted(old_fields.keys() - new_fields.keys()):
        changes.append(Change(f"{where}.{old_fields[name].python_name}", "field removed", True))
    for name in sorted(new_fields.keys() - old_fields.keys()):
        field = new_fields[name]
        changes.append(Change(f"{where}.{field.python_name}", f"{'required' if field.required else 'optional'} field added",
                              field.required))
    for name in sorted(old_fields.keys() & new_fields.keys()):
        old_type = old_types.show(old_fields[name].type, inputs=False)
        new_type = new_types.show(new_fields[name].type, inputs=False)
        if old_type != new_type:
            breaking = not _values_added(old_fields[name].type, new_fields[name].type)
            changes.append(Change(f"{where}.{new_fields[name].python_name}", f"type {old_type} -> {new_type}", breaking))
        if new_fields[name].required != old_fields[name].required:
            now = "required" if new_fields[name].required else "optional"
            changes.append(Change(f"{where}.{new_fields[name].python_name}", f"now {now}", new_fields[name].required))
    return changes


def _values_added(old: TypeRef, new: TypeRef) -> bool:
    """An inline enum that only gained values: as with named enums, not breaking (answers
    keep unknown values; an argument accepts what it did)."""
    old_base, new_base = strip_nullable(old), strip_nullable(new)
    return (isinstance(old_base, LiteralType) and isinstance(new_base, LiteralType)
            and (old_base is old) == (new_base is new) and set(old_base.values) <= set(new_base.values))
