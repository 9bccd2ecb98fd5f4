"""Security schemes and servers -> the Python expressions the client templates lay out.

Every piece of spec text here (scheme names, header names, URLs) reaches the template
as a string literal made by `literals.string`, never as code.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from generator.emit.views.literals import docstring_body, string
from generator.ir import Api, CredentialArgument, Operation, Requirement, SecurityScheme, Server

# What a credential is called in messages, by its role and scheme kind.
_WHAT = {"username": "the user name", "password": "the password", "client_id": "the client id",
         "client_secret": "the client secret"}


@dataclass(frozen=True)
class ArgumentView:
    """One credential argument of the client constructor."""

    argument: str  # "api_key"
    constant: str  # "API_KEY_ENV": the module constant holding its environment variable
    env: str  # "DIFY_API_KEY"
    what: str  # "the API key": how messages name it
    doc: str  # the Args line's text after the name: how it is sent, safe in a docstring
    summary: str  # the same on one line, for the README's table
    test_env: str  # "TEST_API_KEY": what the shipped tests read it from
    test_value: str  # its value in the shipped tests without that variable
    in_tests: bool  # passed by the shipped tests (client credentials are not: no token server)


@dataclass(frozen=True)
class AuthView:
    """The client's credentials: `auth` in every template."""

    arguments: tuple[ArgumentView, ...]
    credentials: tuple[tuple[str, str], ...]  # (scheme key literal, the expression building its Credential)
    how: tuple[tuple[str, str], ...]  # (scheme key literal, `(noun, how to give it)` tuple literal)
    default: str  # the default requirement, a tuple literal
    required: str | None  # the requirement the constructor checks, a tuple literal
    factories: tuple[str, ...]  # the _auth functions the client imports
    readme: str  # "api_key from DIFY_API_KEY"


def _what(scheme: SecurityScheme, argument: CredentialArgument) -> str:
    if argument.role != "token":
        return _WHAT[argument.role]
    if argument.argument == "api_key":
        return "the API key"
    return f"the {argument.argument} " + ("key" if scheme.kind == "api_key" else "token")


def _summary(scheme: SecurityScheme, argument: CredentialArgument, what: str) -> str:
    """What the argument is and how it is sent: "the API key, sent as the `X-Key` header"."""
    if argument.role in ("username", "password"):
        sent = f"for HTTP {scheme.kind} auth"
    elif argument.role in ("client_id", "client_secret"):
        sent = "for the OAuth2 client credentials flow: the client fetches and refreshes the token"
    elif scheme.kind == "api_key":
        where = "query parameter" if scheme.location == "query" else scheme.location
        sent = f"sent as the `{scheme.name}` {where}"
    else:
        sent = f"sent as `Authorization: {scheme.word} <{argument.argument}>`"
    return f"{what}{', ' if argument.role == 'token' else ' '}{sent}"


def _doc(scheme: SecurityScheme, argument: CredentialArgument, what: str) -> str:
    text = f"{_summary(scheme, argument, what)}; defaults to the `{argument.env}` environment variable"
    if argument.role == "password":
        text += ", else empty (for APIs that take a key as the user name)"
    lead = f"        {argument.argument}: "
    # Wrapped as the Args section's lines are: 88 columns, continuation lines 12 deep.
    wrapped = textwrap.fill(docstring_body(text + ".", width=10_000), width=88, initial_indent=lead,
                            subsequent_indent=" " * 12, break_on_hyphens=False, break_long_words=False)
    return wrapped[len(lead):]


def _test_env(argument: CredentialArgument) -> str:
    # The names the shipped tests always read (TEST_API_KEY, TEST_API_USERNAME/PASSWORD).
    legacy = {"api_key": "TEST_API_KEY", "username": "TEST_API_USERNAME", "password": "TEST_API_PASSWORD"}
    return legacy.get(argument.argument, f"TEST_{argument.argument.upper()}")


def _test_value(argument: CredentialArgument) -> str:
    legacy = {"api_key": "test-api-key", "username": "test-user", "password": "test-password"}
    return legacy.get(argument.argument, "test-" + argument.argument.replace("_", "-"))


def _credential(scheme: SecurityScheme, what: dict[str, str]) -> tuple[str, str]:
    """The expression that builds one scheme's Credential from the constructor's arguments."""

    def given(role: str) -> str:
        found = scheme.argument(role)
        assert found is not None
        return f"{found.argument}, {string(found.argument)}, {found.argument.upper()}_ENV"

    if scheme.kind in ("basic", "digest"):
        user = scheme.argument("username")
        assert user is not None
        call = (f"password_credential({string(scheme.kind)}, {given('username')}, {given('password')}, "
                f"{string(what[user.argument])})")
    elif scheme.kind == "api_key":
        token = scheme.argument("token")
        assert token is not None
        call = (f"api_key_credential({given('token')}, {string(what[token.argument])}, "
                f"{string(scheme.name)}, {string(scheme.location)})")
    else:
        token = scheme.argument("token")
        assert token is not None
        word = "" if scheme.word == "Bearer" else f", word={string(scheme.word)}"
        call = f"bearer_credential({given('token')}, {string(what[token.argument])}{word})"
        if scheme.token_url is not None:
            call = (f"{call} or client_credentials_flow({string(scheme.token_url)}, base_url, "
                    f"{given('client_id')}, {given('client_secret')})")
    return string(scheme.key), call


def _how(scheme: SecurityScheme) -> str:
    ways = []
    for argument in scheme.arguments:
        if argument.role in ("password", "client_secret"):
            continue  # asked for with its partner
        partner = " and client_secret=..." if argument.role == "client_id" else ""
        ways.append(f"{argument.argument}=...{partner} or set the {argument.env} environment variable")
    noun = _what(scheme, scheme.arguments[0])[4:] if scheme.arguments else "credential"
    return f"({string(noun)}, {string('; or '.join(ways))})"


def requirement_literal(requirement: Requirement) -> str:
    def alternative(names: tuple[str, ...]) -> str:
        inner = ", ".join(string(n) for n in names)
        return f"({inner},)" if len(names) == 1 else f"({inner})"

    inner = ", ".join(alternative(a) for a in requirement)
    return f"({inner},)" if len(requirement) == 1 else f"({inner})"


def _tuple(items: list[str]) -> str:
    """A tuple display black leaves on one line where it fits (no magic trailing comma)."""
    return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"


def servers_literal(servers: tuple[Server, ...]) -> str:
    """A tuple of `_servers.Server(...)` displays (the runtime's dataclasses)."""
    return _tuple(server_displays(servers))


def server_displays(servers: tuple[Server, ...]) -> list[str]:
    """A `_servers.Server(...)` display (the runtime's dataclass) for each server."""
    shown = []
    for server in servers:
        variables = [
            f"Variable({string(name)}, {string(default)}"
            + (f", {_tuple([string(v) for v in enum])}" if enum else "") + ")"
            for name, default, enum, _ in server.variables
        ]
        parts = [string(server.url)]
        if server.name:
            parts.append(f"name={string(server.name)}")
        if variables:
            parts.append(f"variables={_tuple(variables)}")
        shown.append(f"Server({', '.join(parts)})")
    return shown


def server_selection(api: Api) -> bool:
    """The client takes `server=` and `server_variables=`: there is something to choose."""
    return len(api.servers) > 1 or any(s.variables for s in api.servers) or any(
        op.servers for r in api.resources for op in r.operations)


def operation_servers(op: Operation) -> str | None:
    return servers_literal(op.servers) if op.servers else None


def auth_view(api: Api) -> AuthView:
    arguments = []
    what: dict[str, str] = {}
    for scheme in api.security:
        for argument in scheme.arguments:
            what[argument.argument] = _what(scheme, argument)
            arguments.append(ArgumentView(
                argument=argument.argument, constant=f"{argument.argument.upper()}_ENV", env=argument.env,
                what=what[argument.argument], doc=_doc(scheme, argument, what[argument.argument]),
                summary=_summary(scheme, argument, what[argument.argument]).replace("|", "\\|"),
                test_env=_test_env(argument), test_value=_test_value(argument),
                in_tests=argument.role not in ("client_id", "client_secret"),
            ))
    factories = {"password_credential" if s.kind in ("basic", "digest") else f"{s.kind}_credential"
                 for s in api.security}
    if any(s.token_url for s in api.security):
        factories.add("client_credentials_flow")
    shown = [a for a in arguments if a.argument not in ("password", "client_secret")]
    return AuthView(
        arguments=tuple(arguments),
        credentials=tuple(_credential(s, what) for s in api.security),
        how=tuple((string(s.key), _how(s)) for s in api.security),
        default=requirement_literal(api.default_security),
        required=None if api.required_security is None else requirement_literal(api.required_security),
        factories=tuple(sorted(factories)),
        # More than two would make the example's comment a paragraph: the README's table lists them.
        readme=(", ".join(f"{a.argument} from {a.env}" for a in shown) if len(shown) <= 2
                else "credentials from their environment variables (see Authentication)") or "no credentials",
    )
