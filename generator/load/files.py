"""Reading one file into plain JSON data (dicts, lists, str, int, float, bool, None)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import Diagnostic, LoadError

_JSON_HINT = "check the JSON syntax near that position"


def _no_duplicates(pairs: list[tuple[str, Any]], found: list[str]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                found.append(key)
            seen.add(key)
    return result


def _parse_json(text: str, path: Path, warnings: list[Diagnostic]) -> Any:
    duplicates: list[str] = []
    try:
        data = json.loads(text, object_pairs_hook=lambda pairs: _no_duplicates(pairs, duplicates))
    except json.JSONDecodeError as exc:
        raise LoadError(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}", path, hint=_JSON_HINT
        ) from None
    for key in duplicates:
        warnings.append(Diagnostic("warning", f"duplicate key '{key}' in a JSON object; the last value wins", path))
    return data


def read_document(path: Path, warnings: list[Diagnostic]) -> Any:
    """Parse a JSON or YAML file; any problem becomes a LoadError naming the file."""
    if not path.exists():
        raise LoadError("file not found", path, hint="check the path")
    if not path.is_file():
        # Directories, devices and pipes are never spec files (and /dev/zero would never end).
        raise LoadError("not a regular file", path, hint="point at a .json or .yaml file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read the file: {exc.strerror}", path, hint="check its permissions") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"not UTF-8 text (bad byte at offset {exc.start})", path, hint="save the file as UTF-8"
        ) from None
    try:
        # json is much faster than YAML; YAML still reads JSON, so only .json files insist on JSON.
        if path.suffix.lower() == ".json":
            return _parse_json(text, path, warnings)
        if text.lstrip().startswith("{"):
            try:
                return _parse_json(text, path, warnings)
            except LoadError:
                pass
        from .yaml_file import parse_yaml  # PyYAML is slow to import: only for YAML

        return parse_yaml(text, path, warnings)
    except RecursionError:
        raise LoadError("the document is nested too deeply to read", path, hint="flatten it") from None
