"""`client.webhooks.unwrap`: real bodies into the right payload models, by tag, by name, by
trying the untagged payloads in order; unknown events into the fallback model."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

from tests.webhooks.conftest import Built


def _client(package: Any, *, is_async: bool = False) -> Any:
    sync, async_ = package._client.__all__[:2]  # the client classes come first
    return getattr(package, async_ if is_async else sync)(base_url="http://127.0.0.1:9")


CREATED = {"type": "pet.created", "pet": {"id": 1, "name": "Rex"}, "extra": True}
ADOPTED = {"type": "pet.adopted", "pet": {"id": 2, "name": "Tom"}, "adopter": "Ann",
           "adopted_at": "2025-01-02T03:04:05Z"}


@pytest.mark.parametrize("is_async", [False, True])
def test_a_tagged_body_becomes_its_webhooks_model(built: Built, is_async: bool) -> None:
    package = built["wh_events_plain"]
    models = package.models
    hooks = _client(package, is_async=is_async).webhooks
    created = hooks.unwrap(json.dumps(CREATED).encode())
    assert type(created) is models.PetCreatedEvent
    assert created.pet.name == "Rex" and created.model_extra == {"extra": True}
    adopted = hooks.unwrap(json.dumps(ADOPTED))  # str bodies too
    assert type(adopted) is models.PetAdoptedPayload  # the inline schema, lifted under the webhook's name
    assert adopted.adopted_at == datetime.datetime(2025, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)


def test_every_tagged_payload_is_also_a_discriminated_union_in_the_models(built: Built) -> None:
    from pydantic import TypeAdapter

    models = built["wh_events_plain"].models
    adapter: Any = TypeAdapter(models.WebhookEvent)
    assert type(adapter.validate_python(CREATED)) is models.PetCreatedEvent
    assert type(adapter.validate_python({"type": "pet.sold"})) is models.WebhookEventUnknown
    assert built["wh_events_plain"].webhooks.WebhookEvent is models.WebhookEvent


def test_an_unknown_event_type_is_the_fallback_model_with_every_field(built: Built) -> None:
    package = built["wh_events_plain"]
    event = _client(package).webhooks.unwrap(b'{"type": "pet.sold", "price": 12, "pet": {"id": 3}}')
    assert type(event) is package.models.WebhookEventUnknown
    assert event.type == "pet.sold" and event.model_extra == {"price": 12, "pet": {"id": 3}}


def test_the_webhook_argument_picks_the_payload_whatever_the_tag(built: Built) -> None:
    package = built["wh_events_plain"]
    hooks = _client(package).webhooks
    assert type(hooks.unwrap(json.dumps(CREATED), webhook="pet.created")) is package.models.PetCreatedEvent
    with pytest.raises(package.WebhookPayloadError, match="does not fit webhook 'pet.adopted': type: Input should be 'pet.adopted' \\(and 1 more\\)"):
        hooks.unwrap(json.dumps(CREATED), webhook="pet.adopted")
    with pytest.raises(ValueError, match="unknown webhook 'pet.lost'; this API's webhooks: 'pet.adopted', 'pet.created'"):
        hooks.unwrap(json.dumps(CREATED), webhook="pet.lost")


def test_bodies_no_webhook_sends_are_one_clear_error(built: Built) -> None:
    package = built["wh_events_plain"]
    hooks = _client(package).webhooks
    error = package.WebhookPayloadError
    assert issubclass(error, package.WebhookError) and issubclass(error, package.APIError)
    with pytest.raises(error, match="not JSON"):
        hooks.unwrap(b"{not json")
    with pytest.raises(error, match="JSON list"):
        hooks.unwrap(b"[1, 2]")
    with pytest.raises(error, match="no string 'type'"):
        hooks.unwrap(b'{"pet": {"id": 1, "name": "Rex"}}')
    with pytest.raises(error, match=r"does not fit webhook 'pet.created': pet.name: Field required"):
        hooks.unwrap(b'{"type": "pet.created", "pet": {"id": 1}}')


def test_typeddict_packages_unwrap_into_dicts(built: Built) -> None:
    package = built["wh_events_td"]
    hooks = _client(package).webhooks
    assert hooks.unwrap(json.dumps(CREATED)) == CREATED
    assert hooks.unwrap(b'{"type": "pet.sold"}') == {"type": "pet.sold"}


def test_callbacks_are_webhooks_tried_in_order_most_required_fields_first(built: Built) -> None:
    package = built["wh_callbacks"]
    models = package.models
    assert package.webhooks._PARSER._order == ("onData", "onClose")  # two required fields before one
    parse = package.webhooks._PARSER.parse  # (unwrap checks the signature first: test_signatures.py)
    data = parse(b'{"timestamp": "2025-01-02T03:04:05Z", "userData": "x"}')
    assert type(data) is models.OnDataPayload and data.user_data == "x"
    assert type(parse(b'{"reason": "done"}')) is models.Closed
    assert type(parse(b'{"reason": 5, "other": 1}')) is models.WebhookEventUnknown  # fits neither


def test_a_spec_without_webhooks_has_no_webhooks_at_all(tmp_path: Any) -> None:
    from pathlib import Path

    from generator.pipeline import generate

    spec = Path(__file__).resolve().parents[1] / "styles" / "petstore.yaml"
    files = generate(spec, package_name="plain").files
    assert "plain/webhooks.py" not in files and "plain/_webhooks.py" not in files
    assert not [name for name, text in files.items() if "webhook" in text.lower()]
