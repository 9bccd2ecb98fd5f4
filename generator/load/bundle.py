"""Bundling: rewrite a document so that it holds only local (`#/...`) refs.

External schemas are copied into `#/components/schemas/<Name>` and referred to
by name, so cycles across files end in a ref rather than endless inlining.
Other external objects (parameters, responses, path items, ...) are inlined.
Local refs of the root document stay refs: downstream keeps refs as names.

Edge cases, on purpose:
- A schema's name is the last pointer token (or the file stem when the ref
  has no fragment), with characters outside [A-Za-z0-9._-] replaced by "_".
  A name already taken by a different schema gets a suffix (Pet2, Pet3...);
  an identical schema without refs shares the existing name. The same target
  always gets the same name; names follow document order, so the output does
  not depend on hash seeds.
- A ref from another file back into the root file becomes a local ref.
- Refs in example data (example, examples, default, enum, const, x-*) are data
  and are left untouched.
- Refs are written in canonical form: percent-decoding undone, ~0/~1 kept.
- Non-schema objects that refer to themselves across files cannot be inlined:
  LoadError. Discriminator mapping values that are refs are bundled like
  schema refs; broken ones only warn, as real specs often have them.
- Anchor refs ("#name", 3.1 `$anchor`) and URLs are refused with a LoadError.
- A document with `$self` (OpenAPI 3.2) resolves its refs against that URI: a ref to the
  URI itself is local, one to a URI beside it is the file beside this one.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import url2pathname

from . import pointer
from .files import read_document
from .kinds import child_kind, guess_is_schema, item_kind
from .model import Diagnostic, LoadError

_NAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_ABSENT = object()
_SCHEMAS = "/components/schemas/"


@dataclass(frozen=True)
class _Ref:
    """A resolved `$ref`: the file it lands in and the pointer tokens inside it."""

    path: Path
    tokens: tuple[str, ...]
    display: Path

    @property
    def pointer(self) -> str:
        return pointer.from_tokens(list(self.tokens))


_HONOURED_SIBLINGS = frozenset({"nullable", "description", "summary", "deprecated", "readOnly", "writeOnly"})
# Schema keys that change the type: 3.1 allows them beside a $ref, but the generator follows only the ref.
_TYPING_SIBLINGS = frozenset(
    {"type", "format", "properties", "required", "additionalProperties", "items", "allOf", "oneOf", "anyOf",
     "enum", "const", "default", "discriminator", "patternProperties", "not"}
)


@dataclass
class _SiblingCount:
    count: int
    first: str
    keys: set[str] = field(default_factory=set)


@dataclass
class Bundler:
    root_display: Path
    root_doc: dict[str, Any]
    version: str
    warnings: list[Diagnostic]
    root_path: Path = field(init=False)
    _docs: dict[Path, Any] = field(default_factory=dict)
    _displays: dict[Path, Path] = field(default_factory=dict)
    _names: dict[tuple[Path, tuple[str, ...]], str] = field(default_factory=dict)
    _new_schemas: dict[str, Any] = field(default_factory=dict)
    _inlining: list[tuple[Path, tuple[str, ...]]] = field(default_factory=list)
    _siblings: dict[Path, _SiblingCount] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.root_path = self.root_display.resolve()
        self._docs[self.root_path] = self.root_doc
        self._displays[self.root_path] = self.root_display
        schemas = self.root_doc.get("components", {}).get("schemas", {})
        self._root_schemas: dict[str, Any] = schemas if isinstance(schemas, dict) else {}

    def files_read(self) -> tuple[Path, ...]:
        return tuple(self._docs)

    def origins(self) -> dict[str, tuple[Path, str]]:
        """Component schemas copied in from other files -> (file, pointer) where they are written."""
        found: dict[str, tuple[Path, str]] = {}
        for (path, tokens), name in self._names.items():
            if name in self._new_schemas:
                found.setdefault(name, (self._displays[path], pointer.from_tokens(list(tokens))))
        return found

    def run(self) -> dict[str, Any]:
        document: dict[str, Any] = self._walk(self.root_doc, "openapi", self.root_path, "")
        if self._new_schemas:
            components = document.setdefault("components", {})
            components.setdefault("schemas", {}).update(self._new_schemas)
        why = "OpenAPI 3.0 ignores keys beside a $ref" if self.version == "3.0" else "only the $ref is followed"
        for path, seen in self._siblings.items():
            where = f"{seen.count} $ref objects have sibling keys, the first here" if seen.count > 1 else \
                "$ref object has sibling keys"
            self.warnings.append(
                Diagnostic(
                    "warning",
                    f"{where}: {', '.join(sorted(seen.keys))} ignored ({why}; to apply them, "
                    "write allOf: [{$ref: ...}, {...the keys...}])",
                    self._displays[path],
                    seen.first,
                )
            )
        return document

    # -- walking ---------------------------------------------------------------------------

    def _walk(self, node: Any, kind: str, path: Path, ptr: pointer.Where) -> Any:
        if isinstance(node, list):
            sub = item_kind(kind)
            return [self._walk(v, sub, path, (ptr, i)) for i, v in enumerate(node)]
        if not isinstance(node, dict):
            return node
        if kind == "literal":
            return {k: self._walk(v, "literal", path, ptr) for k, v in node.items()}
        ref = node.get("$ref")
        if "$ref" in node and not kind.startswith("map:") and kind not in ("paths", "responses"):
            if isinstance(ref, str):
                return self._walk_ref(node, ref, kind, path, pointer.spelled(ptr))
            if kind != "any":
                raise LoadError(
                    f"$ref must be a string, not {type(ref).__name__}",
                    self._displays[path],
                    pointer.join(pointer.spelled(ptr), "$ref"),
                    "write the reference as a string such as '#/components/schemas/Name'",
                )
        if kind == "mapping":
            return {k: self._walk_mapping_value(v, path, pointer.join(pointer.spelled(ptr), k)) for k, v in node.items()}
        return {k: self._walk(v, child_kind(kind, k), path, (ptr, k)) for k, v in node.items()}

    def _walk_siblings(self, node: dict[str, Any], kind: str, path: Path, ptr: str) -> dict[str, Any]:
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        # A Path Item may carry fields beside its $ref; other 3.0 objects may not, but the
        # generator honours these few (`nullable` most of all) as authors mean them. 3.1 allows
        # any key beside a schema's $ref: only those that would change the type are lost.
        # Extensions (x-...) are metadata either way.
        ignored = {k for k in siblings if not k.startswith("x-")} - _HONOURED_SIBLINGS
        if self.version != "3.0":
            ignored &= _TYPING_SIBLINGS if kind == "schema" else set()
        if ignored and kind != "pathitem":
            seen = self._siblings.setdefault(path, _SiblingCount(0, ptr))
            seen.count += 1
            seen.keys |= ignored
        walked: dict[str, Any] = self._walk(siblings, kind, path, ptr)
        return walked

    def _walk_ref(self, node: dict[str, Any], ref: str, kind: str, path: Path, ptr: str) -> Any:
        ref_ptr = pointer.join(ptr, "$ref")
        target = self._locate(ref, path, ref_ptr)
        siblings = self._walk_siblings(node, kind, path, ptr)
        if target.path == self.root_path:
            self._check_chain(target, ref_ptr, path)
            return {**node, "$ref": "#" + target.pointer, **siblings}
        if kind == "schema" or (kind == "any" and guess_is_schema(list(target.tokens))):
            return {**node, "$ref": "#/components/schemas/" + self._bundle_schema(target), **siblings}
        key = (target.path, target.tokens)
        if key in self._inlining:
            raise LoadError(
                f"'{ref}' is part of a reference cycle that would have to be inlined forever",
                self._displays[path],
                ref_ptr,
                "only schemas may refer to themselves; move the shared part into components",
            )
        self._inlining.append(key)
        inlined = self._walk(self._target_value(target), kind, target.path, target.pointer)
        self._inlining.pop()
        if siblings and isinstance(inlined, dict):
            return {**inlined, **siblings}
        return inlined

    def _walk_mapping_value(self, value: Any, path: Path, ptr: str) -> Any:
        # Mapping values are schema names or refs; only a '/' or '#' makes a ref.
        if not isinstance(value, str) or ("#" not in value and "/" not in value):
            return value
        try:
            target = self._locate(value, path, ptr)
        except LoadError as exc:
            # Real specs get mappings wrong often; downstream can fall back to the schema names.
            self.warnings.append(
                Diagnostic("warning", f"discriminator mapping kept as is: {exc.message}", exc.file, ptr)
            )
            return value
        if target.path == self.root_path:
            return "#" + target.pointer
        return "#/components/schemas/" + self._bundle_schema(target)

    # -- refs --------------------------------------------------------------------------------

    def _locate(self, ref: str, path: Path, ref_ptr: str) -> _Ref:
        """Resolve a ref to its file and pointer; every way it can fail is a LoadError here."""
        here = self._displays[path]
        ref = self._against_self(ref, path)
        if pointer.is_url(ref):
            raise LoadError(
                f"'{ref}' is a URL; only refs to local files are supported",
                here,
                ref_ptr,
                "download the document and refer to it by a relative path",
            )
        try:
            file_part, tokens = pointer.split_ref(ref)
        except pointer.PointerError as exc:
            raise LoadError(
                f"unsupported $ref '{ref}': {exc.message}",
                here,
                ref_ptr,
                "use a fragment like '#/components/schemas/Name'",
            ) from None
        if file_part:
            display = Path(os.path.normpath(here.parent / file_part))
            target_path = (path.parent / file_part).resolve()
            if target_path not in self._docs:
                if not target_path.is_file():
                    what = "not found" if not target_path.exists() else "not a regular file"
                    raise LoadError(
                        f"'{ref}' refers to {display}, which is {what}",
                        here,
                        ref_ptr,
                        "refs are relative to the file that contains them",
                    )
                self._docs[target_path] = read_document(display, self.warnings)
                self._displays[target_path] = display
        else:
            target_path = path
        target = _Ref(target_path, tuple(tokens), self._displays[target_path])
        where = "" if target_path == path else f" in {target.display}"
        try:
            value = pointer.resolve(self._docs[target_path], tokens)
        except pointer.PointerError as exc:
            raise LoadError(
                f"'{ref}' does not resolve{where}: {exc.message}",
                here,
                ref_ptr,
                "fix the ref or add the missing definition",
            ) from None
        # true/false are whole JSON Schemas (3.1); anything else that is not an object cannot be
        # what a $ref stands for, and would otherwise quietly become `Any`.
        if not isinstance(value, (dict, bool)):
            what = {list: "a list", str: "a plain string", type(None): "null"}.get(type(value), "a number")
            raise LoadError(
                f"'{ref}' points to {what}{where}, not an object: a $ref target must be an object "
                "(a schema, parameter, response...)",
                here,
                ref_ptr,
                "point the ref at a definition, e.g. 'schemas.yaml#/Pet'",
            )
        return target

    def _against_self(self, ref: str, path: Path) -> str:
        """A ref of a document with `$self` (OpenAPI 3.2: the document's URI and its base URI),
        as a ref relative to the file: the document's own URI is the document itself, and a URI
        beside it is the file at the same place beside this one. Other URLs stay URLs."""
        document = self._docs[path]
        own = document.get("$self") if isinstance(document, dict) else None
        if not isinstance(own, str) or ref.startswith("#"):
            return ref
        base = urldefrag(urljoin(path.as_uri(), own)).url
        target, fragment = urldefrag(urljoin(base, ref))
        suffix = f"#{fragment}" if fragment or "#" in ref else ""
        if target == base:
            return suffix or "#"
        folder = base.rsplit("/", 1)[0] + "/"
        if target.startswith(folder):
            return unquote(target[len(folder):]) + suffix
        if target.startswith("file:"):
            return os.path.relpath(url2pathname(urlsplit(target).path), path.parent) + suffix
        return ref

    def _target_value(self, target: _Ref) -> Any:
        return pointer.resolve(self._docs[target.path], list(target.tokens))

    def _check_chain(self, target: _Ref, ref_ptr: str, path: Path) -> None:
        """Refuse refs that only lead to more refs and back: nothing is ever defined."""
        seen = {target.tokens}
        value = self._target_value(target)
        while isinstance(value, dict) and isinstance(value.get("$ref"), str) and value["$ref"].startswith("#"):
            try:
                tokens = tuple(pointer.split_ref(value["$ref"])[1])
                value = pointer.resolve(self.root_doc, list(tokens))
            except pointer.PointerError:
                return  # reported where that ref itself is walked
            if tokens in seen:
                raise LoadError(
                    f"circular $ref: '{target.pointer}' only refers to itself through other refs",
                    self._displays[path],
                    ref_ptr,
                    "give one of the refs in the chain a real definition",
                )
            seen.add(tokens)

    def _bundle_schema(self, target: _Ref) -> str:
        key = (target.path, target.tokens)
        name = self._names.get(key)
        if name is None:
            value = self._target_value(target)
            name = self._pick_name(target, value)
            self._names[key] = name
            if name not in self._new_schemas and name not in self._root_schemas:
                # Reserve the name before walking, so a cycle back here finds it.
                self._new_schemas[name] = None
                self._new_schemas[name] = self._walk(value, "schema", target.path, target.pointer)
        return name

    def _pick_name(self, target: _Ref, value: Any) -> str:
        base = target.tokens[-1] if target.tokens else target.path.stem
        base = _NAME_CHARS.sub("_", base).strip("_") or "Schema"
        suffix = 1
        while True:
            name = base if suffix == 1 else f"{base}{suffix}"
            existing = self._root_schemas.get(name, self._new_schemas.get(name, _ABSENT))
            if existing is _ABSENT:
                return name
            # An identical self-contained schema is the same schema: share its name.
            if existing == value and not _has_ref(value):
                return name
            suffix += 1


def _has_ref(node: Any) -> bool:
    if isinstance(node, dict):
        return "$ref" in node or any(_has_ref(v) for v in node.values())
    if isinstance(node, list):
        return any(_has_ref(v) for v in node)
    return False
