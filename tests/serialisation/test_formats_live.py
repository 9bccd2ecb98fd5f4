"""`date`, `date-time`, `uuid` and `byte` both ways: sent as the spec spells them,
parsed back into Python's types (`uuid` stays text, see below)."""

from __future__ import annotations

import datetime
import json
import uuid
from typing import Any

import pytest

from tests.serialisation.conftest import Recorder

REF = uuid.UUID("6f1c2c7e-8a7b-4c3e-9d1f-0a2b3c4d5e6f")
AT = datetime.datetime(2024, 2, 29, 23, 59, 30, 250000, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
DAY = datetime.date(2024, 2, 29)
RAW = b"\x00\xffhi\n"
ECHO = {"at": "2024-02-29T23:59:30.250000+02:00", "day": "2024-02-29", "ref": str(REF), "raw": "AP9oaQo=",
        "refs": [str(REF)]}


def _send(client: Any, recorder: Recorder) -> Any:
    recorder.answer(f"/formats/{REF}", 200, "application/json", json.dumps(ECHO).encode())
    return client.formats.update(REF, day=DAY, since=AT, token=RAW, at=AT, day2=DAY, ref=REF, raw=RAW,
                                       refs=[REF])


def test_formats_are_sent_as_the_spec_spells_them(client: Any, recorder: Recorder) -> None:
    _send(client, recorder)
    seen = recorder.last
    assert seen.target == (f"/formats/{REF}?day=2024-02-29&since=2024-02-29T23%3A59%3A30.250000%2B02%3A00").encode()
    assert seen.headers["token"] == "AP9oaQo="  # format: byte is base64
    assert json.loads(seen.body) == ECHO


def test_formats_are_parsed_into_python_types(client: Any, recorder: Recorder) -> None:
    got = _send(client, recorder)
    assert got.at == AT and got.day == DAY and got.raw == RAW and isinstance(got.raw, bytes)
    # `format: uuid` only annotates (JSON Schema): kept as text, so an id that is no
    # UUID still parses; a `uuid.UUID` argument is sent as its text.
    assert got.ref == str(REF) and got.refs == [str(REF)]
    # And a model round-trips to the same JSON it came from.
    assert got.model_dump(mode="json", by_alias=True) == ECHO


@pytest.mark.anyio
async def test_async_formats(aclient: Any, recorder: Recorder) -> None:
    recorder.answer(f"/formats/{REF}", 200, "application/json", json.dumps(ECHO).encode())
    got = await aclient.formats.update(REF, day=DAY, at=AT, day2=DAY, ref=REF, raw=RAW)
    assert got.raw == RAW and json.loads(recorder.last.body)["raw"] == "AP9oaQo="
