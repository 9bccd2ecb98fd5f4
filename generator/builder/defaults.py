"""Spec defaults that the spec's own schema would reject are dropped, with a warning.

Real specs carry them (a number default for a string, "notauuid" for a uuid);
emitted as is they would make the generated code fail `mypy --strict`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_UUID = re.compile(r"^[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}$")
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,),
    "array": (list,), "object": (dict,),
}


def default_fits(default: Any, schema: Any) -> bool:
    """A default the schema itself would reject (a number for a string, "x" for a uuid)."""
    if not isinstance(schema, Mapping):
        return True
    kind = schema.get("type")
    expected = _JSON_TYPES.get(kind) if isinstance(kind, str) else None
    if expected and (not isinstance(default, expected) or (kind in ("integer", "number") and isinstance(default, bool))):
        return False
    if isinstance(schema.get("enum"), list) and default not in schema["enum"]:
        return False
    return not (schema.get("format") == "uuid" and isinstance(default, str) and not _UUID.match(default))
