"""How much of the pre-black text is already black-clean (issue #6, cold runs).

black's `format_str` makes a second pass over a chunk whenever the first pass
changed it, so each chunk that comes out of the templates exactly as black
would write it costs one pass instead of two. This renders a spec without
formatting, cuts every Python file the way `generator/emit/formatting.py` does,
runs black on each chunk and reports the share that black leaves unchanged,
by file kind, and a sample of the differences.

    python bench/black_clean.py SPEC [--config FILE] [--diffs N] [--kind models]
"""

from __future__ import annotations

import argparse
import collections
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.config import config_path_for, load_config  # noqa: E402
from generator.emit.formatting import DEFAULT_LINE_LENGTH, _black, split_chunks  # noqa: E402
from generator.pipeline import generate  # noqa: E402


def kind_of(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    if "/resources/" in name and base != "__init__.py":
        return "resources"
    if base.startswith("_") and base not in ("__init__.py", "_client.py"):
        return "runtime"
    return base.removesuffix(".py")


def measure(spec: Path, config: Path | None = None):
    """[(file, chunk, formatted)] for every chunk of every Python file, at the config's line length."""
    files = generate(spec, config_path=config, format_code=False).files
    line_length = load_config(config or config_path_for(spec)).line_length or DEFAULT_LINE_LENGTH
    out = []
    for name, text in sorted(files.items()):
        if name.endswith(".py"):
            for chunk in split_chunks(text):
                out.append((name, chunk, _black(chunk, line_length)))
    return out


def clean_fraction(rows) -> float:
    return sum(chunk == formatted for _, chunk, formatted in rows) / len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("spec", type=Path)
    parser.add_argument("--config", type=Path)
    parser.add_argument("--diffs", type=int, default=0, help="print this many unclean chunks' diffs")
    parser.add_argument("--kind", help="only files of this kind (models, resources, runtime, ...)")
    args = parser.parse_args()
    rows = measure(args.spec, args.config)
    if args.kind:
        rows = [r for r in rows if kind_of(r[0]) == args.kind]
    by_kind: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    for name, chunk, formatted in rows:
        stats = by_kind[kind_of(name)]
        stats[0] += 1
        stats[1] += chunk == formatted
        stats[2] += len(chunk)
        stats[3] += len(chunk) if chunk == formatted else 0
    total = [sum(s[i] for s in by_kind.values()) for i in range(4)]
    for kind, (n, clean, size, clean_size) in sorted(by_kind.items()) + [("TOTAL", total)]:
        print(f"{kind:12} {clean:5}/{n:<5} chunks clean {clean / n:6.1%}   bytes clean {clean_size / max(size, 1):6.1%}")
    shown = 0
    for name, chunk, formatted in rows:
        if chunk != formatted and shown < args.diffs:
            shown += 1
            diff = difflib.unified_diff(chunk.splitlines(), formatted.splitlines(), name, "black", n=1, lineterm="")
            print("\n".join(list(diff)[:40]))


if __name__ == "__main__":
    main()
