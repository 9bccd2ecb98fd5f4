"""`clientgen drift REPORT`: a saved drift report -> an Overlay 1.0 document; bad reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict

import pytest
import yaml

from generator.pipeline import build_only

ROOT = Path(__file__).resolve().parent.parent

SPEC: Dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Shop", "version": "1.0.0"},
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}},
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Pet": {
                "oneOf": [{"$ref": "#/components/schemas/Cat"}],
                "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat"}},
            },
            "Cat": {
                "type": "object",
                "required": ["kind"],
                "properties": {
                    "kind": {"type": "string", "enum": ["cat"]},
                    "mood": {"type": "string", "enum": ["calm", "grumpy"]},
                },
            },
        }
    },
}

REPORT: Dict[str, Any] = {
    "clientgen_drift": 1,
    "fields": {"#/components/schemas/Cat/properties/lives": {"count": 3, "example": 9}},
    "enums": {"#/components/schemas/Cat/properties/mood": {"values": {"sleepy": {"count": 1}}}},
    "variants": {
        "#/components/schemas/Pet": {
            "property": "kind",
            "tags": {"dog": {"count": 2, "example": {"kind": "dog", "barks": True, "tags": ["a"]}}},
        }
    },
}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "shop.json").write_text(json.dumps(SPEC), encoding="utf-8")
    (tmp_path / "drift.json").write_text(json.dumps(REPORT), encoding="utf-8")
    return tmp_path


def test_overlay_adds_field_enum_value_and_variant(files: Path) -> None:
    result = _run("drift", str(files / "drift.json"), "--spec", str(files / "shop.json"),
                  "--output", str(files / "drift.yaml"))
    assert result.returncode == 0, result.stderr
    overlay = yaml.safe_load((files / "drift.yaml").read_text(encoding="utf-8"))
    assert overlay["overlay"] == "1.0.0"
    targets = [a["target"] for a in overlay["actions"]]
    assert targets == [
        "$.components.schemas.Cat",
        "$.components.schemas.Cat.properties.mood",
        "$.components.schemas",
        "$.components.schemas.Pet",
    ]
    assert overlay["actions"][3]["update"] == {
        "oneOf": [{"$ref": "#/components/schemas/PetDog"}],
        "discriminator": {"mapping": {"dog": "#/components/schemas/PetDog"}},
    }
    api = build_only(files / "shop.json", overlays=[files / "drift.yaml"])
    schemas = {d.name: d for d in api.schemas}
    assert [f.wire_name for f in schemas["Cat"].fields] == ["kind", "mood", "lives"]  # type: ignore[union-attr]
    assert ("dog", "PetDog") in schemas["Pet"].discriminator.mapping  # type: ignore[union-attr]
    assert {f.wire_name for f in schemas["PetDog"].fields} == {"kind", "barks", "tags"}  # type: ignore[union-attr]
    mood = next(f for f in schemas["Cat"].fields if f.wire_name == "mood")  # type: ignore[union-attr]
    assert mood.type.values == ("calm", "grumpy", "sleepy")  # type: ignore[union-attr]


def test_what_the_spec_has_is_left_out_and_output_is_stable(files: Path) -> None:
    first = _run("drift", str(files / "drift.json"), "--spec", str(files / "shop.json"))
    (files / "drift.yaml").write_text(first.stdout, encoding="utf-8")
    generate = _run("generate", str(files / "shop.json"), "--overlay", str(files / "drift.yaml"),
                    "--output", str(files / "out"), "-q")
    assert generate.returncode == 0, generate.stderr
    assert _run("drift", str(files / "drift.json"), "--spec", str(files / "shop.json")).stdout == first.stdout
    # Applied to the spec, the same report has nothing left to add.
    from generator.load import load_spec

    merged = load_spec(files / "shop.json", overlays=[files / "drift.yaml"]).document
    (files / "merged.json").write_text(json.dumps(merged), encoding="utf-8")
    again = yaml.safe_load(_run("drift", str(files / "drift.json"), "--spec", str(files / "merged.json")).stdout)
    assert again["actions"] == []


def test_without_a_spec_the_targets_are_the_pointers(files: Path) -> None:
    result = _run("drift", str(files / "drift.json"))
    assert result.returncode == 0, result.stderr
    overlay = yaml.safe_load(result.stdout)
    pet = overlay["actions"][-1]
    assert pet["update"]["discriminator"] == {"propertyName": "kind", "mapping": {"dog": "#/components/schemas/PetDog"}}


@pytest.mark.parametrize(
    "report, fragments",
    [
        ("not json", ["drift.json", "not JSON"]),
        ({"fields": {}}, ["drift.json#", "not a drift report"]),
        ({"clientgen_drift": 1, "fields": {"components/x": {"count": 1, "example": 1}}},
         ["drift.json#/fields/components~1x", "not a JSON pointer"]),
        ({"clientgen_drift": 1, "fields": {"#/components/schemas/Cat/properties/x": {"count": 1}}},
         ["drift.json#/fields/#~1components~1schemas~1Cat~1properties~1x", "no \"example\""]),
        ({"clientgen_drift": 1, "enums": {"#/components/schemas/Nope/properties/y": {"values": {"a": {}}}}},
         ["#/components/schemas/Nope/properties/y", "no enum there"]),
        ({"clientgen_drift": 1, "variants": {"#/components/schemas/Nope": {"property": "k", "tags": {}}}},
         ["#/components/schemas/Nope", "no such schema"]),
    ],
)
def test_a_bad_report_is_one_line_and_exit_2(files: Path, report: Any, fragments: list[str]) -> None:
    text = report if isinstance(report, str) else json.dumps(report)
    (files / "drift.json").write_text(text, encoding="utf-8")
    result = _run("drift", str(files / "drift.json"), "--spec", str(files / "shop.json"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_a_missing_report(tmp_path: Path) -> None:
    result = _run("drift", str(tmp_path / "nope.json"))
    assert result.returncode == 2 and "nope.json: cannot read the report" in result.stderr
