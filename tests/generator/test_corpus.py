"""Every tricky real-world spec (../shared/corpus/tricky) gives an importable client or one clear error.

The whole corpus, big vendor specs included, is run by `bench/corpus.py`
(minutes); this keeps the small, nasty ones in every test run.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from generator.builder import BuildError
from generator.emit.writing.write import write_tree
from generator.load import LoadError
from generator.pipeline import generate
from tests.importing import importable

TRICKY = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "tricky"
SPECS = sorted(p for p in TRICKY.rglob("*") if p.suffix in (".json", ".yaml", ".yml")) if TRICKY.is_dir() else []
# The documents broken on purpose (tricky/opc-errors-*), each with what it must give: an error
# (exit 2, one line, nothing written) or warnings (the client is still written), each as
# (JSON pointer, text the message must contain).
EXPECTED: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "opc-errors-circular-body-ref.yaml": ("error", [
        ("/paths/~1/post/requestBody/$ref",
         "circular $ref: '/components/requestBodies/body' only refers to itself through other refs "
         "(give one of the refs in the chain a real definition)"),
    ]),
    "opc-errors-missing-body-ref.yaml": ("error", [
        ("/paths/~1/post/requestBody/$ref",
         "'#/components/requestBodies/body' does not resolve: no key 'components' at the root "
         "(fix the ref or add the missing definition)"),
    ]),
    "opc-errors-bad-status-code.yaml": ("warning", [
        ("/paths/~1/get/responses/abcdef",
         "response status 'abcdef' is not an HTTP status code, a range like 2XX, or default; skipped"),
    ]),
    "opc-errors-invalid-uuid-defaults.yaml": ("warning", [
        ("/paths/~1/post/parameters/0", "default 'notauuid' of parameter 'id' does not fit its schema; ignored"),
        ("/paths/~1/put/parameters/0", "default 3 of parameter 'another_id' does not fit its schema; ignored"),
    ]),
    "opc-errors-optional-path-param.yaml": ("warning", [
        ("/paths/~1{optional}/get/parameters/0", "path parameter 'optional' is not marked required"),
    ]),
}
BROKEN_ON_PURPOSE = {name for name, (level, _) in EXPECTED.items() if level == "error"}
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not SPECS, reason=f"spec corpus not found at {TRICKY} (shared/ beside the repo)")
@pytest.mark.parametrize("spec", SPECS, ids=[str(p.relative_to(TRICKY)) for p in SPECS])
def test_tricky_spec(spec: Path, tmp_path: Path) -> None:
    if spec.name in BROKEN_ON_PURPOSE:
        with pytest.raises((LoadError, BuildError)) as info:
            generate(spec, package_name="tricky")
        assert "\n" not in str(info.value) and "#/" in str(info.value)
        return
    if "schemas" in spec.relative_to(TRICKY).parts:
        pytest.skip("a schema file that a multi-file spec refers to, not a document of its own")
    package = "tricky_" + "".join(c if c.isalnum() else "_" for c in spec.stem).lower()
    result = generate(spec, package_name=package)
    for pointer, text in EXPECTED.get(spec.name, ("", []))[1]:
        assert any(f"#{pointer}: warning: {text}" in w for w in result.warnings), result.warnings
    write_tree(result.files, tmp_path / "out")
    with importable(tmp_path / "out", package):
        importlib.import_module(f"{package}.models")
        client = importlib.import_module(f"{package}._client")
        for resource in result.api.resources:
            importlib.import_module(f"{package}.resources.{resource.module or resource.python_name}")
        assert hasattr(client, result.api.client_name)


@pytest.mark.skipif(not SPECS, reason=f"spec corpus not found at {TRICKY} (shared/ beside the repo)")
def test_every_broken_document_has_an_expectation() -> None:
    assert sorted(p.name for p in TRICKY.glob("opc-errors-*")) == sorted(EXPECTED)


@pytest.mark.skipif(not SPECS, reason=f"spec corpus not found at {TRICKY} (shared/ beside the repo)")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_document_gives_its_expected_message_on_the_command_line(name: str, tmp_path: Path) -> None:
    """What a user sees: the file, the JSON pointer and the text; exit 2 and nothing written on an error."""
    spec = TRICKY / name
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "generator", "generate", str(spec), "--output", str(out),
                           "--no-format"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr
    level, messages = EXPECTED[name]
    if level == "error":
        assert done.returncode == 2 and not out.exists()
        [line] = done.stderr.strip().splitlines()
        [(pointer, text)] = messages
        assert line == f"clientgen: error: {spec}#{pointer}: {text}"
    else:
        assert done.returncode == 0 and (out / "pyproject.toml").is_file()
        for pointer, text in messages:
            assert f"{spec}#{pointer}: warning: {text}" in done.stderr, done.stderr
