"""The generated clients against a fake Dify that misbehaves on purpose.

Every test runs twice, through `DifyChatflow` and `AsyncDifyChatflow` (the
`make` fixture), and asserts the exact outcome: how many attempts the server
saw, the exception raised and its fields, the events received.  Backoff is
shrunk (and every delay the client chose recorded) by swapping the
`retry_policy` ClassVar of the shared base client.
"""

from __future__ import annotations

import email.utils
import inspect
import io
import logging
import time
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Callable, Dict, List, Mapping, Optional, Tuple, Union

import anyio
import httpx
import pytest

from dify_chatflow import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AsyncDifyChatflow,
    AsyncStream,
    DifyChatflow,
    IncompleteStreamError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    StreamError,
)
from dify_chatflow._base_common import BaseClient
from dify_chatflow._retries import RetryPolicy
from dify_chatflow.models import (
    AppInfoResponse,
    ChatCompletionResponse,
    ChunkChatEventUnknown,
    ConversationHistoryResponse,
    StreamEventChatMessage,
    StreamEventChatMessageEnd,
    StreamEventChatMessageFile,
)

from e2e_asserts import assert_model, assert_request
from e2e_server import API_KEY, AbortReply, BytesReply, FakeDify, JSONReply, SlowReply, SSEReply, dify_error
from e2e_spec import named_example, newer_spec_reasoning_chunk, sse_example, sse_frame, success_example

pytestmark = pytest.mark.anyio

Client = Union[DifyChatflow, AsyncDifyChatflow]

USER = "abc-123"
UUID_A = "a1b2c3d4-5678-90ab-cdef-1234567890ab"
CHAT_ARGS: Dict[str, Any] = {"query": "Hi", "inputs": {}, "user": USER}
INFO = "getAdvancedChatAppInfo"
CHAT = "sendAdvancedChatMessage"

INITIAL_DELAY = 0.001
MAX_DELAY = 0.004
MAX_RETRY_AFTER = 0.05

RATE_LIMITED = named_example(CHAT, 429, "too_many_requests").value
BUSY = dify_error(503, "service_unavailable", "Service temporarily unavailable.").body


# -- plumbing ------------------------------------------------------------------


@dataclass(frozen=True)
class RecordingPolicy(RetryPolicy):
    """The real policy with tiny delays, remembering every delay it chose."""

    delays: List[float] = field(default_factory=list)

    def delay(self, retries_done: int, headers: Optional[Mapping[str, str]] = None) -> float:
        chosen = super().delay(retries_done, headers)
        self.delays.append(chosen)
        return chosen


@pytest.fixture(autouse=True)
def policy(monkeypatch: pytest.MonkeyPatch) -> RecordingPolicy:
    recording = RecordingPolicy(
        initial_delay=INITIAL_DELAY, max_delay=MAX_DELAY, max_retry_after=MAX_RETRY_AFTER
    )
    # One ClassVar on the base shared by both clients (neither overrides it).
    assert "retry_policy" not in vars(DifyChatflow) and "retry_policy" not in vars(AsyncDifyChatflow)
    monkeypatch.setattr(BaseClient, "retry_policy", recording)
    return recording


@pytest.fixture(params=["sync", "async"])
async def make(request: pytest.FixtureRequest, server: FakeDify) -> AsyncIterator[Callable[..., Any]]:
    """Builds clients of this test's flavour against the fake; closes them after."""
    made: List[Client] = []

    def factory(**kwargs: Any) -> Any:
        kwargs.setdefault("timeout", 5.0)
        cls = DifyChatflow if request.param == "sync" else AsyncDifyChatflow
        new = cls(api_key=API_KEY, base_url=server.url, **kwargs)
        made.append(new)
        return new

    yield factory
    for c in made:
        if isinstance(c, AsyncDifyChatflow):
            await c.aclose()
        else:
            c.close()


async def call(result: Any) -> Any:
    """`client.x.y(...)` of either flavour: awaited when it is a coroutine."""
    return await result if inspect.isawaitable(result) else result


async def drain(stream: Any) -> Tuple[List[Any], Optional[APIError]]:
    """Every event a stream yields, and the error that ended it (if any)."""
    events: List[Any] = []
    try:
        if isinstance(stream, AsyncStream):
            async with stream:
                async for event in stream:
                    events.append(event)
        else:
            with stream:
                for event in stream:
                    events.append(event)
    except APIError as exc:
        return events, exc
    return events, None


async def wait_until(condition: Callable[[], bool], what: str, within: float = 2.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting: {what}"
        await anyio.sleep(0.005)


async def wait_gave_up(server: FakeDify, count: int) -> None:
    """The server saw the client drop `count` slow requests (and nothing more)."""
    await wait_until(lambda: server.gave_up >= count, f"{count} abandoned slow replies")
    assert server.gave_up == count


def attempts(server: FakeDify, operation_id: str) -> int:
    return len(server.calls_of(operation_id))


def assert_backoff(delays: List[float]) -> None:
    """Exponential backoff with up to 25% jitter below the nominal delay."""
    for n, chosen in enumerate(delays):
        nominal = min(INITIAL_DELAY * 2**n, MAX_DELAY)
        assert 0.75 * nominal <= chosen <= nominal, (n, chosen, delays)


def message_events(*answers: str) -> List[Dict[str, Any]]:
    message, _end = sse_example("streamingResponseBasic")
    return [{**message, "answer": answer} for answer in answers]


def end_event() -> Dict[str, Any]:
    return sse_example("streamingResponseBasic")[1]


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


# -- streams --------------------------------------------------------------------------


async def test_stream_cut_mid_body_raises_after_the_events(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=2)
    sent = message_events("Hel", "lo")
    server.script(CHAT, SSEReply([sse_frame(event) for event in sent], cut=True))
    stream = await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming"))
    events, err = await drain(stream)
    assert [type(e) for e in events] == [StreamEventChatMessage, StreamEventChatMessage]
    assert [e.answer for e in events] == ["Hel", "lo"]
    assert [e.model_dump(mode="json", exclude_unset=True) for e in events] == sent
    # Not IncompleteStreamError (a clean end without a terminal event): the body was cut.
    assert isinstance(err, APIConnectionError) and type(err) is APIConnectionError
    assert not isinstance(err, IncompleteStreamError)
    assert isinstance(err.__cause__, httpx.RemoteProtocolError)
    assert "after 2 events" in err.message
    assert err.request is not None and err.request.url.path == "/v1/chat-messages"
    assert attempts(server, CHAT) == 1  # a stream is never replayed
    assert policy.delays == []


async def test_stream_with_unknown_event_type(make: Callable[..., Client], server: FakeDify) -> None:
    client = make()
    reasoning = newer_spec_reasoning_chunk()
    first, second = message_events("Hel", "lo")
    end = end_event()
    server.script(CHAT, SSEReply([sse_frame(e) for e in (first, reasoning, second, end)]))
    stream = await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming"))
    events, err = await drain(stream)
    assert err is None
    assert [type(e) for e in events] == [
        StreamEventChatMessage,
        ChunkChatEventUnknown,
        StreamEventChatMessage,
        StreamEventChatMessageEnd,
    ]
    unknown = events[1]
    assert unknown.event == "reasoning_chunk"
    assert unknown.model_dump(mode="json") == reasoning
    extra = unknown.model_extra
    assert extra is not None and extra["data"] == reasoning["data"]
    assert unknown.task_id == reasoning["task_id"]  # type: ignore[attr-defined]
    assert events[3].message_id == end["message_id"]
    assert attempts(server, CHAT) == 1


async def test_stream_error_event(make: Callable[..., Client], server: FakeDify) -> None:
    client = make(max_retries=2)
    (first,) = message_events("partial")
    error = {
        "event": "error",
        "task_id": first["task_id"],
        "message_id": first["message_id"],
        "status": 429,
        "code": "rate_limit_error",
        "message": "Model rate limit exceeded.",
    }
    # Anything after the error event must not be read as part of the answer.
    frames = [sse_frame(first), sse_frame(error), sse_frame(end_event())]
    server.script(CHAT, SSEReply(frames))
    stream = await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming"))
    events, err = await drain(stream)
    assert [e.answer for e in events] == ["partial"]
    assert isinstance(err, StreamError) and type(err) is StreamError
    assert (err.status, err.code, err.message) == (429, "rate_limit_error", "Model rate limit exceeded.")
    assert err.event == error
    assert str(err).startswith("stream error 429 rate_limit_error: Model rate limit exceeded.")
    assert attempts(server, CHAT) == 1



async def test_429_on_streaming_post_is_retried(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=1)
    server.script(CHAT, JSONReply(429, RATE_LIMITED, {"retry-after": "0"}))
    stream = await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming"))
    events, err = await drain(stream)
    assert err is None
    expected = sse_example("streamingResponseBasic")  # the server's default answer
    assert [e.model_dump(mode="json", exclude_unset=True) for e in events] == expected
    calls = server.calls_of(CHAT)
    assert len(calls) == 2
    assert calls[0].json == calls[1].json == {**CHAT_ARGS, "response_mode": "streaming"}
    assert calls[1].headers["accept"] == "text/event-stream"
    assert policy.delays == [0.0]


async def test_503_on_streaming_post_is_not_retried(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=2)
    server.script(CHAT, JSONReply(503, BUSY), JSONReply(503, BUSY))
    with pytest.raises(InternalServerError) as info:
        await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming"))
    assert (info.value.status_code, info.value.code) == (503, "service_unavailable")
    assert info.value.body == BUSY
    assert attempts(server, CHAT) == 1
    assert policy.delays == []


async def test_error_status_whose_body_is_cut_still_reports_the_status(
    make: Callable[..., Client], server: FakeDify
) -> None:
    """A streamed request reads its error body after the status: losing the
    body must not hide the 404."""
    client = make(max_retries=2)
    server.script(CHAT, AbortReply(status=404, partial=b'{"code": "not_fo'))
    with pytest.raises(NotFoundError) as info:
        await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming"))
    err = info.value
    assert err.status_code == 404
    assert err.body is None
    assert err.code is None
    assert err.message == "Not Found"  # the reason phrase stands in for the lost body
    assert attempts(server, CHAT) == 1


async def test_stream_stalling_past_the_timeout(
    make: Callable[..., Client], server: FakeDify, policy: RecordingPolicy
) -> None:
    client = make(max_retries=2)
    (first,) = message_events("Hel")
    server.script(CHAT, SSEReply([sse_frame(first)], hold_open=True))
    stream = await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming", timeout=0.2))
    events, err = await drain(stream)
    assert [e.answer for e in events] == ["Hel"]
    assert isinstance(err, APITimeoutError) and type(err) is APITimeoutError
    assert isinstance(err.__cause__, httpx.ReadTimeout)
    assert err.message == "stream timed out after 1 events"
    assert server.disconnected.wait(2.0), "the client kept the stalled connection open"
    assert attempts(server, CHAT) == 1
    assert policy.delays == []


# -- error bodies ----------------------------------------------------------------------


async def test_404_with_dify_body(make: Callable[..., Client], server: FakeDify) -> None:
    client = make(max_retries=2)
    body = {"status": 404, "code": "end_user_not_found", "message": "End user not found."}
    server.script("getEndUserChatflow", JSONReply(404, body, {"X-Request-Id": "req-404-abc"}))
    with pytest.raises(NotFoundError) as info:
        await call(client.end_users.get(UUID_A))
    err = info.value
    assert type(err) is NotFoundError
    assert err.status_code == 404
    assert err.code == "end_user_not_found"
    assert err.message == "End user not found."
    assert err.body == body
    assert err.request_id == "req-404-abc"
    assert isinstance(err.response, httpx.Response)
    assert err.response.status_code == 404
    assert err.response.json() == body
    assert err.response.request.url.path == f"/v1/end-users/{UUID_A}"
    assert attempts(server, "getEndUserChatflow") == 1  # 404 is final
    assert str(err) == f"404 end_user_not_found: End user not found. (GET {server.url}/end-users/{UUID_A})"
    for text in (str(err), repr(err), str(err.args)):
        assert API_KEY not in text



async def test_html_error_page_from_a_proxy(make: Callable[..., Client], server: FakeDify) -> None:
    client = make(max_retries=1)
    page = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>" + "x" * 1000 + "</body>\n</html>"
    bad_gateway = BytesReply(502, page.encode(), "text/html")
    server.script(INFO, bad_gateway, bad_gateway)
    with pytest.raises(InternalServerError) as info:
        await call(client.app.info())
    err = info.value
    assert err.status_code == 502
    assert err.code is None
    assert err.body == page
    assert attempts(server, INFO) == 2  # 5xx on a GET: retried once, then raised
    text = str(err)
    assert "\n" not in text and len(text) < 400  # one line, truncated, fit for a log
    assert text.startswith("502 <html> <head><title>502 Bad Gateway</title></head>")


# -- forward compatibility of models --------------------------------------------------


async def test_unknown_enum_value_and_fields_in_a_stream_event(
    make: Callable[..., Client], server: FakeDify
) -> None:
    """`belongs_to` is the spec's only enum in a response (`["assistant"]`)."""
    client = make()
    file_event = {
        "event": "message_file",
        "id": "file-1",
        "type": "image",
        "belongs_to": "user",  # not in the spec's enum
        "url": "https://example.com/f.png",
        "conversation_id": "conv-1",
        "size_bytes": 1234,  # unknown scalar
        "thumbnail": {"url": "https://example.com/t.png", "width": 64},  # unknown object
    }
    server.script(CHAT, SSEReply([sse_frame(file_event), sse_frame(end_event())]))
    stream = await call(client.chat.send_message(**CHAT_ARGS, response_mode="streaming"))
    events, err = await drain(stream)
    assert err is None
    assert [type(e) for e in events] == [StreamEventChatMessageFile, StreamEventChatMessageEnd]
    parsed = events[0]
    assert parsed.belongs_to == "user"
    assert type(parsed.belongs_to) is str
    assert parsed.size_bytes == 1234  # type: ignore[attr-defined]
    assert parsed.thumbnail == {"url": "https://example.com/t.png", "width": 64}  # type: ignore[attr-defined]
    assert parsed.model_extra == {"size_bytes": 1234, "thumbnail": file_event["thumbnail"]}
    assert parsed.model_dump(mode="json") == file_event


async def test_unknown_values_and_fields_in_a_json_response(
    make: Callable[..., Client], server: FakeDify
) -> None:
    client = make()
    example = success_example("getAdvancedConversationHistory").value
    (message,) = example["data"]
    body = {
        **example,
        "next_cursor": "cursor-2",  # unknown, top level
        "data": [
            {
                **message,
                "status": "quarantined",  # documented values: normal, error
                "feedback": {"rating": "love", "rated_by": "admin"},  # unknown value + field
                "sentiment": {"score": 0.9, "labels": ["happy"]},  # unknown, nested
            }
        ],
    }
    server.script("getAdvancedConversationHistory", JSONReply(200, body))
    page = await call(client.messages.list(conversation_id="c1", user=USER))  # first page
    history = page.response
    assert isinstance(history, ConversationHistoryResponse)
    assert page.items == history.data
    assert not page.has_next_page()
    assert history.next_cursor == "cursor-2"  # type: ignore[attr-defined]
    assert history.model_extra == {"next_cursor": "cursor-2"}
    item = history.data[0] if history.data else None
    assert item is not None
    assert item.status == "quarantined"
    assert item.sentiment == {"score": 0.9, "labels": ["happy"]}  # type: ignore[attr-defined]
    assert item.model_extra == {"sentiment": {"score": 0.9, "labels": ["happy"]}}
    assert item.feedback is not None
    assert item.feedback.rating == "love"
    assert item.feedback.rated_by == "admin"  # type: ignore[attr-defined]
    assert item.feedback.model_extra == {"rated_by": "admin"}
    assert history.model_dump(mode="json", exclude_unset=True) == body


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
    # Each attempt's line ends with its headers, the credential masked.
    assert all("'authorization': '***'" in r.getMessage() for r in ours if "(attempt" in r.getMessage())
    assert [(r.levelno, r.getMessage().split(" headers=")[0]) for r in ours] == [
        (logging.DEBUG, f"HTTP GET {url} (attempt 1)"),
        (logging.DEBUG, f"GET {url} -> 429; retry 1 of 2 in 0.000s"),
        (logging.DEBUG, f"HTTP GET {url} (attempt 2)"),
        (logging.DEBUG, f"GET {url} -> 200"),
    ]
    assert attempts(server, INFO) == 2
    for record in caplog.records:
        assert API_KEY not in record.getMessage()
        assert API_KEY not in repr(record.args)
        assert API_KEY not in repr(vars(record))
    assert API_KEY not in caplog.text
    assert API_KEY not in repr(client)
    assert repr(client) == f"<{type(client).__name__} base_url='{server.url}/' max_retries=2>"
    assert API_KEY not in repr(client.with_options(max_retries=0))


# -- path parameters --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("conversation_id", "raw"),
    [("../x", "..%2Fx"), ("a/b?c#d", "a%2Fb%3Fc%23d"), ("..", "%2E%2E")],
    ids=["dotdot-slash", "slash-query-fragment", "dotdot"],
)
async def test_path_param_stays_one_encoded_segment(
    conversation_id: str, raw: str, make: Callable[..., Client], server: FakeDify
) -> None:
    client = make()
    assert await call(client.conversations.delete(conversation_id, user=USER)) is None
    call_ = server.only_call()
    assert_request(
        call_,
        "deleteAdvancedConversation",
        "DELETE",
        f"/conversations/{raw}",
        json={"user": USER},
    )
    assert call_.path_params == {"conversation_id": conversation_id}

