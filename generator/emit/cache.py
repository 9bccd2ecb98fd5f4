"""Where clientgen keeps what it can reuse between runs: black's output and compiled templates.

`CLIENTGEN_CACHE_DIR` moves it (default `$XDG_CACHE_HOME/clientgen`, else
`~/.cache/clientgen`); `CLIENTGEN_NO_CACHE=1` turns it off. Every entry is
keyed by the content it was made from, so a stale entry is never used, only
left behind; deleting the folder is always safe.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2


def cache_root() -> Path | None:
    """The cache folder, or None when caching is off."""
    if os.environ.get("CLIENTGEN_NO_CACHE", "") not in ("", "0"):
        return None
    base = os.environ.get("CLIENTGEN_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "clientgen"
    )
    return Path(base)


def template_cache() -> jinja2.BytecodeCache | None:
    """Compiled Jinja templates (keyed by template name and source checksum): saves ~0.1 s a run."""
    import jinja2

    root = cache_root()
    if root is None:
        return None
    folder = root / f"jinja-{jinja2.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))
