"""Apply an overlay written as YAML text to a document, and compare results exactly.

Shared by the overlay tests that check published examples and the merge rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.load import Diagnostic
from generator.load.overlay import apply_overlay


def apply_overlay_text(tmp_path: Path, overlay: str, document: str) -> tuple[Any, list[Diagnostic]]:
    path = tmp_path / "overlay.yaml"
    path.write_text(overlay, encoding="utf-8")
    warnings: list[Diagnostic] = []
    return apply_overlay(yaml.safe_load(document), path, warnings), warnings


def assert_same(result: Any, expected: str) -> None:
    """Equal, keys in the same order too (determinism: the order is the document's, then the update's)."""
    wanted = yaml.safe_load(expected)
    assert result == wanted
    assert yaml.safe_dump(result, sort_keys=False) == yaml.safe_dump(wanted, sort_keys=False)
