"""Where the client connects: the spec's servers, with their variables and names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin

from generator.builder import pointers
from generator.builder.errors import BuildWarning
from generator.ir import Server

_VARIABLE = re.compile(r"\{([^{}]+)\}")
_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def document_base(document: Mapping[str, Any]) -> str | None:
    """The document's own absolute URL (OpenAPI 3.2 `$self`), which relative server URLs
    are resolved against; None when it has none (a relative URL is then kept as it is)."""
    own = document.get("$self")
    return own if isinstance(own, str) and _ABSOLUTE.match(own) else None


def servers(raw: Any, pointer: str, warnings: list[BuildWarning], base: str | None = None) -> tuple[Server, ...]:
    """A `servers` list -> Servers; an unusable entry is left out with a warning.
    `base`: the document's `$self`, for relative server URLs."""
    found = []
    for index, entry in enumerate(raw if isinstance(raw, list) else ()):
        where = f"{pointer}/{index}"
        if not isinstance(entry, Mapping) or not isinstance(entry.get("url"), str):
            warnings.append(BuildWarning("a server without a `url` string is ignored", where))
            continue
        variables: Mapping[str, Any] = entry["variables"] if isinstance(entry.get("variables"), Mapping) else {}
        used = _VARIABLE.findall(entry["url"])
        filled = []
        for name in used:
            variable = variables.get(name)
            if not isinstance(variable, Mapping) or "default" not in variable:
                warnings.append(BuildWarning(
                    f"server variable {name!r} has no default; the URL keeps `{{{name}}}` unless "
                    "server_variables gives it", f"{where}/variables"))
                variable = {"default": f"{{{name}}}"}
            enum: list[Any] = variable["enum"] if isinstance(variable.get("enum"), list) else []
            description = variable.get("description")
            filled.append((name, str(variable["default"]), tuple(str(v) for v in enum),
                           description if isinstance(description, str) else None))
        name, description = entry.get("name"), entry.get("description")
        url = entry["url"]
        if base is not None and not _ABSOLUTE.match(url) and not url.startswith("{"):
            url = urljoin(base, url)
        found.append(Server(
            url=url,
            name=name if isinstance(name, str) else None,
            description=description if isinstance(description, str) else None,
            variables=tuple(dict.fromkeys(filled)),
        ))
    return tuple(found)


def default_url(found: tuple[Server, ...]) -> str:
    """The first server's URL with its variables at their defaults."""
    if not found:
        return ""
    defaults = {name: default for name, default, _, _ in found[0].variables}
    return _VARIABLE.sub(lambda m: defaults.get(m.group(1), m.group(0)), found[0].url)


def operation_servers(document: Mapping[str, Any], path: str, raw: Mapping[str, Any], pointer: str,
                      warnings: list[BuildWarning]) -> tuple[Server, ...]:
    """The operation's own servers, else its path item's; () when it has neither."""
    if "servers" in raw:
        return servers(raw["servers"], f"{pointer}/servers", warnings, document_base(document))
    item, item_pointer = pointers.deref(document, (document.get("paths") or {}).get(path),
                                        pointers.join("/paths", path))
    if isinstance(item, Mapping) and "servers" in item:
        return servers(item["servers"], f"{item_pointer}/servers", warnings, document_base(document))
    return ()
