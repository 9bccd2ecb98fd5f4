"""What the conformance runner knows about a failure before blaming the client: the mock
server's own limits and documents that contradict themselves, each recognised from evidence
(Prism's error code and the operation's shape in the IR), never from a spec's name.

`blocked_by(line, facts)` says "prism: why" or "spec: why" when the evidence is there, else "".
A blocked failure still fails (the last line counts it); the runner reports the share of the
operations nothing blocked apart, and that share is what CI holds to its floor.

Also `prism_document`: the copy of a spec Prism is started on, where Prism cannot serve the
spec as written but the client's requests and the examples stay the same.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from generator.builder import pointers
from generator.ir import Api, Operation

_FORM_MEDIA = ("multipart/form-data", "application/x-www-form-urlencoded")
_REQUIRED = re.compile(r"must have required property '([^']+)'")
# Prism's router refusing a path: by code, or (some answers carry no code) by its message
_UNROUTED = ("NO_PATH_MATCHED_ERROR", "NO_METHOD_MATCHED_ERROR", "hasn't been found in the specification file")
# A header parameter OpenAPI says SHALL be ignored (the client sends its own), checked by Prism
_IGNORED_HEADER = re.compile(r"\bheader(?:\.([\w-]+))?: Request header (?:parameter ([\w-]+) |must have required property '([\w-]+)')")
_SHORT_BODY = re.compile(r"peer closed connection without sending complete message body \(received 0 bytes")
_NOT_OF_KIND = re.compile(r"\bbody\.([^\s:.]+)(?:\.\S*)?:? Request body property \S+ must be (?:object|array)")


def operation_facts(api: Api, warnings: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
    """{operationId: what `blocked_by` looks at}, plain JSON so saved runs keep it. `warnings`:
    the generator's, whose pointers tie a contradiction in the document to an operation."""
    undeclared = _undeclared_required(warnings)
    digest = {scheme.key for scheme in api.security if scheme.kind == "digest"}
    return {op.operation_id: {**_facts(op, undeclared), "digest": _sends(op.security or api.default_security, digest)}
            for resource in api.resources for op in resource.operations}


def _sends(requirement: tuple[tuple[str, ...], ...], schemes: set[str]) -> bool:
    """The operation's only way in uses one of `schemes`."""
    return len(requirement) == 1 and bool(schemes & set(requirement[0]))


_UNDECLARED = re.compile(r"#(/paths/\S*?/requestBody)\S*: warning: `required` names (.*?), which `properties` does not")


def _undeclared_required(warnings: tuple[str, ...]) -> dict[str, list[str]]:
    """Request body pointer -> the names its schemas require but never declare."""
    found: dict[str, list[str]] = {}
    for warning in warnings:
        match = _UNDECLARED.search(warning)
        if match:
            found.setdefault(match.group(1), []).extend(re.findall(r"'([^']+)'", match.group(2)))
    return found


def _facts(op: Operation, undeclared: dict[str, list[str]]) -> dict[str, Any]:
    body = op.body
    body_pointer = pointers.join("/paths", op.path, op.method, "requestBody")
    form = body is not None and body.media_type in _FORM_MEDIA
    return {
        "fragment_path": "#" in op.path,
        "form_fields": sorted({f.wire_name for f in body.fields} - {name for name, e in body.encodings if e.style})
        if form and body is not None else [],
        "null_only": sorted(p.wire_name for p in op.parameters if _null_only(p.hints)),
        "no_responses": not op.responses,
        "errors_only": bool(op.responses) and all(r.status[0] in "45" for r in op.responses),
        "where": [op.path, op.method],
        "method": op.http_method,  # the token as sent (QUERY, an additionalOperations key)
        "has_body": body is not None,
        "shared_segment": bool(re.search(r"\}[^/{}]+\{", op.path)),  # `{position}.{ext}`
        "bare_stream": op.success.kind == "sse" and op.success.type is None,
        "redirects": any(r.status[0] == "3" for r in op.responses),
        "undeclared_required": sorted(set(undeclared.get(body_pointer, ()))),
    }


def _null_only(hints: Any) -> bool:
    while hints is not None and not hints.allowed and hints.item is not None:
        hints = hints.item  # an array's items
    return hints is not None and bool(hints.allowed) and all(text == "null" for text in hints.allowed)


_OAS30_METHODS = frozenset({"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"})


def blocked_by(line: str, facts: dict[str, Any] | None) -> str:
    facts = facts or {}
    if "NO_COMPLEX_OBJECT_TEXT" in line:
        return "prism: cannot serve an object under a media type that is not JSON"
    if "SCHEMA_TOO_COMPLEX" in line:
        return "prism: gave up building an answer (SCHEMA_TOO_COMPLEX)"
    if line.startswith("the answer was null: "):
        return "prism: answered `null`, where it could build no example for the declared schema"
    if facts.get("shared_segment") and re.search(r"\bpath\.[\w-]+: Request path parameter", line):
        return "prism: splits a segment of two parameters (`{a}.{b}`) at the first separator, inside a value that has one"
    if facts.get("bare_stream") and line.startswith("the stream carried no event"):
        return "prism: the spec gives the stream neither schema nor example, so Prism sends no event"
    if line.startswith("Prism crashed on this request"):
        return "prism: crashed on the request"
    if _SHORT_BODY.search(line):
        return "prism: announced a body length (the spec's example `Content-Length` header) and sent no body"
    if facts.get("redirects") and "Name or service not known" in line:
        return "prism: redirects to the spec's example `Location`, a host outside the mock (no network here)"
    if facts.get("redirects") and re.match(r"3\d\d ", line):
        return "spec: a documented redirect that declares no `Location` header, so there is nowhere to follow"
    if facts.get("fragment_path") and any(sign in line for sign in _UNROUTED):
        return "prism: routes by the path's `#` fragment, which no HTTP request carries"
    if "NO_METHOD_MATCHED_ERROR" in line and str(facts.get("method", "GET")).upper() not in _OAS30_METHODS:
        return "prism: routes only the methods OpenAPI 3.0/3.1 name (no QUERY, no additionalOperations)"
    if facts.get("digest") and line.startswith("401 ") and "Invalid security scheme" in line:
        return "prism: sends no Digest challenge (`WWW-Authenticate`), so an HTTP digest client has nothing to answer"
    if "NO_RESPONSE_RESPONSE_DEFINED" in line or facts.get("no_responses"):
        return "spec: the operation declares no response with an HTTP status"
    if facts.get("errors_only"):
        return "spec: the operation declares only error answers (no 2xx, 3xx or default), so no call can succeed"
    if line.startswith("generate failed: LoadError"):
        return "spec: the document is broken (clientgen refuses it with its pointer)"
    header = _IGNORED_HEADER.search(line)
    name = next((n for n in header.groups() if n), "").lower() if header else ""
    if name in ("authorization", "accept") or (name == "content-type" and not facts.get("has_body", True)):
        return f"prism: checks a `{name}` header parameter, which OpenAPI says to ignore (the client sends its own)"
    missing = _REQUIRED.search(line)
    if missing and "%" in missing.group(1):
        return "prism: looks the parameter up by its percent-encoded name"
    if missing and "body" in line.split(":", 1)[0] and missing.group(1) in facts.get("undeclared_required", ()):
        return "spec: the body requires a property its schema does not declare, so no client built from it sends one"
    if missing and missing.group(1) in facts.get("null_only", ()):
        return "spec: a required query value that may only be null, which a query string cannot carry"
    wrong = _NOT_OF_KIND.search(line)
    if wrong and wrong.group(1) in facts.get("form_fields", ()):
        return "prism: checks form fields and parts as plain strings (no JSON parts, the last of repeated keys)"
    return ""


def prism_document(spec: Path, work: Path) -> Path:
    """`spec`, or a copy for Prism: a response under `*/*` with a schema is served as JSON
    (Prism answers 500 NO_COMPLEX_OBJECT_TEXT for an object under `*/*`, whatever the request
    accepts). Only single-file specs are copied: a relative `$ref` must stay beside its file."""
    text = spec.read_text(encoding="utf-8", errors="replace")
    if "*/*" not in text or re.search(r"""\$ref["']?\s*:\s*["']?(?!#)[^"'\s]""", text):
        return spec
    import yaml

    document = json.loads(text) if spec.suffix == ".json" else yaml.safe_load(text)
    if not _serve_wildcards_as_json(document):
        return spec
    copy = work / f"prism-{spec.stem}.json"
    copy.write_text(json.dumps(document), encoding="utf-8")
    return copy


def _serve_wildcards_as_json(document: Any) -> bool:
    changed = False
    for item in (document.get("paths") or {}).values() if isinstance(document, dict) else ():
        for operation in item.values() if isinstance(item, dict) else ():
            responses = operation.get("responses") if isinstance(operation, dict) else None
            for response in responses.values() if isinstance(responses, dict) else ():
                content = response.get("content") if isinstance(response, dict) else None
                if isinstance(content, dict) and "*/*" in content and "application/json" not in content \
                        and isinstance(content["*/*"], dict) and "schema" in content["*/*"]:
                    content["application/json"] = content.pop("*/*")
                    changed = True
    return changed
