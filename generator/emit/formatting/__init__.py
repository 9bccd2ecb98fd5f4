"""The formatting seam: the one place generated Python is formatted.

The contract, for everything in this package: **black's output, byte for byte, or black
runs.** `format_sources` is the entry point the rest of the generator calls (`FormatSession` when
the modules arrive one at a time, as the renderer makes them; `format_python` for one text); its
result is exactly what black 26 (pinned major version,
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
- Formatted modules are cached by content hash on disk, all of a package's in one file
  (`pack.py`), and so are the pieces black had to format, one file each (black version, line
  length and target in the key; checksummed, so a torn entry is a miss;
  generator/emit/cache.py prunes it and says where it is): a module seen before costs one
  read. Vouched-for pieces are not cached one by one: checking again is cheaper than
  thousands of small files.
- Vouching and black run in worker processes when there is enough of them (black is about
  5 µs a byte, vouching about 0.25), started as soon as a session has seen that much (or,
  for a big spec, while it loads: `early_workers`) so that they work while the rest of the
  package is rendered; black is only imported where something is left for it.
"""

from __future__ import annotations

import atexit
import collections
import concurrent.futures
import contextlib
import gc
import multiprocessing
import os
import signal
import sys

from generator.emit.formatting.blackcheck import BLACK_MAJOR, is_black_clean, share_memo
from generator.emit.formatting.chunks import DisplayPieces, join_chunks, split_chunks, split_display
from generator.emit.formatting.pack import ModulePack
from generator.emit.formatting.pieces import TARGET, _black_version, _Cache
from generator.emit.cache import prune_if_due

DEFAULT_LINE_LENGTH = 100

# Past this much source for black, use worker processes (starting one costs ~0.3 s).
_PARALLEL_BLACK_FROM_CHARS = 150_000
# Past this much source so far, start worker processes that vouch for (and format) the pieces while
# the rest is rendered: their start-up and the checks then overlap the rendering. Below it, the
# whole output is checked here in a fraction of a second (about 0.25 µs a byte).
_PARALLEL_CHECK_FROM_CHARS = 1_000_000
# The pieces go to the workers in batches: at least this much, and more as the output grows (up to
# _BATCH_MOST). A worker is handed at most two at a time, by a thread of this process that waits for
# the GIL while this process renders: small batches leave the worker waiting, big ones leave it the
# last long batch at the end.
_BATCH_CHARS = 200_000
_BATCH_MOST = 1_000_000
# A spec this big (its main file) gives a package past _PARALLEL_CHECK_FROM_CHARS: the code is
# 1.4-2.5x the spec's JSON (GitHub's 3 MB, 4.3 MB of code to check; the flagship's 0.2 MB, 0.5).
_EARLY_WORKERS_FROM_SPEC_BYTES = 500_000


def format_sources(sources: dict[str, str], *, line_length: int = DEFAULT_LINE_LENGTH,
                   pack: str | None = None) -> dict[str, str]:
    """{name: source} -> {name: black-formatted source}, names sorted.

    The contract: each text returned is black's output for that source, byte for byte (black
    26 with this line length and target), or black's own error is raised. Everything here
    (the cuts, blackcheck's vouching, the cache, the workers) only decides how cheaply that
    output is reached; whatever cannot be shown to give black's output is given to black.
    `pack`: cache the formatted modules under this name (`FormatSession`)."""
    session = FormatSession(line_length, pack=pack)
    for name in sorted(sources):
        session.add(name, sources[name])
    return session.finish()


def format_python(source: str, line_length: int = DEFAULT_LINE_LENGTH) -> str:
    return format_sources({"": source}, line_length=line_length)[""]


class FormatSession:
    """`format_sources` for modules that arrive one at a time (as a package is rendered): past
    `_PARALLEL_CHECK_FROM_CHARS` of code, worker processes start and check the pieces seen so far
    while the caller goes on rendering, so their start-up and most of the checking overlap the
    rendering instead of following it. `finish()` returns what `format_sources` would."""

    def __init__(self, line_length: int = DEFAULT_LINE_LENGTH, *, pack: str | None = None,
                 pool: concurrent.futures.ProcessPoolExecutor | None = None) -> None:
        """`pack`: the name the formatted modules are cached under, all in one file (pack.py):
        the package's. Without one, only the pieces black had to format are cached. `pool`:
        workers started ahead (`early_workers`), which the session uses from its first module
        and shuts down."""
        self.line_length = line_length
        self.cache = _Cache.open(line_length)
        self.pack = ModulePack.open(self.cache.root if pack is not None else None, pack or "", line_length)
        self.keys: dict[str, str] = {}  # name: its source's key in the pack
        self.result: dict[str, str] = {}
        self.pending: dict[str, str] = {}  # name: source, not in the pack
        self.chunked: dict[str, list[str]] = {}
        self.displays: dict[str, DisplayPieces] = {}
        self.wanted: dict[str, None] = {}  # pieces to format, in order of arrival
        self.queue: list[str] = []  # pieces not given to the workers yet
        self.queued_chars = 0
        self.seen_chars = 0
        self.vouch = _mirrors_black()
        self.workers = _workers()
        self.pool = pool if self.vouch and self.workers > 1 else None
        if pool is not None and self.pool is None:
            pool.shutdown(wait=False, cancel_futures=True)
        self.batches: list[tuple[list[str], concurrent.futures.Future[list[str | bool | None]]]] = []

    def add(self, name: str, source: str) -> None:
        if self.pack.path is not None:
            key = self.keys[name] = self.pack.key(source)
            if (text := self.pack.get(key)) is not None:
                self.result[name] = text
                return
        self.pending[name] = source
        chunks = self.chunked[name] = split_chunks(source)
        for chunk in chunks:
            if chunk in self.displays or chunk in self.wanted:
                continue
            if (pieces := split_display(chunk)) is not None:
                self.displays[chunk] = pieces
                self._want(*pieces.pieces)
            else:
                self._want(chunk)
        if (self.vouch and self.workers > 1 and self.queued_chars >= self._batch_chars()
                and (self.pool is not None or self.seen_chars >= _PARALLEL_CHECK_FROM_CHARS)):
            self._submit()

    def _want(self, *pieces: str) -> None:
        for piece in pieces:
            if piece not in self.wanted:
                self.wanted[piece] = None
                self.queue.append(piece)
                self.queued_chars += len(piece)
                self.seen_chars += len(piece)

    def _submit(self) -> None:
        """The pieces not yet submitted, to the workers in batches (started on first use)."""
        if self.pool is None:
            # One core fewer than there are: this process renders meanwhile, then takes its share of
            # what is still queued (`_format_all`).
            self.pool = _spawn_pool(self.workers - 1, share_of=self.workers)
        pieces, self.queue, self.queued_chars = self.queue, [], 0
        batch: list[str] = []
        size, most = 0, self._batch_chars()
        for piece in pieces:
            batch.append(piece)
            size += len(piece)
            if size >= most:
                self._submit_batch(batch)
                batch, size = [], 0
        if batch:
            self._submit_batch(batch)

    def _batch_chars(self) -> int:
        return min(_BATCH_MOST, max(_BATCH_CHARS, self.seen_chars // 16))

    def _submit_batch(self, batch: list[str], *, vouch: bool = True) -> None:
        assert self.pool is not None
        future: concurrent.futures.Future[list[str | bool | None]]
        try:
            future = self.pool.submit(_format_batch, batch, self.line_length, self.cache, vouch and self.vouch)
        except concurrent.futures.process.BrokenProcessPool:
            future = concurrent.futures.Future()
            future.set_exception(concurrent.futures.process.BrokenProcessPool())
        self.batches.append((batch, future))

    def abandon(self) -> None:
        """Stop the workers, without waiting for what they were given (the run failed or was
        interrupted)."""
        self.pack.close()
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)

    def finish(self) -> dict[str, str]:
        done = self._format_all()
        for chunk, pieces in self.displays.items():
            if (text := pieces.assemble(done)) is not None:
                done[chunk] = text
        # Each chunk let go after its last module is joined: the chunks are another copy of the
        # output, which at 60 MB of spec is 85 MB of peak memory.
        self.wanted.clear()
        self.displays.clear()
        chunked, pending, result = self.chunked, self.pending, self.result
        uses = collections.Counter(chunk for chunks in chunked.values() for chunk in chunks)
        for name in sorted(chunked):
            chunks = chunked.pop(name)
            if all(chunk in done for chunk in chunks):
                result[name] = join_chunks(done[chunk] for chunk in chunks)
            else:  # a piece black refused: the whole file, so black's own error (if any) surfaces
                result[name] = _black(pending.pop(name), self.line_length)
            for chunk in chunks:
                uses[chunk] -= 1
                if not uses[chunk]:
                    del uses[chunk]
                    done.pop(chunk, None)
            del chunks
        pending.clear()
        result = dict(sorted(result.items()))
        self.pack.save((self.keys[name], text) for name, text in result.items() if name in self.keys)
        if self.cache.root is not None:
            prune_if_due(self.cache.root.parent)  # after writing: what this run used is fresh, and stays
        return result

    def _format_all(self) -> dict[str, str]:
        """{piece: black's output} for the pieces black accepts."""
        if self.pool is None:
            return _format_here(list(self.wanted), self.line_length, self.cache, self.vouch, self.workers)
        if self.queued_chars:
            self._submit()
        done: dict[str, str] = {}
        missing: list[str] = []  # what this process could not vouch for
        try:
            # The workers take batches from the front of the queue; this process from the back, one
            # at a time, while any is left that no worker has started: the one that ends first
            # takes more. A worker gives what it cannot vouch for to black itself (meanwhile the
            # rest is still being rendered here); this process sends its own to a worker at the end.
            for batch, future in reversed(self.batches):
                if not future.cancel():
                    break
                for piece, clean in zip(batch, _vouch_for(batch, self.line_length)):
                    if clean:
                        done[piece] = piece
                    else:
                        missing.append(piece)
            self.batches = [(batch, future) for batch, future in self.batches if not future.cancelled()]
            if missing:
                self._submit_batch(missing, vouch=False)
            for batch, future in self.batches:
                try:
                    outcomes = future.result()
                except concurrent.futures.process.BrokenProcessPool:
                    # Workers cannot start (a caller whose __main__ is stdin, a sandbox): format here.
                    outcomes = [_format_piece(piece, self.line_length, self.cache, self.vouch) for piece in batch]
                done.update((piece, piece if text is True else text)
                            for piece, text in zip(batch, outcomes) if isinstance(text, str) or text is True)
        except BaseException:
            self.abandon()
            raise
        self.pool.shutdown()
        return done


def early_workers(spec_bytes: int) -> concurrent.futures.ProcessPoolExecutor | None:
    """Worker processes for the `FormatSession` to come, started now when a spec of `spec_bytes`
    makes a package big enough to check in parallel: their start-up (an interpreter and its
    imports, 0.3-0.4 s) then overlaps loading and building the spec, where it used to take the
    first half second of rendering (GitHub's spec renders in 0.7 s). None where that does not
    pay: a small spec, one core, or a black whose rules blackcheck does not mirror."""
    workers = _workers()
    if spec_bytes < _EARLY_WORKERS_FROM_SPEC_BYTES or workers < 2 or not _mirrors_black():
        return None
    pool = _spawn_pool(workers - 1, share_of=workers)
    pool.submit(_warm_up)  # the processes start on the first task
    return pool


def _mirrors_black() -> bool:
    """blackcheck may vouch: the installed black is the major version whose rules it mirrors."""
    return (_black_version() or "").split(".")[0] == BLACK_MAJOR


def _warm_up() -> None:
    """A worker's first task: nothing, once its imports (this module's) are done."""


def _format_here(pieces: list[str], line_length: int, cache: _Cache, vouch: bool, workers: int) -> dict[str, str]:
    """{piece: black's output} for the pieces black accepts, vouched for in this process; what is
    left goes to black, in worker processes when there is a lot (black is about 5 µs a byte;
    starting a worker costs ~0.3 s)."""
    done = {piece: piece for piece, clean in zip(pieces, _vouch_for(pieces, line_length)) if clean} if vouch else {}
    missing = [piece for piece in pieces if piece not in done]
    outcomes: list[str | bool | None]
    if workers > 1 and sum(map(len, missing)) >= _PARALLEL_BLACK_FROM_CHARS:
        outcomes = _in_workers(missing, workers, line_length, cache)
    else:
        outcomes = [_format_piece(piece, line_length, cache, False) for piece in missing]
    done.update((piece, text) for piece, text in zip(missing, outcomes) if isinstance(text, str))
    return done


def _workers() -> int:
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file and not os.path.exists(main_file):
        return 1  # `python - < script`: spawned workers would try to re-run "<stdin>"
    return min(os.cpu_count() or 1, 8)


def _in_workers(pieces: list[str], workers: int, line_length: int, cache: _Cache) -> list[str | bool | None]:
    # Biggest first so no worker is left with one huge piece at the end.
    order = sorted(range(len(pieces)), key=lambda i: -len(pieces[i]))
    results: list[str | bool | None] = [None] * len(pieces)
    count = len(pieces)
    try:
        with _spawn_pool(workers, share_of=workers) as pool:
            formatted = pool.map(_format_piece, [pieces[i] for i in order], [line_length] * count,
                                 [cache] * count, [False] * count, chunksize=max(1, count // (workers * 16)))
            for i, text in zip(order, formatted):
                results[i] = text
    except concurrent.futures.process.BrokenProcessPool:
        return [_format_piece(piece, line_length, cache, False) for piece in pieces]
    return results


def _spawn_pool(processes: int, *, share_of: int) -> concurrent.futures.ProcessPoolExecutor:
    """Worker processes for formatting, each keeping its share of blackcheck's memo when `share_of`
    processes check side by side. Spawn, not fork: the caller may have threads (servers in tests,
    IDE plugins)."""
    return concurrent.futures.ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"),
                                                  initializer=_start_worker, initargs=(share_of,))


def _start_worker(processes: int) -> None:
    """A worker leaves Ctrl-C to the run that started it (which stops it; a terminal sends the
    signal to the whole process group, and a worker's traceback must not reach the user), and
    ends without the interpreter's teardown (`_exit_at_once`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    share_memo(processes)
    atexit.register(_exit_at_once)


def _exit_at_once() -> None:
    """A worker's last step, once its pool has told it to stop: everything it made went back to
    the parent, and freeing its memo and black's modules one object at a time took 0.5 s, for
    which the parent's `shutdown()` waited (GitHub's spec: a fifth of the run)."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(0)


def _format_batch(pieces: list[str], line_length: int, cache: _Cache, vouch: bool) -> list[str | bool | None]:
    """A worker's task: `_format_piece` of each piece (black runs with the cyclic GC on: its
    syntax trees are cycles, they know their parents)."""
    clean = _vouch_for(pieces, line_length) if vouch else [False] * len(pieces)
    return [True if ok else _format_piece(piece, line_length, cache, False) for piece, ok in zip(pieces, clean)]


def _vouch_for(pieces: list[str], line_length: int) -> list[bool]:
    """Which pieces black would leave as they are (blackcheck's word), checked without the cyclic
    GC: vouching makes no cyclic garbage, but its memo grows to millions of objects that every
    full collection walked, which made a worker's vouching half as slow again (15 full
    collections over 20 MB of code, nothing collected). The parent's run has it paused already
    (generator/pipeline.py)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [is_black_clean(piece, line_length) for piece in pieces]
    finally:
        if enabled:
            gc.enable()


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
