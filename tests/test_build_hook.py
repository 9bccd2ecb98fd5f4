"""Build-time codegen: a consumer project builds with pip and ships the generated client in its wheel.

Real runs only: pip builds `examples/consumer` (copied to a temp dir) through hatchling, which finds
the `clientgen` build hook through its entry point; the wheel is installed and its client used.
The main test builds in pip's isolated build environment from a freshly built clientgen wheel
(hatchling and clientgen's dependencies come from the package index or pip's cache), as a user's
`pip install .` would; the others use `--no-build-isolation` and the clientgen installed here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "consumer"
CLIENT = "petstore_client"


def _pip(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
        cwd=cwd, capture_output=True, text=True, timeout=300,
    )


def _consumer(tmp_path: Path, name: str = "consumer") -> Path:
    project = tmp_path / name
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("__pycache__", "build", "dist"))
    return project


def _tree(project: Path) -> list[str]:
    return sorted(str(p.relative_to(project)) for p in project.rglob("*"))


def _wheel(out: Path) -> Path:
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def _use_client(site: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Import the consumer's code and its generated client from `site` and make one call."""
    script = f"""
import httpx, petshop, {CLIENT}
assert {CLIENT}.__file__.startswith({str(site)!r}), {CLIENT}.__file__
def answer(request):
    assert request.headers["X-API-Key"] == "k"
    return httpx.Response(200, json=[{{"id": 1, "name": "Rex", "kind": "dog"}}])
client = {CLIENT}.PetStore(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
print(petshop.pet_names(client))
"""
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run([sys.executable, "-c", script], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def clientgen_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("clientgen-wheel")
    result = _pip("wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-w", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return _wheel(out)


def test_pip_wheel_builds_the_client_into_the_consumer_wheel(tmp_path: Path, clientgen_wheel: Path) -> None:
    project = _consumer(tmp_path)
    pyproject = project / "pyproject.toml"
    # This clientgen, exactly: the wheel just built, not whatever an index may hold under that name.
    pyproject.write_text(pyproject.read_text().replace(
        '"clientgen"', f'"clientgen @ {clientgen_wheel.as_uri()}"'))
    before = _tree(project)

    result = _pip("wheel", str(project), "--no-deps", "-w", str(tmp_path / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert _tree(project) == before, "the build wrote into the project tree"

    wheel = _wheel(tmp_path / "out")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read("petshop-0.1.0.dist-info/METADATA").decode()
    assert {"petshop/__init__.py", f"{CLIENT}/__init__.py", f"{CLIENT}/models.py",
            f"{CLIENT}/resources/pets.py", f"{CLIENT}/py.typed"} <= names
    # Only the package: not the standalone distribution's files, no stamp, no spec.
    assert not [n for n in names if n.split("/")[0] in {"pyproject.toml", "README.md", "openapi.yaml", "schemas"}]
    assert not [n for n in names if ".clientgen-stamp" in n]
    # The client's run-time requirements, added by the hook.
    for requirement in ("httpx", "httpx-sse", "pydantic"):
        assert f"Requires-Dist: {requirement}>=" in metadata, metadata

    site = tmp_path / "site"
    installed = _pip("install", "--no-deps", "--no-index", "--target", str(site), str(wheel))
    assert installed.returncode == 0, installed.stdout + installed.stderr
    used = _use_client(site, tmp_path)
    assert used.returncode == 0, used.stderr
    assert used.stdout.strip() == "['Rex']"


def test_sdist_carries_the_spec_not_the_client_and_builds_the_same_wheel(tmp_path: Path) -> None:
    project = _consumer(tmp_path)
    built = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path / "sdist")],
        cwd=project, capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (sdist,) = (tmp_path / "sdist").glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {"pyproject.toml", "openapi.yaml", "schemas/pet.yaml", "petshop/__init__.py"} <= names
    assert not [n for n in names if n.startswith(CLIENT)]

    result = _pip("wheel", str(sdist), "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(_wheel(tmp_path / "out")) as archive:
        assert f"{CLIENT}/resources/pets.py" in archive.namelist()


PET_OVERLAY = """overlay: 1.0.0
info: {title: pet fixes, version: 1.0.0}
actions:
  - target: $.components.schemas.NewPet.properties
    update:
      nickname: {type: string}
"""
TAG_OVERLAY = """overlay: 1.0.0
info: {title: more, version: 1.0.0}
actions:
  - target: $.components.schemas.Pet.allOf[1].properties
    update:
      chip_id: {type: string}
"""


def test_overlays_from_the_config_and_the_hook_reach_the_sdist_and_the_wheel(tmp_path: Path) -> None:
    project = _consumer(tmp_path)
    (project / "fixes").mkdir()
    (project / "fixes" / "pet.overlay.yaml").write_text(PET_OVERLAY)
    (project / "chip.overlay.yaml").write_text(TAG_OVERLAY)
    _replace(project, 'client_name = "PetStore"', 'client_name = "PetStore"\noverlays = ["fixes/pet.overlay.yaml"]')
    _replace(project, 'spec = "openapi.yaml"', 'spec = "openapi.yaml"\noverlays = ["chip.overlay.yaml"]')
    built = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path / "sdist")],
        cwd=project, capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (sdist,) = (tmp_path / "sdist").glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {"fixes/pet.overlay.yaml", "chip.overlay.yaml"} <= names
    result = _pip("wheel", str(sdist), "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(_wheel(tmp_path / "out")) as archive:
        models = archive.read(f"{CLIENT}/models.py").decode()
    assert "nickname:" in models and "chip_id:" in models


def _child_venv(venv: Path) -> Path:
    """A venv that sees every package this interpreter sees, and installs into its own folder.

    `--system-site-packages` would not do: it inherits the *base* interpreter's packages, so
    inside a virtualenv (where hatchling and clientgen live) the child finds neither.
    """
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    child_site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                capture_output=True, text=True, check=True).stdout.strip()
    ours = [p for p in sys.path if p.endswith(("site-packages", "dist-packages")) and Path(p).is_dir()]
    # addsitedir (not a bare path line) so the .pth files there run too: editable installs.
    lines = [f"import site; site.addsitedir({p!r})" for p in ours]
    (Path(child_site) / "_parent_env.pth").write_text("\n".join(lines) + "\n")
    return python


def test_editable_install_gets_the_client(tmp_path: Path) -> None:
    project = _consumer(tmp_path)
    venv = tmp_path / "venv"
    python = _child_venv(venv)
    result = _pip("--python", str(python), "install", "--no-deps", "--no-build-isolation", "-e", str(project))
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (project / CLIENT).exists()
    script = f"import petshop, {CLIENT}; print({CLIENT}.__file__); print(petshop.__file__)"
    used = subprocess.run([str(python), "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert used.returncode == 0, used.stderr
    client_file, app_file = used.stdout.split()
    assert client_file.startswith(str(venv)), "the client is a copy made at install time"
    assert app_file == str(project / "petshop" / "__init__.py"), "the consumer's own code stays editable"


def test_client_only_project_needs_no_package_selection_and_its_requirements_win(tmp_path: Path) -> None:
    project = _consumer(tmp_path)
    shutil.rmtree(project / "petshop")
    (project / "pyproject.toml").write_text("""\
[build-system]
requires = ["hatchling>=1.25", "clientgen"]
build-backend = "hatchling.build"

[project]
name = "petstore-client"
version = "1.0.0"
dependencies = ["httpx>=0.28,<0.29"]

[tool.hatch.build.hooks.clientgen]
spec = "openapi.yaml"
package = "petstore"
""")
    result = _pip("wheel", str(project), "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(_wheel(tmp_path / "out")) as archive:
        packages = {n.split("/")[0] for n in archive.namelist()}
        metadata = archive.read("petstore_client-1.0.0.dist-info/METADATA").decode()
    assert packages == {"petstore", "petstore_client-1.0.0.dist-info"}
    requirements = [line for line in metadata.splitlines() if line.startswith("Requires-Dist: ")]
    assert [r for r in requirements if "httpx" in r and "sse" not in r] == ["Requires-Dist: httpx<0.29,>=0.28"]
    assert any(r.startswith("Requires-Dist: pydantic>=") for r in requirements), requirements


def test_command_line_reads_the_same_tool_clientgen_table(tmp_path: Path) -> None:
    """`clientgen generate --config pyproject.toml` makes what the build makes, and validates it alike."""
    project = _consumer(tmp_path)
    args = [sys.executable, "-m", "generator", "generate", str(project / "openapi.yaml"), "--no-format",
            "--config", str(project / "pyproject.toml"), "--output", str(tmp_path / "out")]
    result = subprocess.run(args, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "def list(" in (tmp_path / "out" / CLIENT / "resources" / "pets.py").read_text()

    _append(project, "\n[tool.clientgen.streems]\n")
    result = subprocess.run(args, capture_output=True, text=True)
    assert result.returncode == 2
    assert "pyproject.toml#/tool/clientgen/streems: unknown key 'streems'" in result.stderr, result.stderr

    # An error found while building (a renamed operation the spec lacks) points into the table too.
    text = (project / "pyproject.toml").read_text().replace("\n[tool.clientgen.streems]\n", "")
    (project / "pyproject.toml").write_text(text + "\n[tool.clientgen.operations.noSuchOperation]\nname = 'x'\n")
    result = subprocess.run(args, capture_output=True, text=True)
    assert result.returncode == 2
    assert "pyproject.toml#/tool/clientgen/operations/noSuchOperation: " in result.stderr, result.stderr


DANGLING = """\
openapi: 3.0.3
info: {title: Pet Store, version: "1"}
paths:
  /pets:
    get:
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/Nope"}}}
"""


def _strict_with_a_warning(project: Path) -> None:
    _replace(project, 'spec = "openapi.yaml"', 'spec = "openapi.yaml"\nstrict = true')
    _replace(project, 'getPet = {name = "get"}', "")
    spec = project / "openapi.yaml"
    spec.write_text(spec.read_text().replace("      operationId: getPet\n", ""))  # warned, and named from the path


def _append(project: Path, text: str) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + text)


def _replace(project: Path, old: str, new: str) -> None:
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text()
    assert old in text
    pyproject.write_text(text.replace(old, new))


@pytest.mark.parametrize(
    ("edit", "fragments"),
    [
        pytest.param(
            lambda p: (p / "openapi.yaml").write_text(DANGLING),
            ["openapi.yaml#/paths/~1pets/get/responses/200", "Nope"],
            id="dangling-ref",
        ),
        pytest.param(
            lambda p: _append(p, "\n[tool.clientgen.operatons]\nlistPets = {name = 'list'}\n"),
            ["pyproject.toml#/tool/clientgen/operatons", "unknown key 'operatons'", "allowed keys"],
            id="unknown-config-key",
        ),
        pytest.param(
            lambda p: _append(p, "\n[tool.clientgen.operations.noSuchOperation]\nname = 'x'\n"),
            ["pyproject.toml#/tool/clientgen/operations/noSuchOperation"],
            id="config-names-no-operation",
        ),
        pytest.param(
            lambda p: _replace(p, 'spec = "openapi.yaml"', 'spec = "openapi.yaml"\nsepc = "x"'),
            ["pyproject.toml#/tool/hatch/build/hooks/clientgen/sepc", "unknown option 'sepc'"],
            id="unknown-hook-option",
        ),
        pytest.param(
            lambda p: _replace(p, 'spec = "openapi.yaml"', 'spec = "missing.yaml"'),
            ["pyproject.toml#/tool/hatch/build/hooks/clientgen/spec", "missing.yaml does not exist"],
            id="missing-spec",
        ),
        pytest.param(
            _strict_with_a_warning,
            ["1 warning(s) and strict = true", "pyproject.toml#/tool/hatch/build/hooks/clientgen"],
            id="strict-with-a-warning",
        ),
        pytest.param(
            lambda p: _replace(p, 'spec = "openapi.yaml"', 'spec = "openapi.yaml"\noverlays = ["nope.yaml"]'),
            ["pyproject.toml#/tool/hatch/build/hooks/clientgen/overlays/0", "nope.yaml does not exist"],
            id="missing-overlay",
        ),
        pytest.param(
            lambda p: ((p / "bad.yaml").write_text("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: []\n"),
                       _replace(p, 'spec = "openapi.yaml"', 'spec = "openapi.yaml"\noverlays = ["bad.yaml"]')),
            ["bad.yaml#/actions", "'actions' is empty"],
            id="broken-overlay",
        ),
        pytest.param(
            lambda p: (p / "openapi.clientgen.yaml").write_text("client_name: X\n"),
            ["config in two places", "openapi.clientgen.yaml"],
            id="config-in-two-places",
        ),
    ],
)
def test_bad_input_fails_the_build_in_one_line(
    tmp_path: Path, edit: Callable[[Path], object], fragments: list[str]
) -> None:
    project = _consumer(tmp_path)
    edit(project)
    result = _pip("wheel", str(project), "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "out"))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output
    lines = [line.strip() for line in output.splitlines() if "clientgen: error:" in line]
    assert len(lines) == 1, output
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    assert not list((tmp_path / "out").glob("*.whl"))
