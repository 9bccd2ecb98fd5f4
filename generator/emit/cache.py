"""Where clientgen keeps what it can reuse between runs: black's output and compiled templates.

`CLIENTGEN_CACHE_DIR` moves it (default `$XDG_CACHE_HOME/clientgen`, else
`~/.cache/clientgen`); `CLIENTGEN_NO_CACHE=1` or `--no-cache` turns it off. Every
entry is keyed by the content it was made from, so a stale entry is never used,
only left behind; deleting the folder is always safe.

Left-behind entries would pile up (every spec edit leaves some), so the cache
is bounded: a hit refreshes its entry's mtime, and at most once a day a run
deletes the entries unused for `CLIENTGEN_CACHE_MAX_AGE_DAYS` (default 30), then
the least recently used ones until the total is under `CLIENTGEN_CACHE_MAX_MB`
(default 512).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2

_DAY = 86_400.0
_PRUNED_MARK = ".last-pruned"  # its mtime: when this cache was last pruned
_disabled = 0  # `--no-cache` for the run in progress (a count: the context nests)


def cache_root() -> Path | None:
    """The cache folder, or None when caching is off."""
    if _disabled or os.environ.get("CLIENTGEN_NO_CACHE", "") not in ("", "0"):
        return None
    base = os.environ.get("CLIENTGEN_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "clientgen"
    )
    return Path(base)


@contextlib.contextmanager
def disabled(off: bool = True) -> Iterator[None]:
    """No cache read or written inside (`--no-cache`), without touching the environment."""
    global _disabled
    _disabled += off
    try:
        yield
    finally:
        _disabled -= off


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


def _limit(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


def prune_if_due(root: Path | None = None) -> None:
    """`prune` the cache unless that was done in the last day (one stat on most runs)."""
    root = root if root is not None else cache_root()
    if root is None:
        return
    mark = root / _PRUNED_MARK
    try:
        if time.time() - mark.stat().st_mtime < _DAY:
            return
    except OSError:
        pass  # never pruned (or no cache yet)
    try:
        root.mkdir(parents=True, exist_ok=True)
        mark.touch()  # first, so concurrent runs do not all walk the cache
    except OSError:
        return
    prune(root, max_age_days=_limit("CLIENTGEN_CACHE_MAX_AGE_DAYS", 30),
          max_bytes=int(_limit("CLIENTGEN_CACHE_MAX_MB", 512) * 1e6))


def prune(root: Path, *, max_age_days: float, max_bytes: int) -> int:
    """Delete entries unused for `max_age_days`, then the oldest until the rest fit in `max_bytes`.
    Returns how many were deleted. Entries another run deletes meanwhile are skipped."""
    entries = []
    for folder, _, names in os.walk(root):
        for name in names:
            if name == _PRUNED_MARK and folder == str(root):
                continue
            path = os.path.join(folder, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            entries.append((info.st_mtime, info.st_size, path))
    entries.sort()  # least recently used first
    oldest_kept = time.time() - max_age_days * _DAY
    total = sum(size for _, size, _ in entries)
    removed = 0
    for mtime, size, path in entries:
        if mtime >= oldest_kept and total <= max_bytes:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
            removed += 1
        total -= size
    return removed


def touch(path: Path) -> None:
    """Mark an entry used (its mtime is its last use, for `prune`)."""
    with contextlib.suppress(OSError):
        os.utime(path)
