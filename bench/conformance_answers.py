"""Whether an answer the client refused breaks the spec's own schema: the judge of a "parse"
failure. Prism answers with the spec's example (or, where there is none, a value its sampler
builds); when jsonschema, not clientgen, finds that answer invalid against the very schema the
operation declares, the document (or the mock) is at fault. When jsonschema accepts it, the
refusal is the client's and the failure stays ours.

`AnswerJudge(document).breach(where, answer)` -> "" or "spec: why".
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

import jsonschema

from generator.builder.pointers import escape as _escape

DETAIL = " — "  # what follows is this one failure's detail; reports group causes by what precedes it
_DEPTH = 40  # schema levels walked for discriminators (a recursive schema ends here)
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_FORMATS = jsonschema.FormatChecker()


@_FORMATS.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    return not isinstance(value, str) or bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) and datetime.date.fromisoformat(value))


@_FORMATS.checks("date-time", raises=ValueError)
def _is_datetime(value: object) -> bool:
    return not isinstance(value, str) or bool(_RFC3339.match(value))


class AnswerJudge:
    """One spec's document, made JSON Schema once for all of its failures."""

    def __init__(self, document: dict[str, Any]) -> None:
        self._document = document
        self._root = _open_api_to_json_schema(document)
        self._validator = jsonschema.Draft202012Validator if str(document.get("openapi", "")).startswith("3.1") \
            else jsonschema.Draft4Validator

    def breach(self, where: tuple[str, str], answer: dict[str, Any]) -> str:
        """`where`: (path, method) of the operation; `answer`: status, content_type and body text."""
        pointer = _schema_pointer(self._document, where, str(answer.get("status", "")), str(answer.get("content_type", "")))
        if pointer is None:
            return ""
        try:
            body = json.loads(answer.get("body") or "")
        except ValueError:
            return ""  # not JSON at all: whether it should be is the client's question
        try:
            error = self._first_error(pointer, body)
            if error is None:
                return self._variant_breach(pointer, body, "", 0)
        except Exception:  # a schema jsonschema cannot use (bad ref, bad regex, too deep): no evidence either way
            return ""
        at = "/".join(str(p) for p in error.absolute_path) or "(the whole answer)"
        return (f"spec: the answer Prism sent (the spec's example, or its sampler's) breaks the spec's own schema{DETAIL}"
                f"at {at}: {error.message[:120]}")

    def _first_error(self, pointer: str, value: Any) -> Any:
        validator = self._validator({**self._root, "$ref": "#" + pointer}, format_checker=_FORMATS)
        return jsonschema.exceptions.best_match(validator.iter_errors(value))

    def _variant_breach(self, pointer: str, value: Any, at: str, depth: int) -> str:
        """What jsonschema cannot see: OpenAPI's discriminator says the schema its `mapping`
        names for a value's tag applies to that value (rebilly's `Discount` parent, `{type}`
        only, maps `fixed` to a schema requiring `amount`). Walks properties, items and allOf."""
        schema = _resolve(self._document, pointer)
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and depth < _DEPTH:
            pointer, schema, depth = schema["$ref"][1:], _resolve(self._document, schema["$ref"][1:]), depth + 1
        if not isinstance(schema, dict) or depth >= _DEPTH:
            return ""
        discriminator = schema.get("discriminator")
        if isinstance(discriminator, dict) and isinstance(value, dict):
            target = (discriminator.get("mapping") or {}).get(value.get(discriminator.get("propertyName")))
            target = target[1:] if isinstance(target, str) and target.startswith("#") else None
            if target and target != pointer:
                error = self._first_error(target, value)
                if error is not None:
                    where = "/".join([at, *map(str, error.absolute_path)]).strip("/") or "(the whole answer)"
                    return ("spec: the answer Prism sent breaks the variant its discriminator names (OpenAPI: the "
                            f"mapped schema applies; Prism built it from the parent){DETAIL}at {where}: "
                            f"{error.message[:100]}")
        children: list[tuple[str, Any, str]] = []
        if isinstance(value, dict):
            properties = schema.get("properties") or {}
            children += [(f"{pointer}/properties/{_escape(k)}", v, f"{at}/{k}") for k, v in value.items() if k in properties]
        if isinstance(value, list) and isinstance(schema.get("items"), dict):
            children += [(f"{pointer}/items", v, f"{at}/{i}") for i, v in enumerate(value)]
        children += [(f"{pointer}/allOf/{i}", value, at) for i in range(len(schema.get("allOf") or []))]
        for child, child_value, child_at in children:
            found = self._variant_breach(child, child_value, child_at, depth + 1)
            if found:
                return found
        return ""


def _schema_pointer(document: dict[str, Any], where: tuple[str, str], status: str, content_type: str) -> str | None:
    path, method = where
    operation = ((document.get("paths") or {}).get(path) or {}).get(method)
    responses = operation.get("responses") if isinstance(operation, dict) else None
    if not isinstance(responses, dict):
        return None
    key = next((k for k in (status, f"{status[:1]}XX", f"{status[:1]}xx", "default") if k in responses), None)
    response = responses.get(key) if key else None
    prefix = f"/paths/{_escape(path)}/{method}/responses/{_escape(key or '')}"
    while isinstance(response, dict) and isinstance(response.get("$ref"), str):
        prefix = response["$ref"][1:]
        response = _resolve(document, prefix)
    content = response.get("content") if isinstance(response, dict) else None
    if not isinstance(content, dict):
        return None
    media = content_type.split(";")[0].strip()
    chosen = media if media in content else next((m for m in content if "json" in m), None)
    if chosen is None or not isinstance(content[chosen], dict) or "schema" not in content[chosen]:
        return None
    return f"{prefix}/content/{_escape(chosen)}/schema"


def _resolve(document: Any, pointer: str) -> Any:
    node = document
    for raw in pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        node = node.get(token) if isinstance(node, dict) else None
    return node


def _open_api_to_json_schema(node: Any) -> Any:
    """OpenAPI 3.0's `nullable: true` as JSON Schema's null type, so a null the spec allows is
    no breach (everything else of 3.0's dialect is plain draft 4, or ignored annotations); a
    schema with properties and no type is an object."""
    if isinstance(node, list):
        return [_open_api_to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _open_api_to_json_schema(value) for key, value in node.items()}
    if isinstance(out.get("properties"), dict) and "type" not in out:
        out["type"] = "object"  # what a schema with properties means (and clientgen reads): null is no object
    if out.get("nullable") is True:
        kind = out.get("type")
        if isinstance(kind, str):
            out["type"] = [kind, "null"]
        if isinstance(out.get("enum"), list) and None not in out["enum"]:
            out["enum"] = [*out["enum"], None]
        for combiner in ("oneOf", "anyOf"):
            if isinstance(out.get(combiner), list):
                out[combiner] = [*out[combiner], {"type": "null"}]
        if "$ref" in out or "allOf" in out:
            out = {"anyOf": [{k: v for k, v in out.items() if k != "nullable"}, {"type": "null"}]}
    return out
