"""Result and error types of the load stage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

# The OpenAPI minor versions read; 3.2 is 3.1 plus new keys (itemSchema, QUERY, ...) wherever 3.1 differs from 3.0.
OpenAPIVersion = Literal["3.0", "3.1", "3.2"]


def _location(file: Path, pointer: str) -> str:
    return f"{file}#{pointer}" if pointer else str(file)


class LoadError(Exception):
    """A document that cannot be loaded; carries where and how to fix it."""

    def __init__(self, message: str, file: Path, pointer: str = "", hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.pointer = pointer
        self.hint = hint

    def __str__(self) -> str:
        # One line on purpose: the CLI prints it as is, without a traceback.
        text = f"{_location(self.file, self.pointer)}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


@dataclass(frozen=True)
class Diagnostic:
    """A non-fatal oddity noticed while loading."""

    level: Literal["warning"]
    message: str
    file: Path
    pointer: str = ""

    def __str__(self) -> str:
        return f"{_location(self.file, self.pointer)}: {self.level}: {self.message}"


@dataclass(frozen=True)
class LoadedSpec:
    """The root OpenAPI document with every external `$ref` bundled in."""

    document: dict[str, Any]
    source: Path
    version: OpenAPIVersion
    warnings: tuple[Diagnostic, ...]
    # Every file read, the root first: what a regeneration must watch for changes.
    files: tuple[Path, ...] = ()
