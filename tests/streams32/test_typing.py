"""The sequence packages pass mypy --strict, and each framing's call is a typed stream:
reveal_type shows `Stream[<Item>]` (`AsyncStream` for the async client). One mypy run."""

from __future__ import annotations

from typing import List

from tests.streams.conftest import Packages
from tests.streams.mypy_run import revealed_types

# (case, call, what mypy must reveal) -- `C` is the case's sync client, `A` its async one.
REVEALS = [
    ("sse_whole", "C.api.run()", "_streaming.Stream[{pkg}.models.Tick]"),
    ("sse_whole", "next(iter(C.api.run())).data", "{pkg}.models.Item"),
    ("sse_union", "C.api.run()", "_streaming.Stream[{pkg}.models.Removed | {pkg}.models.Note | "
                                 "{pkg}.models.Update | {pkg}.models.RunEventUnknown]"),
    ("jsonl32", "C.api.run()", "_streaming.Stream[{pkg}.models.Item]"),
    ("jsonl31", "C.api.run()", "_streaming.Stream[{pkg}.models.Item]"),
    ("ndjson30", "C.api.run(stream=True)", "_streaming.Stream[{pkg}.models.Item]"),
    ("ndjson30", "C.api.run(stream=False)", "{pkg}.models.Reply"),
    ("jsonseq32", "C.api.run()", "_streaming.Stream[{pkg}.models.Item]"),
    ("jsonseq32", "await A.api.run()", "_streaming.AsyncStream[{pkg}.models.Item]"),
    ("multipart32", "C.api.run()", "_streaming.Stream[{pkg}.models.Item | str | bytes]"),
]


def test_each_framing_is_a_typed_stream_under_mypy_strict(packages: Packages) -> None:
    lines = ["from __future__ import annotations", ""]
    lines += [f"import {package.name}" for package in packages.all().values()]
    lines += ["", "", "async def main() -> None:"]
    for index, (case, call, _) in enumerate(REVEALS):
        package = packages[case]
        lines.append(f"    C{index} = {package.name}.{package.client_class}()")
        lines.append(f"    A{index} = {package.name}.Async{package.client_class}()")
        call = call.replace("C.", f"C{index}.").replace("A.", f"A{index}.")
        lines.append(f"    reveal_type({call})  # reveal {index}")
    names = [package.name for package in packages.all().values()]
    revealed = revealed_types(packages.root, names, "\n".join(lines) + "\n")
    problems: List[str] = []
    for index, (case, call, expected) in enumerate(REVEALS):
        wanted = expected.format(pkg=packages[case].name)
        if wanted not in revealed.get(str(index), ""):
            problems.append(f"{case}: {call} -> {revealed.get(str(index))!r}, expected {wanted!r}")
    assert problems == [], "\n".join(problems)
