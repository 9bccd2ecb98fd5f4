"""bench/conformance.py's own logic, without Prism: how failures are classified (with the
generated client's real exceptions and httpx responses shaped like Prism's), how an operation
is scored from its tests, and the report's rows and last line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import httpx
import pydantic
import pytest

from dify_chatflow import APIConnectionError, APIResponseValidationError, APIStatusError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import conformance  # noqa: E402  (bench/ is no package)
import conformance_plugin  # noqa: E402

REQUEST = httpx.Request("POST", "http://127.0.0.1:4010/things")


def _status(status: int, body: object, headers: dict[str, str] | None = None) -> APIStatusError:
    response = httpx.Response(status, json=body, headers=headers, request=REQUEST)
    return APIStatusError("refused", response=response, body=body)


def test_a_request_prism_validated_and_refused_is_rejected_with_its_first_violation() -> None:
    violations = [{"location": ["request", "query", "limit"], "severity": "Error", "message": "must be integer"}]
    exc = _status(422, {"type": "x"}, {"sl-violations": json.dumps(violations)})
    assert conformance_plugin.classify(exc) == ("rejected", "422 request.query.limit: must be integer")
    own = _status(422, {"type": "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY",
                        "validation": [{"location": ["body"], "message": "must have required property 'q'"}]})
    assert conformance_plugin.classify(own) == ("rejected", "422 body: must have required property 'q'")


def test_other_statuses_and_errors_are_other_and_parse_failures_are_parse() -> None:
    gone = _status(404, {"type": "https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR", "title": "Route not resolved"})
    assert conformance_plugin.classify(gone) == ("other", "404 NO_PATH_MATCHED_ERROR: Route not resolved")
    plain_400 = _status(400, {"error": "the spec's own 400 example"})  # no violation named: not Prism's refusal
    assert conformance_plugin.classify(plain_400)[0] == "other"
    with pytest.raises(pydantic.ValidationError) as caught:
        pydantic.TypeAdapter(int).validate_python("x")
    assert conformance_plugin.classify(caught.value)[0] == "parse"
    response = httpx.Response(200, text="nope", request=REQUEST)
    assert conformance_plugin.classify(APIResponseValidationError("bad body", response=response))[0] == "parse"
    null = httpx.Response(200, content=b"null", request=REQUEST)
    kind, line = conformance_plugin.classify(APIResponseValidationError("not a Thing", response=null))
    assert kind == "parse" and line.startswith("the answer was null: APIResponseValidationError")
    assert conformance_plugin.classify(APIResponseValidationError("bad body", response=response))[1].startswith("API")
    kind, line = conformance_plugin.classify(APIConnectionError("Connection refused", REQUEST))
    assert kind == "other" and line.startswith("APIConnectionError: Connection refused")


def test_an_operation_passes_only_when_all_its_tests_ran_and_passed() -> None:
    tests = {"tests/test_a.py::test_x": "x", "tests/test_a.py::test_async_x": "x", "tests/test_a.py::test_y": "y",
             "tests/test_a.py::test_z": "z"}
    records: list[dict[str, object]] = [
        {"test": "tests/test_a.py::test_x", "passed": True}, {"test": "tests/test_a.py::test_async_x", "passed": True},
        {"test": "tests/test_a.py::test_y", "passed": False, "class": "parse", "line": "ValidationError: y"},
    ]
    row = conformance.Row("tricky/a.yaml", operations=3)
    conformance._score(row, tests, records, "")
    assert row.passed == 1
    assert [(f.operation, f.kind, f.line) for f in row.failures] == [
        ("y", "parse", "ValidationError: y"), ("z", "other", "no test ran")]
    timed_out = conformance.Row("tricky/a.yaml", operations=3)
    conformance._score(timed_out, tests, records[:1], "timed out")  # x's async test never ran
    assert timed_out.passed == 0 and [(f.operation, f.line) for f in timed_out.failures] == [
        ("x", "timed out"), ("y", "timed out"), ("z", "timed out")]
    conformance._score(done := conformance.Row("tricky/a.yaml", operations=3), tests, records[:2], "timed out")
    assert done.passed == 1  # x finished before the time ran out
    text = conformance.report([row, conformance.Row("big/b.json", kind="prism cannot load", note="fatal")])
    assert "prism cannot load: fatal" in text
    assert text.splitlines()[-1] == "conformance: 1/3 operations pass"  # the unloadable spec counts for nothing


def test_saved_runs_report_again_and_the_later_run_wins(tmp_path: Path) -> None:
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    rows = [conformance.Row("tricky/a.yaml", operations=2, passed=1,
                            failures=[conformance.Failure("op", "other", "boom", "t")])]
    first.write_text(json.dumps([conformance.asdict(r) for r in rows]), encoding="utf-8")
    second.write_text(json.dumps([conformance.asdict(conformance.Row("tricky/a.yaml", operations=2, passed=2))]),
                      encoding="utf-8")
    assert conformance.saved_rows([first])[0].failures[0].line == "boom"
    assert conformance.saved_rows([first, second])[0].passed == 2
    page = tmp_path / "page.md"
    page.write_text("# Causes\n\nhand-written\n", encoding="utf-8")
    conformance.write_markdown(page, conformance.saved_rows([first]))
    conformance.write_markdown(page, conformance.saved_rows([first]))  # again: replaced, not appended
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# Causes\n\nhand-written\n") and text.count(conformance.BEGIN) == 1
    assert "- `tricky/a.yaml` `op` [other] boom" in text


CAUSES_SPEC = {
    "openapi": "3.0.3", "info": {"title": "Causes", "version": "1"},
    "paths": {
        "/#Action=Tag": {"post": {"operationId": "tag", "responses": {"200": {"description": "ok"}}}},
        "/upload": {"post": {"operationId": "upload", "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {
            "type": "object", "properties": {"meta": {"type": "object", "properties": {"a": {"type": "string"}}},
                                             "tags": {"type": "array", "items": {"type": "string"}}}},
            "encoding": {"tags": {"style": "form"}}}}}, "responses": {"200": {"description": "ok"}}}},
        "/nulls": {"get": {"operationId": "nulls", "parameters": [
            {"name": "only_null", "in": "query", "required": True,
             "schema": {"type": "array", "items": {"enum": [None], "nullable": True}}}],
            "responses": {"200": {"description": "ok"}}}},
        "/silent": {"get": {"operationId": "silent", "responses": {}}},
        "/invites": {"post": {"operationId": "invite", "requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "required": ["user"], "properties": {"user": {
                "type": "object", "required": ["id"], "properties": {"login": {"type": "string"}}}}}}}},
            "responses": {"200": {"description": "ok"}}}},
        "/moderators": {"put": {"operationId": "moderate", "responses": {"403": {"description": "not yours"}}}},
        "/updates": {"get": {"operationId": "updates", "responses": {"200": {"description": "sse", "content": {
            "text/event-stream": {}}}}}},
        "/geo/{position}.{ext}": {"get": {"operationId": "geo", "parameters": [
            {"name": "position", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "ext", "in": "path", "required": True, "schema": {"enum": ["json", "xml"]}}],
            "responses": {"200": {"description": "ok"}}}},
        "/archive": {"get": {"operationId": "archive", "responses": {"302": {"description": "to the download"}}}},
        "/plain": {"get": {"operationId": "plain", "responses": {"200": {"description": "ok", "content": {
            "*/*": {"schema": {"type": "object", "properties": {"n": {"type": "integer"}}}}}}}}},
    },
}


def test_a_failure_is_blocked_only_where_the_mock_or_the_document_is_shown_at_fault(tmp_path: Path) -> None:
    import conformance_causes
    from generator.pipeline import generate

    spec = tmp_path / "causes.json"
    spec.write_text(json.dumps(CAUSES_SPEC), encoding="utf-8")
    result = generate(spec, format_code=False)
    facts = conformance_causes.operation_facts(result.api, result.warnings)
    blocked = conformance_causes.blocked_by
    assert blocked("404 NO_PATH_MATCHED_ERROR: Route not resolved", facts["tag"]).startswith("prism:")
    assert blocked("404 NO_PATH_MATCHED_ERROR: Route not resolved", facts["plain"]) == ""  # no `#`: ours
    unrouted = "404 404 The route / hasn't been found in the specification file (POST http://127.0.0.1:1/)"
    assert blocked(unrouted, facts["tag"]).startswith("prism:") and blocked(unrouted, facts["plain"]) == ""
    assert blocked("422 body.meta: Request body property meta must be object", facts["upload"]).startswith("prism:")
    # a field the spec gives a style Prism does decode: a wrong kind there is the client's fault
    assert blocked("422 body.tags: Request body property tags must be array", facts["upload"]) == ""
    assert blocked("422 query: Request query must have required property 'only_null'", facts["nulls"]).startswith("spec:")
    assert blocked("422 query: Request query must have required property 'other'", facts["nulls"]) == ""
    assert blocked("422 query: Request query must have required property 'a%20b'", facts["nulls"]).startswith("prism:")
    assert blocked("500 500 Internal Server Error", facts["silent"]).startswith("spec:")
    assert blocked("406 NOT_ACCEPTABLE: The server cannot produce a representation", facts["moderate"]).startswith("spec:")
    assert blocked("406 NOT_ACCEPTABLE: The server cannot produce a representation", facts["plain"]) == ""
    no_type = "400 request.header: Request header must have required property 'content-type'"
    assert blocked(no_type, facts["nulls"]).startswith("prism:")  # a GET with no body has no Content-Type to send
    assert blocked(no_type, facts["upload"]) == ""  # with a body the client must send one
    jwt = "422 request.header.authorization: Request header parameter authorization must match pattern \"JWT \\S+\""
    assert blocked(jwt, facts["plain"]).startswith("prism:")
    accept = "422 header.accept: Request header parameter accept must be equal to one of the allowed values: a/json, a/pdf"
    assert blocked(accept, facts["plain"]).startswith("prism:")  # the client lists both it can read
    assert blocked("the stream carried no event", facts["updates"]).startswith("prism:")
    assert blocked("the stream carried no event", facts["plain"]) == ""
    split = "400 request.path.ext: Request path parameter ext must be equal to one of the allowed values: json, xml"
    assert blocked(split, facts["geo"]).startswith("prism:") and blocked(split, facts["plain"]) == ""
    undeclared = "422 body.user: Request body must have required property 'id'"
    assert blocked(undeclared, facts["invite"]).startswith("spec:")  # `required` names what `properties` lacks
    assert blocked("422 body.user: Request body must have required property 'login'", facts["invite"]) == ""
    assert blocked(undeclared, facts["upload"]) == ""
    unreachable = "APIConnectionError: Connection error: [Errno -2] Name or service not known (GET http://127.0.0.1:1/x)"
    assert blocked(unreachable, facts["archive"]).startswith("prism:")  # followed the example Location
    assert blocked(unreachable, facts["plain"]) == ""  # no redirect documented: the client went astray
    assert blocked("302 302 Found (GET http://127.0.0.1:1/archive)", facts["archive"]).startswith("spec:")
    assert blocked("302 302 Found (GET http://127.0.0.1:1/plain)", facts["plain"]) == ""
    short = "APIConnectionError: Connection error: peer closed connection without sending complete message body "
    assert blocked(short + "(received 0 bytes, expected 279)", facts["plain"]).startswith("prism:")
    assert blocked(short + "(received 10 bytes, expected 279)", facts["plain"]) == ""
    assert blocked("APIResponseValidationError: response does not match Thing", facts["plain"]) == ""
    assert blocked("the answer was null: APIResponseValidationError: x", facts["plain"]).startswith("prism:")
    row = conformance.Row("tricky/c.json", operations=4, passed=2, failures=[
        conformance.Failure("tag", "other", "404", blocked="prism: fragment"), conformance.Failure("plain", "parse", "x")])
    refused = conformance.Row("tricky/broken.json", kind="generate failed", operations=5, failures=[
        conformance.Failure("*", "other", "generate failed: LoadError: x", blocked="spec: broken")])
    lines = conformance.report([row, refused]).splitlines()
    assert lines[-2:] == ["not blocked by Prism or the spec: 2/3 operations pass = 66.7%",  # all 5 refused ops blocked
                          "conformance: 2/9 operations pass"]


def test_prism_serves_a_wildcard_response_as_json_and_nothing_else_changes(tmp_path: Path) -> None:
    import conformance_causes

    spec = tmp_path / "causes.json"
    spec.write_text(json.dumps(CAUSES_SPEC), encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    served = conformance_causes.prism_document(spec, work)
    document = json.loads(served.read_text(encoding="utf-8"))
    expected = json.loads(json.dumps(CAUSES_SPEC))
    content = expected["paths"]["/plain"]["get"]["responses"]["200"]["content"]
    content["application/json"] = content.pop("*/*")
    assert served != spec and document == expected
    external = tmp_path / "external.json"  # a relative $ref must stay beside its file: served as it is
    external.write_text(json.dumps({**CAUSES_SPEC, "components": {"schemas": {"X": {"$ref": "other.json#/X"}}}}),
                        encoding="utf-8")
    assert conformance_causes.prism_document(external, tmp_path) == external


def test_a_big_spec_is_sharded_by_whole_modules_and_a_small_one_is_not() -> None:
    tests = [f"tests/test_{m}.py::test_{i}" for m, n in (("a", 400), ("b", 250), ("c", 100)) for i in range(n)]
    groups = conformance._shards(tests, 2)
    assert sorted(t for g in groups for t in g) == sorted(tests)  # every test once
    assert [sorted({t.split("::")[0] for t in g}) for g in groups] == [
        ["tests/test_a.py"], ["tests/test_b.py", "tests/test_c.py"]]  # modules stay whole, about even
    assert conformance._shards(tests[:299], 2) == [tests[:299]]  # below SHARD_SIZE: one Prism
    assert len(conformance._shards(tests, 1)) == 1


def test_a_refused_answer_is_the_specs_only_when_its_own_schema_refuses_it_too() -> None:
    from conformance_answers import AnswerJudge

    vehicle = {"type": "object", "required": ["month"], "properties": {
        "month": {"type": "string", "format": "date"}, "note": {"type": "string", "nullable": True},
        "owner": {"allOf": [{"$ref": "#/components/schemas/Owner"}], "nullable": True}}}
    document = {"openapi": "3.0.3", "paths": {"/v/{id}": {"get": {"responses": {
        "200": {"$ref": "#/components/responses/Vehicle"}}}}},
        "components": {"responses": {"Vehicle": {"description": "ok", "content": {
            "application/json": {"schema": vehicle}}}},
            "schemas": {"Owner": {"required": ["name"], "properties": {"name": {"type": "string"}}}}}}
    judge = AnswerJudge(document)

    def breach(body: object, status: int = 200) -> str:
        return judge.breach(("/v/{id}", "get"), {"status": status, "content_type": "application/json; charset=utf-8",
                                                  "body": json.dumps(body)})

    assert breach({"month": "2011-11"}).startswith("spec:") and "at month" in breach({"month": "2011-11"})
    assert breach({"month": "2011-11-01", "note": None, "owner": None}) == ""  # 3.0 nullable is no breach
    assert "owner" in breach({"month": "2011-11-01", "owner": {}})  # through the component's $ref
    assert "owner" in breach({"month": "2011-11-01", "owner": [1]})  # properties without a type: an object
    assert breach({"month": "2011-11"}, status=404) == ""  # no schema declared for it: no evidence
    assert judge.breach(("/v/{id}", "get"), {"status": 200, "content_type": "application/json", "body": "<html>"}) == ""


def test_an_answer_breaking_the_variant_its_discriminator_names_is_the_specs() -> None:
    from conformance_answers import AnswerJudge

    schemas = {
        "Discount": {"type": "object", "properties": {"type": {"type": "string"}},
                     "discriminator": {"propertyName": "type", "mapping": {"fixed": "#/components/schemas/fixed"}}},
        "fixed": {"allOf": [{"$ref": "#/components/schemas/Discount"},
                            {"type": "object", "required": ["amount"], "properties": {"amount": {"type": "number"}}}]},
        "Coupon": {"type": "object", "properties": {"discount": {"$ref": "#/components/schemas/Discount"}}},
    }
    document = {"openapi": "3.0.3", "components": {"schemas": schemas}, "paths": {"/c": {"get": {"responses": {
        "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Coupon"}}}}}}}}}
    judge = AnswerJudge(document)

    def breach(body: object) -> str:
        return judge.breach(("/c", "get"), {"status": 200, "content_type": "application/json", "body": json.dumps(body)})

    assert "discriminator names" in breach({"discount": {"type": "fixed"}}) and "at discount" in breach({"discount": {"type": "fixed"}})
    assert breach({"discount": {"type": "fixed", "amount": 5}}) == ""
    assert breach({"discount": {"type": "percent"}}) == ""  # no mapped variant: nothing to hold it to


def test_prism_s_unknown_methods_and_missing_digest_challenge_are_blocked(tmp_path: Path) -> None:
    import conformance_causes
    from generator.pipeline import generate

    ok = {"200": {"description": "ok"}}
    spec = tmp_path / "methods.json"
    spec.write_text(json.dumps({
        "openapi": "3.2.0", "info": {"title": "Methods", "version": "1"},
        "components": {"securitySchemes": {"digest": {"type": "http", "scheme": "digest"},
                                           "key": {"type": "apiKey", "in": "header", "name": "X-Key"}}},
        "security": [{"key": []}],
        "paths": {"/docs": {"query": {"operationId": "search", "responses": ok},
                            "get": {"operationId": "list", "responses": ok},
                            "additionalOperations": {"COPY": {"operationId": "copy", "responses": ok}}},
                  "/digested": {"get": {"operationId": "digested", "security": [{"digest": []}], "responses": ok}}},
    }), encoding="utf-8")
    result = generate(spec, format_code=False)
    facts = conformance_causes.operation_facts(result.api, result.warnings)
    blocked = conformance_causes.blocked_by
    unrouted = "405 NO_METHOD_MATCHED_ERROR: Route resolved, but no method matched"
    assert blocked(unrouted, facts["search"]).startswith("prism:") and blocked(unrouted, facts["copy"]).startswith("prism:")
    assert blocked(unrouted, facts["list"]) == ""  # Prism routes GET: a 405 there is not its limit
    refused = "401 UNAUTHORIZED: Invalid security scheme used"
    assert blocked(refused, facts["digested"]).startswith("prism:") and blocked(refused, facts["list"]) == ""
