"""Black, made cheap: the one place generated Python is formatted.

Black is on the design card and is by far the slow stage (about 5 µs per byte
of source, twice over for text it changes), so its cost is managed here:

- Each module is cut into top-level chunks (a class or def with its
  decorators and the statements after it, up to the next one) and each chunk
  is formatted on its own; joined with two blank lines they are byte for byte
  black's output for the whole file (tests check it on real specs). A cut that
  falls inside a string or brackets makes its chunk unparseable, black refuses
  it, and that module is formatted whole instead, so a wrong cut cannot change
  the output.
- A chunk `blackcheck.is_black_clean` vouches for is black's output already
  (the templates emit black's layout) and is kept as it is; that test is
  exact for the forms it accepts and refuses the rest.
- Formatted modules, and the chunks black had to format, are cached by
  content hash on disk (black version, line length and target in the key):
  a module seen before costs one read, and regenerating after a spec change
  runs black only on changed chunks blackcheck cannot vouch for (cache location
  and switch: generator/emit/cache.py). Vouched-for chunks are not cached one
  by one: checking them again is cheaper than thousands of small files.
  Entries are written to a temp file and renamed into place, so concurrent
  runs are safe; an entry whose checksum does not match is ignored. The cache
  is pruned by age and size (generator/emit/cache.py).
- The chunks left are formatted in parallel worker processes when there is
  enough of them; black is only imported when something is left.
"""

from __future__ import annotations

import bisect
import collections
import concurrent.futures
import functools
import hashlib
import importlib.metadata
import multiprocessing
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from generator.emit.formatting.blackcheck import BLACK_MAJOR, is_black_clean
from generator.emit.cache import cache_root, prune_if_due, touch

DEFAULT_LINE_LENGTH = 100
TARGET = "py39"  # black's target version, part of the cache key

# Past this much source to format, use worker processes (starting one costs ~0.2 s).
_PARALLEL_FROM_CHARS = 150_000
# A top-level statement that starts a chunk; a cut inside a string or brackets is caught by black.
_CHUNK_START = re.compile(r"^(?:@|class |def |async def )", re.MULTILINE)
_TRIPLE_QUOTE = re.compile('"""')
_SEPARATOR = "\n\n"  # after a chunk's own newline: the two blank lines black puts around top-level defs
# The blank lines before the next chunk: black drops them at the end of a file, so they are cut off
# first (a chunk black leaves unchanged is formatted in one pass instead of two).
_TRAILING_BLANKS = re.compile(r"\n[ \t\n]*\Z")


def format_sources(sources: dict[str, str], *, line_length: int = DEFAULT_LINE_LENGTH) -> dict[str, str]:
    """{name: source} -> {name: black-formatted source}, names sorted."""
    cache = _Cache.open(line_length)
    result = {}
    for name in sorted(sources):
        if (text := cache.get(sources[name], whole=True)) is not None:
            result[name] = text
    pending = {name: source for name, source in sources.items() if name not in result}
    chunked = {name: split_chunks(pending[name]) for name in sorted(pending)}
    wanted = sorted({chunk for chunks in chunked.values() for chunk in chunks})
    done: dict[str, str] = {}
    if (_black_version() or "").split(".")[0] == BLACK_MAJOR:  # the rules it mirrors are black's
        done = {chunk: chunk for chunk in wanted if is_black_clean(chunk, line_length)}
    missing = [chunk for chunk in wanted if chunk not in done]
    done.update((chunk, text) for chunk in missing if (text := cache.get(chunk)) is not None)
    missing = [chunk for chunk in missing if chunk not in done]
    for chunk, text in zip(missing, _format_all(missing, line_length)):
        if text is not None:
            done[chunk] = text
            cache.put(chunk, text)
    # Each chunk let go after its last module is joined: the chunks are another copy of the
    # output, which at 60 MB of spec is 85 MB of peak memory.
    del wanted, missing
    uses = collections.Counter(chunk for chunks in chunked.values() for chunk in chunks)
    for name in list(chunked):
        chunks = chunked.pop(name)
        if all(chunk in done for chunk in chunks):
            result[name] = _join(done[chunk] for chunk in chunks)
        else:  # a chunk black refused: the whole file, so black's own error (if any) surfaces
            result[name] = _black(pending[name], line_length)
        cache.put(pending[name], result[name], whole=True)
        for chunk in chunks:
            uses[chunk] -= 1
            if not uses[chunk]:
                del uses[chunk]
                done.pop(chunk, None)
        del chunks
    if cache.root is not None:
        prune_if_due(cache.root.parent)  # after writing: what this run used is fresh, and stays
    return dict(sorted(result.items()))


def format_python(source: str, line_length: int = DEFAULT_LINE_LENGTH) -> str:
    return format_sources({"": source}, line_length=line_length)[""]


def split_chunks(source: str) -> list[str]:
    """The module cut before each top-level class/def (with its decorators and comments)."""
    starts = []
    in_decorators = False
    quotes = [m.start() for m in _TRIPLE_QUOTE.finditer(source)]
    for match in _CHUNK_START.finditer(source):
        if bisect.bisect(quotes, match.start()) % 2:
            continue  # a docstring line that looks like a def: not a cut (a heuristic; black checks)
        if not in_decorators:
            start = match.start()
            while start > 0:  # comment lines right above belong to the def
                previous = source.rfind("\n", 0, start - 1) + 1
                if not source.startswith("#", previous):
                    break
                start = previous
            if start > 0:
                starts.append(start)
        in_decorators = match.group() == "@"
    bounds = [0, *starts, len(source)]
    chunks = (source[a:b] for a, b in zip(bounds, bounds[1:]))
    return [_TRAILING_BLANKS.sub("\n", chunk) for chunk in chunks if chunk.strip()]


def _join(texts: Iterable[str]) -> str:
    return _SEPARATOR.join(text for text in texts if text)


def _format_all(chunks: list[str], line_length: int) -> list[str | None]:
    """Black on each chunk (None where black refuses it), in worker processes when there is a lot."""
    workers = min(os.cpu_count() or 1, 8)
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file and not os.path.exists(main_file):
        workers = 1  # `python - < script`: spawned workers would try to re-run "<stdin>"
    if workers < 2 or sum(map(len, chunks)) < _PARALLEL_FROM_CHARS:
        return [_format_chunk(chunk, line_length) for chunk in chunks]
    # Biggest first so no worker is left with one huge chunk at the end; spawn, not fork:
    # the caller may have threads (servers in tests, IDE plugins).
    order = sorted(range(len(chunks)), key=lambda i: -len(chunks[i]))
    context = multiprocessing.get_context("spawn")
    results: list[str | None] = [None] * len(chunks)
    try:
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
            formatted = pool.map(_format_chunk, [chunks[i] for i in order], [line_length] * len(chunks),
                                 chunksize=max(1, len(chunks) // (workers * 16)))
            for i, text in zip(order, formatted):
                results[i] = text
    except concurrent.futures.process.BrokenProcessPool:
        # Workers cannot start (a caller whose __main__ is stdin, a sandbox): format here.
        return [_format_chunk(chunk, line_length) for chunk in chunks]
    return results


def _format_chunk(source: str, line_length: int) -> str | None:
    from black.parsing import InvalidInput

    try:
        return _black(source, line_length)
    except InvalidInput:
        return None


def _black(source: str, line_length: int) -> str:
    import black

    mode = black.Mode(line_length=line_length, target_versions={black.mode.TargetVersion[TARGET.upper()]})
    return black.format_str(source, mode=mode)


@functools.lru_cache(maxsize=None)
def _black_version() -> str | None:
    """From the installed metadata: importing black just for its version would cost ~70 ms."""
    try:
        return importlib.metadata.version("black")
    except importlib.metadata.PackageNotFoundError:
        return None


class _Cache:
    """Formatted chunks on disk, one file per chunk, keyed by the chunk's hash."""

    def __init__(self, root: Path | None, line_length: int) -> None:
        self.root = root
        self.salt = f"{line_length}\n".encode()

    @classmethod
    def open(cls, line_length: int) -> _Cache:
        root, version = cache_root(), _black_version()
        return cls(root / f"black-{version}-{TARGET}" if root and version else None, line_length)

    def _path(self, text: str, whole: bool) -> Path:
        assert self.root is not None
        kind = b"module\n" if whole else b""
        key = hashlib.sha256(self.salt + kind + text.encode("utf-8", "surrogatepass")).hexdigest()
        return self.root / key[:2] / key[2:]

    def get(self, text: str, *, whole: bool = False) -> str | None:
        """The formatted chunk, or module (`whole`), for `text`, if cached."""
        if self.root is None:
            return None
        path = self._path(text, whole)
        try:
            stored = path.read_bytes()
        except OSError:
            return None
        checksum, _, body = stored.partition(b"\n")
        if hashlib.sha256(body).hexdigest().encode() != checksum:
            return None  # torn or corrupt: format again
        touch(path)  # used: pruning keeps it
        return body.decode("utf-8", "surrogatepass")

    def put(self, text: str, formatted: str, *, whole: bool = False) -> None:
        if self.root is None:
            return
        path = self._path(text, whole)
        body = formatted.encode("utf-8", "surrogatepass")
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
            os.replace(temp, path)
        except OSError:  # a read-only or full disk only costs speed
            temp.unlink(missing_ok=True)
