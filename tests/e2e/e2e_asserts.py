"""Assertions shared by the e2e tests: what the server got, what the client returned."""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional, Type, TypeVar

import pydantic

from e2e_server import API_KEY, Recorded

M = TypeVar("M", bound=pydantic.BaseModel)

_ABSENT: Any = object()


def assert_request(
    call: Recorded,
    operation_id: str,
    method: str,
    raw_path: str,
    *,
    query: Optional[Mapping[str, str]] = None,
    json: Any = _ABSENT,
) -> None:
    """Method, on-the-wire path, query (exactly, no repeats), auth and JSON body."""
    assert call.operation_id == operation_id
    assert call.method == method
    assert call.raw_path == raw_path
    assert call.headers["authorization"] == f"Bearer {API_KEY}"
    assert call.query_dict == dict(query or {})
    if json is _ABSENT:
        assert call.body == b"", f"unexpected body {call.body[:80]!r}"
        assert not call.has_json
    else:
        assert call.content_type.startswith("application/json")
        assert call.json == json


def _extras(model: pydantic.BaseModel, where: str) -> Dict[str, Any]:
    """Fields not declared by the model class, anywhere in the tree."""
    found = {f"{where}.{k}": v for k, v in (model.model_extra or {}).items()}
    for name in type(model).model_fields:
        found.update(_walk(getattr(model, name), f"{where}.{name}"))
    return found


def _walk(value: Any, where: str) -> Dict[str, Any]:
    if isinstance(value, pydantic.BaseModel):
        return _extras(value, where)
    if isinstance(value, (list, tuple)):
        out: Dict[str, Any] = {}
        for i, item in enumerate(value):
            out.update(_walk(item, f"{where}[{i}]"))
        return out
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            out.update(_walk(item, f"{where}[{key!r}]"))
        return out
    return {}


def assert_model(obj: object, cls: Type[M], example: Any) -> M:
    """`obj` is a `cls` holding exactly the example: every field typed, none lost."""
    assert isinstance(obj, cls), f"expected {cls.__name__}, got {type(obj).__name__}"
    assert obj.model_dump(mode="json", by_alias=True, exclude_unset=True) == example
    assert _extras(obj, cls.__name__) == {}, "example fields the model does not declare"
    return obj
