"""Every generated streaming package passes mypy --strict, and so does code calling
it; reveal_type pins what each mode form returns. One mypy run checks them all.

The required mode field of `required_mode` was the bug of issue #11: the
blocking overload made it optional, so mypy reported "Overloaded function
implementation does not accept all possible parameters"."""

from __future__ import annotations

from typing import List

from tests.streams.conftest import Packages
from tests.streams.mypy_run import Reveal, reveal_lines, revealed_types, unexpected_reveals

REVEALS: List[Reveal] = [
    ("nullable30", 'C.api.generate(prompt="p", stream=True)', "_streaming.Stream["),
    ("nullable30", 'C.api.generate(prompt="p")', "models.Reply"),
    ("nullable30", 'C.api.generate(prompt="p", stream=None)', "models.Reply"),
    ("nullable30", 'C.api.generate(prompt="p", stream=FLAG)', "models.Reply | {pkg}._streaming.Stream["),
    ("nullable31", 'C.api.generate(prompt="p", stream=True)', "_streaming.Stream["),
    ("optional31", 'C.api.generate(prompt="p", stream=False)', "models.Reply"),
    ("two_modes", 'C.api.generate(prompt="p", response_mode="streaming")', "_streaming.Stream["),
    ("two_modes", 'C.api.generate(prompt="p")', "models.Reply"),
    ("required_mode", 'C.api.generate(prompt="p", response_mode="streaming")', "_streaming.Stream["),
    ("required_mode", 'C.api.generate(prompt="p", response_mode="blocking")', "models.Reply"),
    ("configured_required", 'C.api.generate(prompt="p", format="sse")', "_streaming.Stream["),
    ("configured_required", 'C.api.generate(prompt="p", format="json")', "models.Reply"),
    ("one_mode", 'C.api.generate(prompt="p")', "_streaming.Stream["),
    ("one_mode_required", 'C.api.generate(prompt="p")', "_streaming.Stream["),
    ("sse_only_with_mode", 'C.api.generate(prompt="p")', "_streaming.Stream["),
    ("sse_only", 'C.api.generate(prompt="p")', "_streaming.Stream["),
    ("one_mode", 'await A.api.generate(prompt="p")', "_streaming.AsyncStream["),
    ("nullable30", 'await A.api.generate(prompt="p", stream=True)', "_streaming.AsyncStream["),
    ("text_union", 'next(iter(C.api.generate(prompt="p")))', "str | {pkg}.models.Done"),
    ("openai", 'C.chat.create(model="m", messages=[], stream=True)',
     "_streaming.Stream[{pkg}.models.CreateChatCompletionStreamResponse]"),
    ("dify_workflow", 'C.workflows.events("t", user="u")', "_streaming.Stream[dict[str, Any]]"),
    ("dify_completion", 'C.completion.create(inputs={}, response_mode="blocking")', "models.CompletionResponse"),
]


def _user_code(packages: Packages) -> str:
    lines = ["from __future__ import annotations", "from typing import Optional", ""]
    for case, package in sorted(packages.all().items()):
        lines.append(f"import {package.name}")
    lines += ["", "FLAG: Optional[bool] = None", "", "", "async def main() -> None:"]
    lines += reveal_lines(packages, REVEALS)
    required = packages["required_mode"]
    lines += [
        "    # A required mode field stays required in every overload.",
        f'    {required.name}.{required.client_class}().api.generate(prompt="p")  # type: ignore[call-overload]',
        "",
        "",
        f"def errors(err: {packages['nullable30'].name}.APIStatusError) -> int:",
        f"    if isinstance(err, {packages['nullable30'].name}.StreamError):",
        "        reveal_type(err.status)  # reveal status",
        "    return err.status_code",
    ]
    return "\n".join(lines) + "\n"


def test_generated_streaming_packages_and_their_use_pass_mypy_strict(packages: Packages) -> None:
    names = [package.name for package in packages.all().values()]
    revealed = revealed_types(packages.root, names, _user_code(packages))
    problems = unexpected_reveals(packages, REVEALS, revealed)
    assert problems == [], "\n".join(problems)
    assert revealed["status"] in ("Union[builtins.int, None]", "builtins.int | None", "int | None")
