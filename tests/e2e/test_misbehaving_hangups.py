"""Misbehaving fake Dify, part 2: the server hangs up or answers late.

Connections closed before the answer or mid-body, and replies slower than the
timeout (per client, per call, `with_options`): what is retried on a GET, what
is never resent on a POST, and that abandoned connections are closed.  Every test
runs through both clients (the `make` fixture); see e2e_misbehaving.
"""

from __future__ import annotations

import time
from typing import Callable

import httpx
import pytest

from dify_chatflow import APIConnectionError, APITimeoutError
from dify_chatflow.models import AppInfoResponse

from e2e_asserts import assert_model
from e2e_misbehaving import (
    CHAT,
    CHAT_ARGS,
    INFO,
    Client,
    RecordingPolicy,
    assert_backoff,
    attempts,
    call,
    wait_gave_up,
)
from e2e_server import AbortReply, FakeDify, JSONReply, SlowReply
from e2e_spec import success_example

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("policy")]


# -- the server hangs up ------------------------------------------------------------


async def test_connection_abort_on_get_is_retried_then_raised(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=2)
    server.script(INFO, AbortReply(), AbortReply(), AbortReply())
    with pytest.raises(APIConnectionError) as info:
        await call(client.app.info())
    err = info.value
    # Exactly a connection error: not a timeout, not a status error.
    assert isinstance(err, APIConnectionError) and type(err) is APIConnectionError
    assert isinstance(err.__cause__, httpx.RemoteProtocolError)
    assert "Server disconnected" in err.message
    assert err.request is not None and err.request.method == "GET"
    assert err.request.url.path == "/v1/info"
    assert attempts(server, INFO) == 3
    assert len(policy.delays) == 2
    assert_backoff(policy.delays)


async def test_connection_abort_then_success_on_get(
    make: Callable[..., Client], server: FakeDify
) -> None:
    client = make(max_retries=1)
    server.script(INFO, AbortReply())
    info = await call(client.app.info())
    assert_model(info, AppInfoResponse, success_example(INFO).value)
    assert attempts(server, INFO) == 2


async def test_connection_abort_on_post_is_not_retried(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=2)
    server.script(CHAT, AbortReply(), AbortReply())
    with pytest.raises(APIConnectionError) as info:
        await call(client.chat.send_message(**CHAT_ARGS))
    assert type(info.value) is APIConnectionError
    assert attempts(server, CHAT) == 1  # the server may have run it: never resent
    assert policy.delays == []


async def test_body_cut_short_on_get_is_retried(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=1)
    server.script(INFO, AbortReply(status=200, partial=b'{"name": "half'))
    info = await call(client.app.info())
    assert_model(info, AppInfoResponse, success_example(INFO).value)
    assert attempts(server, INFO) == 2
    assert len(policy.delays) == 1


async def test_body_cut_short_on_post_raises_connection_error(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=2)
    server.script(CHAT, *[AbortReply(status=200, partial=b'{"answer": "half')] * 2)
    with pytest.raises(APIConnectionError) as info:
        await call(client.chat.send_message(**CHAT_ARGS))
    assert type(info.value) is APIConnectionError
    assert isinstance(info.value.__cause__, httpx.RemoteProtocolError)
    assert attempts(server, CHAT) == 1
    assert policy.delays == []


# -- timeouts -------------------------------------------------------------------------


async def test_timeout_per_call(make: Callable[..., Client], server: FakeDify) -> None:
    client = make(timeout=5.0, max_retries=2)
    server.script(INFO, SlowReply(1.0, JSONReply(200, {"name": "late"})))
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as info:
        await call(client.app.info(timeout=0.2, max_retries=0))
    elapsed = time.monotonic() - started
    assert isinstance(info.value, APIConnectionError)
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)
    assert attempts(server, INFO) == 1
    assert 0.15 < elapsed < 0.9
    await wait_gave_up(server, 1)  # the timed-out connection was closed, not leaked


async def test_timeout_per_client_is_retried_on_get(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(timeout=0.2, max_retries=1)
    late = SlowReply(1.0, JSONReply(200, {"name": "late"}))
    server.script(INFO, late, late)
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await call(client.app.info())
    elapsed = time.monotonic() - started
    assert attempts(server, INFO) == 2
    assert len(policy.delays) == 1
    assert 0.35 < elapsed < 1.5
    await wait_gave_up(server, 2)


async def test_timeout_on_post_is_not_retried(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=2).with_options(timeout=0.2)
    late = SlowReply(1.0, JSONReply(200, success_example(CHAT).value))
    server.script(CHAT, late, late)
    with pytest.raises(APITimeoutError):
        await call(client.chat.send_message(**CHAT_ARGS))
    assert attempts(server, CHAT) == 1  # a read timeout may hide a message that was sent
    assert policy.delays == []
    await wait_gave_up(server, 1)


async def test_per_call_timeout_overrides_a_short_client_timeout(
    make: Callable[..., Client], server: FakeDify
) -> None:
    client = make(timeout=0.1, max_retries=0)
    server.script(INFO, SlowReply(0.3, JSONReply(200, {"name": "patient", "extra_field": 1})))
    info = await call(client.app.info(timeout=3.0))
    assert info.name == "patient"
    assert attempts(server, INFO) == 1
    assert server.gave_up == 0
