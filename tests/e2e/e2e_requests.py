"""What the strict fake Dify (e2e_server) saw, and what it refuses.

`Recorded` is one request as received: method, raw and decoded path, path
params, query, headers, JSON body or multipart fields and files.
`match_operation` finds the spec operation a request line addresses, and
`request_problems` lists everything in a request the spec does not allow
(undeclared or repeated query params, values of the wrong type, enum or
date-time format, a body of the wrong media type, undeclared or missing
fields); the server records each as a violation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Tuple

from e2e_spec import Operation, operations

_NO_BODY = object()


# -- what the server saw ----------------------------------------------------


@dataclass(frozen=True)
class UploadedFile:
    filename: Optional[str]
    content_type: Optional[str]
    data: bytes


@dataclass
class Recorded:
    operation_id: str
    method: str
    path: str  # decoded, without the /v1 prefix
    raw_path: str  # as sent on the wire, without the /v1 prefix
    path_params: Dict[str, str]  # decoded
    query: List[Tuple[str, str]]
    headers: Dict[str, str]  # lower-cased names
    body: bytes = b""
    json: Any = _NO_BODY
    form: Dict[str, List[str]] = field(default_factory=dict)
    files: Dict[str, List[UploadedFile]] = field(default_factory=dict)

    @property
    def query_dict(self) -> Dict[str, str]:
        keys = [k for k, _ in self.query]
        assert len(keys) == len(set(keys)), f"repeated query keys: {self.query}"
        return dict(self.query)

    @property
    def has_json(self) -> bool:
        return self.json is not _NO_BODY

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


# -- what the spec allows ---------------------------------------------------


def match_operation(method: str, raw_path: str) -> Tuple[Optional[Operation], Dict[str, str], bool]:
    """(operation, raw path params, path_known) for a request line."""
    path_known = False
    for op in operations().values():
        found = op.path_regex.match(raw_path)
        if found:
            path_known = True
            if op.method == method:
                return op, found.groupdict(), True
    return None, {}, path_known


# RFC 3339 `date-time` (what OpenAPI's `format: date-time` means): a "T" between date and time.
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def _check_scalar(where: str, value: str, schema: Mapping[str, Any]) -> Optional[str]:
    kind = schema.get("type")
    if kind == "integer" and not value.lstrip("-").isdigit():
        return f"{where}: {value!r} is not an integer"
    if kind == "boolean" and value not in ("true", "false"):
        return f"{where}: {value!r} is not true/false"
    if "enum" in schema and value not in [str(v) for v in schema["enum"]]:
        return f"{where}: {value!r} not in {schema['enum']}"
    if schema.get("format") == "date-time" and not _RFC3339.match(value):
        return f"{where}: {value!r} is not an RFC 3339 date-time"
    return None


def request_problems(op: Operation, call: Recorded) -> List[str]:
    problems: List[str] = []
    for name in op.path_params:
        param = next(p for p in op.params if p.name == name and p.location == "path")
        problem = _check_scalar(f"path param {name}", call.path_params[name], param.schema)
        if problem:
            problems.append(problem)
    declared = op.query_params()
    seen: Dict[str, int] = defaultdict(int)
    for key, value in call.query:
        seen[key] += 1
        if key not in declared:
            problems.append(f"undeclared query param {key!r}")
            continue
        problem = _check_scalar(f"query param {key}", value, declared[key].schema)
        if problem:
            problems.append(problem)
    problems += [f"query param {k!r} repeated" for k, n in seen.items() if n > 1]
    problems += [
        f"missing required query param {p.name!r}"
        for p in declared.values()
        if p.required and p.name not in seen
    ]
    body = op.body
    if body is None:
        if call.body:
            problems.append(f"{op.method} {op.path} takes no body, got {call.body[:60]!r}")
        return problems
    if body.content_type == "application/json":
        if not call.body:
            if body.required:
                problems.append("missing JSON body")
            return problems
        if call.content_type.split(";")[0].strip() != "application/json":
            problems.append(f"JSON body sent as {call.content_type!r}")
        if not isinstance(call.json, dict):
            problems.append(f"JSON body is not an object: {call.body[:60]!r}")
            return problems
        keys = set(call.json)
    else:
        if not call.content_type.startswith("multipart/form-data"):
            problems.append(f"multipart body sent as {call.content_type!r}")
        keys = set(call.form) | set(call.files)
        for name in call.form:
            if name in body.binary_fields:
                problems.append(f"{name!r} must be a file part")
        for name in call.files:
            if name not in body.binary_fields:
                problems.append(f"{name!r} must be a text field")
    problems += [f"undeclared body field {k!r}" for k in sorted(keys - set(body.properties))]
    problems += [f"missing required body field {k!r}" for k in body.required_fields if k not in keys]
    return problems
