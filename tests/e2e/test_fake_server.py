"""The fake Dify itself is strict: requests the spec forbids are refused and recorded.

Plain httpx here (not the generated client), so these tests show that the
server would catch a client bug rather than wave it through.
"""

from __future__ import annotations

from typing import Iterator

import httpx
import pytest

from dify_chatflow import BadRequestError, DifyChatflow

from e2e_server import API_KEY, FakeDify
from e2e_spec import operations, success_example

AUTH = {"Authorization": f"Bearer {API_KEY}"}


@pytest.fixture
def http(server: FakeDify) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, headers=AUTH, timeout=5.0) as c:
        yield c


def take_violations(server: FakeDify) -> list[str]:
    found = list(server.violations)
    server.violations.clear()  # expected here: keep the fixture's check quiet
    return found


def test_well_formed_request_is_answered_with_the_spec_example(http: httpx.Client, server: FakeDify) -> None:
    response = http.get("/messages/m%2F1/suggested", params={"user": "u"})
    assert response.status_code == 200
    assert response.json() == success_example("getAdvancedSuggestedQuestions").value
    assert server.last.path_params == {"message_id": "m/1"}
    assert server.last.raw_path == "/messages/m%2F1/suggested"


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "problem"),
    [
        ("GET", "/messages/m1/suggested", {}, "missing required query param 'user'"),
        ("GET", "/info", {"params": {"debug": "1"}}, "undeclared query param 'debug'"),
        ("GET", "/app/feedbacks", {"params": {"page": "one"}}, "is not an integer"),
        ("GET", "/conversations", {"params": {"sort_by": "name"}}, "not in"),
        ("GET", "/workflows/logs", {"params": {"created_at__before": "2025-01-16 12:00:00"}}, "RFC 3339"),
        ("POST", "/apps/annotation-reply/toggle", {"json": {}}, "path param action"),
        ("POST", "/chat-messages", {"json": {"query": "q", "inputs": {}}}, "missing required body field 'user'"),
        ("POST", "/apps/annotations", {"json": {"question": "q", "answer": "a", "x": 1}}, "undeclared body field 'x'"),
        ("POST", "/apps/annotations", {"content": b"question=q", "headers": {"content-type": "text/plain"}}, "JSON body"),
        ("POST", "/files/upload", {"data": {"user": "u"}}, "missing required body field 'file'"),
        ("POST", "/files/upload", {"data": {"file": "not-a-file"}, "files": {"x": b"1"}}, "must be a file part"),
        ("GET", "/info", {"content": b"{}"}, "takes no body"),
        ("GET", "/nowhere", {}, "no operation for GET /nowhere"),
    ],
)
def test_spec_violations_are_refused(
    method: str, path: str, kwargs: dict, problem: str, http: httpx.Client, server: FakeDify
) -> None:
    response = http.request(method, path, **kwargs)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_param"
    violations = take_violations(server)
    assert len(violations) == 1 and problem in violations[0], violations


def test_wrong_method_on_a_known_path(http: httpx.Client, server: FakeDify) -> None:
    assert http.delete("/info").status_code == 405


def test_missing_auth_is_401(server: FakeDify) -> None:
    response = httpx.get(server.url + "/info")
    assert response.status_code == 401
    assert response.json() == {"status": 401, "code": "unauthorized", "message": "Access token is invalid."}


def test_client_sending_undeclared_fields_would_be_caught(client: DifyChatflow, server: FakeDify) -> None:
    with pytest.raises(BadRequestError):
        client.app.info(extra_query={"verbose": "1"})
    with pytest.raises(BadRequestError):
        client.annotations.create(question="q", answer="a", extra_body={"score": 1})
    assert len(take_violations(server)) == 2


def test_every_operation_has_a_success_answer() -> None:
    for operation_id, op in operations().items():
        example = success_example(operation_id)
        assert example.status == op.success_status
        if example.status == 204:
            assert example.value is None
        elif example.content_type == "application/json":
            assert isinstance(example.value, dict), operation_id
        else:
            assert example.content_type in ("audio/mpeg", "application/octet-stream"), operation_id
