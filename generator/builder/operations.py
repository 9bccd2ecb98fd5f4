"""Paths -> `Operation`s: parameters, bodies and responses, typed through the schema builder."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from generator import naming
from generator.builder import pointers, querystring
from generator.builder.defaults import default_fits
from generator.builder.errors import BuildError, BuildWarning
from generator.builder.path_items import path_item_operations
from generator.builder.hints import spec_examples, value_hints, with_examples
from generator.builder.schemas import SchemaBuilder, clean_text
from generator.builder.sequences import framing_of
from generator.ir import AnyType, Field, ListType, MapType, Operation, Parameter, PartEncoding, PrimitiveType, RequestBody, Response
from generator.ir.operations import DEFAULT_STYLES, STYLES, BodyEncoding, ResponseKind
from generator.http_methods import IDEMPOTENT
from generator.ir.types import strip_nullable

# Sent by the client itself; a spec parameter of that name would fight it.
_MANAGED_HEADERS = frozenset({"authorization", "content-type", "accept", "content-length"})


def is_json(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


class OperationBuilder:
    def __init__(self, document: Mapping[str, Any], schemas: SchemaBuilder, warnings: list[BuildWarning]) -> None:
        self._document = document
        self._schemas = schemas
        self._warnings = warnings

    def operations(self) -> list[tuple[str, Operation, Mapping[str, Any]]]:
        """Every operation with the raw operation object (for tags), in path then method order."""
        found = []
        seen_ids: dict[str, str] = {}
        paths = self._document.get("paths") or {}
        for path in sorted(paths):
            item, item_pointer = pointers.deref(self._document, paths[path], pointers.join("/paths", path))
            if not isinstance(item, Mapping):
                continue
            for method, raw, pointer in path_item_operations(item, item_pointer):
                operation = self._operation(path, method, item, raw, pointer)
                if operation.operation_id in seen_ids:
                    # Config keys and names need ids to be unique: keep the first, rename this one.
                    unique_id = naming.unique(operation.operation_id, seen_ids)
                    self._warnings.append(BuildWarning(
                        f"operationId {operation.operation_id!r} is also used at {seen_ids[operation.operation_id]}; "
                        f"this one is called {unique_id!r}", pointers.join(pointer, "operationId")))
                    operation = dataclasses.replace(operation, operation_id=unique_id)
                seen_ids[operation.operation_id] = pointer
                found.append((pointer, operation, raw))
        return found

    def _operation(self, path: str, method: str, item: Mapping[str, Any], raw: Mapping[str, Any], pointer: str) -> Operation:
        operation_id = raw.get("operationId")
        if not isinstance(operation_id, str) or not operation_id:
            operation_id = naming.snake_case(f"{method} {path}")
            self._warnings.append(BuildWarning(f"operation has no operationId; named {operation_id!r}", pointer))
        hint = naming.class_name(operation_id)
        parameters = self._parameters(path, item, raw, pointer, hint)
        body = self._body(raw, pointer, hint, {p.python_name for p in parameters})
        responses = self._responses(raw, pointer, hint)
        success = _pick_success(responses)
        return Operation(
            operation_id=operation_id,
            method=method,
            path=path,
            parameters=parameters,
            body=body,
            success=success,
            responses=responses,
            summary=clean_text(raw.get("summary")),
            description=clean_text(raw.get("description")),
            deprecated=bool(raw.get("deprecated")),
            idempotent=method in IDEMPOTENT,
            tags=tuple(str(t) for t in raw.get("tags") or () if isinstance(t, (str, int))),
        )

    # -- parameters ---------------------------------------------------------

    def _parameters(self, path: str, item: Mapping[str, Any], raw: Mapping[str, Any], pointer: str, hint: str) -> tuple[Parameter, ...]:
        merged: dict[tuple[str, str], tuple[Mapping[str, Any], str]] = {}
        for owner, owner_pointer in ((item, pointer.rsplit("/", 1)[0]), (raw, pointer)):
            for index, entry in enumerate(owner.get("parameters", []) or []):
                where = pointers.join(owner_pointer, "parameters", index)
                param, param_pointer = pointers.deref(self._document, entry, where)
                if not isinstance(param, Mapping) or not isinstance(param.get("name"), str):
                    raise BuildError("parameter without a name", where, "give every parameter `name` and `in`")
                merged[(param["name"], str(param.get("in")))] = (param, param_pointer)
        querystring.check_locations(merged)
        built: list[Parameter] = []
        taken: list[str] = []
        order = {"path": 0, "query": 1, "querystring": 1, "header": 2, "cookie": 3}
        for (name, location), (param, where) in sorted(merged.items(), key=lambda kv: order.get(kv[0][1], 9)):
            if location not in order:
                raise BuildError(f"parameter {name!r} has unknown location {location!r}", where,
                                 "use in: path, query, querystring, header or cookie")
            if location == "header" and name.lower() in _MANAGED_HEADERS:
                continue
            python_name = naming.unique(naming.parameter_name(name), taken)
            taken.append(python_name)
            if message := naming.rename_warning("parameter", name, python_name):
                self._warnings.append(BuildWarning(message, where))
            if location == "path" and not param.get("required"):
                self._warnings.append(BuildWarning(
                    f"path parameter {name!r} is not marked required; path parameters always are, so it is", where))
            schema = param.get("schema")
            if location == "querystring":
                form, style, explode = querystring.media_and_style(param, where, is_json)
                schema = (param["content"][form] or {}).get("schema") or {}
            else:
                style, explode = self._style(param, location, where)
            if schema is None and isinstance(param.get("content"), Mapping):
                media = next(iter(sorted(param["content"])), None)
                schema = (param["content"][media] or {}).get("schema") if media else None
                # A `content` parameter is its media type's text (JSON), not a style's.
                style, explode = ("json", False) if media and is_json(media) else (style, explode)
            type_ref = self._schemas.type_of(schema or {}, pointers.join(where, "schema"), hint + naming.pascal_case(name))
            if location == "querystring" and style == "urlencoded" and self._schemas.object_fields(type_ref) is None \
                    and not isinstance(strip_nullable(type_ref), (MapType, AnyType)):
                raise BuildError("a form querystring's schema must be an object", pointers.join(where, "content"),
                                 "give it type: object with properties, or use application/json")
            default = schema.get("default") if isinstance(schema, Mapping) else None
            if default is not None and not default_fits(default, schema):
                self._warnings.append(BuildWarning(
                    f"default {default!r} of parameter {name!r} does not fit its schema; ignored", where))
                default = None
            built.append(
                Parameter(
                    python_name=python_name,
                    wire_name=name,
                    location=location,  # type: ignore[arg-type]
                    type=type_ref,
                    required=bool(param.get("required")) or location == "path",
                    description=clean_text(param.get("description")),
                    has_default=isinstance(schema, Mapping) and "default" in schema and isinstance(default, (str, int, float, bool)),
                    default=default if isinstance(default, (str, int, float, bool)) else None,
                    deprecated=bool(param.get("deprecated")),
                    style=style,
                    explode=explode,
                    allow_reserved=location == "query" and param.get("allowReserved") is True,
                    hints=value_hints(self._document, schema, spec_examples(param)),
                )
            )
        declared = {p.wire_name for p in built if p.location == "path"}
        for name in re.findall(r"\{([^{}]+)\}", path):
            if name not in declared:
                self._warnings.append(BuildWarning(
                    f"path parameter {name!r} is in the path but not declared; added as a string", pointer))
                python_name = naming.unique(naming.parameter_name(name), taken)
                taken.append(python_name)
                built.insert(0, Parameter(python_name, name, "path", PrimitiveType("str"), True, style="simple"))
                declared.add(name)
        return tuple(built)

    def _style(self, param: Mapping[str, Any], location: str, where: str) -> tuple[str, bool]:
        """`style` and `explode` as the spec defines them for the location (defaults filled in)."""
        style = param.get("style", DEFAULT_STYLES[location])
        if style not in STYLES[location]:
            self._warnings.append(BuildWarning(
                f"style {style!r} is not defined for {location} parameters; sent as {DEFAULT_STYLES[location]!r}",
                pointers.join(where, "style")))
            style = DEFAULT_STYLES[location]
        explode = param.get("explode", style == "form")
        return style, explode if isinstance(explode, bool) else style == "form"

    # -- request body -------------------------------------------------------

    def _body(self, raw: Mapping[str, Any], pointer: str, hint: str, taken: set[str]) -> RequestBody | None:
        if "requestBody" not in raw:
            return None
        body, where = pointers.deref(self._document, raw["requestBody"], pointers.join(pointer, "requestBody"))
        content = body.get("content") if isinstance(body, Mapping) else None
        if not isinstance(content, Mapping) or not content:
            return None
        media_type = _preferred_media(content)
        media_pointer = pointers.join(where, "content", media_type)
        schema = (content[media_type] or {}).get("schema") or {}
        encoding = _encoding(media_type, schema)
        required = bool(body.get("required"))
        description = clean_text(body.get("description"))
        if encoding == "binary":
            return RequestBody(media_type, encoding, required, whole=PrimitiveType("file"), description=description)
        type_ref = self._schemas.type_of(schema, pointers.join(media_pointer, "schema"), hint + "Request")
        model = self._schemas.object_fields(type_ref)
        if model is None:
            if encoding != "json" and not isinstance(strip_nullable(type_ref), (MapType, AnyType)):
                # A form has named fields; an array or scalar has none to send them under.
                self._warnings.append(BuildWarning(
                    f"{media_type} body schema is not an object: the method takes the encoded body as bytes",
                    pointers.join(media_pointer, "schema")))
                return RequestBody(media_type, "binary", required, whole=PrimitiveType("file"), description=description)
            return RequestBody(media_type, encoding, required, whole=type_ref, description=description,
                               hints=value_hints(self._document, schema, spec_examples(content[media_type] or {})))
        fields = []
        # The media type's example of the whole body gives each flattened field its own.
        whole_examples = [e for e in spec_examples(content[media_type] or {}) if isinstance(e, Mapping)]
        names = set(taken)
        for field in model:
            if field.read_only:
                continue  # the server's to set: not an argument, not sent
            python_name = naming.unique(naming.parameter_name(field.wire_name), names)
            names.add(python_name)
            if message := naming.rename_warning("body field", field.wire_name, python_name):
                self._warnings.append(BuildWarning(message, pointers.join(media_pointer, "schema")))
            field_type = field.type
            if encoding == "multipart" and field_type == PrimitiveType("bytes"):
                field_type = PrimitiveType("file")
            elif encoding == "multipart" and field_type == ListType(PrimitiveType("bytes")):
                field_type = ListType(PrimitiveType("file"))
            hints = with_examples(field.hints, tuple(e[field.wire_name] for e in whole_examples if field.wire_name in e))
            fields.append(Field(python_name, field.wire_name, field_type, field.required, field.description,
                                field.has_default, field.default, field.deprecated, hints))
        encodings = self._part_encodings(content[media_type] or {}, encoding, media_pointer, {f.wire_name for f in fields})
        return RequestBody(media_type, encoding, required, fields=tuple(fields), description=description,
                           encodings=encodings)

    def _part_encodings(self, media: Mapping[str, Any], encoding: BodyEncoding, pointer: str,
                        names: set[str]) -> tuple[tuple[str, PartEncoding], ...]:
        """The media type's `encoding` map, for the fields the body has."""
        raw = media.get("encoding")
        if not isinstance(raw, Mapping):
            return ()
        found = []
        for name in sorted(raw):
            entry, where = pointers.deref(self._document, raw[name], pointers.join(pointer, "encoding", name))
            if not isinstance(entry, Mapping) or name not in names:
                continue
            content_type = entry.get("contentType") if isinstance(entry.get("contentType"), str) else None
            if encoding == "form":
                if not any(k in entry for k in ("style", "explode", "allowReserved")):
                    # 3.1.1: without a style, the contentType says how (JSON text for JSON types).
                    if content_type and is_json(content_type):
                        found.append((name, PartEncoding(style="json", explode=False)))
                    continue
                style = entry.get("style", "form")
                if style not in STYLES["query"]:
                    self._warnings.append(BuildWarning(
                        f"style {style!r} is not defined for form fields; sent as 'form'", pointers.join(where, "style")))
                    style = "form"
                explode = entry.get("explode", style == "form")
                found.append((name, PartEncoding(style=style, explode=explode if isinstance(explode, bool) else style == "form",
                                                 allow_reserved=entry.get("allowReserved") is True)))
            elif encoding == "multipart":
                headers = self._part_headers(entry.get("headers"), where)
                if content_type or headers:
                    found.append((name, PartEncoding(content_type=content_type, headers=headers)))
        return tuple(found)

    def _part_headers(self, raw: Any, pointer: str) -> tuple[tuple[str, str], ...]:
        """Part headers with a value the spec fixes (schema `const`, `default` or one `enum`);
        the others only describe what a part may carry. Content-Type is `contentType`'s job."""
        if not isinstance(raw, Mapping):
            return ()
        headers = []
        for name in sorted(raw):
            if name.lower() == "content-type":
                continue
            header, _ = pointers.deref(self._document, raw[name], pointers.join(pointer, "headers", name))
            schema = header.get("schema") if isinstance(header, Mapping) else None
            if not isinstance(schema, Mapping):
                continue
            enum = schema.get("enum")
            value = schema.get("const", schema.get("default", enum[0] if isinstance(enum, list) and len(enum) == 1 else None))
            if isinstance(value, bool):
                headers.append((name, "true" if value else "false"))
            elif isinstance(value, (str, int, float)) and not re.search(r"[\r\n]", str(value)):
                headers.append((name, str(value)))
        return tuple(headers)

    # -- responses ----------------------------------------------------------

    def _responses(self, raw: Mapping[str, Any], pointer: str, hint: str) -> tuple[Response, ...]:
        responses = raw.get("responses") or {}
        built = []
        for status in sorted(map(str, responses)):
            if not _STATUS.match(status):
                self._warnings.append(BuildWarning(
                    f"response status {status!r} is not an HTTP status code, a range like 2XX, or default; skipped",
                    pointers.join(pointer, "responses", status)))
                continue
            response, where = pointers.deref(self._document, responses[status], pointers.join(pointer, "responses", status))
            if not isinstance(response, Mapping):
                continue
            description = clean_text(response.get("description"))
            content = response.get("content") or {}
            if content and status in _NO_CONTENT:
                self._warnings.append(BuildWarning(
                    f"a {status} answer carries no content (RFC 9110), so its declared content is ignored: "
                    "the method returns None for it (declare the body under a 200 if the API sends one)",
                    pointers.join(where, "content")))
                content = {}
            if not content:
                built.append(Response(status, None, "empty", None, description))
                continue
            for media_type in sorted(content):
                schema = (content[media_type] or {}).get("schema")
                framing = framing_of(media_type, content[media_type])
                kind: ResponseKind = "sequence" if framing not in (None, "sse") else _response_kind(media_type, schema)
                type_ref = None
                if kind == "json" or (kind == "sse" and _is_structured(schema)):
                    suffix = ("Event" if kind == "sse" else "Response") if status.startswith("2") else f"Error{status}"
                    type_ref = self._schemas.type_of(schema or {}, pointers.join(where, "content", media_type, "schema"), hint + suffix)
                built.append(Response(status, media_type, kind, type_ref, description))
        return tuple(built)


_NO_CONTENT = frozenset({"204", "205", "304"})  # statuses HTTP forbids a body on
_STATUS = re.compile(r"^([1-5]\d\d|[1-5]XX|default)$", re.IGNORECASE)
def _is_structured(schema: Any) -> bool:
    """An SSE schema that describes the events (a $ref or an object), not `type: string`."""
    return isinstance(schema, Mapping) and ("$ref" in schema or schema.get("type") in ("object", None) and bool(schema))


def _pick_success(responses: tuple[Response, ...]) -> Response:
    """The 2xx answer the method returns: JSON over anything else, the lowest status first.
    Without a 2xx: the `default` answer with a body, else a 3xx with a body (a documented
    redirect that carries data, e.g. `307 {"redirect_to": ...}`, is the answer, not a hop)."""
    successes = [r for r in responses if r.status.startswith("2") or r.status.upper() == "2XX"]
    if not successes:
        successes = [r for r in responses if r.status == "default" and r.kind != "empty"]
    if not successes:
        successes = [r for r in responses if r.status[0] == "3" and r.status.isdigit() and r.kind != "empty"]
    if not successes:
        return Response("200", None, "empty", None)
    rank = {"json": 0, "binary": 1, "text": 2, "empty": 3, "sse": 4, "sequence": 5}
    return sorted(successes, key=lambda r: (r.status, rank[r.kind]))[0]


def _preferred_media(content: Mapping[str, Any]) -> str:
    def rank(media: str) -> tuple[int, str]:
        if is_json(media):
            return (0, media)
        if media.startswith("multipart/"):
            return (1, media)
        if media == "application/x-www-form-urlencoded":
            return (2, media)
        return (3, media)

    return sorted(content, key=rank)[0]


def _encoding(media_type: str, schema: Any = None) -> BodyEncoding:
    if is_json(media_type) or media_type.split(";")[0].strip().lower() in _RANGES and _is_data(schema):
        return "json"
    if media_type.startswith("multipart/"):
        return "multipart"
    if media_type == "application/x-www-form-urlencoded":
        return "form"
    return "binary"


def _response_kind(media_type: str, schema: Any = None) -> ResponseKind:
    base = media_type.split(";")[0].strip().lower()
    if is_json(base) or base in _RANGES and _is_data(schema):
        # `*/*` with an object schema (many Spring-made specs) is JSON in practice.
        return "json"
    if base == "text/event-stream":
        return "sse"
    # XML and other text formats are handed over as text; the rest as bytes.
    if base.startswith("text/") or base in _TEXT_TYPES or base.endswith("+xml"):
        return "text"
    return "binary"


_RANGES = frozenset({"*/*", "application/*"})


def _is_data(schema: Any) -> bool:
    """A schema for structured data, not for a file or free text."""
    if not isinstance(schema, Mapping):
        return False
    kind = schema.get("type")
    return "$ref" in schema or "properties" in schema or kind in ("object", "array", "integer", "number", "boolean")


_TEXT_TYPES = frozenset({"application/xml", "application/yaml", "application/x-yaml", "application/x-ndjson",
                         "application/javascript", "application/x-www-form-urlencoded"})


