"""Spec text is data: names, descriptions, defaults and enums never become code."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from tests.generator.conftest import GenerateFn, minimal_spec

PAYLOADS = [
    '"""\nimport os; os.system("touch PWNED")\n"""',
    "'''\n__import__('os').system('touch PWNED')\n'''",
    "\\\"\"\"; raise SystemExit(3) #",
    "\\",
    "x\x00y\u2028z\r\nw",
    "{{ 7*7 }} {% raw %}",
    "\\N{BULLET} \\u0041 \\x41",
]


@pytest.fixture
def hostile_spec() -> dict[str, object]:
    props = {
        payload: {"type": "string", "description": payload, "default": payload, "example": payload}
        for payload in PAYLOADS
    }
    return minimal_spec(
        {
            "Evil": {"type": "object", "description": PAYLOADS[0], "properties": props},
            "EvilEnum": {"type": "string", "enum": PAYLOADS, "description": PAYLOADS[1]},
        },
        paths={
            "/items/{id}": {
                "get": {
                    "operationId": PAYLOADS[0],
                    "summary": PAYLOADS[2],
                    "description": PAYLOADS[1],
                    "tags": [PAYLOADS[1]],
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": PAYLOADS[3], "in": "query", "description": PAYLOADS[0], "schema": {"type": "string"}},
                        {"name": "X-Evil\"", "in": "header", "schema": {"type": "string", "enum": PAYLOADS}},
                    ],
                    "responses": {"200": {"description": PAYLOADS[0], "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Evil"}}}}},
                }
            }
        },
    )


def test_hostile_text_stays_text(
    generate_models: GenerateFn, hostile_spec: dict[str, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    models = generate_models(hostile_spec)
    assert not (tmp_path / "PWNED").exists()

    # Enum values and defaults survive exactly, as data.
    assert typing.get_args(models.EvilEnum) == tuple(PAYLOADS)
    evil = models.Evil()
    by_wire = {info.alias or name: info.default for name, info in models.Evil.model_fields.items()}
    assert by_wire == {p: p for p in PAYLOADS}
    assert evil.model_dump(by_alias=True) == {p: p for p in PAYLOADS}

    # The client module (operation names, paths, headers from the spec) imports cleanly too.
    package = generate_models.last_dir.name  # type: ignore[attr-defined]
    import importlib

    client_module = importlib.import_module(f"{package}._client")
    resources = [name for name in dir(client_module.Test) if not name.startswith("_")]
    assert resources, "the hostile tag still yields a resource"
    assert not (tmp_path / "PWNED").exists()


def test_generated_sources_only_hold_payloads_inside_literals(
    generate_models: GenerateFn, hostile_spec: dict[str, object]
) -> None:
    import ast

    generate_models(hostile_spec)
    files = generate_models.last_result.files  # type: ignore[attr-defined]
    for name, text in files.items():
        if not name.endswith(".py"):
            continue
        tree = ast.parse(text)
        calls = {
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
        }
        assert "system" not in calls and "__import__" not in calls, name
        for node in ast.walk(tree):
            assert not isinstance(node, ast.Raise) or "SystemExit" not in ast.unparse(node), name
