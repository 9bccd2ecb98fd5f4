"""A chunk as blackcheck reads it: tokens, physical and logical lines, and the helpers
the checks share (widths, items of a bracket, delimiters)."""

from __future__ import annotations

import keyword
import re
from collections.abc import Sequence
from typing import NamedTuple

# (The string patterns are "unrolled loops": linear, no backtracking on an unterminated string. A
# single-quoted string is read only with a double quote in it and no escapes: black keeps those.)
_TOKEN = re.compile(
    r"""
    (?P<space>[ ]+)
    |(?P<newline>\n)
    |(?P<comment>\#[^\n]*)
    |(?P<doc>\"\"\"[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*\"\"\")
    |(?P<string>[fb]?"[^"\\\n]*(?:\\.[^"\\\n]*)*"|'[^'"\\\n]*"[^'\\\n]*')
    |(?P<number>[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:e-?[0-9][0-9_]*)?(?![\w.]))
    |(?P<name>[^\W\d]\w*)
    |(?P<op>->|(?:\*\*|//|>>|<<|[-+*/%@&|^])=|\*\*|==|!=|<=|>=|//|<<|>>|[-+*/%@|&^~<>=.,:()\[\]{}])
    """,
    re.VERBOSE,
)
# Escapes black rewrites (hex case, \N{...}) or quotes it would unescape or switch.
_STRING_REWRITES = re.compile(r"""\\(?:N|["']|[xuU][0-9a-f]*[A-F])""")
# In triple-quoted strings black leaves quotes alone (normalize_string_quotes returns early).
_DOC_REWRITES = re.compile(r"\\(?:N|[xuU][0-9a-f]*[A-F])")
# Characters str.splitlines or black's docstring handling treat specially.
_ODD_CHARACTERS = re.compile("[\t\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_KEYWORDS = frozenset(keyword.kwlist)
# Keywords after which black may remove or add parentheses, or that open forms refused here.
_REFUSED_KEYWORDS = frozenset({"lambda", "with", "import", "from", "global", "nonlocal", "yield"})
_SOFT_KEYWORD_STARTS = frozenset({"match", "case", "type"})
_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = frozenset(")]}")
# Augmented assignments: only on one line (split, black treats their value as it treats `=`'s).
_AUGMENTED = frozenset({"+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**="})
_BINARY = frozenset({"+", "-", "/", "//", "%", "|", "&", "^", "<<", ">>", "<", ">", "==", "!=", "<=", ">=", "@"})



class _NotClean(Exception):
    pass


class _Token(NamedTuple):
    kind: str  # name, keyword, number, string, doc, comment, op
    text: str
    space: str  # the spaces before it on its physical line ("" for the first on a line)
    first: bool  # first token of its physical line


class _Physical(NamedTuple):
    indent: int
    content: str  # the line without its indentation
    tokens: tuple[_Token, ...]

    @property
    def text(self) -> str:
        return " " * self.indent + self.content


class _Logical(NamedTuple):
    blank_before: int
    physical: tuple[_Physical, ...]

    @property
    def tokens(self) -> tuple[_Token, ...]:
        if len(self.physical) == 1:
            return self.physical[0].tokens
        return tuple(token for line in self.physical for token in line.tokens)


# Generated code repeats itself (every method's options, most parameters): lines are checked once.
# The limit bounds memory: an entry is about 1 kB (its tokens), and 200,000 of them were a fifth
# of the 60 MB scale run's peak; a 5 MB spec has 30,000 distinct lines (bench/generate.py --scale).
_MEMO_LIMIT = 50_000
# Named tuples made without their Python-level __new__ (a third of the time of tokenizing a line).
_new = tuple.__new__
_scanned: dict[str, tuple[tuple[_Token, ...], int]] = {}

def _scan(content: str) -> tuple[tuple[_Token, ...], int]:
    """The tokens of one physical line (a multi-line docstring counts as one), and how many
    brackets it leaves open (negative: closes)."""
    known = _scanned.get(content)
    if known is not None:
        return known
    tokens: list[_Token] = []
    position, space, depth = 0, "", 0
    for match in _TOKEN.finditer(content):
        if match.start() != position:
            raise _NotClean  # a character the tokenizer does not accept
        position = match.end()
        kind, text = match.lastgroup, match.group()
        if kind == "space":
            space = text
            continue
        if kind == "newline" or (kind == "doc" and tokens):  # (a docstring is a statement of its own)
            raise _NotClean
        if kind == "comment" and (tokens or text.rstrip() != text or not (text == "#" or text.startswith("# "))):
            raise _NotClean  # only whole-line comments black leaves as they are
        if kind == "name" and text in _KEYWORDS:
            kind = "keyword"
        elif kind == "op":
            if text in _OPENING:
                depth += 1
            elif text in _CLOSING:
                depth -= 1
        tokens.append(_new(_Token, (kind, text, space, not tokens)))
        space = ""
    if position != len(content) or space or not tokens:
        raise _NotClean  # trailing whitespace, or an unknown character
    if len(_scanned) > _MEMO_LIMIT:
        _scanned.clear()
    result = _scanned[content] = (tuple(tokens), depth)
    return result


def _logical_lines(chunk: str) -> list[_Logical]:
    lines: list[_Logical] = []
    current: list[_Physical] = []
    blank, depth = 0, 0
    raw = chunk.split("\n")
    raw.pop()  # the chunk ends with a newline
    index = 0
    while index < len(raw):
        line = raw[index]
        index += 1
        if line.count('"""') % 2:  # a docstring over several lines: one unit with its ending
            while index < len(raw) and not raw[index].count('"""') % 2:
                line += "\n" + raw[index]
                index += 1
            if index == len(raw):
                raise _NotClean
            line += "\n" + raw[index]
            index += 1
        content = line.lstrip(" ")
        if not content:
            if line or depth or current:
                raise _NotClean  # trailing spaces, or a blank line inside brackets
            blank += 1
            continue
        tokens, change = _scan(content)
        current.append(_new(_Physical, (len(line) - len(content), content, tokens)))
        depth += change
        if depth < 0:
            raise _NotClean
        if not depth:
            lines.append(_new(_Logical, (blank, tuple(current))))
            current, blank = [], 0
    if current or blank:
        raise _NotClean
    return lines


def _width(text: str) -> int:
    """An upper bound of black's `str_width` (wide characters count two)."""
    return len(text) if text.isascii() else len(text) + sum(1 for char in text if ord(char) > 0x7F)


def _line_text(line: _Physical) -> str:
    return line.text


def _items(lines: list[_Physical], indent: int) -> list[list[_Physical]]:
    """Physical lines grouped into the bracket's items: an item spans lines while brackets it
    opened are open."""
    items: list[list[_Physical]] = []
    depth = 0
    for line in lines:
        if not depth:
            if line.indent != indent:
                raise _NotClean
            items.append([])
        items[-1].append(line)
        for token in line.tokens:
            if token.kind == "op" and token.text in _OPENING:
                depth += 1
            elif token.kind == "op" and token.text in _CLOSING:
                depth -= 1
                if depth < 0:
                    raise _NotClean  # an item that closes the bracket it is in
    if depth:
        raise _NotClean
    return items


def _commas(line: _Physical) -> int:
    """Commas outside the brackets opened on this line."""
    depth, commas = 0, 0
    for token in line.tokens:
        if token.kind == "op" and token.text in _OPENING:
            depth += 1
        elif token.kind == "op" and token.text in _CLOSING:
            depth -= 1
        elif token.text == "," and depth <= 0:
            commas += 1
    return commas


def _flat(lines: list[_Physical]) -> str:
    """Lines of one item joined the way black would write it on one line (without indentation)."""
    text = lines[0].content
    for line in lines[1:]:
        text += ("" if text[-1] in _OPENING or line.content[0] in _CLOSING else " ") + line.content
    return text


def _has_delimiter(tokens: Sequence[_Token]) -> bool:
    """Anything black's delimiter_split could split at, outside brackets."""
    depth = 0
    previous: _Token | None = None
    for token in tokens:
        if token.kind == "op" and token.text in _OPENING:
            depth += 1
        elif token.kind == "op" and token.text in _CLOSING:
            depth -= 1
        elif not depth and (token.text == "," or token.kind == "keyword" and token.text not in ("None", "True", "False", "await")
                            or (token.kind == "op" and token.text in _BINARY and not (
                                previous is None or previous.kind in ("op", "keyword") and previous.text not in _CLOSING))
                            or token.kind == "string" and previous is not None and previous.kind == "string"
                            or token.text == "." and previous is not None and previous.text in _CLOSING):
            return True
        previous = token
    return False


def _depth_before(tokens: Sequence[_Token], index: int) -> int:
    depth = 0
    for token in tokens[:index]:
        if token.kind == "op" and token.text in _OPENING:
            depth += 1
        elif token.kind == "op" and token.text in _CLOSING:
            depth -= 1
    return depth


def _check_dotted(texts: list[str]) -> None:
    if not texts or len(texts) % 2 == 0:
        raise _NotClean
    for i, text in enumerate(texts):
        if (text != ".") if i % 2 else not (text.isidentifier() and text not in _KEYWORDS):
            raise _NotClean
