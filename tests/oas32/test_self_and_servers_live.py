"""`$self` (3.2): the document's URI is the base of its refs (its own URI is itself, a URI
beside it the file beside it) and of relative server URLs; servers chosen by `name`."""

from __future__ import annotations

import json
from typing import Any

from tests.serialisation.conftest import Recorder


def test_refs_through_self_and_a_server_by_name(oas32_package: Any, recorder: Recorder) -> None:
    selfref = oas32_package("selfref")
    port = recorder.url.rsplit(":", 1)[1]
    recorder.answer("/v1/pets/p1", 200, "application/json",
                    json.dumps({"name": "Rex", "tag": {"label": "dog"}, "other": {"label": "x"}}).encode())
    with selfref.Selfref(server="local", server_variables={"port": port}, max_retries=0) as client:
        pet = client.pets.retrieve("p1")
    assert (pet.name, pet.tag.label, pet.other.label) == ("Rex", "dog", "x")
    assert type(pet.tag).__name__ == "Tag" and type(pet.other) is type(pet.tag)
    assert recorder.last.target == b"/v1/pets/p1"


def test_a_relative_server_url_is_resolved_against_self(oas32_package: Any) -> None:
    selfref = oas32_package("selfref")
    assert str(selfref.Selfref(server="relative").base_url) == "https://api.example.com/v2/"
