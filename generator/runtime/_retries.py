"""Retry policy: which failures are retried and how long to wait.

Pure functions, so the sync and async clients share them verbatim.
"""

from __future__ import annotations

import email.utils
import random
import time
import uuid
from dataclasses import dataclass
from typing import Dict, Mapping, Optional

import httpx

__all__ = [
    "RetryPolicy",
    "IDEMPOTENT_METHODS",
    "is_idempotent",
    "with_idempotency_key",
    "parse_retry_after",
    "should_retry_status",
    "should_retry_error",
]

# RFC 9110 section 9.2.2, and QUERY (safe, with a body: draft-ietf-httpbis-safe-method-w-body).
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE", "QUERY"})

# Statuses that mean "the server did not act on the request", so even a POST
# can be resent without risking a duplicate side effect.
_SAFE_STATUSES = frozenset({408, 429})
_IDEMPOTENT_ONLY_STATUSES = frozenset({409})

# Failures before any byte reached the server: always safe to retry.
_SAFE_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class RetryPolicy:
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def delay(self, retries_done: int, headers: Optional[Mapping[str, str]] = None) -> float:
        """Seconds to wait before retry number ``retries_done + 1``."""
        if headers is not None:
            retry_after = parse_retry_after(headers)
            if retry_after is not None:
                return min(max(retry_after, 0.0), self.max_retry_after)
        base = min(self.initial_delay * (2.0**retries_done), self.max_delay)
        # Up to 25% jitter spreads out clients that failed together.
        return base * (1.0 - 0.25 * random.random())


def is_idempotent(method: str, override: Optional[bool]) -> bool:
    return override if override is not None else method.upper() in IDEMPOTENT_METHODS


def should_retry_status(status: int, idempotent: bool) -> bool:
    if status in _SAFE_STATUSES:
        return True
    return idempotent and (status in _IDEMPOTENT_ONLY_STATUSES or status >= 500)


def should_retry_error(exc: Exception, idempotent: bool) -> bool:
    if isinstance(exc, _SAFE_ERRORS):
        return True
    # A read timeout or reset after sending may hide a request the server ran.
    return idempotent and isinstance(exc, httpx.TransportError)


def parse_retry_after(headers: Mapping[str, str], now: Optional[float] = None) -> Optional[float]:
    """Seconds from ``retry-after-ms`` or ``Retry-After`` (seconds or HTTP-date)."""
    lowered = {k.lower(): v for k, v in headers.items()}
    millis = lowered.get("retry-after-ms")
    if millis is not None:
        try:
            return float(millis) / 1000.0
        except ValueError:
            pass
    value = lowered.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    current = time.time() if now is None else now
    return max(when.timestamp() - current, 0.0)


def with_idempotency_key(header: str, headers: Optional[Dict[str, str]]) -> Dict[str, str]:
    """``headers`` with a new idempotency key, unless the caller gave one.

    Made once per call, before the first attempt: every retry sends the same key, so
    the server applies the request once however often it is sent.
    """
    wanted = header.lower()
    if headers and any(k.lower() == wanted for k in headers):
        return headers
    return {**(headers or {}), header: str(uuid.uuid4())}
