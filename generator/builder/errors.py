"""Problems found while building the IR, each tied to a JSON pointer."""

from __future__ import annotations

from dataclasses import dataclass


class BuildError(Exception):
    """The spec cannot be turned into a client: stop with this one message."""

    def __init__(self, message: str, pointer: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.pointer = pointer
        self.hint = hint

    def __str__(self) -> str:
        return f"#{self.pointer}: {self.message} ({self.hint})"


@dataclass(frozen=True)
class BuildWarning:
    """Something was skipped or guessed; the client is still generated."""

    message: str
    pointer: str
