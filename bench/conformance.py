"""Run the tests clientgen ships in every client against Prism, spec by spec.

    python bench/conformance.py SPEC_OR_FOLDER... [--timeout SECONDS] [--dynamic] [--jobs N] [--shards N]
                                [--json FILE] [--markdown docs/conformance.md]

For each spec: generate the client (black skipped: it changes no behaviour),
start Prism on a free port (it validates every request; it answers from the
spec's examples, or with `--dynamic` from its schemas), run the client's
tests/ in a pytest subprocess under a time limit, and read each test's result
from a small plugin (bench/conformance_plugin.py) that classifies failures:

- rejected: Prism refused the request as invalid (a 400/422 naming request violations);
- parse: the answer did not parse into the declared type;
- other: anything else, with its exception's first line.

A failure the mock server or the document itself is at fault for is also marked
blocked, from evidence (bench/conformance_causes.py): Prism's own error codes,
and the operation's shape in the IR. Prism is started on the spec as written,
except that a response under `*/*` is served as JSON (Prism cannot serve an
object under `*/*`; requests and examples are untouched).

One row per spec (operations, passed, rejected, parse, other, seconds of the
test run), every failure with its first line, totals per folder, and last
`conformance: P/N operations pass` over every spec given, after the line with
the share of the operations nothing blocked. An operation passes
when all its tests (sync and async, each response mode) pass. A spec Prism
cannot load is its own row kind ("prism cannot load") and counts for nothing;
a spec clientgen cannot generate counts every operation as failed.
Exit status 0 (it measures; tests assert the floors), 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))
from competitors import OPENAPI_PYTHON_CLIENT, InstallError  # noqa: E402  (bench/ is no package)
from conformance_causes import blocked_by, operation_facts, prism_document  # noqa: E402
from conformance_report import BEGIN, END, Failure, Row, markdown, report, saved_rows, write_markdown  # noqa: E402,F401
from corpus import find_specs, last_line  # noqa: E402

PRISM = ROOT / "tools" / "prism" / "node_modules" / ".bin" / "prism"
PRISM_STARTUP = 420.0  # seconds; Prism takes minutes to load a 3 MB spec on a busy machine
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_GENERATING = threading.Lock()
_LIVE: set[Prism] = set()  # running Prism processes: their own sessions, so stopped by hand on exit


def _stop_all(signum: int, _frame: object) -> None:
    for prism in list(_LIVE):
        prism.stop()
    os._exit(128 + signum)  # worker threads are mid-run: nothing else to wait for


def specs_of(arguments: list[str]) -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found += find_specs(path)
        elif path.is_file():
            found.append((f"{path.parent.name}/{path.name}", path))
        else:
            raise SystemExit(f"conformance: no such spec or folder: {argument}")
    unique: dict[Path, tuple[str, Path]] = {}  # a spec named twice (alone and in its folder) runs once
    for name, path in found:
        unique.setdefault(path.resolve(), (name, path))
    return list(unique.values())


# -- Prism --------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Prism:
    """`prism mock SPEC` on a free port, in its own process group (stopped with it)."""

    def __init__(self, spec: Path, log: Path, dynamic: bool) -> None:
        self.port = _free_port()
        self.log = log
        # Warnings and errors only: at the default level Prism logs every request in several
        # lines, which costs it as much as answering (and that shows on GitHub's 1,246 tests).
        command = [str(PRISM), "mock", str(spec), "-h", "127.0.0.1", "-p", str(self.port), "-v", "warn"]
        with open(log, "wb") as handle:
            self.proc = subprocess.Popen(command + (["--dynamic"] if dynamic else []), stdin=subprocess.DEVNULL,
                                         stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
        _LIVE.add(self)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return _ANSI.sub("", self.log.read_text(encoding="utf-8", errors="replace"))

    def wait(self) -> str | None:
        """None once listening, else why not (Prism's own error line)."""
        deadline = time.monotonic() + PRISM_STARTUP
        while time.monotonic() < deadline:
            if self._listening():
                return None
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        text = self.output()
        if self.proc.poll() is None:
            return f"Prism did not start within {PRISM_STARTUP:.0f} s"
        errors = [line.strip() for line in text.splitlines() if re.search(r"error|✖|fatal", line, re.I)]
        return (errors[0] if errors else last_line(text) if text.strip() else "no output")[:200]

    def _listening(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        _LIVE.discard(self)
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


# -- one spec -------------------------------------------------------------------


def _generate(spec: Path, output: Path) -> tuple[dict[str, str], dict[str, dict[str, object]]]:
    """Write the client; ({test node id: the operationId it tests}, facts per operationId)."""
    from generator.emit.templating.render import shipped_test_ids
    from generator.emit.writing.write import write_tree
    from generator.pipeline import generate

    with _GENERATING:  # in-process, one at a time: the generator's caches are not made for threads
        result = generate(spec, format_code=False)
        tests = shipped_test_ids(result.api)
    write_tree(result.files, output, force=True)
    return tests, operation_facts(result.api, result.warnings)


_RESTARTS = 5  # Prism restarts after it crashed on a request, per spec


def run_spec(name: str, spec: Path, timeout: float, dynamic: bool, work: Path, shards: int = 1) -> Row:
    row = Row(name)
    output = work / "client"
    try:
        tests, facts = _generate(spec, output)
    except Exception as exc:  # the generator's refusal or crash: either way no client to test
        note = last_line(f"{type(exc).__name__}: {exc}")
        prism = Prism(spec, work / "prism.log", dynamic)
        try:
            why = prism.wait()
        finally:
            prism.stop()
        if why is not None:  # a broken document, refused by both: not a failure of ours
            row.kind, row.note = "prism cannot load", f"{why} (clientgen: {note})"
            return row
        row.kind, row.note, row.operations = "generate failed", note, _spec_operations(spec)
        line = f"generate failed: {note}"
        row.failures = [Failure("*", "other", line, blocked=blocked_by(line, None))]  # stands for every operation
        return row
    row.operations = len(set(tests.values()))
    if not tests:
        row.kind = "no operations"
        return row
    started = time.monotonic()
    served = prism_document(spec, work)
    groups = _shards(list(tests), shards)

    def run_shard(numbered: tuple[int, list[str]]) -> tuple[list[dict[str, object]], str, str | None]:
        number, group = numbered
        (work / f"shard{number}").mkdir(exist_ok=True)
        return _run_tests(served, output, group, started + timeout, dynamic, work / f"shard{number}")

    with ThreadPoolExecutor(max_workers=len(groups)) as pool:
        outcomes = list(pool.map(run_shard, enumerate(groups)))
    records = [record for outcome in outcomes for record in outcome[0]]
    crash = next((outcome[1] for outcome in outcomes if outcome[1]), "")
    why = next((outcome[2] for outcome in outcomes if outcome[2] is not None), None)
    row.seconds = time.monotonic() - started
    if why is not None:
        row.kind, row.note, row.operations, row.seconds = "prism cannot load", why, 0, 0.0
        return row
    _score(row, tests, records, crash)
    for failure in row.failures:
        failure.blocked = blocked_by(failure.line, facts.get(failure.operation))
    _judge_answers(spec, row, records, facts)
    return row


def _judge_answers(spec: Path, row: Row, records: list[dict[str, object]], facts: dict[str, dict[str, object]]) -> None:
    """A parse failure whose answer jsonschema finds invalid against the spec's own schema is the spec's."""
    answers = {str(r["test"]): r.get("answer") for r in records if r.get("answer")}
    open_parses = [f for f in row.failures if f.kind == "parse" and not f.blocked and f.test in answers]
    if not open_parses:
        return
    from conformance_answers import AnswerJudge
    from generator.load import load_spec

    judge = AnswerJudge(load_spec(spec).document)
    for failure in open_parses:
        where = facts.get(failure.operation, {}).get("where")
        answer = answers[failure.test]
        if isinstance(where, list) and isinstance(answer, dict):
            failure.blocked = judge.breach((str(where[0]), str(where[1])), answer)


SHARD_SIZE = 300  # tests per extra Prism: for fewer, starting one costs more than it saves


def _shards(tests: list[str], most: int) -> list[list[str]]:
    """The tests in up to `most` groups of whole modules, about even: each group gets a Prism
    and a pytest of its own (a test waits on one Prism at a time; two keep both cores busy)."""
    modules: dict[str, list[str]] = {}
    for test in tests:
        modules.setdefault(test.split("::")[0], []).append(test)
    groups: list[list[str]] = [[] for _ in range(max(1, min(most, len(tests) // SHARD_SIZE)))]
    for module in sorted(modules, key=lambda m: (-len(modules[m]), m)):
        min(groups, key=len).extend(modules[module])
    return [group for group in groups if group]


def _run_tests(spec: Path, output: Path, tests: list[str], deadline: float, dynamic: bool,
               work: Path) -> tuple[list[dict[str, object]], str, str | None]:
    """(one record per test run, why the run broke off or "", why Prism would not start or None).

    Prism sometimes dies on a request; the plugin then stops pytest, and the tests not yet
    run go again against a fresh Prism (the test it died on is recorded as such)."""
    records: list[dict[str, object]] = []
    remaining = sorted({test.split("::")[0] for test in tests})  # whole modules first
    for attempt in range(_RESTARTS + 1):
        prism = Prism(spec, work / f"prism.{attempt}.log", dynamic)
        try:
            why = prism.wait()
            if why is not None:
                return records, f"Prism did not start again: {why}", None if attempt else why
            results = work / f"results.{attempt}.jsonl"
            env = {**os.environ, "TEST_API_BASE_URL": prism.url, "CONFORMANCE_RESULTS": str(results),
                   "PYTHONPATH": os.pathsep.join([str(output), str(BENCH)]), "PYTHONDONTWRITEBYTECODE": "1"}
            command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "conformance_plugin",
                       "-o", "addopts=", "--rootdir", str(output), *remaining]
            crash = ""
            try:
                done = subprocess.run(command, cwd=output, env=env, capture_output=True, text=True,
                                      timeout=max(1.0, deadline - time.monotonic()))
                if done.returncode not in (0, 1, 2):  # 2: the plugin stopped the run (Prism died)
                    crash = last_line(done.stdout + done.stderr)
            except subprocess.TimeoutExpired:
                crash = "timed out"
            if results.exists():
                records += [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
            died = prism.proc.poll() is not None
        finally:
            prism.stop()
        ran = {str(r["test"]) for r in records}
        remaining = [t for t in tests if t not in ran]
        if crash or not died or not remaining:
            return records, crash, None
    return records, "Prism kept crashing", None


def _score(row: Row, tests: dict[str, str], records: list[dict[str, object]], crash: str) -> None:
    """An operation passes when each of its tests ran and passed; else its first failure names why."""
    seen: dict[str, list[dict[str, object]]] = {}
    for record in records:
        key = str(record["test"])
        if key in tests:
            seen.setdefault(tests[key], []).append(record)
    expected = {op: sum(1 for o in tests.values() if o == op) for op in set(tests.values())}
    for operation in sorted(expected):
        runs = seen.get(operation, [])
        failed = [r for r in runs if not r["passed"]]
        if len({str(r["test"]) for r in runs}) == expected[operation] and not failed:  # a later timeout is no matter
            row.passed += 1
        elif failed:
            first = failed[0]
            row.failures.append(Failure(operation, str(first["class"]), str(first["line"]), str(first["test"])))
        else:
            row.failures.append(Failure(operation, "other", crash or "no test ran"))


def _spec_operations(spec: Path) -> int:
    """Operations of a spec the generator refused, counted from the document itself."""
    try:
        from generator.load import load_spec

        paths = load_spec(spec).document.get("paths") or {}
    except Exception:  # the loader refused it: count from the plain document
        try:
            import yaml

            paths = (yaml.safe_load(spec.read_text(encoding="utf-8")) or {}).get("paths") or {}
        except Exception:
            return 0
    methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
    return sum(1 for item in paths.values() if isinstance(item, dict) for m in item if m in methods)


def opc_callable(name: str, spec: Path, timeout: float, work: Path) -> Row:
    """openapi-python-client on the same spec, counted, not run: it ships no tests, and calling its
    functions needs arguments written for each one. `passed` = operations it wrote a callable
    function for (`sync_detailed`); `operations` = the spec's, as the document counts them."""
    row = Row(name, kind="opc counted", operations=_spec_operations(spec))
    output = work / "opc"
    try:
        done = subprocess.run(OPENAPI_PYTHON_CLIENT.command(spec, output), capture_output=True, text=True,
                              timeout=timeout, env=OPENAPI_PYTHON_CLIENT.environment(), cwd=work)
    except subprocess.TimeoutExpired:
        row.note = "timed out"
        return row
    found = sum(p.read_text(encoding="utf-8", errors="replace").count("def sync_detailed(")
                for p in output.rglob("api/**/*.py")) if output.is_dir() else 0
    row.passed = found
    if not output.is_dir():
        row.note = last_line(done.stdout + done.stderr)
    if found < row.operations:
        row.failures = [Failure("*", "other", f"{row.operations - found} operations without a function"
                                + (f": {row.note}" if row.note else ""))]
    return row


def _run_all(specs: list[tuple[str, Path]], args: argparse.Namespace) -> list[Row]:
    def one(found: tuple[str, Path]) -> Row:
        name, spec = found
        with tempfile.TemporaryDirectory(prefix="clientgen-conformance-") as work:
            if args.generator == "opc":
                row = opc_callable(name, spec.resolve(), args.timeout, Path(work))
            else:
                row = run_spec(name, spec.resolve(), args.timeout, args.dynamic, Path(work), args.shards)
        print(f"# {name}: {row.kind}, {row.passed}/{row.operations} in {row.seconds:.1f} s", file=sys.stderr, flush=True)
        if args.json:  # each row as it is done, so a long run stopped early still has its results
            with _GENERATING, open(args.json.with_suffix(".partial.jsonl"), "a", encoding="utf-8") as handle:
                handle.write(json.dumps(asdict(row)) + "\n")
        return row

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        return list(pool.map(one, specs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("specs", nargs="*", help="spec files or folders of specs")
    parser.add_argument("--from-json", type=Path, nargs="+", default=[],
                        help="report saved runs instead (a later file's row for a spec replaces an earlier one's)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds for one spec's tests (default 300)")
    parser.add_argument("--dynamic", action="store_true", help="Prism answers from schemas, not examples")
    parser.add_argument("--generator", choices=("clientgen", "opc"), default="clientgen",
                        help="opc: count the operations openapi-python-client (pinned) makes callable instead")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    parser.add_argument("--jobs", type=int, default=1, help="specs run side by side (default 1)")
    parser.add_argument("--shards", type=int, default=2,
                        help=f"a spec's tests split over up to N Prisms, one per {SHARD_SIZE} tests (default 2)")
    parser.add_argument("--markdown", type=Path, help="write the measured part of this page (docs/conformance.md)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _stop_all)
    signal.signal(signal.SIGINT, _stop_all)
    if args.from_json:
        rows = saved_rows(args.from_json)
    elif not args.specs:
        parser.error("give specs or folders (or --from-json)")
    elif args.generator == "opc":
        try:
            OPENAPI_PYTHON_CLIENT.ensure()
        except InstallError as exc:
            print(f"conformance: openapi-python-client not installed: {exc}", file=sys.stderr)
            return 2
        rows = _run_all(specs_of(args.specs), args)
    elif not PRISM.exists():
        print(f"conformance: Prism is not installed ({PRISM}); run: npm ci --prefix tools/prism", file=sys.stderr)
        return 2
    else:
        rows = _run_all(specs_of(args.specs), args)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=1) + "\n", encoding="utf-8")
    if args.markdown:
        write_markdown(args.markdown, rows)
    print(report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
