"""`clientgen dify-inputs`: a saved Dify `GET /parameters` answer -> an Overlay 1.0 document
that types the app's `inputs`.

    overlay = inputs_overlay(read_parameters(Path("parameters.json")), load_spec(spec), Path(...))

Every Dify app declares its own inputs (`user_input_form`), so the published spec can only say
`inputs: {type: object}`. The overlay adds a component schema (default `AppInputs`) with one
property per form item and points every request body's `inputs` property at it:

- `text-input`, `paragraph`: a string (`max_length` as `maxLength`);
- `select`: a string enum of its `options`;
- `number`: a number; `checkbox`: a boolean;
- `file`: the spec's file-input object (the items of the request body's `files` array);
  `file-list`: an array of it (`max_length` as `maxItems`).

`required` is kept (the schema's `required`), a `default` that fits is kept, the `label` is the
property's description. Anything else is a LoadError naming the JSON pointer in the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.load import LoadError, pointer
from generator.load.files import read_document
from generator.load.overlay import target_query

__all__ = ["KINDS", "inputs_overlay", "name_problem", "read_parameters", "render"]

KINDS = ("text-input", "paragraph", "select", "number", "checkbox", "file", "file-list")
_JSON = ("application/json",)
_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_TEXT_HINT = "save the body of `GET /parameters` as it came (e.g. curl -H 'Authorization: Bearer $KEY' .../parameters)"


def name_problem(name: str) -> str | None:
    """Why `name` cannot name the inputs schema (and its model), or None."""
    return None if _NAME.match(name) else f"--name {name!r} is not a schema name (give a CamelCase name, e.g. AppInputs)"


def read_parameters(path: Path) -> list[dict[str, Any]]:
    """The form items of the saved `/parameters` answer at `path`, checked: each `{kind: {...}}`."""
    document = read_document(path, [])
    if not isinstance(document, dict):
        raise LoadError(f"expected the JSON object `GET /parameters` answers, not {_what(document)}", path,
                        hint=_TEXT_HINT)
    if "user_input_form" not in document:
        raise LoadError("no 'user_input_form': not a `GET /parameters` answer", path, hint=_TEXT_HINT)
    form = document["user_input_form"]
    if not isinstance(form, list):
        raise LoadError(f"'user_input_form' must be a list, not {_what(form)}", path, "/user_input_form",
                        hint=_TEXT_HINT)
    seen: dict[str, str] = {}
    items = []
    for index, item in enumerate(form):
        where = f"/user_input_form/{index}"
        if not isinstance(item, dict) or len(item) != 1:
            raise LoadError(f"a form item must be an object with one key, its kind, not {_what(item)}", path, where,
                            'e.g. {"text-input": {"variable": "city", "label": "City"}}')
        ((kind, control),) = item.items()
        where = pointer.join(where, kind)
        if kind not in KINDS:
            raise LoadError(f"unknown form item kind {kind!r}", path, where, "clientgen types " + ", ".join(KINDS))
        if not isinstance(control, dict):
            raise LoadError(f"the {kind} control must be an object, not {_what(control)}", path, where)
        variable = control.get("variable")
        if not isinstance(variable, str) or not variable:
            raise LoadError("'variable' is missing or not a non-empty string", path, pointer.join(where, "variable"),
                            "each form item names the key it fills in `inputs`")
        if variable in seen:
            raise LoadError(f"variable {variable!r} is declared twice (first at {seen[variable]})", path,
                            pointer.join(where, "variable"), "keep one of them")
        seen[variable] = where
        for key, kinds in (("label", str), ("required", bool), ("max_length", int)):
            value = control.get(key)
            if value is not None and (not isinstance(value, kinds) or isinstance(value, bool) and kinds is int):
                raise LoadError(f"'{key}' must be a {kinds.__name__}, not {value!r}", path, pointer.join(where, key))
        if kind == "select":
            options = control.get("options")
            if not isinstance(options, list) or not options or not all(isinstance(o, str) for o in options):
                raise LoadError("a select needs 'options', a non-empty list of strings", path,
                                pointer.join(where, "options"), "the values the app accepts for this input")
        items.append({"kind": kind, **control})
    return items


def inputs_overlay(items: list[dict[str, Any]], spec: dict[str, Any], spec_path: Path,
                   name: str = "AppInputs", title: str = "") -> dict[str, Any]:
    """The Overlay document typing every request body's `inputs` in `spec` with `items`."""
    if name in spec.get("components", {}).get("schemas", {}):
        raise LoadError(f"the spec already has a schema {name!r}", spec_path, f"/components/schemas/{name}",
                        "choose another --name")
    bodies = _bodies_with_inputs(spec)
    if not bodies:
        raise LoadError("no request body has an object property 'inputs'", spec_path, "/paths",
                        "dify-inputs types the `inputs` of Dify's chat, completion and workflow requests")
    file_ref = _file_schema(spec, bodies)
    properties = {item["variable"]: _property(item, file_ref, spec_path) for item in items}
    schema: dict[str, Any] = {
        "type": "object",
        "description": f"The inputs of {title or 'this app'} (its `user_input_form`).",
        "properties": properties,
    }
    required = [item["variable"] for item in items if item.get("required")]
    if required:
        schema["required"] = required
    actions: list[dict[str, Any]] = [{
        "description": f"{name}: one property per form item of the app",
        "target": "$",
        "update": {"components": {"schemas": {name: schema}}},
    }]
    for where in bodies:
        target = target_query(pointer.parse(where))
        actions.append({"description": f"drop the untyped inputs of {where}", "target": f"{target}.inputs",
                        "remove": True})
        actions.append({"description": f"type the inputs of {where}", "target": target,
                        "update": {"inputs": {"$ref": f"#/components/schemas/{name}"}}})
    return {
        "overlay": "1.0.0",
        "info": {"title": f"Typed inputs: {title or name}", "version": "1.0.0"},
        "actions": actions,
    }


def render(overlay: dict[str, Any], source: str) -> str:
    """The overlay as YAML, keys in the order built (deterministic), with a header naming its source."""
    import yaml  # type: ignore[import-untyped,unused-ignore]

    text = yaml.safe_dump(overlay, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return f"# Made by `clientgen dify-inputs {source}`; regenerate it when the app's inputs change.\n{text}"


# -- the spec ------------------------------------------------------------------------------------


def _bodies_with_inputs(spec: dict[str, Any]) -> list[str]:
    """JSON pointers of the `properties` objects holding an object `inputs`, in request bodies."""
    found: set[str] = set()
    for route, item in sorted((spec.get("paths") or {}).items()):
        if not isinstance(item, dict):
            continue
        for method, operation in sorted(item.items()):
            body = operation.get("requestBody") if isinstance(operation, dict) else None
            content = body.get("content") if isinstance(body, dict) else None
            if not isinstance(content, dict):
                continue
            for media, entry in sorted(content.items()):
                if media.split(";")[0].strip() in _JSON and isinstance(entry, dict):
                    where = pointer.join("/paths", route, method, "requestBody", "content", media, "schema")
                    found.update(_inputs_in(spec, entry.get("schema"), where, 0))
    return sorted(found)


def _inputs_in(spec: dict[str, Any], schema: Any, where: str, depth: int) -> set[str]:
    if not isinstance(schema, dict) or depth > 8:
        return set()
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        return _inputs_in(spec, _resolve(spec, ref), ref[1:], depth + 1)
    found = set()
    inputs = (schema.get("properties") or {}).get("inputs")
    if isinstance(inputs, dict) and (inputs.get("type") == "object" or "$ref" in inputs):
        found.add(pointer.join(where, "properties"))
    for key in ("allOf",):
        for index, part in enumerate(schema.get(key) or ()):
            found |= _inputs_in(spec, part, pointer.join(where, key, index), depth + 1)
    return found


def _file_schema(spec: dict[str, Any], bodies: list[str]) -> str | None:
    """A `$ref` to the spec's file-input object: the items of a `files` array beside `inputs`."""
    for where in bodies:
        files = _resolve(spec, "#" + where).get("files")
        items = files.get("items") if isinstance(files, dict) else None
        if isinstance(items, dict):
            ref = items.get("$ref")
            return ref if isinstance(ref, str) else "#" + pointer.join(where, "files", "items")
    return None


def _resolve(spec: dict[str, Any], ref: str) -> Any:
    """The object a local `$ref` names; {} where there is none."""
    try:
        node = pointer.resolve(spec, pointer.parse(ref[1:]))
    except pointer.PointerError:
        return {}
    return node if isinstance(node, dict) else {}


# -- one form item -------------------------------------------------------------------------------


def _property(item: dict[str, Any], file_ref: str | None, spec_path: Path) -> dict[str, Any]:
    kind = item["kind"]
    schema: dict[str, Any]
    if kind in ("text-input", "paragraph"):
        schema = {"type": "string"}
        if item.get("max_length"):
            schema["maxLength"] = item["max_length"]
    elif kind == "select":
        schema = {"type": "string", "enum": list(item["options"])}
    elif kind == "number":
        schema = {"type": "number"}
    elif kind == "checkbox":
        schema = {"type": "boolean"}
    else:
        if file_ref is None:
            raise LoadError(f"the app has a {kind} input, but no request body beside `inputs` has a `files` array "
                            "to take the file object's schema from", spec_path, hint="pass --spec with Dify's spec")
        if kind == "file":
            return {"$ref": file_ref}  # a $ref takes no description beside it
        schema = {"type": "array", "items": {"$ref": file_ref}}
        if item.get("max_length"):
            schema["maxItems"] = item["max_length"]
    if item.get("label"):
        schema["description"] = item["label"]
    default = _default(kind, item.get("default"), item.get("options"))
    if default is not None:
        schema["default"] = default
    return schema


def _default(kind: str, value: Any, options: Any) -> Any:
    """The item's default if it fits the property's type; Dify sends "" for none."""
    if value is None or value == "":
        return None
    if kind == "select":
        return value if value in options else None
    if kind == "number":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
        return int(number) if number.is_integer() else number
    if kind == "checkbox":
        return value if isinstance(value, bool) else None
    return value if isinstance(value, str) else None


def _what(value: Any) -> str:
    return "null" if value is None else f"a {type(value).__name__}"
