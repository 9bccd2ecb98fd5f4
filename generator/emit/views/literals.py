"""Spec text -> Python source text, safely.

Generated code is a security boundary: names, descriptions, defaults and
examples from a spec are data, and must never become code. Every piece of
spec text reaches a template through one of these functions, which emit it
only as a string literal, a docstring body, or a literal built with `repr`
from plain JSON values.
"""

from __future__ import annotations

import math
import re
import textwrap
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


def string(text: str) -> str:
    """A Python string literal holding `text` exactly, quoted as black would quote it.

    `repr` escapes everything but the quotes; black prefers double quotes unless they
    need more escapes than single ones (so black leaves the literal as it is).
    """
    literal = repr(str(text))
    body = literal[1:-1]
    if literal[0] == "'" and body.count('"') <= body.count("\\'"):
        # Same text between the other quotes: `\'` -> `'`, `"` -> `\"` (repr never writes `\"`).
        return '"' + body.replace("\\'", "'").replace('"', '\\"') + '"'
    return literal


def docstring_body(text: str | None, width: int = 80) -> str:
    """Text that is safe between triple double quotes (no escape can close them).

    Backslashes are doubled so `\\N{...}` or a trailing backslash stay text;
    quotes are escaped so no run of three can end the docstring early. Long
    lines are wrapped at `width`, keeping the indent of list items.
    """
    if not text:
        return ""
    cleaned = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [wrapped for line in cleaned.strip().split("\n") for wrapped in _wrap(line.rstrip(), width)]
    return "\n".join(lines).replace("\\", "\\\\").replace('"', '\\"')


def _wrap(line: str, width: int) -> list[str]:
    if len(line) <= width:
        return [line]
    indent = len(line) - len(line.lstrip())
    item = re.match(r"\s*([-*+] |\d+\. )", line)
    # A list item hangs under its text; `name: text` (Google-style args) 4 deeper than the name.
    hanging = " " * (len(item.group(0)) if item else indent + 4 if re.match(r"\s*\w+: ", line) else indent)
    return textwrap.wrap(
        line, width, subsequent_indent=hanging, break_long_words=False, break_on_hyphens=False
    ) or [line]


def is_literal_value(value: Any) -> bool:
    """Plain JSON data that `value()` can write (no NaN or infinity)."""
    if value is None or isinstance(value, (bool, int, str)):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(is_literal_value(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and is_literal_value(v) for k, v in value.items())
    return False


def value(data: Any) -> str:
    """A Python literal for JSON data; `repr` of str/int/bool/None/list/dict is always inert."""
    if not is_literal_value(data):
        raise ValueError(f"not a plain JSON value: {type(data).__name__}")
    if isinstance(data, list):
        return "[" + ", ".join(value(v) for v in data) + "]"
    if isinstance(data, dict):
        return "{" + ", ".join(f"{string(k)}: {value(v)}" for k, v in data.items()) + "}"
    return string(data) if isinstance(data, str) else repr(data)
