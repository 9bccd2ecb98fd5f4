"""Multipart uploads from every kind of FileInput, checked part by part on the server."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Callable

import pytest

from dify_chatflow import DifyChatflow
from dify_chatflow.models import AudioToTextResponse, FileUploadResponse

from e2e_asserts import assert_model
from e2e_server import FakeDify, JSONReply, UploadedFile, dify_error
from e2e_spec import success_example

USER = "abc-123"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))  # includes \r\n and NUL bytes


@pytest.fixture
def png_path(tmp_path: Path) -> Path:
    path = tmp_path / "product photo.png"
    path.write_bytes(PNG)
    return path


def uploaded(server: FakeDify) -> UploadedFile:
    call = server.only_call()
    assert call.operation_id == "uploadAdvancedChatFile"
    assert call.content_type.startswith("multipart/form-data; boundary=")
    assert list(call.files) == ["file"] and len(call.files["file"]) == 1
    return call.files["file"][0]


def check_response(resp: Any) -> None:
    assert_model(resp, FileUploadResponse, success_example("uploadAdvancedChatFile").value)


def test_upload_from_path(client: DifyChatflow, server: FakeDify, png_path: Path) -> None:
    check_response(client.files.upload(file=png_path, user=USER))
    assert uploaded(server) == UploadedFile("product photo.png", "image/png", PNG)
    assert server.last.form == {"user": [USER]}


def test_upload_from_str_path(client: DifyChatflow, server: FakeDify, png_path: Path) -> None:
    check_response(client.files.upload(file=str(png_path), user=USER))
    assert uploaded(server) == UploadedFile("product photo.png", "image/png", PNG)


def test_upload_from_bytes(client: DifyChatflow, server: FakeDify) -> None:
    check_response(client.files.upload(file=PNG, user=USER))
    part = uploaded(server)
    assert part.data == PNG
    assert part.filename  # multipart needs a filename for a file part
    assert part.content_type == "application/octet-stream"


def test_upload_from_open_file(client: DifyChatflow, server: FakeDify, png_path: Path) -> None:
    with png_path.open("rb") as handle:
        check_response(client.files.upload(file=handle, user=USER))
    assert uploaded(server) == UploadedFile("product photo.png", "image/png", PNG)


def test_upload_from_nameless_file_object(client: DifyChatflow, server: FakeDify) -> None:
    check_response(client.files.upload(file=io.BytesIO(PNG)))
    part = uploaded(server)
    assert part.data == PNG and part.filename
    assert server.last.form == {}  # `user` omitted: not sent at all


def test_upload_from_tuple_with_content_type(client: DifyChatflow, server: FakeDify) -> None:
    check_response(client.files.upload(file=("photo.bin", PNG, "image/png"), user=USER))
    assert uploaded(server) == UploadedFile("photo.bin", "image/png", PNG)


def test_upload_from_tuple_guesses_content_type(client: DifyChatflow, server: FakeDify) -> None:
    check_response(client.files.upload(file=("report.pdf", io.BytesIO(b"%PDF-1.7"))))
    assert uploaded(server) == UploadedFile("report.pdf", "application/pdf", b"%PDF-1.7")


@pytest.mark.parametrize(
    "make_input",
    [
        lambda p: p,
        lambda p: p.read_bytes(),
        lambda p: ("speech.mp3", p.read_bytes(), "audio/mpeg"),
    ],
    ids=["path", "bytes", "tuple"],
)
def test_audio_to_text_uploads(
    make_input: Callable[[Path], Any], client: DifyChatflow, server: FakeDify, tmp_path: Path
) -> None:
    audio = tmp_path / "speech.mp3"
    audio.write_bytes(b"ID3\x03\x00" + bytes(100))
    resp = client.audio.audio_to_text(file=make_input(audio), user=USER)
    assert_model(resp, AudioToTextResponse, success_example("advancedAudioToText").value)
    call = server.only_call()
    assert call.operation_id == "advancedAudioToText"
    assert call.form == {"user": [USER]}
    (part,) = call.files["file"]
    assert part.data == audio.read_bytes()
    if not isinstance(make_input(audio), bytes):
        assert (part.filename, part.content_type) == ("speech.mp3", "audio/mpeg")


def test_upload_retried_after_429_resends_identical_bytes(client: DifyChatflow, server: FakeDify) -> None:
    """A one-shot stream (not seekable) must still be resent byte for byte."""
    limited = dify_error(429, "too_many_requests", "Too many requests. Please try again later.")
    server.script("uploadAdvancedChatFile", JSONReply(429, limited.body, {"retry-after": "0"}))

    class OneShot(io.RawIOBase):
        name = "clip.mp4"

        def __init__(self) -> None:
            self._left = PNG

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            chunk, self._left = self._left[: len(buffer)], self._left[len(buffer) :]
            buffer[: len(chunk)] = chunk
            return len(chunk)

    check_response(client.files.upload(file=io.BufferedReader(OneShot()), user=USER, max_retries=1))
    first, second = server.calls_of("uploadAdvancedChatFile")
    assert first.files == second.files == {"file": [UploadedFile("clip.mp4", "video/mp4", PNG)]}
