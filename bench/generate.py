"""Generation time and peak memory: clientgen against the generators we compete with, in one run.

    python bench/generate.py [--runs 3] [--copies 30] [--only NAME ...] [--corpus DIR] [--typecheck]
                             [--markdown FILE] [--smoke]
    python bench/generate.py --scale [--sizes 5 20 60] [--runs 1] [--plot FILE] [--markdown FILE] [--smoke]
                             [--competitors [--competitor-timeout SECONDS]]

Specs: the flagship (specs/dify-chatflow.json), a synthetic large spec built
here (the flagship cloned `--copies` times with renamed identifiers:
bench/synthetic.py), and GitHub 2020-07 and Stripe 2020-03-02 from
../shared/corpus/big/ (reported missing when absent).

Generators, each a fresh process with a fresh output folder, the whole
process timed (formatting included):
- clientgen with a cold black cache (an empty CLIENTGEN_CACHE_DIR every run),
- clientgen with a warm cache (the same spec formatted once before, untimed),
- clientgen after an edit: the warm cache, and a copy of the spec whose first
  component schema has a new description (a different one each run), so the
  chunks that edit touches are formatted again,
- clientgen regenerating into its own output with nothing changed (no --force),
- openapi-python-client 0.29 and OpenAPI Generator 7.26 (python target), each in
  its own venv under ~/.cache/clientgen-bench (bench/competitors.py; created
  from PyPI on first use; OpenAPI Generator runs on the machine's Java).

clientgen's own modules are compiled to bytecode first, as pip does when it
installs a wheel. Runs are interleaved (run 1 of every generator, then run 2, ...) so machine
noise hits all alike; the table shows the median of `--runs`. Peak memory is
the largest sum of RSS over the process and all its descendants (parallel
black workers, the JVM under its Python launcher), sampled from /proc every
20 ms. A generator "fails" on a spec when it exits non-zero or when its
package does not import (every module, in the generator's own venv);
`--typecheck` also runs mypy --strict on clientgen's packages. Ratios are
clientgen's cold and warm median over each competitor's, and over the fastest
competitor that succeeded.

`--smoke` (CI): the flagship only, one run, clientgen only (competitors are
skipped, and the output says so), no timing judged.

`--scale`: the scale curve instead, clientgen's stages on 5-60 MB specs
(bench/scale.py; `--runs` defaults to 1 there, `--smoke` uses tiny specs).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from competitors import ALL, Competitor, InstallError  # noqa: E402
from scale import run_scale  # noqa: E402
from synthetic import FLAGSHIP, METHODS, write_synthetic  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "big"
TIMEOUT = 900
IMPORT_ALL = (
    "import importlib, pkgutil, sys\n"
    "sys.setrecursionlimit(10000)\n"
    "package = importlib.import_module(sys.argv[1])\n"
    "for m in pkgutil.walk_packages(getattr(package, '__path__', []), sys.argv[1] + '.'):\n"
    "    importlib.import_module(m.name)\n"
)
OURS = ("clientgen cold", "clientgen warm", "clientgen edited", "clientgen unchanged")
NEEDS_PACKAGE = "Modular references require an output directory"  # datamodel-codegen, on Stripe
SHORT = {"openapi-python-client": "opc", "openapi-generator": "OpenAPI Generator",
         "datamodel-code-generator": "dmcg (models only)"}


@dataclass
class Outcome:
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)
    failure: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds and not self.failure else None


@dataclass
class Spec:
    label: str
    path: Path


def main() -> None:
    parser = argparse.ArgumentParser(description="clientgen generate vs competitors: time and peak memory")
    parser.add_argument("--runs", type=int, dest="runs_given")
    parser.add_argument("--copies", type=int, default=30, help="size of the synthetic spec (flagship x N)")
    parser.add_argument("--only", action="append", help="spec labels to run (substring match)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"folder of the big specs (default {CORPUS})")
    parser.add_argument("--typecheck", action="store_true", help="mypy --strict on clientgen's packages")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown to this file")
    parser.add_argument("--smoke", action="store_true", help="flagship only, one run, clientgen only")
    parser.add_argument("--scale", action="store_true", help="the scale curve: stages on 5-60 MB specs")
    parser.add_argument("--sizes", type=float, nargs="+", help="--scale: spec sizes in MB (default 5 20 60)")
    parser.add_argument("--plot", type=Path, help="--scale: also plot the curve to this PNG (needs matplotlib)")
    parser.add_argument("--competitors", action="store_true", help="--scale: run the competitors on every size too")
    parser.add_argument("--competitor-timeout", type=float, default=900,
                        help="--scale --competitors: seconds before a run is killed (default 900)")
    args = parser.parse_args()
    if args.scale:
        sizes = args.sizes or ([0.2, 0.4] if args.smoke else [5, 20, 60])
        run_scale(args.corpus, sizes, 1 if args.smoke else args.runs_given or 1, args.smoke, args.plot,
                  args.markdown, args.competitor_timeout if args.competitors else None)
        return
    runs = 1 if args.smoke else args.runs_given or 3
    _compile_bytecode()

    with tempfile.TemporaryDirectory(prefix="clientgen-bench-") as tmp_name:
        tmp = Path(tmp_name)
        specs = [Spec("Dify Chatflow", FLAGSHIP)]
        if not args.smoke:
            specs.append(Spec(f"Dify x{args.copies} (synthetic)", write_synthetic(tmp / f"dify-x{args.copies}.json",
                                                                                   args.copies)))
            specs += [Spec("GitHub 2020-07", args.corpus / "github-api.github.com-2020-07.json"),
                      Spec("Stripe 2020-03-02", args.corpus / "stripe-spec3-2020-03-02.json")]
        if args.only:
            specs = [s for s in specs if any(o.lower() in s.label.lower() for o in args.only)]
        competitors: list[Competitor] = []
        if args.smoke:
            print("smoke mode: clientgen only, competitors skipped, one run", file=sys.stderr)
        else:
            for competitor in ALL:
                try:
                    competitor.ensure()
                    competitors.append(competitor)
                except InstallError as exc:
                    print(f"{competitor.name}: not installed, skipped: {exc}", file=sys.stderr)
        rows = []
        for spec in specs:
            if not spec.path.exists():
                print(f"{spec.label}: {spec.path} missing, skipped", file=sys.stderr)
                continue
            outcomes = _bench_spec(spec, competitors, runs, tmp / _slug(spec.label), args.typecheck)
            rows.append((spec, outcomes))
            _print_spec(spec, outcomes)
        lines = _markdown(rows, runs)
        print("\n" + "\n".join(lines))
        if args.markdown:
            args.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _compile_bytecode() -> None:
    """Compile clientgen's modules as pip does when it installs a wheel: an editable install under
    PYTHONDONTWRITEBYTECODE (this machine sets it) would otherwise compile them on every run, a
    cost no installed generator pays (the competitors' venvs are compiled by pip)."""
    import compileall

    import generator
    from generator.emit.templating.render import templates_dir

    compileall.compile_dir(str(Path(generator.__file__).parent), quiet=1)
    compileall.compile_dir(str(templates_dir() / "_compiled"), quiet=1)  # inside the package in a wheel


def _bench_spec(spec: Spec, competitors: list[Competitor], runs: int, work: Path,
                typecheck: bool) -> dict[str, Outcome]:
    work.mkdir(parents=True)
    warm_cache = work / "warm-cache"
    ours = [sys.executable, "-m", "generator", "generate", str(spec.path), "--package-name", "bench_client"]
    # Fill the warm cache once, untimed.
    subprocess.run([*ours, "--output", str(work / "warm-up")], cwd=ROOT, capture_output=True,
                   env={**os.environ, "CLIENTGEN_CACHE_DIR": str(warm_cache)})
    outcomes = {name: Outcome() for name in (*OURS, *(c.name for c in competitors))}
    last_output: dict[str, Path] = {}
    needs_package: set[str] = set()
    for run in range(runs):
        for name, outcome in outcomes.items():
            if outcome.failure:
                continue
            output = work / f"{_slug(name)}-{run}"
            if name == "clientgen cold":
                command = [*ours, "--output", str(output)]
                env = {**os.environ, "CLIENTGEN_CACHE_DIR": str(work / f"cold-cache-{run}")}
            elif name == "clientgen warm":
                command = [*ours, "--output", str(output)]
                env = {**os.environ, "CLIENTGEN_CACHE_DIR": str(warm_cache)}
            elif name == "clientgen edited":  # one schema's description differs from the cached run's
                config = spec.path.with_name(f"{spec.path.stem}.clientgen.yaml")  # the copy lives elsewhere
                command = [*ours[:4], str(_edited(spec.path, work / f"edited-{run}" / spec.path.name, run)), *ours[5:],
                           *(["--config", str(config)] if config.exists() else []), "--output", str(output)]
                env = {**os.environ, "CLIENTGEN_CACHE_DIR": str(warm_cache)}
            elif name == "clientgen unchanged":
                output = last_output.get("clientgen warm", output)
                command = [*ours, "--output", str(output)]
                env = {**os.environ, "CLIENTGEN_CACHE_DIR": str(warm_cache)}
            else:
                competitor = next(c for c in competitors if c.name == name)
                command = competitor.command(spec.path, output, package=name in needs_package)
                env = competitor.environment()
            code, seconds, peak, stderr = _measure(command, env, cwd=ROOT if name in OURS else work)
            if code != 0 and NEEDS_PACKAGE in stderr and name not in needs_package:
                needs_package.add(name)  # ask again the way it wants; only that attempt is timed
                command = competitor.command(spec.path, output, package=True)
                code, seconds, peak, stderr = _measure(command, env, cwd=work)
            if code != 0:
                outcome.failure = f"exit {code}: {_why(stderr)}"
                continue
            if name == "clientgen unchanged" and "up to date" not in stderr:
                outcome.failure = f"did work although nothing changed: {_last_line(stderr)}"
            outcome.seconds.append(seconds)
            outcome.peak_mb.append(peak)
            last_output[name] = output
    for name, outcome in outcomes.items():
        if outcome.failure or name not in last_output or name == "clientgen unchanged":
            continue
        python = Path(sys.executable)
        if name not in OURS:
            python = next(c for c in competitors if c.name == name).ensure() / "python"
        problem = _imports(python, last_output[name])
        if problem is None and typecheck and name in OURS:
            problem = _typechecks(last_output[name])
        outcome.failure = problem
    return outcomes


def _edited(spec: Path, target: Path, run: int) -> Path:
    """`spec` with a different description on its first component schema: the smallest real edit."""
    document = json.loads(spec.read_text(encoding="utf-8"))
    schemas = document.get("components", {}).get("schemas", {})
    if schemas:
        first = schemas[sorted(schemas)[0]]
        first["description"] = f"{first.get('description', '')} (edited for the benchmark, run {run})".strip()
    target.parent.mkdir(parents=True, exist_ok=True)  # same file name: the files' header names it
    target.write_text(json.dumps(document), encoding="utf-8")
    return target


def _measure(command: list[str], env: dict[str, str], cwd: Path,
             timeout: float | None = None) -> tuple[int, float, float, str]:
    """(exit code, wall seconds, peak MB of the process tree, stderr). Past `timeout` seconds the
    whole process group is killed and the exit code is 124, as timeout(1) says."""
    with tempfile.TemporaryFile() as err:  # stdout too: some tools print their errors there
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=err, stderr=subprocess.STDOUT,
                                   start_new_session=timeout is not None)
        sampler = _PeakSampler(process.pid)
        sampler.start()
        timer = threading.Timer(timeout, os.killpg, (process.pid, signal.SIGKILL)) if timeout else None
        if timer:
            timer.start()
        try:
            _, status, _ = os.wait4(process.pid, 0)
        finally:
            sampler.stop()
            if timer:
                timer.cancel()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if timeout and seconds >= timeout:
        return 124, seconds, sampler.peak_bytes / 1e6, f"did not finish in {timeout:g} s"
    # Not ru_maxrss: the forked child starts as a copy of this process, so it counts our own size.
    return process.returncode, seconds, sampler.peak_bytes / 1e6, stderr


class _PeakSampler(threading.Thread):
    """The largest total RSS of a process and its descendants, read from /proc."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root, self.peak_bytes, self._done = root, 0, threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

    def run(self) -> None:
        while not self._done.is_set():
            self.peak_bytes = max(self.peak_bytes, self._tree_rss())
            self._done.wait(0.02)

    def stop(self) -> None:
        self._done.set()
        self.join()

    def _tree_rss(self) -> int:
        children: dict[int, list[int]] = {}
        rss: dict[int, int] = {}
        try:
            entries = os.listdir("/proc")
        except OSError:
            return 0
        for entry in entries:
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as stat:
                    fields = stat.read().rsplit(b")", 1)[1].split()
            except (OSError, IndexError):
                continue
            pid = int(entry)
            children.setdefault(int(fields[1]), []).append(pid)
            rss[pid] = int(fields[21]) * self._page  # after "pid (comm)": state, ppid, ... rss
        total, todo = 0, [self.root]
        while todo:
            pid = todo.pop()
            total += rss.get(pid, 0)
            todo.extend(children.get(pid, ()))
        return total


def _imports(python: Path, output: Path) -> str | None:
    """None if every module of the generated package imports, else what went wrong."""
    packages = [p.name for p in output.iterdir() if (p / "__init__.py").exists()]
    if not packages and (output / "models.py").exists():  # datamodel-code-generator: one module
        packages = ["models"]
    if not packages:
        return "generated, but no package found"
    for package in packages:
        try:
            done = subprocess.run([str(python), "-c", IMPORT_ALL, package], cwd=output, capture_output=True,
                                  text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return "generated, import timed out"
        if done.returncode != 0:
            return f"generated, does not import: {_last_line(done.stderr)}"
    return None


def _typechecks(output: Path) -> str | None:
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "bench_client"],
                          cwd=output, capture_output=True, text=True)
    return None if done.returncode == 0 else f"generated, mypy --strict fails: {_last_line(done.stdout)}"


def _print_spec(spec: Spec, outcomes: dict[str, Outcome]) -> None:
    print(f"{spec.label} ({_size(spec.path)}):")
    for name, outcome in outcomes.items():
        print(f"  {name:<24} {_cell(outcome)}")


def _markdown(rows: list[tuple[Spec, dict[str, Outcome]]], runs: int) -> list[str]:
    lines = [f"Median of {runs} run(s) in one session; peak = largest RSS sum of the process tree.", "",
             "| spec | generator | median | peak | result | clientgen cold / this | clientgen warm / this |",
             "| --- | --- | ---: | ---: | --- | ---: | ---: |"]
    for spec, outcomes in rows:
        cold, warm = outcomes["clientgen cold"].median, outcomes["clientgen warm"].median
        ok = [o.median for n, o in outcomes.items() if n not in OURS and o.median is not None]
        for name, outcome in outcomes.items():
            seconds = f"{statistics.median(outcome.seconds):.2f} s" if outcome.seconds else "–"
            peak = f"{max(outcome.peak_mb):.0f} MB" if outcome.peak_mb else "–"
            result = f"**failed**: {outcome.failure}" if outcome.failure else "ok"
            theirs = name not in OURS
            lines.append(f"| {spec.label} | {SHORT.get(name, name)} | {seconds} | {peak} | {result} | "
                         f"{_ratio(cold, outcome.median) if theirs else ''} | "
                         f"{_ratio(warm, outcome.median) if theirs else ''} |")
        fastest = min(ok) if ok else None
        lines.append(f"| {spec.label} | **fastest that succeeded** | {_fmt(fastest)} | | | "
                     f"**{_ratio(cold, fastest)}** | **{_ratio(warm, fastest)}** |")
    return lines


def _fmt(seconds: float | None) -> str:
    return f"{seconds:.2f} s" if seconds is not None else "–"


def _cell(outcome: Outcome) -> str:
    if outcome.failure:
        timed = f" after {statistics.median(outcome.seconds):.2f} s" if outcome.seconds else ""
        return f"FAILED{timed}: {outcome.failure}"
    if not outcome.seconds:
        return "–"
    return f"{statistics.median(outcome.seconds):.2f} s ({max(outcome.peak_mb):.0f} MB)"


def _ratio(ours: float | None, theirs: float | None) -> str:
    return f"{ours / theirs:.2f}" if ours is not None and theirs else "n/a"


def _size(path: Path) -> str:
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return f"{path.stat().st_size / 1e6:.1f} MB"
    operations = sum(1 for item in spec.get("paths", {}).values() for m in METHODS if m in item)
    schemas = len(spec.get("components", {}).get("schemas", {}))
    return f"{operations} ops, {schemas} schemas, {path.stat().st_size / 1e6:.1f} MB"


def _why(output: str) -> str:
    """The last line that says what went wrong, else the last line."""
    for line in reversed(output.splitlines()):
        if any(word in line for word in ("Error", "error:", "Exception", "Unable", "failed", "Failed")):
            return line.strip()[:200]
    return _last_line(output)


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "(no output)"


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower())


if __name__ == "__main__":
    main()
