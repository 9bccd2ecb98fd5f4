"""The per-spec config file (`<spec>.clientgen.yaml` beside the spec).

Everything in it is optional; it renames what the spec names badly and says
what the spec cannot say (which schema a text/event-stream carries, how a
list operation pages). Unknown keys are errors, so a typo never silently
does nothing.
"""

from __future__ import annotations

import keyword
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from generator import naming
from generator.http_methods import is_token
from generator.ir.operations import STREAM_OPTIONS


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
class StopConfig:
    """`streams.<op>.stop`: the operation that stops an abandoned stream's task, and the
    event field that names the task (see docs/streams.md)."""

    operation: str = ""
    task_id_field: str = "task_id"


@dataclass(frozen=True)
class SpanConfig:
    """`streams.<op>.spans.<kind>`: the events that open and close one kind of span, and
    dotted paths in them (see docs/streams.md)."""

    open: str = ""
    close: str = ""
    id: str = ""
    key: str | None = None
    parent: Mapping[str, str] = field(default_factory=dict)
    name: str | None = None
    status: str | None = None
    inputs: str | None = None
    outputs: str | None = None
    elapsed: str | None = None
    tokens: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class SpanLogConfig:
    """`streams.<op>.span_logs.<event>`: events logged on the span of kind `span` whose id is at `id`."""

    span: str = ""
    id: str = ""
    label: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class StreamConfig:
    """`events: None` keeps the event type the spec gives (see docs/streams.md); `skip` to
    `terminal_data` are the IR's configurable STREAM_OPTIONS (tests/test_fact_owners.py)."""

    events: str | None = None
    mode_field: str | None = None
    stream_value: Any = None
    skip: tuple[str, ...] = ()
    error: tuple[str, ...] = ()
    terminal: tuple[str, ...] = ()
    text_event: str | None = None
    text_field: str | None = None
    replace_event: str | None = None
    final_event: str | None = None
    # `data:` payloads that end the stream; None: the runtime's default, `[DONE]`.
    terminal_data: tuple[str, ...] | None = None
    stop: StopConfig | None = None
    spans: Mapping[str, SpanConfig] = field(default_factory=dict)
    span_logs: Mapping[str, SpanLogConfig] = field(default_factory=dict)


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
class Selection:
    """Operations picked by operationId and/or by tag (`include:` / `exclude:`)."""

    tags: tuple[str, ...] = ()
    operations: tuple[str, ...] = ()


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
    # A model argument given as a dict: "typed" (a `<Model>Param` TypedDict, so mypy checks its keys)
    # or "any" (`Dict[str, Any]`, the way to turn that off).
    argument_dicts: str = "typed"  # one of ARGUMENT_DICTS
    templates: Path | None = None  # a template directory, relative to the config file
    # OpenAPI Overlay 1.0 documents applied to the spec in order before it is built (docs/overlays.md).
    overlays: tuple[Path, ...] = ()
    include: Selection | None = None  # None: every operation
    exclude: Selection = Selection()
    clients: str = "both"  # one of CLIENTS
    resource_layout: str = "nested"  # one of RESOURCE_LAYOUTS
    docstrings: str = "full"  # one of DOCSTRINGS
    line_length: int | None = None  # None: the formatter's default
    extra_dependencies: tuple[str, ...] = ()  # PEP 508 requirements added to the package's
    header: str | None = None  # comment text under the "Generated by clientgen" line
    tests: bool = True  # write tests/ beside the package: one per operation and mode, run against a mock
    # The header carrying an idempotency key on POST/PATCH; False: none; None: `Idempotency-Key`
    # if an operation of the spec declares that header.
    idempotency_header: str | bool | None = None
    webhooks: WebhooksConfig = field(default_factory=lambda: WebhooksConfig())  # see docs/webhooks.md
    source: Path | None = None


_TOP_KEYS = {
    "package_name", "distribution_name", "client_name", "api_key_env", "base_url_env", "base_url",
    "resources", "operations", "streams", "pagination", "model_style", "webhooks",
    "templates", "include", "exclude", "clients", "resource_layout", "docstrings", "line_length", "extra_dependencies", "header",
    "tests", "idempotency_header", "overlays", "argument_dicts",
}

# How models are generated: pydantic v2 classes (default), TypedDicts or (pydantic) dataclasses.
MODEL_STYLES = ("pydantic", "typeddict", "dataclasses")
ARGUMENT_DICTS = ("any", "typed")  # what a model argument given as a dict is typed as
CLIENTS = ("sync", "async", "both")  # which client classes the package has
# "nested": resources by tag and path (`client.chat.completions.create`); "flat": one
# resource per tag, methods named by operationId (`client.chat.create_chat_completion`).
RESOURCE_LAYOUTS = ("nested", "flat")
DOCSTRINGS = ("full", "summary", "none")  # method and model docstrings: all text, the first line/paragraph, none


# The config's sections that name operations: a build error pointing here is the config's fault.
_OPERATION_SECTIONS = ("/operations", "/streams", "/pagination", "/include", "/exclude")


def locate_build_error(message: str, pointer: str, spec: Path, config_file: Path) -> str:
    """`file#pointer: ...` for a build error whose own text is `#pointer: ...`: in the
    config file (inside `[tool.clientgen]` for a pyproject.toml) or else in the spec."""
    if not pointer.startswith(_OPERATION_SECTIONS):
        return f"{spec}{message}"
    table = "/tool/clientgen" if config_file.name == "pyproject.toml" else ""
    return f"{config_file}#{table}{message[1:]}"


def config_path_for(spec: Path) -> Path:
    """`specs/dify-chatflow.json` -> `specs/dify-chatflow.clientgen.yaml`."""
    return spec.with_name(spec.stem + ".clientgen.yaml")


def load_config(path: Path | None) -> Config:
    if path is None or not path.exists():
        return Config()
    if path.name == "pyproject.toml":
        return _config_from_pyproject(path)
    import yaml  # not needed without a config file (nor for a pyproject.toml)

    try:
        raw = _parse_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read config: {_one_line(exc)}", path, "", "fix the YAML") from None
    return config_from_mapping(raw, path)


def _parse_yaml(text: str) -> Any:
    """With libyaml's parser when present (10x faster); on an error the pure-Python one
    parses again, for its message, which quotes the line."""
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return yaml.safe_load(text)


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
        package_name=_name(data, "package_name", path),
        distribution_name=_name(data, "distribution_name", path),
        client_name=_name(data, "client_name", path),
        api_key_env=_name(data, "api_key_env", path),
        base_url_env=_name(data, "base_url_env", path),
        base_url=_opt_str(data, "base_url", path),
        resources={str(k): str(v) for k, v in _mapping(data.get("resources", {}), path, "/resources").items()},
        operations={
            str(op): _dataclass(OperationConfig, value, path, f"/operations/{op}")
            for op, value in _mapping(data.get("operations", {}), path, "/operations").items()
        },
        streams={
            str(op): _stream_config(value, path, f"/streams/{op}")
            for op, value in _mapping(data.get("streams", {}), path, "/streams").items()
        },
        pagination={
            str(op): _dataclass(PaginationConfig, value, path, f"/pagination/{op}")
            for op, value in _mapping(data.get("pagination", {}), path, "/pagination").items()
        },
        model_style=_model_style(data, path),
        argument_dicts=_argument_dicts(data, path),
        templates=_templates(data, path),
        overlays=_overlays(data.get("overlays", []), path),
        include=_selection(data["include"], path, "/include") if "include" in data else None,
        exclude=_selection(data.get("exclude", {}), path, "/exclude"),
        clients=_choice(data, "clients", CLIENTS, "both", path),
        resource_layout=_choice(data, "resource_layout", RESOURCE_LAYOUTS, "nested", path),
        docstrings=_choice(data, "docstrings", DOCSTRINGS, "full", path),
        line_length=_line_length(data, path),
        extra_dependencies=_requirements(data.get("extra_dependencies", []), path),
        header=_opt_str(data, "header", path),
        tests=_flag(data, "tests", True, path),
        idempotency_header=_idempotency_header(data, path),
        webhooks=_webhooks(data.get("webhooks", {}), path),
        source=path,
    )


# Names that end up in code: each must be what its place allows, and nothing more.
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NAMES = {
    "package_name": (re.compile(r"[a-z_][a-z0-9_]*"), "a lower_snake_case package name", "pet_store"),
    "client_name": (_IDENTIFIER, "a Python class name", "PetStore"),
    "distribution_name": (re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?"), "a PyPI project name", "pet-store"),
    "api_key_env": (_IDENTIFIER, "an environment variable name", "PETSTORE_API_KEY"),
    "base_url_env": (_IDENTIFIER, "an environment variable name", "PETSTORE_BASE_URL"),
}




def _idempotency_header(data: Mapping[str, Any], path: Path) -> str | bool | None:
    value = data.get("idempotency_header")
    if value is None or value is False:
        return value
    if not isinstance(value, str) or not is_token(value):
        raise ConfigError(f"idempotency_header must be a header name or false, not {value!r}", path,
                          "/idempotency_header", "e.g. idempotency_header: Idempotency-Key")
    return value


def is_package_name(text: str) -> bool:
    """What `import <text>` accepts and the config's `package_name` allows (also for
    --package-name): a lower_snake_case identifier that shadows no module the client imports."""
    return package_name_problem(text) is None


def package_name_problem(text: str) -> str | None:
    """Why `text` cannot be the package's name, or None when it can."""
    if not _fits(text, _NAMES["package_name"][0]):
        return f"{text!r} is not a Python package name (lower_snake_case, not a keyword)"
    shadowed = naming.shadowed_module(text)
    if shadowed:
        return f"{text!r} would shadow {shadowed} {text!r}, so the client could not import"
    return None


def _fits(value: str, pattern: re.Pattern[str]) -> bool:
    return bool(pattern.fullmatch(value)) and not keyword.iskeyword(value) and not keyword.issoftkeyword(value)


def _name(data: Mapping[str, Any], key: str, path: Path) -> str | None:
    value = _opt_str(data, key, path)
    pattern, what, example = _NAMES[key]
    if value is not None and not _fits(value, pattern):
        raise ConfigError(f"{key} {value!r} is not {what}", path, f"/{key}", f"e.g. {key}: {example}")
    problem = package_name_problem(value) if key == "package_name" and value is not None else None
    if problem:
        raise ConfigError(f"package_name {problem}", path, f"/{key}", f"choose another, e.g. {key}: {value}_client")
    return value


def _choice(data: Mapping[str, Any], key: str, allowed: tuple[str, ...], default: str, path: Path) -> str:
    value = data.get(key, default)
    if value not in allowed:
        raise ConfigError(f"unknown {key} {value!r}", path, f"/{key}", f"allowed values: {', '.join(allowed)}")
    return str(value)


def _flag(data: Mapping[str, Any], key: str, default: bool, path: Path) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"{key} must be true or false, not {value!r}", path, f"/{key}", f"e.g. {key}: false")
    return value


def _templates(data: Mapping[str, Any], path: Path) -> Path | None:
    value = _opt_str(data, "templates", path)
    if value is None:
        return None
    directory = path.parent / value
    if not directory.is_dir():
        raise ConfigError(f"templates directory {value!r} not found", path, "/templates",
                          "give a directory relative to the config file")
    return directory


def _overlays(value: Any, path: Path) -> tuple[Path, ...]:
    """Overlay files, relative to the config file; each must exist (what is in them: the load stage's)."""
    found = []
    for index, name in enumerate(_strings(value, path, "/overlays")):
        file = path.parent / name
        if not file.is_file():
            what = "not a file" if file.exists() else "not found"
            raise ConfigError(f"overlay {name!r} {what}", path, f"/overlays/{index}",
                              "give an Overlay document's path relative to the config file")
        found.append(file)
    return tuple(found)


def _selection(value: Any, path: Path, pointer: str) -> Selection:
    data = _mapping(value, path, pointer)
    _no_unknown(data, {"tags", "operations"}, path, pointer)
    lists = {key: _strings(data.get(key, []), path, f"{pointer}/{key}") for key in ("tags", "operations")}
    return Selection(tags=lists["tags"], operations=lists["operations"])


# What `streams.<op>` passes on to the stream is declared by the IR (STREAM_OPTIONS).
_STREAM_LISTS = tuple(o.name for o in STREAM_OPTIONS if o.configurable and o.shape == "names")
_STREAM_NAMES = ("events", "mode_field",
                 *(o.name for o in STREAM_OPTIONS if o.configurable and o.shape == "optional name"))


def _stream_config(value: Any, path: Path, pointer: str) -> StreamConfig:
    config: StreamConfig = _dataclass(StreamConfig, value, path, pointer)
    for key in _STREAM_LISTS:
        values = getattr(config, key)
        if values is not None:
            _strings(list(values) if isinstance(values, tuple) else values, path, f"{pointer}/{key}")
    for key in _STREAM_NAMES:
        if getattr(config, key) is not None and not isinstance(getattr(config, key), str):
            raise ConfigError(f"{key} must be a string", path, f"{pointer}/{key}", "quote the value")
    if config.stop is not None:
        config = replace(config, stop=_stop_config(config.stop, path, f"{pointer}/stop"))
    spans = {str(kind): _paths(SpanConfig, span, path, f"{pointer}/spans/{kind}", ("open", "close", "id"))
             for kind, span in _mapping(config.spans, path, f"{pointer}/spans").items()}
    logs = {str(event): _paths(SpanLogConfig, log, path, f"{pointer}/span_logs/{event}", ("span", "id"))
            for event, log in _mapping(config.span_logs, path, f"{pointer}/span_logs").items()}
    config = replace(config, spans=spans, span_logs=logs)
    for index, data in enumerate(config.terminal_data or ()):
        if not data.strip():
            raise ConfigError("terminal data must not be blank", path, f"{pointer}/terminal_data/{index}",
                              "name what the server sends after `data:`, e.g. \"[DONE]\"")
    return config


def _stop_config(value: Any, path: Path, pointer: str) -> StopConfig:
    stop: StopConfig = _dataclass(StopConfig, value, path, pointer)
    for key in ("operation", "task_id_field"):
        if not isinstance(getattr(stop, key), str) or not getattr(stop, key):
            raise ConfigError(f"{key} must be a non-empty string", path, f"{pointer}/{key}",
                              "e.g. stop: {operation: stopChatMessage, task_id_field: task_id}")
    return stop


def _paths(cls: Any, value: Any, path: Path, pointer: str, required: tuple[str, ...]) -> Any:
    """A dataclass of strings (event names, dotted paths), those in `required` not empty;
    a span's `parent` maps span kinds to paths."""
    found = _dataclass(cls, value, path, pointer)
    for key in cls.__dataclass_fields__:
        item = getattr(found, key)
        if key == "parent":
            for kind, where in _mapping(item, path, f"{pointer}/parent").items():
                if not isinstance(where, str) or not where:
                    raise ConfigError("expected a dotted path", path, f"{pointer}/parent/{kind}",
                                      "e.g. parent: {iteration: data.iteration_id}")
        elif (item is not None or key in required) and (not isinstance(item, str) or not item):
            raise ConfigError(f"{key} must be a non-empty string", path, f"{pointer}/{key}",
                              "an event name, or a dotted path in the event such as data.id")
    return found


def _strings(value: Any, path: Path, pointer: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ConfigError("expected a list", path, pointer, "write `[a, b]` or one `- item` per line")
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise ConfigError("expected a string", path, f"{pointer}/{index}", "quote the value")
    return tuple(value)


def _line_length(data: Mapping[str, Any], path: Path) -> int | None:
    value = data.get("line_length")
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 40 <= value <= 400):
        raise ConfigError(f"line_length must be a whole number from 40 to 400, not {value!r}", path,
                          "/line_length", "e.g. line_length: 100")
    return value


def _requirements(value: Any, path: Path) -> tuple[str, ...]:
    """Each a PEP 508 requirement, written back in its normal form (so it is plain data in TOML)."""
    texts = _strings(value, path, "/extra_dependencies")
    if not texts:
        return ()  # packaging takes a while to import
    from packaging.requirements import InvalidRequirement, Requirement

    found = []
    for index, text in enumerate(texts):
        try:
            found.append(str(Requirement(text)))
        except InvalidRequirement as exc:
            raise ConfigError(f"not a PEP 508 requirement: {_one_line(exc)}", path, f"/extra_dependencies/{index}",
                              "e.g. 'rich>=13' or 'tenacity>=8; python_version >= \"3.10\"'") from None
    return tuple(found)


def _model_style(data: Mapping[str, Any], path: Path) -> str:
    value = data.get("model_style", "pydantic")
    if value not in MODEL_STYLES:
        raise ConfigError(
            f"unknown model_style {value!r}", path, "/model_style", f"allowed values: {', '.join(MODEL_STYLES)}"
        )
    return str(value)


def _argument_dicts(data: Mapping[str, Any], path: Path) -> str:
    dataclasses = data.get("model_style", "pydantic") == "dataclasses"
    # Params are not made for dataclass models yet, so that style keeps plain dicts unless asked.
    value = _choice(data, "argument_dicts", ARGUMENT_DICTS, "any" if dataclasses else "typed", path)
    if value == "typed" and dataclasses:
        raise ConfigError("argument_dicts: typed is not made for model_style: dataclasses yet", path,
                          "/argument_dicts", "use model_style: pydantic (typeddict models are TypedDicts already)")
    return value


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


@dataclass(frozen=True)
class WebhookSignatureConfig:
    """`webhooks.signature`: how the sender signs its webhooks (generator/config_webhooks.py)."""

    scheme: str  # "standard-webhooks" | "hmac-sha256"
    header: str | None = None  # None: `webhook-signature` (standard-webhooks); hmac-sha256 needs one
    secret_env: str | None = None  # None: <PREFIX>_WEBHOOK_SECRET, a sibling of the API key's variable
    tolerance: int = 300  # standard-webhooks: seconds a timestamp may be off


@dataclass(frozen=True)
class WebhooksConfig:
    signature: WebhookSignatureConfig | None = None  # None: webhooks are parsed, never verified


def _webhooks(value: Any, path: Path) -> WebhooksConfig:
    from generator.config_webhooks import webhooks_config

    return webhooks_config(value, path)
