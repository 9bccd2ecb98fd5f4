"""The whole compiler as one call: spec path -> rendered files."""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import gc
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.builder import BuildWarning, build_api
from generator.config import Config, config_path_for, load_config
from generator.emit.views.context import RenderOptions
from generator.emit.formatting import DEFAULT_LINE_LENGTH, early_workers
from generator.emit.templating.render import render_package
from generator.http_methods import PATH_ITEM_METHODS
from generator.ir import Api
from generator.load import Diagnostic, LoadedSpec, load_spec
from generator.progress import QUIET, Progress


@dataclass(frozen=True)
class Result:
    api: Api
    files: dict[str, str]
    warnings: tuple[str, ...]
    # What the result depends on: the spec and every file its $refs reached, the config.
    inputs: tuple[Path, ...] = ()
    # With `compatible_with`: the CHANGELOG section for this update, else "".
    changelog: str = ""


def generate(
    spec_path: Path,
    *,
    package_name: str | None = None,
    config_path: Path | None = None,
    template_dir: Path | None = None,
    format_code: bool = True,
    progress: Progress | None = None,
    overlays: Sequence[Path] = (),
    compatible_with: Path | None = None,
) -> Result:
    """`template_dir` (the `--templates` option) wins over the config's `templates`; `overlays`
    (the `--overlay` options) are applied after the config's. `compatible_with`: the spec the
    current client was made from; its names the new spec changed are kept as deprecated aliases
    (`generator.compat`) and `Result.changelog` says what changed."""
    progress = progress or Progress(QUIET)
    workers = early_workers(_size(spec_path)) if format_code else None
    try:
        return _generate(spec_path, package_name, config_path, template_dir, format_code, progress, overlays,
                         compatible_with, workers)
    except BaseException:  # (Ctrl-C too) workers the session never took stop with the run
        if workers is not None:
            workers.shutdown(wait=False, cancel_futures=True)
        raise


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # loading says what is wrong with it


def _generate(
    spec_path: Path, package_name: str | None, config_path: Path | None, template_dir: Path | None,
    format_code: bool, progress: Progress, overlays: Sequence[Path], compatible_with: Path | None,
    workers: concurrent.futures.ProcessPoolExecutor | None,
) -> Result:
    with _without_cyclic_gc():
        spec, config_file, config, api, build_warnings = _build(
            spec_path, config_path, package_name, config_must_match=True, progress=progress, overlays=overlays
        )
        template_dir = template_dir or config.templates
        warnings = tuple(str(w) for w in spec.warnings) + tuple(_describe(spec_path, w) for w in build_warnings)
        spec_files = spec.files
        changelog = ""
        if compatible_with is not None:
            old_spec, _, _, old_api, _ = _build(compatible_with, config_file, package_name, config_must_match=False,
                                                overlays=overlays)
            spec_files = (*spec_files, *old_spec.files)
            api, changelog = _compatible(old_api, api, compatible_with, spec_path)
        # The loaded document takes about 6x the spec's size in memory and the IR holds all that
        # rendering needs: let it go before the output (about 2.5x the spec's size) is made.
        del spec
        progress.stage("render", f"{len(api.schemas)} models, {len(api.resources)} resources")
        files = render_package(
            api, template_dir, format_code=format_code, options=render_options(config),
            on_format=lambda count: progress.stage("format", f"{count} Python files"), workers=workers,
        )
    templates = sorted(p for p in template_dir.rglob("*") if p.is_file()) if template_dir else []
    return Result(api, files, warnings, (*spec_files, config_file, *templates), changelog)


def _compatible(old: Api, new: Api, old_path: Path, new_path: Path) -> tuple[Api, str]:
    from generator.compat import compatible
    from generator.diff import diff_apis
    from generator.emit.views.changelog import changelog_section

    changes = diff_apis(old, new)
    api, kept = compatible(old, new)
    return api, changelog_section(old, new, changes, kept, old_path.name, new_path.name)


@contextlib.contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """The cyclic GC paused for one generation. A run builds millions of objects that live
    until it ends (the document, the IR, the views, blackcheck's tokens) and leaves little
    cyclic garbage; every full collection walked all of them, so the GC's cost grew faster than
    the spec: 24% of the CPU time at 20 MB (bench/generate.py --scale). Peak memory measured the
    same without it. Reference counting still frees everything as usual."""
    enabled = gc.isenabled()
    gc.disable()
    # Schemas are defined on first use, one Python call chain per $ref chain: a spec whose
    # schemas refer on and on (A -> B -> C ..., a few hundred deep) outran the default limit.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _RECURSION_LIMIT))
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)
        if enabled:
            gc.enable()


# About 8 frames a schema: chains of 1,000 schemas, well inside the main thread's C stack.
_RECURSION_LIMIT = 10_000


def render_options(config: Config) -> RenderOptions:
    """The config keys that shape the files rather than the IR."""
    return RenderOptions(
        clients=config.clients,
        docstrings=config.docstrings,
        line_length=config.line_length or DEFAULT_LINE_LENGTH,
        extra_dependencies=config.extra_dependencies,
        header=config.header,
        tests=config.tests,
    )


def _build(
    spec_path: Path, config_path: Path | None, package_name: str | None, *, config_must_match: bool,
    progress: Progress | None = None, overlays: Sequence[Path] = (),
) -> tuple[LoadedSpec, Path, Config, Api, tuple[BuildWarning, ...]]:
    progress = progress or Progress(QUIET)
    progress.stage("load", str(spec_path))
    config_file = config_path or config_path_for(spec_path)
    config = load_config(config_file)  # first: its overlays change the spec as it is loaded
    spec = load_spec(spec_path, (*config.overlays, *overlays))
    if package_name:
        config = dataclasses.replace(config, package_name=package_name)
    progress.stage("build", _counts(spec.document))
    api, warnings = build_api(spec.document, config, spec_path.name, config_must_match=config_must_match)
    return spec, config_file, config, api, warnings


def _counts(document: dict[str, object]) -> str:
    """'N schemas, M operations' of a loaded (bundled) document, for the build stage's line."""
    components = document.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    paths = document.get("paths")
    items = [item for item in (paths.values() if isinstance(paths, dict) else ()) if isinstance(item, dict)]
    extra = [item.get("additionalOperations") for item in items]
    operations = sum(1 for item in items for key in item if key in PATH_ITEM_METHODS)
    operations += sum(len(more) for more in extra if isinstance(more, dict))
    return f"{len(schemas) if isinstance(schemas, dict) else 0} schemas, {operations} operations"


def _describe(spec_path: Path, warning: BuildWarning | Diagnostic) -> str:
    if isinstance(warning, Diagnostic):
        return str(warning)
    return f"{spec_path}#{warning.pointer}: warning: {warning.message}"


def build_only(
    spec_path: Path, *, config_path: Path | None = None, config_must_match: bool = True,
    overlays: Sequence[Path] = (),
) -> Api:
    """The IR of a spec with its config (and overlays), without rendering (for `diff`)."""
    with _without_cyclic_gc():
        return _build(spec_path, config_path, None, config_must_match=config_must_match, overlays=overlays)[3]
