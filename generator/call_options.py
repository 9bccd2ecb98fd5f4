"""The keyword arguments every generated method takes after the spec's own: the one table
that the method signatures, the `make_request_options(...)` call in the method body and
the parameter-naming rule (a spec parameter must not take one of these names) all read.

The runtime's `make_request_options` (runtime/_types.py) takes the same arguments; it is
copied into generated packages and stays standalone, so tests/test_fact_owners.py checks
that its signature matches this table.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CALL_OPTIONS", "CallOption"]


@dataclass(frozen=True)
class CallOption:
    name: str
    annotation: str  # as source in the generated module
    default: str  # as source
    runtime_names: tuple[str, ...]  # what `annotation` and `default` import from the runtime's _types
    typing_names: tuple[str, ...]  # what `annotation` imports from typing


CALL_OPTIONS = (
    CallOption("extra_headers", "Optional[Headers]", "None", ("Headers",), ("Optional",)),
    CallOption("extra_query", "Optional[Query]", "None", ("Query",), ("Optional",)),
    CallOption("extra_body", "Optional[Mapping[str, object]]", "None", (), ("Mapping", "Optional")),
    CallOption("timeout", "Union[Timeout, NotGiven]", "NOT_GIVEN", ("NOT_GIVEN", "NotGiven", "Timeout"), ("Union",)),
    CallOption("max_retries", "Union[int, NotGiven]", "NOT_GIVEN", ("NOT_GIVEN", "NotGiven"), ("Union",)),
)
