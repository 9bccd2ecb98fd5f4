"""`<PREFIX>_LOG=debug` (or `info`): the client's log lines on stderr, as OPENAI_LOG does.

The package logs through the standard `logging` module and adds no handler of its
own unless that variable asks for one, so an application's logging setup decides.
Secrets never reach a log line: URLs and headers are masked before they are logged.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Optional, Tuple

import httpx

if TYPE_CHECKING:
    from ._auth import Security

__all__ = ["configure_logging", "log_attempt", "log_outcome", "safe_url"]

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_FORMAT = "[%(asctime)s - %(name)s - %(levelname)s] %(message)s"


def configure_logging(logger: logging.Logger, env: str) -> None:
    """A stderr handler on ``logger`` at the level ``env`` names; once per process."""
    level = _LEVELS.get(os.environ.get(env, "").strip().lower())
    if level is None:
        return
    if not any(getattr(h, "_from_log_env", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(_FORMAT))
        setattr(handler, "_from_log_env", True)
        logger.addHandler(handler)
    logger.setLevel(level)


def safe_url(url: httpx.URL, security: Security) -> str:
    """URL for logs: credentials in userinfo or auth query params masked."""
    safe = url.copy_with(username=None, password=None)
    for name in security.query_names:
        if name in safe.params:
            safe = safe.copy_set_param(name, "***")
    return str(safe)


def log_attempt(
    log: logging.Logger, request: httpx.Request, retries_done: int, security: Security
) -> None:
    if log.isEnabledFor(logging.DEBUG):
        log.debug(
            "HTTP %s %s (attempt %d) headers=%s",
            request.method,
            safe_url(request.url, security),
            retries_done + 1,
            security.masked(request.headers),
        )


def log_outcome(
    log: logging.Logger,
    request: httpx.Request,
    outcome: str,
    delay: Optional[float],
    retries: Tuple[int, int],
    security: Security,
) -> None:
    """`retries`: (done so far, allowed); `delay`: the wait before the next one, if any."""
    if not log.isEnabledFor(logging.DEBUG):
        return
    where = f"{request.method} {safe_url(request.url, security)}"
    if delay is None:
        log.debug("%s -> %s", where, outcome)
    else:
        log.debug(
            "%s -> %s; retry %d of %d in %.3fs", where, outcome, retries[0] + 1, retries[1], delay
        )
