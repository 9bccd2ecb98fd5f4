"""`clientgen dify-inputs`: a saved `GET /parameters` answer -> the Overlay that types `inputs`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "specs" / "dify-parameters.example.json"
OVERLAY = ROOT / "examples" / "dify-typed-inputs" / "trip-planner.overlay.yaml"
FILE_ITEM = "#/components/schemas/ChatRequest/properties/files/items"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "dify-inputs", *args], cwd=ROOT,
                          capture_output=True, text=True)


def test_the_saved_example_has_every_kind_of_form_item() -> None:
    form = json.loads(EXAMPLE.read_text(encoding="utf-8"))["user_input_form"]
    assert {kind for item in form for kind in item} >= {"text-input", "paragraph", "select", "number", "file",
                                                          "file-list"}


def test_overlay_of_the_saved_example() -> None:
    result = _run(str(EXAMPLE), "--title", "Trip planner")
    assert result.returncode == 0, result.stderr
    assert result.stdout == OVERLAY.read_text(encoding="utf-8"), "rerun: clientgen dify-inputs ... -o " + str(OVERLAY)
    overlay = yaml.safe_load(result.stdout)
    assert overlay["overlay"] == "1.0.0" and overlay["info"] == {"title": "Typed inputs: Trip planner",
                                                                 "version": "1.0.0"}
    add, drop, point = overlay["actions"]
    schema = add["update"]["components"]["schemas"]["AppInputs"]
    assert add["target"] == "$"
    assert schema["required"] == ["city", "style"]
    assert schema["properties"] == {
        "city": {"type": "string", "maxLength": 48, "description": "City"},
        "notes": {"type": "string", "description": "Anything we should know"},
        "style": {"type": "string", "enum": ["relaxed", "packed", "budget"], "description": "Travel style",
                  "default": "relaxed"},
        "days": {"type": "number", "description": "Days", "default": 3},
        "booking": {"$ref": FILE_ITEM},
        "photos": {"type": "array", "items": {"$ref": FILE_ITEM}, "maxItems": 5,
                   "description": "Photos of the places you like"},
    }
    assert drop == {"description": "drop the untyped inputs of /components/schemas/ChatRequest/properties",
                    "target": "$.components.schemas.ChatRequest.properties.inputs", "remove": True}
    assert point["target"] == "$.components.schemas.ChatRequest.properties"
    assert point["update"] == {"inputs": {"$ref": "#/components/schemas/AppInputs"}}


def test_output_file_and_name(tmp_path: Path) -> None:
    out = tmp_path / "inputs.overlay.yaml"
    result = _run(str(EXAMPLE), "--output", str(out), "--name", "TripInputs")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and "6 input(s) as TripInputs" in result.stderr
    overlay = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert "TripInputs" in overlay["actions"][0]["update"]["components"]["schemas"]
    assert out.read_bytes() == out.read_bytes() and _run(str(EXAMPLE), "--name", "TripInputs").stdout == \
        out.read_text(encoding="utf-8")


def test_an_inline_request_body_is_found(tmp_path: Path) -> None:
    spec = tmp_path / "api.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "W", "version": "1"}, "paths": {
        "/workflows/run": {"post": {"operationId": "run", "requestBody": {"content": {"application/json": {
            "schema": {"type": "object", "properties": {"inputs": {"type": "object"}}}}}},
            "responses": {"200": {"description": "ok"}}}}}}))
    params = tmp_path / "p.json"
    params.write_text(json.dumps({"user_input_form": [{"paragraph": {"variable": "text", "label": "Text"}}]}))
    result = _run(str(params), "--spec", str(spec))
    assert result.returncode == 0, result.stderr
    targets = [a["target"] for a in yaml.safe_load(result.stdout)["actions"]]
    assert targets[1] == "$.paths['/workflows/run'].post.requestBody.content['application/json'].schema.properties.inputs"


def _one_line(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def _form(*items: Any) -> dict[str, Any]:
    return {"user_input_form": list(items)}


@pytest.mark.parametrize(("content", "fragments"), [
    ("{not json", ("p.json: not valid JSON",)),
    (json.dumps([1]), ("p.json: expected the JSON object", "not a list")),
    (json.dumps({"opening_statement": "hi"}), ("p.json: no 'user_input_form'",)),
    (json.dumps({"user_input_form": {}}), ("p.json#/user_input_form: 'user_input_form' must be a list",)),
    (json.dumps(_form({"text-input": {"variable": "a"}, "select": {}})), ("p.json#/user_input_form/0:", "one key")),
    (json.dumps(_form({"slider": {"variable": "a"}})),
     ("p.json#/user_input_form/0/slider: unknown form item kind 'slider'", "text-input, paragraph")),
    (json.dumps(_form({"paragraph": {"label": "A"}})), ("p.json#/user_input_form/0/paragraph/variable:",)),
    (json.dumps(_form({"paragraph": {"variable": "a"}}, {"number": {"variable": "a"}})),
     ("p.json#/user_input_form/1/number/variable: variable 'a' is declared twice (first at /user_input_form/0/paragraph)",)),
    (json.dumps(_form({"select": {"variable": "a", "options": []}})), ("p.json#/user_input_form/0/select/options:",)),
    (json.dumps(_form({"paragraph": {"variable": "a", "required": "yes"}})),
     ("p.json#/user_input_form/0/paragraph/required: 'required' must be a bool",)),
    (json.dumps(_form({"text-input": {"variable": "a", "max_length": "48"}})),
     ("p.json#/user_input_form/0/text-input/max_length:",)),
])
def test_a_bad_parameters_file_is_one_line_with_its_pointer(tmp_path: Path, content: str,
                                                              fragments: tuple[str, ...]) -> None:
    params = tmp_path / "p.json"
    params.write_text(content)
    _one_line(_run(str(params)), *fragments)


def test_missing_files_and_a_spec_without_inputs(tmp_path: Path) -> None:
    _one_line(_run(str(tmp_path / "nope.json")), "nope.json: file not found")
    _one_line(_run(str(EXAMPLE), "--spec", str(tmp_path / "nope.json")), "nope.json: file not found")
    spec = tmp_path / "api.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "W", "version": "1"}, "paths": {}}))
    _one_line(_run(str(EXAMPLE), "--spec", str(spec)), "api.json#/paths: no request body has an object property 'inputs'")
    _one_line(_run(str(EXAMPLE), "--name", "ChatRequest"),
              "dify-chatflow.json#/components/schemas/ChatRequest: the spec already has a schema 'ChatRequest'")
    _one_line(_run(str(EXAMPLE), "--name", "app inputs"), "--name 'app inputs' is not a schema name")
    _one_line(_run(str(EXAMPLE), "--output", str(tmp_path)), "cannot write the overlay")
