"""Pass: webhooks -> `Webhooks`, each payload typed like any other schema.

Webhooks are the OpenAPI 3.1 `webhooks` (each key names one) and the 3.0 `callbacks`
of operations (each callback's key names it). A webhook's payload is its JSON
requestBody. The pass then looks for a tag: one property that every payload model
declares with its own `const`/`enum` strings (`type: {const: "pet.created"}`), the
field a dispatcher reads first. With it, `unwrap` picks the payload by tag; payloads
without it are tried in order (the most required fields first); a body no webhook
takes is the fallback model, which keeps every field. docs/webhooks.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, Literal

from generator import naming
from generator.builder import pointers
from generator.builder.errors import BuildWarning
from generator.builder.operations import is_json
from generator.builder.path_items import path_item_operations
from generator.builder.schemas import SchemaBuilder, clean_text
from generator.builder.security import sibling_variable
from generator.config import WebhooksConfig
from generator.ir import (
    Discriminator,
    EnumDef,
    Field,
    LiteralType,
    ModelDef,
    NamedType,
    PrimitiveType,
    Resource,
    SchemaDef,
    TypeRef,
    UnionDef,
)
from generator.ir.webhooks import Webhook, Webhooks, WebhookSignature

# Tag properties in the order they are preferred when several would do.
_TAG_NAMES = ("type", "event", "event_type", "eventType", "kind", "topic", "action")


def build_webhooks(
    document: Mapping[str, Any], schemas: SchemaBuilder, config: WebhooksConfig, warnings: list[BuildWarning]
) -> tuple[Webhooks | None, tuple[SchemaDef, ...]]:
    """The webhooks and every definition (the schema builder's, plus the fallback model and
    the union of the payloads). No webhooks: None and the definitions as they were."""
    found = []
    for name, pointer, raw in _operations(document, warnings):
        payload = _payload(document, schemas, raw, pointer, name, warnings)
        if payload is not None:
            found.append(Webhook(name, payload, pointer, clean_text(raw.get("description") or raw.get("summary"))))
    if not found:
        if config.signature is not None:
            warnings.append(BuildWarning("the config names a webhook signature, but the spec has no webhooks "
                                         "with a JSON body; nothing to verify", "/webhooks"))
        return None, schemas.definitions()
    definitions = schemas.definitions()
    by_name = {d.name: d for d in definitions}
    tag = _tag_property(found, by_name)
    webhooks = tuple(Webhook(w.name, w.payload, w.pointer, w.description, _tags(w.payload, by_name).get(tag, ()))
                     if tag else w for w in found)
    tagged = [w for w in webhooks if w.tags]
    every = bool(tagged) and len(tagged) == len(webhooks)
    union = naming.unique("WebhookEvent", by_name) if every else None
    fallback = naming.unique(f"{union or 'WebhookEvent'}Unknown", {*by_name, *([union] if union else [])})
    extra: list[SchemaDef] = [_fallback(fallback, tag, required=every)]
    if union is not None and tag is not None:
        mapping = sorted({(value, _model(w.payload)) for w in webhooks for value in w.tags})
        variants = tuple(dict.fromkeys(w.payload for w in webhooks))
        extra.append(UnionDef(union, variants, Discriminator("property", tag, tuple(mapping), fallback),
                              "A webhook payload of this API, told apart by its `" + tag + "`.", "/webhooks"))
    order = tuple(w.name for w in sorted((w for w in webhooks if not w.tags),
                                         key=lambda w: (-_required_count(w.payload, by_name), w.name)))
    result = Webhooks(webhooks, fallback, tag, union, order, _signature(config))
    return result, tuple(sorted((*definitions, *extra), key=lambda d: d.name))


def _operations(document: Mapping[str, Any], warnings: list[BuildWarning]) -> list[tuple[str, str, Mapping[str, Any]]]:
    """(name, pointer, operation) of every webhook, then of every callback, in document order sorted."""
    entries: list[tuple[str, str, Mapping[str, Any]]] = []
    hooks: Any = document.get("webhooks")
    for key in sorted(hooks) if isinstance(hooks, Mapping) else ():
        entries += [(str(key), p, op) for p, op in _methods(document, hooks[key], pointers.join("/webhooks", key))]
    paths: Any = document.get("paths")
    for path in sorted(paths) if isinstance(paths, Mapping) else ():
        item, item_pointer = pointers.deref(document, paths[path], pointers.join("/paths", path))
        for _, operation, op_pointer in path_item_operations(item, item_pointer) if isinstance(item, Mapping) else ():
            callbacks: Any = operation.get("callbacks")
            for key in sorted(callbacks) if isinstance(callbacks, Mapping) else ():
                callback, where = pointers.deref(document, callbacks[key], pointers.join(op_pointer, "callbacks", key))
                for expression in sorted(callback) if isinstance(callback, Mapping) else ():
                    entries += [(str(key), p, op) for p, op in
                                _methods(document, callback[expression], pointers.join(where, expression))]
    named: list[tuple[str, str, Mapping[str, Any]]] = []
    taken: set[str] = set()
    for name, pointer, operation in entries:
        unique = naming.unique(name, taken)
        if unique != name:
            warnings.append(BuildWarning(f"webhook {name!r} is also defined elsewhere; this one is {unique!r}", pointer))
        taken.add(unique)
        named.append((unique, pointer, operation))
    return named


def _methods(document: Mapping[str, Any], item: Any, pointer: str) -> list[tuple[str, Mapping[str, Any]]]:
    item, pointer = pointers.deref(document, item, pointer)
    if not isinstance(item, Mapping):
        return []
    return [(where, operation) for _, operation, where in path_item_operations(item, pointer)]


def _payload(document: Mapping[str, Any], schemas: SchemaBuilder, raw: Mapping[str, Any], pointer: str, name: str,
             warnings: list[BuildWarning]) -> TypeRef | None:
    """The type of the operation's JSON requestBody; None (with a warning) when it has none."""
    body, where = pointers.deref(document, raw.get("requestBody"), pointers.join(pointer, "requestBody"))
    content: Any = body.get("content") if isinstance(body, Mapping) else None
    media = next((m for m in sorted(content) if is_json(m)), None) if isinstance(content, Mapping) else None
    if media is None:
        warnings.append(BuildWarning(f"webhook {name!r} has no JSON request body; `unwrap` leaves it out", pointer))
        return None
    schema = (content[media] or {}).get("schema") or {}
    return schemas.type_of(schema, pointers.join(where, "content", media, "schema"), naming.class_name(name) + "Payload")


def _model(type_ref: TypeRef) -> str:
    assert isinstance(type_ref, NamedType)
    return type_ref.name


def _tags(type_ref: TypeRef, by_name: Mapping[str, SchemaDef]) -> dict[str, tuple[str, ...]]:
    """{wire name: its allowed strings} of the fields of a payload model that only take fixed strings."""
    model = by_name.get(type_ref.name) if isinstance(type_ref, NamedType) else None
    if not isinstance(model, ModelDef):
        return {}
    found = {}
    for field in model.fields:
        values: tuple[Any, ...] = ()
        if isinstance(field.type, LiteralType):
            values = field.type.values
        elif isinstance(field.type, NamedType) and isinstance(by_name.get(field.type.name), EnumDef):
            values = by_name[field.type.name].values  # type: ignore[union-attr]
        if values and all(isinstance(v, str) for v in values):
            found[field.wire_name] = tuple(sorted(values))
    return found


def _tag_property(webhooks: list[Webhook], by_name: Mapping[str, SchemaDef]) -> str | None:
    """The property that tells the most webhooks apart: each payload model has its own values
    (two webhooks with one model may share them). At least two models must carry it."""
    candidates: dict[str, dict[str, tuple[str, ...]]] = {}  # property -> model -> values
    for webhook in webhooks:
        for prop, values in _tags(webhook.payload, by_name).items():
            candidates.setdefault(prop, {})[_model(webhook.payload)] = values
    best: tuple[int, int, str] | None = None
    for prop, models in candidates.items():
        seen: set[str] = set()
        disjoint = True
        for values in models.values():
            disjoint = disjoint and not seen.intersection(values)
            seen.update(values)
        if not disjoint or len(models) < 2:
            continue
        covered = sum(1 for w in webhooks if isinstance(w.payload, NamedType) and w.payload.name in models)
        rank = (-covered, _TAG_NAMES.index(prop) if prop in _TAG_NAMES else len(_TAG_NAMES), prop)
        best = rank if best is None or rank < best else best
    return best[2] if best else None


def _required_count(type_ref: TypeRef, by_name: Mapping[str, SchemaDef]) -> int:
    model = by_name.get(type_ref.name) if isinstance(type_ref, NamedType) else None
    return sum(1 for f in model.fields if f.required) if isinstance(model, ModelDef) else -1


def _fallback(name: str, tag: str | None, *, required: bool) -> ModelDef:
    """The model of a body no webhook takes: every field kept, the tag (if any) typed."""
    fields = () if tag is None else (
        Field(naming.field_name(tag), tag, PrimitiveType("str"), required, "The tag of a webhook this client does not know."),)
    return ModelDef(name, fields, "A webhook body this client does not know; all fields are kept.", None,
                    f"/x-clientgen/unknown/{name}")


def _signature(config: WebhooksConfig) -> WebhookSignature | None:
    signature = config.signature
    if signature is None:
        return None
    scheme: Literal["standard-webhooks", "hmac-sha256"] = (
        "hmac-sha256" if signature.scheme == "hmac-sha256" else "standard-webhooks")
    return WebhookSignature(scheme, signature.header or "webhook-signature", signature.secret_env or "",
                            signature.tolerance)


def finish_webhooks(webhooks: Webhooks | None, api_key_env: str, resources: tuple[Resource, ...]) -> Webhooks | None:
    """The client's attribute, clear of the resources (`webhooks` unless a resource is called that),
    and the secret's variable, by default a sibling of the API key's (PETSTORE_WEBHOOK_SECRET)."""
    if webhooks is None:
        return None
    taken = {r.attribute_path[0] for r in resources if r.attribute_path}
    attribute = next(name for name in ("webhooks", "webhook_events", "received_webhooks") if name not in taken)
    signature = webhooks.signature
    if signature is not None and not signature.secret_env:
        signature = dataclasses.replace(signature, secret_env=sibling_variable(api_key_env, "WEBHOOK_SECRET"))
    return dataclasses.replace(webhooks, signature=signature, attribute=attribute)
