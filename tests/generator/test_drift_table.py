"""The drift table is data (`_schemas.json` beside `_schemas.py`), found from any models module.

`client.drift` looks a model's row up by its class; in a split models package (more than
`SPLIT_ABOVE` schemas) the class lives in `models/_<group>.py`, two levels below the table.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from generator.emit.views.models_split import SPLIT_ABOVE
from tests.importing import generated_package, write_package


def _spec(schemas: int, *, chain: bool = False) -> dict[str, object]:
    """`schemas` models; each refers to the next one (`chain`) or to the first."""
    components = {
        f"Thing{i}": {"type": "object", "properties": {
            "kind": {"type": "string", "enum": ["a", "b"]},
            "next": {"$ref": f"#/components/schemas/Thing{(i + 1) % schemas if chain else 0}"},
        }}
        for i in range(schemas)
    }
    return {
        "openapi": "3.1.0", "info": {"title": "Things", "version": "1"},
        "paths": {"/things/{id}": {"get": {
            "operationId": "getThing",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Thing0"}}}}},
        }}},
        "components": {"schemas": components},
    }


def test_rows_are_found_from_a_split_models_package(tmp_path: Path) -> None:
    spec = tmp_path / "things.json"
    spec.write_text(json.dumps(_spec(SPLIT_ABOVE + 5)), encoding="utf-8")
    with generated_package(spec, tmp_path / "out", "things_drift") as package:
        folder = Path(package.__file__).parent
        assert (folder / "models").is_dir() and (folder / "_schemas.json").is_file()
        models = importlib.import_module("things_drift.models")
        drift = importlib.import_module("things_drift._drift")
        thing = models.Thing7
        assert thing.__module__.startswith("things_drift.models._")  # defined in a group module
        row = drift._row(thing)
        assert row == {"pointer": "/components/schemas/Thing7",
                       "enums": {"kind": ["/components/schemas/Thing7/properties/kind", ["a", "b"]]}}
        schemas = importlib.import_module("things_drift._schemas")
        assert schemas.DRIFT_SCHEMAS == json.loads((folder / "_schemas.json").read_text(encoding="utf-8"))


def test_a_long_chain_of_references_builds(tmp_path: Path) -> None:
    """Schemas are defined on first use, so a chain A -> B -> C ... is one deep call chain in
    the builder (600 here; the default recursion limit gave out near 150)."""
    spec = tmp_path / "chain.json"
    spec.write_text(json.dumps(_spec(600, chain=True)), encoding="utf-8")
    write_package(spec, tmp_path / "out", "things_chain")
    modules = sorted((tmp_path / "out" / "things_chain").rglob("*.py"))
    text = "\n".join(path.read_text(encoding="utf-8") for path in modules)
    assert all(f"class Thing{i}(" in text for i in range(600))
    for path in modules:
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
