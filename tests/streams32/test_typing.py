"""The sequence packages pass mypy --strict, and each framing's call is a typed stream:
reveal_type shows `Stream[<Item>]` (`AsyncStream` for the async client). One mypy run."""

from __future__ import annotations

from typing import List

from tests.streams.conftest import Packages
from tests.streams.mypy_run import Reveal, reveal_lines, revealed_types, unexpected_reveals

REVEALS: List[Reveal] = [
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
    lines += reveal_lines(packages, REVEALS)
    names = [package.name for package in packages.all().values()]
    revealed = revealed_types(packages.root, names, "\n".join(lines) + "\n")
    problems = unexpected_reveals(packages, REVEALS, revealed)
    assert problems == [], "\n".join(problems)
