"""A discriminated union's tag goes on the wire even when the caller never set it.

The generated variant carries its tag as a defaulted `Literal` field (declared by the
variant or not), so `Cat(name=...)` is valid; bodies are dumped with `exclude_unset`
(only what the caller gave is sent), which alone would drop the tag the server needs
to tell the variants apart.
"""

from __future__ import annotations

import importlib
import json
from typing import Any, Iterator

import pytest

from tests.importing import generated_package
from tests.serialisation.conftest import Recorder, recording

SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Pets", "version": "1"},
    "paths": {"/pets": {"post": {
        "operationId": "createPet",
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/Adoption"}}}},
        "responses": {"204": {"description": "adopted"}},
    }}},
    "components": {"schemas": {
        "Adoption": {"type": "object", "required": ["pet"], "properties": {
            "pet": {"$ref": "#/components/schemas/Pet"},
            "friends": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}},
            "kind": {"type": "string", "const": "adoption"},
            "note": {"type": "string"},
        }},
        "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                "discriminator": {"propertyName": "petType",
                                  "mapping": {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}}},
        # Cat does not declare the tag property; Dog does.
        "Cat": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
        "Dog": {"type": "object", "required": ["petType", "name"], "properties": {
            "petType": {"type": "string", "enum": ["dog"]}, "name": {"type": "string"},
            "nickname": {"type": "string", "readOnly": True}}},
    }},
}


@pytest.fixture(scope="module")
def pets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("pets")
    spec = folder / "pets.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    with generated_package(spec, folder / "out", "pets_tags") as package:
        yield package


@pytest.fixture()
def recorder() -> Iterator[Recorder]:
    with recording("tags") as found:
        yield found


def test_tags_left_at_their_default_are_sent_at_any_depth(pets: Any, recorder: Recorder) -> None:
    models = importlib.import_module("pets_tags.models")
    with pets.Pets(base_url=recorder.url) as client:
        client.pets.create(pet=models.Cat(name="Tom"), friends=[models.Dog(name="Rex"), models.Cat(name="Kit")])
    assert json.loads(recorder.last.body) == {
        "pet": {"petType": "cat", "name": "Tom"},
        "friends": [{"petType": "dog", "name": "Rex"}, {"petType": "cat", "name": "Kit"}],
    }


def test_a_const_field_goes_too_and_read_only_still_does_not(pets: Any, recorder: Recorder) -> None:
    models = importlib.import_module("pets_tags.models")
    adoption = models.Adoption(pet=models.Dog.model_validate({"petType": "dog", "name": "Rex", "nickname": "R"}),
                               kind="adoption")
    with pets.Pets(base_url=recorder.url) as client:
        client.pets.create(pet=adoption.pet, kind=adoption.kind)
    sent = json.loads(recorder.last.body)
    assert sent == {"pet": {"petType": "dog", "name": "Rex"}, "kind": "adoption"}  # no readOnly nickname
    parsed = models.Adoption.model_validate(sent)
    assert type(parsed.pet) is models.Dog  # the server side can route it by the tag
