"""Generate a client for every spec of ../shared/corpus and import it.

    python bench/corpus_sweep.py [--filter SUBSTRING]

Prints one line per spec (ok / clean error / crash / import failure, with
seconds) and a summary. A crash (any exception but the generator's own
errors) or a package that does not import is a bug to fix.
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import BuildError  # noqa: E402
from generator.config import ConfigError  # noqa: E402
from generator.emit.write import write_tree  # noqa: E402
from generator.load import LoadError  # noqa: E402
from generator.pipeline import generate  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
IMPORT_ALL = (
    "import importlib, pkgutil, swept, swept.models, swept.resources\n"
    "for m in pkgutil.iter_modules(swept.resources.__path__):\n"
    "    importlib.import_module('swept.resources.' + m.name)\n"
)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--filter", default="")
    args = parser.parse_args()
    specs = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".json", ".yaml", ".yml") and args.filter in str(p))
    outcome: collections.Counter[str] = collections.Counter()
    for spec in specs:
        name = spec.relative_to(CORPUS)
        started = time.perf_counter()
        try:
            result = generate(spec, package_name="swept")
        except (LoadError, BuildError, ConfigError) as exc:
            outcome["clean error"] += 1
            print(f"clean-error {name}: {str(exc)[:160]}")
            continue
        except Exception as exc:  # noqa: BLE001 - any other exception is the finding
            outcome["crash"] += 1
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            print(f"CRASH {name}: {type(exc).__name__}: {str(exc)[:160]} at {frame.filename}:{frame.lineno}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            write_tree(result.files, Path(tmp) / "out")
            imported = subprocess.run([sys.executable, "-c", IMPORT_ALL], cwd=Path(tmp) / "out",
                                      capture_output=True, text=True, timeout=600)
        seconds = time.perf_counter() - started
        if imported.returncode:
            outcome["import failure"] += 1
            last = (imported.stderr.strip().splitlines() or ["?"])[-1]
            print(f"IMPORT-FAIL {name}: {last[:200]}")
        else:
            outcome["ok"] += 1
            print(f"ok {name} {seconds:.1f}s", flush=True)
    print(dict(outcome))
    return 1 if outcome["crash"] or outcome["import failure"] else 0


if __name__ == "__main__":
    sys.exit(main())
