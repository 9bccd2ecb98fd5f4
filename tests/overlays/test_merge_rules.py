"""How an overlay action changes the document, rule by rule, with the exact result.

The merge as versions/1.0.0.md's Action Object describes it (objects merged
recursively, arrays concatenated, primitives replaced), a node selected twice or
inside a removed node, updates that do not fit (an error with its pointer), and the
targets our own overlays write (`target_query`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import LoadError

from tests.overlays.overlay_results import apply_overlay_text, assert_same


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
    result, _ = apply_overlay_text(tmp_path, overlay, """
components:
  schemas:
    Pet:
      description: old
      required: [id]
      properties:
        id: {type: integer, format: int32}
""")
    assert_same(result, """
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
    result, _ = apply_overlay_text(tmp_path, overlay, "tags: [{name: a}]\n")
    assert_same(result, "tags: [{name: a}, {name: b}, {name: c}]\n")


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
    result, _ = apply_overlay_text(tmp_path, overlay, "tags: [a, b, c, d]\nlist: [1]\n")
    assert_same(result, "tags: [b, c]\nlist: [1, x]\n")


def test_a_removed_node_inside_another_removed_node(tmp_path: Path) -> None:
    overlay = """
overlay: 1.0.0
info: {title: nested, version: 1.0.0}
actions:
  - target: $..[?@.internal == true]
    remove: true
"""
    result, _ = apply_overlay_text(tmp_path, overlay, """
items:
  - {internal: true, children: [{internal: true}, {name: x}]}
  - {name: kept, children: [{internal: true}, {name: y}]}
""")
    assert_same(result, "items:\n  - {name: kept, children: [{name: y}]}\n")


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
        apply_overlay_text(tmp_path, overlay, "x: {a: 1, list: [], obj: {}}\n")
    assert message in caught.value.message
    assert caught.value.pointer.startswith("/actions/0/update")


def test_the_targets_our_overlays_write_select_the_node_the_pointer_names() -> None:
    # clientgen drift and clientgen dify-inputs aim their actions with target_query: a quoted
    # name, a dotted one, and a list index (their pointers walk allOf/oneOf lists).
    from generator.load.overlay import _compile, target_query

    document = {"paths": {"/a'b": {"post": {"allOf": [{"x": 1}, {"y": 2}]}}}}
    query = target_query(["paths", "/a'b", "post", "allOf", "1"])
    assert query == "$.paths['/a\\'b'].post.allOf[1]"
    assert _compile(query, Path("o.yaml"), "/actions/0/target").findall(document) == [{"y": 2}]
