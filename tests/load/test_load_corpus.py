"""Every real-world document either loads or gives a LoadError: never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from generator.load import LoadError, load_spec

CORPUS = (Path(__file__).parents[2] / ".." / "shared" / "corpus").resolve()
SUFFIXES = {".json", ".yaml", ".yml"}

# Broken on purpose (see the corpus README): each must be refused, and why.
EXPECTED_ERRORS = {
    "tricky/opc-errors-circular-body-ref.yaml": "circular $ref",
    "tricky/opc-errors-missing-body-ref.yaml": "does not resolve",
}


def corpus_files() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.suffix in SUFFIXES)


FILES = corpus_files()


@pytest.mark.skipif(not FILES, reason=f"spec corpus not found at {CORPUS} (it lives in shared/ beside the repo)")
@pytest.mark.parametrize("name", FILES or ["<no corpus>"])
def test_corpus_document_loads_or_gives_load_error(name: str) -> None:
    try:
        spec = load_spec(CORPUS / name)
    except LoadError as err:
        assert "\n" not in str(err)
        # Files that other corpus files refer to need not be OpenAPI documents themselves.
        assert name in EXPECTED_ERRORS or "/schemas/" in name, str(err)
        if name in EXPECTED_ERRORS:
            assert EXPECTED_ERRORS[name] in err.message
        return
    assert name not in EXPECTED_ERRORS, "this broken document should have been refused"
    assert spec.version in ("3.0", "3.1")
    assert all(ref.startswith("#") for ref in refs(spec.document))


def refs(node: Any) -> Iterator[str]:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("$ref"), str):
                yield item["$ref"]
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
