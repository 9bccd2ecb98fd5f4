"""Spec shapes from real vendor specs that once gave packages mypy rejects (Plaid, Jira)."""

from __future__ import annotations

import datetime
import importlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx

from tests.generator.conftest import minimal_spec


def _mypy(package_dir: Path) -> subprocess.CompletedProcess[str]:
    packages = [p.name for p in package_dir.iterdir() if (p / "__init__.py").exists()]
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary", *packages],
                          cwd=package_dir, capture_output=True, text=True, timeout=600)


def _spec() -> dict[str, Any]:
    schemas = {
        # Plaid: a field named `date`, then a field typed `date` in the same class.
        "Transaction": {
            "type": "object",
            "required": ["date"],
            "properties": {
                "date": {"type": "string", "format": "date"},
                "authorized_date": {"type": "string", "format": "date", "nullable": True},
                "int": {"type": "integer"},
                "count": {"type": "integer"},
            },
        },
        # Plaid: `enum: [4.1, 4]`; Literal cannot hold a float.
        "PrismVersion": {"type": "number", "enum": [4.1, 4]},
        "Report": {"type": "object", "properties": {"version": {"type": "number", "enum": [3.5, 3]}}},
    }
    paths = {
        # Jira: a multipart body that is an array, with no field names to send it under.
        "/filter/{id}/columns": {"put": {
            "operationId": "setColumns",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "array", "items": {"type": "string"}}}}},
            "responses": {"200": {"description": "ok"}},
        }},
        "/transactions": {"post": {
            "operationId": "addTransaction",
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Transaction"}}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Transaction"}}}}},
        }},
    }
    return minimal_spec(schemas, paths=paths)


def test_fields_named_like_types_do_not_shadow_them(generate_models: Any) -> None:
    models = generate_models(_spec())
    parsed = models.Transaction.model_validate({"date": "2024-01-02", "authorized_date": "2024-01-01", "int": 3})
    assert parsed.date_ == datetime.date(2024, 1, 2) and parsed.authorized_date == datetime.date(2024, 1, 1)
    assert parsed.int_ == 3
    assert parsed.model_dump(by_alias=True, exclude_none=True)["date"] == datetime.date(2024, 1, 2)
    out = generate_models.last_dir
    assert _mypy(out).returncode == 0, _mypy(out).stdout
    # Method keywords resolve annotations at module level, so the body's `date` keeps its name there.
    resource = next((out / models.__name__.split(".")[0] / "resources").glob("t*.py")).read_text()
    assert "date: date," in resource


def test_float_enums_are_floats_with_a_warning(generate_models: Any) -> None:
    models = generate_models(_spec())
    assert models.Report.model_validate({"version": 3.5}).version == 3.5
    warnings = sorted(w for w in generate_models.last_result.warnings if "is a float" in w)
    assert [w.split("#", 1)[1].split(":")[0] for w in warnings] == [
        "/components/schemas/PrismVersion", "/components/schemas/Report/properties/version"]


def test_a_form_body_that_is_not_an_object_is_sent_as_given_bytes(generate_models: Any) -> None:
    models = generate_models(_spec())
    warnings = [w for w in generate_models.last_result.warnings if "not an object" in w]
    assert len(warnings) == 1 and "multipart~1form-data/schema" in warnings[0]
    package = models.__name__.split(".")[0]
    client_module = importlib.import_module(f"{package}._client")

    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    with client_module.Test(base_url="http://127.0.0.1:9", api_key="k",
                               http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        client.filter.columns.update("7", body=b"--raw--")
    assert seen[0].url.path == "/filter/7/columns" and seen[0].content == b"--raw--"
