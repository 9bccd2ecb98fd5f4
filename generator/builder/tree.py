"""Where each operation sits in the client's resource tree, and its method name by shape.

Resources nest by path segments below the operation's tag, as Stainless-style SDKs
(openai-python) read a REST API:

- `/chat/completions` tagged `Chat` is `client.chat.completions`; `.../{completion_id}`
  is an item of it; `.../{completion_id}/messages` (a plural noun) is a resource of its own;
- a trailing singular segment that is the only operation of its path, under an item
  (`/files/{file_id}/content`) or under a collection that has operations of its own
  (`/customers/search`), is an action: `client.files.content(file_id)`;
- the verb and that shape give the name: `list`/`create` on a collection, `retrieve`/
  `update`/`delete` on an item; a GET of a singular collection (`/user`) is `retrieve`;
- path segments before the tag's own segment (`/repos/{owner}/{repo}` before `actions`)
  are only arguments; a tag that names no segment keeps its operations on one resource,
  named by operationId (the path does not describe that resource), unless the operationId
  only spells the method and path (Adyen's `post-payments-paymentPspReference-refunds`
  tagged `Modifications`): then the whole path nests below the tag
  (`client.modifications.payments.refunds.create`);
- an operationId verb that contradicts the shape wins (`removeIssuesFromEpic` is a POST).

`fallback` is the name from the operationId, used where two operations would share a name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from generator import naming
from generator.ir import ListType, NullableType, Operation

_ROOT_PREFIX = re.compile(r"^(api|rest)$", re.IGNORECASE)  # only at the start of a path
_VERSION = re.compile(r"^(v?\d+([._-]\d+)*|v\d+[a-z]+\d*)$", re.IGNORECASE)  # v1, 2010-04-01, 1.0, v1beta1
_EXTENSION = re.compile(r"\.(json|xml|ya?ml|csv)$", re.IGNORECASE)
_PARAM = "{}"


@dataclass(frozen=True)
class Placement:
    resource: tuple[str, ...]  # attribute path from the client
    name: str  # the method name it would like
    fallback: str  # the name from the operationId, when `name` is shared


def path_tokens(path: str) -> tuple[str, ...]:
    """`/v1/chat/completions/{id}.json` -> ("chat", "completions", "{}"): no version or
    `api` prefixes, no file extensions; every parameter is `{}`."""
    tokens: list[str] = []
    for raw in path.split("/"):
        text = _EXTENSION.sub("", raw)
        if not text:
            continue
        if text.startswith("{") and text.endswith("}"):
            tokens.append(_PARAM)
        elif not _VERSION.match(text) and not (not tokens and _ROOT_PREFIX.match(text)):
            tokens.append(text)
    return tuple(tokens)


class PathIndex:
    """Which normalised paths have operations, and which have paths below them."""

    def __init__(self, paths: Iterable[str]) -> None:
        keys = [path_tokens(p) for p in paths]
        self.count = Counter(keys)
        self.parents = {key[:i] for key in keys for i in range(len(key))}

    def is_action(self, key: tuple[str, ...]) -> bool:
        if len(key) < 2 or key[-1] == _PARAM or naming.looks_plural(naming.resource_name(key[-1])):
            return False
        alone = self.count[key] == 1 and key not in self.parents
        return alone and (key[-2] == _PARAM or self.count[key[:-1]] > 0)


def shared_tag_words(tags: Iterable[str]) -> int:
    """How many leading words every tag shares (Twilio's `MessagingV1Service`,
    `MessagingV1BrandRegistration`: "messaging"), when each keeps a word of its own."""
    split = [naming.resource_name(t).split("_") for t in sorted(set(tags))]
    if len(split) < 3:  # two tags sharing a word ("User Accounts", "User Settings") may well mean it
        return 0
    shared = 0
    while all(len(words) > shared + 1 for words in split) and len({w[shared] for w in split}) == 1:
        shared += 1
    return shared


def tag_root(tag: str, shared_words: int) -> str:
    return naming.resource_name("_".join(naming.resource_name(tag).split("_")[shared_words:]))


def place(operation: Operation, root: str, tag: str | None, index: PathIndex, *, nested: bool,
          parents: tuple[str, ...] = ()) -> Placement:
    """`root`: the resource the tag (or the first path segment) names, already renamed by config;
    `parents`: the resources of the tag's parent tags (OpenAPI 3.2), above `root`."""
    tokens = path_tokens(operation.path)
    below: Sequence[str] | None  # the tokens below the resource's own segment; None: the path is not its
    if tag is None:
        first = next((i for i, t in enumerate(tokens) if t != _PARAM), None)
        below = tokens[first + 1:] if first is not None else ()
    else:
        wanted = naming.singular(tag)
        match = next((i for i, t in enumerate(tokens)
                      if t != _PARAM and naming.singular(naming.resource_name(t)) == wanted), None)
        below = tokens[match + 1:] if match is not None else None
    # A path that ends at the tag's own segment (Twilio's `.../Usage/Records/Daily` tagged `Daily`) is
    # that resource's collection, never an action named like the resource.
    action = index.is_action(tokens) and below != ()
    shape = _shape_name(operation, tokens, action)
    spells_path = naming.spells_path(operation.operation_id, operation.method, operation.path)
    if below is None and nested and spells_path:
        below = tokens  # the operationId says no more than the path: the path nests below the tag
    if below is None or not nested:  # the operationId names the method
        name = naming.method_from_operation_id(operation.operation_id, (*parents, root), shape,
                                               spells_path=spells_path and below is not None)
        return Placement((*parents, root), name, name)
    literals = [naming.resource_name(t) for t in (below[:-1] if action else below) if t != _PARAM]
    resource = (*parents, root, *literals)
    fallback = naming.method_from_operation_id(operation.operation_id, resource, shape, spells_path=spells_path)
    return Placement(resource, naming.agreed_method(fallback, shape), fallback)


def _shape_name(operation: Operation, key: tuple[str, ...], action: bool) -> str:
    method = operation.method.lower()
    last = next((t for t in reversed(key) if t != _PARAM), "")
    if action:
        return naming.method_name(naming.resource_name(last))
    item = bool(key) and key[-1] == _PARAM
    return naming.shape_method(method, item=item, lists=not item and method == "get" and _lists(operation, last))


def _lists(operation: Operation, last_segment: str) -> bool:
    answer = operation.success.type
    if isinstance(answer, NullableType):
        answer = answer.inner
    segment = naming.resource_name(last_segment) if last_segment else ""
    # The operationId may say so where the path does not (Jira's `getAllBoards` at `/board`).
    said = [w.lower() for w in naming.words(operation.operation_id)]
    says_many = "all" in said or any(naming.looks_plural(w) and naming.singular(w) == naming.singular(segment)
                                     for w in said)
    return operation.page is not None or isinstance(answer, ListType) or naming.looks_plural(segment) or says_many
