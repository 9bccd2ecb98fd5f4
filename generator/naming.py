"""Every rule that turns spec text into a Python name lives here.

Names from a spec are untrusted text: whatever comes in, what goes out is an
ASCII identifier that is not a keyword and does not shadow what the generated
code relies on, so it can be pasted into source without quoting.
"""

from __future__ import annotations

import keyword
import re
from typing import Iterable

_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9A-Za-z]+")

# Attributes of pydantic.BaseModel that a field must not shadow.
_MODEL_RESERVED = frozenset(
    {
        "construct", "copy", "dict", "json", "parse_file", "parse_obj", "parse_raw",
        "schema", "schema_json", "update_forward_refs", "validate", "from_orm",
        "model_config", "model_fields", "model_computed_fields", "model_extra",
        "model_fields_set", "model_construct", "model_copy", "model_dump",
        "model_dump_json", "model_json_schema", "model_parametrized_name",
        "model_post_init", "model_rebuild", "model_validate", "model_validate_json",
        "model_validate_strings",
    }
)

# The builtin and datetime types that generated annotations name bare.
_ANNOTATION_NAMES = frozenset({"str", "int", "float", "bool", "bytes", "date", "datetime"})

# Keyword arguments every generated method already takes, plus names the
# method body uses; spec parameters must not collide with them.
_PARAMETER_RESERVED = frozenset(
    {"self", "extra_headers", "extra_query", "extra_body", "timeout", "max_retries",
     "cast", "overload", "typing", "httpx", "NOT_GIVEN", "NotGiven"}
)

# Names the generated models and resource modules import unaliased; a schema
# of the same name gets a suffix instead of shadowing them.
_CLASS_RESERVED = frozenset(
    {"Any", "Dict", "List", "Optional", "Union", "Literal", "Annotated", "Mapping", "Sequence",
     "TypeAdapter", "OpenModel", "Stream", "AsyncStream", "StreamSpec", "SyncPage",
     "AsyncPaginator", "PageSpec", "NotGiven", "Headers", "Query", "Timeout", "FileInput",
     "SyncAPIClient", "AsyncAPIClient", "Base64Bytes"}
)


def words(text: str) -> list[str]:
    """Split camelCase, PascalCase, snake_case, kebab-case and spaced text into words."""
    spaced = _WORD_BOUNDARY.sub(" ", text)
    return [w for w in _NON_WORD.split(spaced) if w]


def snake_case(text: str) -> str:
    return "_".join(w.lower() for w in words(text))


def pascal_case(text: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words(text))


def _make_identifier(name: str, fallback: str, digit_prefix: str) -> str:
    if not name:
        name = fallback
    if name[0].isdigit():
        name = digit_prefix + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += "_"
    return name


def field_name(wire_name: str) -> str:
    """A model field for a JSON key."""
    name = _keyword_name(wire_name)
    # In a class body a field named `date` shadows the type for the fields
    # after it (`authorized_date: Optional[date]` would mean the field).
    return name + "_" if name in _ANNOTATION_NAMES else name


def _keyword_name(wire_name: str) -> str:
    name = _make_identifier(snake_case(wire_name), "field", "field_")
    if name in _MODEL_RESERVED or name.startswith("model_"):
        name += "_"
    return name


def parameter_name(wire_name: str) -> str:
    """A keyword argument: method signatures resolve annotations at module level, so `date` may stay `date`."""
    name = _keyword_name(wire_name)
    if name in _PARAMETER_RESERVED:
        name += "_"
    return name


def class_name(text: str) -> str:
    name = _make_identifier(pascal_case(text), "Model", "Model")
    if name in _CLASS_RESERVED:
        name += "Model"
    return name


def method_name(text: str) -> str:
    return parameter_name(text)


def module_name(text: str) -> str:
    return _make_identifier(snake_case(text), "module", "m_")


def unique(name: str, taken: Iterable[str]) -> str:
    """`name`, or `name2`, `name3`... whichever is not in `taken`."""
    used = taken if isinstance(taken, (set, frozenset, dict)) else set(taken)  # no copy per call
    if name not in used:
        return name
    n = 2
    while f"{name}{n}" in used:
        n += 1
    return f"{name}{n}"
