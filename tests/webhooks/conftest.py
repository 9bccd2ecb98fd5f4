"""The webhook specs generated into importable packages, once per session."""

from __future__ import annotations

import importlib
import json
from contextlib import ExitStack
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, Iterator

import pytest

from tests.importing import importable, write_package

SPECS = Path(__file__).resolve().parent / "specs"
STANDARD_SECRET = "whsec_" + "c2VjcmV0LWtleS1vZi10aGUtdGVzdHM="  # base64 of "secret-key-of-the-tests"
HMAC_SECRET = "it-is-a-secret"

# package name -> (spec, config)
CASES: Dict[str, tuple[str, Dict[str, Any]]] = {
    "wh_events": ("events.yaml", {"webhooks": {"signature": {"scheme": "standard-webhooks"}}}),
    "wh_events_plain": ("events.yaml", {}),
    "wh_events_td": ("events.yaml", {"model_style": "typeddict"}),
    "wh_callbacks": ("callbacks.yaml", {"webhooks": {"signature": {
        "scheme": "hmac-sha256", "header": "X-Signature", "secret_env": "STREAM_HOOKS_SECRET"}}}),
}


class Built:
    def __init__(self, root: Path, imported: ExitStack) -> None:
        self.root = root
        self.imported = imported  # unwinding it takes every package off sys.path and sys.modules
        self.modules: Dict[str, ModuleType] = {}
        self.warnings: Dict[str, tuple[str, ...]] = {}

    def __getitem__(self, name: str) -> ModuleType:
        if name not in self.modules:
            spec, config = CASES[name]
            config_path = self.root / f"{name}.clientgen.json"
            config_path.write_text(json.dumps(config), encoding="utf-8")
            result = write_package(SPECS / spec, self.root / name, name, config=config_path)
            self.imported.enter_context(importable(self.root / name, name))
            self.modules[name] = importlib.import_module(name)
            for sub in ("models", "webhooks"):  # as attributes of the package, for the tests
                importlib.import_module(f"{name}.{sub}")
            self.warnings[name] = result.warnings
        return self.modules[name]


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    with ExitStack() as imported:
        yield Built(tmp_path_factory.mktemp("webhook-packages"), imported)
