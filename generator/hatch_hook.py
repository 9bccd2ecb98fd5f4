"""Build-time codegen: a hatchling build hook that puts the generated client into a consumer's wheel.

The consumer lists clientgen as a build requirement and names its spec:

    [build-system]
    requires = ["hatchling", "clientgen"]
    build-backend = "hatchling.build"

    [tool.hatch.build.hooks.clientgen]
    spec = "openapi.yaml"

`pip install .`, `pip wheel .` and `python -m build` then generate the client
package into a temporary directory and force-include its files into the wheel;
nothing generated is written into the project tree or the sdist (the sdist
carries the spec, the config and the files the spec's `$ref`s reach instead).
An editable install (`pip install -e .`) gets a copy of the client made at
install time: reinstall after changing the spec.

Bad input stops the build with the generator's one line (file, JSON pointer,
what is wrong, how to fix it), exit code 2, and no traceback.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.plugin import hookimpl

if TYPE_CHECKING:
    from generator.pipeline import Result

# Options of [tool.hatch.build.hooks.clientgen] (README, "Build-time codegen"); hatchling reads the second set.
OPTIONS = frozenset(
    {"spec", "config", "templates", "overlays", "package", "strict", "format", "runtime-dependencies"}
)
_HATCH_OPTIONS = {"dependencies", "require-runtime-dependencies", "require-runtime-features", "enable-by-default"}
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


class ClientgenBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "clientgen"
    _staging: Path | None = None  # the generated files, until the wheel is written

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        options = self._options()
        if self.target_name == "sdist":
            self._include_inputs(options, build_data)
        elif self.target_name == "wheel":
            self._include_client(options, version, build_data)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None

    # -- wheel: generate, then force-include the package's files one by one ----------------------

    def _include_client(self, options: _Options, version: str, build_data: dict[str, Any]) -> None:
        result = self._generate(options)
        package = result.api.package_name
        staging = Path(tempfile.mkdtemp(prefix="clientgen-build-"))
        self._staging = staging
        atexit.register(shutil.rmtree, staging, True)  # finalize() does not run when the build fails
        included: dict[str, str] = {}
        for rel, text in sorted(result.files.items()):
            if not rel.startswith(package + "/"):
                continue  # the standalone distribution's pyproject.toml and README.md
            source = staging / rel
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_text(text, encoding="utf-8", newline="\n")
            # One entry per file: hatchling then lets these win over a stale copy in the project tree.
            included[str(source)] = rel
        build_data["force_include"].update(included)
        if version == "editable":
            # Editable wheels read only this map (falling back to the configured force-include).
            editable = build_data["force_include_editable"]
            if not editable:
                editable.update(self.build_config.get_force_include())
            editable.update(included)
        if options.runtime_dependencies:
            build_data["dependencies"].extend(self._missing_requirements(result.files.get("pyproject.toml", "")))
        self.app.display_info(f"clientgen: generated package {package} ({len(included)} files) from {options.spec}")

    def _generate(self, options: _Options, *, format_code: bool = True, quiet: bool = False) -> Result:
        # Imported here: hatchling loads every installed plugin module, for every build in the
        # environment; the generator's own imports (jinja2, black) wait until they are needed.
        from generator.builder import BuildError
        from generator.config import ConfigError, locate_build_error
        from generator.load import LoadError
        from generator.pipeline import generate

        try:
            result = generate(
                options.spec,
                package_name=options.package,
                config_path=options.config,
                template_dir=options.templates,
                format_code=options.format and format_code,
                overlays=options.overlays,
            )
        except (LoadError, ConfigError) as exc:
            self._fail(str(exc))
        except BuildError as exc:
            self._fail(locate_build_error(str(exc), exc.pointer, options.spec, options.config_file))
        except Exception as exc:  # a bug of ours, not bad input: one line, as the CLI says it
            if os.environ.get("CLIENTGEN_DEBUG"):
                raise
            self.app.abort(
                f"clientgen: internal error on {options.spec}: {type(exc).__name__}: {exc} "
                "(a bug in clientgen; set CLIENTGEN_DEBUG=1 for the traceback and report it)",
                code=EXIT_INTERNAL,
            )
            raise SystemExit(EXIT_INTERNAL) from None
        for warning in () if quiet else result.warnings:
            self.app.display_warning(f"clientgen: {warning}")
        if options.strict and result.warnings:
            self._fail(f"{len(result.warnings)} warning(s) and strict = true in {self._hook_table()}")
        return result

    def _missing_requirements(self, pyproject_text: str) -> list[str]:
        """The generated distribution's requirements the consumer does not declare itself."""
        from packaging.requirements import Requirement
        from packaging.utils import canonicalize_name

        if sys.version_info >= (3, 11):
            import tomllib
        else:  # hatchling depends on tomli before 3.11
            import tomli as tomllib

        wanted = tomllib.loads(pyproject_text).get("project", {}).get("dependencies", []) if pyproject_text else []
        declared = {canonicalize_name(Requirement(r).name) for r in self.metadata.core.dependencies}
        return [r for r in wanted if canonicalize_name(Requirement(r).name) not in declared]

    # -- sdist: make sure it carries what the wheel build will read ------------------------------

    def _include_inputs(self, options: _Options, build_data: dict[str, Any]) -> None:
        """Every file the generator reads: the spec, the files its `$ref`s reach, the config, templates."""
        # Generating (unformatted) is how to learn them all; it also stops a broken spec at sdist time.
        result = self._generate(options, format_code=False, quiet=True)
        root = Path(self.root).resolve()
        for path in result.inputs:
            resolved = path.resolve()
            if not resolved.is_file() or resolved == root / "pyproject.toml":
                continue
            if resolved.is_relative_to(root):
                build_data["force_include"][str(resolved)] = resolved.relative_to(root).as_posix()
            else:
                self.app.display_warning(
                    f"clientgen: {path} is outside the project: the sdist cannot carry it, "
                    "so a wheel built from the sdist will not find it"
                )

    # -- options -------------------------------------------------------------------------------

    def _options(self) -> _Options:
        table = self._hook_table()
        unknown = sorted(set(self.config) - set(OPTIONS) - _HATCH_OPTIONS)
        if unknown:
            self._fail(f"{table}/{unknown[0]}: unknown option {unknown[0]!r} "
                       f"(allowed: {', '.join(sorted(OPTIONS))})")
        spec = self._path_option("spec", table)
        if spec is None:
            self._fail(f"{table}: missing option 'spec' (spec = \"openapi.yaml\", relative to the project root)")
        if not spec.is_file():
            self._fail(f"{table}/spec: {self._show(spec)} does not exist (paths are relative to the project root)")
        templates = self._path_option("templates", table)
        if templates is not None and not templates.is_dir():
            self._fail(f"{table}/templates: {self._show(templates)} is not a directory")
        from generator.config import config_path_for, is_package_name, package_name_problem

        package = self.config.get("package")
        if package is not None and (not isinstance(package, str) or not is_package_name(package)):
            problem = package_name_problem(package) if isinstance(package, str) else None
            self._fail(f"{table}/package: {problem or f'{package!r} is not a Python package name'} (choose a lower_snake_case name)")
        config = self._config_path(spec, table)
        return _Options(
            overlays=self._overlays_option(table),
            spec=spec,
            config=config,
            config_file=config or config_path_for(spec),
            templates=templates,
            package=package,
            strict=self._bool_option("strict", False, table),
            format=self._bool_option("format", True, table),
            runtime_dependencies=self._bool_option("runtime-dependencies", True, table),
        )

    def _config_path(self, spec: Path, table: str) -> Path | None:
        """The one place the generator config comes from; two places is an error."""
        explicit = self._path_option("config", table)
        pyproject = Path(self.root) / "pyproject.toml"
        in_pyproject = "clientgen" in self.metadata.config.get("tool", {})
        from generator.config import config_path_for

        beside_spec = config_path_for(spec)
        if explicit is not None:
            if not explicit.is_file():
                self._fail(f"{table}/config: {self._show(explicit)} does not exist")
            if in_pyproject and explicit.name != "pyproject.toml":
                self._fail(f"{table}/config: config in two places, {self._show(explicit)} and [tool.clientgen] "
                           "of pyproject.toml (keep one)")
            return explicit
        if in_pyproject:
            if beside_spec.is_file():
                self._fail(f"{self._show(pyproject)}#/tool/clientgen: config in two places, here and "
                           f"{self._show(beside_spec)} (keep one)")
            return pyproject
        return None

    def _overlays_option(self, table: str) -> tuple[Path, ...]:
        """`overlays = ["fix.overlay.yaml"]`: like `--overlay`, applied after the config's `overlays`."""
        value = self.config.get("overlays", [])
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            self._fail(f"{table}/overlays: expected a list of paths, got {value!r}")
        found = tuple(Path(self.root, item) for item in value)
        for index, path in enumerate(found):
            if not path.is_file():
                self._fail(f"{table}/overlays/{index}: {self._show(path)} does not exist "
                           "(paths are relative to the project root)")
        return found

    def _path_option(self, key: str, table: str) -> Path | None:
        value = self.config.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value:
            self._fail(f"{table}/{key}: expected a path string, got {value!r}")
        return Path(self.root, value)

    def _bool_option(self, key: str, default: bool, table: str) -> bool:
        value = self.config.get(key, default)
        if not isinstance(value, bool):
            self._fail(f"{table}/{key}: expected true or false, got {value!r}")
        return value

    def _hook_table(self) -> str:
        """Where the options live, as `pyproject.toml#/tool/hatch/...` for error messages."""
        hatch_build = self.metadata.config.get("tool", {}).get("hatch", {}).get("build", {})
        in_target = "clientgen" in hatch_build.get("targets", {}).get(self.target_name, {}).get("hooks", {})
        pointer = f"targets/{self.target_name}/hooks/clientgen" if in_target else "hooks/clientgen"
        return f"{self._show(Path(self.root) / 'pyproject.toml')}#/tool/hatch/build/{pointer}"

    def _show(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(Path(self.root).resolve()))
        except ValueError:
            return str(path)

    def _fail(self, message: str) -> NoReturn:
        self.app.abort(f"clientgen: error: {message}", code=EXIT_BAD_INPUT)
        raise SystemExit(EXIT_BAD_INPUT)  # abort exits; this line tells the type checker so


@dataclass(frozen=True)
class _Options:
    spec: Path
    config: Path | None  # None: the generator's default, <spec stem>.clientgen.yaml beside the spec
    config_file: Path  # the file config errors point at
    templates: Path | None
    overlays: tuple[Path, ...]  # applied after the config's `overlays`
    package: str | None
    strict: bool
    format: bool
    runtime_dependencies: bool


@hookimpl
def hatch_register_build_hook() -> type[ClientgenBuildHook]:
    return ClientgenBuildHook
