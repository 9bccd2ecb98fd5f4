"""Shared half of the HTTP core: everything decided without I/O.

URL, headers, body, retry decisions, error mapping and logging live in
``BaseClient`` so the sync and async clients in ``_base_client`` only differ
in the send loop, sleeping and closing, and cannot drift apart.

Secrets: ``security`` (``_auth.Security``) says what each request sends; what it
holds is never logged, never put in exception messages and never shown by repr().
"""

from __future__ import annotations

import copy
import functools
import logging
from dataclasses import dataclass
from typing import Any, Callable, ClassVar, Dict, Generic, List, Mapping, Optional, Sequence
from typing import Tuple, TypeVar, Union

import httpx
from typing_extensions import Self

from ._auth import Requirement, Security, Sent, check_credential, check_headers
from ._drift import Drift
from ._logs import configure_logging, log_attempt, log_outcome, safe_url
from ._encoding import QueryItems, build_path, encode_query, query_string, raw_body, to_jsonable
from ._forms import MultipartPart, multipart, urlencoded
from ._exceptions import APIConnectionError, APIError, APITimeoutError
from ._params import cookie_header, header_value, present
from ._pagination import PageSpec, next_page_query, page_items
from ._parsing import parse_body
from ._retries import RetryPolicy, is_idempotent, should_retry_error, should_retry_status
from ._retries import with_idempotency_key
from ._servers import Server, ServerChoice
from ._types import NOT_GIVEN, CastTo, FileInput, NotGiven, Query, RequestOptions, Timeout

__all__ = [
    "BaseClient",
    "PreparedCall",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "check_credential",
    "log",
]

# The generated package's logger ("dify_chatflow"), not this module's.
log = logging.getLogger(__name__.rsplit(".", 1)[0])

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2

R = TypeVar("R")
ResponseT = TypeVar("ResponseT")
HttpxClientT = TypeVar("HttpxClientT", httpx.Client, httpx.AsyncClient)


@dataclass
class PreparedCall:
    """A fully prepared request, rebuilt into an httpx.Request per attempt.

    Not frozen (a frozen dataclass pays for ``object.__setattr__`` per field on
    every call); nothing mutates it after ``_prepare``.  ``headers`` may be a
    client-wide cached ``httpx.Headers``: read it, never change it.
    """

    method: str
    url: httpx.URL
    params: QueryItems
    headers: Union[Dict[str, str], httpx.Headers]
    json: object
    files: Optional[List[Tuple[str, MultipartPart]]]
    content: Optional[bytes]
    timeout: httpx.Timeout
    max_retries: int
    idempotent: bool
    # Status ("404", "4XX", "default") -> the error model the operation declares.
    errors: Optional[Mapping[str, Any]] = None
    # The cookie parameters' `name=value` pairs, added to any Cookie header of the request.
    cookie: Optional[str] = None
    # Statuses besides 2xx that are the operation's documented answer (a 3xx with a body):
    # returned and parsed, not raised or followed.
    answers: Tuple[int, ...] = ()
    # Credentials that need I/O (an OAuth2 token): an httpx auth flow run for each attempt.
    auth: Optional[httpx.Auth] = None


def _cookies(params: Optional[str], credentials: Optional[str]) -> Optional[str]:
    if params and credentials:
        return f"{params}; {credentials}"
    return params or credentials


def _to_timeout(value: Timeout) -> httpx.Timeout:
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


_NO_OPTIONS: RequestOptions = {}
# Paths (already filled in) whose joined URL is kept per client; beyond this the cache
# starts over, so paths with ever-new IDs in them cannot grow it without bound.
_URL_CACHE_SIZE = 256


class BaseClient(Generic[HttpxClientT]):
    # Class-level so tests (or a subclass) can shrink the backoff.
    retry_policy: ClassVar[RetryPolicy] = RetryPolicy()

    def __init__(
        self,
        *,
        base_url: Union[str, httpx.URL],
        security: Optional[Security] = None,
        server_choice: Optional[ServerChoice] = None,
        auth_headers: Optional[Mapping[str, str]] = None,
        auth_query: Optional[Mapping[str, str]] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[HttpxClientT] = None,
        user_agent: str = "openapi-client/python",
        idempotency_header: Optional[str] = None,
        log_env: Optional[str] = None,
        drift: bool = False,
    ) -> None:
        self.base_url = httpx.URL(str(base_url).rstrip("/") + "/")
        self.timeout = DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else _to_timeout(timeout)
        self.max_retries = max_retries
        # Without `security`: a hand-written subclass's credentials, sent with every request.
        self._security = security or Security.static(auth_headers or {}, auth_query or {})
        self._server_choice = server_choice or ServerChoice(fixed=True)
        self._default_headers: Dict[str, str] = check_headers(
            default_headers or {}, "default_headers"
        )
        self._default_query: Dict[str, object] = dict(default_query or {})
        self._user_agent = user_agent
        self._idempotency_header = idempotency_header
        if log_env is not None:
            configure_logging(log, log_env)
        self.drift = Drift(drift)  # shared with with_options() copies: one report per client
        # A client passed in by the caller is the caller's to close.
        self._owns_client = http_client is None
        self._client: HttpxClientT = http_client or self._new_http_client()
        self._reset_caches()

    def _reset_caches(self) -> None:
        # Per-call constants, computed on first use: the joined URL of each path and the
        # headers every request carries (per Accept value and credentials sent).
        # with_options() starts over.
        self._url_base: Optional[httpx.URL] = None
        self._url_cache: Dict[str, httpx.URL] = {}
        self._header_cache: Dict[Tuple[str, int], httpx.Headers] = {}
        self._server_cache: Dict[int, str] = {}

    def _new_http_client(self) -> HttpxClientT:
        raise NotImplementedError

    # -- derived clients -------------------------------------------------

    def with_options(
        self,
        *,
        base_url: Union[str, httpx.URL, NotGiven] = NOT_GIVEN,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
    ) -> Self:
        """A client with overridden settings sharing this one's connection pool.

        Closing the derived client leaves the shared pool open.  Generated
        clients expose resources as ``functools.cached_property``; their
        cached values are dropped so they bind to the derived client.
        """
        new = copy.copy(self)
        new._owns_client = False
        new._reset_caches()
        if not isinstance(base_url, NotGiven):
            new.base_url = httpx.URL(str(base_url).rstrip("/") + "/")
            new._server_choice = ServerChoice(fixed=True)
        if not isinstance(timeout, NotGiven):
            new.timeout = _to_timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            new.max_retries = max_retries
        if default_headers:
            new._default_headers = {
                **self._default_headers,
                **check_headers(default_headers, "default_headers"),
            }
        if default_query:
            new._default_query = {**self._default_query, **default_query}
        for klass in type(new).__mro__:
            for name, attr in vars(klass).items():
                if isinstance(attr, functools.cached_property):
                    new.__dict__.pop(name, None)
        return new

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} base_url={self._safe_url(self.base_url)!r} "
            f"max_retries={self.max_retries}>"
        )

    # -- request preparation (pure) ---------------------------------------

    def _url(self, path: str) -> httpx.URL:
        """``base_url`` joined with a filled-in path, parsed once per client and path."""
        base = self.base_url
        if base is not self._url_base:  # set anew (or first call): drop URLs of the old one
            self._url_base, self._url_cache = base, {}
        cache = self._url_cache
        url = cache.get(path)
        if url is None:
            url = httpx.URL(str(base) + path.lstrip("/"))
            if len(cache) >= _URL_CACHE_SIZE:
                cache.clear()
            cache[path] = url
        return url

    def _operation_base(self, servers: Sequence[Server]) -> str:
        """The base URL of an operation with servers of its own, resolved once per client."""
        # `servers` is a constant of the generated resource module: its id is stable.
        base = self._server_cache.get(id(servers))
        if base is None:
            base = self._server_cache[id(servers)] = (
                self._server_choice.base_url(servers).rstrip("/") + "/"
            )
        return base

    def _constant_headers(self, accept: str, sent: Sent) -> httpx.Headers:
        """Accept, User-Agent, auth and default headers: the same on every call."""
        # `sent` lives as long as the client's Security, which caches it: its id is stable.
        key = (accept, id(sent))
        cached = self._header_cache.get(key)
        if cached is None:
            cached = httpx.Headers(
                {
                    "Accept": accept,
                    "User-Agent": self._user_agent,
                    **sent.headers,
                    **self._default_headers,
                }
            )
            self._header_cache[key] = cached
        return cached

    def _prepare(
        self,
        method: str,
        path: str,
        *,
        path_params: Optional[Mapping[str, object]],
        query: Optional[Query],
        headers: Optional[Mapping[str, object]],
        json_body: object,
        form: Union[Mapping[str, object], NotGiven, None],
        files: Optional[Mapping[str, object]],
        idempotent: Optional[bool],
        options: Optional[RequestOptions],
        accept: str = "application/json",
        content: Union[FileInput, NotGiven] = NOT_GIVEN,
        content_type: str = "application/octet-stream",
        cookies: Optional[Mapping[str, object]] = None,
        errors: Optional[Mapping[str, Any]] = None,
        answers: Tuple[int, ...] = (),
        security: Optional[Requirement] = None,
        servers: Optional[Sequence[Server]] = None,
    ) -> PreparedCall:
        opts: RequestOptions = options or _NO_OPTIONS
        sent = self._security.sent(security, f"{method.upper()} {path}")
        filled = build_path(path, path_params) if path_params or "{" in path else path
        if servers is None or self._server_choice.fixed:
            url = self._url(filled)
        else:
            url = httpx.URL(self._operation_base(servers) + filled.lstrip("/"))
        # A call without headers of its own (and no raw body's Content-Type) sends the cached
        # constant headers as they are; others get a dict of their own, merged as ever.
        extra_headers = opts.get("extra_headers")
        per_call: Optional[Dict[str, str]] = None
        if headers:
            for key, value in headers.items():
                if present(value):
                    if per_call is None:
                        per_call = {}
                    per_call[key] = header_value(value)
        if extra_headers:
            if per_call is None:
                per_call = {}
            per_call.update({k: header_value(v) for k, v in extra_headers.items()})
        retry_safe = is_idempotent(method, idempotent)
        if self._idempotency_header is not None and method.upper() in ("POST", "PATCH"):
            per_call, retry_safe = (
                with_idempotency_key(self._idempotency_header, per_call),
                True,
            )
        extra_body = opts.get("extra_body")
        body: object = NOT_GIVEN
        encoded_files = None
        raw: Optional[bytes] = None
        set_content_type = False
        if not isinstance(content, NotGiven):
            # A raw body (application/octet-stream, image/png...): read once, so retries resend it.
            raw, content_type = raw_body(content, content_type)
            set_content_type = True
        elif form is not None or files is not None:
            fields = {} if isinstance(form, NotGiven) else dict(form or {})
            fields.update(extra_body or {})
            if files is None:  # no `files` at all: an urlencoded form
                raw, content_type = (
                    urlencoded(fields),
                    "application/x-www-form-urlencoded",
                )
                set_content_type = True
            else:
                # Every field as a part of its own: httpx would send the text fields
                # urlencoded when no file is given.
                encoded_files = multipart(fields, files)
        elif not isinstance(json_body, NotGiven) or extra_body:
            body = to_jsonable(json_body) if not isinstance(json_body, NotGiven) else {}
            if extra_body and isinstance(body, dict):
                body.update(to_jsonable(extra_body))
        merged_headers: Union[Dict[str, str], httpx.Headers]
        if per_call is None and not set_content_type:
            merged_headers = self._constant_headers(accept, sent)
        else:
            merged_headers = {
                "Accept": accept,
                "User-Agent": self._user_agent,
                **sent.headers,
                **self._default_headers,
                **(per_call or {}),
            }
            if set_content_type:
                merged_headers.setdefault("Content-Type", content_type)
        timeout = opts.get("timeout", NOT_GIVEN)
        extra_query = opts.get("extra_query")
        if query or extra_query or self._default_query or sent.query:
            params = encode_query(self._default_query, query, extra_query, sent.query)
        else:
            params = []
        return PreparedCall(
            method=method,  # as the spec spells it: a method token is case-sensitive
            url=url,
            params=params,
            headers=merged_headers,
            json=body,
            files=encoded_files,
            content=raw,
            timeout=(self.timeout if isinstance(timeout, NotGiven) else _to_timeout(timeout)),
            max_retries=opts.get("max_retries", self.max_retries),
            idempotent=retry_safe,
            errors=errors,
            cookie=_cookies(cookie_header(cookies), sent.cookie),
            answers=answers,
            auth=sent.flow,
        )

    def _build_request(self, call: PreparedCall) -> httpx.Request:
        request = self._client.build_request(
            call.method,
            call.url,
            headers=call.headers,
            json=None if isinstance(call.json, NotGiven) else call.json,
            files=call.files,
            content=call.content,
            timeout=call.timeout,
        )
        # httpx upper-cases every method; a token is sent as the spec spells it.
        if request.method != call.method:
            request.method = call.method
        if call.params:
            # Encoded by the parameter styles already, and appended after any query the
            # URL or the caller's httpx client brings: httpx's `params=` would re-encode
            # them its own way (`+` for a space, a bare `|`).
            own = query_string(call.params).encode("ascii")
            query = request.url.query
            request.url = request.url.copy_with(query=query + b"&" + own if query else own)
        if call.cookie is not None:
            # After the caller's cookie jar (or Cookie header) had its say: httpx leaves
            # the jar out of a request that already has a Cookie header.
            jar = request.headers.get("Cookie")
            request.headers["Cookie"] = f"{jar}; {call.cookie}" if jar else call.cookie
        return request

    # -- retry decisions and error mapping (pure) -------------------------

    def _delay_after_status(
        self, call: PreparedCall, response: httpx.Response, retries_done: int
    ) -> Optional[float]:
        if retries_done >= call.max_retries:
            return None
        if not should_retry_status(response.status_code, call.idempotent):
            return None
        return self.retry_policy.delay(retries_done, response.headers)

    def _delay_after_error(
        self, call: PreparedCall, exc: Exception, retries_done: int
    ) -> Optional[float]:
        if retries_done >= call.max_retries or not should_retry_error(exc, call.idempotent):
            return None
        return self.retry_policy.delay(retries_done)

    @staticmethod
    def _map_error(exc: httpx.RequestError, request: httpx.Request) -> APIError:
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(f"Request timed out ({type(exc).__name__})", request)
        detail = str(exc) or type(exc).__name__
        return APIConnectionError(f"Connection error: {detail}", request)

    def _safe_url(self, url: httpx.URL) -> str:
        return safe_url(url, self._security)

    def _log_attempt(self, request: httpx.Request, retries_done: int) -> None:
        log_attempt(log, request, retries_done, self._security)

    def _log_outcome(
        self,
        request: httpx.Request,
        outcome: str,
        delay: Optional[float],
        call: PreparedCall,
        done: int,
    ) -> None:
        log_outcome(log, request, outcome, delay, (done, call.max_retries), self._security)

    @staticmethod
    def _page_parser(
        cast_to: CastTo[ResponseT],
        item_adapter: Any,
        spec: PageSpec,
        query: Mapping[str, object],
        make: Callable[[ResponseT, List[Any], Optional[Dict[str, object]]], R],
    ) -> Callable[[httpx.Response], R]:
        def parse(response: httpx.Response) -> R:
            parsed = parse_body(response, cast_to)
            items = page_items(parsed, spec, item_adapter)
            return make(parsed, items, next_page_query(spec, query, parsed, items))

        return parse
