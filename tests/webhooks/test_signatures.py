"""Signatures, only where the config names the scheme: Standard Webhooks (id.timestamp.body,
timestamp tolerance) and a plain HMAC-SHA256 header; the secret never shows in errors."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any, Dict

import pytest

from tests.webhooks.conftest import HMAC_SECRET, STANDARD_SECRET, Built

BODY = json.dumps({"type": "pet.created", "pet": {"id": 1, "name": "Rex"}}).encode()
KEY = base64.b64decode(STANDARD_SECRET[len("whsec_"):])


def _standard(body: bytes, *, at: int | None = None, key: bytes = KEY, prefix: str = "webhook") -> Dict[str, str]:
    stamp = str(int(time.time()) if at is None else at)
    signed = b"msg_1." + stamp.encode() + b"." + body
    signature = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return {f"{prefix}-id": "msg_1", f"{prefix}-timestamp": stamp, f"{prefix}-signature": f"v1,bm90IGl0 v1,{signature}"}


def _hooks(built: Built, name: str) -> Any:
    package = built[name]
    return getattr(package, package._client.__all__[0])(base_url="http://127.0.0.1:9").webhooks


def test_a_standard_webhooks_signature_is_verified_then_the_body_parsed(built: Built) -> None:
    package = built["wh_events"]
    hooks = _hooks(built, "wh_events")
    event = hooks.unwrap(BODY, _standard(BODY), secret=STANDARD_SECRET)
    assert type(event) is package.models.PetCreatedEvent
    # Header names are case-insensitive; (name, value) pairs work too.
    pairs = [(k.upper(), v) for k, v in _standard(BODY).items()]
    assert hooks.unwrap(BODY.decode(), pairs, secret=STANDARD_SECRET).pet.id == 1


@pytest.mark.parametrize("case, message", [
    ("tampered", "no v1 signature in the webhook-signature header matches the body"),
    ("old", "more than 300 s old"),
    ("future", "in the future"),
    ("wrong secret", "no v1 signature"),
    ("no header", "has no webhook-signature header"),
    ("bad timestamp", "is not a Unix time"),
])
def test_a_standard_webhooks_signature_is_rejected(built: Built, case: str, message: str) -> None:
    error = built["wh_events"].WebhookSignatureError
    hooks = _hooks(built, "wh_events")
    headers = _standard(BODY, at={"old": int(time.time()) - 301, "future": int(time.time()) + 301}.get(case),
                        key=b"another key" if case == "wrong secret" else KEY)
    body = BODY.replace(b"Rex", b"Max") if case == "tampered" else BODY
    if case == "no header":
        del headers["webhook-signature"]
    if case == "bad timestamp":
        headers["webhook-timestamp"] = "yesterday"
    with pytest.raises(error, match=message) as caught:
        hooks.unwrap(body, headers, secret=STANDARD_SECRET)
    shown = str(caught.value) + repr(caught.value)
    assert STANDARD_SECRET[6:] not in shown and "Rex" not in shown and "Max" not in shown
    assert caught.value.__cause__ is None and caught.value.__context__ is None or case == "bad timestamp"


def test_the_tolerance_and_the_secret_from_the_environment(built: Built, monkeypatch: pytest.MonkeyPatch) -> None:
    hooks = _hooks(built, "wh_events")
    assert built["wh_events"].webhooks.WEBHOOK_SECRET_ENV == "WH_EVENTS_WEBHOOK_SECRET"
    monkeypatch.delenv("WH_EVENTS_WEBHOOK_SECRET", raising=False)
    with pytest.raises(ValueError, match="set the WH_EVENTS_WEBHOOK_SECRET environment variable"):
        hooks.unwrap(BODY, _standard(BODY))
    monkeypatch.setenv("WH_EVENTS_WEBHOOK_SECRET", STANDARD_SECRET)
    hooks.unwrap(BODY, _standard(BODY))
    old = _standard(BODY, at=int(time.time()) - 1000)
    hooks.verify_signature(BODY, old, tolerance=2000)
    with pytest.raises(built["wh_events"].WebhookSignatureError):
        hooks.verify_signature(BODY, old)
    monkeypatch.setenv("WH_EVENTS_WEBHOOK_SECRET", "whsec_not*base64")
    with pytest.raises(ValueError, match="not base64") as caught:
        hooks.unwrap(BODY, _standard(BODY))
    assert "not*base64" not in str(caught.value)


def test_without_a_signature_config_nothing_is_verified(built: Built) -> None:
    hooks = _hooks(built, "wh_events_plain")
    assert not hasattr(hooks, "verify_signature")
    assert hooks.unwrap(BODY).pet.name == "Rex"  # no headers needed
    assert not hasattr(built["wh_events_plain"].webhooks, "WEBHOOK_SECRET_ENV")


def _hmac(body: bytes, key: str = HMAC_SECRET) -> bytes:
    return hmac.new(key.encode(), body, hashlib.sha256).digest()


def test_an_hmac_sha256_header_in_hex_or_base64(built: Built) -> None:
    package = built["wh_callbacks"]
    hooks = _hooks(built, "wh_callbacks")
    body = b'{"reason": "done"}'
    for value in (_hmac(body).hex(), "sha256=" + _hmac(body).hex().upper(), base64.b64encode(_hmac(body)).decode()):
        assert type(hooks.unwrap(body, {"x-signature": value}, secret=HMAC_SECRET)) is package.models.Closed
    for headers in ({"X-Signature": _hmac(body, "wrong").hex()}, {"X-Signature": _hmac(b'{"reason": "x"}').hex()}):
        with pytest.raises(package.WebhookSignatureError, match="the x-signature header does not match") as caught:
            hooks.unwrap(body, headers, secret=HMAC_SECRET)
        assert HMAC_SECRET not in str(caught.value)
    with pytest.raises(package.WebhookSignatureError, match="has no x-signature header"):
        hooks.unwrap(body, {}, secret=HMAC_SECRET)


def test_nothing_holds_the_secret(built: Built) -> None:
    spec = built["wh_events"].webhooks._SIGNATURE
    assert repr(spec) == "SignatureSpec('standard-webhooks', header='webhook-signature', secret_env='WH_EVENTS_WEBHOOK_SECRET')"
    assert vars(_hooks(built, "wh_events")) == {}
