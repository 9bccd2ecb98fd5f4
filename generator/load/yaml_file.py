"""Reading a YAML file into plain JSON data (its own module: PyYAML is slow to import
and a JSON spec does not need it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped,unused-ignore]

from .model import Diagnostic, LoadError

_YAML_HINT = "check indentation, quoting and tabs near that line"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc,unused-ignore]
    """A safe loader that yields JSON data only and notices duplicate keys and aliases.

    libyaml's parser is used when present: the corpus holds 3 MB YAML specs.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, int]] = []
        self.uses_aliases = False

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # A node seen before is an alias: the data may share or contain itself.
        if node in self.constructed_objects or node in self.recursive_objects:
            self.uses_aliases = True
        return super().construct_object(node, deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or not isinstance(key_node, yaml.ScalarNode):
                continue
            if key_node.value in seen:
                self.duplicates.append((key_node.value, key_node.start_mark.line + 1))
            seen.add(key_node.value)
        self.flatten_mapping(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value, not a list or mapping", key_node.start_mark
                )
            # Unquoted `200:` is an int in YAML; JSON keys are strings, so keep the text as written.
            result[key_node.value] = self.construct_object(value_node, deep=deep)
        return result

    def _reject(self, node: yaml.Node) -> Any:
        raise yaml.constructor.ConstructorError(
            None, None, f"the YAML tag {node.tag} has no JSON equivalent", node.start_mark
        )


# Dates stay strings (`version: 2020-01-01` is text to OpenAPI); non-JSON types are refused.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
_Loader.add_constructor("tag:yaml.org,2002:binary", yaml.SafeLoader.construct_yaml_str)
for _tag in ("set", "omap", "pairs"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _Loader._reject)


def parse_yaml(text: str, path: Path, warnings: list[Diagnostic]) -> Any:
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = exc.problem or exc.context or "syntax error"
        raise LoadError(f"not valid YAML: {problem}{where}", path, hint=_YAML_HINT) from None
    except yaml.YAMLError as exc:
        raise LoadError(f"not valid YAML: {exc}", path, hint=_YAML_HINT) from None
    finally:
        loader.dispose()
    for key, line in loader.duplicates:
        warnings.append(Diagnostic("warning", f"duplicate key '{key}' at line {line}; the last value wins", path))
    if loader.uses_aliases:
        data = _unshare(data, path, budget=[2 * len(text) + 100_000], active=set())
    return data


def _unshare(node: Any, path: Path, budget: list[int], active: set[int]) -> Any:
    """Copy data built with YAML aliases into a tree.

    An alias may make the data contain itself (endless) or blow up on expansion
    ("billion laughs"), so both are refused rather than followed.
    """
    budget[0] -= 1
    if budget[0] < 0:
        raise LoadError(
            "YAML aliases expand to far more data than the file holds", path, hint="expand the aliases by hand"
        )
    if not isinstance(node, (dict, list)):
        return node
    if id(node) in active:
        raise LoadError("a YAML alias refers to a node that contains it", path, hint="break the alias cycle")
    active.add(id(node))
    if isinstance(node, dict):
        copy: Any = {k: _unshare(v, path, budget, active) for k, v in node.items()}
    else:
        copy = [_unshare(v, path, budget, active) for v in node]
    active.discard(id(node))
    return copy
