"""Every security scheme, per-operation requirements, and OAuth2 client credentials, live.

The generated Vault client talks to a real server on 127.0.0.1 (tests/auth/conftest.py),
which records the exact headers and query each request carried.
"""

from __future__ import annotations

import importlib
import logging
import subprocess
import sys
from types import ModuleType
from typing import Any

import pytest

from tests.auth.conftest import PACKAGE, Vault, basic
from tests.importing import folder_of

SECRET = "sk-vault-SECRET-4c1d"


def _constants() -> ModuleType:
    """The generated `_client` module: its environment variable constants."""
    return importlib.import_module(f"{PACKAGE}._client")


def make(module: ModuleType, vault: Vault, **credentials: Any) -> Any:
    return module.Vault(base_url=f"http://{vault.host}/v1", max_retries=0, **credentials)


def test_the_default_requirement_sends_the_bearer_token(vault_client: ModuleType, vault: Vault) -> None:
    with make(vault_client, vault, bearer_auth=SECRET) as client:
        assert client.auth.get_me().ok is True
    assert vault.seen[-1].headers["authorization"] == f"Bearer {SECRET}"


def test_an_operation_with_empty_security_sends_no_credentials(vault_client: ModuleType, vault: Vault) -> None:
    with make(vault_client, vault, bearer_auth=SECRET, api_key_header=SECRET) as client:
        client.auth.get_public()
    headers = vault.seen[-1].headers
    assert "authorization" not in headers and "x-api-key" not in headers


def test_each_operation_sends_the_scheme_it_names(vault_client: ModuleType, vault: Vault) -> None:
    with make(vault_client, vault, bearer_auth="b", basic_auth_username="ann", basic_auth_password="pw",
              api_key_header="h-key", api_key_query="q key", api_key_cookie="c-key", oidc="id-token",
              partner_id="p-id", partner_secret="p-secret") as client:
        client.auth.get_basic()
        assert vault.seen[-1].headers["authorization"] == basic("ann", "pw")
        client.auth.get_header()
        assert vault.seen[-1].headers["x-api-key"] == "h-key"
        assert "authorization" not in vault.seen[-1].headers  # only what this operation asks for
        client.auth.get_query(q="x")
        assert vault.seen[-1].target == "/v1/query?q=x&key=q%20key"
        client.auth.get_cookie()
        assert vault.seen[-1].headers["cookie"] == "session=c-key"
        client.auth.get_oidc()
        assert vault.seen[-1].headers["authorization"] == "Bearer id-token"
        client.auth.get_partner()  # two API keys ANDed in one requirement: both are sent
        assert (vault.seen[-1].headers["x-partner-id"], vault.seen[-1].headers["x-partner-secret"]) == (
            "p-id", "p-secret")


def test_alternatives_send_the_first_one_given(vault_client: ModuleType, vault: Vault) -> None:
    with make(vault_client, vault, basic_auth_username="ann") as client:
        client.auth.get_either()  # [{apiKeyHeader}, {basicAuth}]: only basic is given
    assert vault.seen[-1].headers["authorization"] == basic("ann", "")
    with make(vault_client, vault, basic_auth_username="ann", api_key_header="h-key") as client:
        client.auth.get_either()
    assert vault.seen[-1].headers["x-api-key"] == "h-key" and "authorization" not in vault.seen[-1].headers


def test_a_missing_credential_is_named_before_anything_is_sent(vault_client: ModuleType, vault: Vault) -> None:
    with make(vault_client, vault) as client:  # fine: some operations need nothing
        client.auth.get_public()
        count = len(vault.seen)
        with pytest.raises(ValueError) as info:
            client.auth.get_partner()
    assert len(vault.seen) == count
    message = str(info.value)
    assert message.startswith("GET /partner needs credentials: pass partner_id=")
    assert _constants().PARTNER_SECRET_ENV in message and ", and partner_secret=..." in message


def test_credentials_come_from_the_environment(vault_client: ModuleType, vault: Vault,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_constants().PARTNER_ID_ENV, "env-id")
    monkeypatch.setenv(_constants().PARTNER_SECRET_ENV, "env-secret")
    with make(vault_client, vault) as client:
        client.auth.get_partner()
    assert vault.seen[-1].headers["x-partner-id"] == "env-id"


def test_digest_answers_the_servers_challenge(vault_client: ModuleType, vault: Vault) -> None:
    with make(vault_client, vault, digest_auth_username="ann", digest_auth_password="pw") as client:
        assert client.auth.get_digest().ok is True
    first, second = vault.requests_to("/v1/digest")
    assert "authorization" not in first.headers
    assert second.headers["authorization"].startswith('Digest username="ann", realm="vault"')


def test_mutual_tls_asks_nothing_of_the_client(vault_client: ModuleType, vault: Vault) -> None:
    with make(vault_client, vault) as client:  # the certificate goes in the caller's http_client
        assert client.auth.get_tls().ok is True


def test_secrets_are_never_shown(vault_client: ModuleType, vault: Vault, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger=PACKAGE)
    with make(vault_client, vault, bearer_auth=SECRET, api_key_query=SECRET, api_key_header=SECRET,
              api_key_cookie=SECRET) as client:
        client.auth.get_me()
        client.auth.get_query()
        client.auth.get_header()
        client.auth.get_cookie()
        assert SECRET not in repr(client) and SECRET not in repr(client._security)
    assert "HTTP GET" in caplog.text and SECRET not in caplog.text
    with pytest.raises(ValueError) as info:
        make(vault_client, vault, bearer_auth=SECRET + "\n")
    assert SECRET not in str(info.value) and "the bearer_auth token (bearer_auth=...)" in str(info.value)


def test_the_log_switch_prints_masked_lines_on_stderr(vault_client: ModuleType, vault: Vault) -> None:
    script = (f"import {PACKAGE} as v\n"
              f"c = v.Vault(base_url='http://{vault.host}/v1', bearer_auth={SECRET!r}, api_key_query={SECRET!r})\n"
              "c.auth.get_me(); c.auth.get_query()\n")
    env = {"PATH": "/usr/bin:/bin", _constants().LOG_ENV: "debug"}
    result = subprocess.run([sys.executable, "-c", script], cwd=folder_of(vault_client), env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"HTTP GET http://{vault.host}/v1/me (attempt 1)" in result.stderr
    assert "'authorization': '***'" in result.stderr and "key=%2A%2A%2A" in result.stderr
    assert SECRET not in result.stderr
    quiet = subprocess.run([sys.executable, "-c", script], cwd=folder_of(vault_client), env={"PATH": "/usr/bin:/bin"},
                           capture_output=True, text=True, timeout=60)
    assert quiet.returncode == 0 and quiet.stderr == ""
