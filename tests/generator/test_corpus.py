"""Every tricky real-world spec (../shared/corpus/tricky) gives an importable client or one clear error.

The whole corpus, big vendor specs included, is run by `bench/corpus.py`
(minutes); this keeps the small, nasty ones in every test run.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from generator.build import BuildError
from generator.emit.write import write_tree
from generator.load import LoadError
from generator.pipeline import generate

TRICKY = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "tricky"
SPECS = sorted(p for p in TRICKY.rglob("*") if p.suffix in (".json", ".yaml", ".yml")) if TRICKY.is_dir() else []
BROKEN_ON_PURPOSE = {"opc-errors-circular-body-ref.yaml", "opc-errors-missing-body-ref.yaml"}
# Broken in smaller ways: the client is still generated, with a warning naming the spot.
WARNED_ON_PURPOSE = {
    "opc-errors-bad-status-code.yaml": "/paths/~1/get/responses/abcdef",
    "opc-errors-invalid-uuid-defaults.yaml": "/paths/~1/post/parameters/0",
    "opc-errors-optional-path-param.yaml": "/paths/~1{optional}/get/parameters/0",
}


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
    if spec.name in WARNED_ON_PURPOSE:
        assert any(f"#{WARNED_ON_PURPOSE[spec.name]}: warning:" in w for w in result.warnings), result.warnings
    write_tree(result.files, tmp_path / "out")
    sys.path.insert(0, str(tmp_path / "out"))
    try:
        importlib.import_module(f"{package}.models")
        client = importlib.import_module(f"{package}._client")
        for resource in result.api.resources:
            importlib.import_module(f"{package}.resources.{resource.python_name}")
        assert hasattr(client, result.api.client_name)
    finally:
        sys.path.remove(str(tmp_path / "out"))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]
