"""What a generated method hands the runtime, as source text: each argument as sent
(parameter styles, form encodings), the body keywords, the answer's parser and
Accept header, the error models, and the module constants they need."""

from __future__ import annotations

from typing import Mapping

from generator import naming
from generator.emit.views import literals
from generator.emit.formatting import DEFAULT_LINE_LENGTH
from generator.emit.formatting.layout import PLACES, assigned_call, display_at, split_annotation
from generator.emit.views.type_printer import TypePrinter
from generator.ir import (
    AnyType,
    Field,
    ListType,
    MapType,
    ModelDef,
    NamedType,
    Operation,
    Parameter,
    PartEncoding,
    PrimitiveType,
    Response,
    SchemaDef,
    TypeRef,
)
from generator.ir.types import strip_nullable

_FILE = PrimitiveType("file")


class Constants:
    """Module-level adapters and specs, named once each, in order of first use."""

    def __init__(self, line_length: int = DEFAULT_LINE_LENGTH, deferred_if: str | None = None) -> None:
        """`deferred_if`: text (`_models.`) whose presence in a value defers it to first use."""
        self.items: dict[str, tuple[str, str, str]] = {}
        self.line_length = line_length
        self.deferred_if = deferred_if
        self.deferred: set[str] = set()  # keys of the values built by a cached function on first use

    def add(self, key: str, name: str, annotation: str, value: tuple[str, list[str]]) -> str:
        """`value`: (callee, arguments), laid out here as black would. Returns how the code
        reads it: the constant's name, or a call of its function when deferred."""
        if key not in self.items:
            taken = [existing for existing, _, _ in self.items.values()]
            name = naming.unique(name, taken)
            callee, arguments = value
            flat = f"{callee}({', '.join(arguments)})"
            if self._defers(flat):
                self.items[key] = (name, annotation, flat)
                self.deferred.add(key)
                return f"{name}()"
            split = split_annotation(name, annotation, flat, line_length=self.line_length)
            if split != annotation:  # black splits the annotation and keeps the value whole
                self.items[key] = (name, split, flat)
            else:
                expression = assigned_call(f"{name}: {annotation}", callee, arguments,
                                           indent=PLACES["module_constant"].indent,
                                           line_length=self.line_length)
                self.items[key] = (name, annotation, expression)
        return self.items[key][0] + ("()" if key in self.deferred else "")

    def _defers(self, flat: str) -> bool:
        """Whether a value names models, itself or through a deferred value (a ByMediaType of adapters)."""
        if self.deferred_if is None:
            return False
        return self.deferred_if in flat or any(f"{self.items[k][0]}()" in flat for k in self.deferred)


def styled(p: Parameter) -> str:
    """The argument as sent: wrapped in `Styled` when the spec asks for a non-default style."""
    if p.default_style:
        return p.python_name
    arguments = [p.python_name, literals.string(p.style)]
    if p.explode:
        arguments.append("explode=True")
    if p.allow_reserved:
        arguments.append("allow_reserved=True")
    return f"Styled({', '.join(arguments)})"


def _answers(op: Operation) -> list[Response]:
    """The success status's media types the method parses (a stream is another call)."""
    same = [r for r in op.responses if r.status == op.success.status and r.kind not in ("sse", "sequence", "empty")]
    return same if len(same) > 1 and op.success in same else [op.success]


def _one_annotation(response: Response, printer: TypePrinter) -> str:
    if response.kind == "json":
        return printer.annotation(response.type, open_enums=True) if response.type else "object"
    return {"binary": "bytes", "text": "str"}.get(response.kind, "None")


def return_annotation(op: Operation, printer: TypePrinter) -> str:
    annotations = list(dict.fromkeys(_one_annotation(r, printer) for r in _answers(op)))
    return annotations[0] if len(annotations) == 1 else f"Union[{', '.join(annotations)}]"


def _one_cast(response: Response, printer: TypePrinter, constants: Constants, schemas: Mapping[str, SchemaDef]) -> str:
    if response.kind == "json":
        if response.type is None:
            return "_builtins.object"
        return cast_expression(response.type, printer.annotation(response.type, open_enums=True), printer, constants, schemas)
    # Through `builtins`: a spec parameter may well be called `type`, `str` or `bytes`.
    return {"binary": "_builtins.bytes", "text": "_builtins.str"}.get(response.kind, "_builtins.type(None)")


def answer_parser(op: Operation, printer: TypePrinter, constants: Constants, schemas: Mapping[str, SchemaDef]) -> str:
    answers = _answers(op)
    casts = [(r.media_type or "", _one_cast(r, printer, constants, schemas)) for r in answers]
    if len({cast for _, cast in casts}) == 1:
        return casts[0][1]
    # Several media types parse differently: the runtime picks by the answer's Content-Type.
    choices = "{" + ", ".join(f"{literals.string(media)}: {cast}" for media, cast in casts) + "}"
    annotation = f"ByMediaType[{return_annotation(op, printer)}]"
    return constants.add(f"media:{op.python_name}", f"_{op.python_name.upper()}_ANSWERS", annotation, ("ByMediaType", [choices]))


def error_parsers(op: Operation, printer: TypePrinter, constants: Constants,
            schemas: Mapping[str, SchemaDef]) -> list[tuple[str, str]]:
    """(status, parser) of each error answer with a JSON body the spec types."""
    found: dict[str, str] = {}
    for response in op.responses:
        status = response.status.upper()
        is_error = status[0] in "45" or status == "DEFAULT" and response is not op.success
        # An untyped body ({} or a bare object) parses into what the raw JSON already is.
        typed = response.type is not None and strip_nullable(response.type) not in (AnyType(), MapType(AnyType()))
        if is_error and response.kind == "json" and typed and response.status not in found:
            assert response.type is not None
            annotation = printer.annotation(response.type, open_enums=True)
            found[response.status] = cast_expression(response.type, annotation, printer, constants, schemas)
    return sorted(found.items())


def accept_header(op: Operation) -> str | None:
    """The Accept header: every media type the method can parse, when not plain JSON."""
    media = [r.media_type for r in _answers(op) if r.media_type]
    if not media or media == ["application/json"]:
        return None
    return literals.string(", ".join(media))


def cast_expression(type_ref: TypeRef, annotation: str, printer: TypePrinter, constants: Constants, schemas: Mapping[str, SchemaDef]) -> str:
    """A model class is its own parser; anything else gets a typed module-level TypeAdapter."""
    if not printer.typed_dicts and isinstance(type_ref, NamedType) and isinstance(schemas.get(type_ref.name), ModelDef):
        return printer.annotation(type_ref, open_enums=False)  # the class, as the module reaches it
    spelt = annotation.replace(constants.deferred_if, "") if constants.deferred_if else annotation
    words = "_".join(naming.words(spelt)).upper()  # "List[Foo]" -> "LIST_FOO"
    return constants.add(f"adapter:{annotation}", f"_{words}_ADAPTER", f"TypeAdapter[{annotation}]", ("TypeAdapter", [annotation]))


def dict_display(pairs: object, keyword: str, line_length: int) -> str:
    """A dict display, laid out for its place in the template: `keyword={...},` in the call, or
    `_keyword = {...}` before it for the body's keywords (`layout.PLACES`)."""
    items = [f"{literals.string(wire)}: {python}" for wire, python in pairs]  # type: ignore[attr-defined]
    if not items:
        return ""
    if keyword in _BODY_KEYWORDS:
        return display_at("body_local", keyword, "{", items, "}", line_length=line_length)
    return display_at("request_argument", keyword, "{", items, "}", line_length=line_length)


_BODY_KEYWORDS = ("json_body", "form", "files")


def body_args(op: Operation, body_name: str, line_length: int = DEFAULT_LINE_LENGTH) -> tuple[tuple[str, str], ...]:
    """(runtime keyword, expression) pairs for the body; the method binds each to a local first."""
    body = op.body
    if body is None:
        return ()
    if body.whole is not None:
        if body.encoding == "json":
            return (("json_body", body_name),)
        if body.encoding == "binary" or not isinstance(strip_nullable(body.whole), (MapType, AnyType)):
            return (("content", body_name), ("content_type", literals.string(body.media_type)))
        return (("form", body_name),)
    if body.encoding == "json":
        return (("json_body", dict_display(((f.wire_name, f.python_name) for f in body.fields), "json_body", line_length)
                 or "{}"),)
    files = [f for f in body.fields if is_file(f.type)]
    form = [f for f in body.fields if f not in files]
    encodings = dict(body.encodings)
    args = [("form", dict_display(((f.wire_name, _encoded(f, encodings)) for f in form), "form", line_length) or "{}")]
    if body.encoding == "multipart":
        # Always pass files (maybe none): that is what makes the request multipart.
        args.append(("files", dict_display(((f.wire_name, _encoded(f, encodings)) for f in files), "files", line_length)
                     or "{}"))
    return tuple(args)


def is_file(type_ref: TypeRef) -> bool:
    """A file to upload, or a list of them."""
    inner = strip_nullable(type_ref)
    return inner == _FILE or isinstance(inner, ListType) and strip_nullable(inner.item) == _FILE


def _encoded(field: Field, encodings: Mapping[str, PartEncoding]) -> str:
    """The field as sent: wrapped in `Styled` (urlencoded) or `Part` (multipart) when the
    spec gives it an encoding."""
    encoding = encodings.get(field.wire_name)
    if encoding is None:
        return field.python_name
    if encoding.style is not None:
        arguments = [field.python_name, literals.string(encoding.style)]
        arguments += ["explode=True"] if encoding.explode else []
        arguments += ["allow_reserved=True"] if encoding.allow_reserved else []
        return f"Styled({', '.join(arguments)})"
    arguments = [field.python_name]
    if encoding.content_type:
        arguments.append(f"content_type={literals.string(encoding.content_type)}")
    if encoding.headers:
        items = ", ".join(f"{literals.string(k)}: {literals.string(v)}" for k, v in encoding.headers)
        arguments.append(f"headers={{{items}}}")
    return f"Part({', '.join(arguments)})"


# Users ask "how do I set the file name?": servers often go by its extension.
_FILE_NOTE = ("A path, bytes, a binary file, or a (filename, content[, content_type]) tuple; "
              "bare bytes are sent as filename 'upload', application/octet-stream.")


def with_file_note(description: str | None, file: bool) -> str:
    if not file:
        return description or ""
    return f"{description.rstrip()} {_FILE_NOTE}" if description else _FILE_NOTE
