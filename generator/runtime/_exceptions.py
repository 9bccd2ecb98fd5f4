"""Exception hierarchy of the generated client.

str() of every exception is one line meant for logs and tracebacks. It shows
the method and the URL *without its query string*, because API keys passed
as query parameters would otherwise leak; headers are never shown.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Mapping, Optional, Type

import httpx
import pydantic

__all__ = [
    "APIError",
    "APIConnectionError",
    "APITimeoutError",
    "IncompleteStreamError",
    "APIResponseValidationError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "StreamError",
    "make_status_error",
]

_MAX_DETAIL = 300
_SAME: Any = object()  # raw_body not given: the same as body


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _MAX_DETAIL else flat[: _MAX_DETAIL - 3] + "..."


def describe_request(request: Optional[httpx.Request]) -> str:
    """'GET https://host/path' with query and credentials stripped."""
    if request is None:
        return ""
    url = request.url.copy_with(query=None, fragment=None, username=None, password=None)
    return f"{request.method} {url}"


class APIError(Exception):
    """Base class of every error raised by the client."""

    message: str
    request: Optional[httpx.Request]

    def __init__(self, message: str, request: Optional[httpx.Request] = None) -> None:
        self.message = message
        self.request = request
        super().__init__(message)

    def __str__(self) -> str:
        where = describe_request(self.request)
        text = _one_line(self.message)
        return f"{text} ({where})" if where else text


class APIConnectionError(APIError):
    """The request did not get a complete response (network, DNS, reset)."""

    def __init__(
        self,
        message: str = "Connection error.",
        request: Optional[httpx.Request] = None,
    ) -> None:
        super().__init__(message, request)


class APITimeoutError(APIConnectionError):
    def __init__(
        self,
        message: str = "Request timed out.",
        request: Optional[httpx.Request] = None,
    ) -> None:
        super().__init__(message, request)


class IncompleteStreamError(APIConnectionError):
    """A stream ended cleanly but before its terminal event: the answer is truncated."""


class APIResponseValidationError(APIError):
    """A 2xx response whose body does not match the declared schema."""

    response: httpx.Response
    body: object

    def __init__(self, message: str, *, response: httpx.Response, body: object = None) -> None:
        super().__init__(message, response.request)
        self.response = response
        self.body = body

    @property
    def status_code(self) -> int:
        return self.response.status_code


class APIStatusError(APIError):
    """The server answered with a non-2xx status.

    ``body`` is the error body parsed into the model the spec declares for the
    status (its own, its range's like ``4XX``, or ``default``); when there is
    none, or the body does not fit it, the decoded JSON (or text) as
    ``raw_body`` always has it.
    """

    response: httpx.Response
    status_code: int
    body: object
    raw_body: object
    code: Optional[str]
    request_id: Optional[str]

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object,
        code: Optional[str] = None,
        raw_body: object = _SAME,
    ) -> None:
        super().__init__(message, response.request)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.raw_body = body if raw_body is _SAME else raw_body
        self.code = code
        self.request_id = response.headers.get("x-request-id") or response.headers.get("request-id")

    def __str__(self) -> str:
        head = f"{self.status_code} {self.code}:" if self.code else f"{self.status_code}"
        return f"{head} {super().__str__()}"


class BadRequestError(APIStatusError):
    pass


class AuthenticationError(APIStatusError):
    pass


class PermissionDeniedError(APIStatusError):
    pass


class NotFoundError(APIStatusError):
    pass


class ConflictError(APIStatusError):
    pass


class UnprocessableEntityError(APIStatusError):
    pass


class RateLimitError(APIStatusError):
    pass


class InternalServerError(APIStatusError):
    pass


class StreamError(APIStatusError):
    """The server reported an error as an event inside a 200 stream.

    An `APIStatusError` like any other, so one `except APIStatusError` catches
    both: `status_code` is the status the event reports (the HTTP status, 200,
    when it reports none), `body` and `event` are the event's JSON, and
    `status` is the event's own status or None.
    """

    event: Dict[str, Any]

    def __init__(
        self,
        message: str,
        *,
        event: Dict[str, Any],
        response: httpx.Response,
        status: Optional[int] = None,
        code: Optional[str] = None,
    ) -> None:
        super().__init__(message, response=response, body=event, code=code)
        self._event_status = status
        if status is not None:
            self.status_code = status
        self.event = event

    @property
    def status(self) -> Optional[int]:
        """The status the error event carries (None when it has none); see `status_code`."""
        return self._event_status

    @classmethod
    def from_event(cls, payload: Any, response: httpx.Response) -> "StreamError":
        """From an error event's JSON (Dify's flat one, or OpenAI's nested `error`)."""
        event: Dict[str, Any] = payload if type(payload) is dict else {"message": payload}
        nested = event.get("error")
        detail: Dict[str, Any] = nested if isinstance(nested, dict) else event
        status = detail.get("status", event.get("status"))
        code = detail.get("code", event.get("code"))
        message = detail.get("message") or event.get("error") or "error event in stream"
        return cls(
            str(message),
            event=event,
            response=response,
            status=status if type(status) is int else None,
            code=str(code) if code is not None else None,
        )

    def __str__(self) -> str:
        parts = [p for p in (str(self._event_status or ""), self.code) if p]
        head = f"stream error {' '.join(parts)}:" if parts else "stream error:"
        return f"{head} {APIError.__str__(self)}"


_STATUS_CLASSES: Mapping[int, Type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _decode_body(response: httpx.Response) -> object:
    try:
        text = response.text
    except httpx.ResponseNotRead:  # the error body itself failed to arrive
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _error_model(errors: Optional[Mapping[str, Any]], status: int) -> Any:
    """The declared model for a status: its own, then its range (4XX), then default."""
    if not errors:
        return None
    for key in (str(status), f"{str(status)[0]}XX", "default"):
        if key in errors:
            return errors[key]
    return None


def _typed(target: Any, body: object) -> object:
    """The body parsed into `target`; as it came when it does not fit (an error report
    must not turn into a validation error)."""
    if target is None or body is None:
        return body
    try:
        if isinstance(target, type) and issubclass(target, pydantic.BaseModel):
            return target.model_validate(body)
        adapter = (
            target if isinstance(target, pydantic.TypeAdapter) else pydantic.TypeAdapter(target)
        )
        return adapter.validate_python(body)
    except (pydantic.ValidationError, TypeError, ValueError):
        return body


def make_status_error(
    response: httpx.Response, errors: Optional[Mapping[str, Any]] = None
) -> APIStatusError:
    """Build the APIStatusError subclass for a non-2xx response (body already read).

    ``errors`` maps statuses (``"404"``, ``"4XX"``, ``"default"``) to the model
    the operation declares for them.
    """
    body = _decode_body(response)
    code: Optional[str] = None
    message = ""
    if isinstance(body, dict):
        raw_code, raw_message = body.get("code"), body.get("message")
        code = str(raw_code) if raw_code is not None else None
        # Some servers use `error` or `detail` instead of Dify's `message`.
        for value in (raw_message, body.get("error"), body.get("detail")):
            if isinstance(value, str) and value:
                message = value
                break
    if not message:
        message = body if isinstance(body, str) and body else response.reason_phrase
        message = message or "HTTP error"
    status = response.status_code
    cls = _STATUS_CLASSES.get(status)
    if cls is None:
        cls = InternalServerError if status >= 500 else APIStatusError
    typed = _typed(_error_model(errors, status), body)
    return cls(message, response=response, body=typed, code=code, raw_body=body)
