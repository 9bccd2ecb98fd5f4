"""Config `argument_dicts: typed`: a model argument is `Union[Model, ModelParam]`, the Param a
TypedDict for every model an argument reaches (nested, listed, recursive, keys that are no
identifiers), mypy --strict on the package, a wrong key an error in user code, dicts sent as given."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
NODE = {"type": "object", "required": ["name"], "properties": {
    "name": {"type": "string"}, "x-weight": {"type": "number", "nullable": True},
    "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}
SPEC = {"openapi": "3.0.3", "info": {"title": "Trees", "version": "1"}, "servers": [{"url": "http://localhost"}],
        "paths": {"/trees": {"post": {"operationId": "plantTree", "tags": ["Trees"], "requestBody": {"required": True,
            "content": {"application/json": {"schema": {"type": "object", "required": ["root"], "properties": {
                "root": {"$ref": "#/components/schemas/Node"},
                "labels": {"type": "array", "items": {"$ref": "#/components/schemas/Label"}}}}}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                "$ref": "#/components/schemas/Label"}}}}}}}},
        "components": {"schemas": {"Node": NODE, "Label": {"type": "object", "properties": {"text": {"type": "string"}}},
                                   "Unused": {"type": "object", "properties": {"a": {"type": "string"}}}}}}


def _generate(tmp_path: Path, config: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "trees.json").write_text(json.dumps(SPEC), encoding="utf-8")
    (tmp_path / "trees.clientgen.yaml").write_text(config, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "generator", "generate", str(tmp_path / "trees.json"), "--output",
                           str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("params")
    result = _generate(tmp_path, "argument_dicts: typed\n")
    assert result.returncode == 0, result.stderr
    return tmp_path / "out"


def test_params_for_the_models_arguments_reach(package: Path) -> None:
    models = (package / "trees" / "models.py").read_text(encoding="utf-8")
    resource = (package / "trees" / "resources" / "trees.py").read_text(encoding="utf-8")
    assert "root: Union[Node, NodeParam]," in resource
    assert "labels: Union[Sequence[Union[Label, LabelParam]], NotGiven] = NOT_GIVEN," in resource
    assert "class LabelParam(TypedDict):" in models and "UnusedParam" not in models
    assert 'NodeParam = TypedDict(\n    "NodeParam",\n    {\n        "name": "str",\n' in models
    assert '"children": NotRequired["Sequence[Union[Node, NodeParam]]"],' in models
    assert '"x-weight": NotRequired["Optional[float]"],' in models


def test_package_and_user_code_pass_mypy_strict(package: Path) -> None:
    (package / "user.py").write_text(
        "from trees import Trees\nfrom trees.models import Node\n\n"
        "client = Trees()\n"
        'client.trees.create(root={"name": "oak", "children": [{"name": "twig"}, Node(name="leaf")]})\n'
        'client.trees.create(root={"name": "oak", "x-weight": None}, labels=[{"text": "old"}])\n', encoding="utf-8")
    (package / "wrong.py").write_text(
        "from trees import Trees\n\nclient = Trees()\n"
        'client.trees.create(root={"nam": "oak"})\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "trees", "user.py",
                             "wrong.py"], cwd=package, capture_output=True, text=True,
                            env={**os.environ, "MYPYPATH": str(package)})
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert errors and all(line.startswith("wrong.py:4:") for line in errors), result.stdout


@pytest.mark.parametrize(("config", "fragment"), [
    ("argument_dicts: strict\n", "trees.clientgen.yaml#/argument_dicts: unknown argument_dicts 'strict' (allowed values: any, typed)"),
    ("argument_dicts: typed\nmodel_style: dataclasses\n", "#/argument_dicts: argument_dicts: typed is not made for"),
])
def test_bad_config_is_one_line(tmp_path: Path, config: str, fragment: str) -> None:
    result = _generate(tmp_path, config)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and fragment in result.stderr, result.stderr
