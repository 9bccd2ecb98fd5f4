"""Every operation of the spec, called through the generated *sync* client.

Each check registers itself under its operationId (e2e_checks; the checks
themselves are in e2e_checks_chat and e2e_checks_app).  `test_operation` is
parametrized over the operationIds *of the spec*, so an operation added to
the spec without a check fails; `test_every_spec_operation_is_exercised`
compares the operationIds the server actually saw with the spec's.

A check asserts both sides: what the fake server received (method, raw path
with percent-encoded params, query, auth, JSON body or multipart parts) and
that the client returned the declared model holding the spec's example.
"""

from __future__ import annotations

import pytest

from dify_chatflow import DifyChatflow

import e2e_checks_app  # noqa: F401  (importing a checks module registers its checks)
import e2e_checks_chat  # noqa: F401
from e2e_checks import CHECKS
from e2e_server import FakeDify
from e2e_spec import operations

# -- the tests ---------------------------------------------------------------

SPEC_OPERATIONS = sorted(operations())


@pytest.mark.parametrize("operation_id", SPEC_OPERATIONS)
def test_operation(operation_id: str, client: DifyChatflow, server: FakeDify) -> None:
    assert operation_id in CHECKS, f"no e2e check for spec operation {operation_id}"
    CHECKS[operation_id](client, server)
    assert {c.operation_id for c in server.calls} == {operation_id}
    assert all(c.headers["authorization"] == server.last.headers["authorization"] for c in server.calls)


def test_every_spec_operation_is_exercised(client: DifyChatflow, server: FakeDify) -> None:
    for run in CHECKS.values():
        run(client, server)
    exercised = {c.operation_id for c in server.calls}
    assert exercised == set(operations())
    assert set(CHECKS) == set(operations())
    assert len(operations()) == 28
