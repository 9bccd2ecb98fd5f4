"""The typed-inputs example (examples/dify-typed-inputs/generated: the flagship with one app's
`inputs` typed by `clientgen dify-inputs`) against the strict fake Dify server: the inputs go
out as given, as a TypedDict literal, as the model, and mixed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from e2e_server import API_KEY, FakeDify

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dify-typed-inputs" / "generated"
sys.path.insert(0, str(EXAMPLE))

from dify_trip_planner import AsyncDifyChatflow, DifyChatflow  # noqa: E402
from dify_trip_planner.models import (  # noqa: E402
    AppInputs,
    AppInputsParam,
    ChatRequestFilesItem,
    ChatRequestFilesItemParam,
)

BOOKING: ChatRequestFilesItemParam = {"type": "document", "transfer_method": "local_file", "upload_file_id": "f-1"}
PHOTO: ChatRequestFilesItemParam = {"type": "image", "transfer_method": "remote_url", "url": "https://example.com/a.png"}


def _sent_inputs(server: FakeDify) -> object:
    (call,) = server.calls
    assert call.operation_id == "sendAdvancedChatMessage"
    return json.loads(call.body)["inputs"]


def test_typed_inputs_are_sent_as_given(server: FakeDify) -> None:
    inputs: AppInputsParam = {"city": "Lisbon", "style": "packed", "days": 3, "booking": BOOKING,
                              "photos": [PHOTO, ChatRequestFilesItem(type="image", transfer_method="local_file",
                                                                     upload_file_id="f-2")]}
    with DifyChatflow(api_key=API_KEY, base_url=server.url, timeout=5.0, max_retries=0) as client:
        answer = client.chat.send_message(query="Plan it", user="abc-123", inputs=inputs)
    assert answer.answer
    assert _sent_inputs(server) == {
        "city": "Lisbon", "style": "packed", "days": 3, "booking": BOOKING,
        "photos": [PHOTO, {"type": "image", "transfer_method": "local_file", "upload_file_id": "f-2"}],
    }


def test_the_model_is_still_accepted(server: FakeDify) -> None:
    model = AppInputs(city="Oslo", style="relaxed", notes="by train")
    with DifyChatflow(api_key=API_KEY, base_url=server.url, timeout=5.0, max_retries=0) as client:
        client.chat.send_message(query="Plan it", user="abc-123", inputs=model)
    assert _sent_inputs(server) == {"city": "Oslo", "style": "relaxed", "notes": "by train"}


@pytest.mark.anyio
async def test_async_sends_them_too(server: FakeDify) -> None:
    async with AsyncDifyChatflow(api_key=API_KEY, base_url=server.url, timeout=5.0, max_retries=0) as client:
        await client.chat.send_message(query="Plan it", user="abc-123", inputs={"city": "Rome", "style": "budget"})
    assert _sent_inputs(server) == {"city": "Rome", "style": "budget"}
