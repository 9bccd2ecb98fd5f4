"""Nothing lost, nothing littered: the output folder under odd paths, races, kills and Ctrl-C.

Every test drives the CLI in a subprocess, as a user would.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

from generator.emit.writing.swap import lock_path

ROOT = Path(__file__).resolve().parent.parent
DIFY = ROOT / "specs" / "dify-chatflow.json"
STAMP = ".clientgen-stamp.json"
TESTS = "tests"  # generated beside the package (config `tests`, default true)


def _cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


def _run(*args: str, cwd: Path = ROOT, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_cmd(*args), cwd=cwd, capture_output=True, text=True, **kw)  # type: ignore[call-overload]


def _tiny_spec(folder: Path) -> Path:
    spec = folder / "api.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "Tiny", "version": "1"}, "paths": {}}))
    return spec


def _one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def _beside(out: Path) -> list[str]:
    """What clientgen may have left next to the output (staging folders, journal, lock)."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def _assert_complete(out: Path, *, also: frozenset[str] = frozenset()) -> str:
    """`out` holds one whole generation: every file its stamp lists, byte for byte, one package
    folder and the generated tests/ beside it (the default `tests: true`), and nothing else in
    those two folders but `also`. Returns the package name."""
    recorded = json.loads((out / STAMP).read_text())["outputs"]
    for name, digest in recorded.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name
    roots = {Path(n).parts[0] for n in recorded if len(Path(n).parts) > 1}
    assert TESTS in roots, roots
    packages = roots - {TESTS}
    assert len(packages) == 1, roots
    (root,) = packages
    present = {p.relative_to(out).as_posix() for folder in (root, TESTS) for p in (out / folder).rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert present == {n for n in recorded if Path(n).parts[0] in (root, TESTS) and len(Path(n).parts) > 1} | also
    return root


def test_an_existing_file_as_output_is_refused_and_kept(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    result = _run("generate", str(_tiny_spec(tmp_path)), "--output", str(notes))
    _one_line_error(result, "notes.txt", "is a file, not a folder")
    assert notes.read_text() == "my notes\n"
    assert _beside(notes) == []


def test_check_on_a_missing_folder_says_so(tmp_path: Path) -> None:
    result = _run("check", str(DIFY), str(tmp_path / "missing-dir"))
    _one_line_error(result, "missing-dir does not exist", "clientgen generate")
    assert result.stdout == ""  # no "stale" diff of every file


def test_ref_to_a_file_holding_a_plain_string_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "hostname").write_text("build-host-7\n")
    spec = tmp_path / "api.json"
    spec.write_text(json.dumps({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
                                "components": {"schemas": {"Host": {"$ref": "hostname"}}}}))
    result = _run("generate", str(spec), "--output", str(tmp_path / "out"))
    _one_line_error(result, "api.json#/components/schemas/Host/$ref", "plain string",
                    "a $ref target must be an object")
    assert not (tmp_path / "out").exists() and _beside(tmp_path / "out") == []


def test_output_dot_is_the_current_folder(tmp_path: Path) -> None:
    spec = _tiny_spec(tmp_path)
    out = tmp_path / "client"
    out.mkdir()
    (out / "notes.md").write_text("mine\n")
    result = _run("generate", str(spec), "--output", ".", "--package-name", "tiny", cwd=out)
    assert result.returncode == 0, result.stderr
    assert _assert_complete(out) == "tiny" and (out / "notes.md").read_text() == "mine\n"
    again = _run("generate", str(spec), "--output", ".", "--package-name", "tiny", cwd=out)
    assert again.returncode == 0 and "up to date" in again.stderr
    assert _beside(out) == []


def test_the_output_keeps_its_mode_and_a_new_one_gets_the_umask_default(tmp_path: Path) -> None:
    spec = _tiny_spec(tmp_path)
    new = tmp_path / "new"
    result = _run("generate", str(spec), "--output", str(new), "--no-format",
                  preexec_fn=lambda: os.umask(0o027))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(new.stat().st_mode) == 0o750
    new.chmod(0o711)
    assert _run("generate", str(spec), "--output", str(new), "--no-format", "--force").returncode == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o711


def test_entries_clientgen_does_not_own_keep_their_shape(tmp_path: Path) -> None:
    spec = _tiny_spec(tmp_path)
    out = tmp_path / "client"
    args = ("generate", str(spec), "--output", str(out), "--package-name", "tiny", "--no-format")
    assert _run(*args).returncode == 0
    (tmp_path / "shared-docs").mkdir()
    (out / "docs-link").symlink_to(tmp_path / "shared-docs")
    (out / "CHANGELOG.md").write_text("1.0: first\n")
    (out / "latest.md").symlink_to("CHANGELOG.md")
    (out / "empty").mkdir()
    (out / "ci").mkdir()
    (out / "ci" / "job.yml").write_text("run: tests\n")
    inode = (out / "ci").stat().st_ino
    assert _run(*args, "--force").returncode == 0
    assert (out / "docs-link").is_symlink() and os.readlink(out / "docs-link") == str(tmp_path / "shared-docs")
    assert (out / "latest.md").is_symlink() and os.readlink(out / "latest.md") == "CHANGELOG.md"
    assert (out / "empty").is_dir() and not any((out / "empty").iterdir())
    assert (out / "ci" / "job.yml").read_text() == "run: tests\n"
    assert (out / "ci").stat().st_ino == inode, "moved across, not copied"
    assert (out / "CHANGELOG.md").read_text() == "1.0: first\n"
    assert _assert_complete(out) == "tiny" and _beside(out) == []


def test_another_package_name_replaces_the_old_package(tmp_path: Path) -> None:
    spec = _tiny_spec(tmp_path)
    out = tmp_path / "client"
    assert _run("generate", str(spec), "--output", str(out), "--package-name", "first").returncode == 0
    (out / "first" / "__pycache__").mkdir()  # left by an import: ours to drop with the package
    (out / "first" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert _run("generate", str(spec), "--output", str(out), "--package-name", "second").returncode == 0
    assert not (out / "first").exists()
    assert _assert_complete(out) == "second"


def test_an_empty_module_a_user_added_is_neither_generated_nor_lost(tmp_path: Path) -> None:
    spec = _tiny_spec(tmp_path)
    out = tmp_path / "client"
    args = ("generate", str(spec), "--output", str(out), "--package-name", "tiny")
    assert _run(*args).returncode == 0
    (out / "tiny" / "helpers.py").touch()
    refused = _run(*args, "--package-name", "renamed")
    _one_line_error(refused, "tiny/helpers.py", "--force")
    assert _assert_complete(out, also=frozenset({"tiny/helpers.py"})) == "tiny"
    # py.typed is empty too, but ours: the stamp recorded it, so nothing is refused for it.
    assert (out / "tiny" / "py.typed").stat().st_size == 0
    (out / "tiny" / "helpers.py").unlink()
    assert _run(*args, "--force").returncode == 0


def test_leftovers_of_killed_runs_are_put_back_or_removed(tmp_path: Path) -> None:
    spec = _tiny_spec(tmp_path)
    out = tmp_path / "client"
    args = ("generate", str(spec), "--output", str(out), "--package-name", "tiny", "-v")
    assert _run(*args).returncode == 0
    (out / "NOTES.md").write_text("mine\n")
    # A run killed after moving NOTES.md into its staging folder, before the exchange:
    staging = tmp_path / ".client.clientgen-new-0123abcd"
    (staging / "tiny").mkdir(parents=True)
    (out / "NOTES.md").rename(staging / "NOTES.md")
    (tmp_path / ".client.clientgen-journal").write_text(json.dumps({"staging": staging.name, "moved": ["NOTES.md"]}))
    # ... and one killed half-way through deleting an old tree.
    (tmp_path / ".client.clientgen-new-4567cdef" / "tiny").mkdir(parents=True)
    result = _run(*args)
    assert result.returncode == 0, result.stderr
    assert "removed .client.clientgen-new-0123abcd" in result.stderr  # -v says what it cleaned
    assert (out / "NOTES.md").read_text() == "mine\n"
    assert _beside(out) == []
    # Where the filesystem cannot exchange two names, a kill between the renames leaves the old
    # output aside: the next run puts it back before anything else.
    out.rename(tmp_path / ".client.clientgen-old-89abcdef")
    assert _run(*args).returncode == 0
    assert (out / "NOTES.md").read_text() == "mine\n" and _assert_complete(out) == "tiny"
    assert _beside(out) == []


def test_a_second_run_waits_for_the_lock_and_never_interleaves(tmp_path: Path) -> None:
    spec = _tiny_spec(tmp_path)
    out = tmp_path / "client"
    assert _run("generate", str(spec), "--output", str(out), "--package-name", "first").returncode == 0
    lock = FileLock(str(lock_path(out)))
    with lock:  # another run (this test) holds the output
        waiting = subprocess.Popen(_cmd("generate", str(spec), "--output", str(out), "--package-name", "second"),
                                   cwd=ROOT, stderr=subprocess.PIPE, text=True)
        assert waiting.stderr is not None
        line = waiting.stderr.readline()
        assert "another clientgen run is writing to" in line and "waiting" in line
        assert waiting.poll() is None and _assert_complete(out) == "first"
    _, rest = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, rest
    assert _assert_complete(out) == "second" and _beside(out) == []


def test_concurrent_runs_leave_one_whole_package(tmp_path: Path) -> None:
    out = tmp_path / "client"
    runs = [subprocess.Popen(_cmd("generate", str(DIFY), "--output", str(out), "--package-name", name,
                                  "--no-format", "-q"), cwd=ROOT, stderr=subprocess.PIPE, text=True)
            for name in ("alpha", "beta", "gamma")]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    assert _assert_complete(out) in ("alpha", "beta", "gamma")
    assert sorted(p.name for p in out.iterdir()) == sorted([STAMP, "README.md", "pyproject.toml", TESTS,
                                                           _assert_complete(out)])
    assert _beside(out) == []


def _start(spec: Path, out: Path, name: str) -> subprocess.Popen[str]:
    env = {**os.environ, "CLIENTGEN_PROGRESS_AFTER": "0"}  # stage lines at once: we wait for "write"
    # A suite started in the background (`cmd &` in a script) inherits SIGINT ignored, and Python
    # then never raises KeyboardInterrupt: give the child the default, as a terminal would.
    return subprocess.Popen(_cmd("generate", str(spec), "--output", str(out), "--package-name", name,
                                 "--no-format"), cwd=ROOT, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _wait_for_stage(run: subprocess.Popen[str], stage: str) -> bool:
    assert run.stderr is not None
    for line in run.stderr:
        if f"] {stage} " in line:
            return True
    return False


def test_kill_9_at_random_moments_never_loses_the_output(tmp_path: Path) -> None:
    out = tmp_path / "client"
    started = time.monotonic()
    assert _run("generate", str(DIFY), "--output", str(out), "--package-name", "pkg_0", "--no-format").returncode == 0
    whole_run = time.monotonic() - started  # only to spread the kills over a run, never asserted
    (out / "CHANGELOG.md").write_text("kept\n")
    (out / "link").symlink_to("CHANGELOG.md")
    (out / "empty").mkdir()
    rng = random.Random(12)
    current = "pkg_0"
    for attempt in range(1, 21):
        run = _start(DIFY, out, f"pkg_{attempt}")
        if attempt % 2:  # anywhere in the run, imports and rendering included
            time.sleep(rng.uniform(0.0, 1.3 * whole_run))
        elif _wait_for_stage(run, "write"):  # inside the write phase: staging, moves, exchange
            time.sleep(rng.uniform(0.0, 0.15))
        run.kill()
        run.communicate()
        now = _assert_complete(out)
        assert now in (current, f"pkg_{attempt}")  # the old package whole, or the new one
        current = now
        assert (out / "CHANGELOG.md").read_text() == "kept\n"
        assert (out / "link").is_symlink() and (out / "empty").is_dir()
        assert all(name.startswith(".client.clientgen-") for name in _beside(out))
    final = _run("generate", str(DIFY), "--output", str(out), "--package-name", "done", "--no-format")
    assert final.returncode == 0, final.stderr
    assert _assert_complete(out) == "done" and _beside(out) == []
    assert (out / "CHANGELOG.md").read_text() == "kept\n"


@pytest.mark.parametrize("stage", ["render", "write"])
def test_ctrl_c_is_one_line_exit_130_and_keeps_the_output(tmp_path: Path, stage: str) -> None:
    out = tmp_path / "client"
    assert _run("generate", str(DIFY), "--output", str(out), "--package-name", "old", "--no-format").returncode == 0
    # A spec big enough that each stage lasts far longer than delivering the signal takes:
    # with the 28-operation flagship a quiet machine finishes before Ctrl-C arrives.
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import write_synthetic

    big = write_synthetic(tmp_path / "x30.json", 30)
    run = _start(big, out, "new")
    assert _wait_for_stage(run, stage)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    lines = [line for line in err.splitlines() if "interrupted" in line]
    assert len(lines) == 1 and err.strip().endswith(lines[0])
    package = _assert_complete(out)
    if stage == "render":
        assert package == "old" and "left as it was" in lines[0]
    else:  # Ctrl-C waits out the swap: either untouched or the new package, and it says which
        assert ("left as it was" in lines[0]) == (package == "old")
    assert _beside(out) == []


@pytest.mark.parametrize("stage", ["render", "format", None])
def test_ctrl_c_in_a_terminal_stops_the_formatting_workers_too(tmp_path: Path, stage: str | None) -> None:
    """A terminal's Ctrl-C reaches the whole process group, the formatting workers included (they
    check pieces while the rest renders): still one line, exit 130, and no process left behind.
    Without Ctrl-C (None) the run ends with its workers too, though it and they exit without
    the interpreter's teardown."""
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import write_synthetic

    out = tmp_path / "client"
    big = write_synthetic(tmp_path / "x30.json", 30)  # several MB of code: the workers start early
    env = {**os.environ, "CLIENTGEN_PROGRESS_AFTER": "0", "CLIENTGEN_CACHE_DIR": str(tmp_path / "cache")}
    run = subprocess.Popen(_cmd("generate", str(big), "--output", str(out)), cwd=ROOT, stderr=subprocess.PIPE,
                           text=True, env=env, start_new_session=True,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    if stage is None:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        assert "Traceback" not in err and (out / "chatflow_app_x30" / "__init__.py").is_file()
    else:
        assert _wait_for_stage(run, stage)
        if stage == "render":
            time.sleep(1.0)  # past the first megabyte of code: the workers are running
        os.killpg(run.pid, signal.SIGINT)
        _, err = run.communicate(timeout=60)
        assert run.returncode == 130, err
        assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
        assert len([line for line in err.splitlines() if "interrupted" in line]) == 1
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.killpg(run.pid, 0)
        except ProcessLookupError:
            break  # the group is empty: every worker is gone
        time.sleep(0.1)
    else:
        raise AssertionError("a formatting worker outlived the interrupted run")


def test_the_swap_never_leaves_the_output_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After every rename the swap makes, the output is there with a whole package in it.

    In-process, to look between the steps: a reader polling from outside cannot see a window
    of a few microseconds, which is what renaming the old folder aside and the new one in has.
    """
    from generator.emit.writing import swap
    from generator.emit.writing.write import write_tree

    out = tmp_path / "client"
    old = {"pkg/__init__.py": "# Generated by clientgen\nold = 1\n", "README.md": "<!-- Generated by clientgen -->\n"}
    write_tree(old, out)
    (out / "CHANGELOG.md").write_text("mine\n")
    seen: list[tuple[str, bool]] = []
    real_rename = os.rename

    def spy(source: object, target: object) -> None:
        real_rename(source, target)  # type: ignore[arg-type]
        seen.append((f"{source} -> {target}", (out / "pkg" / "__init__.py").is_file()))

    monkeypatch.setattr(swap.os, "rename", spy)
    exchanged: list[bool] = []
    real_exchange = swap._exchange
    monkeypatch.setattr(swap, "_exchange", lambda a, b: exchanged.append(real_exchange(a, b)) or exchanged[-1])
    write_tree({"pkg/__init__.py": "# Generated by clientgen\nnew = 1\n", "README.md": old["README.md"]}, out)
    monkeypatch.undo()
    if exchanged == [False]:
        pytest.skip("this filesystem cannot exchange two names: the swap falls back to two renames")
    assert exchanged == [True]
    assert seen and all(present for _, present in seen), seen
    assert (out / "pkg" / "__init__.py").read_text().endswith("new = 1\n")
    assert (out / "CHANGELOG.md").read_text() == "mine\n" and _beside(out) == []


def test_a_stamp_naming_paths_outside_the_output_claims_nothing(tmp_path: Path) -> None:
    spec = _tiny_spec(tmp_path)
    out = tmp_path / "client"
    args = ("generate", str(spec), "--output", str(out), "--package-name", "tiny", "--no-format")
    assert _run(*args).returncode == 0
    (tmp_path / "elsewhere.txt").write_text("not yours\n")
    stamp = json.loads((out / STAMP).read_text())
    stamp["outputs"].update({"/etc/hostname": "0" * 64, "../elsewhere.txt": "0" * 64, "": "0" * 64})
    (out / STAMP).write_text(json.dumps(stamp))
    result = _run(*args, "--force")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "elsewhere.txt").read_text() == "not yours\n"
    assert _assert_complete(out) == "tiny"


def test_a_kill_after_moving_a_file_kept_inside_tests_is_undone(tmp_path: Path) -> None:
    """`tests: false` keeps a user's files inside tests/ by moving them one by one: a run killed
    between those moves and the exchange gets them put back where they were by the next run."""
    from generator.emit.writing import swap

    out = tmp_path / "client"
    (out / TESTS).mkdir(parents=True)
    staging = tmp_path / ".client.clientgen-new-0123abcd"
    (staging / TESTS / "data").mkdir(parents=True)
    (staging / TESTS / "data" / "pet.json").write_text("{}\n")
    (tmp_path / ".client.clientgen-journal").write_text(
        json.dumps({"staging": staging.name, "moved": ["tests/data/pet.json"]}))
    assert swap.recover(out) == [staging.name]
    assert (out / TESTS / "data" / "pet.json").read_text() == "{}\n"
    assert _beside(out) == []
