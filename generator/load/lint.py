"""Warnings about schemas that real specs get slightly wrong, from one walk of the bundled document.

Each kind of problem is one warning per spec, however often it occurs: the
count, the first place (file and JSON pointer) and what the generator does
instead. Real specs repeat their habits hundreds of times (Stripe's
`format: unix-time` 190 times); one line per occurrence would bury the rest.

- a `format` nobody defined (not JSON Schema's, not OpenAPI's, not one of the
  de-facto ones listed below): one warning per format (and type), the value
  is typed by its plain `type`, with a "did you mean" for near misses
  (`datetime`);
- schemas that say nothing about their type (`{description: ...}` without
  `type`, `properties`, `$ref`...): typed `Any`. An empty schema `{}` means
  "any value" on purpose and is not reported; neither are `allOf` parts,
  which only add annotations to their siblings, nor `anyOf: [{required:
  [a]}, {required: [b]}]` members, which only constrain the parent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from . import pointer
from .kinds import child_kind, item_kind
from .model import Diagnostic

# JSON Schema 2020-12 and the OpenAPI format registry (https://spec.openapis.org/registry/format/),
# plus formats so common that warning about them is noise: `url`, unsigned ints, Google's own.
KNOWN_FORMATS = frozenset(
    """
    date-time date time duration email idn-email hostname idn-hostname ipv4 ipv6 uri uri-reference iri
    iri-reference uuid uri-template json-pointer relative-json-pointer regex
    int32 int64 float double byte binary password
    base64url char commonmark decimal decimal128 html http-date int8 int16 uint8 media-range
    sf-binary sf-boolean sf-decimal sf-integer sf-string sf-token
    url uint16 uint32 uint64 google-datetime google-duration google-fieldmask
    """.split()
)
# What makes a schema say something about its values; without any of them it is `Any`.
_TYPING_KEYS = frozenset(
    {"type", "$ref", "properties", "patternProperties", "additionalProperties", "items", "prefixItems",
     "allOf", "oneOf", "anyOf", "not", "enum", "const"}
)
# Near misses worth a "did you mean" (`datetime`): the formats that change a type or are very common.
_SUGGESTED = ("date-time", "date", "time", "duration", "uuid", "email", "uri", "binary", "byte", "password",
              "hostname", "ipv4", "ipv6", "int32", "int64", "float", "double", "decimal")
_PLAIN = {"string": "a plain string", "integer": "a plain integer", "number": "a plain number",
          "boolean": "a plain boolean", "object": "a plain object", "array": "a plain array"}


@dataclass
class _Seen:
    """Where a problem first showed up, and how often."""

    file: Path
    pointer: str
    count: int = 0


@dataclass
class _Lint:
    formats: dict[tuple[str, str], _Seen] = field(default_factory=dict)  # (format, type) -> where
    untyped: _Seen | None = None

    def walk(self, node: Any, kind: str, file: Path, where: pointer.Where) -> None:
        if isinstance(node, list):
            sub = item_kind(kind)
            for index, value in enumerate(node):
                self.walk(value, sub, file, (where, index))
            return
        if not isinstance(node, dict) or kind == "literal" or "$ref" in node:
            return  # a $ref's siblings are the bundler's business (it warns about them)
        if kind == "schema":
            self._schema(node, file, where)
        for key, value in node.items():
            self.walk(value, child_kind(kind, key), file, (where, key))

    def _schema(self, schema: Mapping[str, Any], file: Path, where: pointer.Where) -> None:
        fmt = schema.get("format")
        if isinstance(fmt, str) and fmt.lower() not in KNOWN_FORMATS:
            kind = schema.get("type")
            key = (fmt, kind if isinstance(kind, str) else "")
            if key not in self.formats:
                self.formats[key] = _Seen(file, pointer.spelled(where))
            self.formats[key].count += 1
        own = {k for k in schema if not k.startswith("x-")}
        if own and not _TYPING_KEYS.intersection(schema) and not _is_constraint_part(own, where):
            if self.untyped is None:
                self.untyped = _Seen(file, pointer.spelled(where))
            self.untyped.count += 1

    def diagnostics(self) -> list[Diagnostic]:
        found = []
        for (fmt, kind), seen in sorted(self.formats.items(), key=lambda item: (item[1].file, item[1].pointer)):
            close = _close_format(fmt)
            hint = f" (did you mean '{close}'?)" if close else ""
            found.append(Diagnostic(
                "warning",
                f"unknown format '{fmt}'{_times(seen.count, 'schema')}: treated as "
                f"{_PLAIN.get(kind, 'a value of its plain type')}{hint}",
                seen.file, seen.pointer,
            ))
        if self.untyped is not None:
            found.append(Diagnostic(
                "warning",
                f"schema has no type, properties, items, $ref or composition{_times(self.untyped.count, 'schema')}"
                ": typed Any (the parsed JSON is passed through unchecked); add a `type` to type it",
                self.untyped.file, self.untyped.pointer,
            ))
        return found


def lint_schemas(
    document: Mapping[str, Any], file: Path, origins: Mapping[str, tuple[Path, str]], warnings: list[Diagnostic]
) -> None:
    """Append the warnings for the bundled `document` whose root is `file`.

    `origins` maps component schemas the bundler copied in from other files to
    their file and pointer there, so a warning names where the schema is written.
    """
    lint = _Lint()
    for key, value in document.items():
        where = pointer.join("", key)
        if key == "components" and isinstance(value, Mapping):
            for section, members in value.items():
                section_ptr = pointer.join(where, section)
                if section == "schemas" and isinstance(members, Mapping):
                    for name, schema in members.items():
                        origin_file, origin_ptr = origins.get(name, (file, pointer.join(section_ptr, name)))
                        lint.walk(schema, "schema", origin_file, origin_ptr)
                else:
                    lint.walk(members, child_kind("components", section), file, section_ptr)
        else:
            lint.walk(value, child_kind("openapi", key), file, where)
    warnings.extend(lint.diagnostics())


def _is_constraint_part(keys: set[str], where: pointer.Where) -> bool:
    """An allOf part (annotations for its siblings), or an anyOf/oneOf member that only lists
    `required` keys (the "at least one of these fields" idiom): neither stands for a value."""
    if isinstance(where, tuple) and isinstance(where[0], tuple):
        composition = where[0][1]
    else:
        parent = pointer.spelled(where).rsplit("/", 2)
        composition = parent[1] if len(parent) == 3 else ""
    return composition == "allOf" or (
        composition in ("anyOf", "oneOf") and "required" in keys and keys <= {"required", "description", "title"}
    )


def _times(count: int, noun: str) -> str:
    return f" ({count} {noun}s, the first here)" if count > 1 else ""


def _close_format(fmt: str) -> str | None:
    """The known format an unknown one is most likely a typo of."""
    import difflib  # only when a spec has an unknown format: not worth loading on every run

    close = difflib.get_close_matches(fmt.lower(), _SUGGESTED, n=1, cutoff=0.8)
    return close[0] if close else None
