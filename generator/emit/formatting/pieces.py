"""Black's version, and the pieces black formatted, cached on disk one file each.

Vouched-for pieces are not cached: checking one again is cheaper than a file. Formatted
modules are cached a package at a time (`pack.py`).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
from pathlib import Path

from generator.emit.cache import cache_root, touch

TARGET = "py39"  # black's target version, part of the cache key


@functools.lru_cache(maxsize=None)
def _black_version() -> str | None:
    """The installed black's version, from its metadata folder's name (`black-26.10.1.dist-info`,
    beside the package): importing black for it costs ~70 ms, importlib.metadata ~25 ms. Anything
    unusual (no such folder, or several) asks importlib.metadata."""
    spec = importlib.util.find_spec("black")
    if spec is not None and spec.origin:
        site = Path(spec.origin).parent.parent
        try:
            found = [name for name in os.listdir(site) if name.startswith("black-") and name.endswith(".dist-info")]
        except OSError:
            found = []
        if len(found) == 1:
            return found[0][len("black-") : -len(".dist-info")]
    from importlib import metadata

    try:
        return metadata.version("black")
    except metadata.PackageNotFoundError:
        return None


class _Cache:
    """Formatted chunks on disk, one file per chunk, keyed by the chunk's hash."""

    def __init__(self, root: Path | None, line_length: int) -> None:
        self.root = root
        self.salt = f"{line_length}\n".encode()
        self.made: set[Path] = set()  # the folders known to exist

    @classmethod
    def open(cls, line_length: int) -> _Cache:
        root, version = cache_root(), _black_version()
        return cls(root / f"black-{version}-{TARGET}" if root and version else None, line_length)

    def _path(self, text: str) -> Path:
        assert self.root is not None
        key = hashlib.sha256(self.salt + text.encode("utf-8", "surrogatepass")).hexdigest()
        return self.root / key[:2] / key[2:]

    def get(self, text: str) -> str | None:
        """The formatted chunk for `text`, if cached."""
        if self.root is None:
            return None
        path = self._path(text)
        try:
            stored = path.read_bytes()
        except OSError:
            return None
        checksum, _, body = stored.partition(b"\n")
        if hashlib.sha256(body).hexdigest().encode() != checksum:
            return None  # torn or corrupt: format again
        touch(path)  # used: pruning keeps it
        return body.decode("utf-8", "surrogatepass")

    def put(self, text: str, formatted: str) -> None:
        if self.root is None:
            return
        path = self._path(text)
        body = formatted.encode("utf-8", "surrogatepass")
        # Written in place, without a temporary file and a rename (each system call counts): a
        # torn or half-written entry fails its checksum and reads as a miss, and two runs writing
        # one key write the same bytes at the same offsets.
        try:
            if path.parent not in self.made:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.made.add(path.parent)
            with open(path, "wb") as file:
                file.write(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
        except OSError:  # a read-only or full disk only costs speed
            pass
