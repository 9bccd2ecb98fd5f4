"""The generated webhooks pass `mypy --strict` (each `webhook=` gives its payload type), and
the corpus's webhooks-only documents generate, import and unwrap their own examples."""

from __future__ import annotations

import functools
import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.emit.writing.write import write_tree
from generator.pipeline import generate
from tests.importing import importable
from tests.webhooks.conftest import Built

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "tricky"

USER_CODE = '''
from wh_events import PetEvents, AsyncPetEvents, WebhookSignatureError
from wh_events import models
from wh_events.webhooks import WebhookEvent

client = PetEvents()
body = b"{}"
headers = {"webhook-id": "x"}
created = client.webhooks.unwrap(body, headers, webhook="pet.created")
reveal_type(created)
adopted = AsyncPetEvents().webhooks.unwrap(body, headers, webhook="pet.adopted", secret="whsec_x")
reveal_type(adopted)
any_event: WebhookEvent = client.webhooks.unwrap(body, headers)
if isinstance(any_event, models.PetCreatedEvent):
    print(any_event.pet.name)
client.webhooks.verify_signature(body, headers, tolerance=10)
try:
    client.webhooks.unwrap(body)  # headers are required once a signature is configured
except WebhookSignatureError:
    pass
client.webhooks.unwrap(body, headers, webhook="pet.lost")
'''


def _mypy(*args: str, cwd: Path) -> str:
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", *args],
                            cwd=cwd, capture_output=True, text=True)
    return result.stdout + result.stderr


@pytest.mark.parametrize("name", ["wh_events", "wh_events_td", "wh_callbacks"])
def test_the_generated_package_passes_mypy_strict(built: Built, name: str) -> None:
    built[name]
    output = _mypy(name, cwd=built.root / name)
    assert "Success" in output, output


def test_user_code_gets_each_webhooks_payload_type(built: Built) -> None:
    built["wh_events"]
    folder = built.root / "wh_events"
    (folder / "user_code.py").write_text(USER_CODE, encoding="utf-8")
    lines = _mypy("user_code.py", cwd=folder).splitlines()
    assert 'Revealed type is "wh_events.models.PetCreatedEvent"' in lines[0], lines
    assert 'Revealed type is "wh_events.models.PetAdoptedPayload"' in lines[1], lines
    errors = [line for line in lines if ": error:" in line]
    assert len(errors) == 2, lines  # the missing headers and the unknown webhook name, nothing else
    assert "user_code.py:18:" in errors[0] and "user_code.py:21:" in errors[1], errors


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
@pytest.mark.parametrize("spec", sorted(p.name for p in CORPUS.glob("adyen-webhooks-only-*.json")) or ["none"])
def test_webhooks_only_documents_generate_import_and_unwrap_their_examples(tmp_path: Path, spec: str) -> None:
    document = json.loads((CORPUS / spec).read_text(encoding="utf-8"))
    name = "corpus_hooks"
    result = generate(CORPUS / spec, package_name=name)
    assert "corpus_hooks/webhooks.py" in result.files
    write_tree(result.files, tmp_path / name)
    with importable(tmp_path / name, name):
        package = importlib.import_module(name)
        webhooks = importlib.import_module(f"{name}.webhooks")
        assert isinstance(getattr(package, result.api.client_name).webhooks, functools.cached_property)
        hooks: Any = webhooks.Webhooks()
        checked = 0
        for hook_name, item in document["webhooks"].items():
            media = item["post"]["requestBody"]["content"]["application/json"]
            model = media["schema"]["$ref"].rsplit("/", 1)[-1]
            for example in media.get("examples", {}).values():
                value = document["components"]["examples"][example["$ref"].rsplit("/", 1)[-1]]["value"]
                body = json.dumps(value).encode()
                assert type(hooks.unwrap(body)).__name__ == model, (hook_name, value)
                assert type(hooks.unwrap(body, webhook=hook_name)).__name__ == model
                checked += 1
        assert checked >= 3
        unknown = hooks.unwrap(b'{"type": "something.new", "data": {}}')
        assert type(unknown).__name__ == "WebhookEventUnknown" and unknown.type == "something.new"
