"""OpenAPI 3.2 tag hierarchy: a Tag Object's `parent` nests its resource under the
parent's (`messages` with parent `chat`: `client.chat.messages`).

Only navigation tags form that tree: those without a `kind` and those of kind `nav`.
The other kinds the 3.2 text names (`badge`, `audience`) label operations across the
API (a "beta" badge, a "partners" audience); were they resources or parents, an
operation's place in the client would change whenever a label was added. So an
operation's resource comes from its first navigation tag, and a parent that is not
one is ignored (with a warning).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from generator.builder import pointers
from generator.builder.errors import BuildError, BuildWarning

_NAVIGATION = frozenset({"nav"})


class TagTree:
    def __init__(self, document: Mapping[str, Any], warnings: list[BuildWarning]) -> None:
        raw = document.get("tags")
        entries = [(i, t) for i, t in enumerate(raw if isinstance(raw, list) else ()) if isinstance(t, Mapping)]
        self._kinds = {str(t.get("name")): t.get("kind") for _, t in entries}
        self._parents: dict[str, str] = {}
        where: dict[str, str] = {}
        for index, tag in entries:
            name, parent = str(tag.get("name")), tag.get("parent")
            if not isinstance(parent, str):
                continue
            pointer = pointers.join("/tags", index, "parent")
            if parent not in self._kinds:
                warnings.append(BuildWarning(f"tag {name!r} names parent {parent!r}, which is no tag; "
                                             "its resource is at the top", pointer))
            elif not self.navigational(parent):
                warnings.append(BuildWarning(f"tag {name!r} names parent {parent!r} of kind "
                                             f"{self._kinds[parent]!r}; only navigation tags nest resources, "
                                             "so its resource is at the top", pointer))
            else:
                self._parents[name] = parent
                where[name] = pointer
        for name in sorted(self._parents):
            seen = [name]
            while seen[-1] in self._parents:
                seen.append(self._parents[seen[-1]])
                if seen[-1] in seen[:-1]:
                    cycle = " -> ".join(seen[seen.index(seen[-1]):])
                    raise BuildError(f"tag parents form a cycle: {cycle}", where[name],
                                     "a tag cannot be its own ancestor: remove one `parent`")

    def navigational(self, name: str) -> bool:
        """Without a Tag Object, or without a kind, a tag navigates."""
        kind = self._kinds.get(name)
        return kind is None or kind in _NAVIGATION

    def resource_tag(self, tags: Sequence[str]) -> str | None:
        """The tag that places an operation: its first navigation tag."""
        return next((t for t in tags if self.navigational(t)), None)

    def ancestors(self, name: str) -> tuple[str, ...]:
        """The parents of `name`, the topmost first (`()` for a tag without one)."""
        chain: list[str] = []
        while name in self._parents:
            name = self._parents[name]
            chain.insert(0, name)
        return tuple(chain)
