"""What a command-line user expects: --version, -q/-v, progress on stderr, help for every argument."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from generator.cli_args import build_parser as _parser

ROOT = Path(__file__).resolve().parent.parent
DIFY = ROOT / "specs" / "dify-chatflow.json"
STAGES = ("load", "build", "render", "format", "write")


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def _run_on_a_terminal(*args: str) -> tuple[int, str]:
    """stderr on a pseudo-terminal, as in an interactive shell; returns (exit code, stderr)."""
    main, side = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CLIENTGEN_PROGRESS_AFTER"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=ROOT, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=side, env=env)
    os.close(side)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    return proc.wait(timeout=300), b"".join(chunks).decode().replace("\r\n", "\n")


def _stage_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if re.match(r"clientgen: \[\s*\d+\.\ds\] ", line)]


def _spec_with_a_warning(tmp_path: Path) -> Path:
    spec = tmp_path / "api.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "Tiny", "version": "1"}, "paths": {
        "/x/{id}": {"get": {"operationId": "getX", "responses": {"200": {"description": "ok"}}}}}}))
    return spec


def test_version_is_the_installed_one() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"clientgen {version('clientgen')}"


def test_every_argument_of_every_command_has_help() -> None:
    parser = _parser()
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    assert set(commands.choices) == {"generate", "check", "diff", "drift", "dify-inputs"}  # type: ignore[union-attr]
    for name, command in commands.choices.items():  # type: ignore[union-attr]
        assert command.description, name
        for action in command._actions:
            assert action.help and action.help.strip(), f"{name} {action.option_strings or action.dest}"


def test_check_help_describes_its_arguments() -> None:
    result = _run("check", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "SPEC the OpenAPI 3.0/3.1/3.2 document" in text
    assert "DIR a folder written by `clientgen generate`" in text
    assert "exit 1" in text


def test_progress_on_a_terminal_names_each_stage_with_counts(tmp_path: Path) -> None:
    code, stderr = _run_on_a_terminal("generate", str(DIFY), "--output", str(tmp_path / "out"))
    assert code == 0, stderr
    lines = _stage_lines(stderr)
    assert [line.split("] ")[1].split()[0] for line in lines] == list(STAGES)
    assert re.search(r"build \d+ schemas, 28 operations", lines[1])
    assert re.search(r"render \d+ models, \d+ resources", lines[2])
    assert re.search(r"format \d+ Python files", lines[3])
    # The files written: the package, README, pyproject and the shipped tests/ (not the stamp).
    out = tmp_path / "out"
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} - {".clientgen-stamp.json"}
    assert written == set(json.loads((out / ".clientgen-stamp.json").read_text())["outputs"])
    assert any(name.startswith("tests/test_") for name in written) and "pyproject.toml" in written
    assert f"write {len(written)} files to {out}" in lines[4]
    assert stderr.rstrip().splitlines()[-1].startswith(f"wrote {len(written)} files")


def test_quiet_prints_no_progress_and_no_summary_even_on_a_terminal(tmp_path: Path) -> None:
    code, stderr = _run_on_a_terminal("generate", str(_spec_with_a_warning(tmp_path)), "--output",
                                      str(tmp_path / "out"), "-q")
    assert code == 0
    assert _stage_lines(stderr) == [] and "wrote" not in stderr
    assert ": warning:" in stderr  # warnings are about the spec: -q keeps them
    again = _run("-q", "generate", str(_spec_with_a_warning(tmp_path)), "--output", str(tmp_path / "out"))
    assert again.returncode == 0 and again.stderr == ""  # up to date: nothing to say


def test_progress_on_a_pipe_only_once_the_run_is_slow(tmp_path: Path) -> None:
    spec = _spec_with_a_warning(tmp_path)
    patient = _run("generate", str(spec), "--output", str(tmp_path / "a"), env={"CLIENTGEN_PROGRESS_AFTER": "3600"})
    assert patient.returncode == 0 and _stage_lines(patient.stderr) == []
    eager = _run("generate", str(spec), "--output", str(tmp_path / "b"), env={"CLIENTGEN_PROGRESS_AFTER": "0"})
    assert eager.returncode == 0
    assert [line.split("] ")[1].split()[0] for line in _stage_lines(eager.stderr)] == list(STAGES)


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_shows_stages_on_a_pipe_before_or_after_the_command(tmp_path: Path, where: str) -> None:
    args = ["generate", str(_spec_with_a_warning(tmp_path)), "--output", str(tmp_path / "out"), "--no-format"]
    result = _run(*(["-v", *args] if where == "before" else [*args, "--verbose"]),
                  env={"CLIENTGEN_PROGRESS_AFTER": "3600"})
    assert result.returncode == 0
    # --no-format: no format stage
    assert [line.split("] ")[1].split()[0] for line in _stage_lines(result.stderr)] == ["load", "build", "render",
                                                                                      "write"]


def test_quiet_and_verbose_together_are_refused() -> None:
    result = _run("generate", str(DIFY), "--output", "x", "-q", "-v")
    assert result.returncode == 2 and "not allowed with argument" in result.stderr


def test_a_slow_stage_is_named_once_the_run_passes_the_threshold() -> None:
    """The timer's side of 'on a pipe once slow': the stage the run is stuck in gets its line."""
    import io
    import time

    from generator.progress import NORMAL, Progress

    stream = io.StringIO()  # not a terminal
    with Progress(NORMAL, stream=stream, after=0.05) as progress:
        progress.stage("load", "big.json")
        deadline = time.monotonic() + 30
        while "load big.json" not in stream.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)  # the stage is "slow": wait for the timer, however loaded the machine is
        progress.stage("build", "3 schemas, 1 operations")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2, lines
    assert re.fullmatch(r"clientgen: \[\s*\d+\.\ds\] load big\.json \(running for \d+\.\d s\)", lines[0])
    assert lines[1].endswith("] build 3 schemas, 1 operations")
    progress.stage("late", "")  # after close: nothing more
    assert len(stream.getvalue().splitlines()) == 2
