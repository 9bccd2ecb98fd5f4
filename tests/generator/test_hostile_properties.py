"""Property tests: arbitrary spec text never becomes code.

Hypothesis builds small, valid-shape OpenAPI 3.0/3.1 specs in which every
piece of free text (operation ids, tags, schema / property / parameter names,
enum values, descriptions, summaries, examples, defaults, server URLs, the
title and version) is hostile: quotes, triple quotes, backslashes, newlines,
template syntax, `__import__('os').system(...)`, control characters, Unicode
look-alikes, keywords, empty strings, leading digits (the strategies are in
hostile_specs). For every example:

1. `generate()` succeeds or raises one of the generator's own clean errors;
2. every generated `.py` file parses;
3. every identifier the generated code defines is a valid, non-keyword
   identifier (and no class body defines the same field or method twice);
4. importing the package, its models, client and every resource module in a
   fresh interpreter, from an empty working directory, exits 0, prints nothing
   and creates no file (`touch PWNED` payloads stay inert);
5. enum values (`typing.get_args` of each enum alias) and model field defaults
   equal the spec's values exactly, type included.

The generated code is imported only in a subprocess, never in the test process.
"""

from __future__ import annotations

import ast
import itertools
import json
import keyword
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from generator.builder import BuildError
from generator.config import ConfigError
from generator.emit.writing.write import write_tree
from generator.load import LoadError
from generator.pipeline import Result, generate

from tests.generator.hostile_specs import PWN, specs

CLEAN_ERRORS = (LoadError, BuildError, ConfigError)

# Deterministic, small and fast: each example generates a package (~1 s,
# black) and imports it in a subprocess (~0.5 s).
HOSTILE_SETTINGS = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


# --- running one example ------------------------------------------------------

_counter = itertools.count()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


def _generate(spec: dict[str, Any], root: Path) -> tuple[str, Result | None]:
    """Property 1: a Result, or one of the generator's own errors (then None)."""
    package = f"hostile_pkg_{next(_counter)}"
    spec_path = root / f"{package}.json"
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    config_path = root / f"{package}.config.yaml"
    config_path.write_text("{}", encoding="utf-8")
    try:
        return package, generate(spec_path, package_name=package, config_path=config_path)
    except CLEAN_ERRORS:
        return package, None


def _defined_identifiers(tree: ast.AST) -> list[str]:
    names: list[str] = []

    def targets(node: ast.AST) -> None:
        if isinstance(node, ast.Name):
            names.append(node.id)
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
        elif isinstance(node, (ast.Tuple, ast.List)):
            for element in node.elts:
                targets(element)
        elif isinstance(node, ast.Starred):
            targets(node.value)

    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            if not isinstance(node, ast.Lambda):
                names.append(node.name)
            a = node.args
            for arg in [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg]:
                if arg is not None:
                    names.append(arg.arg)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                targets(target)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor, ast.NamedExpr)):
            targets(node.target)
        elif isinstance(node, ast.keyword) and node.arg is not None:
            names.append(node.arg)
        elif isinstance(node, ast.alias):
            names.extend(node.name.split("."))
            if node.asname:
                names.append(node.asname)
    return [n for n in names if n != "*"]


def _duplicate_class_members(tree: ast.AST) -> list[str]:
    """Fields or plain methods defined twice in one class body (the second silently wins)."""
    problems = []
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        seen: set[str] = set()
        for stmt in cls.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                name = stmt.target.id
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and not any(
                isinstance(d, ast.Attribute) or (isinstance(d, ast.Name) and d.id == "overload")
                for d in stmt.decorator_list
            ):
                name = stmt.name
            else:
                continue
            if name in seen:
                problems.append(f"{cls.name}.{name}")
            seen.add(name)
    return problems


_checked_sources: set[str] = set()  # runtime files are the same in every package: check once


def check_sources(result: Result) -> None:
    """Properties 2 and 3."""
    for relative, text in result.files.items():
        if not relative.endswith(".py"):
            continue
        if text in _checked_sources:
            continue
        try:
            tree = ast.parse(text, filename=relative)
        except SyntaxError as error:  # pragma: no cover - the failure message is the point
            pytest.fail(f"{relative} does not parse: {error}\n{text}")
        bad = [n for n in _defined_identifiers(tree) if not n.isidentifier() or keyword.iskeyword(n)]
        assert not bad, f"{relative} defines invalid identifiers {bad!r}"
        assert not _duplicate_class_members(tree), f"{relative}: {_duplicate_class_members(tree)}"
        # AST names are NFKC-normalised; generated classes and functions are plain ASCII,
        # so what a reader sees is what Python binds (no fullwidth `ｃｌａｓｓ`).
        for node in ast.walk(tree):
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.name.isascii(), f"{relative}: non-ASCII name {node.name!r}"
        _checked_sources.add(text)


_IMPORT_SCRIPT = r"""
import importlib, json, sys, typing
out, package, result_path, query = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
sys.path.insert(0, out)
importlib.import_module(package)
models = importlib.import_module(package + ".models")
client = importlib.import_module(package + "._client")
for name in query["resources"]:
    importlib.import_module(package + ".resources." + name)
exec("from %s.models import *" % package, {})
exec("from %s import *" % package, {})

def tag(value):
    return [type(value).__name__, value]

enums = {alias: [tag(v) for v in typing.get_args(getattr(models, alias))] for alias in query["enums"]}
defaults = {}
for cls, wires in query["models"].items():
    fields = {(name if info.alias is None else info.alias): info for name, info in getattr(models, cls).model_fields.items()}
    defaults[cls] = {wire: tag(fields[wire].default) for wire in wires}
with open(result_path, "w", encoding="utf-8") as handle:
    json.dump({"enums": enums, "defaults": defaults, "base_url": client.DEFAULT_BASE_URL}, handle)
"""


def _tag(value: Any) -> list[Any]:
    return [type(value).__name__, value]


def _schema_by_pointer(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        "/components/schemas/" + name.replace("~", "~0").replace("/", "~1"): schema
        for name, schema in spec["components"]["schemas"].items()
    }


def check_import(spec: dict[str, Any], package: str, result: Result, root: Path) -> dict[str, Any]:
    """Properties 4 and 5: import in a fresh interpreter, from an empty directory."""
    out = root / f"{package}_out"
    write_tree(result.files, out)
    cwd = root / f"{package}_cwd"
    cwd.mkdir()

    by_pointer = _schema_by_pointer(spec)
    enums: dict[str, list[Any]] = {}
    models: dict[str, list[str]] = {}
    expected_defaults: dict[str, dict[str, Any]] = {}
    for schema_def in result.api.schemas:
        source = by_pointer.get(schema_def.pointer)
        if source is None:
            continue
        if type(schema_def).__name__ == "EnumDef":
            enums[schema_def.name] = [_tag(v) for v in source["enum"]]
        elif type(schema_def).__name__ == "ModelDef":
            wanted = {w: p["default"] for w, p in source.get("properties", {}).items() if "default" in p}
            models[schema_def.name] = sorted(wanted)
            expected_defaults[schema_def.name] = {w: _tag(v) for w, v in wanted.items()}
    resources = sorted(
        Path(p).stem for p in result.files if p.startswith(f"{package}/resources/") and not p.endswith("__init__.py")
    )
    query = {"resources": resources, "enums": sorted(enums), "models": models}

    before = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    result_path = root / f"{package}.result.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-c", _IMPORT_SCRIPT, str(out), package, str(result_path), json.dumps(query)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, f"import failed ({proc.returncode}):\n{proc.stderr}"
    assert proc.stdout == "", f"import printed {proc.stdout!r}"
    assert proc.stderr == "", f"import wrote to stderr {proc.stderr!r}"
    assert list(cwd.iterdir()) == [], f"import created files: {list(cwd.iterdir())}"
    after = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p != result_path)
    assert after == before, f"import created files: {sorted(set(after) - set(before))}"
    assert not any(p.name == "PWNED" for p in root.rglob("*")) and not Path("PWNED").exists()

    observed = json.loads(result_path.read_text(encoding="utf-8"))
    assert observed["enums"] == enums
    assert observed["defaults"] == expected_defaults
    assert observed["base_url"] == result.api.base_url
    return observed


# --- the properties -------------------------------------------------------------


PAYLOAD_SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": PWN, "version": '1"""\n' + PWN, "description": "'''\n" + PWN},
    "servers": [{"url": 'http://x/"""\n' + PWN + "\n#{{ 7*7 }}"}],
    "paths": {
        "/items/" + PWN.replace("/", ""): {
            "post": {
                "operationId": '"""\nimport os; os.system("touch PWNED")\n"""',
                "summary": "\\\"\"\"; raise SystemExit(3) #",
                "description": "x\x00y\u2028z\r\nw",
                "tags": ["{{ 7*7 }} {% raw %}", "ｃｌａｓｓ"],
                "parameters": [
                    {"name": PWN, "in": "query", "description": "\\", "schema": {"type": "string", "default": PWN}},
                    {"name": 'X-"""', "in": "header", "schema": {"type": "string", "enum": [PWN, "'''", "\\"]}},
                    {"name": "class", "in": "cookie", "schema": {"type": "integer", "default": 7}},
                ],
                "responses": {"200": {"description": PWN, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/" + PWN.replace("/", "~1")}}}}},
            }
        }
    },
    "components": {
        "schemas": {
            PWN: {
                "type": "object",
                "description": '"""' + PWN,
                "properties": {
                    PWN: {"type": "string", "default": PWN, "example": "'''" + PWN},
                    "ｃｌａｓｓ": {"type": "string", "enum": ["\u2028", "\x00", '"""'], "default": '"""'},
                    "9 lives": {"type": "number", "default": 1e300},
                    "": {"type": "boolean", "default": False},
                },
            },
            "{{ 7*7 }}": {"type": "string", "enum": [PWN, '"""', "'''", "\\", "", "{% raw %}"]},
            "import": {"type": "integer", "enum": [-1, 0, 10**30]},
        },
        "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": 'X-"""' + PWN}},
    },
    "security": [{"key": []}],
}


def test_hostile_spec_generates_inert_importable_code(workdir: Path) -> None:
    """All five properties, the generated code imported in a subprocess.

    The strategies make valid-shape specs, so most examples must reach code
    generation rather than stop at a (clean) load or build error.
    """
    accepted: list[bool] = []

    @settings(HOSTILE_SETTINGS, max_examples=15)
    @given(spec=specs())
    def prop(spec: dict[str, Any]) -> None:
        package, result = _generate(spec, workdir)
        accepted.append(result is not None)
        if result is not None:
            check_sources(result)
            check_import(spec, package, result, workdir)

    prop()
    assert sum(accepted) * 3 >= len(accepted) * 2, f"only {sum(accepted)}/{len(accepted)} specs were generated"


def test_hostile_spec_sources_parse_with_valid_identifiers(workdir: Path) -> None:
    """Properties 1-3 alone (no subprocess), so more shapes are tried for the same time."""
    accepted: list[bool] = []

    @settings(HOSTILE_SETTINGS, max_examples=12)
    @given(spec=specs())
    def prop(spec: dict[str, Any]) -> None:
        _, result = _generate(spec, workdir)
        accepted.append(result is not None)
        if result is not None:
            check_sources(result)

    prop()
    # Measured: 12 of the 12 (derandomized) examples are generated; a floor just below, so the
    # test fails when the specs stop reaching code generation and nothing would be checked.
    assert sum(accepted) >= 10, f"only {sum(accepted)}/{len(accepted)} specs were generated"


def test_payload_spec_is_generated_and_inert(workdir: Path) -> None:
    """The hand-written payload spec is generated, not rejected, and passes every property."""
    package, result = _generate(PAYLOAD_SPEC, workdir)
    assert result is not None
    check_sources(result)
    observed = check_import(PAYLOAD_SPEC, package, result, workdir)
    assert len(observed["enums"]) == 2 and len(observed["defaults"]) == 1
    assert observed["base_url"] == PAYLOAD_SPEC["servers"][0]["url"]
