"""The registry of per-operation checks behind test_operations_sync.

A check calls one operation through the generated *sync* client and asserts
both sides: what the fake server received (method, raw path with
percent-encoded params, query, auth, JSON body or multipart parts) and that
the client returned the declared model holding the spec's example.  Checks
register themselves under their operationId with `@check`; they live in
e2e_checks_chat (chats, messages, files, conversations, audio) and
e2e_checks_app (application settings, annotations, workflow runs).
"""

from __future__ import annotations

from typing import Callable, Dict

from dify_chatflow import DifyChatflow

from e2e_server import FakeDify
from e2e_spec import success_example

Check = Callable[[DifyChatflow, FakeDify], None]
CHECKS: Dict[str, Check] = {}

USER = "abc-123"
# Plain string path params get values that need percent-encoding: a `/`, `?`
# or `#` left raw would address another endpoint.
TASK_ID = "task 7/stop?now#x"
TASK_ID_RAW = "task%207%2Fstop%3Fnow%23x"
MESSAGE_ID = "9da23599/e713?473b"
MESSAGE_ID_RAW = "9da23599%2Fe713%3F473b"
CONVERSATION_ID = "conv/45701982 ü"
CONVERSATION_ID_RAW = "conv%2F45701982%20%C3%BC"
RUN_ID = "fb47b2e6#5e43"
RUN_ID_RAW = "fb47b2e6%235e43"
# uuid-formatted params get uuids.
UUID_A = "a1b2c3d4-5678-90ab-cdef-1234567890ab"
UUID_B = "f1e2d3c4-b5a6-7890-abcd-ef1234567890"


def check(operation_id: str) -> Callable[[Check], Check]:
    def register(fn: Check) -> Check:
        assert operation_id not in CHECKS, operation_id
        CHECKS[operation_id] = fn
        return fn

    return register


def example(operation_id: str) -> object:
    return success_example(operation_id).value
