"""OAuth 2.0 client credentials: the token fetched, cached, refreshed, retried once on 401."""

from __future__ import annotations

import base64
import time
from dataclasses import dataclass
from typing import AsyncGenerator, Generator, Optional, Sequence
from urllib.parse import quote

import httpx

from ._auth import Credential, Sent, _flaw, _given, check_credential

__all__ = ["ClientCredentials", "client_credentials_flow"]


@dataclass
class _Token:
    value: str
    expires_at: Optional[float]  # time.monotonic(); None: until the server refuses it

    def fresh(self, margin: float) -> bool:
        return self.expires_at is None or time.monotonic() < self.expires_at - margin


class ClientCredentials(Credential, httpx.Auth):
    """OAuth 2.0 client credentials (RFC 6749 section 4.4) as an httpx auth flow.

    The token is fetched from ``token_url`` on first use, kept until shortly before it
    expires, and fetched anew once when the API answers 401 to it. The client
    authenticates with HTTP basic (section 2.3.1, which every server must accept). No
    ``scope`` is asked for, so the server grants the client's default scopes
    (section 3.3), unless ``scopes`` are given.
    """

    # Refresh this many seconds before `expires_in` runs out, so no request carries a
    # token that expires on the way.
    refresh_margin = 30.0

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        scopes: Sequence[str] = (),
        what: str = "the client id",
    ) -> None:
        check_credential(client_id, what, in_header=False)
        check_credential(client_secret, "the client secret", in_header=False)
        pair = f"{quote(client_id, safe='')}:{quote(client_secret, safe='')}"
        self._basic = "Basic " + base64.b64encode(pair.encode()).decode()
        self._token_url = token_url
        self._scopes = " ".join(scopes)
        self._token: Optional[_Token] = None

    def sent(self) -> Sent:
        return Sent(flow=self)

    def _token_request(self) -> httpx.Request:
        form = {"grant_type": "client_credentials"}
        if self._scopes:
            form["scope"] = self._scopes
        return httpx.Request(
            "POST",
            self._token_url,
            data=form,
            headers={"Authorization": self._basic, "Accept": "application/json"},
        )

    def _keep(self, response: httpx.Response) -> str:
        if not response.is_success:
            from ._exceptions import make_status_error

            raise make_status_error(response, None)
        try:
            answer = response.json()
            token = answer["access_token"]
            expires_in = answer.get("expires_in")
        except (ValueError, KeyError, TypeError, AttributeError):
            raise ValueError(
                f"the token endpoint {self._token_url} answered without an access_token"
            ) from None
        if not isinstance(token, str) or _flaw(token, in_header=True) is not None:
            raise ValueError(f"the token endpoint {self._token_url} answered an unusable token")
        expires = float(expires_in) if isinstance(expires_in, (int, float)) else None
        self._token = _Token(token, None if expires is None else time.monotonic() + expires)
        return token

    def _cached(self) -> Optional[str]:
        token = self._token
        return token.value if token is not None and token.fresh(self.refresh_margin) else None

    # Twins: the sync flow reads the token answer with read(), the async one with aread().
    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        token, cached = self._cached(), True
        if token is None:
            answer = yield self._token_request()
            answer.read()
            token, cached = self._keep(answer), False
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401 and cached:
            answer = yield self._token_request()
            answer.read()
            request.headers["Authorization"] = f"Bearer {self._keep(answer)}"
            yield request

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token, cached = self._cached(), True
        if token is None:
            answer = yield self._token_request()
            await answer.aread()
            token, cached = self._keep(answer), False
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401 and cached:
            answer = yield self._token_request()
            await answer.aread()
            request.headers["Authorization"] = f"Bearer {self._keep(answer)}"
            yield request


def client_credentials_flow(
    token_url: str,
    base_url: str,
    client_id: Optional[str],
    id_argument: str,
    id_env: str,
    client_secret: Optional[str],
    secret_argument: str,
    secret_env: str,
) -> Optional[Credential]:
    found_id = _given(client_id, id_argument, id_env)
    found_secret = _given(client_secret, secret_argument, secret_env)
    if found_id is None and found_secret is None:
        return None
    if found_id is None or found_secret is None:
        given, wanted = (
            (id_argument, (secret_argument, secret_env))
            if found_id
            else (secret_argument, (id_argument, id_env))
        )
        raise ValueError(
            f"{given} is given without {wanted[0]}: pass {wanted[0]}=... or set the "
            f"{wanted[1]} environment variable"
        )
    # A relative tokenUrl is relative to the API's URL.
    url = str(httpx.URL(base_url.rstrip("/") + "/").join(token_url))
    return ClientCredentials(
        url, found_id[0], found_secret[0], what=f"the client id ({found_id[1]})"
    )
