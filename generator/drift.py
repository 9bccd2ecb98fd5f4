"""`clientgen drift`: a saved drift report (runtime/_drift.py) -> an OpenAPI Overlay 1.0 document.

    overlay_text(read_report(Path("drift.json")), spec=load_spec(Path("spec.json")).document)

The overlay adds what the server sent: a new property (typed from its example value) to the
schema that lacked it, a new value to an enum, and for an unknown union tag a schema with the
fields seen, added to the union (its `oneOf`/`anyOf`, its discriminator mapping, and the enum
of the tag property when the union lists its tags). With the spec, targets follow `allOf` and
`$ref` to where a property really is, and what the spec already has is left out. Same report
and spec: same bytes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Mapping

import yaml

from generator.load import pointer as json_pointer
from generator.load.overlay import target_query

__all__ = ["DriftReportError", "overlay_document", "overlay_text", "read_report"]

FORMAT = 1
_NOTE = "seen in answers (clientgen drift)"


class DriftReportError(Exception):
    """A report that cannot be turned into an overlay: one line, naming where."""


def read_report(path: Path) -> dict[str, Any]:
    """Read and check a report written by `client.drift.save()`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DriftReportError(f"{path}: cannot read the report: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise DriftReportError(f"{path}: not JSON ({exc}); give a file written by client.drift.save()") from None
    _check(data, path)
    return dict(data)


def _fail(path: Path, where: str, message: str) -> DriftReportError:
    return DriftReportError(f"{path}#{where}: {message}")


def _check(data: Any, path: Path) -> None:
    if not isinstance(data, dict) or data.get("clientgen_drift") != FORMAT:
        raise _fail(path, "", f"not a drift report (expected an object with \"clientgen_drift\": {FORMAT}, "
                    "as client.drift.save() writes)")
    for section in ("fields", "enums", "variants"):
        if not isinstance(data.get(section, {}), dict):
            raise _fail(path, f"/{section}", "must be an object keyed by JSON pointer")
        for key, entry in data.get(section, {}).items():
            where = f"/{section}/{json_pointer.escape(key)}"
            if not isinstance(key, str) or not key.startswith("#/"):
                raise _fail(path, where, f"{key!r} is not a JSON pointer into the spec (e.g. #/components/schemas/X)")
            if not isinstance(entry, dict):
                raise _fail(path, where, "must be an object")
            if section == "fields" and "example" not in entry:
                raise _fail(path, where, "has no \"example\" to type the property from")
            if section == "enums" and not isinstance(entry.get("values"), dict):
                raise _fail(path, where, "has no \"values\" object")
            if section == "variants" and not isinstance(entry.get("tags"), dict):
                raise _fail(path, where, "has no \"tags\" object")
            if section == "variants" and not key.startswith("#/components/schemas/"):
                raise _fail(path, where, "a union must be a named schema (#/components/schemas/NAME)")


def schema_of(value: Any) -> dict[str, Any]:
    """A schema typing an example value."""
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, int):
        return {"type": "integer"}
    if isinstance(value, float):
        return {"type": "number"}
    if isinstance(value, str):
        return {"type": "string"}
    if isinstance(value, list):
        return {"type": "array", "items": schema_of(value[0]) if value else {}}
    if isinstance(value, dict):
        return {"type": "object", "properties": {str(k): schema_of(v) for k, v in sorted(value.items())}}
    return {}  # null: nothing to type it by


class _Spec:
    """Look-ups in the spec (when given) to aim actions where the schemas really are."""

    def __init__(self, document: Mapping[str, Any] | None) -> None:
        self.document = document

    def node(self, tokens: list[str]) -> Any:
        node: Any = self.document
        for token in tokens:
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                return None
        return node

    def follow(self, tokens: list[str]) -> list[str]:
        """`tokens`, or the target of the `$ref` found there (once, within the document)."""
        node = self.node(tokens)
        ref = node.get("$ref") if isinstance(node, dict) else None
        return json_pointer.parse(ref[1:]) if isinstance(ref, str) and ref.startswith("#/") else tokens

    def property_at(self, model: list[str], name: str) -> list[str] | None:
        """Where property `name` of the schema at `model` is defined (itself or an allOf part)."""
        model = self.follow(model)
        node = self.node(model)
        if not isinstance(node, dict):
            return None
        if isinstance(node.get("properties"), dict) and name in node["properties"]:
            return self.follow([*model, "properties", name])
        for index, _ in enumerate(node.get("allOf") or ()):
            found = self.property_at([*model, "allOf", str(index)], name)
            if found is not None:
                return found
        return None


def overlay_document(report: Mapping[str, Any], spec: Mapping[str, Any] | None = None,
                     source: str = "drift.json") -> dict[str, Any]:
    """The Overlay 1.0 document adding what `report` saw; `spec` (the loaded, bundled document)
    aims the targets and drops what it already has."""
    look = _Spec(spec)
    actions: list[dict[str, Any]] = []
    actions += _field_actions(report.get("fields", {}), look)
    actions += _enum_actions(report.get("enums", {}), look)
    actions += _variant_actions(report.get("variants", {}), look)
    return {
        "overlay": "1.0.0",
        "info": {"title": f"What the server sent beyond the spec (from {source})", "version": "1.0.0"},
        "actions": actions,
    }


def _split_property(pointer: str) -> tuple[list[str], str] | None:
    tokens = json_pointer.parse(pointer[1:])
    if len(tokens) < 2 or tokens[-2] != "properties":
        return None
    return tokens[:-2], tokens[-1]


def _field_actions(fields: Mapping[str, Any], look: _Spec) -> list[dict[str, Any]]:
    by_model: dict[tuple[str, ...], dict[str, Any]] = {}
    for pointer in sorted(fields):
        split = _split_property(pointer)
        if split is None:
            raise DriftReportError(f"#{pointer[1:]}: a field's pointer ends in /properties/NAME")
        model, name = split
        if look.document is not None:
            if look.property_at(model, name) is not None:
                continue  # the spec has it already
            model = look.follow(model)
        schema = {**schema_of(fields[pointer]["example"]), "description": _NOTE}
        by_model.setdefault(tuple(model), {})[name] = schema
    return [
        {"description": f"properties the server sent in {'/'.join(model)}", "target": target_query(list(model)),
         "update": {"properties": by_model[model]}}
        for model in sorted(by_model)
    ]


def _enum_actions(enums: Mapping[str, Any], look: _Spec) -> list[dict[str, Any]]:
    actions = []
    for pointer in sorted(enums):
        tokens = json_pointer.parse(pointer[1:])
        values: list[Any] = sorted(enums[pointer]["values"])
        if look.document is not None:
            split = _split_property(pointer)
            found = look.property_at(*split) if split else None
            tokens = look.follow(found or tokens)
            node = look.node(tokens)
            if not isinstance(node, dict) or not isinstance(node.get("enum"), list):
                raise DriftReportError(f"{pointer}: no enum there in the spec (is the report from another spec?)")
            typed = [_as_type(v, node.get("type")) for v in values]
            values = [v for v in typed if v not in node["enum"]]
        if values:
            actions.append({"description": "enum values the server sent", "target": target_query(tokens),
                            "update": {"enum": values}})
    return actions


def _as_type(value: str, kind: Any) -> Any:
    if kind in ("integer", "number", "boolean"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _pascal(text: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", text) if part)


def _variant_actions(variants: Mapping[str, Any], look: _Spec) -> list[dict[str, Any]]:
    actions: list[dict[str, Any]] = []
    taken = set((look.node(["components", "schemas"]) or {}).keys())
    for pointer in sorted(variants):
        tokens = json_pointer.parse(pointer[1:])
        union_name, prop, tags = tokens[-1], variants[pointer].get("property"), variants[pointer]["tags"]
        union = look.node(tokens) if look.document is not None else {"oneOf": []}
        if not isinstance(union, dict):
            raise DriftReportError(f"{pointer}: no such schema in the spec (is the report from another spec?)")
        mapping = (union.get("discriminator") or {}).get("mapping") or {}
        new_schemas: dict[str, Any] = {}
        refs, routes, new_tags = [], {}, []
        for tag in sorted(tags):
            if tag in mapping:
                continue  # the spec knows it already
            name = _pascal(f"{union_name}_{tag}")
            while name in taken:
                name += "New"
            taken.add(name)
            ref = f"#/components/schemas/{name}"
            example = tags[tag].get("example")
            body = schema_of(example if isinstance(example, dict) else {})
            body["description"] = f"The `{tag}` variant of {union_name}, {_NOTE}."
            if _listed(union):
                if prop:
                    body["properties"][prop] = {"type": "string", "enum": [tag]}
                    body["required"] = [prop]
                elif isinstance(example, dict) and example:
                    body["required"] = sorted(example)
                new_schemas[name] = body
                refs.append({"$ref": ref})
            else:  # variants extend the union's own schema (allOf of it), as its others do
                body["properties"].pop(prop, None)
                new_schemas[name] = {"allOf": [{"$ref": pointer}, body]}
            routes[tag] = ref
            new_tags.append(tag)
        if not new_schemas:
            continue
        actions.append({"description": f"new {union_name} variants", "target": "$.components.schemas",
                        "update": new_schemas})
        update: dict[str, Any] = {}
        if refs:
            update["anyOf" if "anyOf" in union and "oneOf" not in union else "oneOf"] = refs
        if prop:
            has = isinstance(union.get("discriminator"), dict)
            update["discriminator"] = {"mapping": routes} if has else {"propertyName": prop, "mapping": routes}
        if update:
            actions.append({"description": f"the new variants in {union_name}", "target": target_query(tokens),
                            "update": update})
        tag_enum = (union.get("properties") or {}).get(prop, {}) if prop else {}
        if isinstance(tag_enum, dict) and isinstance(tag_enum.get("enum"), list):
            actions.append({"description": f"the new tags of {union_name}",
                            "target": target_query([*tokens, "properties", prop]), "update": {"enum": new_tags}})
    return actions


def _listed(union: Mapping[str, Any]) -> bool:
    """Whether the union lists its variants (oneOf/anyOf) rather than being their allOf base."""
    return "oneOf" in union or "anyOf" in union


def overlay_text(document: Mapping[str, Any]) -> str:
    return yaml.safe_dump(dict(document), sort_keys=False, allow_unicode=True, width=100)
