"""The scale curve (issue #15): time and peak memory per stage as the spec grows.

    python bench/generate.py --scale [--runs 1] [--sizes 5 20 60] [--plot FILE] [--markdown FILE]
    python bench/generate.py --scale --smoke      # tiny specs, for CI: nothing judged
    python bench/generate.py --scale --competitors [--competitor-timeout 900]   # and the competitors

Specs: N copies of Stripe 2020-03-02 and N of GitHub 2020-07 (from
../shared/corpus/big/), each copy with its own renamed paths, operationIds,
tags and components (bench/synthetic.py's `clone_spec`, suffixes `Saa`, `Gaa`,
`Sab`, ...: letters, so each copy is its own resources as in a bigger real spec,
not more methods on the same classes), merged into one valid spec: one pair
is 4.9 MB, so 5/20/60 MB are 1, 4 and 12 pairs (the same mix at every size,
so only the size changes). `--smoke` clones the
flagship instead (0.2 and 0.4 MB: x1 and x2).

Each size runs `generate` in a fresh process with an empty black cache, the
stages called one by one as the pipeline calls them (load, build, render,
format, write) and timed in that process; a thread samples the RSS of the
process and its black workers every 20 ms and keeps each stage's peak. Runs
are interleaved over the sizes and the tables show medians; the last line is
the per-MB time of the largest size over that of the smallest.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_competitors import run_competitors  # noqa: E402
from synthetic import FLAGSHIP, clone_spec  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("load", "build", "render", "format", "write")
SOURCES = ("stripe-spec3-2020-03-02.json", "github-api.github.com-2020-07.json")
PAIR_MB = 4.9  # one Stripe copy plus one GitHub copy, as written (indent=1)


def scaled_spec(target: Path, copies: int, sources: list[Path], labels: str = "SG") -> Path:
    """`copies` renamed copies of every source merged into one spec, written to `target`."""
    merged: dict[str, Any] = {}
    for source, label in zip(sources, labels):
        clone = clone_spec(json.loads(source.read_text(encoding="utf-8")), copies, label, letters=True)
        if not merged:
            merged = clone
            continue
        merged["paths"].update(clone["paths"])
        merged["tags"] = merged.get("tags", []) + clone.get("tags", [])
        for section, entries in clone.get("components", {}).items():
            merged.setdefault("components", {}).setdefault(section, {}).update(entries)
    merged["info"] = {**merged.get("info", {}), "title": f"Scale x{copies}"}
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(merged, indent=1) + "\n", encoding="utf-8")
    return target


def run_scale(corpus: Path, sizes: list[float], runs: int, smoke: bool, plot: Path | None,
              markdown: Path | None, competitor_timeout: float | None = None) -> None:
    """`competitor_timeout`: also run the competitors on every size (bench/scale_competitors.py)."""
    with tempfile.TemporaryDirectory(prefix="clientgen-scale-") as tmp_name:
        tmp = Path(tmp_name)
        specs: list[tuple[float, Path]] = []
        nominal: dict[Path, float] = {}  # the size asked for, which names it in the last line
        for size in sizes:
            if smoke:
                copies = max(1, round(size / (FLAGSHIP.stat().st_size / 1e6)))
                spec = scaled_spec(tmp / f"smoke-x{copies}.json", copies, [FLAGSHIP], "C")
            else:
                copies = max(1, round(size / PAIR_MB))
                spec = scaled_spec(tmp / f"scale-x{copies}.json", copies, [corpus / name for name in SOURCES])
            specs.append((spec.stat().st_size / 1e6, spec))
            nominal[spec] = size
            print(f"spec {spec.name}: {specs[-1][0]:.1f} MB", file=sys.stderr)
        measured: dict[Path, list[dict[str, list[float]]]] = {spec: [] for _, spec in specs}
        for run in range(runs):  # interleaved: run 1 of every size, then run 2, ...
            for mb, spec in specs:
                stages = _child(spec, tmp / f"run-{run}-{spec.stem}")
                measured[spec].append(stages)
                print(f"run {run + 1}: {mb:.1f} MB: " + ", ".join(f"{n} {v[0]:.1f} s" for n, v in stages.items())
                      + f"; peak {max(v[1] for v in stages.values()):.0f} MB", file=sys.stderr)
        rows = [(mb, _medians(measured[spec])) for mb, spec in specs]
        lines = _table(rows, runs)
        rivals: list[tuple[float, dict[str, Any]]] = []
        if competitor_timeout:
            table, rivals = run_competitors(specs, tmp, competitor_timeout)
            lines += ["", *table]
        print("\n".join(lines))
        if markdown:
            markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
        if plot:
            _plot(rows, plot, rivals)
        small, large = rows[0], rows[-1]
        ratio = (_total(large[1]) / large[0]) / (_total(small[1]) / small[0])
        print(f"scale: per-MB time at {nominal[specs[-1][1]]:g} MB = {ratio:.2f} x the per-MB time at "
              f"{nominal[specs[0][1]]:g} MB")


def _child(spec: Path, work: Path) -> dict[str, list[float]]:
    """{stage: [seconds, peak MB]} of one cold generate of `spec`, in a fresh process."""
    work.mkdir(parents=True)
    env = {**os.environ, "CLIENTGEN_CACHE_DIR": str(work / "cache")}
    done = subprocess.run([sys.executable, __file__, "--child", str(spec), str(work / "out")], cwd=ROOT,
                          env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"generate failed on {spec}:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _medians(runs: list[dict[str, list[float]]]) -> dict[str, tuple[float, ...]]:
    """{stage: (wall seconds, peak MB, CPU seconds)}, each the median over the runs."""
    return {stage: tuple(statistics.median(r[stage][i] for r in runs) for i in range(3)) for stage in STAGES}


def _total(stages: dict[str, tuple[float, ...]], index: int = 0) -> float:
    return sum(values[index] for values in stages.values())


def _table(rows: list[tuple[float, dict[str, tuple[float, ...]]]], runs: int) -> list[str]:
    small_mb, small = rows[0]
    lines = [f"Cold generate, median of {runs} run(s); a stage's cell: wall seconds (peak RSS of the process "
             "tree during it); per-MB ratios are over the smallest size's.", "",
             "| spec | " + " | ".join(STAGES) + " | wall | CPU | wall/MB ratio | CPU/MB ratio | peak |",
             "| ---: | " + " | ".join("---:" for _ in STAGES) + " | ---: | ---: | ---: | ---: | ---: |"]
    for mb, stages in rows:
        cells = " | ".join(f"{stages[s][0]:.1f} s ({stages[s][1]:.0f} MB)" for s in STAGES)
        wall = (_total(stages) / mb) / (_total(small) / small_mb)
        cpu = (_total(stages, 2) / mb) / (_total(small, 2) / small_mb)
        lines.append(f"| {mb:.1f} MB | {cells} | {_total(stages):.1f} s | {_total(stages, 2):.1f} s | "
                     f"{wall:.2f} | {cpu:.2f} | {max(v[1] for v in stages.values()):.0f} MB |")
    return lines


def _plot(rows: list[tuple[float, dict[str, tuple[float, ...]]]], target: Path,
          rivals: list[tuple[float, dict[str, Any]]]) -> None:
    """CPU per MB by stage and peak memory; with `rivals` (the competitors' whole runs) a third
    panel of wall seconds against spec size, one line a tool, points only where it finished."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed: no plot (pip install -e '.[bench]')", file=sys.stderr)
        return
    sizes = [mb for mb, _ in rows]
    figure, panels = plt.subplots(1, 3 if rivals else 2, figsize=(15 if rivals else 10, 4))
    per_stage, memory = panels[0], panels[1]
    bottom = [0.0] * len(rows)
    for stage in STAGES:  # CPU, not wall: on a shared machine wall time is mostly the neighbours' load
        seconds = [stages[stage][2] / mb for mb, stages in rows]
        per_stage.bar([str(round(mb)) for mb in sizes], seconds, bottom=bottom, label=stage)
        bottom = [b + s for b, s in zip(bottom, seconds)]
    per_stage.set(title="cold generate: CPU seconds per MB of spec", xlabel="spec MB", ylabel="CPU s / MB")
    per_stage.legend()
    memory.plot(sizes, [max(v[1] for v in stages.values()) for _, stages in rows], marker="o")
    memory.set(title="peak RSS", xlabel="spec MB", ylabel="MB")
    memory.set_ylim(bottom=0)
    if rivals:
        whole = panels[2]
        for name in rivals[0][1]:
            points = [(mb, finishes[name].seconds) for mb, finishes in rivals if finishes[name].seconds is not None]
            if points:
                whole.plot([mb for mb, _ in points], [s for _, s in points], marker="o", label=name)
        whole.set(title="whole cold run, wall (where it finished)", xlabel="spec MB", ylabel="seconds")
        whole.set_ylim(bottom=0)
        whole.legend()
    figure.tight_layout()
    target.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(target, dpi=80, metadata={"Software": None})
    print(f"plot: {target}", file=sys.stderr)


def _stages_in_process(spec_path: Path, output: Path) -> dict[str, list[float]]:
    """One `generate` through the pipeline itself, its stages told apart by the progress calls
    the pipeline makes (load, build, render, format), then the CLI's write."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate import _PeakSampler

    from generator.emit.writing.write import write_tree
    from generator.pipeline import generate
    from generator.progress import QUIET, Progress

    gc.disable()  # as the clientgen command does for its whole run (generator/cli.py: run)
    sampler = _StagePeaks(_PeakSampler(os.getpid()))

    class Stages(Progress):
        def stage(self, name: str, detail: str = "") -> None:
            sampler.enter(name)

    result = generate(spec_path, progress=Stages(QUIET))
    sampler.enter("write")
    write_tree(result.files, output, force=True)
    sampler.enter(None)
    return sampler.result


def _cpu_seconds() -> float:
    """CPU of this process and its finished children (the black workers end with their stage):
    on a busy machine wall time also counts waiting for a core, CPU time does not."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class _StagePeaks:
    """Stage timer plus the RSS peak seen while each stage ran (sampled by a _PeakSampler thread)."""

    def __init__(self, sampler: Any) -> None:
        self.sampler, self.result, self.current, self.started, self.cpu = sampler, {}, None, 0.0, 0.0
        sampler.start()

    def enter(self, stage: str | None) -> None:
        now, cpu = time.perf_counter(), _cpu_seconds()
        if self.current is not None:
            peak = max(self.sampler.peak_bytes, self.sampler._tree_rss())
            self.result[self.current] = [now - self.started, peak / 1e6, cpu - self.cpu]
        self.sampler.peak_bytes = self.sampler._tree_rss()  # the next stage's peak starts from here
        self.current, self.started, self.cpu = stage, time.perf_counter(), _cpu_seconds()
        if stage is None:
            self.sampler.stop()


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    print(json.dumps(_stages_in_process(Path(sys.argv[2]), Path(sys.argv[3]))))
