"""Webhooks: requests the API sends to its users (OpenAPI 3.1 `webhooks`, 3.0 `callbacks`).

The client does not call them; it parses what it receives (`client.webhooks.unwrap`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.ir.types import TypeRef


@dataclass(frozen=True)
class Webhook:
    """One webhook operation with a request body.

    `name` is its key under `webhooks` (or the callback's name, see docs/webhooks.md),
    what `unwrap(..., webhook=name)` takes. `tags` are the values of the shared tag
    property (`Webhooks.tag_property`) that select it; empty when its payload has none.
    """

    name: str
    payload: TypeRef  # the requestBody's (JSON) schema
    pointer: str  # the operation's JSON pointer
    description: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class WebhookSignature:
    """How a webhook's sender signs it (config `webhooks.signature`).

    `standard-webhooks`: headers `webhook-id`, `webhook-timestamp` and `webhook-signature`
    (space-separated `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`), `tolerance`
    seconds of clock skew. `hmac-sha256`: `header` carries the HMAC-SHA256 of the body
    (hex or base64, an optional `sha256=` prefix).
    """

    scheme: Literal["standard-webhooks", "hmac-sha256"]
    header: str
    secret_env: str  # the environment variable holding the secret
    tolerance: int = 300


@dataclass(frozen=True)
class Webhooks:
    """Every webhook of the API, sorted by name.

    `tag_property`: the JSON property whose value tells the payloads apart (None: no
    property does; `unwrap` then tries the untagged ones in `order`). `union`: the
    models' discriminated union of the payloads, when every webhook is tagged.
    `fallback`: the model an unknown body is parsed into (it keeps every field).
    `order`: the names of the untagged webhooks, in the order `unwrap` tries them.
    """

    webhooks: tuple[Webhook, ...]
    fallback: str
    tag_property: str | None = None
    union: str | None = None
    order: tuple[str, ...] = ()
    signature: WebhookSignature | None = None
    attribute: str = "webhooks"  # the client's attribute (`webhook_events` where a resource is `webhooks`)
