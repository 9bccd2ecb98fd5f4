"""OpenAPI Overlay 1.0 documents, applied to the loaded (bundled) spec; see load_spec.

    apply_overlay(document, Path("fix.overlay.yaml"), warnings)

An overlay (https://spec.openapis.org/overlay/v1.0.0) is `overlay: 1.0.x`, an `info` with
`title` and `version`, an optional `extends` and a list of `actions`, each a `target` (an RFC
9535 JSONPath query) with an `update` or `remove: true`. Actions run in document order, each
on the result of the one before:

- `update` on an object is merged into it: a key only in the update is added, objects are
  merged recursively, arrays concatenated, a primitive (or null) replaces a primitive (or
  null); any other pairing (an object onto a string, a list onto an object) is an error, as
  the spec says the update MUST be compatible with the target. `update` on an array appends
  the value (an array's items are appended one by one, as Overlay 1.1 spells out).
- `remove: true` removes every selected node from the object or array holding it (`update`
  beside it has no effect, as the spec says); the root cannot be removed.
- A target that selects a primitive for `update` is an error, one that selects nothing a
  warning naming the action. A node selected twice is changed once.

Every value an update brings in is a copy, so two nodes updated by one action never share
data. The queries go to python-jsonpath in its RFC 9535 mode; it also accepts a `-` in a
dotted name (`$.paths.*.get.x-internal`), which the RFC spells `['x-internal']`.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from . import pointer
from .files import read_document
from .model import Diagnostic, LoadError

__all__ = ["apply_overlay", "read_overlay", "target_query"]

# Overlay 1.0.x, with the pre-release suffix the published JSON Schema allows (`^1\.0\.\d+(-.+)?$`).
_VERSION = re.compile(r"^1\.0\.\d+(-.+)?$")
_ROOT_KEYS = frozenset({"overlay", "info", "extends", "actions"})
_INFO_KEYS = frozenset({"title", "version"})
_ACTION_KEYS = frozenset({"target", "description", "update", "remove"})
_EXAMPLE_TARGET = "e.g. target: \"$.paths['/pets'].get\""


def read_overlay(path: Path, warnings: list[Diagnostic]) -> list[dict[str, Any]]:
    """Read and check the overlay at `path`; its actions, each with its target compiled under `query`."""
    document = read_document(path, warnings)
    if not isinstance(document, dict):
        what = "empty" if document is None else f"a {type(document).__name__}"
        raise LoadError(f"the overlay is {what}, not a mapping", path,
                        hint="an Overlay document starts with `overlay: 1.0.0`, `info` and `actions`")
    _check_version(document, path)
    _no_unknown(document, _ROOT_KEYS, path, "")
    _check_info(document, path)
    if "extends" in document and not isinstance(document["extends"], str):
        raise LoadError("'extends' must be a URI reference string", path, "/extends",
                        "e.g. extends: ./openapi.yaml, or leave it out")
    actions = document.get("actions")
    if not isinstance(actions, list) or not actions:
        found = "missing" if "actions" not in document else "empty" if actions == [] else \
            f"a {type(actions).__name__}, not a list"
        raise LoadError(f"'actions' is {found}; an overlay needs at least one action", path,
                        "/actions" if "actions" in document else "",
                        f"add `actions:` with `- target: ...` items, {_EXAMPLE_TARGET}")
    seen: dict[str, int] = {}
    for index, action in enumerate(actions):
        first = seen.setdefault(json.dumps(action, sort_keys=True, default=repr), index)
        if first < index:  # the published schema's `uniqueItems`: a copy-paste slip, not a second change
            raise LoadError(f"action {index} repeats action {first} exactly", path, f"/actions/{index}",
                            "remove one of them (actions must be unique)")
    return [_check_action(action, path, f"/actions/{index}") for index, action in enumerate(actions)]


def apply_overlay(document: Any, path: Path, warnings: list[Diagnostic]) -> Any:
    """Apply the overlay at `path` to `document` (changed in place, and returned)."""
    for action in read_overlay(path, warnings):
        _apply(document, action, path, warnings)
    return document


# -- checking the overlay ------------------------------------------------------------------------


def _check_version(document: dict[str, Any], path: Path) -> None:
    if "overlay" not in document:
        hint = "this is an OpenAPI document, not an overlay" if "openapi" in document else \
            "add `overlay: 1.0.0` at the top"
        raise LoadError("missing the 'overlay' field", path, hint=hint)
    value = document["overlay"]
    if not isinstance(value, str):
        raise LoadError(f"'overlay' must be a version string, not {value!r}", path, "/overlay",
                        "quote it: overlay: \"1.0.0\"")
    if not _VERSION.match(value):
        raise LoadError(f"unsupported Overlay version {value!r}", path, "/overlay",
                        "this generator applies Overlay 1.0.x documents; an overlay that uses no 1.1 feature "
                        "(copy, updating a primitive) works as `overlay: 1.0.0`")


def _check_info(document: dict[str, Any], path: Path) -> None:
    info = document.get("info")
    if not isinstance(info, dict):
        found = "missing" if "info" not in document else f"a {type(info).__name__}, not a mapping"
        raise LoadError(f"'info' is {found}", path, "/info" if "info" in document else "",
                        "add `info:` with a `title` and a `version` (the overlay's own)")
    _no_unknown(info, _INFO_KEYS, path, "/info")
    for key in ("title", "version"):
        if key not in info:
            raise LoadError(f"info.{key} is missing", path, "/info",
                            f"add `{key}:` to `info` (it is required, e.g. title: Fixes, version: 1.0.0)")
        if not isinstance(info[key], str):
            raise LoadError(f"info.{key} must be a string, not {info[key]!r}", path, f"/info/{key}", "quote it")


def _check_action(action: Any, path: Path, where: str) -> dict[str, Any]:
    if not isinstance(action, dict):
        raise LoadError(f"an action must be a mapping, not a {type(action).__name__}", path, where,
                        f"write `- target: ...` with `update:` or `remove: true`, {_EXAMPLE_TARGET}")
    _no_unknown(action, _ACTION_KEYS, path, where)
    target = action.get("target")
    if not isinstance(target, str):
        what = "missing" if "target" not in action else f"a {type(target).__name__}, not a string"
        raise LoadError(f"the action's target is {what}", path, where if "target" not in action else
                        pointer.join(where, "target"), f"give a JSONPath query, {_EXAMPLE_TARGET}")
    if "description" in action and not isinstance(action["description"], str):
        raise LoadError("the action's description must be a string", path, pointer.join(where, "description"),
                        "quote it")
    remove = action.get("remove", False)
    if not isinstance(remove, bool):
        raise LoadError(f"remove must be true or false, not {remove!r}", path, pointer.join(where, "remove"),
                        "write `remove: true`")
    if not remove and "update" not in action:
        raise LoadError("the action has neither `update` nor `remove: true`, so it would do nothing", path, where,
                        "add `update:` with what to merge into the target, or `remove: true`")
    return {**action, "query": _compile(target, path, pointer.join(where, "target")), "where": where}


def _compile(target: str, path: Path, where: str) -> Any:
    from jsonpath import JSONPathEnvironment, JSONPathError

    if not target.startswith("$"):
        raise LoadError(f"{target!r} is not a JSONPath query: it must start with `$`, the document's root", path,
                        where, f"e.g. $.{target}" if target[:1].isalpha() else _EXAMPLE_TARGET)
    try:
        return _environment(JSONPathEnvironment).compile(target)
    except JSONPathError as exc:
        token = getattr(exc, "token", None)
        column = f" at column {token.index + 1}" if token is not None and token.path == target else ""
        raise LoadError(f"{target!r} is not a valid JSONPath query (RFC 9535): {exc.message}{column}", path, where,
                        "a query starts with `$`; quote names that are not plain words, "
                        "e.g. $.paths['/pets/{id}'].get") from None


_ENV: list[Any] = []


def _environment(cls: Any) -> Any:
    """One RFC 9535 (strict) environment for the process: it caches compiled filters."""
    if not _ENV:
        _ENV.append(cls(strict=True))
    return _ENV[0]


def _no_unknown(data: dict[str, Any], allowed: frozenset[str], path: Path, where: str) -> None:
    for key in map(str, data):
        if key not in allowed and not key.startswith("x-"):
            extra = " (`copy` is Overlay 1.1; this generator applies 1.0)" if key == "copy" else ""
            raise LoadError(f"unknown key {key!r}{extra}", path, pointer.join(where, key),
                            f"allowed keys: {', '.join(sorted(allowed))} and x-... extensions")


# -- applying ------------------------------------------------------------------------------------


def _apply(document: Any, action: dict[str, Any], path: Path, warnings: list[Diagnostic]) -> None:
    from jsonpath import JSONPathError

    where = action["where"]
    try:
        matches = list(action["query"].finditer(document))
    except (JSONPathError, RecursionError) as exc:
        message = " ".join(str(getattr(exc, "message", None) or exc).split())
        raise LoadError(f"the target cannot be evaluated: {message}", path, pointer.join(where, "target"),
                        "simplify the query (a `..` descent over a deeply nested document is limited)") from None
    if not matches:
        described = f" ({action['description']})" if action.get("description") else ""
        warnings.append(Diagnostic("warning", f"the action{described} did nothing: its target "
                                   f"{action['target']} selects nothing in the spec", path,
                                   pointer.join(where, "target")))
        return
    if action.get("remove", False):
        _remove(document, [tuple(m.parts) for m in matches], path, where)
    else:
        _update([(m.obj, m.path) for m in matches], action["update"], path, where)


def _update(nodes: list[tuple[Any, str]], update: Any, path: Path, where: str) -> None:
    seen: set[int] = set()
    for node, location in nodes:
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            if not isinstance(update, dict):
                raise LoadError(f"the target selects the object at {location}, but the update is "
                                f"{_what(update)}", path, pointer.join(where, "update"),
                                "an update merged into an object must be an object of the keys to set")
            _merge(node, update, path, pointer.join(where, "update"), location)
        elif isinstance(node, list):
            node.extend(copy.deepcopy(update) if isinstance(update, list) else [copy.deepcopy(update)])
        else:
            raise LoadError(f"the target selects {_what(node)} at {location}; an update needs an object or "
                            "an array", path, pointer.join(where, "target"),
                            "select the object holding it and set the key there, e.g. target: $.info, "
                            "update: {title: New}")


def _merge(node: dict[str, Any], update: dict[str, Any], path: Path, where: str, location: str) -> None:
    for key, value in update.items():
        if key not in node:
            node[key] = copy.deepcopy(value)
            continue
        current, here = node[key], f"{location}[{_quote(key)}]"
        if isinstance(current, dict) and isinstance(value, dict):
            _merge(current, value, path, pointer.join(where, key), here)
        elif isinstance(current, list) and isinstance(value, list):
            current.extend(copy.deepcopy(value))
        elif not isinstance(current, (dict, list)) and not isinstance(value, (dict, list)):
            node[key] = value
        else:
            raise LoadError(f"cannot merge {_what(value)} into {_what(current)} at {here}", path,
                            pointer.join(where, key), "an update must match what it changes: object into "
                            "object, array into array, value for value; to replace it, remove it in an "
                            "earlier action")


def _remove(document: Any, paths: list[tuple[Any, ...]], path: Path, where: str) -> None:
    places: dict[int, tuple[Any, set[Any]]] = {}
    for parts in paths:
        if not parts:
            raise LoadError("the target selects the whole document, which cannot be removed", path,
                            pointer.join(where, "target"), "select the parts to remove, e.g. $.paths['/internal']")
        parent = document
        for part in parts[:-1]:
            parent = parent[part]
        places.setdefault(id(parent), (parent, set()))[1].add(parts[-1])
    for parent, keys in places.values():
        if isinstance(parent, list):
            for index in sorted(keys, reverse=True):  # from the end: earlier indexes stay valid
                del parent[index]
        else:
            for key in keys:
                del parent[key]


def _what(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if value is None:
        return "null"
    kind = {str: "string", int: "integer", float: "number", bool: "boolean"}.get(type(value), type(value).__name__)
    return f"the {kind} {value!r}" if not isinstance(value, str) or len(value) < 40 else "a string"


def _quote(key: str) -> str:
    return "'" + key.replace("\\", "\\\\").replace("'", "\\'") + "'"


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def target_query(tokens: list[str]) -> str:
    """The RFC 9535 query an overlay we write uses to select the node at these JSON pointer
    tokens: names dotted where they can be (`$.components.schemas`), quoted otherwise, and
    digits as list indices (such pointers walk `oneOf`/`allOf` lists, not numeric names)."""
    parts = ["$"]
    for token in tokens:
        if token.isdigit():
            parts.append(f"[{token}]")
        elif _NAME.fullmatch(token):
            parts.append(f".{token}")
        else:
            parts.append(f"[{_quote(token)}]")
    return "".join(parts)
