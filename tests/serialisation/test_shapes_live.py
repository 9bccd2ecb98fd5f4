"""`prefixItems` as tuples, and typed `additionalProperties` next to `properties`."""

from __future__ import annotations

import importlib
import json
import typing
from typing import Any

import pydantic
import pytest

from tests.serialisation.conftest import PACKAGE, Recorder

ECHO = {"at": [1.5, -2.0], "corner": [1, "ne"], "pair": ["a", 1, "extra"], "labels": {"name": "n", "red": 3, "blue": 4}}


def test_tuples_and_typed_extras_round_trip(client: Any, recorder: Recorder) -> None:
    recorder.answer("/shapes", 200, "application/json", json.dumps(ECHO).encode())
    models = importlib.import_module(f"{PACKAGE}.models")
    got = client.shapes.create(at=(1.5, -2.0), corner=(1, "ne"), pair=["a", 1, "extra"],
                                    labels=models.Labels.model_validate({"name": "n", "red": "3", "blue": 4}))
    # Sent: a tuple is a JSON array; extra keys go with the fields, validated (as ints).
    assert json.loads(recorder.last.body) == ECHO
    assert got.at == (1.5, -2.0) and isinstance(got.at, tuple) and got.corner == (1, "ne")
    assert got.pair == ["a", 1, "extra"]  # more items may follow: a list
    assert got.labels.name == "n" and got.labels.model_extra == {"red": 3, "blue": 4}


def test_the_types_say_so(wire: Any) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    hints = typing.get_type_hints(models.Shapes)
    assert hints["at"] == typing.Tuple[float, float]  # maxItems: 2
    assert hints["corner"] == typing.Optional[typing.Tuple[int, str]]  # items: false
    assert typing.get_type_hints(models.Labels, include_extras=False)["__pydantic_extra__"] == typing.Dict[str, int]


def test_an_extra_key_of_the_wrong_type_is_refused(wire: Any) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    with pytest.raises(pydantic.ValidationError):
        models.Labels.model_validate({"name": "n", "red": "not a number"})
    with pytest.raises(pydantic.ValidationError):
        models.Shapes.model_validate({"at": [1, 2], "corner": [1, "ne", "x"]})  # items: false: exactly two
