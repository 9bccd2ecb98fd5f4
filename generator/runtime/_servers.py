"""The spec's servers: chosen by index or name, their variables filled in and checked.

A server URL may hold `{variables}`, each with a default and perhaps an `enum` of the
values it may take. ``resolve`` fills them from the caller's values, else the defaults,
and refuses a value the enum does not list, before any request is sent.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Mapping, Optional, Sequence, Tuple, Union
from urllib.parse import quote

import httpx

__all__ = ["Server", "ServerChoice", "Variable", "pick_base_url", "resolve"]

_VARIABLE = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class Variable:
    name: str
    default: str
    enum: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Server:
    url: str
    name: Optional[str] = None
    variables: Tuple[Variable, ...] = ()


def _choose(servers: Sequence[Server], choice: Union[int, str, None]) -> Server:
    if choice is None:
        return servers[0]
    if isinstance(choice, bool) or not isinstance(choice, (int, str)):
        raise TypeError(f"server must be an index or a name, not {type(choice).__name__}")
    if isinstance(choice, int):
        if not 0 <= choice < len(servers):
            raise ValueError(
                f"server={choice} is out of range: the API has {len(servers)} server(s), "
                f"0 to {len(servers) - 1}"
            )
        return servers[choice]
    for server in servers:
        if choice in (server.name, server.url):
            return server
    names = ", ".join(repr(s.name or s.url) for s in servers)
    raise ValueError(f"server={choice!r} is not one of the API's servers: {names}")


def _path_start(url: str) -> int:
    """Where the path of a server URL (perhaps with variables) starts."""
    authority = url.find("//")
    if authority < 0:
        return 0  # a relative URL: it is all path
    slash = url.find("/", authority + 2)
    return len(url) if slash < 0 else slash


def resolve(
    servers: Sequence[Server],
    choice: Union[int, str, None] = None,
    values: Optional[Mapping[str, str]] = None,
    *,
    strict: bool = True,
) -> str:
    """The chosen server's URL with its variables filled in.

    ``strict``: a value for a variable this server does not have is an error (the
    caller's choice); operation-level servers pass False, as the caller's values were
    given for the API's servers and only the ones that apply are used.
    """
    server = _choose(servers, choice)
    given = dict(values or {})
    known = {v.name: v for v in server.variables}
    unknown = sorted(set(given) - set(known))
    if unknown and strict:
        hint = f"it has {', '.join(sorted(known))}" if known else "it has none"
        raise ValueError(
            f"server_variables names {', '.join(map(repr, unknown))}, which the server "
            f"{server.url!r} does not have ({hint})"
        )
    path_from = _path_start(server.url)
    filled = {}
    for name, variable in known.items():
        value = given.get(name, variable.default)
        if not isinstance(value, str):
            raise TypeError(f"server_variables[{name!r}] must be a str, not {type(value).__name__}")
        if variable.enum and value not in variable.enum:
            allowed = ", ".join(map(repr, variable.enum))
            raise ValueError(f"server_variables[{name!r}] = {value!r} is not one of {allowed}")
        # A value fills its part of the URL and no other: in the host it cannot start a
        # path or a user name, and nowhere a query or a fragment (a port stays a port).
        in_path = server.url.find("{" + name + "}") >= path_from
        filled[name] = quote(value, safe="-._~/:@" if in_path else "-._~:[]")

    return _VARIABLE.sub(lambda m: filled.get(m.group(1), m.group(0)), server.url)


@dataclass(frozen=True)
class ServerChoice:
    """The caller's choice, kept for operations that declare servers of their own."""

    name: Optional[str] = None  # the API server chosen (by index or name), if it has a name
    values: Tuple[Tuple[str, str], ...] = ()  # server_variables
    # The caller set base_url (argument or environment): it holds for every operation.
    fixed: bool = False

    def base_url(self, servers: Sequence[Server]) -> str:
        """An operation's server: the one named like the API's chosen server, else its first."""
        named = next((s for s in servers if self.name and s.name == self.name), servers[0])
        return resolve([named], None, dict(self.values), strict=False)


def pick_base_url(
    base_url: Union[str, httpx.URL, None],
    env: str,
    servers: Sequence[Server],
    server: Union[int, str, None],
    values: Optional[Mapping[str, str]],
    default: str,
) -> Tuple[str, ServerChoice]:
    """The client's base URL: `base_url`, else `server`/`server_variables`, else the
    environment variable, else the default (the first server, or the config's URL)."""
    if base_url:
        return str(base_url), ServerChoice(fixed=True)
    if server is None and values is None:
        from_env = os.environ.get(env)
        if from_env:
            return from_env, ServerChoice(fixed=True)
        return default, ServerChoice(name=servers[0].name if servers else None)
    if not servers:
        raise ValueError("server= and server_variables= need servers, and the API declares none")
    chosen = _choose(servers, server)
    url = resolve(servers, server, values)
    return url, ServerChoice(chosen.name, tuple(sorted((values or {}).items())))
