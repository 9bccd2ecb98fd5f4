"""The wire client against Prism: an independent reading of the same spec.

Prism validates each request (parameter styles, form and multipart bodies,
formats, readOnly) against tests/serialisation/specs/wire.yaml and answers
from the schemas; a request it finds wrong comes back 422 with an
`sl-violations` header. Every call must pass and its answer parse.

Not the path styles: Prism 5.14.2 crashes on any array path parameter
(`value.split is not a function` in its simple-style deserializer) and drops
the connection; tests/serialisation/test_params_live.py checks those bytes.
Nor arrays and objects in form bodies: Prism reads neither repeated keys nor
repeated parts as an array, nor a JSON part or `encoding` contentType as an
object, and wants an omitted pipeDelimited field to be an array
(test_bodies_live.py checks those bytes). Nor `prefixItems`: Prism reads
`items: false` as draft 7 did (no item at all) and answers `[]` for a tuple of
two (test_shapes_live.py).
"""

from __future__ import annotations

import datetime
import json
import uuid
from pathlib import Path
from typing import Any, Iterator, List

import httpx
import pytest

from tests.prism.conftest import PRISM_BIN, PrismProcess, _start_all
from tests.serialisation.conftest import SPEC

ARRAY = ["blue", "black", "brown"]
OBJECT = {"R": 100, "G": 200, "B": 150}

pytestmark = pytest.mark.skipif(not PRISM_BIN.exists(), reason="Prism not installed: npm ci --prefix tools/prism")


@pytest.fixture(scope="module")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrismProcess]:
    server = PrismProcess("prism-wire", SPEC, tmp_path_factory.mktemp("prism-wire"))
    _start_all([server])
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def violations() -> List[str]:
    return []


@pytest.fixture
def prism_client(wire: Any, prism: PrismProcess, violations: List[str]) -> Iterator[Any]:
    def record(response: httpx.Response) -> None:
        # Only the request's: Prism also reports its own answers (a bare "string" for
        # `format: byte`), which the client must survive, and does.
        for found in json.loads(response.headers.get("sl-violations", "[]")):
            if not str(found.get("message", "")).startswith("Response"):
                violations.append(f"{response.request.method} {response.request.url}: {found}")

    http = httpx.Client(event_hooks={"response": [record]}, timeout=30)
    with wire.Wire(api_key="k", base_url=prism.url, http_client=http, max_retries=0) as client:
        yield client
    http.close()


def test_every_rule_passes_prisms_request_validation(prism_client: Any, violations: List[str]) -> None:
    c = prism_client
    c.params.query_styles(form_arr=ARRAY, form_arr_flat=ARRAY, form_obj=OBJECT, form_obj_flat=OBJECT, spaced=ARRAY,
                          piped=ARRAY, deep=OBJECT, next="/a/b?c", text="a b", filter={"n": 1}, x_tags=ARRAY,
                          x_point=OBJECT, session="s1", prefs=ARRAY)
    c.bodies.send_multipart(note="n", image=("a.png", b"\x89PNG"))
    c.bodies.put_image("p", body=("a.png", b"\x89PNG"))
    got = c.formats.update(uuid.uuid4(), day=datetime.date(2024, 1, 2),
                                 since=datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
                                 token=b"tok", at=datetime.datetime.now(datetime.timezone.utc),
                                 day2=datetime.date(2024, 1, 2), ref=uuid.uuid4(), raw=b"raw")
    assert isinstance(got.raw, bytes) and isinstance(got.day, datetime.date)  # raw: Prism's "string", kept
    account = c.accounts.create(name="n", password="p")
    c.accounts.update(body=[account])
    assert c.answers.list() is not None
    assert c.errors.list() is not None
    assert violations == []
