"""Black, made cheap: the one place generated Python is formatted.

Black is on the design card and is usually the slow stage, so this module is
where its cost is managed (parallel workers for big packages). Callers only
say which sources to format and at what line length.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os

import black

DEFAULT_LINE_LENGTH = 100

# Black takes most of the time on big specs (Stripe: ~2.5 MB of source);
# past this much source, format files in parallel worker processes.
_PARALLEL_FROM_CHARS = 400_000


def format_sources(sources: dict[str, str], *, line_length: int = DEFAULT_LINE_LENGTH) -> dict[str, str]:
    """{name: source} -> {name: black-formatted source}, names sorted."""
    names = sorted(sources)
    texts = [sources[name] for name in names]
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or sum(map(len, texts)) < _PARALLEL_FROM_CHARS:
        return {name: format_python(text, line_length) for name, text in zip(names, texts)}
    # spawn, not fork: the caller may have threads (servers in tests, IDE plugins).
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        formatted = pool.map(format_python, texts, [line_length] * len(texts), chunksize=4)
        return dict(zip(names, formatted))


def format_python(source: str, line_length: int = DEFAULT_LINE_LENGTH) -> str:
    mode = black.Mode(line_length=line_length, target_versions={black.mode.TargetVersion.PY39})
    return black.format_str(source, mode=mode)
