"""Load stage: a spec file on disk -> one validated, self-contained OpenAPI document.

    spec = load_spec(Path("openapi.yaml"))

Every external `$ref` is bundled (see `bundle.py`); local refs stay refs. Overlay documents
(`load_spec(path, overlays=[...])`, see `overlay.py`) change the spec as read, before the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .bundle import Bundler
from .files import read_document
from .lint import lint_schemas
from .model import Diagnostic, LoadedSpec, LoadError
from .overlay import apply_overlay
from .validate import check_root

__all__ = ["Diagnostic", "LoadError", "LoadedSpec", "load_spec"]


def load_spec(path: Path, overlays: Sequence[Path] = ()) -> LoadedSpec:
    """Read the spec at `path`, apply the Overlay documents `overlays` to it in order (see
    overlay.py), then validate and bundle it; raise LoadError if that fails."""
    path = Path(path)
    warnings: list[Diagnostic] = []
    document = read_document(path, warnings)
    for overlay in overlays:
        if isinstance(document, dict):  # anything else: check_root says what is wrong
            document = apply_overlay(document, Path(overlay), warnings)
    version = check_root(document, path, warnings)
    bundler = Bundler(path, document, version, warnings)
    try:
        bundled = bundler.run()
        lint_schemas(bundled, path, bundler.origins(), warnings)
    except RecursionError:
        raise LoadError(
            "the document is nested too deeply to process", path, hint="flatten deeply nested schemas"
        ) from None
    return LoadedSpec(
        document=bundled, source=path, version=version, warnings=tuple(warnings),
        files=(*bundler.files_read(), *(Path(overlay) for overlay in overlays)),
    )
