"""The `docstrings` option: full descriptions, their first paragraph, or none.

Applied to the IR's text before any view is built, so every model style and
every template sees the same trimmed text.
"""

from __future__ import annotations

import dataclasses

from generator.ir import Api, ModelDef, SchemaDef


def trim(text: str | None, style: str) -> str | None:
    """"full" keeps `text`; "summary" keeps its first paragraph; "none" drops it."""
    if text is None or style == "full":
        return text
    if style == "none":
        return None
    return text.strip().split("\n\n")[0].strip() or None


def with_docstrings(api: Api, style: str) -> Api:
    """`api` with schema and field descriptions trimmed to `style`."""
    if style == "full":
        return api
    return dataclasses.replace(api, schemas=tuple(_schema(d, style) for d in api.schemas))


def _schema(definition: SchemaDef, style: str) -> SchemaDef:
    trimmed = dataclasses.replace(definition, description=trim(definition.description, style))
    if isinstance(trimmed, ModelDef):
        fields = tuple(dataclasses.replace(f, description=trim(f.description, style)) for f in trimmed.fields)
        trimmed = dataclasses.replace(trimmed, fields=fields)
    return trimmed
