"""Error bodies typed per status: `.body` is the declared model (the status's own,
its range's, or `default`), `.raw_body` the JSON as it came."""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest

from tests.serialisation.conftest import PACKAGE, Recorder


def _models() -> Any:
    return importlib.import_module(f"{PACKAGE}.models")


@pytest.mark.parametrize(
    "status, content_type, body, model, exception",
    [
        (404, "application/json", {"message": "no such thing", "id": "x1"}, "Missing", "NotFoundError"),
        (409, "application/json", {"code": "taken", "message": "in use"}, "ClientFault", "ConflictError"),
        (503, "application/problem+json", {"title": "down", "status": 503}, "Problem", "InternalServerError"),
    ],
)
def test_error_body_is_parsed_into_the_declared_model(client: Any, recorder: Recorder, wire: Any, status: int,
                                                      content_type: str, body: Any, model: str, exception: str) -> None:
    recorder.answer("/errors", status, content_type, json.dumps(body).encode())
    with pytest.raises(getattr(wire, exception)) as info:
        client.errors.list()
    error = info.value
    assert isinstance(error.body, getattr(_models(), model))
    assert error.body.model_dump(by_alias=True, exclude_unset=True) == body
    assert error.raw_body == body and error.status_code == status
    # The secret never shows in what an error prints.
    assert "sk-wire-SECRET" not in str(error) and "sk-wire-SECRET" not in repr(error)


def test_a_body_that_does_not_fit_stays_raw(client: Any, recorder: Recorder, wire: Any) -> None:
    recorder.answer("/errors", 404, "application/json", b'{"message": "no id here"}')
    with pytest.raises(wire.NotFoundError) as info:
        client.errors.list()
    assert info.value.body == info.value.raw_body == {"message": "no id here"}
    assert str(info.value).startswith("404 no id here")


def test_a_text_error_body_is_kept_as_text(client: Any, recorder: Recorder, wire: Any) -> None:
    recorder.answer("/errors", 502, "text/html", b"<h1>Bad gateway</h1>")
    with pytest.raises(wire.InternalServerError) as info:
        client.errors.list()
    assert info.value.body == info.value.raw_body == "<h1>Bad gateway</h1>"


@pytest.mark.anyio
async def test_async_error_body_is_typed_too(aclient: Any, recorder: Recorder, wire: Any) -> None:
    recorder.answer("/errors", 404, "application/json", b'{"message": "gone", "id": "x2"}')
    with pytest.raises(wire.NotFoundError) as info:
        await aclient.errors.list()
    assert isinstance(info.value.body, _models().Missing) and info.value.body.id == "x2"
