"""Base model and union helpers shared by every generated model."""

from __future__ import annotations

from typing import Any, Callable, Mapping, Optional

from pydantic import BaseModel, ConfigDict

__all__ = ["OpenModel", "by_key", "by_property"]


class OpenModel(BaseModel):
    """A model that keeps fields it does not know (a newer server's additions).

    Unknown fields stay reachable as attributes and through `model_extra`, and
    are sent back unchanged when the model is serialised. Validators are built
    on first use, not at import (`defer_build`): a module of thousands of
    models imports in about half the time.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        protected_namespaces=(),
        defer_build=True,
    )


def by_property(
    property_name: str, mapping: Mapping[str, str], fallback: str
) -> Callable[[Any], str]:
    """A pydantic `Discriminator` callable: route on a tag, unknown tags to `fallback`.

    Variant tags are class names, so an already-built model routes to itself.
    """
    known = frozenset(mapping.values()) | {fallback}

    def pick(value: Any) -> str:
        # Parsed JSON first, by exact type: an isinstance() against `Mapping` goes
        # through the ABC machinery, on every event of a stream.
        if type(value) is dict:
            tag: Optional[Any] = value.get(property_name)
        elif isinstance(value, BaseModel):
            own = type(value).__name__
            return own if own in known else fallback
        else:
            tag = value.get(property_name) if isinstance(value, Mapping) else None
        if isinstance(tag, str) and tag in mapping:
            return mapping[tag]
        return fallback

    return pick


def by_key(mapping: Mapping[str, str], fallback: str) -> Callable[[Any], str]:
    """A pydantic `Discriminator` callable: the variant is the one whose key is present."""
    known = frozenset(mapping.values()) | {fallback}

    def pick(value: Any) -> str:
        if type(value) is not dict:  # parsed JSON (the common case) needs no checks
            if isinstance(value, BaseModel):
                own = type(value).__name__
                return own if own in known else fallback
            if not isinstance(value, Mapping):
                return fallback
        for key, variant in mapping.items():
            if key in value:
                return variant
        return fallback

    return pick
