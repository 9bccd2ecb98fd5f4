"""The config's `webhooks:` section: which signature scheme `client.webhooks` verifies.

    webhooks:
      signature:
        scheme: standard-webhooks     # or hmac-sha256
        header: webhook-signature     # hmac-sha256: required (X-Hub-Signature-256...)
        secret_env: PETSTORE_WEBHOOK_SECRET
        tolerance: 300                # standard-webhooks: seconds

docs/webhooks.md describes what each scheme checks.
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path
from typing import Any, Mapping

from generator.config.settings import ConfigError, WebhookSignatureConfig, WebhooksConfig
from generator.http_methods import is_token

SIGNATURE_SCHEMES = ("standard-webhooks", "hmac-sha256")
_POINTER = "/webhooks/signature"
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def webhooks_config(value: Any, path: Path) -> WebhooksConfig:
    data = _mapping(value, path, "/webhooks")
    _only(data, ("signature",), path, "/webhooks")
    if "signature" not in data:
        return WebhooksConfig()
    raw = _mapping(data["signature"], path, _POINTER)
    _only(raw, ("header", "scheme", "secret_env", "tolerance"), path, _POINTER)
    scheme = raw.get("scheme")
    if scheme not in SIGNATURE_SCHEMES:
        problem = "the signature needs a scheme" if scheme is None else f"unknown signature scheme {scheme!r}"
        raise ConfigError(problem, path, f"{_POINTER}/scheme", f"allowed values: {', '.join(SIGNATURE_SCHEMES)}")
    header = _text(raw, "header", path)
    if header is not None and not is_token(header):
        raise ConfigError(f"{header!r} is not a header name", path, f"{_POINTER}/header", "e.g. header: X-Signature")
    if scheme == "hmac-sha256" and header is None:
        raise ConfigError("hmac-sha256 needs the header that carries the signature", path, f"{_POINTER}/header",
                          "e.g. header: X-Hub-Signature-256")
    if scheme == "standard-webhooks" and header is not None and not header.lower().endswith("-signature"):
        raise ConfigError(f"a standard-webhooks header ends in -signature, not {header!r}", path,
                          f"{_POINTER}/header", "e.g. header: svix-signature (then svix-id and svix-timestamp are read)")
    secret_env = _text(raw, "secret_env", path)
    if secret_env is not None and (not _VARIABLE.fullmatch(secret_env) or keyword.iskeyword(secret_env)):
        raise ConfigError(f"{secret_env!r} is not an environment variable name", path, f"{_POINTER}/secret_env",
                          "e.g. secret_env: PETSTORE_WEBHOOK_SECRET")
    tolerance = raw.get("tolerance", 300)
    if isinstance(tolerance, bool) or not isinstance(tolerance, int) or not 1 <= tolerance <= 86400:
        raise ConfigError(f"tolerance must be whole seconds from 1 to 86400, not {tolerance!r}", path,
                          f"{_POINTER}/tolerance", "e.g. tolerance: 300")
    return WebhooksConfig(WebhookSignatureConfig(str(scheme), header, secret_env, tolerance))


def _mapping(value: Any, path: Path, pointer: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError("expected a mapping", path, pointer, "write `key: value` pairs here")
    return value


def _only(data: Mapping[str, Any], allowed: tuple[str, ...], path: Path, pointer: str) -> None:
    for key in sorted(map(str, data)):
        if key not in allowed:
            raise ConfigError(f"unknown key {key!r}", path, f"{pointer}/{key}", f"allowed keys: {', '.join(allowed)}")


def _text(data: Mapping[str, Any], key: str, path: Path) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{key} must be a string", path, f"{_POINTER}/{key}", "quote the value")
    return value
