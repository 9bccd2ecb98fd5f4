"""`<PREFIX>_LOG=debug` (or `info`): the client's log lines on stderr, as OPENAI_LOG does.

The package logs through the standard `logging` module and adds no handler of its
own unless that variable asks for one, so an application's logging setup decides.
Secrets never reach a log line: URLs and headers are masked before they are logged.
"""

from __future__ import annotations

import logging
import os

__all__ = ["configure_logging"]

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
