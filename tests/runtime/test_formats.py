"""`format: byte` through the runtime's Base64Bytes: base64 text on the wire, bytes in Python."""

from __future__ import annotations

from typing import List

import pydantic
import pytest

from rtpkg._formats import Base64Bytes

ADAPTER: "pydantic.TypeAdapter[List[Base64Bytes]]" = pydantic.TypeAdapter(List[Base64Bytes])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("AP9oaQo=", b"\x00\xffhi\n"),  # RFC 4648 section 4
        ("_-8=", b"\xff\xef"),  # the URL-safe alphabet (section 5)
        ("", b""),
        ("string", b"string"),  # no base64 (a mock's placeholder): kept as its bytes
    ],
)
def test_decoding(text: str, expected: bytes) -> None:
    assert ADAPTER.validate_json(f'["{text}"]') == [expected]


def test_encoding_is_standard_base64_without_line_breaks() -> None:
    data = bytes(range(256)) * 2
    dumped = ADAPTER.dump_json([data]).decode()
    assert "\\n" not in dumped and ADAPTER.validate_json(dumped) == [data]
    assert ADAPTER.dump_python([b"\x00\xff"], mode="json") == ["AP8="]
    assert ADAPTER.dump_python([b"\x00\xff"]) == [b"\x00\xff"]  # Python mode keeps bytes
