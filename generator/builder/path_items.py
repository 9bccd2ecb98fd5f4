"""The operations of a Path Item: its fixed method fields, then OpenAPI 3.2's
`additionalOperations` (other method tokens, sent exactly as the key spells them)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.builder import pointers
from generator.builder.errors import BuildError
from generator.http_methods import PATH_ITEM_METHODS, is_token

_ADDITIONAL = "additionalOperations"


def path_item_operations(item: Mapping[str, Any], pointer: str) -> list[tuple[str, Mapping[str, Any], str]]:
    """(method, operation object, its pointer) in a stable order: the fixed fields in
    `PATH_ITEM_METHODS` order, then the additional methods sorted by token."""
    found = [(m, item[m], pointers.join(pointer, m)) for m in PATH_ITEM_METHODS if isinstance(item.get(m), Mapping)]
    more = item.get(_ADDITIONAL)
    if not isinstance(more, Mapping):
        return found
    for token in sorted(more, key=str):
        where = pointers.join(pointer, _ADDITIONAL, str(token))
        if not isinstance(token, str) or not is_token(token):
            raise BuildError(f"{str(token)!r} is not an HTTP method token", where,
                             "an additionalOperations key is the method as sent: letters, digits and "
                             "!#$%&'*+-.^_`|~ (RFC 9110), e.g. COPY")
        if token.lower() in PATH_ITEM_METHODS:
            raise BuildError(f"{token} has a Path Item field of its own", where,
                             f"describe it under `{token.lower()}`, not under additionalOperations")
        if isinstance(more[token], Mapping):
            found.append((token, more[token], where))
    return found


def operation_pointer(path: str, method: str) -> str:
    """Where the operation of `method` at `path` is written (its path item not followed)."""
    if method in PATH_ITEM_METHODS:
        return pointers.join("", "paths", path, method)
    return pointers.join("", "paths", path, _ADDITIONAL, method)
