"""The formatted modules of one package, cached in one file: a pack.

A package is hundreds or thousands of modules, and one entry per module doubled the files a
cold run creates. A new file costs 25 µs on this machine's ext4 at best, but 0.2-0.7 ms of
system time after many files were deleted (perf: the inode allocator steps over each recently
freed inode, and regenerating deletes the previous tree), against 35 µs to write 8 kB. So
each package (by name, line length and black version) has one pack, rewritten whole after a run that
formatted anything new. It holds exactly that run's modules, so it never grows with the
edits, and a changed module only costs its own formatting on the next run.

Layout: the formatted modules (UTF-8) one after another, then an index
(`{key: [offset, length, crc32]}`, JSON) and a last line
`clientgen-pack 1 <index offset> <index length> <index crc32>`. It is written beside its
place and renamed over it, so a reader sees the old pack or the new one, never half of one;
anything that does not parse or check out is a miss (the module is formatted again).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from generator.emit.cache import touch

_MAGIC = b"clientgen-pack 1 "
_TRAILER_MOST = 100  # bytes: the last line is far shorter


class ModulePack:
    """Formatted modules by their source's hash, read from (and later replacing) one pack."""

    def __init__(self, path: Path | None, salt: bytes) -> None:
        self.path = path
        self.salt = salt
        self.index: dict[str, tuple[int, int, int]] = {}
        self.missed = False  # a module was not in the pack: rewrite it at the end
        self.file: BinaryIO | None = None
        if path is not None:
            self._open(path)

    @classmethod
    def open(cls, folder: Path | None, name: str, line_length: int) -> ModulePack:
        """The pack for package `name` under `folder` (None: no pack, every lookup a miss)."""
        salt = f"{line_length}\n".encode()
        if folder is None:
            return cls(None, salt)
        digest = hashlib.sha256(salt + name.encode("utf-8", "surrogatepass")).hexdigest()
        return cls(folder / "packs" / digest[:32], salt)

    def key(self, source: str) -> str:
        return hashlib.sha256(self.salt + source.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> str | None:
        """The formatted module cached under `key`, or None."""
        entry = self.index.get(key)
        if entry is None or self.file is None:
            self.missed = True
            return None
        offset, length, crc = entry
        try:
            self.file.seek(offset)
            body = self.file.read(length)
        except OSError:
            body = b""
        if len(body) != length or zlib.crc32(body) != crc:
            self.missed = True
            return None
        return body.decode("utf-8", "surrogatepass")

    def save(self, modules: Iterable[tuple[str, str]]) -> None:
        """Replace the pack by `modules` ((key, formatted text) pairs), when this run formatted
        anything it did not hold (opening it marked it used: pruning keeps it)."""
        self.close()
        if self.path is None or not self.missed:
            return
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
            with open(handle, "wb") as file:
                _write(file, modules)
            os.replace(temporary, self.path)
        except OSError:  # a read-only or full disk only costs speed
            pass
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()  # before the pack is replaced: Windows cannot rename over an open file
            self.file = None

    def _open(self, path: Path) -> None:
        try:
            file = open(path, "rb")
        except OSError:
            return
        try:
            self.index = _read_index(file)
        except (OSError, ValueError, TypeError):
            self.index = {}
        if self.index:
            self.file = file
            touch(path)
        else:
            file.close()


def _write(file: BinaryIO, modules: Iterable[tuple[str, str]]) -> None:
    index: dict[str, list[int]] = {}
    offset = 0
    for key, text in modules:
        if key in index:
            continue  # two modules with the same source
        body = text.encode("utf-8", "surrogatepass")
        file.write(body)
        index[key] = [offset, len(body), zlib.crc32(body)]
        offset += len(body)
    table = json.dumps(index, separators=(",", ":")).encode()
    file.write(table + b"\n")  # the table has no newline of its own (JSON escapes them)
    file.write(_MAGIC + f"{offset} {len(table)} {zlib.crc32(table)}\n".encode())


def _read_index(file: BinaryIO) -> dict[str, tuple[int, int, int]]:
    size = file.seek(0, os.SEEK_END)
    file.seek(max(0, size - _TRAILER_MOST))
    tail = file.read()
    start = tail.rfind(b"\n", 0, len(tail) - 1) + 1
    line = tail[start:]
    if not line.startswith(_MAGIC) or not line.endswith(b"\n"):
        return {}
    offset, length, crc = (int(part) for part in line[len(_MAGIC) :].split())
    if offset + length + 1 != size - len(line):
        return {}
    file.seek(offset)
    table = file.read(length)
    if len(table) != length or zlib.crc32(table) != crc:
        return {}
    index = {key: (int(a), int(b), int(c)) for key, (a, b, c) in json.loads(table).items()}
    if any(a + b > offset for a, b, _ in index.values()):
        return {}
    return index
