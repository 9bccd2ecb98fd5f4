"""IR -> the files of the client package, as {relative path: text}, formatted.

Nothing here touches the output directory; `write.py` does, atomically.
"""

from __future__ import annotations

import concurrent.futures
import json
import re
from pathlib import Path
from types import TracebackType
from typing import Any, Callable, Mapping

import jinja2

from generator.emit.views import literals
from generator.emit.views.auth import server_displays, server_selection
from generator.emit.cache import template_cache
from generator.emit.views.context import (
    ClientView,
    InitView,
    ProjectView,
    RenderOptions,
    ResourcesView,
    RuntimeView,
    api_title,
    common_view,
)
from generator.emit.views.docstrings import with_docstrings
from generator.emit.formatting import DEFAULT_LINE_LENGTH, FormatSession
from generator.emit.formatting.layout import display_at, template_helpers
from generator.emit.views.models import models_view
from generator.emit.templating.precompiled import BuiltinLoader
from generator.emit.views.readme import readme_view
from generator.emit.views.resources import ResourceView, resource_view
from generator.emit.views.testsuite import test_modules
from generator.emit.views.webhooks import runtime_modules, webhooks_view
from generator.ir import Api, SchemaDef

_PACKAGE_DIR = Path(__file__).resolve().parents[2]
RUNTIME_DIR = _PACKAGE_DIR / "runtime"


BUILTIN_PREFIX = "builtin:"  # "builtin:package/models.py.j2" is always the shipped template


def templates_dir() -> Path:
    """Inside a wheel the templates ship in the package; in a checkout they sit beside it."""
    shipped = _PACKAGE_DIR / "templates"
    return shipped if shipped.is_dir() else _PACKAGE_DIR.parent / "templates"


def environment(template_dir: Path | None = None) -> jinja2.Environment:
    """Templates by name: the user's directory first, then the built-in ones; a name
    starting with `builtin:` is always the built-in template, so an override can
    `{% extends "builtin:package/resources/resource.py.j2" %}` and replace one block."""
    builtin = BuiltinLoader(templates_dir())
    loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({BUILTIN_PREFIX[:-1]: builtin}, delimiter=":")]
    if template_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(template_dir)))  # the user's overrides
    loaders.append(builtin)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        bytecode_cache=template_cache(),
    )
    env.filters["pystr"] = literals.string
    env.filters["tomlstr"] = lambda text: json.dumps(str(text), ensure_ascii=False)
    env.filters["doc"] = literals.docstring_body
    _lay_out_for(env, DEFAULT_LINE_LENGTH)
    return env


def _lay_out_for(env: jinja2.Environment, line_length: int) -> None:
    """What templates use to write lines the way black would (so black has less to do)."""
    helpers, filters = template_helpers(line_length)
    env.globals.update(helpers)
    env.filters.update(filters)


def _resource_views(api: Api, schemas: Mapping[str, SchemaDef], options: RenderOptions) -> tuple[ResourceView, ...]:
    from generator.emit.views.models_split import splits

    children: dict[object, list[Any]] = {}  # by parent path: one pass, not one per resource (quadratic)
    for r in api.resources:
        children.setdefault(r.parents, []).append(r)
    return tuple(
        resource_view(r, schemas, options.docstrings, api.model_style, options.line_length,
                      children=children.get(r.attribute_path, []), argument_dicts=api.argument_dicts,
                      lazy_models=splits(api))
        for r in api.resources
    )


def shipped_test_ids(api: Api, options: RenderOptions | None = None) -> dict[str, str]:
    """{pytest node id of a shipped test: the operationId it calls}, as `render_package` writes
    them (the conformance runner scores operations by it)."""
    options = options or RenderOptions()
    resources = _resource_views(api, {d.name: d for d in api.schemas}, options)
    return {
        f"tests/{suite.module}.py::{prefix}{case.name}": case.operation.operation_id
        for suite in test_modules(api, resources) for case in suite.cases for prefix in ("test_", "test_async_")
    }


def render_package(
    api: Api, template_dir: Path | None = None, *, format_code: bool = True, options: RenderOptions | None = None,
    on_format: Callable[[int], None] | None = None, workers: concurrent.futures.ProcessPoolExecutor | None = None,
) -> dict[str, str]:
    """`format_code=False` skips black (for those who format the package themselves);
    `on_format(count)` is told before formatting starts (progress); `workers`: formatting
    workers started ahead (`formatting.early_workers`), which the formatting session takes over."""
    options = options or RenderOptions()
    api = with_docstrings(api, options.docstrings)
    env = environment(template_dir)
    _lay_out_for(env, options.line_length)
    schemas = {d.name: d for d in api.schemas}
    common: dict[str, Any] = vars(common_view(api, options, literals.docstring_body(api_title(api.title))))
    package = api.package_name
    files: dict[str, str] = {}
    sources = _PythonFiles(FormatSession(options.line_length, pack=package, pool=workers) if format_code else None)
    try:
        resources = _resource_views(api, schemas, options)
        _render_models(env, api, common, sources)
        if api.model_style == "pydantic":
            from generator.emit.views.models import SchemasView, drift_table

            drift = SchemasView(table_file="_schemas.json")
            sources[f"{package}/_schemas.py"] = _render(env, "package/_schemas.py.j2", **common, **vars(drift))
            files[f"{package}/{drift.table_file}"] = json.dumps(drift_table(api.schemas), indent=1, ensure_ascii=False) + "\n"
        sources[f"{package}/resources/__init__.py"] = _render(
            env, "package/resources/__init__.py.j2", **common, **vars(ResourcesView(resources))
        )
        for view in resources:
            sources[f"{package}/resources/{view.module}.py"] = _render(
                env, "package/resources/resource.py.j2", **common, r=view
            )
        client = ClientView(
            resources=tuple(view for view in resources if not view.resource.parents),
            base_url=api.base_url,
            base_url_doc=literals.docstring_body(api.base_url),
            doc=literals.docstring_body(f"Client for the {api_title(api.title)}."),
            user_agent=f"{api.distribution_name}/{common['version']} (python; clientgen)",
            servers=display_at("client_servers", "", "(", server_displays(api.servers), ")",
                               line_length=options.line_length) if server_selection(api) else None,
            idempotency_header=None if api.idempotency_header is None else literals.string(api.idempotency_header),
        )
        sources[f"{package}/_client.py"] = _render(env, "package/_client.py.j2", **common, **vars(client))
        if api.webhooks is not None:
            hooks_view = webhooks_view(api, options)
            sources[f"{package}/webhooks.py"] = _render(env, "package/webhooks.py.j2", **common, **vars(hooks_view))
        exceptions = tuple(_runtime_exports("_exceptions.py"))
        sources[f"{package}/__init__.py"] = _render(
            env, "package/__init__.py.j2", **common, **vars(InitView(exceptions, _exports(api, exceptions, options)))
        )
        for module in runtime_modules(api, RUNTIME_DIR):
            source = module.read_text(encoding="utf-8")
            text = _render(env, "package/_runtime.py.j2", **common, **vars(RuntimeView(module.stem, source)))
            if format_code and options.line_length == DEFAULT_LINE_LENGTH and text == f"{common['header']}\n{source}":
                # Kept black-clean in the repo (tests/test_formatting.py): nothing for black to do.
                files[f"{package}/{module.name}"] = text
            else:
                sources[f"{package}/{module.name}"] = text  # formatted with the rest: in parallel, cached
        files[f"{package}/py.typed"] = _render(env, "package/py.typed.j2", **common)
        project = ProjectView(
            distribution_name=api.distribution_name,
            description=f"Typed Python client for the {api_title(api.title)} (generated by clientgen).",
            dependencies=(*_DEPENDENCIES, *options.extra_dependencies),
        )
        files["pyproject.toml"] = _render(env, "package/pyproject.toml.j2", **common, **vars(project))
        if options.tests:
            sources["tests/conftest.py"] = _render(env, "package/tests/conftest.py.j2", **common)
            for suite in test_modules(api, resources):
                sources[f"tests/{suite.module}.py"] = _render(env, "package/tests/test_resource.py.j2", **common, t=suite)
        readme = readme_view(api, list(resources), options.extra_dependencies, tests=options.tests)
        files["README.md"] = _render(env, "package/README.md.j2", **common, **vars(readme))
        if format_code and on_format is not None:
            on_format(len(sources))
        files.update(sources.result())
    except BaseException:  # (Ctrl-C too) the formatting workers stop with the run
        sources.abandon()
        raise
    return dict(sorted(files.items()))


class _PythonFiles:
    """The Python files of a package, each given to the formatting session as it is rendered
    (past a size the session checks them in worker processes meanwhile); unformatted without one."""

    def __init__(self, session: FormatSession | None) -> None:
        self.session = session
        self.texts: dict[str, str] = {}
        self.count = 0

    def __setitem__(self, name: str, text: str) -> None:
        self.count += 1
        if self.session is None:
            self.texts[name] = text
        else:
            self.session.add(name, text)

    def update(self, texts: dict[str, str]) -> None:
        for name in sorted(texts):
            self[name] = texts[name]

    def __len__(self) -> int:
        return self.count

    def result(self) -> dict[str, str]:
        return self.texts if self.session is None else self.session.finish()

    def abandon(self) -> None:
        if self.session is not None:
            self.session.abandon()


_DEPENDENCIES = ("httpx>=0.27,<1", "httpx-sse>=0.4,<0.5", "pydantic>=2.7,<3", "typing-extensions>=4.10")


def _exports(api: Api, exceptions: tuple[str, ...], options: RenderOptions) -> tuple[str, ...]:
    """The package's `__all__`: the clients and runtime types of the flavours emitted."""
    names = {"API_KEY_ENV", "BASE_URL_ENV", "DEFAULT_BASE_URL", *exceptions, "StreamResult", "NOT_GIVEN",
             "FileInput", "NotGiven"}
    if api.webhooks is not None:
        names |= {"WebhookError", "WebhookPayloadError", "WebhookSignatureError"}
    if options.clients != "async":
        names |= {api.client_name, "SyncPage", "APIResponse", "Stream"}
    if options.clients != "sync":
        names |= {f"Async{api.client_name}", "AsyncPage", "AsyncPaginator", "AsyncAPIResponse", "AsyncStream"}
    return tuple(sorted(names))


def _render_models(env: jinja2.Environment, api: Api, common: dict[str, Any], files: _PythonFiles) -> None:
    """models.py in the config's `model_style`, or for a big spec a `models/` package of
    groups (models_split.py), into `files` one by one (formatting starts on the first ones while
    the rest render); the other styles' views are only imported when used."""
    from generator.emit.views.models_split import ModelGroup, index_view, model_groups

    view: Callable[..., Any] = models_view
    template = "package/models.py.j2"
    if api.model_style == "dataclasses":
        from generator.emit.views.models_dataclasses import BASE, dataclass_models_view

        template, view = "package/models_dataclasses.py.j2", dataclass_models_view
    elif api.model_style == "typeddict":
        from generator.emit.views.models_typeddict import typeddict_models_view

        template, view = "package/models_typeddict.py.j2", typeddict_models_view
    package = api.package_name
    groups = model_groups(api)
    if not groups:
        files[f"{package}/models.py"] = _render(env, template, **common, **vars(view(api)))
        return
    params: list[str] = []
    for group in groups:
        group_view = view(api, group, groups)
        params += [p.name for p in getattr(group_view, "param_dicts", ())]  # pydantic style only
        files[f"{package}/models/{group.module}.py"] = _render(env, template, **common, **vars(group_view))
    if api.model_style == "dataclasses":
        base = ModelGroup(BASE, frozenset())
        files[f"{package}/models/{BASE}.py"] = _render(env, template, **common, **vars(view(api, base, groups)))
    index = index_view(groups, params)
    files[f"{package}/models/__init__.py"] = _render(env, "package/models/__init__.py.j2", **common, **vars(index))


def _runtime_exports(module: str) -> list[str]:
    text = (RUNTIME_DIR / module).read_text(encoding="utf-8")
    match = re.search(r"__all__ = \[(.*?)\]", text, re.S)
    names = re.findall(r'"(\w+)"', match.group(1)) if match else []
    return sorted(n for n in names if not n.startswith("make_"))


class TemplateFailure(Exception):
    """A template failed to load or render (most likely one from a user's template directory)."""


def _render(env: jinja2.Environment, template: str, **context: Any) -> str:
    try:
        return env.get_template(template).render(**context)
    except jinja2.TemplateError as exc:
        raise TemplateFailure(f"{_where(exc, template)}: {type(exc).__name__}: {exc}") from exc


def _where(exc: jinja2.TemplateError, template: str) -> str:
    """The template file and line the error arose in (Jinja maps its frames back to templates)."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return f"{exc.filename}:{exc.lineno}"
    frames = [(tb.tb_frame.f_code.co_filename, tb.tb_lineno) for tb in _frames(exc.__traceback__)]
    in_templates = [f"{name}:{line}" for name, line in frames if name.endswith(".j2")]
    return in_templates[-1] if in_templates else template


def _frames(tb: TracebackType | None) -> list[TracebackType]:
    found = []
    while tb is not None:
        found.append(tb)
        tb = tb.tb_next
    return found
