"""Bad input: one clear line (file, JSON pointer, fix), exit 2, no traceback, nothing lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture
def existing_output(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    (out / "pkg").mkdir(parents=True)
    (out / "pkg" / "keep.py").write_text("precious = True\n")
    return out


def _assert_untouched(out: Path) -> None:
    assert sorted(p.name for p in out.rglob("*")) == ["keep.py", "pkg"]
    assert (out / "pkg" / "keep.py").read_text() == "precious = True\n"
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".out.")], "staging dir left behind"


def _assert_one_clear_line(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_missing_spec(tmp_path: Path, existing_output: Path) -> None:
    result = _run("generate", str(tmp_path / "nope.yaml"), "--output", str(existing_output))
    _assert_one_clear_line(result, "nope.yaml")
    _assert_untouched(existing_output)


def test_spec_that_is_neither_yaml_nor_json(tmp_path: Path, existing_output: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text("openapi: 3.0.0\ninfo: [unclosed\n  paths: {\n")
    result = _run("generate", str(spec), "--output", str(existing_output))
    _assert_one_clear_line(result, "broken.yaml", "line")
    _assert_untouched(existing_output)


def test_dangling_ref_names_file_and_pointer(tmp_path: Path, existing_output: Path) -> None:
    spec = tmp_path / "dangling.json"
    spec.write_text(json.dumps({
        "openapi": "3.0.3", "info": {"title": "t", "version": "1"},
        "paths": {"/pets": {"get": {"responses": {"200": {"description": "ok", "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}}}}}}},
    }))
    result = _run("generate", str(spec), "--output", str(existing_output))
    _assert_one_clear_line(
        result, "dangling.json", "#/paths/~1pets/get/responses/200/content/application~1json/schema", "Missing"
    )
    _assert_untouched(existing_output)


def test_config_naming_an_unknown_operation(tmp_path: Path, existing_output: Path) -> None:
    spec = tmp_path / "api.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}))
    (tmp_path / "api.clientgen.yaml").write_text("operations:\n  noSuchOp: {name: x}\n")
    result = _run("generate", str(spec), "--output", str(existing_output))
    _assert_one_clear_line(result, "api.clientgen.yaml", "/operations/noSuchOp")
    _assert_untouched(existing_output)


def test_generate_replaces_output_and_keeps_foreign_files(tmp_path: Path) -> None:
    spec = tmp_path / "api.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "Tiny", "version": "1"}, "paths": {}}))
    out = tmp_path / "client"
    assert _run("generate", str(spec), "--output", str(out), "--package-name", "tiny").returncode == 0
    (out / "tiny" / "stale_module.py").write_text("old = 1\n")
    (out / "CHANGELOG.md").write_text("mine\n")
    assert _run("generate", str(spec), "--output", str(out), "--package-name", "tiny").returncode == 0
    assert not (out / "tiny" / "stale_module.py").exists()
    assert (out / "CHANGELOG.md").read_text() == "mine\n"
    assert (out / "tiny" / "py.typed").exists()


def test_user_templates_override_the_built_in_ones(tmp_path: Path) -> None:
    spec = tmp_path / "api.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "Tiny", "version": "1"}, "paths": {}}))
    templates = tmp_path / "my-templates" / "package"
    templates.mkdir(parents=True)
    (templates / "README.md.j2").write_text("# {{ distribution_name }} by our team\n")
    out = tmp_path / "client"
    result = _run("generate", str(spec), "--output", str(out), "--package-name", "tiny",
                  "--templates", str(tmp_path / "my-templates"))
    assert result.returncode == 0, result.stderr
    assert (out / "README.md").read_text() == "# tiny by our team\n"
    assert "class Tiny(" in (out / "tiny" / "_client.py").read_text()  # the rest stays built-in


def test_internal_error_is_one_line_and_keeps_the_output(tmp_path: Path, existing_output: Path) -> None:
    spec = tmp_path / "api.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "Tiny", "version": "1"}, "paths": {}}))
    broken = tmp_path / "templates" / "package"
    broken.mkdir(parents=True)
    (broken / "README.md.j2").write_text("{{ no_such_value }}\n")  # a template bug, not a spec problem
    result = _run("generate", str(spec), "--output", str(existing_output), "--templates", str(tmp_path / "templates"))
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "internal error" in result.stderr
    _assert_untouched(existing_output)
