"""How much of the pre-black text is already black-clean (issue #6, cold runs),
and whether `generator/emit/formatting/blackcheck/` is right about it.

The templates emit black's layout, so black leaves most chunks as they are;
`blackcheck.is_black_clean` vouches for such chunks without running black. This
renders a spec without formatting, cuts every Python file the way
`generator/emit/formatting.py` does, runs black on each chunk and reports, by
file kind, the share black leaves unchanged ("clean") and the share blackcheck
vouches for ("vouched"). A chunk vouched for that black changes is a bug in
blackcheck: it is printed and the exit status is 1.

    python bench/black_clean.py SPEC [--config FILE] [--diffs N] [--kind models]
    python bench/black_clean.py --verify SPEC_OR_FOLDER...   # one line a spec, all must hold
"""

from __future__ import annotations

import argparse
import collections
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.config import config_path_for, load_config  # noqa: E402
from generator.emit.formatting.blackcheck import is_black_clean  # noqa: E402
from generator.emit.formatting import DEFAULT_LINE_LENGTH, _black, split_chunks  # noqa: E402
from generator.emit.templating.render import RUNTIME_DIR  # noqa: E402
from generator.pipeline import generate  # noqa: E402

RUNTIME_MODULES = frozenset(path.name for path in RUNTIME_DIR.glob("_*.py"))

SPEC_SUFFIXES = (".json", ".yaml", ".yml")


def kind_of(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    if "/resources/" in name and base != "__init__.py":
        return "resources"
    if "/models/" in name:  # a split models package: its index and group modules
        return "models"
    if name.count("/") == 1 and base in RUNTIME_MODULES:  # copied as written: never formatted
        return "runtime"
    return base.removesuffix(".py")


def measure(spec: Path, config: Path | None = None):
    """[(file, chunk, formatted, vouched)] for every chunk of every Python file, at the config's
    line length (formatted is None where black refuses the chunk)."""
    files = generate(spec, config_path=config, format_code=False).files
    line_length = load_config(config or config_path_for(spec)).line_length or DEFAULT_LINE_LENGTH
    out = []
    for name, text in sorted(files.items()):
        if name.endswith(".py"):
            for chunk in split_chunks(text):
                try:
                    formatted: str | None = _black(chunk, line_length)
                except Exception:  # black.InvalidInput: a cut inside brackets; formatted whole instead
                    formatted = None
                out.append((name, chunk, formatted, is_black_clean(chunk, line_length)))
    return out


def wrong(rows) -> list:
    """Chunks blackcheck vouched for that black changes (or refuses)."""
    return [row for row in rows if row[3] and row[1] != row[2]]


def verify_one(spec: Path) -> tuple[str, str, list]:
    try:
        rows = measure(spec)
    except SystemExit:
        return str(spec), "not generated", []
    except Exception as error:  # a spec the generator refuses is not this tool's business
        return str(spec), f"not generated ({type(error).__name__})", []
    formatted_rows = [r for r in rows if kind_of(r[0]) != "runtime"]  # runtime modules skip black
    size = sum(len(r[1]) for r in formatted_rows) or 1
    clean = sum(len(r[1]) for r in formatted_rows if r[1] == r[2]) / size
    vouched = sum(len(r[1]) for r in formatted_rows if r[3]) / size
    return str(spec), f"{size / 1e6:6.2f} MB  clean {clean:6.1%}  vouched {vouched:6.1%}", wrong(rows)


def verify(paths: list[Path]) -> int:
    import concurrent.futures
    import os

    specs = sorted(p for path in paths for p in ([path] if path.is_file() else path.rglob("*"))
                   if p.suffix in SPEC_SUFFIXES and p.is_file())
    bad = 0
    with concurrent.futures.ProcessPoolExecutor(os.cpu_count()) as pool:
        for name, summary, wrong_rows in pool.map(verify_one, specs):
            print(f"{name}: {summary}" + (f"  WRONG {len(wrong_rows)}" if wrong_rows else ""), flush=True)
            for file, chunk, formatted, _ in wrong_rows[:3]:
                bad += 1
                diff = difflib.unified_diff(chunk.splitlines(), (formatted or "").splitlines(), file, "black",
                                            n=1, lineterm="")
                print("\n".join(list(diff)[:40]))
            bad += len(wrong_rows[3:])
    print(f"{len(specs)} specs, {bad} chunks vouched for that black changes")
    return 1 if bad else 0


def clean_fraction(rows) -> float:
    return sum(chunk == formatted for _, chunk, formatted in rows) / len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("spec", type=Path, nargs="+")
    parser.add_argument("--config", type=Path)
    parser.add_argument("--verify", action="store_true", help="check blackcheck against black on every spec")
    parser.add_argument("--diffs", type=int, default=0, help="print this many unclean chunks' diffs")
    parser.add_argument("--kind", help="only files of this kind (models, resources, runtime, ...)")
    args = parser.parse_args()
    if args.verify:
        sys.exit(verify(args.spec))
    rows = measure(args.spec[0], args.config)
    if args.kind:
        rows = [r for r in rows if kind_of(r[0]) == args.kind]
    by_kind: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0, 0])
    for name, chunk, formatted, vouched in rows:
        stats = by_kind[kind_of(name)]
        stats[0] += 1
        stats[1] += chunk == formatted
        stats[2] += len(chunk)
        stats[3] += len(chunk) if chunk == formatted else 0
        stats[4] += len(chunk) if vouched else 0
    total = [sum(s[i] for s in by_kind.values()) for i in range(5)]
    for kind, (n, clean, size, clean_size, vouched_size) in sorted(by_kind.items()) + [("TOTAL", total)]:
        print(f"{kind:12} {clean:5}/{n:<5} chunks clean {clean / n:6.1%}   bytes clean"
              f" {clean_size / max(size, 1):6.1%}   bytes vouched {vouched_size / max(size, 1):6.1%}")
    for name, chunk, formatted, _ in wrong(rows):
        print(f"WRONG: blackcheck vouched for a chunk of {name} that black changes:\n{chunk}")
    shown = 0
    for name, chunk, formatted, _ in rows:
        if chunk != formatted and shown < args.diffs:
            shown += 1
            diff = difflib.unified_diff(chunk.splitlines(), formatted.splitlines(), name, "black", n=1, lineterm="")
            print("\n".join(list(diff)[:40]))
    sys.exit(1 if wrong(rows) else 0)


if __name__ == "__main__":
    main()
