"""Is this chunk already black's output? A cheap, conservative answer.

Black parses and lays out every chunk it is given (about 4 µs a byte), and the
templates emit black's own layout, so for almost every chunk black only confirms
that there is nothing to change. `is_black_clean` confirms it in a fraction of
that time for the code the templates write, and says "no" to anything else, which
then goes to black as before. "Yes" must never be wrong, so the accepted subset
is narrow and each rule mirrors black 26 (`linegen.py`, `lines.py`, `nodes.py`):

- tokens: names, keywords, plain decimal numbers, one-line double-quoted strings
  without prefixes or quote escapes (black would switch or unescape quotes), and
  triple-quoted strings only as docstrings that black's docstring rules leave as
  they are; comments, backslashes, semicolons, `'` strings, `...` statements,
  lambdas, comprehensions, slices, `with` and imports are refused;
- spacing between tokens on a line is the spacing black's `whitespace()` gives
  them, decided from the enclosing bracket (call, signature, class bases,
  subscript, list, dict, tuple); parentheses that are not a call, a signature
  or a tuple display inside a call or list are refused (black removes
  redundant ones where a statement holds them); a one-tuple's comma is not
  magic, a longer tuple's is;
- a statement on one line fits the line length and has no magic trailing comma;
  a statement over several lines is one of three layouts black is known to
  produce from them: a signature with one parameter a line and a trailing comma
  (left-hand split), a call with one argument a line and a trailing comma, or a
  call whose arguments fit on one line of their own when the whole does not
  (right-hand split, optional parentheses omitted); the call is assigned to a
  plain name or returned; inside brackets, a tuple split after its `(` (a
  one-tuple only where it does not fit) and a display's only item, without
  commas, on a line of its own;
- blank lines follow black's `EmptyLineTracker` for these kinds of lines.

`tests/test_blackcheck.py` checks "clean" against black itself on every chunk of
the generated packages and on mutated chunks; `bench/black_clean.py --verify`
does it for a folder of specs.
"""

from __future__ import annotations

from generator.emit.formatting.blackcheck import tokens
from generator.emit.formatting.blackcheck.statements import _check_lines
from generator.emit.formatting.blackcheck.tokens import _MEMO_LIMIT, _logical_lines, _NotClean

BLACK_MAJOR = "26"  # the black release whose rules this mirrors; formatting.py checks it


def is_black_clean(chunk: str, line_length: int) -> bool:
    """True only if black (26, default mode, the given line length) returns `chunk` unchanged."""
    if not chunk.endswith("\n") or chunk.startswith("\n") or not chunk.strip():
        return False
    try:
        _check_lines(_logical_lines(chunk), line_length)
    except _NotClean:
        return False
    return True


def share_memo(processes: int) -> None:
    """Bound this process's memos to its share when `processes` check pieces side by side, so
    that together they hold what one process checking everything would."""
    tokens._MEMO_LIMIT = max(1, _MEMO_LIMIT // processes)
