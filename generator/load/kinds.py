"""Which OpenAPI object sits where, so refs are bundled by what they point at.

A kind is an object name ("schema", "parameter", ...), "map:K" (names -> K),
"list:K", "literal" (example data: copied untouched, even a `$ref` key in it)
or "any" (unknown structure: walked, refs handled by guesswork).
"""

from __future__ import annotations

from generator.http_methods import PATH_ITEM_METHODS

_SCHEMA = {
    **dict.fromkeys(
        ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"), "map:schema"
    ),
    **dict.fromkeys(("allOf", "anyOf", "oneOf", "prefixItems"), "list:schema"),
    **dict.fromkeys(
        (
            "items",
            "additionalProperties",
            "not",
            "additionalItems",
            "unevaluatedItems",
            "unevaluatedProperties",
            "contains",
            "propertyNames",
            "if",
            "then",
            "else",
            "contentSchema",
        ),
        "schema",
    ),
    **dict.fromkeys(("default", "example", "examples", "enum", "const"), "literal"),
    "discriminator": "discriminator",
}

_PARAMETER = {"schema": "schema", "content": "map:mediatype", "example": "literal", "examples": "map:example"}
_OPERATION = {
    "parameters": "list:parameter",
    "requestBody": "requestbody",
    "responses": "responses",
    "callbacks": "map:callback",
}

FIELDS: dict[str, dict[str, str]] = {
    "openapi": {"paths": "paths", "components": "components", "webhooks": "map:pathitem"},
    "components": {
        "schemas": "map:schema",
        "responses": "map:response",
        "parameters": "map:parameter",
        "examples": "map:example",
        "requestBodies": "map:requestbody",
        "headers": "map:header",
        "securitySchemes": "map:any",
        "links": "map:link",
        "callbacks": "map:callback",
        "pathItems": "map:pathitem",
    },
    "pathitem": {**dict.fromkeys(PATH_ITEM_METHODS, "operation"), "additionalOperations": "map:operation",
                 "parameters": "list:parameter"},
    "operation": _OPERATION,
    "parameter": _PARAMETER,
    "header": _PARAMETER,
    "requestbody": {"content": "map:mediatype"},
    "mediatype": {"schema": "schema", "example": "literal", "examples": "map:example", "encoding": "map:encoding"},
    "encoding": {"headers": "map:header"},
    "response": {"headers": "map:header", "content": "map:mediatype", "links": "map:link"},
    "example": {"value": "literal"},
    "link": {"parameters": "literal", "requestBody": "literal"},
    "schema": _SCHEMA,
    "discriminator": {"mapping": "mapping"},
}

# Objects that are maps keyed by the user's names but may carry x- extensions.
OPEN_MAPS = {"paths": "pathitem", "responses": "response", "callback": "pathitem"}


def child_kind(kind: str, key: str) -> str:
    if kind in ("literal", "any"):
        return kind
    if kind.startswith("map:"):
        return kind[4:]
    if key.startswith("x-"):
        return "literal"
    if kind in OPEN_MAPS:
        return OPEN_MAPS[kind]
    return FIELDS.get(kind, {}).get(key, "any")


def item_kind(kind: str) -> str:
    if kind.startswith("list:"):
        return kind[5:]
    # A list where a schema belongs is draft-4 tuple `items`: a list of schemas.
    return "schema" if kind == "schema" else "literal" if kind == "literal" else "any"


def guess_is_schema(tokens: list[str]) -> bool:
    """For refs found in unknown places: does the target look like a schema?"""
    return not tokens or any(t in ("schemas", "definitions", "$defs", "properties") for t in tokens)
