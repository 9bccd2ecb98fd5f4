"""The generators we compare against, each installed into its own throw-away venv.

openapi-python-client and OpenAPI Generator (python target) write whole clients;
datamodel-code-generator writes models only (one module), so it is a floor
rather than a like-for-like rival.

They are never dependencies of clientgen: each lives in a venv under the
user's cache (`~/.cache/clientgen-bench/`, or `$CLIENTGEN_BENCH_CACHE`), made
on first use from PyPI with a pinned version, so two runs compare the same
things. A competitor that cannot be installed is reported, not fatal.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

CACHE = Path(os.environ.get("CLIENTGEN_BENCH_CACHE", Path.home() / ".cache" / "clientgen-bench"))


@dataclass(frozen=True)
class Competitor:
    name: str
    requirement: str
    executable: str  # console script inside the venv
    extras: tuple[str, ...] = ()  # what its post-generation hooks call (opc runs ruff)
    imports: tuple[str, ...] = ()  # what its generated package imports (to check that it does)

    def command(self, spec: Path, output: Path, *, package: bool = False) -> list[str]:
        """The command that generates a client for `spec` into `output` (which must not exist).

        `package`: datamodel-codegen writes one module unless the spec's names need a package
        ("Modular references require an output directory"); then it is asked for a package.
        """
        exe = str(self.ensure() / self.executable)
        if self.name == "openapi-python-client":
            return [exe, "generate", "--path", str(spec), "--output-path", str(output), "--overwrite"]
        if self.name == "openapi-generator":
            return [exe, "generate", "-i", str(spec), "-g", "python", "-o", str(output),
                    "--skip-validate-spec", "--additional-properties=packageName=bench_client"]
        if self.name == "datamodel-code-generator":  # models only: one module, no client
            return [exe, "--input", str(spec), "--input-file-type", "openapi", "--output-model-type",
                    "pydantic_v2.BaseModel", "--output", str(output / "models" if package else output / "models.py")]
        raise ValueError(self.name)

    def ensure(self) -> Path:
        """The venv's bin directory, creating the venv if needed (raises InstallError)."""
        home = CACHE / f"{self.name}-{self.requirement.split('==')[-1]}"
        bin_dir = home / "bin"
        wanted = " ".join((self.requirement, *self.extras, *self.imports))
        ready = home / "clientgen-bench-ready"  # what was installed, so a changed list reinstalls
        if ready.exists() and ready.read_text(encoding="utf-8") == wanted and (bin_dir / self.executable).exists():
            return bin_dir
        if not (bin_dir / "pip").exists():  # a venv half made by an interrupted run is made again
            shutil.rmtree(home, ignore_errors=True)
            venv.EnvBuilder(with_pip=True).create(home)
        done = subprocess.run(
            [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             self.requirement, *self.extras, *self.imports],
            capture_output=True, text=True,
        )
        if done.returncode != 0:
            shutil.rmtree(home, ignore_errors=True)
            raise InstallError(f"{self.requirement}: pip failed: {done.stderr.strip()[-300:]}")
        ready.write_text(wanted, encoding="utf-8")
        return bin_dir


    def environment(self) -> dict[str, str]:
        """os.environ with the venv's bin first on PATH, so its own hooks find their tools."""
        return {**os.environ, "PATH": f"{self.ensure()}{os.pathsep}{os.environ.get('PATH', '')}"}


class InstallError(Exception):
    pass


OPENAPI_PYTHON_CLIENT = Competitor(
    "openapi-python-client", "openapi-python-client==0.29.1", "openapi-python-client", extras=("ruff",),
    imports=("httpx", "attrs", "python-dateutil"),
)
# Ships its jar in the wheel; runs on the machine's Java.
OPENAPI_GENERATOR = Competitor(
    "openapi-generator", "openapi-generator-cli==7.26.0", "openapi-generator-cli",
    imports=("pydantic>=2", "urllib3>=2.1", "python-dateutil>=2.8.2", "typing-extensions>=4.7.1"),
)
# Models only (no client): the model generator most projects reach for; formats with black.
DATAMODEL_CODEGEN = Competitor("datamodel-code-generator", "datamodel-code-generator==0.89.0", "datamodel-codegen",
                               imports=("email-validator",))  # its models use EmailStr for `format: email`
ALL = (OPENAPI_PYTHON_CLIENT, OPENAPI_GENERATOR, DATAMODEL_CODEGEN)


if __name__ == "__main__":  # `python bench/competitors.py`: install them all ahead of a run
    for competitor in ALL:
        try:
            print(competitor.name, "->", competitor.ensure(), file=sys.stderr)
        except InstallError as exc:
            print(f"{competitor.name}: not installed: {exc}", file=sys.stderr)
