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
from dataclasses import dataclass, field
from typing import Dict, Mapping, Optional, Sequence, Tuple

import httpx

__all__ = [
    "ApiKey",
    "BasicAuth",
    "BearerToken",
    "Credential",
    "DigestAuth",
    "Requirement",
    "Security",
    "Sent",
    "api_key_credential",
    "bearer_credential",
    "check_credential",
    "check_headers",
    "password_credential",
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


_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # RFC 9110 token


def check_headers(headers: Mapping[str, str], what: str) -> Dict[str, str]:
    for name, value in headers.items():
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            raise ValueError(f"{what}: {name!r} is not a valid header name (letters, digits and -)")
        if not isinstance(value, str):
            raise TypeError(f"{what}[{name!r}] must be a str, not {type(value).__name__}")
        flaw = _flaw(value, in_header=True)
        if flaw is not None:
            raise ValueError(
                f"{what}[{name!r}] contains {flaw} (the value is not shown: it may be a secret)"
            )
    return dict(headers)


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
        headers = check_headers(headers, "the credentials")
        query = {
            k: check_credential(v, f"the credential for the query parameter {k!r}", in_header=False)
            for k, v in query.items()
        }

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


class DigestAuth(Credential):
    """HTTP digest (RFC 7616): httpx answers the server's challenge."""

    def __init__(self, username: str, password: str, what: str) -> None:
        check_credential(username, what, in_header=False)
        check_credential(password, "the password", in_header=False)
        self._flow = httpx.DigestAuth(username, password)

    def sent(self) -> Sent:
        return Sent(flow=self._flow)


def password_credential(
    scheme: str,
    username: Optional[str],
    user_argument: str,
    user_env: str,
    password: Optional[str],
    password_argument: str,
    password_env: str,
    what: str,
) -> Optional[Credential]:
    """HTTP `basic` or `digest` auth from a user name (the password may be left out: some
    APIs take a key as the user name)."""
    user = _given(username, user_argument, user_env)
    if user is None:
        return None
    secret = _given(password, password_argument, password_env)
    make = DigestAuth if scheme == "digest" else BasicAuth
    return make(user[0], "" if secret is None else secret[0], f"{what} ({user[1]})")
