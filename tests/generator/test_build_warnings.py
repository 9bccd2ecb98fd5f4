"""Build warnings that repeat the same message are one line: the count and the first place."""

from __future__ import annotations

import json
from pathlib import Path

from generator.pipeline import generate


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
