"""A pytest plugin for bench/conformance.py: one JSON line per test, its failure classified.

Loaded with `-p conformance_plugin` (bench/ on PYTHONPATH); writes to the file
`CONFORMANCE_RESULTS` names. Classes: "rejected" (Prism refused the request as
invalid: a 400/422 carrying request-side `sl-violations` or Prism's own
problem type), "parse" (the answer did not parse into the declared type), and
"other" (anything else: its exception and first line say what).
"""

from __future__ import annotations

import json
import os
import socket
import urllib.parse
from typing import Any

import pytest

_PRISM_PROBLEM = "https://stoplight.io/prism/errors#"


def _first_line(text: str) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return (lines[0] if lines else "")[:200]


def _violations(response: Any) -> list[dict[str, Any]]:
    try:
        found = json.loads(response.headers.get("sl-violations") or "[]")
    except ValueError:
        return []
    return [v for v in found if isinstance(v, dict)]


def _body_is_null(response: Any) -> bool:
    """A JSON `null` for the whole answer: what Prism sends where it builds no example."""
    try:
        return response is not None and bytes(response.content).strip() == b"null"
    except Exception:  # a streamed answer, never read: no body to look at
        return False


def classify(exc: BaseException) -> tuple[str, str]:
    """(class, first line) of what a test raised."""
    name = type(exc).__name__
    # A 2xx whose body did not parse also carries a response: look at the kind of error first.
    if isinstance(exc, AssertionError) and str(exc).startswith("the stream carried no event"):
        return "other", _first_line(str(exc))  # an answer with no event in it: nothing failed to parse
    if name in ("APIResponseValidationError", "ValidationError") or isinstance(exc, AssertionError):
        null = "the answer was null: " if _body_is_null(getattr(exc, "response", None)) else ""
        return "parse", _first_line(f"{null}{name}: {exc}")
    response = getattr(exc, "response", None)
    status = getattr(exc, "status_code", None)
    if response is not None and status is not None:
        request_side = [v for v in _violations(response) if list(v.get("location", []))[:1] == ["request"]]
        body = getattr(exc, "body", None)
        problem = body.get("type", "") if isinstance(body, dict) else ""
        if status in (400, 422) and (request_side or str(problem).startswith(_PRISM_PROBLEM + "UNPROCESSABLE")):
            if request_side:
                v = request_side[0]
                where = ".".join(str(p) for p in v.get("location", []))
                return "rejected", _first_line(f"{status} {where}: {v.get('message', '')}")
            listed = body.get("validation") if isinstance(body, dict) else None
            if isinstance(listed, list) and listed and isinstance(listed[0], dict):
                v = listed[0]
                where = ".".join(str(p) for p in v.get("location", []))
                return "rejected", _first_line(f"{status} {where}: {v.get('message', '')}")
            return "rejected", _first_line(f"{status} {exc}")
        title = body.get("title", "") if isinstance(body, dict) and problem.startswith(_PRISM_PROBLEM) else ""
        return "other", _first_line(f"{status} {problem.rsplit('#', 1)[-1] + ': ' + title if title else exc}")
    return "other", _first_line(f"{name}: {exc}")


def _server_gone() -> bool:
    """Whether nothing listens at TEST_API_BASE_URL any more (Prism died on the last request)."""
    url = urllib.parse.urlsplit(os.environ.get("TEST_API_BASE_URL", ""))
    try:
        with socket.create_connection((url.hostname or "127.0.0.1", url.port or 80), timeout=2):
            return False
    except OSError:
        return True


_ANSWER_LIMIT = 1_000_000  # characters of an answer kept for the runner to judge


def _answer(exc: BaseException) -> dict[str, Any] | None:
    """The answer a parse failure refused, for the runner to check against the spec's schema."""
    response = getattr(exc, "response", None)
    try:
        text = response.text if response is not None else None
    except Exception:  # a streamed answer, never read
        return None
    if text is None or len(text) > _ANSWER_LIMIT:
        return None
    return {"status": response.status_code, "content_type": response.headers.get("content-type", ""), "body": text}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" or (report.when == "setup" and report.failed):
        record: dict[str, Any] = {"test": item.nodeid, "passed": report.passed}
        gone = False
        if call.excinfo is not None and not report.passed:
            record["class"], record["line"] = classify(call.excinfo.value)
            if record["class"] == "parse":
                record["answer"] = _answer(call.excinfo.value)
            gone = _server_gone()
            if gone:
                record["line"] = _first_line(f"Prism crashed on this request: {record['line']}")
        path = os.environ.get("CONFORMANCE_RESULTS")
        if path:
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(record) + "\n")
        if gone:  # the runner starts a new Prism for the tests not yet run
            pytest.exit("Prism is gone", returncode=2)
