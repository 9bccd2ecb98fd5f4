"""Checks of the conversation side of the API, through the sync client.

Chats (send, stop), messages (suggested questions, feedback, history), files
(upload, preview), end users and app feedback, conversations (list, variables,
rename, delete) and audio.  Each registers itself with `e2e_checks.check`;
test_operations_sync runs them.
"""

from __future__ import annotations

from dify_chatflow import DifyChatflow, SyncPage
from dify_chatflow.models import (
    AppFeedbacksResponse,
    AudioToTextResponse,
    ChatCompletionResponse,
    ChatCompletionResponseMetadata,
    ChatRequestFilesItem,
    ConversationHistoryResponse,
    ConversationListItem,
    ConversationMessageItem,
    ConversationsListResponse,
    ConversationVariableItem,
    ConversationVariablesResponse,
    EndUserDetail,
    FeedbackItem,
    FileUploadResponse,
    RetrieverResource,
    StopAdvancedChatMessageGenerationResponse,
    SuggestedQuestionsResponse,
    Usage,
)

from e2e_asserts import assert_model, assert_request
from e2e_checks import (
    CONVERSATION_ID,
    CONVERSATION_ID_RAW,
    MESSAGE_ID,
    MESSAGE_ID_RAW,
    TASK_ID,
    TASK_ID_RAW,
    USER,
    UUID_A,
    UUID_B,
    check,
    example,
)
from e2e_server import AUDIO_BYTES, PREVIEW_BYTES, FakeDify, UploadedFile


# -- Chats -------------------------------------------------------------------


@check("sendAdvancedChatMessage")
def _send_message(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.chat.send_message(
        query="What are the specs of the iPhone 13 Pro Max?",
        inputs={"city": "San Francisco"},
        user=USER,
        response_mode="blocking",
        conversation_id="",
        files=[ChatRequestFilesItem(type="image", transfer_method="remote_url", url="https://x.test/a.png")],
        auto_generate_name=False,
    )
    assert_request(
        server.last,
        "sendAdvancedChatMessage",
        "POST",
        "/chat-messages",
        json={
            "query": "What are the specs of the iPhone 13 Pro Max?",
            "inputs": {"city": "San Francisco"},
            "response_mode": "blocking",
            "user": USER,
            "conversation_id": "",
            "files": [{"type": "image", "transfer_method": "remote_url", "url": "https://x.test/a.png"}],
            "auto_generate_name": False,
        },
    )
    assert server.last.headers["accept"] == "application/json"
    assert_model(resp, ChatCompletionResponse, example("sendAdvancedChatMessage"))
    assert resp.answer == "iPhone 13 Pro Max specs are listed here:..."
    assert resp.conversation_id == "45701982-8118-4bc5-8e9b-64562b4555f2"
    assert isinstance(resp.metadata, ChatCompletionResponseMetadata)
    assert isinstance(resp.metadata.usage, Usage)
    assert resp.metadata.usage.total_tokens == 1161
    assert resp.metadata.retriever_resources is not None
    assert isinstance(resp.metadata.retriever_resources[0], RetrieverResource)
    assert resp.metadata.retriever_resources[0].score == 0.98457545


@check("stopAdvancedChatMessageGeneration")
def _stop(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.chat.stop(TASK_ID, user=USER)
    assert_request(
        server.last,
        "stopAdvancedChatMessageGeneration",
        "POST",
        f"/chat-messages/{TASK_ID_RAW}/stop",
        json={"user": USER},
    )
    assert server.last.path_params == {"task_id": TASK_ID}
    assert_model(resp, StopAdvancedChatMessageGenerationResponse, {"result": "success"})


# -- Conversations: messages -------------------------------------------------


@check("getAdvancedSuggestedQuestions")
def _suggested(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.messages.suggested(MESSAGE_ID, user=USER)
    assert_request(
        server.last,
        "getAdvancedSuggestedQuestions",
        "GET",
        f"/messages/{MESSAGE_ID_RAW}/suggested",
        query={"user": USER},
    )
    assert server.last.path_params == {"message_id": MESSAGE_ID}
    assert_model(resp, SuggestedQuestionsResponse, example("getAdvancedSuggestedQuestions"))
    assert resp.data is not None and resp.data[2] == "What is the price range?"


@check("postAdvancedChatMessageFeedback")
def _message_feedback(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.messages.feedback(MESSAGE_ID, user=USER, rating="like", content="Spot on.")
    assert_request(
        server.last,
        "postAdvancedChatMessageFeedback",
        "POST",
        f"/messages/{MESSAGE_ID_RAW}/feedbacks",
        json={"rating": "like", "user": USER, "content": "Spot on."},
    )
    assert_model(resp, StopAdvancedChatMessageGenerationResponse, {"result": "success"})


@check("getAdvancedConversationHistory")
def _history(client: DifyChatflow, server: FakeDify) -> None:
    page = client.messages.list(conversation_id=CONVERSATION_ID, user=USER, limit=20)
    assert_request(
        server.last,
        "getAdvancedConversationHistory",
        "GET",
        "/messages",
        query={"conversation_id": CONVERSATION_ID, "user": USER, "limit": "20"},
    )
    assert isinstance(page, SyncPage)
    assert_model(page.response, ConversationHistoryResponse, example("getAdvancedConversationHistory"))
    assert [type(m) for m in page.items] == [ConversationMessageItem]
    assert page.items[0].query == "What are the specs of the iPhone 13 Pro Max?"
    assert not page.has_next_page()


# -- Files -------------------------------------------------------------------


@check("uploadAdvancedChatFile")
def _upload(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.files.upload(file=("product-photo.png", b"\x89PNG-bytes", "image/png"), user=USER)
    call = server.last
    assert call.operation_id == "uploadAdvancedChatFile" and call.raw_path == "/files/upload"
    assert call.method == "POST" and call.query == []
    assert call.content_type.startswith("multipart/form-data; boundary=")
    assert call.form == {"user": [USER]}
    assert call.files == {"file": [UploadedFile("product-photo.png", "image/png", b"\x89PNG-bytes")]}
    assert_model(resp, FileUploadResponse, example("uploadAdvancedChatFile"))
    assert resp.id == "a1b2c3d4-5678-90ab-cdef-1234567890ab"
    assert resp.preview_url is None


@check("previewChatFlowFile")
def _preview(client: DifyChatflow, server: FakeDify) -> None:
    data = client.files.preview(UUID_A, as_attachment=True, user=USER)
    assert_request(
        server.last,
        "previewChatFlowFile",
        "GET",
        f"/files/{UUID_A}/preview",
        query={"as_attachment": "true", "user": USER},
    )
    assert type(data) is bytes and data == PREVIEW_BYTES


# -- End users, feedback -----------------------------------------------------


@check("getEndUserChatflow")
def _end_user(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.end_users.get(UUID_B)
    assert_request(server.last, "getEndUserChatflow", "GET", f"/end-users/{UUID_B}")
    assert_model(resp, EndUserDetail, example("getEndUserChatflow"))
    assert resp.session_id == "abc-123"
    assert resp.created_at is not None and resp.created_at.year == 2024


@check("getAdvancedChatAppFeedbacks")
def _app_feedbacks(client: DifyChatflow, server: FakeDify) -> None:
    page = client.feedback.list(page=1, limit=20)
    assert_request(
        server.last, "getAdvancedChatAppFeedbacks", "GET", "/app/feedbacks", query={"page": "1", "limit": "20"}
    )
    assert_model(page.response, AppFeedbacksResponse, example("getAdvancedChatAppFeedbacks"))
    assert [type(f) for f in page.items] == [FeedbackItem, FeedbackItem]
    assert [f.rating for f in page.items] == ["like", "dislike"]


# -- Conversations -----------------------------------------------------------


@check("getAdvancedConversationsList")
def _conversations(client: DifyChatflow, server: FakeDify) -> None:
    page = client.conversations.list(user=USER, limit=20, sort_by="-updated_at")
    assert_request(
        server.last,
        "getAdvancedConversationsList",
        "GET",
        "/conversations",
        query={"user": USER, "limit": "20", "sort_by": "-updated_at"},
    )
    assert_model(page.response, ConversationsListResponse, example("getAdvancedConversationsList"))
    assert [c.name for c in page.items] == ["iPhone Specs Chat"]
    assert isinstance(page.items[0], ConversationListItem)
    assert list(page) == page.items  # has_more is false: no second request
    assert len(server.calls_of("getAdvancedConversationsList")) == 1


@check("getAdvancedConversationVariables")
def _variables(client: DifyChatflow, server: FakeDify) -> None:
    page = client.conversations.variables(CONVERSATION_ID, user=USER, limit=5, variable_name="user_preference")
    assert_request(
        server.last,
        "getAdvancedConversationVariables",
        "GET",
        f"/conversations/{CONVERSATION_ID_RAW}/variables",
        query={"user": USER, "limit": "5", "variable_name": "user_preference"},
    )
    assert server.last.path_params == {"conversation_id": CONVERSATION_ID}
    assert_model(page.response, ConversationVariablesResponse, example("getAdvancedConversationVariables"))
    assert isinstance(page.items[0], ConversationVariableItem)
    assert page.items[0].value == "dark_mode"


@check("renameAdvancedConversation")
def _rename(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.conversations.rename(CONVERSATION_ID, user=USER, name="iPhone Specs Chat", auto_generate=False)
    assert_request(
        server.last,
        "renameAdvancedConversation",
        "POST",
        f"/conversations/{CONVERSATION_ID_RAW}/name",
        json={"name": "iPhone Specs Chat", "auto_generate": False, "user": USER},
    )
    assert_model(resp, ConversationListItem, example("renameAdvancedConversation"))


@check("updateChatflowConversationVariable")
def _update_variable(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.conversations.update_variable(UUID_A, UUID_B, value="new value", user=USER)
    assert_request(
        server.last,
        "updateChatflowConversationVariable",
        "PUT",
        f"/conversations/{UUID_A}/variables/{UUID_B}",
        json={"value": "new value", "user": USER},
    )
    assert server.last.path_params == {"conversation_id": UUID_A, "variable_id": UUID_B}
    assert_model(resp, ConversationVariableItem, example("updateChatflowConversationVariable"))
    assert resp.value == "new value"


@check("deleteAdvancedConversation")
def _delete_conversation(client: DifyChatflow, server: FakeDify) -> None:
    raw = client.conversations.with_raw_response.delete(CONVERSATION_ID, user=USER)
    assert raw.status_code == 204
    assert raw.parse() is None
    assert_request(
        server.last,
        "deleteAdvancedConversation",
        "DELETE",
        f"/conversations/{CONVERSATION_ID_RAW}",
        json={"user": USER},
    )
    client.conversations.delete(CONVERSATION_ID, user=USER)  # typed `-> None`
    assert len(server.calls_of("deleteAdvancedConversation")) == 2


# -- Audio -------------------------------------------------------------------


@check("advancedAudioToText")
def _audio_to_text(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.audio.audio_to_text(file=("speech.mp3", b"ID3-speech", "audio/mpeg"), user=USER)
    call = server.last
    assert call.operation_id == "advancedAudioToText" and call.raw_path == "/audio-to-text"
    assert call.method == "POST" and call.query == []
    assert call.content_type.startswith("multipart/form-data; boundary=")
    assert call.form == {"user": [USER]}
    assert call.files == {"file": [UploadedFile("speech.mp3", "audio/mpeg", b"ID3-speech")]}
    assert_model(resp, AudioToTextResponse, example("advancedAudioToText"))
    assert resp.text == "Hello, I would like to know more about the iPhone 13 Pro Max."


@check("advancedTextToAudio")
def _text_to_audio(client: DifyChatflow, server: FakeDify) -> None:
    data = client.audio.text_to_audio(message_id=UUID_A, text="Hello", user=USER, voice="alloy", streaming=False)
    assert_request(
        server.last,
        "advancedTextToAudio",
        "POST",
        "/text-to-audio",
        json={"message_id": UUID_A, "text": "Hello", "user": USER, "voice": "alloy", "streaming": False},
    )
    assert type(data) is bytes and data == AUDIO_BYTES
