"""Build warnings that repeat the same message are one line: the count and the first place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.pipeline import generate
from tests.generator.conftest import minimal_spec


def test_the_same_warning_in_many_places_is_one_line_with_a_count(tmp_path: Path) -> None:
    get = {"responses": {"200": {"description": "ok"}}}
    spec = tmp_path / "api.json"
    spec.write_text(json.dumps({
        "openapi": "3.0.3", "info": {"title": "T", "version": "1"},
        "paths": {f"/{kind}/{{id}}": {"get": {**get, "operationId": f"get_{kind}"}} for kind in ("a", "b", "c")},
    }))
    warnings = generate(spec, package_name="repeat", format_code=False).warnings
    assert warnings == (
        f"{spec}#/paths/~1a~1{{id}}/get: warning: path parameter 'id' is in the path but not declared; "
        "added as a string (3 places, the first here)",
    )


def test_a_list_default_whose_items_do_not_fit_the_item_type_is_dropped(generate_models: Any) -> None:
    tool = {"type": "object", "properties": {"type": {"type": "string"}}}
    models = generate_models(minimal_spec({
        "Tool": tool,
        "Assistant": {"type": "object", "properties": {
            "tools": {"type": "array", "items": {"$ref": "#/components/schemas/Tool"},
                      "default": [{"type": "retrieval"}]},
            "tags": {"type": "array", "items": {"type": "string"}, "default": ["a", "b"]},
            "limits": {"type": "object", "additionalProperties": {"type": "integer"}, "default": {"a": "x"}},
        }},
    }))
    warnings = "\n".join(generate_models.last_result.warnings)  # type: ignore[attr-defined]
    assert "/components/schemas/Assistant/properties/tools: warning: default [{'type': 'retrieval'}]" in warnings
    assert "/components/schemas/Assistant/properties/limits: warning: default {'a': 'x'}" in warnings
    assert "properties/tags" not in warnings
    assistant = models.Assistant.model_validate({})
    assert assistant.tools is None and assistant.tags == ["a", "b"] and assistant.limits is None
