"""Checks on the root document that must pass before bundling makes sense."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from .model import Diagnostic, LoadError

_VERSION = re.compile(r"^3\.([01])(\.\d+)?(-[0-9A-Za-z.-]+)?$")


def check_root(document: Any, file: Path, warnings: list[Diagnostic]) -> Literal["3.0", "3.1"]:
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
    _check_mapping(document, "paths", file, required=version == "3.0", warnings=warnings)
    _check_mapping(document, "components", file, required=False, warnings=warnings)
    components = document.get("components", {})
    if isinstance(components, dict):
        _check_mapping(components, "schemas", file, required=False, warnings=warnings, prefix="/components")
    return version


def _check_version(document: dict[str, Any], file: Path, warnings: list[Diagnostic]) -> Literal["3.0", "3.1"]:
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
            "this generator reads OpenAPI 3.0.x and 3.1.x",
        )
    return "3.0" if match.group(1) == "0" else "3.1"


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
