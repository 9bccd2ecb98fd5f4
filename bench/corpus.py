"""Generate, import and type-check a client for every spec of a corpus.

    python bench/corpus.py [FOLDER ...] [--generator clientgen|opc] [--timeout SECONDS] [--jobs N]
                           [--no-mypy] [--no-format] [--markdown FILE]

FOLDER defaults to ../shared/corpus (every subfolder). Each spec runs in its own
temp dir, each step in a subprocess with a time limit, so a crash, a hang or a
broken package is one row, never the end of the run. Prints one row per spec
(generated / imported / type-checked / warnings / generation seconds), then
totals per top-level folder. Always exits 0 (it measures; the floors are
asserted by tests), except 2 on bad arguments.

`--generator opc` makes the same run with openapi-python-client (pinned, in its
own venv: bench/competitors.py), so the two tables compare like with like:
"imported" = every module of the package imports, "type-checked" = `mypy`
(not strict) on the package passes.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from competitors import OPENAPI_PYTHON_CLIENT, InstallError  # noqa: E402  (bench/ is no package)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES = (".json", ".yaml", ".yml")
# pkgutil.walk_packages, not a fixed list: every module must import, nested or not (the same
# check for every generator). argv[1] is the package's import name.
IMPORT_ALL = (
    "import importlib, pkgutil, sys\n"
    "package = importlib.import_module(sys.argv[1])\n"
    "for m in pkgutil.walk_packages(package.__path__, sys.argv[1] + '.'):\n"
    "    importlib.import_module(m.name)\n"
)
GENERATORS = ("clientgen", "opc")
YAML_TOP_KEY = re.compile(r"""^["']?(openapi|swagger)["']?\s*:""", re.MULTILINE)
# A file name in a string value ("./schemas/foo.yaml#/components/schemas/Foo"): a $ref or a
# discriminator mapping into another file.
FILE_REF = re.compile(r"""([\w./-]+\.(?:ya?ml|json))(?=[#'"\s]|$)""", re.MULTILINE)
MARK = {True: "✓", False: "✗", None: "–"}


@dataclass
class Row:
    name: str  # path shown, e.g. "tricky/oai-v3.0-petstore.yaml"; its first part is the group
    generated: bool = False
    imported: bool | None = None  # None: not attempted
    checked: bool | None = None
    warnings: int = 0
    seconds: float = 0.0  # generation only: the generator is what this benchmarks
    note: str = ""  # one line: why a step failed (or why the generator refused)

    @property
    def group(self) -> str:
        return self.name.split("/")[0]


def is_openapi(path: Path) -> bool:
    """Whether the file is a whole document, not a fragment (`schemas/foo.yaml` of a multi-file spec)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".json":
        try:
            doc = json.loads(text)
        except ValueError:
            return True  # a broken document is still a spec: the generator must report it
        return isinstance(doc, dict) and ("openapi" in doc or "swagger" in doc)
    # A regex on unindented keys, because parsing 3 MB of YAML only to find a key takes seconds.
    return YAML_TOP_KEY.search(text) is not None


def find_specs(folder: Path) -> list[tuple[str, Path]]:
    """(shown name, path) of every spec under folder, named so the first part is the group."""
    # A corpus root (only subfolders of specs) names specs from itself; a folder of specs
    # (e.g. corpus/tricky) from its parent, so that both give "tricky/..." names.
    has_own_specs = any(p.is_file() and p.suffix in SUFFIXES for p in folder.iterdir())
    base = folder.parent if has_own_specs else folder
    docs = [p for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix in SUFFIXES and is_openapi(p)]
    # The parts of a multi-file spec may be whole documents themselves (schemas/foo.yaml has its
    # own `openapi:` key): a file another document points at is part of that spec, not a spec.
    parts: set[Path] = set()
    for doc in docs:
        refs = FILE_REF.findall(doc.read_text(encoding="utf-8", errors="replace"))
        parts |= {(doc.parent / ref).resolve() for ref in refs} - {doc.resolve()}  # a self-mention is no part
    return [(p.relative_to(base).as_posix(), p) for p in docs if p.resolve() not in parts]


EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception)\b.*")


def last_line(text: str) -> str:
    """The exception a traceback ends with (wrapped lines joined), else the last line."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    starts = [i for i, line in enumerate(lines) if EXCEPTION_LINE.match(line)]
    if starts:
        return " ".join(lines[starts[-1]:])[:300]
    return lines[-1][:300] if lines else "(no output)"


def run(cmd: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str] | None:
    """The finished process, or None when it outran the time limit (subprocess.run kills it)."""
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None


def generate_command(generator: str, spec: Path, out: Path, format_code: bool) -> tuple[list[str], dict[str, str] | None]:
    """The command that writes a client for `spec` into `out`, and its environment (None: inherit)."""
    if generator == "opc":
        return OPENAPI_PYTHON_CLIENT.command(spec, out), OPENAPI_PYTHON_CLIENT.environment()
    command = [sys.executable, "-m", "generator", "generate", str(spec), "--output", str(out), "--package-name", "pkg"]
    return command + ([] if format_code else ["--no-format"]), None


def package_dir(generator: str, out: Path) -> Path | None:
    """The import package inside the output folder (opc names it after the title: `xkcd_client`)."""
    if generator == "clientgen":
        return out / "pkg"
    found = sorted(p.parent for p in out.glob("*/__init__.py"))
    return found[0] if len(found) == 1 else None


def count_warnings(generator: str, gen: subprocess.CompletedProcess[str]) -> int:
    if generator == "opc":  # one block per problem, each headed "WARNING parsing ..." or "ERROR ..."
        return sum(line.startswith(("WARNING", "ERROR")) for line in (gen.stdout + gen.stderr).splitlines())
    return sum(": warning:" in line for line in gen.stderr.splitlines())


def refusal(generator: str, gen: subprocess.CompletedProcess[str]) -> str | None:
    """The generator's own clean error message, when it declined the spec without crashing."""
    if generator == "opc":
        text = gen.stdout + gen.stderr
        if gen.returncode != 1 or "Traceback" in text:
            return None
        # "Error(s) encountered while generating...", then what went wrong, then a request to report it.
        lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith(
            ("Generating ", "If you believe"))]
        return " / ".join(lines[:3])[:300] or "(no output)"
    errors = [line for line in gen.stderr.splitlines() if line.strip() and ": warning:" not in line]
    return errors[0][:300] if gen.returncode == 2 and len(errors) == 1 else None


def check_spec(name: str, spec: Path, timeout: float, mypy: bool, generator: str = "clientgen",
               format_code: bool = True) -> Row:
    row = Row(name)
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        out = Path(tmp) / "out"
        try:
            command, env = generate_command(generator, spec, out, format_code)
        except InstallError as exc:
            row.note = f"not installed: {exc}"
            return row
        started = time.perf_counter()
        try:
            gen = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            gen = None
        row.seconds = time.perf_counter() - started
        if gen is None:
            row.note = f"timeout: generator ran over {timeout:g} s"
            return row
        row.warnings = count_warnings(generator, gen)
        refused = refusal(generator, gen)
        if refused is not None:
            row.note = f"refused: {refused}"
            return row
        package = package_dir(generator, out) if gen.returncode == 0 else None
        if gen.returncode != 0 or package is None or not package.is_dir():
            what = f"exit {gen.returncode}" if gen.returncode else "no package written"
            row.note = f"crash ({what}): {last_line(gen.stderr or gen.stdout)}"
            return row
        row.generated = True
        imp = run([sys.executable, "-c", IMPORT_ALL, package.name], package.parent, timeout)
        row.imported = imp is not None and imp.returncode == 0
        if not row.imported:
            row.note = "import: " + (f"timeout after {timeout:g} s" if imp is None else last_line(imp.stderr))
        if mypy:
            # No --strict: this measures "does the package type-check", not style. Cache in tmp:
            # nothing reused between specs, nothing left behind.
            checked = run([sys.executable, "-m", "mypy", package.name, "--no-incremental", "--cache-dir",
                           str(Path(tmp) / ".mypy_cache")], package.parent, timeout)
            row.checked = checked is not None and checked.returncode == 0
            if checked is None:
                row.note = (row.note + "; " if row.note else "") + f"mypy: timeout after {timeout:g} s"
            elif checked.returncode:
                first = next((line for line in checked.stdout.splitlines() if ": error:" in line), "")
                summary = f"mypy: {last_line(checked.stdout + checked.stderr)}" + (f" first: {first[:200]}" if first else "")
                row.note = (row.note + "; " if row.note else "") + summary
    return row


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "–"


def totals(rows: list[Row], mypy: bool) -> list[list[str]]:
    """[group, specs, generated % of specs, imported % of generated, type-checked % of generated]."""
    groups = sorted({row.group for row in rows})
    table = []
    for group, members in [(g, [r for r in rows if r.group == g]) for g in groups] + [("all", rows)]:
        made = sum(r.generated for r in members)
        table.append([group, str(len(members)), percent(made, len(members)),
                      percent(sum(bool(r.imported) for r in members), made),
                      percent(sum(bool(r.checked) for r in members), made) if mypy else "–"])
    return table


ROW_HEAD = ["spec", "generated", "imported", "type-checked", "warnings", "seconds"]
TOTAL_HEAD = ["folder", "specs", "generated", "imported (of generated)", "type-checked (of generated)"]


def cells(row: Row) -> list[str]:
    return [row.name, MARK[row.generated], MARK[row.imported], MARK[row.checked],
            str(row.warnings), f"{row.seconds:.1f}"]


def describe(generator: str) -> str:
    if generator == "opc":
        return OPENAPI_PYTHON_CLIENT.requirement
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip() or "unknown"
    return f"clientgen commit {commit}"


def markdown(rows: list[Row], mypy: bool, jobs: int, generator: str = "clientgen", command: str = "",
             version: str = "") -> str:
    """`version`: describe(generator) taken when the run started (the tree may change during a long run)."""

    def table(head: list[str], body: Iterable[list[str]]) -> list[str]:
        return ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)] + \
               ["| " + " | ".join(c.replace("|", "\\|") for c in line) + " |" for line in body]

    lines = [f"Corpus run of {datetime.date.today().isoformat()}, {version or describe(generator)}, "
             f"{os.cpu_count()} cores, --jobs {jobs}{'' if mypy else ', --no-mypy'}; "
             "seconds = generation time.", ""] + ([f"    {command}", ""] if command else []) + ["## Totals", ""]
    lines += table(TOTAL_HEAD, totals(rows, mypy)) + ["", "## Specs", ""]
    lines += table(ROW_HEAD + ["note"], (cells(r) + [r.note] for r in rows))
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, metavar="FOLDER", default=[CORPUS])
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per step (default 300)")
    parser.add_argument("--jobs", type=int, default=1, help="specs run in parallel (default 1)")
    parser.add_argument("--generator", choices=GENERATORS, default="clientgen",
                        help="clientgen, or opc: openapi-python-client (pinned) for comparison")
    parser.add_argument("--no-mypy", action="store_true", help="skip type-checking")
    parser.add_argument("--no-format", action="store_true", help="clientgen without black (faster; same types)")
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="also write the tables as Markdown")
    args = parser.parse_args()
    if args.jobs < 1 or args.timeout <= 0:
        parser.error("--jobs and --timeout must be positive")
    for folder in args.folders:
        if not folder.is_dir():
            parser.error(f"not a folder: {folder}")
    specs = sorted({item for folder in args.folders for item in find_specs(folder.resolve())})
    mypy = not args.no_mypy
    version = describe(args.generator)
    rows: list[Row] = []
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        # pool.map yields in submission order: rows print sorted even when finished out of order.
        for row in pool.map(lambda item: check_spec(item[0], item[1], args.timeout, mypy, args.generator,
                                                    not args.no_format), specs):
            rows.append(row)
            print(" | ".join(cells(row)) + (f"  # {row.note}" if row.note else ""), flush=True)
    print()
    for line in [TOTAL_HEAD] + totals(rows, mypy):
        print(" | ".join(line))
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        command = "python bench/corpus.py " + " ".join(sys.argv[1:])
        args.markdown.write_text(markdown(rows, mypy, args.jobs, args.generator, command, version), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
