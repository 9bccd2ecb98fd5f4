"""Checks on the root document that must pass before bundling makes sense."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .model import Diagnostic, LoadError, OpenAPIVersion

_VERSION = re.compile(r"^3\.([012])(\.\d+)?(-[0-9A-Za-z.-]+)?$")
# The schema dialects 3.1 and 3.2 read the same way (JSON Schema 2020-12 with the OAS vocabulary):
# the OAS dialect ids (3.1's `base` and dated ones, 3.2's dated one) and 2020-12 itself.
_DIALECTS = re.compile(
    r"^https://(spec\.openapis\.org/oas/3\.[12]/(dialect|schema)/[0-9A-Za-z.-]+"
    r"|json-schema\.org/draft/2020-12/schema)#?$"
)


def check_root(document: Any, file: Path, warnings: list[Diagnostic]) -> OpenAPIVersion:
    """Validate the document's shape; return its OpenAPI minor version."""
    if not isinstance(document, dict):
        what = "empty" if document is None else f"a {type(document).__name__}"
        raise LoadError(
            f"the document is {what}, not a mapping",
            file,
            hint="an OpenAPI document is an object with an 'openapi' field",
        )
    version = _check_version(document, file, warnings)
    _check_info(document, file, warnings)
    if version != "3.0":
        _check_dialect(document, file, warnings)
    _check_mapping(document, "paths", file, required=version == "3.0", warnings=warnings)
    _check_mapping(document, "components", file, required=False, warnings=warnings)
    components = document.get("components", {})
    if isinstance(components, dict):
        _check_mapping(components, "schemas", file, required=False, warnings=warnings, prefix="/components")
    return version


def _check_version(document: dict[str, Any], file: Path, warnings: list[Diagnostic]) -> OpenAPIVersion:
    if "openapi" not in document:
        if "swagger" in document:
            raise LoadError(
                f"Swagger {document['swagger']} documents are not supported",
                file,
                "/swagger",
                "convert it to OpenAPI 3 first, e.g. with swagger2openapi or https://converter.swagger.io",
            )
        raise LoadError("missing the 'openapi' field", file, hint="add e.g. openapi: 3.1.0 at the top")
    value = document["openapi"]
    if isinstance(value, float):
        # Unquoted `openapi: 3.0` in YAML is a number; the intent is obvious.
        warnings.append(Diagnostic("warning", f"'openapi' should be a string such as \"{value}.0\"", file, "/openapi"))
        value = str(value)
    match = _VERSION.match(value) if isinstance(value, str) else None
    if match is None:
        raise LoadError(
            f"unsupported OpenAPI version {value!r}",
            file,
            "/openapi",
            "this generator reads OpenAPI 3.0.x, 3.1.x and 3.2.x",
        )
    minor: OpenAPIVersion = "3.0" if match.group(1) == "0" else "3.1" if match.group(1) == "1" else "3.2"
    return minor


def _check_dialect(document: dict[str, Any], file: Path, warnings: list[Diagnostic]) -> None:
    """3.1/3.2 `jsonSchemaDialect`: the OAS dialects and JSON Schema 2020-12 are what the generator reads."""
    if "jsonSchemaDialect" not in document:
        return
    value = document["jsonSchemaDialect"]
    if not isinstance(value, str):
        raise LoadError(
            f"'jsonSchemaDialect' must be a URI string, not a {type(value).__name__}",
            file,
            "/jsonSchemaDialect",
            "e.g. https://spec.openapis.org/oas/3.2/dialect/2025-09-17, or leave it out",
        )
    if not _DIALECTS.match(value):
        warnings.append(Diagnostic(
            "warning", f"schema dialect {value!r} is not one this generator knows; schemas are read as "
            "JSON Schema 2020-12 with the OpenAPI vocabulary", file, "/jsonSchemaDialect"))


def _check_info(document: dict[str, Any], file: Path, warnings: list[Diagnostic]) -> None:
    """`info.title` and `info.version` are required; without them the package still gets a name and 0.0.0."""
    info = document.get("info")
    if not isinstance(info, dict):
        warnings.append(Diagnostic(
            "warning", "the 'info' object is missing; the client is named 'API' and versioned 0.0.0", file, "/info"))
        return
    if not info.get("title"):
        warnings.append(Diagnostic("warning", "info.title is missing; the client is named 'API'", file, "/info/title"))
    if not info.get("version"):
        warnings.append(Diagnostic(
            "warning", "info.version is missing; the package is versioned 0.0.0", file, "/info/version"))


def _check_mapping(
    parent: dict[str, Any], key: str, file: Path, *, required: bool, warnings: list[Diagnostic], prefix: str = ""
) -> None:
    where = f"{prefix}/{key}"
    if key not in parent:
        if required:
            warnings.append(Diagnostic("warning", f"the '{key}' field is missing; no operations", file, where))
        return
    if not isinstance(parent[key], dict):
        found = "empty" if parent[key] is None else f"a {type(parent[key]).__name__}"
        raise LoadError(
            f"'{key}' must be a mapping, but it is {found}", file, where, f"write `{key}: {{}}` if there are none"
        )
