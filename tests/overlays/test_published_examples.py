"""The Overlay Specification's own examples, applied to small documents, with the exact result.

Sources (OAI/Overlay-Specification): the examples of `versions/1.0.0.md` ("Structured Overlay
Example", "Targeted...", "Wildcard...", "Array Modification...", "Traits Example"), the same
files under `tests/v1.0/pass/`, and the traits example as `versions/1.1.0.md` corrected it (with
its published result); the `compliant-sets/` folders are in test_compliant_sets. The input
documents and expected results here are ours, written from the spec's rules.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.overlays.overlay_results import apply_overlay_text, assert_same


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
    result, warnings = apply_overlay_text(tmp_path, STRUCTURED, """
openapi: 3.1.0
info: {title: Pets, version: 1.0.0}
paths:
  /:
    get: {summary: old, responses: {'200': {description: OK}}}
  /pets:
    get: {operationId: listPets, responses: {'200': {description: OK}}}
    post: {operationId: createPet}
""")
    assert_same(result, """
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
    result, warnings = apply_overlay_text(tmp_path, TARGETED, """
paths:
  /foo: {get: {operationId: foo}}
  /bar: {get: {operationId: bar, description: old}}
""")
    assert_same(result, """
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
    result, _ = apply_overlay_text(tmp_path, WILDCARD, """
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
    assert_same(result, """
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
    result, _ = apply_overlay_text(tmp_path, ARRAY_ADD, """
paths:
  /a: {get: {parameters: [{name: a, in: query}]}}
  /b: {get: {parameters: []}}
  /c: {get: {}}
""")
    assert_same(result, """
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
    result, _ = apply_overlay_text(tmp_path, ARRAY_REMOVE, """
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
    assert_same(result, """
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
    result, warnings = apply_overlay_text(tmp_path, TRAITS_1_0, TRAITS_DOCUMENT)
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
    result, warnings = apply_overlay_text(tmp_path, overlay, TRAITS_1_1_DOCUMENT)
    assert_same(result, """
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


def test_determinism_same_input_same_result(tmp_path: Path) -> None:
    document = TRAITS_1_1_DOCUMENT
    first, _ = apply_overlay_text(tmp_path, WILDCARD, document)
    second, _ = apply_overlay_text(tmp_path, WILDCARD, document)
    assert yaml.safe_dump(first, sort_keys=False) == yaml.safe_dump(second, sort_keys=False)
