"""Typical user code of the generated Dify client; type-checked by mypy --strict, never run."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import List

from dify_chatflow import (
    APIStatusError,
    AsyncDifyChatflow,
    DifyChatflow,
    NotFoundError,
    StreamError,
)
from dify_chatflow.models import (
    ChatCompletionResponse,
    ChatRequestFilesItem,
    ChatRequestFilesItemParam,
    ConversationListItem,
    StreamEventChatMessage,
    StreamEventChatMessageEnd,
)


def blocking(client: DifyChatflow) -> str:
    response = client.chat.send_message(query="hi", inputs={}, user="u-1", response_mode="blocking")
    reveal_type(response)
    return response.answer or ""


def streaming(client: DifyChatflow) -> str:
    parts: list[str] = []
    with client.chat.send_message(query="hi", inputs={}, user="u-1", response_mode="streaming") as stream:
        reveal_type(stream)
        for event in stream:
            if isinstance(event, StreamEventChatMessage):
                parts.append(event.answer or "")
            elif isinstance(event, StreamEventChatMessageEnd) and event.metadata is not None:
                print(event.metadata.usage)
    return "".join(parts)


def omitted_mode(client: DifyChatflow) -> ChatCompletionResponse:
    return client.chat.send_message(query="hi", inputs={}, user="u-1")


def nested_inputs_as_models_or_dicts(client: DifyChatflow) -> None:
    picture = ChatRequestFilesItem(type="image", transfer_method="remote_url", url="https://x/y.png")
    # A dict literal in the call is checked against ChatRequestFilesItemParam; one kept in a
    # variable needs that annotation, as unannotated it is only a dict[str, str].
    as_dict: ChatRequestFilesItemParam = {"type": "document", "transfer_method": "local_file", "upload_file_id": "f-1"}
    client.chat.send_message(query="hi", inputs={}, user="u-1", files=[picture, as_dict])
    client.chat.send_message(query="hi", inputs={}, user="u-1",
                             files=[{"type": "audio", "transfer_method": "local_file", "upload_file_id": "f-2"}])
    audio = {"type": "audio", "transfer_method": "remote_url", "url": "https://x/a.mp3"}
    client.chat.send_message(query="hi", inputs={}, user="u-1", files=[picture, audio])  # type: ignore[list-item]
    # A list built elsewhere, typed as a list of models, fits too (the argument is a Sequence).
    pictures: List[ChatRequestFilesItem] = [picture]
    client.chat.send_message(query="hi", inputs={}, user="u-1", files=pictures)
    client.chat.send_message(query="hi", inputs={}, user="u-1", files=(picture,))


def until_done(client: DifyChatflow) -> str:
    result = client.chat.send_message(query="hi", inputs={}, user="u-1", response_mode="streaming").until_done()
    return result.text


def pagination(client: DifyChatflow) -> list[str]:
    names: list[str] = []
    for conversation in client.conversations.list(user="u-1", limit=20):
        reveal_type(conversation)
        names.append(conversation.name or "")
    page = client.conversations.list(user="u-1")
    first: list[ConversationListItem] = page.items
    return names + [c.id or "" for c in first]


def raw(client: DifyChatflow) -> int:
    response = client.app.with_raw_response.info()
    info = response.parse()
    print(info.name, response.headers.get("x-request-id"))
    return response.status_code


def files_and_errors(client: DifyChatflow) -> bytes:
    uploaded = client.files.upload(file=Path("a.png"), user="u-1")
    print(uploaded.id)
    try:
        client.conversations.delete("missing", user="u-1")
    except NotFoundError as err:
        print(err.status_code, err.code, err.message)
    except APIStatusError as err:
        print(err.body)
    audio: bytes = client.audio.text_to_audio(text="hello", user="u-1")
    return audio


async def async_usage() -> None:
    async with AsyncDifyChatflow() as client:
        response = await client.chat.send_message(query="hi", inputs={}, user="u-1", response_mode="blocking")
        reveal_type(response)
        stream = await client.chat.send_message(query="hi", inputs={}, user="u-1", response_mode="streaming")
        reveal_type(stream)
        try:
            async for event in stream:
                print(event)
        except StreamError as err:
            print(err.code)
        async for item in client.annotations.list(page=1, limit=10):
            print(item.question)
        first_page = await client.annotations.list()
        print(first_page.has_next_page())


asyncio.run(async_usage())
