"""Every operation of the spec, called through the generated *sync* client.

Each check registers itself under its operationId.  `test_operation` is
parametrized over the operationIds *of the spec*, so an operation added to
the spec without a check here fails; `test_every_spec_operation_is_exercised`
compares the operationIds the server actually saw with the spec's.

A check asserts both sides: what the fake server received (method, raw path
with percent-encoded params, query, auth, JSON body or multipart parts) and
that the client returned the declared model holding the spec's example.
"""

from __future__ import annotations

from typing import Callable, Dict

import pytest

from dify_chatflow import DifyChatflow, SyncPage
from dify_chatflow.models import (
    AnnotationItem,
    AnnotationListResponse,
    AppFeedbacksResponse,
    AppInfoResponse,
    AppMetaResponse,
    AudioToTextResponse,
    ChatAppParametersResponse,
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
    InitialAnnotationReplySettingsResponse,
    InitialAnnotationReplySettingsStatusResponse,
    RetrieverResource,
    StopAdvancedChatMessageGenerationResponse,
    SuggestedQuestionsResponse,
    TextInputControlWrapper,
    Usage,
    WebAppSettingsResponse,
    WorkflowLogItem,
    WorkflowLogsResponse,
    WorkflowRunDetailResponse,
)

from e2e_asserts import assert_model, assert_request
from e2e_server import AUDIO_BYTES, PREVIEW_BYTES, FakeDify, UploadedFile
from e2e_spec import operations, success_example

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


# -- Applications ------------------------------------------------------------


@check("getAdvancedChatAppInfo")
def _info(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.app.info()
    assert_request(server.last, "getAdvancedChatAppInfo", "GET", "/info")
    assert_model(resp, AppInfoResponse, example("getAdvancedChatAppInfo"))
    assert resp.tags == ["customer-service", "chatbot"]


@check("getAdvancedChatAppParameters")
def _parameters(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.app.parameters()
    assert_request(server.last, "getAdvancedChatAppParameters", "GET", "/parameters")
    assert_model(resp, ChatAppParametersResponse, example("getAdvancedChatAppParameters"))
    assert resp.user_input_form is not None
    form_item = resp.user_input_form[0]
    assert isinstance(form_item, TextInputControlWrapper)
    assert form_item.text_input is not None
    assert form_item.text_input.variable == "city"


@check("getAdvancedChatAppMeta")
def _meta(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.app.meta()
    assert_request(server.last, "getAdvancedChatAppMeta", "GET", "/meta")
    assert_model(resp, AppMetaResponse, example("getAdvancedChatAppMeta"))


@check("getAdvancedChatWebAppSettings")
def _site(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.app.site()
    assert_request(server.last, "getAdvancedChatWebAppSettings", "GET", "/site")
    assert_model(resp, WebAppSettingsResponse, example("getAdvancedChatWebAppSettings"))
    assert resp.icon == "\U0001f916"


# -- Annotations -------------------------------------------------------------


@check("createAdvancedAnnotation")
def _create_annotation(client: DifyChatflow, server: FakeDify) -> None:
    raw = client.annotations.with_raw_response.create(question="What is Dify?", answer="An LLM app platform.")
    assert raw.status_code == 201
    resp = raw.parse()
    assert_request(
        server.last,
        "createAdvancedAnnotation",
        "POST",
        "/apps/annotations",
        json={"question": "What is Dify?", "answer": "An LLM app platform."},
    )
    assert_model(resp, AnnotationItem, example("createAdvancedAnnotation"))
    assert resp.hit_count == 0


@check("getAdvancedAnnotationList")
def _annotations(client: DifyChatflow, server: FakeDify) -> None:
    page = client.annotations.list(page=1, limit=20, keyword="Dify")
    assert_request(
        server.last,
        "getAdvancedAnnotationList",
        "GET",
        "/apps/annotations",
        query={"page": "1", "limit": "20", "keyword": "Dify"},
    )
    assert_model(page.response, AnnotationListResponse, example("getAdvancedAnnotationList"))
    assert [(type(a), a.hit_count) for a in page.items] == [(AnnotationItem, 5)]


@check("updateAdvancedAnnotation")
def _update_annotation(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.annotations.update(UUID_A, question="What is Dify?", answer="A platform.")
    assert_request(
        server.last,
        "updateAdvancedAnnotation",
        "PUT",
        f"/apps/annotations/{UUID_A}",
        json={"question": "What is Dify?", "answer": "A platform."},
    )
    assert_model(resp, AnnotationItem, example("updateAdvancedAnnotation"))


@check("deleteAdvancedAnnotation")
def _delete_annotation(client: DifyChatflow, server: FakeDify) -> None:
    raw = client.annotations.with_raw_response.delete(UUID_A)
    assert raw.status_code == 204
    assert raw.parse() is None
    assert_request(server.last, "deleteAdvancedAnnotation", "DELETE", f"/apps/annotations/{UUID_A}")


@check("initialAdvancedAnnotationReplySettings")
def _configure_reply(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.annotations.configure_reply(
        "enable",
        embedding_provider_name="openai",
        embedding_model_name="text-embedding-3-small",
        score_threshold=0.9,
    )
    assert_request(
        server.last,
        "initialAdvancedAnnotationReplySettings",
        "POST",
        "/apps/annotation-reply/enable",
        json={
            "embedding_provider_name": "openai",
            "embedding_model_name": "text-embedding-3-small",
            "score_threshold": 0.9,
        },
    )
    assert_model(resp, InitialAnnotationReplySettingsResponse, example("initialAdvancedAnnotationReplySettings"))
    assert resp.job_status == "waiting"


@check("getAdvancedInitialAnnotationReplySettingsStatus")
def _reply_status(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.annotations.reply_status("disable", UUID_A)
    assert_request(
        server.last,
        "getAdvancedInitialAnnotationReplySettingsStatus",
        "GET",
        f"/apps/annotation-reply/disable/status/{UUID_A}",
    )
    assert server.last.path_params == {"action": "disable", "job_id": UUID_A}
    assert_model(
        resp,
        InitialAnnotationReplySettingsStatusResponse,
        example("getAdvancedInitialAnnotationReplySettingsStatus"),
    )


# -- Workflow runs -----------------------------------------------------------


@check("getChatflowWorkflowRunDetail")
def _workflow_run(client: DifyChatflow, server: FakeDify) -> None:
    resp = client.workflows.get_run(RUN_ID)
    assert_request(server.last, "getChatflowWorkflowRunDetail", "GET", f"/workflows/run/{RUN_ID_RAW}")
    assert_model(resp, WorkflowRunDetailResponse, example("getChatflowWorkflowRunDetail"))
    assert resp.outputs == {"result": "Traduisez ceci en francais"}


@check("listChatflowWorkflowLogs")
def _workflow_logs(client: DifyChatflow, server: FakeDify) -> None:
    # Datetime filters are covered by test_workflow_logs_datetime_filters_are_rfc3339.
    page = client.workflows.logs(
        keyword="translate",
        status="succeeded",
        page=1,
        limit=20,
        created_by_end_user_session_id="user_chatflow_123",
        created_by_account="acc-1",
    )
    assert_request(
        server.last,
        "listChatflowWorkflowLogs",
        "GET",
        "/workflows/logs",
        query={
            "keyword": "translate",
            "status": "succeeded",
            "page": "1",
            "limit": "20",
            "created_by_end_user_session_id": "user_chatflow_123",
            "created_by_account": "acc-1",
        },
    )
    assert_model(page.response, WorkflowLogsResponse, example("listChatflowWorkflowLogs"))
    assert isinstance(page.items[0], WorkflowLogItem)
    assert page.items[0].workflow_run is not None
    assert page.items[0].workflow_run.status == "succeeded"


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
