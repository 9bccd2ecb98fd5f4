"""bench/corpus.py keeps going past a refused spec and a timeout, and prints one row per spec plus totals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD = {"openapi": "3.0.3", "info": {"title": "Good", "version": "1"}, "paths": {"/x": {"get": {
    "operationId": "getX", "responses": {"200": {"description": "ok", "content": {"application/json": {
        "schema": {"type": "object", "properties": {"a": {"type": "string", "format": "datetime"}}}}}}}}}}}
BROKEN = {"openapi": "3.0.3", "info": {"title": "Broken", "version": "1"}, "paths": {"/x": {"get": {
    "responses": {"200": {"$ref": "#/components/responses/Nowhere"}}}}}}


def _run(folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "bench/corpus.py", str(folder), "--no-mypy", *options],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_rows_for_a_good_and_a_refused_spec_then_totals(tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    folder.mkdir()
    (folder / "good.json").write_text(json.dumps(GOOD))
    (folder / "broken.json").write_text(json.dumps(BROKEN))
    markdown = tmp_path / "table.md"
    done = _run(folder, "--no-format", "--markdown", str(markdown))
    assert done.returncode == 0, done.stderr
    rows = {line.split(" | ")[0]: line for line in done.stdout.splitlines() if line.startswith("mini/")}
    assert rows["mini/good.json"].startswith("mini/good.json | ✓ | ✓ | – | 1 |")  # the unknown format
    assert rows["mini/broken.json"].startswith("mini/broken.json | ✗ | – | – | 0 |")
    assert "refused: clientgen: error:" in rows["mini/broken.json"] and "does not resolve" in rows["mini/broken.json"]
    assert "mini | 2 | 1/2 (50%) | 1/1 (100%) | –" in done.stdout
    assert "python bench/corpus.py" in markdown.read_text() and "| mini/good.json | ✓ | ✓ | – | 1 |" in markdown.read_text()


def test_a_generator_that_outruns_the_time_limit_is_one_row(tmp_path: Path) -> None:
    folder = tmp_path / "slow"
    folder.mkdir()
    (folder / "good.json").write_text(json.dumps(GOOD))
    done = _run(folder, "--timeout", "0.01")
    assert done.returncode == 0, done.stderr
    assert "slow/good.json | ✗ | – | – | 0 |" in done.stdout and "timeout: generator ran over 0.01 s" in done.stdout
