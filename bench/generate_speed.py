"""Generation time against datamodel-code-generator, measured in the same run.

    python bench/generate_speed.py [SPEC ...] [--smoke]

For each spec (default: the Dify spec, plus Stripe and GitHub from
../shared/corpus when present) it times `clientgen generate` (the whole
client: models, resources, runtime, formatted) and `datamodel-codegen` on
the same spec (models only), each as a fresh process, best of 3, and
prints both and the ratio clientgen/dmcg. `--smoke`: the Dify spec, one run
each (CI runs it so the script never rots).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "big"
DEFAULTS = [
    ROOT / "specs" / "dify-chatflow.json",
    CORPUS / "github-api.github.com-2020-07.json",
    CORPUS / "stripe-spec3-2020-03-02.json",
]


def _best_of(runs: int, command: list[str]) -> float | None:
    best = None
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, cwd=ROOT)
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            return None
        best = elapsed if best is None else min(best, elapsed)
    return best


def main() -> None:
    smoke = "--smoke" in sys.argv[1:]
    given = [Path(a) for a in sys.argv[1:] if a != "--smoke"]
    specs = given or ([DEFAULTS[0]] if smoke else [p for p in DEFAULTS if p.exists()])
    runs = 1 if smoke else 3
    for spec in specs:
        with tempfile.TemporaryDirectory() as tmp:
            ours = _best_of(runs, [sys.executable, "-m", "generator", "generate", str(spec), "--output",
                                f"{tmp}/client", "--package-name", "bench_client"])
            theirs = _best_of(runs, ["datamodel-codegen", "--input", str(spec), "--input-file-type", "openapi",
                                  "--output-model-type", "pydantic_v2.BaseModel", "--output", f"{tmp}/models.py"])
        ratio = f"{ours / theirs:.2f}" if ours and theirs else "n/a"
        print(f"{spec.name:<40} clientgen {ours or float('nan'):6.2f}s  dmcg (models only) "
              f"{theirs or float('nan'):6.2f}s  ratio {ratio}")


if __name__ == "__main__":
    main()
