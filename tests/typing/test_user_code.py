"""Typical user code type-checks under mypy --strict, and overloads give each mode its type."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_user_code_type_checks_with_precise_types() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--show-error-codes",
         str(Path(__file__).with_name("user_code.py"))],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "MYPYPATH": str(ROOT / "generated")},
    )
    revealed = re.findall(r'Revealed type is "(.*)"', result.stdout)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert errors == [], result.stdout
    assert revealed == [
        "dify_chatflow.models.ChatCompletionResponse",
        "dify_chatflow._streaming.Stream[" + revealed[1].split("[", 1)[1],
        "dify_chatflow.models.ConversationListItem",
        "dify_chatflow.models.ChatCompletionResponse",
        "dify_chatflow._streaming.AsyncStream[" + revealed[4].split("[", 1)[1],
    ], revealed
    assert "StreamEventChatMessage" in revealed[1] and "ChunkChatEventUnknown" in revealed[1]
