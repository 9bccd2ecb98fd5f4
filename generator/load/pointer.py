"""JSON pointers (RFC 6901) and the `file#fragment` shape of `$ref` values."""

from __future__ import annotations

import re
from typing import Any, Tuple, Union
from urllib.parse import unquote

# Anything with a scheme (http:, https:, file:, urn:) is not a relative file path.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_INDEX = re.compile(r"^(0|[1-9][0-9]*)$")


class PointerError(Exception):
    """The pointer does not lead anywhere; `depth` is how far it got."""

    def __init__(self, message: str, depth: int) -> None:
        super().__init__(message)
        self.message = message
        self.depth = depth


def escape(token: str | int) -> str:
    token = str(token)
    if "~" not in token and "/" not in token:  # nearly always: skip the copies
        return token
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    # Order matters: "~01" must become "~1", not "/".
    return token.replace("~1", "/").replace("~0", "~")


# Where a walk of the whole document is: a pointer, or (where the parent is, key). A walk makes one
# pair per node and spells the pointer out only for the few nodes it reports (`spelled`); joining
# strings at every node was a fifth of the load stage on big specs.
Where = Union[str, Tuple["Where", Union[str, int]]]


def spelled(where: Where) -> str:
    """The JSON pointer of a walk's `Where`."""
    tokens: list[str | int] = []
    while not isinstance(where, str):
        where, token = where
        tokens.append(token)
    return join(where, *reversed(tokens)) if tokens else where


def join(pointer: str, *tokens: str | int) -> str:
    """`join("/paths", "/pets", "get")` -> `"/paths/~1pets/get"` (the one escape/join, load and build)."""
    if len(tokens) == 1:  # the hot case (a walk of the whole document)
        return f"{pointer}/{escape(tokens[0])}"
    return pointer + "".join("/" + escape(t) for t in tokens)


def from_tokens(tokens: list[str]) -> str:
    return "".join("/" + escape(t) for t in tokens)


def parse(pointer: str) -> list[str]:
    """Split a pointer (already percent-decoded) into unescaped tokens."""
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise PointerError(f"'{pointer}' is not a JSON pointer (it must start with '/')", 0)
    return [unescape(t) for t in pointer[1:].split("/")]


def resolve(document: Any, tokens: list[str], *, through_refs: bool = False) -> Any:
    """The node `tokens` lead to in `document`. `through_refs`: a token an object lacks is looked
    up in what the object's local `$ref` points at (specs write `.../schema/allOf/0` where
    `schema` is a `$ref`, and tools accept it)."""
    node = document
    for depth, token in enumerate(tokens):
        for _ in range(32 if through_refs else 0):
            ref = node.get("$ref") if isinstance(node, dict) and token not in node else None
            if not (isinstance(ref, str) and ref.startswith("#")):
                break
            node = resolve(document, parse(ref[1:]), through_refs=True)
        if isinstance(node, dict):
            if token not in node:
                raise PointerError(f"no key '{token}' at {from_tokens(tokens[:depth]) or 'the root'}", depth)
            node = node[token]
        elif isinstance(node, list):
            if not _INDEX.match(token) or int(token) >= len(node):
                raise PointerError(f"no item '{token}' in the list at {from_tokens(tokens[:depth])}", depth)
            node = node[int(token)]
        else:
            raise PointerError(f"{from_tokens(tokens[:depth])} is a {type(node).__name__}, not an object", depth)
    return node


def is_url(ref: str) -> bool:
    return bool(_SCHEME.match(ref))


def split_ref(ref: str) -> tuple[str, list[str]]:
    """`'a%20b.yaml#/x~1y'` -> `('a b.yaml', ['x/y'])`; percent-decoding comes first (RFC 6901 section 6)."""
    file_part, _, fragment = ref.partition("#")
    return unquote(file_part), parse(unquote(fragment))
