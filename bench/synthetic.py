"""A large spec built from a small one: the flagship cloned N times with renamed identifiers.

    python bench/synthetic.py [--copies 30] [--output FILE]

Copy k (1..N) of every path, operation, tag and component gets a suffix
(`/c07/chat-messages`, `sendAdvancedChatMessageC07`, tag `Chats C07`, schema
`ChatRequestC07`) and every `$ref` inside the copy points at its own copy, so
the result is one valid spec with N times the operations and schemas and no
name shared between copies. Deterministic: same input, same bytes.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "specs" / "dify-chatflow.json"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def clone_spec(spec: dict[str, Any], copies: int, label: str = "C", letters: bool = False) -> dict[str, Any]:
    """`spec` with its paths, tags and components repeated `copies` times under new names
    (suffix `{label}07`, path prefix `/{label}07` lower-cased: two sources cloned with different
    labels can be merged without a clash). `letters`: suffix `{label}ah` instead, for copies that
    stay apart as resources too (resource names drop digits, so `/c07/chats` and `/c08/chats`
    are one resource class, growing with every copy, where a real bigger spec has more of them)."""
    components = spec.get("components", {})
    out: dict[str, Any] = {key: value for key, value in spec.items() if key not in ("paths", "tags", "components")}
    out["info"] = {**spec.get("info", {}), "title": f"{spec.get('info', {}).get('title', 'API')} x{copies}"}
    out["paths"] = {}
    out["tags"] = []
    out["components"] = {key: value for key, value in components.items() if key == "securitySchemes"}
    for k in range(1, copies + 1):
        suffix = f"{label}{chr(97 + (k - 1) // 26)}{chr(97 + (k - 1) % 26)}" if letters else f"{label}{k:02d}"
        renamed = {
            f"#/components/{section}/{name}": f"#/components/{section}/{name}{suffix}"
            for section, entries in components.items() if section != "securitySchemes"
            for name in entries
        }
        for section, entries in components.items():
            if section == "securitySchemes":
                continue
            target = out["components"].setdefault(section, {})
            for name, body in entries.items():
                target[f"{name}{suffix}"] = _rewrite(body, renamed, suffix)
        for path, item in spec.get("paths", {}).items():
            out["paths"][f"/{suffix.lower()}{path}"] = _path_item(_rewrite(item, renamed, suffix), suffix)
        for tag in spec.get("tags", []):
            out["tags"].append({**tag, "name": f"{tag['name']} {suffix}"})
    return out


def _path_item(item: dict[str, Any], suffix: str) -> dict[str, Any]:
    for method in METHODS:
        operation = item.get(method)
        if not isinstance(operation, dict):
            continue
        if "operationId" in operation:
            operation["operationId"] = f"{operation['operationId']}{suffix}"
        if "tags" in operation:
            operation["tags"] = [f"{tag} {suffix}" for tag in operation["tags"]]
    return item


def _rewrite(node: Any, renamed: dict[str, str], suffix: str) -> Any:
    """A deep copy of `node` whose local `$ref`s (and discriminator mappings) point into the copy."""
    if isinstance(node, dict):
        copied = {key: _rewrite(value, renamed, suffix) for key, value in node.items()}
        ref = copied.get("$ref")
        if isinstance(ref, str) and ref in renamed:
            copied["$ref"] = renamed[ref]
        mapping = copied.get("mapping") if "propertyName" in copied else None
        if isinstance(mapping, dict):
            copied["mapping"] = {tag: renamed.get(target, target) if isinstance(target, str) else target
                                 for tag, target in mapping.items()}
        return copied
    if isinstance(node, list):
        return [_rewrite(value, renamed, suffix) for value in node]
    return node


def write_synthetic(output: Path, copies: int, source: Path = FLAGSHIP) -> Path:
    """Write the cloned spec to `output` (skipped when it already holds the same bytes)."""
    text = json.dumps(clone_spec(json.loads(source.read_text(encoding="utf-8")), copies), indent=1) + "\n"
    if not output.exists() or output.read_text(encoding="utf-8") != text:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=30)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    output = args.output or Path(f"dify-x{args.copies}.json")
    write_synthetic(output, args.copies)
    spec = json.loads(output.read_text(encoding="utf-8"))
    operations = sum(1 for item in spec["paths"].values() for m in METHODS if m in item)
    print(f"{output}: {operations} operations, {len(spec['components'].get('schemas', {}))} schemas, "
          f"{output.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
