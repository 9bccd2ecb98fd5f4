"""The Overlay Specification's own examples, applied to small documents, with the exact result.

Sources (OAI/Overlay-Specification): the examples of `versions/1.0.0.md` ("Structured Overlay
Example", "Targeted...", "Wildcard...", "Array Modification...", "Traits Example"), the same
files under `tests/v1.0/pass/`, the traits example as `versions/1.1.0.md` corrected it (with
its published result), and the `compliant-sets/` folders (overlay, input and output). The
input documents and expected results here are ours, written from the spec's rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.load import Diagnostic, LoadError
from generator.load.overlay import apply_overlay


def _apply(tmp_path: Path, overlay: str, document: str) -> tuple[Any, list[Diagnostic]]:
    path = tmp_path / "overlay.yaml"
    path.write_text(overlay, encoding="utf-8")
    warnings: list[Diagnostic] = []
    return apply_overlay(yaml.safe_load(document), path, warnings), warnings


def _same(result: Any, expected: str) -> None:
    """Equal, keys in the same order too (determinism: the order is the document's, then the update's)."""
    wanted = yaml.safe_load(expected)
    assert result == wanted
    assert yaml.safe_dump(result, sort_keys=False) == yaml.safe_dump(wanted, sort_keys=False)


# versions/1.0.0.md, "Structured Overlay Example" (tests/v1.0/pass/structured-overlay-example.yaml).
# `components:` and `tags:` are null in the update: the document has neither, so they are added as null.
STRUCTURED = """
overlay: 1.0.0
info:
  title: Structured Overlay
  version: 1.0.0
actions:
  - target: '$' # Root of document
    update:
      info:
        x-overlay-applied: structured-overlay
      paths:
        '/':
          summary: 'The root resource'
          get:
            summary: 'Retrieve the root resource'
            x-rate-limit: 100
        '/pets':
          get:
            summary: 'Retrieve a list of pets'
            x-rate-limit: 100
      components:
      tags:
"""


def test_structured_overlay(tmp_path: Path) -> None:
    result, warnings = _apply(tmp_path, STRUCTURED, """
openapi: 3.1.0
info: {title: Pets, version: 1.0.0}
paths:
  /:
    get: {summary: old, responses: {'200': {description: OK}}}
  /pets:
    get: {operationId: listPets, responses: {'200': {description: OK}}}
    post: {operationId: createPet}
""")
    _same(result, """
openapi: 3.1.0
info: {title: Pets, version: 1.0.0, x-overlay-applied: structured-overlay}
paths:
  /:
    get: {summary: Retrieve the root resource, responses: {'200': {description: OK}}, x-rate-limit: 100}
    summary: The root resource
  /pets:
    get: {operationId: listPets, responses: {'200': {description: OK}}, summary: Retrieve a list of pets,
          x-rate-limit: 100}
    post: {operationId: createPet}
components: null
tags: null
""")
    assert warnings == []


# versions/1.0.0.md, "Targeted Overlay Example" (tests/v1.0/pass/targeted-overlay-example.yaml).
TARGETED = """
overlay: 1.0.0
info:
  title: Targeted Overlay
  version: 1.0.0
actions:
  - target: $.paths['/foo'].get
    update:
      description: This is the new description
  - target: $.paths['/bar'].get
    update:
      description: This is the updated description
  - target: $.paths['/bar']
    update:
      post:
        description: This is an updated description of a child object
        x-safe: false
"""


def test_targeted_overlay(tmp_path: Path) -> None:
    result, warnings = _apply(tmp_path, TARGETED, """
paths:
  /foo: {get: {operationId: foo}}
  /bar: {get: {operationId: bar, description: old}}
""")
    _same(result, """
paths:
  /foo: {get: {operationId: foo, description: This is the new description}}
  /bar:
    get: {operationId: bar, description: This is the updated description}
    post: {description: This is an updated description of a child object, x-safe: false}
""")
    assert warnings == []


# versions/1.0.0.md, "Wildcard Overlay Example" (tests/v1.0/pass/wildcard-overlay-example.yaml).
WILDCARD = """
overlay: 1.0.0
info:
  title: Update many objects at once
  version: 1.0.0
actions:
  - target: $.paths.*.get
    update:
      x-safe: true
  - target: $.paths.*.get.parameters[?@.name=='filter' && @.in=='query']
    update:
      schema:
        $ref: '/components/schemas/filterSchema'
"""


def test_wildcard_overlay(tmp_path: Path) -> None:
    result, _ = _apply(tmp_path, WILDCARD, """
paths:
  /a:
    get:
      parameters:
        - {name: filter, in: query}
        - {name: filter, in: header}
        - {name: limit, in: query}
  /b: {get: {}, post: {}}
  /c: {delete: {}}
""")
    _same(result, """
paths:
  /a:
    get:
      parameters:
        - {name: filter, in: query, schema: {$ref: /components/schemas/filterSchema}}
        - {name: filter, in: header}
        - {name: limit, in: query}
      x-safe: true
  /b: {get: {x-safe: true}, post: {}}
  /c: {delete: {}}
""")


# versions/1.0.0.md, "Array Modification Example", the first overlay
# (tests/v1.0/pass/array-modification-example-update.yaml): the update is one entry to append.
ARRAY_ADD = """
overlay: 1.0.0
info:
  title: Add an array element
  version: 1.0.0
actions:
  - target: $.paths.*.get.parameters
    update:
      name: newParam
      in: query
"""


def test_array_modification_add(tmp_path: Path) -> None:
    result, _ = _apply(tmp_path, ARRAY_ADD, """
paths:
  /a: {get: {parameters: [{name: a, in: query}]}}
  /b: {get: {parameters: []}}
  /c: {get: {}}
""")
    _same(result, """
paths:
  /a: {get: {parameters: [{name: a, in: query}, {name: newParam, in: query}]}}
  /b: {get: {parameters: [{name: newParam, in: query}]}}
  /c: {get: {}}
""")
    # Each array got its own copy: changing one later leaves the other alone.
    result["paths"]["/a"]["get"]["parameters"][1]["name"] = "changed"
    assert result["paths"]["/b"]["get"]["parameters"][0]["name"] == "newParam"


# versions/1.0.0.md, "Array Modification Example", the second overlay
# (tests/v1.0/pass/array-modification-example-remove.yaml).
ARRAY_REMOVE = """
overlay: 1.0.0
info:
  title: Remove a array element
  version: 1.0.0
actions:
  - target: $.paths.*.get.parameters[?@.name == 'dummy']
    remove: true
"""


def test_array_modification_remove(tmp_path: Path) -> None:
    result, _ = _apply(tmp_path, ARRAY_REMOVE, """
paths:
  /a:
    get:
      parameters:
        - {name: dummy, in: query}
        - {name: keep, in: query}
        - {name: dummy, in: header}
        - {name: also, in: path}
  /b: {get: {parameters: [{name: dummy, in: query}]}}
""")
    _same(result, """
paths:
  /a: {get: {parameters: [{name: keep, in: query}, {name: also, in: path}]}}
  /b: {get: {parameters: []}}
""")


# versions/1.0.0.md, "Traits Example": the document and the overlay as published (the 1.0 text).
TRAITS_DOCUMENT = """
openapi: 3.1.0
info:
  title: API with a paged collection
  version: 1.0.0
paths:
  /items:
    get:
      x-oai-traits: ['paged']
      responses:
        200:
          description: OK
"""
TRAITS_1_0 = """
overlay: 1.0.0
info:
  title: Apply Traits
  version: 1.0.0
actions:
  - target: $.paths.*.get[?@.x-oai-traits.paged]
    update:
      parameters:
        - name: top
          in: query
        - name: skip
          in: query
"""


def test_traits_example_as_published_in_1_0_selects_nothing(tmp_path: Path) -> None:
    """The 1.0 text's query filters the operation's *members* for a `paged` key inside
    `x-oai-traits`, a list: nothing matches (Overlay 1.1 rewrote the query). Said, not silent."""
    before = yaml.safe_load(TRAITS_DOCUMENT)
    result, warnings = _apply(tmp_path, TRAITS_1_0, TRAITS_DOCUMENT)
    assert result == before
    assert [str(w) for w in warnings] == [
        f"{tmp_path / 'overlay.yaml'}#/actions/0/target: warning: the action did nothing: its target "
        "$.paths.*.get[?@.x-oai-traits.paged] selects nothing in the spec"
    ]


# versions/1.1.0.md, "Traits Example": its document, its corrected query (a 1.0 feature set) and its result.
TRAITS_1_1_DOCUMENT = """
openapi: 3.1.0
info:
  title: API with a paged collection
  version: 1.0.0
paths:
  /items:
    get:
      x-oai-traits: ['paged']
      responses:
        200:
          description: OK
  /items/{id}/subitems:
    get:
      x-oai-traits: ['paged']
      parameters:
        - name: id
          in: path
          required: true
      responses:
        200:
          description: OK
  /other:
    get:
      responses:
        200:
          description: OK
"""


def test_traits_example_with_the_corrected_query(tmp_path: Path) -> None:
    overlay = TRAITS_1_0.replace("$.paths.*.get[?@.x-oai-traits.paged]",
                                 "$.paths[?(@.get['x-oai-traits'][?(@ == 'paged')])].get")
    result, warnings = _apply(tmp_path, overlay, TRAITS_1_1_DOCUMENT)
    _same(result, """
openapi: 3.1.0
info:
  title: API with a paged collection
  version: 1.0.0
paths:
  /items:
    get:
      x-oai-traits: ["paged"]
      responses:
        200:
          description: OK
      parameters:
        - name: top
          in: query
        - name: skip
          in: query
  /items/{id}/subitems:
    get:
      x-oai-traits: ["paged"]
      parameters:
        - name: id
          in: path
          required: true
        - name: top
          in: query
        - name: skip
          in: query
      responses:
        200:
          description: OK
  /other:
    get:
      responses:
        200:
          description: OK
""")
    assert warnings == []


# compliant-sets/remove-matching-responses/overlay.yaml: descendant segments, two removes in order.
def test_remove_matching_responses(tmp_path: Path) -> None:
    overlay = """
overlay: 1.0.0
info:
  title: Response code removal test
  version: 1.0.0

actions:
  - target: $.paths..responses['500']
    remove: true

  - target: $.paths..responses['default']
    remove: true
"""
    result, warnings = _apply(tmp_path, overlay, """
paths:
  /a:
    get: {responses: {'200': {description: OK}, '500': {description: Oops}, default: {description: Err}}}
    post: {responses: {'201': {description: Made}, '500': {description: Oops}}}
  /b: {get: {responses: {default: {description: Err}}}}
components: {responses: {'500': {description: kept, outside paths}}}
""")
    _same(result, """
paths:
  /a:
    get: {responses: {'200': {description: OK}}}
    post: {responses: {'201': {description: Made}}}
  /b: {get: {responses: {}}}
components: {responses: {'500': {description: kept, outside paths}}}
""")
    assert warnings == []


# compliant-sets/replace-servers-for-sandbox/overlay.yaml (written there as 1.1.0 for its info.description,
# a 1.1 field; the actions are 1.0's): remove, then add back in a later action.
def test_replace_servers_removes_then_adds(tmp_path: Path) -> None:
    overlay = """
overlay: 1.0.0
info:
  title: Change server URL
  version: 1.0.0
actions:
  - target: '$.servers'
    remove: true
  - target: '$'
    update:
      servers:
        - url: http://api-test-tunnel.local
          description: Local development server
"""
    result, _ = _apply(tmp_path, overlay, """
openapi: 3.1.0
servers: [{url: https://api.example.com}, {url: https://eu.api.example.com}]
paths: {}
""")
    _same(result, """
openapi: 3.1.0
paths: {}
servers: [{url: http://api-test-tunnel.local, description: Local development server}]
""")


# compliant-sets/update-root/overlay.yaml
def test_update_root(tmp_path: Path) -> None:
    overlay = """
overlay: 1.0.0
info:
  title: Structured Overlay
  version: 1.0.0
actions:
- target: "$"   # Root of document
  update:
    info:
      x-overlaid: true
"""
    result, _ = _apply(tmp_path, overlay, "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n")
    _same(result, "openapi: 3.1.0\ninfo: {title: T, version: '1', x-overlaid: true}\npaths: {}\n")


# tests/v1.0/pass/actions-update-with-remove.yaml: `update` has no effect beside `remove: true`.
def test_update_beside_remove_has_no_effect(tmp_path: Path) -> None:
    overlay = """
overlay: 1.0.0
info:
  title: Actions Remove and Update defined
  version: 1.0.0
actions:
  - target: $.paths.*.get.parameters
    update:
      name: newParam
      in: query
      schema:
        type: string
    remove: true
"""
    result, _ = _apply(tmp_path, overlay, "paths: {/a: {get: {parameters: [{name: x, in: query}]}}}\n")
    _same(result, "paths: {/a: {get: {}}}\n")


# The merge, as versions/1.0.0.md's Action Object describes it (and 1.1.0.md lists step by step).


def test_merge_is_recursive_arrays_concatenate_primitives_replace(tmp_path: Path) -> None:
    overlay = """
overlay: 1.0.0
info: {title: merge, version: 1.0.0}
actions:
  - target: $.components.schemas.Pet
    update:
      required: [name]
      properties:
        id: {format: int64, description: The id}
        name: {type: string}
      description: null
      x-new: {a: [1]}
"""
    result, _ = _apply(tmp_path, overlay, """
components:
  schemas:
    Pet:
      description: old
      required: [id]
      properties:
        id: {type: integer, format: int32}
""")
    _same(result, """
components:
  schemas:
    Pet:
      description: null
      required: [id, name]
      properties:
        id: {type: integer, format: int64, description: The id}
        name: {type: string}
      x-new: {a: [1]}
""")


def test_an_array_update_onto_an_array_appends_its_items(tmp_path: Path) -> None:
    overlay = """
overlay: 1.0.0
info: {title: tags, version: 1.0.0}
actions:
  - target: $.tags
    update: [{name: b}, {name: c}]
"""
    result, _ = _apply(tmp_path, overlay, "tags: [{name: a}]\n")
    _same(result, "tags: [{name: a}, {name: b}, {name: c}]\n")


def test_a_node_selected_twice_is_changed_once(tmp_path: Path) -> None:
    overlay = """
overlay: 1.0.0
info: {title: twice, version: 1.0.0}
actions:
  - target: $.tags[0,0,-1]
    remove: true
  - target: $['list','list']
    update: x
"""
    result, _ = _apply(tmp_path, overlay, "tags: [a, b, c, d]\nlist: [1]\n")
    _same(result, "tags: [b, c]\nlist: [1, x]\n")


def test_a_removed_node_inside_another_removed_node(tmp_path: Path) -> None:
    overlay = """
overlay: 1.0.0
info: {title: nested, version: 1.0.0}
actions:
  - target: $..[?@.internal == true]
    remove: true
"""
    result, _ = _apply(tmp_path, overlay, """
items:
  - {internal: true, children: [{internal: true}, {name: x}]}
  - {name: kept, children: [{internal: true}, {name: y}]}
""")
    _same(result, "items:\n  - {name: kept, children: [{name: y}]}\n")


@pytest.mark.parametrize(
    "update, message",
    [
        ("{a: {b: 1}}", "cannot merge an object into the integer 1 at $['x']['a']"),
        ("{a: [1]}", "cannot merge an array into the integer 1 at $['x']['a']"),
        ("{list: {k: v}}", "cannot merge an object into an array at $['x']['list']"),
        ("{obj: 3}", "cannot merge the integer 3 into an object at $['x']['obj']"),
        ("[1]", "the target selects the object at $['x'], but the update is an array"),
    ],
)
def test_an_update_that_does_not_fit_is_an_error(tmp_path: Path, update: str, message: str) -> None:
    overlay = f"overlay: 1.0.0\ninfo: {{title: t, version: '1'}}\nactions:\n  - target: $.x\n    update: {update}\n"
    with pytest.raises(LoadError) as caught:
        _apply(tmp_path, overlay, "x: {a: 1, list: [], obj: {}}\n")
    assert message in caught.value.message
    assert caught.value.pointer.startswith("/actions/0/update")


def test_determinism_same_input_same_result(tmp_path: Path) -> None:
    document = TRAITS_1_1_DOCUMENT
    first, _ = _apply(tmp_path, WILDCARD, document)
    second, _ = _apply(tmp_path, WILDCARD, document)
    assert yaml.safe_dump(first, sort_keys=False) == yaml.safe_dump(second, sort_keys=False)


def test_the_targets_our_overlays_write_select_the_node_the_pointer_names() -> None:
    # clientgen drift and clientgen dify-inputs aim their actions with target_query: a quoted
    # name, a dotted one, and a list index (their pointers walk allOf/oneOf lists).
    from generator.load.overlay import _compile, target_query

    document = {"paths": {"/a'b": {"post": {"allOf": [{"x": 1}, {"y": 2}]}}}}
    query = target_query(["paths", "/a'b", "post", "allOf", "1"])
    assert query == "$.paths['/a\\'b'].post.allOf[1]"
    assert _compile(query, Path("o.yaml"), "/actions/0/target").findall(document) == [{"y": 2}]
