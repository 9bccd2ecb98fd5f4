"""Broken 3.2 documents through the command line: exit code 2 and one line naming the
JSON pointer, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

HEAD = {"openapi": "3.2.0", "info": {"title": "Broken", "version": "1"}}
OK = {"200": {"description": "ok"}}
QS = {"name": "q", "in": "querystring", "content": {"application/json": {"schema": {"type": "object"}}}}

CASES = {
    "bad-method-token": (
        {"paths": {"/a": {"additionalOperations": {"BAD METHOD": {"responses": OK}}}}},
        "/paths/~1a/additionalOperations/BAD METHOD: 'BAD METHOD' is not an HTTP method token",
    ),
    "fixed-method-as-additional": (
        {"paths": {"/a": {"additionalOperations": {"POST": {"responses": OK}}}}},
        "/paths/~1a/additionalOperations/POST: POST has a Path Item field of its own",
    ),
    "querystring-with-query": (
        {"paths": {"/a": {"get": {"parameters": [{"name": "n", "in": "query", "schema": {"type": "string"}}, QS],
                                  "responses": OK}}}},
        "/paths/~1a/get/parameters/1: an `in: querystring` parameter cannot stand beside `in: query` parameters",
    ),
    "two-querystrings": (
        {"paths": {"/a": {"parameters": [QS], "get": {"parameters": [{**QS, "name": "r"}], "responses": OK}}}},
        "/paths/~1a/parameters/0: an operation has more than one `in: querystring` parameter",
    ),
    "tag-cycle": (
        {"tags": [{"name": "a", "parent": "c"}, {"name": "b", "parent": "a"}, {"name": "c", "parent": "b"}],
         "paths": {"/a": {"get": {"tags": ["a"], "responses": OK}}}},
        "/tags/0/parent: tag parents form a cycle: a -> c -> b -> a",
    ),
}


def run(tmp_path: Path, document: dict[str, object]) -> subprocess.CompletedProcess[str]:
    spec = tmp_path / "broken.yaml"
    spec.write_text(yaml.safe_dump({**HEAD, **document}))
    return subprocess.run([sys.executable, "-m", "generator", "generate", str(spec), "--output", str(tmp_path / "out")],
                          capture_output=True, text=True, check=False)


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_document_is_one_line_with_its_pointer(tmp_path: Path, case: str) -> None:
    document, expected = CASES[case]
    result = run(tmp_path, document)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert expected in lines[0], lines[0]
    assert not (tmp_path / "out").exists()
