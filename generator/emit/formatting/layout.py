"""Code laid out the way black lays it out, for the templates.

Black formats everything the templates write, but a chunk black leaves as it
is costs a fraction of one it changes (and generator/emit/formatting/blackcheck/ can
vouch for it without black), so the templates emit black's layout: these
helpers split long signatures, calls, annotations and displays at the places
black splits them and indent docstrings as black does. A layout black would
not choose only costs time: black still formats the result.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from generator.emit.formatting import DEFAULT_LINE_LENGTH


@dataclass(frozen=True)
class Place:
    """Where a template writes a value that a view lays out: on a line `indent` deep, after
    `lead` (`{keyword}` filled in), with `after` characters following it on that line."""

    indent: int
    lead: str = ""
    after: int = 0

    def column(self, keyword: str = "") -> int:
        return self.indent + len(self.lead.format(keyword=keyword))


# Every place in the built-in templates where a view lays out a value for its column: the one
# table to change when a template moves such a value (a wrong entry only costs black time).
PLACES = {
    # resources/resource.py.j2: `_json_body = {...}` (form, files) bound before the request call
    "body_local": Place(indent=8, lead="_{keyword} = "),
    # resources/resource.py.j2: `query={...},` and the other keyword arguments of the request call
    "request_argument": Place(indent=12, lead="{keyword}=", after=len(",")),
    # models.py and the resource modules: `NAME: TypeAdapter[...] = TypeAdapter(...)`
    "module_constant": Place(indent=0),
    # _client.py.j2: `SERVERS = (Server(...), ...)`
    "client_servers": Place(indent=0, lead="SERVERS = "),
}


def display_at(place: str, keyword: str, opening: str, items: Iterable[str], closing: str, *,
               line_length: int = DEFAULT_LINE_LENGTH) -> str:
    """`bracketed` for a display the template writes at `PLACES[place]` (`(` opens a tuple)."""
    where = PLACES[place]
    return bracketed(opening, items, closing, column=where.column(keyword), indent=where.indent, after=where.after,
                     line_length=line_length, one_tuple=opening == "(")


def template_helpers(line_length: int) -> tuple[dict[str, Any], dict[str, Callable[..., str]]]:
    """(globals, filters) the templates lay lines out with, for this line length."""
    helpers: dict[str, Any] = {
        "line_length": line_length,
        "split_subscript": functools.partial(split_subscript, line_length=line_length),
        "import_from": functools.partial(import_from, line_length=line_length),
        "assigned_call": functools.partial(assigned_call, line_length=line_length),
        "returned_call": functools.partial(returned_call, line_length=line_length),
        "lay_out_def": functools.partial(signature, line_length=line_length),
        "lay_out_class": functools.partial(class_header, line_length=line_length),
    }
    return helpers, {"docindent": functools.partial(docstring_indent, line_length=line_length)}


def bracketed(
    opening: str,
    items: Iterable[str],
    closing: str,
    *,
    column: int,
    indent: int,
    after: int = 0,
    line_length: int = DEFAULT_LINE_LENGTH,
    hug: bool = False,
    one_tuple: bool = False,
) -> str:
    """`opening` + items + `closing` laid out the way black lays them out, so black has nothing to
    change (a chunk black leaves as it is costs one pass, not two).

    `opening` starts at `column` on a line indented by `indent`, `after` characters follow `closing`
    on its line. On one line if that fits; else one item a line with a trailing comma, or (`hug`,
    a call's arguments) all items on one line of their own if they fit there. `one_tuple`: a tuple
    display, whose single item keeps its comma on one line too. Black still formats the result,
    so a layout it would not choose only costs time.
    """
    items = list(items)
    flat = ", ".join(items) + ("," if one_tuple and len(items) == 1 else "")
    if column + len(opening) + len(flat) + len(closing) + after <= line_length or column + len(opening) > line_length:
        return opening + flat + closing  # (the second: black would wrap it in parentheses; left to black)
    inner = " " * (indent + 4)
    if hug and len(inner) + len(flat) <= line_length:
        return f"{opening}\n{inner}{flat}\n{' ' * indent}{closing}"
    return opening + "\n" + "".join(f"{inner}{_item(item, indent + 4, line_length)},\n" for item in items) \
        + " " * indent + closing


def _item(item: str, indent: int, line_length: int) -> str:
    """One item of a display split one item a line: a call, a display, or either after `keyword=` or
    `"key": `, that does not fit, split at its last bracket as black splits it; anything else as it
    is (black splits it if it must)."""
    if indent + len(item) + 1 <= line_length or not _is_bracketed(item):
        return item
    return _split(item, indent, line_length)


def split_subscript(
    head: str, expression: str, tail: str, *, indent: int, after: int = 0, line_length: int = DEFAULT_LINE_LENGTH
) -> str:
    """`head + expression + tail` on a line `indent` deep (`after` more characters follow), split
    the way black splits it when too long: at the expression's last bracket (a subscript, call or
    display ending it), its contents 4 deeper on one line if they fit there (a call's or
    subscript's; black explodes a display with commas), else one item a line with trailing commas,
    each split the same way; `x: Union[` / `...` / `] = NOT_GIVEN,`. Left whole where black would
    do something else (a bracket in `tail`, text black measures differently): black still formats
    it, this only saves it work."""
    line = head + expression + tail
    if indent + len(line) + after <= line_length or not line.isascii():
        return line
    value = tail[3:]
    if tail.startswith(" = ") and not after and _is_bracketed(value):
        # `name: Annotation = call(...)`: black splits the value's last bracket when the line up to
        # it fits (it omits the optional parentheses around the value)
        opening = _last_opening(value)
        if indent + len(head + expression + tail[: 3 + opening + 1]) <= line_length:
            return head + expression + " = " + _split(value, indent, line_length)
        return line
    if (tail.startswith(" = ") and head.endswith(": ") and not after and not tail.endswith(",")
            and not any(b in value for b in "([{")):  # (a parameter's default: black's rules differ)
        # `name: Annotation = value`: black splits the annotation only when `name: Annotation =`
        # does not fit in line_length - 2; else it puts the value in parentheses of its own
        if not _is_bracketed(expression) or indent + len(head + expression + " =") <= line_length - 2:
            if indent + len(head + expression + " = (") > line_length or indent + 4 + len(value) > line_length:
                return line
            return f"{head}{expression} = (\n{' ' * (indent + 4)}{value}\n{' ' * indent})"
    if not _is_bracketed(expression) or any(bracket in tail for bracket in "([{"):
        return line
    return head + _split(expression, indent, line_length) + tail


def assigned_call(target: str, callee: str, arguments: Iterable[str], *, indent: int,
                  line_length: int = DEFAULT_LINE_LENGTH) -> str:
    """What follows `target = ` for the value `callee(arguments)`, on a line `indent` deep, as black
    writes it: on the line if it fits; in black's own parentheses when even `target = callee(`
    does not fit (the call inside laid out the same way, 4 deeper); else split at the call's
    parentheses (the arguments on a line of their own, or one a line)."""
    return _call_at(indent + len(target) + 3, callee, list(arguments), indent, line_length)


def returned_call(callee: str, arguments: Iterable[str], *, indent: int, line_length: int = DEFAULT_LINE_LENGTH) -> str:
    """What follows `return ` for `callee(arguments)`: black splits a returned call as it splits an
    assigned one."""
    return _call_at(indent + len("return "), callee, list(arguments), indent, line_length)


def _call_at(column: int, callee: str, arguments: list[str], indent: int, line_length: int) -> str:
    flat = f"{callee}({', '.join(arguments)})"
    if column + len(flat) <= line_length:
        return flat
    if column + len(callee) + 1 > line_length and column + 1 <= line_length:
        inner = indent + 4
        call = bracketed(f"{callee}(", arguments, ")", column=inner, indent=inner, line_length=line_length, hug=True)
        return f"(\n{' ' * inner}{call}\n{' ' * indent})"
    return bracketed(f"{callee}(", arguments, ")", column=column, indent=indent, line_length=line_length, hug=True)


def import_from(module: str, names: Iterable[str], *, indent: int = 0, line_length: int = DEFAULT_LINE_LENGTH) -> str:
    """`from module import a, b` as black writes it: on one line if it fits, else in parentheses,
    one name a line with a trailing comma."""
    names = list(names)
    line = f"from {module} import {', '.join(names)}"
    if indent + len(line) <= line_length:
        return line
    pad = " " * (indent + 4)
    return f"from {module} import (\n" + "".join(f"{pad}{name},\n" for name in names) + " " * indent + ")"


def signature(opening: str, parameters: Iterable[str], closing: str, *, indent: int,
              line_length: int = DEFAULT_LINE_LENGTH) -> str:
    """`def name(` + parameters + `) -> ...:` on a line `indent` deep, as black writes it: on one
    line if it fits, else one parameter a line with a trailing comma (black's left-hand split,
    which adds the comma even after a lone `self`)."""
    return bracketed(opening, parameters, closing, column=indent, indent=indent, line_length=line_length)


def class_header(name: str, bases: str, *, line_length: int = DEFAULT_LINE_LENGTH) -> str:
    """`class name(bases):` at the top level, as black writes it: on one line if it fits, else the
    bases on a line of their own (or one a line when they do not fit there either)."""
    return bracketed(f"class {name}(", _top_level(bases), "):", column=0, indent=0, line_length=line_length, hug=True)


def split_annotation(target: str, annotation: str, value: str, *, line_length: int = DEFAULT_LINE_LENGTH) -> str:
    """The annotation of `target: annotation = value` (at the module's top level) as black writes
    the statement: split at its last bracket when `target: annotation =` is too long and black's
    other splits fail first (the value's call does not start on the first line, and the value
    fits after the closing bracket); else as it is."""
    opening = _last_opening(annotation)
    if (not _is_bracketed(annotation) or not annotation.isascii() or not value.isascii()
            or len(f"{target}: {annotation} =") <= line_length - 2
            or len(f"{target}: {annotation[: opening + 1]}") > line_length
            or len(f"] = {value}") > line_length):
        return annotation
    call = _last_opening(value)
    if call > 0 and len(f"{target}: {annotation} = {value[: call + 1]}") <= line_length:
        return annotation  # black splits the value's call instead
    return _split(annotation, 0, line_length)


def _is_bracketed(text: str) -> bool:
    """`name[...]`, `name.attr(...)`, `{...}` or `[...]`: ending with the bracket opened after a
    (dotted) name, or a display, with something inside; each also after `keyword=` or `"key": `,
    where `(...)` is a tuple display too."""
    return _scan(text).is_bracketed(0, len(text))


def _last_opening(text: str) -> int:
    """Where the bracket closing at the end of `text` opens, or -1."""
    return _scan(text).last_opening(0, len(text))


def _top_level(text: str) -> list[str]:
    """`text` cut at its commas outside brackets and strings."""
    scan = _scan(text)
    return [text[a:b] for a, b in scan.items(-1, len(text))]


def _split(expression: str, indent: int, line_length: int) -> str:
    """`prefix(` / the contents / `)`, the closing bracket `indent` deep."""
    return _scan(expression).split(0, len(expression), indent, line_length)


def _callee(prefix: str) -> str:
    """What a bracket follows, without a keyword argument's `name=` (`spans=(...)`, `kind=Call(...)`)
    or a dict entry's `"key": `."""
    keyword, equals, rest = prefix.partition("=")
    if equals and keyword.isidentifier():
        return rest
    key = _DICT_KEY.match(prefix)
    return prefix[key.end() :] if key else prefix


_DICT_KEY = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*": ')


# A string literal (skipped whole: brackets and commas in it are text) or a bracket or comma.
_BRACKETS_AND_COMMAS = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[][(){},]""")
_OPENINGS = frozenset("([{")  # (a string literal, the other kind of match, is in neither)
_CLOSINGS = frozenset(")]}")


@functools.lru_cache(maxsize=16)  # a helper asks about one text several times (bracketed? then split)
def _scan(text: str) -> _Brackets:
    return _Brackets(text)


class _Brackets:
    """Where each bracket of `text` closes and which commas lie directly inside it, found in one
    pass; the questions above are then answered for any span of the text without reading it
    again. (Scanning each nested span anew made a long enum annotation cost its length times its
    depth times four: a third of the render of a 20 MB spec.) Spans are [start, end) offsets; an
    unbalanced text answers "no bracket", so it is left for black as it is."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.opens: dict[int, int] = {}  # closing bracket -> its opening bracket
        self.closes: dict[int, int] = {}
        self.commas: dict[int, list[int]] = {-1: []}  # opening bracket (-1: none) -> commas inside
        stack = [-1]
        for match in _BRACKETS_AND_COMMAS.finditer(text):
            char, at = match.group(), match.start()
            if char in _OPENINGS:
                stack.append(at)
                self.commas[at] = []
            elif char in _CLOSINGS:
                if len(stack) == 1:
                    self.opens.clear()
                    return
                opening = stack.pop()
                self.opens[at], self.closes[opening] = opening, at
            elif char == ",":
                self.commas[stack[-1]].append(at)
        if len(stack) > 1:
            self.opens.clear()

    def last_opening(self, start: int, end: int) -> int:
        opening = self.opens.get(end - 1, -1)
        return opening if opening >= start else -1

    def items(self, opening: int, end: int) -> list[tuple[int, int]]:
        """The spans of what lies between the commas directly inside the bracket at `opening`
        (-1: the whole text, up to `end`), whitespace stripped, empty ones left out."""
        text, spans = self.text, []
        cuts = [opening, *self.commas[opening], self.closes.get(opening, end)]
        for a, b in zip(cuts, cuts[1:]):
            a += 1
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                spans.append((a, b))
        return spans

    def is_bracketed(self, start: int, end: int) -> bool:
        opening = self.last_opening(start, end)
        if opening < 0 or not self.items(opening, end):
            return False
        labelled = self.text[start:opening]
        callee = _callee(labelled)
        if not callee:  # a display: a bare `(` would be parentheses black may drop, unless labelled
            return self.text[opening] in ("[{(" if labelled else "[{")
        return all(part.isidentifier() for part in callee.split("."))

    def split(self, start: int, end: int, indent: int, line_length: int) -> str:
        text = self.text
        opening = self.last_opening(start, end)
        prefix, bracket, closing = text[start:opening], text[opening], text[end - 1]
        items, pad = self.items(opening, end), " " * (indent + 4)
        inner_length = end - 1 - (opening + 1)
        display = not _callee(prefix)
        if indent + 4 + inner_length <= line_length and not (display and len(items) > 1):
            body = pad + text[opening + 1 : end - 1]
        elif len(items) == 1:  # (a one-tuple keeps its comma)
            (a, b), = items
            trailing = text[opening + 1 : end - 1].rstrip().endswith(",")
            body = pad + (self.split(a, b, indent + 4, line_length) if self.is_bracketed(a, b) else text[a:b]) + (
                "," if trailing else "")
        else:
            body = "\n".join(
                pad + (text[a:b] if indent + 4 + (b - a) + 1 <= line_length or not self.is_bracketed(a, b)
                       else self.split(a, b, indent + 4, line_length)) + ","
                for a, b in items
            )
        return f"{prefix}{bracket}\n{body}\n{' ' * indent}{closing}"


def docstring_indent(body: str, width: int, *, line_length: int = DEFAULT_LINE_LENGTH) -> str:
    """A docstring body (`literals.docstring_body`) for `\"\"\"...\"\"\"` `width` deep, as black writes it:
    lines after the first indented, a space before the closing quotes after a quote, and the
    closing quotes on a line of their own when the last line leaves no room for them."""
    first, *rest = body.split("\n")
    text = first + "".join("\n" + (" " * width + line if line else "") for line in rest)  # blank lines stay empty
    spaced = text + " " if text.endswith('"') else text
    lines = spaced.splitlines()  # black's test, in characters (not display width)
    if len(lines) > 1 and len(lines[-1]) + 3 > line_length:
        return text + "\n" + " " * width
    return spaced
