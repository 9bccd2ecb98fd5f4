"""Names a user would guess (#12), through the CLI in subprocesses: the package, client
class and env var from `info.title`, package names that would shadow a module the client
imports, resource and method names from tags, paths and operationIds, and warnings for
renames a user would not guess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _spec(title: str, paths: dict[str, Any] | None = None, schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    ok = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": title, "version": "1.0.0"},
        "servers": [{"url": "http://127.0.0.1:9"}],
        "paths": paths if paths is not None else {"/things": {"get": {"operationId": "listThings", "responses": ok}}},
        "components": {"schemas": schemas or {}},
    }


def _op(operation_id: str, *, tag: str | None = None, summary: str | None = None, params: list[str] = ()) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": operation_id,
        "parameters": [{"name": p, "in": "path", "required": True, "schema": {"type": "string"}} for p in params],
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}},
    }
    if tag:
        op["tags"] = [tag]
    if summary:
        op["summary"] = summary
    return op


def _generate(tmp_path: Path, spec: dict[str, Any], *extra: str, config: str | None = None) -> subprocess.CompletedProcess[str]:
    spec_path = tmp_path / "spec.json"
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    if config is not None:
        (tmp_path / "spec.clientgen.yaml").write_text(config, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "generator", "generate", str(spec_path), "--output",
                           str(tmp_path / "out"), *extra], cwd=ROOT, capture_output=True, text=True)


def _client_source(tmp_path: Path, package: str) -> str:
    return (tmp_path / "out" / package / "_client.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("title, package, client, env", [
    ("GitHub v3 REST API", "github", "GitHub", "GITHUB_API_KEY"),
    ("Stripe API", "stripe", "Stripe", "STRIPE_API_KEY"),
    ("The Jira Cloud platform REST API", "jira_cloud_platform", "JiraCloudPlatform", "JIRA_CLOUD_PLATFORM_API_KEY"),
    ("PagerDuty API v2", "pagerduty", "PagerDuty", "PAGERDUTY_API_KEY"),
])
def test_default_names_from_the_title(tmp_path: Path, title: str, package: str, client: str, env: str) -> None:
    result = _generate(tmp_path, _spec(title))
    assert result.returncode == 0, result.stderr
    source = _client_source(tmp_path, package)
    assert f"class {client}(SyncAPIClient):" in source and f'API_KEY_ENV = "{env}"' in source


def test_a_title_that_would_shadow_the_standard_library_gets_a_suffix_and_imports(tmp_path: Path) -> None:
    result = _generate(tmp_path, _spec("Numbers"))
    assert result.returncode == 0, result.stderr
    assert "#/info/title" in result.stderr and "'numbers'" in result.stderr and "'numbers_client'" in result.stderr
    assert 'API_KEY_ENV = "NUMBERS_API_KEY"' in _client_source(tmp_path, "numbers_client")
    imported = subprocess.run([sys.executable, "-c", "import numbers_client; print(numbers_client.Numbers.__name__)"],
                              cwd=tmp_path / "out", capture_output=True, text=True)
    assert imported.returncode == 0 and imported.stdout.strip() == "Numbers", imported.stderr


def test_strict_makes_the_shadowing_warning_an_error(tmp_path: Path) -> None:
    result = _generate(tmp_path, _spec("httpx"), "--strict")
    assert result.returncode != 0 and "httpx" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["httpx", "pydantic", "typing", "json", "typing_extensions", "anyio"])
def test_package_name_option_that_shadows_a_needed_module_is_refused(tmp_path: Path, name: str) -> None:
    result = _generate(tmp_path, _spec("Pets"), "--package-name", name)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"--package-name {name!r} would shadow" in lines[0]
    assert not (tmp_path / "out").exists()


def test_package_name_in_the_config_that_shadows_a_module_is_refused(tmp_path: Path) -> None:
    result = _generate(tmp_path, _spec("Pets"), config="package_name: json\n")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "spec.clientgen.yaml#/package_name" in lines[0] and "shadow" in lines[0], result.stderr


def test_stripe_style_method_and_path_operation_ids_get_verb_names(tmp_path: Path) -> None:
    item = "/v1/webhook_endpoints/{webhook_endpoint}"
    paths = {
        "/v1/webhook_endpoints": {"get": _op("GetWebhookEndpoints"), "post": _op("PostWebhookEndpoints")},
        item: {"get": _op("GetWebhookEndpointsWebhookEndpoint", params=["webhook_endpoint"]),
               "post": _op("PostWebhookEndpointsWebhookEndpoint", params=["webhook_endpoint"]),
               "delete": _op("DeleteWebhookEndpointsWebhookEndpoint", params=["webhook_endpoint"])},
        "/v1/customers/{customer}/sources/{id}/verify": {"post": _op("PostCustomersCustomerSourcesIdVerify",
                                                                     params=["customer", "id"])},
        "/v1/customers/{customer}/sources/{id}": {"get": _op("GetCustomersCustomerSourcesId", params=["customer", "id"])},
    }
    result = _generate(tmp_path, _spec("Stripe API", paths), "--package-name", "stripe_test")
    assert result.returncode == 0, result.stderr
    resources = tmp_path / "out" / "stripe_test" / "resources"
    endpoints = (resources / "webhook_endpoints.py").read_text(encoding="utf-8")
    for name in ("list", "create", "retrieve", "update", "delete"):
        assert f"    def {name}(" in endpoints
    sources = (resources / "customers_sources.py").read_text(encoding="utf-8")
    assert "    def retrieve(" in sources and "    def verify(" in sources
    assert "    def sources(self)" in (resources / "customers.py").read_text(encoding="utf-8")


def test_tags_lose_versions_and_the_words_every_tag_shares(tmp_path: Path) -> None:
    paths = {
        "/v1/Services": {"get": _op("ListService", tag="MessagingV1Service")},
        "/v1/Services/{Sid}": {"get": _op("FetchService", tag="MessagingV1Service", params=["Sid"])},
        "/v1/a2p/BrandRegistrations": {"get": _op("ListBrandRegistrations", tag="MessagingV1BrandRegistration")},
        "/v1/Deactivations": {"get": _op("FetchDeactivation", tag="MessagingV1Deactivation")},
    }
    result = _generate(tmp_path, _spec("Twilio - Messaging", paths))
    assert result.returncode == 0, result.stderr
    client = _client_source(tmp_path, "twilio_messaging")
    for attribute in ("service", "brand_registration", "deactivation"):
        assert f"    def {attribute}(self)" in client
    service = (tmp_path / "out" / "twilio_messaging" / "resources" / "service.py").read_text(encoding="utf-8")
    assert "    def list(" in service and "    def retrieve(" in service


def test_colliding_names_are_warned_and_resolved_by_operation_id(tmp_path: Path) -> None:
    paths = {
        "/orgs/{org}/repos": {"get": _op("repos/list-for-org", tag="repos", params=["org"])},
        "/user/repos": {"get": _op("repos/list-for-authenticated-user", tag="repos")},
        "/repos/{owner}/{repo}": {"get": _op("repos/get", tag="repos", params=["owner", "repo"])},
    }
    first = _generate(tmp_path, _spec("GitHub", paths))
    assert first.returncode == 0, first.stderr
    repos = (tmp_path / "out" / "github" / "resources" / "repos.py").read_text(encoding="utf-8")
    assert "    def list_for_org(" in repos and "    def list_for_authenticated_user(" in repos
    assert "    def retrieve(" in repos and "    def list(" not in repos
    # One line for both, naming the first (in path order) and the count.
    warning = [line for line in first.stderr.splitlines() if "would share a method name" in line]
    assert len(warning) == 1 and "#/paths/~1orgs~1{org}~1repos/get" in warning[0] and "(2 places" in warning[0]
    again = _generate(tmp_path, _spec("GitHub", paths), "--force")
    assert (tmp_path / "out" / "github" / "resources" / "repos.py").read_text(encoding="utf-8") == repos
    assert again.stderr == first.stderr


def test_a_method_without_summary_is_documented_by_its_request_line(tmp_path: Path) -> None:
    paths = {"/services": {"post": _op("CreateService")}}
    result = _generate(tmp_path, _spec("Pets", paths))
    assert result.returncode == 0, result.stderr
    services = (tmp_path / "out" / "pets" / "resources" / "services.py").read_text(encoding="utf-8")
    assert '"""POST /services"""' in services and '"""CreateService' not in services


def test_schema_and_parameter_renames_are_warned_with_the_pointer(tmp_path: Path) -> None:
    op = _op("getThing", params=["timeout"])
    paths = {"/things/{timeout}": {"get": op}}
    schemas = {"Stream": {"type": "object", "properties": {"a": {"type": "string"}}}}
    result = _generate(tmp_path, _spec("Pets", paths, schemas))
    assert result.returncode == 0, result.stderr
    assert "#/components/schemas/Stream: warning: schema 'Stream' is 'StreamModel' in Python" in result.stderr
    assert "#/paths/~1things~1{timeout}/get/parameters/0: warning: parameter 'timeout' is 'timeout_'" in result.stderr


def test_a_schema_named_like_a_builtin_is_renamed_and_its_references_parse(tmp_path: Path) -> None:
    # Plaid's `Warning`: named before its class is defined, the annotation was read as the
    # builtin exception, and the model could not be built at all.
    schemas = {
        "Report": {"type": "object", "properties": {"warnings": {"type": "array", "items": {"$ref": "#/components/schemas/Warning"}}}},
        "Warning": {"type": "object", "properties": {"code": {"type": "string"}}},
    }
    result = _generate(tmp_path, _spec("Pets", {}, schemas))
    assert result.returncode == 0, result.stderr
    assert "#/components/schemas/Warning: warning: schema 'Warning' is 'WarningModel' in Python" in result.stderr
    script = ("from pets.models import Report, WarningModel\n"
              "r = Report.model_validate({'warnings': [{'code': 'late'}]})\n"
              "assert isinstance(r.warnings[0], WarningModel), r\n"
              "print(r.warnings[0].code)\n")
    ran = subprocess.run([sys.executable, "-c", script], cwd=tmp_path / "out", capture_output=True, text=True)
    assert ran.returncode == 0 and ran.stdout.strip() == "late", ran.stderr


def test_a_tag_the_path_does_not_name_nests_a_method_and_path_operation_id(tmp_path: Path) -> None:
    paths = {
        "/payments/{ref}/refunds": {"post": _op("post-payments-ref-refunds", tag="Modifications", params=["ref"])},
        "/epic/none/issue": {"post": _op("removeIssuesFromEpic", tag="Epic")},
        "/epic/{id}": {"get": _op("getEpic", tag="Epic", params=["id"])},
    }
    result = _generate(tmp_path, _spec("Shop", paths))
    assert result.returncode == 0, result.stderr
    resources = tmp_path / "out" / "shop" / "resources"
    assert "    def create(" in (resources / "modifications_payments_refunds.py").read_text(encoding="utf-8")
    assert "    def payments(self)" in (resources / "modifications.py").read_text(encoding="utf-8")
    # A POST that says it removes is not `create`.
    assert "    def remove_from(" in (resources / "epic_none_issue.py").read_text(encoding="utf-8")
    assert "    def retrieve(" in (resources / "epic.py").read_text(encoding="utf-8")
