"""Form bodies end to end: urlencoded fields per `encoding` style, multipart parts
with their content types and headers, raw uploads with a file name."""

from __future__ import annotations

import email.parser
import email.policy
from typing import Any, List, Tuple

import pytest

from tests.serialisation.conftest import Recorder, Seen

ARRAY = ["blue", "black", "brown"]
OBJECT = {"R": 100, "G": 200, "B": 150}


def _parts(seen: Seen) -> List[Tuple[str, str, Any, bytes]]:
    """(name, filename, headers, content) of every part, parsed from the raw body."""
    head = f"Content-Type: {seen.headers['content-type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + seen.body)
    assert message.is_multipart()
    found = []
    for part in message.iter_parts():
        disposition = part.get("content-disposition")
        found.append((disposition.params["name"], disposition.params.get("filename"), part,
                      part.get_payload(decode=True)))  # fmt: skip
    return found


def test_urlencoded_form_follows_each_fields_encoding(client: Any, recorder: Recorder) -> None:
    client.bodies.send_form(
        name="Ann Lee & co", tags=ARRAY, meta={"k": "v w"}, items=[OBJECT], point=OBJECT,
        colors=ARRAY, blob=OBJECT,
    )  # fmt: skip
    seen = recorder.last
    assert seen.headers["content-type"] == "application/x-www-form-urlencoded"
    assert seen.body.split(b"&") == [
        b"name=Ann%20Lee%20%26%20co",
        b"tags=blue", b"tags=black", b"tags=brown",  # an array repeats its key (form, exploded)
        b"meta%5Bk%5D=v%20w",  # objects without an encoding: brackets
        b"items%5B0%5D%5BR%5D=100", b"items%5B0%5D%5BG%5D=200", b"items%5B0%5D%5BB%5D=150",
        b"R=100", b"G=200", b"B=150",  # style: form, explode: true
        b"colors=blue%7Cblack%7Cbrown",  # style: pipeDelimited
        b"blob=%7B%22R%22%3A100%2C%22G%22%3A200%2C%22B%22%3A150%7D",  # contentType: application/json
    ]  # fmt: skip


def test_multipart_parts_types_and_headers(client: Any, recorder: Recorder) -> None:
    client.bodies.send_multipart(
        note="hi", image=b"\x89PNG", tags=ARRAY, meta=OBJECT, point=OBJECT,
        attachments=[("a.txt", b"aaa"), ("b.csv", b"b,b", "text/csv; charset=utf-8")],
    )  # fmt: skip
    parts = _parts(recorder.last)
    assert [(name, filename) for name, filename, _, _ in parts] == [
        ("note", None), ("tags", None), ("tags", None), ("tags", None), ("meta", None), ("point", None),
        ("image", "upload"), ("attachments", "a.txt"), ("attachments", "b.csv"),
    ]  # fmt: skip
    by_name = {}
    for name, _, part, content in parts:
        by_name.setdefault(name, []).append((part, content))
    assert by_name["note"][0][1] == b"hi" and by_name["note"][0][0].get("content-type") is None
    assert [content for _, content in by_name["tags"]] == [b"blue", b"black", b"brown"]
    meta_part, meta = by_name["meta"][0]
    assert meta_part.get("content-type") == "application/json" and meta == b'{"R":100,"G":200,"B":150}'
    assert by_name["point"][0][0].get("content-type") == "application/vnd.rgb+json"
    image_part, image = by_name["image"][0]
    # The encoding's contentType names the bytes' type; its header with a default is sent.
    assert image == b"\x89PNG" and image_part.get("content-type") == "image/png"
    assert image_part.get("x-rate") == "7" and image_part.get("x-described") is None
    (a_part, a), (b_part, b) = by_name["attachments"]
    assert (a, a_part.get("content-type")) == (b"aaa", "text/plain")
    assert (b, b_part.get_content_type(), b_part.get_param("charset")) == (b"b,b", "text/csv", "utf-8")


def test_multipart_without_optional_files_is_still_multipart(client: Any, recorder: Recorder) -> None:
    client.bodies.send_multipart(note="only", image=("x.png", b"1"))
    parts = _parts(recorder.last)
    assert [(n, f) for n, f, _, _ in parts] == [("note", None), ("image", "x.png")]


@pytest.mark.parametrize(
    "body, content_type",
    [
        (("photo.jpg", b"\xff\xd8"), "image/jpeg"),  # the file name tells which image/* it is
        (("photo", b"\xff\xd8", "image/webp"), "image/webp"),  # a type the caller names wins
        (b"\xff\xd8", "image/*"),  # nothing to tell: the spec's own type
    ],
)
def test_raw_upload_takes_its_type_from_the_file(client: Any, recorder: Recorder, body: Any, content_type: str) -> None:
    client.bodies.put_image("p 1", body=body)
    seen = recorder.last
    assert seen.target == b"/uploads/p%201"
    assert seen.body == b"\xff\xd8" and seen.headers["content-type"] == content_type


@pytest.mark.anyio
async def test_async_multipart_matches_sync(aclient: Any, client: Any, recorder: Recorder) -> None:
    client.bodies.send_form(name="n", colors=ARRAY)
    await aclient.bodies.send_form(name="n", colors=ARRAY)
    assert recorder.seen[0].body == recorder.seen[1].body == b"name=n&colors=blue%7Cblack%7Cbrown"
