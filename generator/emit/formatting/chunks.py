"""Where a module may be cut so that its pieces, formatted one by one, join into black's output.

Black lays out each logical line on its own and only the blank lines between them depend on
their neighbours, so the cuts are at places where that holds:

- before every top-level `class`/`def` (with its decorators and the comments right above it):
  black puts two blank lines there, `join_chunks` does too;
- inside a big top-level display written one item a line with a magic trailing comma
  (`NAME = {` / `    item,` ... / `}` at the end of a chunk, such as the drift table): black
  splits it one item a line and lays out each item line by itself, so each item is formatted in
  a display of its own (`_ = {` / item / `}`) and the statement with one placeholder item stands
  for the rest. A data table can be megabytes long in one statement; this way it is formatted
  as many small pieces (most vouched for by blackcheck, the rest in parallel) instead of one
  black call that grows with the spec.

A cut in the wrong place (inside a string or brackets) gives a piece black cannot parse, or a
piece that does not come back in the expected frame; the caller then formats the whole module.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

# A top-level statement that starts a chunk; a cut inside a string or brackets is caught by black.
_CHUNK_START = re.compile(r"^(?:@|class |def |async def )", re.MULTILINE)
_TRIPLE_QUOTE = re.compile('"""')
_SEPARATOR = "\n\n"  # after a chunk's own newline: the two blank lines black puts around top-level defs
# The blank lines before the next chunk: black drops them at the end of a file, so they are cut off
# first (a chunk black leaves unchanged is formatted in one pass instead of two).
_TRAILING_BLANKS = re.compile(r"\n[ \t\n]*\Z")

# Displays shorter than this stay whole: cutting pays off only where one black call would be long.
DISPLAY_SPLIT_FROM_CHARS = 20_000
_CLOSING_TO_OPENING = {"}": "{", "]": "["}
# An item line of a display black splits one item a line: a whole item (no comment, no string or
# bracket left open at its end, which black's parser catches) ending with the magic comma.
_ITEM = re.compile(r"    [^\s#][^\n]*,")
_PLACEHOLDER = "    0,"


def split_chunks(source: str) -> list[str]:
    """The module cut before each top-level class/def (with its decorators and comments)."""
    starts = []
    in_decorators = False
    quotes = [m.start() for m in _TRIPLE_QUOTE.finditer(source)]
    for match in _CHUNK_START.finditer(source):
        if bisect.bisect(quotes, match.start()) % 2:
            continue  # a docstring line that looks like a def: not a cut (a heuristic; black checks)
        if not in_decorators:
            start = match.start()
            while start > 0:  # comment lines right above belong to the def
                previous = source.rfind("\n", 0, start - 1) + 1
                if not source.startswith("#", previous):
                    break
                start = previous
            if start > 0:
                starts.append(start)
        in_decorators = match.group() == "@"
    bounds = [0, *starts, len(source)]
    chunks = (source[a:b] for a, b in zip(bounds, bounds[1:]))
    return [_TRAILING_BLANKS.sub("\n", chunk) for chunk in chunks if chunk.strip()]


def join_chunks(texts: Iterable[str]) -> str:
    return _SEPARATOR.join(text for text in texts if text)


@dataclass(frozen=True)
class DisplayPieces:
    """A chunk ending in a big display, cut into pieces each formatted on its own."""

    skeleton: str  # the chunk with the display's items replaced by one placeholder item
    opening: str
    items: tuple[str, ...]  # each item in a display of its own: `_ = {` / the item line / `}`

    @property
    def pieces(self) -> tuple[str, ...]:
        return (self.skeleton, *self.items)

    def assemble(self, formatted: dict[str, str]) -> str | None:
        """The chunk as black formats it, from its formatted pieces; None where a piece did not
        come back in its frame (the caller then formats the whole module)."""
        closing = {"{": "}", "[": "]"}[self.opening]
        prefix, suffix = f"_ = {self.opening}\n", f"{closing}\n"
        laid_out = []
        for item in self.items:
            text = formatted.get(item)
            if text is None or not text.startswith(prefix) or not text.endswith(suffix):
                return None
            laid_out.append(text[len(prefix) : -len(suffix)])
        skeleton = formatted.get(self.skeleton)
        placeholder = f"\n{_PLACEHOLDER}\n{closing}\n"
        if skeleton is None or not skeleton.endswith(placeholder) or skeleton.count(f"\n{_PLACEHOLDER}\n") != 1:
            return None
        return skeleton[: -len(placeholder) + 1] + "".join(laid_out) + f"{closing}\n"


def split_display(chunk: str) -> DisplayPieces | None:
    """The pieces of a chunk that ends in a big top-level display written one item a line with
    the magic trailing comma (`NAME = {` / `    item,` ... / `}`); None for any other chunk."""
    if len(chunk) < DISPLAY_SPLIT_FROM_CHARS or chunk[-2:-1] not in _CLOSING_TO_OPENING or chunk[-3:-2] != "\n":
        return None
    opening, closing = _CLOSING_TO_OPENING[chunk[-2]], chunk[-2]
    body_end = len(chunk) - 3  # the newline before the closing bracket
    head_end = body_end
    while True:  # back over the item lines (indented) to the statement's first line
        newline = chunk.rfind("\n", 0, head_end)
        if newline < 0 or not chunk.startswith("    ", newline + 1):
            break
        head_end = newline
    head = chunk[chunk.rfind("\n", 0, head_end) + 1 : head_end]
    items = chunk[head_end + 1 : body_end].split("\n")
    if not head.endswith(f" = {opening}") or head[:1] in ("", " ", "#", "@") or len(items) < 2:
        return None
    if any('"""' in item or "'''" in item or not _ITEM.fullmatch(item) for item in items):
        return None
    skeleton = f"{chunk[:head_end]}\n{_PLACEHOLDER}\n{closing}\n"
    return DisplayPieces(skeleton, opening, tuple(f"_ = {opening}\n{item}\n{closing}\n" for item in items))
