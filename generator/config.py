"""The per-spec config file (`<spec>.clientgen.yaml` beside the spec).

Everything in it is optional; it renames what the spec names badly and says
what the spec cannot say (which schema a text/event-stream carries, how a
list operation pages). Unknown keys are errors, so a typo never silently
does nothing.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml


class ConfigError(Exception):
    def __init__(self, message: str, file: Path, pointer: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.file, self.pointer, self.hint = message, file, pointer, hint

    def __str__(self) -> str:
        return f"{self.file}#{self.pointer}: {self.message} ({self.hint})"


@dataclass(frozen=True)
class OperationConfig:
    resource: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class StreamConfig:
    events: str
    mode_field: str | None = None
    stream_value: Any = None
    skip: tuple[str, ...] = ()
    error: tuple[str, ...] = ()
    terminal: tuple[str, ...] = ()
    text_event: str | None = None
    text_field: str | None = None
    replace_event: str | None = None
    final_event: str | None = None


@dataclass(frozen=True)
class PaginationConfig:
    style: str | None = None  # "cursor" | "page" | "none"
    items: str | None = None
    has_more: str | None = None
    limit: str | None = None
    cursor_param: str | None = None
    cursor_item_field: str | None = None
    cursor_from: str | None = None  # "last" | "first": which item of a page is the next cursor
    page_param: str | None = None
    total: str | None = None


@dataclass(frozen=True)
class Config:
    package_name: str | None = None
    distribution_name: str | None = None
    client_name: str | None = None
    api_key_env: str | None = None
    base_url_env: str | None = None
    base_url: str | None = None
    resources: Mapping[str, str] = field(default_factory=dict)
    operations: Mapping[str, OperationConfig] = field(default_factory=dict)
    streams: Mapping[str, StreamConfig] = field(default_factory=dict)
    pagination: Mapping[str, PaginationConfig] = field(default_factory=dict)
    model_style: str = "pydantic"  # one of MODEL_STYLES
    source: Path | None = None


_TOP_KEYS = {
    "package_name", "distribution_name", "client_name", "api_key_env", "base_url_env", "base_url",
    "resources", "operations", "streams", "pagination", "model_style",
}

# How models are generated: pydantic v2 classes (default) or TypedDicts.
MODEL_STYLES = ("pydantic", "typeddict")


def config_path_for(spec: Path) -> Path:
    """`specs/dify-chatflow.json` -> `specs/dify-chatflow.clientgen.yaml`."""
    return spec.with_name(spec.stem + ".clientgen.yaml")


def load_config(path: Path | None) -> Config:
    if path is None or not path.exists():
        return Config()
    if path.name == "pyproject.toml":
        return _config_from_pyproject(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read config: {_one_line(exc)}", path, "", "fix the YAML") from None
    return config_from_mapping(raw, path)


def _config_from_pyproject(path: Path) -> Config:
    """`[tool.clientgen]` of a pyproject.toml (absent: the defaults); error pointers start at /tool/clientgen."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config: {_one_line(exc)}", path, "", "fix the TOML") from None
    table = raw.get("tool", {}).get("clientgen", {})
    try:
        return config_from_mapping(table, path)
    except ConfigError as exc:
        raise ConfigError(exc.message, path, "/tool/clientgen" + exc.pointer, exc.hint) from None


def config_from_mapping(raw: Any, path: Path) -> Config:
    """Validate already-parsed settings (a YAML file's, or `[tool.clientgen]` of a pyproject.toml)."""
    data = _mapping(raw, path, "")
    _no_unknown(data, _TOP_KEYS, path, "")
    return Config(
        package_name=_opt_str(data, "package_name", path),
        distribution_name=_opt_str(data, "distribution_name", path),
        client_name=_opt_str(data, "client_name", path),
        api_key_env=_opt_str(data, "api_key_env", path),
        base_url_env=_opt_str(data, "base_url_env", path),
        base_url=_opt_str(data, "base_url", path),
        resources={str(k): str(v) for k, v in _mapping(data.get("resources", {}), path, "/resources").items()},
        operations={
            str(op): _dataclass(OperationConfig, value, path, f"/operations/{op}")
            for op, value in _mapping(data.get("operations", {}), path, "/operations").items()
        },
        streams={
            str(op): _dataclass(StreamConfig, value, path, f"/streams/{op}")
            for op, value in _mapping(data.get("streams", {}), path, "/streams").items()
        },
        pagination={
            str(op): _dataclass(PaginationConfig, value, path, f"/pagination/{op}")
            for op, value in _mapping(data.get("pagination", {}), path, "/pagination").items()
        },
        model_style=_model_style(data, path),
        source=path,
    )


def _model_style(data: Mapping[str, Any], path: Path) -> str:
    value = data.get("model_style", "pydantic")
    if value not in MODEL_STYLES:
        raise ConfigError(
            f"unknown model_style {value!r}", path, "/model_style", f"allowed values: {', '.join(MODEL_STYLES)}"
        )
    return str(value)


def _dataclass(cls: Any, value: Any, path: Path, pointer: str) -> Any:
    data = _mapping(value, path, pointer)
    names = set(cls.__dataclass_fields__)
    _no_unknown(data, names, path, pointer)
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise ConfigError(str(exc), path, pointer, f"allowed keys: {', '.join(sorted(names))}") from None


def _mapping(value: Any, path: Path, pointer: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError("expected a mapping", path, pointer, "write `key: value` pairs here")
    return value


def _no_unknown(data: Mapping[str, Any], allowed: set[str], path: Path, pointer: str) -> None:
    for key in sorted(map(str, data)):
        if key not in allowed:
            raise ConfigError(
                f"unknown key {key!r}", path, f"{pointer}/{key}", f"allowed keys: {', '.join(sorted(allowed))}"
            )


def _opt_str(data: Mapping[str, Any], key: str, path: Path) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{key} must be a string", path, f"/{key}", "quote the value")
    return value


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
