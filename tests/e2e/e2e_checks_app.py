"""Checks of the application side of the API, through the sync client.

Application info, parameters, meta and web-app settings, annotations (create,
list, update, delete, reply settings and their status) and workflow runs and
logs.  Each registers itself with `e2e_checks.check`; test_operations_sync runs
them.
"""

from __future__ import annotations

from dify_chatflow import DifyChatflow
from dify_chatflow.models import (
    AnnotationItem,
    AnnotationListResponse,
    AppInfoResponse,
    AppMetaResponse,
    ChatAppParametersResponse,
    InitialAnnotationReplySettingsResponse,
    InitialAnnotationReplySettingsStatusResponse,
    TextInputControlWrapper,
    WebAppSettingsResponse,
    WorkflowLogItem,
    WorkflowLogsResponse,
    WorkflowRunDetailResponse,
)

from e2e_asserts import assert_model, assert_request
from e2e_checks import RUN_ID, RUN_ID_RAW, UUID_A, check, example
from e2e_server import FakeDify


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
