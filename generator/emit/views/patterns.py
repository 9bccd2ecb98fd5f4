"""A short string that a regular expression matches, for `pattern`-constrained examples.

Walks the parsed pattern (Python's own regex parser: close enough to the
ECMA dialect specs use) and takes the first choice everywhere, each repeat its
minimum; the caller checks the result with `re.search` and drops it if it fails.
"""

from __future__ import annotations

import re
from typing import Any

import importlib

try:  # the parser `re` itself uses: private, so found by name (moved in Python 3.11)
    _c, _p = importlib.import_module("re._constants"), importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python 3.9/3.10
    _c, _p = importlib.import_module("sre_constants"), importlib.import_module("sre_parse")

_CATEGORY = {
    _c.CATEGORY_DIGIT: "1",
    _c.CATEGORY_NOT_DIGIT: "a",
    _c.CATEGORY_WORD: "a",
    _c.CATEGORY_NOT_WORD: "-",
    _c.CATEGORY_SPACE: " ",
    _c.CATEGORY_NOT_SPACE: "a",
}
_MAX_LENGTH = 200


def matching_string(pattern: str) -> str | None:
    """A string `re.search(pattern, ...)` accepts, or None when none is found simply."""
    try:
        parsed = _p.parse(pattern)
        text = _walk(parsed, {})
    except (re.error, _Unsupported, RecursionError, OverflowError):
        return None
    if len(text) > _MAX_LENGTH:
        return None
    try:
        return text if re.search(pattern, text) else None
    except re.error:
        return None


class _Unsupported(Exception):
    pass


def _walk(items: Any, groups: dict[int, str]) -> str:
    out: list[str] = []
    for op, arg in items:
        out.append(_one(op, arg, groups))
    return "".join(out)


def _one(op: Any, arg: Any, groups: dict[int, str]) -> str:
    if op is _c.LITERAL:
        return chr(arg)
    if op is _c.NOT_LITERAL:
        return "a" if chr(arg) != "a" else "b"
    if op is _c.ANY:
        return "a"
    if op is _c.IN:
        return _choose(arg)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, body = arg
        return _walk(body, groups) * int(low)
    if op is _c.SUBPATTERN:
        group, _add, _del, body = arg
        text = _walk(body, groups)
        if group is not None:
            groups[group] = text
        return text
    if op is _c.BRANCH:
        return _walk(arg[1][0], groups)
    if op is _c.AT:
        return ""
    if op is _c.GROUPREF:
        return str(groups.get(arg, ""))
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return ""
    if op is _c.CATEGORY:
        return _CATEGORY.get(arg, "a")
    raise _Unsupported(str(op))


def _choose(items: Any) -> str:
    """The first character a character class allows (a negated class: a letter it leaves out)."""
    if items and items[0][0] is _c.NEGATE:
        banned = {chr(a) for op, a in items[1:] if op is _c.LITERAL}
        ranges = [(lo, hi) for op, (lo, hi) in ((o, a) for o, a in items[1:] if o is _c.RANGE)]
        for candidate in "aZ5-_ x":
            if candidate not in banned and not any(lo <= ord(candidate) <= hi for lo, hi in ranges):
                return candidate
        raise _Unsupported("negated class")
    op, arg = items[0]
    if op is _c.LITERAL:
        return chr(arg)
    if op is _c.RANGE:
        return chr(arg[0])
    if op is _c.CATEGORY:
        return _CATEGORY.get(arg, "a")
    raise _Unsupported(str(op))
