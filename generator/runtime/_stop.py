"""Stopping the server's work when a stream is abandoned.

Closing a stream only drops the connection; some servers (Dify) keep generating, and
billing, until they are told to stop. A `StopSpec` names the operation that stops a
task (Dify's `POST /chat-messages/{task_id}/stop`) and where each event carries the
task id. `Stream.close()` after an early `break`, or leaving its `with` block early,
then calls that operation once through the same client: same base URL and
credentials, a short timeout and no retries. It is best effort: a failure is logged
(the method, path and error type; never a header) and never raised from close().

No call is made when the stream ended normally (a terminal or error event was seen)
or before the events named a task.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, Mapping, Optional, Tuple

__all__ = ["StopSpec", "Stopper", "field_at", "stop_request", "stop_sender"]

# The generated package's logger, as in _base_common.
log = logging.getLogger(__name__.rsplit(".", 1)[0])


@dataclass(frozen=True)
class StopSpec:
    """How to stop the task behind an abandoned stream (emitted by the generator)."""

    method: str
    path: str
    # Where each event names its task, a dotted path ("task_id", "data.task_id").
    task_id_field: str
    # Where the stop call takes the task id: a path parameter, else a body field.
    task_id_param: str
    task_id_in: str = "path"
    # Body fields the stop call copies from the streaming request (Dify's `user`).
    copy_fields: Tuple[str, ...] = ()
    timeout: float = 5.0


def field_at(payload: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path of a JSON object, or None."""
    value: Any = payload
    for key in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def stop_request(spec: StopSpec, task_id: str, body: object) -> Dict[str, Any]:
    """The keyword arguments of the client's `request()` that stop `task_id`."""
    sent = body if isinstance(body, Mapping) else {}
    json_body = {name: sent[name] for name in spec.copy_fields if name in sent}
    kwargs: Dict[str, Any] = {
        "options": {"timeout": spec.timeout, "max_retries": 0},
        "idempotent": False,
    }
    if spec.task_id_in == "path":
        kwargs["path_params"] = {spec.task_id_param: task_id}
    else:
        json_body[spec.task_id_param] = task_id
    if json_body or spec.copy_fields:
        kwargs["json_body"] = json_body
    return kwargs


class Stopper:
    """Watches one stream's events for its task id; stops the task once if abandoned."""

    def __init__(self, spec: StopSpec, send: Callable[[str], Any]) -> None:
        self.spec = spec
        self._send = send  # calls the stop operation; returns an awaitable for async clients
        self.task_id: Optional[str] = None
        self._done = False

    def see(self, payload: Mapping[str, Any]) -> None:
        if self.task_id is None:
            found = field_at(payload, self.spec.task_id_field)
            if isinstance(found, (str, int)) and not isinstance(found, bool):
                self.task_id = str(found)

    def _due(self, finished: bool) -> Optional[str]:
        if self._done or finished or self.task_id is None:
            return None
        self._done = True
        return self.task_id

    def stop(self, finished: bool) -> None:
        task_id = self._due(finished)
        if task_id is not None:
            try:
                self._send(task_id)
            except Exception as exc:  # best effort: close() never raises for it
                self._failed(task_id, exc)

    async def astop(self, finished: bool) -> None:
        task_id = self._due(finished)
        if task_id is not None:
            try:
                await self._send(task_id)
            except Exception as exc:
                self._failed(task_id, exc)

    def _failed(self, task_id: str, exc: Exception) -> None:
        # The error's type and status only: its text could quote what was sent.
        status = getattr(exc, "status_code", None)
        log.warning(
            "could not stop task %s of an abandoned stream (%s %s): %s%s",
            task_id,
            self.spec.method,
            self.spec.path,
            type(exc).__name__,
            f" {status}" if status is not None else "",
        )


def stop_sender(
    request: Callable[..., Any], spec: Optional[StopSpec], body: object
) -> Optional[Callable[[str], Any]]:
    """What a stream calls to stop its task: the client's `request()` (sync or async) for
    the stop operation, with the fields copied from the streaming request's `body`."""
    if spec is None:
        return None
    stop = spec

    def send(task_id: str) -> Any:
        return request(stop.method, stop.path, cast_to=bytes, **stop_request(stop, task_id, body))

    return send
