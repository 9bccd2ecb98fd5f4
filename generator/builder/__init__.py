"""Loaded spec + config -> `Api`, as passes run in this order (`build_api`):

1. discriminators: every discriminator in the document found, with the tags that
   select each variant (`discriminators.find_tagged_unions`), before any schema is
   built: a variant narrows its tag field while it is built, and the union naming
   it may be met later or never;
2. names: every component schema named (`names.name_components`);
3. operations: parameters, bodies and responses typed. Each schema they reach is
   defined here, on first use (`schemas.SchemaBuilder`: its shape picked by the one
   keyword dispatcher, `shapes.shape_of`; allOf merged; inline structures lifted
   under names from where they sit, in the order they are met);
4. streams and pages, per operation: what the config (or the spec's shape) says about
   SSE responses and list operations. An OpenAPI 3.2 SSE `itemSchema` of whole events
   tags its oneOf by `event` here, before that union is defined (it takes the
   operation's stream mode to know the answer is a stream), and defines each event
   with its `data` typed by its `contentSchema`;
5. resources: operations placed in the resource tree (tag, then path) under Python
   names, renamed by config;
6. webhooks: their payloads typed; then every component schema not reached yet
   defined (sorted), and the union of the webhook payloads added;
7. tags: `Field.is_tag` set on every field a discriminated union reads
   (`discriminators.mark_tags`), once all unions exist;
then the package, client and environment names from `info.title`.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Mapping

from generator import naming
from generator.builder.discriminators import find_tagged_unions, mark_tags
from generator.builder.errors import BuildError, BuildWarning
from generator.builder.names import name_components
from generator.builder.operations import OperationBuilder
from generator.builder.paging import page_info
from generator.builder.resources import group_resources, select_operations
from generator.builder.schemas import SchemaBuilder
from generator.builder.security import requirement, security_schemes, sibling_variable
from generator.builder.servers import default_url, document_base, operation_servers, servers
from generator.builder.spans import span_infos
from generator.builder.stops import stop_info
from generator.builder.streams import stream_info
from generator.builder.tags import TagTree
from generator.builder.webhooks import build_webhooks, finish_webhooks
from generator.config import Config
from generator.ir import Api

__all__ = ["BuildError", "BuildWarning", "build_api"]


def build_api(
    document: Mapping[str, Any], config: Config, source_name: str, *, config_must_match: bool = True
) -> tuple[Api, tuple[BuildWarning, ...]]:
    """`config_must_match=False` lets a config name operations the spec lacks (diffing two versions)."""
    warnings: list[BuildWarning] = []
    if not config_must_match:
        # Another version of the spec may lack a stream's event schema: that stream is just untyped.
        known = set((document.get("components") or {}).get("schemas") or {})
        config = dataclasses.replace(
            config, streams={op: cfg for op, cfg in config.streams.items() if cfg.events is None or cfg.events in known}
        )
    unions = find_tagged_unions(document, warnings)
    names = name_components(document, warnings)
    schemas = SchemaBuilder(document, unions, names, warnings)
    found = OperationBuilder(document, schemas, warnings).operations()
    info = document.get("info") or {}
    title = str(info.get("title") or "API")
    # The title's name even where the package took a suffix: NUMBERS_API_KEY, not NUMBERS_CLIENT_API_KEY.
    api_key_env = config.api_key_env or f"{naming.env_prefix(config.package_name or naming.package_from_title(title))}_API_KEY"
    schemes = security_schemes(document, [raw["security"] for _, _, raw in found if "security" in raw],
                               api_key_env, warnings)
    usable = {scheme.key: scheme for scheme in schemes}
    default_security = requirement(document.get("security"), usable)
    operations = []
    by_id = {operation.operation_id: operation for _, operation, _ in found}
    for pointer, operation, raw in found:
        stream_config = config.streams.get(operation.operation_id)
        stream = stream_info(operation, raw, stream_config, schemas, document, pointer, warnings)
        # (another version of the spec, when diffing, may lack the stop operation)
        stop_config = stream_config.stop if stream_config is not None else None
        if stream is not None and stop_config and (config_must_match or stop_config.operation in by_id):
            stop = stop_info(operation, stop_config, stream.event_type, by_id, schemas)
            stream = dataclasses.replace(stream, stop=stop)
        if stream is not None and stream_config is not None and (stream_config.spans or stream_config.span_logs):
            spans, span_logs = span_infos(operation.operation_id, stream_config, stream.event_type, schemas)
            stream = dataclasses.replace(stream, spans=spans, span_logs=span_logs)
        page = page_info(operation, config.pagination.get(operation.operation_id), schemas)
        security = requirement(raw["security"], usable) if "security" in raw else None
        operation = dataclasses.replace(
            operation, stream=stream, page=page,
            security=None if security == default_security else security,
            servers=operation_servers(document, operation.path, raw, pointer, warnings),
        )
        operations.append((operation, raw))
    if config_must_match:
        _check_config_names(config, {op.operation_id for op, _ in operations})
    operations = select_operations(operations, config, must_match=config_must_match)
    resources = group_resources(operations, config, warnings, TagTree(document, warnings))
    webhooks, definitions = build_webhooks(document, schemas, config.webhooks, warnings)

    package_name = config.package_name or _default_package_name(title, warnings)
    api_servers = servers(document.get("servers"), "/servers", warnings, document_base(document))
    api = Api(
        title=title,
        version=str(info.get("version") or ""),
        description=info.get("description") if isinstance(info.get("description"), str) else None,
        package_name=package_name,
        distribution_name=config.distribution_name or package_name.replace("_", "-"),
        client_name=config.client_name or naming.client_class_from_title(title),
        base_url=config.base_url or default_url(api_servers),
        api_key_env=api_key_env,
        base_url_env=config.base_url_env or sibling_variable(api_key_env, "BASE_URL"),
        source_name=source_name,
        security=schemes,
        schemas=mark_tags(definitions),
        resources=resources,
        model_style=config.model_style,
        argument_dicts=config.argument_dicts,
        webhooks=finish_webhooks(webhooks, api_key_env, resources),
        default_security=default_security,
        required_security=_shared_requirement([op for op, _ in operations], default_security),
        servers=api_servers,
        idempotency_header=_idempotency_header(config, [op for op, _ in operations]),
        log_env=sibling_variable(api_key_env, "LOG"),
    )
    return api, _collapse(warnings)


def _idempotency_header(config: Config, operations: list[Any]) -> str | None:
    """The config's header; else `Idempotency-Key` where the spec declares it (Stripe does)."""
    if isinstance(config.idempotency_header, str):
        return config.idempotency_header
    if config.idempotency_header is False:
        return None
    declared = any(p.location == "header" and p.wire_name.lower() == "idempotency-key"
                   for op in operations for p in op.parameters)
    return "Idempotency-Key" if declared else None


def _shared_requirement(operations: list[Any], default: Any) -> Any:
    """The requirement every operation has, if they share one that asks for credentials:
    the constructor checks it, so a missing key fails there, not on the first call."""
    found = {default if op.security is None else op.security for op in operations} or {default}
    if len(found) != 1:
        return None
    (shared,) = found
    return None if () in shared else shared


def _collapse(warnings: list[BuildWarning]) -> tuple[BuildWarning, ...]:
    """One warning per message: a spec that repeats a mistake 100 times (Octobat leaves `{id}`
    undeclared in 104 paths) gets one line with the count and the first place, not 100 lines."""
    places: dict[str, list[str]] = {}
    for warning in warnings:
        places.setdefault(warning.message, []).append(warning.pointer)
    return tuple(
        BuildWarning(message if len(found) == 1 else f"{message} ({len(found)} places, the first here)", found[0])
        for message, found in places.items()
    )


def _default_package_name(title: str, warnings: list[BuildWarning]) -> str:
    """From `info.title` ("GitHub v3 REST API" -> `github`), never a module the client imports."""
    name = naming.package_from_title(title)
    safe = naming.unshadowed_package(name)
    if safe != name:
        warnings.append(BuildWarning(
            f"the title gives the package name {name!r}, which would shadow {naming.shadowed_module(name)} "
            f"{name!r}; named {safe!r} (set package_name in the config or --package-name)", "/info/title"))
    return safe


def _check_config_names(config: Config, operation_ids: set[str]) -> None:
    for section, names in (("operations", config.operations), ("streams", config.streams), ("pagination", config.pagination)):
        for operation_id in sorted(names):
            if operation_id not in operation_ids:
                raise BuildError(
                    f"config names operation {operation_id!r}, which the spec does not have",
                    f"/{section}/{operation_id}",
                    "check the operationId in the spec (config file pointer)",
                )
