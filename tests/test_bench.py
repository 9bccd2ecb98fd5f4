"""The benchmark scripts' smoke modes run, so the scripts never rot (no timing is asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _smoke(script: str) -> str:
    done = subprocess.run([sys.executable, f"bench/{script}", "--smoke"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_runtime_bench_smoke() -> None:
    out = _smoke("runtime.py")
    assert "JSON GET" in out and "SSE stream" in out and "import" in out and "ratio" in out
    # The first typed call of the cloned client (its models split into small modules) loads
    # the modules of its types, not all of them.
    loaded = re.search(r"first call +x2 client: .* loaded (\d+) of (\d+) model modules", out)
    assert loaded, out
    assert 1 <= int(loaded.group(1)) < int(loaded.group(2))


def test_generate_bench_smoke() -> None:
    out = _smoke("generate.py")
    for row in ("clientgen cold", "clientgen warm", "clientgen unchanged"):
        assert f"| Dify Chatflow | {row} |" in out and "failed" not in out


def test_generate_bench_scale_smoke(tmp_path: Path) -> None:
    plot = tmp_path / "scale.png"
    done = subprocess.run([sys.executable, "bench/generate.py", "--scale", "--smoke", "--plot", str(plot)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.strip().splitlines()
    assert all(f"| {stage} |" in lines[2] for stage in ("load", "build", "render", "format", "write"))
    assert len([line for line in lines if line.startswith("| 0.")]) == 2  # one row per size
    assert re.fullmatch(r"scale: per-MB time at 0\.4 MB = \d+\.\d\d x the per-MB time at 0\.2 MB", lines[-1])
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return
    assert plot.read_bytes().startswith(b"\x89PNG")


def test_a_run_past_its_time_limit_is_killed_with_its_children(tmp_path: Path) -> None:
    """The scale bench's competitor runs (`--competitors`) may not finish on 60 MB: past the limit
    the whole process group goes, and the run is reported as not finished."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import _measure
    finally:
        sys.path.remove(str(ROOT / "bench"))
    marker = tmp_path / "child.pid"
    script = f"import subprocess, time; p = subprocess.Popen(['sleep', '60']); open({str(marker)!r}, 'w').write(str(p.pid)); time.sleep(60)"
    code, seconds, _, said = _measure([sys.executable, "-c", script], {}, tmp_path, timeout=1.5)
    assert code == 124 and said == "did not finish in 1.5 s" and seconds < 30
    child = int(marker.read_text())
    assert not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().split(")")[1][:3]
    code, _, _, _ = _measure([sys.executable, "-c", "pass"], {}, tmp_path, timeout=30)
    assert code == 0
