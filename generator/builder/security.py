"""How the client authenticates: the spec's security schemes and requirements.

Every scheme a requirement names becomes constructor arguments (a token, a user name
and password, an OAuth2 client id and secret); each operation's requirement says which
of them its requests send. The names follow one rule: a spec with one token takes
`api_key`, one basic scheme `username`/`password`, one client-credentials flow
`client_id`/`client_secret`; beyond that, arguments are named after their scheme.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal

from generator import naming
from generator.builder.errors import BuildWarning
from generator.builder.pointers import escape
from generator.http_methods import is_token
from generator.ir import CredentialArgument, Requirement, SecurityScheme

# The client constructor's own arguments: a credential may not take their names.
# Nor the names the client module's constructor code uses.
_CONSTRUCTOR = frozenset({"self", "base_url", "timeout", "max_retries", "default_headers",
                          "default_query", "http_client", "server", "server_variables", "url", "choice",
                          "os", "httpx", "cached_property", "pick_base_url", "Security",
                          "bearer_credential", "api_key_credential", "password_credential",
                          "client_credentials_flow"})

Kind = Literal["bearer", "basic", "digest", "api_key"]


def sibling_variable(api_key_env: str, suffix: str) -> str:
    """DIFY_API_KEY -> DIFY_BASE_URL: the variables of one API share a prefix."""
    prefix = api_key_env[: -len("_API_KEY")] if api_key_env.endswith("_API_KEY") else api_key_env
    return f"{prefix}_{suffix}"


def requirement(raw: Any, usable: Mapping[str, SecurityScheme]) -> Requirement:
    """A `security` list -> alternatives of scheme names the client can send.

    A scheme the client cannot send (mutual TLS: the caller's http_client carries the
    certificate) drops out of its alternative, which then asks nothing more of us."""
    alternatives: list[tuple[str, ...]] = []
    for item in raw if isinstance(raw, list) else ():
        if isinstance(item, Mapping):
            alternative = tuple(name for name in item if name in usable)
            if alternative not in alternatives:
                alternatives.append(alternative)
    return tuple(alternatives) or ((),)


def security_schemes(document: Mapping[str, Any], operation_requirements: list[Any], api_key_env: str,
                     warnings: list[BuildWarning]) -> tuple[SecurityScheme, ...]:
    """Every scheme a requirement of the document (or of an operation) names, in that order."""
    declared = (document.get("components") or {}).get("securitySchemes") or {}
    names: list[str] = []
    for raw in [document.get("security"), *operation_requirements]:
        for item in raw if isinstance(raw, list) else ():
            if isinstance(item, Mapping):
                names.extend(n for n in item if isinstance(n, str) and n not in names)
    shapes = []
    for name in names:
        pointer = f"/components/securitySchemes/{escape(name)}"
        scheme = declared.get(name)
        if not isinstance(scheme, Mapping):
            warnings.append(BuildWarning(
                f"a security requirement names {name!r}, which components.securitySchemes does not "
                "declare; it is ignored", "/security"))
            continue
        shape = _shape(name, scheme, pointer, warnings)
        if shape is not None:
            shapes.append(shape)
    return _named(shapes, api_key_env)


def _shape(key: str, scheme: Mapping[str, Any], pointer: str,
           warnings: list[BuildWarning]) -> dict[str, Any] | None:
    """What one scheme sends, before its arguments are named."""
    kind = scheme.get("type")
    description = scheme.get("description") if isinstance(scheme.get("description"), str) else None
    shape: dict[str, Any] = {"key": key, "description": description, "name": "Authorization",
                             "location": "header", "word": "Bearer", "token_url": None}
    if kind == "http":
        word = str(scheme.get("scheme", "bearer"))
        if word.lower() in ("basic", "digest"):
            return {**shape, "kind": word.lower()}
        if not is_token(word):
            warnings.append(BuildWarning(f"HTTP scheme {word!r} is not a valid scheme name; "
                                         "sent as Bearer", f"{pointer}/scheme"))
            word = "Bearer"
        return {**shape, "kind": "bearer", "word": "Bearer" if word.lower() == "bearer" else word}
    if kind in ("oauth2", "openIdConnect"):
        flow = ((scheme.get("flows") or {}) if kind == "oauth2" else {}).get("clientCredentials")
        token_url = flow.get("tokenUrl") if isinstance(flow, Mapping) else None
        return {**shape, "kind": "bearer", "token_url": token_url if isinstance(token_url, str) else None}
    if kind == "apiKey":
        name, location = scheme.get("name"), scheme.get("in", "header")
        if not isinstance(name, str) or not is_token(name) and location != "query":
            warnings.append(BuildWarning(f"the API key's name {name!r} cannot be sent as a "
                                         f"{location} name; the scheme is ignored", f"{pointer}/name"))
            return None
        if location not in ("header", "query", "cookie"):
            warnings.append(BuildWarning(f"an API key 'in: {location}' is not header, query or "
                                         "cookie; sent as a header", f"{pointer}/in"))
            location = "header"
        return {**shape, "kind": "api_key", "name": name, "location": location}
    hint = ("give the client certificate with http_client=httpx.Client(cert=...)"
            if kind == "mutualTLS" else "send it with default_headers")
    warnings.append(BuildWarning(f"security scheme type {kind!r} is not sent by the client; {hint}",
                                 f"{pointer}/type"))
    return None


def _named(shapes: list[dict[str, Any]], api_key_env: str) -> tuple[SecurityScheme, ...]:
    tokens = [s for s in shapes if s["kind"] in ("bearer", "api_key")]
    pairs = [s for s in shapes if s["kind"] in ("basic", "digest")]
    flows = [s for s in shapes if s["token_url"]]
    taken = set(_CONSTRUCTOR)

    def argument(name: str, role: Any, legacy_env: str | None = None) -> CredentialArgument:
        python = naming.unique(name if name not in taken else f"{name}_key", taken)
        taken.add(python)
        env = legacy_env or sibling_variable(api_key_env, python.upper())
        return CredentialArgument(python, env, role)

    def stem(shape: dict[str, Any]) -> str:
        # "OAuth2" is one word, not "o_auth2".
        return naming.parameter_name(re.sub(r"OAuth", "Oauth", shape["key"])).rstrip("_") or "credential"

    arguments: dict[str, list[CredentialArgument]] = {s["key"]: [] for s in shapes}
    for shape in tokens:
        if len(tokens) == 1:
            arguments[shape["key"]].append(argument("api_key", "token", api_key_env))
        else:
            arguments[shape["key"]].append(argument(stem(shape), "token"))
    for shape in pairs:
        prefix = "" if len(pairs) == 1 else f"{stem(shape)}_"
        arguments[shape["key"]].append(argument(f"{prefix}username", "username",
                                                sibling_variable(api_key_env, f"{prefix}USERNAME".upper())))
        arguments[shape["key"]].append(argument(f"{prefix}password", "password",
                                                sibling_variable(api_key_env, f"{prefix}PASSWORD".upper())))
    for shape in flows:
        prefix = "" if len(flows) == 1 else f"{stem(shape)}_"
        for role in ("client_id", "client_secret"):
            arguments[shape["key"]].append(argument(f"{prefix}{role}", role))
    return tuple(
        SecurityScheme(
            key=s["key"], kind=s["kind"], name=s["name"], location=s["location"],
            description=s["description"], arguments=tuple(arguments[s["key"]]), word=s["word"],
            token_url=s["token_url"],
        )
        for s in shapes
    )
