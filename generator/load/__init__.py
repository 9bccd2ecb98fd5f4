"""Load stage: a spec file on disk -> one validated, self-contained OpenAPI document.

    spec = load_spec(Path("openapi.yaml"))

Every external `$ref` is bundled (see `bundle.py`); local refs stay refs. Overlay documents
(`load_spec(path, overlays=[...])`, see `overlay.py`) change the bundled document, which is then
checked and bundled again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .bundle import Bundler
from .files import read_document
from .lint import lint_schemas
from .model import Diagnostic, LoadedSpec, LoadError, OpenAPIVersion
from .overlay import apply_overlay
from .validate import check_root

__all__ = ["Diagnostic", "LoadError", "LoadedSpec", "load_spec"]


def load_spec(path: Path, overlays: Sequence[Path] = ()) -> LoadedSpec:
    """Read, validate and bundle the spec at `path`, then apply the Overlay documents `overlays`
    to it in order (see overlay.py); raise LoadError if that fails."""
    path = Path(path)
    warnings: list[Diagnostic] = []
    document = read_document(path, warnings)
    # With overlays, the document is checked again once they are applied: what they fix is not reported.
    version = check_root(document, path, [] if overlays else warnings)
    bundler = Bundler(path, document, version, warnings)
    try:
        bundled = bundler.run()
        origins, files = bundler.origins(), bundler.files_read()
        if overlays:
            bundled, version, origins, files = _overlaid(bundled, path, overlays, warnings, origins, files)
        lint_schemas(bundled, path, origins, warnings)
    except RecursionError:
        raise LoadError(
            "the document is nested too deeply to process", path, hint="flatten deeply nested schemas"
        ) from None
    return LoadedSpec(document=bundled, source=path, version=version, warnings=tuple(warnings), files=files)


def _overlaid(
    bundled: dict[str, Any], path: Path, overlays: Sequence[Path], warnings: list[Diagnostic],
    origins: dict[str, tuple[Path, str]], files: tuple[Path, ...],
) -> tuple[dict[str, Any], OpenAPIVersion, dict[str, tuple[Path, str]], tuple[Path, ...]]:
    """The overlays applied to the bundled document (so they reach every file's part, by the
    name it has there), which is then checked and bundled again: a `$ref` an overlay added is
    resolved relative to the spec, and one that leads nowhere is an error."""
    document: Any = bundled
    for overlay in overlays:
        document = apply_overlay(document, Path(overlay), warnings)
    version = check_root(document, path, warnings)
    # The refs already bundled are local; their warnings were given by the first pass.
    again = Bundler(path, document, version, [])
    rebundled = again.run()
    return (rebundled, version, {**origins, **again.origins()},
            (*files, *again.files_read()[1:], *(Path(overlay) for overlay in overlays)))
