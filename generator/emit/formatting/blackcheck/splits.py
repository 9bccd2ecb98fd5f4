"""Statements over several lines: the layouts black makes of them, and only those."""

from __future__ import annotations

from collections.abc import Sequence

from generator.emit.formatting.blackcheck.tokens import (
    _CLOSING,
    _KEYWORDS,
    _Logical,
    _NotClean,
    _OPENING,
    _Physical,
    _Token,
    _check_dotted,
    _commas,
    _depth_before,
    _flat,
    _has_delimiter,
    _items,
    _line_text,
    _width,
)


def _check_split(line: _Logical, is_def: bool, line_length: int, *, is_stub_def: bool = False) -> None:
    """A statement over several lines: one of the layouts black makes of it (see the module doc)."""
    head, *middle, tail = line.physical
    indent = head.indent
    opening = head.tokens[-1].text
    if opening == "[" and not is_def and len(head.tokens) > 2 and head.tokens[1].text == ":":
        _check_annotation_split(line, line_length)
        return
    if opening == "(" and (len(head.tokens) > 2 and head.tokens[-2].text == "="
                           or [token.text for token in head.tokens] == ["return", "("]):
        _check_parenthesized(line, line_length)
        return
    return_split = False
    if is_def:
        closing = next((i for i, part in enumerate(middle) if part.indent == indent), None)
        if closing is not None:  # `) -> Page[` / its arguments / `]:`: the return annotation split too
            returns = middle[closing]
            if ([t.text for t in returns.tokens[:2]] != [")", "->"] or len(returns.tokens) < 4
                    or returns.tokens[2].kind == "string" or tail.tokens[0].text != "]"):
                raise _NotClean
            ending = [t.text for t in tail.tokens[1:]]
            if ending != [":"] + ([".", ".", "."] if is_stub_def else []):
                raise _NotClean
            _check_bracket_split(returns, middle[closing + 1 :], tail, indent, line_length)
            middle, tail, return_split = middle[:closing], returns, True
    if (not middle or opening not in _OPENING or (is_def and opening != "(") or tail.indent != indent
            or tail.tokens[0].text != _OPENING[opening]):
        raise _NotClean
    if _width(_line_text(head)) > line_length or _width(_line_text(tail)) > line_length:
        raise _NotClean
    texts = [token.text for token in head.tokens[:-1]]
    if is_def:
        if texts[:1] == ["async"]:
            texts = texts[1:]
        if texts[0] != "def" or len(texts) != 2 or not texts[1].isidentifier() or texts[1] in _KEYWORDS:
            raise _NotClean
        after = tail.tokens[1:-3] if is_stub_def else tail.tokens[1:]
        if not return_split and ([token.text for token in after[-1:]] != [":"] or (len(after) > 1 and (
                after[0].text != "->" or after[1].kind == "string"))):
            raise _NotClean
    trailer = False
    is_class = head.tokens[0].text == "class"
    if is_class:  # `class Name(` / its bases / `):`, split as a call is
        if ([t.text for t in tail.tokens] != [")", ":"] or len(head.tokens) != 3 or head.tokens[1].kind != "name"
                or head.tokens[1].text in _KEYWORDS):
            raise _NotClean
        trailer = True
    elif not is_def:
        if len(tail.tokens) != 1:
            raise _NotClean
        before = head.tokens[-2] if len(head.tokens) > 1 else None
        trailer = before is not None and (before.kind in ("name", "string") or before.text in (")", "]"))
        _check_split_head(head.tokens[:-1], display=not trailer)
    items = _items(middle, indent + 4)
    exploded = all(item[-1].tokens[-1].text == "," for item in items)
    if exploded:  # a magic trailing comma: black puts one item a line, whatever fits
        if is_class and len(items) < 2:
            raise _NotClean
        for item in items:
            _check_item(item, indent + 4, line_length)
    elif len(items) == 1 and len(items[0]) == 1 and not is_def and (opening == "(" or opening == "[" and trailer):
        only = items[0][0]  # a call's arguments on one line of their own (commas allowed: a call
        if _width(only.text) > line_length:  # is not a display, black keeps them together)
            raise _NotClean
        joined = _line_text(head) + "".join(t.space + t.text for t in only.tokens) + tail.content
        if not joined.isascii() or len(joined) <= line_length:
            raise _NotClean  # black joins what fits on one line
    else:
        raise _NotClean


def _check_annotation_split_before_call(line: _Logical, line_length: int) -> None:
    """`name: TypeAdapter[` / contents / `] = TypeAdapter(...)` at the top level: black splits the
    annotation when `name: annotation =` does not fit in line_length - 2 and the first line of the
    split at the value's call would not fit either, provided the value fits after the closing
    bracket (`generate_trailers_to_omit` only gets that far within the line length)."""
    head, *inner, tail = line.physical
    rest = tail.tokens[1:]
    if head.indent or rest[0].text != "=" or len(rest) < 4 or inner[-1].tokens[-1].text == ",":
        raise _NotClean
    call = _dotted_call(rest[1:])
    annotated = head.text + _flat(inner) + "] ="
    first_line_of_call = annotated + " " + "".join(t.space + t.text for t in rest[1 : 2 + call])
    if (not first_line_of_call.isascii() or len(annotated) <= line_length - 2
            or len(first_line_of_call) <= line_length or _width(tail.text) > line_length):
        raise _NotClean
    _check_bracket_split(head, inner, tail, 0, line_length, value_after=True)


def _dotted_call(tokens: Sequence[_Token]) -> int:
    """Where the parenthesis of `tokens`, a call `dotted.name(...)` closing at its end, opens."""
    texts = [token.text for token in tokens]
    call = texts.index("(") if "(" in texts else -1
    if call < 1:
        raise _NotClean
    _check_dotted(texts[:call])
    depth = 0
    for number, token in enumerate(tokens[call:], start=call):
        if token.kind == "op" and token.text in _OPENING:
            depth += 1
        elif token.kind == "op" and token.text in _CLOSING:
            depth -= 1
            if not depth and number != len(tokens) - 1:
                raise _NotClean  # a trailer after the call's parentheses
    return call


def _check_parenthesized(line: _Logical, line_length: int) -> None:
    """`name = (` / `callee(...)` / `)`: black's parentheses around a call whose first line,
    `name = callee(`, does not fit; black uses them when every line of the result fits (its
    "second opinion" with FORCE_OPTIONAL_PARENTHESES in `run_transformer`)."""
    head, *inner, tail = line.physical
    indent = head.indent
    is_return = head.tokens[0].text == "return"
    target = [token.text for token in head.tokens[:-2]]
    if len(tail.tokens) != 1 or tail.indent != indent or not inner or inner[0].indent != indent + 4:
        raise _NotClean
    if any(_width(part.text) > line_length for part in line.physical):
        raise _NotClean
    if is_return:
        lead = "return "
    elif len(target) > 2 and target[1] == ":":
        _check_parenthesized_value(line, line_length)
        return
    else:
        _check_dotted(target)
        lead = head.content[: -len("(")]  # `name = `
    items = _items(inner, indent + 4)
    if all(item[-1].tokens[-1].text == "," for item in items):  # a tuple, one item a line
        if len(items) == 1:  # a one-tuple's comma is not magic: split only where it does not fit
            joined = head.text + _flat(items[0]) + tail.content
            if not joined.isascii() or len(joined) <= line_length:
                raise _NotClean
        for item in items:
            _check_item(item, indent + 4, line_length)
        return
    if len(items) != 1:
        raise _NotClean
    value = [token for part in items[0] for token in part.tokens]
    _dotted_call(value[1:] if value[0].text == "await" else value)  # (`await` is no delimiter)
    flat = _flat(items[0])
    oop_head = " " * indent + lead + flat[: flat.index("(") + 1]
    if not oop_head.isascii() or len(oop_head) <= line_length:
        raise _NotClean  # black splits the call itself
    if len(items[0]) == 1:
        return
    if len(" " * (indent + 4) + flat) <= line_length:
        raise _NotClean  # it fits on its own line
    _check_item(items[0], indent + 4, line_length, comma=False)


def _check_parenthesized_value(line: _Logical, line_length: int) -> None:
    """`name: Annotation = (` / `value` / `)`: black's parentheses around a plain value (a name,
    number or string) when the line does not fit but `name: Annotation =` fits in line_length - 2
    (beyond that black splits the annotation instead: `_prefer_split_rhs_oop_over_rhs`)."""
    head, body, tail = line.physical if len(line.physical) == 3 else (None, None, None)
    if head is None or body is None or tail is None:
        raise _NotClean
    if len(body.tokens) != 1 or body.tokens[0].kind not in ("name", "keyword", "number", "string"):
        raise _NotClean
    if head.tokens[0].kind != "name" or head.tokens[0].text in _KEYWORDS:
        raise _NotClean
    annotated = head.text[: -len(" (")]  # `name: Annotation =`
    joined = annotated + " " + body.content
    if not joined.isascii() or len(joined) <= line_length:
        raise _NotClean  # black keeps it on one line
    if any(token.text in _OPENING for token in head.tokens[2:-2]) and len(annotated) > line_length - 2:
        raise _NotClean  # black splits the annotation


def _check_item(item: list[_Physical], indent: int, line_length: int, *, comma: bool = True) -> None:
    """One item of a split bracket (with its comma, or without when it is the bracket's only one):
    on one line; or split at its last bracket, as black's right-hand split leaves it: `head[` /
    the contents / `],`."""
    first = item[0]
    if len(item) == 1:
        if comma and _unsplittable(first.tokens[:-1]):
            return  # black has nothing to split it at, however long
        if _width(first.text) > line_length or _commas(first) > (1 if comma else 0):
            raise _NotClean  # too long, or two items on one line: black splits them
        return
    head, *inner, tail = item
    rest = tail.tokens[1:]
    if comma:
        if [token.text for token in rest[-1:]] != [","]:
            raise _NotClean
        rest = rest[:-1]
    elif rest:
        raise _NotClean
    if _has_delimiter(head.tokens[:-1] + rest):
        raise _NotClean  # black would split at that delimiter first
    _check_bracket_split(head, inner, tail, indent, line_length)


def _unsplittable(tokens: Sequence[_Token]) -> bool:
    """An item black cannot split, however long: an atom (a string, a number, a dotted name:
    a dot after a name is no delimiter) alone, after `keyword=` (in a call, `=` is no
    delimiter) or after `"key": ` (nor is a dict's colon)."""
    if len(tokens) > 2 and tokens[1].text in ("=", ":") and (
            tokens[0].kind == "name" and tokens[1].text == "=" or tokens[0].kind == "string" and tokens[1].text == ":"):
        tokens = tokens[2:]
    if len(tokens) == 1:
        return tokens[0].kind in ("string", "name", "number")
    texts = [token.text for token in tokens]
    try:
        _check_dotted(texts)
    except _NotClean:
        return False
    return True


def _check_bracket_split(head: _Physical, inner: list[_Physical], tail: _Physical, indent: int,
                         line_length: int, *, value_after: bool = False) -> None:
    """`head` ends with the bracket black splits at, the last one on the line (`tail` starts with
    its closing bracket and has no other); `inner` is its contents: items one a line each with its
    comma (a magic trailing comma, or black's own when they do not fit on one line); or without a
    trailing comma, one item on one line when the whole does not fit, or split further when that
    item does not fit on its own line either."""
    opening = head.tokens[-1]
    if (opening.text not in _OPENING or tail.indent != indent or tail.tokens[0].text != _OPENING[opening.text]
            or not inner or _width(head.text) > line_length or _width(tail.text) > line_length):
        raise _NotClean
    if not value_after and any(token.text in _OPENING or token.text in _CLOSING for token in tail.tokens[1:]):
        raise _NotClean  # the split bracket must be the last one
    trailer = len(head.tokens) > 1 and (head.tokens[-2].kind in ("name", "string") or head.tokens[-2].text in ")]")
    items = _items(inner, indent + 4)
    if all(item[-1].tokens[-1].text == "," for item in items):  # exploded, each item checked like the outer ones
        if trailer and len(items) < 2:
            raise _NotClean  # a one-element subscript's or call's comma may not be magic
        if opening.text == "(" and len(items) == 1:  # a one-tuple's comma is not magic either:
            joined = head.text + _flat(items[0]) + tail.content  # black splits it only where it
            if not joined.isascii() or len(joined) <= line_length:  # does not fit
                raise _NotClean
        for item in items:
            _check_item(item, indent + 4, line_length)
        return
    # (a display's one item: no comma outside the brackets the item opens on its first line and
    # closes on its last)
    display_hug = opening.text in "[{" and len(items) == 1 and not _commas(items[0][0]) and not _commas(items[0][-1])
    if len(items) != 1 or not (trailer or display_hug):
        raise _NotClean  # a display without a magic comma is exploded by black if it has commas
    only = items[0]
    if len(only) == 1:
        if _width(only[0].text) > line_length:
            raise _NotClean
        joined = head.text + only[0].content + tail.content
        if not joined.isascii() or len(joined) <= line_length:
            raise _NotClean  # black joins what fits on one line
        return
    flat = " " * (indent + 4) + _flat(only)
    if not flat.isascii() or len(flat) <= line_length:
        raise _NotClean  # black keeps the item on one line
    _check_item(only, indent + 4, line_length, comma=False)


def _check_annotation_split(line: _Logical, line_length: int) -> None:
    """`name: Optional[` / contents / `] = value`: black's right-hand split of an annotated
    assignment whose value has no brackets; it splits the annotation (omitting the optional
    parentheses around the value) only when `name: annotation =` alone does not fit, and when there
    is no value at all."""
    head, *inner, tail = line.physical
    texts = [token.text for token in head.tokens]
    if len(texts) < 4 or texts[1] != ":" or head.tokens[0].kind != "name" or texts[0] in _KEYWORDS:
        raise _NotClean
    rest = [token.text for token in tail.tokens[1:]]
    if rest and len(rest) > 2:
        _check_annotation_split_before_call(line, line_length)
        return
    if rest and (rest[0] != "=" or len(rest) != 2 or tail.tokens[2].kind not in ("name", "keyword", "number",
                                                                                 "string")):
        raise _NotClean
    exploded = inner[-1].tokens[-1].text == ","
    if rest and not exploded:
        annotated = head.text + _flat(inner) + "] ="
        # black measures `name: annotation = ` (with the space before its invisible parenthesis)
        # against line_length - 1
        if not annotated.isascii() or len(annotated) <= line_length - 2:
            raise _NotClean  # else black splits at the parentheses it would put around the value
    _check_bracket_split(head, inner, tail, head.indent, line_length)


def _check_split_head(tokens: Sequence[_Token], display: bool) -> None:
    """`name = callee(`, `self.name = callee(`, `name: Annotation = callee(`, `return callee(` or
    `callee(`, callee a dotted name (`await` before it allowed: it is not a delimiter black could
    split at); `name = [` or `return {` for a display (`tokens` is the head without its bracket,
    `display` whether the bracket opens a list, dict or set). With no brackets left of the `=`,
    or a head that fits, black prefers this split to one at the optional parentheses around
    the value (`_prefer_split_rhs_oop_over_rhs`)."""
    texts = [token.text for token in tokens]
    equals = [i for i, token in enumerate(tokens) if token.text == "=" and _depth_before(tokens, i) == 0]
    if not display and not equals and texts[:1] != ["return"]:
        # an expression statement or `raise`: no optional parentheses, and outside brackets black
        # only tries the right-hand split, at the last bracket
        if texts[:1] == ["raise"]:
            tokens = tokens[1:]
        if not tokens or any(t.kind == "keyword" and t.text != "await" for t in tokens):
            raise _NotClean
        return
    if texts[:1] == ["return"]:
        texts = texts[1:]
    elif equals:
        if len(equals) > 1:
            raise _NotClean  # chained assignment
        target, texts = texts[: equals[0]], texts[equals[0] + 1 :]
        if len(target) > 2 and target[1] == ":":
            _check_dotted(target[:1])
        elif len(target) > 2 and target[1] == ",":  # `a, b = callee(` (checked a target list already)
            pass
        else:
            _check_dotted(target)
    if display:
        if texts:
            raise _NotClean
        return
    if texts[:1] == ["await"]:
        texts = texts[1:]
    _check_dotted(texts)
