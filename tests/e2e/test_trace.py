"""`until_done().trace`: a replayed Dify workflow stream as a tree of spans
(`streams.sendAdvancedChatMessage.spans` and `.span_logs`), compared whole."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

from dify_chatflow import AsyncDifyChatflow, DifyChatflow
from dify_chatflow._trace import Span, SpanLog, Trace

from e2e_server import FakeDify, SSEReply
from e2e_spec import sse_frame

CHAT_ARGS: Dict[str, Any] = {"query": "Weather in three cities?", "inputs": {}, "user": "u-1"}
RUN = "wfr_1"


def event(name: str, data: Dict[str, Any], **top: Any) -> Dict[str, Any]:
    return {"event": name, "task_id": "t-1", "workflow_run_id": RUN, "message_id": "m-1",
            "conversation_id": "c-1", "data": data, **top}


def node(name: str, exec_id: str, node_id: str, title: str, **data: Any) -> Dict[str, Any]:
    return event(name, {"id": exec_id, "node_id": node_id, "node_type": "x", "title": title, **data})


def agent_log(log_id: str, label: str, status: str) -> Dict[str, Any]:
    return {"event": "agent_log", "task_id": "t-1", "message_id": "m-1", "conversation_id": "c-1",
            "data": {"node_execution_id": "ne_agent", "id": log_id, "label": label, "status": status,
                     "data": {}, "node_id": "agent"}}


def workflow_events() -> List[Dict[str, Any]]:
    usage = {"execution_metadata": {"total_tokens": 40}}
    return [
        event("workflow_started", {"id": RUN, "workflow_id": "wf_weather", "inputs": {"cities": 2}}),
        node("node_started", "ne_start", "start", "Start", inputs={"cities": 2}),
        node("node_finished", "ne_start", "start", "Start", status="succeeded", elapsed_time=0.01,
             outputs={"cities": ["Oslo", "Lima"]}),
        node("node_started", "ne_iter", "iter", "Each city"),
        node("iteration_started", "ne_iter", "iter", "Each city", inputs={"iterator": ["Oslo", "Lima"]}),
        node("node_started", "ne_llm_a", "llm", "Forecast", iteration_id="iter"),
        node("node_finished", "ne_llm_a", "llm", "Forecast", iteration_id="iter", status="succeeded",
             elapsed_time=0.5, outputs={"text": "rain"}, **usage),
        node("iteration_next", "ne_iter", "iter", "Each city", index=1),
        node("node_started", "ne_llm_b", "llm", "Forecast", iteration_id="iter"),
        node("node_finished", "ne_llm_b", "llm", "Forecast", iteration_id="iter", status="failed",
             elapsed_time=0.25, error="rate limited"),
        node("iteration_completed", "ne_iter", "iter", "Each city", status="succeeded", elapsed_time=0.8,
             total_tokens=40, outputs={"output": ["rain", None]}),
        node("node_finished", "ne_iter", "iter", "Each city", status="succeeded", elapsed_time=0.81),
        node("node_started", "ne_agent", "agent", "Agent"),
        agent_log("log_1", "Round 1", "success"),
        agent_log("log_2", "CALL weather", "success"),
        node("node_finished", "ne_agent", "agent", "Agent", status="succeeded", elapsed_time=1.25,
             execution_metadata={"total_tokens": 60}),
        {"event": "message", "task_id": "t-1", "message_id": "m-1", "conversation_id": "c-1", "answer": "Rain."},
        event("workflow_finished", {"id": RUN, "workflow_id": "wf_weather", "status": "succeeded",
                                    "outputs": {"answer": "Rain."}, "elapsed_time": 2.5, "total_tokens": 100}),
        {"event": "message_end", "task_id": "t-1", "message_id": "m-1", "conversation_id": "c-1"},
    ]


def logs() -> List[SpanLog]:
    return [SpanLog("agent_log", label, "success", agent_log(log_id, label, "success"))
            for log_id, label in (("log_1", "Round 1"), ("log_2", "CALL weather"))]


EXPECTED = Trace([
    Span("workflow", RUN, "wf_weather", "succeeded", {"cities": 2}, {"answer": "Rain."}, 2.5, 100, None, True, [
        Span("node", "ne_start", "Start", "succeeded", {"cities": 2}, {"cities": ["Oslo", "Lima"]}, 0.01,
             closed=True),
        Span("node", "ne_iter", "Each city", "succeeded", elapsed=0.81, closed=True, children=[
            Span("iteration", "ne_iter", "Each city", "succeeded", {"iterator": ["Oslo", "Lima"]},
                 {"output": ["rain", None]}, 0.8, 40, closed=True, children=[
                     Span("node", "ne_llm_a", "Forecast", "succeeded", None, {"text": "rain"}, 0.5, 40,
                          closed=True),
                     Span("node", "ne_llm_b", "Forecast", "failed", elapsed=0.25, error="rate limited",
                          closed=True),
                 ]),
        ]),
        Span("node", "ne_agent", "Agent", "succeeded", elapsed=1.25, tokens=60, closed=True, logs=logs()),
    ]),
])

RENDERED = """\
workflow wf_weather: succeeded, 2.50s, 100 tokens
  node Start: succeeded, 0.01s
  node Each city: succeeded, 0.81s
    iteration Each city: succeeded, 0.80s, 40 tokens
      node Forecast: succeeded, 0.50s, 40 tokens
      node Forecast: failed, 0.25s, error: rate limited
  node Agent: succeeded, 1.25s, 60 tokens
    log Round 1 (success)
    log CALL weather (success)"""


def test_until_done_returns_the_workflow_trace(client: DifyChatflow, server: FakeDify) -> None:
    server.script("sendAdvancedChatMessage", SSEReply([sse_frame(e) for e in workflow_events()]))
    with client.chat.send_message(**CHAT_ARGS, response_mode="streaming") as stream:
        result = stream.until_done()
    assert result.text == "Rain."
    assert result.trace == EXPECTED
    assert result.trace.render() == RENDERED
    assert [s.id for s in result.trace.walk()] == [RUN, "ne_start", "ne_iter", "ne_iter", "ne_llm_a", "ne_llm_b",
                                                   "ne_agent"]
    assert server.calls_of("stopAdvancedChatMessageGeneration") == []


def test_a_cut_run_shows_its_open_spans(client: DifyChatflow, server: FakeDify) -> None:
    server.script("sendAdvancedChatMessage", SSEReply([sse_frame(e) for e in workflow_events()[:6]], hold_open=True))
    stream = client.chat.send_message(**CHAT_ARGS, response_mode="streaming")
    for _ in range(6):
        next(stream)
    trace = stream.trace
    assert trace is not None
    assert trace.render() == """\
workflow wf_weather: running
  node Start: succeeded, 0.01s
  node Each city: running
    iteration Each city: running
      node Forecast: running"""
    stream.close()
    assert stream.trace is trace and len(server.calls_of("stopAdvancedChatMessageGeneration")) == 1


@pytest.mark.anyio
async def test_async_until_done_returns_the_workflow_trace(aclient: AsyncDifyChatflow, server: FakeDify) -> None:
    server.script("sendAdvancedChatMessage", SSEReply([sse_frame(e) for e in workflow_events()]))
    stream = await aclient.chat.send_message(**CHAT_ARGS, response_mode="streaming")
    result = await stream.until_done()
    assert result.trace == EXPECTED
    assert result.trace.render() == RENDERED
