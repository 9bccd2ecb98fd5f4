"""How the client authenticates and where it connects by default."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generator.ir import SecurityScheme


def sibling_variable(api_key_env: str, suffix: str) -> str:
    """DIFY_API_KEY -> DIFY_BASE_URL: the variables of one API share a prefix."""
    prefix = api_key_env[: -len("_API_KEY")] if api_key_env.endswith("_API_KEY") else api_key_env
    return f"{prefix}_{suffix}"


def security_schemes(document: Mapping[str, Any], api_key_env: str) -> tuple[SecurityScheme, ...]:
    """The schemes of the document's first security requirement (or of any operation)."""
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    requirements = list(document.get("security") or [])
    for item in (document.get("paths") or {}).values():
        for operation in (item or {}).values() if isinstance(item, Mapping) else ():
            if isinstance(operation, Mapping):
                requirements.extend(operation.get("security") or [])
    names: list[str] = []
    for requirement in requirements:
        if isinstance(requirement, Mapping):
            names.extend(n for n in requirement if n not in names)
    found = []
    for name in names:
        scheme = schemes.get(name)
        if not isinstance(scheme, Mapping):
            continue
        kind = scheme.get("type")
        description = scheme.get("description") if isinstance(scheme.get("description"), str) else None
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            found.append(SecurityScheme(
                "basic", name, "header", description,
                username_env=sibling_variable(api_key_env, "USERNAME"),
                password_env=sibling_variable(api_key_env, "PASSWORD"),
            ))
        elif kind in ("http", "oauth2", "openIdConnect"):
            found.append(SecurityScheme("bearer", name, "header", description))
        elif kind == "apiKey" and isinstance(scheme.get("name"), str):
            location = scheme.get("in")
            if location == "query":
                found.append(SecurityScheme("api_key", scheme["name"], "query", description))
            elif location == "cookie":
                found.append(SecurityScheme("api_key", scheme["name"], "cookie", description))
            else:
                found.append(SecurityScheme("api_key", scheme["name"], "header", description))
    return tuple(found[:1])


def base_url(document: Mapping[str, Any]) -> str:
    """The first server's URL with its variables at their defaults."""
    servers = document.get("servers") or []
    if not servers or not isinstance(servers[0], Mapping):
        return ""
    server = servers[0]
    variables = server.get("variables") or {}

    def substitute(match: re.Match[str]) -> str:
        variable = variables.get(match.group(1)) or {}
        return str(variable.get("default", match.group(0)))

    return re.sub(r"\{([^}]+)\}", substitute, str(server.get("url", "")))
