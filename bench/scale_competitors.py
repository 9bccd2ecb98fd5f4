"""The scale curve's other half: the competitors on the same 5-60 MB specs, where they finish.

    python bench/generate.py --scale --competitors [--competitor-timeout 900]

Each size gets one whole-process cold `clientgen generate` (empty cache) and one run of each
competitor (bench/competitors.py), all timed the same way (`generate._measure`: wall seconds
and the peak RSS of the process tree). A competitor past the time limit is killed and shown as
not finished; one that exits non-zero is shown failed with its reason. Their packages are not
import-checked here (the main bench does that on the 0.2-5 MB specs), so "finished" means only
that the tool exited 0.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIENTGEN = "clientgen cold"


@dataclass
class Finish:
    seconds: float | None = None
    peak_mb: float | None = None
    problem: str = ""  # why there is no time: "did not finish in 900 s", "exit 1: ..."


def run_competitors(specs: list[tuple[float, Path]], work: Path,
                    timeout: float) -> tuple[list[str], list[tuple[float, dict[str, Finish]]]]:
    """The Markdown table of clientgen and every competitor that installs, per spec size, and the
    rows it was made from (for the plot)."""
    from competitors import ALL, InstallError
    from generate import NEEDS_PACKAGE, _measure

    installed = []
    for competitor in ALL:
        try:
            competitor.ensure()
            installed.append(competitor)
        except InstallError as exc:
            print(f"{competitor.name}: not installed, skipped: {exc}", file=sys.stderr)
    rows: list[tuple[float, dict[str, Finish]]] = []
    for mb, spec in specs:
        finishes: dict[str, Finish] = {}
        out = work / f"rivals-{spec.stem}"
        out.mkdir(parents=True)
        env = {**os.environ, "CLIENTGEN_CACHE_DIR": str(out / "cache")}
        ours = [sys.executable, "-m", "generator", "generate", str(spec), "--output", str(out / "clientgen")]
        finishes[CLIENTGEN] = _finish(_measure(ours, env, ROOT, timeout))
        for competitor in installed:
            target = out / competitor.name
            measured = _measure(competitor.command(spec, target), competitor.environment(), out, timeout)
            if measured[0] not in (0, 124) and NEEDS_PACKAGE in measured[3]:
                measured = _measure(competitor.command(spec, target, package=True), competitor.environment(),
                                    out, timeout)
            finishes[competitor.name] = _finish(measured)
            print(f"{mb:.1f} MB: {competitor.name}: {_cell(finishes[competitor.name])}", file=sys.stderr)
        print(f"{mb:.1f} MB: {CLIENTGEN}: {_cell(finishes[CLIENTGEN])}", file=sys.stderr)
        rows.append((mb, finishes))
    return _table(rows, [c.name for c in installed], timeout), rows


def _finish(measured: tuple[int, float, float, str]) -> Finish:
    from generate import _why

    code, seconds, peak, stderr = measured
    if code == 0:
        return Finish(seconds, peak)
    return Finish(problem=stderr if code == 124 else f"exit {code}: {_why(stderr)}")


def _cell(finish: Finish) -> str:
    if finish.seconds is None:
        return f"– ({finish.problem[:120]})"
    return f"{finish.seconds:.1f} s ({finish.peak_mb:.0f} MB)"


def _table(rows: list[tuple[float, dict[str, Finish]]], names: list[str], timeout: float) -> list[str]:
    columns = [CLIENTGEN, *names]
    lines = [f"Whole-process cold runs, one each, killed after {timeout:g} s; a cell: wall seconds (peak RSS "
             "of the process tree). Ratio: clientgen's time over the fastest competitor that finished.", "",
             "| spec | " + " | ".join(columns) + " | clientgen / fastest finished |",
             "| ---: | " + " | ".join("---:" for _ in columns) + " | ---: |"]
    for mb, finishes in rows:
        done = [f.seconds for name, f in finishes.items() if name != CLIENTGEN and f.seconds is not None]
        ours = finishes[CLIENTGEN].seconds
        ratio = f"{ours / min(done):.2f}" if done and ours is not None else "n/a (none finished)"
        lines.append(f"| {mb:.1f} MB | " + " | ".join(_cell(finishes[c]) for c in columns) + f" | {ratio} |")
    return lines
