"""Lazy pagination across real requests: cursor (forwards and backwards) and page number.

Pages are built from the spec's list examples: the example item is cloned
with new ids, and the example page itself is the last page.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List

from dify_chatflow import DifyChatflow, SyncPage
from dify_chatflow.models import (
    AnnotationItem,
    ConversationListItem,
    ConversationMessageItem,
    ConversationVariableItem,
    FeedbackItem,
    WorkflowLogItem,
)

from e2e_server import FakeDify, JSONReply
from e2e_spec import success_example

USER = "abc-123"


def page_of(operation_id: str, ids: List[str], **fields: Any) -> JSONReply:
    """The operation's example page with its items re-id'd as `ids`."""
    body: Dict[str, Any] = copy.deepcopy(success_example(operation_id).value)
    template = body["data"][0]
    body["data"] = [{**copy.deepcopy(template), "id": item_id} for item_id in ids]
    body.update(fields)
    return JSONReply(200, body)


def example_page(operation_id: str) -> JSONReply:
    return JSONReply(200, success_example(operation_id).value)


def example_ids(operation_id: str) -> List[str]:
    return [item["id"] for item in success_example(operation_id).value["data"]]


def queries(server: FakeDify, operation_id: str) -> List[Dict[str, str]]:
    return [call.query_dict for call in server.calls_of(operation_id)]


def test_conversations_cursor_forwards(client: DifyChatflow, server: FakeDify) -> None:
    op = "getAdvancedConversationsList"
    server.script(
        op,
        page_of(op, ["c1", "c2"], has_more=True, limit=2),
        page_of(op, ["c3", "c4"], has_more=True, limit=2),
        example_page(op),
    )
    items = list(client.conversations.list(user=USER, limit=2))
    assert all(isinstance(i, ConversationListItem) for i in items)
    assert [i.id for i in items] == ["c1", "c2", "c3", "c4", *example_ids(op)]
    assert queries(server, op) == [
        {"user": USER, "limit": "2"},
        {"user": USER, "limit": "2", "last_id": "c2"},
        {"user": USER, "limit": "2", "last_id": "c4"},
    ]


def test_pages_are_fetched_lazily(client: DifyChatflow, server: FakeDify) -> None:
    op = "getAdvancedConversationsList"
    server.script(op, page_of(op, ["c1", "c2"], has_more=True), example_page(op))
    first = client.conversations.list(user=USER)
    assert isinstance(first, SyncPage)
    assert [i.id for i in first.items] == ["c1", "c2"]
    assert first.has_next_page()
    assert len(server.calls) == 1  # nothing fetched ahead

    iterator = iter(first)
    assert next(iterator).id == "c1"
    assert next(iterator).id == "c2"
    assert len(server.calls) == 1
    assert next(iterator).id == example_ids(op)[0]
    assert len(server.calls) == 2

    second = first.next_page()  # explicit navigation refetches the same page
    assert not second.has_next_page()
    assert [p.response.has_more for p in [first, second]] == [True, False]


def test_messages_cursor_backwards_uses_first_id(client: DifyChatflow, server: FakeDify) -> None:
    op = "getAdvancedConversationHistory"
    server.script(
        op,
        page_of(op, ["m9", "m10"], has_more=True),
        page_of(op, ["m7", "m8"], has_more=True),
        example_page(op),
    )
    pages = list(client.messages.list(conversation_id="conv-1", user=USER, limit=2).iter_pages())
    assert [[m.id for m in p.items] for p in pages] == [["m9", "m10"], ["m7", "m8"], example_ids(op)]
    assert all(isinstance(m, ConversationMessageItem) for p in pages for m in p.items)
    assert [q.get("first_id") for q in queries(server, op)] == [None, "m9", "m7"]
    assert all(q["conversation_id"] == "conv-1" and q["limit"] == "2" for q in queries(server, op))


def test_conversation_variables_cursor(client: DifyChatflow, server: FakeDify) -> None:
    op = "getAdvancedConversationVariables"
    server.script(op, page_of(op, ["v1"], has_more=True), example_page(op))
    items = list(client.conversations.variables("conv-1", user=USER))
    assert [type(i) for i in items] == [ConversationVariableItem, ConversationVariableItem]
    assert [q.get("last_id") for q in queries(server, op)] == [None, "v1"]
    assert {c.raw_path for c in server.calls_of(op)} == {"/conversations/conv-1/variables"}


def test_annotations_page_numbers(client: DifyChatflow, server: FakeDify) -> None:
    op = "getAdvancedAnnotationList"
    server.script(
        op,
        page_of(op, ["a1", "a2"], has_more=True, page=1, limit=2, total=5),
        page_of(op, ["a3", "a4"], has_more=True, page=2, limit=2, total=5),
        page_of(op, ["a5"], has_more=False, page=3, limit=2, total=5),
    )
    items = list(client.annotations.list(limit=2, keyword="Dify"))
    assert all(isinstance(i, AnnotationItem) for i in items)
    assert [i.id for i in items] == ["a1", "a2", "a3", "a4", "a5"]
    assert queries(server, op) == [
        {"limit": "2", "keyword": "Dify"},
        {"limit": "2", "keyword": "Dify", "page": "2"},
        {"limit": "2", "keyword": "Dify", "page": "3"},
    ]


def test_workflow_logs_page_numbers(client: DifyChatflow, server: FakeDify) -> None:
    op = "listChatflowWorkflowLogs"
    server.script(op, page_of(op, ["l1"], has_more=True, page=3), example_page(op))
    items = list(client.workflows.logs(status="failed", page=3, limit=1))
    assert [type(i) for i in items] == [WorkflowLogItem, WorkflowLogItem]
    assert [q["page"] for q in queries(server, op)] == ["3", "4"]
    assert all(q["status"] == "failed" for q in queries(server, op))


def test_feedbacks_without_has_more_stop_at_an_empty_page(client: DifyChatflow, server: FakeDify) -> None:
    op = "getAdvancedChatAppFeedbacks"
    server.script(op, example_page(op), JSONReply(200, {"data": []}))
    items = list(client.feedback.list(limit=2))
    assert [type(i) for i in items] == [FeedbackItem, FeedbackItem]
    assert [i.id for i in items] == example_ids(op)
    assert queries(server, op) == [{"limit": "2"}, {"limit": "2", "page": "2"}]
