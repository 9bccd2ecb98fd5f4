"""Credentials, and which of them each request sends.

An OpenAPI security requirement is a list of alternatives; each alternative names
schemes that are sent together (Plaid: client id AND secret). ``Security`` holds the
credentials the caller gave, one per scheme, and answers for each operation's
requirement what goes on the wire: the first alternative whose schemes all have a
credential. ``()`` is the empty alternative (``{}`` in the spec): no credentials.

Secrets are checked once, at construction, and never shown: not by repr(), not in
an exception, not in a log line.
"""

from __future__ import annotations

import base64
import os
import re
import time
from dataclasses import dataclass, field
from typing import AsyncGenerator, Dict, Generator, Mapping, Optional, Sequence, Tuple
from urllib.parse import quote

import httpx

__all__ = [
    "ApiKey",
    "BasicAuth",
    "BearerToken",
    "ClientCredentials",
    "Credential",
    "DigestAuth",
    "Requirement",
    "Security",
    "Sent",
    "api_key_credential",
    "basic_credential",
    "bearer_credential",
    "check_credential",
    "client_credentials_flow",
    "digest_credential",
]

# Alternatives, each the names of the schemes sent together.
Requirement = Tuple[Tuple[str, ...], ...]

# Headers a log line never shows, whoever set them (default_headers, an auth flow).
_ALWAYS_SECRET = frozenset({"authorization", "proxy-authorization", "cookie", "x-api-key"})

# What an HTTP header can carry as text (httpx encodes str values as ASCII): tab and printable ASCII.
_HEADER_TEXT = re.compile(r"[\t\x20-\x7e]*")


def _flaw(value: str, *, in_header: bool) -> Optional[str]:
    """What is wrong with a header value or credential, described without showing it."""
    if "\r" in value or "\n" in value:
        return "a line break (CR or LF)"
    if any(ord(c) < 0x20 and c != "\t" or ord(c) == 0x7F for c in value):
        return "a control character"
    if in_header and not _HEADER_TEXT.fullmatch(value):
        return "a non-ASCII character, which an HTTP header cannot carry"
    return None


def check_credential(value: str, what: str, *, in_header: bool = True) -> str:
    """``value`` if it can be sent as is; else ValueError naming ``what``, never the value.

    Refused here, at construction, because httpx would refuse it only on the first request,
    with an error text that quotes the whole header (``Bearer <key>``), after retries.
    """
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    flaw = _flaw(value, in_header=in_header)
    if flaw is not None:
        hint = "; one read from a file often ends in a newline: strip it" if "line" in flaw else ""
        raise ValueError(f"{what} contains {flaw}{hint} (the value is not shown: it is a secret)")
    return value


@dataclass(frozen=True)
class Sent:
    """What one satisfied requirement adds to a request."""

    headers: Mapping[str, str] = field(default_factory=dict)
    query: Mapping[str, str] = field(default_factory=dict)
    cookie: Optional[str] = None  # `name=value; ...`
    flow: Optional[httpx.Auth] = None  # credentials that need I/O (a token to fetch)

    def __repr__(self) -> str:
        return f"Sent(headers={sorted(self.headers)}, query={sorted(self.query)})"


class Credential:
    """One scheme's secret, as it goes on the wire."""

    def sent(self) -> Sent:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: hidden>"


class ApiKey(Credential):
    def __init__(self, name: str, location: str, value: str, what: str) -> None:
        check_credential(value, what, in_header=location != "query")
        self._name, self._location, self._value = name, location, value

    def sent(self) -> Sent:
        if self._location == "query":
            return Sent(query={self._name: self._value})
        if self._location == "cookie":
            return Sent(cookie=f"{self._name}={self._value}")
        return Sent(headers={self._name: self._value})


class BearerToken(Credential):
    """`Authorization: Bearer <token>`, or another HTTP scheme's word (`Token <token>`)."""

    def __init__(self, token: str, what: str, scheme: str = "Bearer") -> None:
        self._value = f"{scheme} {check_credential(token, what)}"

    def sent(self) -> Sent:
        return Sent(headers={"Authorization": self._value})


class BasicAuth(Credential):
    def __init__(self, username: str, password: str, what: str = "the user name") -> None:
        check_credential(username, what, in_header=False)
        check_credential(password, "the password", in_header=False)
        if ":" in username:
            raise ValueError(f"{what} contains ':', which HTTP basic auth cannot carry")
        token = base64.b64encode(f"{username}:{password}".encode()).decode()
        self._value = f"Basic {token}"

    def sent(self) -> Sent:
        return Sent(headers={"Authorization": self._value})


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


class Security:
    """The credentials given, per scheme, and what each requirement sends.

    ``how`` says, per scheme, what its credential is called and how a caller gives it
    (``("API key", "api_key=... or set the SHOP_API_KEY environment variable")``):
    error messages name that, never a value. ``required``: a requirement that must be
    met at construction (every operation has it), so a missing key fails there.
    """

    def __init__(
        self,
        credentials: Mapping[str, Optional[Credential]],
        default: Requirement = ((),),
        how: Optional[Mapping[str, Tuple[str, str]]] = None,
        required: Optional[Requirement] = None,
    ) -> None:
        self._credentials = {k: v for k, v in credentials.items() if v is not None}
        self.default = default
        self._how = dict(how or {})
        self._sent: Dict[Requirement, Sent] = {}
        if required is not None:
            missing = self.missing(required)
            if missing is not None:
                only = required[0] if len(required) == 1 and len(required[0]) == 1 else None
                noun = self._how[only[0]][0] if only and only[0] in self._how else "credentials"
                raise ValueError(f"no {noun}: pass {missing}")

    @classmethod
    def static(cls, headers: Mapping[str, str], query: Mapping[str, str]) -> Security:
        """Credentials sent with every request (a hand-written subclass's `auth_headers`)."""

        class _Static(Credential):
            def sent(self) -> Sent:
                return Sent(headers=dict(headers), query=dict(query))

        return cls({"": _Static()}, default=(("",),))

    def __repr__(self) -> str:
        return f"<Security schemes={sorted(self._credentials)}>"

    @property
    def query_names(self) -> Tuple[str, ...]:
        """Query parameters that carry a secret: masked in logs."""
        return tuple(sorted({n for c in self._credentials.values() for n in c.sent().query}))

    def masked(self, headers: Mapping[str, str]) -> Dict[str, str]:
        """``headers`` for a log line: every one that may carry a secret shown as ***."""
        secret = {n.lower() for c in self._credentials.values() for n in c.sent().headers}
        secret |= _ALWAYS_SECRET
        return {k: "***" if k.lower() in secret else v for k, v in headers.items()}

    def missing(self, requirement: Requirement) -> Optional[str]:
        """None if ``requirement`` can be met; else what the caller could pass."""
        if any(all(name in self._credentials for name in alt) for alt in requirement):
            return None
        ways = [
            ", and ".join(self._how[name][1] if name in self._how else name for name in alt)
            for alt in requirement
        ]
        return "; or ".join(dict.fromkeys(ways))

    def sent(self, requirement: Optional[Requirement], operation: str) -> Sent:
        """What a request with ``requirement`` (None: the API's default) carries."""
        wanted = self.default if requirement is None else requirement
        found = self._sent.get(wanted)
        if found is None:
            found = self._sent[wanted] = self._choose(wanted, operation)
        return found

    def _choose(self, requirement: Requirement, operation: str) -> Sent:
        for alternative in requirement:
            if all(name in self._credentials for name in alternative):
                return _merge([self._credentials[name].sent() for name in alternative])
        raise ValueError(f"{operation} needs credentials: pass {self.missing(requirement)}")


def _merge(parts: Sequence[Sent]) -> Sent:
    headers: Dict[str, str] = {}
    query: Dict[str, str] = {}
    cookies = []
    flow = None
    for part in parts:
        headers.update(part.headers)
        query.update(part.query)
        if part.cookie:
            cookies.append(part.cookie)
        flow = part.flow or flow
    return Sent(headers, query, "; ".join(cookies) or None, flow)


# The constructor's building blocks: each takes an argument (None: not given), its name and
# its environment variable, and gives a Credential, or None when neither is set.


def _given(value: Optional[str], argument: str, env: str) -> Optional[Tuple[str, str]]:
    """(the value, where it came from) from the argument, else the environment."""
    if value is None:
        value, where = os.environ.get(env), env
    else:
        where = f"{argument}=..."
    return (value, where) if value else None


def bearer_credential(
    token: Optional[str], argument: str, env: str, what: str, word: str = "Bearer"
) -> Optional[Credential]:
    found = _given(token, argument, env)
    return None if found is None else BearerToken(found[0], f"{what} ({found[1]})", word)


def api_key_credential(
    value: Optional[str], argument: str, env: str, what: str, name: str, location: str
) -> Optional[Credential]:
    found = _given(value, argument, env)
    return None if found is None else ApiKey(name, location, found[0], f"{what} ({found[1]})")


def basic_credential(
    username: Optional[str],
    user_argument: str,
    user_env: str,
    password: Optional[str],
    password_argument: str,
    password_env: str,
    what: str,
) -> Optional[Credential]:
    user = _given(username, user_argument, user_env)
    if user is None:
        return None
    secret = _given(password, password_argument, password_env)
    return BasicAuth(user[0], "" if secret is None else secret[0], f"{what} ({user[1]})")


class DigestAuth(Credential):
    """HTTP digest (RFC 7616): httpx answers the server's challenge."""

    def __init__(self, username: str, password: str, what: str) -> None:
        check_credential(username, what, in_header=False)
        check_credential(password, "the password", in_header=False)
        self._flow = httpx.DigestAuth(username, password)

    def sent(self) -> Sent:
        return Sent(flow=self._flow)


def digest_credential(
    username: Optional[str],
    user_argument: str,
    user_env: str,
    password: Optional[str],
    password_argument: str,
    password_env: str,
    what: str,
) -> Optional[Credential]:
    user = _given(username, user_argument, user_env)
    if user is None:
        return None
    secret = _given(password, password_argument, password_env)
    return DigestAuth(user[0], "" if secret is None else secret[0], f"{what} ({user[1]})")


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
        given, wanted = (id_argument, (secret_argument, secret_env)) if found_id else (
            secret_argument, (id_argument, id_env))
        raise ValueError(
            f"{given} is given without {wanted[0]}: pass {wanted[0]}=... or set the "
            f"{wanted[1]} environment variable"
        )
    # A relative tokenUrl is relative to the API's URL.
    url = str(httpx.URL(base_url.rstrip("/") + "/").join(token_url))
    return ClientCredentials(url, found_id[0], found_secret[0], what=f"the client id ({found_id[1]})")
