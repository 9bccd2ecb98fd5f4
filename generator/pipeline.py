"""The whole compiler as one call: spec path -> rendered files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.build import BuildWarning, build_api
from generator.config import Config, config_path_for, load_config
from generator.emit.render import render_package
from generator.ir import Api
from generator.load import Diagnostic, load_spec


@dataclass(frozen=True)
class Result:
    api: Api
    files: dict[str, str]
    warnings: tuple[str, ...]


def generate(
    spec_path: Path,
    *,
    package_name: str | None = None,
    config_path: Path | None = None,
    template_dir: Path | None = None,
    format_code: bool = True,
) -> Result:
    spec = load_spec(spec_path)
    config = load_config(config_path or config_path_for(spec_path))
    if package_name:
        config = _with_package(config, package_name)
    api, build_warnings = build_api(spec.document, config, spec_path.name)
    files = render_package(api, template_dir, format_code=format_code)
    warnings = tuple(str(w) for w in spec.warnings) + tuple(_describe(spec_path, w) for w in build_warnings)
    return Result(api, files, warnings)


def _with_package(config: Config, package_name: str) -> Config:
    from dataclasses import replace

    return replace(config, package_name=package_name, distribution_name=config.distribution_name)


def _describe(spec_path: Path, warning: BuildWarning | Diagnostic) -> str:
    if isinstance(warning, Diagnostic):
        return str(warning)
    return f"{spec_path}#{warning.pointer}: warning: {warning.message}"
