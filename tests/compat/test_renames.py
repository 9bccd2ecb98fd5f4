"""--compatible-with on a small spec: a method renamed (same METHOD and path), a method removed,
a model field renamed (same place, same type) and one replaced by a field of another type."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest

from tests.importing import importable

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "petcompat"


def _spec(version: str, operations: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Pets", "version": version},
        "servers": [{"url": "https://pets.example"}],
        "paths": {"/pets/{pet_id}": operations},
        "components": {"schemas": {"Pet": {"type": "object", "required": ["id"], "properties": fields}}},
    }


def _get(operation_id: str, tag: str = "pets") -> dict[str, Any]:
    return {"operationId": operation_id, "tags": [tag],
            "parameters": [{"name": "pet_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok", "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}}}


OLD = _spec("1.0", {"get": _get("getPet"), "delete": {**_get("deletePet"), "responses": {"204": {"description": "gone"}}}},
            {"id": {"type": "string"}, "name": {"type": "string"}, "age": {"type": "integer"}})
# Another operationId and tag: the same operation (METHOD and path), moved to client.animals.
NEW = _spec("2.0", {"get": _get("fetchPet", "animals")},
            {"id": {"type": "string"}, "title": {"type": "string"}, "weight": {"type": "number"}})


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    here = tmp_path_factory.mktemp("renames")
    (here / "old.json").write_text(json.dumps(OLD))
    (here / "new.json").write_text(json.dumps(NEW))
    out = here / "client"
    result = subprocess.run([sys.executable, "-m", "generator", "generate", str(here / "new.json"),
                             "--compatible-with", str(here / "old.json"), "--package-name", PACKAGE,
                             "--output", str(out), "-q"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    with importable(out, PACKAGE):
        yield out


def test_renamed_method_warns_and_calls_the_same_endpoint(package: Path) -> None:
    module = __import__(PACKAGE)
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.method} {request.url.path}")
        return httpx.Response(200, json={"id": "7", "title": "Rex", "weight": 4.5})

    client = module.Pets(base_url="https://pets.example", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
    with pytest.warns(DeprecationWarning, match=r"client\.pets\.retrieve is deprecated: use client\.animals\.fetch_pet"):
        pet = client.pets.retrieve("7")
    assert seen == ["GET /pets/7"]
    with pytest.warns(DeprecationWarning, match=r"models\.Pet\.name is deprecated: use models\.Pet\.title"):
        assert pet.name == "Rex"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert client.animals.fetch_pet("7").title == "Rex"
    assert not hasattr(pet, "age")  # another type in its place: not a rename


def test_removed_method_raises_a_clear_error(package: Path) -> None:
    module = __import__(PACKAGE)
    client = module.Pets(base_url="https://pets.example")
    with pytest.warns(DeprecationWarning), pytest.raises(NotImplementedError) as raised:
        client.pets.delete("7")
    assert str(raised.value) == ("client.pets.delete was removed from the API (it was DELETE /pets/{pet_id}); "
                                 "there is no replacement")


def test_changelog_lists_what_was_kept(package: Path) -> None:
    text = (package / "CHANGELOG.md").read_text()
    assert text.startswith("# Changelog\n\n## Pets 2.0 (was 1.0)\n\nSuggested version bump: **major**.")
    # `diff` pairs the operation by METHOD and path although its operationId changed.
    assert "- `client.pets.retrieve`: moved to client.animals.fetch_pet\n" in text
    assert "- `client.pets.retrieve`: operationId 'getPet' -> 'fetchPet'\n" in text
    assert ("### Deprecated names kept\n\n"
            "- `client.pets.retrieve` -> `client.animals.fetch_pet` (warns with a DeprecationWarning)\n"
            "- `models.Pet.name` -> `models.Pet.title` (warns with a DeprecationWarning)\n"
            "- `client.pets.delete`: removed from the API; calling it raises NotImplementedError\n"
            "- `models.Pet.age`: not kept: removed, no field of the same type took its place\n") in text


def test_mypy_sees_every_alias_as_deprecated(package: Path, tmp_path: Path) -> None:
    (tmp_path / "user.py").write_text(
        f"from {PACKAGE} import Pets\n\n"
        "client = Pets()\n"
        "pet = client.pets.retrieve('7')\n"
        "print(pet.name)\n"
        "client.pets.delete('7')\n"
        "print(client.animals.fetch_pet('7').title)\n"
    )
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--enable-error-code", "deprecated",
                             "--no-incremental", "--cache-dir", os.devnull, PACKAGE, str(tmp_path / "user.py")],
                            capture_output=True, text=True, env={**os.environ, "MYPYPATH": str(package)}, cwd=package)
    errors = [line.split(": error: ")[1] for line in result.stdout.splitlines() if ": error: " in line]
    assert [e.endswith("[deprecated]") for e in errors] == [True, True, True], result.stdout
    assert "use client.animals.fetch_pet" in errors[0] and "use models.Pet.title" in errors[1]
    assert "client.pets.delete was removed from the API" in errors[2]
