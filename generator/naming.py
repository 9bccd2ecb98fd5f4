"""Every rule that turns spec text into a Python name lives here.

Names from a spec are untrusted text: whatever comes in, what goes out is an
ASCII identifier that is not a keyword and does not shadow what the generated
code relies on, so it can be pasted into source without quoting.
"""

from __future__ import annotations

import builtins
import keyword
import re
import sys
from typing import Iterable

from generator.call_options import CALL_OPTIONS

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
_PARAMETER_RESERVED = frozenset(option.name for option in CALL_OPTIONS) | frozenset(
    {"self", "cast", "overload", "typing", "httpx", "NOT_GIVEN", "NotGiven"}
)

# Names the generated models and resource modules import unaliased; a schema
# of the same name gets a suffix instead of shadowing them.
_CLASS_RESERVED = frozenset(
    {"Any", "Dict", "List", "Optional", "Union", "Literal", "Annotated", "Mapping", "Sequence",
     "TypeAdapter", "OpenModel", "Stream", "AsyncStream", "StreamSpec", "SyncPage",
     "AsyncPaginator", "PageSpec", "NotGiven", "Headers", "Query", "Timeout", "FileInput",
     "SyncAPIClient", "AsyncAPIClient", "Base64Bytes"}
    # A model named like a builtin (Plaid's `Warning`) would be read as the builtin in
    # annotations that name it before its class is defined: pydantic resolves them then.
    | {name for name in dir(builtins) if name[:1].isupper()}
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


def rename_warning(kind: str, spec_name: str, python_name: str) -> str | None:
    """The warning text when `python_name` is not what a user would guess from `spec_name`
    (its snake_case, or PascalCase for a class): a keyword, a name the generated code
    uses, or one already taken got a suffix. None when there is nothing to say."""
    plain = pascal_case(spec_name) if kind == "schema" else snake_case(spec_name)
    if python_name == plain:
        return None
    return (f"{kind} {spec_name!r} is {python_name!r} in Python ({plain!r} is a keyword, "
            "a name the generated code uses, or already taken)")


def unique(name: str, taken: Iterable[str]) -> str:
    """`name`, or `name2`, `name3`... whichever is not in `taken`."""
    used = taken if isinstance(taken, (set, frozenset, dict)) else set(taken)  # no copy per call
    if name not in used:
        return name
    n = 2
    while f"{name}{n}" in used:
        n += 1
    return f"{name}{n}"


# --- Names derived from `info.title`: the package, the client class, the env var prefix ---

# Words a title uses to say what it is, not which API it is ("GitHub v3 REST API").
_TITLE_NOISE = frozenset({"api", "apis", "rest", "restful", "openapi", "swagger", "http", "spec", "specification"})
_VERSION_WORD = re.compile(r"v?\d+([._-]?\d+)*([._-]?(snapshot|beta|alpha|rc)\d*)?", re.IGNORECASE)
_TITLE_TOKEN = re.compile(r"[0-9A-Za-z]+")

# Modules the generated package imports at run time (and theirs): a package of the same
# name would shadow them and the client could not import.
RUNTIME_MODULES = frozenset(
    {"httpx", "httpx_sse", "httpcore", "h11", "anyio", "sniffio", "certifi", "idna", "pydantic",
     "pydantic_core", "annotated_types", "typing_extensions", "typing_inspection"}
)


def shadowed_module(name: str) -> str | None:
    """What a top-level package `name` would hide from the client: "the standard library
    module", "the runtime dependency", or None when it hides nothing."""
    if name in sys.stdlib_module_names or name == "test":
        return "the standard library module"
    if name in RUNTIME_MODULES:
        return "the runtime dependency"
    return None


def title_words(title: str) -> list[str]:
    """The words that name the API: "GitHub v3 REST API" -> ["GitHub"], "The Jira Cloud
    platform REST API" -> ["Jira", "Cloud", "platform"]. Words keep their casing (a brand's
    "GitHub" is one word, not "Git Hub")."""
    tokens = _TITLE_TOKEN.findall(title)
    kept = [t for t in tokens if t.lower() not in _TITLE_NOISE and not _VERSION_WORD.fullmatch(t)]
    if kept and kept[0].lower() == "the":
        kept = kept[1:]
    return kept


def package_from_title(title: str) -> str:
    """"GitHub v3 REST API" -> "github"; a title of noise only gives "api"."""
    words_ = title_words(title)
    return module_name("_".join(w.lower() for w in words_)) if words_ else "api"


def client_class_from_title(title: str) -> str:
    """"GitHub v3 REST API" -> "GitHub", "box platform" -> "BoxPlatform"; acronyms and
    brand casing ("EC2", "PagerDuty") are kept as written."""
    words_ = title_words(title)
    if not words_:
        return "API"
    return class_name("".join(w if any(c.isupper() for c in w[1:]) else w[:1].upper() + w[1:] for w in words_))


def unshadowed_package(name: str) -> str:
    """`name`, or `name_client` when `name` would shadow a module the client needs."""
    return f"{name}_client" if shadowed_module(name) else name


def env_prefix(package: str) -> str:
    """"github" -> "GITHUB"; "stripe_api" -> "STRIPE" (so the key is STRIPE_API_KEY, never API_API)."""
    prefix = package.upper()
    return prefix[: -len("_API")] if prefix.endswith("_API") and len(prefix) > 4 else prefix


# --- Resources and methods ---

_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ics")


def looks_plural(word: str) -> bool:
    """"messages", "files", "companies": yes; "status", "access", "analytics", "content": no."""
    last = word.rsplit("_", 1)[-1].lower()
    return len(last) > 2 and last.endswith("s") and not last.endswith(_NOT_PLURAL_ENDINGS)


def singular(word: str) -> str:
    """"companies" -> "company", "boxes" -> "box", "files" -> "file"; other words as they are."""
    lower = word.lower()
    if not looks_plural(lower):
        return lower
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("sses", "xes", "ches", "shes", "zes")):
        return lower[:-2]
    return lower[:-1]


def resource_name(text: str) -> str:
    """A tag or path segment as an attribute: "Chat" -> "chat", "MessagingV1Service" ->
    "messaging_service", "code-scanning" -> "code_scanning" (version words name no resource)."""
    split = _LETTER_DIGIT.sub(" ", text)  # "Api20100401Account": the date is a word of its own
    kept = [w for w in words(split) if not _VERSION_WORD.fullmatch(w)]
    name = parameter_name("_".join(kept) if kept else text)
    return name + "_" if name in _CLIENT_MEMBERS or name in RESOURCE_MEMBERS else name


# What every resource class has besides its methods and sub-resources.
RESOURCE_MEMBERS = ("with_raw_response", "with_streaming_response")
# The runtime client's public members: a resource of the same name would hide them.
_CLIENT_MEMBERS = frozenset({"request", "request_stream", "get_page", "close", "aclose", "with_options",
                             "base_url", "timeout", "max_retries"})


_LETTER_DIGIT = re.compile(r"(?<=[A-Za-z])(?=\d)")


# Methods by the HTTP verb and the path's shape, as Stainless-style SDKs name them.
_ITEM_VERBS = {"get": "retrieve", "put": "update", "patch": "update", "post": "update", "delete": "delete"}
_COLLECTION_VERBS = {"post": "create", "put": "update", "patch": "update", "delete": "delete"}
_PREPOSITIONS = frozenset({"for", "by", "from", "to", "in", "with", "using", "of", "on", "at"})
# Which shape name a leading operationId verb means.
_VERB_MEANS = {
    "post": "create", "create": "create", "add": "create", "new": "create",
    "get": "retrieve", "fetch": "retrieve", "read": "retrieve", "retrieve": "retrieve", "show": "retrieve",
    "list": "list", "index": "list",
    "put": "update", "patch": "update", "update": "update", "modify": "update", "edit": "update", "replace": "update",
    "delete": "delete", "remove": "delete", "destroy": "delete", "del": "delete",
}
_SHAPE_NAMES = frozenset(_VERB_MEANS.values())


def shape_method(http_method: str, *, item: bool, lists: bool) -> str:
    """GET /models -> `list` (`retrieve` when it does not list); POST -> `create`;
    GET/POST/PUT/PATCH/DELETE /models/{id} -> `retrieve`/`update`/`update`/`update`/`delete`."""
    method = http_method.lower()
    if item:
        verb = _ITEM_VERBS.get(method)
    elif method == "get":
        verb = "list" if lists else "retrieve"
    else:
        verb = _COLLECTION_VERBS.get(method)
    return verb or method_name(method)


def agreed_method(from_id: str, shape: str) -> str:
    """The shape's name, unless the operationId's leading verb contradicts it: `removeIssuesFromEpic`
    is a POST but removes (`remove_from`), `UpdateDomainConfig` is a POST but updates, and
    `ListUsageRecordDaily` lists a singular-looking segment. Other leading words (`toggle`,
    `assign`) and a bare `get` say nothing the shape contradicts."""
    meant = _VERB_MEANS.get(from_id.split("_", 1)[0])
    if meant is None or shape not in _SHAPE_NAMES or meant == shape:
        return shape
    if {meant, shape} == {"list", "retrieve"}:
        return "list" if meant == "list" else shape
    return from_id


def spells_path(operation_id: str, http_method: str, path: str) -> bool:
    """`PostWebhookEndpointsWebhookEndpoint` for POST /v1/webhook_endpoints/{webhook_endpoint}:
    the operationId is the method and the path's words, and nothing else."""
    said = [singular(w.lower()) for w in words(operation_id)]
    path_words = {singular(w.lower()) for w in words(path) if not _VERSION_WORD.fullmatch(w)}
    return bool(said) and said[0] == http_method.lower() and set(said[1:]) == path_words


def method_from_operation_id(operation_id: str, resource: tuple[str, ...], shape: str, *, spells_path: bool) -> str:
    """The operationId without the words of the resource path, wherever they stand:
    `repos/list-for-org` in `repos` is `list_for_org`; `listChatCompletions` in
    `chat.completions` is only a verb, so the name by shape (`list`), as is an operationId
    that `spells_path` (it says nothing more than the shape)."""
    said = [w.lower() for w in words(operation_id)]
    known = {singular(w) for part in resource for w in part.split("_")}
    if spells_path:
        return shape
    kept = [w for w in said if singular(w) not in known]
    if not kept:
        return shape
    if kept[0] in _PREPOSITIONS and said[0] not in kept:  # `searchForIssuesUsingJql` in `search`: keep the verb
        kept.insert(0, said[0])
    if len(kept) == 1 and kept[0] in _VERB_MEANS:  # only a verb: the shape's name, or the verb's meaning
        return agreed_method(_VERB_MEANS[kept[0]], shape)
    return method_name("_".join(kept))
