"""`streams.<op>.stop`, `.spans` and `.span_logs` mistakes through the CLI: exit 2, one line
naming the config pointer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "specs" / "dify-chatflow.json"
CONFIG = (ROOT / "specs" / "dify-chatflow.clientgen.yaml").read_text(encoding="utf-8")
STOP = "    stop: {operation: stopAdvancedChatMessageGeneration, task_id_field: task_id}\n"


@pytest.mark.parametrize(
    ("stop", "fragments"),
    [
        (
            "    stop: {operation: stopChat, task_id_field: task_id}\n",
            ["clientgen.yaml#/streams/sendAdvancedChatMessage/stop/operation", "'stopChat'",
             "not an operationId"],
        ),
        (
            "    stop: {operation: stopAdvancedChatMessageGeneration, task_id_field: job_id}\n",
            ["clientgen.yaml#/streams/sendAdvancedChatMessage/stop/task_id_field", "'job_id'",
             "not a field of the events"],
        ),
        (
            "    stop: {operation: stopAdvancedChatMessageGeneration, task_id_field: data.nope}\n",
            ["clientgen.yaml#/streams/sendAdvancedChatMessage/stop/task_id_field", "'nope' is not a field of data"],
        ),
        (
            "    stop: {operation: stopAdvancedChatMessageGeneration, task: task_id}\n",
            ["clientgen.yaml#/streams/sendAdvancedChatMessage/stop/task", "unknown key", "task_id_field"],
        ),
        (
            "    stop: {task_id_field: task_id}\n",
            ["clientgen.yaml#/streams/sendAdvancedChatMessage/stop/operation", "non-empty string"],
        ),
    ],
)
def test_stop_config_errors(tmp_path: Path, stop: str, fragments: list[str]) -> None:
    assert STOP in CONFIG
    config = tmp_path / "clientgen.yaml"
    config.write_text(CONFIG.replace(STOP, stop), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "generate", str(SPEC), "--config", str(config),
                             "--output", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.strip().splitlines() if ": warning:" not in line]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


SPANS = "      workflow:\n        open: workflow_started\n"
LOGS = "      agent_log: {span: node, id: data.node_execution_id, label: data.label, status: data.status}\n"
P = "clientgen.yaml#/streams/sendAdvancedChatMessage"


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        (SPANS, "      workflow:\n        open: workflow_begun\n",
         [f"{P}/spans/workflow/open", "'workflow_begun' is not an event", "workflow_started"]),
        ("        parent: {iteration: data.iteration_id, loop: data.loop_id}\n",
         "        parent: {iteration: data.iteration_id, cycle: data.loop_id}\n",
         [f"{P}/spans/node/parent/cycle", "'cycle' is not a span kind"]),
        ("        id: workflow_run_id\n", "        id: data.run\n",
         [f"{P}/spans/workflow/id", "'run' is not a field of data"]),
        (LOGS, LOGS.replace("span: node", "span: step"), [f"{P}/span_logs/agent_log/span", "'step'"]),
        (SPANS, "      workflow:\n        opens: workflow_started\n", [f"{P}/spans/workflow/opens", "unknown key"]),
        ("        close: workflow_finished\n", "        close: 3\n",
         [f"{P}/spans/workflow/close", "non-empty string"]),
    ],
)
def test_span_config_errors(tmp_path: Path, old: str, new: str, fragments: list[str]) -> None:
    assert CONFIG.count(old) == 1, old
    config = tmp_path / "clientgen.yaml"
    config.write_text(CONFIG.replace(old, new), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "generate", str(SPEC), "--config", str(config),
                             "--output", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.strip().splitlines() if ": warning:" not in line]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
