"""The HTTP methods an OpenAPI Path Item names: the one list every stage reads.

A Path Item's fixed fields name eight methods, and OpenAPI 3.2 adds `query` (the
QUERY method: safe and idempotent, with a request body). Any other method sits in
3.2's `additionalOperations`, keyed by the method token exactly as it is sent
(`COPY`, `PURGE`): `Operation.method` keeps such a token as written, while a fixed
field's method is its lower-case field name.
"""

from __future__ import annotations

import re

__all__ = ["PATH_ITEM_METHODS", "IDEMPOTENT", "is_token", "wire_method"]

PATH_ITEM_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
# RFC 9110 section 9.2.2, and QUERY (draft-ietf-httpbis-safe-method-w-body): a retry after the
# request may have reached the server cannot act twice. Methods of `additionalOperations`
# are not assumed idempotent: their meaning is the API's own.
IDEMPOTENT = frozenset({"get", "put", "delete", "options", "head", "trace", "query"})
# RFC 9110 section 5.6.2: token = 1*tchar
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


def is_token(text: str) -> bool:
    """An RFC 9110 token, as method names (`COPY`, `M-SEARCH`), header and cookie names and
    auth scheme words are: no spaces, slashes or brackets."""
    return _TOKEN.fullmatch(text) is not None


def wire_method(method: str) -> str:
    """The method as sent: a fixed field's in upper case, an additional operation's as written."""
    return method.upper() if method in PATH_ITEM_METHODS else method
