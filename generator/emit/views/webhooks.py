"""The view of the webhooks module (`<package>/webhooks.py`, only for a spec with webhooks)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.emit.views import literals
from generator.emit.views.context import RenderOptions
from generator.emit.views.docstrings import trim
from generator.emit.views.type_printer import TypePrinter, import_lines
from generator.ir import Api
from generator.ir.webhooks import WebhookSignature

RUNTIME_MODULE = "_webhooks.py"  # copied only into packages with webhooks


@dataclass(frozen=True)
class WebhookOverload:
    """One `unwrap` overload: the webhooks whose payload has one type."""

    names: str  # `Literal["a", "b"]` of the webhook names
    returns: str  # the payload's type expression (`models.Pet`)


@dataclass(frozen=True)
class WebhooksView:
    """package/webhooks.py.j2"""

    names: str  # `Literal[...]` of every webhook name (the `WebhookName` alias)
    event: str  # the `WebhookEvent` alias: the models' union, else every payload type and the fallback
    overloads: tuple[WebhookOverload, ...]  # sorted by the first name
    payloads: tuple[tuple[str, str], ...]  # (name literal, type expression) of each webhook
    tag: str  # literal of the tag property, or "None"
    tags: str  # dict display {tag value: webhook name}, sorted
    order: str  # tuple display of the untagged webhook names, in the order tried
    fallback: str  # the fallback model (`models.WebhookEventUnknown`)
    typing_names: tuple[str, ...]  # names imported from typing
    extra_imports: tuple[str, ...]  # other import lines the payload types need
    signature: WebhookSignature | None  # None: unwrap does not verify
    secret_env: str  # literal of the secret's environment variable ("" without a signature)
    doc: str  # the Webhooks class docstring: the webhooks and what each is


def runtime_modules(api: Api, runtime_dir: Path) -> list[Path]:
    """The runtime modules a package gets: `_webhooks.py` only where there are webhooks."""
    return [m for m in sorted(runtime_dir.glob("_*.py")) if api.webhooks is not None or m.name != RUNTIME_MODULE]


def webhooks_view(api: Api, options: RenderOptions) -> WebhooksView:
    hooks = api.webhooks
    assert hooks is not None
    printer = TypePrinter({d.name: d for d in api.schemas}, "models.", typed_dicts=api.model_style == "typeddict")
    types = {w.name: printer.annotation(w.payload, open_enums=True) for w in hooks.webhooks}
    fallback = f"models.{hooks.fallback}"
    groups: dict[str, list[str]] = {}
    for name in sorted(types):
        groups.setdefault(types[name], []).append(name)
    overloads = sorted((WebhookOverload(_literal(names), returns) for returns, names in groups.items()),
                       key=lambda o: o.names)
    event_types = [*dict.fromkeys(types[w.name] for w in hooks.webhooks), fallback]
    owners: dict[str, str] = {}
    for webhook in hooks.webhooks:
        for value in webhook.tags:
            owners.setdefault(value, webhook.name)
    lines = [f"- `{w.name}`" + (f": {_first_line(w.description)}" if w.description else "") for w in hooks.webhooks]
    doc = trim("Parses, checks and types the webhooks this API sends:\n\n" + "\n".join(lines), options.docstrings)
    signature = hooks.signature
    return WebhooksView(
        names=_literal([w.name for w in hooks.webhooks]),
        event=f"models.{hooks.union}" if hooks.union else f"Union[{', '.join(event_types)}]",
        overloads=tuple(overloads),
        payloads=tuple((literals.string(w.name), types[w.name]) for w in hooks.webhooks),
        tag="None" if hooks.tag_property is None else literals.string(hooks.tag_property),
        tags="{" + ", ".join(f"{literals.string(v)}: {literals.string(n)}" for v, n in sorted(owners.items())) + "}",
        order=_tuple([literals.string(name) for name in hooks.order]),
        fallback=fallback,
        typing_names=tuple(sorted({*printer.typing_names, "Literal", "Optional", "Union", "cast", "overload"})),
        extra_imports=import_lines(printer.extra_imports, {f"from datetime import {n}" for n in printer.datetime_names}),
        signature=signature,
        secret_env="" if signature is None else literals.string(signature.secret_env),
        doc=literals.docstring_body(doc or "Parses and types the webhooks this API sends."),
    )


def _tuple(items: list[str]) -> str:
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _literal(names: list[str]) -> str:
    return "Literal[" + ", ".join(literals.string(n) for n in names) + "]"


def _first_line(text: str) -> str:
    return text.strip().split("\n")[0]
