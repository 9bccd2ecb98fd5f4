"""Config `argument_dicts: typed` (the default): a model argument is `Union[Model, ModelParam]`, the
Param a TypedDict for every model an argument reaches (nested, listed, recursive, keys that are no
identifiers), mypy --strict on the package, a wrong key an error in user code, dicts sent as given;
`argument_dicts: any` turns it off. The flagship client in generated/ has them too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
GENERATED = ROOT / "generated"
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


def _mypy_errors(folder: Path, *files: str) -> list[str]:
    """The error lines of `mypy --strict` on `files` in `folder`, the packages under MYPYPATH."""
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir",
                             str(folder / ".mypy_cache"), *files], cwd=folder, capture_output=True, text=True,
                            env={**os.environ, "MYPYPATH": str(GENERATED)})
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stdout.splitlines() if ": error:" in line]


FLAGSHIP_GOOD = """\
from dify_chatflow import DifyChatflow
from dify_chatflow.models import ChatRequestFilesItem, ChatRequestFilesItemParam

client = DifyChatflow(api_key="k")
photo: ChatRequestFilesItemParam = {"type": "image", "transfer_method": "remote_url", "url": "https://x/y.png"}
client.chat.send_message(query="q", user="u", inputs={}, files=[photo])
client.chat.send_message(query="q", user="u", inputs={},
                         files=[{"type": "document", "transfer_method": "local_file", "upload_file_id": "f"}])
client.chat.send_message(query="q", user="u", inputs={},
                         files=[ChatRequestFilesItem(type="image", transfer_method="remote_url", url="https://x")])
"""

FLAGSHIP_WRONG = """\
from dify_chatflow import DifyChatflow

client = DifyChatflow(api_key="k")
client.chat.send_message(query="q", user="u", inputs={},
                         files=[{"type": "image", "transfer_method": "remote_url", "ur1": "https://x"}])
client.chat.send_message(query="q", user="u", inputs={}, files=[{"type": "picture", "transfer_method": "remote_url"}])
"""


def test_flagship_files_take_the_model_or_a_dict_whose_keys_mypy_checks(tmp_path: Path) -> None:
    (tmp_path / "good.py").write_text(FLAGSHIP_GOOD, encoding="utf-8")
    (tmp_path / "wrong.py").write_text(FLAGSHIP_WRONG, encoding="utf-8")
    errors = _mypy_errors(tmp_path, "good.py", "wrong.py")
    # a misspelt key (line 5) and a value outside the enum (line 6), nothing in good.py
    assert [line.split(": error:")[0] for line in errors] == ["wrong.py:5", "wrong.py:6"], errors
    assert all("ChatRequestFilesItemParam" in line for line in errors), errors


@pytest.mark.parametrize(("config", "root", "params"), [
    ("", "root: Union[Node, NodeParam],", True),  # the default
    ("argument_dicts: any\n", "root: Union[Node, Dict[str, Any]],", False),
    ("model_style: dataclasses\n", "root: Union[Node, Dict[str, Any]],", False),  # no Params for it yet
])
def test_params_are_the_default_and_any_turns_them_off(tmp_path: Path, config: str, root: str, params: bool) -> None:
    result = _generate(tmp_path, config)
    assert result.returncode == 0, result.stderr
    resource = (tmp_path / "out" / "trees" / "resources" / "trees.py").read_text(encoding="utf-8")
    models = (tmp_path / "out" / "trees" / "models.py").read_text(encoding="utf-8")
    assert root in resource
    assert ("NodeParam" in models) is params


@pytest.mark.parametrize(("config", "fragment"), [
    ("argument_dicts: strict\n", "trees.clientgen.yaml#/argument_dicts: unknown argument_dicts 'strict' (allowed values: any, typed)"),
    ("argument_dicts: typed\nmodel_style: dataclasses\n", "#/argument_dicts: argument_dicts: typed is not made for"),
])
def test_bad_config_is_one_line(tmp_path: Path, config: str, fragment: str) -> None:
    result = _generate(tmp_path, config)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and fragment in result.stderr, result.stderr
