"""Misbehaving fake Dify, part 1: answers that ask for a retry.

429 with `Retry-After` (seconds, HTTP date, `retry-after-ms`) and 5xx, on
GETs and POSTs: which are resent and which are final, how `max_retries` set
per client, `with_options` or per call counts attempts, the backoff chosen, and
how each attempt shows up in logs and in the httpx event hooks.  Every test runs
through both clients (the `make` fixture); see e2e_misbehaving for the plumbing.
"""

from __future__ import annotations

import email.utils
import io
import logging
import time
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

import httpx
import pytest

from dify_chatflow import AsyncDifyChatflow, InternalServerError, RateLimitError
from dify_chatflow.models import AppInfoResponse, ChatCompletionResponse

from e2e_asserts import assert_model
from e2e_misbehaving import (
    BUSY,
    CHAT,
    CHAT_ARGS,
    INFO,
    MAX_RETRY_AFTER,
    RATE_LIMITED,
    USER,
    Client,
    RecordingPolicy,
    assert_backoff,
    attempts,
    call,
)
from e2e_server import API_KEY, FakeDify, JSONReply
from e2e_spec import success_example

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("policy")]


# -- 429 / Retry-After ----------------------------------------------------------


async def test_429_retry_after_zero_then_success(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make()  # default max_retries=2
    server.script(INFO, JSONReply(429, RATE_LIMITED, {"retry-after": "0"}))
    info = await call(client.app.info())
    assert_model(info, AppInfoResponse, success_example(INFO).value)
    assert attempts(server, INFO) == 2
    assert policy.delays == [0.0]  # Retry-After won over the backoff


async def test_429_on_blocking_post_is_retried(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make()
    server.script(CHAT, JSONReply(429, RATE_LIMITED, {"retry-after": "0"}))
    resp = await call(client.chat.send_message(**CHAT_ARGS))
    assert_model(resp, ChatCompletionResponse, success_example(CHAT).value)
    calls = server.calls_of(CHAT)
    assert len(calls) == 2  # 429: the server did not act, so even a POST is resent
    assert calls[0].json == calls[1].json == CHAT_ARGS
    assert policy.delays == [0.0]


async def test_429_with_max_retries_zero_per_call(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=3)
    server.script(INFO, *[JSONReply(429, RATE_LIMITED, {"retry-after": "0"})] * 2)
    with pytest.raises(RateLimitError) as info:
        await call(client.app.info(max_retries=0))
    err = info.value
    assert type(err) is RateLimitError
    assert err.status_code == 429
    assert err.code == "too_many_requests"
    assert err.message == "Too many requests. Please try again later."
    assert err.body == RATE_LIMITED
    assert attempts(server, INFO) == 1
    assert policy.delays == []


@pytest.mark.parametrize(
    ("offset", "expected_delay"),
    [(-3600.0, 0.0), (0.0, 0.0), (3600.0, MAX_RETRY_AFTER)],
    ids=["past", "now", "future-capped"],
)
async def test_retry_after_as_http_date(
    offset: float,
    expected_delay: float,
    make: Callable[..., Client],
    server: FakeDify,
    policy: RecordingPolicy,
) -> None:
    client = make()
    when = email.utils.formatdate(time.time() + offset, usegmt=True)  # "Wed, 01 Jan 2025 10:00:00 GMT"
    server.script(INFO, JSONReply(429, RATE_LIMITED, {"Retry-After": when}))
    info = await call(client.app.info())
    assert isinstance(info, AppInfoResponse)
    assert attempts(server, INFO) == 2
    # A date at or before now means "retry at once"; far-future dates are capped.
    assert policy.delays == [expected_delay]


async def test_retry_after_ms_wins_over_retry_after(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make()
    server.script(INFO, JSONReply(429, RATE_LIMITED, {"retry-after-ms": "20", "retry-after": "30"}))
    assert isinstance(await call(client.app.info()), AppInfoResponse)
    assert attempts(server, INFO) == 2
    assert policy.delays == [0.02]


async def test_upload_from_an_open_file_is_resent_whole_after_429(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make()
    data = bytes(range(256)) * 8
    server.script("uploadAdvancedChatFile", JSONReply(429, RATE_LIMITED, {"retry-after": "0"}))
    uploaded = await call(client.files.upload(file=("notes.bin", io.BytesIO(data)), user=USER))
    assert uploaded.id == success_example("uploadAdvancedChatFile").value["id"]
    calls = server.calls_of("uploadAdvancedChatFile")
    assert len(calls) == 2
    for c in calls:  # the stream was read once: the retry does not send an empty file
        (part,) = c.files["file"]
        assert (part.filename, part.data) == ("notes.bin", data)
        assert c.form == {"user": [USER]}
    assert policy.delays == [0.0]


# -- 5xx and idempotency -----------------------------------------------------


async def test_503_on_get_is_retried(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make()
    server.script(INFO, JSONReply(503, BUSY))
    info = await call(client.app.info())
    assert_model(info, AppInfoResponse, success_example(INFO).value)
    assert attempts(server, INFO) == 2
    assert len(policy.delays) == 1
    assert_backoff(policy.delays)


async def test_503_on_blocking_post_is_not_retried(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=2)
    server.script(CHAT, JSONReply(503, BUSY), JSONReply(503, BUSY))
    with pytest.raises(InternalServerError) as info:
        await call(client.chat.send_message(**CHAT_ARGS))
    err = info.value
    assert (err.status_code, err.code, err.message) == (503, "service_unavailable", BUSY["message"])
    assert attempts(server, CHAT) == 1  # POST is not idempotent: a 503 may have acted
    assert policy.delays == []


@pytest.mark.parametrize(
    ("client_retries", "with_options_retries", "call_retries", "expected_attempts"),
    [
        (1, None, None, 2),  # per client
        (2, None, 3, 4),  # per call beats per client
        (3, None, 0, 1),
        (0, 2, None, 3),  # with_options
        (3, 0, 1, 2),  # per call beats with_options
    ],
    ids=["client-1", "call-3", "call-0", "with_options-2", "with_options-0-call-1"],
)
async def test_max_retries_gives_exact_attempts(
    client_retries: int,
    with_options_retries: Optional[int],
    call_retries: Optional[int],
    expected_attempts: int,
    make: Callable[..., Client],
    server: FakeDify,
    policy: RecordingPolicy,
) -> None:
    base = make(max_retries=client_retries)
    assert base.app is not None  # cache the resource on the base client first
    client = base if with_options_retries is None else base.with_options(max_retries=with_options_retries)
    # Exactly as many failures as attempts are expected: one attempt more
    # would get the default success answer and the call would not raise.
    server.script(INFO, *[JSONReply(503, BUSY)] * expected_attempts)
    kwargs: Dict[str, Any] = {} if call_retries is None else {"max_retries": call_retries}
    with pytest.raises(InternalServerError) as info:
        await call(client.app.info(**kwargs))
    assert info.value.status_code == 503
    assert attempts(server, INFO) == expected_attempts
    assert len(policy.delays) == expected_attempts - 1
    assert_backoff(policy.delays)
    assert base.max_retries == client_retries  # with_options left the original alone


# -- logging ---------------------------------------------------------------------------


async def test_retry_is_logged_without_the_api_key(
    make: Callable[..., Client], server: FakeDify, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="dify_chatflow")
    client = make(max_retries=2)
    server.script(INFO, JSONReply(429, RATE_LIMITED, {"retry-after": "0"}))
    await call(client.app.info())
    url = f"{server.url}/info"
    ours = [r for r in caplog.records if r.name == "dify_chatflow"]
    # Each attempt is logged with the headers it sent, the credential masked.
    attempt_lines = [r.getMessage().partition(" headers=") for r in ours[0::2]]
    assert [(before, sent) for before, sent, _ in attempt_lines] == [
        (f"HTTP GET {url} (attempt 1)", " headers="),
        (f"HTTP GET {url} (attempt 2)", " headers="),
    ]
    for _, _, headers in attempt_lines:
        assert "'authorization': '***'" in headers
    assert [(r.levelno, r.getMessage()) for r in ours[1::2]] == [
        (logging.DEBUG, f"GET {url} -> 429; retry 1 of 2 in 0.000s"),
        (logging.DEBUG, f"GET {url} -> 200"),
    ]
    assert {r.levelno for r in ours} == {logging.DEBUG} and len(ours) == 4
    assert attempts(server, INFO) == 2
    for record in caplog.records:
        assert API_KEY not in record.getMessage()
        assert API_KEY not in repr(record.args)
        assert API_KEY not in repr(vars(record))
    assert API_KEY not in caplog.text
    assert API_KEY not in repr(client)
    assert repr(client) == f"<{type(client).__name__} base_url='{server.url}/' max_retries=2>"
    assert API_KEY not in repr(client.with_options(max_retries=0))


async def test_event_hooks_see_every_attempt_with_its_credentials(
    make: Callable[..., Client], server: FakeDify
) -> None:
    """The documented hook seam: the user's own httpx client with event hooks runs on
    each attempt (retries included) and sees the request as sent."""
    seen: List[Tuple[str, str, Optional[str], int]] = []

    def on_response(response: httpx.Response) -> None:
        request = response.request
        seen.append((request.method, request.url.path, request.headers.get("authorization"), response.status_code))

    async def aon_response(response: httpx.Response) -> None:
        on_response(response)

    probe = make()
    own: Union[httpx.Client, httpx.AsyncClient] = (
        httpx.AsyncClient(event_hooks={"response": [aon_response]})
        if isinstance(probe, AsyncDifyChatflow)
        else httpx.Client(event_hooks={"response": [on_response]})
    )
    client = make(max_retries=2, http_client=own)
    server.script(INFO, JSONReply(429, RATE_LIMITED, {"retry-after": "0"}))
    await call(client.app.info())
    assert seen == [
        ("GET", "/v1/info", f"Bearer {API_KEY}", 429),
        ("GET", "/v1/info", f"Bearer {API_KEY}", 200),
    ]
    await call(own.aclose() if isinstance(own, httpx.AsyncClient) else own.close())
