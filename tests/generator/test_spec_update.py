"""Regenerating from the newer published Dify spec keeps the client's surface and adds to it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.pipeline import generate

ROOT = Path(__file__).resolve().parents[2]
NEWER = ROOT.parent / "shared" / "corpus" / "dify" / "chatflow-7ccb166c-2026-07-09.json"
CONFIG = ROOT / "specs" / "dify-chatflow.clientgen.yaml"


def _surface(files: dict[str, str]) -> set[str]:
    """`resource.method` for every public method of every sync resource class."""
    found = set()
    for name, text in files.items():
        match = re.fullmatch(r"dify_chatflow/resources/(\w+)\.py", name)
        if match and match.group(1) != "__init__":
            sync_part = text.split("\nclass Async", 1)[0]
            found |= {f"{match.group(1)}.{m}" for m in re.findall(r"\n    def ([a-z]\w*)\(", sync_part)}
    return found


@pytest.mark.skipif(not NEWER.exists(), reason=f"newer Dify spec not found at {NEWER} (shared/ beside the repo)")
def test_newer_spec_keeps_every_method_and_adds_the_new_ones() -> None:
    old = generate(ROOT / "specs" / "dify-chatflow.json")
    new = generate(NEWER, config_path=CONFIG)
    old_surface, new_surface = _surface(old.files), _surface(new.files)
    assert old_surface - new_surface == set(), "methods lost on regeneration"
    # New operations the config does not name get the default names: by shape on the tag's own
    # path segment (/form/human_input/{form_token}), by operationId where the path is not the tag's.
    assert {"human_input.retrieve", "human_input.update", "chat.stream_chatflow_events"} <= new_surface
    models = new.files["dify_chatflow/models.py"]
    assert 'event: Literal["reasoning_chunk"] = "reasoning_chunk"' in models
    assert "ChunkChatEventUnknown" in models  # still open to events newer than this spec
