"""`streams.<op>.stop` mistakes through the CLI: exit 2, one line naming the config pointer."""

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
