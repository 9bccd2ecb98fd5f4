"""Hypothesis strategies for small, valid-shape OpenAPI 3.0/3.1 specs whose free text is hostile.

Every piece of free text (operation ids, tags, schema / property / parameter
names, enum values, descriptions, summaries, examples, defaults, server URLs,
the title and version) is drawn from FRAGMENTS: quotes, triple quotes,
backslashes, newlines, template syntax, a `touch PWNED` payload (PWN), control
characters, Unicode look-alikes, keywords, empty strings, leading digits.
test_hostile_properties generates and imports what `specs()` draws.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

PWN = "__import__('os').system('touch PWNED')"

FRAGMENTS = [
    '"', "'", '"""', "'''", "\\", "\\n", "\\x00", "\\N{BULLET}", "\\u0041", "\n", "\r\n", "\r", "\t",
    "{{ 7*7 }}", "{%", "%}", "{% raw %}", "{#", "}}", "{", "}", "${x}", "%s", "{0}",
    PWN, '"""\nimport os; os.system("touch PWNED")\n"""', "'; raise SystemExit(3) #", "#", "\\\"\"\"",
    "\x00", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\u200b", "\ufeff",
    "ｃｌａｓｓ", "ｉｍｐｏｒｔ", "ℌ", "ﬁ", "é", "İ", "Σ",
    "class", "def", "None", "True", "import", "lambda", "match", "_", "self", "__init__", "__class__",
    "Optional", "Literal", "Union", "OpenModel", "BaseModel", "str", "int", "os", "httpx", "_Field", "Field",
    "1", "9abc", "0x1", " ", "-", ".", "/", "$", "@", "~", "~1", "</script>", "",
]

fragment = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4))
hostile = st.lists(fragment, max_size=4).map("".join)
# Path segments and path parameter names must keep the template well formed.
path_safe = hostile.map(lambda s: "".join(c for c in s if c not in "{}/?#"))


@st.composite
def property_schemas(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["string", "integer", "number", "boolean", "enum", "int_enum"]))
    schema: dict[str, Any] = {"description": draw(hostile)}
    if kind == "string":
        schema.update(type="string", default=draw(hostile), example=draw(hostile))
    elif kind == "integer":
        schema.update(type="integer", default=draw(st.integers()), example=draw(st.integers()))
    elif kind == "number":
        finite = st.floats(allow_nan=False, allow_infinity=False)
        schema.update(type="number", default=draw(finite), example=draw(finite))
    elif kind == "boolean":
        schema.update(type="boolean", default=draw(st.booleans()))
    elif kind == "enum":
        values = draw(st.lists(hostile, min_size=1, max_size=4, unique=True))
        schema.update(type="string", enum=values, default=draw(st.sampled_from(values)))
    else:
        values = draw(st.lists(st.integers(), min_size=1, max_size=4, unique=True))
        schema.update(type="integer", enum=values, default=draw(st.sampled_from(values)))
    if draw(st.booleans()):
        del schema["default"]
    return schema


@st.composite
def enum_schemas(draw: st.DrawFn) -> dict[str, Any]:
    if draw(st.booleans()):
        values: list[Any] = draw(st.lists(hostile, min_size=1, max_size=5, unique=True))
        return {"type": "string", "enum": values, "description": draw(hostile)}
    values = draw(st.lists(st.integers(), min_size=1, max_size=4, unique=True))
    return {"type": "integer", "enum": values, "description": draw(hostile)}


@st.composite
def parameters(draw: st.DrawFn) -> list[dict[str, Any]]:
    params = []
    for name, where in draw(
        st.lists(st.tuples(hostile, st.sampled_from(["query", "header", "cookie"])), max_size=3, unique=True)
    ):
        schema = draw(property_schemas())
        params.append({"name": name, "in": where, "description": draw(hostile), "schema": schema})
    return params


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    version = draw(st.sampled_from(["3.0.3", "3.1.0"]))
    schemas: dict[str, Any] = {}
    for name in draw(st.lists(hostile, min_size=1, max_size=3, unique=True)):
        if draw(st.integers(0, 2)) == 0:
            schemas[name] = draw(enum_schemas())
        else:
            props = draw(st.dictionaries(hostile, property_schemas(), max_size=4))
            schemas[name] = {"type": "object", "description": draw(hostile), "properties": props}
    objects = [name for name, s in schemas.items() if s.get("type") == "object"]

    paths: dict[str, Any] = {}
    for index in range(draw(st.integers(1, 3))):
        params = draw(parameters())
        segment = draw(path_safe)
        path = f"/r{index}/{segment}"
        if draw(st.booleans()):
            pname = draw(path_safe.filter(bool))
            path += "/{" + pname + "}"
            params.append({"name": pname, "in": "path", "required": True, "schema": {"type": "string"}})
        response: dict[str, Any] = {"description": draw(hostile)}
        if objects:
            target = draw(st.sampled_from(objects)).replace("~", "~0").replace("/", "~1")
            response["content"] = {"application/json": {"schema": {"$ref": f"#/components/schemas/{target}"}}}
        operation: dict[str, Any] = {
            "operationId": draw(hostile),
            "summary": draw(hostile),
            "description": draw(hostile),
            "tags": draw(st.lists(hostile, max_size=2, unique=True)),
            "parameters": params,
            "responses": {"200": response},
        }
        paths[path] = {draw(st.sampled_from(["get", "post", "put", "delete"])): operation}

    spec: dict[str, Any] = {
        "openapi": version,
        "info": {"title": draw(hostile), "version": draw(hostile), "description": draw(hostile)},
        "servers": [{"url": draw(hostile), "description": draw(hostile)}],
        "paths": paths,
        "components": {"schemas": schemas},
    }
    if draw(st.booleans()):
        spec["components"]["securitySchemes"] = {
            "key": {"type": "apiKey", "in": draw(st.sampled_from(["header", "query"])), "name": draw(hostile)}
        }
        spec["security"] = [{"key": []}]
    return spec
