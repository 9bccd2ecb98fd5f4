"""readOnly properties are never sent (and no argument asks for them); writeOnly
ones are not required of an answer."""

from __future__ import annotations

import inspect
import json
from typing import Any

from tests.serialisation.conftest import Recorder

ANSWER = {"id": "acc_1", "name": "Ann", "profile": {"created": "2024-01-02T03:04:05Z", "bio": "hi"}}


def test_create_takes_no_read_only_argument_and_parses_an_answer_without_write_only(
    client: Any, recorder: Recorder
) -> None:
    parameters = inspect.signature(client.accounts.create).parameters
    assert "id" not in parameters
    assert parameters["password"].default is inspect.Parameter.empty  # writeOnly, still required to send
    recorder.answer("/accounts", 201, "application/json", json.dumps(ANSWER).encode())
    account = client.accounts.create(name="Ann", password="pw", profile={"bio": "hi"})
    assert json.loads(recorder.last.body) == {"name": "Ann", "password": "pw", "profile": {"bio": "hi"}}
    # The answer has no `password` (writeOnly) and still parses.
    assert account.id == "acc_1" and account.password is None
    assert account.profile.created.year == 2024


def test_a_model_read_from_the_api_is_sent_back_without_read_only_fields(client: Any, recorder: Recorder) -> None:
    recorder.answer("/accounts", 201, "application/json", json.dumps(ANSWER).encode())
    account = client.accounts.create(name="Ann", password="pw")
    account.password = "new"
    client.accounts.update(body=[account])
    # `id` and the nested `profile.created` are readOnly: not sent, at any depth.
    assert json.loads(recorder.last.body) == [{"name": "Ann", "password": "new", "profile": {"bio": "hi"}}]
