"""OAuth2 client credentials, idempotency keys across retries, and servers, live.

Against the recording Vault server of tests/auth/conftest.py on 127.0.0.1.
"""

from __future__ import annotations

import base64
import subprocess
import sys
import uuid
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs

import pytest

from tests.auth.conftest import PACKAGE, Vault
from tests.importing import folder_of

CLIENT_SECRET = "cs-SECRET-77aa"


def cc_client(module: ModuleType, vault: Vault, *, is_async: bool = False, **options: Any) -> Any:
    kind = module.AsyncVault if is_async else module.Vault
    return kind(server_variables={"host": vault.host}, client_id="app id", client_secret=CLIENT_SECRET,
                max_retries=0, **options)


def test_the_token_is_fetched_once_and_sent(vault_client: ModuleType, vault: Vault) -> None:
    with cc_client(vault_client, vault) as client:
        client.auth.get_me()
        client.auth.get_me()
    (token_request,) = vault.requests_to("/v1/oauth/token")  # tokenUrl `oauth/token` is relative to the server
    assert token_request.method == "POST"
    expected = base64.b64encode(f"app%20id:{CLIENT_SECRET}".encode()).decode()  # RFC 6749 2.3.1: form-encoded
    assert token_request.headers["authorization"] == f"Basic {expected}"
    assert token_request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert parse_qs(token_request.body.decode()) == {"grant_type": ["client_credentials"]}
    assert [s.headers["authorization"] for s in vault.requests_to("/v1/me")] == ["Bearer t1", "Bearer t1"]


def test_a_token_near_its_expiry_is_fetched_anew(vault_client: ModuleType, vault: Vault) -> None:
    vault.expires_in = 20  # inside the 30 s refresh margin: stale as soon as it arrives
    with cc_client(vault_client, vault) as client:
        client.auth.get_me()
        client.auth.get_me()
    assert len(vault.requests_to("/v1/oauth/token")) == 2
    assert [s.headers["authorization"] for s in vault.requests_to("/v1/me")] == ["Bearer t1", "Bearer t2"]


def test_a_401_to_a_cached_token_refreshes_it_and_retries_once(vault_client: ModuleType, vault: Vault) -> None:
    with cc_client(vault_client, vault) as client:
        client.auth.get_me()
        vault.revoked.add("t1")
        assert client.auth.get_me().ok is True
        assert [s.headers["authorization"] for s in vault.requests_to("/v1/me")] == [
            "Bearer t1", "Bearer t1", "Bearer t2"]
        vault.revoked.add("t2")
        vault.revoked.add("t3")  # the fresh token is refused too: no loop, the 401 is raised
        with pytest.raises(vault_client.AuthenticationError):
            client.auth.get_me()
    assert len(vault.requests_to("/v1/oauth/token")) == 3


@pytest.mark.anyio
async def test_the_async_client_runs_the_same_flow(vault_client: ModuleType, vault: Vault) -> None:
    async with cc_client(vault_client, vault, is_async=True) as client:
        await client.auth.get_me()
        vault.revoked.add("t1")
        await client.auth.get_me()
    assert [s.headers["authorization"] for s in vault.requests_to("/v1/me")] == [
        "Bearer t1", "Bearer t1", "Bearer t2"]


def test_a_refused_client_is_one_clear_error_without_the_secret(vault_client: ModuleType, vault: Vault) -> None:
    vault.token_status = 401
    with cc_client(vault_client, vault) as client:
        with pytest.raises(vault_client.AuthenticationError) as info:
            client.auth.get_me()
    assert "invalid_client" in str(info.value) and CLIENT_SECRET not in str(info.value)
    assert not vault.requests_to("/v1/me")


def test_a_token_given_directly_needs_no_token_request(vault_client: ModuleType, vault: Vault) -> None:
    with vault_client.Vault(server_variables={"host": vault.host}, oauth="given-token") as client:
        client.auth.get_me()
    assert vault.seen[-1].headers["authorization"] == "Bearer given-token"
    assert not vault.requests_to("/v1/oauth/token")


def test_half_a_client_credential_pair_is_refused(vault_client: ModuleType) -> None:
    with pytest.raises(ValueError, match=r"client_id is given without client_secret: pass client_secret="):
        vault_client.Vault(client_id="app")


def test_retries_of_a_post_send_the_same_idempotency_key(vault_client: ModuleType, vault: Vault) -> None:
    vault.fail_next_orders = 2
    with vault_client.Vault(base_url=f"http://{vault.host}/v1", max_retries=2) as client:
        client.orders.create(item="book")
        first, second, third = vault.requests_to("/v1/orders")
        key = first.headers["idempotency-key"]
        assert uuid.UUID(key).version == 4
        assert second.headers["idempotency-key"] == third.headers["idempotency-key"] == key
        client.orders.create(item="book")
        assert vault.seen[-1].headers["idempotency-key"] != key  # a new call, a new key
        client.orders.create(item="book", idempotency_key="mine-1")
        assert vault.seen[-1].headers["idempotency-key"] == "mine-1"  # the caller's key wins


def test_servers_are_chosen_by_index_or_name_with_checked_variables(vault_client: ModuleType,
                                                                    vault: Vault) -> None:
    with vault_client.Vault(server_variables={"host": vault.host}) as client:
        assert str(client.base_url) == f"http://{vault.host}/v1/"
        client.auth.get_public()
    assert vault.seen[-1].target == "/v1/public"
    assert str(vault_client.Vault(server="eu").base_url) == "https://eu.vault.example/v1/"
    assert str(vault_client.Vault(server=2).base_url) == "https://us.vault.example/v1/"
    assert str(vault_client.Vault(server="regional", server_variables={"region": "eu"}).base_url) == (
        "https://eu.vault.example/v1/")
    with pytest.raises(ValueError, match=r"server_variables\['region'\] = 'ap' is not one of 'us', 'eu'"):
        vault_client.Vault(server="regional", server_variables={"region": "ap"})
    with pytest.raises(ValueError, match=r"server=3 is out of range: the API has 3 server\(s\), 0 to 2"):
        vault_client.Vault(server=3)
    with pytest.raises(ValueError, match=r"server='mars' is not one of the API's servers: 'local', 'eu'"):
        vault_client.Vault(server="mars")
    with pytest.raises(ValueError, match=r"names 'region', which the server 'http://\{host\}/v1' does not have"):
        vault_client.Vault(server_variables={"region": "eu"})


def test_a_variable_cannot_move_the_request_to_another_host(vault_client: ModuleType) -> None:
    client = vault_client.Vault(server_variables={"host": "evil.example/x?#@y"})
    assert client.base_url.path == "/v1/" and not client.base_url.query and not client.base_url.userinfo
    assert client.base_url.host == "evil.example%2fx%3f%23%40y"  # one (unresolvable) host name


def test_an_operation_with_its_own_servers_goes_there(vault_client: ModuleType, vault: Vault) -> None:
    with vault_client.Vault(server_variables={"host": vault.host}) as client:
        client.orders.upload()
    assert vault.seen[-1].target == "/files/upload"  # the path item's server, its `host` filled in
    with vault_client.Vault(base_url=f"http://{vault.host}/v1") as client:
        client.orders.upload()  # an explicit base_url (a proxy, a mock) holds for every operation
    assert vault.seen[-1].target == "/v1/upload"


def test_the_vault_client_passes_mypy_strict(vault_client: ModuleType) -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", PACKAGE],
                            cwd=folder_of(vault_client), capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_readme_tables_every_credential_and_server(vault_client: ModuleType) -> None:
    readme = (folder_of(vault_client) / "README.md").read_text(encoding="utf-8")
    auth = readme[readme.index("## Authentication"):readme.index("## Servers")]
    for argument, how in [
        ("bearer_auth", "sent as `Authorization: Bearer <bearer_auth>`"),
        ("api_key_cookie", "sent as the `session` cookie"),
        ("api_key_query", "sent as the `key` query parameter"),
        ("client_secret", "OAuth2 client credentials flow"),
    ]:
        row = next(line for line in auth.splitlines() if line.startswith(f"| `{argument}` |"))
        assert f"_{argument.upper()}` |" in row and how in row, row
    servers = readme[readme.index("## Servers"):readme.index("## Errors")]
    assert '| `server=2`, `server="regional"` | `https://{region}.vault.example/v1` | `region`: `us` (default), `eu` |' in servers
