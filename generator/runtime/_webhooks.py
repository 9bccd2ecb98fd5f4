"""Received webhooks: signature checks, and a body parsed into its payload type.

Only packages whose spec has webhooks carry this module; their `webhooks.py` says which
payload each webhook has and how the sender signs them. No error message shows the
secret, the signature expected or the body.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import time
from typing import Any, Dict, Iterable, Mapping, Optional, Sequence, Tuple, Union

from pydantic import TypeAdapter, ValidationError

from ._exceptions import APIError

__all__ = [
    "HeadersLike",
    "SignatureSpec",
    "WebhookError",
    "WebhookParser",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "verify_signature",
]

# A dict, httpx/Starlette/Flask headers, or (name, value) pairs; names are case-insensitive.
HeadersLike = Union[Mapping[str, str], Iterable[Tuple[str, str]]]


class WebhookError(APIError):
    """A received webhook was refused (its signature or its body)."""


class WebhookSignatureError(WebhookError):
    """The signature is missing, malformed, outside the time tolerance or wrong: do not trust the body."""


class WebhookPayloadError(WebhookError):
    """The body is not JSON, or not what its webhook sends."""


class SignatureSpec:
    """How the sender signs: `standard-webhooks` (headers `<prefix>-id`, `<prefix>-timestamp`,
    `<prefix>-signature`) or `hmac-sha256` (the body's HMAC in `header`)."""

    __slots__ = ("scheme", "header", "secret_env", "tolerance")

    def __init__(self, scheme: str, *, header: str, secret_env: str, tolerance: int = 300) -> None:
        self.scheme = scheme
        self.header = header.lower()
        self.secret_env = secret_env
        self.tolerance = tolerance

    def __repr__(self) -> str:
        return f"SignatureSpec({self.scheme!r}, header={self.header!r}, secret_env={self.secret_env!r})"


def verify_signature(
    spec: SignatureSpec,
    body: Union[str, bytes],
    headers: HeadersLike,
    *,
    secret: Optional[str] = None,
    tolerance: Optional[int] = None,
    now: Optional[float] = None,
) -> None:
    """Raise `WebhookSignatureError` unless `headers` sign `body` with the secret (the
    `secret` argument, else the environment variable the spec names)."""
    key = secret if secret is not None else os.environ.get(spec.secret_env)
    if not key:
        raise ValueError(
            f"no webhook secret: pass secret=... or set the {spec.secret_env} environment variable"
        )
    payload = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    found = _lower(headers)
    if spec.scheme == "hmac-sha256":
        _check_hmac(payload, _header(found, spec.header), key.encode("utf-8"), spec.header)
    else:
        limit = spec.tolerance if tolerance is None else tolerance
        _check_standard(payload, found, _standard_key(key), spec.header, limit, now)


def _lower(headers: HeadersLike) -> Dict[str, str]:
    pairs = headers.items() if isinstance(headers, Mapping) else headers
    found: Dict[str, str] = {}
    for name, value in pairs:
        key = str(name).lower()
        found[key] = f"{found[key]} {value}" if key in found else str(value)
    return found


def _header(found: Mapping[str, str], name: str) -> str:
    value = found.get(name, "").strip()
    if not value:
        raise WebhookSignatureError(f"the webhook has no {name} header")
    return value


def _standard_key(secret: str) -> bytes:
    """A Standard Webhooks secret is base64, after an optional `whsec_`."""
    text = secret[len("whsec_") :] if secret.startswith("whsec_") else secret
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError(
            "the webhook secret is not base64 (a Standard Webhooks secret is `whsec_<base64>`)"
        ) from None


def _check_standard(
    payload: bytes,
    found: Mapping[str, str],
    key: bytes,
    header: str,
    tolerance: int,
    now: Optional[float],
) -> None:
    prefix = header[: -len("signature")]  # "webhook-"
    message_id = _header(found, prefix + "id")
    timestamp = _header(found, prefix + "timestamp")
    signatures = _header(found, header)
    try:
        sent = int(timestamp)
    except ValueError:
        raise WebhookSignatureError(f"the {prefix}timestamp header is not a Unix time") from None
    current = int(time.time() if now is None else now)
    if current - sent > tolerance:
        raise WebhookSignatureError(
            f"the webhook timestamp is more than {tolerance} s old (a replay, or a clock far off)"
        )
    if sent - current > tolerance:
        raise WebhookSignatureError(
            f"the webhook timestamp is more than {tolerance} s in the future"
        )
    signed = b".".join((message_id.encode("utf-8"), timestamp.encode("utf-8"), payload))
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest())
    matched = False
    for entry in signatures.split():
        version, _, value = entry.partition(",")
        # Every entry is compared (no early exit), each in constant time.
        matched |= version == "v1" and hmac.compare_digest(value.encode("utf-8"), expected)
    if not matched:
        raise WebhookSignatureError(f"no v1 signature in the {header} header matches the body")


def _check_hmac(payload: bytes, value: str, key: bytes, header: str) -> None:
    """The body's HMAC-SHA256 as hex or base64, optionally after `sha256=` (GitHub's form)."""
    given = value[len("sha256=") :] if value.lower().startswith("sha256=") else value
    digest = hmac.new(key, payload, hashlib.sha256).digest()
    as_hex = hmac.compare_digest(given.lower().encode("utf-8"), digest.hex().encode("ascii"))
    as_base64 = hmac.compare_digest(given.encode("utf-8"), base64.b64encode(digest))
    if not (as_hex or as_base64):
        raise WebhookSignatureError(f"the {header} header does not match the body")


class WebhookParser:
    """A body -> its payload: by the `webhook` named, else by the tag property's value,
    else the untagged payloads tried in `order`, else the `fallback` (which keeps every
    field). Validators are built on first use."""

    def __init__(
        self,
        payloads: Mapping[str, Any],
        *,
        fallback: Any,
        tag: Optional[str] = None,
        tags: Optional[Mapping[str, str]] = None,
        order: Sequence[str] = (),
    ) -> None:
        self._types: Dict[str, Any] = dict(payloads)  # webhook name -> payload type
        self._fallback = fallback
        self._tag = tag
        self._tags: Dict[str, str] = dict(tags or {})  # tag value -> webhook name
        self._order = tuple(order)
        self._adapters: Dict[Optional[str], TypeAdapter[Any]] = {}

    def parse(self, body: Union[str, bytes], webhook: Optional[str] = None) -> Any:
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise WebhookPayloadError(f"the webhook body is not JSON: {_first_line(exc)}") from None
        if webhook is not None:
            if webhook not in self._types:
                known = ", ".join(repr(name) for name in sorted(self._types))
                raise ValueError(f"unknown webhook {webhook!r}; this API's webhooks: {known}")
            return self._validate(webhook, data)
        if self._tag is not None and type(data) is dict:
            value = data.get(self._tag)
            if isinstance(value, str) and value in self._tags:
                return self._validate(self._tags[value], data)
        for name in self._order:
            try:
                return self._adapter(name).validate_python(data)
            except ValidationError:
                continue
        if type(data) is not dict:
            raise WebhookPayloadError(
                f"the webhook body is a JSON {type(data).__name__}, which no webhook of this API sends"
            )
        try:
            return self._adapter(None).validate_python(data)
        except ValidationError:
            raise WebhookPayloadError(
                f"the webhook body has no string {self._tag!r}, so no webhook of this API sends it"
            ) from None

    def _adapter(self, name: Optional[str]) -> TypeAdapter[Any]:
        """The validator of a webhook's payload (None: of the fallback)."""
        adapter = self._adapters.get(name)
        if adapter is None:
            adapter = TypeAdapter(self._fallback if name is None else self._types[name])
            self._adapters[name] = adapter
        return adapter

    def _validate(self, name: str, data: Any) -> Any:
        try:
            return self._adapter(name).validate_python(data)
        except ValidationError as exc:
            raise WebhookPayloadError(
                f"the body does not fit webhook {name!r}: {_summary(exc)}"
            ) from None


def _summary(exc: ValidationError) -> str:
    """The first error's place and message, without the input (no body data in logs)."""
    errors = exc.errors()
    first = errors[0] if errors else {"loc": (), "msg": "invalid"}
    where = ".".join(str(part) for part in first["loc"]) or "the body"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first['msg']}{more}"


def _first_line(exc: ValueError) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
