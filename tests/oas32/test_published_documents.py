"""OpenAPI 3.2 documents from outside this project (specs/oas32/, sources in
specs/README.md): the OpenAPI Initiative's published 3.2 examples and the 3.2
specification's own Media Type examples. Each generates, imports, is called live
against the recorder (sync and async), and passes mypy --strict with its streams typed.
"""

from __future__ import annotations

import importlib
import json
from contextlib import ExitStack
from datetime import date, datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Dict, Iterator, List, Tuple

import anyio
import pytest

from tests.importing import generated_package
from tests.oas32.test_mypy import run_mypy
from tests.serialisation.conftest import Recorder

SPECS = Path(__file__).resolve().parents[2] / "specs" / "oas32"
DOCUMENTS = {"query": "flight-query", "tags": "flight-tags", "media": "oas-media-type-examples"}

# The specification's JSON Lines example (LogJSONPerLine), byte for byte.
LOG_LINES = (b'{"timestamp": "1985-04-12T23:20:50.52Z", "level": 1, "message": "Hi!"}\n'
             b'{"timestamp": "1985-04-12T23:20:51.37Z", "level": 1, "message": "Bye!"}\n')
# Its json-seq example (the external document it shows), with the 0x1E separators.
LOG_SEQ = (b'\x1e{\n  "timestamp": "1985-04-12T23:20:50.52Z",\n  "level": 1,\n  "message": "Hi!"\n}\n'
           b'\x1e{\n  "timestamp": "1985-04-12T23:20:51.37Z",\n  "level": 1,\n  "message": "Bye!"\n}\n')
# Its text/event-stream example, byte for byte: note `addJSON`, which its schema spells `addJson`.
EVENTS = (b"event: addString\ndata: This data is formatted\ndata: across two lines\nretry: 5\n\n"
          b"event: addInt64\ndata: 1234.5678\nunknownField: this is ignored\n\n"
          b": This is a comment\nevent: addJSON\ndata: {\"foo\": 42}\n\n")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dict[str, ModuleType]]:
    out = tmp_path_factory.mktemp("published")
    packages: Dict[str, ModuleType] = {}
    with ExitStack() as imported:
        for key, stem in DOCUMENTS.items():
            package = generated_package(SPECS / f"{stem}.yaml", out / key, f"published_{key}")
            packages[key] = imported.enter_context(package)
            importlib.import_module(f"published_{key}.models")  # an attribute of the package from now on
        yield packages


def _classes(package: ModuleType) -> Tuple[type, type]:
    """The package's sync and async client classes."""
    clients = [getattr(package, n) for n in package.__all__ if hasattr(getattr(package, n), "with_raw_response")
               or (isinstance(getattr(package, n), type) and hasattr(getattr(package, n), "with_options"))]
    sync = next(c for c in clients if not c.__name__.startswith("Async"))
    return sync, next(c for c in clients if c.__name__ == "Async" + sync.__name__)


def _use(package: ModuleType, recorder: Recorder, is_async: bool, action: Callable[[Any], Any]) -> Any:
    """`action(client)` with a client of either flavour, closed after; a stream it returns
    is read to the end (a list of its items)."""
    sync, asynchronous = _classes(package)
    if not is_async:
        with sync(base_url=recorder.url) as client:
            result = action(client)
            if hasattr(result, "__next__"):
                with result:
                    return list(result)
            return result

    async def run() -> Any:
        async with asynchronous(base_url=recorder.url) as client:
            result = await action(client)
            if hasattr(result, "__anext__"):
                async with result:
                    return [item async for item in result]
            return result

    return anyio.run(run)


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_the_query_method_sends_its_body_and_reads_typed_flights(
    published: Dict[str, ModuleType], recorder: Recorder, is_async: bool
) -> None:
    answer = {"flights": [{"flightNumber": "DL30", "origin": "ATL", "destination": "LHR",
                           "departureTime": "2026-06-15T22:30:00Z", "price": 1249.99}]}
    recorder.answer("/flights/search", 200, "application/json", json.dumps(answer).encode())
    found = _use(published["query"], recorder, is_async, lambda client: client.flights.search.query(
        origin="ATL", destination="LHR", departure_date=date(2026, 6, 15), cabin_class="business"))
    seen = recorder.last
    assert (seen.method, seen.target) == ("QUERY", b"/flights/search")
    assert json.loads(seen.body) == {"origin": "ATL", "destination": "LHR", "departureDate": "2026-06-15",
                                     "cabinClass": "business"}
    flight = found.flights[0]
    assert (flight.flight_number, flight.price) == ("DL30", 1249.99)
    assert flight.departure_time == datetime(2026, 6, 15, 22, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_tags_nest_by_parent_and_badges_only_label(
    published: Dict[str, ModuleType], recorder: Recorder, is_async: bool
) -> None:
    calls: List[Callable[[Any], Any]] = [
        lambda c: c.flights.list(), lambda c: c.flights.international.retrieve(),
        lambda c: c.flights.domestic.retrieve(), lambda c: c.flights.delayed()]
    for call in calls:
        assert _use(published["tags"], recorder, is_async, call) is None  # the operations declare no answer
    assert [(s.method, s.target) for s in recorder.seen] == [
        ("GET", b"/flights"), ("GET", b"/flights/international"), ("GET", b"/flights/domestic"),
        ("GET", b"/flights/delayed")]
    # `delays` is a badge: it labels /flights/delayed and makes no resource of its own.
    assert not _use(published["tags"], recorder, is_async, lambda c: _async_false(is_async, hasattr(c, "delays")))


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("media_type, body", [("application/jsonl", LOG_LINES), ("application/x-ndjson", LOG_LINES),
                                              ("application/json-seq", LOG_SEQ)])
def test_the_log_stream_yields_typed_entries_in_every_sequential_media_type(
    published: Dict[str, ModuleType], recorder: Recorder, is_async: bool, media_type: str, body: bytes
) -> None:
    models = published["media"].models
    calls: List[Tuple[str, Callable[[Any], Any]]] = [
        ("/logs", lambda c: c.logs.list()), ("/logs/excerpt", lambda c: c.logs.excerpt())]
    for path, call in calls:
        recorder.answer(path, 200, media_type, body)
        entries = _use(published["media"], recorder, is_async, call)
        assert [type(e) for e in entries] == [models.LogEntry, models.LogEntry]
        assert [(e.level, e.message) for e in entries] == [(1, "Hi!"), (1, "Bye!")]
        assert entries[1].timestamp == datetime(1985, 4, 12, 23, 20, 51, 370000, tzinfo=timezone.utc)
    accept = recorder.last.headers["accept"]
    assert {"application/jsonl", "application/x-ndjson", "application/json-seq"} <= {
        part.strip() for part in accept.split(",")}


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_the_spec_s_event_stream_yields_whole_typed_events(
    published: Dict[str, ModuleType], recorder: Recorder, is_async: bool
) -> None:
    models = published["media"].models
    recorder.answer("/events", 200, "text/event-stream", EVENTS)
    events = _use(published["media"], recorder, is_async, lambda c: c.events.list())
    assert [type(e) for e in events] == [models.StreamEventsEventAddString, models.StreamEventsEventAddInt64,
                                         models.StreamEventsEventUnknown]
    assert (events[0].data, events[0].retry) == ("This data is formatted\nacross two lines", 5)
    assert events[1].data == "1234.5678"
    # `addJSON` is no event the schema names (it says `addJson`): kept whole, its data as sent.
    assert events[2].event == "addJSON" and events[2].model_extra == {"data": '{"foo": 42}'}
    recorder.answer("/events", 200, "text/event-stream", b'event: addJson\ndata: {"foo": 42}\n\n')
    (decoded,) = _use(published["media"], recorder, is_async, lambda c: c.events.list())
    assert isinstance(decoded, models.StreamEventsEventAddJson) and decoded.data.foo == 42


def _async_false(is_async: bool, value: bool) -> Any:
    """`value`, awaitable when the client is async (what `_use` awaits)."""
    if not is_async:
        return value

    async def done() -> bool:
        return value

    return done()


USER_CODE = '''
from datetime import date
from typing import List

from published_media import MediaTypeExamples, Stream
from published_media.models import LogEntry, StreamEventsEvent, StreamEventsEventAddJson
from published_query import Flight
from published_tags import AsyncFlight


def logs(client: MediaTypeExamples) -> List[str]:
    stream: Stream[LogEntry] = client.logs.list()
    excerpt: Stream[LogEntry] = client.logs.excerpt()
    return [entry.message or "" for entry in [*stream, *excerpt]]


def events(client: MediaTypeExamples) -> int:
    total = 0
    for event in client.events.list():
        reveal_type(event)
        if isinstance(event, StreamEventsEventAddJson):
            total += event.data.foo
    return total


def search(client: Flight) -> int:
    return len(client.flights.search.query(origin="ATL", destination="LHR", departure_date=date(2026, 6, 15)).flights or [])


async def nested(client: AsyncFlight) -> None:
    await client.flights.international.retrieve()
'''


def test_user_code_on_the_published_documents_passes_mypy_strict(
    published: Dict[str, ModuleType], tmp_path: Path
) -> None:
    roots = [Path(package.__file__).parent.parent for package in published.values()]
    result = run_mypy(tmp_path, roots, USER_CODE)
    # reveal_type is a note, not an error: the run passes and names the event union.
    assert result.returncode == 0, result.stdout + result.stderr
    (revealed,) = [line for line in result.stdout.splitlines() if "Revealed type is" in line]
    variants = {name for name in ("AddString", "AddInt64", "AddJson", "Unknown")
                if f"published_media.models.StreamEventsEvent{name}" in revealed}
    assert len(variants) == 4 and "Any" not in revealed, revealed
