"""Progress lines on stderr: which stage a long run is in, with counts.

The pipeline calls `stage("build", "1234 schemas, 56 operations")` as each
stage starts; whether anything is shown is decided here, once:

- quiet (`-q`): never;
- verbose (`-v`): every stage, as it starts;
- otherwise: every stage when stderr is a terminal; on a pipe or a log file
  only once the run has taken longer than `after` seconds (a fast run stays
  silent, a slow one says what it is doing: a timer prints the stage it is
  stuck in, so a 6-minute load is not 6 minutes of silence).

`CLIENTGEN_PROGRESS_AFTER` (seconds) overrides `after`.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import Optional, TextIO

__all__ = ["Progress", "QUIET", "NORMAL", "VERBOSE"]

QUIET, NORMAL, VERBOSE = -1, 0, 1
_DEFAULT_AFTER = 1.0


class Progress:
    def __init__(self, level: int = NORMAL, stream: Optional[TextIO] = None, after: Optional[float] = None) -> None:
        self.level = level
        self._stream = stream if stream is not None else sys.stderr
        self._start = time.monotonic()
        self._lock = threading.Lock()
        self._current: Optional[tuple[str, float]] = None
        self._timer: Optional[threading.Timer] = None
        self._closed = False
        if after is None:
            try:
                after = float(os.environ.get("CLIENTGEN_PROGRESS_AFTER", _DEFAULT_AFTER))
            except ValueError:
                after = _DEFAULT_AFTER
        self._showing = level >= VERBOSE or (level == NORMAL and (after <= 0 or _is_tty(self._stream)))
        if level == NORMAL and not self._showing:
            self._timer = threading.Timer(after, self._late)
            self._timer.daemon = True
            self._timer.start()

    def stage(self, name: str, detail: str = "") -> None:
        """A stage starts: `name` is one word (load, build, render, format, write)."""
        text = f"{name} {detail}".rstrip()
        with self._lock:
            self._current = (text, time.monotonic())
            if self._showing and not self._closed:
                self._print(text)

    def note(self, message: str) -> None:
        """A detail only -v shows (what was cleaned up, what was kept)."""
        if self.level >= VERBOSE:
            with self._lock:
                self._print(message)

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            self._closed = True  # nothing from the timer after the run's own last line

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _late(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._showing = True
            if self._current is not None:
                text, since = self._current
                self._print(f"{text} (running for {time.monotonic() - since:.1f} s)")

    def _print(self, text: str) -> None:
        try:
            print(f"clientgen: [{time.monotonic() - self._start:5.1f}s] {text}", file=self._stream, flush=True)
        except (OSError, ValueError):
            pass  # stderr closed or gone: progress is not worth failing the run for


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
