"""The formatting seam: the one place generated Python is formatted.

The contract, for everything in this package: **black's output, byte for byte, or black
runs.** `format_sources` is the only entry point the rest of the generator calls (and
`format_python` for one text); its result is exactly what black 26 (pinned major version,
`TARGET`, the given line length) makes of each whole module. The devices below only make
reaching that output cheaper; each either proves its answer equals black's or hands the text
to black:

- `chunks.py` cuts each module where black lays out the pieces independently: before each
  top-level class/def, and a big one-item-a-line display (the drift table) item by item. A
  cut that is not such a place gives a piece black refuses or that does not come back in its
  frame, and the whole module goes to black.
- `blackcheck/` vouches for a piece that black would return unchanged (the templates write
  black's layout); it is exact for the forms it accepts and refuses the rest. It is used only
  when the installed black's major version is the one it mirrors.
- `layout.py` is the templates' side: it writes long lines the way black splits them, so that
  more pieces are vouched for. It never decides what the output is: a layout black would
  change is only slower (black runs on it).
- Formatted modules, and the pieces black had to format, are cached by content hash on disk
  (black version, line length and target in the key; temp file + rename, checksummed;
  generator/emit/cache.py prunes it and says where it is): a module seen before costs one
  read. Vouched-for pieces are not cached one by one: checking again is cheaper than
  thousands of small files.
- Vouching and black run in worker processes when there is enough of them (black is about
  5 µs a byte, vouching about 0.25); black is only imported where something is left for it.
"""

from __future__ import annotations

import collections
import concurrent.futures
import functools
import hashlib
import importlib.metadata
import multiprocessing
import os
import sys
from pathlib import Path

from generator.emit.formatting.blackcheck import BLACK_MAJOR, is_black_clean, share_memo
from generator.emit.formatting.chunks import join_chunks, split_chunks, split_display
from generator.emit.cache import cache_root, prune_if_due, touch

DEFAULT_LINE_LENGTH = 100
TARGET = "py39"  # black's target version, part of the cache key

# Past this much source for black, use worker processes (starting one costs ~0.3 s).
_PARALLEL_BLACK_FROM_CHARS = 150_000
# Past this much source in all, vouch for the pieces in the workers too (about 1 s of checks, of
# which starting the workers takes back some: GitHub's or Stripe's 3 MB stay in the parent).
_PARALLEL_CHECK_FROM_CHARS = 4_000_000


def format_sources(sources: dict[str, str], *, line_length: int = DEFAULT_LINE_LENGTH) -> dict[str, str]:
    """{name: source} -> {name: black-formatted source}, names sorted.

    The contract: each text returned is black's output for that source, byte for byte (black
    26 with this line length and target), or black's own error is raised. Everything here
    (the cuts, blackcheck's vouching, the cache) only decides how cheaply that output is
    reached; whatever cannot be shown to give black's output is given to black."""
    cache = _Cache.open(line_length)
    result = {}
    for name in sorted(sources):
        if (text := cache.get(sources[name], whole=True)) is not None:
            result[name] = text
    pending = {name: source for name, source in sources.items() if name not in result}
    chunked = {name: split_chunks(pending[name]) for name in sorted(pending)}
    unique = sorted({chunk for chunks in chunked.values() for chunk in chunks})
    displays = {chunk: pieces for chunk in unique if (pieces := split_display(chunk)) is not None}
    wanted = sorted({piece for chunk in unique for piece in (displays[chunk].pieces if chunk in displays else (chunk,))})
    del unique
    done = _format_all(wanted, line_length, cache)
    for chunk, pieces in displays.items():
        if (text := pieces.assemble(done)) is not None:
            done[chunk] = text
    # Each chunk let go after its last module is joined: the chunks are another copy of the
    # output, which at 60 MB of spec is 85 MB of peak memory.
    del wanted, displays
    uses = collections.Counter(chunk for chunks in chunked.values() for chunk in chunks)
    for name in list(chunked):
        chunks = chunked.pop(name)
        if all(chunk in done for chunk in chunks):
            result[name] = join_chunks(done[chunk] for chunk in chunks)
        else:  # a piece black refused: the whole file, so black's own error (if any) surfaces
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


def _format_all(pieces: list[str], line_length: int, cache: _Cache) -> dict[str, str]:
    """{piece: black's output} for the pieces black accepts, in worker processes when there is a
    lot: vouching is about 0.25 µs a byte and black about 5, both per piece, so two cores halve
    both (starting a worker costs ~0.3 s, hence the thresholds)."""
    vouch = (_black_version() or "").split(".")[0] == BLACK_MAJOR  # the rules it mirrors are black's
    workers = _workers()
    if workers > 1 and sum(map(len, pieces)) >= _PARALLEL_CHECK_FROM_CHARS:
        outcomes = _in_workers(pieces, workers, line_length, cache, vouch)
        return {piece: text if isinstance(text, str) else piece for piece, text in zip(pieces, outcomes) if text}
    done = {piece: piece for piece in pieces if vouch and is_black_clean(piece, line_length)}
    missing = [piece for piece in pieces if piece not in done]
    if workers > 1 and sum(map(len, missing)) >= _PARALLEL_BLACK_FROM_CHARS:
        outcomes = _in_workers(missing, workers, line_length, cache, False)
    else:
        outcomes = [_format_piece(piece, line_length, cache, False) for piece in missing]
    done.update((piece, text) for piece, text in zip(missing, outcomes) if isinstance(text, str))
    return done


def _workers() -> int:
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file and not os.path.exists(main_file):
        return 1  # `python - < script`: spawned workers would try to re-run "<stdin>"
    return min(os.cpu_count() or 1, 8)


def _in_workers(pieces: list[str], workers: int, line_length: int, cache: _Cache,
                vouch: bool) -> list[str | bool | None]:
    # Biggest first so no worker is left with one huge piece at the end; spawn, not fork:
    # the caller may have threads (servers in tests, IDE plugins).
    order = sorted(range(len(pieces)), key=lambda i: -len(pieces[i]))
    context = multiprocessing.get_context("spawn")
    results: list[str | bool | None] = [None] * len(pieces)
    count = len(pieces)
    try:
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context, initializer=share_memo,
                                                    initargs=(workers,)) as pool:
            formatted = pool.map(_format_piece, [pieces[i] for i in order], [line_length] * count,
                                 [cache] * count, [vouch] * count, chunksize=max(1, count // (workers * 16)))
            for i, text in zip(order, formatted):
                results[i] = text
    except concurrent.futures.process.BrokenProcessPool:
        # Workers cannot start (a caller whose __main__ is stdin, a sandbox): format here.
        return [_format_piece(piece, line_length, cache, vouch) for piece in pieces]
    return results


def _format_piece(source: str, line_length: int, cache: _Cache, vouch: bool) -> str | bool | None:
    """True where `source` is black's output already (vouched for: sent back as a flag, not as a
    copy of the text), else black's output (cached), or None where black refuses it."""
    if vouch and is_black_clean(source, line_length):
        return True
    if (text := cache.get(source)) is not None:
        return text
    text = _format_chunk(source, line_length)
    if text is not None:
        cache.put(source, text)
    return text


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
