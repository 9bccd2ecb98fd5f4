"""Shared half of the HTTP core: everything decided without I/O.

URL, headers, body, retry decisions, error mapping and logging live in
``BaseClient`` so the sync and async clients in ``_base_client`` only differ
in the send loop, sleeping and closing, and cannot drift apart.

Secrets: ``auth_headers`` and ``auth_query`` are sent with every request but
never logged, never put in exception messages and never shown by repr().
"""

from __future__ import annotations

import copy
import functools
import logging
import re
from dataclasses import dataclass
from typing import Any, Callable, ClassVar, Dict, Generic, List, Mapping, Optional, Tuple
from typing import TypeVar, Union

import httpx
from typing_extensions import Self

from ._encoding import QueryItems, build_path, encode_query, query_string, raw_body, to_jsonable
from ._forms import MultipartPart, multipart, urlencoded
from ._exceptions import APIConnectionError, APIError, APITimeoutError
from ._params import cookie_header, header_value, present
from ._pagination import PageSpec, next_page_query, page_items
from ._parsing import parse_body
from ._retries import RetryPolicy, is_idempotent, should_retry_error, should_retry_status
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


def _to_timeout(value: Timeout) -> httpx.Timeout:
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


_NO_OPTIONS: RequestOptions = {}
# Paths (already filled in) whose joined URL is kept per client; beyond this the cache
# starts over, so paths with ever-new IDs in them cannot grow it without bound.
_URL_CACHE_SIZE = 256


# What an HTTP header can carry as text (httpx encodes str values as ASCII): tab and printable ASCII.
_HEADER_TEXT = re.compile(r"[\t\x20-\x7e]*")
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # RFC 9110 token


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
    flaw = _flaw(value, in_header=in_header)
    if flaw is not None:
        hint = "; one read from a file often ends in a newline: strip it" if "line" in flaw else ""
        raise ValueError(f"{what} contains {flaw}{hint} (the value is not shown: it is a secret)")
    return value


def _check_headers(headers: Mapping[str, str], what: str) -> Dict[str, str]:
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


class BaseClient(Generic[HttpxClientT]):
    # Class-level so tests (or a subclass) can shrink the backoff.
    retry_policy: ClassVar[RetryPolicy] = RetryPolicy()

    def __init__(
        self,
        *,
        base_url: Union[str, httpx.URL],
        auth_headers: Optional[Mapping[str, str]] = None,
        auth_query: Optional[Mapping[str, str]] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[HttpxClientT] = None,
        user_agent: str = "openapi-client/python",
    ) -> None:
        self.base_url = httpx.URL(str(base_url).rstrip("/") + "/")
        self.timeout = DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else _to_timeout(timeout)
        self.max_retries = max_retries
        self._auth_headers: Dict[str, str] = _check_headers(auth_headers or {}, "the credentials")
        self._auth_query: Dict[str, str] = {
            k: check_credential(v, f"the credential for the query parameter {k!r}", in_header=False)
            for k, v in (auth_query or {}).items()
        }
        self._default_headers: Dict[str, str] = _check_headers(
            default_headers or {}, "default_headers"
        )
        self._default_query: Dict[str, object] = dict(default_query or {})
        self._user_agent = user_agent
        # A client passed in by the caller is the caller's to close.
        self._owns_client = http_client is None
        self._client: HttpxClientT = http_client or self._new_http_client()
        self._reset_caches()

    def _reset_caches(self) -> None:
        # Per-call constants, computed on first use: the joined URL of each path and the
        # headers every request carries (per Accept value). with_options() starts over.
        self._url_base: Optional[httpx.URL] = None
        self._url_cache: Dict[str, httpx.URL] = {}
        self._header_cache: Dict[str, httpx.Headers] = {}

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
        if not isinstance(timeout, NotGiven):
            new.timeout = _to_timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            new.max_retries = max_retries
        if default_headers:
            new._default_headers = {
                **self._default_headers,
                **_check_headers(default_headers, "default_headers"),
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

    def _constant_headers(self, accept: str) -> httpx.Headers:
        """Accept, User-Agent, auth and default headers: the same on every call."""
        cached = self._header_cache.get(accept)
        if cached is None:
            cached = httpx.Headers(
                {
                    "Accept": accept,
                    "User-Agent": self._user_agent,
                    **self._auth_headers,
                    **self._default_headers,
                }
            )
            self._header_cache[accept] = cached
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
    ) -> PreparedCall:
        opts: RequestOptions = options or _NO_OPTIONS
        url = self._url(build_path(path, path_params) if path_params or "{" in path else path)
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
                raw, content_type = urlencoded(fields), "application/x-www-form-urlencoded"
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
            merged_headers = self._constant_headers(accept)
        else:
            merged_headers = {
                "Accept": accept,
                "User-Agent": self._user_agent,
                **self._auth_headers,
                **self._default_headers,
                **(per_call or {}),
            }
            if set_content_type:
                merged_headers.setdefault("Content-Type", content_type)
        timeout = opts.get("timeout", NOT_GIVEN)
        extra_query = opts.get("extra_query")
        if query or extra_query or self._default_query or self._auth_query:
            params = encode_query(self._default_query, query, extra_query, self._auth_query)
        else:
            params = []
        return PreparedCall(
            method=method.upper(),
            url=url,
            params=params,
            headers=merged_headers,
            json=body,
            files=encoded_files,
            content=raw,
            timeout=self.timeout if isinstance(timeout, NotGiven) else _to_timeout(timeout),
            max_retries=opts.get("max_retries", self.max_retries),
            idempotent=is_idempotent(method, idempotent),
            errors=errors,
            cookie=cookie_header(cookies),
            answers=answers,
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
        """URL for logs: credentials in userinfo or auth query params masked."""
        safe = url.copy_with(username=None, password=None)
        for name in self._auth_query:
            if name in safe.params:
                safe = safe.copy_set_param(name, "***")
        return str(safe)

    def _log_attempt(self, request: httpx.Request, retries_done: int) -> None:
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "HTTP %s %s (attempt %d)",
                request.method,
                self._safe_url(request.url),
                retries_done + 1,
            )

    def _log_outcome(
        self,
        request: httpx.Request,
        outcome: str,
        delay: Optional[float],
        call: PreparedCall,
        done: int,
    ) -> None:
        if not log.isEnabledFor(logging.DEBUG):
            return
        where = f"{request.method} {self._safe_url(request.url)}"
        if delay is None:
            log.debug("%s -> %s", where, outcome)
        else:
            log.debug(
                "%s -> %s; retry %d of %d in %.3fs",
                where,
                outcome,
                done + 1,
                call.max_retries,
                delay,
            )

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
