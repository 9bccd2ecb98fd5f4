"""Replace an output folder as one step, and clean up after runs that died.

A run writes the new tree into a staging folder beside the output, then
exchanges the two names in one system call (Linux `renameat2(RENAME_EXCHANGE)`,
macOS `renamex_np(RENAME_SWAP)`), so there is no moment at which the output is
missing. Where the filesystem cannot exchange, the old folder is renamed aside
first and the next run puts it back if the process died in between.

Entries at the top of the output that clientgen does not own (and a user's
entries inside a folder it stops generating, by their relative paths) are moved
(not copied) into the staging folder just before the exchange, so symlinks stay
symlinks and empty folders survive. The names moved are written to a journal
beside the output first: a run killed between the move and the exchange is
undone by the next one, which holds the same lock.

Everything this module leaves beside an output is named `.<name>.clientgen-*`;
only the holder of `output_lock` creates or removes such names.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import re
import secrets
import shutil
import signal
import stat
import sys
from pathlib import Path
from typing import Callable, Iterator, Sequence

_KINDS = ("new", "old")


def _sibling(output: Path, kind: str) -> Path:
    return output.parent / f".{output.name}.clientgen-{kind}"


def lock_path(output: Path) -> Path:
    return _sibling(output, "lock")


@contextlib.contextmanager
def output_lock(output: Path, on_wait: Callable[[Path], None]) -> Iterator[None]:
    """Hold the output's lock file; `on_wait` is told once if another run holds it."""
    from filelock import FileLock, Timeout

    path = lock_path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        on_wait(path)
        lock.acquire()
    try:
        yield
    finally:
        # Unlinked while still held, so no lock file litters the folder; filelock notices a
        # waiter that locked the unlinked inode (st_nlink == 0) and opens the path again.
        with contextlib.suppress(OSError):
            path.unlink()
        lock.release()


def new_staging(output: Path) -> Path:
    """An empty folder beside `output` with the output's mode (the umask default when new)."""
    while True:
        staging = output.parent / f".{output.name}.clientgen-new-{secrets.token_hex(4)}"
        try:
            os.mkdir(staging, 0o777)  # not mkdtemp: its 0700 would become the output's mode
            break
        except FileExistsError:
            continue
    with contextlib.suppress(FileNotFoundError):
        os.chmod(staging, stat.S_IMODE(os.stat(output).st_mode))
    return staging


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done (kill -9 cannot be deferred)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def swap_in(staging: Path, output: Path, foreign: Sequence[str]) -> None:
    """Make `staging` the output, taking the `foreign` entries (relative paths) of the old one along.

    Afterwards `staging` holds the old tree (or is gone); the caller removes it.
    """
    journal = _sibling(output, "journal")
    with signals_deferred():
        if foreign:
            journal.write_text(json.dumps({"staging": staging.name, "moved": list(foreign)}), encoding="utf-8")
        moved: list[str] = []
        settled = False  # the moved entries are in the output again, either way
        try:
            for name in foreign:
                os.rename(output / name, staging / name)
                moved.append(name)
            _exchange_or_replace(staging, output)
            settled = True
        except BaseException:
            for name in reversed(moved):
                os.rename(staging / name, output / name)
            settled = True
            raise
        finally:
            if settled:  # else the journal stays for the next run's recover()
                with contextlib.suppress(FileNotFoundError):
                    journal.unlink()


def moves_pending(output: Path) -> bool:
    """A swap_in failed half-way and could not undo its moves (its journal is still there)."""
    return _sibling(output, "journal").exists()


def _exchange_or_replace(staging: Path, output: Path) -> None:
    if _exchange(staging, output):
        return
    retired = output.parent / f".{output.name}.clientgen-old-{secrets.token_hex(4)}"
    os.rename(output, retired)  # killed right here: recover() renames it back
    os.rename(staging, output)
    os.rename(retired, staging)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system or filesystem cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if sys.platform == "darwin":
            result = libc.renamex_np(os.fsencode(a), os.fsencode(b), 0x2)  # RENAME_SWAP
        else:
            at_fdcwd, rename_exchange = -100, 0x2
            result = libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    except (AttributeError, OSError, TypeError):
        return False  # no such call in this libc (or no libc to load: Windows)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def recover(output: Path) -> list[str]:
    """Undo what a run that died left beside `output`; call with the lock held.

    Puts back a retired output and moved entries, then removes staging folders.
    Returns the names removed (for -v).
    """
    parent = output.parent
    if not parent.is_dir():
        return []
    pattern = re.compile(rf"\.{re.escape(output.name)}\.clientgen-({'|'.join(_KINDS)})-[0-9a-f]{{8}}")
    leftovers = sorted(
        entry for entry in os.listdir(parent)
        if pattern.fullmatch(entry) and not os.path.islink(parent / entry) and (parent / entry).is_dir()
    )
    if not os.path.lexists(output):
        retired = [name for name in leftovers if "-old-" in name]
        if retired:
            os.rename(parent / retired[-1], output)
            leftovers.remove(retired[-1])
    journal = _sibling(output, "journal")
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        staging = parent / str(record["staging"])
        moved = [str(name) for name in record["moved"]]
    except (OSError, ValueError, KeyError, TypeError):
        moved = []
    if moved:
        output.mkdir(exist_ok=True)  # only if someone removed it since: the moved entries still go back
        for name in moved:  # a name may be nested (a user's file kept in a folder we stopped writing)
            if os.path.lexists(staging / name) and not os.path.lexists(output / name):
                (output / name).parent.mkdir(parents=True, exist_ok=True)
                os.rename(staging / name, output / name)
    with contextlib.suppress(FileNotFoundError):
        journal.unlink()
    for name in leftovers:
        shutil.rmtree(parent / name, ignore_errors=True)
    return leftovers
