"""Models a generator would emit for the test server's endpoints."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Tag, TypeAdapter
from typing_extensions import Annotated, Literal


class MessageEvent(BaseModel):
    event: Literal["message"]
    answer: str
    id: str


class MessageEndEvent(BaseModel):
    event: Literal["message_end"]
    id: str
    metadata: Dict[str, Any] = {}


class UnknownEvent(BaseModel):
    """Fallback so a new server-side event type does not break old clients."""

    model_config = ConfigDict(extra="allow")
    event: str


def _event_tag(value: Any) -> str:
    tag = value.get("event") if isinstance(value, dict) else getattr(value, "event", None)
    return tag if tag in ("message", "message_end") else "unknown"


ChatEvent = Annotated[
    Union[
        Annotated[MessageEvent, Tag("message")],
        Annotated[MessageEndEvent, Tag("message_end")],
        Annotated[UnknownEvent, Tag("unknown")],
    ],
    Discriminator(_event_tag),
]
ChatEventAdapter: TypeAdapter[Union[MessageEvent, MessageEndEvent, UnknownEvent]] = TypeAdapter(
    ChatEvent
)


class Echo(BaseModel):
    method: str
    query: List[List[str]]
    headers: Dict[str, str]
    body: Optional[Any] = None


class Conversation(BaseModel):
    id: str


class ConversationList(BaseModel):
    limit: int
    has_more: bool
    data: List[Conversation]


class Annotation(BaseModel):
    id: str
    question: str


class AnnotationList(BaseModel):
    data: List[Annotation]
    page: int
    limit: int
    total: int


class StrictThing(BaseModel):
    id: str
