"""Overlays end to end: through the CLI into a package that is imported and checked, the
config's `overlays` and `--overlay`, check, diff, the stamp; and every broken overlay as one
line, exit 2, no traceback, the output folder as it was."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.importing import forget, importable

ROOT = Path(__file__).resolve().parents[2]

SPEC = """\
openapi: 3.0.3
info: {title: Shop, version: 1.0.0}
servers: [{url: https://shop.example.com}]
paths:
  /pets:
    get:
      operationId: getAllThePets
      tags: [Pets]
      responses:
        "200":
          description: the pets
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}
  /internal/debug:
    get:
      operationId: debugDump
      tags: [Internal]
      responses:
        "200": {description: a dump}
components:
  schemas:
    Pet:
      type: object
      required: [id]
      properties:
        id: {type: integer}
        weight: {description: In grams.}
"""

FIXES = """\
overlay: 1.0.0
info: {title: Fixes to the shop's spec, version: 1.0.0}
actions:
  - description: a name users can guess
    target: $.paths['/pets'].get
    update: {operationId: listPets}
  - description: the vendor forgot the type
    target: $.components.schemas.Pet.properties.weight
    update: {type: integer}
  - description: internal, not for clients
    target: $.paths['/internal/debug']
    remove: true
  - description: the server sends it, the spec does not say
    target: $.components.schemas.Pet.properties
    update:
      nickname: {type: string}
"""


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "shop.yaml"
    path.write_text(SPEC, encoding="utf-8")
    (tmp_path / "fixes.overlay.yaml").write_text(FIXES, encoding="utf-8")
    return path


@pytest.fixture
def shop() -> Iterator[None]:
    yield
    forget("shop")


def _import(out: Path) -> typing.Any:
    """The generated package `shop`, with its models module as `package.models`."""
    forget("shop")
    with importable(out):
        package = importlib.import_module("shop")
        importlib.import_module("shop.models")
        return package


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
            and p.name != ".clientgen-stamp.json" and "__pycache__" not in p.parts}


def test_without_the_overlay_the_spec_is_as_the_vendor_wrote_it(spec: Path, tmp_path: Path, shop: None) -> None:
    (tmp_path / "shop.clientgen.yaml").write_text("resource_layout: flat\n", encoding="utf-8")
    result = _run("generate", str(spec), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    package = _import(tmp_path / "out")
    assert hasattr(package.Shop, "internal")
    assert hasattr(package.Shop(api_key="k").pets, "get_all_the")
    assert "nickname" not in package.models.Pet.model_fields
    assert package.models.Pet.model_validate({"id": 1, "weight": "heavy"}).weight == "heavy"  # no type: Any


@pytest.mark.parametrize("how", ["config", "option"])
def test_an_overlay_changes_the_client(spec: Path, tmp_path: Path, shop: None, how: str) -> None:
    config = "resource_layout: flat\n" + ("overlays: [fixes.overlay.yaml]\n" if how == "config" else "")
    (tmp_path / "shop.clientgen.yaml").write_text(config, encoding="utf-8")
    extra = ["--overlay", str(tmp_path / "fixes.overlay.yaml")] if how == "option" else []
    result = _run("generate", str(spec), "--output", str(tmp_path / "out"), *extra)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    package = _import(tmp_path / "out")
    client = package.Shop(api_key="k")
    # the operationId renamed: the method's name follows it
    assert hasattr(client.pets, "list") and not hasattr(client.pets, "get_all_the")
    # the path removed: no resource, no method
    assert not hasattr(package.Shop, "internal") and "/debug" not in (tmp_path / "out" / "README.md").read_text()
    # the property added, and the missing type added
    assert package.models.Pet.model_validate({"id": 1, "nickname": "Rex"}).nickname == "Rex"
    assert typing.get_args(package.models.Pet.model_fields["weight"].annotation)[0] is int
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        package.models.Pet.model_validate({"id": 1, "weight": "heavy"})


def test_overlays_apply_in_order_config_first_then_each_option(spec: Path, tmp_path: Path, shop: None) -> None:
    (tmp_path / "shop.clientgen.yaml").write_text("resource_layout: flat\noverlays: [fixes.overlay.yaml]\n")
    second = tmp_path / "second.yaml"
    second.write_text("overlay: 1.0.0\ninfo: {title: again, version: '1'}\nactions:\n"
                      "  - target: $.paths['/pets'].get\n    update: {operationId: getAllTheDogs}\n")
    third = tmp_path / "third.yaml"
    third.write_text("overlay: 1.0.0\ninfo: {title: last, version: '1'}\nactions:\n"
                     "  - target: $.paths['/pets'].get[?@ == 'getAllTheDogs']\n    remove: true\n"
                     "  - target: $.paths['/pets'].get\n    update: {operationId: getAllTheCats}\n")
    result = _run("generate", str(spec), "--output", str(tmp_path / "out"), "--overlay", str(second),
                  "--overlay", str(third))
    assert result.returncode == 0, result.stderr
    client = _import(tmp_path / "out").Shop(api_key="k")
    assert hasattr(client.pets, "get_all_the_cats")
    assert not hasattr(client.pets, "get_all_the_dogs") and not hasattr(client.pets, "list")


def test_same_spec_and_overlays_same_bytes(spec: Path, tmp_path: Path) -> None:
    (tmp_path / "shop.clientgen.yaml").write_text("overlays: [fixes.overlay.yaml]\n", encoding="utf-8")
    for seed, out in (("1", "a"), ("2", "b")):
        result = _run("generate", str(spec), "--output", str(tmp_path / out), "--no-format",
                      env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_an_edited_overlay_makes_the_output_stale(spec: Path, tmp_path: Path) -> None:
    overlay = tmp_path / "fixes.overlay.yaml"
    out = tmp_path / "out"
    args = ("generate", str(spec), "--output", str(out), "--no-format", "--overlay", str(overlay))
    assert _run(*args).returncode == 0
    assert "up to date" in _run(*args).stderr
    assert "up to date" not in _run(*args[:-2]).stderr  # the same without the overlay: regenerated
    assert _run(*args).returncode == 0
    overlay.write_text(FIXES.replace("nickname", "petname"), encoding="utf-8")
    result = _run(*args)
    assert "up to date" not in result.stderr and result.returncode == 0
    assert "petname" in (out / "shop" / "models.py").read_text()
    check = _run("check", str(spec), str(out), "--no-format", "--overlay", str(overlay))
    assert check.returncode == 0, check.stdout + check.stderr
    assert _run("check", str(spec), str(out), "--no-format").returncode == 1


def test_diff_applies_the_overlay_to_both_versions(spec: Path, tmp_path: Path) -> None:
    newer = tmp_path / "shop-2.yaml"
    newer.write_text(SPEC.replace("operationId: debugDump", "operationId: debugDumpAll"), encoding="utf-8")
    plain = _run("diff", str(spec), str(newer))
    assert plain.returncode == 0 and "debug" in plain.stdout.lower()
    overlaid = _run("diff", str(spec), str(newer), "--overlay", str(tmp_path / "fixes.overlay.yaml"))
    assert overlaid.returncode == 0, overlaid.stderr
    assert "debug" not in overlaid.stdout.lower()


def test_a_target_that_selects_nothing_warns_and_strict_refuses(spec: Path, tmp_path: Path) -> None:
    overlay = tmp_path / "stale.yaml"
    overlay.write_text("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n"
                       "  - target: $.paths['/gone']\n    description: drop the old path\n    remove: true\n")
    result = _run("generate", str(spec), "--output", str(tmp_path / "out"), "--no-format", "--overlay", str(overlay))
    assert result.returncode == 0
    assert (f"{overlay}#/actions/0/target: warning: the action (drop the old path) did nothing: its target "
            "$.paths['/gone'] selects nothing in the spec") in result.stderr.splitlines()
    strict = _run("generate", str(spec), "--output", str(tmp_path / "out2"), "--strict", "--overlay", str(overlay))
    assert strict.returncode == 2 and "--strict" in strict.stderr and not (tmp_path / "out2").exists()


# -- errors: one line, exit 2, no traceback, nothing written ---------------------------------------

HEAD = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
BAD = [
    (HEAD + "actions:\n  - target: paths.x\n    remove: true\n",
     ["#/actions/0/target:", "'paths.x' is not a JSONPath query: it must start with `$`", "e.g. $.paths.x"]),
    (HEAD + "actions:\n  - target: $.paths[\n    remove: true\n",
     ["#/actions/0/target:", "'$.paths[' is not a valid JSONPath query (RFC 9535)", "at column"]),
    (HEAD + "actions:\n  - target: $.info\n    remove: true\n  - target: $.paths[?@.x ==]\n    remove: true\n",
     ["#/actions/1/target:", "is not a valid JSONPath query"]),
    ("info: {title: t, version: '1'}\nactions: [{target: $, update: {}}]\n",
     ["bad.yaml:", "missing the 'overlay' field", "overlay: 1.0.0"]),
    ("overlay: 1.0.0\nactions: [{target: $, update: {}}]\n", ["bad.yaml:", "'info' is missing", "title"]),
    ("overlay: 1.0.0\ninfo: {title: t}\nactions: [{target: $, update: {}}]\n",
     ["bad.yaml#/info:", "info.version is missing"]),
    (HEAD, ["bad.yaml:", "'actions' is missing", "at least one action"]),
    (HEAD + "actions: []\n", ["bad.yaml#/actions:", "'actions' is empty"]),
    ("overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions: [{target: $, update: {}}]\n",
     ["bad.yaml#/overlay:", "unsupported Overlay version '1.1.0'", "1.0.x"]),
    ("overlay: 1.0\ninfo: {title: t, version: '1'}\nactions: [{target: $, update: {}}]\n",
     ["bad.yaml#/overlay:", "must be a version string", "quote it"]),
    (HEAD + "actions:\n  - target: $.info\n  - target: $.info\n    description: only words\n",
     ["bad.yaml#/actions/0:", "neither `update` nor `remove: true`"]),
    (HEAD + "actions:\n  - target: $.info\n    remove: false\n", ["bad.yaml#/actions/0:", "neither `update`"]),
    (HEAD + "actions:\n  - target: $.info.title\n    update: New title\n",
     ["bad.yaml#/actions/0/target:", "selects the string 'Shop' at $['info']['title']",
      "select the object holding it"]),
    (HEAD + "actions:\n  - target: $.info\n    copy: $.x\n", ["bad.yaml#/actions/0/copy:", "unknown key 'copy'",
                                                            "Overlay 1.1"]),
    (HEAD + "actions:\n  - target: $\n    remove: true\n", ["bad.yaml#/actions/0/target:", "whole document"]),
    (HEAD + "actions:\n  - {target: $.info, update: {x-a: 1}}\n  - {target: $.info, update: {x-a: 1}}\n",
     ["bad.yaml#/actions/1:", "repeats action 0"]),
    (HEAD + "actions:\n  - target: $.info\n    update: {title: {text: x}}\n",
     ["bad.yaml#/actions/0/update/title:", "cannot merge an object into the string 'Shop'"]),
    ("overlay: 1.0.0\ninfo: [\n", ["bad.yaml:", "not valid YAML"]),
]


@pytest.fixture
def existing_output(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    (out / "pkg").mkdir(parents=True)
    (out / "pkg" / "keep.py").write_text("precious = True\n")
    return out


def _one_clear_line(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("clientgen: error: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def _untouched(out: Path) -> None:
    assert sorted(p.name for p in out.rglob("*")) == ["keep.py", "pkg"]
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".out.")], "staging dir left behind"


@pytest.mark.parametrize("overlay, fragments", BAD)
def test_a_broken_overlay_is_one_line(spec: Path, tmp_path: Path, existing_output: Path, overlay: str,
                                      fragments: list[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(overlay, encoding="utf-8")
    result = _run("generate", str(spec), "--output", str(existing_output), "--overlay", str(bad))
    line = _one_clear_line(result, *fragments)
    assert str(bad) in line
    _untouched(existing_output)


def test_a_broken_overlay_from_the_config_names_the_overlay(spec: Path, tmp_path: Path,
                                                           existing_output: Path) -> None:
    (tmp_path / "bad.yaml").write_text(HEAD + "actions:\n  - target: $[\n    remove: true\n", encoding="utf-8")
    (tmp_path / "shop.clientgen.yaml").write_text("overlays: [fixes.overlay.yaml, bad.yaml]\n", encoding="utf-8")
    result = _run("generate", str(spec), "--output", str(existing_output))
    _one_clear_line(result, f"{tmp_path / 'bad.yaml'}#/actions/0/target:", "unexpected end of query")
    _untouched(existing_output)


@pytest.mark.parametrize(
    "config, fragments",
    [
        ("overlays: [fixes.overlay.yaml, nope.yaml]\n",
         ["shop.clientgen.yaml#/overlays/1:", "overlay 'nope.yaml' not found", "relative to the config file"]),
        ("overlays: fixes.overlay.yaml\n", ["shop.clientgen.yaml#/overlays:", "expected a list"]),
        ("overlays: [.]\n", ["shop.clientgen.yaml#/overlays/0:", "not a file"]),
    ],
)
def test_config_overlays_errors(spec: Path, tmp_path: Path, existing_output: Path, config: str,
                                fragments: list[str]) -> None:
    (tmp_path / "shop.clientgen.yaml").write_text(config, encoding="utf-8")
    _one_clear_line(_run("generate", str(spec), "--output", str(existing_output)), *fragments)
    _untouched(existing_output)


@pytest.mark.parametrize("command", ["generate", "check", "diff"])
def test_a_missing_overlay_file(spec: Path, tmp_path: Path, existing_output: Path, command: str) -> None:
    where = {"generate": ["--output", str(existing_output)], "check": [str(existing_output)], "diff": [str(spec)]}
    result = _run(command, str(spec), *where[command], "--overlay", str(tmp_path / "nope.yaml"))
    _one_clear_line(result, "nope.yaml", "file not found")
    _untouched(existing_output)


def test_an_overlay_that_breaks_the_spec_is_reported_in_the_spec(spec: Path, tmp_path: Path,
                                                                 existing_output: Path) -> None:
    """Later errors point into the overlaid document, by the spec's own file name."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(HEAD + "actions:\n  - target: $\n    update: {paths: {/x: {get: {responses: {'200': "
                   "{$ref: '#/components/responses/Nope'}}}}}}\n", encoding="utf-8")
    result = _run("generate", str(spec), "--output", str(existing_output), "--overlay", str(bad))
    _one_clear_line(result, f"{spec}#/paths/~1x/get/responses/200/$ref", "does not resolve")
    _untouched(existing_output)


def test_an_overlay_reaches_schemas_in_other_files_and_may_refer_to_them(tmp_path: Path, shop: None) -> None:
    """Overlays apply to the bundled spec: a schema from another file is `components.schemas.<its
    name>`, and a `$ref` an overlay adds is resolved (relative to the spec) and bundled too."""
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "pet.yaml").write_text(
        "Pet:\n  type: object\n  properties:\n    id: {type: integer}\n    weight: {description: grams}\n"
        "Owner:\n  type: object\n  properties:\n    name: {type: string}\n", encoding="utf-8")
    spec = tmp_path / "shop.yaml"
    spec.write_text(SPEC.split("components:")[0].replace('"#/components/schemas/Pet"', "schemas/pet.yaml#/Pet")
                    .replace("info: {title: Shop, version: 1.0.0}", "info: {title: Shop}"), encoding="utf-8")
    overlay = tmp_path / "fix.yaml"
    overlay.write_text(HEAD + """actions:
  - target: $.info
    update: {version: 2.0.0}
  - target: $.components.schemas.Pet.properties
    update:
      weight: {type: integer}
      owner: {$ref: 'schemas/pet.yaml#/Owner'}
""", encoding="utf-8")
    plain = _run("generate", str(spec), "--output", str(tmp_path / "plain"), "--no-format")
    assert "info.version is missing" in plain.stderr and "no type" in plain.stderr
    result = _run("generate", str(spec), "--output", str(tmp_path / "out"), "--no-format", "--overlay", str(overlay))
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr  # what the overlay fixed is not reported
    models = _import(tmp_path / "out").models
    pet = models.Pet.model_validate({"id": 1, "weight": 3, "owner": {"name": "Ann"}})
    assert isinstance(pet.owner, models.Owner) and pet.owner.name == "Ann" and pet.weight == 3
    assert "version = \"2.0.0\"" in (tmp_path / "out" / "pyproject.toml").read_text()
