"""The config keys that shape the package, each on a real CLI run: clients,
include/exclude, docstrings, line_length, extra_dependencies, header; and
their errors (one line: config file, JSON pointer, what is allowed)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "tests" / "styles" / "petstore.yaml"


def _generate(tmp_path: Path, config: str, name: str = "clientgen.yaml") -> subprocess.CompletedProcess[str]:
    path = tmp_path / name
    tmp_path.mkdir(parents=True, exist_ok=True)
    path.write_text(config, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "generator", "generate", str(SPEC), "--config", str(path),
                           "--output", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True)


def _package(tmp_path: Path, config: str, name: str = "clientgen.yaml") -> dict[str, str]:
    result = _generate(tmp_path, config, name)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".clientgen-stamp.json"}


def _mypy(package_dir: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "petstore"],
                            cwd=package_dir, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _one_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


# clients


def test_clients_sync_only(tmp_path: Path) -> None:
    files = _package(tmp_path, "clients: sync\n")
    assert not [name for name, text in files.items() if "Async" in text and not name.split("/")[-1].startswith("_")
                and name.endswith(".py")]
    assert "class Petstore(SyncAPIClient):" in files["petstore/_client.py"]
    _mypy(tmp_path / "out")


def test_clients_async_only_from_pyproject(tmp_path: Path) -> None:
    files = _package(tmp_path, '[tool.clientgen]\nclients = "async"\n', name="pyproject.toml")
    client, pets = files["petstore/_client.py"], files["petstore/resources/pets.py"]
    assert "class AsyncPetstore(AsyncAPIClient):" in client and "class Petstore(" not in client
    assert "SyncAPIClient" not in client + pets and "class PetsResource" not in pets
    init = files["petstore/__init__.py"]
    assert "AsyncPetstore" in init and '"Petstore"' not in init and "SyncPage" not in init
    readme = files["README.md"]
    assert "asyncio.run(main())" in readme and "await client.pets." in readme
    assert "client = Petstore()" not in readme and "## Async" not in readme
    _mypy(tmp_path / "out")


def test_unknown_clients_value(tmp_path: Path) -> None:
    _one_error(_generate(tmp_path, "clients: threads\n"), "clientgen.yaml#/clients", "sync, async, both")


# include / exclude


def test_include_by_tag_and_operation_then_exclude(tmp_path: Path) -> None:
    files = _package(tmp_path, "include: {tags: [Stores], operations: [showPetById, listPets]}\n"
                               "exclude: {operations: [listPets]}\n")
    assert "def list(" in files["petstore/resources/stores.py"]
    pets = files["petstore/resources/pets.py"]
    assert "def retrieve(" in pets and "def list(" not in pets and "def create(" not in pets


def test_exclude_a_tag(tmp_path: Path) -> None:
    files = _package(tmp_path, "exclude: {tags: [Stores]}\n")
    assert "petstore/resources/stores.py" not in files and "def create(" in files["petstore/resources/pets.py"]


@pytest.mark.parametrize(
    "config, fragments",
    [
        ("include: {tags: [Pets, Dogs]}\n", ["clientgen.yaml#/include/tags/1", "'Dogs'", "the spec has: Pets, Stores"]),
        ("exclude: {operations: [deletePet]}\n", ["clientgen.yaml#/exclude/operations/0", "'deletePet'", "listPets"]),
        ("include: {tag: [Pets]}\n", ["clientgen.yaml#/include/tag", "unknown key", "operations, tags"]),
        ("exclude: {tags: Pets}\n", ["clientgen.yaml#/exclude/tags", "expected a list"]),
    ],
)
def test_selection_errors(tmp_path: Path, config: str, fragments: list[str]) -> None:
    _one_error(_generate(tmp_path, config), *fragments)


# docstrings


def test_docstrings_summary_and_none(tmp_path: Path) -> None:
    summary = _package(tmp_path / "a", "docstrings: summary\n")
    pets, models = summary["petstore/resources/pets.py"], summary["petstore/models.py"]
    assert '"""List all pets"""' in pets and "Sold pets" not in pets and "Args:" not in pets
    assert "A pet in the store." in models and "sold one at a time" not in models and "Unique in the store" not in models

    none = _package(tmp_path / "b", "docstrings: none\n")
    pets, models = none["petstore/resources/pets.py"], none["petstore/models.py"]
    assert "List all pets" not in pets and "A pet in the store" not in models and "The pet's id" not in models
    ast.parse(pets)


# line_length


def test_line_length(tmp_path: Path) -> None:
    default = _package(tmp_path / "a", "{}\n")["petstore/resources/pets.py"]
    narrow = _package(tmp_path / "b", "line_length: 60\n")["petstore/resources/pets.py"]
    assert max(map(len, default.splitlines())) > 60
    code = [line for line in narrow.splitlines() if not line.lstrip().startswith(("#", '"""'))]
    assert max(map(len, code)) <= 60


@pytest.mark.parametrize("value", ["10", "true", "'100'"])
def test_bad_line_length(tmp_path: Path, value: str) -> None:
    _one_error(_generate(tmp_path, f"line_length: {value}\n"), "clientgen.yaml#/line_length", "40 to 400")


# extra_dependencies


def test_extra_dependencies_are_added_as_toml_strings(tmp_path: Path) -> None:
    files = _package(tmp_path, "extra_dependencies:\n  - rich>=13\n  - 'tenacity>=8; python_version >= \"3.10\"'\n")
    dependencies = tomllib.loads(files["pyproject.toml"])["project"]["dependencies"]
    assert dependencies[-2:] == ["rich>=13", 'tenacity>=8; python_version >= "3.10"']
    assert "pydantic>=2.7,<3" in dependencies
    assert "`pydantic`, `rich` and `tenacity` at run time." in files["README.md"]


def test_a_dependency_that_is_not_pep_508(tmp_path: Path) -> None:
    result = _generate(tmp_path, "extra_dependencies: [rich, 'x\"]\\n[evil]']\n")
    _one_error(result, "clientgen.yaml#/extra_dependencies/1", "not a PEP 508 requirement")


# header


HOSTILE = 'Our team\n"""\nimport os; os.system("boom")\n---> <script>\u2028x\r\ny'


def test_header_is_only_ever_a_comment(tmp_path: Path) -> None:
    files = _package(tmp_path, f"header: {json.dumps(HOSTILE)}\n")
    for name, text in files.items():
        if name.endswith(".py"):
            tree = ast.parse(text)
            assert not any(isinstance(node, ast.Call) and ast.unparse(node).startswith("os.system")
                           for node in ast.walk(tree)), name
            head = text.splitlines()[:7]
            assert head[0] == "# Generated by clientgen from petstore.yaml; do not edit."
            assert head[1:6] == ["# Our team", '# """', '# import os; os.system("boom")', "# - - -> <script>?x", "# y"]
    readme = files["README.md"]
    comment, _, rest = readme.partition("-->")
    assert comment.startswith("<!-- Generated by clientgen") and "<script>" in comment
    assert rest.startswith("\n# petstore")
    assert tomllib.loads(files["pyproject.toml"])["project"]["name"] == "petstore"


def test_header_must_be_a_string(tmp_path: Path) -> None:
    _one_error(_generate(tmp_path, "header: [a, b]\n"), "clientgen.yaml#/header", "must be a string")


# names that end up in code


@pytest.mark.parametrize(
    "key, value",
    [
        ("package_name", "os; import x"),
        ("package_name", "Pets"),
        ("client_name", "X(object): pass\n#"),
        ("client_name", "class"),
        ("distribution_name", 'a"\nb'),
        ("api_key_env", 'A"); import os #'),
        ("base_url_env", "BASE URL"),
    ],
)
def test_names_must_be_names(tmp_path: Path, key: str, value: str) -> None:
    _one_error(_generate(tmp_path, f"{key}: {json.dumps(value)}\n"), f"clientgen.yaml#/{key}", "is not a", "e.g.")


def test_every_config_key_is_in_the_readme_table() -> None:
    from generator.config import _TOP_KEYS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Per-spec config"):readme.index("### Custom templates")]
    for key in sorted(_TOP_KEYS):
        assert f"| `{key}" in section or f", `{key}`" in section, key
