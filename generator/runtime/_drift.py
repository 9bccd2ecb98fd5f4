"""The drift report: what a server sent that this client's spec does not describe.

Off by default. Turned on (``Client(..., drift=True)`` or ``client.drift.enable()``), every
parsed answer is walked once and each unknown is counted under the JSON pointer of the
schema it broke, with one example value:

- a field a model does not declare: ``#/components/schemas/Thing/properties/new_field``;
- an enum value the spec does not list: the enum's pointer, e.g.
  ``#/components/schemas/Thing/properties/status``;
- a union variant the client does not know (it parsed as the ``...Unknown`` fallback): the
  union's pointer, e.g. ``#/components/schemas/ChunkChatEvent``, by its tag.

Only answers are looked at (never requests, headers or credentials); example strings are cut
to 200 characters and values under secret-looking keys are replaced. ``clientgen drift
REPORT.json`` turns a saved report into an OpenAPI Overlay that adds what was seen.

The pointers come from the ``DRIFT_SCHEMAS`` table the generator writes beside the models
(``_schemas.py``, pydantic model style); models without one (TypedDict and dataclass styles)
are not recorded.
"""

from __future__ import annotations

import importlib
import json
import os
import threading
from typing import Any, Callable, Dict, List, Mapping, Optional, TypeVar, Union, cast

import pydantic

__all__ = ["Drift"]

T = TypeVar("T")

FORMAT = 1
_EXAMPLE_TEXT = 200  # characters of an example string kept
_EXAMPLE_ITEMS = 3  # items of an example list kept
_EXAMPLE_DEPTH = 6
_SECRET_WORDS = ("password", "secret", "token", "api_key", "apikey", "authorization", "credential")
_MISSING: Any = object()
# Model class -> its row of the models module's `__drift_schemas__` (None: not described).
_ROWS: Dict[type, Optional[Mapping[str, Any]]] = {}


def _row(cls: type) -> Optional[Mapping[str, Any]]:
    row = _ROWS.get(cls, _MISSING)
    if row is _MISSING:
        try:  # the table beside the models module (pydantic style only)
            # Beside `models` (`pkg.models`, or `pkg.models._group` in a split models package).
            module = importlib.import_module(cls.__module__.rsplit(".models", 1)[0] + "._schemas")
        except ImportError:
            module = None
        table = getattr(module, "DRIFT_SCHEMAS", None)
        row = table.get(cls.__name__) if isinstance(table, Mapping) else None
        _ROWS[cls] = row
    return cast(Optional[Mapping[str, Any]], row)


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _secret(key: object) -> bool:
    lowered = str(key).lower()
    return any(word in lowered for word in _SECRET_WORDS)


def example(value: Any, depth: int = 0) -> Any:
    """A JSON-able copy of `value` small enough for a report, secrets replaced."""
    if isinstance(value, pydantic.BaseModel):
        value = value.model_dump(mode="json", by_alias=True)
    if isinstance(value, str):
        return value if len(value) <= _EXAMPLE_TEXT else value[:_EXAMPLE_TEXT] + "..."
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if depth >= _EXAMPLE_DEPTH:
        return None
    if isinstance(value, Mapping):
        return {
            str(k): "<redacted>" if _secret(k) and isinstance(v, str) else example(v, depth + 1)
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [example(v, depth + 1) for v in list(value)[:_EXAMPLE_ITEMS]]
    return str(value)[:_EXAMPLE_TEXT]


class Drift:
    """Counts of the unknowns this client received; see the module docstring.

    ``enabled`` is the only thing read on a request when it is off.
    """

    def __init__(self, enabled: bool = False) -> None:
        self.enabled = enabled
        self._lock = threading.Lock()
        self._fields: Dict[str, Dict[str, Any]] = {}
        self._enums: Dict[str, Dict[str, Any]] = {}
        self._variants: Dict[str, Dict[str, Any]] = {}

    def enable(self) -> None:
        self.enabled = True

    def disable(self) -> None:
        """Stop recording; what was recorded stays until `reset()`."""
        self.enabled = False

    def reset(self) -> None:
        with self._lock:
            self._fields.clear()
            self._enums.clear()
            self._variants.clear()

    def __bool__(self) -> bool:
        """True when anything was recorded."""
        return bool(self._fields or self._enums or self._variants)

    def __repr__(self) -> str:
        state = "on" if self.enabled else "off"
        return (
            f"<Drift {state}: {len(self._fields)} fields, {len(self._enums)} enums, "
            f"{len(self._variants)} unions>"
        )

    # -- reading --------------------------------------------------------

    def report(self) -> Dict[str, Any]:
        """The report as JSON-able data, every mapping sorted by key."""
        with self._lock:
            return {
                "clientgen_drift": FORMAT,
                "fields": {p: dict(self._fields[p]) for p in sorted(self._fields)},
                "enums": {p: _sorted_values(self._enums[p]) for p in sorted(self._enums)},
                "variants": {p: _sorted_tags(self._variants[p]) for p in sorted(self._variants)},
            }

    def save(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Write `report()` as JSON (replacing the file in one step)."""
        text = json.dumps(self.report(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        temporary = f"{os.fspath(path)}.tmp{os.getpid()}"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)

    # -- recording ------------------------------------------------------

    def seen(self, value: Any) -> Any:
        """Record the unknowns in a parsed answer; returns it unchanged."""
        if self.enabled:
            try:
                self.scan(value)
            except Exception:  # a report must never break a call
                pass
        return value

    def watching(self, parser: Callable[[Any], T]) -> Callable[[Any], T]:
        """`parser`, recording the unknowns in what it returns."""
        return lambda response: self.seen(parser(response))

    def watch(self, adapter: "pydantic.TypeAdapter[T]") -> "pydantic.TypeAdapter[T]":
        """A stream's adapter, recording each event's unknowns (itself when off)."""
        return cast("pydantic.TypeAdapter[T]", _Watched(adapter, self)) if self.enabled else adapter

    def scan(self, value: Any) -> None:
        stack: List[Any] = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, pydantic.BaseModel):
                self._model(item, stack)
            elif type(item) is list or type(item) is tuple:
                stack.extend(item)
            elif type(item) is dict:
                stack.extend(item.values())
            elif isinstance(getattr(item, "response", None), pydantic.BaseModel):
                stack.append(item.response)  # a page: its items are in the answer it holds

    def _model(self, item: pydantic.BaseModel, stack: List[Any]) -> None:
        cls = type(item)
        row = _row(cls)
        if row is not None:
            union = row.get("union")
            if union is not None:
                self._variant(union, row.get("tag"), item)
                return  # its fields are the new variant's, not drift of their own
            pointer = row["pointer"]
            extra = item.__pydantic_extra__
            if extra and not row.get("open"):
                for key, raw in extra.items():
                    hidden = _secret(key) and isinstance(raw, str)
                    self._field(
                        f"{pointer}/properties/{_escape(key)}", "<redacted>" if hidden else raw
                    )
            for name, (where, known) in row.get("enums", {}).items():
                got = getattr(item, name, None)
                for one in got if isinstance(got, list) else (got,):
                    if one is not None and one not in known:
                        self._enum(where, one)
        for name in cls.model_fields:
            got = getattr(item, name, None)
            if got is not None and not isinstance(got, (str, int, float, bool)):
                stack.append(got)

    def _field(self, pointer: str, raw: Any) -> None:
        with self._lock:
            entry = self._fields.get("#" + pointer)
            if entry is None:
                self._fields["#" + pointer] = {"count": 1, "example": example(raw)}
            else:
                entry["count"] += 1

    def _enum(self, pointer: str, value: Any) -> None:
        with self._lock:
            values = self._enums.setdefault("#" + pointer, {})
            key = json.dumps(value) if not isinstance(value, str) else value
            values[key] = values.get(key, 0) + 1

    def _variant(self, pointer: str, tag_property: Optional[str], item: pydantic.BaseModel) -> None:
        data = item.model_dump(mode="json", by_alias=True)
        if tag_property:
            tag = str(data.get(tag_property))
        else:  # chosen by which key is present: the keys name it
            tag = ",".join(sorted(data))
        with self._lock:
            union = self._variants.setdefault(
                "#" + pointer, {"property": tag_property or None, "tags": {}}
            )
            entry = union["tags"].get(tag)
            if entry is None:
                union["tags"][tag] = {"count": 1, "example": example(data)}
            else:
                entry["count"] += 1


class _Watched:
    """A TypeAdapter whose `validate_python` also records drift."""

    __slots__ = ("_adapter", "_drift")

    def __init__(self, adapter: "pydantic.TypeAdapter[Any]", drift: Drift) -> None:
        self._adapter = adapter
        self._drift = drift

    def validate_python(self, data: Any, *args: Any, **kwargs: Any) -> Any:
        return self._drift.seen(self._adapter.validate_python(data, *args, **kwargs))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._adapter, name)


def _sorted_values(values: Mapping[str, int]) -> Dict[str, Any]:
    return {"values": {v: {"count": values[v]} for v in sorted(values)}}


def _sorted_tags(union: Mapping[str, Any]) -> Dict[str, Any]:
    tags: Mapping[str, Any] = union["tags"]
    return {"property": union["property"], "tags": {t: dict(tags[t]) for t in sorted(tags)}}
