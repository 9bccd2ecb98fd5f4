"""`clientgen generate NEW --compatible-with OLD` on the real Dify update (2026-04 -> 2026-07).

With the flagship config the update moves nothing (the config pins the resources since
commit 31dae9c). Without those pins (`dify-unpinned.clientgen.yaml`) the new `Chatflows`
tag moves `chat.send_message`, `chat.stop`, `workflows.get_run` and `workflows.logs` to
`client.chatflows`: the compatible client keeps the old names as deprecated aliases.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.importing import importable
from tests.live_server import serve

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
OLD = ROOT / "specs" / "dify-chatflow.json"
NEW = HERE / "dify-chatflow-2026-07-09.json"  # copy of ../shared/corpus/dify/chatflow-7ccb166c-2026-07-09.json
UNPINNED = HERE / "dify-unpinned.clientgen.yaml"
FLAGSHIP_CONFIG = ROOT / "specs" / "dify-chatflow.clientgen.yaml"
PACKAGE = "dify_compat"
OLD_CHANGELOG = "# Changelog\n\n## 0.9.0\n\n- the first release, written by hand\n"


def _clientgen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def compat(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("compat") / "client"
    out.mkdir()
    (out / "CHANGELOG.md").write_text(OLD_CHANGELOG)
    result = _clientgen("generate", str(NEW), "--config", str(UNPINNED), "--compatible-with", str(OLD),
                        "--package-name", PACKAGE, "--output", str(out), "-q")
    assert result.returncode == 0, result.stderr
    with importable(out, PACKAGE):
        yield out


def _app(seen: list[tuple[str, str]]) -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    detail = json.loads(NEW.read_text())["paths"]["/workflows/run/{workflow_run_id}"]["get"]["responses"]["200"]
    example = next(iter(detail["content"]["application/json"]["examples"].values()))["value"]

    async def stop(request: Request) -> JSONResponse:
        seen.append((request.method, request.url.path))
        return JSONResponse({"result": "success"})

    async def run(request: Request) -> JSONResponse:
        seen.append((request.method, request.url.path))
        return JSONResponse(example)

    return Starlette(routes=[Route("/chat-messages/{task_id}/stop", stop, methods=["POST"]),
                             Route("/workflows/run/{run_id}", run, methods=["GET"])])


def test_old_names_warn_and_make_the_new_calls_on_a_live_server(compat: Path) -> None:
    module = __import__(PACKAGE)
    seen: list[tuple[str, str]] = []
    with serve(_app(seen)) as port:
        client = module.DifyChatflow(api_key="key", base_url=f"http://127.0.0.1:{port}")
        with pytest.warns(DeprecationWarning, match=r"client\.chat\.stop is deprecated: use client\.chatflows\.stop"):
            stopped = client.chat.stop("task-1", user="abc")
        with pytest.warns(DeprecationWarning, match=r"use client\.chatflows\.get_run"):
            run = client.workflows.get_run("run-7")
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # the new names do not warn
            assert client.chatflows.stop("task-2", user="abc").result == stopped.result == "success"
            assert client.chatflows.get_run("run-8").id == run.id

        async def old_async() -> Any:
            async with module.AsyncDifyChatflow(api_key="key", base_url=f"http://127.0.0.1:{port}") as aclient:
                with pytest.warns(DeprecationWarning, match=r"use client\.chatflows\.stop"):
                    return await aclient.chat.stop("task-3", user="abc")

        assert asyncio.run(old_async()).result == "success"
        client.close()
    assert seen == [("POST", "/chat-messages/task-1/stop"), ("GET", "/workflows/run/run-7"),
                    ("POST", "/chat-messages/task-2/stop"), ("GET", "/workflows/run/run-8"),
                    ("POST", "/chat-messages/task-3/stop")]


def test_mypy_reports_the_old_names_as_deprecated_and_passes_the_new(compat: Path, tmp_path: Path) -> None:
    (tmp_path / "old_names.py").write_text(
        f"from {PACKAGE} import DifyChatflow\n\n"
        "client = DifyChatflow(api_key='k')\n"
        "client.chat.stop('t', user='u')\n"
        "client.workflows.get_run('r')\n"
        "for event in client.chat.send_message(query='q', user='u', inputs={}, response_mode='streaming'):\n"
        "    print(event.event)\n"
    )
    (tmp_path / "new_names.py").write_text(
        f"from {PACKAGE} import DifyChatflow\n\n"
        "client = DifyChatflow(api_key='k')\n"
        "client.chatflows.stop('t', user='u')\n"
        "client.chatflows.get_run('r')\n"
        "for event in client.chatflows.send_message(query='q', user='u', inputs={}, response_mode='streaming'):\n"
        "    print(event.event)\n"
    )
    env = {**os.environ, "MYPYPATH": str(compat)}
    mypy = [sys.executable, "-m", "mypy", "--strict", "--enable-error-code", "deprecated", "--no-incremental",
            "--cache-dir", os.devnull]
    old = subprocess.run([*mypy, str(tmp_path / "old_names.py")], capture_output=True, text=True, env=env,
                         cwd=compat)
    assert old.returncode == 1, old.stdout
    errors = [line for line in old.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 3, old.stdout
    assert "use client.chatflows.stop  [deprecated]" in errors[0]
    assert "use client.chatflows.get_run  [deprecated]" in errors[1]
    assert "use client.chatflows.send_message  [deprecated]" in errors[2]  # an overloaded method (stream or not)
    new = subprocess.run([*mypy, PACKAGE, str(tmp_path / "new_names.py")], capture_output=True, text=True,
                         env=env, cwd=compat)
    assert new.returncode == 0, new.stdout


def test_the_changelog_section_goes_on_top_of_the_users_changelog(compat: Path) -> None:
    text = (compat / "CHANGELOG.md").read_text()
    section, _, below = text.partition("## 0.9.0")
    assert below == "\n\n- the first release, written by hand\n"  # the old text, as it was, below
    assert section.startswith("# Changelog\n\n## Chatflow App API 1.0.0 (was 1.0.0)\n")
    assert "Suggested version bump: **major**." in section
    assert "### BREAKING\n\n- `client.workflows.get_run`: moved to client.chatflows.get_run\n" in section
    assert "- `models.StreamEventChatTextReplace`: removed\n" in section
    assert "### Other changes\n\n- `client.human_input.retrieve`: added (GET /form/human_input/{form_token})" in section
    assert "### Deprecated names kept\n\n" + "".join(
        f"- `client.{old}` -> `client.chatflows.{new}` (warns with a DeprecationWarning)\n"
        for old, new in [("chat.send_message", "send_message"), ("chat.stop", "stop"),
                         ("workflows.get_run", "get_run"), ("workflows.logs", "logs")]
    ) in section
    # Still the user's file: the stamp does not claim it.
    stamp = json.loads((compat / ".clientgen-stamp.json").read_text())
    assert "CHANGELOG.md" not in stamp["outputs"]


def test_a_rerun_does_not_add_the_section_twice(tmp_path: Path) -> None:
    out = tmp_path / "client"
    args = ("generate", str(NEW), "--config", str(UNPINNED), "--compatible-with", str(OLD), "--output", str(out), "-q")
    assert _clientgen(*args).returncode == 0
    first = (out / "CHANGELOG.md").read_text()
    assert first.startswith("# Changelog\n\n## Chatflow App API") and first.count("## Chatflow App API") == 1
    assert _clientgen(*args, "--force").returncode == 0
    assert (out / "CHANGELOG.md").read_text() == first


def test_with_the_flagship_config_the_update_moves_nothing(tmp_path: Path) -> None:
    plain, compatible = tmp_path / "plain", tmp_path / "compatible"
    assert _clientgen("generate", str(NEW), "--config", str(FLAGSHIP_CONFIG), "-o", str(plain), "-q").returncode == 0
    result = _clientgen("generate", str(NEW), "--config", str(FLAGSHIP_CONFIG), "--compatible-with", str(OLD),
                        "-o", str(compatible), "-q")
    assert result.returncode == 0, result.stderr
    files = sorted(p.relative_to(plain) for p in plain.rglob("*") if p.is_file() and p.name != ".clientgen-stamp.json")
    assert files == sorted(p.relative_to(compatible) for p in compatible.rglob("*")
                           if p.is_file() and p.name not in (".clientgen-stamp.json", "CHANGELOG.md"))
    assert all((plain / f).read_bytes() == (compatible / f).read_bytes() for f in files)
    changelog = (compatible / "CHANGELOG.md").read_text()
    assert "Suggested version bump: **major**." in changelog and "Deprecated names kept" not in changelog


@pytest.mark.parametrize("broken", ["missing.json", "broken.json"])
def test_a_missing_or_broken_old_spec_is_one_line_and_exit_2(tmp_path: Path, broken: str) -> None:
    (tmp_path / "broken.json").write_text('{"openapi": "3.0.3", "paths": ')
    out = tmp_path / "out"
    (out / "pkg").mkdir(parents=True)
    (out / "pkg" / "keep.py").write_text("precious = True\n")
    result = _clientgen("generate", str(NEW), "--config", str(UNPINNED), "--compatible-with",
                        str(tmp_path / broken), "-o", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and broken in lines[0], result.stderr
    assert sorted(p.name for p in out.rglob("*")) == ["keep.py", "pkg"]


def test_a_symlinked_changelog_stays_a_link_and_its_target_gets_the_section(tmp_path: Path) -> None:
    out = tmp_path / "client"
    out.mkdir()
    (tmp_path / "HISTORY.md").write_text(OLD_CHANGELOG)
    (out / "CHANGELOG.md").symlink_to(tmp_path / "HISTORY.md")
    args = ("generate", str(NEW), "--config", str(UNPINNED), "--compatible-with", str(OLD), "--output", str(out), "-q")
    result = _clientgen(*args)
    assert result.returncode == 0, result.stderr
    assert (out / "CHANGELOG.md").is_symlink()
    text = (tmp_path / "HISTORY.md").read_text()
    assert text.startswith("# Changelog\n\n## Chatflow App API 1.0.0") and text.endswith("## 0.9.0\n\n- the first release, written by hand\n")
    # `check` with the same options finds the folder current.
    assert _clientgen("check", str(NEW), str(out), "--config", str(UNPINNED), "--compatible-with", str(OLD)).returncode == 0
    assert _clientgen("check", str(NEW), str(out), "--config", str(UNPINNED)).returncode == 1
