"""The Overlay Specification's compliance cases, applied to small documents, with the exact result.

Sources (OAI/Overlay-Specification): the `compliant-sets/` folders (remove matching
responses, replace servers, update the root) and `tests/v1.0/pass/actions-update-with-remove.yaml`.
The input documents and expected results here are ours, written from the spec's rules.
"""

from __future__ import annotations

from pathlib import Path

from tests.overlays.overlay_results import apply_overlay_text, assert_same


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
    result, warnings = apply_overlay_text(tmp_path, overlay, """
paths:
  /a:
    get: {responses: {'200': {description: OK}, '500': {description: Oops}, default: {description: Err}}}
    post: {responses: {'201': {description: Made}, '500': {description: Oops}}}
  /b: {get: {responses: {default: {description: Err}}}}
components: {responses: {'500': {description: kept, outside paths}}}
""")
    assert_same(result, """
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
    result, _ = apply_overlay_text(tmp_path, overlay, """
openapi: 3.1.0
servers: [{url: https://api.example.com}, {url: https://eu.api.example.com}]
paths: {}
""")
    assert_same(result, """
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
    result, _ = apply_overlay_text(tmp_path, overlay, "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n")
    assert_same(result, "openapi: 3.1.0\ninfo: {title: T, version: '1', x-overlaid: true}\npaths: {}\n")


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
    result, _ = apply_overlay_text(tmp_path, overlay, "paths: {/a: {get: {parameters: [{name: x, in: query}]}}}\n")
    assert_same(result, "paths: {/a: {get: {}}}\n")
