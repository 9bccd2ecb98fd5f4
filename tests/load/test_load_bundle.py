"""Bundling external refs into one document with only local refs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

from generator.load import LoadError, load_spec

REPO = Path(__file__).parents[2]


def refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def test_external_schemas_are_bundled_and_other_objects_inlined(specs: Path) -> None:
    doc = load_spec(specs / "external" / "openapi.yaml").document
    schemas = doc["components"]["schemas"]
    assert list(schemas) == ["Wrapper", "limit", "Pet", "Tag", "owner", "ErrorBody"]
    assert all(ref.startswith("#/") for ref in refs(doc))

    get = doc["paths"]["/pets"]["get"]
    # With a fragment: named after its last segment; the same target twice is one schema.
    assert get["responses"]["200"]["content"]["application/json"]["schema"]["items"] == {
        "$ref": "#/components/schemas/Pet"
    }
    assert schemas["Wrapper"]["properties"]["pet"] == {"$ref": "#/components/schemas/Pet"}
    # Without a fragment: named after the file stem.
    assert schemas["Wrapper"]["properties"]["owner"] == {"$ref": "#/components/schemas/owner"}
    # Nested: pet.yaml's own local and relative refs are bundled too.
    assert schemas["Pet"]["properties"] == {
        "tag": {"$ref": "#/components/schemas/Tag"},
        "owner": {"$ref": "#/components/schemas/owner"},
    }
    assert schemas["limit"] == {"type": "integer", "minimum": 1}
    # Parameters and responses are inlined; schemas inside them still become names.
    assert get["parameters"] == [{"name": "limit", "in": "query", "schema": {"$ref": "#/components/schemas/limit"}}]
    assert get["responses"]["default"]["description"] == "Something went wrong"
    assert get["responses"]["default"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorBody"
    }


def test_cross_file_cycle_terminates(specs: Path) -> None:
    doc = load_spec(specs / "cycle" / "a.yaml").document
    schemas = doc["components"]["schemas"]
    assert list(schemas) == ["Root", "Child", "Leaf", "Other"]
    # b.yaml's ref back into the root file becomes a plain local ref.
    assert schemas["Child"]["properties"]["parent"] == {"$ref": "#/components/schemas/Root"}
    assert schemas["Leaf"]["properties"]["next"] == {"$ref": "#/components/schemas/Other"}
    assert schemas["Other"]["properties"]["back"] == {"$ref": "#/components/schemas/Leaf"}


def test_local_cycle_stays_a_ref(specs: Path) -> None:
    doc = load_spec(specs / "local_cycle.yaml").document
    node = doc["components"]["schemas"]["Node"]
    assert node["properties"]["children"]["items"] == {"$ref": "#/components/schemas/Node"}


def test_name_collisions_get_numeric_suffixes(specs: Path) -> None:
    schemas = load_spec(specs / "collision" / "openapi.yaml").document["components"]["schemas"]
    assert list(schemas) == ["Pet", "Holder", "Pet2", "Pet3"]
    props = schemas["Holder"]["properties"]
    assert props["first"] == props["again"] == {"$ref": "#/components/schemas/Pet2"}
    assert props["second"] == {"$ref": "#/components/schemas/Pet3"}
    # An identical, self-contained schema is the same schema: it shares the name.
    assert props["same"] == {"$ref": "#/components/schemas/Pet"}
    assert schemas["Pet2"]["properties"]["id"] == {"type": "integer"}
    assert schemas["Pet3"]["properties"]["id"] == {"type": "string"}


@pytest.mark.parametrize("entry_name", ["collision/openapi.yaml", "external/openapi.yaml", "cycle/a.yaml"])
def test_output_is_the_same_under_any_hash_seed(specs: Path, entry_name: str) -> None:
    entry = specs / entry_name
    script = (
        "import json, sys; from pathlib import Path; from generator.load import load_spec; "
        "print(json.dumps(load_spec(Path(sys.argv[1])).document))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, str(entry)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(outputs) == 1
    assert json.loads(outputs.pop()) == load_spec(entry).document


def test_pointer_escaping_and_percent_encoding(specs: Path) -> None:
    doc = load_spec(specs / "escaping" / "openapi.yaml").document
    props = doc["components"]["schemas"]["Uses"]["properties"]
    assert props["local"] == {"$ref": "#/components/schemas/a~1b~0c"}
    assert props["spaced"] == {"$ref": "#/components/schemas/Thing_One"}
    assert doc["components"]["schemas"]["Thing_One"] == {"type": "boolean"}


def test_dangling_local_ref_names_the_ref_location(specs: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_spec(specs / "dangling_local.yaml")
    err = info.value
    assert err.file == specs / "dangling_local.yaml"
    assert err.pointer == "/paths/~1pets/get/responses/200/content/application~1json/schema/$ref"
    assert "'#/components/schemas/Missing' does not resolve" in err.message


def test_missing_external_file(specs: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_spec(specs / "missing_file.yaml")
    assert info.value.pointer == "/components/schemas/Pet/$ref"
    assert "nowhere.yaml, which is not found" in info.value.message


def test_url_refs_are_not_followed(specs: Path) -> None:
    with pytest.raises(LoadError, match="is a URL"):
        load_spec(specs / "url_ref.yaml")


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root / "openapi.yaml"


HEAD = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n"


def test_dangling_pointer_in_external_file(tmp_path: Path) -> None:
    spec = write_tree(
        tmp_path,
        {
            "openapi.yaml": HEAD + "paths: {}\ncomponents: {schemas: {A: {$ref: 'b.yaml#/B'}}}\n",
            "b.yaml": "B: {properties: {c: {$ref: '#/C'}}}\n",
        },
    )
    with pytest.raises(LoadError) as info:
        load_spec(spec)
    assert info.value.file == tmp_path / "b.yaml"
    assert info.value.pointer == "/B/properties/c/$ref"


def test_non_schema_cycle_across_files_is_an_error(tmp_path: Path) -> None:
    spec = write_tree(
        tmp_path,
        {
            "openapi.yaml": HEAD + "paths:\n  /a: {$ref: 'items.yaml#/A'}\n",
            "items.yaml": "A: {$ref: '#/B'}\nB: {$ref: '#/A'}\n",
        },
    )
    with pytest.raises(LoadError, match="reference cycle"):
        load_spec(spec)


def test_ref_chain_that_never_ends_is_an_error(tmp_path: Path) -> None:
    spec = write_tree(
        tmp_path,
        {
            "openapi.yaml": HEAD + "paths: {}\ncomponents: {schemas: {A: {$ref: '#/components/schemas/B'}, "
            "B: {$ref: '#/components/schemas/A'}}}\n"
        },
    )
    with pytest.raises(LoadError, match="circular"):
        load_spec(spec)


def test_refs_in_example_data_are_left_alone(tmp_path: Path) -> None:
    spec = write_tree(
        tmp_path,
        {"openapi.yaml": HEAD + "paths: {}\ncomponents: {schemas: {A: {example: {$ref: 'nowhere.yaml'}}}}\n"},
    )
    doc = load_spec(spec).document
    assert doc["components"]["schemas"]["A"]["example"] == {"$ref": "nowhere.yaml"}


def test_sibling_keys_of_a_ref_warn_in_3_0(tmp_path: Path) -> None:
    text = (
        HEAD
        + "paths: {}\ncomponents: {schemas: {A: {type: string}, B: {$ref: '#/components/schemas/A', minLength: 2},"
        + " C: {$ref: '#/components/schemas/A', nullable: true, description: honoured}}}\n"
    )
    spec = load_spec(write_tree(tmp_path, {"openapi.yaml": text}))
    assert spec.document["components"]["schemas"]["B"] == {"$ref": "#/components/schemas/A", "minLength": 2}
    assert spec.document["components"]["schemas"]["C"]["nullable"] is True
    assert [w.pointer for w in spec.warnings] == ["/components/schemas/B"]
    spec_31 = load_spec(write_tree(tmp_path, {"openapi.yaml": text.replace("3.0.3", "3.1.0")}))
    assert spec_31.warnings == ()


def test_external_discriminator_mapping_is_bundled(tmp_path: Path) -> None:
    spec = write_tree(
        tmp_path,
        {
            "openapi.yaml": HEAD
            + "paths: {}\ncomponents:\n  schemas:\n    Item:\n      oneOf: [{$ref: 'd.yaml#/Dog'}]\n"
            "      discriminator: {propertyName: kind, mapping: {dog: 'd.yaml#/Dog', cat: Cat, x: '#/nowhere'}}\n",
            "d.yaml": "Dog: {type: object}\n",
        },
    )
    loaded = load_spec(spec)
    mapping = loaded.document["components"]["schemas"]["Item"]["discriminator"]["mapping"]
    assert mapping == {"dog": "#/components/schemas/Dog", "cat": "Cat", "x": "#/nowhere"}
    assert [w.pointer for w in loaded.warnings] == ["/components/schemas/Item/discriminator/mapping/x"]


def test_external_path_items_and_callbacks_are_inlined(tmp_path: Path) -> None:
    spec = write_tree(
        tmp_path,
        {
            "openapi.yaml": HEAD + "paths:\n  /pets: {$ref: 'paths.yaml#/pets', summary: mine}\n",
            "paths.yaml": "pets:\n  summary: theirs\n  post:\n    callbacks: {done: {$ref: '#/cb'}}\n"
            "    responses: {'200': {description: ok}}\n"
            "cb:\n  '{$request.body#/url}': {post: {responses: {'200': {description: ok}}}}\n",
        },
    )
    loaded = load_spec(spec)
    assert loaded.warnings == ()  # Path Items may have fields beside $ref, even in 3.0
    item = loaded.document["paths"]["/pets"]
    assert item["summary"] == "mine"
    assert item["post"]["callbacks"]["done"]["{$request.body#/url}"]["post"]["responses"] == {
        "200": {"description": "ok"}
    }
